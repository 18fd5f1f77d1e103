// Keyboard presets and project-settings presets (Resolve 21.1).
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolContext } from "../../tool.ts";
import { outputFile, someNames } from "../shared.ts";
import {
  call,
  type Handle,
  requireVersion,
  type ResolveSession,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";

const nameInput = z.string().trim().min(1).max(255);

/**
 * For import: the resolved preset file (an existing file, readable) and the arguments of
 * Resolve's Import...Preset (the file, then the new name when one is given). A `name` already
 * in `names` fails PRESET_EXISTS, naming it as `what`.
 */
async function importArgs(
  ctx: ToolContext,
  args: { path?: string; name?: string },
  names: string[],
  what: string,
): Promise<{ path: string; call: string[] }> {
  if (!args.path) fail("INVALID_ARGUMENTS", "import needs path (the preset file to read)");
  const [checked] = await ctx.paths.checkRead([args.path]);
  if (!checked.exists || checked.isDir) {
    fail("FILE_NOT_FOUND", `${args.path} is not an existing file`, "Give the preset file's path.");
  }
  if (args.name && names.includes(args.name)) {
    fail("PRESET_EXISTS", `${what} "${args.name}" exists`, "Choose another name.");
  }
  return { path: checked.path, call: args.name ? [checked.path, args.name] : [checked.path] };
}

/**
 * For export: `write(file)` runs Resolve's Export...Preset on the checked output file
 * (outputFile: allowed, overwrite confirmed), then the file is checked where it landed.
 */
async function exportTo(
  ctx: ToolContext,
  path: string | undefined,
  write: (file: string) => Promise<unknown>,
): Promise<{ path: string; ok: unknown }> {
  if (!path) fail("INVALID_ARGUMENTS", "export needs path (the file to write)");
  const out = await outputFile(ctx, path);
  const ok = await write(out.path);
  if (ok === true) await out.landed();
  return { path: out.path, ok };
}

function need(name: string | undefined, action: string): string {
  if (!name) fail("INVALID_ARGUMENTS", `${action} needs name`);
  return name;
}

/** `name` when `names` holds it; else PRESET_NOT_FOUND (`what` names the kind, `list` labels them). */
function known(names: string[], name: string, what: string, list: string): string {
  if (!names.includes(name)) {
    fail("PRESET_NOT_FOUND", `no ${what} "${name}"`, `${list}: ${someNames(names)}.`);
  }
  return name;
}

// ------------------------------------------------------------------ keyboard ---

async function keyboard(resolve: ResolveSession, root: Handle) {
  const [list, current] = await resolve.batch([
    call(root, "GetKeyboardPresetList"),
    call(root, "GetCurrentKeyboardPreset"),
  ]);
  return {
    presets: (Array.isArray(list) ? list : []).map(String),
    current: typeof current === "string" ? current : "",
  };
}

export const manageKeyboardPresets = defineTool({
  name: "manage_keyboard_presets",
  title: "Manage keyboard presets",
  description:
    "Keyboard-shortcut presets of Resolve (application-wide, not per project): list them with the active one, load one (makes it active for every project; the previous one is returned so it can be loaded back), delete, import from a file or export to a file. load and delete change the user's setup and need confirmation, as does exporting over an existing file. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "app",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    action: z.enum(["list", "load", "delete", "import", "export"]).describe(
      "list (names and the active one), load, delete, import (from path), export (to path).",
    ),
    name: nameInput.optional().describe(
      "Preset name: required for load, delete and export; for import the name to give it (default: the file's name).",
    ),
    path: z.string().min(1).max(4096).optional().describe(
      "Absolute file path: the preset file to read (import) or to write (export).",
    ),
  }),
  output: () => ({
    action: z.string().describe("The action done."),
    name: z.string().nullable().describe("The preset acted on (null for list)."),
    previous: z.string().nullable().describe(
      "For load: the preset active before (load it to go back); else null.",
    ),
    current: z.string().describe("The active keyboard preset afterwards."),
    presets: z.array(z.string()).describe("Every keyboard preset afterwards."),
    path: z.string().nullable().describe("Resolved file for import/export, else null."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    "Resolve.GetKeyboardPresetList",
    "Resolve.GetCurrentKeyboardPreset",
    "Resolve.LoadKeyboardPreset",
    "Resolve.DeleteKeyboardPreset",
    "Resolve.ImportKeyboardPreset",
    "Resolve.ExportKeyboardPreset",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    await requireVersion(resolve, "21.1", "manage_keyboard_presets");
    const root = await resolve.root();
    const before = await keyboard(resolve, root);
    const preset = (action: string) =>
      known(before.presets, need(args.name, action), "keyboard preset", "Keyboard presets");
    let name: string | null = null;
    let path: string | null = null;
    let previous: string | null = null;
    let ok: unknown = true;
    if (args.action === "load") {
      name = preset("load");
      await ctx.confirm(
        `Load the keyboard preset "${name}"? It replaces "${before.current}" for every project of this user.`,
      );
      previous = before.current;
      ok = await resolve.call(root, "LoadKeyboardPreset", name);
    } else if (args.action === "delete") {
      name = preset("delete");
      await ctx.confirm(
        `Delete the keyboard preset "${name}" for this user? This cannot be undone.`,
      );
      ok = await resolve.call(root, "DeleteKeyboardPreset", name);
    } else if (args.action === "import") {
      const file = await importArgs(ctx, args, before.presets, "a keyboard preset");
      path = file.path;
      ok = await resolve.call(root, "ImportKeyboardPreset", ...file.call);
      name = args.name ?? null;
    } else if (args.action === "export") {
      const exported = preset("export");
      name = exported;
      ({ path, ok } = await exportTo(
        ctx,
        args.path,
        (file) => resolve.call(root, "ExportKeyboardPreset", exported, file),
      ));
    }
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to ${args.action} the keyboard preset${name ? ` "${name}"` : ""}`,
        args.action === "delete"
          ? "Built-in presets (DaVinci Resolve, Premiere Pro...) cannot be deleted."
          : args.action === "import"
          ? "The file may not be a keyboard preset, or its name is taken: give another name."
          : "Check the name and the path.",
      );
    }
    const after = await keyboard(resolve, root);
    if (args.action === "import" && !name) {
      name = after.presets.find((p) => !before.presets.includes(p)) ?? null;
    }
    return {
      summary: args.action === "list"
        ? `${after.presets.length} keyboard preset(s); active: "${after.current}".`
        : `Keyboard preset ${args.action}${
          name ? ` "${name}"` : ""
        } done; active: "${after.current}".`,
      data: { action: args.action, name, previous, ...after, path },
    };
  },
});

// ---------------------------------------------------------- project settings ---

type Info = { name: string; width: number; height: number };

async function settingsPresets(resolve: ResolveSession, project: Handle): Promise<Info[]> {
  const list = await resolve.call(project, "GetProjectSettingsPresetList");
  return (Array.isArray(list) ? list : []).map((p) => {
    const r = (p ?? {}) as Record<string, unknown>;
    return {
      name: String(r.Name ?? ""),
      width: Number(r.Width) || 0,
      height: Number(r.Height) || 0,
    };
  });
}

async function settingsOf(resolve: ResolveSession, project: Handle) {
  const s = await resolve.call(project, "GetSettings");
  return (s && typeof s === "object" ? s : {}) as Record<string, unknown>;
}

export const manageProjectSettingsPresets = defineTool({
  name: "manage_project_settings_presets",
  title: "Manage project settings presets",
  description:
    "Project-settings presets (resolution, frame rate, colour... saved for reuse, shared by the user's projects): list them, apply one to the current project (needs confirmation; first saves the current settings as a backup preset so applying it reverts, and reports every setting that changed), save the current settings as a new preset, update (overwrite) or delete a preset, export to or import from a file. Resolve keeps the frame rate of a project that has timelines. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "app",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    action: z.enum(["list", "apply", "save", "update", "delete", "export", "import"]).describe(
      "list, apply (to the current project), save (current settings as a new preset), update (overwrite a preset with the current settings), delete, export (to path), import (from path).",
    ),
    name: nameInput.optional().describe(
      "Preset name: required except for list and import (for import: the name to give it; default the file's name).",
    ),
    path: z.string().min(1).max(4096).optional().describe(
      "Absolute file path to write (export) or read (import).",
    ),
    backup: z.boolean().optional().describe(
      "For apply: first save the current settings as a preset named 'Before <name> <time>' (default true), so applying that preset reverts.",
    ),
  }),
  output: () => ({
    action: z.string().describe("The action done."),
    name: z.string().nullable().describe("The preset acted on."),
    presets: z.array(z.object({
      name: z.string(),
      width: z.number(),
      height: z.number(),
    })).describe("Every project-settings preset afterwards ('Current Project' first)."),
    backup_preset: z.string().nullable().describe(
      "For apply: the preset holding the settings from before (apply it to revert), else null.",
    ),
    changed: z.array(z.object({
      key: z.string(),
      before: z.string(),
      after: z.string(),
    })).describe("For apply: the project settings that changed."),
    path: z.string().nullable().describe("Resolved file for import/export, else null."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetProjectSettingsPresetList",
    "Project.SetProjectSettingsPreset",
    "Project.SaveCurrentProjectSettingsAsNewPreset",
    "Project.UpdateProjectSettingsPreset",
    "Project.DeleteProjectSettingsPreset",
    "Project.ExportProjectSettingsPreset",
    "Project.ImportProjectSettingsPreset",
    "Project.GetSettings",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    await requireVersion(resolve, "21.1", "manage_project_settings_presets");
    const project = await resolve.project();
    const before = await settingsPresets(resolve, project);
    const names = before.map((p) => p.name);
    const preset = (action: string) =>
      known(names, need(args.name, action), "project-settings preset", "Presets");
    let name: string | null = args.action === "list" ? null : args.name ?? null;
    let path: string | null = null;
    let backup: string | null = null;
    let changed: { key: string; before: string; after: string }[] = [];
    let ok: unknown = true;
    switch (args.action) {
      case "apply": {
        name = preset("apply");
        await ctx.confirm(
          `Apply the project-settings preset "${name}" to the current project? It replaces its settings${
            args.backup === false ? "" : " (a backup preset of the current ones is saved first)"
          }.`,
        );
        const old = await settingsOf(resolve, project);
        if (args.backup !== false) {
          const stamp = new Date().toISOString().slice(0, 19).replace("T", " ");
          let candidate = `Before ${name} ${stamp}`.slice(0, 255);
          for (let n = 2; names.includes(candidate); n++) {
            candidate = `Before ${name} ${stamp} ${n}`;
          }
          if (
            await resolve.call(project, "SaveCurrentProjectSettingsAsNewPreset", candidate) !== true
          ) {
            fail(
              "PRESET_REFUSED",
              "Resolve refused to save the backup preset; nothing was applied",
              "Call again with backup: false to apply without one.",
            );
          }
          backup = candidate;
        }
        ok = await resolve.call(project, "SetProjectSettingsPreset", name);
        const now = await settingsOf(resolve, project);
        changed = Object.keys(now).filter((k) => String(now[k]) !== String(old[k] ?? ""))
          .sort().map((k) => ({ key: k, before: String(old[k] ?? ""), after: String(now[k]) }));
        break;
      }
      case "save":
        if (names.includes(need(args.name, "save"))) {
          fail(
            "PRESET_EXISTS",
            `a preset "${args.name}" exists`,
            "Use action update to overwrite it.",
          );
        }
        ok = await resolve.call(project, "SaveCurrentProjectSettingsAsNewPreset", args.name);
        break;
      case "update":
        name = preset("update");
        await ctx.confirm(`Overwrite the preset "${name}" with the current project's settings?`);
        ok = await resolve.call(project, "UpdateProjectSettingsPreset", name);
        break;
      case "delete":
        name = preset("delete");
        await ctx.confirm(`Delete the project-settings preset "${name}"? This cannot be undone.`);
        ok = await resolve.call(project, "DeleteProjectSettingsPreset", name);
        break;
      case "export": {
        const exported = preset("export");
        name = exported;
        ({ path, ok } = await exportTo(
          ctx,
          args.path,
          (file) => resolve.call(project, "ExportProjectSettingsPreset", exported, file),
        ));
        break;
      }
      case "import": {
        const file = await importArgs(ctx, args, names, "a preset");
        path = file.path;
        ok = await resolve.call(project, "ImportProjectSettingsPreset", ...file.call);
        break;
      }
    }
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to ${args.action} the project-settings preset${name ? ` "${name}"` : ""}`,
        args.action === "update" || args.action === "delete"
          ? "Built-in presets and 'Current Project' cannot be changed; save a new preset instead."
          : args.action === "import"
          ? "The file may not be a project-settings preset, or its name is taken: give another name."
          : backup
          ? `Nothing was applied; the backup preset "${backup}" can be deleted.`
          : "Check the name and the path.",
      );
    }
    const presets = await settingsPresets(resolve, project);
    if (args.action === "import" && !name) {
      name = presets.find((p) => !names.includes(p.name))?.name ?? null;
    }
    return {
      summary: args.action === "list"
        ? `${presets.length} project-settings preset(s).`
        : args.action === "apply"
        ? `Applied "${name}": ${changed.length} setting(s) changed${
          backup ? `; apply "${backup}" to revert` : ""
        }.`
        : `Project-settings preset ${args.action} "${name}" done.`,
      data: { action: args.action, name, presets, backup_preset: backup, changed, path },
    };
  },
});
