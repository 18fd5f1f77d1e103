/**
 * The edit planner: every edit is a pure function from a TimelineModel to an EditPlan (before,
 * after, which existing items to remove, which items to create and whose work each carries,
 * which to keep as they are). No bridge, no Resolve; the applier carries the plan out.
 *
 * Semantics shared by every edit:
 * - Frames count from the timeline's first frame (0 = start); every end is exclusive. Source
 *   frames count from the clip's first frame, one source frame per record frame.
 * - Linked items (same link key) follow the edit: a split cuts them at the same frame, a move
 *   moves them by the same amount (and, for items of the moved item's track type, by the same
 *   number of tracks), a ripple delete removes them too. A trim moves the edge of exactly the
 *   linked items whose edge coincides with the trimmed one: for a start trim those whose start
 *   is the trimmed item's start frame, for an end trim those whose end is its end frame (the
 *   trimmed item's edge as it is before the trim; all move by the same amount). A linked item
 *   whose edge is elsewhere (an L-cut's audio, the other half of a video split on its own, the
 *   whole audio under one half) keeps both its edges; with ripple it is opened or closed at
 *   the trimmed edge like any item on a track that is not trimmed (it may be split so sync
 *   holds), and the plan's notes name it. `linked: false` edits the named item alone.
 * - Range edits (lift, extract, insert, overwrite) act on tracks, not on links: on every track of
 *   the timeline when `tracks` is omitted, and on exactly the named tracks when it is given
 *   (the other tracks are untouched, so an extract or insert on some tracks can pull their items
 *   out of sync with linked items elsewhere: the notes say so and name them). Insert and
 *   overwrite need the tracks the clips go on (V<trackIndex> for video, A<trackIndex> for
 *   audio) among named `tracks` (INVALID_ARGUMENTS otherwise).
 * - A ripple opens or closes time on EVERY track so sync holds: items starting at or after the
 *   point move; an item on another track that spans the point is split (opening: its later part
 *   moves right, a gap opens inside it) or has the closed range cut out of it (closing: it is
 *   shortened, its later part follows). Deleting a video-only item with ripple shifts the audio
 *   after it as well.
 * - A piece of an item (a split half, what an overwrite or lift leaves, the far side of a ripple
 *   cut) carries the original item's work: its `origin` is the original item's id.
 * - Links after an edit: pieces of one link group stay linked when they still play in sync and
 *   either one of them is uncut or their original times overlap (a blade through a linked video
 *   and audio gives a linked left pair and a linked right pair); a lone piece is unlinked.
 * - No result has two items overlapping on a track, an item before frame 0, or a source range
 *   outside [0, the clip's frames). An impossible request throws (ITEM_NOT_FOUND, CLIP_NOT_FOUND,
 *   OUT_OF_RANGE, OUT_OF_MEDIA, EDIT_OVERLAP, INVALID_ARGUMENTS, NOTHING_TO_CHANGE); it is never
 *   silently adjusted.
 * - Only items that really change are re-created (diffPlan): an item whose track, record range,
 *   source range and clip are unchanged is kept.
 *
 * The edits:
 * - planSplit(m, item, at, {linked = true}): blade at record frame `at` (start < at < end). Both
 *   halves carry the item's work; linked items that span `at` are cut there too.
 * - planTrim(m, item, "start"|"end", {by} | {to}, {ripple = false, linked = true}): moves the
 *   edge by `by` signed frames (positive = later) or to record frame `to` (where the edge is
 *   dragged to, in the timeline as it is before the trim). Extends only into
 *   the clip's media (OUT_OF_MEDIA otherwise) and never to zero length. Without ripple the
 *   other edge stays, a shortened item leaves a gap, and an extension into a neighbour is
 *   REFUSED (EDIT_OVERLAP, saying how far it could go): not clipped. With ripple the item keeps
 *   its record start (a start trim changes which source frame it starts on) and everything
 *   after the edge on every track moves by the change in length; other tracks are opened or
 *   closed at the edge (start trim: at the item's start; end trim: at its end). The trimmed
 *   items (the item and the linked items whose edge coincides, see above) are on different
 *   tracks, since items on one track do not overlap.
 * - planMove(m, item, to, {trackIndex, ripple = false, linked = true}): the item starts at
 *   record frame `to` (and on track `trackIndex` of its type). Without ripple it overwrites
 *   what is at the destination (those items are cut or removed and listed in `overwritten`;
 *   their remaining pieces keep their work) and leaves a gap where it was. With ripple the
 *   moved items' time is closed on every track (as planRippleDelete), then opened on every track
 *   at the destination, and `to` is where the item starts in the result; the moved items
 *   (with their linked items) must cover one unbroken span.
 * - planInsert(m, at, trackIndex = 1, clips, {tracks}): ripple insert of the clips one after the
 *   other at `at`: items spanning `at` are split, everything from `at` moves right by the total
 *   length on every track (or on exactly `tracks`, which must include the destination tracks).
 *   A clip with video goes on V<trackIndex>, its audio on A<trackIndex>, linked under a new key.
 * - planOverwrite(m, at, trackIndex = 1, clips, {tracks}): the clips replace [at, at + length)
 *   on every track (or on exactly `tracks`, which must include the destination tracks); items
 *   cut in two keep their work on both sides; covered items are listed in `overwritten`.
 * - planRippleDelete(m, ids, {linked = true}): removes the items (and their linked items) and
 *   closes their time (the union of their ranges) on EVERY track: items on other tracks that
 *   span the removed time have it extracted (shortened, their later part follows).
 * - planLift(m, from, to, {tracks}): removes [from, to) on every track (or `tracks`), leaving a
 *   gap; items spanning the range's edges are cut and keep their work.
 * - planExtract(m, from, to, {tracks}): removes [from, to) and closes the gap on every track
 *   (sync holds, as for a ripple delete), or on exactly `tracks`: the other tracks stay as they
 *   are, and the notes name linked items the extract pulled out of sync.
 */
