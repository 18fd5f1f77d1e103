// Timeline markers over stdio against the simulator: add, list, update custom data, delete.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { all, media, setup } from "./timeline.ts";

Deno.test("add_marker: places markers by frame or timecode, one per frame", async () => {
  await withClient({}, async (t) => {
    await t.ok("create_project", { name: "Markers" });
    assertMatch(
      await t.error("add_marker", { frame: 0, color: "Red" }),
      /NO_TIMELINE.*create_timeline/s,
    );
    await t.ok("create_timeline", { name: "Cut" });
    const byFrame = await t.ok("add_marker", {
      frame: 48,
      color: "Blue",
      name: "Look here",
      note: "check focus",
      duration: 12,
      custom_data: "qc-1",
    });
    assertEquals(byFrame, {
      timeline: "Cut",
      frame: 48,
      timecode: "01:00:02:00",
      color: "Blue",
      name: "Look here",
      note: "check focus",
      duration: 12,
      custom_data: "qc-1",
      past_end: true, // the timeline is still empty
      timeline_frames: 0,
    });
    const byTc = await t.ok("add_marker", { timecode: "01:00:05:00", color: "Green" });
    assertEquals(byTc.frame, 120);
    assertMatch(await t.error("add_marker", { frame: 48, color: "Red" }), /MARKER_EXISTS/);
    assertMatch(
      await t.error("add_marker", { timecode: "01:00:05:00", color: "Red" }),
      /MARKER_EXISTS/,
    );
    assertMatch(
      await t.error("add_marker", { timecode: "00:59:59:00", color: "Red" }),
      /BEFORE_START/,
    );
    assertMatch(
      await t.error("add_marker", { timecode: "01:00:00:24", color: "Red" }),
      /INVALID_TIMECODE/,
    );
    assertMatch(
      await t.error("add_marker", { frame: 1, color: "Orange" }),
      /INVALID_ARGUMENTS.*color/s,
    );
    assertMatch(
      await t.error("add_marker", { frame: 1, timecode: "01:00:00:01", color: "Red" }),
      /INVALID_ARGUMENTS.*exactly one of frame/s,
    );
    assertMatch(
      await t.error("add_marker", { color: "Red" }),
      /INVALID_ARGUMENTS.*exactly one of frame/s,
    );
  });
});

Deno.test("add_marker: a marker at or past the timeline's end is flagged past_end, never simply Added", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card } = await setup(t, dir);
      await t.ok("create_timeline", { name: "Cut" });
      await t.ok("append_to_timeline", {
        clips: [{ clip: card.id, start_frame: 0, end_frame: 47 }],
      });
      const inside = await t.call("add_marker", { frame: 40, color: "Blue", duration: 8 });
      assertEquals(
        [inside.structuredContent?.past_end, inside.structuredContent?.timeline_frames],
        [false, 48],
      );
      assertMatch((inside.content[0] as { text: string }).text, /^Added/);
      const over = await t.call("add_marker", { frame: 47, color: "Red", duration: 2 });
      assertEquals(over.structuredContent?.past_end, true);
      const after = await t.call("add_marker", { frame: 48, color: "Red" });
      assertEquals(after.structuredContent?.past_end, true);
      const text = (after.content[0] as { text: string }).text;
      assertMatch(text, /PAST THE END.*48 frame/);
      assertEquals(/^Added/.test(text), false);
      // Resolve keeps it (measured: timeline markers at any frame >= 0); list_markers shows it.
      const listed = await t.ok<{ markers: { frame: number }[] }>("list_markers", {});
      assertEquals(listed.markers.map((m) => m.frame), [40, 47, 48]);
    });
  });
});

Deno.test("add_marker: converts drop-frame timecode with the timeline's rate", async () => {
  await withClient({}, async (t) => {
    await t.ok("create_project", { name: "DF" });
    await t.ok("create_timeline", { name: "NTSC", frame_rate: "29.97 DF" });
    const m = await t.ok("add_marker", { timecode: "01:01:00;02", color: "Yellow" });
    assertEquals(m.frame, 1800); // labels ;00 and ;01 of minute 1 do not exist
    assertEquals(m.timecode, "01:01:00;02");
    assertMatch(
      await t.error("add_marker", { timecode: "01:01:00;00", color: "Red" }),
      /INVALID_TIMECODE/,
    );
  });
});

