// Toolset "timeline": timelines of the current project, their tracks, items and markers.
import { z } from "zod";
import { fail } from "../errors.ts";
import { framesToTimecode, parseRate, type Rate, timecodeToFrames } from "../timecode.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import {
  AUDIO_TRACK_TYPES,
  FRAME_RATES,
  MARKER_COLORS,
  markerNameInput,
  markerNoteInput,
  name,
  needExtension,
  outputFile,
  someNames,
} from "./shared.ts";
import {
  type BatchCall,
  call,
  clipRefInput,
  constant,
  dictOf,
  EXPORT_FORMATS,
  findBinRef,
  findClips,
  findTimeline,
  type Handle,
  isHandle,
  lengthOf,
  listTimelines,
  mapCall,
  type MapMethod,
  markerList,
  markerSchema,
  offsetFrom,
  pageInput,
  pageOutput,
  pageWindow,
  poolOf,
  quiet,
  ref,
  type ResolveSession,
  timeInput,
  timelineRate,
  timelineRefInput,
  TRACK_TYPES,
} from "../resolve/index.ts";

// -- helpers ------------------------------------------------------------------------------

const rateText = (rate: Rate) => `${rate.fps}${rate.drop ? " DF" : ""}`;

/** Rate and start frame of a timeline, for frame/timecode conversions. */
async function timeBase(resolve: ResolveSession, timeline: Handle) {
  const rate = await timelineRate(resolve, timeline);
  const [start, tlName] = await resolve.batch([
    call(timeline, "GetStartFrame"),
    call(timeline, "GetName"),
  ]);
  return { rate, start: Number(start) || 0, name: String(tlName) };
}

const trackTypeInput = z.enum(TRACK_TYPES).describe("Track type: 'video', 'audio' or 'subtitle'.");
const trackIndexInput = z.number().int().min(1).max(1000).describe(
  "Track number, 1-based (V1 = 1).",
);

async function checkTrack(resolve: ResolveSession, timeline: Handle, type: string, index: number) {
  const count = Number(await resolve.call(timeline, "GetTrackCount", type)) || 0;
  if (index > count) {
    fail(
      "TRACK_NOT_FOUND",
      `the timeline has ${count} ${type} track(s), not ${index}`,
      "list_tracks shows the tracks; add_track adds one.",
    );
  }
}

/** Every item of the timeline's tracks (optionally one type / track) in track order. */
/** The tracks of a timeline, optionally one type or one track. */
async function trackList(
  resolve: ResolveSession,
  timeline: Handle,
  type?: (typeof TRACK_TYPES)[number],
  index?: number,
): Promise<{ type: string; index: number }[]> {
  const types = type ? [type] : [...TRACK_TYPES];
  const counts = await resolve.batch(
    types.map((t) => call(timeline, "GetTrackCount", t)),
  );
  const tracks = types.flatMap((t, i) =>
    Array.from({ length: Number(counts[i]) || 0 }, (_, k) => ({ type: t, index: k + 1 }))
  ).filter((t) => index === undefined || t.index === index);
  if (index !== undefined && !tracks.length) {
    fail(
      "TRACK_NOT_FOUND",
      `no ${type ?? ""} track ${index} on this timeline`,
      "list_tracks shows the tracks.",
    );
  }
  return tracks;
}

async function trackItems(
  resolve: ResolveSession,
  timeline: Handle,
  type?: (typeof TRACK_TYPES)[number],
  index?: number,
): Promise<{ item: Handle; type: string; index: number }[]> {
  const tracks = await trackList(resolve, timeline, type, index);
  const lists = await resolve.batch(
    tracks.map((t) => call(timeline, "GetItemListInTrack", t.type, t.index)),
  );
  return tracks.flatMap((t, i) =>
    (Array.isArray(lists[i]) ? lists[i] as unknown[] : []).filter(isHandle).map((item) => ({
      item,
      ...t,
    }))
  );
}

/**
 * One page of items across tracks in two round trips, whatever the timeline's size: the
 * bridge counts each track's items, then reads only the page's slice (no handles made).
 */
async function itemPage(
  resolve: ResolveSession,
  timeline: Handle,
  tracks: { type: string; index: number }[],
  cursor: string | undefined,
  limit: number | undefined,
  rate: Rate,
  start: number,
) {
  const listCall = (t: { type: string; index: number }) =>
    quiet(timeline, "GetItemListInTrack", t.type, t.index);
  const counted = await resolve.batch(
    tracks.flatMap((t, i) => [listCall(t), lengthOf(ref(2 * i))]),
  );
  const lengths = tracks.map((_, i) => Number(counted[2 * i + 1]) || 0);
  const page = pageWindow(lengths.reduce((a, b) => a + b, 0), cursor, limit);
  const calls: BatchCall[] = [];
  let first = 0;
  tracks.forEach((t, i) => {
    const from = Math.max(page.offset, first) - first;
    const to = Math.min(page.end, first + lengths[i]) - first;
    if (from < to) {
      calls.push(listCall(t));
      calls.push(mapCall(ref(calls.length - 1), PAGE_FIELDS, [from, to]));
    }
    first += lengths[i];
  });
  const results = await resolve.batch(calls);
  const rows = results.filter((_, i) => i % 2 === 1).flat() as unknown[][];
  return { page, items: rows.map((row) => itemRow(row, rate, start)) };
}

/** Timeline items by unique id (one listing + one map for all ids). */
async function findItems(resolve: ResolveSession, timeline: Handle, ids: string[]) {
  const all = await trackItems(resolve, timeline);
  const rows = await resolve.map(all.map((a) => a.item), [["GetUniqueId"], ["GetName"]]);
  return ids.map((id) => {
    const at = rows.findIndex(([x]) => x === id);
    if (at < 0) {
      fail(
        "ITEM_NOT_FOUND",
        `no item with id "${id}" on this timeline`,
        "list_timeline_items shows the items and their ids.",
      );
    }
    return { ...all[at], id, name: String(rows[at][1]) };
  });
}

const itemSchema = z.object({
  id: z.string().describe("The item's unique id (TimelineItem.GetUniqueId)."),
  name: z.string().describe("Item name (subtitle text for subtitle items)."),
  track_type: z.string().describe("'video', 'audio' or 'subtitle'."),
  track_index: z.number().describe("Track number, 1-based."),
  start: z.number().describe("Start, in frames from the timeline start (0 = first frame)."),
  end: z.number().describe("End (exclusive), in frames from the timeline start."),
  start_timecode: z.string().describe("Record timecode of the start."),
  end_timecode: z.string().describe("Record timecode of the end (exclusive)."),
  duration: z.number().describe("Length in frames."),
  source_start_frame: z.number().nullable().describe(
    "First source frame used (null for generators).",
  ),
  source_end_frame: z.number().nullable().describe("Source end frame as Resolve reports it."),
  clip_id: z.string().nullable().describe(
    "Unique id of the media pool clip, null for generators/titles/transitions.",
  ),
});

const ITEM_FIELDS: MapMethod[] = [
  ["GetTrackTypeAndIndex"],
  ["GetUniqueId"],
  ["GetName"],
  ["GetStart"],
  ["GetEnd"],
  ["GetDuration"],
  ["GetSourceStartFrame"],
  ["GetSourceEndFrame"],
];

const ITEM_METHODS = [
  "TimelineItem.GetTrackTypeAndIndex",
  "TimelineItem.GetUniqueId",
  "TimelineItem.GetName",
  "TimelineItem.GetStart",
  "TimelineItem.GetEnd",
  "TimelineItem.GetDuration",
  "TimelineItem.GetSourceStartFrame",
  "TimelineItem.GetSourceEndFrame",
  "TimelineItem.GetMediaPoolItem",
  "MediaPoolItem.GetUniqueId",
];

/** Rows for items in ONE round trip: a map for the fields plus the pool clip ids. */
/** The fields of an item row, the clip's id last (read through GetMediaPoolItem). */
const PAGE_FIELDS: MapMethod[] = [...ITEM_FIELDS, ["GetMediaPoolItem", [], ["GetUniqueId"]]];

function itemRow(row: unknown[], rate: Rate, start: number): z.infer<typeof itemSchema> {
  const [track, id, nm, s, e, d, ss, se, clipId] = row;
  const num = (
    v: unknown,
  ) => (typeof v === "number" ? v : v == null || v === "" ? null : Number(v));
  return {
    id: String(id),
    name: String(nm ?? ""),
    track_type: String(Array.isArray(track) ? track[0] : ""),
    track_index: Number(Array.isArray(track) ? track[1] : 0),
    start: Number(s) - start,
    end: Number(e) - start,
    start_timecode: framesToTimecode(Number(s), rate),
    end_timecode: framesToTimecode(Number(e), rate),
    duration: Number(d) || 0,
    source_start_frame: num(ss),
    source_end_frame: num(se),
    clip_id: clipId == null ? null : String(clipId),
  };
}

async function itemRows(
  resolve: ResolveSession,
  items: Handle[],
  rate: Rate,
  start: number,
): Promise<z.infer<typeof itemSchema>[]> {
  const rows = await resolve.map(items, PAGE_FIELDS);
  return rows.map((row) => itemRow(row, rate, start));
}

// -- timelines ----------------------------------------------------------------------------

const timelineSchema = z.object({
  name: z.string().describe("Timeline name."),
  id: z.string().describe("Unique id (Timeline.GetUniqueId)."),
  current: z.boolean().describe("True for the current timeline."),
  frame_rate: z.string().describe("Frame rate, ' DF' for drop-frame."),
  start_timecode: z.string().describe("Timecode of the first frame."),
  start_frame: z.number().describe("Absolute frame number of the first frame."),
  duration_frames: z.number().describe("Length in frames."),
  video_tracks: z.number().describe("Number of video tracks."),
  audio_tracks: z.number().describe("Number of audio tracks."),
  subtitle_tracks: z.number().describe("Number of subtitle tracks."),
});

const TIMELINE_FIELDS: [string, unknown[]?][] = [
  ["GetName"],
  ["GetUniqueId"],
  ["GetSetting", ["timelineFrameRate"]],
  ["GetSetting", ["timelineDropFrameTimecode"]],
  ["GetStartTimecode"],
  ["GetStartFrame"],
  ["GetEndFrame"],
  ["GetTrackCount", ["video"]],
  ["GetTrackCount", ["audio"]],
  ["GetTrackCount", ["subtitle"]],
];