import { fail } from "../../errors.ts";
import type { EditPlan, ModelItem, ModelTrackType, TimelineModel } from "./model.ts";
import {
  checkMedia,
  closeRange,
  cutAt,
  existingIds,
  finish,
  itemOf,
  liftRange,
  openAt,
  type Piece,
  piecesOf,
  sameTrack,
  type Sel,
  selOf,
  shiftFrom,
  shiftOf,
  trackName,
  type TrackRef,
  unionOf,
  withLinked,
} from "./core.ts";

export interface SplitOptions {
  /** Cut the linked items at the same frame (default true). */
  linked?: boolean;
}

export interface TrimAmount {
  /** Signed frames to move the edge by (positive = later). */
  by?: number;
  /** The record frame to move the edge to. */
  to?: number;
}

export interface TrimOptions {
  ripple?: boolean;
  linked?: boolean;
}

export interface MoveOptions {
  /** Destination track index (of the item's track type); default: its own track. */
  trackIndex?: number;
  ripple?: boolean;
  linked?: boolean;
}

export interface ClipSpec {
  /** The media pool item's unique id (a key of TimelineModel.media). */
  clip_id: string;
  /** Source range in clip frames, end exclusive; default the whole clip. */
  source_start?: number;
  source_end?: number;
}

export interface RangeOptions {
  /** Exactly the tracks to act on (the others are untouched); default every track. */
  tracks?: TrackRef[];
}

export interface DeleteOptions {
  linked?: boolean;
}

const ALL: Sel = () => true;

function frameArg(name: string, value: number, min = 0): void {
  if (!Number.isInteger(value) || value < min) {
    fail(
      "INVALID_ARGUMENTS",
      `${name} must be a whole frame number of at least ${min} (got ${value}).`,
      "Frames count from 0 at the timeline's first frame.",
    );
  }
}

