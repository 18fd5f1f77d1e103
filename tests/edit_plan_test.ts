// The edit planner (src/resolve/edit/plan.ts): hand-worked examples per operation, then
// hundreds of generated timelines and edits checked against an independent frame-array model
// (each track an array of frames -> the item whose work plays there and its source frame),
// where every edit is a splice, a fill or a clear of those arrays.
import { assert, assertEquals } from "./assert.ts";
import { ToolError } from "../src/errors.ts";
import {
  diffPlan,
  type EditPlan,
  type ModelItem,
  type ModelTrackType,
  parseTrackRef,
  planExtract,
  planInsert,
  planLift,
  planMove,
  planOverwrite,
  planRippleDelete,
  planSplit,
  planTrim,
  type TimelineModel,
  trackName,
  type TrackRef,
} from "../src/resolve/edit/index.ts";

// ---------------------------------------------------------------------------------------------
// Builders for hand-worked examples.

function item(
  id: string,
  track: string,
  start: number,
  end: number,
  source_start = 0,
  extra: Partial<ModelItem> = {},
): ModelItem {
  const type: ModelTrackType = track[0] === "V" ? "video" : track[0] === "A" ? "audio" : "subtitle";
  return {
    id,
    origin: id,
    track_type: type,
    track_index: Number(track.slice(1)),
    start,
    end,
    source_start,
    source_end: source_start + (end - start),
    clip_id: "c1",
    link: null,
    ...extra,
  };
}

function model(items: ModelItem[], frames = 1000): TimelineModel {
  return {
    items,
    media: {
      c1: { frames, has_video: true, has_audio: true },
      c2: { frames: 50, has_video: true, has_audio: false },
      c3: { frames: 30, has_video: true, has_audio: true },
    },
    tracks: { video: 2, audio: 2, subtitle: 0 },
  };
}

/** "V1 10-20 @5 <origin>" rows of the after model, for readable assertions. */
function rows(plan: EditPlan): string[] {
  return plan.after.items.map((i) =>
    `${i.track_type[0].toUpperCase()}${i.track_index} ${i.start}-${i.end} @${i.source_start} ${
      i.origin ?? "-"
    }${i.link ? ` L${i.link}` : ""}`
  );
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ToolError) return e.code;
    throw e;
  }
  return "OK";
}

const V1 = { track_type: "video", track_index: 1 } as TrackRef;
const A1 = { track_type: "audio", track_index: 1 } as TrackRef;

// ---------------------------------------------------------------------------------------------
// Hand-worked examples.

Deno.test("split: both halves carry the item, the linked audio is cut at the same frame", () => {
  const m = model([
    item("v", "V1", 10, 30, 100, { link: "g" }),
    item("a", "A1", 10, 30, 100, { link: "g" }),
    item("x", "V1", 30, 40),
  ]);
  const plan = planSplit(m, "v", 18);
  assertEquals(rows(plan), [
    "V1 10-18 @100 v Lg",
    "V1 18-30 @108 v Lg.1",
    "V1 30-40 @0 x",
    "A1 10-18 @100 a Lg",
    "A1 18-30 @108 a Lg.1",
  ]);
  assertEquals(plan.keep, ["x"]);
  assertEquals(plan.remove.sort(), ["a", "v"]);
  assertEquals(plan.create.length, 4);
  const alone = planSplit(m, "v", 18, { linked: false });
  assertEquals(rows(alone), [
    "V1 10-18 @100 v Lg",
    "V1 18-30 @108 v Lg",
    "V1 30-40 @0 x",
    "A1 10-30 @100 a Lg",
  ]);
  assertEquals(alone.keep.sort(), ["a", "x"]);
  assertEquals(codeOf(() => planSplit(m, "v", 10)), "OUT_OF_RANGE");
  assertEquals(codeOf(() => planSplit(m, "v", 30)), "OUT_OF_RANGE");
  assertEquals(codeOf(() => planSplit(m, "nope", 12)), "ITEM_NOT_FOUND");
});

Deno.test("trim: end and start without ripple leave gaps and refuse to run into a neighbour", () => {
  const m = model([
    item("v", "V1", 10, 30, 100, { link: "g" }),
    item("a", "A1", 10, 30, 100, { link: "g" }),
    item("x", "V1", 34, 40),
  ]);
  assertEquals(rows(planTrim(m, "v", "end", { by: -5 })), [
    "V1 10-25 @100 v Lg",
    "V1 34-40 @0 x",
    "A1 10-25 @100 a Lg",
  ]);
  assertEquals(rows(planTrim(m, "v", "start", { to: 4 })), [
    "V1 4-30 @94 v Lg",
    "V1 34-40 @0 x",
    "A1 4-30 @94 a Lg",
  ]);
  // 4 frames of room before x: 4 is fine, 5 is refused (not clipped).
  assertEquals(rows(planTrim(m, "v", "end", { by: 4 }, { linked: false })), [
    "V1 10-34 @100 v Lg",
    "V1 34-40 @0 x",
    "A1 10-30 @100 a Lg",
  ]);
  assertEquals(codeOf(() => planTrim(m, "v", "end", { by: 5 })), "EDIT_OVERLAP");
  // Media: 100 frames before the source start; the start may not go before frame 0 either.
  assertEquals(codeOf(() => planTrim(m, "v", "start", { by: -11 })), "OUT_OF_RANGE");
  const short = model([item("v", "V1", 200, 210, 5)]);
  assertEquals(codeOf(() => planTrim(short, "v", "start", { by: -6 })), "OUT_OF_MEDIA");
  assertEquals(rows(planTrim(short, "v", "start", { by: -5 })), ["V1 195-210 @0 v"]);
  assertEquals(
    codeOf(() => planTrim(model([item("v", "V1", 0, 10, 985)]), "v", "end", { by: 6 })),
    "OUT_OF_MEDIA",
  );
  assertEquals(codeOf(() => planTrim(m, "v", "end", { by: -20 })), "OUT_OF_RANGE");
  assertEquals(codeOf(() => planTrim(m, "v", "end", { by: 0 })), "NOTHING_TO_CHANGE");
  assertEquals(codeOf(() => planTrim(m, "v", "end", {})), "INVALID_ARGUMENTS");
});