const TIMELINE_METHODS = [
  "Timeline.GetName",
  "Timeline.GetUniqueId",
  "Timeline.GetSetting",
  "Timeline.GetStartTimecode",
  "Timeline.GetStartFrame",
  "Timeline.GetEndFrame",
  "Timeline.GetTrackCount",
];

async function timelineRows(resolve: ResolveSession, timelines: Handle[], currentId: unknown) {
  const rows = await resolve.map(timelines, TIMELINE_FIELDS);
  return rows.map(([n, id, fps, drop, tc, s, e, v, a, sub]) => {
    const text = String(fps);
    return {
      name: String(n),
      id: String(id),
      current: id === currentId,
      frame_rate: drop === "1" && !/DF/i.test(text) ? `${text} DF` : text,
      start_timecode: String(tc),
      start_frame: Number(s) || 0,
      duration_frames: Math.max(0, (Number(e) || 0) - (Number(s) || 0)),
      video_tracks: Number(v) || 0,
      audio_tracks: Number(a) || 0,
      subtitle_tracks: Number(sub) || 0,
    };
  });
}

const listTimelinesTool = defineTool({
  name: "list_timelines",
  title: "List timelines",
  description:
    "Lists the current project's timelines with ids, frame rates, start timecodes, lengths and track counts, and which one is current. Paginated.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({ ...pageInput }),
  output: () => ({
    timelines: z.array(timelineSchema).describe("This page of timelines."),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.GetCurrentTimeline",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    const [count, , currentId] = await resolve.batch([
      call(project, "GetTimelineCount"),
      call(project, "GetCurrentTimeline"),
      call(ref(1), "GetUniqueId"),
    ]);
    const page = pageWindow(Number(count) || 0, args.cursor, args.limit);
    const handles = (await resolve.batch(
      Array.from(
        { length: page.end - page.offset },
        (_, i) => call(project, "GetTimelineByIndex", page.offset + i + 1),
      ),
    )).filter(isHandle);
    const timelines = await timelineRows(resolve, handles, currentId);
    return {
      summary: `${page.total} timeline(s)${
        timelines.find((t) => t.current)
          ? `; current "${timelines.find((t) => t.current)!.name}"`
          : ""
      }.`,
      data: { timelines, total: page.total, next_cursor: page.next_cursor },
    };
  },
});

const timelineRefRequired = z.string().min(1).max(255).describe("Timeline name or unique id.");

const switchTimeline = defineTool({
  name: "switch_timeline",
  title: "Switch timeline",
  description:
    "Makes a timeline of the current project the current timeline (the one other tools work on by default).",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({ timeline: timelineRefRequired }),
  output: () => ({
    timeline: timelineSchema,
    previous: z.string().nullable().describe("Name of the previous current timeline."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.GetCurrentTimeline",
    "Project.SetCurrentTimeline",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const [, prevName, ok, , currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetName"),
      call(project, "SetCurrentTimeline", timeline),
      call(project, "GetCurrentTimeline"),
      call(ref(3), "GetUniqueId"),
    ]);
    if (ok !== true) fail("SWITCH_REFUSED", `Resolve refused to switch to "${args.timeline}"`);
    const [row] = await timelineRows(resolve, [timeline], currentId);
    return {
      summary: `Current timeline is now "${row.name}".`,
      data: { timeline: row, previous: prevName == null ? null : String(prevName) },
    };
  },
});

const renameTimeline = defineTool({
  name: "rename_timeline",
  title: "Rename timeline",
  description: "Renames a timeline; the new name must be unique in the project.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    name: name("New timeline name; must be unique in the project."),
  }),
  output: () => ({
    name: z.string().describe("The new name."),
    id: z.string().describe("The timeline's id."),
    previous: z.string().describe("The old name."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.SetName",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const [old, id] = await resolve.batch([
      call(timeline, "GetName"),
      call(timeline, "GetUniqueId"),
    ]);
    if (old === args.name) {
      return {
        summary: `Already named "${old}".`,
        data: { name: args.name, id: String(id), previous: String(old) },
      };
    }
    const ok = await resolve.call(timeline, "SetName", args.name);
    if (ok !== true) {
      const taken = (await listTimelines(resolve, project)).some((t) => t.name === args.name);
      fail(
        taken ? "TIMELINE_EXISTS" : "RENAME_REFUSED",
        taken
          ? `a timeline named "${args.name}" already exists`
          : `Resolve refused the name "${args.name}"`,
        "Choose another name.",
      );
    }
    return {
      summary: `Renamed "${old}" to "${args.name}".`,
      data: { name: args.name, id: String(id), previous: String(old) },
    };
  },
});

const duplicateTimeline = defineTool({
  name: "duplicate_timeline",
  title: "Duplicate timeline",
  description:
    "Duplicates a timeline (items, tracks, markers) under a new name, in the current bin.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    name: name("Name of the copy; must be unique. Omit for Resolve's default ('<name> copy').")
      .optional(),
  }),
  output: () => ({ timeline: timelineSchema }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.DuplicateTimeline",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    if (args.name && (await listTimelines(resolve, project)).some((t) => t.name === args.name)) {
      fail(
        "TIMELINE_EXISTS",
        `a timeline named "${args.name}" already exists`,
        "Choose another name.",
      );
    }
    const copy = await resolve.call(
      timeline,
      "DuplicateTimeline",
      ...(args.name ? [args.name] : []),
    );
    if (!isHandle(copy)) fail("DUPLICATE_REFUSED", "Resolve refused to duplicate the timeline");
    const [, currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
    ]);
    const [row] = await timelineRows(resolve, [copy], currentId);
    return { summary: `Duplicated as "${row.name}".`, data: { timeline: row } };
  },
});

const deleteTimelines = defineTool({
  name: "delete_timelines",
  title: "Delete timelines",
  description:
    "Deletes timelines from the project (their media pool clips stay). Needs confirmation.",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timelines: z.array(timelineRefRequired).min(1).max(100).describe(
      "Timeline names or ids to delete.",
    ),
  }),
  output: () => ({
    deleted: z.array(z.string()).describe("Names of the deleted timelines."),
    remaining: z.number().describe("Timelines left."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "MediaPool.DeleteTimelines",
  ],
  async handler(args, { resolve, confirm }) {
    const { project, mediaPool } = await poolOf(resolve);
    const all = await listTimelines(resolve, project);
    const targets = args.timelines.map((ref) =>
      all.find((t) => t.id === ref) ?? all.find((t) => t.name === ref) ??
        fail(
          "TIMELINE_NOT_FOUND",
          `no timeline named or with id "${ref}"`,
          `Timelines: ${someNames(all.map((t) => t.name))}.`,
        )
    );
    const unique = [...new Map(targets.map((t) => [t.id, t])).values()];
    await confirm(
      `Delete ${unique.length} timeline(s): ${
        unique.map((t) => JSON.stringify(t.name)).join(", ")
      }?`,
    );
    const ok = await resolve.call(mediaPool, "DeleteTimelines", unique.map((t) => t.handle));
    if (ok !== true) fail("DELETE_REFUSED", "Resolve refused to delete the timelines");
    const remaining = Number(await resolve.call(project, "GetTimelineCount")) || 0;
    return {
      summary: `Deleted ${unique.length} timeline(s); ${remaining} left.`,
      data: { deleted: unique.map((t) => t.name), remaining },
    };
  },
});

const getTimelineInfo = defineTool({
  name: "get_timeline_info",
  title: "Get timeline details and settings",
  description:
    "Details of a timeline: rate, start, length, track counts, mark in/out (as offsets and timecodes), its media pool clip id, and its settings (all, or the keys asked for).",
  toolset: "timeline",
  readOnly: true,
  input: () => ({
    timeline: timelineRefInput,
    setting_keys: z.array(z.string().min(1).max(100)).max(100).optional().describe(
      "Settings to read, e.g. ['timelineResolutionWidth', 'useCustomSettings']. Omit for all settings.",
    ),
  }),
  output: () => ({
    timeline: timelineSchema,
    mark_in_out: z.record(
      z.string(),
      z.object({
        in: z.number(),
        out: z.number(),
        in_timecode: z.string(),
        out_timecode: z.string(),
      }),
    )
      .describe("{video: ..., audio: ...} marks as offsets from the start; absent when unset."),
    media_pool_clip_id: z.string().nullable().describe(
      "Id of the media pool clip representing this timeline.",
    ),
    settings: z.record(z.string(), z.unknown()).describe("Timeline settings (string values)."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    ...TIMELINE_METHODS,
    "Timeline.GetMarkInOut",
    "Timeline.GetMediaPoolItem",
    "MediaPoolItem.GetUniqueId",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start } = await timeBase(resolve, timeline);
    const keys = args.setting_keys;
    const r = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
      call(timeline, "GetMarkInOut"),
      call(timeline, "GetMediaPoolItem"),
      call(ref(3), "GetUniqueId"),
      ...(keys ? keys.map((k) => call(timeline, "GetSetting", k)) : [call(timeline, "GetSetting")]),
    ]);
    const [row] = await timelineRows(resolve, [timeline], r[1]);
    const marks: Record<
      string,
      { in: number; out: number; in_timecode: string; out_timecode: string }
    > = {};
    for (
      const [kind, v] of Object.entries((r[2] ?? {}) as Record<string, { in: number; out: number }>)
    ) {
      if (!v || typeof v !== "object") continue;
      marks[kind] = {
        in: Number(v.in),
        out: Number(v.out),
        in_timecode: framesToTimecode(start + Number(v.in), rate),
        out_timecode: framesToTimecode(start + Number(v.out), rate),
      };
    }
    const settings: Record<string, unknown> = keys
      ? Object.fromEntries(keys.map((k, i) => [k, r[5 + i]]))
      : (r[5] && typeof r[5] === "object" ? r[5] as Record<string, unknown> : {});
    return {
      summary:
        `Timeline "${row.name}": ${row.frame_rate} fps, ${row.duration_frames} frames from ${row.start_timecode}.`,
      data: {
        timeline: row,
        mark_in_out: marks,
        media_pool_clip_id: isHandle(r[3]) ? String(r[4]) : null,
        settings,
      },
    };
  },
});

