// Toolset "media": Helpers shared by the media tools: clip rows and schemas, clip and bin inputs.
import { z } from "zod";
import {
  type BatchCall,
  call,
  clipFrames,
  clipRefInput,
  findBin,
  type Handle,
  type ResolveSession,
} from "../../resolve/index.ts";

export const CLIP_FIELDS: [string, unknown[]?][] = [
  ["GetName"],
  ["GetUniqueId"],
  ["GetClipProperty", ["File Path"]],
  ["GetClipProperty", ["Type"]],
  ["GetClipProperty", ["Frames"]],
  ["GetClipProperty", ["FPS"]],
  ["GetClipProperty", ["Resolution"]],
  ["GetClipProperty", ["Duration"]],
];

export const clipSchema = z.object({
  name: z.string().describe("Clip name in the media pool."),
  id: z.string().describe("The clip's unique id (MediaPoolItem.GetUniqueId)."),
  path: z.string().describe("File the clip points to."),
  type: z.string().describe("Clip type, e.g. 'Video', 'Audio', 'Still', 'Video + Audio'."),
  frames: z.number().describe("Length in frames."),
  fps: z.number().describe("Frame rate of the clip."),
  resolution: z.string().describe("Width x height, empty for audio."),
  duration: z.string().describe("Duration as timecode."),
});

export const clipsInput = (what: string) =>
  z.array(clipRefInput).min(1).max(500).describe(
    `${what}: ids, bin paths or unique names (1-500).`,
  );

export const binRefInput = (what: string) =>
  z.string().min(1).max(1024).describe(
    `${what}: a bin path from the root like 'Master/Dailies' (the root's name may be left out) or a bin's unique id.`,
  );

export async function clipRows(resolve: ResolveSession, items: Handle[]) {
  const rows = await resolve.map(items, CLIP_FIELDS);
  return rows.map(([n, id, path, type, frames, fps, res, dur]) => ({
    name: String(n),
    id: String(id),
    path: String(path ?? ""),
    type: String(type ?? ""),
    frames: clipFrames(frames, dur, fps), // 21.0.4+: '' for audio clips
    fps: Number(fps) || 0,
    resolution: String(res ?? ""),
    duration: String(dur ?? ""),
  }));
}

/** Runs one call with the pool's current bin set to `binPath`, restoring it afterwards. */
export async function inBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  binPath: string | undefined,
  step: BatchCall,
): Promise<{ result: unknown; binName: string; created: string[] }> {
  const [current] = await resolve.batch([call(mediaPool, "GetCurrentFolder")]) as Handle[];
  let target = current;
  let created: string[] = [];
  if (binPath) ({ bin: target, created } = await findBin(resolve, mediaPool, binPath, true));
  const [, result, , binName] = await resolve.batch([
    call(mediaPool, "SetCurrentFolder", target),
    step,
    call(mediaPool, "SetCurrentFolder", current),
    call(target, "GetName"),
  ]);
  return { result, binName: String(binName), created };
}

export const binTargetInput = z.string().max(1024).optional().describe(
  "Bin to add into, as a path from the root bin, e.g. 'Dailies' or 'Master/Dailies/Day 1'. Missing bins are created. Omit for the current bin.",
);

export { BIN_WALK_METHODS, CLIP_FIND_METHODS } from "../../resolve/index.ts";
