// Item tools on properties and flags over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("set_item_properties: set several at once, enums by name, clipping reported (read back by get_item_properties)", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    const before = await t.ok("get_item_properties", { item_id: v1 });
    assertEquals(before.name, "a.mp4");
    assertEquals([before.track_type, before.track_index], ["video", 1]);
    assertEquals([before.start_frame, before.end_frame, before.duration], [86400, 86496, 96]);
    assertEquals(before.start_timecode, "01:00:00:00");
    assertEquals(before.media_pool_item_id, f.clips[0]);
    assertEquals(before.linked_item_ids, [f.audio[0]]);
    assertEquals((before.properties as Record<string, unknown>).CompositeMode, "COMPOSITE_NORMAL");
    assertEquals(before.current_version, { name: "Version 1", type: "local" });
    assertEquals(before.enabled, true);

    const set = await t.ok("set_item_properties", {
      item_id: v1,
      timeline: "Cut",
      properties: {
        Pan: 100000,
        ZoomX: 1.5,
        ZoomGang: false,
        CompositeMode: "COMPOSITE_ADD",
        Opacity: 50,
        RetimeProcess: "RETIME_OPTICAL_FLOW",
        ResizeFilter: "RESIZE_FILTER_LANCZOS",
      },
      name: "Hero",
      enabled: false,
      clip_color: "Orange",
      color_output_cache: "ENABLED",
      fusion_output_cache: "DISABLED",
    });
    assertEquals(set.refused, []);
    assertEquals(set.clipped, [{ key: "Pan", requested: 100000, actual: 7680 }]);
    const after = await t.ok("get_item_properties", { item_id: v1 });
    const props = after.properties as Record<string, unknown>;
    assertEquals(props.CompositeMode, "COMPOSITE_ADD");
    assertEquals(props.RetimeProcess, "RETIME_OPTICAL_FLOW");
    assertEquals(props.ResizeFilter, "RESIZE_FILTER_LANCZOS");
    assertEquals([props.Opacity, props.ZoomX, props.ZoomGang], [50, 1.5, false]);
    assertEquals([after.name, after.enabled, after.clip_color], ["Hero", false, "Orange"]);
    assertEquals([after.color_output_cache, after.fusion_output_cache], ["ENABLED", "DISABLED"]);

    // Audio items: no Inspector properties, but voice isolation.
    assertMatch(
      await t.error("set_item_properties", { item_id: f.audio[0], properties: { Opacity: 1 } }),
      /NOT_A_VIDEO_ITEM/,
    );
    await t.ok("set_item_properties", {
      item_id: f.audio[0],
      voice_isolation: { enabled: true, amount: 40 },
    });
    const audio = await t.ok("get_item_properties", { item_id: f.audio[0] });
    assertEquals(audio.voice_isolation, { enabled: true, amount: 40 });
    assert(String(audio.audio_channel_mapping).includes("track_mapping"));

    assertMatch(
      await t.error("set_item_properties", { item_id: v1, burn_in_preset: "Nope" }),
      /CHANGE_REFUSED.*burn_in_preset/s,
    );
    assertMatch(await t.error("set_item_properties", { item_id: v1 }), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("set_item_properties", { item_id: v1, properties: { Zoom: 2 } }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("set_item_properties", {
        item_id: v1,
        properties: { CompositeMode: "ADD" },
      }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(await t.error("get_item_properties", { item_id: "nope" }), /ITEM_NOT_FOUND/);
    assertMatch(
      await t.error("get_item_properties", { item_id: v1, timeline: "Other" }),
      /TIMELINE_NOT_FOUND.*"Cut"/s,
    );
  });
});

Deno.test("set_item_flags: adds flags and clears flags/colour after confirmation", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    await t.ok("set_item_properties", { item_id: v1, clip_color: "Teal" });
    const added = await t.ok("set_item_flags", { item_id: v1, add: ["Blue", "Red"] });
    assertEquals(added.flags, ["Blue", "Red"]);
    assertMatch(
      await t.error("set_item_flags", { item_id: v1, clear: ["Red"], clear_clip_color: true }),
      /CONFIRMATION_REQUIRED/,
    );
    const cleared = await t.confirmed("set_item_flags", {
      item_id: v1,
      clear: ["Red"],
      clear_clip_color: true,
    });
    assertEquals([cleared.flags, cleared.clip_color], [["Blue"], ""]);
    assertMatch(String(cleared.checkpoint_id), /^ck-/);
    assertEquals(added.checkpoint_id, null);
    assertMatch(await t.error("set_item_flags", { item_id: v1 }), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("set_item_flags", { item_id: v1, add: ["Orange"] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("get_item_properties: reads an item's properties; an unknown id is ITEM_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    const props = await t.ok("get_item_properties", { item_id: f.video[0] });
    assertEquals([props.name, props.track_type, props.track_index], ["a.mp4", "video", 1]);
    assertMatch(await t.error("get_item_properties", { item_id: "nope" }), /ITEM_NOT_FOUND/);
  });
});
