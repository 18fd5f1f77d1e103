// Timeline interchange and Studio tools over stdio against the simulator: export in every
// format, import back, AAF into a timeline; subtitles from audio, scene cuts, stereo.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { withFixture } from "../../fixture.ts";
import { all, media, setup } from "./timeline.ts";

Deno.test("export_timeline: every format, import back, AAF into a timeline, overwrite confirmation", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card, tone } = await setup(t, dir);
      await t.ok("create_timeline_from_clips", {
        name: "Show",
        clips: [{ clip: card.id }, { clip: tone.id }],
      });
      const formats: [string, string][] = [
        ["edl", "show.edl"],
        ["edl_cdl", "show_cdl.edl"],
        ["fcp7_xml", "show.xml"],
        ["fcpxml_1_8", "show.fcpxml"],
        ["fcpxml_1_10", "show.fcpxmld"],
        ["otio", "show.otio"],
        ["csv", "show.csv"],
        ["tab", "show.txt"],
        ["ale", "show.ale"],
        ["drt", "show.drt"],
        ["aaf_new", "show.aaf"],
      ];
      for (const [format, file] of formats) {
        const r = await t.ok("export_timeline", { format, path: `${dir}/${file}` });
        assertEquals(r.file, `${dir}/${file}`);
        await Deno.stat(`${dir}/${file}`);
      }
      assertMatch(
        await t.error("export_timeline", { format: "edl", path: `${dir}/show.edl` }),
        /CONFIRMATION_REQUIRED/,
      );
      await t.confirmed("export_timeline", { format: "edl", path: `${dir}/show.edl` });
      assertMatch(
        await t.error("export_timeline", { format: "edl", path: "/etc/x.edl" }),
        /PATH_NOT_ALLOWED/,
      );
      assertMatch(
        await t.error("export_timeline", { format: "edl", path: `${dir}/no/x.edl` }),
        /NO_SUCH_DIRECTORY/,
      );
      assertMatch(
        await t.error("export_timeline", { format: "mp4", path: `${dir}/x.mp4` }),
        /INVALID_ARGUMENTS/,
      );
      // import back
      for (const file of ["show.edl", "show.otio", "show.xml", "show.aaf"]) {
        const name = `From ${file}`;
        const r = await t.ok<{ timeline: { name: string; duration_frames: number } }>(
          "import_timeline",
          {
            path: `${dir}/${file}`,
            timeline_name: name,
            import_source_clips: false,
            source_clips_bins: ["Media"],
          },
        );
        assertEquals(r.timeline.name, name);
        assert(r.timeline.duration_frames > 0, file);
      }
      const drt = await t.ok<{ timeline: { name: string } }>("import_timeline", {
        path: `${dir}/show.drt`,
      });
      assert(drt.timeline.name.length > 0);
      assertMatch(
        await t.error("import_timeline", { path: `${dir}/show.edl`, timeline_name: "Show" }),
        /TIMELINE_EXISTS/,
      );
      assertMatch(
        await t.error("import_timeline", { path: `${dir}/show.csv` }),
        /UNSUPPORTED_FORMAT/,
      );
      assertMatch(await t.error("import_timeline", { path: `${dir}/gone.edl` }), /FILE_NOT_FOUND/);
      assertMatch(
        await t.error("import_timeline", { path: `${dir}/show.drt`, timeline_name: "X" }),
        /INVALID_ARGUMENTS.*do not apply to DRT/s,
      );
      // AAF into an existing timeline adds items
      await t.ok("create_timeline", { name: "Target" });
      const into = await t.ok<{ items_before: number; items_after: number }>(
        "import_into_timeline",
        {
          path: `${dir}/show.aaf`,
          auto_import_source_clips: false,
          source_clips_bins: ["Media"],
        },
      );
      assertEquals(into.items_before, 0);
      assert(into.items_after > 0);
      assertMatch(
        await t.error("import_into_timeline", { path: `${dir}/show.edl` }),
        /UNSUPPORTED_FORMAT.*import_timeline/s,
      );
    });
  });
});

