// Render jobs as the render tools and api_project's StartRendering check them: the queue,
// output paths, and the folder and overwrite checks before a render starts.
import { fail, someNames } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { call, type Handle } from "./wire.ts";
import type { ResolveSession } from "./session.ts";

export type JobInfo = Record<string, unknown>;

export function joinPath(dir: string, file: string) {
  if (!dir) return file;
  const sep = dir.includes("\\") && !dir.includes("/") ? "\\" : "/";
  return dir.endsWith(sep) ? dir + file : `${dir}${sep}${file}`;
}

export async function jobList(resolve: ResolveSession, project: Handle): Promise<JobInfo[]> {
  return ((await resolve.call(project, "GetRenderJobList") as JobInfo[]) ?? []);
}

/**
 * Checks the output files of render jobs against the allowed roots (a job may have been set
 * up in Resolve itself) and asks for confirmation when any of them exists already.
 */
export async function confirmJobOutputs(
  ctx: ToolContext,
  jobs: JobInfo[],
): Promise<void> {
  const outputs = jobs.filter((j) => j.TargetDir && j.OutputFilename).map((j) =>
    joinPath(String(j.TargetDir), String(j.OutputFilename))
  );
  if (!outputs.length) return;
  const checked = await ctx.paths.checkRead(outputs);
  const existing = [...new Set(checked.filter((c) => c.exists).map((c) => c.path))];
  if (existing.length) {
    await ctx.confirm(
      `Rendering would replace ${existing.length} existing file(s): ${
        someNames(existing, 10)
      }. Overwrite?`,
    );
  }
}

/** For Project.StartRendering through api_project: start_render's folder and output checks. */
export async function confirmStartRendering(
  ctx: ToolContext,
  args: unknown[],
): Promise<void> {
  const project = await ctx.resolve.project();
  const jobs = await jobList(ctx.resolve, project);
  let ids: string[] | undefined;
  if (Array.isArray(args[0])) ids = args[0].map(String);
  else if (args.length && typeof args[0] !== "boolean") ids = args.map(String);
  let picked: JobInfo[];
  if (ids) {
    picked = jobs.filter((j) => ids.includes(String(j.JobId)));
  } else {
    const statuses = await ctx.resolve.batch(
      jobs.map((j) => call(project, "GetRenderJobStatus", j.JobId)),
    );
    picked = jobs.filter((_, i) =>
      (statuses[i] as Record<string, unknown>)?.JobStatus !== "Complete"
    );
  }
  await checkTargetDirs(ctx, picked);
  await confirmJobOutputs(ctx, picked);
}

/**
 * The output folders of render jobs must exist and be writable (and lie in the allowed
 * folders): a render into a folder that cannot be written fails before it starts.
 */
export async function checkTargetDirs(ctx: ToolContext, jobs: JobInfo[]): Promise<void> {
  const dirs = [...new Set(jobs.map((j) => String(j.TargetDir ?? "")).filter(Boolean))];
  const hint =
    "Create it or fix its permissions, or choose another folder (set_render_settings with settings.TargetDir) and queue the job again (add_render_job).";
  for (const dir of dirs) {
    const checked = await ctx.paths.checkWrite(dir);
    if (!checked.exists || !checked.isDir) {
      fail("NO_SUCH_DIRECTORY", `the render output folder ${dir} does not exist`, hint);
    }
    // The bridge's realpath op (for writes) also says whether the folder takes new files.
    const [access] = await ctx.resolve.bridge.request("realpath", {
      paths: [checked.path],
      write: true,
    }) as { writable?: boolean }[];
    if (access?.writable === false) {
      fail("FOLDER_NOT_WRITABLE", `the render output folder ${dir} cannot be written`, hint);
    }
  }
}