function idsOf(items: ModelItem[]): Set<string> {
  return new Set(items.map((i) => i.id));
}

/**
 * The notes of a range edit on named tracks only: which tracks acted and, when time moved on
 * them, the existing items whose link group no longer plays in sync (its pieces moved against
 * their sources by different amounts).
 */
function namedNotes(tracks: TrackRef[], pieces: Piece[], moved: boolean): string[] {
  const names = [...new Set(tracks.map(trackName))].join(", ");
  if (!moved) return [`Only ${names} changed; the other tracks are untouched.`];
  // Out of sync: two pieces of one link group, of different items, that played at the same
  // time before the edit and now moved against their sources by different amounts.
  const linked = pieces.filter((p) => p.group !== null && !p.base.startsWith("fresh:"));
  const was = (p: Piece): [number, number] => [p.anchor + p.source_start, p.anchor + p.source_end];
  const apart = new Set<string>();
  for (const p of linked) {
    for (const q of linked) {
      const [ps, pe] = was(p), [qs, qe] = was(q);
      if (
        p.group === q.group && p.base !== q.base && ps < qe && qs < pe && shiftOf(p) !== shiftOf(q)
      ) apart.add(p.base);
    }
  }
  const notes = [
    `Only ${names} moved; the other tracks did not, so sync may have changed on them.`,
  ];
  if (apart.size) {
    notes.push(`Linked items now out of sync with each other: ${[...apart].join(", ")}.`);
  }
  return notes;
}

/** Named tracks must include the tracks the clips go on. */
function needDest(tracks: TrackRef[] | undefined, dest: TrackRef[]): void {
  if (!tracks) return;
  const missing = dest.filter((d) => !tracks.some((t) => sameTrack(t, d))).map(trackName);
  if (missing.length) {
    fail(
      "INVALID_ARGUMENTS",
      `tracks names only ${tracks.map(trackName).join(", ")}, but the clips go on ${
        missing.join(", ")
      } too.`,
      `Add ${missing.join(", ")} to tracks, or omit tracks to act on every track.`,
    );
  }
}

function syncNote(m: TimelineModel, hit: Piece[], skip: Set<string>, what: string): string[] {
  const ids = existingIds(m, hit).filter((id) => !skip.has(id));
  return ids.length ? [`${what}: ${ids.join(", ")}.`] : [];
}

/** Blade: cut the item (and its linked items) at record frame `at`. */
export function planSplit(
  m: TimelineModel,
  itemId: string,
  at: number,
  { linked = true }: SplitOptions = {},
): EditPlan {
  const item = itemOf(m, itemId);
  frameArg("at", at);
  if (at <= item.start || at >= item.end) {
    fail(
      "OUT_OF_RANGE",
      `Frame ${at} is not inside item ${item.id} (frames ${item.start}-${item.end}, end exclusive).`,
      `Pick a frame after ${item.start} and before ${item.end}.`,
    );
  }
  const targets = idsOf(withLinked(m, item, linked));
  const notes: string[] = [];
  const untouched = [...targets].filter((id) => {
    const t = itemOf(m, id);
    return t.start >= at || t.end <= at;
  });
  if (untouched.length) {
    notes.push(`Linked item(s) not spanning frame ${at} stay whole: ${untouched.join(", ")}.`);
  }
  const pieces = cutAt(piecesOf(m), ALL, at, (p) => !targets.has(p.base));
  return finish(m, pieces, notes);
}

