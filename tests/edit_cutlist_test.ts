// Cut lists (src/resolve/edit/cutlist.ts): source timecodes against each clip's Start TC at its
// own rate (drop-frame included), record timecodes against the timeline's start, refusals per
// event, and the plan that builds or conforms a timeline from the placements.
import { assert, assertEquals } from "./assert.ts";
import { framesToTimecode, parseRate } from "../src/timecode.ts";
import {
  type CutListClip,
  type CutListContext,
  type CutListEvent,
  type ModelItem,
  placeCutList,
  planCutList,
  type TimelineModel,
} from "../src/resolve/edit/index.ts";

const clips: Record<string, CutListClip> = {
  A001: { clip_id: "u-a", start_tc: "01:00:00:00", fps: "24", frames: 240, has_audio: true },
  B002: { clip_id: "u-b", start_tc: "14:22:10:05", fps: 25, frames: 100, has_audio: false },
  DF: { clip_id: "u-df", start_tc: "01:00:00;00", fps: "29.97", frames: 20000, has_audio: true },
  NTSC: { clip_id: "u-n", start_tc: "00:00:10:00", fps: "23.976", frames: 480 },
};

function ctx(over: Partial<CutListContext> = {}): CutListContext {
  return { clips, rate: "24", start_tc: "01:00:00:00", ...over };
}

const brief = (p: ReturnType<typeof placeCutList>) => ({
  placed: p.placements.map((x) =>
    `${x.event}:${x.clip} V${x.track_index} ${x.record_start}-${x.record_end} @${x.source_start}-${x.source_end}`
  ),
  refused: p.refused.map((r) => `${r.event}:${r.reason}`),
});

Deno.test("cut list: source TC counts from each clip's Start TC, events without record in follow", () => {
  const events: CutListEvent[] = [
    { clip: "A001", source_in: "01:00:01:00", source_out: "01:00:02:00" },
    { clip: "B002", source_in: "14:22:11:05", source_out: "14:22:12:00" }, // embedded TC, 25 fps
    { clip: "A001", source_in: "01:00:05:00", source_out: "01:00:05:12", record_in: "01:00:10:00" },
    { clip: "NTSC", source_in: "00:00:12:00", source_out: "00:00:13:00" }, // 23.976 counts 24
  ];
  assertEquals(brief(placeCutList(events, ctx())), {
    placed: [
      "0:A001 V1 0-24 @24-48",
      "1:B002 V1 24-44 @25-45",
      "2:A001 V1 240-252 @120-132",
      "3:NTSC V1 252-276 @48-72",
    ],
    refused: [],
  });
});

Deno.test("cut list: drop-frame source timecode, detected from the Start TC's semicolon", () => {
  const events: CutListEvent[] = [
    // Minute 0 keeps all 1800 numbers; minute 1 starts at ;02, so 01:01:00;02 is frame 1800.
    { clip: "DF", source_in: "01:01:00;02", source_out: "01:01:01;02" },
    { clip: "DF", source_in: "01:01:00;00", source_out: "01:01:01;00" }, // not a DF number
    { clip: "DF", source_in: "01:10:00;00", source_out: "01:10:00;10", track_index: 2 },
  ];
  assertEquals(brief(placeCutList(events, ctx({ rate: "29.97 DF", start_tc: "01:00:00;00" }))), {
    placed: ["0:DF V1 0-30 @1800-1830", "2:DF V2 30-40 @17982-17992"],
    refused: ["1:BAD_TIMECODE"],
  });
  // The same clip labelled "29.97" with a ":" Start TC is non-drop: the minute is 1800 frames.
  const nd = { ...clips, DF: { ...clips.DF, start_tc: "01:00:00:00", frames: 20000 } };
  assertEquals(
    brief(
      placeCutList(
        [{ clip: "DF", source_in: "01:01:00:00", source_out: "01:01:00:10" }],
        ctx({ clips: nd }),
      ),
    ).placed,
    ["0:DF V1 0-10 @1800-1810"],
  );
  // Record timecode at a drop-frame timeline rate.
  const rec = placeCutList(
    [{
      clip: "A001",
      source_in: "01:00:00:00",
      source_out: "01:00:00:05",
      record_in: "01:01:00;02",
    }],
    ctx({ rate: "29.97 DF", start_tc: "01:00:00;00" }),
  );
  assertEquals(brief(rec).placed, ["0:A001 V1 1800-1805 @0-5"]);
});