const setTimelineSettings = defineTool({
  name: "set_timeline_settings",
  title: "Set timeline settings",
  description:
    'Changes a timeline\'s settings (e.g. {"useCustomSettings": "1", "timelineResolutionWidth": "3840"}; get_timeline_info lists the keys) and/or its start timecode. Fails naming the keys Resolve refused.',
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    settings: z.record(
      z.string().min(1).max(100),
      z.union([z.string().max(1000), z.number(), z.boolean()]),
    ).optional()
      .describe("Settings to set; values are sent as strings (booleans as '1'/'0')."),
    start_timecode: z.string().max(16).optional().describe(
      "New start timecode HH:MM:SS:FF, e.g. '00:59:50:00'. Omit to keep it.",
    ),
  }),
  output: () => ({
    applied: z.array(z.string()).describe("Keys applied ('start_timecode' included)."),
    start_timecode: z.string().describe("Start timecode afterwards."),
    settings: z.record(z.string(), z.unknown()).describe("The set keys as read back."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.GetSetting",
    "Timeline.SetSetting",
    "Timeline.SetStartTimecode",
    "Timeline.GetStartTimecode",
  ],
  async handler(args, { resolve }) {
    const entries = Object.entries(args.settings ?? {}).map(([k, v]) =>
      [k, typeof v === "boolean" ? (v ? "1" : "0") : String(v)] as const
    );
    if (!entries.length && args.start_timecode === undefined) {
      fail("INVALID_ARGUMENTS", "nothing to change", "Give settings or start_timecode.");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    if (args.start_timecode !== undefined) {
      const rate = await timelineRate(resolve, timeline);
      if (timecodeToFrames(args.start_timecode, rate) === undefined) {
        fail(
          "INVALID_TIMECODE",
          `"${args.start_timecode}" is not a valid timecode at ${rateText(rate)} fps`,
          "Use HH:MM:SS:FF.",
        );
      }
    }
    const calls = [
      ...entries.map(([k, v]) => ({
        key: k,
        call: call(timeline, "SetSetting", k, v),
      })),
      ...(args.start_timecode !== undefined
        ? [{
          key: "start_timecode",
          call: call(timeline, "SetStartTimecode", args.start_timecode),
        }]
        : []),
    ];
    const results = await resolve.batch([
      ...calls.map((c) => c.call),
      call(timeline, "GetStartTimecode"),
      ...entries.map(([k]) => call(timeline, "GetSetting", k)),
    ]);
    const refused = calls.filter((_, i) => results[i] !== true).map((c) => c.key);
    const applied = calls.filter((_, i) => results[i] === true).map((c) => c.key);
    if (refused.length) {
      fail(
        "SETTING_REFUSED",
        `Resolve refused ${refused.join(", ")}${
          applied.length ? `; applied ${applied.join(", ")}` : ""
        }`,
        "Check key names and values with get_timeline_info; many keys need useCustomSettings '1' first, and some cannot change once the timeline has items.",
      );
    }
    return {
      summary: `Applied ${applied.join(", ")}.`,
      data: {
        applied,
        start_timecode: String(results[calls.length]),
        settings: Object.fromEntries(entries.map(([k], i) => [k, results[calls.length + 1 + i]])),
      },
    };
  },
});

const setTimelineMarks = defineTool({
  name: "set_timeline_marks",
  title: "Set timeline mark in/out",
  description:
    "Sets or clears a timeline's mark in and mark out (frames from the timeline start, or timecodes).",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    action: z.enum(["set", "clear"]).describe("'set' the marks, or 'clear' them."),
    in_frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark in, frames from the timeline start. Or give in_timecode.",
    ),
    in_timecode: z.string().max(16).optional().describe("set: mark in as timeline timecode."),
    out_frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark out, frames from the timeline start. Or give out_timecode.",
    ),
    out_timecode: z.string().max(16).optional().describe("set: mark out as timeline timecode."),
    type: z.enum(["all", "video", "audio"]).optional().describe(
      "Which marks: 'video', 'audio' or 'all'. Default: 'all'.",
    ),
  }),
  output: () => ({
    mark_in_out: z.record(z.string(), z.unknown()).describe(
      "Marks afterwards (offsets from the start).",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    "Timeline.SetMarkInOut",
    "Timeline.ClearMarkInOut",
    "Timeline.GetMarkInOut",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const type = args.type ?? "all";
    let ok: unknown;
    if (args.action === "set") {
      const { rate, start } = await timeBase(resolve, timeline);
      const markIn = offsetFrom({ frame: args.in_frame, timecode: args.in_timecode }, rate, start)!;
      const markOut = offsetFrom(
        { frame: args.out_frame, timecode: args.out_timecode },
        rate,
        start,
      )!;
      if (markOut < markIn) fail("INVALID_ARGUMENTS", "mark out is before mark in");
      ok = await resolve.call(timeline, "SetMarkInOut", markIn, markOut, type);
    } else {
      ok = await resolve.call(timeline, "ClearMarkInOut", type);
    }
    if (ok !== true) {
      fail(
        "MARKS_REFUSED",
        `Resolve refused to ${args.action} the timeline marks`,
        "Marks must lie inside the timeline.",
      );
    }
    const marks = await resolve.call(timeline, "GetMarkInOut");
    return {
      summary: `${args.action === "set" ? "Set" : "Cleared"} ${type} marks.`,
      data: { mark_in_out: (marks ?? {}) as Record<string, unknown> },
    };
  },
});

const createTimeline = defineTool({
  name: "create_timeline",
  title: "Create timeline",
  description:
    "Creates an empty timeline in the current project (in the media pool's current bin) and makes it the current timeline. Optionally gives it its own frame rate and resolution; otherwise it uses the project's. New timelines start at 01:00:00:00.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    name: name("Name of the new timeline; must be unique in the project."),
    frame_rate: z.enum(FRAME_RATES).optional().describe(
      "Frame rate of the timeline, e.g. '24' or '29.97 DF' (drop-frame). Omit to use the project's timeline frame rate.",
    ),
    resolution_width: z.number().int().min(16).max(16384).optional().describe(
      "Width in pixels, e.g. 1920. Omit to use the project's. Give with resolution_height.",
    ),
    resolution_height: z.number().int().min(16).max(16384).optional().describe(
      "Height in pixels, e.g. 1080. Omit to use the project's. Give with resolution_width.",
    ),
  }),
  output: () => ({
    name: z.string().describe("The timeline's name."),
    id: z.string().describe("The timeline's unique id (Timeline.GetUniqueId)."),
    frame_rate: z.string().describe("The timeline's frame rate, with ' DF' for drop-frame."),
    resolution_width: z.number().describe("Width in pixels."),
    resolution_height: z.number().describe("Height in pixels."),
    start_frame: z.number().describe("Absolute frame number of the timeline's first frame."),
    start_timecode: z.string().describe("Timecode of the timeline's first frame."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "MediaPool.CreateEmptyTimeline",
    "Timeline.SetSetting",
    "Timeline.GetSetting",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.GetStartFrame",
    "Timeline.GetStartTimecode",
  ],
  async handler(args, { resolve }) {
    if ((args.resolution_width === undefined) !== (args.resolution_height === undefined)) {
      fail(
        "INVALID_ARGUMENTS",
        "resolution_width and resolution_height go together",
        "Give both, or neither to use the project's resolution.",
      );
    }
    const project = await resolve.project();
    const [, timeline] = await resolve.batch([
      call(project, "GetMediaPool"),
      call(ref(0), "CreateEmptyTimeline", args.name),
    ]);
    if (!isHandle(timeline)) {
      const names = (await listTimelines(resolve, project)).map((t) => t.name);
      if (names.includes(args.name)) {
        fail(
          "TIMELINE_EXISTS",
          `a timeline named "${args.name}" already exists in this project`,
          "Choose another name.",
        );
      }
      fail("CREATE_FAILED", `Resolve refused to create the timeline "${args.name}"`);
    }
    const settings: [string, string][] = [];
    if (args.frame_rate) {
      const drop = args.frame_rate.endsWith(" DF");
      settings.push(["timelineFrameRate", args.frame_rate.replace(" DF", "")]);
      settings.push(["timelineDropFrameTimecode", drop ? "1" : "0"]);
    }
    if (args.resolution_width && args.resolution_height) {
      settings.push(["timelineResolutionWidth", String(args.resolution_width)]);
      settings.push(["timelineResolutionHeight", String(args.resolution_height)]);
    }
    if (settings.length) settings.unshift(["useCustomSettings", "1"]);
    const results = await resolve.batch([
      ...settings.map(([k, v]) => call(timeline, "SetSetting", k, v)),
      call(project, "SetCurrentTimeline", timeline),
    ]);
    const refused = settings.filter((_, i) => results[i] !== true).map(([k, v]) => `${k}=${v}`);
    if (refused.length) {
      fail(
        "SETTING_REFUSED",
        `timeline "${args.name}" was created but Resolve refused: ${refused.join(", ")}`,
        "Check the values against the project's supported formats; the timeline keeps the project's settings.",
      );
    }
    const rate = await timelineRate(resolve, timeline);
    const [tlName, id, width, height, startFrame, startTc] = await resolve.batch(
      [
        "GetName",
        "GetUniqueId",
        ["GetSetting", "timelineResolutionWidth"],
        ["GetSetting", "timelineResolutionHeight"],
        "GetStartFrame",
        "GetStartTimecode",
      ]
        .map((m) => Array.isArray(m) ? call(timeline, m[0], m[1]) : call(timeline, m)),
    );
    const rateText = `${rate.fps}${rate.drop ? " DF" : ""}`;
    return {
      summary: `Created timeline "${tlName}" (${width}x${height} at ${rateText} fps), now current.`,
      data: {
        name: String(tlName),
        id: String(id),
        frame_rate: rateText,
        resolution_width: Number(width),
        resolution_height: Number(height),
        start_frame: Number(startFrame),
        start_timecode: String(startTc),
      },
    };
  },
});

