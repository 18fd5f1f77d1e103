// split_item, trim_item, move_item, ripple_delete, lift_range, extract_range on the simulator:
// positions read back through list_timeline_items, the work (zoom, clip colour, CDL + LUT
// grade, flag, markers) through get_item_properties / list_nodes / list_item_markers, linked
// audio kept in sync, dry runs leaving the timeline alone, and error codes.
import { assert, assertEquals } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { assertDressed, codeOf, dress, items, layout, linkedOf } from "./edit.ts";

// The fixture: V1 a.mp4 0-96 (linked to A1 a.mp4 0-96), V1 b.png 96-216.

Deno.test("split_item: both halves keep the zoom, colour, grade and markers; the audio is cut too", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 10);
    await t.ok("add_item_marker", { item_id: f.video[0], frame: 60, color: "Green" });
    const before = await items(t);
    const dry = await t.ok<{ dry_run: boolean; created: unknown[]; removed: string[] }>(
      "split_item",
      { item_id: f.video[0], at_frame: 48, dry_run: true },
    );
    assert(dry.dry_run);
    assertEquals(dry.removed.sort(), [f.video[0], f.audio[0]].sort());
    assertEquals(dry.created.length, 4);
    assertEquals(await items(t), before, "a dry run changes nothing");

    const r = await t.ok<{
      checkpoint_id: string;
      id_map: Record<string, string[]>;
      losses: unknown[];
    }>("split_item", { item_id: f.video[0], at_frame: 48 });
    assert(r.checkpoint_id);
    assertEquals(r.losses, []);
    const rows = await items(t);
    assertEquals(layout(rows), [
      "A1 0-48 src 0-48",
      "A1 48-96 src 48-96",
      "V1 0-48 src 0-48",
      "V1 48-96 src 48-96",
      "V1 96-216 src 0-120",
    ]);
    const [left, right] = r.id_map[f.video[0]];
    await assertDressed(t, left, [10]);
    await assertDressed(t, right, [12]);
    // Each half is linked to its half of the audio.
    const audio = rows.filter((x) => x.track_type === "audio");
    assertEquals(await linkedOf(t, left), [audio[0].id]);
    assertEquals(await linkedOf(t, right), [audio[1].id]);
  });
});

Deno.test("split_item: a frame outside the item, an unknown item, both frame and timecode are refused", async () => {
  await withFixture(async (t, f) => {
    assertEquals(
      codeOf(await t.error("split_item", { item_id: f.video[0], at_frame: 96 })),
      "OUT_OF_RANGE",
    );
    assertEquals(
      codeOf(await t.error("split_item", { item_id: "nope", at_frame: 5 })),
      "ITEM_NOT_FOUND",
    );
    assertEquals(
      codeOf(
        await t.error("split_item", {
          item_id: f.video[0],
          at_frame: 5,
          at_timecode: "01:00:00:05",
        }),
      ),
      "INVALID_ARGUMENTS",
    );
    const ok = await t.ok<{ created: { start: number }[] }>("split_item", {
      item_id: f.video[0],
      at_timecode: "01:00:01:00",
      include_linked: false,
    });
    assertEquals(ok.created.map((c) => c.start).sort((a, b) => a - b), [0, 24]);
    assertEquals(layout(await items(t)).filter((l) => l.startsWith("A")), ["A1 0-96 src 0-96"]);
  });
});

Deno.test("trim_item: a ripple trim of the end keeps the grade and pulls the next shot and the audio in", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[1], 5);
    const before = await items(t);
    await t.ok("trim_item", {
      item_id: f.video[0],
      edge: "end",
      by_frames: -16,
      ripple: true,
      dry_run: true,
    });
    assertEquals(await items(t), before, "a dry run changes nothing");
    const r = await t.ok<{ id_map: Record<string, string[]>; losses: unknown[] }>("trim_item", {
      item_id: f.video[0],
      edge: "end",
      by_frames: -16,
      ripple: true,
    });
    assertEquals(r.losses, []);
    assertEquals(layout(await items(t)), [
      "A1 0-80 src 0-80",
      "V1 0-80 src 0-80",
      "V1 80-200 src 0-120",
    ]);
    await assertDressed(t, r.id_map[f.video[1]][0], [5]);
  });
});

Deno.test("trim_item: extending past the media or into a neighbour is refused; to_frame trims the start and only the linked edges there", async () => {
  await withFixture(async (t, f) => {
    assertEquals(
      codeOf(await t.error("trim_item", { item_id: f.video[0], edge: "end", by_frames: 8 })),
      "OUT_OF_MEDIA",
    );
    assertEquals(
      codeOf(await t.error("trim_item", { item_id: f.video[0], edge: "start", by_frames: -1 })),
      "OUT_OF_RANGE",
    );
    assertEquals(
      codeOf(await t.error("trim_item", { item_id: f.video[0], edge: "start" })),
      "INVALID_ARGUMENTS",
    );
    const cut = await t.ok<{ created: { id: string; start: number; track_type: string }[] }>(
      "split_item",
      { item_id: f.video[0], at_frame: 48, include_linked: false },
    );
    const left = cut.created.find((c) => c.start === 0)!.id;
    const right = cut.created.find((c) => c.start === 48)!.id;
    // Both halves are linked to the whole audio. Nothing else ends at 48, so extending the left
    // half's end runs into the right half.
    assertEquals(
      codeOf(await t.error("trim_item", { item_id: left, edge: "end", by_frames: 8 })),
      "EDIT_OVERLAP",
    );
    await dress(t, left, 30);
    // The audio starts where the left half does, so it follows; the right half stays put.
    const r = await t.ok<{ id_map: Record<string, string[]>; removed: string[] }>("trim_item", {
      item_id: left,
      edge: "start",
      to_frame: 24,
    });
    const rows = await items(t);
    assertEquals(layout(rows), [
      "A1 24-96 src 24-96",
      "V1 24-48 src 24-48",
      "V1 48-96 src 48-96",
      "V1 96-216 src 0-120",
    ]);
    assert(!r.removed.includes(right), "the right half is not re-created");
    assert(rows.some((x) => x.id === right && x.start === 48 && x.end === 96));
    const trimmed = r.id_map[left][0];
    await assertDressed(t, trimmed, [6]);
    // All three still play in sync, so they stay one linked group.
    const audio = rows.find((x) => x.track_type === "audio")!.id;
    assertEquals((await linkedOf(t, trimmed)).sort(), [audio, right].sort());
  });
});

