// Helpers the timeline tools share: time bases, track and item walks, rows and schemas.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode, parseRate, type Rate, timecodeToFrames } from "../../timecode.ts";
import {
  call,
  cell,
  clipFrames,
  clipRefInput,
  findClips,
  type Handle,
  isHandle,
  listPage,
  type MapMethod,
  markerSchema,
  offsetFrom,
  type ResolveSession,
  textTable,
  TIMELINE_LOOKUP_METHODS,
  TIMELINE_RATE_METHODS,
  timelineRate,
  TRACK_TYPES,
  VERSION_LOOKUP,
  versionAtLeast,
} from "../../resolve/index.ts";

export const rateText = (rate: Rate) => `${rate.fps}${rate.drop ? " DF" : ""}`;

/** Rate and start frame of a timeline, for frame/timecode conversions. */
export async function timeBase(resolve: ResolveSession, timeline: Handle) {
  const rate = await timelineRate(resolve, timeline);
  const [start, tlName] = await resolve.batch([
    call(timeline, "GetStartFrame"),
    call(timeline, "GetName"),
  ]);
  return { rate, start: Number(start) || 0, name: String(tlName) };
}

export const trackTypeInput = z.enum(TRACK_TYPES).describe(
  "Track type: 'video', 'audio' or 'subtitle'.",
);

export const trackIndexInput = z.number().int().min(1).max(1000).describe(
  "Track number, 1-based (V1 = 1).",
);

