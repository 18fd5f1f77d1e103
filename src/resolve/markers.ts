// Markers of timelines, items and clips: one schema and one converter from Resolve's
// {frame: info} dict, used by tools and resources alike.
import { z } from "zod";

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
