// Item tools on properties and flags.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { CLIP_COLORS, MARKER_COLORS, NO_CONTROL } from "../shared.ts";
import {
  cacheConstant,
  cacheName,
  call,
  CHECKPOINT_API,
  constant,
  type Handle,
  isHandle,
  itemIdInput,
  itemOf,
  maybeCheckpointIdOutput,
  ref,
  type ResolveSession,
  saveCheckpoint,
  timelineRate,
  timelineRefInput,
  usesDictForms,
} from "../../resolve/index.ts";
import { num, TIMELINE_LOOKUP } from "./common.ts";

// Constant-valued properties: the README lists each family in order from 0.
const ENUMS = {
  DynamicZoomEase: [
    "DYNAMIC_ZOOM_EASE_LINEAR",
    "DYNAMIC_ZOOM_EASE_IN",
    "DYNAMIC_ZOOM_EASE_OUT",
    "DYNAMIC_ZOOM_EASE_IN_AND_OUT",
  ],
  CompositeMode: [
    "NORMAL",
    "ADD",
    "SUBTRACT",
    "DIFF",
    "MULTIPLY",
    "SCREEN",
    "OVERLAY",
    "HARDLIGHT",
    "SOFTLIGHT",
    "DARKEN",
    "LIGHTEN",
    "COLOR_DODGE",
    "COLOR_BURN",
    "EXCLUSION",
    "HUE",
    "SATURATE",
    "COLORIZE",
    "LUMA_MASK",
    "DIVIDE",
    "LINEAR_DODGE",
    "LINEAR_BURN",
    "LINEAR_LIGHT",
    "VIVID_LIGHT",
    "PIN_LIGHT",
    "HARD_MIX",
    "LIGHTER_COLOR",
    "DARKER_COLOR",
    "FOREGROUND",
    "ALPHA",
    "INVERTED_ALPHA",
    "LUM",
    "INVERTED_LUM",
  ].map((n) => `COMPOSITE_${n}`),
  RetimeProcess: [
    "RETIME_USE_PROJECT",
    "RETIME_NEAREST",
    "RETIME_FRAME_BLEND",
    "RETIME_OPTICAL_FLOW",
  ],
  MotionEstimation: [
    "MOTION_EST_USE_PROJECT",
    "MOTION_EST_STANDARD_FASTER",
    "MOTION_EST_STANDARD_BETTER",
    "MOTION_EST_ENHANCED_FASTER",
    "MOTION_EST_ENHANCED_BETTER",
    "MOTION_EST_SPEED_WARP_BETTER",
    "MOTION_EST_SPEED_WARP_FASTER",
  ],
  Scaling: ["SCALE_USE_PROJECT", "SCALE_CROP", "SCALE_FIT", "SCALE_FILL", "SCALE_STRETCH"],
  ResizeFilter: [
    "USE_PROJECT",
    "SHARPER",
    "SMOOTHER",
    "BICUBIC",
    "BILINEAR",
    "BESSEL",
    "BOX",
    "CATMULL_ROM",
    "CUBIC",
    "GAUSSIAN",
    "LANCZOS",
    "MITCHELL",
    "NEAREST_NEIGHBOR",
    "QUADRATIC",
    "SINC",
    "LINEAR",
  ].map((n) => `RESIZE_FILTER_${n}`),
} as const satisfies Record<string, readonly string[]>;

type EnumKey = keyof typeof ENUMS;
const enumOf = (key: EnumKey) => z.enum(ENUMS[key] as unknown as [string, ...string[]]);
const BIG = 100_000; // pixel keys are clipped by Resolve to ±4x the timeline size

