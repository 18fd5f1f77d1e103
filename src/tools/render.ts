// Toolset "render": Deliver: formats, codecs, presets, settings, render jobs, start/stop with progress, quick export.
import { z } from "zod";
import { fail } from "../errors.ts";
import { timecodeToFrames } from "../timecode.ts";
import { defineTool, type ToolContext } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { someNames } from "./shared.ts";
import {
  call,
  findTimeline,
  type Handle,
  isHandle,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
  type ResolveSession,
  timelineRate,
  timelineRefInput,
} from "../resolve/index.ts";

const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

const PROJECT = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
];

const MODES = ["individual_clips", "single_clip"] as const;

// -- formats and codecs -------------------------------------------------------------------

/** Format id (extension) from an id or a description, with the formats table. */
async function formatId(resolve: ResolveSession, project: Handle, format: string) {
  const formats = (await resolve.call(project, "GetRenderFormats") ?? {}) as Record<
    string,
    string
  >;
  const byId = Object.values(formats).find((v) => v.toLowerCase() === format.toLowerCase());
  const byName = Object.entries(formats).find(([k]) => k.toLowerCase() === format.toLowerCase());
  const id = byId ?? byName?.[1];
  if (!id) {
    fail(
      "UNKNOWN_FORMAT",
      `no render format "${format}"`,
      `Formats: ${someNames(Object.entries(formats).map(([k, v]) => `${v} (${k})`), 30)}.`,
    );
  }
  return id;
}

async function codecId(resolve: ResolveSession, project: Handle, format: string, codec: string) {
  const codecs = (await resolve.call(project, "GetRenderCodecs", format) ?? {}) as Record<
    string,
    string
  >;
  const byId = Object.values(codecs).find((v) => v.toLowerCase() === codec.toLowerCase());
  const byName = Object.entries(codecs).find(([k]) => k.toLowerCase() === codec.toLowerCase());
  const id = byId ?? byName?.[1];
  if (!id) {
    fail(
      "UNKNOWN_CODEC",
      `format "${format}" has no codec "${codec}"`,
      `Codecs for ${format}: ${
        someNames(Object.entries(codecs).map(([k, v]) => `${v} (${k})`), 30)
      }.`,
    );
  }
  return id;
}

async function currentFormat(resolve: ResolveSession, project: Handle) {
  const [fc, mode] = await resolve.batch([
    call(project, "GetCurrentRenderFormatAndCodec"),
    call(project, "GetCurrentRenderMode"),
  ]);
  const pair = (fc ?? {}) as { format?: string; codec?: string };
  return {
    format: String(pair.format ?? ""),
    codec: String(pair.codec ?? ""),
    mode: MODES[num(mode)] ?? "single_clip",
  };
}

const currentOutput = {
  format: z.string().describe("Current render format id (file extension, e.g. 'mov')."),
  codec: z.string().describe("Current codec id (e.g. 'ProRes422HQ')."),
  mode: z.enum(MODES).describe("Current render mode."),
};

