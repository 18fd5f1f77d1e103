// Schemas and helpers shared by the render tools.
import { z } from "zod";
import { fail } from "../../errors.ts";

import { type JobInfo, joinPath } from "../../resolve/index.ts";

export const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

export const PROJECT = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
];

export const MODES = ["individual_clips", "single_clip"] as const;

export const jobSchema = z.object({
  job_id: z.string().describe("The job's id."),
  name: z.string().describe("Job name."),
  timeline: z.string().describe("Timeline rendered."),
  target_dir: z.string().describe("Output folder."),
  output_filename: z.string().describe("Output file name."),
  output_path: z.string().describe("Folder + file name."),
  format: z.string().describe("Format id."),
  codec: z.string().describe("Codec id."),
  width: z.number(),
  height: z.number(),
  frame_rate: z.string(),
  mark_in: z.number().describe("First frame (absolute)."),
  mark_out: z.number().describe("Last frame (absolute)."),
  render_mode: z.string(),
  preset: z.string(),
  status: z.string().describe("Ready, Rendering, Complete, Cancelled, Failed..."),
  completion: z.number().describe("Percent complete, 0-100."),
});

export const statusSchema = z.object({
  job_id: z.string(),
  status: z.string().describe("Ready, Rendering, Complete, Cancelled, Failed..."),
  completion: z.number().describe("Percent complete."),
  time_taken_ms: z.number().nullable().describe("Render time of a complete job."),
  remaining_ms: z.number().nullable().describe("Estimated time left of a rendering job."),
  error: z.string().nullable().describe("Error of a failed job."),
  output_path: z.string().nullable().describe("The output file (folder + name)."),
});

export function statusRow(id: string, raw: unknown, job: JobInfo | undefined) {
  const st = (raw ?? {}) as Record<string, unknown>;
  return {
    job_id: id,
    status: String(st.JobStatus ?? "Unknown"),
    completion: num(st.CompletionPercentage),
    time_taken_ms: st.TimeTakenToRenderInMs === undefined ? null : num(st.TimeTakenToRenderInMs),
    remaining_ms: st.EstimatedTimeRemainingInMs === undefined
      ? null
      : num(st.EstimatedTimeRemainingInMs),
    error: st.Error ? String(st.Error) : null,
    output_path: job
      ? joinPath(String(job.TargetDir ?? ""), String(job.OutputFilename ?? ""))
      : null,
  };
}

export function jobRow(j: JobInfo, status: unknown) {
  const st = (status ?? {}) as Record<string, unknown>;
  return {
    job_id: String(j.JobId),
    name: String(j.RenderJobName ?? ""),
    timeline: String(j.TimelineName ?? ""),
    target_dir: String(j.TargetDir ?? ""),
    output_filename: String(j.OutputFilename ?? ""),
    output_path: joinPath(String(j.TargetDir ?? ""), String(j.OutputFilename ?? "")),
    format: String(j.VideoFormat ?? ""),
    codec: String(j.VideoCodec ?? ""),
    width: num(j.FormatWidth),
    height: num(j.FormatHeight),
    frame_rate: String(j.FrameRate ?? ""),
    mark_in: num(j.MarkIn),
    mark_out: num(j.MarkOut),
    render_mode: String(j.RenderMode ?? ""),
    preset: String(j.PresetName ?? ""),
    status: String(st.JobStatus ?? "Unknown"),
    completion: num(st.CompletionPercentage),
  };
}

export function unknownJobs(ids: string[], jobs: JobInfo[]) {
  const known = new Set(jobs.map((j) => String(j.JobId)));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    fail(
      "JOB_NOT_FOUND",
      `no render job with id ${missing.join(", ")}`,
      "list_render_jobs shows the queued jobs and their ids.",
    );
  }
}

export const jobIdsInput = z.array(z.string().min(1).max(128)).min(1).max(500);
