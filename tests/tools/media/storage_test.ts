// Storage browsing and import over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { importInto, writePng, writeWav } from "./media.ts";

Deno.test("browse_storage: storage browsing, bins: create, list, current, move, export/import .drb, delete", async () => {
  await withTempDir(async (dir) => {
    Deno.mkdirSync(`${dir}/sub`);
    writeWav(`${dir}/a.wav`, 1);
    writeWav(`${dir}/b.wav`, 1);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      // storage
      const vols = await t.ok<{ volumes: string[] }>("browse_storage", {});
      assert(vols.volumes.length > 0);
      const page1 = await t.ok<
        { files: string[]; sub_folders: string[]; total: number; next_cursor: string }
      >(
        "browse_storage",
        { folder: dir, limit: 1 },
      );
      assertEquals(page1.total, 2);
      assertEquals(page1.files, [`${dir}/a.wav`]);
      assertEquals(page1.sub_folders, [`${dir}/sub`]);
      const page2 = await t.ok("browse_storage", {
        folder: dir,
        limit: 1,
        cursor: page1.next_cursor,
      });
      assertEquals(page2.files, [`${dir}/b.wav`]);
      assertEquals(page2.next_cursor, null);
      assertMatch(await t.error("browse_storage", { folder: `${dir}/nope` }), /FOLDER_NOT_FOUND/);
      assertMatch(await t.error("browse_storage", { folder: "/etc" }), /PATH_NOT_ALLOWED/);
      assertMatch(await t.error("browse_storage", { folder: dir, cursor: "zz" }), /INVALID_CURSOR/);
      assertEquals(
        (await t.ok("reveal_in_storage", { path: `${dir}/a.wav` })).path,
        `${dir}/a.wav`,
      );
      assertMatch(await t.error("reveal_in_storage", { path: `${dir}/x.wav` }), /FILE_NOT_FOUND/);

      await t.ok("create_project", { name: "Bins" });
      // create, idempotent, make current
      const made = await t.ok<
        { bin: { path: string; id: string }; created_bins: string[]; current: boolean }
      >(
        "create_bin",
        { path: "Dailies/Day 1", make_current: true },
      );
      assertEquals(made.bin.path, "Master/Dailies/Day 1");
      assertEquals(made.created_bins, ["Dailies", "Day 1"]);
      const again = await t.ok("create_bin", { path: "Master/Dailies/Day 1" });
      assertEquals(again.created_bins, []);
      assertMatch(await t.error("create_bin", { path: "//" }), /INVALID_ARGUMENTS/);
      await t.ok("create_bin", { path: "Selects" });
      const bins = await t.ok<
        { current_bin: string; bins: { path: string; sub_bin_count: number }[]; total: number }
      >(
        "list_bins",
        {},
      );
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
      // set current by id
      const cur = await t.ok("set_current_bin", { bin: made.bin.id });
      assertEquals(cur, { bin: "Master/Dailies/Day 1", previous: "Master/Dailies/Day 1" });
      assertEquals(
        (await t.ok("set_current_bin", { bin: "Selects" })).previous,
        "Master/Dailies/Day 1",
      );
      assertMatch(await t.error("set_current_bin", { bin: "Nope" }), /BIN_NOT_FOUND/);
      // clips to give the bins content
      await importInto(t, [`${dir}/a.wav`], "Dailies/Day 1");
      // move
      const moved = await t.ok("move_bins", { bins: ["Dailies/Day 1"], target: "Selects" });
      assertEquals(moved.moved, ["Master/Selects/Day 1"]);
      assertMatch(
        await t.error("move_bins", { bins: ["Selects"], target: "Selects/Day 1" }),
        /INVALID_MOVE/,
      );
      assertMatch(
        await t.error("move_bins", { bins: ["Master"], target: "Selects" }),
        /INVALID_ARGUMENTS/,
      );
      // export .drb, overwrite needs confirmation
      const exported = await t.ok("export_bin", { bin: "Selects", path: `${dir}/selects` });
      assertEquals(exported.file, `${dir}/selects.drb`);
      assertMatch(
        await t.error("export_bin", { bin: "Selects", path: `${dir}/selects.drb` }),
        /CONFIRMATION_REQUIRED/,
      );
      await t.confirmed("export_bin", { bin: "Selects", path: `${dir}/selects.drb` });
      assertMatch(
        await t.error("export_bin", { bin: "Selects", path: `/etc/x.drb` }),
        /PATH_NOT_ALLOWED/,
      );
      // delete needs confirmation, then the bin and its clip are gone
      assertMatch(
        await t.error("delete_bins", { bins: ["Selects"] }),
        /CONFIRMATION_REQUIRED.*1 clip/s,
      );
      assertMatch(await t.error("delete_bins", { bins: ["Master"] }), /INVALID_ARGUMENTS/);
      const del = await t.confirmed("delete_bins", { bins: ["Selects"] });
      assertEquals(del, { deleted: ["Master/Selects"], clips_deleted: 1 });
      assertEquals((await t.ok("list_clips", {})).total, 0);
      // import the .drb back
      const imported = await t.ok<{ new_bins: { name: string }[]; clips_added: number }>(
        "import_bin",
        {
          path: `${dir}/selects.drb`,
          source_clips_path: dir,
        },
      );
      assert(imported.new_bins.some((b) => b.name === "Selects"));
      assertEquals(imported.clips_added, 1);
      assertMatch(await t.error("import_bin", { path: `${dir}/none.drb` }), /FILE_NOT_FOUND/);
      assertEquals((await t.ok("refresh_bins", {})).stale_bins, []);
    });
  });
});

