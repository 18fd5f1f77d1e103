// Transcripts (Resolve 21.1): a clip's stored transcription, readable and placed on the timeline.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode, parseRate, type Rate, timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  CLIP_FIND_METHODS,
  clipRefInput,
  findClip,
  type Handle,
  isHandle,
  pageInput,
  pageOutput,
  pageWindow,
  poolOf,
  requireVersion,
  type ResolveSession,
  TIMELINE_RATE_METHODS,
  timelineRate,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";

type Segment = {
  start?: unknown;
  end?: unknown;
  text?: unknown;
  speaker?: unknown;
  words?: unknown;
};

/** Where the clip sits on the current timeline: the first item that uses it, if any. */
async function placement(resolve: ResolveSession, clipId: string) {
  let timeline: Handle;
  try {
    ({ timeline } = await resolve.timeline());
  } catch {
    return undefined; // no project timeline: source timecode only
  }
  const [video, audio, tlName] = await resolve.batch([
    call(timeline, "GetTrackCount", "video"),
    call(timeline, "GetTrackCount", "audio"),
    call(timeline, "GetName"),
  ]);
  const tracks = [
    ...Array.from({ length: Number(video) || 0 }, (_, i) => ["video", i + 1]),
    ...Array.from({ length: Number(audio) || 0 }, (_, i) => ["audio", i + 1]),
  ];
  const lists = await resolve.batch(
    tracks.map((t) => call(timeline, "GetItemListInTrack", ...t)),
  );
  const items = lists.flatMap((l) => (Array.isArray(l) ? l : []).filter(isHandle));
  if (!items.length) return undefined;
  const rows = await resolve.map(items, [
    ["GetMediaPoolItem"],
    ["GetStart"],
    ["GetEnd"],
    ["GetSourceStartFrame"],
  ]);
  const pools = rows.map((r) => r[0]).filter(isHandle);
  const ids = await resolve.map(pools, [["GetUniqueId"]]);
  let p = 0;
  for (const row of rows) {
    if (!isHandle(row[0])) continue;
    if (String(ids[p++][0]) === clipId) {
      return {
        timeline: String(tlName ?? ""),
        rate: await timelineRate(resolve, timeline),
        start: Number(row[1]) || 0,
        end: Number(row[2]) || 0,
        sourceStart: Number(row[3]) || 0,
      };
    }
  }
  return undefined;
}