const propertiesInput = z.strictObject({
  Pan: z.number().min(-BIG).max(BIG).optional().describe(
    "Horizontal position in pixels (Resolve clips to ±4 x timeline width).",
  ),
  Tilt: z.number().min(-BIG).max(BIG).optional().describe(
    "Vertical position in pixels (Resolve clips to ±4 x timeline height).",
  ),
  ZoomX: z.number().min(0).max(100).optional().describe("Horizontal zoom factor, 1 = 100%."),
  ZoomY: z.number().min(0).max(100).optional().describe("Vertical zoom factor, 1 = 100%."),
  ZoomGang: z.boolean().optional().describe("Link ZoomX and ZoomY."),
  RotationAngle: z.number().min(-360).max(360).optional().describe("Rotation in degrees."),
  AnchorPointX: z.number().min(-BIG).max(BIG).optional().describe(
    "Anchor point X in pixels (clipped to ±4 x width).",
  ),
  AnchorPointY: z.number().min(-BIG).max(BIG).optional().describe(
    "Anchor point Y in pixels (clipped to ±4 x height).",
  ),
  Pitch: z.number().min(-1.5).max(1.5).optional().describe("3D pitch, -1.5 to 1.5."),
  Yaw: z.number().min(-1.5).max(1.5).optional().describe("3D yaw, -1.5 to 1.5."),
  FlipX: z.boolean().optional().describe("Flip horizontally."),
  FlipY: z.boolean().optional().describe("Flip vertically."),
  CropLeft: z.number().min(0).max(BIG).optional().describe(
    "Crop from the left in pixels (clipped to the width).",
  ),
  CropRight: z.number().min(0).max(BIG).optional().describe(
    "Crop from the right in pixels (clipped to the width).",
  ),
  CropTop: z.number().min(0).max(BIG).optional().describe(
    "Crop from the top in pixels (clipped to the height).",
  ),
  CropBottom: z.number().min(0).max(BIG).optional().describe(
    "Crop from the bottom in pixels (clipped to the height).",
  ),
  CropSoftness: z.number().min(-100).max(100).optional().describe("Crop edge softness."),
  CropRetain: z.boolean().optional().describe("Retain image position when cropping."),
  DynamicZoomEase: enumOf("DynamicZoomEase").optional().describe("Dynamic zoom easing."),
  CompositeMode: enumOf("CompositeMode").optional().describe(
    "Composite (blend) mode, e.g. COMPOSITE_NORMAL, COMPOSITE_ADD, COMPOSITE_SCREEN.",
  ),
  Opacity: z.number().min(0).max(100).optional().describe("Opacity in percent, 0-100."),
  Distortion: z.number().min(-1).max(1).optional().describe("Lens distortion, -1 to 1."),
  RetimeProcess: enumOf("RetimeProcess").optional().describe("Retime process."),
  MotionEstimation: enumOf("MotionEstimation").optional().describe(
    "Motion estimation mode for optical-flow retiming.",
  ),
  Scaling: enumOf("Scaling").optional().describe("Input scaling."),
  ResizeFilter: enumOf("ResizeFilter").optional().describe("Resize filter."),
  ...Object.fromEntries(
    [
      "TransformEnabled",
      "CroppingEnabled",
      "DynamicZoomEnabled",
      "CompositeEnabled",
      "LensCorrectionEnabled",
      "RetimeAndScalingEnabled",
    ].map((k) => [
      k,
      z.boolean().optional().describe(
        `Resolve 21.1+: turn the Inspector's ${
          k.replace("Enabled", "").replace(/([a-z])([A-Z])/g, "$1 $2")
        } section on or off (older versions refuse it).`,
      ),
    ]),
  ),
}).describe(
  "Inspector properties to set, by their Resolve key; omitted keys keep their value. Constant-valued keys take the constant's name.",
);

type Props = z.infer<typeof propertiesInput>;

