// Checkpoints over stdio against the simulator: every destructive tool saves one (listed with
// its tool and arguments), restore_checkpoint brings back positions, properties, grade and
// markers (read back through the other tools), a restore is itself checkpointed, declining
// changes nothing, and retention keeps a bounded number.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { runStart, type TestClient, withTempDir } from "../../harness.ts";
import { type Fixture, withFixture } from "../../fixture.ts";
import {
  comparePrints,
  KEEP_DAYS,
  KEEP_MAX,
  KEEP_NEWEST,
  toDrop,
} from "../../../src/resolve/index.ts";

type Entry = {
  checkpoint_id: string;
  tool: string;
  args: Record<string, unknown>;
  time: string;
  scope: string;
  covers: string;
  timeline: { name: string; id: string } | null;
  available: boolean;
};
type Restored = {
  scope: string;
  restored: { name: string; id: string };
  checkpoint_id: string | null;
  compared: number;
};
// deno-lint-ignore no-explicit-any
type Any = any;
type Item = {
  id: string;
  name: string;
  track_type: string;
  track_index: number;
  start: number;
  end: number;
};

/** A server on the fixture with its own checkpoint folder (gone with the test's temp folder). */
function withCheckpoints(
  fn: (t: TestClient, f: Fixture, dir: string) => Promise<void>,
  elicit?: "accept" | "decline",
) {
  let dataDir = "";
  return withFixture(
    (t, f, dir) => fn(t, f, dir),
    { RESOLVE_MCP_DATA_DIR: dataDir = Deno.makeTempDirSync({ prefix: "ck-data-" }) },
    elicit ? { elicit } : {},
  ).finally(() => Deno.removeSync(dataDir, { recursive: true }));
}

async function items(t: TestClient, timeline = "Cut"): Promise<Item[]> {
  const r = await t.ok<{ items: Item[] }>("list_timeline_items", { timeline });
  return r.items.sort((a, b) =>
    a.track_type.localeCompare(b.track_type) || a.track_index - b.track_index || a.start - b.start
  );
}

const shape = (list: Item[]) =>
  list.map((i) => [i.track_type, i.track_index, i.name, i.start, i.end]);

/** The fixture's work on its second shot: zoom, colour, LUT, an item marker; a timeline marker. */
async function work(t: TestClient, f: Fixture) {
  const v2 = f.video[1];
  await t.ok("set_item_properties", {
    item_id: v2,
    properties: { ZoomX: 1.2, ZoomY: 1.2 },
    clip_color: "Teal",
  });
  await t.ok("set_node", { item_id: v2, node_index: 1, lut: "Sample/Warm.cube" });
  await t.ok("set_item_flags", { item_id: v2, add: ["Red"] });
  await t.ok("add_item_marker", { item_id: v2, frame: 2, color: "Green", name: "keep" });
  await t.ok("add_marker", { frame: 10, color: "Blue", name: "tl" });
}

Deno.test("restore_checkpoint: after delete_timeline_items, positions, zoom, clip colour, LUT and markers come back", async () => {
  await withCheckpoints(async (t, f) => {
    await work(t, f);
    const before = await items(t);
    const deleted = await t.confirmed<Any>("delete_timeline_items", {
      item_ids: [f.video[0], f.audio[0]],
      ripple: true,
    });
    assertMatch(deleted.checkpoint_id, /^ck-/);
    const after = await items(t);
    assertEquals(after.length, before.length - 2);

    const { checkpoints } = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", {});
    // newest first: set_node (putting a LUT on) saved one too
    assertEquals(checkpoints.map((c) => c.tool), ["delete_timeline_items", "set_node"]);
    assertEquals(checkpoints[0].checkpoint_id, deleted.checkpoint_id);
    assertEquals(checkpoints[0].tool, "delete_timeline_items");
    assertEquals(checkpoints[0].args, { item_ids: [f.video[0], f.audio[0]], ripple: true });
    assertEquals([checkpoints[0].scope, checkpoints[0].timeline?.name], ["timeline", "Cut"]);
    assert(checkpoints[0].available);
    assert(!Number.isNaN(Date.parse(checkpoints[0].time)));

    const restored = await t.confirmed<Restored>("restore_checkpoint", {
      checkpoint_id: deleted.checkpoint_id,
    });
    assertEquals(restored.scope, "timeline");
    assertEquals(restored.restored.name, "Cut");
    assertMatch(restored.checkpoint_id ?? "", /^ck-/);
    const back = await items(t);
    assertEquals(shape(back), shape(before));
    const v2 = back.find((i) => i.track_type === "video" && i.name === "b.png")!;
    const props = await t.ok<Any>("get_item_properties", { item_id: v2.id });
    assertEquals([props.properties.ZoomX, props.clip_color, props.flags], [1.2, "Teal", ["Red"]]);
    const nodes = await t.ok<{ nodes: { lut: string }[] }>("list_nodes", { item_id: v2.id });
    assertEquals(nodes.nodes[0].lut, "Sample/Warm.cube");
    const marks = await t.ok<{ markers: { name: string }[] }>("list_item_markers", {
      item_id: v2.id,
    });
    assertEquals(marks.markers.map((m) => m.name), ["keep"]);
    const tl = await t.ok<{ markers: { frame: number; name: string }[] }>("list_markers", {});
    assertEquals(tl.markers.map((m) => [m.frame, m.name]), [[10, "tl"]]);

    // The restore is itself a checkpoint, of the state it replaced (two items fewer).
    const listed = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", { timeline: "Cut" });
    assertEquals(listed.checkpoints.map((c) => c.tool), [
      "restore_checkpoint",
      "delete_timeline_items",
      "set_node",
    ]);
    await t.confirmed("restore_checkpoint", { checkpoint_id: restored.checkpoint_id });
    assertEquals(shape(await items(t)), shape(after));
  });
});

