// Resolve 21.1 carry-over over stdio against the simulator: an item at 50 % speed keeps its
// speed (and shows the right part of its media) through split, trim and move, read back
// through list_timeline_items and set_speed; where the clip lacks the media to re-create a
// retimed piece, or below 21.1, nothing is dropped silently.
import { assert, assertEquals } from "../../assert.ts";
import type { TestClient } from "../../harness.ts";
import { withFixture } from "../../fixture.ts";
import { items, layout } from "./edit.ts";
import type { EditPlan, ModelItem } from "../../../src/resolve/edit/index.ts";
import { appendRange, type ItemWork, speedLosses } from "../../../src/resolve/edit/carry.ts";
import { planTransitions } from "../../../src/resolve/edit/transitions.ts";

type Edit = { id_map: Record<string, string[]>; losses: { what: string }[]; carried: Any[] };
// deno-lint-ignore no-explicit-any
type Any = any;

const codeOf = (text: string) => text.match(/\b[A-Z][A-Z_]{3,}\b/)?.[0];

/** The speed of items as Resolve reads it (set_speed to the same value changes nothing). */
async function speeds(t: TestClient, ids: string[], pct = 50): Promise<number[]> {
  const r = await t.ok<{ items: { speed_before: number; duration_before: number }[] }>(
    "set_speed",
    { item_ids: ids, percentage: pct },
  );
  return r.items.map((i) => i.speed_before);
}

Deno.test("split_item: an item at 50% speed is cut into two halves at 50% that show the right media (linked audio too)", async () => {
  await withFixture(async (t, f) => {
    await t.ok("set_speed", { item_ids: [f.video[0]], percentage: 50 });
    // 0-96 on the timeline shows source 0-48 of a.mp4 (video and its linked audio)
    const r = await t.ok<Edit>("split_item", { item_id: f.video[0], at_frame: 40 });
    assertEquals(r.losses, []);
    assert(r.carried.some((c) => c.what.includes("speed 50%")), JSON.stringify(r.carried));
    const [left, right] = r.id_map[f.video[0]];
    const rows = await items(t);
    const a = rows.filter((x) => x.name === "a.mp4");
    assertEquals(layout(a), [
      "A1 0-40 src 0-20",
      "A1 40-96 src 20-48",
      "V1 0-40 src 0-20",
      "V1 40-96 src 20-48",
    ]);
    assertEquals(await speeds(t, [left, right, ...r.id_map[f.audio[0]]]), [50, 50, 50, 50]);
  }, { RESOLVE_SIM_VERSION: "21.1.1" });
});

Deno.test("trim_item: trimming a 50% item keeps its speed; its in point moves by half the frames", async () => {
  await withFixture(async (t, f) => {
    await t.ok("set_speed", { item_ids: [f.video[0]], percentage: 50 });
    const r = await t.ok<Edit>("trim_item", {
      item_id: f.video[0],
      edge: "start",
      by_frames: 20,
      ripple: false,
    });
    assertEquals(r.losses, []);
    const [v] = r.id_map[f.video[0]];
    const a = (await items(t)).filter((x) => x.name === "a.mp4");
    assertEquals(layout(a), ["A1 20-96 src 10-48", "V1 20-96 src 10-48"]);
    assertEquals(await speeds(t, [v]), [50]);
  });
});

Deno.test("move_item: a 50% item moved keeps its speed and source range", async () => {
  await withFixture(async (t, f) => {
    await t.ok("set_speed", { item_ids: [f.video[0]], percentage: 50, pitch_correction: true });
    const r = await t.ok<Edit>("move_item", { item_id: f.video[0], to_frame: 300 });
    assertEquals(r.losses, []);
    const [v] = r.id_map[f.video[0]];
    const a = (await items(t)).filter((x) => x.name === "a.mp4");
    assertEquals(layout(a), ["A1 300-396 src 0-48", "V1 300-396 src 0-48"]);
    const p = await t.ok<{ items: { speed_before: number; pitch_correction: boolean }[] }>(
      "set_speed",
      { item_ids: [v], percentage: 50 },
    );
    assertEquals([p.items[0].speed_before, p.items[0].pitch_correction], [50, true]);
  });
});

Deno.test("trim_item: a retimed piece the clip has no media for is a loss (EDIT_LOSSES), never dropped", async () => {
  await withFixture(async (t, f) => {
    // a.mp4 cut to 0-48, then at 200%: the 48 frames show all 96 frames of the clip
    const cut = await t.ok<Edit>("trim_item", {
      item_id: f.video[0],
      edge: "end",
      by_frames: -48,
      ripple: false,
    });
    const [v] = cut.id_map[f.video[0]];
    await t.ok("set_speed", { item_ids: [v], percentage: 200 });
    const before = layout(await items(t));
    // extended by 24 it would show 144 source frames at 200%: a.mp4 has 96
    const text = await t.error("trim_item", {
      item_id: v,
      edge: "end",
      by_frames: 24,
      ripple: false,
    });
    assertEquals(codeOf(text), "EDIT_LOSSES", text);
    assert(/speed 200%/.test(text), text);
    assertEquals(layout(await items(t)), before, "nothing changed");
  });
});

