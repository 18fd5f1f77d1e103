// The planner's working parts: pieces of items (an item, or a part of one, that remembers the
// item it came from), the three range primitives every edit is built of (cut at a frame, lift a
// range, shift what starts at or after a frame), link regrouping, validation, and diffPlan. Pure:
// no bridge, no Resolve. The semantics the tools promise are documented in plan.ts.
import { fail } from "../../errors.ts";
import type { EditPlan, ModelItem, ModelMedia, ModelTrackType, TimelineModel } from "./model.ts";

/** A track named by type and 1-based index. */
export interface TrackRef {
  track_type: ModelTrackType;
  track_index: number;
}

const TYPE_LETTER: Record<ModelTrackType, string> = { video: "V", audio: "A", subtitle: "S" };
const LETTER_TYPE: Record<string, ModelTrackType> = { V: "video", A: "audio", S: "subtitle" };
const TYPE_ORDER: Record<ModelTrackType, number> = { video: 0, audio: 1, subtitle: 2 };

/** "V1", "A2", "S1" for a track. */
export function trackName(t: TrackRef): string {
  return `${TYPE_LETTER[t.track_type]}${t.track_index}`;
}

/** Parses "V1" / "a2" / "S1" into a TrackRef; undefined when it is not one. */
export function parseTrackRef(text: string): TrackRef | undefined {
  const match = /^\s*([VAS])(\d{1,3})\s*$/i.exec(text);
  if (!match) return undefined;
  const index = Number(match[2]);
  if (index < 1) return undefined;
  return { track_type: LETTER_TYPE[match[1].toUpperCase()], track_index: index };
}

/**
 * An item being planned. `base` is the before-item it is (part of), or "fresh:<n>" for a clip
 * the edit adds; `anchor` is the record frame where the base's source frame 0 sat
 * (base.start - base.source_start), so a piece's original time and its shift can be told;
 * `group` is the base's link key.
 */
export interface Piece extends ModelItem {
  base: string;
  anchor: number;
  group: string | null;
}

/** How far a piece moved against its source since the before timeline (0 = still in sync). */
export function shiftOf(p: Piece): number {
  return p.start - p.source_start - p.anchor;
}

export function piecesOf(m: TimelineModel): Piece[] {
  return m.items.map((i) => ({
    ...i,
    origin: i.id.startsWith("new:") ? i.origin : i.id,
    base: i.id,
    anchor: i.start - i.source_start,
    group: i.link,
  }));
}

export function sameTrack(a: TrackRef, b: TrackRef): boolean {
  return a.track_type === b.track_type && a.track_index === b.track_index;
}

export type Sel = (p: TrackRef) => boolean;

/** A track predicate: the named tracks, or every track when `tracks` is undefined. */
export function selOf(tracks?: TrackRef[]): Sel {
  if (!tracks) return () => true;
  return (p) => tracks.some((t) => sameTrack(t, p));
}

function moved(p: Piece, start: number, end: number): Piece {
  const ss = p.source_start + (start - p.start);
  return { ...p, start, end, source_start: ss, source_end: ss + (end - start) };
}

/** Blades every piece on a selected track that strictly contains frame `f`. */
export function cutAt(pieces: Piece[], sel: Sel, f: number, skip?: (p: Piece) => boolean): Piece[] {
  return pieces.flatMap((p) =>
    sel(p) && !skip?.(p) && p.start < f && f < p.end
      ? [moved(p, p.start, f), moved(p, f, p.end)]
      : [p]
  );
}

/**
 * Removes [from, to) from every piece on a selected track (what is outside the range stays, so a
 * piece spanning the range becomes two). Returns the remaining pieces and the pieces touched.
 */
export function liftRange(
  pieces: Piece[],
  sel: Sel,
  from: number,
  to: number,
  skip?: (p: Piece) => boolean,
): { pieces: Piece[]; hit: Piece[] } {
  const hit: Piece[] = [];
  const out = pieces.flatMap((p) => {
    if (!sel(p) || skip?.(p) || p.end <= from || p.start >= to) return [p];
    hit.push(p);
    const parts: Piece[] = [];
    if (p.start < from) parts.push(moved(p, p.start, from));
    if (p.end > to) parts.push(moved(p, to, p.end));
    return parts;
  });
  return { pieces: out, hit };
}

/** Moves every piece on a selected track that starts at or after `at` by `delta` frames. */
export function shiftFrom(
  pieces: Piece[],
  sel: Sel,
  at: number,
  delta: number,
  skip?: (p: Piece) => boolean,
): Piece[] {
  return pieces.map((p) =>
    sel(p) && !skip?.(p) && p.start >= at ? { ...p, start: p.start + delta, end: p.end + delta } : p
  );
}

