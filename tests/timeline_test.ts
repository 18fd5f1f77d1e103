// The timeline toolset over stdio against the simulator: timelines from clips, appending with
// source ranges and record positions, tracks, paginated items, markers, playhead, nesting,
// generators, AI tools and interchange import/export.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { type TestClient, withClient, withTempDir } from "./harness.ts";
import { writePng, writeWav } from "../scripts/sample_media.ts";

type Item = {
  id: string;
  name: string;
  track_type: string;
  track_index: number;
  start: number;
  end: number;
  start_timecode: string;
  duration: number;
  source_start_frame: number | null;
  clip_id: string | null;
};
type Clip = { id: string; name: string; frames: number };

async function setup(t: TestClient, dir: string): Promise<{ card: Clip; tone: Clip }> {
  await t.ok("create_project", { name: "Edit" });
  const r = await t.ok<{ clips: Clip[] }>("import_media", {
    paths: [`${dir}/card.png`, `${dir}/tone.wav`],
    bin: "Media",
  });
  const [card, tone] = r.clips;
  return { card, tone };
}

async function media(dir: string) {
  await writePng(`${dir}/card.png`, 320, 180);
  writeWav(`${dir}/tone.wav`, 4);
}

const all = (dir: string) => ({ args: ["--allow-path", dir, "--toolsets", "all"] });

Deno.test("timelines: create from clips with ranges, list, switch, rename, duplicate, settings, marks, delete", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card, tone } = await setup(t, dir);
      const made = await t.ok<
        {
          timeline: {
            name: string;
            current: boolean;
            duration_frames: number;
            start_timecode: string;
          };
          items: number;
        }
      >(
        "create_timeline_from_clips",
        {
          name: "Assembly",
          clips: [
            { clip: card.id, start_frame: 0, end_frame: 23 },
            {
              clip: "Media/card.png",
              start_frame: 0,
              end_frame: 11,
              record_timecode: "01:00:02:00",
            },
          ],
        },
      );
      assertEquals(made.timeline.name, "Assembly");
      assertEquals(made.timeline.current, true);
      assertEquals(made.timeline.start_timecode, "01:00:00:00");
      assertEquals(made.timeline.duration_frames, 60);
      assertEquals(made.items, 2);
      await t.ok("create_timeline_from_clips", { name: "Plain", clips: [{ clip: tone.id }] });
      assertMatch(
        await t.error("create_timeline_from_clips", { name: "Plain", clips: [{ clip: tone.id }] }),
        /TIMELINE_EXISTS/,
      );
      assertMatch(
        await t.error("create_timeline_from_clips", {
          name: "Bad",
          clips: [{ clip: tone.id, end_frame: 5000 }],
        }),
        /OUT_OF_RANGE/,
      );
      assertMatch(
        await t.error("create_timeline_from_clips", { name: "Bad", clips: [{ clip: "nope.mov" }] }),
        /CLIP_NOT_FOUND/,
      );
      // list with pages
      const p1 = await t.ok<
        { timelines: { name: string; current: boolean }[]; total: number; next_cursor: string }
      >(
        "list_timelines",
        { limit: 1 },
      );
      assertEquals(p1.total, 2);
      assertEquals(p1.timelines.map((x) => x.name), ["Assembly"]);
      const p2 = await t.ok<{ timelines: { name: string; current: boolean }[] }>("list_timelines", {
        cursor: p1.next_cursor,
      });
      assertEquals(p2.timelines.map((x) => [x.name, x.current]), [["Plain", true]]);
      // switch
      const sw = await t.ok<{ timeline: { name: string; current: boolean }; previous: string }>(
        "switch_timeline",
        {
          timeline: "Assembly",
        },
      );
      assertEquals([sw.timeline.name, sw.timeline.current, sw.previous], [
        "Assembly",
        true,
        "Plain",
      ]);
      assertMatch(
        await t.error("switch_timeline", { timeline: "Nope" }),
        /TIMELINE_NOT_FOUND.*"Assembly"/s,
      );
      // rename, duplicate
      const ren = await t.ok("rename_timeline", { timeline: "Plain", name: "Music" });
      assertEquals(ren.previous, "Plain");
      assertMatch(await t.error("rename_timeline", { name: "Music" }), /TIMELINE_EXISTS/);
      const dup = await t.ok<{ timeline: { name: string; duration_frames: number } }>(
        "duplicate_timeline",
        {
          timeline: "Assembly",
          name: "Assembly v2",
        },
      );
      assertEquals(dup.timeline, { ...dup.timeline, name: "Assembly v2", duration_frames: 60 });
      assertMatch(await t.error("duplicate_timeline", { name: "Music" }), /TIMELINE_EXISTS/);
      // info and settings
      const info = await t.ok<
        {
          settings: Record<string, unknown>;
          media_pool_clip_id: string | null;
          timeline: { frame_rate: string };
        }
      >(
        "get_timeline_info",
        { setting_keys: ["timelineResolutionWidth"] },
      );
      assertEquals(Object.keys(info.settings), ["timelineResolutionWidth"]);
      assert(info.media_pool_clip_id);
      assertEquals(info.timeline.frame_rate, "24");
      const set = await t.ok<{ start_timecode: string; settings: Record<string, unknown> }>(
        "set_timeline_settings",
        {
          settings: {
            useCustomSettings: true,
            timelineResolutionWidth: 1280,
            timelineResolutionHeight: "720",
          },
          start_timecode: "00:59:50:00",
        },
      );
      assertEquals(set.start_timecode, "00:59:50:00");
      assertEquals(set.settings.timelineResolutionWidth, "1280");
      assertMatch(
        await t.error("set_timeline_settings", { settings: { timelineResolutionWidth: "abc" } }),
        /SETTING_REFUSED.*timelineResolutionWidth/s,
      );
      assertMatch(
        await t.error("set_timeline_settings", { start_timecode: "01:00:00:30" }),
        /INVALID_TIMECODE/,
      );
      assertMatch(await t.error("set_timeline_settings", {}), /nothing to change/);
      // marks, with timecode converted against the new start
      const marks = await t.ok<{ mark_in_out: Record<string, { in: number; out: number }> }>(
        "set_timeline_marks",
        {
          action: "set",
          in_timecode: "00:59:51:00",
          out_frame: 40,
        },
      );
      assertEquals(marks.mark_in_out.video, { in: 24, out: 40 });
      const info2 = await t.ok<{ mark_in_out: Record<string, { in_timecode: string }> }>(
        "get_timeline_info",
        {},
      );
      assertEquals(info2.mark_in_out.video.in_timecode, "00:59:51:00");
      assertMatch(
        await t.error("set_timeline_marks", { action: "set", in_frame: 30, out_frame: 10 }),
        /before mark in/,
      );
      assertMatch(
        await t.error("set_timeline_marks", {
          action: "set",
          in_timecode: "00:00:00:00",
          out_frame: 10,
        }),
        /BEFORE_START/,
      );
      assertEquals((await t.ok("set_timeline_marks", { action: "clear" })).mark_in_out, {});
      // delete needs confirmation
      assertMatch(
        await t.error("delete_timelines", { timelines: ["Music"] }),
        /CONFIRMATION_REQUIRED.*"Music"/s,
      );
      const del = await t.confirmed("delete_timelines", {
        timelines: ["Music", "Assembly v2"],
      });
      assertEquals(del, { deleted: ["Music", "Assembly v2"], remaining: 1 });
      assertMatch(
        await t.error("delete_timelines", { timelines: ["Music"] }),
        /TIMELINE_NOT_FOUND/,
      );
    });
  });
});

