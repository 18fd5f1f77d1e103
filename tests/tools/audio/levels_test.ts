// normalize_audio and set_audio_mapping (Resolve 21.1) over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { OLD, writeToneWav } from "./v211.ts";

type Gain = { id: string; gain_db_before: number | null; gain_db_after: number | null };

Deno.test("normalize_audio: relative keeps level differences, independent levels each item, unknown mode lists modes", async () => {
  await withFixture(async (t, _f, dir) => {
    writeToneWav(`${dir}/loud.wav`, 1, 0.5); // peak -6.02 dBFS
    writeToneWav(`${dir}/soft.wav`, 1, 0.125); // peak -18.06 dBFS
    const { clips } = await t.ok<{ clips: { id: string; name: string }[] }>("import_media", {
      paths: [`${dir}/loud.wav`, `${dir}/soft.wav`],
    });
    await t.ok("create_timeline_from_clips", {
      name: "Mix",
      clips: clips.map((c) => ({ clip: c.id })),
    });
    const listed = await t.ok<{ items: { id: string; track_type: string }[] }>(
      "list_timeline_items",
      {},
    );
    const ids = listed.items.filter((i) => i.track_type === "audio").map((i) => i.id);
    assertEquals(ids.length, 2);

    const bad = await t.error("normalize_audio", { item_ids: ids, mode: "Loudest Possible" });
    assertMatch(bad, /UNKNOWN_MODE.*Sample Peak Program.*EBU R128/s);

    const rel = await t.ok<{ items: Gain[]; modes: string[] }>("normalize_audio", {
      item_ids: ids,
      target_level_dbfs: -6,
    });
    assert(rel.modes.includes("Sample Peak Program"));
    const [a, b] = rel.items.map((i) => i.gain_db_after!);
    assert(Math.abs(a - b) < 0.01, `relative: one gain for both (${a}, ${b})`);
    assert(Math.abs(a) < 0.1, `the loudest (-6.02 dBFS) reaches -6 (${a})`);

    const ind = await t.ok<{ items: Gain[] }>("normalize_audio", {
      track_index: 1,
      target_level_dbfs: -6,
      set_level: "independent",
    });
    assertEquals(ind.items.map((i) => i.gain_db_before), [a, b]);
    const [ia, ib] = ind.items.map((i) => i.gain_db_after!);
    assert(
      Math.abs(ib - ia - 12.04) < 0.1,
      `independent: 12 dB more on the soft one (${ia}, ${ib})`,
    );

    const loud = await t.ok<{ mode: string; items: Gain[] }>("normalize_audio", {
      item_ids: ids,
      mode: "EBU R128",
      target_loudness_lkfs: -23,
    });
    assertEquals(loud.mode, "EBU R128");
    assert(loud.items.every((i) => i.gain_db_after! < 0), JSON.stringify(loud.items));

    // video items carry no clip gain: refused
    const video = listed.items.filter((i) => i.track_type === "video").map((i) => i.id);
    if (video.length) {
      assertMatch(await t.error("normalize_audio", { item_ids: video }), /NORMALIZE_REFUSED/);
    }
  });
});

Deno.test("normalize_audio: refused before Resolve 21.1 with the version", async () => {
  await withFixture(async (t, f) => {
    assertMatch(
      await t.error("normalize_audio", { item_ids: f.audio }),
      /VERSION_UNSUPPORTED.*21\.1.*21\.0\.4/s,
    );
  }, OLD);
});

type Mapping = {
  source: string;
  tracks: { track: number; format: string; channels: number[]; mute: boolean }[];
};

Deno.test("set_audio_mapping: re-routes a clip's tracks and an item's source track, read back", async () => {
  await withFixture(async (t, f, dir) => {
    writeToneWav(`${dir}/st.wav`, 1, 0.5);
    const { clips } = await t.ok<{ clips: { id: string }[] }>("import_media", {
      paths: [`${dir}/st.wav`],
    });
    const before = await t.ok<Mapping>("get_audio_mapping", { clip: clips[0].id });
    assertEquals(before.tracks.map((x) => [x.format, x.channels]), [["Stereo", [1, 2]]]);

    const split = await t.ok<Mapping>("set_audio_mapping", {
      clip: clips[0].id,
      tracks: [{ format: "mono", channels: [1] }, { format: "mono", channels: [2], mute: true }],
    });
    assertEquals(split.tracks.map((x) => [x.track, x.format, x.channels, x.mute]), [
      [1, "Mono", [1], false],
      [2, "Mono", [2], true],
    ]);
    const again = await t.ok<Mapping>("get_audio_mapping", { clip: clips[0].id });
    assertEquals(again.tracks, split.tracks);

    // a channel the media does not have: Resolve refuses
    assertMatch(
      await t.error("set_audio_mapping", {
        clip: clips[0].id,
        tracks: [{ format: "stereo", channels: [1, 5] }],
      }),
      /MAPPING_REFUSED/,
    );
    // the channel count must match the format (checked before Resolve)
    assertMatch(
      await t.error("set_audio_mapping", {
        clip: clips[0].id,
        tracks: [{ format: "5.1", channels: [1, 2] }],
      }),
      /INVALID_ARGUMENTS/,
    );

    const item = await t.ok<Mapping>("set_audio_mapping", {
      item_id: f.audio[0],
      tracks: [{ format: "stereo", channels: [2, 1] }],
    });
    assertEquals(item.tracks.map((x) => x.channels), [[2, 1]]);
    const read = await t.ok<Mapping>("get_audio_mapping", { item_id: f.audio[0] });
    assertEquals(read.tracks.map((x) => x.channels), [[2, 1]]);
    assertMatch(
      await t.error("set_audio_mapping", {
        item_id: f.audio[0],
        tracks: [{ format: "mono", channels: [1] }, { format: "mono", channels: [2] }],
      }),
      /INVALID_ARGUMENTS/,
    );
  });
  await withFixture(async (t, f) => {
    assertMatch(
      await t.error("set_audio_mapping", {
        clip: f.clips[0],
        tracks: [{ format: "mono", channels: [1] }],
      }),
      /VERSION_UNSUPPORTED/,
    );
  }, OLD);
});
