// Render presets and audio-only render queries added in Resolve 21.1.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import { call, requireVersion, VERSION_LOOKUP } from "../../resolve/index.ts";
import { PROJECT } from "./common.ts";

const presetInput = z.string().trim().min(1).max(255);

export const updateRenderPreset = defineTool({
  name: "update_render_preset",
  title: "Update render preset",
  description:
    "Overwrites a user render preset with the project's current render settings (format, codec, resolution and the rest set with set_render_settings), after confirmation. Built-in presets cannot be overwritten: save a new one with manage_render_presets. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  input: () => ({
    preset: presetInput.describe("The user render preset to overwrite (list_render_presets)."),
  }),
  output: () => ({
    preset: z.string().describe("The preset overwritten."),
    format: z.string().describe("Render format it now holds."),
    codec: z.string().describe("Render codec it now holds."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...PROJECT,
    "Project.GetRenderPresetList",
    "Project.UpdateRenderPreset",
    "Project.GetCurrentRenderFormatAndCodec",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    await requireVersion(resolve, "21.1", "update_render_preset");
    const project = await resolve.project();
    const list = await resolve.call(project, "GetRenderPresetList");
    const names = (Array.isArray(list) ? list : []).map(String);
    if (!names.includes(args.preset)) {
      fail(
        "PRESET_NOT_FOUND",
        `no render preset "${args.preset}"`,
        `Presets: ${someNames(names)}.`,
      );
    }
    await ctx.confirm(
      `Overwrite the render preset "${args.preset}" with the current render settings?`,
    );
    const [ok, current] = await resolve.batch([
      call(project, "UpdateRenderPreset", args.preset),
      call(project, "GetCurrentRenderFormatAndCodec"),
    ]);
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to update the render preset "${args.preset}"`,
        "Built-in presets cannot be overwritten; save the settings as a new preset (manage_render_presets).",
      );
    }
    const fc = (current ?? {}) as Record<string, unknown>;
    return {
      summary: `Updated render preset "${args.preset}" (${fc.format}/${fc.codec}).`,
      data: { preset: args.preset, format: String(fc.format ?? ""), codec: String(fc.codec ?? "") },
    };
  },
});

export const setQuickExportPreset = defineTool({
  name: "set_quick_export_preset",
  title: "Set Quick Export preset",
  description:
    "Adds a render preset to the Quick Export list (enabled: true) or removes it (false); quick_export can then use it. Reads the list back. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "render",
  readOnly: false,
  idempotent: true,
  input: () => ({
    preset: presetInput.describe("A render preset name (list_render_presets)."),
    enabled: z.boolean().describe("true: offer it in Quick Export; false: remove it from there."),
  }),
  output: () => ({
    preset: z.string().describe("The preset."),
    enabled: z.boolean().describe("Whether it is now in the Quick Export list."),
    quick_export_presets: z.array(z.string()).describe("The Quick Export presets afterwards."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...PROJECT,
    "Project.SetQuickExportEnabledForRenderPreset",
    "Project.GetQuickExportRenderPresets",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "set_quick_export_preset");
    const project = await resolve.project();
    const [ok, list] = await resolve.batch([
      call(project, "SetQuickExportEnabledForRenderPreset", args.preset, args.enabled),
      call(project, "GetQuickExportRenderPresets"),
    ]);
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to ${args.enabled ? "add" : "remove"} "${args.preset}" ${
          args.enabled ? "to" : "from"
        } Quick Export`,
        "Give an existing render preset name (list_render_presets).",
      );
    }
    const names = (Array.isArray(list) ? list : []).map(String);
    return {
      summary: `"${args.preset}" is ${
        names.includes(args.preset) ? "now" : "not"
      } in Quick Export.`,
      data: {
        preset: args.preset,
        enabled: names.includes(args.preset),
        quick_export_presets: names,
      },
    };
  },
});

export const listAudioRenderFormats = defineTool({
  name: "list_audio_render_formats",
  title: "List audio render formats",
  description:
    "Lists the formats Resolve offers for audio-only renders (name and file extension) and, for one format (by extension like 'wav' or by name like 'Wave'), its audio codecs. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "render",
  readOnly: true,
  input: () => ({
    format: z.string().trim().min(1).max(100).optional().describe(
      "Also list this format's codecs: its extension ('wav') or its name ('Wave'). Omit for formats only.",
    ),
  }),
  output: () => ({
    formats: z.array(z.object({ id: z.string(), name: z.string() })).describe(
      "Audio render formats: id = file extension, name = Resolve's label.",
    ),
    codecs: z.array(z.object({ id: z.string(), name: z.string() })).nullable().describe(
      "Codecs of the requested format (id = codec name to pass as AudioCodec), or null.",
    ),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...PROJECT,
    "Project.GetAudioRenderFormats",
    "Project.GetAudioRenderCodecs",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "list_audio_render_formats");
    const project = await resolve.project();
    const raw = (await resolve.call(project, "GetAudioRenderFormats") ?? {}) as Record<
      string,
      unknown
    >;
    const formats = Object.entries(raw).map(([name, id]) => ({ id: String(id), name }));
    let codecs: { id: string; name: string }[] | null = null;
    if (args.format) {
      const want = args.format.toLowerCase();
      // Resolve wants the extension, not the label: map a label to its extension
      const hit = formats.find((f) => f.id.toLowerCase() === want) ??
        formats.find((f) => f.name.toLowerCase() === want);
      if (!hit) {
        fail(
          "UNKNOWN_FORMAT",
          `no audio render format "${args.format}"`,
          `Formats: ${someNames(formats.map((f) => `${f.id} (${f.name})`))}.`,
        );
      }
      const rawCodecs =
        (await resolve.call(project, "GetAudioRenderCodecs", hit.id) ?? {}) as Record<
          string,
          unknown
        >;
      codecs = Object.entries(rawCodecs).map(([name, id]) => ({ id: String(id), name }));
    }
    return {
      summary: `${formats.length} audio render format(s)` +
        (codecs ? `; ${args.format}: ${codecs.map((c) => c.id).join(", ") || "no codecs"}.` : "."),
      data: { formats, codecs },
    };
  },
});