const listRenderFormats = defineTool({
  name: "list_render_formats",
  title: "List render formats, codecs and resolutions",
  description:
    "Lists the render formats (description and id), and for a given format its codecs, and for a format + codec the resolutions offered (otherwise every resolution). Also reports the current format, codec and render mode.",
  toolset: "render",
  readOnly: true,
  input: () => ({
    format: z.string().min(1).max(64).optional().describe(
      "A format id or description (e.g. 'mov' or 'QuickTime') to list its codecs. Omit for formats only.",
    ),
    codec: z.string().min(1).max(128).optional().describe(
      "With format: a codec id or description to list its resolutions.",
    ),
  }),
  output: () => ({
    formats: z.array(z.object({ id: z.string(), name: z.string() })).describe(
      "Render formats: id (extension, pass this on) and description.",
    ),
    codecs: z.array(z.object({ id: z.string(), name: z.string() })).nullable().describe(
      "Codecs of the given format, or null.",
    ),
    resolutions: z.array(z.object({ width: z.number(), height: z.number() })).describe(
      "Resolutions for the format + codec, or every resolution.",
    ),
    current: z.object(currentOutput).describe("The current selection."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetRenderFormats",
    "Project.GetRenderCodecs",
    "Project.GetRenderResolutions",
    "Project.GetCurrentRenderFormatAndCodec",
    "Project.GetCurrentRenderMode",
  ],
  async handler(args, { resolve }) {
    if (args.codec && !args.format) fail("INVALID_ARGUMENTS", "codec needs format");
    const project = await resolve.project();
    const formats = (await resolve.call(project, "GetRenderFormats") ?? {}) as Record<
      string,
      string
    >;
    let codecs: { id: string; name: string }[] | null = null;
    let resArgs: unknown[] = [];
    if (args.format) {
      const f = await formatId(resolve, project, args.format);
      const table = (await resolve.call(project, "GetRenderCodecs", f) ?? {}) as Record<
        string,
        string
      >;
      codecs = Object.entries(table).map(([name, id]) => ({ id, name }));
      if (args.codec) resArgs = [f, await codecId(resolve, project, f, args.codec)];
    }
    const res = (await resolve.call(project, "GetRenderResolutions", ...resArgs) ?? []) as {
      Width: number;
      Height: number;
    }[];
    const current = await currentFormat(resolve, project);
    return {
      summary: `${Object.keys(formats).length} format(s)` +
        (codecs ? `, ${codecs.length} codec(s) for ${args.format}` : "") +
        `, ${res.length} resolution(s); current ${current.format}/${current.codec}.`,
      data: {
        formats: Object.entries(formats).map(([name, id]) => ({ id, name })),
        codecs,
        resolutions: res.map((r) => ({ width: num(r.Width), height: num(r.Height) })),
        current,
      },
    };
  },
});

// -- presets ------------------------------------------------------------------------------

const listRenderPresets = defineTool({
  name: "list_render_presets",
  title: "List render presets",
  description:
    "Lists the render presets (built-in and user) that set_render_settings / manage_render_presets can load, and the Quick Export presets quick_export accepts.",
  toolset: "render",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    presets: z.array(z.string()).describe("Render preset names."),
    quick_export_presets: z.array(z.string()).describe("Quick Export preset names."),
  }),
  apiMethods: [...PROJECT, "Project.GetRenderPresetList", "Project.GetQuickExportRenderPresets"],
  async handler(_args, { resolve }) {
    const project = await resolve.project();
    const [presets, quick] = await resolve.batch([
      call(project, "GetRenderPresetList"),
      call(project, "GetQuickExportRenderPresets"),
    ]);
    const names = (v: unknown) =>
      (Array.isArray(v) ? v : []).map((p) =>
        typeof p === "object" && p !== null
          ? String((p as { Name?: string }).Name ?? "")
          : String(p)
      );
    const data = { presets: names(presets), quick_export_presets: names(quick) };
    return {
      summary:
        `${data.presets.length} render preset(s), ${data.quick_export_presets.length} Quick Export preset(s).`,
      data,
    };
  },
});

