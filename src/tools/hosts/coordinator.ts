// A render spread over several Resolve hosts: its jobs, the host each runs on, and one step
// of following them (poll every host, note what finished, give a lost host's unfinished
// jobs to the others and start them there once that host's own render is done). Each host
// renders with its own Resolve; the server only queues, starts and watches.
import { fail, ToolError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import {
  call,
  type Handle,
  isHandle,
  type JobInfo,
  jobList,
  joinPath,
  listTimelines,
  ref,
  type ResolveSession,
} from "../../resolve/index.ts";
import { balance, weightedPercent } from "./plan.ts";

export type JobState = "waiting" | "queued" | "rendering" | "complete" | "failed";

export type SettingValue = string | number | boolean;

export interface DistJob {
  index: number;
  timeline: string;
  preset: string | null;
  settings: Record<string, SettingValue> | null;
  /** The timeline's duration, the job's weight. */
  frames: number;
  /** The host it is (or was last) given to; null while waiting for a new one. */
  host: string | null;
  jobId: string | null;
  state: JobState;
  completion: number;
  output: string | null;
  /** Whether the output file exists, as this server sees the shared storage. */
  landed: boolean;
  error: string | null;
  /** Hosts it was given to before and that were lost. */
  lostOn: string[];
}

export interface DistHost {
  name: string;
  lost: boolean;
  rendering: boolean;
  errorCode: string | null;
  error: string | null;
}

export interface Distribution {
  id: string;
  project: string;
  projectId: string;
  database: string;
  hosts: DistHost[];
  jobs: DistJob[];
  skipped: { name: string; reason: string }[];
}

/** The methods a step may call (the tools declare them). */
export const STEP_METHODS = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetUniqueId",
  "Project.IsRenderingInProgress",
  "Project.GetRenderJobStatus",
  "Project.GetRenderJobList",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Project.GetCurrentTimeline",
  "Project.SetCurrentTimeline",
  "Project.LoadRenderPreset",
  "Project.SetRenderSettings",
  "Project.AddRenderJob",
  "Project.StartRendering",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
];

// The distributions this server started (newest last); the status tool follows them.
const distributions: Distribution[] = [];
let counter = 0;

export function remember(d: Omit<Distribution, "id">): Distribution {
  const made = { ...d, id: `dist-${++counter}-${Date.now().toString(36)}` };
  distributions.push(made);
  if (distributions.length > 20) distributions.shift();
  return made;
}

export function recall(id: string | undefined): Distribution {
  const d = id === undefined ? distributions.at(-1) : distributions.find((x) => x.id === id);
  if (!d) {
    fail(
      "DISTRIBUTION_NOT_FOUND",
      id === undefined
        ? "this server has started no distributed render"
        : `no distributed render with id "${id}" (this server keeps its last 20, until it restarts)`,
      "Start one with distribute_render; render_status with host shows one host's queue.",
    );
  }
  return d;
}

const FINAL = new Set(["complete", "failed"]);

export const isFinished = (d: Distribution) => d.jobs.every((j) => FINAL.has(j.state));

/**
 * Queues jobs on a host's open project (each: its timeline made current, the preset then
 * the settings applied, the output named settings.CustomName or the timeline), restoring the
 * current timeline. Sets each job's jobId and output; throws on the first refusal.
 */
export async function queueJobs(resolve: ResolveSession, jobs: DistJob[]): Promise<JobInfo[]> {
  const project = await resolve.project();
  const timelines = await listTimelines(resolve, project);
  const previous = await resolve.call(project, "GetCurrentTimeline");
  try {
    for (const job of jobs) {
      const timeline = timelines.find((t) => t.name === job.timeline);
      if (!timeline) {
        fail(
          "TIMELINE_NOT_FOUND",
          `no timeline named "${job.timeline}" in the project on this host`,
          "Save the project on the host that changed it (save_project with host) so every host sees the same timelines.",
        );
      }
      const settings = { ...job.settings, CustomName: job.settings?.CustomName ?? job.timeline };
      const results = await resolve.batch([
        call(project, "SetCurrentTimeline", timeline.handle),
        ...(job.preset ? [call(project, "LoadRenderPreset", job.preset)] : []),
        call(project, "SetRenderSettings", settings),
        call(project, "AddRenderJob"),
      ]);
      const id = results.at(-1);
      // Queued even when a step before it was refused: known, so a clean-up can remove it.
      if (typeof id === "string" && id) job.jobId = id;
      if (job.preset && results[1] !== true) {
        fail(
          "PRESET_NOT_FOUND",
          `job ${job.index}: no render preset "${job.preset}" on this host`,
          "Presets are per machine in Resolve (list_render_presets shows the default host's): import it on every host, or give settings instead.",
        );
      }
      if (results.at(-2) !== true) {
        fail(
          "SETTINGS_REFUSED",
          `job ${job.index}: Resolve refused the render settings ${JSON.stringify(settings)}`,
          "Use the setting names set_render_settings documents (TargetDir, CustomName, FormatWidth...).",
        );
      }
      if (!job.jobId) {
        fail(
          "JOB_REFUSED",
          `job ${job.index}: Resolve refused to queue the render of "${job.timeline}"`,
          "Give an output folder (settings.TargetDir) and check MarkIn/MarkOut and that video or audio export is on.",
        );
      }
    }
  } finally {
    if (isHandle(previous)) await resolve.call(project, "SetCurrentTimeline", previous);
  }
  const list = await jobList(resolve, project);
  const infos = jobs.map((job) => list.find((j) => j.JobId === job.jobId) ?? { JobId: job.jobId });
  for (const [i, job] of jobs.entries()) {
    const info = infos[i];
    job.output = joinPath(String(info.TargetDir ?? ""), String(info.OutputFilename ?? ""));
  }
  return infos;
}