Deno.test("import_media: imports real files into a named bin, creating it", async () => {
  await withTempDir(async (dir) => {
    writeWav(`${dir}/tone.wav`, 2, 48000, 2);
    await writePng(`${dir}/card.png`, 320, 180);
    await withClient({ args: ["--allow-path", dir] }, async (t) => {
      await t.ok("create_project", { name: "Ingest" });
      const result = await t.ok<{
        bin: string;
        created_bins: string[];
        imported: number;
        clips: { name: string; path: string; type: string; resolution: string; fps: number }[];
      }>("import_media", { paths: [`${dir}/tone.wav`, `${dir}/card.png`], bin: "Dailies/Day 1" });
      assertEquals(result.bin, "Day 1");
      assertEquals(result.created_bins, ["Dailies", "Day 1"]);
      assertEquals(result.imported, 2);
      const byName = Object.fromEntries(result.clips.map((c) => [c.name, c]));
      assertEquals(byName["tone.wav"].path, `${dir}/tone.wav`);
      assertEquals(byName["tone.wav"].type, "Audio");
      assertEquals(byName["card.png"].resolution, "320x180");
      // The bin exists now: importing again into it creates nothing.
      const again = await t.ok("import_media", {
        paths: [`${dir}/card.png`],
        bin: "Master/Dailies/Day 1",
      });
      assertEquals(again.created_bins, []);
      assertMatch(
        await t.error("import_media", { paths: [`${dir}/nope.mov`] }),
        /FILE_NOT_FOUND.*nope\.mov.*nothing was imported/s,
      );
      assertMatch(await t.error("import_media", { paths: [] }), /INVALID_ARGUMENTS/);
    });
  });
});

Deno.test("import_media: refuses paths outside the allowed roots, symlinks included", async () => {
  await withTempDir(async (inside) => {
    await withTempDir(async (outside) => {
      writeWav(`${outside}/secret.wav`, 1);
      Deno.symlinkSync(`${outside}/secret.wav`, `${inside}/link.wav`);
      await withClient({ args: ["--allow-path", inside] }, async (t) => {
        const direct = await t.error("import_media", { paths: [`${outside}/secret.wav`] });
        assertMatch(direct, /PATH_NOT_ALLOWED/);
        assert(direct.includes(inside), "the error names the allowed roots");
        assertMatch(
          await t.error("import_media", { paths: [`${inside}/link.wav`] }),
          /PATH_NOT_ALLOWED/,
        );
        assertMatch(
          await t.error("import_media", {
            paths: [`${inside}/../${outside.split("/").pop()}/secret.wav`],
          }),
          /PATH_NOT_ALLOWED/,
        );
      });
      await withClient({}, async (t) => {
        assertMatch(
          await t.error("import_media", { paths: [`${inside}/link.wav`] }),
          /NO_ALLOWED_ROOTS.*--allow-path/s,
        );
      });
    });
  });
});
