// Toolset "timeline": Timeline markers: add, list, delete, custom data.
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
  findTimeline,
  markerList,
  type MarkerPick,
  offsetFrom,
  pageInput,
  pageOutput,
  pageWindow,
  requirePicked,
  saveCheckpoint,
  timeInput,
  timelineRate,
  timelineRefInput,
} from "../../resolve/index.ts";
import { timeBase, timelineMarkerSchema, TL_LOOKUP } from "./common.ts";

export const addMarker = defineTool({
  name: "add_marker",
  title: "Add timeline marker",
  description:
    "Adds a marker to the current timeline at a frame or timecode, e.g. {frame: 120, color: 'Red', name: 'Fix'}. One marker per frame. A marker past the timeline's end gets past_end: true.",
  toolset: "timeline",
  default: true,
  readOnly: false,
  either: [{ fields: ["frame", "timecode"], rule: "one" }],
  input: () => ({
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Timeline frame (0 = start).",
    ),
    timecode: z.string().max(16).optional().describe(
      "Timeline timecode (instead of frame).",
    ),
    color: z.enum(MARKER_COLORS).describe("Marker colour."),
    name: markerNameInput("Marker name, one line. Default: empty."),
    note: markerNoteInput("Marker note. Default: empty."),
    duration: z.number().int().min(1).max(10_000_000).optional().describe(
      "Length of the marker in frames. Default: 1.",
    ),
    custom_data: z.string().max(10000).optional().describe(
      "Free-form data stored with the marker, for finding it later. Default: empty.",
    ),
  }),
  output: () => ({
    timeline: z.string().describe("Name of the timeline that got the marker."),
    frame: z.number().describe("Marker frame, relative to the timeline start."),
    timecode: z.string().describe("Timecode of the marker on the timeline."),
    color: z.string().describe("Marker colour."),
    name: z.string().describe("Marker name."),
    note: z.string().describe("Marker note."),
    duration: z.number().describe("Marker length in frames."),
    custom_data: z.string().describe("The marker's custom data."),
    past_end: z.boolean().describe(
      "True when the marker starts at or after the timeline's end (or runs past it): Resolve keeps it, but it marks no picture there. Move it with delete_markers + add_marker, or extend the timeline.",
    ),
    timeline_frames: z.number().describe("The timeline's length in frames (end is exclusive)."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    "Timeline.GetEndFrame",
    "Timeline.GetMarkers",
    "Timeline.AddMarker",
    "Timeline.GetName",
  ],
  async handler(args, { resolve }) {
    if ((args.frame === undefined) === (args.timecode === undefined)) {
      fail(
        "INVALID_ARGUMENTS",
        "give exactly one of frame or timecode",
        "frame counts from the timeline start (0 = first frame); timecode is like 01:00:05:00.",
      );
    }
    const { timeline } = await resolve.timeline();
    const rate = await timelineRate(resolve, timeline);
    const [start, markers, tlName, end] = await resolve.batch([
      call(timeline, "GetStartFrame"),
      call(timeline, "GetMarkers"),
      call(timeline, "GetName"),
      call(timeline, "GetEndFrame"),
    ]);
    const startFrame = Number(start);
    let frame = args.frame;
    if (args.timecode !== undefined) {
      const absolute = timecodeToFrames(args.timecode, rate);
      if (absolute === undefined) {
        fail(
          "INVALID_TIMECODE",
          `"${args.timecode}" is not a valid timecode at ${rate.fps}${rate.drop ? " DF" : ""} fps`,
          "Use HH:MM:SS:FF with FF below the frame rate (drop-frame skips ;00 and ;01 in most minutes).",
        );
      }
      frame = absolute - startFrame;
      if (frame < 0) {
        fail(
          "BEFORE_START",
          `${args.timecode} is before the timeline start ${framesToTimecode(startFrame, rate)}`,
          "Use a timecode at or after the timeline's start timecode.",
        );
      }
    }
    const taken = Object.keys(markers as Record<string, unknown>).map(Number);
    if (taken.includes(frame!)) {
      fail(
        "MARKER_EXISTS",
        `frame ${frame} of "${tlName}" already has a marker`,
        "Choose another frame (one marker per frame), or remove the existing marker first.",
      );
    }
    const marker = {
      color: args.color,
      name: args.name ?? "",
      note: args.note ?? "",
      duration: args.duration ?? 1,
      custom_data: args.custom_data ?? "",
    };
    const ok = await resolve.call(
      timeline,
      "AddMarker",
      frame,
      marker.color,
      marker.name,
      marker.note,
      marker.duration,
      marker.custom_data,
    );
    if (ok !== true) {
      fail(
        "MARKER_REFUSED",
        `Resolve refused a marker at frame ${frame} of "${tlName}"`,
        "The frame may be past the end of the timeline or the duration too long; check the timeline's length.",
      );
    }
    const timecode = framesToTimecode(startFrame + frame!, rate);
    // Resolve takes a timeline marker at any frame, past the end too: say so, never just "Added".
    const length = Math.max(0, (Number(end) || startFrame) - startFrame);
    const pastEnd = frame! + marker.duration > length;
    const where = `${timecode} (frame ${frame}) on "${tlName}"`;
    return {
      summary: pastEnd
        ? `Placed a ${marker.color} marker at ${where}, PAST THE END of the timeline (${length} frame(s) long, frames 0-${
          Math.max(0, length - 1)
        }): it marks no picture until the timeline reaches frame ${frame! + marker.duration}.`
        : `Added a ${marker.color} marker at ${where}.`,
      data: {
        timeline: String(tlName),
        frame: frame!,
        timecode,
        ...marker,
        past_end: pastEnd,
        timeline_frames: length,
      },
    };
  },
});

export const listMarkers = defineTool({
  name: "list_markers",
  title: "List timeline markers",
  description:
    "Lists a timeline's markers (frames from the timeline start, and timecodes), optionally only one colour, the one at a frame/timecode, or the first with a custom data value. Paginated.",
  toolset: "timeline",
  default: true,
  readOnly: true,
  input: () => ({
    timeline: timelineRefInput,
    color: z.enum(MARKER_COLORS).optional().describe("Only markers of this colour."),
    ...timeInput("Only the marker at this position"),
    custom_data: z.string().min(1).max(10_000).optional().describe(
      "Only the first marker whose custom data is exactly this.",
    ),
    ...pageInput,
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    markers: z.array(timelineMarkerSchema).describe("This page of markers."),
    ...pageOutput,
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetMarkers",
    "Timeline.GetMarkerByCustomData",
    "Timeline.GetMarkerCustomData",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    const frame = offsetFrom(args, rate, start, false);
    const [raw, byData, atFrame] = await resolve.batch([
      call(timeline, "GetMarkers"),
      args.custom_data !== undefined
        ? call(timeline, "GetMarkerByCustomData", args.custom_data)
        : call(timeline, "GetName"),
      frame !== undefined
        ? call(timeline, "GetMarkerCustomData", frame)
        : call(timeline, "GetName"),
    ]);
    let markers = markerList(raw);
    if (args.custom_data !== undefined) {
      const info = byData as Record<string, unknown> | null;
      markers = info && Object.keys(info).length
        ? markers.filter((m) => m.custom_data === args.custom_data).slice(0, 1)
        : [];
    }
    if (frame !== undefined) {
      markers = markers.filter((m) => m.frame === frame);
      if (markers[0] && typeof atFrame === "string") markers[0].custom_data = atFrame;
    }
    if (args.color) markers = markers.filter((m) => m.color === args.color);
    const page = pageWindow(markers.length, args.cursor, args.limit);
    return {
      summary: `${markers.length} marker(s) on "${tlName}".`,
      data: {
        timeline: tlName,
        markers: markers.slice(page.offset, page.end).map((m) => ({
          ...m,
          timecode: framesToTimecode(start + m.frame, rate),
        })),
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});

export const deleteMarkers = defineTool({
  name: "delete_markers",
  title: "Delete timeline markers",
  description:
    "Deletes timeline markers: the one at a frame/timecode ('at_position'), the first with a custom data value ('by_custom_data'), all of a colour ('by_color') or all ('all'). Bulk deletes (by_color, all) need confirmation. Saves a timeline checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timeline: timelineRefInput,
    action: z.enum(["at_position", "by_custom_data", "by_color", "all"]).describe(
      "Which markers to delete.",
    ),
    ...timeInput("at_position: the marker's position"),
    color: z.enum(MARKER_COLORS).optional().describe("by_color: the colour."),
    custom_data: z.string().min(1).max(10_000).optional().describe(
      "by_custom_data: the custom data to match.",
    ),
  }),
  output: () => ({
    deleted: z.number().describe("Markers deleted."),
    remaining: z.number().describe("Markers left."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetMarkers",
    "Timeline.DeleteMarkerAtFrame",
    "Timeline.DeleteMarkerByCustomData",
    "Timeline.DeleteMarkersByColor",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    const before = markerList(await resolve.call(timeline, "GetMarkers"));
    let pick: MarkerPick;
    if (args.action === "at_position") {
      pick = { frame: offsetFrom(args, rate, start)! };
    } else if (args.action === "by_custom_data") {
      if (!args.custom_data) fail("INVALID_ARGUMENTS", "by_custom_data needs custom_data");
      pick = { custom_data: args.custom_data };
    } else if (args.action === "by_color") {
      if (!args.color) fail("INVALID_ARGUMENTS", "by_color needs color");
      pick = { color: args.color };
    } else {
      pick = { color: "All" };
    }
    const picked = requirePicked(before, pick, `"${tlName}"`, "list_markers");
    if (!("frame" in pick) && !("custom_data" in pick)) {
      await confirm(
        `Delete ${pick.color === "All" ? "all " : ""}${picked.length} ${
          pick.color === "All" ? "" : `${pick.color} `
        }marker(s) of "${tlName}"?`,
      );
    }
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_markers", args, { timeline });
    const remaining = (await deletePicked(resolve, timeline, pick, picked.length)).length;
    return {
      summary: `Deleted ${before.length - remaining} marker(s) from "${tlName}".`,
      data: { deleted: before.length - remaining, remaining, checkpoint_id },
    };
  },
});

export const updateMarkerCustomData = defineTool({
  name: "update_marker_custom_data",
  title: "Update marker custom data",
  description: "Replaces the custom data of the timeline marker at a frame or timecode.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    ...timeInput("The marker's position"),
    custom_data: z.string().max(10_000).describe("The new custom data (empty string clears it)."),
  }),
  output: () => ({ marker: timelineMarkerSchema }),
  apiMethods: [...TL_LOOKUP, "Timeline.GetMarkers", "Timeline.UpdateMarkerCustomData"],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    const frame = offsetFrom(args, rate, start)!;
    const before = markerList(await resolve.call(timeline, "GetMarkers"));
    if (!before.some((m) => m.frame === frame)) {
      fail(
        "MARKER_NOT_FOUND",
        `no marker at frame ${frame} of "${tlName}"`,
        "list_markers shows the markers; add_marker adds one.",
      );
    }
    const [ok, after] = await resolve.batch([
      call(timeline, "UpdateMarkerCustomData", frame, args.custom_data),
      call(timeline, "GetMarkers"),
    ]);
    if (ok !== true) fail("UPDATE_REFUSED", "Resolve refused to update the marker");
    const marker = markerList(after).find((m) => m.frame === frame)!;
    return {
      summary: `Updated the marker at ${framesToTimecode(start + frame, rate)}.`,
      data: { marker: { ...marker, timecode: framesToTimecode(start + frame, rate) } },
    };
  },
});
