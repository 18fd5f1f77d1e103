// Reads a Resolve timeline into the edit engine's model: every item of every track with its
// record range (frames from the timeline start, end exclusive), source range (clip frames,
// end exclusive), media pool clip, link group, and the media each clip has to offer.
import { parseRate, type Rate } from "../../timecode.ts";
import type { ResolveSession } from "../session.ts";
import { timelineRate } from "../timelines.ts";
import { call, type Handle, isHandle } from "../wire.ts";
import { clipFrames } from "../clip_frames.ts";
import type { ModelItem, ModelMedia, ModelTrackType, TimelineModel } from "./model.ts";
import { type EdgeTransition, findTransitions } from "./transitions.ts";

export const MODEL_TRACK_TYPES: ModelTrackType[] = ["video", "audio", "subtitle"];

/** A clip of the pool as the engine needs it: handle, media, and its source timecode base. */
export interface ClipInfo {
  handle: Handle;
  name: string;
  media: ModelMedia;
  /** The clip's Start TC ("" when it reports none) and its frame rate label. */
  start_tc: string;
  fps: string;
}

export interface TimelineRead {
  model: TimelineModel;
  /** Item id -> its handle and name. */
  items: Map<string, { handle: Handle; name: string }>;
  /** Clip id -> handle and media. */
  clips: Map<string, ClipInfo>;
  /** Absolute frame of the timeline's first frame, its rate and name. */
  start: number;
  rate: Rate;
  name: string;
  /**
   * 21.1: the transitions (items Resolve types "transition"), kept out of the model: the
   * planner sees clips only, and the applier adds back those at edits it re-creates.
   */
  transitions: EdgeTransition[];
}

/** The API methods readTimeline calls, for a tool's apiMethods. */
export const READ_METHODS = [
  "Timeline.GetTrackCount",
  "Timeline.GetItemListInTrack",
  "Timeline.GetStartFrame",
  "Timeline.GetName",
  "Timeline.GetSetting",
  "TimelineItem.GetUniqueId",
  "TimelineItem.GetName",
  "TimelineItem.GetStart",
  "TimelineItem.GetEnd",
  "TimelineItem.GetSourceStartFrame",
  "TimelineItem.GetSourceEndFrame",
  "TimelineItem.GetMediaPoolItem",
  "TimelineItem.GetLinkedItems",
  "TimelineItem.GetType",
  "MediaPoolItem.GetUniqueId",
  "MediaPoolItem.GetName",
  "MediaPoolItem.GetClipProperty",
];

const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

/** Media of a clip from its properties: frames, whether it has pictures and sound. */
export function mediaOf(props: { frames: unknown; type: unknown; channels: unknown }): ModelMedia {
  const type = String(props.type ?? "");
  const channels = num(props.channels);
  return {
    frames: Math.max(0, Math.floor(num(props.frames))),
    has_video: type !== "Audio",
    has_audio: /audio|timeline|compound/i.test(type) || channels > 0,
  };
}

/** Reads clips (handles) into ClipInfo rows keyed by unique id. */
export async function readClips(
  resolve: ResolveSession,
  handles: Handle[],
): Promise<Map<string, ClipInfo>> {
  const rows = await resolve.map(handles, [
    ["GetUniqueId"],
    ["GetName"],
    ["GetClipProperty", ["Frames"]],
    ["GetClipProperty", ["Type"]],
    ["GetClipProperty", ["Audio Ch"]],
    ["GetClipProperty", ["Start TC"]],
    ["GetClipProperty", ["FPS"]],
    ["GetClipProperty", ["Duration"]],
  ]);
  const out = new Map<string, ClipInfo>();
  rows.forEach(([id, name, frames, type, channels, tc, fps, duration], i) => {
    out.set(String(id), {
      handle: handles[i],
      name: String(name ?? ""),
      // 21.0.4+: an audio clip's "Frames" is '' (src/resolve/clip_frames.ts)
      media: mediaOf({ frames: clipFrames(frames, duration, fps), type, channels }),
      start_tc: String(tc ?? ""),
      fps: String(fps ?? ""),
    });
  });
  return out;
}

