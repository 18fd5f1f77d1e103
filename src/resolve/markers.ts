// Markers of timelines, items and clips: one schema and one converter from Resolve's
// {frame: info} dict, used by tools and resources alike.
import { z } from "zod";
import { fail } from "../errors.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle } from "./wire.ts";

export const markerSchema = z.object({
  frame: z.number().describe(
    "Marker frame (clip: offset in the clip; timeline: offset from the start).",
  ),
  color: z.string().describe("Marker colour."),
  name: z.string().describe("Marker name."),
  note: z.string().describe("Marker note."),
  duration: z.number().describe("Marker length in frames."),
  custom_data: z.string().describe("The marker's custom data."),
});

/** Resolve's {frame: info} marker dict as a sorted list. */
export function markerList(raw: unknown): z.infer<typeof markerSchema>[] {
  const dict = (raw && typeof raw === "object" ? raw : {}) as Record<
    string,
    Record<string, unknown>
  >;
  return Object.entries(dict).map(([frame, m]) => ({
    frame: Number(frame),
    color: String(m.color ?? ""),
    name: String(m.name ?? ""),
    note: String(m.note ?? ""),
    duration: Number(m.duration ?? 1),
    custom_data: String(m.customData ?? ""),
  })).sort((a, b) => a.frame - b.frame);
}

export type Marker = z.infer<typeof markerSchema>;

/** What a marker deletion picks: the marker at a frame, by custom data, or by colour ("All": every one). */
export type MarkerPick = { frame: number } | { custom_data: string } | { color: string };

/** The markers of `markers` a pick selects, as Resolve's three deletion calls would. */
export function pickMarkers(markers: Marker[], pick: MarkerPick): Marker[] {
  if ("frame" in pick) return markers.filter((m) => m.frame === pick.frame);
  if ("custom_data" in pick) return markers.filter((m) => m.custom_data === pick.custom_data);
  return pick.color === "All" ? markers : markers.filter((m) => m.color === pick.color);
}

export function describePick(pick: MarkerPick): string {
  if ("frame" in pick) return `the marker at frame ${pick.frame}`;
  if ("custom_data" in pick) return `the marker with custom data "${pick.custom_data}"`;
  return pick.color === "All" ? "all markers" : `the ${pick.color} markers`;
}

/**
 * Refuses a deletion that would pick nothing (MARKER_NOT_FOUND, naming the tool that lists
 * the markers), before anything is asked or saved; deleting all of no markers is allowed.
 */
export function requirePicked(
  before: Marker[],
  pick: MarkerPick,
  where: string,
  listTool: string,
): Marker[] {
  const picked = pickMarkers(before, pick);
  if (!picked.length && !("color" in pick && pick.color === "All")) {
    fail(
      "MARKER_NOT_FOUND",
      `no marker matched on ${where} (${describePick(pick)})`,
      `${listTool} shows the markers.`,
    );
  }
  return picked;
}

/**
 * Deletes what a pick selects from a timeline, item or clip with the one matching API call and
 * reads the markers back; DELETE_REFUSED when picked markers are still there.
 */
export async function deletePicked(
  resolve: ResolveSession,
  target: Handle,
  pick: MarkerPick,
  picked: number,
): Promise<Marker[]> {
  const step = "frame" in pick
    ? call(target, "DeleteMarkerAtFrame", pick.frame)
    : "custom_data" in pick
    ? call(target, "DeleteMarkerByCustomData", pick.custom_data)
    : call(target, "DeleteMarkersByColor", pick.color);
  const [, raw] = await resolve.batch([step, call(target, "GetMarkers")]);
  const after = markerList(raw);
  if (picked && pickMarkers(after, pick).length) {
    fail(
      "DELETE_REFUSED",
      `Resolve refused to delete ${describePick(pick)}`,
      "Check the markers with the listing tool and retry once.",
    );
  }
  return after;
}
