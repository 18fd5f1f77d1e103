// Color tools on node graphs over stdio against the simulator: nodes, LUTs, CDL, DRX, LUT export, grade copy.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

type Node = { index: number; label: string; lut: string; tools: string[]; cache_mode: string };

Deno.test("set_node: LUTs (relative, absolute, refreshed), enable, cache mode; read back by list_nodes", async () => {
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
    assertMatch(
      await t.error("list_nodes", { graph: "item" }),
      /INVALID_ARGUMENTS.*needs item_id/s,
    );
    assertMatch(
      await t.error("list_nodes", { graph: "group_pre", group: "Nope" }),
      /GROUP_NOT_FOUND/,
    );
  });
});

Deno.test("set_cdl: with copy_grades, DRX, reset (confirmed), ARRI, export_lut", async () => {
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

Deno.test("list_nodes: one node on a fresh item; an audio item is NOT_A_VIDEO_ITEM", async () => {
  await withFixture(async (t, f) => {
    const listed = await t.ok("list_nodes", { item_id: f.video[0] });
    assertEquals((listed.nodes as Node[]).length, 1);
    assertMatch(await t.error("list_nodes", { item_id: f.audio[0] }), /NOT_A_VIDEO_ITEM/);
  });
});

Deno.test("reset_grade: asks first, then clears the grade (list_nodes reads back)", async () => {
  await withFixture(async (t, f) => {
    const v2 = f.video[1];
    await t.ok("set_cdl", { item_id: v2, slope: [2, 1, 1] });
    assertMatch(await t.error("reset_grade", { item_id: v2 }), /CONFIRMATION_REQUIRED/);
    await t.confirmed("reset_grade", { item_id: v2 });
    assertEquals(((await t.ok("list_nodes", { item_id: v2 })).nodes as Node[])[0].tools, []);
  });
});

Deno.test("apply_arri_cdl_lut: refused on a clip without ARRI metadata (ARRI_CDL_REFUSED)", async () => {
  await withFixture(async (t, f) => {
    assertMatch(await t.error("apply_arri_cdl_lut", { item_id: f.video[0] }), /ARRI_CDL_REFUSED/);
  });
});

Deno.test("export_lut: writes a .cube; overwriting asks (CONFIRMATION_REQUIRED)", async () => {
  await withFixture(async (t, f, dir) => {
    const v1 = f.video[0];
    const lut = await t.ok("export_lut", { item_id: v1, path: `${dir}/grade`, type: "cube_17" });
    assertEquals(lut.path, `${dir}/grade.cube`);
    assertMatch(Deno.readTextFileSync(`${dir}/grade.cube`), /LUT_3D_SIZE 17/);
    assertMatch(
      await t.error("export_lut", { item_id: v1, path: `${dir}/grade.cube`, type: "cube_17" }),
      /CONFIRMATION_REQUIRED/,
    );
  });
});

Deno.test("copy_grades: refuses an audio target (COPY_REFUSED)", async () => {
  await withFixture(async (t, f) => {
    assertMatch(
      await t.error("copy_grades", { source_item_id: f.video[0], target_item_ids: [f.audio[0]] }),
      /COPY_REFUSED/,
    );
  });
});

Deno.test("apply_drx_grade: applies a .drx (list_nodes reads back); another file is NOT_A_DRX", async () => {
  await withFixture(async (t, _f, dir) => {
    Deno.writeTextFileSync(`${dir}/look.drx`, "grade");
    await t.ok("apply_drx_grade", { graph: "timeline", path: `${dir}/look.drx` });
    const nodes = (await t.ok("list_nodes", { graph: "timeline" })).nodes as Node[];
    assert(nodes[0].tools.includes("DRX Grade"));
    Deno.writeTextFileSync(`${dir}/look.png`, "not a grade");
    assertMatch(
      await t.error("apply_drx_grade", { graph: "timeline", path: `${dir}/look.png` }),
      /NOT_A_DRX/,
    );
  });
});
