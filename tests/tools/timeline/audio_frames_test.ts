// Resolve 21.0.4+ reads an audio clip's "Frames" as '' (bridge/simulator/NOTES.md); the tools
// take the length from its Duration instead, so a WAV is neither 0 frames long nor cut short.
import { assertEquals } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { all, type Item, media, setup } from "./timeline.ts";

Deno.test("append_to_timeline: a WAV whose Frames reads '' appends to its end from a start_frame", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { tone } = await setup(t, dir); // tone.wav: 4 s = 96 frames at 24
      assertEquals(tone.frames, 96); // import_media reports the Duration's length
      const listed = await t.ok<{ clips: { name: string; frames: number }[] }>("list_clips", {});
      assertEquals(listed.clips.find((c) => c.name === "tone.wav")?.frames, 96);
      await t.ok("create_timeline", { name: "Cut" });
      const a = await t.ok<{ items: Item[] }>("append_to_timeline", {
        clips: [{ clip: tone.id, start_frame: 24, media_type: "audio" }],
      });
      assertEquals(a.items.map((i) => [i.track_type, i.start, i.end]), [["audio", 0, 72]]);
    });
  });
});
