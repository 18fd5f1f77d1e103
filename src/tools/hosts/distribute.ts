// Rendering across several Resolve hosts that share a project database: distribute_render
// checks, opens, queues and starts; distributed_render_status follows (both wait bounded).
import { z } from "zod";
import { fail, ToolError } from "../../errors.ts";
import { defineTool, type ToolContext } from "../../tool.ts";
import {
  call,
  checkTargetDirs,
  confirmJobOutputs,
  type Handle,
  isHandle,
  type JobInfo,
  sleep,
} from "../../resolve/index.ts";
import { someNames } from "../shared.ts";
import {
  advance,
  type DistHost,
  type DistJob,
  type Distribution,
  isFinished,
  loseHost,
  progressOf,
  queueJobs,
  recall,
  remember,
  report,
  startJobs,
  STEP_METHODS,
  timelineFrames,
} from "./coordinator.ts";
import { HOST_SURVEY, type HostState, surveyHost } from "./hosts.ts";
import { balance, databaseKey, databaseLabel } from "./plan.ts";

const POLL_MS = 250;
const DEFAULT_WAIT_S = 25;

/** Follows the distribution for at most maxMs (other tools run between polls). */
async function follow(ctx: ToolContext, d: Distribution, maxMs: number): Promise<boolean> {
  const end = Date.now() + maxMs;
  let last = "";
  while (true) {
    await advance(ctx, d);
    const finished = isFinished(d);
    const { percent, message } = progressOf(d);
    if (message !== last || finished) {
      last = message;
      await ctx.progress(percent, 100, message);
    }
    const left = end - Date.now();
    if (finished || left <= 0 || ctx.signal.aborted) return finished;
    await ctx.idle(() => sleep(Math.min(POLL_MS, left), ctx.signal));
  }
}

function summaryOf(d: Distribution, finished: boolean): string {
  const { message } = progressOf(d);
  const failed = d.jobs.filter((j) => j.state === "failed").length;
  const lost = d.hosts.filter((h) => h.lost).map((h) => h.name);
  return `${
    finished ? "Distributed render finished" : "Distributed render running"
  } (${d.id}, project "${d.project}"): ${message}.${
    lost.length
      ? ` Lost host(s): ${lost.join(", ")}; their unfinished jobs went to the others.`
      : ""
  }${failed ? ` ${failed} job(s) failed (see jobs[].error).` : ""}${
    finished ? "" : " Call distributed_render_status to follow it; the hosts render on meanwhile."
  }`;
}

const maxWaitInput = (dflt: number) =>
  z.number().min(0).max(50).optional().describe(
    `Seconds to wait for the renders to end before returning their progress (they go on). Default ${dflt}; 0 returns at once. Kept under clients' request timeouts: follow with distributed_render_status.`,
  );

const settingValue = z.union([z.string().max(4096), z.number(), z.boolean()]);

const output = () => ({
  distribution_id: z.string().describe("Id to follow it with distributed_render_status."),
  project: z.string().describe("The project rendered (the same on every host)."),
  database: z.string().describe("The shared project database every host is on."),
  finished: z.boolean().describe("True when every job is complete or failed."),
  completion: z.number().describe("Overall percent, jobs weighted by timeline duration."),
  hosts: z.array(z.object({
    name: z.string(),
    state: z.enum(["rendering", "idle", "lost"]).describe(
      "lost: it failed or disappeared; its unfinished jobs went to the other hosts.",
    ),
    jobs: z.number().describe("Jobs given to it (now)."),
    complete: z.number().describe("Of those, complete."),
    completion: z.number().describe("Its percent, weighted by duration."),
    error_code: z.string().nullable().describe("Why it was lost."),
    error: z.string().nullable(),
  })).describe("Each host used."),
  jobs: z.array(z.object({
    index: z.number().describe("The job's position in the request's jobs (0-based)."),
    timeline: z.string(),
    host: z.string().nullable().describe("The host rendering (or that rendered) it."),
    job_id: z.string().nullable().describe("Its render job id on that host."),
    status: z.enum(["waiting", "queued", "rendering", "complete", "failed"]),
    completion: z.number(),
    output_path: z.string().nullable().describe("Its output file (folder + name)."),
    output_exists: z.boolean().describe("Whether this server sees the output file."),
    reassigned_from: z.array(z.string()).describe("Hosts it was on before they were lost."),
    error: z.string().nullable(),
  })).describe("Every job, in request order."),
  outputs: z.array(z.object({
    path: z.string(),
    host: z.string().describe("The host that rendered it."),
    exists: z.boolean(),
  })).describe("Each output file rendered, with its host."),
  skipped_hosts: z.array(z.object({ name: z.string(), reason: z.string() })).describe(
    "Configured hosts left out (not answering, or busy rendering).",
  ),
  storage_note: z.string().describe("What the output-folder check covers, and what it cannot."),
});

