// Schema pieces and small helpers shared by several toolsets.
import { z } from "zod";
import { fail } from "../errors.ts";
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

export const name = (what: string) => z.string().trim().min(1).max(255).describe(what);

/** Lists a few names for an error message without flooding the context. */
export function someNames(names: string[], limit = 20): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, limit).map((n) => JSON.stringify(n)).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/**
 * A file a tool will write: resolved and inside the allowed roots, not a folder (unless
 * `folderOk` allows it: true, or a pattern such as /\.fcpxmld$/ for bundle folders), and an
 * existing one replaced only after confirmation.
 */
export async function outputFile(
  ctx: ToolContext,
  path: string,
  confirmed: boolean | undefined,
  folderOk: boolean | RegExp = false,
): Promise<{ path: string; overwrite: boolean }> {
  const checked = await ctx.paths.checkWrite(path);
  const folderAllowed = folderOk === true || (folderOk instanceof RegExp && folderOk.test(path));
  if (checked.exists && checked.isDir && !folderAllowed) {
    fail("PATH_IS_FOLDER", `${path} is a folder`, "Give a file path (folder plus file name).");
  }
  if (checked.exists) await ctx.confirm(`${checked.path} exists. Overwrite it?`, confirmed);
  return { path: checked.path, overwrite: checked.exists };
}