const addMarker = defineTool({
  name: "add_marker",
  title: "Add timeline marker",
  description:
    "Adds a marker to the current timeline at a frame (counted from the timeline's first frame, 0 = start) or at a timecode of the timeline (e.g. '01:00:05:00'). Give exactly one of frame or timecode. A frame can hold only one marker.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Frame offset from the start of the timeline (0 = first frame). Omit if you give timecode.",
    ),
    timecode: z.string().max(16).optional().describe(
      "Timeline timecode HH:MM:SS:FF (use ';' before FF for drop-frame), converted with the timeline's frame rate. Omit if you give frame.",
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
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
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
    const [start, markers, tlName] = await resolve.batch([
      call(timeline, "GetStartFrame"),
      call(timeline, "GetMarkers"),
      call(timeline, "GetName"),
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
    return {
      summary: `Added a ${marker.color} marker at ${timecode} (frame ${frame}) on "${tlName}".`,
      data: { timeline: String(tlName), frame: frame!, timecode, ...marker },
    };
  },
});

// -- building timelines from clips --------------------------------------------------------

const clipRangeFields = {
  clip: clipRefInput,
  start_frame: z.number().int().min(0).max(100_000_000).optional().describe(
    "First source frame to use (0 = first frame of the media). Default: 0 (or the clip's mark in when no range field is given at all).",
  ),
  end_frame: z.number().int().min(0).max(100_000_000).optional().describe(
    "Last source frame to use, inclusive. Default: the clip's last frame.",
  ),
  record_frame: z.number().int().min(0).max(100_000_000).optional().describe(
    "Where to place it: frames from the timeline start (0 = first frame). Default: after the last item of the track.",
  ),
  record_timecode: z.string().max(16).optional().describe(
    "Where to place it, as timeline timecode (e.g. '01:00:10:00'). Alternative to record_frame.",
  ),
};

type ClipRange = {
  clip: string;
  start_frame?: number;
  end_frame?: number;
  record_frame?: number;
  record_timecode?: string;
  track_index?: number;
  media_type?: "video" | "audio";
};

/** True if Resolve treats clipInfo endFrame as inclusive (before 19.0). */
async function inclusiveEnd(resolve: ResolveSession): Promise<boolean> {
  const version = await resolve.call(await resolve.root(), "GetVersion");
  const major = Array.isArray(version) ? Number(version[0]) : NaN;
  return Number.isFinite(major) && major < 19;
}

/** clipInfo dicts (or plain clips when no range is asked) for AppendToTimeline / CreateTimelineFromClips. */
async function clipInfos(
  resolve: ResolveSession,
  mediaPool: Handle,
  entries: ClipRange[],
  rate: Rate,
  start: number,
): Promise<{ infos: unknown[]; names: string[] }> {
  const clips = await findClips(resolve, mediaPool, entries.map((e) => e.clip));
  const names = clips.map((c) => c.name);
  const plain = entries.every((e) =>
    e.start_frame === undefined && e.end_frame === undefined && e.record_frame === undefined &&
    e.record_timecode === undefined && e.track_index === undefined && e.media_type === undefined
  );
  if (plain) return { infos: clips.map((c) => c.clip), names };
  const frames = (await resolve.map(clips.map((c) => c.clip), [["GetClipProperty", ["Frames"]]]))
    .map((r) => Number(r[0]) || 0);
  const inclusive = await inclusiveEnd(resolve);
  const infos = entries.map((e, i) => {
    const first = e.start_frame ?? 0;
    const last = e.end_frame ?? Math.max(frames[i] - 1, first);
    if (last < first) {
      fail("INVALID_ARGUMENTS", `${e.clip}: end_frame ${last} is before start_frame ${first}`);
    }
    if (frames[i] && last >= frames[i] && frames[i] > 1) {
      fail(
        "OUT_OF_RANGE",
        `${e.clip}: end_frame ${last} is past the clip's last frame ${frames[i] - 1}`,
        "Source frames count from 0 to frames-1 (list_clips shows frames).",
      );
    }
    const info: Record<string, unknown> = {
      mediaPoolItem: clips[i].clip,
      startFrame: first,
      endFrame: inclusive ? last : last + 1,
    };
    const offset = offsetFrom(
      { frame: e.record_frame, timecode: e.record_timecode },
      rate,
      start,
      false,
    );
    if (offset !== undefined) info.recordFrame = start + offset;
    if (e.track_index !== undefined) info.trackIndex = e.track_index;
    if (e.media_type) info.mediaType = e.media_type === "video" ? 1 : 2;
    return info;
  });
  return { infos, names };
}

const createTimelineFromClips = defineTool({
  name: "create_timeline_from_clips",
  title: "Create timeline from clips",
  description:
    "Creates a timeline from media pool clips, one after another (or at given record positions), and makes it current. Each clip can use a source frame range; without any range field the clips' mark in/out (or whole clips) are used. The new timeline uses the project's frame rate and starts at 01:00:00:00.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    name: name("Name of the new timeline; must be unique in the project."),
    clips: z.array(z.object(clipRangeFields)).min(1).max(1000).describe("Clips in order (1-1000)."),
  }),
  output: () => ({
    timeline: timelineSchema,
    items: z.number().describe("Number of video/audio items placed."),
  }),
  apiMethods: [
    "Resolve.GetVersion",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetSetting",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "MediaPool.GetRootFolder",
    "MediaPool.CreateTimelineFromClips",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
    "Timeline.GetItemListInTrack",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, mediaPool } = await poolOf(resolve);
    if ((await listTimelines(resolve, project)).some((t) => t.name === args.name)) {
      fail(
        "TIMELINE_EXISTS",
        `a timeline named "${args.name}" already exists`,
        "Choose another name.",
      );
    }
    const [fps, drop] = await resolve.batch([
      call(project, "GetSetting", "timelineFrameRate"),
      call(project, "GetSetting", "timelineDropFrameTimecode"),
    ]);
    const text = String(fps);
    const rate = parseRate(drop === "1" && !/DF/i.test(text) ? `${text} DF` : text) ??
      fail("UNKNOWN_RATE", `the project reports an unknown frame rate "${text}"`);
    const start = timecodeToFrames("01:00:00:00", rate)!;
    const { infos } = await clipInfos(resolve, mediaPool, args.clips, rate, start);
    const timeline = await resolve.call(mediaPool, "CreateTimelineFromClips", args.name, infos);
    if (!isHandle(timeline)) {
      fail(
        "CREATE_FAILED",
        `Resolve could not create "${args.name}" from the clips`,
        "Check the ranges lie inside the clips and record positions do not overlap.",
      );
    }
    const [, tlId] = await resolve.batch([
      call(project, "SetCurrentTimeline", timeline),
      call(timeline, "GetUniqueId"),
    ]);
    const [row] = await timelineRows(resolve, [timeline], tlId);
    const items = (await trackItems(resolve, timeline)).filter((i) => i.type !== "subtitle").length;
    return {
      summary: `Created timeline "${row.name}" with ${items} item(s), now current.`,
      data: { timeline: row, items },
    };
  },
});

const appendToTimeline = defineTool({
  name: "append_to_timeline",
  title: "Append clips to timeline",
  description:
    "Appends media pool clips to the current timeline (or the given one, which becomes current), in order after the last item, or at record positions on given tracks. Use source frame ranges for subclips; media_type places only video or only audio. Ranges that would overlap existing items are not placed (reported in not_placed).",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput.describe(
      "Timeline name or id; it becomes the current timeline. Omit for the current one.",
    ),
    clips: z.array(z.object({
      ...clipRangeFields,
      track_index: z.number().int().min(1).max(1000).optional().describe(
        "Track number (1-based) to place on. Default: 1.",
      ),
      media_type: z.enum(["video", "audio"]).optional().describe(
        "Place only the 'video' or only the 'audio' part. Default: both.",
      ),
    })).min(1).max(1000).describe("Clips in order (1-1000)."),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    items: z.array(itemSchema).describe(
      "Items created (one per placed clip: video item, or audio for audio-only).",
    ),
    not_placed: z.number().describe(
      "Clips Resolve did not place (overlap, locked or missing track, bad range).",
    ),
  }),
  apiMethods: [
    "Resolve.GetVersion",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "MediaPool.GetRootFolder",
    "MediaPool.AppendToTimeline",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetClipProperty",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    "Timeline.GetTrackCount",
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    if (args.timeline !== undefined) {
      const ok = await resolve.call(project, "SetCurrentTimeline", timeline);
      if (ok !== true) fail("SWITCH_REFUSED", `Resolve refused to make "${args.timeline}" current`);
    }
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    for (const c of args.clips) {
      if (c.track_index !== undefined) {
        const type = c.media_type === "audio" ? "audio" : "video";
        await checkTrack(resolve, timeline, type, c.track_index);
      }
    }
    const { mediaPool } = await poolOf(resolve);
    const { infos } = await clipInfos(resolve, mediaPool, args.clips, rate, start);
    const made = await resolve.call(mediaPool, "AppendToTimeline", infos);
    const handles = (Array.isArray(made) ? made : []).filter(isHandle);
    if (!handles.length) {
      fail(
        "NOTHING_PLACED",
        `Resolve placed none of the clips on "${tlName}"`,
        "Check ranges lie inside the clips, the track exists and is unlocked, and record positions are free (list_timeline_items shows what is there).",
      );
    }
    const items = await itemRows(resolve, handles, rate, start);
    return {
      summary: `Appended ${items.length} clip(s) to "${tlName}"${
        items.length < args.clips.length ? `; ${args.clips.length - items.length} not placed` : ""
      }.`,
      data: { timeline: tlName, items, not_placed: args.clips.length - items.length },
    };
  },
});

// -- tracks -------------------------------------------------------------------------------

const trackSchema = z.object({
  type: z.string().describe("'video', 'audio' or 'subtitle'."),
  index: z.number().describe("Track number, 1-based."),
  name: z.string().describe("Track name."),
  enabled: z.boolean().describe("Track enabled (visible/audible)."),
  locked: z.boolean().describe("Track locked."),
  audio_type: z.string().describe("Audio channel format (e.g. 'stereo'), empty for other tracks."),
  items: z.number().describe("Items on the track."),
  voice_isolation: z.object({ enabled: z.boolean(), amount: z.number() }).nullable().describe(
    "Audio tracks: voice isolation state.",
  ),
});

const TRACK_METHODS = [
  "Timeline.GetTrackCount",
  "Timeline.GetTrackName",
  "Timeline.GetIsTrackEnabled",
  "Timeline.GetIsTrackLocked",
  "Timeline.GetTrackSubType",
  "Timeline.GetItemListInTrack",
  "Timeline.GetVoiceIsolationState",
];