Deno.test("trim with ripple: later items on every track follow, other tracks open or close at the edge", () => {
  const m = model([
    item("v", "V1", 10, 30, 100, { link: "g" }),
    item("a", "A1", 10, 30, 100, { link: "g" }),
    item("x", "V1", 30, 40),
    item("m", "A2", 0, 60, 0), // music spanning the edit
  ]);
  // End +5: x moves to 35; the music is split at 30 and its later part moves right.
  assertEquals(rows(planTrim(m, "v", "end", { by: 5 }, { ripple: true })), [
    "V1 10-35 @100 v Lg",
    "V1 35-45 @0 x",
    "A1 10-35 @100 a Lg",
    "A2 0-30 @0 m",
    "A2 35-65 @30 m",
  ]);
  // Start +4 with ripple: the item stays at 10 and starts 4 source frames later; 4 frames
  // close at its start on the other tracks.
  const plan = planTrim(m, "v", "start", { by: 4 }, { ripple: true });
  assertEquals(rows(plan), [
    "V1 10-26 @104 v Lg",
    "V1 26-36 @0 x",
    "A1 10-26 @104 a Lg",
    "A2 0-10 @0 m",
    "A2 10-56 @14 m",
  ]);
  assert(plan.notes.some((n) => n.includes("m")));
  // Start extension with ripple: 3 more frames at the head, everything after moves right.
  assertEquals(rows(planTrim(m, "v", "start", { by: -3 }, { ripple: true, linked: false })), [
    "V1 10-33 @97 v Lg",
    "V1 33-43 @0 x",
    "A1 13-33 @100 a Lg", // it starts at the opened point, so it moves and stays in sync
    "A2 0-10 @0 m",
    "A2 13-63 @10 m",
  ]);
});

Deno.test("move: without ripple it overwrites (listed), with ripple it closes and opens time", () => {
  const m = model([
    item("v", "V1", 0, 10, 0, { link: "g" }),
    item("a", "A1", 0, 10, 0, { link: "g" }),
    item("x", "V1", 10, 30, 200),
    item("y", "V1", 30, 40, 300),
  ]);
  const over = planMove(m, "v", 25);
  assertEquals(rows(over), [
    "V1 10-25 @200 x",
    "V1 25-35 @0 v Lg",
    "V1 35-40 @305 y",
    "A1 25-35 @0 a Lg",
  ]);
  assertEquals(over.overwritten.sort(), ["x", "y"]);
  const ripple = planMove(m, "v", 20, { ripple: true });
  // After closing 0-10: x 0-20, y 20-30; opening 10 frames at 20: y moves to 30.
  assertEquals(rows(ripple), [
    "V1 0-20 @200 x",
    "V1 20-30 @0 v Lg",
    "V1 30-40 @300 y",
    "A1 20-30 @0 a Lg",
  ]);
  assertEquals(ripple.overwritten, []);
  // Landing inside x splits it; both parts carry x.
  assertEquals(rows(planMove(m, "v", 5, { ripple: true })), [
    "V1 0-5 @200 x",
    "V1 5-15 @0 v Lg",
    "V1 15-30 @205 x",
    "V1 30-40 @300 y",
    "A1 5-15 @0 a Lg",
  ]);
  // To another track: the video goes to V2, its audio stays on A1.
  assertEquals(rows(planMove(m, "v", 50, { trackIndex: 2 })), [
    "V1 10-30 @200 x",
    "V1 30-40 @300 y",
    "V2 50-60 @0 v Lg",
    "A1 50-60 @0 a Lg",
  ]);
  assertEquals(codeOf(() => planMove(m, "v", 0)), "NOTHING_TO_CHANGE");
});

Deno.test("insert: items across the point split, every track moves right, audio comes linked", () => {
  const m = model([
    item("v", "V1", 0, 20, 0, { link: "g" }),
    item("a", "A1", 0, 20, 0, { link: "g" }),
    item("m", "A2", 5, 40, 0),
  ]);
  const plan = planInsert(m, 10, undefined, [{ clip_id: "c3", source_start: 2, source_end: 7 }]);
  assertEquals(rows(plan), [
    "V1 0-10 @0 v Lg",
    "V1 10-15 @2 - Lnew-link:1",
    "V1 15-25 @10 v Lg.1",
    "A1 0-10 @0 a Lg",
    "A1 10-15 @2 - Lnew-link:1",
    "A1 15-25 @10 a Lg.1",
    "A2 5-10 @0 m",
    "A2 15-45 @5 m",
  ]);
  // Only V1 named: A1 and A2 do not move (the clip has no audio).
  assertEquals(rows(planInsert(m, 10, 1, [{ clip_id: "c2", source_end: 4 }], { tracks: [V1] })), [
    "V1 0-10 @0 v Lg",
    "V1 10-14 @0 -",
    "V1 14-24 @10 v",
    "A1 0-20 @0 a Lg",
    "A2 5-40 @0 m",
  ]);
  assertEquals(
    codeOf(() => planInsert(m, 0, 1, [{ clip_id: "c2", source_end: 51 }])),
    "OUT_OF_MEDIA",
  );
  assertEquals(codeOf(() => planInsert(m, 0, 1, [{ clip_id: "zz" }])), "CLIP_NOT_FOUND");
});

Deno.test("overwrite: the range is replaced, items cut in two keep their work on both sides", () => {
  const m = model([
    item("v", "V1", 0, 30, 0),
    item("m", "A2", 0, 30, 0),
  ]);
  const plan = planOverwrite(m, 10, 1, [{ clip_id: "c2", source_start: 0, source_end: 5 }], {
    tracks: [V1],
  });
  assertEquals(rows(plan), ["V1 0-10 @0 v", "V1 10-15 @0 -", "V1 15-30 @15 v", "A2 0-30 @0 m"]);
  assertEquals(plan.overwritten, ["v"]);
  assertEquals(plan.keep, ["m"]);
  // Every track by default: the music gets the same hole.
  assertEquals(rows(planOverwrite(m, 10, 1, [{ clip_id: "c2", source_end: 5 }])), [
    "V1 0-10 @0 v",
    "V1 10-15 @0 -",
    "V1 15-30 @15 v",
    "A2 0-10 @0 m",
    "A2 15-30 @15 m",
  ]);
});

Deno.test("ripple delete: a video-only item's time closes on every track, spanning items are cut", () => {
  const m = model([
    item("v1", "V1", 0, 10),
    item("v2", "V1", 10, 20, 100),
    item("v3", "V1", 20, 30, 200),
    item("a3", "A1", 20, 30, 200),
    item("m", "A2", 5, 25, 0), // spans the removed time 10-20
  ]);
  const plan = planRippleDelete(m, ["v2"]);
  assertEquals(rows(plan), [
    "V1 0-10 @0 v1",
    "V1 10-20 @200 v3",
    "A1 10-20 @200 a3",
    "A2 5-10 @0 m",
    "A2 10-15 @15 m",
  ]);
  assertEquals(plan.keep, ["v1"]);
  assert(plan.notes.some((n) => n.includes("m")));
  // Linked items go too (and their time).
  const linked = model([
    item("v", "V1", 0, 10, 0, { link: "g" }),
    item("a", "A1", 0, 12, 0, { link: "g" }),
    item("w", "V1", 12, 20, 50),
  ]);
  assertEquals(rows(planRippleDelete(linked, ["v"])), ["V1 0-8 @50 w"]);
  assertEquals(rows(planRippleDelete(linked, ["v"], { linked: false })), [
    "V1 2-10 @50 w",
    "A1 0-2 @10 a",
  ]);
});

