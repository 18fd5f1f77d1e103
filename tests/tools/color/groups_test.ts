// Color tools on colour groups over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

type Node = { index: number; label: string; lut: string; tools: string[]; cache_mode: string };

Deno.test("manage_color_groups: create, assign, list items, group graphs, rename, remove, delete", async () => {
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
      /INVALID_ARGUMENTS.*needs name/s,
    );
  });
});

Deno.test("assign_to_color_group: video items join, audio is refused; an unknown group is GROUP_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    await t.ok("manage_color_groups", { action: "create", name: "Day" });
    const assigned = await t.ok("assign_to_color_group", { group: "Day", item_ids: [v1] });
    assertEquals(assigned.assigned, [v1]);
    assertEquals((await t.ok("get_item_properties", { item_id: v1 })).color_group, "Day");
    assertMatch(
      await t.error("assign_to_color_group", { group: "Nope", item_ids: [v1] }),
      /GROUP_NOT_FOUND/,
    );
  });
});

Deno.test("list_color_groups: a created group is listed with its clip count", async () => {
  await withFixture(async (t) => {
    await t.ok("manage_color_groups", { action: "create", name: "Day" });
    const groups = await t.ok("list_color_groups", {});
    assertEquals(groups.groups, [{ name: "Day", clips_on_timeline: 0 }]);
  });
});

Deno.test("list_color_group_items: the items of a group; an unknown group is GROUP_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    const [v1, v2] = f.video;
    await t.ok("manage_color_groups", { action: "create", name: "Day" });
    await t.ok("assign_to_color_group", { group: "Day", item_ids: [v2] });
    const items = await t.ok("list_color_group_items", { group: "Day" });
    assertEquals((items.items as { id: string }[]).map((i) => i.id), [v2]);
    assert(v1 !== v2);
    assertMatch(await t.error("list_color_group_items", { group: "Nope" }), /GROUP_NOT_FOUND/);
  });
});