async function trackRows(
  resolve: ResolveSession,
  timeline: Handle,
  only?: { type: string; index: number },
) {
  const counts = await resolve.batch(
    TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  );
  const tracks = TRACK_TYPES.flatMap((t, i) =>
    Array.from({ length: Number(counts[i]) || 0 }, (_, k) => ({ type: t, index: k + 1 }))
  )
    .filter((t) => !only || (t.type === only.type && t.index === only.index));
  const per = 6;
  const r = await resolve.batch(tracks.flatMap((t) => {
    const a = [t.type, t.index];
    return [
      call(timeline, "GetTrackName", ...a),
      call(timeline, "GetIsTrackEnabled", ...a),
      call(timeline, "GetIsTrackLocked", ...a),
      call(timeline, "GetTrackSubType", ...a),
      call(timeline, "GetItemListInTrack", ...a),
      t.type === "audio"
        ? call(timeline, "GetVoiceIsolationState", t.index)
        : call(timeline, "GetTrackCount", t.type),
    ];
  }));
  return tracks.map((t, i) => {
    const v = r.slice(i * per, i * per + per);
    const vi = v[5] as { isEnabled?: unknown; amount?: unknown } | null;
    return {
      type: t.type,
      index: t.index,
      name: String(v[0] ?? ""),
      enabled: v[1] === true,
      locked: v[2] === true,
      audio_type: String(v[3] ?? ""),
      items: Array.isArray(v[4]) ? v[4].length : 0,
      voice_isolation: t.type === "audio" && vi && typeof vi === "object"
        ? { enabled: vi.isEnabled === true, amount: Number(vi.amount) || 0 }
        : null,
    };
  });
}

const listTracks = defineTool({
  name: "list_tracks",
  title: "List tracks",
  description:
    "Lists a timeline's video, audio and subtitle tracks with names, enabled/locked state, audio format, item counts and voice isolation.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    tracks: z.array(trackSchema).describe("Tracks, video then audio then subtitle."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    ...TRACK_METHODS,
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [tlName] = await resolve.batch([call(timeline, "GetName")]);
    const tracks = await trackRows(resolve, timeline);
    return {
      summary: `"${tlName}" has ${tracks.length} track(s).`,
      data: { timeline: String(tlName), tracks },
    };
  },
});

const TRACK_LOOKUP = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
];

const addTrack = defineTool({
  name: "add_track",
  title: "Add track",
  description:
    "Adds a video, audio or subtitle track to a timeline, at the end or at a position, optionally named. Audio tracks take a channel format (default mono).",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    type: trackTypeInput,
    audio_type: z.enum(AUDIO_TRACK_TYPES).optional().describe(
      "Audio tracks: channel format, e.g. 'mono', 'stereo', '5.1'. Default: mono.",
    ),
    index: z.number().int().min(1).max(1000).optional().describe(
      "Insert at this track number (1-based), shifting the others up. Omit to add at the end.",
    ),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name for the new track. Omit for Resolve's default.",
    ),
  }),
  output: () => ({ track: trackSchema }),
  apiMethods: [...TRACK_LOOKUP, "Timeline.AddTrack", "Timeline.SetTrackName", ...TRACK_METHODS],
  async handler(args, { resolve }) {
    if (args.audio_type && args.type !== "audio") {
      fail("INVALID_ARGUMENTS", "audio_type only applies to audio tracks");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const count = Number(await resolve.call(timeline, "GetTrackCount", args.type)) || 0;
    const position = args.index !== undefined && args.index <= count ? args.index : count + 1;
    const options: Record<string, unknown> = {};
    if (args.audio_type) options.audioType = args.audio_type;
    if (args.index !== undefined) options.index = args.index;
    const second = args.index !== undefined
      ? [options]
      : args.audio_type
      ? [args.audio_type]
      : args.type === "audio"
      ? ["mono"]
      : [];
    const ok = await resolve.call(timeline, "AddTrack", args.type, ...second);
    if (ok !== true) {
      fail(
        "ADD_TRACK_REFUSED",
        `Resolve refused to add a ${args.type} track`,
        "Check the audio format.",
      );
    }
    if (args.name) {
      const named = await resolve.call(timeline, "SetTrackName", args.type, position, args.name);
      if (named !== true) {
        fail(
          "RENAME_REFUSED",
          `the track was added but Resolve refused the name "${args.name}"`,
          "Call set_track with another name.",
        );
      }
    }
    const [track] = await trackRows(resolve, timeline, { type: args.type, index: position });
    return {
      summary: `Added ${args.type} track ${position}${args.name ? ` "${args.name}"` : ""}.`,
      data: { track },
    };
  },
});

const deleteTrack = defineTool({
  name: "delete_track",
  title: "Delete track",
  description: "Deletes a track and every item on it. Needs confirmation.",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timeline: timelineRefInput,
    type: trackTypeInput,
    index: trackIndexInput,
  }),
  output: () => ({
    deleted: z.string().describe("The deleted track, e.g. 'audio 2'."),
    items_deleted: z.number().describe("Items that were on it."),
    remaining: z.number().describe("Tracks of that type left."),
  }),
  apiMethods: [
    ...TRACK_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.GetTrackName",
    "Timeline.DeleteTrack",
  ],
  async handler(args, { resolve, confirm }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    await checkTrack(resolve, timeline, args.type, args.index);
    const [trackName, items] = await resolve.batch([
      call(timeline, "GetTrackName", args.type, args.index),
      call(timeline, "GetItemListInTrack", args.type, args.index),
    ]);
    const n = Array.isArray(items) ? items.length : 0;
    await confirm(
      `Delete ${args.type} track ${args.index} ("${trackName}") and its ${n} item(s)?`,
    );
    const [ok, remaining] = await resolve.batch([
      call(timeline, "DeleteTrack", args.type, args.index),
      call(timeline, "GetTrackCount", args.type),
    ]);
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        `Resolve refused to delete ${args.type} track ${args.index}`,
        "A timeline keeps at least one video and one audio track; locked tracks cannot be deleted.",
      );
    }
    return {
      summary: `Deleted ${args.type} track ${args.index} with ${n} item(s).`,
      data: {
        deleted: `${args.type} ${args.index}`,
        items_deleted: n,
        remaining: Number(remaining) || 0,
      },
    };
  },
});

const setTrack = defineTool({
  name: "set_track",
  title: "Rename, lock, enable a track",
  description:
    "Changes a track: rename it, lock/unlock, enable/disable, and for audio tracks set voice isolation (Studio). Give at least one change.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    type: trackTypeInput,
    index: trackIndexInput,
    name: z.string().trim().min(1).max(255).optional().describe("New track name."),
    locked: z.boolean().optional().describe("Lock (true) or unlock (false)."),
    enabled: z.boolean().optional().describe("Enable (true) or disable (false) the track."),
    voice_isolation_enabled: z.boolean().optional().describe(
      "Audio tracks: turn voice isolation on/off (Studio).",
    ),
    voice_isolation_amount: z.number().int().min(0).max(100).optional().describe(
      "Audio tracks: voice isolation amount 0-100. Default: keep.",
    ),
  }),
  output: () => ({ track: trackSchema }),
  apiMethods: [
    ...TRACK_LOOKUP,
    "Timeline.SetTrackName",
    "Timeline.SetTrackLock",
    "Timeline.SetTrackEnable",
    "Timeline.SetVoiceIsolationState",
    ...TRACK_METHODS,
  ],
  async handler(args, { resolve }) {
    const vi = args.voice_isolation_enabled !== undefined ||
      args.voice_isolation_amount !== undefined;
    if (args.name === undefined && args.locked === undefined && args.enabled === undefined && !vi) {
      fail(
        "INVALID_ARGUMENTS",
        "nothing to change",
        "Give name, locked, enabled or voice isolation fields.",
      );
    }
    if (vi && args.type !== "audio") {
      fail("INVALID_ARGUMENTS", "voice isolation applies to audio tracks only");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    await checkTrack(resolve, timeline, args.type, args.index);
    const a = [args.type, args.index];
    const calls: { what: string; step: BatchCall }[] = [];
    if (args.name !== undefined) {
      calls.push({ what: "name", step: call(timeline, "SetTrackName", ...a, args.name) });
    }
    if (args.locked !== undefined) {
      calls.push({ what: "locked", step: call(timeline, "SetTrackLock", ...a, args.locked) });
    }
    if (args.enabled !== undefined) {
      calls.push({ what: "enabled", step: call(timeline, "SetTrackEnable", ...a, args.enabled) });
    }
    if (vi) {
      const current = await resolve.call(timeline, "GetVoiceIsolationState", args.index) as {
        isEnabled?: boolean;
        amount?: number;
      } | null;
      calls.push({
        what: "voice isolation",
        step: call(timeline, "SetVoiceIsolationState", args.index, {
          isEnabled: args.voice_isolation_enabled ?? current?.isEnabled ?? false,
          amount: args.voice_isolation_amount ?? Number(current?.amount ?? 0),
        }),
      });
    }
    const results = await resolve.batch(calls.map((c) => c.step));
    const refused = calls.filter((_, i) => results[i] !== true).map((c) => c.what);
    if (refused.length) {
      fail(
        "TRACK_CHANGE_REFUSED",
        `Resolve refused: ${refused.join(", ")}`,
        refused.includes("voice isolation")
          ? "Voice isolation needs DaVinci Resolve Studio."
          : "Check the values.",
      );
    }
    const [track] = await trackRows(resolve, timeline, { type: args.type, index: args.index });
    return {
      summary: `Updated ${args.type} track ${args.index}: ${calls.map((c) => c.what).join(", ")}.`,
      data: { track },
    };
  },
});

// -- items --------------------------------------------------------------------------------

const TL_LOOKUP = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
  "Timeline.GetSetting",
  "Timeline.GetStartFrame",
];

const listTimelineItems = defineTool({
  name: "list_timeline_items",
  title: "List timeline items",
  description:
    "Lists the items of a timeline, track by track (video, audio, subtitle), with ids, names, record start/end as frame offsets and timecodes, source range and media pool clip id. Paginated; filter by track type and number.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({
    timeline: timelineRefInput,
    track_type: z.enum(TRACK_TYPES).optional().describe("Only this track type. Omit for all."),
    track_index: z.number().int().min(1).max(1000).optional().describe(
      "Only this track number (with track_type). Omit for all tracks.",
    ),
    ...pageInput,
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    items: z.array(itemSchema).describe("This page of items."),
    ...pageOutput,
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    if (args.track_index !== undefined && !args.track_type) {
      fail("INVALID_ARGUMENTS", "track_index needs track_type");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    const tracks = await trackList(resolve, timeline, args.track_type, args.track_index);
    const { page, items } = await itemPage(
      resolve,
      timeline,
      tracks,
      args.cursor,
      args.limit,
      rate,
      start,
    );
    return {
      summary: `${page.total} item(s) on "${tlName}"; showing ${items.length}.`,
      data: { timeline: tlName, items, total: page.total, next_cursor: page.next_cursor },
    };
  },
});

const itemIdsInput = z.array(z.string().min(1).max(255)).min(1).max(1000).describe(
  "Timeline item ids (list_timeline_items shows them).",
);

