// Item tools on Fusion comps over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("manage_fusion_comps: add, export, import, rename, load, delete", async () => {
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

Deno.test("list_fusion_comps: none on a fresh item; an unknown id is ITEM_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    assertEquals(await t.ok("list_fusion_comps", { item_id: f.video[0] }), { count: 0, comps: [] });
    assertMatch(await t.error("list_fusion_comps", { item_id: "nope" }), /ITEM_NOT_FOUND/);
  });
});