Deno.test("restore_checkpoint: a timeline deleted by delete_timelines comes back with its items and markers", async () => {
  await withCheckpoints(async (t, f) => {
    await work(t, f);
    const before = await items(t);
    await t.ok("create_timeline", { name: "Other" });
    const gone = await t.confirmed<Any>("delete_timelines", { timelines: ["Cut"] });
    assertEquals(gone.deleted, ["Cut"]);
    assertEquals(gone.remaining, 1, "checkpoint timelines are not counted");
    const listed = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", { timeline: "Cut" });
    assertEquals(listed.checkpoints[0].tool, "delete_timelines");
    assertEquals(listed.checkpoints[0].args, { timelines: ["Cut"] });
    assertEquals(listed.checkpoints[0].checkpoint_id, gone.checkpoint_id);
    // the duplicate is kept, marked, in the Checkpoints bin, out of list_timelines' way
    const tls = await t.ok<{ timelines: { name: string }[] }>("list_timelines", {});
    assertEquals(tls.timelines.map((x) => x.name), ["Other"]);
    const bins = await t.ok<Any>("list_clips", { bin: "Checkpoints" });
    // (set_node's LUT in work() saved the other one)
    assertEquals(
      bins.clips.map((c: { name: string }) => c.name).sort(),
      [
        `[checkpoint ${gone.checkpoint_id}] Cut`,
        `[checkpoint ${listed.checkpoints[1].checkpoint_id}] Cut`,
      ].sort(),
    );

    const r = await t.confirmed<Restored>("restore_checkpoint", {
      checkpoint_id: gone.checkpoint_id,
    });
    assertEquals([r.restored.name, r.checkpoint_id], ["Cut", null], "nothing was replaced");
    assertEquals(shape(await items(t)), shape(before));
    const tl = await t.ok<{ markers: { name: string }[] }>("list_markers", { timeline: "Cut" });
    assertEquals(tl.markers.map((m) => m.name), ["tl"]);
  });
});

Deno.test("restore_checkpoint: brings back markers deleted by delete_markers and delete_item_markers, and a grade reset by reset_grade", async () => {
  await withCheckpoints(async (t, f) => {
    await work(t, f);
    const v2 = () =>
      items(t).then((l) => l.find((i) => i.track_type === "video" && i.name === "b.png")!.id);
    const m = await t.confirmed<Any>("delete_markers", { action: "all" });
    assertMatch(m.checkpoint_id, /^ck-/);
    assertEquals((await t.ok<Any>("list_markers", {})).markers.length, 0);
    const restored = await t.confirmed<Restored>("restore_checkpoint", {
      checkpoint_id: m.checkpoint_id,
    });
    assert(restored.compared >= 3);
    assertEquals((await t.ok<Any>("list_markers", {})).markers.length, 1);

    const im = await t.confirmed<Any>("delete_item_markers", { item_id: await v2(), color: "All" });
    assertEquals(im.remaining, 0);
    await t.confirmed("restore_checkpoint", { checkpoint_id: im.checkpoint_id });
    const marks = await t.ok<Any>("list_item_markers", { item_id: await v2() });
    assertEquals(marks.markers.map((x: { name: string }) => x.name), ["keep"]);

    const reset = await t.confirmed<Any>("reset_grade", { item_id: await v2() });
    assertEquals(reset.nodes[0].lut, "");
    await t.confirmed("restore_checkpoint", { checkpoint_id: reset.checkpoint_id });
    const nodes = await t.ok<Any>("list_nodes", { item_id: await v2() });
    assertEquals(nodes.nodes[0].lut, "Sample/Warm.cube");
    const props = await t.ok<Any>("get_item_properties", { item_id: await v2() });
    assertEquals(props.properties.ZoomX, 1.2);
  });
});

