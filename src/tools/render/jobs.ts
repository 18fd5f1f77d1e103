// The render queue: adding, listing and deleting jobs.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  checkTargetDirs,
  confirmJobOutputs,
  findTimeline,
  isHandle,
  type JobInfo,
  jobList,
  pageInput,
  pageOutput,
  pageWindow,
  timelineRefInput,
} from "../../resolve/index.ts";
import { hostInput } from "../shared.ts";
import { jobIdsInput, jobRow, jobSchema, PROJECT, unknownJobs } from "./common.ts";

export const addRenderJob = defineTool({
  name: "add_render_job",
  default: true,
  title: "Add render job",
  description:
    "Queues a render job from the current render settings (set_render_settings first; a TargetDir is required) for the current timeline, or for the named timeline (made current for the job, then the previous one is restored). The output folder must exist and be writable. If the job's output file exists already, it needs confirmation (the job is not queued otherwise). Returns the job.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({ timeline: timelineRefInput, host: hostInput() }),
  output: () => jobSchema.shape,
  apiMethods: [
    ...PROJECT,
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Project.AddRenderJob",
    "Project.GetRenderJobList",
    "Project.GetRenderJobStatus",
    "Project.DeleteRenderJob",
  ],
  async handler(args, callCtx) {
    const ctx = callCtx.onHost(args.host);
    const { resolve } = ctx;
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    let previous: unknown = null;
    if (args.timeline !== undefined) {
      previous = await resolve.call(project, "GetCurrentTimeline");
      await resolve.call(project, "SetCurrentTimeline", timeline);
    }
    let id: unknown;
    try {
      id = await resolve.call(project, "AddRenderJob");
    } finally {
      if (isHandle(previous)) await resolve.call(project, "SetCurrentTimeline", previous);
    }
    if (typeof id !== "string" || !id) {
      fail(
        "JOB_REFUSED",
        "Resolve refused to add a render job",
        "Set an output folder first (set_render_settings with settings.TargetDir), check MarkIn/MarkOut and that video or audio export is on.",
      );
    }
    const [jobs, status] = await resolve.batch([
      call(project, "GetRenderJobList"),
      call(project, "GetRenderJobStatus", id),
    ]);
    const job = ((jobs as JobInfo[]) ?? []).find((j) => j.JobId === id) ?? { JobId: id };
    try {
      await checkTargetDirs(ctx, [job]);
      await confirmJobOutputs(ctx, [job]);
    } catch (e) {
      await resolve.call(project, "DeleteRenderJob", id); // refused: leave no job behind
      throw e;
    }
    const data = jobRow(job, status);
    return {
      summary:
        `Queued ${data.name} (${data.job_id}) for "${data.timeline}" -> ${data.output_path}.`,
      data,
    };
  },
});

export const listRenderJobs = defineTool({
  name: "list_render_jobs",
  title: "List render jobs",
  description:
    "Lists the render queue with each job's settings, output file, status and completion, a page at a time.",
  toolset: "render",
  readOnly: true,
  input: () => ({ ...pageInput, host: hostInput() }),
  output: () => ({ jobs: z.array(jobSchema).describe("Jobs in this page."), ...pageOutput }),
  apiMethods: [...PROJECT, "Project.GetRenderJobList", "Project.GetRenderJobStatus"],
  async handler(args, ctx) {
    const { resolve } = ctx.onHost(args.host);
    const project = await resolve.project();
    const jobs = await jobList(resolve, project);
    const w = pageWindow(jobs.length, args.cursor, args.limit);
    const page = jobs.slice(w.offset, w.end);
    const statuses = await resolve.batch(
      page.map((j) => call(project, "GetRenderJobStatus", j.JobId)),
    );
    const data = page.map((j, i) => jobRow(j, statuses[i]));
    return {
      summary: `${jobs.length} render job(s); showing ${data.length}.`,
      data: { jobs: data, total: w.total, next_cursor: w.next_cursor },
    };
  },
});

export const deleteRenderJobs = defineTool({
  name: "delete_render_jobs",
  title: "Delete render jobs",
  description:
    "Removes render jobs from the queue: the given job ids, or all jobs. Jobs being rendered cannot be deleted (stop_render first). Needs confirmation.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe("Ids of the jobs to delete. Give this or all."),
    all: z.boolean().optional().describe("Delete every job in the queue."),
  }),
  output: () => ({
    deleted: z.array(z.string()).describe("Ids of the deleted jobs."),
    remaining: z.number().describe("Jobs left in the queue."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetRenderJobList",
    "Project.DeleteRenderJob",
    "Project.DeleteAllRenderJobs",
    "Project.IsRenderingInProgress",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    if (!args.job_ids === !args.all) fail("INVALID_ARGUMENTS", "give job_ids or all: true");
    const project = await resolve.project();
    const jobs = await jobList(resolve, project);
    const ids = args.all ? jobs.map((j) => String(j.JobId)) : [...new Set(args.job_ids!)];
    unknownJobs(ids, jobs);
    if (await resolve.call(project, "IsRenderingInProgress") === true) {
      fail("RENDER_IN_PROGRESS", "a render is in progress", "Call stop_render first, or wait.");
    }
    await ctx.confirm(
      args.all ? `Delete all ${ids.length} render job(s)?` : `Delete ${ids.length} render job(s)?`,
    );
    const results = args.all
      ? [await resolve.call(project, "DeleteAllRenderJobs")]
      : await resolve.batch(ids.map((id) => call(project, "DeleteRenderJob", id)));
    const after = await jobList(resolve, project);
    const left = new Set(after.map((j) => String(j.JobId)));
    const deleted = ids.filter((id) => !left.has(id));
    if (results.some((r) => r !== true) && deleted.length < ids.length) {
      fail(
        "DELETE_REFUSED",
        `Resolve refused to delete ${ids.length - deleted.length} job(s)`,
        "Jobs being rendered cannot be deleted; stop_render first.",
      );
    }
    return {
      summary: `Deleted ${deleted.length} job(s); ${after.length} left.`,
      data: { deleted, remaining: after.length },
    };
  },
});
