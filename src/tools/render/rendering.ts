// Rendering: start, follow (wait, status) and stop, with progress.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolContext } from "../../tool.ts";
import {
  call,
  checkTargetDirs,
  confirmJobOutputs,
  type Handle,
  type JobInfo,
  jobList,
  ref,
  type ResolveSession,
  sleep,
} from "../../resolve/index.ts";
import { hostInput } from "../shared.ts";
import { jobIdsInput, num, PROJECT, statusRow, statusSchema, unknownJobs } from "./common.ts";

const POLL_MS = 200;
/** How long start_render and wait_for_render wait by default: well under clients' timeouts. */
const DEFAULT_WAIT_S = 25;
/** JobStatus values after which a job no longer changes. */
const FINAL = new Set([
  "Complete",
  "Failed",
  "Cancelled",
  "Background Render Cancelled",
  "Remote Render Cancelled",
]);

async function pollStatuses(resolve: ResolveSession, project: Handle, ids: string[]) {
  const [inProgress, ...statuses] = await resolve.batch([
    call(project, "IsRenderingInProgress"),
    ...ids.map((id) => call(project, "GetRenderJobStatus", id)),
  ]);
  return { inProgress: inProgress === true, statuses };
}

/** A render start_render began: its jobs and the project they are queued in. */
interface StartedRender {
  ids: string[];
  projectId: string;
  projectName: string;
}

// The last renders started by this server (newest last), shared by its sessions: a later
// wait_for_render or render_status follows them in their project, whoever switched since.
const startedRenders: StartedRender[] = [];

function renderWith(id: string) {
  return startedRenders.findLast((r) => r.ids.includes(id));
}

/** A project's identity: its unique id (its name where Resolve has none). */
async function projectIdentity(resolve: ResolveSession, project: Handle) {
  const [id, name] = await resolve.batch([
    call(project, "GetUniqueId"),
    call(project, "GetName"),
  ]);
  return { id: String(id ?? name ?? ""), name: String(name ?? "") };
}

function projectChanged(r: StartedRender, current: string): never {
  return fail(
    "PROJECT_CHANGED",
    `the render of job(s) ${r.ids.join(", ")} runs in project "${r.projectName}", but the ` +
      `current project is now ${
        current ? `"${current}"` : "none"
      }; the render continues there, and this is not its result`,
    `Reopen "${r.projectName}" (open_project), then call wait_for_render or render_status to follow it.`,
  );
}

/** JOB_NOT_FOUND, or PROJECT_CHANGED when a missing job belongs to a render in another project. */
function checkFollowable(
  here: { id: string; name: string },
  ids: string[],
  jobs: JobInfo[],
) {
  const known = new Set(jobs.map((j) => String(j.JobId)));
  const elsewhere = ids.map(renderWith).find((r, i) => r && !known.has(ids[i]));
  if (elsewhere && elsewhere.projectId !== here.id) projectChanged(elsewhere, here.name);
  unknownJobs(ids, jobs);
}

/**
 * Waits up to maxMs for the render's jobs to end, polling the current project (a switch is
 * PROJECT_CHANGED, not the other project's queue read as this render's), with progress
 * notifications. A cancelled call stops waiting only: nothing but stop_render stops a render.
 */
async function follow(ctx: ToolContext, r: StartedRender, maxMs: number) {
  const { resolve } = ctx;
  const end = Date.now() + maxMs;
  let last = -1;
  while (true) {
    const root = await resolve.root();
    const [, , id, name, inProgress, ...statuses] = await resolve.batch([
      call(root, "GetProjectManager"),
      call(ref(0), "GetCurrentProject"),
      call(ref(1), "GetUniqueId"),
      call(ref(1), "GetName"),
      call(ref(1), "IsRenderingInProgress"),
      ...r.ids.map((job) => call(ref(1), "GetRenderJobStatus", job)),
    ]);
    if (String(id ?? name ?? "") !== r.projectId) projectChanged(r, String(name ?? ""));
    const st = statuses.map((s) => (s ?? {}) as Record<string, unknown>);
    const finished = inProgress !== true || st.every((s) => FINAL.has(String(s.JobStatus)));
    const pct = Math.floor(
      st.reduce((a, s) => a + num(s.CompletionPercentage), 0) / Math.max(1, st.length),
    );
    if (pct !== last || finished) {
      last = pct;
      const done = st.filter((s) => FINAL.has(String(s.JobStatus))).length;
      await ctx.progress(pct, 100, `${done}/${r.ids.length} job(s) finished, ${pct}%`);
    }
    const left = end - Date.now();
    if (finished || left <= 0 || ctx.signal.aborted) return { finished, statuses };
    await ctx.idle(() => sleep(Math.min(POLL_MS, left), ctx.signal)); // other tools run meanwhile
  }
}

