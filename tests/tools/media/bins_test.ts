// Media pool bins over stdio against the simulator: create, list, current, move, export/import
// .drb, delete, refresh.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import type { TestClient } from "../../harness.ts";
import { importInto, withMedia, writeWav } from "./media.ts";

const oneWav = (dir: string) => writeWav(`${dir}/a.wav`, 1);

/** Master/Dailies/Day 1 (current) and Master/Selects. */
async function twoBins(t: TestClient) {
  const made = await t.ok<{ bin: { path: string; id: string } }>("create_bin", {
    path: "Dailies/Day 1",
    make_current: true,
  });
  await t.ok("create_bin", { path: "Selects" });
  return made.bin;
}

Deno.test("create_bin: creates missing parents, is idempotent, can make the bin current", async () => {
  await withMedia(() => {}, async (t) => {
    const made = await t.ok<
      { bin: { path: string; id: string }; created_bins: string[]; current: boolean }
    >("create_bin", { path: "Dailies/Day 1", make_current: true });
    assertEquals(made.bin.path, "Master/Dailies/Day 1");
    assertEquals(made.created_bins, ["Dailies", "Day 1"]);
    assertEquals(made.current, true);
    const again = await t.ok("create_bin", { path: "Master/Dailies/Day 1" });
    assertEquals(again.created_bins, []);
    assertEquals((await t.ok("list_bins", {})).current_bin, "Master/Dailies/Day 1");
    assertMatch(await t.error("create_bin", { path: "//" }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("list_bins: the tree with the current bin, pages, a sub-tree; a missing bin is refused", async () => {
  await withMedia(() => {}, async (t) => {
    await twoBins(t);
    const bins = await t.ok<
      { current_bin: string; bins: { path: string; sub_bin_count: number }[]; total: number }
    >("list_bins", {});
    assertEquals(bins.current_bin, "Master/Dailies/Day 1");
    assertEquals(bins.bins.map((b) => b.path), [
      "Master",
      "Master/Dailies",
      "Master/Dailies/Day 1",
      "Master/Selects",
    ]);
    const paged = await t.ok<{ bins: { path: string }[]; next_cursor: string }>("list_bins", {
      limit: 2,
    });
    assertEquals(paged.bins.length, 2);
    const rest = await t.ok<{ bins: { path: string }[]; next_cursor: null }>("list_bins", {
      limit: 2,
      cursor: paged.next_cursor,
    });
    assertEquals(rest.bins.map((b) => b.path), ["Master/Dailies/Day 1", "Master/Selects"]);
    const sub = await t.ok<{ bins: { path: string }[] }>("list_bins", {
      bin: "Dailies",
      max_depth: 0,
    });
    assertEquals(sub.bins.map((b) => b.path), ["Master/Dailies"]);
    assertMatch(await t.error("list_bins", { bin: "Nope" }), /BIN_NOT_FOUND/);
  });
});

Deno.test("set_current_bin: by id or path, reports the previous bin; a missing bin is refused", async () => {
  await withMedia(() => {}, async (t) => {
    const day1 = await twoBins(t);
    const cur = await t.ok("set_current_bin", { bin: day1.id });
    assertEquals(cur, { bin: "Master/Dailies/Day 1", previous: "Master/Dailies/Day 1" });
    assertEquals(
      (await t.ok("set_current_bin", { bin: "Selects" })).previous,
      "Master/Dailies/Day 1",
    );
    assertEquals((await t.ok("list_bins", {})).current_bin, "Master/Selects");
    assertMatch(await t.error("set_current_bin", { bin: "Nope" }), /BIN_NOT_FOUND/);
  });
});

Deno.test("move_bins: moves a bin into another; into itself or the root bin is refused", async () => {
  await withMedia(oneWav, async (t, dir) => {
    await twoBins(t);
    await importInto(t, [`${dir}/a.wav`], "Dailies/Day 1");
    const moved = await t.ok("move_bins", { bins: ["Dailies/Day 1"], target: "Selects" });
    assertEquals(moved.moved, ["Master/Selects/Day 1"]);
    assertEquals((await t.ok("list_clips", { bin: "Selects/Day 1" })).total, 1);
    assertMatch(
      await t.error("move_bins", { bins: ["Selects"], target: "Selects/Day 1" }),
      /INVALID_MOVE/,
    );
    assertMatch(
      await t.error("move_bins", { bins: ["Master"], target: "Selects" }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("export_bin: writes a .drb, an overwrite needs confirmation, outside the roots is refused", async () => {
  await withMedia(oneWav, async (t, dir) => {
    await twoBins(t);
    await importInto(t, [`${dir}/a.wav`], "Selects");
    const exported = await t.ok("export_bin", { bin: "Selects", path: `${dir}/selects` });
    assertEquals(exported.file, `${dir}/selects.drb`);
    assert(Deno.statSync(`${dir}/selects.drb`).isFile);
    assertMatch(
      await t.error("export_bin", { bin: "Selects", path: `${dir}/selects.drb` }),
      /CONFIRMATION_REQUIRED/,
    );
    await t.confirmed("export_bin", { bin: "Selects", path: `${dir}/selects.drb` });
    assertMatch(
      await t.error("export_bin", { bin: "Selects", path: `/etc/x.drb` }),
      /PATH_NOT_ALLOWED/,
    );
  });
});

Deno.test("delete_bins: needs confirmation, then the bin and its clips are gone; the root is refused", async () => {
  await withMedia(oneWav, async (t, dir) => {
    await twoBins(t);
    await importInto(t, [`${dir}/a.wav`], "Selects");
    assertMatch(await t.error("delete_bins", { bins: ["Selects"] }), /CONFIRMATION_REQUIRED/);
    assertMatch(await t.error("delete_bins", { bins: ["Master"] }), /INVALID_ARGUMENTS/);
    const del = await t.confirmed("delete_bins", { bins: ["Selects"] });
    assertEquals([del.deleted, del.clips_deleted], [["Master/Selects"], 1]);
    assertMatch(String(del.checkpoint_id), /^ck-/); // a project checkpoint (restore_checkpoint)
    assertEquals((await t.ok("list_clips", {})).total, 0);
    assertMatch(await t.error("list_bins", { bin: "Selects" }), /BIN_NOT_FOUND/);
  });
});

Deno.test("import_bin: a .drb exported and deleted comes back with its clips; a missing file is refused", async () => {
  await withMedia(oneWav, async (t, dir) => {
    await twoBins(t);
    await importInto(t, [`${dir}/a.wav`], "Selects");
    await t.ok("export_bin", { bin: "Selects", path: `${dir}/selects` });
    await t.confirmed("delete_bins", { bins: ["Selects"] });
    const imported = await t.ok<{ new_bins: { name: string }[]; clips_added: number }>(
      "import_bin",
      { path: `${dir}/selects.drb`, source_clips_path: dir },
    );
    assert(imported.new_bins.some((b) => b.name === "Selects"));
    assertEquals(imported.clips_added, 1);
    assertEquals((await t.ok("list_clips", {})).total, 1);
    assertMatch(await t.error("import_bin", { path: `${dir}/none.drb` }), /FILE_NOT_FOUND/);
  });
});

Deno.test("refresh_bins: no stale bins after a refresh", async () => {
  await withMedia(() => {}, async (t) => {
    await twoBins(t);
    assertEquals((await t.ok("refresh_bins", {})).stale_bins, []);
  });
});