Deno.test("append with ranges and record positions, tracks, items, linking, deletion, nesting, generators", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card, tone } = await setup(t, dir);
      assertMatch(
        await t.error("append_to_timeline", { clips: [{ clip: card.id }] }),
        /NO_TIMELINE/,
      );
      await t.ok("create_timeline", { name: "Cut" });
      const a = await t.ok<{ items: Item[]; not_placed: number }>("append_to_timeline", {
        clips: [
          { clip: card.id, start_frame: 0, end_frame: 47 },
          {
            clip: tone.id,
            start_frame: 24,
            end_frame: 71,
            record_timecode: "01:00:10:00",
            media_type: "audio",
          },
        ],
      });
      assertEquals(a.not_placed, 0);
      assertEquals(
        a.items.map((i) => [i.track_type, i.start, i.end, i.start_timecode, i.clip_id]),
        [
          ["video", 0, 48, "01:00:00:00", card.id],
          ["audio", 240, 288, "01:00:10:00", tone.id],
        ],
      );
      assertEquals(a.items[1].source_start_frame, 24);
      // an overlapping range is reported, not placed
      const b = await t.ok<{ items: Item[]; not_placed: number }>("append_to_timeline", {
        timeline: "Cut",
        clips: [{ clip: card.id, end_frame: 9, record_frame: 10 }, {
          clip: card.id,
          end_frame: 9,
          record_frame: 100,
        }],
      });
      assertEquals([b.items.length, b.not_placed, b.items[0].start], [1, 1, 100]);
      assertMatch(
        await t.error("append_to_timeline", {
          clips: [{ clip: card.id, end_frame: 9, record_frame: 10 }],
        }),
        /NOTHING_PLACED/,
      );
      assertMatch(
        await t.error("append_to_timeline", { clips: [{ clip: card.id, track_index: 3 }] }),
        /TRACK_NOT_FOUND.*add_track/s,
      );
      // tracks
      const added = await t.ok<{ track: { index: number; name: string; audio_type: string } }>(
        "add_track",
        {
          type: "audio",
          audio_type: "stereo",
          name: "Music",
        },
      );
      assertEquals([added.track.index, added.track.name, added.track.audio_type], [
        2,
        "Music",
        "stereo",
      ]);
      await t.ok("add_track", { type: "video", index: 1, name: "Under" });
      assertMatch(
        await t.error("add_track", { type: "video", audio_type: "mono" }),
        /only applies to audio/,
      );
      const tracks = await t.ok<
        {
          tracks: {
            type: string;
            index: number;
            name: string;
            items: number;
            voice_isolation: unknown;
          }[];
        }
      >(
        "list_tracks",
        {},
      );
      assertEquals(
        tracks.tracks.filter((x) => x.type === "video").map((x) => [x.index, x.name, x.items]),
        [[1, "Under", 0], [2, "Video 2", 2]],
      );
      assert(tracks.tracks.find((x) => x.type === "audio")!.voice_isolation !== null);
      const st = await t.ok<{ track: { locked: boolean; enabled: boolean; name: string } }>(
        "set_track",
        {
          type: "video",
          index: 1,
          name: "BG",
          locked: true,
          enabled: false,
        },
      );
      assertEquals([st.track.name, st.track.locked, st.track.enabled], ["BG", true, false]);
      await t.ok("set_track", {
        type: "audio",
        index: 2,
        voice_isolation_enabled: true,
        voice_isolation_amount: 60,
      });
      const vi = await t.ok<
        { tracks: { type: string; index: number; voice_isolation: unknown }[] }
      >("list_tracks", {});
      assertEquals(vi.tracks.find((x) => x.type === "audio" && x.index === 2)!.voice_isolation, {
        enabled: true,
        amount: 60,
      });
      assertMatch(
        await t.error("set_track", { type: "video", index: 1, voice_isolation_enabled: true }),
        /audio tracks only/,
      );
      assertMatch(
        await t.error("set_track", { type: "video", index: 9, locked: false }),
        /TRACK_NOT_FOUND/,
      );
      assertMatch(
        await t.error("append_to_timeline", {
          clips: [{ clip: card.id, track_index: 1, end_frame: 5 }],
        }),
        /NOTHING_PLACED/,
      ); // V1 is locked
      assertMatch(
        await t.error("delete_track", { type: "audio", index: 2 }),
        /CONFIRMATION_REQUIRED/,
      );
      const dt = await t.confirmed("delete_track", { type: "audio", index: 2 });
      assertEquals(dt.deleted, "audio 2");
      // items: filters and pages
      const listed = await t.ok<{ items: Item[]; total: number }>("list_timeline_items", {});
      assertEquals(listed.total, 3);
      const v2 = await t.ok<{ items: Item[] }>("list_timeline_items", {
        track_type: "video",
        track_index: 2,
      });
      assertEquals(v2.items.map((i) => i.start), [0, 100]);
      const pg = await t.ok<{ items: Item[]; next_cursor: string }>("list_timeline_items", {
        limit: 2,
      });
      const pg2 = await t.ok<{ items: Item[]; next_cursor: null }>("list_timeline_items", {
        limit: 2,
        cursor: pg.next_cursor,
      });
      assertEquals(pg.items.length + pg2.items.length, 3);
      assertMatch(await t.error("list_timeline_items", { track_index: 2 }), /needs track_type/);
      assertMatch(
        await t.error("list_timeline_items", { track_type: "video", track_index: 7 }),
        /TRACK_NOT_FOUND/,
      );
      // link / unlink
      const [first, second] = v2.items;
      await t.ok("link_timeline_items", { item_ids: [first.id, second.id], linked: true });
      await t.ok("link_timeline_items", { item_ids: [first.id, second.id], linked: false });
      assertMatch(
        await t.error("link_timeline_items", { item_ids: [first.id], linked: true }),
        /at least 2/,
      );
      assertMatch(
        await t.error("link_timeline_items", { item_ids: ["nope"], linked: false }),
        /ITEM_NOT_FOUND/,
      );
      assertEquals((await t.ok<{ items: Item[] }>("get_selected_items", {})).items, []);
      // playhead: page rule, frames and timecodes, current item
      await t.ok("switch_page", { page: "media" });
      assertMatch(await t.error("set_playhead", { frame: 10 }), /WRONG_PAGE.*switch_page/s);
      assertMatch(await t.error("get_playhead", {}), /WRONG_PAGE/);
      await t.ok("switch_page", { page: "edit" });
      const ph = await t.ok<{ frame: number; timecode: string; current_video_item: Item | null }>(
        "set_playhead",
        {
          timecode: "01:00:04:04",
        },
      );
      assertEquals([ph.frame, ph.timecode, ph.current_video_item?.id], [
        100,
        "01:00:04:04",
        second.id,
      ]);
      const ph2 = await t.ok<{ frame: number; current_video_item: Item | null }>("set_playhead", {
        frame: 60,
      });
      assertEquals([ph2.frame, ph2.current_video_item], [60, null]);
      assertEquals((await t.ok("get_playhead", {})).frame, 60);
      assertMatch(await t.error("set_playhead", { frame: 100000 }), /OUT_OF_RANGE/);
      assertMatch(await t.error("set_playhead", {}), /give frame or timecode/);
      // generators and titles at the playhead (V1 is locked, so unlock it first)
      await t.ok("set_track", { type: "video", index: 1, locked: false, enabled: true });
      const gen = await t.ok<{ item: Item }>("insert_generator", {
        kind: "generator",
        name: "Solid Color",
      });
      assertEquals(gen.item.start, 60);
      assertMatch(await t.error("insert_generator", { kind: "title" }), /needs name/);
      await t.ok("set_playhead", { frame: 200 });
      await t.ok("insert_generator", { kind: "fusion_composition" });
      // compound and Fusion clips
      const comp = await t.ok<{ item: Item }>("create_compound_clip", {
        kind: "compound",
        item_ids: [first.id],
        name: "Opening",
      });
      assertEquals(comp.item.name, "Opening");
      const fus = await t.ok<{ item: Item }>("create_compound_clip", {
        kind: "fusion",
        item_ids: [second.id],
      });
      assert(fus.item.id);
      assertMatch(
        await t.error("create_compound_clip", { kind: "fusion", item_ids: [second.id], name: "x" }),
        /only apply to compound/,
      );
      // delete items: confirmation, ripple
      const before = await t.ok<{ items: Item[]; total: number }>("list_timeline_items", {
        track_type: "video",
      });
      const target = before.items.find((i) => i.id === comp.item.id)!;
      assertMatch(
        await t.error("delete_timeline_items", { item_ids: [target.id] }),
        /CONFIRMATION_REQUIRED/,
      );
      const del = await t.confirmed("delete_timeline_items", {
        item_ids: [target.id],
        ripple: true,
      });
      assertEquals(del.deleted, [target.id]);
      const after = await t.ok<{ items: Item[] }>("list_timeline_items", { track_type: "video" });
      assert(!after.items.some((i) => i.id === target.id));
    });
  });
});

