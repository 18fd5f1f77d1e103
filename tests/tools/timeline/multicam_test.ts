// Resolve 21.1 multicam tools over stdio against the simulator: create_multicam_clip,
// switch_multicam_angles, flatten_multicam, auto_align_clips; each refused on Resolve 21.0.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import type { TestClient } from "../../harness.ts";
import { writeWav } from "../../../scripts/sample_media.ts";
import { items, onTrack, refusedOn210 } from "../item/v211.ts";

/** A multicam of a.mp4 and a 4 s tone (two angles), appended to a new timeline "MC". */
async function multicamOnTimeline(t: TestClient, clip: string, dir: string) {
  writeWav(`${dir}/tone.wav`, 4);
  const imported = await t.ok<{ clips: { id: string }[] }>("import_media", {
    paths: [`${dir}/tone.wav`],
  });
  const mc = await t.ok<{ id: string; type: string; sources_moved: boolean }>(
    "create_multicam_clip",
    { clips: [clip, imported.clips[0].id], name: "Stage", sync: "in" },
  );
  await t.ok("create_timeline", { name: "MC" });
  await t.ok("append_to_timeline", { timeline: "MC", clips: [{ clip: mc.id }] });
  return { mc, video: onTrack(await items(t, "MC"), "video") };
}

Deno.test("create_multicam_clip: sources stay put and it appends as Angle 1; Resolve's bin default reported", async () => {
  await withFixture(async (t, f, dir) => {
    const { mc, video } = await multicamOnTimeline(t, f.clips[0], dir);
    assertEquals([mc.type, mc.sources_moved], ["Multicam", false]);
    assertEquals(video.map((v) => v.name), ["Stage - Angle 1"]);
    const moved = await t.ok<{ sources_moved: boolean; warning: string | null }>(
      "create_multicam_clip",
      { clips: [f.clips[0]], name: "Moved", move_sources_to_bin: true },
    );
    assertEquals(moved.sources_moved, true);
    assert(moved.warning);
    const bins = JSON.stringify(await t.ok("list_bins", {}));
    assert(bins.includes("Original Clips"), bins);
    assertMatch(
      await t.error("append_to_timeline", { timeline: "MC", clips: [{ clip: "Moved" }] }),
      /NOTHING_PLACED/,
    );
    assertMatch(await t.error("create_multicam_clip", { clips: [f.clips[1]] }), /MULTICAM_REFUSED/);
  });
});

Deno.test("create_multicam_clip: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("create_multicam_clip", (f) => ({ clips: [f.clips[0]] })));

Deno.test("switch_multicam_angles: audio-only SmartSwitch cuts the item into angles", async () => {
  await withFixture(
    async (t, f, dir) => {
      const { video } = await multicamOnTimeline(t, f.clips[0], dir);
      assertMatch(
        await t.error("switch_multicam_angles", {
          item_id: video[0].id,
          timeline: "MC",
          analysis: "detect_wide_angle",
        }),
        /SMART_SWITCH_REFUSED/,
      );
      const r = await t.ok<{ cuts: { angle: string; start_frame: number; end_frame: number }[] }>(
        "switch_multicam_angles",
        { item_id: video[0].id, timeline: "MC", min_edit_seconds: 0.5 },
      );
      assert(r.cuts.length > 1);
      assertEquals(r.cuts[0].angle, "Stage - Angle 1");
      assertEquals(r.cuts[1].angle, "Stage - Angle 2");
      const after = onTrack(await items(t, "MC"), "video");
      assertEquals(after.length, r.cuts.length);
      assertMatch(
        await t.error("switch_multicam_angles", { item_id: f.video[0], timeline: "Cut" }),
        /NOT_A_MULTICAM/,
      );
    },
    {},
    { elicit: "accept" },
  );
});

Deno.test("switch_multicam_angles: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("switch_multicam_angles", (f) => ({ item_id: f.video[0] }), { elicit: "accept" }));

Deno.test("flatten_multicam: the item becomes its angle's clip over the same span (asks first)", async () => {
  await withFixture(
    async (t, f, dir) => {
      const { video } = await multicamOnTimeline(t, f.clips[0], dir);
      t.answer = "decline";
      assertMatch(
        await t.error("flatten_multicam", { item_ids: [video[0].id], timeline: "MC" }),
        /USER_DECLINED/,
      );
      t.answer = "accept";
      const r = await t.ok<
        { flattened: { new_item_id: string; name: string; start_frame: number }[] }
      >(
        "flatten_multicam",
        { item_ids: [video[0].id], timeline: "MC" },
      );
      assertEquals(r.flattened[0].name, "a.mp4");
      const after = onTrack(await items(t, "MC"), "video");
      assertEquals(after.map((x) => [x.id, x.name, x.start, x.end]), [
        [r.flattened[0].new_item_id, "a.mp4", video[0].start, video[0].end],
      ]);
      assertMatch(
        await t.error("flatten_multicam", { item_ids: [f.video[0]], timeline: "Cut" }),
        /NOT_A_MULTICAM/,
      );
    },
    {},
    { elicit: "accept" },
  );
});

Deno.test("flatten_multicam: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("flatten_multicam", (f) => ({ item_ids: [f.video[0]] }), { elicit: "accept" }));

Deno.test("auto_align_clips: by timecode the second item moves to line up with the first", async () => {
  await withFixture(async (t, f) => {
    await t.ok("create_timeline", { name: "Align" });
    await t.ok("add_track", { timeline: "Align", type: "video" });
    await t.ok("append_to_timeline", {
      timeline: "Align",
      clips: [{ clip: f.clips[0], start_frame: 0, end_frame: 47, media_type: "video" }],
    });
    await t.ok("append_to_timeline", {
      timeline: "Align",
      clips: [{
        clip: f.clips[0],
        start_frame: 24,
        end_frame: 71,
        media_type: "video",
        track_index: 2,
        record_frame: 100,
      }],
    });
    const rows = await items(t, "Align");
    const [a] = onTrack(rows, "video", 1);
    const [b] = onTrack(rows, "video", 2);
    assertMatch(
      await t.error("auto_align_clips", {
        item_ids: [a.id, b.id],
        timeline: "Align",
        using: "waveform",
      }),
      /ALIGN_REFUSED/,
    );
    const r = await t.ok<{ items: { id: string; moved_frames: number }[] }>("auto_align_clips", {
      item_ids: [a.id, b.id],
      timeline: "Align",
    });
    assertEquals(r.items.map((i) => i.moved_frames), [0, a.start + 24 - b.start]);
    const after = onTrack(await items(t, "Align"), "video", 2);
    assertEquals(after[0].start, a.start + 24);
  });
});

Deno.test("auto_align_clips: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("auto_align_clips", (f) => ({ item_ids: [f.video[0], f.video[1]] })));