Deno.test("lift and extract: every track by default, exactly the named tracks with tracks", () => {
  const m = model([
    item("v", "V1", 0, 20, 0, { link: "g" }),
    item("a", "A1", 0, 20, 0, { link: "g" }),
    item("w", "V1", 20, 30, 500),
  ]);
  const lift = planLift(m, 5, 25, { tracks: [V1] });
  assertEquals(rows(lift), [
    "V1 0-5 @0 v Lg",
    "V1 25-30 @505 w",
    "A1 0-20 @0 a Lg",
  ]);
  assertEquals(lift.keep, ["a"]);
  // No tracks: the range closes on every track, so the audio stays in sync.
  assertEquals(rows(planExtract(m, 5, 25)), [
    "V1 0-5 @0 v Lg",
    "V1 5-10 @505 w",
    "A1 0-5 @0 a Lg",
  ]);
  // Only V1 named: the audio is untouched (kept), and the notes say sync changed.
  const video = planExtract(m, 5, 25, { tracks: [V1] });
  assertEquals(rows(video), [
    "V1 0-5 @0 v Lg",
    "V1 5-10 @505 w",
    "A1 0-20 @0 a Lg",
  ]);
  assertEquals(video.keep, ["a"]);
  assert(video.notes.some((n) => /Only V1 moved/.test(n)), video.notes.join(" "));
  // Only A1 named: its later part moves, so it is unlinked from the video and the notes say so.
  const audio = planExtract(m, 5, 10, { tracks: [A1] });
  assertEquals(rows(audio), [
    "V1 0-20 @0 v Lg",
    "V1 20-30 @500 w",
    "A1 0-5 @0 a Lg",
    "A1 5-15 @10 a",
  ]);
  assert(
    audio.notes.some((n) => /out of sync/.test(n) && n.includes("a") && n.includes("v")),
    audio.notes.join(" "),
  );
  assertEquals(codeOf(() => planLift(m, 5, 5)), "INVALID_ARGUMENTS");
});

Deno.test("trim after a video-only split: only linked edges at the trimmed frame follow", () => {
  const m = model([
    item("v", "V1", 10, 30, 100, { link: "g" }),
    item("a", "A1", 10, 30, 100, { link: "g" }),
    item("m", "A2", 0, 60, 0),
  ]);
  // Blade the video alone: both halves stay linked to the whole audio.
  const cut = planSplit(m, "v", 18, { linked: false });
  const after: TimelineModel = {
    ...cut.after,
    items: cut.after.items.map((i) => ({ ...i, id: i.id.replace("new:", "h"), origin: null }))
      .map((i) => ({ ...i, origin: i.id })),
  };
  assertEquals(rows({ ...cut, after }), [
    "V1 10-18 @100 h1 Lg",
    "V1 18-30 @108 h2 Lg",
    "A1 10-30 @100 a Lg",
    "A2 0-60 @0 m",
  ]);
  // The left half's start: the audio starts there too and follows; the right half stays.
  const start = planTrim(after, "h1", "start", { by: 4 });
  assertEquals(rows(start), [
    "V1 14-18 @104 h1 Lg",
    "V1 18-30 @108 h2 Lg",
    "A1 14-30 @104 a Lg",
    "A2 0-60 @0 m",
  ]);
  assertEquals(start.keep.sort(), ["h2", "m"]);
  // The left half's end: nothing else ends at 18, so it trims alone (a gap opens).
  assertEquals(rows(planTrim(after, "h1", "end", { by: -3 })), [
    "V1 10-15 @100 h1 Lg",
    "V1 18-30 @108 h2 Lg",
    "A1 10-30 @100 a Lg",
    "A2 0-60 @0 m",
  ]);
  // ... and extending it runs into the right half, which is not a target: refused.
  assertEquals(codeOf(() => planTrim(after, "h1", "end", { by: 1 })), "EDIT_OVERLAP");
  // The right half's end with ripple: the audio ends there too and follows; the music is
  // closed at the edge.
  assertEquals(rows(planTrim(after, "h2", "end", { by: -5 }, { ripple: true })), [
    "V1 10-18 @100 h1 Lg",
    "V1 18-25 @108 h2 Lg",
    "A1 10-25 @100 a Lg",
    "A2 0-25 @0 m",
    "A2 25-55 @30 m",
  ]);
  // The left half's start with ripple: the audio follows; the right half moves with its track.
  assertEquals(rows(planTrim(after, "h1", "start", { by: 4 }, { ripple: true })), [
    "V1 10-14 @104 h1 Lg",
    "V1 14-26 @108 h2 Lg",
    "A1 10-26 @104 a Lg",
    "A2 0-10 @0 m",
    "A2 10-56 @14 m",
  ]);
});

Deno.test("trim of an L-cut: the audio's edge elsewhere stays; with ripple it is cut for sync", () => {
  const m = model([
    item("v", "V1", 10, 20, 10, { link: "g" }),
    item("a", "A1", 8, 20, 8, { link: "g" }), // the audio leads by 2 frames, same end
  ]);
  const start = planTrim(m, "v", "start", { by: 3 });
  assertEquals(rows(start), ["V1 13-20 @13 v Lg", "A1 8-20 @8 a Lg"]);
  assertEquals(start.keep, ["a"]);
  assertEquals(rows(planTrim(m, "v", "end", { by: -3 })), ["V1 10-17 @10 v Lg", "A1 8-17 @8 a Lg"]);
  // Ripple start: 3 frames close at frame 10 on A1; the audio before the edge stays, the rest
  // follows the picture (still in sync, so linked to it).
  assertEquals(rows(planTrim(m, "v", "start", { by: 3 }, { ripple: true })), [
    "V1 10-17 @13 v Lg",
    "A1 8-10 @8 a",
    "A1 10-17 @13 a Lg",
  ]);
});

Deno.test("diffPlan keeps identical items once, creates the rest with origin, removes the others", () => {
  const m = model([item("p", "V1", 0, 10), item("q", "V1", 10, 20)]);
  const after: TimelineModel = {
    ...m,
    items: [
      { ...m.items[0] },
      { ...m.items[1], id: "new:x", origin: "q" },
      { ...m.items[1], id: "new:y", origin: "q", start: 30, end: 40 },
    ],
  };
  const plan = diffPlan(m, after, []);
  assertEquals(plan.keep, ["p", "q"]);
  assertEquals(plan.remove, []);
  assertEquals(plan.create.map((c) => [c.origin, c.start]), [["q", 30]]);
  const moved = diffPlan(m, { ...m, items: [{ ...m.items[0], start: 1, end: 11 }] }, []);
  assertEquals(moved.keep, []);
  assertEquals(moved.remove, ["p", "q"]);
  assertEquals(moved.create.map((c) => c.origin), ["p"]);
});