const deleteTimelineItems = defineTool({
  name: "delete_timeline_items",
  title: "Delete timeline items",
  description:
    "Deletes items from a timeline; with ripple, later items move left to close the gaps. Needs confirmation.",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: itemIdsInput,
    ripple: z.boolean().optional().describe("Ripple delete (close the gaps). Default: false."),
  }),
  output: () => ({
    deleted: z.array(z.string()).describe("Ids of the deleted items."),
    remaining: z.number().describe("Items left on the timeline."),
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.DeleteClips",
    "TimelineItem.GetUniqueId",
    "TimelineItem.GetName",
  ],
  async handler(args, { resolve, confirm }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const items = await findItems(resolve, timeline, [...new Set(args.item_ids)]);
    await confirm(
      `Delete ${items.length} item(s) (${someNames(items.map((i) => i.name), 5)})${
        args.ripple ? " with ripple" : ""
      }?`,
    );
    const ok = await resolve.call(
      timeline,
      "DeleteClips",
      items.map((i) => i.item),
      args.ripple ?? false,
    );
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        "Resolve refused to delete the items",
        "Items on locked tracks cannot be deleted; the Fairlight page also refuses (switch_page to edit).",
      );
    }
    const remaining = (await trackItems(resolve, timeline)).length;
    return {
      summary: `Deleted ${items.length} item(s).`,
      data: { deleted: items.map((i) => i.id), remaining },
    };
  },
});

const linkTimelineItems = defineTool({
  name: "link_timeline_items",
  title: "Link or unlink timeline items",
  description:
    "Links items so they move together (e.g. a video item and its audio), or unlinks them.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: itemIdsInput,
    linked: z.boolean().describe("true to link the items together, false to unlink them."),
  }),
  output: () => ({
    item_ids: z.array(z.string()).describe("The items changed."),
    linked: z.boolean(),
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.SetClipsLinked",
    "TimelineItem.GetUniqueId",
    "TimelineItem.GetName",
  ],
  async handler(args, { resolve }) {
    if (args.linked && new Set(args.item_ids).size < 2) {
      fail("INVALID_ARGUMENTS", "linking needs at least 2 items");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const items = await findItems(resolve, timeline, [...new Set(args.item_ids)]);
    const ok = await resolve.call(
      timeline,
      "SetClipsLinked",
      items.map((i) => i.item),
      args.linked,
    );
    if (ok !== true) {
      fail("LINK_REFUSED", `Resolve refused to ${args.linked ? "link" : "unlink"} the items`);
    }
    return {
      summary: `${args.linked ? "Linked" : "Unlinked"} ${items.length} item(s).`,
      data: { item_ids: items.map((i) => i.id), linked: args.linked },
    };
  },
});

const getSelectedItems = defineTool({
  name: "get_selected_items",
  title: "Get selected timeline items",
  description: "Lists the items currently selected on a timeline.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({ items: z.array(itemSchema).describe("Selected items.") }),
  apiMethods: [...TL_LOOKUP, "Timeline.GetSelectedClips", ...ITEM_METHODS],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start } = await timeBase(resolve, timeline);
    const list = await resolve.call(timeline, "GetSelectedClips");
    const items = await itemRows(
      resolve,
      (Array.isArray(list) ? list : []).filter(isHandle),
      rate,
      start,
    );
    return { summary: `${items.length} item(s) selected.`, data: { items } };
  },
});

// -- markers ------------------------------------------------------------------------------

const timelineMarkerSchema = markerSchema.extend({
  timecode: z.string().describe("Timeline timecode of the marker."),
});

const listMarkers = defineTool({
  name: "list_markers",
  title: "List timeline markers",
  description:
    "Lists a timeline's markers (frames from the timeline start, and timecodes), optionally only one colour, the one at a frame/timecode, or the first with a custom data value. Paginated.",
  toolset: "timeline",
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

const deleteMarkers = defineTool({
  name: "delete_markers",
  title: "Delete timeline markers",
  description:
    "Deletes timeline markers: the one at a frame/timecode ('at_position'), the first with a custom data value ('by_custom_data'), all of a colour ('by_color') or all ('all'). Bulk deletes (by_color, all) need confirmation.",
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
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetMarkers",
    "Timeline.DeleteMarkerAtFrame",
    "Timeline.DeleteMarkerByCustomData",
    "Timeline.DeleteMarkersByColor",
  ],
  async handler(args, { resolve, confirm }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    const before = markerList(await resolve.call(timeline, "GetMarkers"));
    let op: [string, unknown[]];
    if (args.action === "at_position") {
      const frame = offsetFrom(args, rate, start)!;
      if (!before.some((m) => m.frame === frame)) {
        fail(
          "MARKER_NOT_FOUND",
          `no marker at frame ${frame} of "${tlName}"`,
          "list_markers shows the markers.",
        );
      }
      op = ["DeleteMarkerAtFrame", [frame]];
    } else if (args.action === "by_custom_data") {
      if (!args.custom_data) fail("INVALID_ARGUMENTS", "by_custom_data needs custom_data");
      if (!before.some((m) => m.custom_data === args.custom_data)) {
        fail(
          "MARKER_NOT_FOUND",
          `no marker with custom data "${args.custom_data}"`,
          "list_markers shows the markers.",
        );
      }
      op = ["DeleteMarkerByCustomData", [args.custom_data]];
    } else if (args.action === "by_color") {
      if (!args.color) fail("INVALID_ARGUMENTS", "by_color needs color");
      const n = before.filter((m) => m.color === args.color).length;
      if (!n) fail("MARKER_NOT_FOUND", `no ${args.color} markers on "${tlName}"`);
      await confirm(`Delete ${n} ${args.color} marker(s) of "${tlName}"?`);
      op = ["DeleteMarkersByColor", [args.color]];
    } else {
      await confirm(`Delete all ${before.length} marker(s) of "${tlName}"?`);
      op = ["DeleteMarkersByColor", ["All"]];
    }
    const [ok, after] = await resolve.batch([
      call(timeline, op[0], ...op[1]),
      call(timeline, "GetMarkers"),
    ]);
    if (ok !== true && args.action !== "all") {
      fail("DELETE_REFUSED", `Resolve refused to delete the marker(s)`);
    }
    const remaining = markerList(after).length;
    return {
      summary: `Deleted ${before.length - remaining} marker(s) from "${tlName}".`,
      data: { deleted: before.length - remaining, remaining },
    };
  },
});

const updateMarkerCustomData = defineTool({
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

// -- playhead -----------------------------------------------------------------------------

const PLAYHEAD_PAGES = ["cut", "edit", "color", "fairlight", "deliver"];

async function checkPlayheadPage(resolve: ResolveSession) {
  const page = await resolve.call(await resolve.root(), "GetCurrentPage");
  if (!PLAYHEAD_PAGES.includes(String(page))) {
    fail(
      "WRONG_PAGE",
      `Resolve only reports and moves the playhead on the cut, edit, color, fairlight and deliver pages; the current page is ${
        page ?? "unknown"
      }`,
      "Call switch_page with page 'edit' (or cut, color, fairlight, deliver), then retry.",
    );
  }
}

const playheadOutput = {
  timeline: z.string().describe("Timeline name."),
  frame: z.number().describe("Playhead, frames from the timeline start."),
  timecode: z.string().describe("Playhead timecode."),
  current_video_item: itemSchema.nullable().describe(
    "The topmost enabled video item under the playhead, or null.",
  ),
};

async function playheadState(resolve: ResolveSession, timeline: Handle) {
  const { rate, start, name: tlName } = await timeBase(resolve, timeline);
  const [tc, item] = await resolve.batch([
    call(timeline, "GetCurrentTimecode"),
    call(timeline, "GetCurrentVideoItem"),
  ]);
  const absolute = timecodeToFrames(String(tc), rate);
  const [row] = isHandle(item) ? await itemRows(resolve, [item], rate, start) : [null];
  return {
    timeline: tlName,
    frame: absolute === undefined ? 0 : absolute - start,
    timecode: String(tc),
    current_video_item: row,
  };
}

const PLAYHEAD_METHODS = [
  "Resolve.GetCurrentPage",
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetCurrentTimeline",
  "Timeline.GetName",
  "Timeline.GetSetting",
  "Timeline.GetStartFrame",
  "Timeline.GetCurrentTimecode",
  "Timeline.GetCurrentVideoItem",
  ...ITEM_METHODS,
];

const getPlayhead = defineTool({
  name: "get_playhead",
  title: "Get playhead",
  description:
    "The playhead position on the current timeline (frame offset and timecode) and the video item under it. Works on the cut, edit, color, fairlight and deliver pages.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({}),
  output: () => playheadOutput,
  apiMethods: PLAYHEAD_METHODS,
  async handler(_args, { resolve }) {
    const { timeline } = await resolve.timeline();
    await checkPlayheadPage(resolve);
    const state = await playheadState(resolve, timeline);
    return {
      summary: `Playhead at ${state.timecode} (frame ${state.frame}) on "${state.timeline}".`,
      data: state,
    };
  },
});

const setPlayhead = defineTool({
  name: "set_playhead",
  title: "Move playhead",
  description:
    "Moves the playhead of the current timeline to a frame (from the timeline start) or a timecode. Works on the cut, edit, color, fairlight and deliver pages (switch_page first otherwise). Returns the video item now under the playhead.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({ ...timeInput("Where to put the playhead") }),
  output: () => playheadOutput,
  apiMethods: [...PLAYHEAD_METHODS, "Timeline.SetCurrentTimecode", "Timeline.GetEndFrame"],
  async handler(args, { resolve }) {
    const { timeline } = await resolve.timeline();
    await checkPlayheadPage(resolve);
    const { rate, start } = await timeBase(resolve, timeline);
    const frame = offsetFrom(args, rate, start)!;
    const end = Number(await resolve.call(timeline, "GetEndFrame")) || start;
    if (start + frame > Math.max(end, start)) {
      fail(
        "OUT_OF_RANGE",
        `frame ${frame} is past the end of the timeline (${end - start} frames long)`,
        "list_timeline_items shows where the items are.",
      );
    }
    const ok = await resolve.call(
      timeline,
      "SetCurrentTimecode",
      framesToTimecode(start + frame, rate),
    );
    if (ok !== true) {
      fail(
        "PLAYHEAD_REFUSED",
        "Resolve refused to move the playhead",
        "Call switch_page with page 'edit' and retry.",
      );
    }
    const state = await playheadState(resolve, timeline);
    return { summary: `Playhead at ${state.timecode} (frame ${state.frame}).`, data: state };
  },
});

// -- compound clips, generators, titles ---------------------------------------------------

const createCompoundClip = defineTool({
  name: "create_compound_clip",
  title: "Create compound or Fusion clip",
  description:
    "Nests timeline items into one compound clip ('compound', optionally named, with a start timecode) or a Fusion clip ('fusion'); the new item replaces them.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    kind: z.enum(["compound", "fusion"]).describe("'compound' clip or 'fusion' clip."),
    item_ids: itemIdsInput,
    name: z.string().trim().min(1).max(255).optional().describe(
      "compound: name of the compound clip. Default: Resolve's.",
    ),
    start_timecode: z.string().max(16).optional().describe(
      "compound: start timecode inside it, e.g. '00:00:00:00'. Default: Resolve's.",
    ),
  }),
  output: () => ({ item: itemSchema }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.CreateCompoundClip",
    "Timeline.CreateFusionClip",
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    if (args.kind === "fusion" && (args.name || args.start_timecode)) {
      fail("INVALID_ARGUMENTS", "name and start_timecode only apply to compound clips");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start } = await timeBase(resolve, timeline);
    const items = await findItems(resolve, timeline, [...new Set(args.item_ids)]);
    const info: Record<string, string> = {};
    if (args.name) info.name = args.name;
    if (args.start_timecode) info.startTimecode = args.start_timecode;
    const made = args.kind === "compound"
      ? await resolve.call(
        timeline,
        "CreateCompoundClip",
        items.map((i) => i.item),
        ...(Object.keys(info).length ? [info] : []),
      )
      : await resolve.call(timeline, "CreateFusionClip", items.map((i) => i.item));
    if (!isHandle(made)) {
      fail(
        "NEST_REFUSED",
        `Resolve refused to create the ${args.kind} clip`,
        "Items should be adjacent video items on unlocked tracks.",
      );
    }
    const [item] = await itemRows(resolve, [made], rate, start);
    return { summary: `Created ${args.kind} clip "${item.name}".`, data: { item } };
  },
});

const INSERTS = {
  generator: "InsertGeneratorIntoTimeline",
  fusion_generator: "InsertFusionGeneratorIntoTimeline",
  ofx_generator: "InsertOFXGeneratorIntoTimeline",
  title: "InsertTitleIntoTimeline",
  fusion_title: "InsertFusionTitleIntoTimeline",
  fusion_composition: "InsertFusionCompositionIntoTimeline",
} as const;

const insertGenerator = defineTool({
  name: "insert_generator",
  title: "Insert generator or title",
  description:
    "Inserts a generator ('Solid Color', '10 Step'...), Fusion generator, OFX generator, title ('Text', 'Scroll'...), Fusion title ('Text+'...) or an empty Fusion composition into the current timeline at the playhead.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    kind: z.enum(Object.keys(INSERTS) as [keyof typeof INSERTS, ...(keyof typeof INSERTS)[]])
      .describe("What to insert."),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name as in the Effects library, e.g. 'Solid Color', 'Text', 'Text+'. Not used for fusion_composition.",
    ),
  }),
  output: () => ({ item: itemSchema }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetName",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    ...Object.values(INSERTS).map((m) => `Timeline.${m}`),
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    if (args.kind !== "fusion_composition" && !args.name) {
      fail(
        "INVALID_ARGUMENTS",
        `${args.kind} needs name`,
        "Give the effect's name as shown in the Effects library.",
      );
    }
    const { timeline } = await resolve.timeline();
    const { rate, start } = await timeBase(resolve, timeline);
    const made = await resolve.call(
      timeline,
      INSERTS[args.kind],
      ...(args.kind === "fusion_composition" ? [] : [args.name]),
    );
    if (!isHandle(made)) {
      fail(
        "INSERT_REFUSED",
        `Resolve could not insert ${args.kind} "${args.name ?? ""}"`,
        "Check the name against the Effects library (e.g. 'Solid Color', 'Text', 'Text+'), and that the playhead's spot on the track is free.",
      );
    }
    const [item] = await itemRows(resolve, [made], rate, start);
    return {
      summary: `Inserted ${args.kind} "${item.name}" at ${item.start_timecode}.`,
      data: { item },
    };
  },
});