/** Starts the jobs' render on the host's open project. */
export async function startJobs(resolve: ResolveSession, jobs: DistJob[]): Promise<void> {
  if (!jobs.length) return; // StartRendering() without ids would render the whole queue
  const project = await resolve.project();
  const ok = await resolve.call(project, "StartRendering", ...jobs.map((j) => j.jobId));
  if (ok !== true) {
    fail("RENDER_REFUSED", "Resolve refused to start rendering", "Check list_render_jobs there.");
  }
  for (const job of jobs) job.state = "queued";
}

/** A host is lost: its unfinished jobs wait for another host. */
export function loseHost(d: Distribution, host: DistHost, code: string, message: string) {
  host.lost = true;
  host.rendering = false;
  host.errorCode = code;
  host.error = message;
  for (const job of d.jobs) {
    if (job.host !== host.name || FINAL.has(job.state)) continue;
    job.lostOn.push(host.name);
    Object.assign(job, { host: null, jobId: null, state: "waiting", completion: 0, output: null });
  }
}

const STATUS: Record<string, JobState> = {
  Complete: "complete",
  Rendering: "rendering",
  Ready: "queued",
  Queued: "queued",
};

async function poll(ctx: ToolContext, d: Distribution, host: DistHost) {
  const { resolve } = ctx.onHost(host.name);
  const mine = d.jobs.filter((j) =>
    j.host === host.name && (j.state === "queued" || j.state === "rendering")
  );
  const root = await resolve.root();
  const [, project, id, rendering, ...statuses] = await resolve.batch([
    call(root, "GetProjectManager"),
    call(ref(0), "GetCurrentProject"),
    call(ref(1), "GetUniqueId"),
    call(ref(1), "IsRenderingInProgress"),
    ...mine.map((j) => call(ref(1), "GetRenderJobStatus", j.jobId)),
  ]);
  if (!isHandle(project) || String(id ?? "") !== d.projectId) {
    return loseHost(
      d,
      host,
      "PROJECT_CHANGED",
      `the project open on ${host.name} is no longer "${d.project}" (someone switched it)`,
    );
  }
  host.rendering = rendering === true;
  for (const [i, job] of mine.entries()) {
    const st = (statuses[i] ?? {}) as Record<string, unknown>;
    const status = String(st.JobStatus ?? "");
    if (!status) {
      // The job left the queue (deleted in Resolve): another host renders it.
      job.lostOn.push(host.name);
      Object.assign(job, { host: null, jobId: null, state: "waiting", completion: 0 });
      continue;
    }
    job.state = STATUS[status] ?? "failed";
    job.completion = Number(st.CompletionPercentage) || 0;
    if (job.state === "complete") job.completion = 100;
    if (job.state === "failed") {
      job.error = String(st.Error || `${status} on ${host.name}`);
    }
    if (job.state === "queued" && !host.rendering) {
      // Its host's render ended without it (stopped in Resolve): not rendered.
      Object.assign(job, { state: "failed", error: `${host.name} stopped rendering before it` });
    }
  }
}

/** Gives waiting jobs without a host to the hosts left, by the frames each still has. */
function reassign(d: Distribution) {
  const orphans = d.jobs.filter((j) => j.state === "waiting" && j.host === null);
  if (!orphans.length) return;
  const left = d.hosts.filter((h) => !h.lost).map((h) => h.name);
  if (!left.length) {
    for (const job of orphans) {
      job.state = "failed";
      job.error = `no host left to render it (lost: ${job.lostOn.join(", ")})`;
    }
    return;
  }
  const load: Record<string, number> = {};
  for (const job of d.jobs) {
    if (job.host && !FINAL.has(job.state)) {
      load[job.host] = (load[job.host] ?? 0) + job.frames * (1 - job.completion / 100);
    }
  }
  const plan = balance(orphans.map((j) => ({ index: j.index, frames: j.frames })), left, load);
  for (const [host, indices] of plan) {
    for (const i of indices) d.jobs.find((j) => j.index === i)!.host = host;
  }
}