/** The rows of a wait's end; a render that ended with any job not complete is an error. */
function renderOutcome(r: StartedRender, jobs: JobInfo[], finished: boolean, statuses: unknown[]) {
  const rows = r.ids.map((id, i) => statusRow(id, statuses[i], jobs.find((j) => j.JobId === id)));
  const bad = rows.filter((row) => row.status !== "Complete");
  if (finished && bad.length) {
    const cancelled = bad.every((row) => /Cancelled/.test(row.status));
    fail(
      cancelled ? "RENDER_CANCELLED" : "RENDER_FAILED",
      `${bad.length} of ${rows.length} render job(s) did not complete: ${
        bad.map((row) =>
          `${row.job_id} (${row.output_path ?? "?"}) ${row.status}${
            row.error ? `: ${row.error}` : ""
          }`
        ).join("; ")
      }`,
      cancelled
        ? "The render was stopped (stop_render, or in Resolve); start_render those job_ids to render them again."
        : "Fix the cause (the job's error; its timeline, output folder and disk space), then start_render those job_ids again.",
    );
  }
  const complete = rows.length - bad.length;
  const pct = Math.floor(rows.reduce((a, row) => a + row.completion, 0) / Math.max(1, rows.length));
  const summary = finished
    ? `Render finished: all ${rows.length} job(s) complete in project "${r.projectName}".`
    : `Still rendering in project "${r.projectName}" (${complete}/${rows.length} job(s) complete, ${pct}%); the render continues: call wait_for_render or render_status to follow it, stop_render to stop it.`;
  return { rows, summary };
}

/** A render this server did not start (Resolve's UI, api_project): the job rendering now. */
async function renderingNow(
  resolve: ResolveSession,
  project: Handle,
  here: { id: string; name: string },
  jobs: JobInfo[],
): Promise<StartedRender> {
  const all = jobs.map((j) => String(j.JobId));
  const { inProgress, statuses } = await pollStatuses(resolve, project, all);
  const ids = all.filter((_, i) =>
    (statuses[i] as Record<string, unknown>)?.JobStatus === "Rendering"
  );
  if (inProgress && ids.length) return { ids, projectId: here.id, projectName: here.name };
  const last = startedRenders.at(-1);
  if (last && last.projectId !== here.id) projectChanged(last, here.name);
  return fail(
    "NOT_RENDERING",
    "nothing is rendering, and this server started no render to follow",
    "Start one with start_render; render_status shows the queue.",
  );
}

const maxWaitInput = z.number().min(0).max(50).optional().describe(
  "Seconds to wait for the render to end before returning the jobs still rendering (the render goes on). Default 25, kept under clients' request timeouts; 0 returns at once.",
);

const renderResultOutput = {
  started: z.array(z.string()).describe("Ids of the jobs started."),
  waited: z.boolean().describe("Whether the call waited for the render (max_wait_seconds > 0)."),
  in_progress: z.boolean().describe(
    "True if the jobs are still rendering (the wait ended first): follow with wait_for_render.",
  ),
  project: z.string().describe("The project the render runs in (follow it there)."),
  jobs: z.array(statusSchema).describe("Final (or current) status of each started job."),
};

