// Long Resolve jobs followed by polling: the 21.1.1 status readers (transcription, slate
// analysis, Smart Reframe, scene cuts, subtitles, Quick Export) and the clone tool's status.
import { versionAtLeast } from "./api_version.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle } from "./wire.ts";

/** What a poller needs of the tool context (a subset of ToolContext). */
export interface JobWaiter {
  signal: AbortSignal;
  progress(progress: number, total?: number, message?: string): Promise<void>;
  idle<T>(fn: () => Promise<T>): Promise<T>;
}

export const JOB_POLL_MS = 250;

type Progress = JobWaiter["progress"];

/** A progress reporter that drops values not above the last one sent (MCP: progress must
 * increase with each notification). */
export function increasing(progress: Progress): Progress {
  let last = -Infinity;
  return async (value, total, message) => {
    if (!(value > last)) return;
    last = value;
    await progress(value, total, message);
  };
}

/** Waits ms, or less when signal aborts (never throws). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** The 21.1.1 status reader of each long job, on Project. */
export const JOB_STATUS_METHODS = {
  transcribe: "GetTranscribeAudioStatus",
  slate: "GetAnalyzeForSlateStatus",
  smart_reframe: "GetSmartReframeStatus",
  scene_cuts: "GetDetectSceneCutsStatus",
  subtitles: "GetCreateSubtitlesFromAudioStatus",
  quick_export: "GetRenderWithQuickExportStatus",
} as const;
export type JobKind = keyof typeof JOB_STATUS_METHODS;

/** Statuses after which a job is over (or, read after our start, never ran: 'Inactive'). */
const ENDED =
  /^(Inactive|Complete|Cancelled|Failed|Render Complete|Render Failed|Render Cancelled|Upload Completed|Upload Failed|Upload Cancelled|Unexpected)$/;

export interface JobStatus {
  status: string;
  percent: number;
  error: string;
  ended: boolean;
}

export function jobStatusOf(raw: unknown): JobStatus {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const status = String(r.JobStatus ?? "");
  const percent = Math.max(0, Math.min(100, Number(r.CompletionPercentage) || 0));
  return { status, percent, error: String(r.Error ?? ""), ended: ENDED.test(status) };
}

/**
 * Polls `read` with progress notifications until the job ended or maxMs passed (or the call
 * was cancelled: waiting stops, never the job). The last status read.
 */
export async function pollJob(
  ctx: JobWaiter,
  read: () => Promise<JobStatus>,
  label: string,
  maxMs: number,
): Promise<JobStatus> {
  const deadline = Date.now() + maxMs;
  const progress = increasing(ctx.progress);
  for (;;) {
    const s = await read();
    await progress(
      s.ended && !/Fail|Cancel/.test(s.status) ? 100 : s.percent,
      100,
      `${label}: ${s.status}`,
    );
    const left = deadline - Date.now();
    if (s.ended || left <= 0 || ctx.signal.aborted) return s;
    await ctx.idle(() => sleep(Math.min(JOB_POLL_MS, left), ctx.signal));
  }
}

/**
 * After a long job was started: on Resolve 21.1.1+ follows it through its status reader with
 * progress notifications (at most maxMs); before 21.1.1 (no reader) returns undefined at once.
 * Declare "Resolve.GetVersion" and `Project.<JOB_STATUS_METHODS[kind]>` in the tool.
 */
export async function followJob(
  resolve: ResolveSession,
  ctx: JobWaiter,
  project: Handle,
  kind: JobKind,
  maxMs = 25_000,
): Promise<JobStatus | undefined> {
  if (!(await versionAtLeast(resolve, "21.1.1"))) return undefined;
  const method = JOB_STATUS_METHODS[kind];
  return await pollJob(
    ctx,
    async () => {
      const [raw] = await resolve.batch([call(project, method)]);
      return jobStatusOf(raw);
    },
    kind.replace("_", " "),
    maxMs,
  );
}