// Resolve 21.1 audio item properties (TimelineItemProperties of the 21.1 stub).
const LEVELER_MODES = {
  allow_wider_dynamics: "DIALOGUE_LEVELER_MODE_ALLOW_WIDER_DYNAMICS",
  optimize_moderate_levels: "DIALOGUE_LEVELER_MODE_OPTIMIZE_MODERATE_LEVELS",
  more_lift_for_low_levels: "DIALOGUE_LEVELER_MODE_MORE_LIFT_FOR_LOW_LEVELS",
  lift_soft_whispery_sources: "DIALOGUE_LEVELER_MODE_LIFT_SOFT_WHISPERY_SOURCES",
} as const;
const AUDIO_KEYS: Record<string, string> = {
  volume_enabled: "AudioVolumeEnabled",
  volume_db: "AudioVolume",
  pan_enabled: "AudioPanEnabled",
  pan: "AudioPan",
  pitch_enabled: "AudioPitchEnabled",
  pitch_semitones: "AudioPitchSemiTones",
  pitch_cents: "AudioPitchCents",
};
const LEVELER_KEYS: Record<string, string> = {
  enabled: "AudioDialogueLevelerEnabled",
  mode: "AudioDialogueLevelerMode",
  reduce_loud_dialogue: "AudioDialogueLevelerReduceLoudDialogue",
  lift_soft_dialogue: "AudioDialogueLevelerLiftSoftDialogue",
  background_reduction: "AudioDialogueLevelerBackgroundReduction",
  output_gain_db: "AudioDialogueLevelerOutputGain",
};
const audioInput = z.strictObject({
  volume_enabled: z.boolean().optional().describe("Turn the clip volume control on or off."),
  volume_db: z.number().min(-100).max(30).optional().describe("Clip volume in dB, -100 to +30."),
  pan_enabled: z.boolean().optional().describe("Turn the pan control on or off."),
  pan: z.number().min(-100).max(100).optional().describe("Pan, -100 (left) to 100 (right)."),
  pitch_enabled: z.boolean().optional().describe("Turn the pitch control on or off."),
  pitch_semitones: z.number().min(-24).max(24).optional().describe("Pitch shift in semitones."),
  pitch_cents: z.number().min(-100).max(100).optional().describe("Fine pitch shift in cents."),
  dialogue_leveler: z.strictObject({
    enabled: z.boolean().optional().describe("Turn the dialogue leveler on or off."),
    mode: z.enum(Object.keys(LEVELER_MODES) as [keyof typeof LEVELER_MODES]).optional()
      .describe("Leveler mode."),
    reduce_loud_dialogue: z.boolean().optional().describe("Reduce loud dialogue."),
    lift_soft_dialogue: z.boolean().optional().describe("Lift soft dialogue."),
    background_reduction: z.boolean().optional().describe("Reduce background sound."),
    output_gain_db: z.number().min(0).max(6).optional().describe("Output gain, 0-6 dB."),
  }).optional().describe(
    "Dialogue leveler (Studio; Resolve applies it only to items of the current timeline).",
  ),
}).describe(
  "Resolve 21.1+: an audio item's Inspector values, set in one all-or-nothing SetProperties (a refused value changes none of them). Omit to keep.",
);
/** The label of the audio SetProperties step (21.1+), reported as its keys. */
const AUDIO_STEP = "\u0000audio";
/** The label of the one SetProperties step (21.1+), reported as its keys. */
const DICT_STEP = "\u0000properties";

/** Property values as Resolve reports them, with enum numbers turned into names. */
export function readableProps(raw: unknown): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  if (typeof raw !== "object" || raw === null) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const names = (ENUMS as Record<string, readonly string[]>)[key];
    if (names && typeof value === "number") out[key] = names[value] ?? value;
    else if (typeof value === "number" || typeof value === "boolean") out[key] = value;
    else out[key] = String(value);
  }
  return out;
}

// -- get_item_properties ------------------------------------------------------------------