export const startRender = defineTool({
  name: "start_render",
  default: true,
  title: "Start rendering",
  description:
    "Renders queued jobs (job_ids, or all not yet complete) after checking their output folders; replacing existing files asks first. Waits up to max_wait_seconds with progress, then returns each job's status and file, or the jobs still rendering (follow with wait_for_render). A failed or stopped job fails the call (RENDER_FAILED / RENDER_CANCELLED). Cancelling the call never stops the render (stop_render does); as a task it runs to the end.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe(
      "Ids of the jobs to render (add_render_job, render_status). Omit for all not yet complete.",
    ),
    wait: z.boolean().optional().describe(
      "false: return right after starting (as max_wait_seconds 0). Default true.",
    ),
    max_wait_seconds: maxWaitInput,
    host: hostInput(),
    interactive: z.boolean().optional().describe(
      "Let Resolve show error dialogs in its UI while rendering. Default: false.",
    ),
  }),
  output: () => renderResultOutput,
  apiMethods: [
    ...PROJECT,
    "Project.GetRenderJobList",
    "Project.GetRenderJobStatus",
    "Project.StartRendering",
    "Project.IsRenderingInProgress",
    "Project.GetUniqueId",
    "Project.GetName",
  ],
  async handler(args, callCtx) {
    const ctx = callCtx.onHost(args.host);
    const { resolve } = ctx;
    const project = await resolve.project();
    const jobs = await jobList(resolve, project);
    if (await resolve.call(project, "IsRenderingInProgress") === true) {
      fail(
        "RENDER_IN_PROGRESS",
        "Resolve is already rendering",
        "Follow it (wait_for_render, render_status) or stop it (stop_render) first.",
      );
    }
    let ids: string[];
    const interactive = args.interactive ?? false;
    if (args.job_ids) {
      ids = [...new Set(args.job_ids)];
      unknownJobs(ids, jobs);
    } else {
      const statuses = await resolve.batch(
        jobs.map((j) => call(project, "GetRenderJobStatus", j.JobId)),
      );
      ids = jobs.filter((_, i) =>
        (statuses[i] as Record<string, unknown>)?.JobStatus !== "Complete"
      ).map((j) => String(j.JobId));
      if (!ids.length) {
        fail(
          "NO_JOBS",
          jobs.length ? "every queued job is already complete" : "the render queue is empty",
          "Add a job with add_render_job (or give job_ids to render complete jobs again).",
        );
      }
    }
    const picked = jobs.filter((j) => ids.includes(String(j.JobId)));
    await checkTargetDirs(ctx, picked);
    await confirmJobOutputs(ctx, picked);
    const here = await projectIdentity(resolve, project);
    const ok = !args.job_ids
      ? await resolve.call(project, "StartRendering", interactive)
      : interactive
      ? await resolve.call(project, "StartRendering", ids, true)
      : await resolve.call(project, "StartRendering", ...ids);
    if (ok !== true) {
      fail(
        "RENDER_REFUSED",
        "Resolve refused to start rendering",
        "Check the jobs with list_render_jobs; their timelines must still exist.",
      );
    }
    const r = { ids, projectId: here.id, projectName: here.name };
    startedRenders.push(r);
    if (startedRenders.length > 50) startedRenders.shift();
    const waitS = args.wait === false ? 0 : args.max_wait_seconds ?? DEFAULT_WAIT_S;
    const { finished, statuses } = await follow(ctx, r, waitS * 1000);
    const { rows, summary } = renderOutcome(r, jobs, finished, statuses);
    return {
      summary,
      data: {
        started: ids,
        waited: waitS > 0,
        in_progress: !finished,
        project: here.name,
        jobs: rows,
      },
    };
  },
});