/** Trim an edge of the item (and its linked items). */
export function planTrim(
  m: TimelineModel,
  itemId: string,
  edge: "start" | "end",
  amount: TrimAmount,
  { ripple = false, linked = true }: TrimOptions = {},
): EditPlan {
  const item = itemOf(m, itemId);
  if (edge !== "start" && edge !== "end") {
    fail("INVALID_ARGUMENTS", `edge must be "start" or "end".`, `Pass edge: "start" or "end".`);
  }
  if ((amount.by === undefined) === (amount.to === undefined)) {
    fail(
      "INVALID_ARGUMENTS",
      "Give exactly one of by (signed frames) or to (a frame).",
      "Pass by_frames or to_frame.",
    );
  }
  if (amount.by !== undefined && !Number.isInteger(amount.by)) {
    fail("INVALID_ARGUMENTS", "by must be a whole number of frames.", "Pass a signed integer.");
  }
  if (amount.to !== undefined) frameArg("to", amount.to);
  const edgeAt = edge === "start" ? item.start : item.end;
  const delta = amount.by ?? (amount.to! - edgeAt);
  if (delta === 0) {
    fail(
      "NOTHING_TO_CHANGE",
      `The ${edge} of ${item.id} is already at frame ${edgeAt}.`,
      "Pass a non-zero trim.",
    );
  }
  // Only the linked items whose same edge sits at the same record frame follow the trim.
  const linkedItems = withLinked(m, item, linked);
  const coincides = (t: ModelItem) => (edge === "start" ? t.start : t.end) === edgeAt;
  const targets = linkedItems.filter((t) => t.id === item.id || coincides(t));
  const targetIds = idsOf(targets);
  const notes: string[] = [];
  const apart = linkedItems.filter((t) => !targetIds.has(t.id)).map((t) => t.id);
  if (apart.length) {
    notes.push(
      `Linked item(s) whose ${edge} is not at frame ${edgeAt} are not trimmed: ${
        apart.join(", ")
      }.`,
    );
  }
  const trimmed = new Map<string, Piece>();
  for (const p of piecesOf(m).filter((p) => targetIds.has(p.base))) {
    let next: Piece;
    if (edge === "end") {
      next = { ...p, end: p.end + delta, source_end: p.source_end + delta };
    } else if (ripple) {
      next = { ...p, end: p.end - delta, source_start: p.source_start + delta };
    } else {
      next = { ...p, start: p.start + delta, source_start: p.source_start + delta };
    }
    if (next.end - next.start < 1) {
      fail(
        "OUT_OF_RANGE",
        `Trimming ${p.id} by ${delta} frame(s) would leave nothing of it (it is ${
          p.end - p.start
        } frames long).`,
        "Trim by less, or remove the item with ripple_delete.",
      );
    }
    if (next.start < 0) {
      fail(
        "OUT_OF_RANGE",
        `Trimming ${p.id} would start it at frame ${next.start}, before the timeline's start.`,
        `Extend its start by at most ${p.start} frame(s).`,
      );
    }
    // Items without a clip (generators, titles) have no end to their media, but no frames
    // before their first one either.
    const media = p.clip_id === null ? undefined : m.media[p.clip_id];
    if (next.source_start < 0 || (media && next.source_end > media.frames)) {
      const tail = media ? `${media.frames - p.source_end}` : "unlimited";
      fail(
        "OUT_OF_MEDIA",
        `Trimming ${p.id} by ${delta} frame(s) runs past its clip's media (${p.source_start} frame(s) available before it, ${tail} after).`,
        "Extend by at most the frames available, or trim the other way.",
      );
    }
    trimmed.set(p.base, next);
  }
  let pieces = piecesOf(m);
  if (!ripple) {
    pieces = pieces.map((p) => trimmed.get(p.base) ?? p);
    for (const t of trimmed.values()) {
      const neighbour = pieces.find((o) =>
        !targetIds.has(o.base) && o.track_type === t.track_type &&
        o.track_index === t.track_index &&
        o.start < t.end && t.start < o.end
      );
      if (neighbour) {
        const orig = itemOf(m, t.base);
        const room = edge === "end" ? neighbour.start - orig.end : orig.start - neighbour.end;
        fail(
          "EDIT_OVERLAP",
          `Extending ${t.base} would run into ${neighbour.base} on ${
            trackName(t)
          }; there is room for ${room} frame(s).`,
          "Trim by at most that, use ripple: true to push later items, or lift_range the neighbour first.",
        );
      }
    }
    return finish(m, pieces, notes);
  }
  // Ripple: each target's track moves after the target; the other tracks open/close at the edge.
  const growth = edge === "end" ? delta : -delta;
  // The targets share an edge frame, so no two are on one track.
  const targetTracks = new Set(targets.map(trackName));
  const targetTrack: Sel = (p) => targetTracks.has(trackName(p));
  const isTarget = (p: Piece) => targetIds.has(p.base);
  for (const t of targets) {
    pieces = shiftFrom(pieces, (p) => trackName(p) === trackName(t), t.end, growth, isTarget);
  }
  const others: Sel = (p) => !targetTrack(p);
  let hit: Piece[] = [];
  if (growth > 0) {
    pieces = openAt(pieces, others, edgeAt, growth);
  } else {
    const from = edge === "end" ? edgeAt + growth : edgeAt;
    const closed = closeRange(pieces, others, from, from - growth);
    pieces = closed.pieces;
    hit = closed.hit;
  }
  pieces = pieces.map((p) => trimmed.get(p.base) ?? p);
  notes.push(...syncNote(m, hit, targetIds, "Shortened on other tracks to hold sync"));
  return finish(m, pieces, notes);
}