/** Opens `n` frames at `at` on the selected tracks: pieces across `at` are split, later ones move right. */
export function openAt(
  pieces: Piece[],
  sel: Sel,
  at: number,
  n: number,
  skip?: (p: Piece) => boolean,
): Piece[] {
  return shiftFrom(cutAt(pieces, sel, at, skip), sel, at, n, skip);
}

/** Extracts [from, to) on the selected tracks: the range's content goes, later pieces move left. */
export function closeRange(
  pieces: Piece[],
  sel: Sel,
  from: number,
  to: number,
  skip?: (p: Piece) => boolean,
): { pieces: Piece[]; hit: Piece[] } {
  const lifted = liftRange(pieces, sel, from, to, skip);
  return { pieces: shiftFrom(lifted.pieces, sel, to, from - to, skip), hit: lifted.hit };
}

/** The item with this id, or ITEM_NOT_FOUND. */
export function itemOf(m: TimelineModel, id: string): ModelItem {
  const item = m.items.find((i) => i.id === id);
  if (!item) {
    fail(
      "ITEM_NOT_FOUND",
      `No item with id ${JSON.stringify(id)} on the timeline.`,
      "Call list_timeline_items and use an item's id.",
    );
  }
  return item;
}

/** The item and, when `linked`, the items sharing its link key. */
export function withLinked(m: TimelineModel, item: ModelItem, linked: boolean): ModelItem[] {
  if (!linked || item.link === null) return [item];
  return [item, ...m.items.filter((i) => i.id !== item.id && i.link === item.link)];
}

/** Merged, sorted record intervals of some items. */
export function unionOf(items: { start: number; end: number }[]): [number, number][] {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last[1]) last[1] = Math.max(last[1], i.end);
    else out.push([i.start, i.end]);
  }
  return out;
}

/** Existing item ids among some pieces, once each, in order. */
export function existingIds(m: TimelineModel, pieces: Piece[]): string[] {
  const ids = new Set(m.items.map((i) => i.id));
  return [...new Set(pieces.map((p) => p.base).filter((b) => ids.has(b)))];
}

/** Checks a source range against the clip's media: OUT_OF_MEDIA when it runs past either end. */
export function checkMedia(
  media: ModelMedia | undefined,
  what: string,
  sourceStart: number,
  sourceEnd: number,
): void {
  if (sourceStart < 0) {
    fail(
      "OUT_OF_MEDIA",
      `${what} would start ${-sourceStart} frame(s) before the clip's first frame.`,
      "Trim or extend by less: the clip has no media before its first frame.",
    );
  }
  if (media && sourceEnd > media.frames) {
    fail(
      "OUT_OF_MEDIA",
      `${what} would end ${
        sourceEnd - media.frames
      } frame(s) past the clip's last frame (the clip has ${media.frames} frames).`,
      "Trim or extend by less, or pick a shorter source range.",
    );
  }
}

function compareItems(a: ModelItem, b: ModelItem): number {
  return TYPE_ORDER[a.track_type] - TYPE_ORDER[b.track_type] || a.track_index - b.track_index ||
    a.start - b.start || a.end - b.end;
}

/**
 * Regroups links after an edit. Pieces of one original link group stay linked when they still
 * play in sync (same shift) and either one of them is the only piece left of its item, or their
 * original times overlap (so a blade through a linked video and audio gives a linked left pair
 * and a linked right pair). A group that falls apart keeps its key on its first part and gives
 * the others "<key>.<n>"; a lone piece is unlinked (null).
 */
export function regroupLinks(pieces: Piece[]): Piece[] {
  const count = new Map<string, number>();
  for (const p of pieces) count.set(p.base, (count.get(p.base) ?? 0) + 1);
  const keys = new Set(pieces.map((p) => p.group).filter((g): g is string => g !== null));
  const order = pieces.map((p, i) => ({ p, i })).sort((a, b) => compareItems(a.p, b.p));
  const out = [...pieces];
  const byKey = new Map<string, { p: Piece; i: number }[]>();
  for (const o of order) {
    if (o.p.group !== null) byKey.set(o.p.group, [...(byKey.get(o.p.group) ?? []), o]);
  }
  for (const key of [...byKey.keys()].sort()) {
    const members = byKey.get(key)!;
    const parent = members.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const p = members[a].p, q = members[b].p;
        if (shiftOf(p) !== shiftOf(q)) continue;
        const sole = count.get(p.base) === 1 || count.get(q.base) === 1;
        const overlap = p.source_start + p.anchor < q.source_end + q.anchor &&
          q.source_start + q.anchor < p.source_end + p.anchor;
        if (sole || overlap) parent[root(b)] = root(a);
      }
    }
    const comps = new Map<number, number[]>();
    members.forEach((_, i) => {
      const r = root(i);
      comps.set(r, [...(comps.get(r) ?? []), i]);
    });
    let n = 0;
    for (const comp of comps.values()) {
      let link: string | null = null;
      if (comp.length > 1) {
        if (n === 0) link = key;
        else {
          let k = n;
          while (keys.has(`${key}.${k}`)) k++;
          link = `${key}.${k}`;
          keys.add(link);
        }
        n++;
      }
      for (const i of comp) out[members[i].i] = { ...members[i].p, link };
    }
  }
  return out.map((p) => (p.group === null ? { ...p, link: null } : p));
}