Deno.test("links: a blade through an L-cut pair links left with left and right with right", () => {
  const m = model([
    item("v", "V1", 0, 10, 0, { link: "g" }),
    item("a", "A1", 5, 15, 5, { link: "g" }),
  ]);
  assertEquals(rows(planSplit(m, "v", 7)), [
    "V1 0-7 @0 v Lg",
    "V1 7-10 @7 v Lg.1",
    "A1 5-7 @5 a Lg",
    "A1 7-15 @7 a Lg.1",
  ]);
  // An offset pair: the audio's end is elsewhere, so it keeps its length, and the pair stays
  // linked (both still play in sync) although they no longer touch.
  const apart = model([
    item("v", "V1", 0, 10, 0, { link: "g" }),
    item("a", "A1", 10, 20, 10, { link: "g" }),
  ]);
  const trimmed = planTrim(apart, "v", "end", { by: -2 });
  assertEquals(rows(trimmed), [
    "V1 0-8 @0 v Lg",
    "A1 10-20 @10 a Lg",
  ]);
  assertEquals(trimmed.keep, ["a"]);
  assert(trimmed.notes.some((n) => /not trimmed: a\./.test(n)), trimmed.notes.join(" "));
  // A linked pair pulled out of sync (insert on V1 only) unlinks the moved part.
  const pair = model([
    item("v", "V1", 0, 10, 0, { link: "g" }),
    item("a", "A1", 0, 10, 0, { link: "g" }),
  ]);
  assertEquals(rows(planInsert(pair, 4, 1, [{ clip_id: "c2", source_end: 2 }], { tracks: [V1] })), [
    "V1 0-4 @0 v Lg",
    "V1 4-6 @0 -",
    "V1 6-12 @4 v",
    "A1 0-10 @0 a Lg",
  ]);
});

Deno.test("links: a group cut into three parts gets three distinct keys, none already in use", () => {
  const m = model([
    item("d1", "V1", 10, 12, 0),
    item("d2", "V1", 20, 22, 0),
    item("v", "V2", 0, 30, 0, { link: "g" }),
    item("a", "A2", 0, 30, 0, { link: "g" }),
    item("p", "V1", 40, 50, 0, { link: "g.1" }),
    item("q", "A1", 40, 50, 0, { link: "g.1" }),
  ]);
  assertEquals(rows(planRippleDelete(m, ["d1", "d2"])), [
    "V1 36-46 @0 p Lg.1",
    "V2 0-10 @0 v Lg",
    "V2 10-18 @12 v Lg.2",
    "V2 18-26 @22 v Lg.3",
    "A1 36-46 @0 q Lg.1",
    "A2 0-10 @0 a Lg",
    "A2 10-18 @12 a Lg.2",
    "A2 18-26 @22 a Lg.3",
  ]);
});

Deno.test("move with ripple: an L-cut pair keeps its offset and the named item starts at to_frame", () => {
  const m = model([
    item("v", "V1", 10, 20, 0, { link: "g" }),
    item("a", "A1", 8, 20, 0, { link: "g" }), // the audio leads by 2 frames
    item("w", "V1", 20, 30, 100),
    item("b", "A1", 20, 30, 100),
  ]);
  // Closing 8-20 puts w and b at 8-18; opening 12 frames at 16 - 2 = 14 splits them.
  assertEquals(rows(planMove(m, "v", 16, { ripple: true })), [
    "V1 8-14 @100 w",
    "V1 16-26 @0 v Lg",
    "V1 26-30 @106 w",
    "A1 8-14 @100 b",
    "A1 14-26 @0 a Lg",
    "A1 26-30 @106 b",
  ]);
  assertEquals(codeOf(() => planMove(m, "v", 1, { ripple: true })), "OUT_OF_RANGE");
});

Deno.test("track refs: V1 / a2 / S1 parse and print, anything else is undefined", () => {
  assertEquals(parseTrackRef("V1"), { track_type: "video", track_index: 1 });
  assertEquals(parseTrackRef(" a2 "), { track_type: "audio", track_index: 2 });
  assertEquals(trackName(parseTrackRef("S1")!), "S1");
  for (const bad of ["V0", "X1", "V", "1", "V1A"]) assertEquals(parseTrackRef(bad), undefined, bad);
});

// ---------------------------------------------------------------------------------------------
// The reference model: every track an array of frames.

interface Cell {
  /** Whose work plays here: an existing item's id, or null for a fresh clip. */
  o: string | null;
  c: string | null;
  s: number;
}
type Frames = Map<string, (Cell | null)[]>;

const key = (t: TrackRef) => `${t.track_type[0].toUpperCase()}${t.track_index}`;

function render(items: ModelItem[], work: (i: ModelItem) => string | null): Frames {
  const out: Frames = new Map();
  for (const i of items) {
    const row = out.get(key(i)) ?? [];
    out.set(key(i), row);
    for (let f = i.start; f < i.end; f++) {
      if (row[f]) throw new Error(`overlap on ${key(i)} at ${f}`);
      row[f] = { o: work(i), c: i.clip_id, s: i.source_start + (f - i.start) };
    }
  }
  return out;
}

function normal(frames: Frames): Record<string, (Cell | null)[]> {
  const out: Record<string, (Cell | null)[]> = {};
  for (const [k, row] of frames) {
    const r = Array.from({ length: row.length }, (_, i) => row[i] ?? null);
    while (r.length && r[r.length - 1] === null) r.pop();
    if (r.length) out[k] = r;
  }
  return out;
}

function rowOf(frames: Frames, k: string): (Cell | null)[] {
  if (!frames.has(k)) frames.set(k, []);
  return frames.get(k)!;
}

/** Splice that pads with empty frames first, so inserting past the end lands where asked. */
function splice(row: (Cell | null)[], at: number, remove: number, insert: (Cell | null)[] = []) {
  while (row.length < at) row.push(null);
  for (let i = 0; i < row.length; i++) row[i] ??= null;
  row.splice(at, remove, ...insert);
}

function cellsOf(frames: Frames, i: ModelItem): (Cell | null)[] {
  const row = rowOf(frames, key(i));
  return Array.from({ length: i.end - i.start }, (_, f) => row[i.start + f] ?? null);
}

function allKeys(m: TimelineModel, extra: string[] = []): string[] {
  const keys = new Set(extra);
  for (const t of ["video", "audio", "subtitle"] as ModelTrackType[]) {
    for (let n = 1; n <= m.tracks[t]; n++) keys.add(key({ track_type: t, track_index: n }));
  }
  for (const i of m.items) keys.add(key(i));
  return [...keys];
}

