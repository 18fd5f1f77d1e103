// insert_clips, overwrite_clips and apply_cut_list on the simulator: positions, linked audio,
// the work of cut items on both sides, source timecodes from each clip's Start TC, refusals.
import { assert, assertEquals } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { assertDressed, codeOf, dress, items, layout, linkedOf, timecodedMovies } from "./edit.ts";

// The fixture: V1 a.mp4 0-96 (linked to A1 a.mp4 0-96), V1 b.png 96-216.

Deno.test("insert_clips: everything after moves right, linked audio too; the split shot keeps its work", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 60);
    const before = await items(t);
    await t.ok("insert_clips", {
      at_frame: 48,
      clips: [{ clip: f.clips[0], source_in_frame: 0, source_out_frame: 24 }],
      dry_run: true,
    });
    assertEquals(await items(t), before, "a dry run changes nothing");
    const r = await t.ok<{ id_map: Record<string, string[]>; losses: unknown[] }>(
      "insert_clips",
      { at_frame: 48, clips: [{ clip: f.clips[0], source_in_frame: 0, source_out_frame: 24 }] },
    );
    assertEquals(r.losses, []);
    const rows = await items(t);
    assertEquals(layout(rows), [
      "A1 0-48 src 0-48",
      "A1 48-72 src 0-24",
      "A1 72-120 src 48-96",
      "V1 0-48 src 0-48",
      "V1 48-72 src 0-24",
      "V1 72-120 src 48-96",
      "V1 120-240 src 0-120",
    ]);
    const [left, right] = r.id_map[f.video[0]];
    await assertDressed(t, left, []);
    await assertDressed(t, right, [12]);
    // The inserted shot's video and audio are linked to each other.
    const inserted = rows.filter((x) => x.start === 48);
    assertEquals(await linkedOf(t, inserted.find((x) => x.track_type === "video")!.id), [
      inserted.find((x) => x.track_type === "audio")!.id,
    ]);
    assertEquals(
      codeOf(await t.error("insert_clips", { at_frame: 0, clips: [{ clip: "missing.mov" }] })),
      "CLIP_NOT_FOUND",
    );
    assertEquals(
      codeOf(
        await t.error("insert_clips", {
          at_frame: 0,
          clips: [{ clip: f.clips[0], source_out_frame: 500 }],
        }),
      ),
      "OUT_OF_RANGE",
    );
  });
});

Deno.test("insert_clips: with tracks exactly those open; they must include where the clip's audio goes", async () => {
  await withFixture(async (t, f) => {
    const before = await items(t);
    const clip = { clip: f.clips[0], source_in_frame: 0, source_out_frame: 24 };
    assertEquals(
      codeOf(await t.error("insert_clips", { at_frame: 48, clips: [clip], tracks: ["V1"] })),
      "INVALID_ARGUMENTS",
    );
    assertEquals(await items(t), before, "a refused insert changes nothing");
    await t.ok("insert_clips", { at_frame: 48, clips: [clip], tracks: ["V1", "A1"] });
    assertEquals(layout(await items(t)), [
      "A1 0-48 src 0-48",
      "A1 48-72 src 0-24",
      "A1 72-120 src 48-96",
      "V1 0-48 src 0-48",
      "V1 48-72 src 0-24",
      "V1 72-120 src 48-96",
      "V1 120-240 src 0-120",
    ]);
  });
});

Deno.test("overwrite_clips: replaces the range, the covered shot keeps its work on both sides", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[1], 100);
    const r = await t.ok<{ id_map: Record<string, string[]>; overwritten: string[] }>(
      "overwrite_clips",
      { at_frame: 100, clips: [{ clip: f.clips[0], source_in_frame: 10, source_out_frame: 34 }] },
    );
    assertEquals(r.overwritten, [f.video[1]]);
    assertEquals(layout(await items(t)), [
      "A1 0-96 src 0-96",
      "A1 100-124 src 10-34",
      "V1 0-96 src 0-96",
      "V1 96-100 src 0-4",
      "V1 100-124 src 10-34",
      "V1 124-216 src 28-120",
    ]);
    const [head, tail] = r.id_map[f.video[1]];
    await assertDressed(t, head, []);
    await assertDressed(t, tail, [72]);
  });
});

