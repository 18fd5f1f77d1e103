// Toolset "app": app.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { outputFile, PAGES, someNames } from "../shared.ts";
import {
  call,
  constant,
  type Handle,
  isHandle,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
} from "../../resolve/index.ts";
import {
  KEYFRAME_MODES,
  LIST_KINDS,
  names,
  optional,
  PRESET_ACTIONS,
  PRESET_KINDS,
  PRESET_METHODS,
  presetList,
  text,
} from "./common.ts";

export const switchPage = defineTool({
  name: "switch_page",
  title: "Switch page",
  description:
    "Shows one of Resolve's pages (media, cut, edit, fusion, color, fairlight, deliver, photo). Some calls only work on certain pages: the playhead needs cut/edit/color/fairlight/deliver.",
  toolset: "app",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({
    page: z.enum(PAGES).describe("The page to show. 'photo' needs Resolve 21 or newer."),
  }),
  output: () => ({
    page: z.string().describe("The page now shown."),
    previous: z.string().nullable().describe("The page shown before, or null if unknown."),
  }),
  apiMethods: ["Resolve.OpenPage", "Resolve.GetCurrentPage"],
  async handler({ page }, { resolve }) {
    const root = await resolve.root();
    const [previous, ok, now] = await resolve.batch([
      call(root, "GetCurrentPage"),
      call(root, "OpenPage", page),
      call(root, "GetCurrentPage"),
    ]);
    if (ok !== true) {
      fail(
        "PAGE_REFUSED",
        `Resolve refused to open the ${page} page`,
        "This Resolve version may not have that page, or a modal dialog is open in Resolve.",
      );
    }
    return {
      summary: `Switched to the ${now ?? page} page (was ${previous ?? "unknown"}).`,
      data: { page: String(now ?? page), previous: (previous as string | null) ?? null },
    };
  },
});

export const getResolveInfo = defineTool({
  name: "get_resolve_info",
  title: "Get Resolve info",
  description:
    "Describes the running DaVinci Resolve: product name, version, edition (studio or free; many AI and collaboration features need Studio), the page shown, the keyframe mode, whether Fusion scripting is reachable and the mounted media volumes. A good first call.",
  toolset: "app",
  default: true,
  readOnly: true,
  input: () => ({}),
  output: () => ({
    product_name: z.string().describe("e.g. 'DaVinci Resolve Studio'."),
    version: z.string().describe("Version string, e.g. '20.2.1.5'."),
    major: z.number().describe("Major version."),
    minor: z.number().describe("Minor version."),
    patch: z.number().describe("Patch version."),
    build: z.number().describe("Build number."),
    suffix: z.string().describe("Pre-release suffix such as 'b', empty for releases."),
    edition: z.enum(["studio", "free"]).describe("Studio or the free edition."),
    page: z.string().nullable().describe("The page shown (media, cut, edit, ...), or null."),
    keyframe_mode: z.enum(KEYFRAME_MODES).nullable().describe(
      "Keyframe mode (ALL, COLOR or SIZING); null before Resolve 19.",
    ),
    fusion_available: z.boolean().describe("True if the Fusion scripting object answers."),
    mounted_volumes: z.array(z.string()).describe("Volumes Resolve's media storage sees."),
  }),
  apiMethods: [
    "Resolve.GetProductName",
    "Resolve.GetVersion",
    "Resolve.GetVersionString",
    "Resolve.GetCurrentPage",
    "Resolve.GetKeyframeMode",
    "Resolve.Fusion",
    "Resolve.GetMediaStorage",
    "MediaStorage.GetMountedVolumeList",
  ],
  async handler(_args, { resolve }) {
    const root = await resolve.root();
    const [product, version, versionText, page, fusion, , volumes] = await resolve.batch([
      call(root, "GetProductName"),
      call(root, "GetVersion"),
      call(root, "GetVersionString"),
      call(root, "GetCurrentPage"),
      call(root, "Fusion"),
      call(root, "GetMediaStorage"),
      call(ref(5), "GetMountedVolumeList"),
    ]);
    if (!product) {
      fail(
        "RESOLVE_UNAVAILABLE",
        "DaVinci Resolve does not answer (it may have quit)",
        "Start Resolve (with external scripting enabled) and retry.",
        true,
      );
    }
    const mode = await optional(resolve.call(root, "GetKeyframeMode"));
    const parts = Array.isArray(version) ? version : [];
    const productName = text(product);
    const edition = /studio/i.test(productName) ? "studio" as const : "free" as const;
    const data = {
      product_name: productName,
      version: text(versionText),
      major: Number(parts[0]) || 0,
      minor: Number(parts[1]) || 0,
      patch: Number(parts[2]) || 0,
      build: Number(parts[3]) || 0,
      suffix: text(parts[4]),
      edition,
      page: typeof page === "string" ? page : null,
      keyframe_mode: typeof mode === "number" ? KEYFRAME_MODES[mode] ?? null : null,
      fusion_available: isHandle(fusion),
      mounted_volumes: names(volumes),
    };
    return {
      summary: `${data.product_name} ${data.version} (${edition}), ${data.page ?? "unknown"} page.`,
      data,
    };
  },
});

