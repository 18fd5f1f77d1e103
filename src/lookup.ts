// Finding Resolve objects the way users name them: timelines by name or id, clips by id or
// bin path ("Master/Dailies/shot.mov"), timeline items by id, bins by path. And pages of
// long lists, so a 10,000-item timeline cannot flood the client's context.
import { z } from "zod";
import { fail } from "./errors.ts";
import { type Handle, isHandle, type ResolveSession } from "./resolve.ts";
import { parseRate, type Rate, timecodeToFrames } from "./timecode.ts";

// -- pagination -------------------------------------------------------------------------

export const pageInput = {
  cursor: z.string().max(64).optional().describe(
    "Opaque cursor from a previous call's next_cursor, to get the next page. Omit for the first page.",
  ),
  limit: z.number().int().min(1).max(500).optional().describe(
    "Maximum number of entries in this page (1-500). Default: 100.",
  ),
};

export const pageOutput = {
  total: z.number().describe("Number of entries in the whole list."),
  next_cursor: z.string().nullable().describe(
    "Pass as cursor to get the next page; null when this page is the last.",
  ),
};

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor.startsWith("o") ? cursor.slice(1) : NaN);
  if (!Number.isInteger(offset) || offset < 0) {
    fail(
      "INVALID_CURSOR",
      `"${cursor}" is not a cursor this server gave out`,
      "Omit cursor to start from the first page.",
    );
  }
  return offset;
}

/** The slice [offset, offset+limit) of a list of `total` entries, and the next cursor. */
export function pageWindow(total: number, cursor?: string, limit = 100) {
  const offset = decodeCursor(cursor);
  const end = Math.min(total, offset + limit);
  return { offset, end, next_cursor: end < total ? `o${end}` : null, total };
}

// -- timelines --------------------------------------------------------------------------

export const timelineRefInput = z.string().max(255).optional().describe(
  "Timeline name or unique id. Omit for the current timeline.",
);

export async function listTimelines(
  resolve: ResolveSession,
  project: Handle,
): Promise<{ handle: Handle; name: string; id: string }[]> {
  const count = Number(await resolve.call(project, "GetTimelineCount")) || 0;
  if (count === 0) return [];
  const timelines = (await resolve.batch(
    Array.from(
      { length: count },
      (_, i) => ({ h: project.$h, m: "GetTimelineByIndex", a: [i + 1] }),
    ),
  )).filter(isHandle);
  const rows = await resolve.map(timelines, [["GetName"], ["GetUniqueId"]]);
  return timelines.map((handle, i) => ({
    handle,
    name: String(rows[i][0]),
    id: String(rows[i][1]),
  }));
}

/** A timeline by name or id; the current one when ref is omitted. */
export async function findTimeline(
  resolve: ResolveSession,
  ref: string | undefined,
): Promise<{ project: Handle; timeline: Handle }> {
  if (ref === undefined) return await resolve.timeline();
  const project = await resolve.project();
  const all = await listTimelines(resolve, project);
  const hit = all.find((t) => t.id === ref) ?? all.find((t) => t.name === ref);
  if (!hit) {
    fail(
      "TIMELINE_NOT_FOUND",
      `no timeline named or with id "${ref}" in this project`,
      `Timelines: ${all.slice(0, 20).map((t) => JSON.stringify(t.name)).join(", ") || "(none)"}.`,
    );
  }
  return { project, timeline: hit.handle };
}

/** The timeline's frame rate, drop-frame included. */
export async function timelineRate(resolve: ResolveSession, timeline: Handle): Promise<Rate> {
  const [fps, drop] = await resolve.batch([
    { h: timeline.$h, m: "GetSetting", a: ["timelineFrameRate"] },
    { h: timeline.$h, m: "GetSetting", a: ["timelineDropFrameTimecode"] },
  ]);
  const text = String(fps);
  const rate = parseRate(drop === "1" && !/DF/i.test(text) ? `${text} DF` : text);
  return rate ?? fail("UNKNOWN_RATE", `the timeline reports an unknown frame rate "${text}"`);
}

// -- time on a timeline -----------------------------------------------------------------

/** Input fields for a point in time: a frame offset or a timecode. */
export function timeInput(what: string) {
  return {
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      `${what}: frame offset from the timeline start (0 = first frame). Give frame or timecode.`,
    ),
    timecode: z.string().max(16).optional().describe(
      `${what}: timeline timecode HH:MM:SS:FF (';' before FF for drop-frame), converted with the timeline's rate. Give frame or timecode.`,
    ),
  };
}

/** A frame offset from the timeline start, from {frame} or {timecode}. */
export function offsetFrom(
  args: { frame?: number; timecode?: string },
  rate: Rate,
  startFrame: number,
  required = true,
): number | undefined {
  if (args.frame !== undefined && args.timecode !== undefined) {
    fail("INVALID_ARGUMENTS", "give frame or timecode, not both");
  }
  if (args.frame !== undefined) return args.frame;
  if (args.timecode === undefined) {
    if (required) fail("INVALID_ARGUMENTS", "give frame or timecode");
    return undefined;
  }
  const absolute = timecodeToFrames(args.timecode, rate);
  if (absolute === undefined) {
    fail(
      "INVALID_TIMECODE",
      `"${args.timecode}" is not a valid timecode at ${rate.fps}${rate.drop ? " DF" : ""} fps`,
      "Use HH:MM:SS:FF with FF below the frame rate (drop-frame skips ;00 and ;01 in most minutes).",
    );
  }
  if (absolute < startFrame) {
    fail(
      "BEFORE_START",
      `${args.timecode} is before the timeline's start`,
      "Use a timecode at or after the timeline's start timecode.",
    );
  }
  return absolute - startFrame;
}

