// Clips over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { type Clip, importInto, refusedOnEmpty, writeMp4, writePng, writeWav } from "./media.ts";

Deno.test("list_clips: clips scenario: add with ranges, sequences, listing pages, info, properties, tags, marks, markers", async () => {
  await withTempDir(async (dir) => {
    writeWav(`${dir}/tone.wav`, 2);
    await writePng(`${dir}/card.png`, 320, 180);
    await writeMp4(`${dir}/shot.mp4`, 48);
    for (let i = 1; i <= 3; i++) {
      await writePng(`${dir}/frame_${String(i).padStart(4, "0")}.png`, 64, 36);
    }
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "Clips" });
      const ranged = await t.ok<{ clips: Clip[]; bin: string; created_bins: string[] }>(
        "add_from_storage",
        {
          items: [{ path: `${dir}/shot.mp4`, start_frame: 10, end_frame: 19 }, {
            path: `${dir}/tone.wav`,
          }],
          bin: "Ingest",
        },
      );
      assertEquals(ranged.bin, "Ingest");
      assertEquals(ranged.created_bins, ["Ingest"]);
      assertEquals(ranged.clips.length, 2);
      const rangedInfo = await t.ok<{ mark_in_out: Record<string, unknown> }>("get_clip_info", {
        clip: ranged.clips[0].id,
      });
      assertEquals(rangedInfo.mark_in_out.video, { in: 10, out: 19 });
      assertMatch(
        await t.error("add_from_storage", { items: [{ path: `${dir}/shot.mp4`, start_frame: 3 }] }),
        /INVALID_ARGUMENTS/,
      );
      assertMatch(
        await t.error("add_from_storage", { items: [{ path: `${dir}/no.mp4` }] }),
        /FILE_NOT_FOUND/,
      );
      const seq = await t.ok<{ clips: Clip[] }>("import_image_sequence", {
        sequences: [{ pattern: `${dir}/frame_%04d.png`, start_index: 1, end_index: 3 }],
        bin: "Ingest/Seq",
      });
      assertEquals(seq.clips.length, 1);
      assertEquals(seq.clips[0].frames, 3);
      assertMatch(
        await t.error("import_image_sequence", {
          sequences: [{ pattern: `${dir}/frame.png`, start_index: 1, end_index: 3 }],
        }),
        /INVALID_PATTERN/,
      );
      assertMatch(
        await t.error("import_image_sequence", {
          sequences: [{ pattern: `${dir}/frame_%04d.png`, start_index: 7, end_index: 9 }],
        }),
        /FILE_NOT_FOUND/,
      );
      await importInto(t, [`${dir}/card.png`], "Stills");
      // listing: whole pool, one bin, recursive, filter, pages
      const all = await t.ok<{ clips: (Clip & { media_id: string })[]; total: number }>(
        "list_clips",
        {},
      );
      assertEquals(all.total, 4);
      assert(all.clips.every((c) => c.id && c.media_id && c.bin.startsWith("Master/")));
      assertEquals((await t.ok("list_clips", { bin: "Ingest" })).total, 2);
      assertEquals((await t.ok("list_clips", { bin: "Ingest", recursive: true })).total, 3);
      const found = await t.ok<{ clips: Clip[] }>("list_clips", { name_contains: "TONE" });
      assertEquals(found.clips.map((c) => c.name), ["tone.wav"]);
      const p1 = await t.ok<{ clips: Clip[]; next_cursor: string }>("list_clips", { limit: 3 });
      const p2 = await t.ok<{ clips: Clip[]; next_cursor: null }>("list_clips", {
        limit: 3,
        cursor: p1.next_cursor,
      });
      assertEquals(p1.clips.length + p2.clips.length, 4);
      assertEquals(p2.next_cursor, null);
      assertMatch(await t.error("list_clips", { bin: "Nope" }), /BIN_NOT_FOUND/);
      assertMatch(await t.error("list_clips", { limit: 501 }), /INVALID_ARGUMENTS/);
      // info by bin path
      const tone = await t.ok<
        { id: string; properties: Record<string, unknown>; audio_mapping: unknown; timeline: null }
      >(
        "get_clip_info",
        { clip: "Ingest/tone.wav" },
      );
      assertEquals(tone.properties["Type"], "Audio");
      assert(tone.audio_mapping !== null);
      assertEquals(tone.timeline, null);
      assertMatch(
        await t.error("get_clip_info", { clip: "missing.mov" }),
        /CLIP_NOT_FOUND.*list_clips/s,
      );
      // properties, metadata, rename
      const set = await t.ok<{ name: string; applied: string[] }>("set_clip_properties", {
        clip: tone.id,
        name: "Tone A",
        properties: { "Reel Name": "R01" },
        metadata: { Scene: "12", Take: "3" },
        third_party_metadata: { "tracker.id": "abc" },
      });
      assertEquals(set.name, "Tone A");
      assertEquals(set.applied.length, 5);
      const info = await t.ok<
        {
          name: string;
          properties: Record<string, unknown>;
          metadata: Record<string, unknown>;
          third_party_metadata: Record<string, unknown>;
        }
      >(
        "get_clip_info",
        { clip: tone.id },
      );
      assertEquals(info.name, "Tone A");
      assertEquals(info.properties["Reel Name"], "R01");
      assertEquals(info.metadata["Scene"], "12");
      assertEquals(info.third_party_metadata["tracker.id"], "abc");
      assertMatch(
        await t.error("set_clip_properties", {
          clip: tone.id,
          properties: { "File Path": "/x", "Reel Name": "R02" },
        }),
        /PROPERTY_REFUSED.*properties\.File Path.*applied properties\.Reel Name/s,
      );
      assertMatch(await t.error("set_clip_properties", { clip: tone.id }), /INVALID_ARGUMENTS/);
      // colours and flags
      const shot = ranged.clips[0];
      const tagged = await t.ok<{ clips: { clip_color: string; flags: string[] }[] }>("tag_clips", {
        clips: [shot.id, tone.id],
        clip_color: "Teal",
        add_flags: ["Red", "Blue"],
      });
      assertEquals(tagged.clips.map((c) => c.clip_color), ["Teal", "Teal"]);
      assertEquals(tagged.clips[0].flags, ["Red", "Blue"]);
      const cleared = await t.ok<{ clips: { clip_color: string; flags: string[] }[] }>(
        "tag_clips",
        {
          clips: [shot.id],
          clip_color: "None",
          remove_flags: ["Red"],
        },
      );
      assertEquals(cleared.clips[0], {
        id: shot.id,
        name: shot.name,
        clip_color: "",
        flags: ["Blue"],
      });
      assertMatch(
        await t.error("tag_clips", { clips: [shot.id], clip_color: "Mauve" }),
        /INVALID_ARGUMENTS/,
      );
      assertMatch(await t.error("tag_clips", { clips: [shot.id] }), /INVALID_ARGUMENTS/);
      // mark in/out
      const marks = await t.ok<{ mark_in_out: { video: { in: number; out: number } } }>(
        "set_clip_marks",
        {
          clip: shot.id,
          action: "set",
          mark_in: 2,
          mark_out: 5,
          type: "video",
        },
      );
      assertEquals(marks.mark_in_out.video, { in: 2, out: 5 });
      assertMatch(
        await t.error("set_clip_marks", { clip: shot.id, action: "set", mark_in: 2, mark_out: 50 }),
        /OUT_OF_RANGE/,
      );
      assertMatch(
        await t.error("set_clip_marks", { clip: shot.id, action: "set" }),
        /INVALID_ARGUMENTS/,
      );
      assertEquals(
        (await t.ok("set_clip_marks", { clip: shot.id, action: "clear" })).mark_in_out,
        {},
      );
      // clip markers
      await t.ok("edit_clip_markers", {
        clip: shot.id,
        action: "add",
        frame: 1,
        color: "Red",
        name: "a",
        custom_data: "k1",
      });
      await t.ok("edit_clip_markers", { clip: shot.id, action: "add", frame: 4, color: "Red" });
      await t.ok("edit_clip_markers", { clip: shot.id, action: "add", frame: 6, color: "Green" });
      assertMatch(
        await t.error("edit_clip_markers", {
          clip: shot.id,
          action: "add",
          frame: 4,
          color: "Blue",
        }),
        /MARKER_EXISTS/,
      );
      assertMatch(
        await t.error("edit_clip_markers", {
          clip: shot.id,
          action: "add",
          frame: 400,
          color: "Blue",
        }),
        /MARKER_REFUSED/,
      );
      assertMatch(
        await t.error("edit_clip_markers", { clip: shot.id, action: "add", color: "Blue" }),
        /INVALID_ARGUMENTS/,
      );
      await t.ok("edit_clip_markers", {
        clip: shot.id,
        action: "update_custom_data",
        frame: 4,
        custom_data: "k2",
      });
      const byData = await t.ok<{ markers: { frame: number }[] }>("list_clip_markers", {
        clip: shot.id,
        custom_data: "k2",
      });
      assertEquals(byData.markers.map((m) => m.frame), [4]);
      const atFrame = await t.ok<{ markers: { custom_data: string }[] }>("list_clip_markers", {
        clip: shot.id,
        frame: 1,
      });
      assertEquals(atFrame.markers[0].custom_data, "k1");
      assertEquals(
        (await t.ok<{ markers: unknown[] }>("list_clip_markers", { clip: shot.id, color: "Red" }))
          .markers.length,
        2,
      );
      assertEquals(
        (await t.ok("list_clip_markers", { clip: shot.id, custom_data: "none" })).markers,
        [],
      );
      await t.ok("edit_clip_markers", {
        clip: shot.id,
        action: "delete_by_custom_data",
        custom_data: "k1",
      });
      assertMatch(
        await t.error("edit_clip_markers", { clip: shot.id, action: "delete_at_frame", frame: 1 }),
        /MARKER_NOT_FOUND/,
      );
      assertMatch(
        await t.error("edit_clip_markers", {
          clip: shot.id,
          action: "delete_by_color",
          color: "Red",
        }),
        /CONFIRMATION_REQUIRED/,
      );
      const afterColor = await t.confirmed<{ markers: { color: string }[] }>("edit_clip_markers", {
        clip: shot.id,
        action: "delete_by_color",
        color: "Red",
      });
      assertEquals(afterColor.markers.map((m) => m.color), ["Green"]);
      // Nothing of that colour left: refused before anything is asked or saved.
      assertMatch(
        await t.error("edit_clip_markers", {
          clip: shot.id,
          action: "delete_by_color",
          color: "Red",
        }),
        /MARKER_NOT_FOUND/,
      );
      await t.ok("edit_clip_markers", { clip: shot.id, action: "delete_at_frame", frame: 6 });
      assertEquals((await t.ok("list_clip_markers", { clip: shot.id })).markers, []);
      // selection, growing file
      const sel = await t.ok<{ selected: string[] }>("select_clip", { clip: shot.id });
      assertEquals(sel.selected, [shot.id]);
      assertEquals(
        (await t.ok<{ clips: Clip[] }>("get_selected_clips", {})).clips.map((c) => c.id),
        [shot.id],
      );
      assertEquals((await t.ok("monitor_growing_file", { clip: shot.id })).clip, shot.name);
      assertMatch(
        await t.error("monitor_growing_file", { clip: "Stills/card.png" }),
        /MONITOR_REFUSED/,
      );
      // move
      const mv = await t.ok<{ bin: string; created_bins: string[] }>("move_clips", {
        clips: [shot.id],
        bin: "Selects",
      });
      assertEquals(mv.bin, "Master/Selects");
      assertEquals(
        (await t.ok<{ clips: Clip[] }>("list_clips", { bin: "Selects" })).clips.map((c) => c.id),
        [shot.id],
      );
      // metadata CSV export, overwrite confirmation
      const csv = await t.ok("export_clip_metadata", { path: `${dir}/meta.csv`, clips: [tone.id] });
      assertEquals(csv.clips, 1);
      assert(Deno.readTextFileSync(`${dir}/meta.csv`).includes("Tone A"));
      assertMatch(
        await t.error("export_clip_metadata", { path: `${dir}/meta.csv` }),
        /CONFIRMATION_REQUIRED/,
      );
      await t.confirmed("export_clip_metadata", { path: `${dir}/meta.csv` });
      // delete with confirmation
      assertMatch(await t.error("delete_clips", { clips: [shot.id] }), /CONFIRMATION_REQUIRED/);
      const gone = await t.confirmed<{ deleted: { id: string }[] }>("delete_clips", {
        clips: [shot.id],
      });
      assertEquals(gone.deleted[0].id, shot.id);
      assertMatch(await t.error("get_clip_info", { clip: shot.id }), /CLIP_NOT_FOUND/);
      assertEquals((await t.ok("list_clips", {})).total, 3);
    });
  });
});