Deno.test("cut list: every refusal says why, and a refused event does not move the next", () => {
  const events: CutListEvent[] = [
    { clip: "A001", source_in: "00:59:59:00", source_out: "01:00:01:00" }, // before Start TC
    { clip: "A001", source_in: "01:00:09:00", source_out: "01:00:10:01" }, // past the end (240)
    { clip: "A001", source_in: "01:00:00:00", source_out: "01:00:01:00" }, // placed at 0
    { clip: "nope", source_in: "01:00:00:00", source_out: "01:00:01:00" },
    { clip: "A001", source_in: "1:00:00", source_out: "01:00:01:00" },
    { clip: "A001", source_in: "01:00:02:00", source_out: "01:00:02:00" }, // empty
    { clip: "A001", source_in: "01:00:00:00", source_out: "01:00:01:00", record_in: "01:00:00:12" },
    { clip: "A001", source_in: "01:00:00:00", source_out: "01:00:01:00", record_in: "00:59:00:00" },
    { clip: "A001", source_in: "01:00:00:00", source_out: "01:00:01:00", track_index: 0 },
    { clip: "A001", source_in: "01:00:09:00", source_out: "01:00:10:00" }, // follows event 2
    {
      clip: "A001",
      source_in: "01:00:00:00",
      source_out: "01:00:00:12",
      record_in: "01:00:00:12",
      track_index: 2,
    },
  ];
  const out = placeCutList(events, ctx());
  assertEquals(brief(out), {
    placed: ["2:A001 V1 0-24 @0-24", "9:A001 V1 24-48 @216-240", "10:A001 V2 12-24 @0-12"],
    refused: [
      "0:BEFORE_START_TC",
      "1:PAST_CLIP_END",
      "3:UNKNOWN_CLIP",
      "4:BAD_TIMECODE",
      "5:EMPTY_RANGE",
      "6:OVERLAP",
      "7:BEFORE_TIMELINE_START",
      "8:BAD_TRACK",
    ],
  });
  assert(out.refused.every((r) => r.message.length > 10));
  assert(out.refused.find((r) => r.reason === "OVERLAP")!.message.includes("event 3"));
});

Deno.test("cut list plan: a new timeline gets linked video and audio per event", () => {
  const empty: TimelineModel = {
    items: [],
    media: {},
    tracks: { video: 1, audio: 1, subtitle: 0 },
  };
  const { placements } = placeCutList([
    { clip: "A001", source_in: "01:00:01:00", source_out: "01:00:02:00" },
    { clip: "B002", source_in: "14:22:10:05", source_out: "14:22:11:05", track_index: 2 },
  ], ctx());
  const plan = planCutList(empty, placements);
  assertEquals(
    plan.after.items.map((
      i,
    ) => [i.track_type, i.track_index, i.start, i.end, i.source_start, i.clip_id, i.origin]),
    [
      ["video", 1, 0, 24, 24, "u-a", null],
      ["audio", 1, 0, 24, 24, "u-a", null],
      ["video", 2, 24, 49, 0, "u-b", null],
    ],
  );
  assertEquals(plan.create.length, 3);
  assertEquals(plan.after.items[0].link, plan.after.items[1].link);
  assert(plan.after.items[0].link !== null && plan.after.items[2].link === null);
  assertEquals(plan.after.tracks.video, 2);
});

Deno.test("cut list plan: conforming keeps identical items, carries work from the same clip, leaves other tracks", () => {
  const it = (
    id: string,
    type: "video" | "audio",
    track: number,
    s: number,
    e: number,
    ss: number,
    clip: string,
  ): ModelItem => ({
    id,
    origin: id,
    track_type: type,
    track_index: track,
    start: s,
    end: e,
    source_start: ss,
    source_end: ss + e - s,
    clip_id: clip,
    link: null,
  });
  const m: TimelineModel = {
    items: [
      it("same", "video", 1, 0, 25, 25, "u-b"), // exactly event 0
      it("graded", "video", 1, 30, 90, 0, "u-a"), // same clip as event 1, overlapping source
      it("music", "audio", 2, 0, 200, 0, "u-m"),
    ],
    media: {
      "u-a": { frames: 240, has_video: true, has_audio: false },
      "u-b": { frames: 100, has_video: true, has_audio: false },
      "u-m": { frames: 500, has_video: false, has_audio: true },
    },
    tracks: { video: 1, audio: 2, subtitle: 0 },
  };
  const noAudio = { ...clips, A001: { ...clips.A001, has_audio: false } };
  const { placements } = placeCutList([
    { clip: "B002", source_in: "14:22:11:05", source_out: "14:22:12:05" },
    { clip: "A001", source_in: "01:00:02:00", source_out: "01:00:03:00" },
  ], ctx({ clips: noAudio }));
  const plan = planCutList(m, placements);
  assertEquals(plan.keep.sort(), ["music", "same"]);
  assertEquals(plan.remove, ["graded"]);
  assertEquals(plan.create.map((c) => [c.start, c.end, c.source_start, c.origin]), [[
    25,
    49,
    48,
    "graded",
  ]]);
});