Deno.test("apply_cut_list: source timecodes are read on each clip's Start TC; bad events are refused with why", async () => {
  await withFixture(async (t, _f, dir) => {
    const paths = await timecodedMovies(dir, {
      "A001.mp4": ["10:00:00:00", 240],
      "B001.mp4": ["14:30:00:00", 240],
    });
    await t.ok("import_media", { paths });
    const events = [
      { clip: "A001.mp4", source_in: "10:00:01:00", source_out: "10:00:02:00" },
      { clip: "B001.mp4", source_in: "14:30:00:12", source_out: "14:30:01:00" },
      { clip: "B001.mp4", source_in: "14:29:59:00", source_out: "14:30:01:00" },
      { clip: "A001.mp4", source_in: "10:00:09:00", source_out: "10:00:11:00" },
      { clip: "nope.mov", source_in: "00:00:00:00", source_out: "00:00:01:00" },
      {
        clip: "A001.mp4",
        source_in: "10:00:00:00",
        source_out: "10:00:00:12",
        record_in: "01:00:10:00",
        track_index: 2,
      },
    ];
    const dry = await t.ok<{ placed: unknown[]; refused: { reason: string }[] }>(
      "apply_cut_list",
      { name: "Conform", events, dry_run: true },
    );
    assertEquals(dry.placed.length, 3);
    const { timelines } = await t.ok<{ timelines: { name: string }[] }>("list_timelines", {});
    assert(!timelines.some((x) => x.name === "Conform"), "a dry run builds nothing");
    const r = await t.ok<{
      placed: { event: number }[];
      refused: { event: number; reason: string }[];
      created_timeline: boolean;
    }>("apply_cut_list", { name: "Conform", events });
    assert(r.created_timeline);
    assertEquals(r.placed.map((p) => p.event), [1, 2, 6]);
    assertEquals(r.refused.map((x) => [x.event, x.reason]), [
      [3, "BEFORE_START_TC"],
      [4, "PAST_CLIP_END"],
      [5, "UNKNOWN_CLIP"],
    ]);
    assertEquals(layout(await items(t, "Conform")), [
      "A1 0-24 src 24-48",
      "A1 24-36 src 12-24",
      "A2 240-252 src 0-12",
      "V1 0-24 src 24-48",
      "V1 24-36 src 12-24",
      "V2 240-252 src 0-12",
    ]);
    assertEquals(
      codeOf(await t.error("apply_cut_list", { name: "Conform", events: events.slice(0, 1) })),
      "TIMELINE_EXISTS",
    );
    assertEquals(
      codeOf(await t.error("apply_cut_list", { name: "X", events: events.slice(4, 5) })),
      "NOTHING_PLACED",
    );
  });
});

Deno.test("apply_cut_list: conforming an existing timeline keeps matching items and the work of the same clip", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 40);
    const r = await t.ok<
      { id_map: Record<string, string[]>; kept: number; created_timeline: boolean }
    >(
      "apply_cut_list",
      {
        timeline: "Cut",
        events: [
          { clip: f.clips[0], source_in: "00:00:01:00", source_out: "00:00:03:00" },
          { clip: f.clips[1], source_in: "00:00:00:00", source_out: "00:00:01:00" },
        ],
      },
    );
    assert(!r.created_timeline);
    assertEquals(layout(await items(t)), [
      "A1 0-48 src 24-72",
      "V1 0-48 src 24-72",
      "V1 48-72 src 0-24",
    ]);
    await assertDressed(t, r.id_map[f.video[0]][0], [16]);
  });
});
