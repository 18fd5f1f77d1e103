// Storage browsing and import over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { refusedOnEmpty, writePng, writeWav } from "./media.ts";

Deno.test("browse_storage: volumes, a folder in pages; missing, outside and bad cursors refused", async () => {
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

Deno.test("reveal_in_storage: a path outside the roots is refused", () =>
  refusedOnEmpty("reveal_in_storage", { path: "/nope/x.wav" }, /PATH_NOT_ALLOWED/));

Deno.test("monitor_growing_file: a missing clip is refused", () =>
  refusedOnEmpty("monitor_growing_file", { clip: "missing.mov" }, /CLIP_NOT_FOUND/));

Deno.test("import_image_sequence: no sequences is refused", () =>
  refusedOnEmpty("import_image_sequence", { sequences: [] }, /INVALID_ARGUMENTS/));

Deno.test("add_from_storage: no items is refused", () =>
  refusedOnEmpty("add_from_storage", { items: [] }, /INVALID_ARGUMENTS/));
