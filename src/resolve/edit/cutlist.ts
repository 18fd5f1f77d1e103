// Cut lists: events naming a clip, its source in/out as SOURCE timecode (the clip's own
// timecode, counted from its Start TC, embedded timecode included) and an optional record in as
// RECORD timecode (counted from the timeline's start timecode). placeCutList turns events into
// placements (record and source frames) and refusals with a reason per event; planCutList turns
// placements into an EditPlan that builds a timeline or conforms an existing one. Pure.
//
// Rules:
// - Source frames = frames(source TC) - frames(clip Start TC), both at the clip's rate (drop-frame
//   when the rate is 29.97/59.94 DF or the Start TC is written with ";"). Record frames =
//   frames(record TC) - frames(timeline start TC) at the timeline's rate. Out points are
//   exclusive (the frame after the last one used), as in an EDL.
// - An event without record_in follows the last placed event on any track (the first one starts
//   at frame 0); a refused event does not move the ones after it.
// - Refused, with a reason code: UNKNOWN_CLIP, BAD_TIMECODE (unparseable, or an impossible
//   drop-frame number), EMPTY_RANGE (out not after in), BEFORE_START_TC (source in before the
//   clip's Start TC), PAST_CLIP_END (source out after the clip's last frame), BEFORE_TIMELINE_START
//   (record in before the timeline's start TC), BAD_TRACK, OVERLAP (its record range overlaps an
//   earlier placed event on the same video or audio track).
// - A clip with video goes on V<track_index> (default 1); its audio on A<track_index>, linked.
import { parseRate, type Rate, timecodeToFrames } from "../../timecode.ts";
import { diffPlan, type Piece, regroupLinks } from "./core.ts";
import type { EditPlan, ModelItem, ModelMedia, ModelTrackType, TimelineModel } from "./model.ts";

export interface CutListEvent {
  /** The clip as the caller names it (a key of CutListContext.clips). */
  clip: string;
  /** Source in/out: timecode of the clip ("HH:MM:SS:FF", ";" before FF for drop-frame); out exclusive. */
  source_in: string;
  source_out: string;
  /** Record in: timeline timecode; omitted = right after the previous placed event. */
  record_in?: string;
  /** Video track index (audio goes on the audio track of the same index); default 1. */
  track_index?: number;
}

export interface CutListClip {
  clip_id: string;
  /** The clip's Start TC ("" or omitted = 00:00:00:00). */
  start_tc?: string;
  /** The clip's frame rate: a Rate, or Resolve's label ("23.976", "29.97 DF", 25). */
  fps: Rate | string | number;
  /** Frames of media in the clip. */
  frames: number;
  has_video?: boolean;
  has_audio?: boolean;
}

export interface CutListContext {
  /** The clip each event names, keyed by the event's `clip` string (undefined = not found). */
  clips: Record<string, CutListClip | undefined>;
  /** The timeline's rate. */
  rate: Rate | string | number;
  /** The timeline's start timecode (default 01:00:00:00). */
  start_tc?: string;
}

export type CutRefusalCode =
  | "UNKNOWN_CLIP"
  | "BAD_TIMECODE"
  | "EMPTY_RANGE"
  | "BEFORE_START_TC"
  | "PAST_CLIP_END"
  | "BEFORE_TIMELINE_START"
  | "BAD_TRACK"
  | "OVERLAP";

export interface CutPlacement {
  /** 0-based index of the event in the list. */
  event: number;
  clip: string;
  clip_id: string;
  track_index: number;
  /** Record frames from the timeline's start, end exclusive. */
  record_start: number;
  record_end: number;
  /** Source frames from the clip's first frame, end exclusive. */
  source_start: number;
  source_end: number;
  has_video: boolean;
  has_audio: boolean;
}

export interface CutRefusal {
  event: number;
  clip: string;
  reason: CutRefusalCode;
  message: string;
}

export interface CutListPlacement {
  placements: CutPlacement[];
  refused: CutRefusal[];
}