Deno.test("list_markers: filters and pages, update custom data, delete with bulk confirmation", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card } = await setup(t, dir);
      await t.ok("create_timeline_from_clips", { name: "M", clips: [{ clip: card.id }] });
      for (
        const [frame, color, data] of [[0, "Red", "a"], [10, "Red", "b"], [20, "Blue", "c"], [
          30,
          "Green",
          "",
        ]]
      ) {
        await t.ok("add_marker", { frame, color, custom_data: data, name: `m${frame}` });
      }
      const list = await t.ok<
        { markers: { frame: number; timecode: string }[]; total: number; next_cursor: string }
      >(
        "list_markers",
        { limit: 3 },
      );
      assertEquals(list.total, 4);
      assertEquals(list.markers.map((m) => m.timecode), [
        "01:00:00:00",
        "01:00:00:10",
        "01:00:00:20",
      ]);
      const rest = await t.ok<{ markers: { frame: number }[] }>("list_markers", {
        limit: 3,
        cursor: list.next_cursor,
      });
      assertEquals(rest.markers.map((m) => m.frame), [30]);
      assertEquals((await t.ok<{ total: number }>("list_markers", { color: "Red" })).total, 2);
      const byData = await t.ok<{ markers: { frame: number }[] }>("list_markers", {
        custom_data: "c",
      });
      assertEquals(byData.markers.map((m) => m.frame), [20]);
      const atTc = await t.ok<{ markers: { custom_data: string }[] }>("list_markers", {
        timecode: "01:00:00:10",
      });
      assertEquals(atTc.markers[0].custom_data, "b");
      assertEquals((await t.ok<{ total: number }>("list_markers", { custom_data: "zz" })).total, 0);
      // update
      const up = await t.ok<{ marker: { custom_data: string; frame: number } }>(
        "update_marker_custom_data",
        {
          timecode: "01:00:01:06",
          custom_data: "d",
        },
      );
      assertEquals([up.marker.frame, up.marker.custom_data], [30, "d"]);
      assertMatch(
        await t.error("update_marker_custom_data", { frame: 5, custom_data: "x" }),
        /MARKER_NOT_FOUND/,
      );
      // delete: single without confirmation, bulk with
      const one = await t.ok("delete_markers", { action: "by_custom_data", custom_data: "d" });
      assertEquals(one, { deleted: 1, remaining: 3, checkpoint_id: one.checkpoint_id });
      assertMatch(String(one.checkpoint_id), /^ck-/);
      assertEquals(
        (await t.ok("delete_markers", { action: "at_position", frame: 20 })).remaining,
        2,
      );
      assertMatch(
        await t.error("delete_markers", { action: "at_position", frame: 20 }),
        /MARKER_NOT_FOUND/,
      );
      assertMatch(
        await t.error("delete_markers", { action: "by_color", color: "Red" }),
        /CONFIRMATION_REQUIRED.*2 Red/s,
      );
      assertMatch(
        await t.error("delete_markers", { action: "by_color", color: "Cyan" }),
        /MARKER_NOT_FOUND/,
      );
      assertMatch(
        await t.error("delete_markers", { action: "by_color" }),
        /INVALID_ARGUMENTS.*needs color/s,
      );
      await t.ok("add_marker", { frame: 40, color: "Yellow" });
      const red = await t.confirmed("delete_markers", { action: "by_color", color: "Red" });
      assertEquals([red.deleted, red.remaining], [2, 1]);
      assertMatch(await t.error("delete_markers", { action: "all" }), /CONFIRMATION_REQUIRED/);
      const cleared = await t.confirmed("delete_markers", { action: "all" });
      assertEquals([cleared.deleted, cleared.remaining], [1, 0]);
    });
  });
});

/** A server with timeline "M" holding markers at frames 0 (Red, "a") and 10 (Blue, "b"). */
async function twoMarkers(fn: (t: import("../../harness.ts").TestClient) => Promise<void>) {
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    await t.ok("create_project", { name: "Markers" });
    await t.ok("create_timeline", { name: "M" });
    await t.ok("add_marker", { frame: 0, color: "Red", custom_data: "a" });
    await t.ok("add_marker", { frame: 10, color: "Blue", custom_data: "b" });
    await fn(t);
  });
}

Deno.test("update_marker_custom_data: read back by list_markers; no marker there is MARKER_NOT_FOUND", async () => {
  await twoMarkers(async (t) => {
    await t.ok("update_marker_custom_data", { frame: 10, custom_data: "c" });
    const r = await t.ok<{ markers: { frame: number }[] }>("list_markers", { custom_data: "c" });
    assertEquals(r.markers.map((m) => m.frame), [10]);
    assertMatch(
      await t.error("update_marker_custom_data", { frame: 5, custom_data: "x" }),
      /MARKER_NOT_FOUND/,
    );
  });
});

Deno.test("delete_markers: one at a position, read back by list_markers; none there is MARKER_NOT_FOUND", async () => {
  await twoMarkers(async (t) => {
    const del = await t.ok("delete_markers", { action: "at_position", frame: 10 });
    assertEquals([del.deleted, del.remaining], [1, 1]);
    assertMatch(String(del.checkpoint_id), /^ck-/);
    assertEquals((await t.ok<{ total: number }>("list_markers", {})).total, 1);
    assertMatch(
      await t.error("delete_markers", { action: "at_position", frame: 10 }),
      /MARKER_NOT_FOUND/,
    );
  });
});
