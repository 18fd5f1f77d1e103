// Render formats, codecs, presets and settings.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { checkFileName, someNames } from "../shared.ts";
import { call, type Handle, type ResolveSession, timelineRate } from "../../resolve/index.ts";
import { MODES, num, PROJECT } from "./common.ts";

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

export const listRenderFormats = defineTool({
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

export const listRenderPresets = defineTool({
  name: "list_render_presets",
  default: true,
  title: "List render presets",
  description:
    "Lists the render presets (built-in and user) that set_render_settings can load, and the Quick Export presets (for quick_export of the render toolset: enable_toolset).",
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

export const manageRenderPresets = defineTool({
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
    `${what}: timeline frame or timecode; turns SelectAllFrames off unless given.`,
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

export const setRenderSettings = defineTool({
  name: "set_render_settings",
  default: true,
  title: "Set render settings",
  description:
    "Prepares the Deliver page in one call: loads a preset, then format + codec and mode, a burn-in preset, then settings (TargetDir, CustomName, MarkIn/MarkOut...). Resolve cannot read settings back; the result lists what was applied.",
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