export const waitForRender = defineTool({
  name: "wait_for_render",
  default: true,
  title: "Wait for a render",
  description:
    "Follows a render (the given jobs, else the last start_render's) up to max_wait_seconds with progress; returns each job's status and file, or the jobs still rendering (call again). A failed or stopped job fails it (RENDER_FAILED / RENDER_CANCELLED). Waiting never changes the render; only stop_render stops it.",
  toolset: "render",
  readOnly: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe(
      "Ids of the jobs to wait for (start_render's `started`). Omit for the last render started.",
    ),
    max_wait_seconds: maxWaitInput,
    host: hostInput(),
  }),
  output: () => ({
    in_progress: renderResultOutput.in_progress,
    project: renderResultOutput.project,
    jobs: z.array(statusSchema).describe("Final (or current) status of each job."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetRenderJobList",
    "Project.GetRenderJobStatus",
    "Project.IsRenderingInProgress",
    "Project.GetUniqueId",
    "Project.GetName",
  ],
  async handler(args, callCtx) {
    const ctx = callCtx.onHost(args.host);
    const { resolve } = ctx;
    const project = await resolve.project();
    const jobs = await jobList(resolve, project);
    const here = await projectIdentity(resolve, project);
    let r: StartedRender;
    if (args.job_ids) {
      const ids = [...new Set(args.job_ids)];
      checkFollowable(here, ids, jobs);
      r = { ids, projectId: here.id, projectName: here.name };
    } else {
      // The last render start_render began here (its jobs still queued), else Resolve's.
      const known = new Set(jobs.map((j) => String(j.JobId)));
      const last = startedRenders.findLast((s) =>
        s.projectId === here.id && s.ids.some((id) => known.has(id))
      );
      r = last
        ? { ...last, ids: last.ids.filter((id) => known.has(id)) }
        : await renderingNow(resolve, project, here, jobs);
    }
    const waitMs = (args.max_wait_seconds ?? DEFAULT_WAIT_S) * 1000;
    const { finished, statuses } = await follow(ctx, r, waitMs);
    const { rows, summary } = renderOutcome(r, jobs, finished, statuses);
    return { summary, data: { in_progress: !finished, project: r.projectName, jobs: rows } };
  },
});

export const renderStatus = defineTool({
  name: "render_status",
  default: true,
  title: "Render status",
  description:
    "Reports whether Resolve is rendering and the status, completion, time taken or remaining, error and output file of render jobs (the given ids, or every queued job of the current project; at most 500). Jobs of a render started in another project fail with PROJECT_CHANGED (reopen that project). Reading never changes the render.",
  toolset: "render",
  readOnly: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe("Ids of the jobs to report. Omit for all jobs."),
    host: hostInput(),
  }),
  output: () => ({
    in_progress: z.boolean().describe("Whether Resolve is rendering now."),
    jobs: z.array(statusSchema).describe("Status of each job."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetRenderJobList",
    "Project.GetRenderJobStatus",
    "Project.IsRenderingInProgress",
    "Project.GetUniqueId",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx.onHost(args.host);
    const project = await resolve.project();
    const jobs = await jobList(resolve, project);
    const ids = args.job_ids ? [...new Set(args.job_ids)] : jobs.map((j) => String(j.JobId));
    if (args.job_ids) {
      checkFollowable(await projectIdentity(resolve, project), ids, jobs);
    }
    const { inProgress, statuses } = await pollStatuses(resolve, project, ids.slice(0, 500));
    const rows = statuses.map((s, i) => statusRow(ids[i], s, jobs.find((j) => j.JobId === ids[i])));
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    return {
      summary: `${inProgress ? "Rendering" : "Not rendering"}; ` +
        ([...counts].map(([k, v]) => `${v} ${k}`).join(", ") || "no jobs") + ".",
      data: { in_progress: inProgress, jobs: rows },
    };
  },
});

export const stopRender = defineTool({
  name: "stop_render",
  title: "Stop rendering",
  description:
    "Stops any render in progress (jobs being rendered become Cancelled) and reports the queue's statuses.",
  toolset: "render",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({ host: hostInput() }),
  output: () => ({
    was_rendering: z.boolean().describe("Whether a render was in progress."),
    in_progress: z.boolean().describe("Whether Resolve is still rendering."),
    jobs: z.array(statusSchema).describe("Status of every job."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.IsRenderingInProgress",
    "Project.StopRendering",
    "Project.GetRenderJobList",
    "Project.GetRenderJobStatus",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx.onHost(args.host);
    const project = await resolve.project();
    const [was] = await resolve.batch([
      call(project, "IsRenderingInProgress"),
      call(project, "StopRendering"),
    ]);
    const jobs = await jobList(resolve, project);
    const ids = jobs.map((j) => String(j.JobId));
    const { inProgress, statuses } = await pollStatuses(resolve, project, ids);
    const rows = statuses.map((s, i) => statusRow(ids[i], s, jobs[i]));
    return {
      summary: was === true ? "Rendering stopped." : "Nothing was rendering.",
      data: { was_rendering: was === true, in_progress: inProgress, jobs: rows },
    };
  },
});
