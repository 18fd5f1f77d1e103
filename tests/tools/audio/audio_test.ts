// The "audio" toolset over stdio against the simulator: audio tracks and their formats, voice
// isolation, audio mapping, Fairlight presets, insert at playhead and speech generation.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { simState, type SimStateIds } from "../../fixture.ts";

const AUDIO = ["--toolsets", "default,audio,timeline"];

type Track = {
  index: number;
  name: string;
  subtype: string;
  items: number;
  voice_isolation: { enabled: boolean; amount: number } | null;
};

function withFixture(
  env: Record<string, string>,
  fn: (
    t: Parameters<Parameters<typeof withClient>[1]>[0],
    ids: SimStateIds,
    dir: string,
  ) => Promise<void>,
) {
  return withTempDir(async (dir) => {
    const state = await simState(dir);
    await withClient({
      args: [...AUDIO, "--allow-path", dir],
      env: { ...state.env, ...env },
    }, (t) => fn(t, state.ids, dir));
  });
}

Deno.test("list_audio_tracks: each track with format, items and voice isolation; unknown timelines refused", async () => {
  await withFixture({}, async (t) => {
    const first = await t.ok<{ timeline: string; tracks: Track[]; total: number }>(
      "list_audio_tracks",
    );
    assertEquals([first.timeline, first.total], ["Edit", 1]);
    assertEquals(first.tracks[0].items, 1);
    assertMatch(
      await t.error("list_audio_tracks", { timeline: "Nope" }),
      /TIMELINE_NOT_FOUND.*"Edit"/s,
    );
  });
});

Deno.test("add_audio_track: by subtype at a position, listed in pages; subtypes newer than the Resolve refused", async () => {
  await withFixture({}, async (t) => {
    const first = await t.ok<{ timeline: string; tracks: Track[]; total: number }>(
      "list_audio_tracks",
    );
    assertEquals(first.timeline, "Edit");
    assertEquals(first.tracks, [{
      index: 1,
      name: "Audio 1",
      subtype: "stereo",
      items: 1,
      voice_isolation: { enabled: false, amount: 0 },
    }]);
    const surround = await t.ok("add_audio_track", { subtype: "5.1", name: "Surround" });
    assertEquals(surround, {
      timeline: "Edit",
      index: 2,
      subtype: "5.1",
      name: "Surround",
      audio_tracks: 2,
    });
    const top = await t.ok("add_audio_track", { timeline: "Edit", index: 1 });
    assertEquals([top.index, top.subtype, top.audio_tracks], [1, "mono", 3]);
    await t.ok("add_audio_track", { subtype: "adaptive36", index: 99 });
    const all = await t.ok<{ tracks: Track[] }>("list_audio_tracks", { timeline: "Edit" });
    assertEquals(all.tracks.map((x) => [x.index, x.subtype, x.items]), [
      [1, "mono", 0],
      [2, "stereo", 1],
      [3, "5.1", 0],
      [4, "adaptive36", 0],
    ]);
    const page = await t.ok<{ tracks: Track[]; next_cursor: string }>("list_audio_tracks", {
      limit: 3,
    });
    assertEquals(page.tracks.length, 3);
    const rest = await t.ok<{ tracks: Track[] }>("list_audio_tracks", {
      limit: 3,
      cursor: page.next_cursor,
    });
    assertEquals(rest.tracks.map((x) => x.index), [4]);
    assertMatch(await t.error("add_audio_track", { subtype: "9.1" }), /INVALID_ARGUMENTS/);
    assertMatch(
      await t.error("list_audio_tracks", { timeline: "Nope" }),
      /TIMELINE_NOT_FOUND.*"Edit"/s,
    );
  });
  await withClient({ args: AUDIO, env: { RESOLVE_SIM_VERSION: "19.0.1" } }, async (t) => {
    await t.ok("create_project", { name: "Old" });
    await t.ok("create_timeline", { name: "Cut" });
    assertMatch(await t.error("add_audio_track", { subtype: "lrc" }), /TRACK_REFUSED.*19\.1/s);
    assertEquals((await t.ok("add_audio_track", { subtype: "7.1film" })).subtype, "7.1film");
  });
});