Deno.test("restore_checkpoint: a project checkpoint (delete_clips) comes back under the project's name with the clip, the replaced project kept; restoring again undoes it", async () => {
  await withCheckpoints(async (t, f) => {
    const del = await t.confirmed<Any>("delete_clips", { clips: [f.clips[1]] });
    const { checkpoints } = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", {});
    assertEquals(checkpoints[0].scope, "project");
    assertEquals([checkpoints[0].tool, checkpoints[0].args], ["delete_clips", {
      clips: [f.clips[1]],
    }]);
    assert(checkpoints[0].available);
    assertEquals((await t.ok<Any>("list_clips", { name_contains: "b.png" })).total, 0);
    const r = await t.confirmed<Restored>("restore_checkpoint", {
      checkpoint_id: del.checkpoint_id,
    });
    assertEquals(r.scope, "project");
    assertEquals(r.restored.name, "Grade");
    assertMatch(r.checkpoint_id ?? "", /^ck-/);
    assertEquals((await t.ok<Any>("get_current_project", {})).name, "Grade");
    assertEquals((await t.ok<Any>("list_clips", { name_contains: "b.png" })).total, 1);
    assert((await items(t)).some((i) => i.name === "b.png"));
    // the replaced project stays, renamed, and the restore's own checkpoint is listed here
    const projects = await t.ok<Any>("list_projects", {});
    assert(
      projects.entries.some((p: { name: string }) =>
        p.name === `Grade (replaced ${r.checkpoint_id})`
      ),
    );
    const listed = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", {});
    assertEquals(listed.checkpoints.map((c) => c.tool).slice(0, 2), [
      "restore_checkpoint",
      "delete_clips",
    ]);
    // restoring that one undoes the restore: b.png is gone again
    await t.confirmed("restore_checkpoint", { checkpoint_id: r.checkpoint_id });
    assertEquals((await t.ok<Any>("list_clips", { name_contains: "b.png" })).total, 0);
  });
});

Deno.test("restore_checkpoint: declining changes nothing and saves no checkpoint; unknown ids are CHECKPOINT_NOT_FOUND", async () => {
  await withCheckpoints(async (t, f) => {
    t.answer = "accept";
    const del = await t.ok<Any>("delete_timeline_items", { item_ids: [f.video[1]] });
    const after = await items(t);
    t.answer = "decline";
    assertMatch(
      await t.error("restore_checkpoint", { checkpoint_id: del.checkpoint_id }),
      /USER_DECLINED/,
    );
    assertMatch(
      await t.error("delete_timeline_items", { item_ids: [f.video[0]] }),
      /USER_DECLINED/,
    );
    assertEquals(shape(await items(t)), shape(after));
    const listed = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", {});
    assertEquals(listed.checkpoints.map((c) => c.tool), ["delete_timeline_items"]);
    assertMatch(
      await t.error("restore_checkpoint", { checkpoint_id: "ck-20200101-000000-abcdef" }),
      /CHECKPOINT_NOT_FOUND/,
    );
    assertMatch(await t.error("restore_checkpoint", { checkpoint_id: "x" }), /INVALID_ARGUMENTS/);
  }, "accept");
});

Deno.test("list_checkpoints: retention keeps the newest 30 of a timeline and deletes the older duplicates", async () => {
  await withCheckpoints(async (t, f) => {
    const ids: string[] = [];
    for (let i = 0; i < 31; i++) {
      const r = await t.ok<Any>("copy_grades", {
        source_item_id: f.video[0],
        target_item_ids: [f.video[1]],
      });
      ids.push(r.checkpoint_id);
    }
    const { checkpoints } = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", {
      timeline: "Cut",
    });
    assertEquals(checkpoints.length, 30);
    assertEquals(checkpoints.map((c) => c.checkpoint_id), ids.slice(1).reverse());
    assert(checkpoints.every((c) => c.tool === "copy_grades" && c.available));
    const bin = await t.ok<{ clips: { name: string }[] }>("list_clips", {
      bin: "Checkpoints",
      limit: 100,
    });
    const copies = bin.clips.filter((x) => x.name.startsWith("[checkpoint "));
    assertEquals(copies.length, 30);
    assert(!copies.some((x) => x.name.includes(ids[0])), "the oldest duplicate is deleted");
    assertMatch(
      await t.error("restore_checkpoint", { checkpoint_id: ids[0] }),
      /CHECKPOINT_NOT_FOUND/,
    );
  });
});

