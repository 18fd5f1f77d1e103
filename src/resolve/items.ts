// Timeline items: found by unique id across every track.
import { fail } from "../errors.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle } from "./wire.ts";

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