/** Move the item (and its linked items) to start at record frame `to`. */
export function planMove(
  m: TimelineModel,
  itemId: string,
  to: number,
  { trackIndex, ripple = false, linked = true }: MoveOptions = {},
): EditPlan {
  const item = itemOf(m, itemId);
  frameArg("to", to);
  if (trackIndex !== undefined) frameArg("trackIndex", trackIndex, 1);
  const delta = to - item.start;
  const trackShift = (trackIndex ?? item.track_index) - item.track_index;
  if (delta === 0 && trackShift === 0) {
    fail(
      "NOTHING_TO_CHANGE",
      `${item.id} already starts at frame ${to} on ${trackName(item)}.`,
      "Pass another frame or track.",
    );
  }
  const movers = withLinked(m, item, linked);
  const moverIds = idsOf(movers);
  const relocate = (p: Piece, start: number): Piece => {
    const track = p.track_type === item.track_type ? p.track_index + trackShift : p.track_index;
    if (track < 1) {
      fail(
        "TRACK_NOT_FOUND",
        `Linked item ${p.id} would land on track ${track}.`,
        "Move to a higher track, or with include_linked: false.",
      );
    }
    return { ...p, track_index: track, start, end: start + (p.end - p.start) };
  };
  const notes: string[] = [];
  if (!ripple) {
    const moving = piecesOf(m).filter((p) => moverIds.has(p.base)).map((p) =>
      relocate(p, p.start + delta)
    );
    let pieces = piecesOf(m).filter((p) => !moverIds.has(p.base));
    const hit: Piece[] = [];
    for (const p of moving) {
      if (p.start < 0) {
        fail(
          "OUT_OF_RANGE",
          `Linked item ${p.id} would start before frame 0.`,
          "Move later, or with include_linked: false.",
        );
      }
      const lifted = liftRange(pieces, (t) => trackName(t) === trackName(p), p.start, p.end);
      pieces = lifted.pieces;
      hit.push(...lifted.hit);
    }
    const overwritten = existingIds(m, hit);
    if (overwritten.length) {
      notes.push(`Overwritten at the destination: ${overwritten.join(", ")}.`);
    }
    return finish(m, [...pieces, ...moving], notes, overwritten);
  }
  const span = unionOf(movers);
  if (span.length !== 1) {
    fail(
      "INVALID_ARGUMENTS",
      `${item.id} and its linked items do not cover one unbroken span, so a ripple move cannot keep their spacing.`,
      "Move with include_linked: false, or without ripple.",
    );
  }
  const [a, b] = span[0];
  const at = to - (item.start - a);
  if (at < 0) {
    fail(
      "OUT_OF_RANGE",
      `Linked items would start before frame 0.`,
      "Move later, or with include_linked: false.",
    );
  }
  const moving = piecesOf(m).filter((p) => moverIds.has(p.base));
  const rest = piecesOf(m).filter((p) => !moverIds.has(p.base));
  const closed = closeRange(rest, ALL, a, b);
  const opened = openAt(closed.pieces, ALL, at, b - a);
  const placed = moving.map((p) => relocate(p, at + (p.start - a)));
  notes.push(...syncNote(m, closed.hit, moverIds, "Cut where the moved items' time closed"));
  return finish(m, [...opened, ...placed], notes);
}