const OPEN_METHODS = [
  "ProjectManager.GetProjectListInCurrentFolder",
  "ProjectManager.LoadProject",
  "Timeline.GetStartFrame",
  "Timeline.GetEndFrame",
  "Project.DeleteRenderJob",
];

/** Leave out (default hosts) or refuse (hosts given) the hosts that cannot take work. */
function pickHosts(states: HostState[], explicit: boolean) {
  const skipped: { name: string; reason: string }[] = [];
  const down = states.filter((s) => !s.reachable);
  const busy = states.filter((s) => s.reachable && s.rendering);
  if (explicit && down.length) {
    fail(
      "HOST_UNREACHABLE",
      `host(s) not answering: ${
        down.map((s) => `${s.name} (${s.error_code}: ${s.error})`).join("; ")
      }`,
      "Start Resolve there with Preferences > System > General > External scripting using: Network (list_hosts shows each host), or leave the host out of hosts.",
    );
  }
  if (explicit && busy.length) {
    fail(
      "HOST_BUSY",
      `host(s) rendering already: ${busy.map((s) => `${s.name} (in "${s.project}")`).join(", ")}`,
      "Wait for them (render_status with host), stop them (stop_render with host), or leave them out of hosts.",
    );
  }
  for (const s of down) skipped.push({ name: s.name, reason: `not answering: ${s.error_code}` });
  for (const s of busy) skipped.push({ name: s.name, reason: `rendering in "${s.project}"` });
  const chosen = states.filter((s) => s.reachable && !s.rendering);
  if (!chosen.length) {
    fail(
      "NO_HOSTS_LEFT",
      `no host can take the render: ${skipped.map((s) => `${s.name} ${s.reason}`).join("; ")}`,
      "list_hosts shows each host; start Resolve on one with network scripting on, or wait for a render to end.",
    );
  }
  return { chosen, skipped };
}

/** Every host on one shared database, else what differs. */
function checkDatabases(chosen: HostState[]): string {
  const info = (s: HostState) => ({
    DbType: s.database?.type,
    DbName: s.database?.name,
    IpAddress: s.database?.ip_address,
  });
  const keys = new Set(chosen.map((s) => databaseKey(info(s), s.name)));
  if (keys.size > 1) {
    fail(
      "HOSTS_DATABASE_MISMATCH",
      `the hosts are not on one shared project database: ${
        chosen.map((s) => `${s.name} is on ${databaseLabel(info(s))}`).join("; ")
      } (a Disk database, or a project server at a loopback address, belongs to its own machine)`,
      "Connect every host to the same PostgreSQL project server by its network address (in Resolve's Project Manager on each machine), or pass hosts naming only hosts on one database (list_hosts shows each host's database).",
    );
  }
  return databaseLabel(info(chosen[0]));
}

/** Opens the project on every host; all must see it, and it must be the same project. */
async function openEverywhere(ctx: ToolContext, chosen: HostState[], name: string) {
  const ids = new Map<string, string>();
  await Promise.all(chosen.map(async (s) => {
    const { resolve } = ctx.onHost(s.name);
    if (s.project !== name) {
      const [pm, list] = await resolve.chain("GetProjectManager", "GetProjectListInCurrentFolder");
      const names = Array.isArray(list) ? list.map(String) : [];
      if (!names.includes(name)) {
        fail(
          "HOSTS_PROJECT_MISMATCH",
          `host ${s.name} does not see a project "${name}" in its current project-manager folder (it has: ${
            someNames(names)
          })`,
          "Save the project on the host where it is open (save_project with host) so the shared database has it, open the same project-manager folder on every host (in Resolve's Project Manager), or leave that host out.",
        );
      }
      const [project] = await resolve.batch([call(pm as Handle, "LoadProject", name)]);
      if (!isHandle(project)) {
        fail(
          "LOAD_FAILED",
          `host ${s.name} could not open the project "${name}"`,
          "It may be locked by another user on the project server; open it there in Resolve to see why.",
        );
      }
    }
    const [, project, id] = await resolve.chain(
      "GetProjectManager",
      "GetCurrentProject",
      "GetUniqueId",
    );
    if (!isHandle(project)) fail("LOAD_FAILED", `host ${s.name} has no project open`);
    ids.set(s.name, String(id ?? ""));
  }));
  if (new Set(ids.values()).size > 1) {
    fail(
      "HOSTS_PROJECT_MISMATCH",
      `the project "${name}" is not the same project on every host: ${
        [...ids].map(([h, id]) => `${h} has id ${id}`).join(", ")
      } (same name in different databases, or copies)`,
      "Use hosts that share one project database, with the project saved once there.",
    );
  }
  return ids.get(chosen[0].name)!;
}

