// Item tools on colour versions over stdio against the simulator.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("manage_color_versions: add, rename, load, delete (not the active one)", async () => {
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

Deno.test("list_color_versions: one local version on a fresh item; an unknown id is ITEM_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    const listed = await t.ok("list_color_versions", { item_id: f.video[0] });
    assertEquals(listed.local, ["Version 1"]);
    assertMatch(await t.error("list_color_versions", { item_id: "nope" }), /ITEM_NOT_FOUND/);
  });
});