function linkedOf(m: TimelineModel, it: ModelItem, linked: boolean): ModelItem[] {
  return linked && it.link ? m.items.filter((i) => i.link === it.link) : [it];
}

function union(items: ModelItem[]): [number, number][] {
  const s = [...items].sort((a, b) => a.start - b.start);
  const out: [number, number][] = [];
  for (const i of s) {
    const last = out[out.length - 1];
    if (last && i.start <= last[1]) last[1] = Math.max(last[1], i.end);
    else out.push([i.start, i.end]);
  }
  return out;
}

type Edit =
  | { op: "split"; id: string; at: number; linked: boolean }
  | {
    op: "trim";
    id: string;
    edge: "start" | "end";
    by?: number;
    to?: number;
    ripple: boolean;
    linked: boolean;
  }
  | { op: "move"; id: string; to: number; track?: number; ripple: boolean; linked: boolean }
  | {
    op: "insert" | "overwrite";
    at: number;
    track?: number;
    clips: { clip_id: string; source_start?: number; source_end?: number }[];
    tracks?: TrackRef[];
  }
  | { op: "delete"; ids: string[]; linked: boolean }
  | { op: "lift" | "extract"; from: number; to: number; tracks?: TrackRef[] };

/** The reference: the expected frames, or the error codes the request may fail with. */
function reference(m: TimelineModel, e: Edit): Frames | string[] {
  const frames = render(m.items, (i) => i.id);
  const byId = (id: string) => m.items.find((i) => i.id === id)!;
  const media = (c: string | null) => (c ? m.media[c] : undefined);
  switch (e.op) {
    case "split": {
      const it = byId(e.id);
      return e.at > it.start && e.at < it.end ? frames : ["OUT_OF_RANGE"];
    }
    case "trim": {
      const it = byId(e.id);
      const edgeAt = e.edge === "start" ? it.start : it.end;
      const d = e.by ?? (e.to! - edgeAt);
      if (d === 0) return ["NOTHING_TO_CHANGE"];
      // The trimmed item and the linked items with the same edge at the same frame.
      const targets = linkedOf(m, it, e.linked).filter((t) =>
        t.id === it.id || (e.edge === "start" ? t.start === it.start : t.end === it.end)
      );
      const errors = new Set<string>();
      for (const t of targets) {
        const len = t.end - t.start + (e.edge === "end" ? d : -d);
        if (len < 1) errors.add("OUT_OF_RANGE");
        const ss = t.source_start + (e.edge === "start" ? d : 0);
        const se = t.source_end + (e.edge === "end" ? d : 0);
        const md = media(t.clip_id);
        if (ss < 0 || (md && se > md.frames)) errors.add("OUT_OF_MEDIA");
        if (!e.ripple && e.edge === "start" && t.start + d < 0) errors.add("OUT_OF_RANGE");
      }
      if (errors.size) return [...errors];
      const ids = new Set(targets.map((t) => t.id));
      if (!e.ripple) {
        for (const t of targets) {
          const row = rowOf(frames, key(t));
          const cell = (f: number): Cell => ({
            o: t.id,
            c: t.clip_id,
            s: t.source_start + f - t.start,
          });
          const [from, to, fill] = e.edge === "end"
            ? (d > 0 ? [t.end, t.end + d, true] : [t.end + d, t.end, false])
            : (d < 0 ? [t.start + d, t.start, true] : [t.start, t.start + d, false]);
          for (let f = from; f < to; f++) {
            if (fill && row[f] && !ids.has(row[f]!.o!)) return ["EDIT_OVERLAP"];
            row[f] = fill ? cell(f) : null;
          }
        }
        return frames;
      }
      const growth = e.edge === "end" ? d : -d;
      const at = e.edge === "end" ? it.end : it.start;
      const targetKeys = new Set(targets.map(key));
      for (const k of allKeys(m)) {
        if (targetKeys.has(k)) continue;
        const row = rowOf(frames, k);
        if (growth > 0) splice(row, at, 0, Array(growth).fill(null));
        else splice(row, e.edge === "end" ? at + growth : at, -growth);
      }
      for (const t of targets) {
        const row = rowOf(frames, key(t));
        const mk = (s: number): Cell => ({ o: t.id, c: t.clip_id, s });
        if (e.edge === "end") {
          if (d > 0) {
            splice(
              row,
              t.end,
              0,
              Array.from({ length: d }, (_, j) => mk(t.source_end + j)),
            );
          } else splice(row, t.end + d, -d);
        } else if (d > 0) splice(row, t.start, d);
        else {splice(
            row,
            t.start,
            0,
            Array.from({ length: -d }, (_, j) => mk(t.source_start + d + j)),
          );}
      }
      return frames;
    }
    case "move": {
      const it = byId(e.id);
      if (e.to < 0) return ["INVALID_ARGUMENTS"];
      const movers = linkedOf(m, it, e.linked);
      const delta = e.to - it.start;
      const shift = (e.track ?? it.track_index) - it.track_index;
      if (delta === 0 && shift === 0) return ["NOTHING_TO_CHANGE"];
      const dest = (t: ModelItem) =>
        key({
          track_type: t.track_type,
          track_index: t.track_type === it.track_type ? t.track_index + shift : t.track_index,
        });
      if (movers.some((t) => t.track_type === it.track_type && t.track_index + shift < 1)) {
        return ["TRACK_NOT_FOUND"];
      }
      const saved = movers.map((t) => ({ t, cells: cellsOf(frames, t) }));
      if (!e.ripple) {
        if (movers.some((t) => t.start + delta < 0)) return ["OUT_OF_RANGE"];
        for (const t of movers) {
          const row = rowOf(frames, key(t));
          for (let f = t.start; f < t.end; f++) row[f] = null;
        }
        for (const { t, cells } of saved) {
          const row = rowOf(frames, dest(t));
          cells.forEach((c, j) => (row[t.start + delta + j] = c));
        }
        return frames;
      }
      const span = union(movers);
      if (span.length !== 1) return ["INVALID_ARGUMENTS"];
      const [a, b] = span[0];
      const q = e.to - (it.start - a);
      if (q < 0) return ["OUT_OF_RANGE"];
      const keys = allKeys(m, saved.map(({ t }) => dest(t)));
      for (const k of keys) splice(rowOf(frames, k), a, b - a);
      for (const k of keys) splice(rowOf(frames, k), q, 0, Array(b - a).fill(null));
      for (const { t, cells } of saved) {
        const row = rowOf(frames, dest(t));
        cells.forEach((c, j) => (row[q + (t.start - a) + j] = c));
      }
      return frames;
    }
    case "insert":
    case "overwrite": {
      const ti = e.track ?? 1;
      const placed: { k: string; at: number; cells: Cell[] }[] = [];
      let cursor = e.at;
      for (const c of e.clips) {
        const md = m.media[c.clip_id];
        if (!md) return ["CLIP_NOT_FOUND"];
        const ss = c.source_start ?? 0, se = c.source_end ?? md.frames;
        if (se <= ss) return ["INVALID_ARGUMENTS"];
        if (ss < 0 || se > md.frames) return ["OUT_OF_MEDIA"];
        const cells = () =>
          Array.from({ length: se - ss }, (_, j) => ({ o: null, c: c.clip_id, s: ss + j }));
        if (md.has_video) placed.push({ k: `V${ti}`, at: cursor, cells: cells() });
        if (md.has_audio) placed.push({ k: `A${ti}`, at: cursor, cells: cells() });
        cursor += se - ss;
      }
      const total = cursor - e.at;
      const destKeys = [...new Set(placed.map((p) => p.k))];
      if (e.tracks && destKeys.some((k) => !e.tracks!.map(key).includes(k))) {
        return ["INVALID_ARGUMENTS"];
      }
      const keys = e.tracks ? e.tracks.map(key) : allKeys(m, destKeys);
      for (const k of keys) {
        const row = rowOf(frames, k);
        if (e.op === "insert") splice(row, e.at, 0, Array(total).fill(null));
        else for (let f = e.at; f < e.at + total; f++) row[f] = null;
      }
      for (const p of placed) {
        const row = rowOf(frames, p.k);
        p.cells.forEach((c, j) => (row[p.at + j] = c));
      }
      return frames;
    }
    case "delete": {
      const targets = new Map<string, ModelItem>();
      for (const id of e.ids) for (const t of linkedOf(m, byId(id), e.linked)) targets.set(t.id, t);
      for (const [a, b] of union([...targets.values()]).reverse()) {
        for (const k of allKeys(m)) splice(rowOf(frames, k), a, b - a);
      }
      return frames;
    }
    case "lift":
    case "extract": {
      const keys = e.tracks ? e.tracks.map(key) : allKeys(m);
      for (const k of keys) {
        const row = rowOf(frames, k);
        if (e.op === "extract") splice(row, e.from, e.to - e.from);
        else for (let f = e.from; f < e.to; f++) row[f] = null;
      }
      return frames;
    }
  }
}

