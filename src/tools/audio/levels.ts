// Loudness normalisation and audio channel routing (Resolve 21.1).
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  call,
  CLIP_FIND_METHODS,
  clipRefInput,
  constant,
  findClip,
  findItem,
  findTimeline,
  type Handle,
  isHandle,
  ITEM_LOOKUP_METHODS,
  itemsOf,
  poolOf,
  requireVersion,
  type ResolveSession,
  TIMELINE_LOOKUP_METHODS,
  timelineRefInput,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";
import { mappingOutput, parseMapping } from "./common.ts";

/** Channel count of each audio-mapping `type` (README "Audio Mapping", 21.1). */
const FORMAT_CHANNELS: Record<string, number> = {
  mono: 1,
  stereo: 2,
  lrc: 3,
  lcr: 3,
  lrcs: 4,
  lcrs: 4,
  quad: 4,
  "5.0": 5,
  "5.0_film": 5,
  "5.1": 6,
  "5.1_film": 6,
  "7.0": 7,
  "7.0_film": 7,
  "7.1": 8,
  "7.1_film": 8,
  ...Object.fromEntries(Array.from({ length: 36 }, (_, i) => [`adaptive_${i + 1}`, i + 1])),
};
const FORMATS = Object.keys(FORMAT_CHANNELS) as [string, ...string[]];

async function gains(resolve: ResolveSession, items: Handle[]): Promise<(number | null)[]> {
  const rows = await resolve.map(items, [["GetProperties"]]);
  return rows.map(([p]) => {
    const v = p && typeof p === "object" ? (p as Record<string, unknown>).AudioVolume : undefined;
    return typeof v === "number" ? v : null;
  });
}

export const normalizeAudio = defineTool({
  name: "normalize_audio",
  title: "Normalize audio",
  description:
    "Normalises the clip gain of timeline audio items to a target (source files are untouched): peak modes (e.g. 'Sample Peak Program') use target_level_dbfs, loudness modes (e.g. 'EBU R128') target_loudness_lkfs. Relative keeps the level differences between the items (the loudest reaches the target), independent brings each to the target. Modes are the ones Resolve lists (an unknown mode fails with the list). Give item_ids or track_index. Reports each item's clip gain before and after. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "audio",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: z.array(z.string().min(1).max(128)).min(1).max(500).optional().describe(
      "Unique ids of the audio items to normalise (list_timeline_items shows them). Give this or track_index.",
    ),
    track_index: z.number().int().min(1).max(1000).optional().describe(
      "Normalise every item on this audio track (A1 = 1). Give this or item_ids.",
    ),
    mode: z.string().min(1).max(100).optional().describe(
      "Normalisation mode exactly as Resolve lists it. Default 'Sample Peak Program'. Call with an unknown name to get the list.",
    ),
    target_level_dbfs: z.number().min(-60).max(0).optional().describe(
      "Target peak level in dBFS for peak modes, e.g. -6. Default: Resolve's.",
    ),
    target_loudness_lkfs: z.number().min(-60).max(0).optional().describe(
      "Target integrated loudness in LKFS/LUFS for loudness modes, e.g. -23 (EBU R128) or -24. Default: Resolve's.",
    ),
    set_level: z.enum(["relative", "independent"]).optional().describe(
      "relative (default): one gain for all, keeping their differences; independent: each item to the target.",
    ),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    mode: z.string().describe("Mode used."),
    modes: z.array(z.string()).describe("Every mode Resolve offers."),
    items: z.array(z.object({
      id: z.string().describe("Item id."),
      gain_db_before: z.number().nullable().describe("Clip gain (dB) before, null if unreadable."),
      gain_db_after: z.number().nullable().describe("Clip gain (dB) after, null if unreadable."),
    })).describe("The items normalised."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...TIMELINE_LOOKUP_METHODS,
    ...ITEM_LOOKUP_METHODS,
    "Timeline.GetNormalizeAudioModes",
    "Timeline.NormalizeAudioLevel",
    "TimelineItem.GetProperties",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "normalize_audio");
    if ((args.item_ids === undefined) === (args.track_index === undefined)) {
      fail("INVALID_ARGUMENTS", "give exactly one of item_ids or track_index");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [rawModes, tlName, tracks] = await resolve.batch([
      call(timeline, "GetNormalizeAudioModes"),
      call(timeline, "GetName"),
      call(timeline, "GetTrackCount", "audio"),
    ]);
    const modes = (Array.isArray(rawModes) ? rawModes : []).map(String);
    const mode = args.mode ?? "Sample Peak Program";
    if (!modes.includes(mode)) {
      fail(
        "UNKNOWN_MODE",
        `Resolve has no normalisation mode "${mode}"`,
        `Modes: ${someNames(modes, 40)}.`,
      );
    }
    let items: Handle[];
    let ids: string[];
    if (args.item_ids) {
      ids = args.item_ids;
      items = await itemsOf(resolve, timeline, ids);
    } else {
      if (args.track_index! > (Number(tracks) || 0)) {
        fail(
          "TRACK_NOT_FOUND",
          `"${tlName}" has ${Number(tracks) || 0} audio track(s); there is no A${args.track_index}`,
          "list_audio_tracks shows the tracks.",
        );
      }
      const list = await resolve.call(timeline, "GetItemListInTrack", "audio", args.track_index);
      items = (Array.isArray(list) ? list : []).filter(isHandle);
      if (!items.length) {
        fail("ITEM_NOT_FOUND", `A${args.track_index} of "${tlName}" has no items`);
      }
      ids = (await resolve.map(items, [["GetUniqueId"]])).map(([id]) => String(id));
    }
    const options: Record<string, unknown> = { normalizationMode: mode };
    if (args.target_level_dbfs !== undefined) options.targetLevel = args.target_level_dbfs;
    if (args.target_loudness_lkfs !== undefined) options.targetLoudness = args.target_loudness_lkfs;
    if (args.set_level) {
      options.setLevelMode = constant(
        args.set_level === "independent"
          ? "NORMALIZE_AUDIO_SET_LEVEL_INDEPENDENT"
          : "NORMALIZE_AUDIO_SET_LEVEL_RELATIVE",
      );
    }
    const before = await gains(resolve, items);
    const ok = await resolve.call(timeline, "NormalizeAudioLevel", items, options);
    if (ok !== true) {
      fail(
        "NORMALIZE_REFUSED",
        `Resolve refused to normalise ${items.length} item(s) on "${tlName}" with "${mode}"`,
        "Only audio items carry clip gain (give audio items or an audio track); check the target range for the mode.",
      );
    }
    const after = await gains(resolve, items);
    return {
      summary: `Normalised ${items.length} item(s) on "${tlName}" with "${mode}".`,
      data: {
        timeline: String(tlName),
        mode,
        modes,
        items: ids.map((id, i) => ({ id, gain_db_before: before[i], gain_db_after: after[i] })),
      },
    };
  },
});

