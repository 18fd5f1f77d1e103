// A clip's length in frames from its clip properties. Resolve 21.0.4+ reads "Frames" as ''
// for audio-only clips (WAV), measured by guycochran/resolve-mcp-server (docs/VALIDATION.md,
// 21.0.4.5 and 21.1.0.17); the "Duration" timecode at the clip's "FPS" still gives the length.
import { parseRate, timecodeToFrames } from "../timecode.ts";

/** Frames of a clip: "Frames" when it is a number, else "Duration" at "FPS"; 0 if neither. */
export function clipFrames(frames: unknown, duration: unknown, fps: unknown): number {
  const text = String(frames ?? "").trim();
  if (text !== "" && Number.isFinite(Number(text))) return Math.max(0, Math.floor(Number(text)));
  const tc = String(duration ?? "").trim();
  const base = parseRate(String(fps ?? "").trim());
  if (!tc || !base) return 0;
  const drop = tc.includes(";") && (base.fps === 29.97 || base.fps === 59.94);
  return timecodeToFrames(tc, { ...base, drop }) ?? 0;
}
