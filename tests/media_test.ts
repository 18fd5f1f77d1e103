// The media toolset over stdio against the simulator: storage, bins, clips, markers, proxies,
// relinking, deletion with confirmation, audio sync and the Studio/AI analysis tools.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { ROOT, type TestClient, withClient, withTempDir } from "./harness.ts";
import { writePng, writeWav } from "../scripts/sample_media.ts";

/** Writes a small MP4 with the simulator's test-media writer. */
async function writeMp4(
  path: string,
  frames: number,
  withAudio = false,
  width = 640,
  height = 360,
) {
  const code = `import sys; sys.path.insert(0, ${JSON.stringify(`${ROOT}bridge/simulator`)}); ` +
    `import sim_testmedia as m; m.write_mp4(${
      JSON.stringify(path)
    }, ${width}, ${height}, 24, ${frames}, with_audio=${withAudio ? "True" : "False"})`;
  const out = await new Deno.Command("python3", { args: ["-c", code] }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

type Clip = { id: string; name: string; frames: number; bin: string; path: string };

async function importInto(t: TestClient, paths: string[], bin: string): Promise<Clip[]> {
  const r = await t.ok<{ clips: Clip[] }>("import_media", { paths, bin });
  return r.clips;
}

Deno.test("storage browsing, bins: create, list, current, move, export/import .drb, delete", async () => {
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
      assertMatch(await t.error("move_bins", { bins: ["Master"], target: "Selects" }), /root bin/);
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
      assertMatch(await t.error("delete_bins", { bins: ["Master"] }), /root bin/);
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

Deno.test("clips: add with ranges, sequences, listing pages, info, properties, tags, marks, markers", async () => {
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
        /go together/,
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
      assertMatch(await t.error("set_clip_properties", { clip: tone.id }), /nothing to change/);
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
      assertMatch(await t.error("tag_clips", { clips: [shot.id] }), /nothing to change/);
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
        /needs mark_in/,
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
        /needs frame/,
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

Deno.test("proxies, mattes, relink/unlink/replace, audio sync, stereo", async () => {
  await withTempDir(async (dir) => {
    Deno.mkdirSync(`${dir}/moved`);
    await writeMp4(`${dir}/shot.mp4`, 48);
    await writeMp4(`${dir}/proxy.mp4`, 48, false, 320, 180);
    await writeMp4(`${dir}/other.mp4`, 24);
    await writeMp4(`${dir}/left.mp4`, 24);
    await writeMp4(`${dir}/right.mp4`, 24);
    writeWav(`${dir}/sound.wav`, 2);
    await writePng(`${dir}/matte.png`, 640, 360);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "Links" });
      const [shot, other, left, right, sound] = await importInto(t, [
        `${dir}/shot.mp4`,
        `${dir}/other.mp4`,
        `${dir}/left.mp4`,
        `${dir}/right.mp4`,
        `${dir}/sound.wav`,
      ], "Media");
      // proxies
      const linked = await t.ok("link_proxy", {
        clip: shot.id,
        action: "link_proxy",
        path: `${dir}/proxy.mp4`,
      });
      assertEquals(linked.proxy_path, `${dir}/proxy.mp4`);
      assertEquals(linked.proxy, "320x180");
      assertMatch(
        await t.error("link_proxy", { clip: shot.id, action: "link_proxy" }),
        /needs path/,
      );
      assertMatch(
        await t.error("link_proxy", {
          clip: sound.id,
          action: "link_proxy",
          path: `${dir}/proxy.mp4`,
        }),
        /PROXY_REFUSED/,
      );
      assertMatch(
        await t.error("link_proxy", { clip: shot.id, action: "unlink_proxy" }),
        /CONFIRMATION_REQUIRED/,
      );
      assertEquals(
        (await t.confirmed("link_proxy", { clip: shot.id, action: "unlink_proxy" }))
          .proxy_path,
        "",
      );
      // clip and timeline mattes
      const added = await t.ok("manage_mattes", {
        action: "add_clip_mattes",
        clip: shot.id,
        paths: [`${dir}/matte.png`],
      });
      assertEquals(added.clip_mattes, [`${dir}/matte.png`]);
      assertEquals((await t.ok("list_mattes", { clip: shot.id })).clip_mattes, [
        `${dir}/matte.png`,
      ]);
      assertMatch(
        await t.error("manage_mattes", {
          action: "delete_clip_mattes",
          clip: shot.id,
          paths: [`${dir}/matte.png`],
        }),
        /CONFIRMATION_REQUIRED/,
      );
      assertMatch(
        await t.error("manage_mattes", {
          action: "delete_clip_mattes",
          clip: shot.id,
          paths: [`${dir}/x.png`],
        }),
        /MATTE_NOT_FOUND/,
      );
      const removed = await t.confirmed("manage_mattes", {
        action: "delete_clip_mattes",
        clip: shot.id,
        paths: [`${dir}/matte.png`],
      });
      assertEquals(removed.clip_mattes, []);
      const tlMattes = await t.ok<{ timeline_mattes: Clip[] }>("manage_mattes", {
        action: "add_timeline_mattes",
        paths: [`${dir}/matte.png`],
        bin: "Mattes",
      });
      assertEquals(tlMattes.timeline_mattes.length, 1);
      assertEquals(
        (await t.ok<{ timeline_mattes: Clip[] }>("list_mattes", { bin: "Mattes" })).timeline_mattes
          .length,
        1,
      );
      assertMatch(await t.error("list_mattes", {}), /give clip, bin/);
      assertMatch(
        await t.error("manage_mattes", { action: "add_clip_mattes", paths: [`${dir}/matte.png`] }),
        /needs clip/,
      );
      // unlink (confirmed) then relink from another folder
      assertMatch(await t.error("unlink_clips", { clips: [other.id] }), /CONFIRMATION_REQUIRED/);
      const off = await t.confirmed<{ clips: { online: string }[] }>("unlink_clips", {
        clips: [other.id],
      });
      assertEquals(off.clips[0].online, "Offline");
      Deno.renameSync(`${dir}/other.mp4`, `${dir}/moved/other.mp4`);
      const on = await t.ok<{ clips: { online: string; path: string }[] }>("relink_clips", {
        clips: [other.id],
        folder: `${dir}/moved`,
      });
      assertEquals(on.clips[0].path, `${dir}/moved/other.mp4`);
      assertEquals(on.clips[0].online, "Online");
      assertMatch(
        await t.error("relink_clips", { clips: [other.id], folder: `${dir}/nope` }),
        /FOLDER_NOT_FOUND/,
      );
      // replace (confirmed)
      assertMatch(
        await t.error("replace_clip", { clip: other.id, path: `${dir}/shot.mp4` }),
        /CONFIRMATION_REQUIRED/,
      );
      const replaced = await t.confirmed<{ clip: { path: string } }>("replace_clip", {
        clip: other.id,
        path: `${dir}/shot.mp4`,
        keep_subclip_range: true,
      });
      assertEquals(replaced.clip.path, `${dir}/shot.mp4`);
      assertMatch(
        await t.confirmedError("replace_clip", {
          clip: other.id,
          path: `${dir}/sound.wav`,
          keep_subclip_range: true,
        }),
        /REPLACE_REFUSED/,
      );
      // audio sync
      assertMatch(await t.error("sync_audio", { clips: [shot.id, left.id] }), /SYNC_FAILED/);
      const synced = await t.ok<{ clips: { type: string; synced_audio: string }[] }>("sync_audio", {
        clips: [shot.id, sound.id],
        mode: "waveform",
        channel: "automatic",
        retain_embedded_audio: false,
        retain_video_metadata: true,
      });
      assertEquals(synced.clips[0].type, "Video + Audio");
      assertEquals(synced.clips[0].synced_audio, "sound.wav");
      assertMatch(await t.error("sync_audio", { clips: [shot.id] }), /INVALID_ARGUMENTS/);
      assertMatch(
        await t.error("sync_audio", { clips: [shot.id, sound.id], channel: 9 }),
        /SYNC_FAILED/,
      );
      // stereo
      const stereo = await t.ok<{ clip: Clip }>("create_stereo_clip", {
        left: left.id,
        right: right.id,
      });
      assert(stereo.clip.id);
      assertMatch(
        await t.error("create_stereo_clip", { left: shot.id, right: shot.id }),
        /same clip/,
      );
      assertMatch(await t.error("get_clip_info", { clip: left.id }), /CLIP_NOT_FOUND/);
    });
  });
});

Deno.test("AI analysis on bins and clips; refused with a clear error on the free edition", async () => {
  await withTempDir(async (dir) => {
    await writeMp4(`${dir}/talk.mp4`, 48, true);
    writeWav(`${dir}/vo.wav`, 2);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "AI" });
      const [talk, vo] = await importInto(t, [`${dir}/talk.mp4`, `${dir}/vo.wav`], "Interviews");
      for (const action of ["transcribe", "classify_audio", "intellisearch", "detect_slates"]) {
        const r = await t.ok("analyze_clips", {
          action,
          bin: "Interviews",
          speaker_detection: action === "transcribe" ? true : undefined,
        });
        assertEquals(r.targets, ['bin "Master/Interviews"']);
      }
      const slate = await t.ok<{ markers: { name: string; color: string }[] }>(
        "list_clip_markers",
        { clip: talk.id },
      );
      assertEquals(slate.markers[0].color, "Blue");
      await t.ok("analyze_clips", {
        action: "detect_slates",
        clips: [talk.id],
        slate_marker_color: "Red",
      });
      assertMatch(
        await t.error("analyze_clips", { action: "detect_slates", clips: [vo.id] }),
        /AI_FEATURE_REFUSED.*detect_slates on "vo.wav"/s,
      );
      assertMatch(await t.error("analyze_clips", { action: "transcribe" }), /give bin or clips/);
      assertMatch(
        await t.error("analyze_clips", { action: "transcribe", bin: "Interviews", clips: [vo.id] }),
        /give bin or clips/,
      );
      assertMatch(
        await t.error("clear_clip_analysis", { what: "transcription", clips: [vo.id] }),
        /CONFIRMATION_REQUIRED/,
      );
      await t.confirmed("clear_clip_analysis", { what: "transcription", clips: [vo.id] });
      await t.confirmed("clear_clip_analysis", {
        what: "audio_classification",
        bin: "Interviews",
      });
      // motion deblur: a new clip per video clip
      const deblur = await t.ok<{ created: { original_id: string; new_name: string }[] }>(
        "remove_motion_blur",
        {
          clips: [talk.id],
          format: "mp4",
          extreme_mode: true,
        },
      );
      assertEquals(deblur.created[0].original_id, talk.id);
      assertEquals(deblur.created[0].new_name, "talk_deblur.mp4");
      const binDeblur = await t.ok<{ created: unknown[] }>("remove_motion_blur", {
        bin: "Interviews",
      });
      assert(binDeblur.created.length >= 1);
      assertMatch(await t.error("remove_motion_blur", { clips: [vo.id] }), /AI_FEATURE_REFUSED/);
    });
    await withClient({
      args: ["--allow-path", dir, "--toolsets", "all"],
      env: { RESOLVE_SIM_EDITION: "free" },
    }, async (t) => {
      await t.ok("create_project", { name: "Free" });
      await importInto(t, [`${dir}/talk.mp4`], "Interviews");
      assertMatch(
        await t.error("analyze_clips", { action: "transcribe", bin: "Interviews" }),
        /AI_FEATURE_REFUSED.*Studio/s,
      );
      assertMatch(
        await t.confirmedError("clear_clip_analysis", {
          what: "transcription",
          bin: "Interviews",
        }),
        /AI_FEATURE_REFUSED/,
      );
    });
  });
});