/** Removes the jobs this call queued (after a refusal), host by host, ignoring failures. */
async function unqueue(ctx: ToolContext, jobs: DistJob[]) {
  for (const host of new Set(jobs.map((j) => j.host).filter((h) => h !== null))) {
    try {
      const { resolve } = ctx.onHost(host);
      const project = await resolve.project();
      const ids = jobs.filter((j) => j.host === host && j.jobId).map((j) => j.jobId);
      await resolve.batch(ids.map((id) => call(project, "DeleteRenderJob", id)));
    } catch { /* that host is gone: nothing to clean */ }
  }
  for (const job of jobs) job.jobId = null;
}

export const distributeRender = defineTool({
  name: "distribute_render",
  title: "Render across several Resolve hosts",
  description:
    "Renders jobs (a timeline each, with a render preset and/or settings) of one project across several Resolve machines on one shared project database (a PostgreSQL project server): checks that every chosen host answers, is idle and sees the same project on the same database (refuses otherwise, saying what differs: HOSTS_DATABASE_MISMATCH, HOSTS_PROJECT_MISMATCH), opens the project on each (Resolve saves the project each host leaves), spreads the jobs by timeline duration (one queue per host), checks the output folders and asks before replacing existing files, starts every host, and follows them at most max_wait_seconds with progress notifications (overall and per host). A host that fails or disappears is dropped and its unfinished jobs go to the others. Returns every job's host, status and output file, and the outputs with the host that rendered each; follow a render still running with distributed_render_status. Output folders must be shared storage at the same path on every host (the result says so). list_hosts first shows which hosts are free.",
  toolset: "hosts",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    project: z.string().min(1).max(255).describe(
      "Name of the project to render (in each host's current project-manager folder of the shared database).",
    ),
    jobs: z.array(z.object({
      timeline: z.string().min(1).max(255).describe("Name of the timeline to render."),
      preset: z.string().min(1).max(255).optional().describe(
        "A render preset (list_render_presets), loaded first. Presets are per machine: it must exist on every host.",
      ),
      settings: z.record(z.string().max(64), settingValue).optional().describe(
        "Render settings applied after the preset, as set_render_settings takes them (TargetDir, CustomName, FormatWidth...). The output is named CustomName, else the timeline's name; TargetDir must be shared storage inside the allowed folders.",
      ),
    })).min(1).max(200).describe(
      "The jobs: each renders one timeline; give preset, settings or both. Each output file must differ.",
    ),
    hosts: z.array(z.string().min(1).max(64)).min(1).max(32).optional().describe(
      "Names of the hosts to use (list_hosts). Omit for every configured host, leaving out those not answering or already rendering (skipped_hosts says which); hosts given must all answer and be idle.",
    ),
    max_wait_seconds: maxWaitInput(DEFAULT_WAIT_S),
  }),
  output,
  apiMethods: [...new Set([...HOST_SURVEY, ...STEP_METHODS, ...OPEN_METHODS])],
  async handler(args, ctx) {
    for (const [i, job] of args.jobs.entries()) {
      if (!job.preset && !job.settings) {
        fail(
          "INVALID_ARGUMENTS",
          `jobs[${i}] gives neither preset nor settings`,
          "Give each job a render preset (list_render_presets), settings with a TargetDir, or both.",
        );
      }
    }
    const names = args.hosts ? [...new Set(args.hosts)] : ctx.hostNames();
    for (const name of names) ctx.onHost(name); // HOST_NOT_FOUND before any work
    const states = await Promise.all(names.map((name) => surveyHost(ctx, name)));
    const { chosen, skipped } = pickHosts(states, args.hosts !== undefined);
    const database = checkDatabases(chosen);
    const projectId = await openEverywhere(ctx, chosen, args.project);

    // Weights: the timelines' durations, read on the first host (the same project everywhere).
    const first = ctx.onHost(chosen[0].name).resolve;
    const frames = await timelineFrames(first, await first.project());
    const missing = [...new Set(args.jobs.map((j) => j.timeline))].filter((t) => !frames.has(t));
    if (missing.length) {
      fail(
        "TIMELINE_NOT_FOUND",
        `no timeline named ${missing.map((t) => `"${t}"`).join(", ")} in "${args.project}"`,
        `Timelines: ${someNames([...frames.keys()])}.`,
      );
    }
    const jobs: DistJob[] = args.jobs.map((j, index) => ({
      index,
      timeline: j.timeline,
      preset: j.preset ?? null,
      settings: j.settings ?? null,
      frames: frames.get(j.timeline)!,
      host: null,
      jobId: null,
      state: "waiting",
      completion: 0,
      output: null,
      landed: false,
      error: null,
      lostOn: [],
    }));
    const plan = balance(jobs, chosen.map((s) => s.name));
    for (const [host, indices] of plan) for (const i of indices) jobs[i].host = host;

    // Queue on every host, then check every output before any host starts.
    const byHost = (host: string) => jobs.filter((j) => j.host === host);
    const infos: JobInfo[] = [];
    try {
      // Every host's queueing ends (done or refused) before a refusal cleans up.
      const queued = await Promise.allSettled(chosen.map(async (s) => {
        infos.push(...await queueJobs(ctx.onHost(s.name).resolve, byHost(s.name)));
      }));
      const refused = queued.find((q) => q.status === "rejected");
      if (refused) throw refused.reason;
      const seen = new Map<string, number>();
      for (const job of jobs) {
        const other = seen.get(job.output!);
        if (other !== undefined) {
          fail(
            "INVALID_ARGUMENTS",
            `jobs[${other}] and jobs[${job.index}] would both write ${job.output}`,
            "Give each job its own settings.CustomName (or TargetDir).",
          );
        }
        seen.set(job.output!, job.index);
      }
      for (const s of chosen) {
        const hostCtx = ctx.onHost(s.name);
        await checkTargetDirs(
          hostCtx,
          infos.filter((i) => byHost(s.name).some((j) => j.jobId === i.JobId)),
        );
      }
      await confirmJobOutputs(ctx, infos);
    } catch (e) {
      await unqueue(ctx, jobs);
      throw e;
    }

    const hosts: DistHost[] = chosen.map((s) => ({
      name: s.name,
      lost: false,
      rendering: false,
      errorCode: null,
      error: null,
    }));
    const d = remember({ project: args.project, projectId, database, hosts, jobs, skipped });
    await Promise.all(hosts.map(async (host) => {
      if (!byHost(host.name).length) return; // fewer jobs than hosts: this one stays idle
      try {
        await startJobs(ctx.onHost(host.name).resolve, byHost(host.name));
        host.rendering = true;
      } catch (e) {
        if (!(e instanceof ToolError)) throw e;
        loseHost(d, host, e.code, e.message); // its jobs go to the others at the next step
      }
    }));
    const finished = await follow(ctx, d, (args.max_wait_seconds ?? DEFAULT_WAIT_S) * 1000);
    return { summary: summaryOf(d, finished), data: report(d, finished) };
  },
});

export const distributedRenderStatus = defineTool({
  name: "distributed_render_status",
  title: "Follow a distributed render",
  description:
    "Follows a render distribute_render started (the given distribution_id, or the last one): polls every host, hands the unfinished jobs of a host that failed or disappeared to the others (starting them there when that host's own queue is done), and reports progress per host and in total, every job's host and status, and the output files with the host that rendered each. Waits at most max_wait_seconds (default 0: report now) with progress notifications. Reading and waiting never stop a render.",
  toolset: "hosts",
  readOnly: false,
  openWorld: true,
  input: () => ({
    distribution_id: z.string().min(1).max(64).optional().describe(
      "The id distribute_render returned. Omit for the last distributed render.",
    ),
    max_wait_seconds: maxWaitInput(0),
  }),
  output,
  apiMethods: STEP_METHODS,
  async handler(args, ctx) {
    const d = recall(args.distribution_id);
    const finished = await follow(ctx, d, (args.max_wait_seconds ?? 0) * 1000);
    return { summary: summaryOf(d, finished), data: report(d, finished) };
  },
});
