// The seed tools over stdio against the simulator: success and every failure path (the timeline
// ones, create_timeline and add_marker, are in tests/tools/timeline/).
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withClient, withTempDir } from "./harness.ts";
import { writePng, writeWav } from "../scripts/sample_media.ts";

Deno.test("create_project creates and opens; a taken name is refused", async () => {
  await withClient({}, async (t) => {
    const created = await t.ok("create_project", { name: "Feature" });
    assertEquals(created.name, "Feature");
    assert(String(created.id).length > 0);
    assertMatch(
      await t.error("create_project", { name: "Feature" }),
      /PROJECT_EXISTS.*open_project/s,
    );
    assertMatch(await t.error("create_project", { name: "" }), /INVALID_ARGUMENTS/);
    assertMatch(
      await t.error("create_project", { name: "X", colour: "red" }),
      /unknown argument.*colour.*expected only: name/s,
    );
  });
});

Deno.test("open_project loads an existing project and names the ones there when missing", async () => {
  await withClient({}, async (t) => {
    const a = await t.ok("create_project", { name: "Alpha" });
    await t.ok("create_project", { name: "Beta" });
    const opened = await t.ok("open_project", { name: "Alpha" });
    // The project it left was saved first.
    assertEquals(opened, { name: "Alpha", id: a.id, saved_previous: "Beta" });
    const text = await t.error("open_project", { name: "Gamma" });
    assertMatch(text, /PROJECT_NOT_FOUND/);
    assertMatch(text, /"Alpha".*"Beta"/s);
  });
});

Deno.test("switch_page reports the page before and after; unknown pages are refused", async () => {
  await withClient({}, async (t) => {
    const first = await t.ok("switch_page", { page: "color" });
    assertEquals(first.page, "color");
    const second = await t.ok("switch_page", { page: "deliver" });
    assertEquals(second, { page: "deliver", previous: "color" });
    assertMatch(await t.error("switch_page", { page: "colour" }), /INVALID_ARGUMENTS.*page/s);
  });
});

Deno.test("import_media imports real files into a named bin, creating it", async () => {
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

Deno.test("import_media refuses paths outside the allowed roots, symlinks included", async () => {
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