function runPlanner(m: TimelineModel, e: Edit): EditPlan {
  switch (e.op) {
    case "split":
      return planSplit(m, e.id, e.at, { linked: e.linked });
    case "trim":
      return planTrim(m, e.id, e.edge, { by: e.by, to: e.to }, {
        ripple: e.ripple,
        linked: e.linked,
      });
    case "move":
      return planMove(m, e.id, e.to, { trackIndex: e.track, ripple: e.ripple, linked: e.linked });
    case "insert":
      return planInsert(m, e.at, e.track, e.clips, { tracks: e.tracks });
    case "overwrite":
      return planOverwrite(m, e.at, e.track, e.clips, { tracks: e.tracks });
    case "delete":
      return planRippleDelete(m, e.ids, { linked: e.linked });
    case "lift":
      return planLift(m, e.from, e.to, { tracks: e.tracks });
    case "extract":
      return planExtract(m, e.from, e.to, { tracks: e.tracks });
  }
}

// ---------------------------------------------------------------------------------------------
// Generated timelines and edits.

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
type Rng = ReturnType<typeof prng>;

function genTimeline(r: Rng): TimelineModel {
  const nv = r.int(1, 3), na = r.int(1, 3);
  const media: TimelineModel["media"] = {};
  const nClips = r.int(2, 5);
  for (let c = 1; c <= nClips; c++) {
    const v = r.chance(0.85);
    media[`c${c}`] = { frames: r.int(8, 150), has_video: v, has_audio: !v || r.chance(0.7) };
  }
  const items: ModelItem[] = [];
  const free = (track: string, s: number, e: number) =>
    items.every((i) => key(i) !== track || i.end <= s || i.start >= e);
  let n = 0, links = 0;
  const add = (
    track: string,
    s: number,
    e: number,
    ss: number,
    clip: string | null,
    link: string | null,
  ) => {
    n++;
    const type: ModelTrackType = track[0] === "V" ? "video" : "audio";
    items.push({
      id: `i${n}`,
      origin: `i${n}`,
      track_type: type,
      track_index: Number(track.slice(1)),
      start: s,
      end: e,
      source_start: ss,
      source_end: ss + (e - s),
      clip_id: clip,
      link,
    });
  };
  const attempts = r.int(2, 16);
  for (let k = 0; k < attempts; k++) {
    const clip = r.pick(Object.keys(media));
    const md = media[clip];
    const len = r.int(1, Math.min(md.frames, 40));
    const ss = r.int(0, md.frames - len);
    const s = r.int(0, 160);
    const generator = r.chance(0.05);
    if (md.has_video && md.has_audio && r.chance(0.6)) {
      const ti = r.int(1, Math.min(nv, na));
      const off = r.chance(0.35) ? r.int(-3, 3) : 0;
      const as = s + off, ass = ss + off;
      if (as < 0 || ass < 0 || ass + len > md.frames) continue;
      if (!free(`V${ti}`, s, s + len) || !free(`A${ti}`, as, as + len)) continue;
      links++;
      add(`V${ti}`, s, s + len, ss, clip, `L${links}`);
      add(`A${ti}`, as, as + len, ass, clip, `L${links}`);
    } else {
      const type = md.has_video && (!md.has_audio || r.chance(0.5)) ? "V" : "A";
      const track = `${type}${r.int(1, type === "V" ? nv : na)}`;
      if (!free(track, s, s + len)) continue;
      add(track, s, s + len, ss, generator ? null : clip, null);
    }
  }
  return { items, media, tracks: { video: nv, audio: na, subtitle: 0 } };
}

function genTracks(r: Rng, m: TimelineModel): TrackRef[] | undefined {
  if (r.chance(0.6)) return undefined;
  const all: TrackRef[] = [];
  for (let i = 1; i <= m.tracks.video; i++) all.push({ track_type: "video", track_index: i });
  for (let i = 1; i <= m.tracks.audio; i++) all.push({ track_type: "audio", track_index: i });
  const some = all.filter(() => r.chance(0.5));
  return some.length ? some : [all[0]];
}

function genClips(r: Rng, m: TimelineModel) {
  return Array.from({ length: r.int(1, 2) }, () => {
    if (r.chance(0.03)) return { clip_id: "missing" };
    const clip_id = r.pick(Object.keys(m.media));
    const frames = m.media[clip_id].frames;
    if (r.chance(0.3)) return { clip_id };
    if (r.chance(0.03)) return { clip_id, source_start: 3, source_end: 3 };
    const ss = r.int(0, frames - 1);
    const se = r.chance(0.05) ? frames + 1 : r.int(ss + 1, Math.min(frames, ss + 30));
    return { clip_id, source_start: ss, source_end: se };
  });
}