const itemInfoSchema = {
  id: z.string().describe("The item's unique id."),
  name: z.string().describe("Item name."),
  timeline: z.string().describe("Name of the timeline holding the item."),
  track_type: z.string().describe("video, audio or subtitle."),
  track_index: z.number().describe("1-based track index."),
  start_frame: z.number().describe("Absolute timeline frame of the first frame."),
  end_frame: z.number().describe("Absolute timeline frame one past the last frame."),
  duration: z.number().describe("Length in frames."),
  start_timecode: z.string().describe("Timeline timecode of the first frame."),
  end_timecode: z.string().describe("Timeline timecode one past the last frame."),
  source_start_frame: z.number().describe("First used frame of the source media."),
  source_end_frame: z.number().describe("End frame in the source media."),
  source_start_seconds: z.number().describe("Source in-point in seconds."),
  source_end_seconds: z.number().describe("Source out-point in seconds."),
  left_offset: z.number().describe("Frames the item can be extended at its head."),
  right_offset: z.number().describe("Frames the item can be extended at its tail."),
  enabled: z.boolean().describe("Whether the item is enabled."),
  clip_color: z.string().describe("Clip colour, empty when none."),
  flags: z.array(z.string()).describe("Flag colours."),
  properties: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).describe(
    "Inspector properties (Pan, ZoomX, CompositeMode...); constant-valued keys as names. Empty for audio items and transitions.",
  ),
  item_type: z.string().nullable().describe(
    "Resolve 21.1+: 'video', 'audio', 'generator' or 'transition' (TimelineItem.GetType); null before 21.1.",
  ),
  media_pool_item_id: z.string().nullable().describe(
    "Id of the backing media pool clip; null for generators, titles, transitions.",
  ),
  linked_item_ids: z.array(z.string()).describe("Ids of the items linked to this one."),
  color_group: z.string().nullable().describe("Name of the item's colour group, if any."),
  current_version: z.object({ name: z.string(), type: z.enum(["local", "remote"]) }).nullable()
    .describe("Active colour version (video items)."),
  takes_count: z.number().describe("Number of takes; 0 if not a take selector."),
  selected_take: z.number().describe("Selected take index (1-based); 0 if none."),
  fusion_comp_count: z.number().describe("Number of Fusion compositions."),
  color_output_cache: z.string().nullable().describe("Render cache colour output state."),
  fusion_output_cache: z.string().nullable().describe("Render cache Fusion output state."),
  voice_isolation: z.object({ enabled: z.boolean(), amount: z.number() }).nullable().describe(
    "Voice isolation of an audio item; null for other items.",
  ),
  audio_channel_mapping: z.string().nullable().describe(
    "Audio mapping as JSON text (see Resolve docs), null when none.",
  ),
  stereo: z.object({
    convergence: z.record(z.string(), z.unknown()),
    left_floating_window: z.record(z.string(), z.unknown()),
    right_floating_window: z.record(z.string(), z.unknown()),
  }).nullable().describe("Stereo 3D keyframes; null unless the item is stereo (Studio)."),
};

const ITEM_READS: [string, unknown[]?][] = [
  ["GetName"],
  ["GetUniqueId"],
  ["GetTrackTypeAndIndex"],
  ["GetStart"],
  ["GetEnd"],
  ["GetDuration"],
  ["GetSourceStartFrame"],
  ["GetSourceEndFrame"],
  ["GetSourceStartTime"],
  ["GetSourceEndTime"],
  ["GetLeftOffset"],
  ["GetRightOffset"],
  ["GetClipEnabled"],
  ["GetClipColor"],
  ["GetFlagList"],
  ["GetProperty"],
  ["GetMediaPoolItem"],
  ["GetLinkedItems"],
  ["GetColorGroup"],
  ["GetCurrentVersion"],
  ["GetTakesCount"],
  ["GetSelectedTakeIndex"],
  ["GetFusionCompCount"],
  ["GetIsColorOutputCacheEnabled"],
  ["GetIsFusionOutputCacheEnabled"],
  ["GetVoiceIsolationState"],
  ["GetSourceAudioChannelMapping"],
  ["GetStereoConvergenceValues"],
  ["GetStereoLeftFloatingWindowParams"],
  ["GetStereoRightFloatingWindowParams"],
];

