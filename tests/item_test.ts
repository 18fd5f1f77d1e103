// The item toolset over stdio against the simulator: properties, flags, markers, takes,
// Fusion comps, colour versions and processing of timeline items.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withFixture } from "./fixture.ts";

Deno.test("get/set_item_properties: set several at once, enums by name, clipping reported", async () => {
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

Deno.test("set_item_flags adds flags and clears flags/colour after confirmation", async () => {
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
    assertEquals(cleared, { flags: ["Blue"], clip_color: "" });
    assertMatch(await t.error("set_item_flags", { item_id: v1 }), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("set_item_flags", { item_id: v1, add: ["Orange"] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("item markers: add by offset or timecode, list with pages, update, delete", async () => {
  await withFixture(async (t, f) => {
    const v2 = f.video[1]; // b.png at 01:00:04:00, 120 frames
    const m1 = await t.ok("add_item_marker", {
      item_id: v2,
      frame: 10,
      color: "Green",
      name: "a",
      custom_data: "qc",
    });
    assertEquals(m1.timecode, "01:00:04:10");
    const m2 = await t.ok("add_item_marker", {
      item_id: v2,
      timecode: "01:00:05:00",
      color: "Red",
    });
    assertEquals(m2.frame, 24);
    assertMatch(
      await t.error("add_item_marker", { item_id: v2, frame: 10, color: "Blue" }),
      /MARKER_EXISTS/,
    );
    assertMatch(
      await t.error("add_item_marker", { item_id: v2, timecode: "01:00:00:00", color: "Blue" }),
      /OUTSIDE_ITEM/,
    );
    assertMatch(
      await t.error("add_item_marker", { item_id: v2, frame: 500, color: "Blue" }),
      /OUTSIDE_ITEM/,
    );
    const page1 = await t.ok("list_item_markers", { item_id: v2, limit: 1 });
    assertEquals(page1.total, 2);
    assertEquals((page1.markers as { frame: number }[])[0].frame, 10);
    const page2 = await t.ok("list_item_markers", {
      item_id: v2,
      limit: 1,
      cursor: page1.next_cursor,
    });
    assertEquals((page2.markers as { color: string }[])[0].color, "Red");
    assertEquals(page2.next_cursor, null);
    const found = await t.ok("list_item_markers", { item_id: v2, custom_data: "qc" });
    assertEquals((found.markers as { frame: number }[]).map((m) => m.frame), [10]);

    const updated = await t.ok("update_item_marker", {
      item_id: v2,
      frame: 24,
      custom_data: "new",
    });
    assertEquals(updated, { frame: 24, custom_data: "new" });
    assertMatch(
      await t.error("update_item_marker", { item_id: v2, frame: 3, custom_data: "x" }),
      /MARKER_NOT_FOUND/,
    );

    assertMatch(
      await t.error("delete_item_markers", { item_id: v2, color: "Red" }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("delete_item_markers", { item_id: v2, color: "Red" });
    assertEquals(del, { deleted: 1, remaining: 1 });
    const del2 = await t.confirmed("delete_item_markers", {
      item_id: v2,
      custom_data: "qc",
    });
    assertEquals(del2.remaining, 0);
    assertMatch(
      await t.confirmedError("delete_item_markers", { item_id: v2, frame: 1 }),
      /MARKER_NOT_FOUND/,
    );
    assertMatch(
      await t.error("delete_item_markers", { item_id: v2, frame: 1, color: "Red" }),
      /exactly one/,
    );
  });
});

Deno.test("takes: add, select, delete (confirmed), finalize", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    const none = await t.ok("list_item_takes", { item_id: v1 });
    assertEquals(none, { selected: 0, takes: [] });
    const added = await t.ok("manage_item_takes", {
      item_id: v1,
      action: "add",
      clip: "b.png",
      start_frame: 0,
      end_frame: 48,
    });
    assertEquals(added.selected, 1);
    const takes = added.takes as { clip_name: string; end_frame: number }[];
    assertEquals(takes.map((x) => x.clip_name), ["a.mp4", "b.png"]);
    assertEquals(takes[1].end_frame, 48);
    const sel = await t.ok("manage_item_takes", { item_id: v1, action: "select", index: 2 });
    assertEquals(sel.selected, 2);
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "delete", index: 2 }),
      /TAKE_SELECTED/,
    );
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "delete", index: 7 }),
      /TAKE_NOT_FOUND/,
    );
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "delete", index: 1 }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("manage_item_takes", {
      item_id: v1,
      action: "delete",
      index: 1,
    });
    assertEquals((del.takes as unknown[]).length, 1);
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "add", clip: "nope.mov" }),
      /CLIP_NOT_FOUND/,
    );
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "finalize" }),
      /CONFIRMATION_REQUIRED/,
    );
    const fin = await t.confirmed("manage_item_takes", {
      item_id: v1,
      action: "finalize",
    });
    assertEquals(fin, { selected: 0, takes: [] });
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "finalize" }),
      /NOT_A_TAKE_SELECTOR/,
    );
  });
});