Deno.test("move_item: a ripple move swaps the shots, the audio moves with its video and work stays", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 10);
    const r = await t.ok<{ id_map: Record<string, string[]>; losses: unknown[] }>("move_item", {
      item_id: f.video[0],
      to_frame: 120,
      ripple: true,
    });
    assertEquals(r.losses, []);
    const rows = await items(t);
    assertEquals(layout(rows), [
      "A1 120-216 src 0-96",
      "V1 0-120 src 0-120",
      "V1 120-216 src 0-96",
    ]);
    const moved = r.id_map[f.video[0]][0];
    await assertDressed(t, moved, [10]);
    assertEquals(await linkedOf(t, moved), [rows.find((x) => x.track_type === "audio")!.id]);
  });
});

Deno.test("move_item: without ripple it overwrites and lists what it covered; to another track", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[1], 3);
    const r = await t.ok<{ overwritten: string[]; id_map: Record<string, string[]> }>(
      "move_item",
      { item_id: f.video[0], to_frame: 150, include_linked: false },
    );
    assertEquals(r.overwritten, [f.video[1]]);
    assertEquals(layout(await items(t)), [
      "A1 0-96 src 0-96",
      "V1 96-150 src 0-54",
      "V1 150-246 src 0-96",
    ]);
    await assertDressed(t, r.id_map[f.video[1]][0], [3]);
    assertEquals(
      codeOf(await t.error("move_item", { item_id: r.id_map[f.video[0]][0], to_frame: 150 })),
      "NOTHING_TO_CHANGE",
    );
  });
});

Deno.test("ripple_delete: asks, removes the shot with its audio and closes the gap, keeping the next shot's work", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[1], 7);
    const before = await items(t);
    const dry = await t.ok<{ removed: string[] }>("ripple_delete", {
      item_ids: [f.video[0]],
      dry_run: true,
    });
    assertEquals(dry.removed.length, 3);
    assertEquals(await items(t), before);
    const r = await t.confirmed<{ id_map: Record<string, string[]>; checkpoint_id: string }>(
      "ripple_delete",
      { item_ids: [f.video[0]] },
    );
    assert(r.checkpoint_id);
    assertEquals(layout(await items(t)), ["V1 0-120 src 0-120"]);
    await assertDressed(t, r.id_map[f.video[1]][0], [7]);
    assertEquals(codeOf(await t.error("ripple_delete", { item_ids: ["gone"] })), "ITEM_NOT_FOUND");
  });
});

Deno.test("lift_range: leaves a gap on every track; the cut item keeps its work on both sides", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 70);
    const r = await t.ok<{ id_map: Record<string, string[]> }>("lift_range", {
      from_frame: 24,
      to_timecode: "01:00:02:00",
    });
    assertEquals(layout(await items(t)), [
      "A1 0-24 src 0-24",
      "A1 48-96 src 48-96",
      "V1 0-24 src 0-24",
      "V1 48-96 src 48-96",
      "V1 96-216 src 0-120",
    ]);
    const [left, right] = r.id_map[f.video[0]];
    await assertDressed(t, left, []);
    await assertDressed(t, right, [22]);
    assertEquals(
      codeOf(await t.error("lift_range", { from_frame: 30, to_frame: 20 })),
      "INVALID_ARGUMENTS",
    );
  });
});

Deno.test("extract_range: closes the gap on every track so the audio stays in sync", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[1], 2);
    const before = await items(t);
    await t.ok("extract_range", { from_frame: 24, to_frame: 48, dry_run: true });
    assertEquals(await items(t), before);
    const r = await t.ok<{ id_map: Record<string, string[]> }>("extract_range", {
      from_frame: 24,
      to_frame: 48,
    });
    assertEquals(layout(await items(t)), [
      "A1 0-24 src 0-24",
      "A1 24-72 src 48-96",
      "V1 0-24 src 0-24",
      "V1 24-72 src 48-96",
      "V1 72-192 src 0-120",
    ]);
    await assertDressed(t, r.id_map[f.video[1]][0], [2]);
  });
});

Deno.test("extract_range: with tracks only those close; the other tracks stay and the notes name what went out of sync", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[1], 2);
    const r = await t.ok<{ id_map: Record<string, string[]>; removed: string[]; notes: string[] }>(
      "extract_range",
      { from_frame: 24, to_frame: 48, tracks: ["V1"] },
    );
    assertEquals(layout(await items(t)), [
      "A1 0-96 src 0-96",
      "V1 0-24 src 0-24",
      "V1 24-72 src 48-96",
      "V1 72-192 src 0-120",
    ]);
    assert(!r.removed.includes(f.audio[0]), "the audio is untouched");
    assert(r.notes.some((n) => n.includes(f.audio[0])), r.notes.join(" "));
    await assertDressed(t, r.id_map[f.video[1]][0], [2]);
  });
});
