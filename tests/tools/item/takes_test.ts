// Item tools on takes over stdio against the simulator.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("manage_item_takes: add, select, delete (confirmed), finalize", async () => {
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
    assertEquals(fin, { selected: 0, takes: [], checkpoint_id: fin.checkpoint_id });
    assertMatch(String(fin.checkpoint_id), /^ck-/); // restore_checkpoint brings the takes back
    assertMatch(
      await t.error("manage_item_takes", { item_id: v1, action: "finalize" }),
      /NOT_A_TAKE_SELECTOR/,
    );
  });
});

Deno.test("list_item_takes: none on a fresh item; an unknown id is ITEM_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    assertEquals(await t.ok("list_item_takes", { item_id: f.video[0] }), {
      selected: 0,
      takes: [],
    });
    assertMatch(await t.error("list_item_takes", { item_id: "nope" }), /ITEM_NOT_FOUND/);
  });
});
