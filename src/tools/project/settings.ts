// Toolset "project": settings.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { isPathSetting } from "../shared.ts";
import { checkPathSetting, name, someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  pageInput,
  pageOutput,
  pageWindow,
  sameSetting,
  saveCheckpoint,
  usesDictForms,
} from "../../resolve/index.ts";
import {
  allSettings,
  isStudio,
  nearKeys,
  presetRows,
  READ_ONLY_SETTINGS,
  settingKey,
  text,
} from "./common.ts";

export const getProjectSettings = defineTool({
  name: "get_project_settings",
  title: "Get project settings",
  description:
    "Reads settings of the loaded project (values are strings, as Resolve stores them; booleans are '0'/'1'). Give keys for specific settings (e.g. timelineFrameRate, timelineResolutionWidth, colorScienceMode, superScale), a prefix to browse a group (e.g. 'color', 'timeline', 'perf'), or neither for all settings, paginated by key name.",
  toolset: "project",
  readOnly: true,
  input: () => ({
    keys: z.array(settingKey).min(1).max(200).optional().describe(
      "Setting keys to read (case-sensitive). Omit to list all (or those matching prefix).",
    ),
    prefix: z.string().min(1).max(64).optional().describe(
      "Only keys starting with this text (case-insensitive). Ignored when keys is given.",
    ),
    ...pageInput,
  }),
  output: () => ({
    settings: z.record(z.string(), z.string()).describe("Setting key -> value."),
    unknown_keys: z.array(z.string()).describe("Requested keys Resolve does not know."),
    read_only_keys: z.array(z.string()).describe(
      "Keys in this result that scripts cannot change.",
    ),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetSetting",
    "Project.GetSettings",
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    const all = await allSettings(resolve, project);
    const settings: Record<string, string> = {};
    let unknown: string[] = [];
    let page = { total: 0, next_cursor: null as string | null, offset: 0, end: 0 };
    if (args.keys) {
      const missing = args.keys.filter((k) => !(k in all));
      // Keys outside the snapshot may still answer when asked one by one.
      const direct = missing.length
        ? await resolve.batch(missing.map((k) => call(project, "GetSetting", k)))
        : [];
      for (const k of args.keys) if (k in all) settings[k] = text(all[k]);
      missing.forEach((k, i) => {
        if (direct[i] === null || direct[i] === undefined || direct[i] === "") unknown.push(k);
        else settings[k] = text(direct[i]);
      });
      page = { total: Object.keys(settings).length, next_cursor: null, offset: 0, end: 0 };
    } else {
      const prefix = args.prefix?.toLowerCase();
      const keys = Object.keys(all).filter((k) => !prefix || k.toLowerCase().startsWith(prefix))
        .sort();
      page = pageWindow(keys.length, args.cursor, args.limit);
      for (const k of keys.slice(page.offset, page.end)) settings[k] = text(all[k]);
    }
    unknown = [...new Set(unknown)];
    const readOnly = Object.keys(settings).filter((k) => READ_ONLY_SETTINGS.has(k));
    const shown = Object.keys(settings).length;
    return {
      summary: `${shown} project setting(s)` +
        (unknown.length ? `; unknown: ${unknown.join(", ")}` : "") +
        (page.next_cursor ? `; more with cursor ${page.next_cursor}.` : "."),
      data: {
        settings,
        unknown_keys: unknown,
        read_only_keys: readOnly,
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});

export const setProjectSettings = defineTool({
  name: "set_project_settings",
  title: "Set project settings",
  description:
    "Changes several settings of the loaded project at once and reports each key's result (Resolve may refuse a value, e.g. a frame rate once timelines exist). Values are sent as strings (true/false become '1'/'0'). Unknown or read-only keys are refused before anything changes. get_project_settings lists keys and current values.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: () => ({
    settings: z.record(settingKey, z.union([z.string().max(4096), z.number(), z.boolean()]))
      .describe(
        'Setting key -> new value, e.g. {"timelineFrameRate": "25", "timelineResolutionWidth": "3840", "superScale": 2}. 1 to 100 keys.',
      ),
    super_scale_sharpness: z.number().min(0).max(1).optional().describe(
      "With superScale 2: '2x Enhanced' sharpness 0.0-1.0. Give with super_scale_noise_reduction. Omit for plain 2x.",
    ),
    super_scale_noise_reduction: z.number().min(0).max(1).optional().describe(
      "With superScale 2: '2x Enhanced' noise reduction 0.0-1.0. Give with super_scale_sharpness.",
    ),
  }),
  output: () => ({
    results: z.array(z.object({
      key: z.string().describe("Setting key."),
      requested: z.string().describe("The value sent."),
      previous: z.string().describe("Value before."),
      value: z.string().describe("Value read back afterwards."),
      applied: z.boolean().describe("True if Resolve accepted the value."),
    })).describe("One entry per key, in the order given."),
    applied: z.number().describe("Number of keys Resolve accepted."),
    refused: z.array(z.string()).describe("Keys Resolve refused (their value is unchanged)."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetSetting",
    "Project.SetSetting",
    "Project.GetSettings",
    "Project.SetSettings",
  ],
  async handler(args, { resolve, paths }) {
    const entries = Object.entries(args.settings);
    if (entries.length === 0 || entries.length > 100) {
      fail(
        "INVALID_ARGUMENTS",
        "settings needs 1 to 100 keys",
        "Give the keys to change with their new values.",
      );
    }
    const enhanced = args.super_scale_sharpness !== undefined ||
      args.super_scale_noise_reduction !== undefined;
    if (enhanced) {
      if (
        args.super_scale_sharpness === undefined || args.super_scale_noise_reduction === undefined
      ) {
        fail(
          "INVALID_ARGUMENTS",
          "super_scale_sharpness and super_scale_noise_reduction go together",
          "Give both, or neither for plain super scale.",
        );
      }
      if (String(args.settings.superScale) !== "2") {
        fail(
          "INVALID_ARGUMENTS",
          "the '2x Enhanced' values need superScale set to 2 in settings",
          'Add "superScale": 2 to settings.',
        );
      }
    }
    const readOnly = entries.map(([k]) => k).filter((k) => READ_ONLY_SETTINGS.has(k));
    if (readOnly.length) {
      fail(
        "READ_ONLY_SETTING",
        `${readOnly.join(", ")} cannot be changed by scripts (Resolve derives ${
          readOnly.length > 1 ? "them" : "it"
        })`,
        "Remove these keys; nothing was changed. get_project_settings still reads them.",
      );
    }
    const project = await resolve.project();
    const all = await allSettings(resolve, project);
    const known = Object.keys(all);
    const unknown = entries.map(([k]) => k).filter((k) => !(k in all));
    if (unknown.length) {
      fail(
        "UNKNOWN_SETTING",
        `unknown project setting(s): ${unknown.join(", ")}`,
        `Keys are case-sensitive; close matches: ${
          nearKeys(unknown[0], known)
        }. Nothing was changed; get_project_settings with a prefix lists keys.`,
      );
    }
    // Cache, gallery stills and media locations are folders Resolve writes to.
    for (const entry of entries) {
      if (isPathSetting(entry[0])) {
        entry[1] = await checkPathSetting(paths, entry[0], String(entry[1]));
      }
    }
    const asText = (v: string | number | boolean) =>
      typeof v === "boolean" ? (v ? "1" : "0") : String(v);
    const value = (k: string, v: string | number | boolean) =>
      k === "superScale" ? Number(v) : asText(v);
    let results: unknown[];
    if (await usesDictForms(resolve)) {
      // 21.1+: one SetSettings dict (keys applied one by one; some may fail while others
      // stay applied), then one GetSettings read; the 4-argument '2x Enhanced' SetSetting is
      // the one overload 21.1 keeps.
      const dict = Object.fromEntries(
        entries.filter(([k]) => !(k === "superScale" && enhanced)).map((
          [k, v],
        ) => [k, value(k, v)]),
      );
      const [ok, extra, after] = await resolve.batch([
        call(project, "SetSettings", dict),
        enhanced
          ? call(
            project,
            "SetSetting",
            "superScale",
            2,
            args.super_scale_sharpness,
            args.super_scale_noise_reduction,
          )
          : call(project, "GetSettings"),
        call(project, "GetSettings"),
      ]);
      const now = (after ?? {}) as Record<string, unknown>;
      results = [
        ...entries.map(([k, v]) =>
          k === "superScale" && enhanced
            ? extra === true
            : ok === true || sameSetting(value(k, v), now[k])
        ),
        ...entries.map(([k]) => now[k]),
      ];
    } else {
      results = await resolve.batch([
        ...entries.map(([k, v]) =>
          call(
            project,
            "SetSetting",
            ...k === "superScale" && enhanced
              ? [k, Number(v), args.super_scale_sharpness, args.super_scale_noise_reduction]
              : [k, value(k, v)],
          )
        ),
        ...entries.map(([k]) => call(project, "GetSetting", k)),
      ]);
    }
    const rows = entries.map(([k, v], i) => ({
      key: k,
      requested: asText(v),
      previous: text(all[k]),
      value: text(results[entries.length + i]),
      applied: results[i] === true,
    }));
    const refused = rows.filter((r) => !r.applied).map((r) => r.key);
    if (refused.length === rows.length) {
      fail(
        "SETTINGS_REFUSED",
        `Resolve refused every value: ${rows.map((r) => `${r.key}=${r.requested}`).join(", ")}`,
        "Check the values against Resolve's Project Settings (e.g. frame rates cannot change once timelines exist); nothing was changed.",
      );
    }
    return {
      summary: `Applied ${rows.length - refused.length} of ${rows.length} setting(s)` +
        (refused.length ? `; Resolve refused ${refused.join(", ")}.` : "."),
      data: { results: rows, applied: rows.length - refused.length, refused },
    };
  },
});

export const listProjectPresets = defineTool({
  name: "list_project_presets",
  title: "List project presets",
  description:
    "Lists the project-settings presets (saved resolution/frame-rate/colour setups) available to the loaded project. apply_project_preset applies one.",
  toolset: "project",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    presets: z.array(z.object({
      name: z.string().describe("Preset name."),
      width: z.number().nullable().describe("Timeline width of the preset, if reported."),
      height: z.number().nullable().describe("Timeline height of the preset, if reported."),
    })).describe("Available presets."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetPresetList",
  ],
  async handler(_args, { resolve }) {
    const project = await resolve.project();
    const presets = presetRows(await resolve.call(project, "GetPresetList"));
    return {
      summary: `${presets.length} project preset(s): ${someNames(presets.map((p) => p.name))}.`,
      data: { presets },
    };
  },
});

export const applyProjectPreset = defineTool({
  name: "apply_project_preset",
  title: "Apply project preset",
  description:
    "Applies a project-settings preset to the loaded project (replacing the settings it covers, so it needs confirmation) and reports the resulting frame rate and resolution. list_project_presets shows the names. Saves a project checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "project",
  readOnly: false,
  destructive: true,
  idempotent: true,
  input: () => ({ name: name("Exact preset name.") }),
  output: () => ({
    preset: z.string().describe("The preset applied."),
    frame_rate: z.string().describe("Project timeline frame rate afterwards."),
    resolution_width: z.number().describe("Timeline width afterwards."),
    resolution_height: z.number().describe("Timeline height afterwards."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetPresetList",
    "Project.SetPreset",
    "Project.GetSetting",
    "Project.GetName",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const project = await resolve.project();
    const names = presetRows(await resolve.call(project, "GetPresetList")).map((p) => p.name);
    if (!names.includes(args.name)) {
      fail(
        "PRESET_NOT_FOUND",
        `no project preset named "${args.name}"`,
        `Presets: ${someNames(names)}.`,
      );
    }
    // Resolve keeps no copy of the settings a preset replaces.
    await confirm(
      `Apply the project preset "${args.name}" to "${
        text(await resolve.call(project, "GetName"))
      }", replacing the project settings it covers (frame rate, resolution, colour...)?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "apply_project_preset", args, {
      project: true,
    });
    const [ok, rate, w, h] = await resolve.batch([
      call(project, "SetPreset", args.name),
      call(project, "GetSetting", "timelineFrameRate"),
      call(project, "GetSetting", "timelineResolutionWidth"),
      call(project, "GetSetting", "timelineResolutionHeight"),
    ]);
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to apply the preset "${args.name}"`,
        "Its frame rate may conflict with existing timelines.",
      );
    }
    const data = {
      preset: args.name,
      frame_rate: text(rate),
      resolution_width: Number(w) || 0,
      resolution_height: Number(h) || 0,
      checkpoint_id,
    };
    return {
      summary:
        `Applied preset "${args.name}": ${data.resolution_width}x${data.resolution_height} at ${data.frame_rate} fps.`,
      data,
    };
  },
});

export const refreshLuts = defineTool({
  name: "refresh_lut_list",
  title: "Refresh LUT list",
  description:
    "Makes Resolve rescan its LUT folders, so LUT files copied there become available to grades without restarting.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: () => ({}),
  output: () => ({ refreshed: z.boolean().describe("Always true on success.") }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.RefreshLUTList",
  ],
  async handler(_args, { resolve }) {
    const project = await resolve.project();
    if (await resolve.call(project, "RefreshLUTList") !== true) {
      fail(
        "REFRESH_FAILED",
        "Resolve could not rescan the LUT folders",
        "Check the LUT folders in Resolve's preferences, then retry.",
      );
    }
    return { summary: "Rescanned the LUT folders.", data: { refreshed: true } };
  },
});

export const resetIntellisearch = defineTool({
  name: "reset_intellisearch_analysis",
  title: "Reset IntelliSearch analysis",
  description:
    "Clears all IntelliSearch (AI content search) analysis data of the loaded project; the clips must be analysed again to be searchable. Studio only (Resolve 21+). Needs confirmation.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  idempotent: true,
  input: () => ({}),
  output: () => ({
    project: z.string().describe("Project whose analysis was cleared."),
    cleared: z.boolean().describe("Always true on success."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "Resolve.GetProductName",
    "ProjectManager.GetCurrentProject",
    "Project.GetName",
    "Project.ResetIntellisearchAnalysis",
  ],
  async handler(_args, ctx) {
    const { resolve } = ctx;
    const project = await resolve.project();
    const projectName = text(await resolve.call(project, "GetName"));
    await ctx.confirm(`Clear all IntelliSearch analysis of "${projectName}"?`);
    const ok = await resolve.call(project, "ResetIntellisearchAnalysis");
    if (ok !== true) {
      if (!(await isStudio(resolve))) {
        fail(
          "STUDIO_REQUIRED",
          "IntelliSearch needs DaVinci Resolve Studio",
          "This is the free edition; use Resolve Studio.",
        );
      }
      fail(
        "RESET_FAILED",
        `Resolve could not reset the IntelliSearch analysis${
          typeof ok === "string" ? `: ${ok}` : ""
        }`,
        "Check that the 'AI IntelliSearch' extras are installed in Resolve.",
      );
    }
    return {
      summary: `Cleared IntelliSearch analysis of "${projectName}".`,
      data: { project: projectName, cleared: true },
    };
  },
});
