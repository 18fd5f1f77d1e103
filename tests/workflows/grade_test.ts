// Job 4, on the default set only: a grade across a scene. The reference shot is graded (CDL),
// its grade copied to the other shots, and the scene put in one colour group; read back
// through the nodes of every shot and the group's items.
import { assert, assertEquals } from "../assert.ts";
import { allItems, withDefaultSet } from "./setup.ts";

interface Node {
  index: number;
  label: string;
  lut: string;
  tools: string[];
}

Deno.test("workflow grade: copy the reference grade to the scene, group the scene", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Grade" });
    await t.ok("import_media", { paths: Object.values(media.cameras) });
    await t.ok("create_timeline_from_clips", {
      name: "Scene 12",
      clips: ["A001.mp4", "B001.mp4", "C001.mp4"].map((clip) => ({ clip })),
    });
    await t.ok("switch_page", { page: "color" });
    const shots = (await allItems(t)).filter((i) => i.track_type === "video")
      .sort((a, b) => a.start! - b.start!).map((i) => i.id);
    assertEquals(shots.length, 3);
    const [reference, ...others] = shots;
    await t.ok("set_cdl", {
      item_id: reference,
      slope: [1.1, 1.0, 0.9],
      offset: [0.01, 0, -0.01],
      power: [1, 1, 1],
      saturation: 0.9,
    });
    const nodes = (item: string) =>
      t.ok<{ nodes: Node[] }>("list_nodes", { item_id: item }).then((r) => r.nodes);
    const graded = await nodes(reference);
    assert(graded.some((n) => n.tools.length > 0), JSON.stringify(graded));
    assert(JSON.stringify(await nodes(others[0])) !== JSON.stringify(graded), "not graded yet");

    const copied = await t.ok<{ targets: string[]; checkpoint_id: string }>("copy_grades", {
      source_item_id: reference,
      target_item_ids: others,
    });
    assertEquals(copied.targets.sort(), [...others].sort());
    assert(copied.checkpoint_id);
    for (const item of others) assertEquals(await nodes(item), graded);

    await t.ok("manage_color_groups", { action: "create", name: "Scene 12" });
    const assigned = await t.ok<{ assigned: string[]; refused: string[] }>(
      "assign_to_color_group",
      {
        group: "Scene 12",
        item_ids: shots,
      },
    );
    assertEquals([assigned.assigned.length, assigned.refused], [3, []]);
    const group = await t.ok<{ items: { id: string }[]; total: number }>(
      "list_color_group_items",
      { group: "Scene 12" },
    );
    assertEquals(group.items.map((i) => i.id).sort(), [...shots].sort());
  });
});
