// Helpers the project tools share.
import { z } from "zod";
import { fail, ToolError } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  call,
  type Handle,
  isHandle,
  ref,
  type ResolveSession,
  usesDictForms,
} from "../../resolve/index.ts";

export const projectOutput = {
  name: z.string().describe("The project's name."),
  id: z.string().describe("The project's unique id (Project.GetUniqueId)."),
  saved_previous: z.string().nullable().describe(
    "The project that was loaded before, saved first so switching lost nothing; null when none was (no project, or the never-saved Untitled Project).",
  ),
};

/** What switching projects calls first (saveBeforeSwitch). */
export const SWITCH_METHODS = [
  "ProjectManager.GetCurrentProject",
  "ProjectManager.SaveProject",
  "Project.GetName",
  "Project.GetTimelineCount",
  "Project.GetMediaPool",
  "MediaPool.GetRootFolder",
  "Folder.GetClipList",
  "Folder.GetSubFolderList",
];

/**
 * Resolve drops the loaded project's unsaved changes when another one is loaded: save it
 * first. The never-saved Untitled Project cannot be saved, so if it holds work, ask.
 * Returns the name of the project saved, or null.
 */
export async function saveBeforeSwitch(ctx: ToolContext, pm: Handle, next: string) {
  const { resolve } = ctx;
  const [project, current] = await resolve.batch([
    call(pm, "GetCurrentProject"),
    call(ref(0), "GetName"),
  ]);
  if (!isHandle(project)) return null;
  if (await resolve.call(pm, "SaveProject") === true) return String(current);
  const [timelines, , , clips, bins] = await resolve.batch([
    call(project, "GetTimelineCount"),
    call(project, "GetMediaPool"),
    call(ref(1), "GetRootFolder"),
    call(ref(2), "GetClipList"),
    call(ref(2), "GetSubFolderList"),
  ]);
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  if (Number(timelines) > 0 || count(clips) > 0 || count(bins) > 0) {
    await ctx.confirm(
      `"${current}" has never been saved, so Resolve cannot save it, and ${next} closes it: its timelines and media pool are lost. Go ahead?`,
    );
  }
  return null;
}

export const savedFirst = (saved: string | null) => (saved ? `Saved "${saved}" first. ` : "");

export const pathInput = (what: string) => z.string().min(1).max(4096).describe(what);

/** Runs a call that needs a newer Resolve; undefined when this Resolve lacks the method. */
export async function optional<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ToolError && e.code === "METHOD_UNAVAILABLE") return undefined;
    throw e;
  }
}

/** An existing file (or folder, when folder is true) to read, inside the allowed roots. */
export async function inputPath(ctx: ToolContext, path: string, folder = false): Promise<string> {
  const [checked] = await ctx.paths.checkRead([path]);
  if (!checked.exists) {
    fail("FILE_NOT_FOUND", `${path} does not exist`, "Check the path (it must be absolute).");
  }
  if (checked.isDir !== folder) {
    fail(
      folder ? "NOT_A_FOLDER" : "PATH_IS_FOLDER",
      `${path} is ${folder ? "a file, not a folder" : "a folder, not a file"}`,
      folder ? "Give the folder that holds it." : "Give the path of the file itself.",
    );
  }
  return checked.path;
}

export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

export async function isStudio(resolve: ResolveSession): Promise<boolean> {
  const product = await resolve.call(await resolve.root(), "GetProductName");
  return /studio/i.test(String(product ?? ""));
}

export async function currentProjectName(resolve: ResolveSession): Promise<string | null> {
  const [, , projectName] = await resolve.chain(
    "GetProjectManager",
    "GetCurrentProject",
    "GetName",
  );
  return typeof projectName === "string" ? projectName : null;
}

export async function projectNames(resolve: ResolveSession, pm: Handle): Promise<string[]> {
  const names = await resolve.call(pm, "GetProjectListInCurrentFolder");
  return Array.isArray(names) ? names.map(String) : [];
}

export async function folderNames(resolve: ResolveSession, pm: Handle): Promise<string[]> {
  const names = await resolve.call(pm, "GetFolderListInCurrentFolder");
  return Array.isArray(names) ? names.map(String) : [];
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined || value === "" ? null : text(value);
}

export const entrySchema = z.object({
  kind: z.enum(["folder", "project"]).describe("A project-manager folder or a project."),
  name: z.string().describe("Folder or project name."),
  is_current: z.boolean().describe("True for the project loaded now (matched by name)."),
  last_modified: z.string().nullable().describe(
    "Project's last modification date (Resolve 21.0.4+; null for folders or older Resolve).",
  ),
  created: z.string().nullable().describe("Project's creation date (Resolve 21.0.4+)."),
  notes: z.string().nullable().describe("Project notes (Resolve 21.0.4+)."),
  collaboration_mode: z.string().nullable().describe(
    "Live collaboration mode, e.g. 'single_user' (Resolve 21.0.4+).",
  ),
});

export const FOLDER_ACTIONS = ["create", "open", "up", "root", "delete"] as const;

export const dbSchema = z.object({
  type: z.string().describe("'Disk' or 'PostgreSQL'."),
  name: z.string().describe("Database name."),
  ip_address: z.string().nullable().describe("Server address for PostgreSQL, else null."),
  is_current: z.boolean().describe("True for the database in use."),
});

export function dbRow(info: unknown, current: Record<string, unknown>) {
  const d = (info ?? {}) as Record<string, unknown>;
  return {
    type: text(d.DbType),
    name: text(d.DbName),
    ip_address: textOrNull(d.IpAddress),
    is_current: d.DbType === current.DbType && d.DbName === current.DbName &&
      (d.IpAddress ?? "127.0.0.1") === (current.IpAddress ?? "127.0.0.1"),
  };
}

/** Project settings Resolve reports but never lets a script change (REFERENCE §3.11). */
export const READ_ONLY_SETTINGS = new Set([
  "timelinePlaybackFrameRate",
  "perfOptimisedCodec",
  "perfRenderCacheCodec",
  "videoDeckFormat",
  "videoCaptureFormat",
  "videoCaptureCodec",
  "superScaleSharpnessStrength",
  "superScaleNoiseReductionStrength",
]);

export const settingKey = z.string().min(1).max(128);

export function nearKeys(key: string, known: string[]): string {
  const k = key.toLowerCase();
  const hits = known.filter((n) => n.toLowerCase().includes(k) || k.includes(n.toLowerCase()));
  return someNames(hits.length ? hits : known.filter((n) => n[0] === key[0]), 8);
}

export async function allSettings(
  resolve: ResolveSession,
  project: Handle,
): Promise<Record<string, unknown>> {
  // 21.1+: the dict form (GetSetting() without a key is deprecated there)
  const all = await resolve.call(
    project,
    await usesDictForms(resolve) ? "GetSettings" : "GetSetting",
  );
  return all && typeof all === "object" ? all as Record<string, unknown> : {};
}

export function presetRows(
  list: unknown,
): { name: string; width: number | null; height: number | null }[] {
  return (Array.isArray(list) ? list : []).map((p) => {
    if (p && typeof p === "object") {
      const d = p as Record<string, unknown>;
      return {
        name: text(d.Name ?? d.name),
        width: d.Width === undefined ? null : Number(d.Width),
        height: d.Height === undefined ? null : Number(d.Height),
      };
    }
    return { name: text(p), width: null, height: null };
  });
}

export const CLOUD_SYNC = {
  none: "CLOUD_SYNC_NONE",
  proxy_only: "CLOUD_SYNC_PROXY_ONLY",
  proxy_and_original: "CLOUD_SYNC_PROXY_AND_ORIG",
} as const;
