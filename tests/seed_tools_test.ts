// The six seed tools over stdio against the simulator: success and every failure path.
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

Deno.test("create_timeline starts at 01:00:00:00 in the timeline's own rate", async () => {
  await withClient({}, async (t) => {
    await t.ok("create_project", { name: "Rates" });
    const plain = await t.ok("create_timeline", { name: "Cut 1" });
    assertEquals(plain.start_frame, 86400);
    assertEquals(plain.start_timecode, "01:00:00:00");
    assertEquals(plain.frame_rate, "24");
    const df = await t.ok("create_timeline", {
      name: "Broadcast",
      frame_rate: "29.97 DF",
      resolution_width: 1280,
      resolution_height: 720,
    });
    assertEquals(df.frame_rate, "29.97 DF");
    assertEquals(df.start_frame, 107892);
    assertEquals([df.resolution_width, df.resolution_height], [1280, 720]);
    const pal = await t.ok("create_timeline", { name: "PAL", frame_rate: "25" });
    assertEquals(pal.start_frame, 90000);
    assertMatch(await t.error("create_timeline", { name: "Cut 1" }), /TIMELINE_EXISTS/);
    assertMatch(
      await t.error("create_timeline", { name: "Half", resolution_width: 1920 }),
      /INVALID_ARGUMENTS.*go together/s,
    );
    assertMatch(
      await t.error("create_timeline", { name: "Odd", frame_rate: "31" }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("add_marker places markers by frame or timecode, one per frame", async () => {
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
      /exactly one of frame or timecode/,
    );
    assertMatch(await t.error("add_marker", { color: "Red" }), /exactly one of frame or timecode/);
  });
});

Deno.test("add_marker converts drop-frame timecode with the timeline's rate", async () => {
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