function genEdit(r: Rng, m: TimelineModel): Edit | undefined {
  const ops = [
    "split",
    "trim",
    "move",
    "insert",
    "overwrite",
    "delete",
    "lift",
    "extract",
  ] as const;
  const op = r.pick([...ops]);
  const it = m.items.length ? r.pick(m.items) : undefined;
  const linked = r.chance(0.8);
  switch (op) {
    case "split":
      return it && { op, id: it.id, at: Math.max(0, r.int(it.start - 2, it.end + 1)), linked };
    case "trim": {
      if (!it) return undefined;
      const edge = r.chance(0.5) ? "start" : "end";
      const ripple = r.chance(0.5);
      if (r.chance(0.7)) return { op, id: it.id, edge, by: r.int(-12, 12), ripple, linked };
      const at = edge === "start" ? it.start : it.end;
      return { op, id: it.id, edge, to: Math.max(0, at + r.int(-12, 12)), ripple, linked };
    }
    case "move":
      return it && {
        op,
        id: it.id,
        to: r.chance(0.1) ? it.start : r.chance(0.05) ? -1 : r.int(0, 200),
        track: r.chance(0.3) ? r.int(1, m.tracks[it.track_type] + 1) : undefined,
        ripple: r.chance(0.5),
        linked,
      };
    case "insert":
    case "overwrite":
      return {
        op,
        at: r.int(0, 200),
        track: r.chance(0.5) ? r.int(1, 2) : undefined,
        clips: genClips(r, m),
        tracks: genTracks(r, m),
      };
    case "delete":
      return it && {
        op,
        ids: [...new Set([it.id, ...(r.chance(0.3) ? [r.pick(m.items).id] : [])])],
        linked,
      };
    case "lift":
    case "extract": {
      const from = r.int(0, 180);
      return { op, from, to: from + r.int(1, 40), tracks: genTracks(r, m) };
    }
  }
}

/** Checks the plan's bookkeeping and invariants; returns a failure description or "". */
function checkPlan(m: TimelineModel, plan: EditPlan, e: Edit): string {
  const before = new Map(m.items.map((i) => [i.id, i]));
  const keep = new Set(plan.keep), remove = new Set(plan.remove);
  for (const id of before.keys()) {
    if (keep.has(id) === remove.has(id)) return `item ${id} is not exactly one of keep/remove`;
  }
  const same = (a: ModelItem, b: ModelItem) =>
    key(a) === key(b) && a.start === b.start && a.end === b.end &&
    a.source_start === b.source_start && a.source_end === b.source_end && a.clip_id === b.clip_id;
  const ids = new Set<string>();
  for (const i of plan.after.items) {
    if (ids.has(i.id)) return `duplicate id ${i.id}`;
    ids.add(i.id);
    if (i.start < 0 || i.end <= i.start) return `bad range ${i.id} ${i.start}-${i.end}`;
    const md = i.clip_id ? m.media[i.clip_id] : undefined;
    if (i.source_start < 0 || (md && i.source_end > md.frames)) {
      return `source outside media ${i.id}`;
    }
    if (i.source_end - i.source_start !== i.end - i.start) return `source length ${i.id}`;
    if (keep.has(i.id)) {
      if (!same(i, before.get(i.id)!)) return `kept item ${i.id} changed`;
    } else {
      if (!plan.create.some((c) => c.id === i.id)) {
        return `after item ${i.id} neither kept nor created`;
      }
      if (before.has(i.id)) return `created item reuses existing id ${i.id}`;
      const o = i.origin ? before.get(i.origin) : undefined;
      if (i.origin && !o) return `origin ${i.origin} unknown`;
      if (o && remove.has(o.id) && same(i, o)) return `re-created ${o.id} although unchanged`;
    }
  }
  if (plan.create.length + plan.keep.length !== plan.after.items.length) {
    return "create+keep != after";
  }
  // Minimal pieces: apart from a split, no two pieces of one item join seamlessly.
  if (e.op !== "split") {
    const sorted = [...plan.after.items].sort((a, b) =>
      key(a).localeCompare(key(b)) || a.start - b.start
    );
    for (let k = 1; k < sorted.length; k++) {
      const a = sorted[k - 1], b = sorted[k];
      if (
        key(a) === key(b) && a.origin && a.origin === b.origin && a.end === b.start &&
        a.source_end === b.source_start && a.clip_id === b.clip_id
      ) return `needless cut between pieces of ${a.origin} at ${a.end}`;
    }
  }
  // Link groups play in sync: every member moved against its source by the same amount.
  const groups = new Map<string, ModelItem[]>();
  for (const i of plan.after.items) {
    if (i.link) groups.set(i.link, [...(groups.get(i.link) ?? []), i]);
  }
  for (const [g, members] of groups) {
    if (members.length < 2) return `link ${g} has one member`;
    const shifts = new Set(members.map((i) => {
      const o = i.origin ? before.get(i.origin) : undefined;
      return o ? i.start - i.source_start - (o.start - o.source_start) : "fresh";
    }));
    if (shifts.size > 1) return `link ${g} out of sync`;
    const origins = new Set(members.map((i) => (i.origin ? before.get(i.origin)!.link : "fresh")));
    if (origins.size > 1) return `link ${g} mixes groups`;
    if (origins.has(null)) return `link ${g} links items that were not linked`;
  }
  // And the converse: pieces of one before group that still play in sync and overlap in the
  // original's time, or of which one is all that is left of its item, are linked.
  const pieces = new Map<string, number>();
  for (const i of plan.after.items) {
    if (i.origin) pieces.set(i.origin, (pieces.get(i.origin) ?? 0) + 1);
  }
  const derived = plan.after.items.filter((i) => i.origin && before.get(i.origin)?.link);
  for (const p of derived) {
    for (const q of derived) {
      if (p === q) continue;
      const op = before.get(p.origin!)!, oq = before.get(q.origin!)!;
      if (op.link !== oq.link) continue;
      const anchorP = op.start - op.source_start, anchorQ = oq.start - oq.source_start;
      if (p.start - p.source_start - anchorP !== q.start - q.source_start - anchorQ) continue;
      const overlap = p.source_start + anchorP < q.source_end + anchorQ &&
        q.source_start + anchorQ < p.source_end + anchorP;
      const sole = pieces.get(p.origin!) === 1 || pieces.get(q.origin!) === 1;
      if ((overlap || sole) && (p.link === null || p.link !== q.link)) {
        return `${p.id} and ${q.id} (from group ${op.link}) should be linked`;
      }
    }
  }
  return "";
}

