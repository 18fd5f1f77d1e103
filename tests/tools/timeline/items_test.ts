// Timeline items over stdio against the simulator: appending, listing, linking, selection,
// playhead, generators, compound clips and deletion.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { type TestClient, withClient, withTempDir } from "../../harness.ts";
import { withFixture } from "../../fixture.ts";
import { all, type Item, media, setup } from "./timeline.ts";

Deno.test("append_to_timeline: ranges and record positions, then tracks, items, linking, playhead, generators, nesting, deletion", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card, tone } = await setup(t, dir);
      assertMatch(
        await t.error("append_to_timeline", { clips: [{ clip: card.id }] }),
        /NO_TIMELINE/,
      );
      await t.ok("create_timeline", { name: "Cut" });
      const a = await t.ok<{ items: Item[]; not_placed: number }>("append_to_timeline", {
        clips: [
          { clip: card.id, start_frame: 0, end_frame: 47 },
          {
            clip: tone.id,
            start_frame: 24,
            end_frame: 71,
            record_timecode: "01:00:10:00",
            media_type: "audio",
          },
        ],
      });
      assertEquals(a.not_placed, 0);
      assertEquals(
        a.items.map((i) => [i.track_type, i.start, i.end, i.start_timecode, i.clip_id]),
        [
          ["video", 0, 48, "01:00:00:00", card.id],
          ["audio", 240, 288, "01:00:10:00", tone.id],
        ],
      );
      assertEquals(a.items[1].source_start_frame, 24);
      // an overlapping range is reported, not placed
      const b = await t.ok<{ items: Item[]; not_placed: number }>("append_to_timeline", {
        timeline: "Cut",
        clips: [{ clip: card.id, end_frame: 9, record_frame: 10 }, {
          clip: card.id,
          end_frame: 9,
          record_frame: 100,
        }],
      });
      assertEquals([b.items.length, b.not_placed, b.items[0].start], [1, 1, 100]);
      assertMatch(
        await t.error("append_to_timeline", {
          clips: [{ clip: card.id, end_frame: 9, record_frame: 10 }],
        }),
        /NOTHING_PLACED/,
      );
      assertMatch(
        await t.error("append_to_timeline", { clips: [{ clip: card.id, track_index: 3 }] }),
        /TRACK_NOT_FOUND.*add_track/s,
      );
      // tracks
      const added = await t.ok<{ track: { index: number; name: string; audio_type: string } }>(
        "add_track",
        {
          type: "audio",
          audio_type: "stereo",
          name: "Music",
        },
      );
      assertEquals([added.track.index, added.track.name, added.track.audio_type], [
        2,
        "Music",
        "stereo",
      ]);
      await t.ok("add_track", { type: "video", index: 1, name: "Under" });
      assertMatch(
        await t.error("add_track", { type: "video", audio_type: "mono" }),
        /INVALID_ARGUMENTS.*only applies to audio/s,
      );
      const tracks = await t.ok<
        {
          tracks: {
            type: string;
            index: number;
            name: string;
            items: number;
            voice_isolation: unknown;
          }[];
        }
      >(
        "list_tracks",
        {},
      );
      assertEquals(
        tracks.tracks.filter((x) => x.type === "video").map((x) => [x.index, x.name, x.items]),
        [[1, "Under", 0], [2, "Video 2", 2]],
      );
      assert(tracks.tracks.find((x) => x.type === "audio")!.voice_isolation !== null);
      const st = await t.ok<{ track: { locked: boolean; enabled: boolean; name: string } }>(
        "set_track",
        {
          type: "video",
          index: 1,
          name: "BG",
          locked: true,
          enabled: false,
        },
      );
      assertEquals([st.track.name, st.track.locked, st.track.enabled], ["BG", true, false]);
      await t.ok("set_track", {
        type: "audio",
        index: 2,
        voice_isolation_enabled: true,
        voice_isolation_amount: 60,
      });
      const vi = await t.ok<
        { tracks: { type: string; index: number; voice_isolation: unknown }[] }
      >("list_tracks", {});
      assertEquals(vi.tracks.find((x) => x.type === "audio" && x.index === 2)!.voice_isolation, {
        enabled: true,
        amount: 60,
      });
      assertMatch(
        await t.error("set_track", { type: "video", index: 1, voice_isolation_enabled: true }),
        /INVALID_ARGUMENTS.*audio tracks only/s,
      );
      assertMatch(
        await t.error("set_track", { type: "video", index: 9, locked: false }),
        /TRACK_NOT_FOUND/,
      );
      assertMatch(
        await t.error("append_to_timeline", {
          clips: [{ clip: card.id, track_index: 1, end_frame: 5 }],
        }),
        /NOTHING_PLACED/,
      ); // V1 is locked
      assertMatch(
        await t.error("delete_track", { type: "audio", index: 2 }),
        /CONFIRMATION_REQUIRED/,
      );
      const dt = await t.confirmed("delete_track", { type: "audio", index: 2 });
      assertEquals(dt.deleted, "audio 2");
      // items: filters and pages
      const listed = await t.ok<{ items: Item[]; total: number }>("list_timeline_items", {});
      assertEquals(listed.total, 3);
      const v2 = await t.ok<{ items: Item[] }>("list_timeline_items", {
        track_type: "video",
        track_index: 2,
      });
      assertEquals(v2.items.map((i) => i.start), [0, 100]);
      const pg = await t.ok<{ items: Item[]; next_cursor: string }>("list_timeline_items", {
        limit: 2,
      });
      const pg2 = await t.ok<{ items: Item[]; next_cursor: null }>("list_timeline_items", {
        limit: 2,
        cursor: pg.next_cursor,
      });
      assertEquals(pg.items.length + pg2.items.length, 3);
      assertMatch(
        await t.error("list_timeline_items", { track_index: 2 }),
        /INVALID_ARGUMENTS.*needs track_type/s,
      );
      assertMatch(
        await t.error("list_timeline_items", { track_type: "video", track_index: 7 }),
        /TRACK_NOT_FOUND/,
      );
      // link / unlink
      const [first, second] = v2.items;
      await t.ok("link_timeline_items", { item_ids: [first.id, second.id], linked: true });
      await t.ok("link_timeline_items", { item_ids: [first.id, second.id], linked: false });
      assertMatch(
        await t.error("link_timeline_items", { item_ids: [first.id], linked: true }),
        /INVALID_ARGUMENTS.*at least 2/s,
      );
      assertMatch(
        await t.error("link_timeline_items", { item_ids: ["nope"], linked: false }),
        /ITEM_NOT_FOUND/,
      );
      assertEquals((await t.ok<{ items: Item[] }>("get_selected_items", {})).items, []);
      // playhead: page rule, frames and timecodes, current item
      await t.ok("switch_page", { page: "media" });
      assertMatch(await t.error("set_playhead", { frame: 10 }), /WRONG_PAGE.*switch_page/s);
      assertMatch(await t.error("get_playhead", {}), /WRONG_PAGE/);
      await t.ok("switch_page", { page: "edit" });
      const ph = await t.ok<{ frame: number; timecode: string; current_video_item: Item | null }>(
        "set_playhead",
        {
          timecode: "01:00:04:04",
        },
      );
      assertEquals([ph.frame, ph.timecode, ph.current_video_item?.id], [
        100,
        "01:00:04:04",
        second.id,
      ]);
      const ph2 = await t.ok<{ frame: number; current_video_item: Item | null }>("set_playhead", {
        frame: 60,
      });
      assertEquals([ph2.frame, ph2.current_video_item], [60, null]);
      assertEquals((await t.ok("get_playhead", {})).frame, 60);
      assertMatch(await t.error("set_playhead", { frame: 100000 }), /OUT_OF_RANGE/);
      assertMatch(await t.error("set_playhead", {}), /INVALID_ARGUMENTS.*give frame or timecode/s);
      // generators and titles at the playhead (V1 is locked, so unlock it first)
      await t.ok("set_track", { type: "video", index: 1, locked: false, enabled: true });
      const gen = await t.ok<{ item: Item }>("insert_generator", {
        kind: "generator",
        name: "Solid Color",
      });
      assertEquals(gen.item.start, 60);
      assertMatch(
        await t.error("insert_generator", { kind: "title" }),
        /INVALID_ARGUMENTS.*needs name/s,
      );
      await t.ok("set_playhead", { frame: 200 });
      await t.ok("insert_generator", { kind: "fusion_composition" });
      // compound and Fusion clips
      const comp = await t.ok<{ item: Item }>("create_compound_clip", {
        kind: "compound",
        item_ids: [first.id],
        name: "Opening",
      });
      assertEquals(comp.item.name, "Opening");
      const fus = await t.ok<{ item: Item }>("create_compound_clip", {
        kind: "fusion",
        item_ids: [second.id],
      });
      assert(fus.item.id);
      assertMatch(
        await t.error("create_compound_clip", { kind: "fusion", item_ids: [second.id], name: "x" }),
        /INVALID_ARGUMENTS.*only apply to compound/s,
      );
      // delete items: confirmation, ripple
      const before = await t.ok<{ items: Item[]; total: number }>("list_timeline_items", {
        track_type: "video",
      });
      const target = before.items.find((i) => i.id === comp.item.id)!;
      assertMatch(
        await t.error("delete_timeline_items", { item_ids: [target.id] }),
        /CONFIRMATION_REQUIRED/,
      );
      const del = await t.confirmed("delete_timeline_items", {
        item_ids: [target.id],
        ripple: true,
      });
      assertEquals(del.deleted, [target.id]);
      const after = await t.ok<{ items: Item[] }>("list_timeline_items", { track_type: "video" });
      assert(!after.items.some((i) => i.id === target.id));
    });
  });
});

