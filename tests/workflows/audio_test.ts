// Job 6, on the default set only: separately recorded sound synced to the picture, audio
// tracks laid out for the mix, subtitles made from the dialogue; read back through the clips,
// the audio tracks and the timeline's subtitle items.
import { assert, assertEquals } from "../assert.ts";
import { allItems, withDefaultSet } from "./setup.ts";

Deno.test("workflow audio: sync the sound, add tracks, make subtitles", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Sound" });
    const imported = await t.ok<{ clips: { name: string; id: string }[] }>("import_media", {
      paths: [media.cameras["A001.mp4"], media.sound],
    });
    const id = Object.fromEntries(imported.clips.map((c) => [c.name, c.id]));
    const synced = await t.ok<{ clips: { name: string; type: string; synced_audio: string }[] }>(
      "sync_audio",
      { clips: [id["A001.mp4"], id["sound.wav"]], mode: "waveform", channel: "automatic" },
    );
    const picture = synced.clips.find((c) => c.name === "A001.mp4")!;
    assertEquals(picture.synced_audio, "sound.wav");
    const { clips } = await t.ok<{ clips: { name: string; type: string }[] }>("list_clips");
    assertEquals(clips.find((c) => c.name === "A001.mp4")?.type, picture.type);

    await t.ok("create_timeline_from_clips", { name: "Mix", clips: [{ clip: "A001.mp4" }] });
    await t.ok("add_audio_track", { subtype: "stereo", name: "Music" });
    await t.ok("add_audio_track", { subtype: "5.1", name: "Effects" });
    const { tracks } = await t.ok<{ tracks: { index: number; name: string; subtype: string }[] }>(
      "list_audio_tracks",
    );
    assertEquals(tracks.map((x) => [x.index, x.name, x.subtype]).slice(1), [
      [2, "Music", "stereo"],
      [3, "Effects", "5.1"],
    ]);

    const subtitles = await t.ok<{ subtitle_tracks: number; subtitles: number }>(
      "create_subtitles_from_audio",
      { language: "english" },
    );
    assert(subtitles.subtitles > 0 && subtitles.subtitle_tracks >= 1);
    const items = await allItems(t, "Mix");
    assertEquals(items.filter((i) => i.track_type === "subtitle").length, subtitles.subtitles);
  });
});