async function readItem(
  resolve: ResolveSession,
  timeline: Handle,
  item: Handle,
  subframe: boolean,
) {
  const dictForm = await usesDictForms(resolve); // 21.1+: GetProperties, not GetProperty()
  const calls = ITEM_READS.map(([m, a]) =>
    call(
      item,
      m === "GetProperty" && dictForm ? "GetProperties" : m,
      ...["GetStart", "GetEnd", "GetDuration", "GetLeftOffset", "GetRightOffset"].includes(m)
        ? (subframe ? [true] : [])
        : a ?? [],
    )
  );
  const at = (m: string) => ITEM_READS.findIndex(([x]) => x === m);
  const results = await resolve.batch([
    ...calls,
    call(ref(at("GetMediaPoolItem")), "GetUniqueId"),
    call(ref(at("GetColorGroup")), "GetName"),
    call(timeline, "GetName"),
    ...(dictForm ? [call(item, "GetType")] : []),
  ]);
  const r = (m: string) => results[at(m)];
  const [clipId, groupName, tlName, itemType] = results.slice(calls.length);
  const linked = ((r("GetLinkedItems") as Handle[]) ?? []).filter(isHandle);
  const linkedIds = (await resolve.map(linked, [["GetUniqueId"]])).map(([x]) => String(x));
  const rate = await timelineRate(resolve, timeline);
  const [trackType, trackIndex] = (r("GetTrackTypeAndIndex") as [string, number]) ?? ["", 0];
  const version = r("GetCurrentVersion") as { versionName?: string; versionType?: number };
  const vi = r("GetVoiceIsolationState") as { isEnabled?: boolean; amount?: number };
  const dict = (v: unknown) =>
    (typeof v === "object" && v !== null ? v : {}) as Record<string, unknown>;
  const conv = dict(r("GetStereoConvergenceValues"));
  const start = num(r("GetStart"));
  const end = num(r("GetEnd"));
  return {
    id: String(r("GetUniqueId")),
    name: String(r("GetName") ?? ""),
    timeline: String(tlName),
    track_type: String(trackType),
    track_index: Number(trackIndex) || 0,
    start_frame: start,
    end_frame: end,
    duration: num(r("GetDuration")),
    start_timecode: framesToTimecode(Math.floor(start), rate),
    end_timecode: framesToTimecode(Math.floor(end), rate),
    source_start_frame: num(r("GetSourceStartFrame")),
    source_end_frame: num(r("GetSourceEndFrame")),
    source_start_seconds: num(r("GetSourceStartTime")),
    source_end_seconds: num(r("GetSourceEndTime")),
    left_offset: num(r("GetLeftOffset")),
    right_offset: num(r("GetRightOffset")),
    enabled: r("GetClipEnabled") === true,
    clip_color: String(r("GetClipColor") ?? ""),
    flags: ((r("GetFlagList") as string[]) ?? []).map(String),
    properties: readableProps(r("GetProperty")),
    item_type: typeof itemType === "string" && itemType ? itemType : null,
    media_pool_item_id: typeof clipId === "string" && clipId ? clipId : null,
    linked_item_ids: linkedIds,
    color_group: typeof groupName === "string" && groupName ? groupName : null,
    current_version: version && typeof version.versionName === "string"
      ? {
        name: version.versionName,
        type: (Number(version.versionType) === 1 ? "remote" : "local") as "local" | "remote",
      }
      : null,
    takes_count: num(r("GetTakesCount")),
    selected_take: num(r("GetSelectedTakeIndex")),
    fusion_comp_count: num(r("GetFusionCompCount")),
    color_output_cache: trackType === "video" ? cacheName(r("GetIsColorOutputCacheEnabled")) : null,
    fusion_output_cache: trackType === "video"
      ? cacheName(r("GetIsFusionOutputCacheEnabled"))
      : null,
    voice_isolation: vi && typeof vi.isEnabled === "boolean"
      ? { enabled: vi.isEnabled, amount: Number(vi.amount) || 0 }
      : null,
    audio_channel_mapping: typeof r("GetSourceAudioChannelMapping") === "string" &&
        r("GetSourceAudioChannelMapping")
      ? String(r("GetSourceAudioChannelMapping"))
      : null,
    stereo: Object.keys(conv).length
      ? {
        convergence: conv,
        left_floating_window: dict(r("GetStereoLeftFloatingWindowParams")),
        right_floating_window: dict(r("GetStereoRightFloatingWindowParams")),
      }
      : null,
  };
}

const ITEM_READ_METHODS = [
  ...ITEM_READS.map(([m]) => `TimelineItem.${m}`),
  "TimelineItem.GetProperties",
  "TimelineItem.GetType",
  "MediaPoolItem.GetUniqueId",
  "ColorGroup.GetName",
];