export const setKeyframeMode = defineTool({
  name: "set_keyframe_mode",
  title: "Set keyframe mode",
  description:
    "Sets which parameters new keyframes record in Resolve (the keyframe mode of the Color page): ALL parameters, COLOR only, or SIZING only. get_resolve_info reads it. Needs Resolve 19+.",
  toolset: "app",
  readOnly: false,
  idempotent: true,
  input: () => ({ mode: z.enum(KEYFRAME_MODES).describe("ALL, COLOR or SIZING.") }),
  output: () => ({
    mode: z.enum(KEYFRAME_MODES).describe("The keyframe mode now."),
    previous: z.enum(KEYFRAME_MODES).nullable().describe("The mode before, null if unknown."),
  }),
  apiMethods: ["Resolve.GetKeyframeMode", "Resolve.SetKeyframeMode"],
  async handler(args, { resolve }) {
    const root = await resolve.root();
    const [before, ok, after] = await resolve.batch([
      call(root, "GetKeyframeMode"),
      call(root, "SetKeyframeMode", constant(`KEYFRAME_MODE_${args.mode}`)),
      call(root, "GetKeyframeMode"),
    ]);
    const now = KEYFRAME_MODES[Number(after)];
    if (ok !== true || now !== args.mode) {
      fail(
        "KEYFRAME_MODE_REFUSED",
        `Resolve refused keyframe mode ${args.mode}`,
        "Check Resolve for an open dialog, then retry.",
      );
    }
    const previous = KEYFRAME_MODES[Number(before)] ?? null;
    return {
      summary: `Keyframe mode is ${now} (was ${previous ?? "unknown"}).`,
      data: { mode: now, previous },
    };
  },
});