export async function checkTrack(
  resolve: ResolveSession,
  timeline: Handle,
  type: string,
  index: number,
) {
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
export async function trackList(
  resolve: ResolveSession,
  timeline: Handle,
  type?: (typeof TRACK_TYPES)[number],
  index?: number,
): Promise<{ type: string; index: number }[]> {
  const counts = await resolve.batch(trackCountCalls(timeline, type));
  return tracksFromCounts(counts, type, index);
}

/** The GetTrackCount calls of trackList (of one type, or of each type), for a batch. */
export function trackCountCalls(timeline: Handle, type?: (typeof TRACK_TYPES)[number]) {
  return (type ? [type] : [...TRACK_TYPES]).map((t) => call(timeline, "GetTrackCount", t));
}

/** trackList's tracks from the values of trackCountCalls. */
export function tracksFromCounts(
  counts: unknown[],
  type?: (typeof TRACK_TYPES)[number],
  index?: number,
): { type: string; index: number }[] {
  const types = type ? [type] : [...TRACK_TYPES];
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

export async function trackItems(
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

/** What list_timeline_items can read for each item beyond its id and track. */
export const ITEM_FIELD_GROUPS = ["name", "record", "source", "clip"] as const;
export type ItemFieldGroup = (typeof ITEM_FIELD_GROUPS)[number];
/**
 * What list_timeline_items reads when not told: 5 API calls an item (id, name, start, end,
 * clip). Source ranges are two more calls an item and cannot be derived (a retimed item's
 * source end is not its source start plus its duration), so they are read when asked for.
 */
export const DEFAULT_ITEM_FIELDS: readonly ItemFieldGroup[] = ["name", "record", "clip"];

/**
 * One page of items across tracks, in two round trips whatever the timeline's size: the
 * bridge fetches each track's item list once for all pages of the listing, and each item is
 * read with one call per asked value (its track is known from the listing, its duration is
 * end - start, and its clip's id and Start TC are read once per clip).
 */
export async function itemPage(
  resolve: ResolveSession,
  timeline: Handle,
  timelineId: string,
  tracks: { type: string; index: number }[],
  cursor: string | undefined,
  limit: number | undefined,
  rate: Rate,
  start: number,
  groups: ReadonlySet<ItemFieldGroup> = new Set(ITEM_FIELD_GROUPS),
) {
  const page = await listPage(
    resolve,
    tracks.map((t) => ({
      key: `items:${timelineId}:${t.type}:${t.index}`,
      target: timeline,
      method: "GetItemListInTrack",
      args: [t.type, t.index],
    })),
    cursor,
    limit,
    itemMethods(groups),
  );
  const items = page.rows.map((row, i) =>
    itemFromRow(row, tracks[page.sources[i]], groups, rate, start)
  );
  return { page, items };
}

const CLIP_TC_KEYS = ["Start TC", "FPS", "Drop frame"];

/** Map methods reading the asked groups of an item (GetUniqueId first). */
export function itemMethods(groups: ReadonlySet<ItemFieldGroup>, track = false): MapMethod[] {
  const ms: MapMethod[] = track ? [["GetTrackTypeAndIndex"]] : [];
  ms.push(["GetUniqueId"]);
  if (groups.has("name")) ms.push(["GetName"]);
  if (groups.has("record")) ms.push(["GetStart"], ["GetEnd"]);
  if (groups.has("source")) {
    ms.push(["GetSourceStartFrame"], ["GetSourceEndFrame"]);
    ms.push(["GetMediaPoolItem", [], [["GetUniqueId"], ["GetClipProperty", [], CLIP_TC_KEYS]]]);
  } else if (groups.has("clip")) {
    ms.push(["GetMediaPoolItem", [], [["GetUniqueId"]]]);
  }
  return ms;
}

const num = (v: unknown) => (typeof v === "number" ? v : v == null || v === "" ? null : Number(v));

type SourceClock = { rate: Rate; first: number } | null;
// Clip properties seen (as "tc|fps|drop"): many items share a clip, so each clip's Start TC
// is parsed once, not once per item. Bounded: cleared when it grows past 256 entries.
const clocks = new Map<string, SourceClock>();

/** A clip's timecode rate and the frame number of its Start TC, from its clip properties. */
function sourceClock(props: unknown): SourceClock {
  if (!Array.isArray(props)) return null;
  const key = `${props[0]}|${props[1]}|${props[2]}`;
  const known = clocks.get(key);
  if (known !== undefined) return known;
  if (clocks.size >= 256) clocks.clear();
  const clock = parseClock(props);
  clocks.set(key, clock);
  return clock;
}

function parseClock(props: unknown[]): SourceClock {
  const [tc, fps, drop] = props;
  const rate = parseRate(`${fps ?? ""}${String(drop) === "1" ? " DF" : ""}`) ?? parseRate(
    String(fps ?? ""),
  );
  if (!rate) return null;
  const first = timecodeToFrames(String(tc ?? ""), rate);
  return first === undefined ? null : { rate, first };
}

/** An item row from itemMethods' values; only the asked groups' fields are set. */
export function itemFromRow(
  row: unknown[],
  track: { type: string; index: number } | null,
  groups: ReadonlySet<ItemFieldGroup>,
  rate: Rate,
  start: number,
): ListedItem {
  let k = 0;
  let where = track;
  if (!where) {
    const t = row[k++];
    where = {
      type: String(Array.isArray(t) ? t[0] : ""),
      index: Number(Array.isArray(t) ? t[1] : 0),
    };
  }
  const out: ListedItem = {
    id: String(row[k++]),
    track_type: where.type,
    track_index: where.index,
  };
  if (groups.has("name")) out.name = String(row[k++] ?? "");
  if (groups.has("record")) {
    const s = Number(row[k++]), e = Number(row[k++]);
    out.start = s - start;
    out.end = e - start;
    out.start_timecode = framesToTimecode(s, rate);
    out.end_timecode = framesToTimecode(e, rate);
    out.duration = Math.max(0, e - s) || 0;
  }
  if (groups.has("source")) {
    const ss = num(row[k++]), se = num(row[k++]);
    const clip = row[k++] as unknown[] | null;
    const clock = sourceClock(clip?.[1]);
    out.source_start_frame = ss;
    out.source_end_frame = se;
    out.source_start_timecode = clock && ss !== null
      ? framesToTimecode(clock.first + ss, clock.rate)
      : null;
    out.source_end_timecode = clock && se !== null
      ? framesToTimecode(clock.first + se, clock.rate)
      : null;
    out.clip_id = clip?.[0] == null ? null : String(clip[0]);
  } else if (groups.has("clip")) {
    const clip = row[k++] as unknown[] | null;
    out.clip_id = clip?.[0] == null ? null : String(clip[0]);
  }
  return out;
}

const TRACK_LETTER: Record<string, string> = { video: "V", audio: "A", subtitle: "S" };

/** The text of a page of items: one short line each (structuredContent has every field). */
export function itemTable(items: ListedItem[]): string {
  const full = items.some((i) => i.start_timecode !== undefined);
  const source = items.some((i) => i.source_start_timecode !== undefined);
  const header = ["track", "id", "name"];
  if (full) header.push("record in-out");
  if (source) header.push("source in-out");
  return textTable(
    header,
    items.map((i) => {
      const r = [`${TRACK_LETTER[i.track_type] ?? i.track_type}${i.track_index}`, i.id];
      r.push(cell(i.name ?? "", 24));
      if (full) r.push(`${i.start_timecode ?? ""}-${i.end_timecode ?? ""}`);
      if (source) {
        r.push(
          i.source_start_timecode
            ? `${i.source_start_timecode}-${i.source_end_timecode ?? ""}`
            : `${i.source_start_frame ?? ""}-${i.source_end_frame ?? ""}`,
        );
      }
      return r;
    }),
  );
}

/** Timeline items by unique id (one listing + one map for all ids). */
export async function findItems(resolve: ResolveSession, timeline: Handle, ids: string[]) {
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

export const itemSchema = z.object({
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
  source_start_timecode: z.string().nullable().describe(
    "source_start_frame as source timecode (counted from the clip's Start TC at its frame rate); null without a clip.",
  ),
  source_end_timecode: z.string().nullable().describe(
    "source_end_frame as source timecode (from the clip's Start TC); null without a clip.",
  ),
  clip_id: z.string().nullable().describe(
    "Unique id of the media pool clip, null for generators/titles/transitions.",
  ),
});

/** An item as a listing reports it: id and track always, the other fields when asked. */
export const listedItemSchema = itemSchema.partial({
  name: true,
  start: true,
  end: true,
  start_timecode: true,
  end_timecode: true,
  duration: true,
  source_start_frame: true,
  source_end_frame: true,
  source_start_timecode: true,
  source_end_timecode: true,
  clip_id: true,
});
export type ListedItem = z.infer<typeof listedItemSchema>;

export const ITEM_METHODS = [
  "TimelineItem.GetTrackTypeAndIndex",
  "TimelineItem.GetUniqueId",
  "TimelineItem.GetName",
  "TimelineItem.GetStart",
  "TimelineItem.GetEnd",
  "TimelineItem.GetSourceStartFrame",
  "TimelineItem.GetSourceEndFrame",
  "TimelineItem.GetMediaPoolItem",
  "MediaPoolItem.GetUniqueId",
  "MediaPoolItem.GetClipProperty",
];

const ALL_GROUPS: ReadonlySet<ItemFieldGroup> = new Set(ITEM_FIELD_GROUPS);

/** Full rows for items found anywhere (their track is read too), in one round trip. */
export async function itemRows(
  resolve: ResolveSession,
  items: Handle[],
  rate: Rate,
  start: number,
): Promise<z.infer<typeof itemSchema>[]> {
  const rows = await resolve.map(items, itemMethods(ALL_GROUPS, true));
  return rows.map((row) =>
    itemFromRow(row, null, ALL_GROUPS, rate, start) as z.infer<typeof itemSchema>
  );
}

export const timelineSchema = z.object({
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

export const TIMELINE_FIELDS: [string, unknown[]?][] = [
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

export const TIMELINE_METHODS = [
  "Timeline.GetName",
  "Timeline.GetUniqueId",
  "Timeline.GetSetting",
  "Timeline.GetStartTimecode",
  "Timeline.GetStartFrame",
  "Timeline.GetEndFrame",
  "Timeline.GetTrackCount",
];

export async function timelineRows(
  resolve: ResolveSession,
  timelines: Handle[],
  currentId: unknown,
) {
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

export const timelineRefRequired = z.string().min(1).max(255).describe(
  "Timeline name or unique id.",
);

export const clipRangeFields = {
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

export type ClipRange = {
  clip: string;
  start_frame?: number;
  end_frame?: number;
  record_frame?: number;
  record_timecode?: string;
  track_index?: number;
  media_type?: "video" | "audio";
};

/** True if Resolve treats clipInfo endFrame as inclusive (before 19.0). */
export async function inclusiveEnd(resolve: ResolveSession): Promise<boolean> {
  const version = await resolve.call(await resolve.root(), "GetVersion");
  const major = Array.isArray(version) ? Number(version[0]) : NaN;
  return Number.isFinite(major) && major < 19;
}

/** clipInfo dicts (or plain clips when no range is asked) for AppendToTimeline / CreateTimelineFromClips. */
export async function clipInfos(
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
  // 21.0.4+: an audio clip's "Frames" is '', its Duration at FPS still gives the length
  const frames = (await resolve.map(clips.map((c) => c.clip), [
    ["GetClipProperty", ["Frames"]],
    ["GetClipProperty", ["Duration"]],
    ["GetClipProperty", ["FPS"]],
  ])).map((r) => clipFrames(r[0], r[1], r[2]));
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

export const trackSchema = z.object({
  type: z.string().describe("'video', 'audio' or 'subtitle'."),
  index: z.number().describe("Track number, 1-based."),
  name: z.string().describe("Track name."),
  enabled: z.boolean().nullable().describe(
    "Track enabled (visible/audible); null when Resolve cannot say (21.1+ reads it only on the current timeline: switch_timeline first).",
  ),
  locked: z.boolean().nullable().describe("Track locked; null when unreadable, as enabled."),
  audio_type: z.string().describe("Audio channel format (e.g. 'stereo'), empty for other tracks."),
  items: z.number().describe("Items on the track."),
  voice_isolation: z.object({ enabled: z.boolean(), amount: z.number() }).nullable().describe(
    "Audio tracks: voice isolation state.",
  ),
});

export const TRACK_METHODS = [
  "Timeline.GetTrackCount",
  "Timeline.GetTrackName",
  "Timeline.GetIsTrackEnabled",
  "Timeline.GetIsTrackLocked",
  "Timeline.GetTrackSubType",
  "Timeline.GetItemListInTrack",
  "Timeline.GetVoiceIsolationState",
  "Project.GetCurrentTimeline",
  ...VERSION_LOOKUP,
];

/**
 * Resolve 21.1 reads every track of a timeline that is not the current one as disabled and
 * unlocked (NOTES.md, guycochran/resolve-mcp-server#3): such states are unknown, not false.
 */
async function trackStateReadable(resolve: ResolveSession, timeline: Handle): Promise<boolean> {
  if (!(await versionAtLeast(resolve, "21.1"))) return true;
  const project = await resolve.project();
  const [current, id] = await resolve.batch([
    call(project, "GetCurrentTimeline"),
    call(timeline, "GetUniqueId"),
  ]);
  return isHandle(current) && await resolve.call(current, "GetUniqueId") === id;
}

export async function trackRows(
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
  const readable = await trackStateReadable(resolve, timeline);
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
      enabled: readable ? v[1] === true : null,
      locked: readable ? v[2] === true : null,
      audio_type: String(v[3] ?? ""),
      items: Array.isArray(v[4]) ? v[4].length : 0,
      voice_isolation: t.type === "audio" && vi && typeof vi === "object"
        ? { enabled: vi.isEnabled === true, amount: Number(vi.amount) || 0 }
        : null,
    };
  });
}

export const TRACK_LOOKUP = TIMELINE_LOOKUP_METHODS;

export const TL_LOOKUP = [
  ...TIMELINE_LOOKUP_METHODS,
  ...TIMELINE_RATE_METHODS,
  "Timeline.GetStartFrame",
];

export const itemIdsInput = z.array(z.string().min(1).max(255)).min(1).max(1000).describe(
  "Timeline item ids (list_timeline_items shows them).",
);

export const timelineMarkerSchema = markerSchema.extend({
  timecode: z.string().describe("Timeline timecode of the marker."),
});

export const PLAYHEAD_PAGES = ["cut", "edit", "color", "fairlight", "deliver"];

export async function checkPlayheadPage(resolve: ResolveSession) {
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

export const playheadOutput = {
  timeline: z.string().describe("Timeline name."),
  frame: z.number().describe("Playhead, frames from the timeline start."),
  timecode: z.string().describe("Playhead timecode."),
  current_video_item: itemSchema.nullable().describe(
    "The topmost enabled video item under the playhead, or null.",
  ),
};

export async function playheadState(resolve: ResolveSession, timeline: Handle) {
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

export const PLAYHEAD_METHODS = [
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

export const INSERTS = {
  generator: "InsertGeneratorIntoTimeline",
  fusion_generator: "InsertFusionGeneratorIntoTimeline",
  ofx_generator: "InsertOFXGeneratorIntoTimeline",
  title: "InsertTitleIntoTimeline",
  fusion_title: "InsertFusionTitleIntoTimeline",
  fusion_composition: "InsertFusionCompositionIntoTimeline",
} as const;

export const LANGUAGES = [
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

export const IMPORT_EXTENSIONS = ["aaf", "edl", "xml", "fcpxml", "drt", "adl", "otio"];