Deno.test("cut list: generated lists at every rate place each event at the frames it names", () => {
  let seed = 7; // mulberry32
  const rand = (n: number) => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const rates = ["23.976", "24", "25", "29.97", "29.97 DF", "30", "50", "59.94 DF", "60"];
  let placed = 0, overlaps = 0;
  for (let n = 0; n < 200; n++) {
    const rateText = rates[rand(rates.length)];
    const rate = parseRate(rateText)!;
    const base = rand(rate.nominal * 3600 * 20);
    const frames = 50 + rand(2000);
    const clip: CutListClip = {
      clip_id: "u",
      start_tc: framesToTimecode(base, rate),
      fps: rateText,
      frames,
    };
    const tlRate = parseRate(rates[rand(rates.length)])!;
    const tlStart = rand(tlRate.nominal * 3600 * 2);
    const expected: { rec: number; ss: number; se: number; ok: boolean }[] = [];
    const events: CutListEvent[] = [];
    let next = 0;
    const taken: [number, number][] = [];
    for (let k = 0; k < 1 + rand(6); k++) {
      const ss = rand(frames - 1);
      const se = ss + 1 + rand(Math.min(frames - ss, 80));
      const withRecord = rand(2) === 0;
      const rec = withRecord ? rand(300) : next;
      const ok = !taken.some(([a, b]) => a < rec + se - ss && rec < b);
      events.push({
        clip: "c",
        source_in: framesToTimecode(base + ss, rate),
        source_out: framesToTimecode(base + se, rate),
        record_in: withRecord ? framesToTimecode(tlStart + rec, tlRate) : undefined,
      });
      expected.push({ rec, ss, se, ok });
      if (ok) {
        taken.push([rec, rec + se - ss]);
        next = rec + se - ss;
      }
    }
    const out = placeCutList(events, {
      clips: { c: clip },
      rate: tlRate,
      start_tc: framesToTimecode(tlStart, tlRate),
    });
    const okOnes = expected.filter((x) => x.ok);
    assertEquals(
      out.placements.map((p) => [p.record_start, p.source_start, p.source_end]),
      okOnes.map((x) => [x.rec, x.ss, x.se]),
      `${rateText} base ${clip.start_tc}`,
    );
    assertEquals(
      out.refused.map((r) => r.reason),
      expected.filter((x) => !x.ok).map(() => "OVERLAP"),
    );
    placed += out.placements.length;
    overlaps += out.refused.length;
  }
  assert(placed > 300 && overlaps > 10, `placed ${placed}, overlaps ${overlaps}`);
});

Deno.test("cut list: an audio-only event and a video-only event may share a track index and time", () => {
  const withSound = {
    ...clips,
    SND: { clip_id: "u-s", fps: "24", frames: 100, has_video: false, has_audio: true },
  };
  const out = placeCutList([
    { clip: "B002", source_in: "14:22:10:05", source_out: "14:22:11:05" }, // video only, 0-25
    { clip: "SND", source_in: "00:00:00:00", source_out: "00:00:01:00", record_in: "01:00:00:00" },
    { clip: "A001", source_in: "01:00:00:00", source_out: "01:00:00:10", record_in: "01:00:00:20" },
  ], ctx({ clips: withSound }));
  assertEquals(brief(out), {
    placed: ["0:B002 V1 0-25 @0-25", "1:SND V1 0-24 @0-24"],
    refused: ["2:OVERLAP"], // A001 has video and audio: it meets both
  });
  const plan = planCutList(
    { items: [], media: {}, tracks: { video: 1, audio: 1, subtitle: 0 } },
    out.placements,
  );
  assertEquals(plan.after.items.map((i) => `${i.track_type}${i.track_index} ${i.start}-${i.end}`), [
    "video1 0-25",
    "audio1 0-24",
  ]);
});