export const setAudioMapping = defineTool({
  name: "set_audio_mapping",
  title: "Set audio mapping",
  description:
    "Re-routes audio channels: for a media pool clip, its audio tracks (may change how many there are); for a timeline audio item, the one source track it plays. Each track gives a format (mono, stereo, 5.1, adaptive_N...) and one source channel per format channel (1-based into the media's channels, embedded first then linked files; 0 = unconnected). Start from get_audio_mapping. Reads the mapping back. Needs Resolve 21.1+; older versions answer VERSION_UNSUPPORTED.",
  toolset: "audio",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clip: clipRefInput.optional().describe(
      "A media pool clip: id, bin path or unique name. Give this or item_id.",
    ),
    item_id: z.string().min(1).max(128).optional().describe(
      "Unique id of a timeline audio item (its source channel mapping). Give this or clip.",
    ),
    timeline: timelineRefInput,
    tracks: z.array(z.object({
      format: z.enum(FORMATS).describe("Track format, e.g. 'stereo', '5.1', 'adaptive_4'."),
      channels: z.array(z.number().int().min(0).max(256)).min(1).max(36).describe(
        "Source channel for each channel of the format, in order (length = the format's channel count); 0 = unconnected.",
      ),
      mute: z.boolean().optional().describe("Mute the track. Default false."),
    })).min(1).max(64).describe(
      "The new tracks, in order (track 1 first). A timeline item takes exactly one.",
    ),
  }),
  output: () => mappingOutput,
  apiMethods: [
    ...VERSION_LOOKUP,
    ...CLIP_FIND_METHODS,
    ...ITEM_LOOKUP_METHODS,
    "MediaPoolItem.SetAudioMapping",
    "MediaPoolItem.GetAudioMapping",
    "TimelineItem.SetSourceAudioChannelMapping",
    "TimelineItem.GetSourceAudioChannelMapping",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "set_audio_mapping");
    if ((args.clip === undefined) === (args.item_id === undefined)) {
      fail("INVALID_ARGUMENTS", "give exactly one of clip or item_id");
    }
    if (args.item_id !== undefined && args.tracks.length !== 1) {
      fail(
        "INVALID_ARGUMENTS",
        `a timeline item's source mapping has exactly one track; ${args.tracks.length} given`,
      );
    }
    args.tracks.forEach((t, i) => {
      const want = FORMAT_CHANNELS[t.format];
      if (t.channels.length !== want) {
        fail(
          "INVALID_ARGUMENTS",
          `track ${i + 1}: ${t.format} has ${want} channel(s) but ${t.channels.length} were given`,
          "Give one source channel (or 0) per channel of the format.",
        );
      }
    });
    const mapping = JSON.stringify({
      track_mapping: Object.fromEntries(args.tracks.map((t, i) => [String(i + 1), {
        channel_idx: t.channels,
        mute: t.mute ?? false,
        type: t.format,
      }])),
    });
    let target: Handle;
    let source: string;
    let setter: string;
    let getter: string;
    if (args.clip !== undefined) {
      const { mediaPool } = await poolOf(resolve);
      const clip = await findClip(resolve, mediaPool, args.clip);
      [target, source, setter, getter] = [
        clip.clip,
        `clip ${clip.id}`,
        "SetAudioMapping",
        "GetAudioMapping",
      ];
    } else {
      const { timeline } = await findTimeline(resolve, args.timeline);
      const found = await findItem(resolve, timeline, args.item_id!);
      [target, source, setter, getter] = [
        found.item,
        `item ${args.item_id}`,
        "SetSourceAudioChannelMapping",
        "GetSourceAudioChannelMapping",
      ];
    }
    const ok = await resolve.call(target, setter, mapping);
    if (ok !== true) {
      fail(
        "MAPPING_REFUSED",
        `Resolve refused the audio mapping for ${source}`,
        "A channel number may be past the media's channels (get_audio_mapping shows embedded_audio_channels and linked files), or the target has no audio.",
      );
    }
    const parsed = parseMapping(await resolve.call(target, getter));
    return {
      summary: `${source}: ${parsed.tracks.length} audio track(s): ${
        parsed.tracks.map((t) => `${t.track} ${t.format} [${t.channels.join(",")}]`).join("; ")
      }.`,
      data: { source, ...parsed, voice_isolation: null },
    };
  },
});