function rateOf(value: Rate | string | number): Rate | undefined {
  return typeof value === "object" ? value : parseRate(value);
}

/** The clip's rate, drop-frame when its Start TC is written with ";" at 29.97 / 59.94. */
function clipRate(clip: CutListClip): Rate | undefined {
  const rate = rateOf(clip.fps);
  if (!rate) return undefined;
  if (
    !rate.drop && (clip.start_tc ?? "").includes(";") && (rate.fps === 29.97 || rate.fps === 59.94)
  ) {
    return { ...rate, drop: true };
  }
  return rate;
}

/** Turns cut-list events into placements and per-event refusals. */
export function placeCutList(events: CutListEvent[], ctx: CutListContext): CutListPlacement {
  const placements: CutPlacement[] = [];
  const refused: CutRefusal[] = [];
  const timelineRate = rateOf(ctx.rate);
  const timelineStart = timelineRate
    ? timecodeToFrames(ctx.start_tc || "01:00:00:00", timelineRate)
    : undefined;
  let next = 0;
  events.forEach((e, event) => {
    const refuse = (reason: CutRefusalCode, message: string) => {
      refused.push({ event, clip: e.clip, reason, message });
    };
    const clip = ctx.clips[e.clip];
    if (!clip) return refuse("UNKNOWN_CLIP", `No clip named ${JSON.stringify(e.clip)}.`);
    const track = e.track_index ?? 1;
    if (!Number.isInteger(track) || track < 1) {
      return refuse("BAD_TRACK", `Track index ${track} is not a track (they start at 1).`);
    }
    const rate = clipRate(clip);
    if (!rate) {
      return refuse(
        "BAD_TIMECODE",
        `The clip's frame rate ${JSON.stringify(clip.fps)} is not one Resolve uses.`,
      );
    }
    const base = clip.start_tc ? timecodeToFrames(clip.start_tc, rate) : 0;
    if (base === undefined) {
      return refuse(
        "BAD_TIMECODE",
        `The clip's Start TC ${JSON.stringify(clip.start_tc)} is not a timecode.`,
      );
    }
    const tcIn = timecodeToFrames(e.source_in, rate);
    const tcOut = timecodeToFrames(e.source_out, rate);
    if (tcIn === undefined) {
      return refuse(
        "BAD_TIMECODE",
        `Source in ${JSON.stringify(e.source_in)} is not a timecode at ${rate.fps}${
          rate.drop ? " DF" : ""
        }.`,
      );
    }
    if (tcOut === undefined) {
      return refuse(
        "BAD_TIMECODE",
        `Source out ${JSON.stringify(e.source_out)} is not a timecode at ${rate.fps}${
          rate.drop ? " DF" : ""
        }.`,
      );
    }
    if (tcOut <= tcIn) {
      return refuse(
        "EMPTY_RANGE",
        `Source out ${e.source_out} is not after source in ${e.source_in} (out is exclusive).`,
      );
    }
    const ss = tcIn - base, se = tcOut - base;
    if (ss < 0) {
      return refuse(
        "BEFORE_START_TC",
        `Source in ${e.source_in} is ${-ss} frame(s) before the clip's Start TC ${clip.start_tc}.`,
      );
    }
    if (se > clip.frames) {
      return refuse(
        "PAST_CLIP_END",
        `Source out ${e.source_out} is ${
          se - clip.frames
        } frame(s) past the clip's end (${clip.frames} frames from ${
          clip.start_tc || "00:00:00:00"
        }).`,
      );
    }
    let start = next;
    if (e.record_in !== undefined) {
      if (!timelineRate || timelineStart === undefined) {
        return refuse(
          "BAD_TIMECODE",
          `The timeline's rate or start timecode is unknown, so record in cannot be read.`,
        );
      }
      const rec = timecodeToFrames(e.record_in, timelineRate);
      if (rec === undefined) {
        return refuse(
          "BAD_TIMECODE",
          `Record in ${JSON.stringify(e.record_in)} is not a timecode at the timeline's rate.`,
        );
      }
      if (rec < timelineStart) {
        return refuse(
          "BEFORE_TIMELINE_START",
          `Record in ${e.record_in} is before the timeline's start ${
            ctx.start_tc || "01:00:00:00"
          }.`,
        );
      }
      start = rec - timelineStart;
    }
    const end = start + (se - ss);
    const hasVideo = clip.has_video ?? true, hasAudio = clip.has_audio ?? false;
    const clash = placements.find((p) =>
      p.track_index === track && p.record_start < end && start < p.record_end &&
      ((p.has_video && hasVideo) || (p.has_audio && hasAudio))
    );
    if (clash) {
      return refuse(
        "OVERLAP",
        `It would overlap event ${clash.event + 1} (${clash.clip}) on track ${track}.`,
      );
    }
    placements.push({
      event,
      clip: e.clip,
      clip_id: clip.clip_id,
      track_index: track,
      record_start: start,
      record_end: end,
      source_start: ss,
      source_end: se,
      has_video: hasVideo,
      has_audio: hasAudio,
    });
    next = end;
  });
  return { placements, refused };
}