// -- media pool -------------------------------------------------------------------------

/** Finds (and optionally creates) a bin by its path from the root, e.g. "Master/Dailies/Day 1". */
export async function findBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  path: string,
  create: boolean,
): Promise<{ bin: Handle; created: string[] }> {
  const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
  const [root, rootName] = await resolve.batch([
    { h: mediaPool.$h, m: "GetRootFolder" },
    { h: { $r: 0 }, m: "GetName" },
  ]);
  if (parts[0] === rootName) parts.shift();
  let bin = root as Handle;
  const created: string[] = [];
  for (const part of parts) {
    const children = await resolve.call(bin, "GetSubFolderList") as Handle[];
    const names = await resolve.map(children, [["GetName"]]);
    const index = names.findIndex(([n]) => n === part);
    if (index >= 0) {
      bin = children[index];
    } else if (create) {
      const made = await resolve.call(mediaPool, "AddSubFolder", bin, part);
      if (!isHandle(made)) fail("BIN_REFUSED", `Resolve refused to create the bin "${part}"`);
      bin = made;
      created.push(part);
    } else {
      fail(
        "BIN_NOT_FOUND",
        `no bin "${part}" in "${path}"`,
        "Check the bin path (bins are separated by /); list_bins shows the tree.",
      );
    }
  }
  return { bin, created };
}

export const clipRefInput = z.string().min(1).max(4096).describe(
  "A media pool clip: its unique id, or its path from the root bin like 'Master/Dailies/shot01.mov', or its name if unique in the pool.",
);

/** Every clip of the pool with its bin path, depth-first (one round trip per bin). */
export async function walkPool(
  resolve: ResolveSession,
  mediaPool: Handle,
): Promise<{ clip: Handle; name: string; id: string; bin: string }[]> {
  const [root, rootName] = await resolve.batch([
    { h: mediaPool.$h, m: "GetRootFolder" },
    { h: { $r: 0 }, m: "GetName" },
  ]);
  const out: { clip: Handle; name: string; id: string; bin: string }[] = [];
  const visit = async (bin: Handle, path: string) => {
    const [clips, subs] = await resolve.batch([
      { h: bin.$h, m: "GetClipList" },
      { h: bin.$h, m: "GetSubFolderList" },
    ]) as Handle[][];
    const rows = await resolve.map(clips ?? [], [["GetName"], ["GetUniqueId"]]);
    rows.forEach(([name, id], i) =>
      out.push({ clip: clips[i], name: String(name), id: String(id), bin: path })
    );
    const names = await resolve.map(subs ?? [], [["GetName"]]);
    for (let i = 0; i < (subs ?? []).length; i++) await visit(subs[i], `${path}/${names[i][0]}`);
  };
  await visit(root as Handle, String(rootName));
  return out;
}

/** A clip by id, bin path or unique name. */
export async function findClip(
  resolve: ResolveSession,
  mediaPool: Handle,
  ref: string,
): Promise<{ clip: Handle; name: string; id: string; bin: string }> {
  const all = await walkPool(resolve, mediaPool);
  const byId = all.find((c) => c.id === ref);
  if (byId) return byId;
  const byPath = all.find((c) =>
    `${c.bin}/${c.name}` === ref || `${c.bin.split("/").slice(1).join("/")}/${c.name}` === ref
  );
  if (byPath) return byPath;
  const byName = all.filter((c) => c.name === ref);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) {
    fail(
      "AMBIGUOUS_CLIP",
      `${byName.length} clips are named "${ref}"`,
      `Use the id or bin path instead: ${
        byName.slice(0, 5).map((c) => `${c.bin}/${c.name} (${c.id})`).join(", ")
      }.`,
    );
  }
  return fail(
    "CLIP_NOT_FOUND",
    `no clip "${ref}" in the media pool`,
    "Use a clip id or a bin path like Master/Dailies/shot.mov; list_clips shows what is there.",
  );
}

// -- timeline items ---------------------------------------------------------------------

export const TRACK_TYPES = ["video", "audio", "subtitle"] as const;

/** A timeline item by its unique id, searched across all tracks of the timeline. */
export async function findItem(
  resolve: ResolveSession,
  timeline: Handle,
  id: string,
): Promise<{ item: Handle; trackType: string; trackIndex: number }> {
  const counts = await resolve.batch(
    TRACK_TYPES.map((t) => ({ h: timeline.$h, m: "GetTrackCount", a: [t] })),
  );
  const calls = TRACK_TYPES.flatMap((type, t) =>
    Array.from({ length: Number(counts[t]) || 0 }, (_, i) => ({ type, index: i + 1 }))
  );
  const lists = await resolve.batch(
    calls.map((c) => ({ h: timeline.$h, m: "GetItemListInTrack", a: [c.type, c.index] })),
  );
  for (let i = 0; i < calls.length; i++) {
    const items = (lists[i] as Handle[]) ?? [];
    const ids = await resolve.map(items, [["GetUniqueId"]]);
    const at = ids.findIndex(([x]) => x === id);
    if (at >= 0) return { item: items[at], trackType: calls[i].type, trackIndex: calls[i].index };
  }
  return fail(
    "ITEM_NOT_FOUND",
    `no item with id "${id}" on this timeline`,
    "list_timeline_items shows the items and their ids.",
  );
}