/** b.png, then two pieces of a.mp4 (source 24-48 and 24-72) with a 6-frame dissolve between. */
async function dissolved(t: TestClient, f: { clips: string[] }) {
  await t.ok("create_timeline_from_clips", {
    name: "Dissolve",
    clips: [
      { clip: f.clips[1] },
      { clip: f.clips[0], start_frame: 24, end_frame: 47 },
      { clip: f.clips[0], start_frame: 24, end_frame: 71 },
    ],
  });
  const rows = (await items(t, "Dissolve")).filter((r) => r.track_type === "video");
  const [still, out, inc] = rows;
  const made = await t.ok<{ transitions: { start_frame: number; end_frame: number }[] }>(
    "add_transition",
    { item_ids: [out.id], timeline: "Dissolve", edge: "end", duration_frames: 6 },
  );
  assertEquals(made.transitions.length, 1);
  await t.ok("set_speed", { item_ids: [inc.id], timeline: "Dissolve", percentage: 50 });
  return { still, out, inc };
}

/** The video track as "name start-end" rows (transitions included). */
const videoRows = async (t: TestClient) =>
  (await items(t, "Dissolve")).filter((r) => r.track_type === "video").map((r) =>
    `${r.name} ${r.start}-${r.end}`
  );

Deno.test("split_item: the dissolve at a 50% item's in point is added back at the same edit; both halves keep 50%", async () => {
  await withFixture(async (t, f) => {
    const { inc } = await dissolved(t, f);
    assertEquals(await videoRows(t), [
      "b.png 0-120",
      "a.mp4 120-144",
      "Cross Dissolve 141-147",
      "a.mp4 144-192",
    ]);
    const r = await t.ok<Edit>("split_item", {
      item_id: inc.id,
      timeline: "Dissolve",
      at_frame: 164,
    });
    assertEquals(r.losses, []);
    assert(r.carried.some((c) => /transition "Cross Dissolve"/.test(c.what.join())));
    assertEquals(await videoRows(t), [
      "b.png 0-120",
      "a.mp4 120-144",
      "Cross Dissolve 141-147",
      "a.mp4 144-164",
      "a.mp4 164-192",
    ]);
    const [left, right] = r.id_map[inc.id];
    assertEquals(await speeds(t, [left, right]), [50, 50]);
    const v = (await items(t, "Dissolve")).filter((x) => x.track_type === "video");
    // 50%: source 24-48 over 48 frames, cut at 20 frames in = 10 source frames
    assertEquals(layout(v.filter((x) => x.name === "a.mp4")), [
      "V1 120-144 src 24-48",
      "V1 144-164 src 24-34",
      "V1 164-192 src 34-48",
    ]);
  });
});

Deno.test("trim_item: trimming the 50% item after a dissolve keeps the dissolve and the speed", async () => {
  await withFixture(async (t, f) => {
    const { inc } = await dissolved(t, f);
    const r = await t.ok<Edit>("trim_item", {
      item_id: inc.id,
      timeline: "Dissolve",
      edge: "end",
      by_frames: -8,
      ripple: false,
    });
    assertEquals(r.losses, []);
    assertEquals(await videoRows(t), [
      "b.png 0-120",
      "a.mp4 120-144",
      "Cross Dissolve 141-147",
      "a.mp4 144-184",
    ]);
    assertEquals(await speeds(t, r.id_map[inc.id]), [50]);
  });
});

Deno.test("move_item: a ripple move before the dissolve shifts it with its clips; moving a clip away from it is a loss", async () => {
  await withFixture(async (t, f) => {
    const { still } = await dissolved(t, f);
    const r = await t.ok<Edit>("move_item", {
      item_id: still.id,
      timeline: "Dissolve",
      to_frame: 72,
      ripple: true,
    });
    assertEquals(r.losses, []);
    assertEquals(await videoRows(t), [
      "a.mp4 0-24",
      "Cross Dissolve 21-27",
      "a.mp4 24-72",
      "b.png 72-192",
    ]);
    const moved = (await items(t, "Dissolve")).find((x) =>
      x.track_type === "video" && x.name === "a.mp4" && x.start === 24
    )!;
    assertEquals(await speeds(t, [moved.id]), [50]);
    // moving the incoming clip away leaves no edit for the dissolve: listed, nothing changed
    const dry = await t.ok<Edit>("move_item", {
      item_id: moved.id,
      timeline: "Dissolve",
      to_frame: 400,
      dry_run: true,
    });
    assert(dry.losses.some((l) => /transition "Cross Dissolve"/.test(l.what)), JSON.stringify(dry));
    const text = await t.error("move_item", {
      item_id: moved.id,
      timeline: "Dissolve",
      to_frame: 400,
    });
    assertEquals(codeOf(text), "EDIT_LOSSES", text);
    assertEquals((await videoRows(t)).length, 4);
  });
});