export const getItemProperties = defineTool({
  name: "get_item_properties",
  title: "Get timeline item properties",
  description:
    "Reads everything about one timeline item in one go: name, track, position (absolute frames and timecode), source range and offsets, enabled, clip colour, flags, Inspector properties (transform, crop, composite, retime, scaling; constant-valued ones by name), linked items, media pool clip, colour group and version, takes, Fusion comp count, render-cache states, voice isolation, audio mapping and stereo parameters.",
  toolset: "item",
  readOnly: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    subframe: z.boolean().optional().describe(
      "Report start/end/duration/offsets with sub-frame precision (fractional). Default: false.",
    ),
  }),
  output: () => itemInfoSchema,
  apiMethods: [...TIMELINE_LOOKUP, ...ITEM_READ_METHODS],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const data = await readItem(resolve, timeline, item, args.subframe ?? false);
    // Measured on 21.1.1: while any render runs, Resolve answers every item's properties empty.
    const empty = data.track_type === "video" && !Object.keys(data.properties).length;
    return {
      summary:
        `"${data.name}" on ${data.track_type} ${data.track_index} of "${data.timeline}", ${data.start_timecode}-${data.end_timecode} (${data.duration} frames).` +
        (empty
          ? " Resolve returned no Inspector properties: it does so while a render runs (21.1.1); read again after the render."
          : ""),
      data,
    };
  },
});

// -- set_item_properties ------------------------------------------------------------------