export const listPresets = defineTool({
  name: "list_presets",
  title: "List Resolve presets",
  description:
    "Lists Resolve's named presets of one kind: UI layout presets, user-preferences presets, data burn-in presets, or Fairlight presets. manage_presets loads, saves, deletes, imports and exports them; apply_fairlight_preset applies Fairlight ones. Layout, preferences and burn-in lists need Resolve 21.0.4+.",
  toolset: "app",
  readOnly: true,
  input: () => ({
    kind: z.enum(LIST_KINDS).describe("layout, user_preferences, burn_in or fairlight."),
    ...pageInput,
  }),
  output: () => ({
    kind: z.string().describe("The kind listed."),
    presets: z.array(z.string()).describe("Preset names in this page."),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetLayoutPresetList",
    "Resolve.GetUserPreferencesPresetList",
    "Resolve.GetBurnInPresetList",
    "Resolve.GetFairlightPresets",
  ],
  async handler(args, { resolve }) {
    const all = await presetList(resolve, args.kind);
    if (all === undefined) {
      fail(
        "METHOD_UNAVAILABLE",
        `this Resolve version cannot list ${args.kind} presets`,
        "Listing needs Resolve 21.0.4 or newer; manage_presets still works by name.",
      );
    }
    const page = pageWindow(all.length, args.cursor, args.limit);
    const presets = all.slice(page.offset, page.end);
    return {
      summary: `${all.length} ${args.kind} preset(s)` +
        (presets.length ? `: ${someNames(presets, 10)}.` : "."),
      data: { kind: args.kind, presets, total: page.total, next_cursor: page.next_cursor },
    };
  },
});

export const managePresets = defineTool({
  name: "manage_presets",
  title: "Manage Resolve presets",
  description:
    "Loads, saves, updates, deletes, imports or exports Resolve presets. Supported: layout (UI layout): load, save, update, delete, import, export; user_preferences: load, save, delete, import, export; burn_in (data burn-in): delete, import, export, apply_to_project (loaded project); render: import (also makes it the current render preset), export. delete, update (overwrites with the current layout) and exporting over an existing file need confirmation. list_presets shows names.",
  toolset: "app",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    kind: z.enum(PRESET_KINDS).describe("layout, user_preferences, burn_in or render."),
    action: z.enum(PRESET_ACTIONS).describe(
      "load, save (new preset from the current state), update, delete, import (from path), export (to path), apply_to_project (burn_in).",
    ),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Preset name: required except for import; for layout/user_preferences import it names the imported preset (default: from the file).",
    ),
    path: z.string().min(1).max(4096).optional().describe(
      "Absolute file path: the file to read for import, the file to write for export.",
    ),
  }),
  output: () => ({
    kind: z.string().describe("Preset kind."),
    action: z.string().describe("The action done."),
    name: z.string().nullable().describe("The preset acted on (null if Resolve did not say)."),
    path: z.string().nullable().describe("Resolved file path for import/export, else null."),
    presets: z.array(z.string()).nullable().describe(
      "The presets of this kind afterwards (null where this Resolve cannot list them).",
    ),
  }),
  apiMethods: [
    ...new Set(Object.values(PRESET_METHODS).flatMap((m) => Object.values(m) as string[])),
    "Resolve.GetLayoutPresetList",
    "Resolve.GetUserPreferencesPresetList",
    "Resolve.GetBurnInPresetList",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetRenderPresetList",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const method = PRESET_METHODS[args.kind][args.action];
    if (!method) {
      fail(
        "UNSUPPORTED_ACTION",
        `${args.kind} presets do not support ${args.action}`,
        `Supported for ${args.kind}: ${Object.keys(PRESET_METHODS[args.kind]).join(", ")}.`,
      );
    }
    const isFile = args.action === "import" || args.action === "export";
    if (isFile && !args.path) fail("INVALID_ARGUMENTS", `action ${args.action} needs path`);
    if (!isFile && args.path) fail("INVALID_ARGUMENTS", `path is only used by import and export`);
    const namesOnImport = args.kind === "layout" || args.kind === "user_preferences";
    if (args.action === "import" && args.name && !namesOnImport) {
      fail(
        "INVALID_ARGUMENTS",
        `${args.kind} import takes the preset name from the file`,
        "Omit name.",
      );
    }
    if (args.action !== "import" && !args.name) {
      fail(
        "INVALID_ARGUMENTS",
        `action ${args.action} needs name`,
        "list_presets shows the names.",
      );
    }
    const before = await presetList(resolve, args.kind);
    const presetName = args.name;
    if (before && presetName) {
      const exists = before.includes(presetName);
      if (args.action === "save" || args.action === "import") {
        if (exists) {
          fail(
            "PRESET_EXISTS",
            `a ${args.kind} preset named "${presetName}" already exists`,
            args.kind === "layout"
              ? "Use action update to overwrite it, or choose another name."
              : "Delete it first, or choose another name.",
          );
        }
      } else if (!exists) {
        fail(
          "PRESET_NOT_FOUND",
          `no ${args.kind} preset named "${presetName}"`,
          `Presets: ${someNames(before)}.`,
        );
      }
    }
    let path: string | null = null;
    let landed: (() => Promise<void>) | undefined; // export: checks where the file went
    if (args.action === "import") {
      const [checked] = await ctx.paths.checkRead([args.path!]);
      if (!checked.exists || checked.isDir) {
        fail(
          "FILE_NOT_FOUND",
          `${args.path} is not an existing file`,
          "Check the path (it must be absolute).",
        );
      }
      path = checked.path;
    } else if (args.action === "export") {
      const out = await outputFile(ctx, args.path!);
      path = out.path;
      landed = out.landed;
    }
    if (args.action === "delete") {
      await ctx.confirm(`Delete the ${args.kind} preset "${presetName}"?`);
    } else if (args.action === "update") {
      await ctx.confirm(
        `Overwrite the layout preset "${presetName}" with the current layout?`,
      );
    }
    const callArgs = args.action === "import"
      ? [path, ...(presetName ? [presetName] : [])]
      : args.action === "export"
      ? [presetName, path]
      : [presetName];
    let target: Handle = await resolve.root();
    if (method.startsWith("Project.")) target = await resolve.project();
    const ok = await resolve.call(target, method.split(".")[1], ...callArgs);
    await landed?.();
    if (ok !== true) {
      fail(
        "PRESET_ACTION_FAILED",
        `Resolve refused to ${args.action.replace(/_/g, " ")} the ${args.kind} preset${
          presetName ? ` "${presetName}"` : ""
        }${path ? ` (${path})` : ""}`,
        args.action === "import"
          ? "Check that the file is a Resolve preset of that kind and its name is not taken."
          : "Check the name with list_presets and that the folder is writable.",
      );
    }
    const after = await presetList(resolve, args.kind);
    const added = after && before ? after.filter((n) => !before.includes(n)) : [];
    const actedOn = presetName ?? (added.length === 1 ? added[0] : null);
    return {
      summary: `${args.action.replace(/_/g, " ")}: ${args.kind} preset ${
        actedOn ? `"${actedOn}"` : ""
      }${path ? ` (${path})` : ""} done.`,
      data: {
        kind: args.kind,
        action: args.action,
        name: actedOn,
        path,
        presets: after ?? null,
      },
    };
  },
});

