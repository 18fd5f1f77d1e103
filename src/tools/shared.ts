// Schema pieces and small helpers shared by several toolsets.
import { z } from "zod";
import { fail } from "../errors.ts";
import { type CheckedPath, isAbsolutePath, type PathPolicy, refuseControl } from "../paths.ts";
import type { ToolContext } from "../tool.ts";

export const MARKER_COLORS = [
  "Blue",
  "Cyan",
  "Green",
  "Yellow",
  "Red",
  "Pink",
  "Purple",
  "Fuchsia",
  "Rose",
  "Lavender",
  "Sky",
  "Mint",
  "Lemon",
  "Sand",
  "Cocoa",
  "Cream",
] as const;

export const CLIP_COLORS = [
  "Orange",
  "Apricot",
  "Yellow",
  "Lime",
  "Olive",
  "Green",
  "Teal",
  "Navy",
  "Blue",
  "Purple",
  "Violet",
  "Pink",
  "Tan",
  "Beige",
  "Brown",
  "Chocolate",
] as const;

export const PAGES = [
  "media",
  "cut",
  "edit",
  "fusion",
  "color",
  "fairlight",
  "deliver",
  "photo",
] as const;

/** Audio track formats (Resolve 19.1+; 18.5-19.0 know mono to 7.1film and adaptive1-24). */
export const AUDIO_TRACK_TYPES = [
  "mono",
  "stereo",
  "lrc",
  "lcr",
  "lrcs",
  "lcrs",
  "quad",
  "5.0",
  "5.0film",
  "5.1",
  "5.1film",
  "7.0",
  "7.0film",
  "7.1",
  "7.1film",
  ...Array.from({ length: 36 }, (_, i) => `adaptive${i + 1}`),
] as [string, ...string[]];

export const FRAME_RATES = [
  "23.976",
  "24",
  "25",
  "29.97",
  "29.97 DF",
  "30",
  "47.952",
  "48",
  "50",
  "59.94",
  "59.94 DF",
  "60",
  "119.88",
  "120",
] as const;

/** Names and notes that reach interchange files (EDL, ALE lines): no control characters. */
// deno-lint-ignore no-control-regex -- finding control characters is the point
export const NO_CONTROL = /^[^\x00-\x1f\x7f]*$/;
/** Marker notes may hold newlines and tabs (no exporter writes them raw into lines). */
// deno-lint-ignore no-control-regex -- as NO_CONTROL
export const NOTE_TEXT = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$/;

export const name = (what: string) =>
  z.string().trim().min(1).max(255).regex(NO_CONTROL, "must not contain control characters")
    .describe(what);

export { someNames } from "../errors.ts";
/** Path checks tool files may use directly (they do not import src/paths.ts). */
export { isAbsolutePath, isPathSetting, refuseControl } from "../paths.ts";

/** A file outputFile checked; call landed() right after the Resolve call that writes it. */
export interface OutputFile {
  path: string;
  overwrite: boolean;
  /** PATH_ESCAPED if the written path now leads outside the allowed folders. */
  landed(): Promise<void>;
}

/**
 * A file a tool will write: resolved and inside the allowed roots (ctx.paths.checkWrite),
 * not a folder (unless `folderOk` allows it: true, or a pattern such as /\.fcpxmld$/ for
 * bundle folders), and an existing one replaced only after confirmation. A confirmation can
 * take long (the user answers), so the path is checked again after it, just before Resolve
 * writes.
 */
export async function outputFile(
  ctx: ToolContext,
  path: string,
  folderOk: boolean | RegExp = false,
): Promise<OutputFile> {
  const checked = await ctx.paths.checkWrite(path);
  const folderAllowed = folderOk === true || (folderOk instanceof RegExp && folderOk.test(path));
  if (checked.exists && checked.isDir && !folderAllowed) {
    fail("PATH_IS_FOLDER", `${path} is a folder`, "Give a file path (folder plus file name).");
  }
  if (checked.exists) {
    await confirmOverwrite(ctx, path, checked, `${checked.path} exists. Overwrite it?`);
  }
  return {
    path: checked.path,
    overwrite: checked.exists,
    landed: () => ctx.paths.checkLanded(checked.path),
  };
}

/**
 * The value of a setting that is a folder or file (isPathSetting): Resolve writes there, so it
 * must be absolute and pass checkWrite; it is replaced by its resolved path. "" (Resolve's
 * default) passes.
 */
export async function checkPathSetting(
  paths: PathPolicy,
  key: string,
  value: string,
): Promise<string> {
  if (value === "") return value;
  if (!isAbsolutePath(value)) {
    fail(
      "PATH_NOT_ALLOWED",
      `${key} "${
        value.slice(0, 200)
      }" is not an absolute path; Resolve would resolve it against its own working folder`,
      `Give an absolute path inside one of the allowed folders: ${
        paths.roots.join(", ") || "(none: start the server with --allow-path DIR)"
      }.`,
    );
  }
  return (await paths.checkWrite(value)).path;
}

/**
 * Asks the user before a write replaces something, then checks the path again: the answer
 * may take minutes, in which the folder may have changed (PATH_CHANGED).
 */
export async function confirmOverwrite(
  ctx: ToolContext,
  path: string,
  checked: CheckedPath,
  question: string,
): Promise<void> {
  await ctx.confirm(question);
  const again = await ctx.paths.checkWrite(path);
  if (again.path !== checked.path || again.exists !== checked.exists) {
    fail(
      "PATH_CHANGED",
      `${path} changed while waiting for the confirmation (it now leads to ${again.path})`,
      "Check the folder for links or files another program put there, then call the tool again.",
    );
  }
}

/** Refuses a path that does not end in one of the extensions (without dots) of its format. */
export function needExtension(path: string, extensions: readonly string[], format: string) {
  const lower = path.toLowerCase();
  if (!extensions.some((ext) => lower.endsWith(`.${ext}`))) {
    fail(
      "BAD_EXTENSION",
      `${path} does not end in ${
        extensions.map((e) => `.${e}`).join(" or ")
      }, the extension of ${format}`,
      `Give a file name ending in .${extensions[0]}.`,
    );
  }
}

/**
 * Refuses a bare file name (Resolve puts it in a folder given elsewhere) that holds a folder:
 * separators, '.', '..', a drive prefix, or control characters.
 */
export function checkFileName(name: string, what: string): void {
  refuseControl(name, what);
  if (/[\\/]/.test(name) || name === "." || name === ".." || /^[a-zA-Z]:/.test(name)) {
    fail(
      "INVALID_ARGUMENTS",
      `${what} "${name}" must be a plain file name, without folders`,
      "Put the folder in its own argument (e.g. TargetDir, folder) and only the bare name here.",
    );
  }
}

/** A marker name input: EDL exports write names raw into lines, so no control characters. */
export const markerNameInput = (what: string) =>
  z.string().max(1000).regex(NO_CONTROL, "must not contain newlines or other control characters")
    .optional().describe(what);

/** A marker note input: newlines and tabs allowed, other control characters not. */
export const markerNoteInput = (what: string) =>
  z.string().max(10_000).regex(NOTE_TEXT, "must not contain control characters but \\n and \\t")
    .optional().describe(what);

/**
 * The `host` input of tools that can act on another Resolve machine (--resolve-host
 * NAME=ADDRESS); the handler takes `ctx.onHost(args.host)` as its context.
 */
export const hostInput = () =>
  z.string().min(1).max(64).optional().describe(
    "Resolve host name (--resolve-host); omit for the default host.",
  );
