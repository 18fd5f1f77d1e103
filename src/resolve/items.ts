// Timeline items: found by unique id across every track.
import { z } from "zod";
import { fail } from "../errors.ts";
import { findTimeline } from "./timelines.ts";
import type { ResolveSession } from "./session.ts";
import { call, constant, type Handle, isHandle } from "./wire.ts";

export const TRACK_TYPES = ["video", "audio", "subtitle"] as const;

/** A timeline item by its unique id, searched across all tracks of the timeline. */
export async function findItem(
  resolve: ResolveSession,
  timeline: Handle,
  id: string,
): Promise<{ item: Handle; trackType: string; trackIndex: number }> {
  const counts = await resolve.batch(
    TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  );
  const calls = TRACK_TYPES.flatMap((type, t) =>
    Array.from({ length: Number(counts[t]) || 0 }, (_, i) => ({ type, index: i + 1 }))
  );
  const lists = await resolve.batch(
    calls.map((c) => call(timeline, "GetItemListInTrack", c.type, c.index)),
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

export const itemIdInput = z.string().min(1).max(128).describe(
  "Timeline item id (list_timeline_items).",
);

/** The item with this id on the named (or current) timeline, plus its timeline. */
export async function itemOf(
  resolve: ResolveSession,
  timelineRef: string | undefined,
  id: string,
): Promise<{ project: Handle; timeline: Handle; item: Handle; trackType: string }> {
  const { project, timeline } = await findTimeline(resolve, timelineRef);
  const { item, trackType } = await findItem(resolve, timeline, id);
  return { project, timeline, item, trackType };
}

/** Several items by id on one timeline (one scan of the tracks: three round trips). */
export async function itemsOf(
  resolve: ResolveSession,
  timeline: Handle,
  ids: string[],
): Promise<Handle[]> {
  const types = ["video", "audio", "subtitle"];
  const counts = await resolve.batch(
    types.map((t) => call(timeline, "GetTrackCount", t)),
  );
  const tracks = types.flatMap((type, t) =>
    Array.from({ length: Number(counts[t]) || 0 }, (_, i) => [type, i + 1])
  );
  const lists = await resolve.batch(
    tracks.map((a) => call(timeline, "GetItemListInTrack", ...a)),
  );
  const all = lists.flatMap((l) => (Array.isArray(l) ? l : []).filter(isHandle));
  const byId = new Map(
    (await resolve.map(all, [["GetUniqueId"]])).map(([id], i) => [String(id), all[i]]),
  );
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) {
    fail(
      "ITEM_NOT_FOUND",
      `no item with id ${missing.slice(0, 10).join(", ")} on this timeline`,
      "list_timeline_items shows the items and their ids.",
    );
  }
  return ids.map((id) => byId.get(id)!);
}

/** The API methods itemOf and itemsOf call, for a tool's apiMethods. */
export const ITEM_LOOKUP_METHODS = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
  "Timeline.GetTrackCount",
  "Timeline.GetItemListInTrack",
  "Timeline.GetSetting",
  "TimelineItem.GetUniqueId",
];

const CACHE_NAMES = ["AUTO", "DISABLED", "ENABLED"] as const;
/** Cache state values (-1/0/1, or bool in some builds) as names. */
export function cacheName(value: unknown): string | null {
  if (value === true) return "ENABLED";
  if (value === false) return "DISABLED";
  if (typeof value === "string" && value) return value.toUpperCase();
  const n = Number(value);
  return value === null || value === undefined || !Number.isFinite(n)
    ? null
    : CACHE_NAMES[n + 1] ?? String(value);
}
export const cacheConstant = (name: string) =>
  constant(name === "AUTO" ? "CACHE_AUTO_ENABLED" : `CACHE_${name}`);