/**
 * The plan that makes the placements the content of the tracks they use (V<n> and A<n> for
 * each track index used): for a new timeline pass an empty model; for an existing one, its
 * other tracks stay as they are. An existing item identical to a placement is kept; a new item
 * carries the work (origin) of the existing item of the same clip on the same track whose source
 * range overlaps it most, if any.
 */
export function planCutList(m: TimelineModel, placements: CutPlacement[]): EditPlan {
  const media: Record<string, ModelMedia> = { ...m.media };
  const pieces: Piece[] = [];
  const used = new Set<string>();
  const touched = new Set<string>();
  let k = 0;
  const keys = new Set(m.items.map((i) => i.link));
  for (const p of placements) {
    media[p.clip_id] ??= { frames: p.source_end, has_video: p.has_video, has_audio: p.has_audio };
    const types: ModelTrackType[] = [];
    if (p.has_video) types.push("video");
    if (p.has_audio) types.push("audio");
    let link: string | null = null;
    if (types.length > 1) {
      do k++; while (keys.has(`cut-link:${k}`));
      link = `cut-link:${k}`;
    }
    for (const type of types) {
      touched.add(`${type}:${p.track_index}`);
      const same = m.items.filter((i) =>
        i.clip_id === p.clip_id && i.track_type === type && i.track_index === p.track_index
      );
      const exact = same.find((i) =>
        !used.has(i.id) && i.start === p.record_start && i.end === p.record_end &&
        i.source_start === p.source_start && i.source_end === p.source_end
      );
      const overlap = (i: ModelItem) =>
        Math.min(i.source_end, p.source_end) - Math.max(i.source_start, p.source_start);
      const carrier = exact ??
        same.filter((i) => overlap(i) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
      if (exact) used.add(exact.id);
      pieces.push({
        id: `cut:${p.event}:${type}`,
        origin: carrier?.id ?? null,
        track_type: type,
        track_index: p.track_index,
        start: p.record_start,
        end: p.record_end,
        source_start: p.source_start,
        source_end: p.source_end,
        clip_id: p.clip_id,
        link,
        base: `cut:${p.event}:${type}`,
        anchor: p.record_start - p.source_start,
        group: link,
      });
    }
  }
  const kept = m.items.filter((i) => !touched.has(`${i.track_type}:${i.track_index}`));
  const tracks = { ...m.tracks };
  for (const p of pieces) tracks[p.track_type] = Math.max(tracks[p.track_type] ?? 0, p.track_index);
  const items = [
    ...kept,
    ...regroupLinks(pieces).map(({ base: _b, anchor: _a, group: _g, ...i }) => i),
  ];
  return diffPlan(m, { items, media, tracks }, []);
}
