// Item tools on markers of timeline items.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode, timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { MARKER_COLORS, markerNameInput, markerNoteInput } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  deletePicked,
  describePick,
  type Handle,
  itemIdInput,
  itemOf,
  markerList,
  type MarkerPick,
  pageInput,
  pageOutput,
  pageWindow,
  requirePicked,
  type ResolveSession,
  saveCheckpoint,
  timelineRate,
  timelineRefInput,
} from "../../resolve/index.ts";
import { num, TIMELINE_LOOKUP } from "./common.ts";

// -- item markers -------------------------------------------------------------------------

const markerSchema = z.object({
  frame: z.number().describe("Offset from the item's first frame."),
  timecode: z.string().describe("Timeline timecode of the marker."),
  color: z.string(),
  name: z.string(),
  note: z.string(),
  duration: z.number(),
  custom_data: z.string(),
});

const markerTime = {
  frame: z.number().int().min(0).max(10_000_000).optional().describe(
    "Frame offset from the item's first frame (0 = first frame of the item). Give frame or timecode.",
  ),
  timecode: z.string().max(16).optional().describe(
    "Timeline timecode HH:MM:SS:FF within the item, converted with the timeline's rate. Give frame or timecode.",
  ),
};

async function itemOffset(
  resolve: ResolveSession,
  timeline: Handle,
  item: Handle,
  args: { frame?: number; timecode?: string },
): Promise<{ offset: number; start: number; duration: number }> {
  const [start, duration] = (await resolve.batch([
    call(item, "GetStart"),
    call(item, "GetDuration"),
  ])).map(num);
  if ((args.frame === undefined) === (args.timecode === undefined)) {
    fail("INVALID_ARGUMENTS", "give exactly one of frame or timecode");
  }
  let offset = args.frame!;
  if (args.timecode !== undefined) {
    const rate = await timelineRate(resolve, timeline);
    const abs = timecodeToFrames(args.timecode, rate);
    if (abs === undefined) {
      fail(
        "INVALID_TIMECODE",
        `"${args.timecode}" is not a valid timecode at ${rate.fps} fps`,
        "Use HH:MM:SS:FF with FF below the frame rate.",
      );
    }
    offset = abs - start;
  }
  if (offset < 0 || offset >= duration) {
    fail(
      "OUTSIDE_ITEM",
      `that time is outside the item (it spans offsets 0-${duration - 1})`,
      "Give a frame offset inside the item, or a timecode between its start and end (get_item_properties).",
    );
  }
  return { offset, start, duration };
}

function markerRows(
  raw: unknown,
  start: number,
  rate: Parameters<typeof framesToTimecode>[1],
) {
  return Object.entries((raw ?? {}) as Record<string, Record<string, unknown>>)
    .map(([frame, m]) => ({
      frame: Number(frame),
      timecode: framesToTimecode(start + Math.floor(Number(frame)), rate),
      color: String(m.color ?? ""),
      name: String(m.name ?? ""),
      note: String(m.note ?? ""),
      duration: Number(m.duration) || 1,
      custom_data: String(m.customData ?? ""),
    }))
    .sort((a, b) => a.frame - b.frame);
}

export const addItemMarker = defineTool({
  name: "add_item_marker",
  title: "Add item marker",
  description:
    "Adds a marker to a timeline item, at a frame offset within the item or at a timeline timecode inside it. One marker per frame.",
  toolset: "item",
  readOnly: false,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    ...markerTime,
    color: z.enum(MARKER_COLORS).describe("Marker colour."),
    name: markerNameInput("Marker name, one line. Default: empty."),
    note: markerNoteInput("Marker note. Default: empty."),
    duration: z.number().int().min(1).max(10_000_000).optional().describe(
      "Length in frames. Default: 1.",
    ),
    custom_data: z.string().max(10000).optional().describe(
      "Free-form data stored with the marker. Default: empty.",
    ),
  }),
  output: () => markerSchema.shape,
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetDuration",
    "TimelineItem.GetMarkers",
    "TimelineItem.AddMarker",
  ],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const { offset, start } = await itemOffset(resolve, timeline, item, args);
    const rate = await timelineRate(resolve, timeline);
    const markers = await resolve.call(item, "GetMarkers") as Record<string, unknown>;
    if (Object.keys(markers ?? {}).map(Number).includes(offset)) {
      fail(
        "MARKER_EXISTS",
        `offset ${offset} of the item already has a marker`,
        "Choose another frame, or delete_item_markers first.",
      );
    }
    const m = {
      color: args.color,
      name: args.name ?? "",
      note: args.note ?? "",
      duration: args.duration ?? 1,
      custom_data: args.custom_data ?? "",
    };
    const ok = await resolve.call(
      item,
      "AddMarker",
      offset,
      m.color,
      m.name,
      m.note,
      m.duration,
      m.custom_data,
    );
    if (ok !== true) {
      fail(
        "MARKER_REFUSED",
        `Resolve refused a marker at offset ${offset}`,
        "The duration may run past the item's end; use a shorter duration.",
      );
    }
    const timecode = framesToTimecode(start + offset, rate);
    return {
      summary: `Added a ${m.color} marker at ${timecode} (item offset ${offset}).`,
      data: { frame: offset, timecode, ...m },
    };
  },
});