// -- AI / analysis ------------------------------------------------------------------------

const LANGUAGES = [
  "auto",
  "danish",
  "dutch",
  "english",
  "french",
  "german",
  "italian",
  "japanese",
  "korean",
  "mandarin_simplified",
  "mandarin_traditional",
  "norwegian",
  "portuguese",
  "russian",
  "spanish",
  "swedish",
] as const;

const createSubtitlesFromAudio = defineTool({
  name: "create_subtitles_from_audio",
  title: "Create subtitles from audio (AI)",
  description:
    "Transcribes the timeline's audio into a subtitle track (Studio). Language, caption preset, characters per line, line break and gap are optional. Not available on the deliver page.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    language: z.enum(LANGUAGES).optional().describe("Spoken language. Default: auto."),
    caption_preset: z.enum(["subtitle_default", "teletext", "netflix"]).optional().describe(
      "Caption preset. Default: subtitle_default.",
    ),
    chars_per_line: z.number().int().min(1).max(60).optional().describe(
      "Characters per line, 1-60. Default: 42.",
    ),
    line_break: z.enum(["single", "double"]).optional().describe(
      "Single or double lines. Default: single.",
    ),
    gap: z.number().int().min(0).max(10).optional().describe(
      "Gap between subtitles in frames, 0-10. Default: 0.",
    ),
  }),
  output: () => ({
    timeline: z.string(),
    subtitle_tracks: z.number().describe("Subtitle tracks afterwards."),
    subtitles: z.number().describe("Subtitle items afterwards."),
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.CreateSubtitlesFromAudio",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const settings: [unknown, unknown][] = [];
    if (args.language) {
      settings.push([
        constant("SUBTITLE_LANGUAGE"),
        constant(`AUTO_CAPTION_${args.language.toUpperCase()}`),
      ]);
    }
    if (args.caption_preset) {
      settings.push([
        constant("SUBTITLE_CAPTION_PRESET"),
        constant(`AUTO_CAPTION_${args.caption_preset.toUpperCase()}`),
      ]);
    }
    if (args.chars_per_line !== undefined) {
      settings.push([constant("SUBTITLE_CHARS_PER_LINE"), args.chars_per_line]);
    }
    if (args.line_break) {
      settings.push([
        constant("SUBTITLE_LINE_BREAK"),
        constant(`AUTO_CAPTION_LINE_${args.line_break.toUpperCase()}`),
      ]);
    }
    if (args.gap !== undefined) settings.push([constant("SUBTITLE_GAP"), args.gap]);
    const ok = await resolve.call(
      timeline,
      "CreateSubtitlesFromAudio",
      ...(settings.length ? [dictOf(settings)] : []),
    );
    if (ok !== true) {
      fail(
        "AI_FEATURE_REFUSED",
        "Resolve refused to create subtitles from audio",
        "This needs DaVinci Resolve Studio, a timeline with audio, and a page other than deliver (switch_page to edit).",
      );
    }
    const subs = await trackItems(resolve, timeline, "subtitle");
    const [tlName, tracks] = await resolve.batch([
      call(timeline, "GetName"),
      call(timeline, "GetTrackCount", "subtitle"),
    ]);
    return {
      summary: `Created ${subs.length} subtitle(s) on "${tlName}".`,
      data: {
        timeline: String(tlName),
        subtitle_tracks: Number(tracks) || 0,
        subtitles: subs.length,
      },
    };
  },
});

const detectSceneCuts = defineTool({
  name: "detect_scene_cuts",
  title: "Detect scene cuts",
  description:
    "Runs scene-cut detection along the timeline and cuts its items at detected shot changes.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({ timeline: z.string(), items_before: z.number(), items_after: z.number() }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.DetectSceneCuts",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const before = (await trackItems(resolve, timeline, "video")).length;
    const ok = await resolve.call(timeline, "DetectSceneCuts");
    if (ok !== true) {
      fail(
        "DETECTION_FAILED",
        "Resolve could not detect scene cuts",
        "The timeline needs video items.",
      );
    }
    const after = (await trackItems(resolve, timeline, "video")).length;
    const [tlName] = await resolve.batch([call(timeline, "GetName")]);
    return {
      summary: `Scene-cut detection: ${before} → ${after} video item(s).`,
      data: { timeline: String(tlName), items_before: before, items_after: after },
    };
  },
});

const convertTimelineToStereo = defineTool({
  name: "convert_timeline_to_stereo",
  title: "Convert timeline to stereo 3D",
  description: "Converts a timeline to a stereoscopic 3D timeline (Studio).",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({ timeline: z.string() }),
  apiMethods: [...TL_LOOKUP, "Timeline.ConvertTimelineToStereo"],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [ok, tlName] = await resolve.batch([
      call(timeline, "ConvertTimelineToStereo"),
      call(timeline, "GetName"),
    ]);
    if (ok !== true) {
      fail(
        "AI_FEATURE_REFUSED",
        "Resolve refused to convert the timeline to stereo",
        "This needs DaVinci Resolve Studio.",
      );
    }
    return { summary: `Converted "${tlName}" to stereo 3D.`, data: { timeline: String(tlName) } };
  },
});

// -- interchange --------------------------------------------------------------------------

const IMPORT_EXTENSIONS = ["aaf", "edl", "xml", "fcpxml", "drt", "adl", "otio"];