Deno.test("get_clip_info: a missing clip is refused", () =>
  refusedOnEmpty("get_clip_info", { clip: "missing.mov" }, /CLIP_NOT_FOUND/));

Deno.test("set_clip_properties: a missing clip is refused", () =>
  refusedOnEmpty("set_clip_properties", {
    clip: "missing.mov",
    properties: { "Reel Name": "R" },
  }, /CLIP_NOT_FOUND/));

Deno.test("tag_clips: an unknown colour is refused", () =>
  refusedOnEmpty(
    "tag_clips",
    { clips: ["missing.mov"], clip_color: "Mauve" },
    /INVALID_ARGUMENTS/,
  ));

Deno.test("set_clip_marks: a missing clip is refused", () =>
  refusedOnEmpty("set_clip_marks", { clip: "missing.mov", action: "clear" }, /CLIP_NOT_FOUND/));

Deno.test("delete_clips: a missing clip is refused", () =>
  refusedOnEmpty("delete_clips", { clips: ["missing.mov"] }, /CLIP_NOT_FOUND/));

Deno.test("move_clips: a missing clip is refused", () =>
  refusedOnEmpty("move_clips", { clips: ["missing.mov"], bin: "Selects" }, /CLIP_NOT_FOUND/));

Deno.test("export_clip_metadata: outside the roots is refused", () =>
  refusedOnEmpty("export_clip_metadata", { path: "\/etc\/meta.csv" }, /PATH_NOT_ALLOWED/));