Deno.test("list_timeline_items: pages through a long timeline with stable ids and offsets", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card } = await setup(t, dir);
      await t.ok("create_timeline", { name: "Long" });
      const per = 1000;
      for (let batch = 0; batch < 2; batch++) {
        const r = await t.ok<{ not_placed: number }>("append_to_timeline", {
          clips: Array.from(
            { length: per },
            () => ({ clip: card.id, start_frame: 0, end_frame: 1 }),
          ),
        });
        assertEquals(r.not_placed, 0);
      }
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      let last = -1;
      do {
        const page: { items: Item[]; next_cursor: string | null; total: number } = await t.ok(
          "list_timeline_items",
          {
            track_type: "video",
            limit: 500,
            ...(cursor ? { cursor } : {}),
          },
        );
        assertEquals(page.total, 2 * per);
        for (const item of page.items) {
          seen.add(item.id);
          assertEquals(item.start, last + 1);
          assertEquals(item.clip_id, card.id);
          last = item.end - 1;
        }
        cursor = page.next_cursor;
        pages++;
      } while (cursor);
      assertEquals([seen.size, pages, last], [2 * per, 4, 2 * per * 2 - 1]);
    });
  });
});

const itemIds = async (t: TestClient) =>
  (await t.ok<{ items: Item[] }>("list_timeline_items", {})).items.map((i) => i.id);