export const setItemProperties = defineTool({
  name: "set_item_properties",
  title: "Set timeline item properties",
  description:
    "Changes several things of one timeline item at once: Inspector properties (transform Pan/Tilt/ZoomX/ZoomY/ZoomGang/RotationAngle/AnchorPointX/Y/Pitch/Yaw/FlipX/Y, crop, composite mode and opacity, dynamic zoom ease, retime process, motion estimation, scaling, resize filter), name, enabled, clip colour, render-cache modes, voice isolation (audio items) and a data burn-in preset. Reads the values back: out-of-range values Resolve clipped are listed in `clipped`, and anything Resolve refused in `refused`.",
  toolset: "item",
  readOnly: false,
  idempotent: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    properties: propertiesInput.optional(),
    name: z.string().trim().min(1).max(255).regex(NO_CONTROL, "must not contain control characters")
      .optional().describe("New item name (EDL and ALE exports carry it). Omit to keep."),
    enabled: z.boolean().optional().describe("Enable (true) or disable (false) the item."),
    clip_color: z.enum(CLIP_COLORS).optional().describe(
      "Clip colour to set (set_item_flags clears it). Omit to keep.",
    ),
    color_output_cache: z.enum(["ENABLED", "DISABLED"]).optional().describe(
      "Render Cache Color Output for this item. Omit to keep.",
    ),
    fusion_output_cache: z.enum(["AUTO", "ENABLED", "DISABLED"]).optional().describe(
      "Render Cache Fusion Output for this item. Omit to keep.",
    ),
    voice_isolation: z.strictObject({
      enabled: z.boolean().describe("Turn voice isolation on or off."),
      amount: z.number().int().min(0).max(100).optional().describe("Strength 0-100."),
    }).optional().describe("Voice isolation of an audio item (Studio). Omit to keep."),
    audio: audioInput.optional(),
    burn_in_preset: z.string().min(1).max(255).optional().describe(
      "Name of a data burn-in preset to apply to this item. Omit to keep.",
    ),
  }),
  output: () => ({
    id: z.string().describe("The item's id."),
    properties: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).describe(
      "All Inspector properties after the change, constants by name.",
    ),
    changed: z.array(z.string()).describe("What was applied."),
    clipped: z.array(z.object({
      key: z.string(),
      requested: z.union([z.number(), z.boolean(), z.string()]),
      actual: z.union([z.number(), z.boolean(), z.string()]),
    })).describe("Properties Resolve stored with another value than requested (clipped)."),
    refused: z.array(z.string()).describe("Changes Resolve refused."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.SetProperty",
    "TimelineItem.GetProperty",
    "TimelineItem.SetProperties",
    "TimelineItem.GetProperties",
    "TimelineItem.SetName",
    "TimelineItem.SetClipEnabled",
    "TimelineItem.SetClipColor",
    "TimelineItem.SetColorOutputCache",
    "TimelineItem.SetFusionOutputCache",
    "TimelineItem.SetVoiceIsolationState",
    "TimelineItem.LoadBurnInPreset",
  ],
  async handler(args, { resolve }) {
    const { item, trackType } = await itemOf(resolve, args.timeline, args.item_id);
    const props = (args.properties ?? {}) as Props;
    const steps: { label: string; m: string; a: unknown[] }[] = [];
    // 21.1+: one all-or-nothing SetProperties dict; older versions: SetProperty per key.
    const dict = await usesDictForms(resolve);
    const propDict: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined) continue;
      const sent = key in ENUMS ? constant(String(value)) : value;
      if (dict) propDict[key] = sent;
      else steps.push({ label: key, m: "SetProperty", a: [key, sent] });
    }
    const dictKeys = Object.keys(propDict);
    if (dictKeys.length) steps.push({ label: DICT_STEP, m: "SetProperties", a: [propDict] });
    if (steps.length && trackType !== "video") {
      fail(
        "NOT_A_VIDEO_ITEM",
        `item ${args.item_id} is on a ${trackType} track; Inspector properties exist only for video items`,
        "Use an item of a video track (get_item_properties shows the track).",
      );
    }
    if (args.name !== undefined) steps.push({ label: "name", m: "SetName", a: [args.name] });
    if (args.enabled !== undefined) {
      steps.push({ label: "enabled", m: "SetClipEnabled", a: [args.enabled] });
    }
    if (args.clip_color) {
      steps.push({ label: "clip_color", m: "SetClipColor", a: [args.clip_color] });
    }
    if (args.color_output_cache) {
      steps.push({
        label: "color_output_cache",
        m: "SetColorOutputCache",
        a: [cacheConstant(args.color_output_cache)],
      });
    }
    if (args.fusion_output_cache) {
      steps.push({
        label: "fusion_output_cache",
        m: "SetFusionOutputCache",
        a: [cacheConstant(args.fusion_output_cache)],
      });
    }
    if (args.voice_isolation) {
      const state: Record<string, unknown> = { isEnabled: args.voice_isolation.enabled };
      if (args.voice_isolation.amount !== undefined) state.amount = args.voice_isolation.amount;
      steps.push({ label: "voice_isolation", m: "SetVoiceIsolationState", a: [state] });
    }
    const audioDict: Record<string, unknown> = {};
    if (args.audio) {
      if (trackType !== "audio") {
        fail(
          "NOT_AN_AUDIO_ITEM",
          `item ${args.item_id} is on a ${trackType} track; audio properties exist only for audio items`,
          "Use the linked item on an audio track (get_item_properties lists linked_item_ids).",
        );
      }
      if (!dict) {
        fail(
          "VERSION_UNSUPPORTED",
          "audio item properties need DaVinci Resolve 21.1 or newer",
          "Update Resolve, or use set_voice_isolation / the Fairlight tools.",
        );
      }
      const { dialogue_leveler, ...plain } = args.audio;
      for (const [k, v] of Object.entries(plain)) if (v !== undefined) audioDict[AUDIO_KEYS[k]] = v;
      for (const [k, v] of Object.entries(dialogue_leveler ?? {})) {
        if (v === undefined) continue;
        audioDict[LEVELER_KEYS[k]] = k === "mode"
          ? constant(LEVELER_MODES[v as keyof typeof LEVELER_MODES])
          : v;
      }
      if (Object.keys(audioDict).length) {
        steps.push({ label: AUDIO_STEP, m: "SetProperties", a: [audioDict] });
      }
    }
    if (args.burn_in_preset) {
      steps.push({ label: "burn_in_preset", m: "LoadBurnInPreset", a: [args.burn_in_preset] });
    }
    if (!steps.length) {
      fail(
        "NOTHING_TO_CHANGE",
        "no change was given",
        "Pass properties and/or name, enabled, clip_color, caches, voice_isolation, burn_in_preset.",
      );
    }
    const results = await resolve.batch([
      ...steps.map((s) => call(item, s.m, ...s.a)),
      call(item, dict ? "GetProperties" : "GetProperty"),
    ]);
    const after = readableProps(results[steps.length]);
    const labels = (s: { label: string }) =>
      s.label === DICT_STEP
        ? dictKeys
        : s.label === AUDIO_STEP
        ? Object.keys(audioDict)
        : [s.label];
    const refused = steps.filter((_, i) => results[i] !== true).flatMap(labels);
    const changed = steps.filter((_, i) => results[i] === true).flatMap(labels);
    const clipped = Object.entries(props).flatMap(([key, requested]) => {
      if (requested === undefined || refused.includes(key)) return [];
      const actual = after[key];
      if (actual === undefined) return [];
      const same = typeof requested === "number"
        ? Math.abs(Number(actual) - requested) < 1e-6
        : actual === requested;
      return same ? [] : [{ key, requested, actual }];
    });
    if (changed.length === 0) {
      fail(
        "CHANGE_REFUSED",
        `Resolve refused every change: ${refused.join(", ")}`,
        "Check the values (clip colours, preset names, voice isolation is for audio items on Studio) and the item type.",
      );
    }
    return {
      summary: `Applied ${changed.join(", ")}` +
        (clipped.length ? `; clipped ${clipped.map((c) => c.key).join(", ")}` : "") +
        (refused.length ? `; refused ${refused.join(", ")}` : "") + ".",
      data: { id: args.item_id, properties: after, changed, clipped, refused },
    };
  },
});