export const getTranscript = defineTool({
  name: "get_transcript",
  title: "Get transcript",
  description:
    "Reads a clip's stored transcription, made by analyze_clips with action 'transcribe' (media toolset: enable_toolset). It gives a page of segments with speaker (when speaker detection was used), text, source timecode (the clip's own timecode, as Resolve stores it), seconds from the clip's start and, when the clip is used on the current timeline, record timecode of its first use. Word timings only with words: true (they are large). Needs Resolve 21.1+ (Studio: transcription is a Studio feature); older versions answer VERSION_UNSUPPORTED.",
  toolset: "audio",
  readOnly: true,
  input: () => ({
    clip: clipRefInput,
    words: z.boolean().optional().describe(
      "Include each segment's word timings. Default false (they multiply the payload).",
    ),
    format: z.enum(["segments", "text", "srt"]).optional().describe(
      "segments (default): structured rows only; text: also this page as '[hh:mm:ss] Speaker: text' lines (from the clip's start); srt: also this page as SubRip cues timed from the clip's start.",
    ),
    ...pageInput,
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    language: z.string().describe("Language code Resolve detected, e.g. 'en'."),
    source_start_timecode: z.string().describe("The clip's Start TC."),
    timeline: z.string().nullable().describe(
      "Current timeline whose record timecodes are given, or null when the clip is not on it.",
    ),
    segments: z.array(z.object({
      index: z.number().describe("Segment number in the whole transcript, from 0."),
      speaker: z.string().nullable().describe("Speaker name, null without speaker detection."),
      text: z.string().describe("The segment's words; '(...)' marks silence."),
      source_start: z.string().describe("Start, source timecode."),
      source_end: z.string().describe("End, source timecode."),
      clip_seconds: z.number().nullable().describe(
        "Start in seconds from the clip's first frame (null if the timecode is unreadable).",
      ),
      record_start: z.string().nullable().describe(
        "Start as timeline timecode where the clip is used on the current timeline; null when that part of the clip is not on it.",
      ),
      record_end: z.string().nullable().describe("End as timeline timecode, or null."),
      words: z.array(z.object({
        text: z.string(),
        source_start: z.string(),
        source_end: z.string(),
      })).optional().describe("Word timings (only with words: true)."),
    })).describe("This page of segments."),
    rendered: z.string().nullable().describe(
      "This page as text or SRT (format text/srt), else null.",
    ),
    ...pageOutput,
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.GetTranscription",
    "MediaPoolItem.GetClipProperty",
    "Project.GetCurrentTimeline",
    "Timeline.GetName",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    ...TIMELINE_RATE_METHODS,
    "TimelineItem.GetMediaPoolItem",
    "TimelineItem.GetStart",
    "TimelineItem.GetEnd",
    "TimelineItem.GetSourceStartFrame",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "get_transcript");
    const { mediaPool } = await poolOf(resolve);
    const clip = await findClip(resolve, mediaPool, args.clip);
    const [raw, props] = await resolve.batch([
      call(clip.clip, "GetTranscription", false),
      call(clip.clip, "GetClipProperty"),
    ]);
    const t = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const segments = (Array.isArray(t.segments) ? t.segments : []) as Segment[];
    if (!segments.length) {
      fail(
        "NO_TRANSCRIPT",
        `"${clip.name}" has no transcription`,
        "Transcribe it first: analyze_clips with action 'transcribe' (Studio), then call get_transcript again.",
      );
    }
    const p = (props ?? {}) as Record<string, unknown>;
    const drop = String(p["Drop frame"] ?? "0") === "1";
    const clipRate: Rate | undefined = parseRate(`${p.FPS ?? ""}${drop ? " DF" : ""}`) ??
      parseRate(String(p.FPS ?? ""));
    const startTc = String(p["Start TC"] ?? "00:00:00:00");
    const first = clipRate ? timecodeToFrames(startTc, clipRate) ?? 0 : 0;
    const rel = (tc: unknown) => {
      const f = clipRate ? timecodeToFrames(String(tc ?? ""), clipRate) : undefined;
      return f === undefined ? undefined : f - first;
    };
    const page = pageWindow(segments.length, args.cursor, args.limit ?? 50);
    const where = await placement(resolve, clip.id);
    const record = (tc: unknown) => {
      const f = rel(tc);
      if (!where || f === undefined || !clipRate) return null;
      const frame = where.start +
        Math.round((f - where.sourceStart) * where.rate.fps / clipRate.fps);
      return frame >= where.start && frame < where.end ? framesToTimecode(frame, where.rate) : null;
    };
    const rows = segments.slice(page.offset, page.end).map((s, i) => {
      const f = rel(s.start);
      const row = {
        index: page.offset + i,
        speaker: typeof s.speaker === "string" && s.speaker ? s.speaker : null,
        text: String(s.text ?? ""),
        source_start: String(s.start ?? ""),
        source_end: String(s.end ?? ""),
        clip_seconds: f === undefined || !clipRate
          ? null
          : Math.round(f / clipRate.fps * 1000) / 1000,
        record_start: record(s.start),
        record_end: record(s.end),
      };
      if (!args.words) return row;
      const words = (Array.isArray(s.words) ? s.words : []) as Segment[];
      return {
        ...row,
        words: words.map((w) => ({
          text: String(w.text ?? ""),
          source_start: String(w.start ?? ""),
          source_end: String(w.end ?? ""),
        })),
      };
    });
    const placed = rows.some((r) => r.record_start !== null);
    let rendered: string | null = null;
    if (args.format === "text" || args.format === "srt") {
      const seconds = (tc: unknown, after = 0) => {
        const f = rel(tc);
        return f === undefined || !clipRate ? 0 : (f + after) / clipRate.fps;
      };
      const clock = (sec: number, srt: boolean) => {
        const ms = Math.round(sec * 1000);
        const p2 = (n: number, w = 2) => String(n).padStart(w, "0");
        const hms = `${p2(Math.floor(ms / 3_600_000))}:${p2(Math.floor(ms / 60_000) % 60)}:${
          p2(Math.floor(ms / 1000) % 60)
        }`;
        return srt ? `${hms},${p2(ms % 1000, 3)}` : hms;
      };
      const shown = segments.slice(page.offset, page.end);
      rendered = args.format === "text"
        ? shown.map((seg, i) =>
          `[${clock(seconds(seg.start), false)}] ${rows[i].speaker ? `${rows[i].speaker}: ` : ""}${
            rows[i].text
          }`
        ).join("\n")
        : shown.map((seg, i) =>
          `${page.offset + i + 1}\n${clock(seconds(seg.start), true)} --> ${
            clock(seconds(seg.end, 1), true)
          }\n${rows[i].speaker ? `${rows[i].speaker}: ` : ""}${rows[i].text}\n`
        ).join("\n");
    }
    return {
      summary: `"${clip.name}": segments ${page.offset + 1}-${page.end} of ${page.total}` +
        (placed ? `, with record timecodes on "${where!.timeline}".` : "."),
      data: {
        clip: clip.name,
        language: String(t.language ?? ""),
        source_start_timecode: startTc,
        timeline: placed ? where!.timeline : null,
        segments: rows,
        rendered,
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});