// Pure logic: where a retimed piece is appended, and where transitions go back.

const piece = (o: Partial<ModelItem>): ModelItem => ({
  id: "x",
  origin: "v",
  track_type: "video",
  track_index: 1,
  start: 0,
  end: 96,
  source_start: 0,
  source_end: 96,
  clip_id: "c",
  link: null,
  ...o,
});
const work = (speed: number | null, source_start = 0): ItemWork => ({
  id: "v",
  track_type: "video",
  name: "v",
  properties: {},
  clip_color: "",
  flags: [],
  markers: [],
  enabled: true,
  grade: null,
  comps: [],
  color_group: null,
  extra_versions: 0,
  takes: 0,
  fades: null,
  speed,
  pitch_correction: false,
  source_start,
  source_end: source_start + 96,
});

Deno.test("split_item: a retimed piece is appended from p % of its offset into the item", () => {
  // unretimed: its own range
  assertEquals(appendRange(piece({ source_start: 10, source_end: 30 }), work(null)), {
    start: 10,
    end: 30,
    retimed: false,
  });
  // 50 % from source 24: the piece 20 record frames in starts 10 source frames in
  assertEquals(
    appendRange(piece({ start: 20, end: 50, source_start: 44, source_end: 74 }), work(50, 24)),
    { start: 34, end: 64, retimed: true },
  );
  // property: for every split point the two pieces' source starts are ordered and within the shown range
  for (const pct of [25, 50, 75, 150, 200]) {
    for (let at = 1; at < 96; at += 7) {
      const w = work(pct, 10);
      const left = appendRange(piece({ end: at, source_start: 10, source_end: 10 + at }), w);
      const right = appendRange(
        piece({ start: at, source_start: 10 + at, source_end: 106 }),
        w,
      );
      assertEquals(left.start, 10);
      assertEquals(right.start, 10 + Math.round(at * pct / 100));
      assert(right.start >= left.start);
    }
  }
  // media: 200 % over 72 frames needs 144 source frames; the clip has 96
  const losses = speedLosses([piece({ end: 72, source_end: 72 })], new Map([["v", work(200)]]), {
    c: { frames: 96, has_video: true, has_audio: false },
  });
  assertEquals(losses.map((l) => l.what), ["speed 200%"]);
  assertEquals(
    speedLosses([piece({ end: 48, source_end: 48 })], new Map([["v", work(200)]]), {
      c: { frames: 96, has_video: true, has_audio: false },
    }),
    [],
  );
});

Deno.test("move_item: transitions at re-created edits go back where the clips meet, or are losses", () => {
  const out = piece({ id: "o", origin: "o", end: 24, source_end: 48, source_start: 24 });
  const inc = piece({ id: "i", origin: "i", start: 24, end: 72, source_start: 24, source_end: 72 });
  const t = piece({ id: "t", origin: "t", start: 21, end: 27, clip_id: null });
  const found = [{
    item: t,
    name: "Cross Dissolve",
    before: 3,
    after: 3,
    outgoing: out,
    incoming: inc,
  }];
  const plan = (after: ModelItem[], remove: string[]): EditPlan => ({
    before: { items: [out, inc], media: {}, tracks: { video: 1, audio: 0, subtitle: 0 } },
    after: { items: after, media: {}, tracks: { video: 1, audio: 0, subtitle: 0 } },
    remove,
    create: after.filter((i) => i.id.startsWith("new:")),
    keep: after.filter((i) => !i.id.startsWith("new:")).map((i) => i.id),
    overwritten: [],
    notes: [],
  });
  // nothing at the edit re-created: the transition stays, untouched
  const still = planTransitions(plan([out, inc], []), found);
  assertEquals([still.moves.length, still.losses.length, still.kept.length], [0, 0, 1]);
  // both shifted by 10 (a ripple): it goes back at 34, on the outgoing clip's end
  const shifted = [
    { ...out, id: "new:1", origin: "o", start: 10, end: 34 },
    { ...inc, id: "new:2", origin: "i", start: 34, end: 82 },
  ];
  const moved = planTransitions(plan(shifted, ["o", "i"]), found);
  assertEquals(moved.plan.remove, ["o", "i", "t"]);
  assertEquals(moved.moves.map((m) => [m.on.id, m.position, m.cut]), [["new:1", "end", 34]]);
  // the incoming clip moved away: a loss
  const apart = [out, { ...inc, id: "new:2", origin: "i", start: 300, end: 348 }];
  const lost = planTransitions(plan(apart, ["i"]), found);
  assertEquals(lost.moves, []);
  assertEquals(lost.losses.map((l) => l.what), ['transition "Cross Dissolve"']);
  // the incoming clip trimmed at its start: that edge is gone
  const trimmed = [out, { ...inc, id: "new:2", origin: "i", source_start: 30, start: 30 }];
  assertEquals(planTransitions(plan(trimmed, ["i"]), found).losses.length, 1);
});
