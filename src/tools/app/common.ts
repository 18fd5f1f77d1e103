// Helpers the app tools share.
import { ToolError } from "../../errors.ts";
import type { ResolveSession } from "../../resolve/index.ts";

/** Runs a call that needs a newer Resolve; undefined when this Resolve lacks the method. */
export async function optional<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ToolError && e.code === "METHOD_UNAVAILABLE") return undefined;
    throw e;
  }
}

export function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

export function names(list: unknown): string[] {
  return Array.isArray(list) ? list.map(String) : [];
}

export const KEYFRAME_MODES = ["ALL", "COLOR", "SIZING"] as const;

export const LIST_KINDS = ["layout", "user_preferences", "burn_in", "fairlight"] as const;

export const LIST_METHOD: Record<string, string> = {
  layout: "GetLayoutPresetList",
  user_preferences: "GetUserPreferencesPresetList",
  burn_in: "GetBurnInPresetList",
  fairlight: "GetFairlightPresets",
};

export async function presetList(
  resolve: ResolveSession,
  kind: string,
): Promise<string[] | undefined> {
  if (kind === "render") {
    const project = await resolve.project();
    return names(await resolve.call(project, "GetRenderPresetList"));
  }
  const list = await optional(resolve.call(await resolve.root(), LIST_METHOD[kind]));
  return list === undefined ? undefined : names(list);
}

export const PRESET_KINDS = ["layout", "user_preferences", "burn_in", "render"] as const;

export const PRESET_ACTIONS = [
  "load",
  "save",
  "update",
  "delete",
  "import",
  "export",
  "apply_to_project",
] as const;

export type Kind = typeof PRESET_KINDS[number];

export type Action = typeof PRESET_ACTIONS[number];

/** Which Resolve method does each (kind, action); missing entries are not supported. */
export const PRESET_METHODS: Record<Kind, Partial<Record<Action, string>>> = {
  layout: {
    load: "Resolve.LoadLayoutPreset",
    save: "Resolve.SaveLayoutPreset",
    update: "Resolve.UpdateLayoutPreset",
    delete: "Resolve.DeleteLayoutPreset",
    import: "Resolve.ImportLayoutPreset",
    export: "Resolve.ExportLayoutPreset",
  },
  user_preferences: {
    load: "Resolve.LoadUserPreferencesPreset",
    save: "Resolve.SaveUserPreferencesPreset",
    delete: "Resolve.DeleteUserPreferencesPreset",
    import: "Resolve.ImportUserPreferencesPreset",
    export: "Resolve.ExportUserPreferencesPreset",
  },
  burn_in: {
    delete: "Resolve.DeleteBurnInPreset",
    import: "Resolve.ImportBurnInPreset",
    export: "Resolve.ExportBurnInPreset",
    apply_to_project: "Project.LoadBurnInPreset",
  },
  render: {
    import: "Resolve.ImportRenderPreset",
    export: "Resolve.ExportRenderPreset",
  },
};