function freshPieces(
  m: TimelineModel,
  at: number,
  trackIndex: number,
  clips: ClipSpec[],
): { pieces: Piece[]; length: number; dest: TrackRef[] } {
  if (clips.length === 0) {
    fail("INVALID_ARGUMENTS", "No clips to place.", "Pass at least one clip.");
  }
  const keys = new Set(m.items.map((i) => i.link));
  let k = 0;
  const pieces: Piece[] = [];
  const dest = new Map<string, TrackRef>();
  let cursor = at;
  clips.forEach((c, i) => {
    const media = m.media[c.clip_id];
    if (!media) {
      fail(
        "CLIP_NOT_FOUND",
        `Clip ${JSON.stringify(c.clip_id)} is not in the model's media.`,
        "Call list_clips and pass a clip's id.",
      );
    }
    const ss = c.source_start ?? 0;
    const se = c.source_end ?? media.frames;
    if (!Number.isInteger(ss) || !Number.isInteger(se) || se <= ss) {
      fail(
        "INVALID_ARGUMENTS",
        `Clip ${i + 1}: source end must be after source start (whole frames).`,
        "Pass source_start < source_end.",
      );
    }
    checkMedia(media, `Clip ${i + 1}`, ss, se);
    const types: ModelTrackType[] = [];
    if (media.has_video) types.push("video");
    if (media.has_audio) types.push("audio");
    if (!types.length) {
      fail(
        "INVALID_ARGUMENTS",
        `Clip ${c.clip_id} has neither video nor audio.`,
        "Pick another clip.",
      );
    }
    let link: string | null = null;
    if (types.length > 1) {
      do k++; while (keys.has(`new-link:${k}`));
      link = `new-link:${k}`;
    }
    for (const type of types) {
      const track = { track_type: type, track_index: trackIndex };
      dest.set(trackName(track), track);
      pieces.push({
        id: `fresh:${i}:${type}`,
        origin: null,
        ...track,
        start: cursor,
        end: cursor + se - ss,
        source_start: ss,
        source_end: se,
        clip_id: c.clip_id,
        link,
        base: `fresh:${i}:${type}`,
        anchor: cursor - ss,
        group: link,
      });
    }
    cursor += se - ss;
  });
  return { pieces, length: cursor - at, dest: [...dest.values()] };
}

/** Ripple insert the clips at record frame `at`. */
export function planInsert(
  m: TimelineModel,
  at: number,
  trackIndex: number | undefined,
  clips: ClipSpec[],
  { tracks }: RangeOptions = {},
): EditPlan {
  frameArg("at", at);
  if (trackIndex !== undefined) frameArg("trackIndex", trackIndex, 1);
  const fresh = freshPieces(m, at, trackIndex ?? 1, clips);
  needDest(tracks, fresh.dest);
  const sel = selOf(tracks);
  const notes: string[] = [];
  const before = piecesOf(m);
  const pieces = openAt(before, sel, at, fresh.length);
  const split = existingIds(m, before.filter((p) => sel(p) && p.start < at && at < p.end));
  if (split.length) {
    notes.push(`Split at frame ${at}, both parts keep their work: ${split.join(", ")}.`);
  }
  if (tracks) notes.push(...namedNotes(tracks, pieces, true));
  return finish(m, [...pieces, ...fresh.pieces], notes);
}