Deno.test("delete_timeline_items: deletes after confirmation, read back by list_timeline_items", async () => {
  await withFixture(async (t, f) => {
    const target = f.video[1];
    assertMatch(
      await t.error("delete_timeline_items", { item_ids: [target] }),
      /CONFIRMATION_REQUIRED/,
    );
    assertEquals((await t.confirmed("delete_timeline_items", { item_ids: [target] })).deleted, [
      target,
    ]);
    assert(!(await itemIds(t)).includes(target));
  });
});

Deno.test("link_timeline_items: links and unlinks items; an unknown id is ITEM_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    await t.ok("link_timeline_items", { item_ids: f.video, linked: true });
    await t.ok("link_timeline_items", { item_ids: f.video, linked: false });
    assertMatch(
      await t.error("link_timeline_items", { item_ids: [f.video[0], "nope"], linked: true }),
      /ITEM_NOT_FOUND/,
    );
  });
});

Deno.test("get_selected_items: nothing is selected in a fresh edit", async () => {
  await withFixture(async (t) => {
    assertEquals((await t.ok<{ items: Item[] }>("get_selected_items", {})).items, []);
  });
});

Deno.test("set_playhead: moves by frame, read back by get_playhead; past the end is OUT_OF_RANGE", async () => {
  await withFixture(async (t, f) => {
    await t.ok("switch_page", { page: "edit" });
    const ph = await t.ok<{ frame: number; current_video_item: Item | null }>("set_playhead", {
      frame: 10,
    });
    assertEquals(ph.current_video_item?.id, f.video[0]);
    assertEquals((await t.ok("get_playhead", {})).frame, 10);
    assertMatch(await t.error("set_playhead", { frame: 100000 }), /OUT_OF_RANGE/);
  });
});

Deno.test("get_playhead: refused off the edit pages with WRONG_PAGE", async () => {
  await withFixture(async (t) => {
    await t.ok("switch_page", { page: "media" });
    assertMatch(await t.error("get_playhead", {}), /WRONG_PAGE/);
  });
});

Deno.test("create_compound_clip: nests an item, read back by list_timeline_items", async () => {
  await withFixture(async (t, f) => {
    const comp = await t.ok<{ item: Item }>("create_compound_clip", {
      kind: "compound",
      item_ids: [f.video[0]],
      name: "Opening",
    });
    assertEquals(comp.item.name, "Opening");
    assert((await itemIds(t)).includes(comp.item.id));
    assertMatch(
      await t.error("create_compound_clip", { kind: "compound", item_ids: ["nope"] }),
      /ITEM_NOT_FOUND/,
    );
  });
});

Deno.test("insert_generator: inserts at the playhead, read back by list_timeline_items", async () => {
  await withFixture(async (t) => {
    await t.ok("switch_page", { page: "edit" });
    await t.ok("add_track", { type: "video", index: 1, name: "Under" });
    await t.ok("set_playhead", { frame: 10 });
    const gen = await t.ok<{ item: Item }>("insert_generator", {
      kind: "generator",
      name: "Solid Color",
    });
    assertEquals(gen.item.start, 10);
    assert((await itemIds(t)).includes(gen.item.id));
    assertMatch(
      await t.error("insert_generator", { kind: "title" }),
      /INVALID_ARGUMENTS.*needs name/s,
    );
  });
});