const manageRenderPresets = defineTool({
  name: "manage_render_presets",
  title: "Load, save or delete render presets",
  description:
    "Render presets: 'load' one (makes its settings current), 'save_as' saves the current render settings as a new preset (unique name), 'delete' removes a user preset (needs confirmation; built-in presets cannot be deleted). Returns the presets afterwards.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  input: () => ({
    action: z.enum(["load", "save_as", "delete"]).describe("What to do."),
    name: z.string().trim().min(1).max(255).describe("The preset's name."),
  }),
  output: () => ({
    presets: z.array(z.string()).describe("Render preset names afterwards."),
    current: z.object(currentOutput).describe("The current format, codec and mode afterwards."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetRenderPresetList",
    "Project.LoadRenderPreset",
    "Project.SaveAsNewRenderPreset",
    "Project.DeleteRenderPreset",
    "Project.GetCurrentRenderFormatAndCodec",
    "Project.GetCurrentRenderMode",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const project = await resolve.project();
    const list = async () =>
      ((await resolve.call(project, "GetRenderPresetList") as unknown[]) ?? []).map((p) =>
        typeof p === "object" && p !== null
          ? String((p as { Name?: string }).Name ?? "")
          : String(p)
      );
    const before = await list();
    const exists = before.includes(args.name);
    if (args.action === "save_as" && exists) {
      fail(
        "PRESET_EXISTS",
        `a render preset named "${args.name}" already exists`,
        "Choose another name.",
      );
    }
    if (args.action !== "save_as" && !exists) {
      fail(
        "PRESET_NOT_FOUND",
        `no render preset named "${args.name}"`,
        `Presets: ${someNames(before)} (list_render_presets).`,
      );
    }
    if (args.action === "delete") {
      await ctx.confirm(`Delete the render preset "${args.name}"?`);
    }
    const method =
      { load: "LoadRenderPreset", save_as: "SaveAsNewRenderPreset", delete: "DeleteRenderPreset" }[
        args.action
      ];
    if (await resolve.call(project, method, args.name) !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to ${args.action} the preset "${args.name}"`,
        args.action === "delete" ? "Built-in presets cannot be deleted." : undefined,
      );
    }
    return {
      summary: `${args.action} "${args.name}" done.`,
      data: { presets: await list(), current: await currentFormat(resolve, project) },
    };
  },
});

// -- settings -----------------------------------------------------------------------------

const timeValue = (what: string) =>
  z.union([z.number().int().min(0).max(100_000_000), z.string().max(16)]).optional().describe(
    `${what}: a frame offset from the current timeline's start (0 = first frame) or a timeline timecode HH:MM:SS:FF. Setting it turns SelectAllFrames off unless you give SelectAllFrames.`,
  );

const settingsInput = z.strictObject({
  SelectAllFrames: z.boolean().optional().describe("Render the whole timeline (ignores marks)."),
  MarkIn: timeValue("First frame to render"),
  MarkOut: timeValue("Last frame to render"),
  TargetDir: z.string().min(1).max(4096).optional().describe(
    "Existing output folder (inside the allowed folders).",
  ),
  CustomName: z.string().max(255).optional().describe("Output file name (without extension)."),
  UniqueFilenameStyle: z.enum(["Prefix", "Suffix"]).optional().describe(
    "Where the unique number goes.",
  ),
  ExportVideo: z.boolean().optional().describe("Render video."),
  ExportAudio: z.boolean().optional().describe("Render audio."),
  FormatWidth: z.number().int().min(16).max(16384).optional().describe("Output width, pixels."),
  FormatHeight: z.number().int().min(16).max(16384).optional().describe("Output height, pixels."),
  FrameRate: z.number().min(1).max(240).optional().describe("Output frame rate, e.g. 23.976."),
  PixelAspectRatio: z.enum(["16_9", "4_3", "square", "cinemascope"]).optional().describe(
    "Pixel aspect: '16_9'/'4_3' for SD, 'square'/'cinemascope' otherwise.",
  ),
  VideoQuality: z.union([
    z.number().int().min(0).max(1_000_000_000),
    z.enum(["Least", "Low", "Medium", "High", "Best"]),
  ]).optional().describe("0 = automatic, a bit rate (integer), or a quality level name."),
  AudioCodec: z.string().max(64).optional().describe("Audio codec, e.g. 'aac', 'lpcm'."),
  AudioBitDepth: z.number().int().min(8).max(32).optional().describe("Audio bit depth."),
  AudioSampleRate: z.number().int().min(8000).max(192000).optional().describe("Hz, e.g. 48000."),
  ColorSpaceTag: z.string().max(128).optional().describe("e.g. 'Same as Project'."),
  GammaTag: z.string().max(128).optional().describe("e.g. 'Same as Project'."),
  ExportAlpha: z.boolean().optional().describe("Render an alpha channel."),
  EncodingProfile: z.string().max(64).optional().describe("H.264/H.265 profile, e.g. 'Main10'."),
  MultiPassEncode: z.boolean().optional().describe("Multi-pass encoding (H.264)."),
  AlphaMode: z.enum(["Premultiplied", "Straight"]).optional().describe(
    "Alpha mode (with ExportAlpha).",
  ),
  NetworkOptimization: z.boolean().optional().describe("Network optimisation (QuickTime/MP4)."),
  ClipStartFrame: z.number().int().min(0).max(100_000_000).optional().describe(
    "Start frame for image sequences (19.1+).",
  ),
  TimelineStartTimecode: z.string().max(16).optional().describe(
    "Start timecode of the output, HH:MM:SS:FF (19.1+).",
  ),
  ReplaceExistingFilesInPlace: z.boolean().optional().describe("Overwrite existing files (19.1+)."),
  ExportSubtitle: z.boolean().optional().describe("Export subtitles (20.2+)."),
  SubtitleFormat: z.enum(["BurnIn", "EmbeddedCaptions", "SeparateFile"]).optional().describe(
    "How subtitles are exported (20.2+).",
  ),
  UseFullExtents: z.boolean().optional().describe("Render clips' full extents (21.0.4+)."),
  AddFrameHandles: z.number().int().min(0).max(10000).optional().describe(
    "Handle frames to add (21.0.4+).",
  ),
  DataBurnIn: z.string().max(255).optional().describe("Data burn-in, e.g. 'None' (21.0.4+)."),
}).describe("Render settings by their Resolve key; omitted keys keep their value.");

const setRenderSettings = defineTool({
  name: "set_render_settings",
  title: "Set render settings",
  description:
    "Prepares the Deliver page in one call, in this order: loads a render preset, selects format + codec and render mode, applies a data burn-in preset, then applies render settings (TargetDir, CustomName, MarkIn/MarkOut as frames or timecode, size, frame rate, quality, audio, alpha, subtitles...). Resolve has no way to read settings back; the result lists what was applied and the current format/codec/mode.",
  toolset: "render",
  readOnly: false,
  idempotent: true,
  openWorld: true,
  input: () => ({
    preset: z.string().min(1).max(255).optional().describe(
      "Render preset to load first (list_render_presets). Omit to keep the current settings.",
    ),
    format: z.string().min(1).max(64).optional().describe(
      "Format id or description (e.g. 'mov' / 'QuickTime'); give with codec.",
    ),
    codec: z.string().min(1).max(128).optional().describe(
      "Codec id or description (e.g. 'ProRes422HQ' / 'Apple ProRes 422 HQ'); give with format.",
    ),
    mode: z.enum(MODES).optional().describe(
      "'single_clip' renders one file; 'individual_clips' one file per clip.",
    ),
    data_burn_in_preset: z.string().min(1).max(255).optional().describe(
      "Data burn-in preset to apply to the project.",
    ),
    settings: settingsInput.optional(),
  }),
  output: () => ({
    applied: z.record(z.string(), z.unknown()).describe("Settings sent to Resolve."),
    preset: z.string().nullable().describe("Preset loaded, if any."),
    current: z.object(currentOutput).describe("Format, codec and mode afterwards."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetCurrentTimeline",
    "Project.LoadRenderPreset",
    "Project.GetRenderPresetList",
    "Project.GetRenderFormats",
    "Project.GetRenderCodecs",
    "Project.SetCurrentRenderFormatAndCodec",
    "Project.SetCurrentRenderMode",
    "Project.LoadBurnInPreset",
    "Project.SetRenderSettings",
    "Project.GetCurrentRenderFormatAndCodec",
    "Project.GetCurrentRenderMode",
    "Timeline.GetStartFrame",
    "Timeline.GetSetting",
  ],
  async handler(args, { resolve, paths }) {
    const s = args.settings ?? {};
    if (
      !args.preset && !args.format && !args.codec && !args.mode && !args.data_burn_in_preset &&
      !Object.values(s).some((v) => v !== undefined)
    ) {
      fail(
        "NOTHING_TO_CHANGE",
        "give preset, format + codec, mode, data_burn_in_preset or settings",
      );
    }
    if ((args.format === undefined) !== (args.codec === undefined)) {
      fail("INVALID_ARGUMENTS", "format and codec go together", "list_render_formats shows both.");
    }
    const project = await resolve.project();
    const dict: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) if (v !== undefined) dict[k] = v;
    if (s.CustomName) checkFileName(s.CustomName, "CustomName");
    if (s.TargetDir !== undefined) {
      const checked = await paths.checkWrite(s.TargetDir);
      if (!checked.exists || !checked.isDir) {
        fail("NO_SUCH_DIRECTORY", `${s.TargetDir} is not an existing folder`, "Create it first.");
      }
      dict.TargetDir = checked.path;
    }
    if (s.UniqueFilenameStyle) {
      dict.UniqueFilenameStyle = s.UniqueFilenameStyle === "Suffix" ? 1 : 0;
    }
    if (s.AlphaMode) dict.AlphaMode = s.AlphaMode === "Straight" ? 1 : 0;
    if (s.MarkIn !== undefined || s.MarkOut !== undefined) {
      const { timeline } = await resolve.timeline();
      const rate = await timelineRate(resolve, timeline);
      const start = num(await resolve.call(timeline, "GetStartFrame"));
      const abs = (v: number | string, key: string) => {
        if (typeof v === "number") return start + v;
        const f = timecodeToFrames(v, rate);
        if (f === undefined || f < start) {
          fail(
            "INVALID_TIMECODE",
            `${key} "${v}" is not a timecode of the timeline at ${rate.fps} fps`,
            "Use HH:MM:SS:FF at or after the timeline's start, or a frame offset.",
          );
        }
        return f;
      };
      if (s.MarkIn !== undefined) dict.MarkIn = abs(s.MarkIn, "MarkIn");
      if (s.MarkOut !== undefined) dict.MarkOut = abs(s.MarkOut, "MarkOut");
      if (
        dict.MarkIn !== undefined && dict.MarkOut !== undefined &&
        num(dict.MarkOut) < num(dict.MarkIn)
      ) {
        fail("INVALID_ARGUMENTS", "MarkOut is before MarkIn");
      }
      if (s.SelectAllFrames === undefined) dict.SelectAllFrames = false;
    }
    if (args.preset) {
      if (await resolve.call(project, "LoadRenderPreset", args.preset) !== true) {
        const presets = ((await resolve.call(project, "GetRenderPresetList") as unknown[]) ?? [])
          .map(String);
        fail(
          "PRESET_NOT_FOUND",
          `Resolve could not load the render preset "${args.preset}"`,
          `Presets: ${someNames(presets)}.`,
        );
      }
    }
    if (args.format && args.codec) {
      const f = await formatId(resolve, project, args.format);
      const c = await codecId(resolve, project, f, args.codec);
      if (await resolve.call(project, "SetCurrentRenderFormatAndCodec", f, c) !== true) {
        fail("FORMAT_REFUSED", `Resolve refused format ${f} with codec ${c}`);
      }
    }
    if (args.mode) {
      if (await resolve.call(project, "SetCurrentRenderMode", MODES.indexOf(args.mode)) !== true) {
        fail("MODE_REFUSED", `Resolve refused render mode ${args.mode}`);
      }
    }
    if (args.data_burn_in_preset) {
      if (await resolve.call(project, "LoadBurnInPreset", args.data_burn_in_preset) !== true) {
        fail(
          "BURN_IN_PRESET_NOT_FOUND",
          `Resolve has no data burn-in preset "${args.data_burn_in_preset}"`,
          "Create or import the preset in Resolve (Workspace > Data Burn-In) first.",
        );
      }
    }
    if (Object.keys(dict).length) {
      if (await resolve.call(project, "SetRenderSettings", dict) !== true) {
        // Find the keys Resolve refuses (the others get applied one by one).
        const keys = Object.keys(dict);
        const results = await resolve.batch(
          keys.map((k) => call(project, "SetRenderSettings", { [k]: dict[k] })),
        );
        const refused = keys.filter((_, i) => results[i] !== true);
        fail(
          "SETTINGS_REFUSED",
          `Resolve refused the render setting(s) ${refused.join(", ") || "(as a whole)"}` +
            (refused.length < keys.length ? `; the others were applied` : ""),
          "Check the values against the current format and codec, and the Resolve version (some keys need 19.1, 20.2 or 21.0.4).",
        );
      }
    }
    const current = await currentFormat(resolve, project);
    return {
      summary: `Render settings applied (${
        Object.keys(dict).join(", ") || "no keys"
      }); ${current.format}/${current.codec}, ${current.mode}.`,
      data: { applied: dict, preset: args.preset ?? null, current },
    };
  },
});

// -- jobs ---------------------------------------------------------------------------------

const jobSchema = z.object({
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

const statusSchema = z.object({
  job_id: z.string(),
  status: z.string().describe("Ready, Rendering, Complete, Cancelled, Failed..."),
  completion: z.number().describe("Percent complete."),
  time_taken_ms: z.number().nullable().describe("Render time of a complete job."),
  remaining_ms: z.number().nullable().describe("Estimated time left of a rendering job."),
  error: z.string().nullable().describe("Error of a failed job."),
  output_path: z.string().nullable().describe("The output file (folder + name)."),
});

type JobInfo = Record<string, unknown>;

function joinPath(dir: string, file: string) {
  if (!dir) return file;
  const sep = dir.includes("\\") && !dir.includes("/") ? "\\" : "/";
  return dir.endsWith(sep) ? dir + file : `${dir}${sep}${file}`;
}

function statusRow(id: string, raw: unknown, job: JobInfo | undefined) {
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

function jobRow(j: JobInfo, status: unknown) {
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

async function jobList(resolve: ResolveSession, project: Handle): Promise<JobInfo[]> {
  return ((await resolve.call(project, "GetRenderJobList") as JobInfo[]) ?? []);
}

function unknownJobs(ids: string[], jobs: JobInfo[]) {
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

const jobIdsInput = z.array(z.string().min(1).max(128)).min(1).max(500);

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
async function checkTargetDirs(ctx: ToolContext, jobs: JobInfo[]): Promise<void> {
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

/** A file name Resolve puts inside TargetDir: no folders, no '..'. */
function checkFileName(name: string, what: string) {
  if (/[\\/]/.test(name) || name === "." || name === "..") {
    fail(
      "INVALID_ARGUMENTS",
      `${what} "${name}" must be a plain file name, without folders`,
      "Put the folder in TargetDir / target_dir and the bare name here.",
    );
  }
}

const addRenderJob = defineTool({
  name: "add_render_job",
  title: "Add render job",
  description:
    "Queues a render job from the current render settings (set_render_settings first; a TargetDir is required) for the current timeline, or for the named timeline (made current for the job, then the previous one is restored). The output folder must exist and be writable. If the job's output file exists already, it needs confirmation (the job is not queued otherwise). Returns the job.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({ timeline: timelineRefInput }),
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
  async handler(args, ctx) {
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

const listRenderJobs = defineTool({
  name: "list_render_jobs",
  title: "List render jobs",
  description:
    "Lists the render queue with each job's settings, output file, status and completion, a page at a time.",
  toolset: "render",
  readOnly: true,
  input: () => ({ ...pageInput }),
  output: () => ({ jobs: z.array(jobSchema).describe("Jobs in this page."), ...pageOutput }),
  apiMethods: [...PROJECT, "Project.GetRenderJobList", "Project.GetRenderJobStatus"],
  async handler(args, { resolve }) {
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

const deleteRenderJobs = defineTool({
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
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

const startRender = defineTool({
  name: "start_render",
  title: "Start rendering",
  description:
    "Renders queued jobs (the given job ids, or every job not yet complete), after checking that their output folders exist and can be written; output files that exist already are replaced only after confirmation. Waits at most max_wait_seconds (default 25) with progress notifications, then returns each job's final status and output file, or the jobs still rendering with their progress (call wait_for_render or render_status to follow). A job that fails or is stopped makes the call fail (RENDER_FAILED / RENDER_CANCELLED, with each job's error). Cancelling this call, or the client giving up waiting, does nothing to the render: it goes on until it ends or stop_render stops it. If the current project changes during the wait, the call fails with PROJECT_CHANGED (the render continues in its project).",
  toolset: "render",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe(
      "Ids of the jobs to render (list_render_jobs). Omit to render all jobs not yet complete.",
    ),
    wait: z.boolean().optional().describe(
      "false: return right after starting (as max_wait_seconds 0). Default true.",
    ),
    max_wait_seconds: maxWaitInput,
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
  async handler(args, ctx) {
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

const waitForRender = defineTool({
  name: "wait_for_render",
  title: "Wait for a render",
  description:
    "Follows a render: waits at most max_wait_seconds (default 25) for the given jobs, or the last render start_render started in the current project (else the job Resolve is rendering now), with progress notifications. Returns each job's final status and output file, or the jobs still rendering (call it again to keep waiting). A job that failed or was stopped makes it fail (RENDER_FAILED / RENDER_CANCELLED, with each job's error); a render started in another project than the current one is PROJECT_CHANGED. Waiting never changes the render: cancelling this call does nothing to it; only stop_render stops it.",
  toolset: "render",
  readOnly: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe(
      "Ids of the jobs to wait for (start_render's `started`). Omit for the last render started.",
    ),
    max_wait_seconds: maxWaitInput,
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
  async handler(args, ctx) {
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

const renderStatus = defineTool({
  name: "render_status",
  title: "Render status",
  description:
    "Reports whether Resolve is rendering and the status, completion, time taken or remaining, error and output file of render jobs (the given ids, or every queued job of the current project; at most 500). Jobs of a render started in another project fail with PROJECT_CHANGED (reopen that project). Reading never changes the render.",
  toolset: "render",
  readOnly: true,
  input: () => ({
    job_ids: jobIdsInput.optional().describe("Ids of the jobs to report. Omit for all jobs."),
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
  async handler(args, { resolve }) {
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

const stopRender = defineTool({
  name: "stop_render",
  title: "Stop rendering",
  description:
    "Stops any render in progress (jobs being rendered become Cancelled) and reports the queue's statuses.",
  toolset: "render",
  readOnly: false,
  idempotent: true,
  input: () => ({}),
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
  async handler(_args, { resolve }) {
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

const quickExport = defineTool({
  name: "quick_export",
  title: "Quick Export",
  description:
    "Renders the current timeline (or the named one, made current) with a Quick Export preset (list_render_presets) into a folder, optionally uploading for web presets. The file is named custom_name (default: the timeline's name) plus the preset's extension; if a file of that name exists in the folder, replacing it needs confirmation. Returns Resolve's status.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    preset: z.string().min(1).max(255).describe("Quick Export preset name, e.g. 'H.264'."),
    target_dir: z.string().min(1).max(4096).describe("Existing output folder."),
    custom_name: z.string().min(1).max(255).optional().describe(
      "Output file name without extension. Default: the timeline's name.",
    ),
    video_quality: z.union([
      z.number().int().min(0).max(1_000_000_000),
      z.enum(["Least", "Low", "Medium", "High", "Best"]),
    ]).optional().describe("0 = automatic, a bit rate, or a quality level. Default: the preset's."),
    enable_upload: z.boolean().optional().describe(
      "Upload after rendering (web presets only). Default: false.",
    ),
    timeline: timelineRefInput,
  }),
  output: () => ({
    status: z.string().describe("Resolve's JobStatus, e.g. 'Render Complete'."),
    completion: z.number().describe("Percent complete."),
    time_taken_ms: z.number().describe("Render time."),
    target_dir: z.string().describe("The output folder."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Project.GetQuickExportRenderPresets",
    "Project.GetRenderFormats",
    "Project.RenderWithQuickExport",
  ],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    if (args.custom_name) checkFileName(args.custom_name, "custom_name");
    const checked = await paths.checkWrite(args.target_dir);
    if (!checked.exists || !checked.isDir) {
      fail("NO_SUCH_DIRECTORY", `${args.target_dir} is not an existing folder`, "Create it first.");
    }
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const presets = ((await resolve.call(project, "GetQuickExportRenderPresets") as string[]) ?? [])
      .map(String);
    if (!presets.includes(args.preset)) {
      fail(
        "PRESET_NOT_FOUND",
        `no Quick Export preset "${args.preset}"`,
        `Quick Export presets: ${someNames(presets)}.`,
      );
    }
    // The preset's extension is not in the API: look for the name with every format's.
    const [formats, timelineName] = await resolve.batch([
      call(project, "GetRenderFormats"),
      call(timeline, "GetName"),
    ]);
    const name = args.custom_name || String(timelineName ?? "");
    const exts = new Set(["mp4", "mov", "mxf", "mkv", "webm", "avi"]);
    for (const id of Object.values((formats ?? {}) as Record<string, string>)) {
      exts.add(String(id).toLowerCase());
    }
    const candidates = [...exts].map((ext) => joinPath(checked.path, `${name}.${ext}`));
    const existing = (await paths.checkRead(candidates)).filter((c) => c.exists && !c.isDir);
    if (existing.length) {
      await ctx.confirm(
        `Quick Export writes ${name}.<extension> into ${checked.path}, which would replace ${
          someNames(existing.map((c) => c.path), 10)
        }. Overwrite?`,
      );
    }
    if (args.timeline !== undefined) await resolve.call(project, "SetCurrentTimeline", timeline);
    const params: Record<string, unknown> = { TargetDir: checked.path };
    if (args.custom_name) params.CustomName = args.custom_name;
    if (args.video_quality !== undefined) params.VideoQuality = args.video_quality;
    if (args.enable_upload !== undefined) params.EnableUpload = args.enable_upload;
    const result = await resolve.call(project, "RenderWithQuickExport", args.preset, params);
    if (typeof result === "string" || !result) {
      fail("QUICK_EXPORT_FAILED", `Quick Export failed: ${result || "no result"}`);
    }
    const r = result as Record<string, unknown>;
    const status = String(r.JobStatus ?? "");
    if (/Failed|Cancelled/.test(status)) {
      fail("QUICK_EXPORT_FAILED", `Quick Export ended with "${status}": ${r.Error ?? ""}`);
    }
    return {
      summary: `Quick Export "${args.preset}": ${status} into ${checked.path}.`,
      data: {
        status,
        completion: num(r.CompletionPercentage),
        time_taken_ms: num(r.TimeTakenToRenderInMs),
        target_dir: checked.path,
      },
    };
  },
});

export function registerRenderTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "render",
    description:
      "Deliver: formats, codecs, presets, settings, render jobs, start/stop with progress, quick export.",
  });
  registry.add(listRenderFormats);
  registry.add(listRenderPresets, { default: true });
  registry.add(manageRenderPresets);
  registry.add(setRenderSettings, { default: true });
  registry.add(addRenderJob, { default: true });
  registry.add(listRenderJobs);
  registry.add(deleteRenderJobs);
  registry.add(startRender, { default: true });
  registry.add(waitForRender, { default: true });
  registry.add(renderStatus, { default: true });
  registry.add(stopRender);
  registry.add(quickExport);
}