Deno.test("set_voice_isolation: on tracks and items, before and after; wrong targets refused; Studio only", async () => {
  await withFixture({}, async (t, ids) => {
    const track = await t.ok("set_voice_isolation", {
      track_index: 1,
      enabled: true,
      amount: 60,
    });
    assertEquals(track, {
      target: "track A1",
      before: { enabled: false, amount: 0 },
      after: { enabled: true, amount: 60 },
    });
    const tracks = (await t.ok<{ tracks: Track[] }>("list_audio_tracks")).tracks;
    assertEquals(tracks[0].voice_isolation, { enabled: true, amount: 60 });
    assertEquals(
      (await t.ok("set_voice_isolation", { track_index: 1, amount: 20 })).after,
      { enabled: true, amount: 20 },
      "omitted enabled keeps its state",
    );

    const item = await t.ok("set_voice_isolation", { item_id: ids.audio_item, enabled: true });
    assertEquals(item.after, { enabled: true, amount: 0 });
    await t.ok("set_voice_isolation", { item_id: ids.audio_item, amount: 35 });
    assertEquals(
      (await t.ok("get_audio_mapping", { item_id: ids.audio_item })).voice_isolation,
      { enabled: true, amount: 35 },
    );
    assertMatch(
      await t.error("set_voice_isolation", { item_id: ids.video_item, enabled: true }),
      /NOT_AUDIO_ITEM/,
    );
    assertMatch(
      await t.error("set_voice_isolation", { track_index: 9, enabled: true }),
      /TRACK_NOT_FOUND.*add_audio_track/s,
    );
    assertMatch(
      await t.error("set_voice_isolation", { track_index: 1, item_id: ids.audio_item, amount: 1 }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(await t.error("set_voice_isolation", { track_index: 1 }), /INVALID_ARGUMENTS/);
    assertMatch(
      await t.error("set_voice_isolation", { track_index: 1, amount: 101 }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("set_voice_isolation", { item_id: "nope", amount: 5 }),
      /ITEM_NOT_FOUND/,
    );
  });
  await withFixture({ RESOLVE_SIM_EDITION: "free" }, async (t, ids) => {
    assertMatch(
      await t.error("set_voice_isolation", { track_index: 1, enabled: true }),
      /STUDIO_REQUIRED/,
    );
    assertMatch(
      await t.error("set_voice_isolation", { item_id: ids.audio_item, enabled: true }),
      /STUDIO_REQUIRED/,
    );
  });
});

Deno.test("get_audio_mapping: of items and clips (by name or path); exactly one target", async () => {
  await withFixture({}, async (t, ids) => {
    await t.ok("set_voice_isolation", { item_id: ids.audio_item, enabled: true, amount: 35 });
    const mapping = await t.ok("get_audio_mapping", { item_id: ids.audio_item });
    assertEquals(mapping, {
      source: `item ${ids.audio_item}`,
      embedded_audio_channels: 2,
      linked_audio: [],
      tracks: [{ track: 1, format: "Stereo", channels: [1, 2], mute: false }],
      voice_isolation: { enabled: true, amount: 35 },
    });
    const clip = await t.ok("get_audio_mapping", { clip: "tone.wav" });
    assertEquals([clip.source, clip.voice_isolation], [`clip ${ids.wav_clip}`, null]);
    assertEquals(clip.tracks, mapping.tracks);
    assertEquals(
      (await t.ok("get_audio_mapping", { clip: "Master/tone.wav" })).source,
      clip.source,
    );
    const still = await t.ok("get_audio_mapping", { item_id: ids.video_item });
    assertEquals([still.embedded_audio_channels, still.voice_isolation], [0, null]);

    assertMatch(await t.error("get_audio_mapping", { clip: "nope.wav" }), /CLIP_NOT_FOUND/);
    assertMatch(
      await t.error("get_audio_mapping", { clip: "tone.wav", item_id: ids.audio_item }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("apply_fairlight_preset: applies to the current timeline; unknown presets and no timeline refused", async () => {
  await withFixture({}, async (t) => {
    assertEquals(await t.ok("apply_fairlight_preset", { preset: "Podcast Mix" }), {
      preset: "Podcast Mix",
      timeline: "Edit",
    });
    assertMatch(
      await t.error("apply_fairlight_preset", { preset: "Radio" }),
      /PRESET_NOT_FOUND.*"Dialogue Cleanup"/s,
    );
  });
  await withClient({ args: AUDIO }, async (t) => {
    await t.ok("create_project", { name: "Empty" });
    assertMatch(
      await t.error("apply_fairlight_preset", { preset: "Podcast Mix" }),
      /NO_TIMELINE/,
    );
  });
});

Deno.test("insert_audio_at_playhead: on the Fairlight page at the playhead; overlaps, long ranges and bad paths refused", async () => {
  await withFixture({}, async (t, _ids, dir) => {
    await t.ok("create_timeline", { name: "Insert" });
    const args = { path: `${dir}/tone.wav`, duration_samples: 96000 };
    assertMatch(
      await t.error("insert_audio_at_playhead", { ...args, open_fairlight_page: false }),
      /WRONG_PAGE.*switch_page/s,
    );
    const done = await t.ok("insert_audio_at_playhead", args);
    assertEquals(done, {
      path: `${dir}/tone.wav`,
      timeline: "Insert",
      start_offset_samples: 0,
      duration_samples: 96000,
      page_switched: true,
    });
    const tracks = (await t.ok<{ tracks: Track[] }>("list_audio_tracks")).tracks;
    assertEquals(tracks[0].items, 1);
    assertMatch(await t.error("insert_audio_at_playhead", args), /INSERT_FAILED/);
    assertMatch(
      await t.error("insert_audio_at_playhead", { ...args, duration_samples: 480000 }),
      /INSERT_FAILED/,
    );
    assertMatch(
      await t.error("insert_audio_at_playhead", { ...args, path: `${dir}/none.wav` }),
      /FILE_NOT_FOUND/,
    );
    assertMatch(
      await t.error("insert_audio_at_playhead", { ...args, path: "/etc/hostname" }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("insert_audio_at_playhead", { ...args, duration_samples: 0 }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("generate_speech: adds a clip, optionally on the timeline; Studio only", async () => {
  await withFixture({}, async (t) => {
    const plain = await t.ok<{ clip: { name: string; id: string }; added_to_timeline: boolean }>(
      "generate_speech",
      { text: "Hello there" },
    );
    assertEquals([plain.clip.name, plain.added_to_timeline], ["Generated Speech", false]);
    assert(plain.clip.id.length > 0);
    const placed = await t.ok("generate_speech", {
      text: "Welcome to the show",
      voice_model: "Male 1",
      speed: 2,
      filename: "VO 1",
      add_to_timeline: true,
      audio_track: 1,
      timecode: "01:00:10:00",
    });
    assertEquals((placed.clip as { name: string }).name, "VO 1");
    assertEquals(placed.timecode, "01:00:10:00");
    const a1 = (await t.ok<{ tracks: Track[] }>("list_audio_tracks")).tracks[0];
    assertEquals(a1.items, 2);
    const byFrame = await t.ok("generate_speech", {
      text: "Later",
      add_to_timeline: true,
      frame: 480,
    });
    assertEquals(byFrame.timecode, "01:00:20:00");
    assertMatch(
      await t.error("generate_speech", { text: "x", timecode: "01:00:00:00" }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("generate_speech", {
        text: "x",
        add_to_timeline: true,
        timecode: "01:00:00:30",
      }),
      /INVALID_TIMECODE/,
    );
    assertMatch(
      await t.error("generate_speech", { text: "x".repeat(351) }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("generate_speech", { text: "x", custom_voice_file: "/tmp/v.wav" }),
      /INVALID_ARGUMENTS.*Custom Voice/s,
    );
  });
  await withClient({ args: AUDIO, env: { RESOLVE_SIM_EDITION: "free" } }, async (t) => {
    await t.ok("create_project", { name: "Free" });
    assertMatch(await t.error("generate_speech", { text: "Hello" }), /STUDIO_REQUIRED/);
  });
  await withClient({ args: AUDIO, env: { RESOLVE_SIM_VERSION: "20.2.2" } }, async (t) => {
    await t.ok("create_project", { name: "Old" });
    assertMatch(await t.error("generate_speech", { text: "Hello" }), /METHOD_UNAVAILABLE/);
  });
});