/** Queues and starts a host's waiting jobs when it is idle; a refusal fails those jobs. */
async function feed(ctx: ToolContext, d: Distribution, host: DistHost) {
  const waiting = d.jobs.filter((j) => j.host === host.name && j.state === "waiting");
  if (!waiting.length || host.rendering || host.lost) return;
  const { resolve } = ctx.onHost(host.name);
  try {
    await queueJobs(resolve, waiting);
    await startJobs(resolve, waiting);
    host.rendering = true;
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    if (CONNECTION.has(e.code)) throw e;
    for (const job of waiting) Object.assign(job, { state: "failed", error: e.message });
  }
}

/** Errors that mean the host itself is gone, not that it refused something. */
const CONNECTION = new Set([
  "BRIDGE_CRASHED",
  "BRIDGE_TIMEOUT",
  "RESOLVE_UNAVAILABLE",
  "RESOLVE_CONNECTION_LOST",
  "PYTHON_NOT_FOUND",
  "MODULE_NOT_FOUND",
  "NO_PROJECT",
  "UNKNOWN_HANDLE",
]);

async function onEachHost(
  d: Distribution,
  fn: (host: DistHost) => Promise<void>,
) {
  // Each host has its own bridge: they are asked at once, and a lost one fails alone.
  await Promise.all(
    d.hosts.filter((h) => !h.lost).map(async (host) => {
      try {
        await fn(host);
      } catch (e) {
        if (!(e instanceof ToolError)) throw e;
        loseHost(d, host, e.code, e.message);
      }
    }),
  );
}

/** One step: poll every host, reassign a lost host's jobs, start work on idle hosts. */
export async function advance(ctx: ToolContext, d: Distribution): Promise<void> {
  await onEachHost(d, (host) => poll(ctx, d, host));
  // A job that failed to start on a host that answered, or finished with an error, stays
  // failed; a lost host's unfinished jobs go to the others (repeatedly, while any is left).
  for (let round = 0; round < d.hosts.length; round++) {
    reassign(d);
    await onEachHost(d, (host) => feed(ctx, d, host));
    if (!d.jobs.some((j) => j.state === "waiting" && j.host === null)) break;
  }
  const done = d.jobs.filter((j) => j.state === "complete" && !j.landed && j.output);
  if (done.length) {
    try {
      const seen = await ctx.paths.checkRead(done.map((j) => j.output!));
      for (const [i, job] of done.entries()) job.landed = seen[i].exists;
    } catch { /* outside the roots now: reported as not landed */ }
  }
}

/** Weighted completion and a line per host, for progress notifications and summaries. */
export function progressOf(d: Distribution): { percent: number; message: string } {
  const percent = weightedPercent(d.jobs);
  const perHost = d.hosts.map((h) => {
    const mine = d.jobs.filter((j) => j.host === h.name);
    const done = mine.filter((j) => j.state === "complete").length;
    return h.lost
      ? `${h.name} lost`
      : `${h.name} ${done}/${mine.length} (${weightedPercent(mine)}%)`;
  });
  const done = d.jobs.filter((j) => j.state === "complete").length;
  return {
    percent,
    message: `${done}/${d.jobs.length} job(s) complete, ${percent}%: ${perHost.join(", ")}`,
  };
}

export const STORAGE_NOTE =
  "Output folders were checked against the allowed roots on the machine this server runs on; each host writes to the same path on its own machine, so they must all be shared storage mounted at that path on every host (and here). output_exists says whether this server sees the file.";

/** The tools' result: per host, per job, the outputs with the host that rendered each. */
export function report(d: Distribution, finished: boolean) {
  const { percent } = progressOf(d);
  const hosts = d.hosts.map((h) => {
    const mine = d.jobs.filter((j) => j.host === h.name);
    return {
      name: h.name,
      state: h.lost ? "lost" as const : h.rendering ? "rendering" as const : "idle" as const,
      jobs: mine.length,
      complete: mine.filter((j) => j.state === "complete").length,
      completion: weightedPercent(mine),
      error_code: h.errorCode,
      error: h.error,
    };
  });
  const jobs = d.jobs.map((j) => ({
    index: j.index,
    timeline: j.timeline,
    host: j.host,
    job_id: j.jobId,
    status: j.state,
    completion: j.completion,
    output_path: j.output,
    output_exists: j.landed,
    reassigned_from: j.lostOn,
    error: j.error,
  }));
  const outputs = d.jobs.filter((j) => j.state === "complete" && j.output).map((j) => ({
    path: j.output!,
    host: j.host!,
    exists: j.landed,
  }));
  return {
    distribution_id: d.id,
    project: d.project,
    database: d.database,
    finished,
    completion: percent,
    hosts,
    jobs,
    outputs,
    skipped_hosts: d.skipped,
    storage_note: STORAGE_NOTE,
  };
}

/** A timeline's duration by name on a host's open project (the jobs' weights). */
export async function timelineFrames(
  resolve: ResolveSession,
  project: Handle,
): Promise<Map<string, number>> {
  const all = await listTimelines(resolve, project);
  const rows = await resolve.map(all.map((t) => t.handle), [["GetStartFrame"], ["GetEndFrame"]]);
  return new Map(all.map((t, i) => [t.name, Math.max(1, Number(rows[i][1]) - Number(rows[i][0]))]));
}
