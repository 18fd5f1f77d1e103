// Schema pieces and small helpers shared by several toolsets.
import { z } from "zod";

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