/** Overwrite the clips over [at, at + their length). */
export function planOverwrite(
  m: TimelineModel,
  at: number,
  trackIndex: number | undefined,
  clips: ClipSpec[],
  { tracks }: RangeOptions = {},
): EditPlan {
  frameArg("at", at);
  if (trackIndex !== undefined) frameArg("trackIndex", trackIndex, 1);
  const fresh = freshPieces(m, at, trackIndex ?? 1, clips);
  needDest(tracks, fresh.dest);
  const lifted = liftRange(piecesOf(m), selOf(tracks), at, at + fresh.length);
  const overwritten = existingIds(m, lifted.hit);
  const notes = overwritten.length ? [`Overwritten: ${overwritten.join(", ")}.`] : [];
  if (tracks) notes.push(...namedNotes(tracks, lifted.pieces, false));
  return finish(m, [...lifted.pieces, ...fresh.pieces], notes, overwritten);
}

/** Remove the items (and their linked items) and close their time on every track. */
export function planRippleDelete(
  m: TimelineModel,
  itemIds: string[],
  { linked = true }: DeleteOptions = {},
): EditPlan {
  if (itemIds.length === 0) {
    fail("INVALID_ARGUMENTS", "No item ids given.", "Pass the ids from list_timeline_items.");
  }
  const targets = new Map<string, ModelItem>();
  for (const id of itemIds) {
    for (const t of withLinked(m, itemOf(m, id), linked)) targets.set(t.id, t);
  }
  const targetIds = new Set(targets.keys());
  let pieces = piecesOf(m).filter((p) => !targetIds.has(p.base));
  const hit: Piece[] = [];
  for (const [a, b] of unionOf([...targets.values()]).reverse()) {
    const closed = closeRange(pieces, ALL, a, b);
    pieces = closed.pieces;
    hit.push(...closed.hit);
  }
  const notes = syncNote(
    m,
    hit,
    targetIds,
    "Cut on other tracks to hold sync (the removed time was extracted)",
  );
  return finish(m, pieces, notes);
}

function rangeArgs(from: number, to: number): void {
  frameArg("from", from);
  frameArg("to", to);
  if (to <= from) {
    fail(
      "INVALID_ARGUMENTS",
      `The range ${from}-${to} is empty (to is exclusive and must be after from).`,
      "Pass to > from.",
    );
  }
}

/** Remove [from, to) on the tracks, leaving a gap. */
export function planLift(
  m: TimelineModel,
  from: number,
  to: number,
  { tracks }: RangeOptions = {},
): EditPlan {
  rangeArgs(from, to);
  const lifted = liftRange(piecesOf(m), selOf(tracks), from, to);
  const touched = existingIds(m, lifted.hit);
  const notes = touched.length
    ? [`Lifted from: ${touched.join(", ")}.`]
    : [`Nothing in frames ${from}-${to} on those tracks.`];
  if (tracks) notes.push(...namedNotes(tracks, lifted.pieces, false));
  return finish(m, lifted.pieces, notes, touched);
}

/** Remove [from, to) and close the gap on every track, or on exactly the named tracks. */
export function planExtract(
  m: TimelineModel,
  from: number,
  to: number,
  { tracks }: RangeOptions = {},
): EditPlan {
  rangeArgs(from, to);
  const closed = closeRange(piecesOf(m), selOf(tracks), from, to);
  const notes: string[] = [];
  const touched = existingIds(m, closed.hit);
  if (touched.length) notes.push(`Extracted from: ${touched.join(", ")}.`);
  if (tracks) notes.push(...namedNotes(tracks, closed.pieces, true));
  return finish(m, closed.pieces, notes, touched);
}