Deno.test("generated edits match the frame-array reference (600 timelines)", () => {
  const r = prng(20261202);
  const tally: Record<string, { ok: number; refused: number }> = {};
  for (let n = 0; n < 600; n++) {
    const m = genTimeline(r);
    const e = genEdit(r, m);
    if (!e) continue;
    const label = `#${n} ${JSON.stringify(e)}\n${JSON.stringify(m.items)}`;
    const expected = reference(structuredClone(m), e);
    let plan: EditPlan | undefined;
    let code = "OK";
    try {
      plan = runPlanner(structuredClone(m), e);
    } catch (err) {
      if (!(err instanceof ToolError)) throw err;
      code = err.code;
    }
    const t = (tally[e.op] ??= { ok: 0, refused: 0 });
    if (Array.isArray(expected)) {
      assert(expected.includes(code), `expected one of ${expected} but got ${code}: ${label}`);
      t.refused++;
      continue;
    }
    assert(plan, `planner refused (${code}) an edit the reference made: ${label}`);
    t.ok++;
    const got = normal(render(plan.after.items, (i) => i.origin));
    assertEquals(got, normal(expected), label);
    const problem = checkPlan(m, plan, e);
    assertEquals(problem, "", label);
    // The input model is not modified.
    assertEquals(
      normal(render(m.items, (i) => i.id)),
      normal(render(structuredClone(m).items, (i) => i.id)),
    );
  }
  // Every operation was exercised both ways often enough for the comparison to mean something.
  for (const op of ["split", "trim", "move", "insert", "overwrite", "delete", "lift", "extract"]) {
    assert(
      (tally[op]?.ok ?? 0) >= 20,
      `${op}: only ${tally[op]?.ok} successful edits (${JSON.stringify(tally)})`,
    );
  }
  for (const op of ["split", "trim", "move", "insert"]) {
    assert(
      (tally[op]?.refused ?? 0) >= 3,
      `${op}: only ${tally[op]?.refused} refusals (${JSON.stringify(tally)})`,
    );
  }
});

Deno.test("generated chains of edits keep every invariant (200 timelines x 5 edits)", () => {
  const r = prng(4242);
  let applied = 0;
  for (let n = 0; n < 200; n++) {
    let m = genTimeline(r);
    for (let step = 0; step < 5; step++) {
      const e = genEdit(r, m);
      if (!e) break;
      const expected = reference(structuredClone(m), e);
      let plan: EditPlan;
      try {
        plan = runPlanner(m, e);
      } catch (err) {
        if (!(err instanceof ToolError)) throw err;
        assert(
          Array.isArray(expected) && expected.includes(err.code),
          `${err.code}: ${JSON.stringify(e)}`,
        );
        continue;
      }
      assert(
        !Array.isArray(expected),
        `planner made an edit the reference refuses: ${JSON.stringify(e)}`,
      );
      assertEquals(
        normal(render(plan.after.items, (i) => i.origin)),
        normal(expected),
        JSON.stringify(e),
      );
      assertEquals(
        checkPlan(m, plan, e),
        "",
        `${JSON.stringify(e)}\n${JSON.stringify(m.items)}\n${rows(plan).join("\n")}`,
      );
      applied++;
      // Next step edits the result, as if the applier had made it: the created items get ids
      // and carry their own work from now on.
      m = {
        ...plan.after,
        items: plan.after.items.map((i) => ({ ...i, id: i.id.replace("new:", `s${n}.${step}.`) }))
          .map((i) => ({ ...i, origin: i.id })),
      };
    }
  }
  assert(applied >= 400, `only ${applied} edits applied`);
});

Deno.test("generated linked trims: only linked edges at the trimmed frame follow (500 timelines)", () => {
  const r = prng(17017);
  let followed = 0, stayed = 0, checked = 0;
  for (let n = 0; n < 500; n++) {
    let m = genTimeline(r);
    // Half the time, blade a linked video alone first, so its halves share the whole audio.
    const pairs = m.items.filter((i) => i.link && i.track_type === "video" && i.end - i.start > 1);
    if (pairs.length && r.chance(0.5)) {
      const v = r.pick(pairs);
      const cut = planSplit(m, v.id, r.int(v.start + 1, v.end - 1), { linked: false });
      m = {
        ...cut.after,
        items: cut.after.items.map((i) => ({ ...i, id: i.id.replace("new:", `h${n}.`) }))
          .map((i) => ({ ...i, origin: i.id })),
      };
    }
    const linked = m.items.filter((i) => i.link);
    if (!linked.length) continue;
    const it = r.pick(linked);
    const edge = r.chance(0.5) ? "start" : "end";
    const e: Edit = {
      op: "trim",
      id: it.id,
      edge,
      by: r.pick([-1, 1]) * r.int(1, 6),
      ripple: r.chance(0.4),
      linked: true,
    };
    const label = `#${n} ${JSON.stringify(e)}\n${JSON.stringify(m.items)}`;
    const expected = reference(structuredClone(m), e);
    let plan: EditPlan;
    try {
      plan = runPlanner(m, e);
    } catch (err) {
      if (!(err instanceof ToolError)) throw err;
      assert(Array.isArray(expected) && expected.includes(err.code), `${err.code}: ${label}`);
      continue;
    }
    assert(!Array.isArray(expected), `planner made an edit the reference refuses: ${label}`);
    assertEquals(normal(render(plan.after.items, (i) => i.origin)), normal(expected), label);
    assertEquals(checkPlan(m, plan, e), "", label);
    // The rule, stated directly on the result.
    const at = edge === "start" ? it.start : it.end;
    const d = e.by!;
    for (const o of m.items.filter((i) => i.link === it.link)) {
      const pieces = plan.after.items.filter((i) => i.origin === o.id);
      const follows = o.id === it.id || (edge === "start" ? o.start : o.end) === at;
      if (follows) {
        assertEquals(pieces.length, 1, label);
        const p = pieces[0];
        if (edge === "end") {
          assertEquals(
            [p.start, p.end, p.source_start],
            [o.start, o.end + d, o.source_start],
            label,
          );
        } else if (e.ripple) {
          assertEquals([p.start, p.end, p.source_start], [o.start, o.end - d, o.source_start + d]);
        } else {
          assertEquals([p.start, p.end, p.source_start], [o.start + d, o.end, o.source_start + d]);
        }
        if (o.id !== it.id) followed++;
      } else {
        // Its edges are not trimmed: without ripple it stays exactly as it was; with ripple
        // every frame it still plays is one of its own source frames in order (moved or cut).
        if (!e.ripple) assert(plan.keep.includes(o.id), `${o.id} was trimmed: ${label}`);
        for (const p of pieces) {
          assert(p.source_start >= o.source_start && p.source_end <= o.source_end, label);
        }
        stayed++;
      }
    }
    checked++;
  }
  assert(checked >= 200, `only ${checked} trims applied`);
  assert(followed >= 40, `only ${followed} linked items followed`);
  assert(stayed >= 40, `only ${stayed} linked items with their edge elsewhere`);
});