// Pure logic: retention and the read-back comparison.

const entry = (i: number, time: string) => ({
  checkpoint_id: `ck-20260101-000000-${String(i).padStart(6, "0")}`,
  tool: "t",
  args: {},
  time,
  scope: "timeline" as const,
  project: { name: "P", id: "p" },
  timeline: { name: "Cut", id: "1" },
});

Deno.test("list_checkpoints: retention drops beyond 30, and beyond the newest 20 once 14 days old", () => {
  const now = new Date("2026-03-01T00:00:00Z");
  const old = "2026-01-01T00:00:00.000Z"; // 59 days before
  const fresh = "2026-02-28T00:00:00.000Z";
  // oldest first: 35 fresh ones keep 30
  const many = Array.from({ length: 35 }, (_, i) => entry(i, fresh));
  assertEquals(
    toDrop(many, now).map((e) => e.checkpoint_id),
    many.slice(0, 5).reverse().map((e) => e.checkpoint_id),
  );
  // 25 old ones: the newest 20 stay whatever their age
  const aged = Array.from({ length: 25 }, (_, i) => entry(i, old));
  assertEquals(toDrop(aged, now).length, 5);
  assertEquals(toDrop(aged.slice(0, 20), now), []);
  // mixed: old ones past the newest 20 go, fresh ones stay
  const mixed = [
    ...Array.from({ length: 3 }, (_, i) => entry(i, old)),
    ...Array.from({ length: 22 }, (_, i) => entry(10 + i, fresh)),
  ];
  assertEquals(
    toDrop(mixed, now).map((e) => e.checkpoint_id).sort(),
    mixed.slice(0, 3).map((e) => e.checkpoint_id).sort(),
  );
  assertEquals([KEEP_NEWEST, KEEP_MAX, KEEP_DAYS], [20, 30, 14]);
});

Deno.test("restore_checkpoint: the read-back comparison names every difference", () => {
  const item = (start: string, fields: Record<string, string> = {}) => ({
    where: "video 1",
    fields: { name: "a", start, end: "10", properties: "{}", grade: "[]", ...fields },
  });
  const want = { markers: "{}", items: [item("0"), item("10")] };
  assertEquals(comparePrints(want, want), []);
  const got = {
    markers: '{"1":{}}',
    items: [item("0", { properties: '{"ZoomX":1}' }), item("20")],
  };
  const diffs = comparePrints(want, got);
  assertEquals(diffs.length, 4);
  assert(diffs.some((d) => /timeline markers/.test(d)));
  assert(diffs.some((d) => /at 0: properties differs/.test(d)));
  assert(diffs.some((d) => /at 10 is missing/.test(d)));
  assert(diffs.some((d) => /unexpected "a" at 20/.test(d)));
});

Deno.test("list_checkpoints: a checkpoint whose duplicate is gone is listed unavailable; restoring it is CHECKPOINT_MISSING", async () => {
  await withCheckpoints(async (t, f) => {
    const del = await t.confirmed<Any>("delete_timeline_items", { item_ids: [f.video[1]] });
    await t.confirmed("delete_bins", { bins: ["Checkpoints"] });
    const { checkpoints } = await t.ok<{ checkpoints: Entry[] }>("list_checkpoints", {});
    const row = checkpoints.find((c) => c.checkpoint_id === del.checkpoint_id)!;
    assertEquals([row.tool, row.available], ["delete_timeline_items", false]);
    // delete_bins saved a project checkpoint, which is available
    assertEquals(checkpoints[0].tool, "delete_bins");
    assertEquals([checkpoints[0].scope, checkpoints[0].available], ["project", true]);
    assertMatch(
      await t.error("restore_checkpoint", { checkpoint_id: del.checkpoint_id }),
      /CHECKPOINT_MISSING/,
    );
    assertEquals((await t.ok<Any>("list_checkpoints", { timeline: "Nope" })).checkpoints, []);
  });
});

Deno.test("list_checkpoints: doctor names the data folder the checkpoints are kept in", async () => {
  await withTempDir(async (dir) => {
    const run = await runStart(["doctor", "--simulator"], { RESOLVE_MCP_DATA_DIR: `${dir}/data` });
    assertEquals(run.code, 0);
    assertMatch(run.stdout, new RegExp(`checkpoints are kept in ${dir}/data/checkpoints`));
  });
});