export const disableBackgroundTasks = defineTool({
  name: "disable_background_tasks",
  title: "Disable background tasks",
  description:
    "Turns off all of Resolve's background tasks (such as background analysis and caching) for the rest of this Resolve session, e.g. to keep a render or a scripted batch fast. They come back when Resolve restarts. Needs Resolve 21+.",
  toolset: "app",
  readOnly: false,
  idempotent: true,
  input: () => ({}),
  output: () => ({ disabled: z.boolean().describe("Always true on success.") }),
  apiMethods: ["Resolve.DisableBackgroundTasksForCurrentResolveSession"],
  async handler(_args, { resolve }) {
    await resolve.call(await resolve.root(), "DisableBackgroundTasksForCurrentResolveSession");
    return {
      summary: "Background tasks are off until Resolve restarts.",
      data: { disabled: true },
    };
  },
});

export const quitResolve = defineTool({
  name: "quit_resolve",
  title: "Quit Resolve",
  description:
    "Quits DaVinci Resolve. By default saves the loaded project first. After this, every tool fails until Resolve is started again. Needs confirmation.",
  toolset: "app",
  readOnly: false,
  destructive: true,
  input: () => ({
    save_project: z.boolean().optional().describe(
      "Save the loaded project before quitting. Default true; if the save fails nothing is quit.",
    ),
  }),
  output: () => ({
    quit: z.boolean().describe("Always true on success."),
    saved_project: z.string().nullable().describe("The project saved first, or null."),
  }),
  apiMethods: [
    "Resolve.Quit",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.SaveProject",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    await ctx.confirm("Quit DaVinci Resolve?");
    let saved: string | null = null;
    if (args.save_project ?? true) {
      const [pm, project, projectName] = await resolve.chain(
        "GetProjectManager",
        "GetCurrentProject",
        "GetName",
      );
      if (isHandle(project) && projectName !== "Untitled Project") {
        if (await resolve.call(pm as Handle, "SaveProject") !== true) {
          fail(
            "SAVE_FAILED",
            `could not save "${text(projectName)}", so Resolve was not quit`,
            "Call quit_resolve with save_project: false (unsaved changes are lost) or fix the save first.",
          );
        }
        saved = text(projectName);
      }
    }
    await resolve.call(await resolve.root(), "Quit");
    return {
      summary: `Quit Resolve${saved ? ` after saving "${saved}"` : ""}.`,
      data: { quit: true, saved_project: saved },
    };
  },
});
