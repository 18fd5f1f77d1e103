// Item tools on markers of timeline items over stdio against the simulator.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("add_item_marker: by offset or timecode, list with pages, update, delete", async () => {
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
    assertMatch(String(del.checkpoint_id), /^ck-/); // restore_checkpoint brings them back
    assertEquals(del, { deleted: 1, remaining: 1, checkpoint_id: del.checkpoint_id });
    const del2 = await t.confirmed("delete_item_markers", {
      item_id: v2,
      custom_data: "qc",
    });
    assertEquals(del2.remaining, 0);
    assertMatch(
      await t.error("delete_item_markers", { item_id: v2, frame: 1 }),
      /MARKER_NOT_FOUND/,
    );
    assertMatch(
      await t.error("delete_item_markers", { item_id: v2, frame: 1, color: "Red" }),
      /INVALID_ARGUMENTS.*exactly one/s,
    );
  });
});

Deno.test("list_item_markers: none on a fresh item; an unknown id is ITEM_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    const listed = await t.ok("list_item_markers", { item_id: f.video[0] });
    assertEquals(listed.markers, []);
    assertMatch(await t.error("list_item_markers", { item_id: "nope" }), /ITEM_NOT_FOUND/);
  });
});

Deno.test("update_item_marker: changes custom data (list_item_markers reads back); no marker is MARKER_NOT_FOUND", async () => {
  await withFixture(async (t, f) => {
    const v2 = f.video[1];
    await t.ok("add_item_marker", { item_id: v2, frame: 10, color: "Green" });
    await t.ok("update_item_marker", { item_id: v2, frame: 10, custom_data: "new" });
    const found = await t.ok("list_item_markers", { item_id: v2, custom_data: "new" });
    assertEquals((found.markers as unknown[]).length, 1);
    assertMatch(
      await t.error("update_item_marker", { item_id: v2, frame: 3, custom_data: "x" }),
      /MARKER_NOT_FOUND/,
    );
  });
});

Deno.test("delete_item_markers: asks first, then deletes (list_item_markers reads back)", async () => {
  await withFixture(async (t, f) => {
    const v2 = f.video[1];
    await t.ok("add_item_marker", { item_id: v2, frame: 10, color: "Red" });
    assertMatch(
      await t.error("delete_item_markers", { item_id: v2, color: "Red" }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("delete_item_markers", { item_id: v2, color: "Red" });
    assertEquals(del, { deleted: 1, remaining: 0, checkpoint_id: del.checkpoint_id });
    assertMatch(String(del.checkpoint_id), /^ck-/);
    assertEquals((await t.ok("list_item_markers", { item_id: v2 })).markers, []);
    assertMatch(
      await t.error("delete_item_markers", { item_id: v2, frame: 1 }),
      /MARKER_NOT_FOUND/,
    );
  });
});
