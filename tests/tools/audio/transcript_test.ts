// get_transcript (Resolve 21.1) over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { OLD, writeSpeech, writeToneWav } from "./v211.ts";

type Seg = {
  index: number;
  speaker: string | null;
  text: string;
  source_start: string;
  source_end: string;
  clip_seconds: number | null;
  record_start: string | null;
  record_end: string | null;
  words?: { text: string; source_start: string }[];
};

Deno.test("get_transcript: speakers, text, source and record timecodes, pages, words on request", async () => {
  await withFixture(async (t, _f, dir) => {
    writeToneWav(`${dir}/talk.wav`, 4, 0.5);
    writeSpeech(`${dir}/talk.wav`, [
      "Anna: good morning everyone",
      "Bob: thanks for coming today",
    ]);
    const { clips } = await t.ok<{ clips: { id: string }[] }>("import_media", {
      paths: [`${dir}/talk.wav`],
    });
    const clip = clips[0].id;
    assertMatch(await t.error("get_transcript", { clip }), /NO_TRANSCRIPT.*analyze_clips/s);
    await t.ok("analyze_clips", { action: "transcribe", clips: [clip], speaker_detection: true });

    const first = await t.ok<{ segments: Seg[]; total: number; next_cursor: string | null }>(
      "get_transcript",
      { clip, limit: 1 },
    );
    assertEquals(first.total, 2);
    assertEquals(first.segments.length, 1);
    const s0 = first.segments[0];
    assertEquals([s0.speaker, s0.text], ["Anna", "good morning everyone"]);
    assertEquals([s0.source_start, s0.clip_seconds], ["00:00:00:00", 0]);
    assertEquals(s0.words, undefined);
    assertEquals(s0.record_start, null); // not on the current timeline yet

    // placed on the timeline after the fixture's items: record timecodes appear
    await t.ok("append_to_timeline", { clips: [{ clip }] });
    const items = await t.ok<{ items: { id: string; start: number; track_type: string }[] }>(
      "list_timeline_items",
      {},
    );
    const placed = await t.ok<
      { timeline: string | null; segments: Seg[]; next_cursor: string | null }
    >("get_transcript", { clip, cursor: first.next_cursor!, words: true });
    assertEquals(placed.timeline, "Cut");
    assertEquals(placed.next_cursor, null);
    const s1 = placed.segments[0];
    assertEquals([s1.index, s1.speaker, s1.text], [1, "Bob", "thanks for coming today"]);
    assertEquals(s1.clip_seconds, 2);
    assertEquals(s1.words!.map((w) => w.text), ["thanks", "for", "coming", "today"]);
    assertEquals(s1.words![0].source_start, s1.source_start);
    // the clip starts after a.mp4 (96 frames) on a timeline starting at 01:00:00:00; 2 s in
    const audioStarts = items.items.filter((i) => i.track_type === "audio").map((i) => i.start);
    assert(audioStarts.length >= 2, JSON.stringify(items));
    assertEquals(s1.record_start, "01:00:06:00");

    const srt = await t.ok<{ rendered: string | null }>("get_transcript", { clip, format: "srt" });
    assertEquals(
      srt.rendered,
      "1\n00:00:00,000 --> 00:00:02,000\nAnna: good morning everyone\n\n" +
        "2\n00:00:02,000 --> 00:00:04,000\nBob: thanks for coming today\n",
    );
    const text = await t.ok<{ rendered: string | null }>("get_transcript", {
      clip,
      format: "text",
      limit: 1,
    });
    assertEquals(text.rendered, "[00:00:00] Anna: good morning everyone");
    assertEquals(first.segments.length, 1);
  });
});

Deno.test("get_transcript: a tone transcribes to one empty segment; refused before 21.1", async () => {
  await withFixture(async (t, f) => {
    await t.ok("analyze_clips", { action: "transcribe", clips: [f.clips[0]] });
    const tone = await t.ok<{ segments: Seg[]; total: number }>("get_transcript", {
      clip: f.clips[0],
    });
    assertEquals(tone.total, 1);
    assertEquals([tone.segments[0].text, tone.segments[0].speaker], ["", null]);
    assertEquals(tone.segments[0].record_start, "01:00:00:00");
  });
  await withFixture(async (t, f) => {
    assertMatch(
      await t.error("get_transcript", { clip: f.clips[0] }),
      /VERSION_UNSUPPORTED.*21\.1.*21\.0\.4/s,
    );
  }, OLD);
});
