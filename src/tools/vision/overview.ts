// Vision tool drawing the timeline (also used by the timeline resource).
import { z } from "zod";
import { imaging, toBase64 } from "../../image/index.ts";
import type { TimelineModel } from "../../image/index.ts";
import { framesToTimecode, timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  findTimeline,
  type Handle,
  isHandle,
  type ResolveSession,
  TIMELINE_LOOKUP_METHODS,
  timelineRate,
  timelineRefInput,
  TRACK_TYPES,
} from "../../resolve/index.ts";
import { DEFAULT_SIDE, imageOutput } from "./common.ts";

const OVERVIEW_METHODS = [
  ...TIMELINE_LOOKUP_METHODS,
  "Timeline.GetStartFrame",
  "Timeline.GetEndFrame",
  "Timeline.GetSetting",
  "Timeline.GetCurrentTimecode",
  "Timeline.GetMarkers",
  "Timeline.GetTrackCount",
  "Timeline.GetTrackName",
  "Timeline.GetItemListInTrack",
  "TimelineItem.GetStart",
  "TimelineItem.GetEnd",
  "TimelineItem.GetName",
  "TimelineItem.GetClipColor",
];

const ITEMS_PER_TRACK = 5000;

/** A PNG drawing of a timeline, with what it shows (for the tool and the image resource). */
export async function timelineOverview(
  resolve: ResolveSession,
  ref: string | undefined,
  width = DEFAULT_SIDE,
) {
  const { timeline } = await findTimeline(resolve, ref);
  const [name, start, end, playheadTc, markers, ...counts] = await resolve.batch([
    call(timeline, "GetName"),
    call(timeline, "GetStartFrame"),
    call(timeline, "GetEndFrame"),
    call(timeline, "GetCurrentTimecode"),
    call(timeline, "GetMarkers"),
    ...TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  ]);
  const rate = await timelineRate(resolve, timeline);
  const tracks = TRACK_TYPES.flatMap((type, t) =>
    Array.from({ length: Number(counts[t]) || 0 }, (_, i) => ({ type, index: i + 1 }))
  );
  const lists = await resolve.batch(tracks.flatMap(({ type, index }) => [
    call(timeline, "GetTrackName", type, index),
    call(timeline, "GetItemListInTrack", type, index),
  ]));
  const handles = tracks.map((_, i) =>
    ((lists[2 * i + 1] as Handle[]) ?? []).filter(isHandle).slice(0, ITEMS_PER_TRACK)
  );
  const rows = await resolve.map(handles.flat(), [["GetStart"], ["GetEnd"], ["GetName"], [
    "GetClipColor",
  ]]);
  let next = 0;
  const shown = tracks.map(({ type, index }, i) => ({
    label: `${type[0].toUpperCase()}${index}`,
    name: String(lists[2 * i] ?? ""),
    type,
    items: handles[i].map(() => {
      const [s, e, n, c] = rows[next++];
      return { start: Number(s), end: Number(e), name: String(n ?? ""), color: String(c ?? "") };
    }),
  }));
  // Resolve's order, top to bottom: subtitles, video from the highest track, then audio.
  const order = { subtitle: 0, video: 1, audio: 2 };
  shown.sort((a, b) =>
    order[a.type] - order[b.type] ||
    (a.type === "audio" ? 1 : -1) * (Number(a.label.slice(1)) - Number(b.label.slice(1)))
  );
  const startFrame = Number(start);
  const playhead = timecodeToFrames(String(playheadTc ?? ""), rate) ?? null;
  const markerList = Object.entries((markers as Record<string, Record<string, unknown>>) ?? {})
    .map(([frame, m]) => ({
      frame: startFrame + Number(frame),
      duration: Number(m?.duration) || 1,
      color: String(m?.color ?? ""),
    }));
  const model: TimelineModel = {
    name: String(name),
    startFrame,
    endFrame: Math.max(startFrame + 1, Number(end)),
    playhead,
    tracks: shown,
    markers: markerList,
  };
  const lib = await imaging();
  const timecode = (f: number) => framesToTimecode(f, rate);
  const picture = lib.drawTimeline(model, width, timecode, rate.fps);
  const png = lib.encodePng(picture);
  return {
    png,
    data: {
      timeline: model.name,
      start_timecode: timecode(startFrame),
      end_timecode: timecode(Number(end)),
      duration_frames: Number(end) - startFrame,
      playhead: playhead === null
        ? null
        : { frame: playhead - startFrame, timecode: timecode(playhead) },
      tracks: shown.map((t) => ({ track: t.label, name: t.name, items: t.items.length })),
      markers: markerList.length,
      tracks_drawn: Math.min(shown.length, lib.MAX_TRACK_ROWS),
      width: picture.width,
      height: picture.height,
      format: "png" as const,
      quality: null,
      bytes: png.length,
    },
  };
}

export const timelineOverviewTool = defineTool({
  name: "timeline_overview",
  title: "Picture of a timeline",
  description:
    "Returns a drawing of a timeline the model can see: a timecode ruler with the markers in their colours, one row per track (subtitle, video, audio) with its items coloured by clip colour and named where the name fits, and the playhead. Also readable as the resource resolve://timeline/{id}/overview.",
  toolset: "vision",
  readOnly: true,
  input: () => ({
    timeline: timelineRefInput,
    width: z.number().int().min(256).max(2048).optional().describe(
      "Image width in pixels (256-2048). Default: 768. The height follows from the number of tracks.",
    ),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    start_timecode: z.string().describe("Timecode of the first frame."),
    end_timecode: z.string().describe("Timecode just after the last frame."),
    duration_frames: z.number().describe("Length in frames."),
    playhead: z.object({
      frame: z.number().describe("Offset from the timeline start."),
      timecode: z.string().describe("Timeline timecode."),
    }).nullable().describe("Where the playhead is (null if Resolve does not say)."),
    tracks: z.array(z.object({
      track: z.string().describe("Track, e.g. 'V1', 'A2', 'S1'."),
      name: z.string().describe("Track name."),
      items: z.number().describe("Items on the track."),
    })).describe("Tracks, top to bottom as drawn."),
    markers: z.number().describe("Timeline markers drawn."),
    tracks_drawn: z.number().describe("Tracks drawn (at most 32)."),
    ...imageOutput,
  }),
  apiMethods: OVERVIEW_METHODS,
  async handler(args, { resolve }) {
    const { png, data } = await timelineOverview(resolve, args.timeline, args.width);
    return {
      summary:
        `Timeline "${data.timeline}" ${data.start_timecode}-${data.end_timecode}: ${data.tracks.length} track(s), ${data.markers} marker(s); ${data.width}x${data.height} PNG.`,
      data,
      images: [{ data: toBase64(png), mimeType: "image/png" }],
    };
  },
});
