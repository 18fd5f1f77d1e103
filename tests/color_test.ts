// The color toolset over stdio against the simulator: node graphs, LUTs, CDL, DRX, LUT
// export, grade copy, colour groups, gallery albums and stills, Dolby Vision, thumbnails.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withFixture } from "./fixture.ts";

type Node = { index: number; label: string; lut: string; tools: string[]; cache_mode: string };

Deno.test("list_nodes / set_node: LUTs (relative, absolute, refreshed), enable, cache mode", async () => {
  await withFixture(async (t, f, dir, base) => {
    const [v1, v2] = f.video;
    const listed = await t.ok("list_nodes", { item_id: v1 });
    assertEquals(listed.graph, `item ${v1} layer 1`);
    assertEquals((listed.nodes as Node[]).length, 1);
    const rel = await t.ok("set_node", { item_id: v1, node_index: 1, lut: "Sample/Warm.cube" });
    assertEquals((rel.node as Node).lut, "Sample/Warm.cube");
    assert((rel.node as Node).tools.includes("LUT"));
    // A LUT added after the project was loaded: found after one refresh of the LUT list.
    Deno.writeTextFileSync(`${base}/LUT/Sample/New.cube`, "LUT_3D_SIZE 2\n" + "0 0 0\n".repeat(8));
    const abs = await t.ok("set_node", {
      item_id: v2,
      node_index: 1,
      lut: `${base}/LUT/Sample/New.cube`,
      cache_mode: "ENABLED",
      enabled: false,
    });
    assertEquals((abs.node as Node).lut, "Sample/New.cube");
    assertEquals((abs.node as Node).cache_mode, "ENABLED");
    assertEquals(abs.changed, ["lut", "enabled", "cache_mode"]);
    const again = await t.ok("list_nodes", { item_id: v2 });
    assertEquals((again.nodes as Node[])[0].cache_mode, "ENABLED");

    // The timeline's own graph.
    const tl = await t.ok("set_node", {
      graph: "timeline",
      node_index: 1,
      lut: "Sample/Cool.cube",
    });
    assertEquals(tl.graph, 'timeline "Cut"');
    assertEquals(((await t.ok("list_nodes", {})).nodes as Node[])[0].lut, "Sample/Cool.cube");

    assertMatch(
      await t.error("set_node", { item_id: v1, node_index: 4, enabled: true }),
      /NODE_NOT_FOUND.*1 node/s,
    );
    // Over v1's LUT: confirmed first, then Resolve does not know it.
    assertMatch(
      await t.confirmedError("set_node", {
        item_id: v1,
        node_index: 1,
        lut: "Sample/Missing.cube",
      }),
      /LUT_NOT_FOUND/,
    );
    assertMatch(
      await t.error("set_node", { item_id: v1, node_index: 1, lut: "../../etc/x.cube" }),
      /INVALID_ARGUMENTS.*\.\./s,
    );
    assertMatch(
      await t.error("set_node", { item_id: v1, node_index: 1, lut: "/etc/x.cube" }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("set_node", { item_id: v1, node_index: 1, lut: `${dir}/none.cube` }),
      /FILE_NOT_FOUND/,
    );
    assertMatch(await t.error("set_node", { item_id: v1, node_index: 1 }), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("list_nodes", { item_id: v1, layer: 3 }),
      /NO_NODE_GRAPH.*nodeStackLayers/s,
    );
    assertMatch(await t.error("list_nodes", { item_id: f.audio[0] }), /NOT_A_VIDEO_ITEM/);
    assertMatch(await t.error("list_nodes", { graph: "item" }), /needs item_id/);
    assertMatch(
      await t.error("list_nodes", { graph: "group_pre", group: "Nope" }),
      /GROUP_NOT_FOUND/,
    );
  });
});

Deno.test("set_cdl, copy_grades, DRX, reset (confirmed), ARRI, export_lut", async () => {
  await withFixture(async (t, f, dir, media) => {
    const [v1, v2] = f.video;
    const cdl = await t.ok("set_cdl", {
      item_id: v1,
      slope: [1.1, 1, 0.9],
      offset: [0, 0, 0.01],
      power: [1, 1, 1],
      saturation: 0.8,
    });
    assertEquals(cdl.applied, {
      NodeIndex: "1",
      Slope: "1.1 1 0.9",
      Offset: "0 0 0.01",
      Power: "1 1 1",
      Saturation: "0.8",
    });
    assert((cdl.tools as string[]).includes("CDL"));
    assertMatch(
      await t.error("set_cdl", { item_id: v1, slope: [-1, 1, 1] }),
      /INVALID_ARGUMENTS.*>= 0/s,
    );
    assertMatch(await t.error("set_cdl", { item_id: v1 }), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("set_cdl", { item_id: v1, node_index: 2, saturation: 1 }),
      /NODE_NOT_FOUND/,
    );

    const copied = await t.ok("copy_grades", { source_item_id: v1, target_item_ids: [v2] });
    assertEquals(copied.targets, [v2]);
    const v2nodes = (await t.ok("list_nodes", { item_id: v2 })).nodes as Node[];
    assert(v2nodes[0].tools.includes("CDL"));
    assertMatch(
      await t.error("copy_grades", { source_item_id: v1, target_item_ids: [f.audio[0]] }),
      /COPY_REFUSED/,
    );

    // A DRX grade: export a still of v1's grade as .drx, apply it to the timeline graph.
    await t.ok("grab_stills", { mode: "all_first" });
    // .drx files cannot be listed through Resolve to check for clashes: always confirmed.
    assertMatch(
      await t.error("export_stills", { indices: [1], folder: dir, format: "drx" }),
      /CONFIRMATION_REQUIRED.*\.drx/s,
    );
    assert(![...Deno.readDirSync(dir)].some((e) => e.name.endsWith(".drx")));
    const exp = await t.confirmed("export_stills", {
      indices: [1],
      folder: dir,
      format: "drx",
    });
    assertEquals(exp.exported, 1);
    const drx = [...Deno.readDirSync(dir)].find((e) => e.name.endsWith(".drx"))!.name;
    const applied = await t.ok("apply_drx_grade", {
      graph: "timeline",
      path: `${dir}/${drx}`,
      grade_mode: "source_timecode_aligned",
    });
    assert((applied.nodes as Node[])[0].tools.includes("CDL"));
    assertMatch(
      await t.error("apply_drx_grade", { graph: "timeline", path: `${media}/b.png` }),
      /NOT_A_DRX/,
    );

    assertMatch(await t.error("reset_grade", { item_id: v2 }), /CONFIRMATION_REQUIRED/);
    const reset = await t.confirmed("reset_grade", { item_id: v2 });
    assertEquals((reset.nodes as Node[])[0].tools, []);
    await t.confirmed("reset_grade", { item_id: v2, what: "node_colors" });
    assertMatch(
      await t.error("reset_grade", { graph: "timeline", what: "node_colors" }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(await t.error("apply_arri_cdl_lut", { item_id: v1 }), /ARRI_CDL_REFUSED/);

    const lut = await t.ok("export_lut", { item_id: v1, path: `${dir}/grade`, type: "cube_17" });
    assertEquals(lut.path, `${dir}/grade.cube`);
    assertMatch(Deno.readTextFileSync(`${dir}/grade.cube`), /LUT_3D_SIZE 17/);
    assertMatch(
      await t.error("export_lut", { item_id: v1, path: `${dir}/grade.cube`, type: "cube_17" }),
      /CONFIRMATION_REQUIRED/,
    );
    await t.confirmed("export_lut", { item_id: v1, path: `${dir}/grade.cube` });
    const vlt = await t.ok("export_lut", {
      item_id: v1,
      path: `${dir}/p.cube`,
      type: "panasonic_vlut",
    });
    assertEquals(vlt.path, `${dir}/p.cube.vlt`);
    assertMatch(
      await t.error("export_lut", { item_id: v1, path: "/etc/grade.cube" }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("export_lut", { item_id: v1, path: `${dir}/no/such/grade.cube` }),
      /NO_SUCH_DIRECTORY/,
    );
  });
});

Deno.test("colour groups: create, assign, list items, group graphs, rename, remove, delete", async () => {
  await withFixture(async (t, f) => {
    const [v1, v2] = f.video;
    await t.ok("manage_color_groups", { action: "create", name: "Day" });
    await t.ok("manage_color_groups", { action: "create", name: "Night" });
    assertMatch(
      await t.error("manage_color_groups", { action: "create", name: "Day" }),
      /GROUP_EXISTS/,
    );
    const assigned = await t.ok("assign_to_color_group", {
      group: "Day",
      item_ids: [v1, v2, f.audio[0]],
    });
    assertEquals(assigned.assigned, [v1, v2]);
    assertEquals(assigned.refused, [f.audio[0]]);
    const groups = await t.ok("list_color_groups", { limit: 1 });
    assertEquals(groups.groups, [{ name: "Day", clips_on_timeline: 2 }]);
    assertEquals(groups.total, 2);
    assert(groups.next_cursor);
    const items = await t.ok("list_color_group_items", { group: "Day" });
    assertEquals((items.items as { id: string }[]).map((i) => i.id), [v1, v2]);
    assertEquals(
      (await t.ok("get_item_properties", { item_id: v1 })).color_group,
      "Day",
    );
    const pre = await t.ok("set_node", {
      graph: "group_pre",
      group: "Day",
      node_index: 1,
      lut: "Sample/Warm.cube",
    });
    assertEquals(pre.graph, 'pre-clip graph of group "Day"');
    const post = await t.ok("list_nodes", { graph: "group_post", group: "Day" });
    assertEquals((post.nodes as Node[])[0].lut, "");
    await t.ok("manage_color_groups", { action: "rename", name: "Day", new_name: "Dawn" });
    assertMatch(
      await t.error("manage_color_groups", { action: "rename", name: "Dawn", new_name: "Night" }),
      /GROUP_EXISTS/,
    );
    assertMatch(
      await t.error("manage_color_groups", { action: "remove_items", item_ids: [v2] }),
      /CONFIRMATION_REQUIRED/,
    );
    const removed = await t.confirmed("manage_color_groups", {
      action: "remove_items",
      item_ids: [v2],
    });
    assertEquals(removed.removed_items, 1);
    assertEquals(
      ((await t.ok("list_color_group_items", { group: "Dawn" })).items as unknown[]).length,
      1,
    );
    assertMatch(
      await t.error("manage_color_groups", { action: "delete", name: "Dawn" }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("manage_color_groups", {
      action: "delete",
      name: "Dawn",
    });
    assertEquals(del.groups, ["Night"]);
    assertEquals((await t.ok("get_item_properties", { item_id: v1 })).color_group, null);
    assertMatch(
      await t.error("assign_to_color_group", { group: "Dawn", item_ids: [v1] }),
      /GROUP_NOT_FOUND.*"Night"/s,
    );
    assertMatch(
      await t.error("manage_color_groups", { action: "create" }),
      /needs name/,
    );
  });
});

Deno.test("gallery: albums, grab stills, labels, pages, import, export, delete", async () => {
  await withFixture(async (t, _f, dir) => {
    const albums = await t.ok("list_gallery_albums");
    assertEquals(albums.albums, [
      { name: "Stills 1", kind: "still", current: true, stills: 0 },
      { name: "PowerGrade 1", kind: "powergrade", current: false, stills: 0 },
    ]);
    const one = await t.ok("grab_stills", { label: "hero" });
    assertEquals(one, { album: "Stills 1", stills: [{ index: 1, label: "hero" }] });
    const all = await t.ok("grab_stills", { mode: "all_middle" });
    assertEquals((all.stills as { index: number }[]).map((s) => s.index), [2, 3]);
    const page = await t.ok("list_stills", { limit: 2, cursor: "o1" });
    assertEquals(page.total, 3);
    assertEquals((page.stills as { index: number }[]).map((s) => s.index), [2, 3]);
    assertEquals(page.next_cursor, null);
    assertEquals(
      await t.ok("set_still_label", { index: 2, label: "wide" }),
      { index: 2, label: "wide" },
    );
    assertMatch(await t.error("set_still_label", { index: 9, label: "x" }), /STILL_NOT_FOUND/);

    const made = await t.ok("manage_gallery_albums", { action: "create_still", new_name: "Refs" });
    assertEquals(made.album, "Refs");
    await t.ok("manage_gallery_albums", { action: "create_powergrade" });
    await t.ok("manage_gallery_albums", { action: "set_current", album: "Refs" });
    await t.ok("manage_gallery_albums", {
      action: "rename",
      album: "PowerGrade 2",
      new_name: "Looks",
    });
    assertMatch(
      await t.error("manage_gallery_albums", { action: "set_current", album: "Looks" }),
      /NOT_A_STILL_ALBUM/,
    );
    assertMatch(
      await t.error("manage_gallery_albums", { action: "rename", album: "Nope", new_name: "x" }),
      /ALBUM_NOT_FOUND/,
    );

    const exported = await t.ok("export_stills", {
      album: "Stills 1",
      folder: dir,
      prefix: "shot_",
      format: "png",
    });
    assertEquals(exported.exported, 3);
    const pngs = [...Deno.readDirSync(dir)].filter((e) => e.name.startsWith("shot_")).map((e) =>
      `${dir}/${e.name}`
    );
    assertEquals(pngs.length, 3);
    // Exporting again with the same prefix would replace those files: confirmation first.
    for (const p of pngs) Deno.writeTextFileSync(p, "precious");
    const again = { album: "Stills 1", folder: dir, prefix: "shot_", format: "png" };
    const asked = await t.error("export_stills", again);
    assertMatch(asked, /CONFIRMATION_REQUIRED.*shot_/s);
    assert(pngs.every((p) => asked.includes(p.slice(dir.length + 1))), asked);
    assert(pngs.every((p) => Deno.readTextFileSync(p) === "precious"), "files unchanged");
    await t.confirmed("export_stills", { ...again });
    assert(pngs.every((p) => Deno.readTextFileSync(p) !== "precious"), "files replaced");
    // Another prefix, or another format, touches none of them: no question.
    await t.ok("export_stills", { ...again, prefix: "other_" });
    await t.ok("export_stills", { ...again, format: "jpg" });
    assertMatch(
      await t.error("export_stills", { ...again, prefix: "../shot_" }),
      /INVALID_ARGUMENTS.*without folders/s,
    );
    assertMatch(
      await t.error("export_stills", { folder: `${dir}/missing` }),
      /NO_SUCH_DIRECTORY/,
    );
    assertMatch(await t.error("export_stills", { folder: dir }), /NO_STILLS/); // Refs is empty
    const imported = await t.ok("import_stills", { paths: pngs.slice(0, 2) });
    assertEquals(imported.album, "Refs");
    assertEquals(imported.imported, 2);
    assertMatch(
      await t.error("import_stills", { paths: [`${dir}/none.png`] }),
      /FILE_NOT_FOUND/,
    );
    assertMatch(
      await t.error("import_stills", { paths: ["/etc/hosts"] }),
      /PATH_NOT_ALLOWED/,
    );

    assertMatch(
      await t.error("delete_stills", { album: "Stills 1", indices: [1, 3] }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("delete_stills", { album: "Stills 1", indices: [1, 3] });
    assertEquals(del, { album: "Stills 1", deleted: 2, remaining: 1 });
    const left = await t.ok("list_stills", { album: "Stills 1" });
    assertEquals(left.stills, [{ index: 1, label: "wide" }]);
    const final = await t.ok("list_gallery_albums");
    assertEquals(
      (final.albums as { name: string; current: boolean; stills: number }[]).map((a) => [
        a.name,
        a.current,
        a.stills,
      ]),
      [["Stills 1", false, 1], ["Refs", true, 2], ["PowerGrade 1", false, 0], ["Looks", false, 0]],
    );
  });
});

Deno.test("Dolby Vision analysis, Color-page thumbnail, current frame export", async () => {
  await withFixture(async (t, f, dir) => {
    assertEquals(await t.ok("analyze_dolby_vision", {}), { analyzed: "all", blend_shots: false });
    assertEquals(
      await t.ok("analyze_dolby_vision", { item_ids: [f.video[0]], blend_shots: true }),
      { analyzed: 1, blend_shots: true },
    );
    assertMatch(
      await t.error("analyze_dolby_vision", { item_ids: ["nope"] }),
      /ITEM_NOT_FOUND/,
    );
    await t.ok("switch_page", { page: "edit" });
    assertMatch(await t.error("get_clip_thumbnail"), /WRONG_PAGE.*switch_page/s);
    await t.ok("switch_page", { page: "color" });
    const thumb = await t.ok("get_clip_thumbnail");
    assertEquals([thumb.width, thumb.height, thumb.format], [320, 180, "RGB 8 bit"]);
    assertEquals(thumb.image_format, "png"); // the picture itself: tests/vision_test.ts

    const frame = await t.ok("export_current_frame", { path: `${dir}/frame.png` });
    assertEquals(frame.path, `${dir}/frame.png`);
    assert(Deno.statSync(`${dir}/frame.png`).size > 0);
    assertMatch(
      await t.error("export_current_frame", { path: `${dir}/frame.png` }),
      /CONFIRMATION_REQUIRED/,
    );
    await t.confirmed("export_current_frame", { path: `${dir}/frame.png` });
    assertMatch(
      await t.error("export_current_frame", { path: `${dir}/frame.mov` }),
      /BAD_EXTENSION/,
    );
  });
});