Deno.test("timeline markers: list with filters and pages, update custom data, delete with bulk confirmation", async () => {
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
      assertEquals(
        await t.ok("delete_markers", { action: "by_custom_data", custom_data: "d" }),
        { deleted: 1, remaining: 3 },
      );
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
      assertMatch(await t.error("delete_markers", { action: "by_color" }), /needs color/);
      await t.ok("add_marker", { frame: 40, color: "Yellow" });
      assertEquals(
        await t.confirmed("delete_markers", { action: "by_color", color: "Red" }),
        { deleted: 2, remaining: 1 },
      );
      assertMatch(await t.error("delete_markers", { action: "all" }), /CONFIRMATION_REQUIRED/);
      assertEquals(await t.confirmed("delete_markers", { action: "all" }), {
        deleted: 1,
        remaining: 0,
      });
    });
  });
});

Deno.test("export in every format, import back, AAF into a timeline, overwrite confirmation", async () => {
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
        /do not apply to DRT/,
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

Deno.test("Studio tools: subtitles from audio, scene cuts, stereo; refused on the free edition", async () => {
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

Deno.test("list_timeline_items pages through a long timeline with stable ids and offsets", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card } = await setup(t, dir);
      await t.ok("create_timeline", { name: "Long" });
      const per = 1000;
      for (let batch = 0; batch < 2; batch++) {
        const r = await t.ok<{ not_placed: number }>("append_to_timeline", {
          clips: Array.from(
            { length: per },
            () => ({ clip: card.id, start_frame: 0, end_frame: 1 }),
          ),
        });
        assertEquals(r.not_placed, 0);
      }
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      let last = -1;
      do {
        const page: { items: Item[]; next_cursor: string | null; total: number } = await t.ok(
          "list_timeline_items",
          {
            track_type: "video",
            limit: 500,
            ...(cursor ? { cursor } : {}),
          },
        );
        assertEquals(page.total, 2 * per);
        for (const item of page.items) {
          seen.add(item.id);
          assertEquals(item.start, last + 1);
          assertEquals(item.clip_id, card.id);
          last = item.end - 1;
        }
        cursor = page.next_cursor;
        pages++;
      } while (cursor);
      assertEquals([seen.size, pages, last], [2 * per, 4, 2 * per * 2 - 1]);
    });
  });
});