// -- flags and clip colour ----------------------------------------------------------------

export const setItemFlags = defineTool({
  name: "set_item_flags",
  title: "Add or clear item flags and clip colour",
  description:
    "Adds flags to a timeline item, clears flags (by colour or All) and/or clears its clip colour. Clearing needs confirmation and saves a timeline checkpoint first (its checkpoint_id is returned; restore_checkpoint brings the flags and colour back). Returns the flags and clip colour afterwards. To set a clip colour use set_item_properties.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    add: z.array(z.enum(MARKER_COLORS)).max(16).optional().describe("Flag colours to add."),
    clear: z.array(z.enum([...MARKER_COLORS, "All"])).max(17).optional().describe(
      "Flag colours to clear; 'All' clears every flag.",
    ),
    clear_clip_color: z.boolean().optional().describe("Remove the clip colour. Default: false."),
  }),
  output: () => ({
    flags: z.array(z.string()).describe("Flags after the change."),
    clip_color: z.string().describe("Clip colour after the change, empty when none."),
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    ...CHECKPOINT_API,
    "TimelineItem.AddFlag",
    "TimelineItem.ClearFlags",
    "TimelineItem.ClearClipColor",
    "TimelineItem.GetFlagList",
    "TimelineItem.GetClipColor",
  ],
  async handler(args, ctx) {
    const add = args.add ?? [];
    const clear = args.clear ?? [];
    if (!add.length && !clear.length && !args.clear_clip_color) {
      fail("NOTHING_TO_CHANGE", "give add, clear or clear_clip_color");
    }
    const { item, timeline } = await itemOf(ctx.resolve, args.timeline, args.item_id);
    let checkpoint_id: string | null = null;
    if (clear.length || args.clear_clip_color) {
      await ctx.confirm(
        `Clear ${
          [
            clear.length ? `flags ${clear.join(", ")}` : "",
            args.clear_clip_color ? "clip colour" : "",
          ]
            .filter(Boolean).join(" and ")
        } of item ${args.item_id}?`,
      );
      ({ checkpoint_id } = await saveCheckpoint(ctx, "set_item_flags", args, { timeline }));
    }
    const calls = [
      ...clear.map((c) => call(item, "ClearFlags", c)),
      ...(args.clear_clip_color ? [call(item, "ClearClipColor")] : []),
      ...add.map((c) => call(item, "AddFlag", c)),
    ];
    const results = await ctx.resolve.batch([
      ...calls,
      call(item, "GetFlagList"),
      call(item, "GetClipColor"),
    ]);
    const refused = calls.filter((_, i) => results[i] !== true).map((c) => `${c.m}(${c.a})`);
    const flags = ((results[calls.length] as string[]) ?? []).map(String);
    const color = String(results[calls.length + 1] ?? "");
    const refusedAdds = refused.filter((r) => r.startsWith("AddFlag"));
    if (refusedAdds.length) {
      fail("FLAG_REFUSED", `Resolve refused: ${refusedAdds.join(", ")}`);
    }
    return {
      summary: `Flags now ${flags.join(", ") || "none"}; clip colour ${color || "none"}.`,
      data: { flags, clip_color: color, checkpoint_id },
    };
  },
});