/**
 * Checks the pieces (positions, media, overlaps), regroups links and diffs against the before
 * model. `overwritten` are existing ids the edit covered; `notes` go into the plan.
 */
export function finish(
  m: TimelineModel,
  pieces: Piece[],
  notes: string[],
  overwritten: string[] = [],
): EditPlan {
  const live = pieces.filter((p) => p.end > p.start);
  for (const p of live) {
    if (p.start < 0) {
      fail(
        "OUT_OF_RANGE",
        `The edit would put an item at frame ${p.start}, before the timeline's first frame.`,
        "Pick a later frame: frames count from 0 at the timeline's start.",
      );
    }
    if (p.track_index < 1) {
      fail(
        "TRACK_NOT_FOUND",
        `Track index ${p.track_index} does not exist.`,
        "Track indexes start at 1.",
      );
    }
    checkMedia(
      p.clip_id === null ? undefined : m.media[p.clip_id],
      "An item",
      p.source_start,
      p.source_end,
    );
  }
  const sorted = [...live].sort(compareItems);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1], b = sorted[i];
    if (sameTrack(a, b) && b.start < a.end) {
      fail(
        "EDIT_OVERLAP",
        `The edit would overlap two items on ${trackName(a)} at frames ${b.start}-${
          Math.min(a.end, b.end)
        }.`,
        "Use ripple, or make room first (lift_range or a shorter edit).",
      );
    }
  }
  const tracks = { ...m.tracks };
  for (const p of live) tracks[p.track_type] = Math.max(tracks[p.track_type] ?? 0, p.track_index);
  for (const type of Object.keys(tracks) as ModelTrackType[]) {
    if (tracks[type] > (m.tracks[type] ?? 0)) {
      notes.push(
        `The edit needs ${tracks[type] - (m.tracks[type] ?? 0)} more ${type} track(s) (up to ${
          TYPE_LETTER[type]
        }${tracks[type]}).`,
      );
    }
  }
  const items: ModelItem[] = regroupLinks(sorted).map((p) => ({
    id: p.id,
    origin: p.origin,
    track_type: p.track_type,
    track_index: p.track_index,
    start: p.start,
    end: p.end,
    source_start: p.source_start,
    source_end: p.source_end,
    clip_id: p.clip_id,
    link: p.link,
  }));
  return diffPlan(m, { items, media: m.media, tracks }, notes, overwritten);
}

function sameItem(a: ModelItem, b: ModelItem): boolean {
  return sameTrack(a, b) && a.start === b.start && a.end === b.end &&
    a.source_start === b.source_start && a.source_end === b.source_end && a.clip_id === b.clip_id;
}

/**
 * The plan from a before and an after model. An after item identical (track, record range,
 * source range, clip) to the before item it names (by its id, or else by its origin) keeps that
 * item (`keep`, at most once per existing item); every other after item is created with id
 * "new:<n>" and origin = the existing item whose work it carries (null for a fresh clip); before
 * items not kept are in `remove`. A kept item's link key may differ from before (its partner was
 * re-created or split): the applier relinks by the after model's keys.
 */
export function diffPlan(
  before: TimelineModel,
  after: TimelineModel,
  notes: string[],
  overwritten: string[] = [],
): EditPlan {
  const byId = new Map(before.items.map((i) => [i.id, i]));
  const used = new Set<string>();
  const taken = new Set(before.items.map((i) => i.id));
  let n = 0;
  const nextId = () => {
    do n++; while (taken.has(`new:${n}`));
    return `new:${n}`;
  };
  const keep: string[] = [];
  const create: ModelItem[] = [];
  const items: ModelItem[] = [];
  for (const item of after.items) {
    const candidates = [item.id, item.origin].filter((c): c is string => c !== null);
    const match = candidates.map((c) => byId.get(c)).find((b) =>
      b !== undefined && !used.has(b.id) && sameItem(b, item)
    );
    if (match) {
      used.add(match.id);
      keep.push(match.id);
      items.push({ ...item, id: match.id, origin: match.origin ?? match.id });
    } else {
      const origin = item.origin ?? (byId.has(item.id) ? item.id : null);
      const created = { ...item, id: nextId(), origin };
      create.push(created);
      items.push(created);
    }
  }
  const remove = before.items.filter((i) => !used.has(i.id)).map((i) => i.id);
  return {
    before,
    after: { ...after, items },
    remove,
    create,
    keep,
    overwritten: overwritten.filter((id) => byId.has(id)),
    notes,
  };
}