Deno.test("create_subtitles_from_audio: with scene cuts and stereo; refused on the free edition", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card, tone } = await setup(t, dir);
      await t.ok("create_timeline_from_clips", {
        name: "Talk",
        clips: [{ clip: card.id }, { clip: tone.id }],
      });
      const subs = await t.ok<{ subtitle_tracks: number; subtitles: number }>(
        "create_subtitles_from_audio",
        {
          language: "english",
          caption_preset: "netflix",
          chars_per_line: 32,
          line_break: "double",
          gap: 2,
        },
      );
      assert(subs.subtitle_tracks >= 1 && subs.subtitles >= 1);
      const cuts = await t.ok<{ items_before: number; items_after: number }>(
        "detect_scene_cuts",
        {},
      );
      assert(cuts.items_after >= cuts.items_before);
      assertEquals(
        (await t.ok("convert_timeline_to_stereo", { timeline: "Talk" })).timeline,
        "Talk",
      );
      assertMatch(
        await t.error("create_subtitles_from_audio", { chars_per_line: 61 }),
        /INVALID_ARGUMENTS/,
      );
      await t.ok("switch_page", { page: "deliver" });
      assertMatch(await t.error("create_subtitles_from_audio", {}), /AI_FEATURE_REFUSED.*deliver/s);
    });
    await withClient({ ...all(dir), env: { RESOLVE_SIM_EDITION: "free" } }, async (t) => {
      const { tone } = await setup(t, dir);
      await t.ok("create_timeline_from_clips", { name: "Talk", clips: [{ clip: tone.id }] });
      assertMatch(await t.error("create_subtitles_from_audio", {}), /AI_FEATURE_REFUSED.*Studio/s);
      assertMatch(await t.error("convert_timeline_to_stereo", {}), /AI_FEATURE_REFUSED/);
      assertMatch(
        await t.error("set_track", { type: "audio", index: 1, voice_isolation_enabled: true }),
        /TRACK_CHANGE_REFUSED.*Studio/s,
      );
    });
  });
});

Deno.test("import_timeline: an EDL exported by export_timeline comes back; a missing file is FILE_NOT_FOUND", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("export_timeline", { format: "edl", path: `${dir}/cut.edl` });
    const r = await t.ok<{ timeline: { name: string } }>("import_timeline", {
      path: `${dir}/cut.edl`,
      timeline_name: "Back",
      import_source_clips: false,
    });
    assertEquals(r.timeline.name, "Back");
    assertMatch(await t.error("import_timeline", { path: `${dir}/gone.edl` }), /FILE_NOT_FOUND/);
  });
});

Deno.test("import_into_timeline: AAF only; an EDL is UNSUPPORTED_FORMAT", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("export_timeline", { format: "edl", path: `${dir}/cut.edl` });
    assertMatch(
      await t.error("import_into_timeline", { path: `${dir}/cut.edl` }),
      /UNSUPPORTED_FORMAT/,
    );
  });
});

Deno.test("detect_scene_cuts: runs on the current timeline without losing items", async () => {
  await withFixture(async (t) => {
    const cuts = await t.ok<{ items_before: number; items_after: number }>(
      "detect_scene_cuts",
      {},
    );
    assert(cuts.items_after >= cuts.items_before);
  });
});

Deno.test("convert_timeline_to_stereo: names the timeline; the free edition is AI_FEATURE_REFUSED", async () => {
  await withFixture(async (t) => {
    assertEquals((await t.ok("convert_timeline_to_stereo", {})).timeline, "Cut");
  });
  await withFixture(async (t) => {
    assertMatch(await t.error("convert_timeline_to_stereo", {}), /AI_FEATURE_REFUSED/);
  }, { RESOLVE_SIM_EDITION: "free" });
});