const importTimeline = defineTool({
  name: "import_timeline",
  title: "Import timeline from file",
  description:
    "Builds a new timeline from an AAF, EDL, FCP 7 XML, FCPXML, DRT, ADL or OTIO file, importing or finding its source clips. Fails if the timeline name is taken.",
  toolset: "timeline",
  readOnly: false,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe(
      "Absolute path of the file (.aaf, .edl, .xml, .fcpxml, .drt, .adl, .otio).",
    ),
    timeline_name: z.string().trim().min(1).max(255).optional().describe(
      "Name of the new timeline (not for DRT). Default: from the file.",
    ),
    import_source_clips: z.boolean().optional().describe(
      "Import the source media into the pool (not for DRT). Default: true.",
    ),
    source_clips_path: z.string().min(1).max(4096).optional().describe(
      "Folder to search for media whose original path is missing (with import_source_clips).",
    ),
    source_clips_bins: z.array(z.string().min(1).max(1024)).max(50).optional().describe(
      "Bins (paths or ids) to search for the clips when import_source_clips is false.",
    ),
    interlace_processing: z.boolean().optional().describe("AAF only: enable interlace processing."),
  }),
  output: () => ({ timeline: timelineSchema }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.GetCurrentTimeline",
    "MediaPool.ImportTimelineFromFile",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve, paths }) {
    const ext = args.path.split(".").pop()?.toLowerCase() ?? "";
    if (!IMPORT_EXTENSIONS.includes(ext)) {
      fail(
        "UNSUPPORTED_FORMAT",
        `.${ext} is not a timeline format Resolve imports`,
        `Use one of: ${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(", ")}.`,
      );
    }
    if (
      ext === "drt" &&
      (args.timeline_name || args.import_source_clips !== undefined || args.source_clips_bins)
    ) {
      fail(
        "INVALID_ARGUMENTS",
        "timeline_name, import_source_clips and source_clips_bins do not apply to DRT files",
      );
    }
    if (args.interlace_processing !== undefined && ext !== "aaf") {
      fail("INVALID_ARGUMENTS", "interlace_processing applies to AAF only");
    }
    const toCheck = [args.path, ...(args.source_clips_path ? [args.source_clips_path] : [])];
    const checked = await paths.checkRead(toCheck);
    if (!checked[0].exists) {
      fail("FILE_NOT_FOUND", `${args.path} does not exist`, "Check the path.");
    }
    if (checked[1] && !checked[1].isDir) {
      fail("FOLDER_NOT_FOUND", `${args.source_clips_path} is not a folder`);
    }
    const { project, mediaPool } = await poolOf(resolve);
    const existing = await listTimelines(resolve, project);
    if (args.timeline_name && existing.some((t) => t.name === args.timeline_name)) {
      fail(
        "TIMELINE_EXISTS",
        `a timeline named "${args.timeline_name}" already exists`,
        "Give another timeline_name.",
      );
    }
    const options: Record<string, unknown> = {};
    if (args.timeline_name) options.timelineName = args.timeline_name;
    if (args.import_source_clips !== undefined) {
      options.importSourceClips = args.import_source_clips;
    }
    if (checked[1]) options.sourceClipsPath = checked[1].path;
    if (args.source_clips_bins) {
      options.sourceClipsFolders = await Promise.all(
        args.source_clips_bins.map(async (b) => (await findBinRef(resolve, mediaPool, b)).bin),
      );
    }
    if (args.interlace_processing !== undefined) {
      options.interlaceProcessing = args.interlace_processing;
    }
    const timeline = await resolve.call(
      mediaPool,
      "ImportTimelineFromFile",
      checked[0].path,
      options,
    );
    if (!isHandle(timeline)) {
      fail(
        "IMPORT_FAILED",
        `Resolve could not import ${checked[0].path}`,
        "Check the file is a valid timeline file and that its name is not already used (give timeline_name).",
      );
    }
    const [, currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
    ]);
    const [row] = await timelineRows(resolve, [timeline], currentId);
    return {
      summary: `Imported timeline "${row.name}" (${row.duration_frames} frames).`,
      data: { timeline: row },
    };
  },
});

const importIntoTimeline = defineTool({
  name: "import_into_timeline",
  title: "Import AAF into timeline",
  description:
    "Imports the items of an AAF file into an existing timeline (as extra tracks, or at an offset).",
  toolset: "timeline",
  readOnly: false,
  openWorld: true,
  input: () => ({
    timeline: timelineRefInput,
    path: z.string().min(1).max(4096).describe("Absolute path of the .aaf file."),
    auto_import_source_clips: z.boolean().optional().describe(
      "Import the source clips into the pool. Default: true.",
    ),
    ignore_file_extensions_when_matching: z.boolean().optional().describe(
      "Match media ignoring file extensions. Default: false.",
    ),
    link_to_source_camera_files: z.boolean().optional().describe(
      "Link to source camera files. Default: false.",
    ),
    use_sizing_info: z.boolean().optional().describe(
      "Use the AAF's sizing information. Default: false.",
    ),
    import_multichannel_audio_as_linked_groups: z.boolean().optional().describe(
      "Import multi-channel audio tracks as linked groups. Default: false.",
    ),
    insert_additional_tracks: z.boolean().optional().describe(
      "Add the AAF's tracks as new tracks. Default: true.",
    ),
    insert_with_offset: z.string().max(16).optional().describe(
      "With insert_additional_tracks false: offset timecode, e.g. '00:00:10:00'. Default: 00:00:00:00.",
    ),
    source_clips_path: z.string().min(1).max(4096).optional().describe(
      "Folder to search for the media.",
    ),
    source_clips_bins: z.array(z.string().min(1).max(1024)).max(50).optional().describe(
      "Bins (paths or ids) to search for the clips.",
    ),
  }),
  output: () => ({ timeline: z.string(), items_before: z.number(), items_after: z.number() }),
  apiMethods: [
    ...TL_LOOKUP,
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "Timeline.ImportIntoTimeline",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
  ],
  async handler(args, { resolve, paths }) {
    if (!args.path.toLowerCase().endsWith(".aaf")) {
      fail(
        "UNSUPPORTED_FORMAT",
        "only AAF files can be imported into an existing timeline",
        "Use import_timeline for other formats.",
      );
    }
    const toCheck = [args.path, ...(args.source_clips_path ? [args.source_clips_path] : [])];
    const checked = await paths.checkRead(toCheck);
    if (!checked[0].exists) fail("FILE_NOT_FOUND", `${args.path} does not exist`);
    if (checked[1] && !checked[1].isDir) {
      fail("FOLDER_NOT_FOUND", `${args.source_clips_path} is not a folder`);
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const options: Record<string, unknown> = {};
    const map: [keyof typeof args, string][] = [
      ["auto_import_source_clips", "autoImportSourceClipsIntoMediaPool"],
      ["ignore_file_extensions_when_matching", "ignoreFileExtensionsWhenMatching"],
      ["link_to_source_camera_files", "linkToSourceCameraFiles"],
      ["use_sizing_info", "useSizingInfo"],
      ["import_multichannel_audio_as_linked_groups", "importMultiChannelAudioTracksAsLinkedGroups"],
      ["insert_additional_tracks", "insertAdditionalTracks"],
      ["insert_with_offset", "insertWithOffset"],
    ];
    for (const [k, key] of map) if (args[k] !== undefined) options[key] = args[k];
    if (checked[1]) options.sourceClipsPath = checked[1].path;
    if (args.source_clips_bins) {
      const { mediaPool } = await poolOf(resolve);
      options.sourceClipsFolders = await Promise.all(
        args.source_clips_bins.map(async (b) => (await findBinRef(resolve, mediaPool, b)).bin),
      );
    }
    const before = (await trackItems(resolve, timeline)).length;
    const ok = await resolve.call(timeline, "ImportIntoTimeline", checked[0].path, options);
    if (ok !== true) {
      fail(
        "IMPORT_FAILED",
        `Resolve could not import ${checked[0].path} into the timeline`,
        "Check the AAF is valid and its media can be found (source_clips_path).",
      );
    }
    const after = (await trackItems(resolve, timeline)).length;
    const [tlName] = await resolve.batch([call(timeline, "GetName")]);
    return {
      summary: `Imported ${after - before} item(s) into "${tlName}".`,
      data: { timeline: String(tlName), items_before: before, items_after: after },
    };
  },
});

const exportTimeline = defineTool({
  name: "export_timeline",
  title: "Export timeline",
  description:
    "Exports a timeline to an interchange file: EDL (plain, with CDL/SDL, or missing clips), FCP 7 XML, FCPXML 1.8/1.9/1.10, OTIO, CSV or tab text, ALE (with/without CDL), DRT, AAF (new or existing media), HDR10 profile A/B, Dolby Vision 2.9/4.0/5.1 metadata. Overwriting an existing file needs confirmation.",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    timeline: timelineRefInput,
    format: z.enum(Object.keys(EXPORT_FORMATS) as [string, ...string[]]).describe(
      "Export format, e.g. 'edl', 'fcpxml_1_10', 'otio', 'drt', 'aaf_new', 'csv'.",
    ),
    path: z.string().min(1).max(4096).describe(
      "Absolute path of the file to write, ending in the format's extension (.edl, .xml, .fcpxml, .fcpxmld for 1.10, .otio, .csv, .txt for tab, .ale, .drt, .aaf; HDR10/Dolby Vision .xml). The folder must exist; e.g. /exports/cut.edl.",
    ),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline exported."),
    format: z.string(),
    file: z.string().describe("The file written."),
  }),
  apiMethods: [...TL_LOOKUP, "Timeline.Export"],
  async handler(args, ctx) {
    const format = EXPORT_FORMATS[args.format];
    const { timeline } = await findTimeline(ctx.resolve, args.timeline);
    needExtension(args.path, [format.ext], args.format); // the name says what the file is
    const out = await outputFile(ctx, args.path, /\.fcpxmld$/i);
    const file = out.path;
    const [ok, tlName] = await ctx.resolve.batch([
      call(timeline, "Export", file, constant(format.type), constant(format.subtype)),
      call(timeline, "GetName"),
    ]);
    await out.landed();
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not export "${tlName}" as ${args.format}`,
        "Some formats need content (e.g. HDR/Dolby Vision metadata need an HDR project; AAF existing needs the media); check the folder is writable.",
      );
    }
    return {
      summary: `Exported "${tlName}" as ${args.format} to ${file}.`,
      data: { timeline: String(tlName), format: args.format, file },
    };
  },
});

export function registerTimelineTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "timeline",
    description:
      "Timelines: create, list, switch, tracks, items, markers, playhead, import/export.",
  });
  registry.add(createTimeline, { default: true });
  registry.add(addMarker, { default: true });
  for (
    const tool of [
      listTimelinesTool,
      switchTimeline,
      createTimelineFromClips,
      appendToTimeline,
      listTimelineItems,
      listMarkers,
      setPlayhead,
      importTimeline,
      exportTimeline,
    ]
  ) registry.add(tool, { default: true });
  for (
    const tool of [
      renameTimeline,
      duplicateTimeline,
      deleteTimelines,
      getTimelineInfo,
      setTimelineSettings,
      setTimelineMarks,
      listTracks,
      addTrack,
      deleteTrack,
      setTrack,
      deleteTimelineItems,
      linkTimelineItems,
      getSelectedItems,
      deleteMarkers,
      updateMarkerCustomData,
      getPlayhead,
      createCompoundClip,
      insertGenerator,
      createSubtitlesFromAudio,
      detectSceneCuts,
      convertTimelineToStereo,
      importIntoTimeline,
    ]
  ) registry.add(tool);
}