/** The whole timeline as a model (four round trips whatever its size, plus one per clip set). */
export async function readTimeline(
  resolve: ResolveSession,
  timeline: Handle,
): Promise<TimelineRead> {
  const rate = await timelineRate(resolve, timeline);
  const head = await resolve.batch([
    call(timeline, "GetStartFrame"),
    call(timeline, "GetName"),
    ...MODEL_TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  ]);
  const start = num(head[0]);
  const counts = head.slice(2).map((c) => Math.max(0, Math.floor(num(c))));
  const tracks = MODEL_TRACK_TYPES.flatMap((type, t) =>
    Array.from({ length: counts[t] }, (_, i) => ({ type, index: i + 1 }))
  );
  const lists = await resolve.batch(
    tracks.map((t) => call(timeline, "GetItemListInTrack", t.type, t.index)),
  );
  const placed = tracks.flatMap((t, i) =>
    (Array.isArray(lists[i]) ? lists[i] as unknown[] : []).filter(isHandle).map((handle) => ({
      handle,
      ...t,
    }))
  );
  const rows = await resolve.map(placed.map((p) => p.handle), [
    ["GetUniqueId"],
    ["GetName"],
    ["GetStart"],
    ["GetEnd"],
    ["GetSourceStartFrame"],
    ["GetSourceEndFrame"],
    ["GetMediaPoolItem"],
    ["GetLinkedItems"],
  ]);
  // Linked items come back as handles: their ids in one more map.
  const linkedHandles = rows.flatMap((r) => (Array.isArray(r[7]) ? r[7] : []).filter(isHandle));
  const linkedIds = (await resolve.map(linkedHandles, [["GetUniqueId"]])).map(([id]) => String(id));
  const clipHandles = new Map<number, Handle>();
  for (const r of rows) if (isHandle(r[6])) clipHandles.set(r[6].$h, r[6]);
  const clipRows = await resolve.map([...clipHandles.values()], [["GetUniqueId"]]);
  const clipIdOf = new Map<number, string>();
  [...clipHandles.values()].forEach((h, i) => clipIdOf.set(h.$h, String(clipRows[i][0])));
  const distinct = new Map<string, Handle>();
  for (const h of clipHandles.values()) {
    const id = clipIdOf.get(h.$h)!;
    if (!distinct.has(id)) distinct.set(id, h);
  }
  const clips = await readClips(resolve, [...distinct.values()]);

  // Link groups: union of every item with the items it reports as linked.
  const ids = rows.map((r) => String(r[0]));
  const parent = new Map(ids.map((id) => [id, id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  let at = 0;
  const linksOf = rows.map((r) => {
    const n = (Array.isArray(r[7]) ? r[7] : []).filter(isHandle).length;
    const mine = linkedIds.slice(at, at + n);
    at += n;
    return mine;
  });
  linksOf.forEach((mine, i) => {
    for (const other of mine) {
      if (!parent.has(other)) continue;
      const a = root(ids[i]), b = root(other);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  });
  const grouped = new Map<string, number>();
  for (const id of ids) grouped.set(root(id), (grouped.get(root(id)) ?? 0) + 1);

  const items: ModelItem[] = [];
  const handles = new Map<string, { handle: Handle; name: string }>();
  rows.forEach((r, i) => {
    const id = ids[i];
    const clipId = isHandle(r[6]) ? clipIdOf.get(r[6].$h) ?? null : null;
    const s = num(r[2]) - start;
    const e = num(r[3]) - start;
    const ss = num(r[4]);
    // Media at the timeline's rate plays one source frame per record frame, so its source end
    // is exact from the duration (whether a build reports GetSourceEndFrame inclusive or not);
    // other rates take Resolve's value.
    const clip = clipId ? clips.get(clipId) : undefined;
    const clipFps = clip ? parseRate(clip.fps)?.fps : undefined;
    const sameRate = clipFps === undefined || Math.abs(clipFps - rate.fps) < 1e-3;
    const se = sameRate || r[5] === null || r[5] === undefined ? ss + (e - s) : num(r[5]);
    const group = root(id);
    items.push({
      id,
      origin: id,
      track_type: placed[i].type,
      track_index: placed[i].index,
      start: s,
      end: e,
      source_start: ss,
      source_end: se,
      clip_id: clipId,
      link: (grouped.get(group) ?? 0) > 1 ? group : null,
    });
    handles.set(id, { handle: placed[i].handle, name: String(r[1] ?? "") });
  });
  const media: Record<string, ModelMedia> = {};
  for (const [id, c] of clips) media[id] = c.media;
  const transitions = await findTransitions(resolve, items, handles);
  const apart = new Set(transitions.map((t) => t.item.id));
  return {
    transitions,
    model: {
      items: apart.size ? items.filter((i) => !apart.has(i.id)) : items,
      media,
      tracks: { video: counts[0], audio: counts[1], subtitle: counts[2] },
    },
    items: handles,
    clips,
    start,
    rate,
    name: String(head[1] ?? ""),
  };
}