Deno.test("Fusion comps: add, export, import, rename, load, delete", async () => {
  await withFixture(async (t, f, dir) => {
    const [v1] = f.video;
    assertEquals(await t.ok("list_fusion_comps", { item_id: v1 }), { count: 0, comps: [] });
    const added = await t.ok("manage_fusion_comps", { item_id: v1, action: "add" });
    assertEquals(added.comps, [{ index: 1, name: "Composition 1" }]);
    const exported = await t.ok("manage_fusion_comps", {
      item_id: v1,
      action: "export",
      name: "Composition 1",
      path: `${dir}/c1.comp`,
    });
    assertEquals(exported.path, `${dir}/c1.comp`);
    assert(Deno.readTextFileSync(`${dir}/c1.comp`).includes("Composition"));
    assertMatch(
      await t.error("manage_fusion_comps", {
        item_id: v1,
        action: "export",
        index: 1,
        path: `${dir}/c1.comp`,
      }),
      /CONFIRMATION_REQUIRED/,
    );
    await t.ok("manage_fusion_comps", {
      item_id: v1,
      action: "import",
      path: `${dir}/c1.comp`,
    });
    await t.ok("manage_fusion_comps", {
      item_id: v1,
      action: "rename",
      name: "Composition 2",
      new_name: "Glow",
    });
    await t.ok("manage_fusion_comps", { item_id: v1, action: "load", name: "Glow" });
    const listed = await t.ok("list_fusion_comps", { item_id: v1 });
    assertEquals(listed.comps, [{ index: 1, name: "Composition 1" }, { index: 2, name: "Glow" }]);
    assertMatch(
      await t.error("manage_fusion_comps", { item_id: v1, action: "delete", name: "Glow" }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("manage_fusion_comps", {
      item_id: v1,
      action: "delete",
      name: "Glow",
    });
    assertEquals(del.comps, [{ index: 1, name: "Composition 1" }]);
    assertMatch(
      await t.error("manage_fusion_comps", { item_id: v1, action: "load", name: "Glow" }),
      /COMP_NOT_FOUND.*Composition 1/s,
    );
    assertMatch(
      await t.error("manage_fusion_comps", {
        item_id: v1,
        action: "import",
        path: `${dir}/missing.comp`,
      }),
      /FILE_NOT_FOUND/,
    );
    assertMatch(
      await t.error("manage_fusion_comps", { item_id: v1, action: "import", path: "/etc/x.comp" }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("manage_fusion_comps", { item_id: v1, action: "rename", name: "x" }),
      /COMP_NOT_FOUND/,
    );
  });
});

Deno.test("colour versions: add, rename, load, delete (not the active one)", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    const listed = await t.ok("list_color_versions", { item_id: v1 });
    assertEquals(listed, {
      local: ["Version 1"],
      remote: [],
      current: { name: "Version 1", type: "local" },
    });
    const added = await t.ok("manage_color_versions", {
      item_id: v1,
      action: "add",
      name: "Warm",
    });
    assertEquals(added.current, { name: "Warm", type: "local" });
    await t.ok("manage_color_versions", {
      item_id: v1,
      action: "rename",
      name: "Warm",
      new_name: "Warmer",
    });
    assertMatch(
      await t.error("manage_color_versions", { item_id: v1, action: "delete", name: "Warmer" }),
      /VERSION_ACTIVE/,
    );
    await t.ok("manage_color_versions", { item_id: v1, action: "load", name: "Version 1" });
    assertMatch(
      await t.error("manage_color_versions", { item_id: v1, action: "delete", name: "Warmer" }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("manage_color_versions", {
      item_id: v1,
      action: "delete",
      name: "Warmer",
    });
    assertEquals(del.local, ["Version 1"]);
    await t.ok("manage_color_versions", {
      item_id: v1,
      action: "add",
      name: "Client",
      type: "remote",
    });
    assertEquals((await t.ok("list_color_versions", { item_id: v1 })).remote, ["Client"]);
    assertMatch(
      await t.error("manage_color_versions", { item_id: v1, action: "add", name: "Version 1" }),
      /VERSION_EXISTS/,
    );
    assertMatch(
      await t.error("manage_color_versions", { item_id: v1, action: "load", name: "Nope" }),
      /VERSION_NOT_FOUND.*Version 1/s,
    );
    assertMatch(
      await t.error("manage_color_versions", { item_id: f.audio[0], action: "add", name: "X" }),
      /NOT_A_VIDEO_ITEM/,
    );
  });
});

Deno.test("run_item_process runs stabilise / magic mask / smart reframe; sidecar needs RAW", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    for (const action of ["stabilize", "smart_reframe"]) {
      assertEquals(await t.ok("run_item_process", { item_id: v1, action }), { action, ok: true });
    }
    assertMatch(
      await t.error("run_item_process", { item_id: v1, action: "regenerate_magic_mask" }),
      /PROCESS_FAILED.*magic_mask/s,
    );
    await t.ok("run_item_process", { item_id: v1, action: "magic_mask", direction: "forward" });
    await t.ok("run_item_process", { item_id: v1, action: "regenerate_magic_mask" });
    assertMatch(
      await t.error("run_item_process", { item_id: v1, action: "update_sidecar" }),
      /PROCESS_FAILED.*BRAW/s,
    );
    assertMatch(
      await t.error("run_item_process", { item_id: v1, action: "melt" }),
      /INVALID_ARGUMENTS/,
    );
  });
});