export const listItemMarkers = defineTool({
  name: "list_item_markers",
  title: "List item markers",
  description:
    "Lists the markers of a timeline item (offsets within the item and timeline timecodes), a page at a time; or finds the first marker with given custom data.",
  toolset: "item",
  readOnly: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    custom_data: z.string().max(10000).optional().describe(
      "Only the first marker whose custom data equals this. Omit to list all.",
    ),
    ...pageInput,
  }),
  output: () => ({
    markers: z.array(markerSchema).describe("Markers in this page."),
    ...pageOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetMarkers",
    "TimelineItem.GetMarkerByCustomData",
  ],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const rate = await timelineRate(resolve, timeline);
    const [start, all] = await resolve.batch([
      call(item, "GetStart"),
      call(item, "GetMarkers"),
    ]);
    let rows = markerRows(all, num(start), rate);
    if (args.custom_data !== undefined) {
      const hit = await resolve.call(item, "GetMarkerByCustomData", args.custom_data) as Record<
        string,
        unknown
      >;
      rows = hit && Object.keys(hit).length
        ? rows.filter((r) => r.custom_data === args.custom_data).slice(0, 1)
        : [];
    }
    const w = pageWindow(rows.length, args.cursor, args.limit);
    return {
      summary: `${rows.length} marker(s); showing ${w.end - w.offset}.`,
      data: { markers: rows.slice(w.offset, w.end), total: w.total, next_cursor: w.next_cursor },
    };
  },
});

export const updateItemMarker = defineTool({
  name: "update_item_marker",
  title: "Update item marker custom data",
  description:
    "Replaces the custom data of the marker at a frame offset (or timeline timecode) of a timeline item, and returns the stored value.",
  toolset: "item",
  readOnly: false,
  idempotent: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    ...markerTime,
    custom_data: z.string().max(10000).describe("The new custom data."),
  }),
  output: () => ({
    frame: z.number().describe("Marker offset within the item."),
    custom_data: z.string().describe("Custom data stored now."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetDuration",
    "TimelineItem.UpdateMarkerCustomData",
    "TimelineItem.GetMarkerCustomData",
  ],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const { offset } = await itemOffset(resolve, timeline, item, args);
    const [ok, stored] = await resolve.batch([
      call(item, "UpdateMarkerCustomData", offset, args.custom_data),
      call(item, "GetMarkerCustomData", offset),
    ]);
    if (ok !== true) {
      fail(
        "MARKER_NOT_FOUND",
        `no marker at offset ${offset} of item ${args.item_id}`,
        "list_item_markers shows the markers and their offsets.",
      );
    }
    return {
      summary: `Updated the custom data of the marker at offset ${offset}.`,
      data: { frame: offset, custom_data: String(stored ?? "") },
    };
  },
});

export const deleteItemMarkers = defineTool({
  name: "delete_item_markers",
  title: "Delete item markers",
  description:
    "Deletes markers of a timeline item: the one at a frame offset/timecode, every marker of a colour (or 'All'), or the first with given custom data. Needs confirmation. Saves a timeline checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    ...markerTime,
    color: z.enum([...MARKER_COLORS, "All"]).optional().describe(
      "Delete every marker of this colour; 'All' deletes all markers.",
    ),
    custom_data: z.string().max(10000).optional().describe(
      "Delete the first marker with this custom data.",
    ),
  }),
  output: () => ({
    deleted: z.number().describe("Number of markers deleted."),
    remaining: z.number().describe("Markers left on the item."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetDuration",
    "TimelineItem.GetMarkers",
    "TimelineItem.DeleteMarkerAtFrame",
    "TimelineItem.DeleteMarkersByColor",
    "TimelineItem.DeleteMarkerByCustomData",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const byTime = args.frame !== undefined || args.timecode !== undefined;
    const ways = [byTime, args.color !== undefined, args.custom_data !== undefined];
    if (ways.filter(Boolean).length !== 1) {
      fail(
        "INVALID_ARGUMENTS",
        "give exactly one of frame/timecode, color or custom_data",
      );
    }
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const pick: MarkerPick = byTime
      ? { frame: (await itemOffset(resolve, timeline, item, args)).offset }
      : args.color
      ? { color: args.color }
      : { custom_data: args.custom_data! };
    const before = markerList(await resolve.call(item, "GetMarkers"));
    const picked = requirePicked(before, pick, `item ${args.item_id}`, "list_item_markers");
    await ctx.confirm(`Delete ${describePick(pick)} of item ${args.item_id}?`);
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_item_markers", args, {
      timeline,
    });
    const remaining = (await deletePicked(resolve, item, pick, picked.length)).length;
    return {
      summary: `Deleted ${before.length - remaining} marker(s); ${remaining} left.`,
      data: { deleted: before.length - remaining, remaining, checkpoint_id },
    };
  },
});
