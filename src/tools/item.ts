// Toolset "item": Timeline items: transform, crop, composite, retime, stabilisation, enable, colour, flags, markers, takes, Fusion comps, versions.
import { z } from "zod";
import { fail } from "../errors.ts";
import { framesToTimecode, timecodeToFrames } from "../timecode.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import {
  CLIP_COLORS,
  MARKER_COLORS,
  markerNameInput,
  markerNoteInput,
  needExtension,
  NO_CONTROL,
  outputFile,
  someNames,
} from "./shared.ts";
import {
  cacheConstant,
  cacheName,
  call,
  constant,
  findClip,
  type Handle,
  isHandle,
  ITEM_LOOKUP_METHODS,
  itemIdInput,
  itemOf,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
  type ResolveSession,
  timelineRate,
  timelineRefInput,
} from "../resolve/index.ts";

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
}).describe(
  "Inspector properties to set, by their Resolve key; omitted keys keep their value. Constant-valued keys take the constant's name.",
);

type Props = z.infer<typeof propertiesInput>;

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

const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

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
  const calls = ITEM_READS.map(([m, a]) =>
    call(
      item,
      m,
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
  ]);
  const r = (m: string) => results[at(m)];
  const [clipId, groupName, tlName] = results.slice(calls.length);
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
  "MediaPoolItem.GetUniqueId",
  "ColorGroup.GetName",
];
const TIMELINE_LOOKUP = ITEM_LOOKUP_METHODS;

const getItemProperties = defineTool({
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
    return {
      summary:
        `"${data.name}" on ${data.track_type} ${data.track_index} of "${data.timeline}", ${data.start_timecode}-${data.end_timecode} (${data.duration} frames).`,
      data,
    };
  },
});

// -- set_item_properties ------------------------------------------------------------------

const setItemProperties = defineTool({
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
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined) continue;
      const sent = key in ENUMS ? constant(String(value)) : value;
      steps.push({ label: key, m: "SetProperty", a: [key, sent] });
    }
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
      call(item, "GetProperty"),
    ]);
    const after = readableProps(results[steps.length]);
    const refused = steps.filter((_, i) => results[i] !== true).map((s) => s.label);
    const changed = steps.filter((_, i) => results[i] === true).map((s) => s.label);
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

const setItemFlags = defineTool({
  name: "set_item_flags",
  title: "Add or clear item flags and clip colour",
  description:
    "Adds flags to a timeline item, clears flags (by colour or All) and/or clears its clip colour. Clearing needs confirmation. Returns the flags and clip colour afterwards. To set a clip colour use set_item_properties.",
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
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
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
    const { item } = await itemOf(ctx.resolve, args.timeline, args.item_id);
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
      data: { flags, clip_color: color },
    };
  },
});

// -- item markers -------------------------------------------------------------------------

const markerSchema = z.object({
  frame: z.number().describe("Offset from the item's first frame."),
  timecode: z.string().describe("Timeline timecode of the marker."),
  color: z.string(),
  name: z.string(),
  note: z.string(),
  duration: z.number(),
  custom_data: z.string(),
});

const markerTime = {
  frame: z.number().int().min(0).max(10_000_000).optional().describe(
    "Frame offset from the item's first frame (0 = first frame of the item). Give frame or timecode.",
  ),
  timecode: z.string().max(16).optional().describe(
    "Timeline timecode HH:MM:SS:FF within the item, converted with the timeline's rate. Give frame or timecode.",
  ),
};

async function itemOffset(
  resolve: ResolveSession,
  timeline: Handle,
  item: Handle,
  args: { frame?: number; timecode?: string },
): Promise<{ offset: number; start: number; duration: number }> {
  const [start, duration] = (await resolve.batch([
    call(item, "GetStart"),
    call(item, "GetDuration"),
  ])).map(num);
  if ((args.frame === undefined) === (args.timecode === undefined)) {
    fail("INVALID_ARGUMENTS", "give exactly one of frame or timecode");
  }
  let offset = args.frame!;
  if (args.timecode !== undefined) {
    const rate = await timelineRate(resolve, timeline);
    const abs = timecodeToFrames(args.timecode, rate);
    if (abs === undefined) {
      fail(
        "INVALID_TIMECODE",
        `"${args.timecode}" is not a valid timecode at ${rate.fps} fps`,
        "Use HH:MM:SS:FF with FF below the frame rate.",
      );
    }
    offset = abs - start;
  }
  if (offset < 0 || offset >= duration) {
    fail(
      "OUTSIDE_ITEM",
      `that time is outside the item (it spans offsets 0-${duration - 1})`,
      "Give a frame offset inside the item, or a timecode between its start and end (get_item_properties).",
    );
  }
  return { offset, start, duration };
}

function markerRows(
  raw: unknown,
  start: number,
  rate: Parameters<typeof framesToTimecode>[1],
) {
  return Object.entries((raw ?? {}) as Record<string, Record<string, unknown>>)
    .map(([frame, m]) => ({
      frame: Number(frame),
      timecode: framesToTimecode(start + Math.floor(Number(frame)), rate),
      color: String(m.color ?? ""),
      name: String(m.name ?? ""),
      note: String(m.note ?? ""),
      duration: Number(m.duration) || 1,
      custom_data: String(m.customData ?? ""),
    }))
    .sort((a, b) => a.frame - b.frame);
}

const addItemMarker = defineTool({
  name: "add_item_marker",
  title: "Add item marker",
  description:
    "Adds a marker to a timeline item, at a frame offset within the item or at a timeline timecode inside it. One marker per frame.",
  toolset: "item",
  readOnly: false,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    ...markerTime,
    color: z.enum(MARKER_COLORS).describe("Marker colour."),
    name: markerNameInput("Marker name, one line. Default: empty."),
    note: markerNoteInput("Marker note. Default: empty."),
    duration: z.number().int().min(1).max(10_000_000).optional().describe(
      "Length in frames. Default: 1.",
    ),
    custom_data: z.string().max(10000).optional().describe(
      "Free-form data stored with the marker. Default: empty.",
    ),
  }),
  output: () => markerSchema.shape,
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetDuration",
    "TimelineItem.GetMarkers",
    "TimelineItem.AddMarker",
  ],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const { offset, start } = await itemOffset(resolve, timeline, item, args);
    const rate = await timelineRate(resolve, timeline);
    const markers = await resolve.call(item, "GetMarkers") as Record<string, unknown>;
    if (Object.keys(markers ?? {}).map(Number).includes(offset)) {
      fail(
        "MARKER_EXISTS",
        `offset ${offset} of the item already has a marker`,
        "Choose another frame, or delete_item_markers first.",
      );
    }
    const m = {
      color: args.color,
      name: args.name ?? "",
      note: args.note ?? "",
      duration: args.duration ?? 1,
      custom_data: args.custom_data ?? "",
    };
    const ok = await resolve.call(
      item,
      "AddMarker",
      offset,
      m.color,
      m.name,
      m.note,
      m.duration,
      m.custom_data,
    );
    if (ok !== true) {
      fail(
        "MARKER_REFUSED",
        `Resolve refused a marker at offset ${offset}`,
        "The duration may run past the item's end; use a shorter duration.",
      );
    }
    const timecode = framesToTimecode(start + offset, rate);
    return {
      summary: `Added a ${m.color} marker at ${timecode} (item offset ${offset}).`,
      data: { frame: offset, timecode, ...m },
    };
  },
});

const listItemMarkers = defineTool({
  name: "list_item_markers",
  title: "List item markers",
  description:
    "Lists the markers of a timeline item (offsets within the item and timeline timecodes), a page at a time; or finds the first marker with given custom data.",
  toolset: "item",
  readOnly: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    custom_data: z.string().max(10000).optional().describe(
      "Only the first marker whose custom data equals this. Omit to list all.",
    ),
    ...pageInput,
  }),
  output: () => ({
    markers: z.array(markerSchema).describe("Markers in this page."),
    ...pageOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetMarkers",
    "TimelineItem.GetMarkerByCustomData",
  ],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const rate = await timelineRate(resolve, timeline);
    const [start, all] = await resolve.batch([
      call(item, "GetStart"),
      call(item, "GetMarkers"),
    ]);
    let rows = markerRows(all, num(start), rate);
    if (args.custom_data !== undefined) {
      const hit = await resolve.call(item, "GetMarkerByCustomData", args.custom_data) as Record<
        string,
        unknown
      >;
      rows = hit && Object.keys(hit).length
        ? rows.filter((r) => r.custom_data === args.custom_data).slice(0, 1)
        : [];
    }
    const w = pageWindow(rows.length, args.cursor, args.limit);
    return {
      summary: `${rows.length} marker(s); showing ${w.end - w.offset}.`,
      data: { markers: rows.slice(w.offset, w.end), total: w.total, next_cursor: w.next_cursor },
    };
  },
});

const updateItemMarker = defineTool({
  name: "update_item_marker",
  title: "Update item marker custom data",
  description:
    "Replaces the custom data of the marker at a frame offset (or timeline timecode) of a timeline item, and returns the stored value.",
  toolset: "item",
  readOnly: false,
  idempotent: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    ...markerTime,
    custom_data: z.string().max(10000).describe("The new custom data."),
  }),
  output: () => ({
    frame: z.number().describe("Marker offset within the item."),
    custom_data: z.string().describe("Custom data stored now."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetDuration",
    "TimelineItem.UpdateMarkerCustomData",
    "TimelineItem.GetMarkerCustomData",
  ],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    const { offset } = await itemOffset(resolve, timeline, item, args);
    const [ok, stored] = await resolve.batch([
      call(item, "UpdateMarkerCustomData", offset, args.custom_data),
      call(item, "GetMarkerCustomData", offset),
    ]);
    if (ok !== true) {
      fail(
        "MARKER_NOT_FOUND",
        `no marker at offset ${offset} of item ${args.item_id}`,
        "list_item_markers shows the markers and their offsets.",
      );
    }
    return {
      summary: `Updated the custom data of the marker at offset ${offset}.`,
      data: { frame: offset, custom_data: String(stored ?? "") },
    };
  },
});

const deleteItemMarkers = defineTool({
  name: "delete_item_markers",
  title: "Delete item markers",
  description:
    "Deletes markers of a timeline item: the one at a frame offset/timecode, every marker of a colour (or 'All'), or the first with given custom data. Needs confirmation.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    ...markerTime,
    color: z.enum([...MARKER_COLORS, "All"]).optional().describe(
      "Delete every marker of this colour; 'All' deletes all markers.",
    ),
    custom_data: z.string().max(10000).optional().describe(
      "Delete the first marker with this custom data.",
    ),
  }),
  output: () => ({
    deleted: z.number().describe("Number of markers deleted."),
    remaining: z.number().describe("Markers left on the item."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetStart",
    "TimelineItem.GetDuration",
    "TimelineItem.GetMarkers",
    "TimelineItem.DeleteMarkerAtFrame",
    "TimelineItem.DeleteMarkersByColor",
    "TimelineItem.DeleteMarkerByCustomData",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const byTime = args.frame !== undefined || args.timecode !== undefined;
    const ways = [byTime, args.color !== undefined, args.custom_data !== undefined];
    if (ways.filter(Boolean).length !== 1) {
      fail(
        "INVALID_ARGUMENTS",
        "give exactly one of frame/timecode, color or custom_data",
      );
    }
    const { timeline, item } = await itemOf(resolve, args.timeline, args.item_id);
    let op: { m: string; a: unknown[] };
    let what: string;
    if (byTime) {
      const { offset } = await itemOffset(resolve, timeline, item, args);
      op = { m: "DeleteMarkerAtFrame", a: [offset] };
      what = `the marker at offset ${offset}`;
    } else if (args.color) {
      op = { m: "DeleteMarkersByColor", a: [args.color] };
      what = args.color === "All" ? "all markers" : `all ${args.color} markers`;
    } else {
      op = { m: "DeleteMarkerByCustomData", a: [args.custom_data] };
      what = `the marker with custom data "${args.custom_data}"`;
    }
    const before = Object.keys(
      (await resolve.call(item, "GetMarkers") ?? {}) as Record<string, unknown>,
    ).length;
    await ctx.confirm(`Delete ${what} of item ${args.item_id}?`);
    const [ok, after] = await resolve.batch([
      call(item, op.m, ...op.a),
      call(item, "GetMarkers"),
    ]);
    const remaining = Object.keys((after ?? {}) as Record<string, unknown>).length;
    if (ok !== true && remaining === before) {
      fail(
        "MARKER_NOT_FOUND",
        `no marker matched (${what})`,
        "list_item_markers shows the item's markers.",
      );
    }
    return {
      summary: `Deleted ${before - remaining} marker(s); ${remaining} left.`,
      data: { deleted: before - remaining, remaining },
    };
  },
});

// -- takes --------------------------------------------------------------------------------

const takeSchema = z.object({
  index: z.number().describe("1-based take index."),
  clip_id: z.string().nullable().describe("Media pool clip of the take."),
  clip_name: z.string().nullable().describe("Name of that clip."),
  start_frame: z.number().describe("Source start frame."),
  end_frame: z.number().describe("Source end frame."),
  selected: z.boolean().describe("Whether this take is the selected one."),
});

async function readTakes(resolve: ResolveSession, item: Handle) {
  const [count, selected] = (await resolve.batch([
    call(item, "GetTakesCount"),
    call(item, "GetSelectedTakeIndex"),
  ])).map(num);
  const takes = await resolve.batch(
    Array.from({ length: count }, (_, i) => call(item, "GetTakeByIndex", i + 1)),
  ) as { startFrame?: number; endFrame?: number; mediaPoolItem?: Handle }[];
  const clips = takes.map((t) => t?.mediaPoolItem).filter(isHandle);
  const names = await resolve.map(clips, [["GetUniqueId"], ["GetName"]]);
  let c = 0;
  return {
    selected,
    takes: takes.map((t, i) => {
      const row = isHandle(t?.mediaPoolItem) ? names[c++] : null;
      return {
        index: i + 1,
        clip_id: row ? String(row[0]) : null,
        clip_name: row ? String(row[1]) : null,
        start_frame: num(t?.startFrame),
        end_frame: num(t?.endFrame),
        selected: i + 1 === selected,
      };
    }),
  };
}

const listItemTakes = defineTool({
  name: "list_item_takes",
  title: "List item takes",
  description:
    "Lists the takes of a take-selector timeline item (clip, source range, which one is selected). An item that is not a take selector has none.",
  toolset: "item",
  readOnly: true,
  input: () => ({ item_id: itemIdInput, timeline: timelineRefInput }),
  output: () => ({
    selected: z.number().describe("Selected take index; 0 when not a take selector."),
    takes: z.array(takeSchema).describe("The takes."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetTakesCount",
    "TimelineItem.GetSelectedTakeIndex",
    "TimelineItem.GetTakeByIndex",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetName",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const data = await readTakes(resolve, item);
    return {
      summary: data.takes.length
        ? `${data.takes.length} take(s); take ${data.selected} selected.`
        : "The item is not a take selector (no takes).",
      data,
    };
  },
});

const manageItemTakes = defineTool({
  name: "manage_item_takes",
  title: "Add, select, delete or finalize takes",
  description:
    "Changes the takes of a timeline item: 'add' a media pool clip as a take (makes the item a take selector; optional source frame range), 'select' a take by index, 'delete' a take (not the selected one; needs confirmation) or 'finalize' (keeps the selected take and removes the others; needs confirmation). Returns the takes afterwards.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum(["add", "select", "delete", "finalize"]).describe("What to do."),
    clip: z.string().min(1).max(4096).optional().describe(
      "For add: the media pool clip (id, bin path like 'Master/Dailies/shot.mov', or unique name).",
    ),
    start_frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "For add: first source frame. Default: the clip's start. Give with end_frame.",
    ),
    end_frame: z.number().int().min(1).max(100_000_000).optional().describe(
      "For add: end source frame. Default: the clip's end. Give with start_frame.",
    ),
    index: z.number().int().min(1).max(1000).optional().describe(
      "For select/delete: the 1-based take index (list_item_takes).",
    ),
  }),
  output: () => ({
    selected: z.number().describe("Selected take index after the change; 0 when none."),
    takes: z.array(takeSchema).describe("The takes after the change."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "TimelineItem.AddTake",
    "TimelineItem.SelectTakeByIndex",
    "TimelineItem.DeleteTakeByIndex",
    "TimelineItem.FinalizeTake",
    "TimelineItem.GetTakesCount",
    "TimelineItem.GetSelectedTakeIndex",
    "TimelineItem.GetTakeByIndex",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { project, item } = await itemOf(resolve, args.timeline, args.item_id);
    const before = await readTakes(resolve, item);
    let ok: unknown;
    if (args.action === "add") {
      if (!args.clip) fail("INVALID_ARGUMENTS", "add needs clip");
      if ((args.start_frame === undefined) !== (args.end_frame === undefined)) {
        fail("INVALID_ARGUMENTS", "start_frame and end_frame go together");
      }
      const pool = await resolve.call(project, "GetMediaPool") as Handle;
      const { clip } = await findClip(resolve, pool, args.clip);
      const range = args.start_frame !== undefined ? [args.start_frame, args.end_frame] : [];
      ok = await resolve.call(item, "AddTake", clip, ...range);
    } else if (args.action === "finalize") {
      if (!before.takes.length) {
        fail("NOT_A_TAKE_SELECTOR", "the item has no takes to finalize", "Add takes first.");
      }
      await ctx.confirm(
        `Finalize take ${before.selected} of item ${args.item_id} and remove the other ${
          before.takes.length - 1
        } take(s)?`,
      );
      ok = await resolve.call(item, "FinalizeTake");
    } else {
      if (args.index === undefined) fail("INVALID_ARGUMENTS", `${args.action} needs index`);
      if (args.index > before.takes.length) {
        fail(
          "TAKE_NOT_FOUND",
          `the item has ${before.takes.length} take(s); there is no take ${args.index}`,
          "list_item_takes shows the takes.",
        );
      }
      if (args.action === "delete") {
        if (args.index === before.selected) {
          fail(
            "TAKE_SELECTED",
            `take ${args.index} is the selected take and cannot be deleted`,
            "Select another take first (manage_item_takes action select).",
          );
        }
        await ctx.confirm(`Delete take ${args.index} of item ${args.item_id}?`);
        ok = await resolve.call(item, "DeleteTakeByIndex", args.index);
      } else {
        ok = await resolve.call(item, "SelectTakeByIndex", args.index);
      }
    }
    if (ok !== true) {
      fail(
        "TAKE_REFUSED",
        `Resolve refused to ${args.action} the take`,
        args.action === "add"
          ? "The item must be a media clip and the frame range inside the new clip."
          : "Check list_item_takes.",
      );
    }
    const data = await readTakes(resolve, item);
    return {
      summary: `${args.action} done: ${data.takes.length} take(s), take ${data.selected} selected.`,
      data,
    };
  },
});

// -- Fusion comps -------------------------------------------------------------------------

const listFusionComps = defineTool({
  name: "list_fusion_comps",
  title: "List Fusion compositions",
  description:
    "Lists the Fusion compositions of a timeline item by name, in index order (1-based).",
  toolset: "item",
  readOnly: true,
  input: () => ({ item_id: itemIdInput, timeline: timelineRefInput }),
  output: () => ({
    count: z.number().describe("Number of compositions."),
    comps: z.array(z.object({ index: z.number(), name: z.string() })).describe(
      "Compositions in index order.",
    ),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetFusionCompCount",
    "TimelineItem.GetFusionCompNameList",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const [count, names] = await resolve.batch([
      call(item, "GetFusionCompCount"),
      call(item, "GetFusionCompNameList"),
    ]);
    const comps = ((names as string[]) ?? []).map((name, i) => ({ index: i + 1, name }));
    return {
      summary: `${num(count)} Fusion composition(s)` +
        (comps.length ? `: ${comps.map((c) => c.name).join(", ")}.` : "."),
      data: { count: num(count), comps },
    };
  },
});

const manageFusionComps = defineTool({
  name: "manage_fusion_comps",
  title: "Add, import, export, rename, load or delete Fusion compositions",
  description:
    "Works on the Fusion compositions of a timeline item: 'add' an empty one, 'import' a .comp file, 'export' one (by name or index) to a .comp file (overwriting needs confirmation), 'rename', 'load' (make active) or 'delete' (needs confirmation). Returns the compositions afterwards.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum(["add", "import", "export", "rename", "load", "delete"]).describe(
      "What to do.",
    ),
    name: z.string().min(1).max(255).optional().describe(
      "The composition's name (export/rename/load/delete). For export, or give index.",
    ),
    index: z.number().int().min(1).max(1000).optional().describe(
      "For export: the 1-based composition index instead of name.",
    ),
    new_name: z.string().trim().min(1).max(255).optional().describe("For rename: the new name."),
    path: z.string().min(1).max(4096).optional().describe(
      "For import: the .comp file to read; for export: the .comp file to write (absolute).",
    ),
  }),
  output: () => ({
    comps: z.array(z.object({ index: z.number(), name: z.string() })).describe(
      "Compositions after the change.",
    ),
    path: z.string().nullable().describe("File read or written, if any."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetFusionCompNameList",
    "TimelineItem.GetFusionCompByName",
    "TimelineItem.GetFusionCompByIndex",
    "TimelineItem.AddFusionComp",
    "TimelineItem.ImportFusionComp",
    "TimelineItem.ExportFusionComp",
    "TimelineItem.RenameFusionCompByName",
    "TimelineItem.LoadFusionCompByName",
    "TimelineItem.DeleteFusionCompByName",
  ],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const names = (await resolve.call(item, "GetFusionCompNameList") as string[]) ?? [];
    const need = <T>(v: T | undefined, what: string): T =>
      v ?? fail("INVALID_ARGUMENTS", `${args.action} needs ${what}`);
    const existing = (name: string) => {
      if (!names.includes(name)) {
        fail(
          "COMP_NOT_FOUND",
          `the item has no Fusion composition "${name}"`,
          `Compositions: ${someNames(names)} (list_fusion_comps).`,
        );
      }
    };
    let ok: unknown;
    let path: string | null = null;
    switch (args.action) {
      case "add":
        ok = isHandle(await resolve.call(item, "AddFusionComp"));
        break;
      case "import": {
        const [checked] = await paths.checkRead([need(args.path, "path")]);
        if (!checked.exists || checked.isDir) {
          fail("FILE_NOT_FOUND", `${args.path} does not exist or is a folder`);
        }
        path = checked.path;
        ok = isHandle(await resolve.call(item, "ImportFusionComp", path));
        break;
      }
      case "export": {
        let index = args.index;
        if (args.name !== undefined) {
          existing(args.name);
          index = names.indexOf(args.name) + 1;
        }
        index = need(index, "name or index");
        if (index > names.length) {
          fail("COMP_NOT_FOUND", `there is no composition ${index} (the item has ${names.length})`);
        }
        needExtension(need(args.path, "path"), ["comp"], "a Fusion composition");
        const out = await outputFile(ctx, args.path!);
        path = out.path;
        const [comp, done] = await resolve.batch([
          call(item, "GetFusionCompByIndex", index),
          call(item, "ExportFusionComp", path, index),
        ]);
        await out.landed();
        ok = isHandle(comp) && done === true;
        break;
      }
      case "rename":
        existing(need(args.name, "name"));
        if (names.includes(need(args.new_name, "new_name")) && args.new_name !== args.name) {
          fail("COMP_EXISTS", `a composition named "${args.new_name}" already exists`);
        }
        ok = await resolve.call(item, "RenameFusionCompByName", args.name, args.new_name);
        break;
      case "load":
        existing(need(args.name, "name"));
        ok = isHandle(await resolve.call(item, "LoadFusionCompByName", args.name));
        break;
      case "delete": {
        existing(need(args.name, "name"));
        await ctx.confirm(
          `Delete the Fusion composition "${args.name}" of item ${args.item_id}?`,
        );
        const [comp, done] = await resolve.batch([
          call(item, "GetFusionCompByName", args.name),
          call(item, "DeleteFusionCompByName", args.name),
        ]);
        ok = isHandle(comp) && done === true;
        break;
      }
    }
    if (ok !== true) {
      fail(
        "COMP_REFUSED",
        `Resolve refused to ${args.action} the Fusion composition`,
        args.action === "import"
          ? "Check that the file is a valid Fusion .comp file."
          : "Fusion compositions exist on video items only; check the item and names (list_fusion_comps).",
      );
    }
    const after = (await resolve.call(item, "GetFusionCompNameList") as string[]) ?? [];
    return {
      summary: `${args.action} done; the item has ${after.length} composition(s).`,
      data: { comps: after.map((name, i) => ({ index: i + 1, name })), path },
    };
  },
});

// -- colour versions ----------------------------------------------------------------------

const VERSION_TYPES = { local: 0, remote: 1 } as const;

async function readVersions(resolve: ResolveSession, item: Handle) {
  const [local, remote, current] = await resolve.batch([
    call(item, "GetVersionNameList", 0),
    call(item, "GetVersionNameList", 1),
    call(item, "GetCurrentVersion"),
  ]);
  const cur = current as { versionName?: string; versionType?: number } | null;
  return {
    local: ((local as string[]) ?? []).map(String),
    remote: ((remote as string[]) ?? []).map(String),
    current: cur && typeof cur.versionName === "string"
      ? {
        name: cur.versionName,
        type: (Number(cur.versionType) === 1 ? "remote" : "local") as "local" | "remote",
      }
      : null,
  };
}

const versionsOutput = {
  local: z.array(z.string()).describe("Local colour version names."),
  remote: z.array(z.string()).describe("Remote colour version names."),
  current: z.object({ name: z.string(), type: z.enum(["local", "remote"]) }).nullable()
    .describe("The active version."),
};

const listColorVersions = defineTool({
  name: "list_color_versions",
  title: "List colour versions",
  description:
    "Lists the local and remote colour (grade) versions of a video timeline item and which one is active.",
  toolset: "item",
  readOnly: true,
  input: () => ({ item_id: itemIdInput, timeline: timelineRefInput }),
  output: () => versionsOutput,
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetVersionNameList",
    "TimelineItem.GetCurrentVersion",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const data = await readVersions(resolve, item);
    return {
      summary: `${data.local.length} local, ${data.remote.length} remote version(s); active: ${
        data.current?.name ?? "none"
      }.`,
      data,
    };
  },
});

const manageColorVersions = defineTool({
  name: "manage_color_versions",
  title: "Add, load, rename or delete colour versions",
  description:
    "Changes the colour versions of a video timeline item: 'add' a new version (it becomes active), 'load' (activate), 'rename', or 'delete' (not the active one; needs confirmation). Returns the versions afterwards.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum(["add", "load", "rename", "delete"]).describe("What to do."),
    name: z.string().trim().min(1).max(255).describe("The version's name."),
    type: z.enum(["local", "remote"]).optional().describe("Version type. Default: local."),
    new_name: z.string().trim().min(1).max(255).optional().describe("For rename: the new name."),
  }),
  output: () => versionsOutput,
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetVersionNameList",
    "TimelineItem.GetCurrentVersion",
    "TimelineItem.AddVersion",
    "TimelineItem.LoadVersionByName",
    "TimelineItem.RenameVersionByName",
    "TimelineItem.DeleteVersionByName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { item, trackType } = await itemOf(resolve, args.timeline, args.item_id);
    if (trackType !== "video") {
      fail("NOT_A_VIDEO_ITEM", "colour versions exist on video items only");
    }
    const typeName = args.type ?? "local";
    const type = VERSION_TYPES[typeName];
    const before = await readVersions(resolve, item);
    const names = before[typeName];
    if (args.action === "add" && names.includes(args.name)) {
      fail("VERSION_EXISTS", `a ${typeName} version "${args.name}" already exists`);
    }
    if (args.action !== "add" && !names.includes(args.name)) {
      fail(
        "VERSION_NOT_FOUND",
        `no ${typeName} version "${args.name}"`,
        `${typeName} versions: ${someNames(names)}.`,
      );
    }
    let ok: unknown;
    if (args.action === "add") ok = await resolve.call(item, "AddVersion", args.name, type);
    if (args.action === "load") ok = await resolve.call(item, "LoadVersionByName", args.name, type);
    if (args.action === "rename") {
      if (!args.new_name) fail("INVALID_ARGUMENTS", "rename needs new_name");
      if (names.includes(args.new_name)) {
        fail("VERSION_EXISTS", `a ${typeName} version "${args.new_name}" already exists`);
      }
      ok = await resolve.call(item, "RenameVersionByName", args.name, args.new_name, type);
    }
    if (args.action === "delete") {
      if (before.current?.name === args.name && before.current.type === typeName) {
        fail(
          "VERSION_ACTIVE",
          `"${args.name}" is the active version and cannot be deleted`,
          "Load another version first (manage_color_versions action load).",
        );
      }
      await ctx.confirm(`Delete the ${typeName} colour version "${args.name}"?`);
      ok = await resolve.call(item, "DeleteVersionByName", args.name, type);
    }
    if (ok !== true) fail("VERSION_REFUSED", `Resolve refused to ${args.action} the version`);
    const data = await readVersions(resolve, item);
    return { summary: `${args.action} done; active: ${data.current?.name ?? "none"}.`, data };
  },
});

// -- processing: magic mask, stabilise, smart reframe, sidecar ----------------------------

const runItemProcess = defineTool({
  name: "run_item_process",
  title: "Run magic mask, stabilisation, smart reframe or sidecar update",
  description:
    "Runs a processing step on a timeline item: 'magic_mask' (track a magic mask; direction forward/backward/bidirectional; Studio), 'regenerate_magic_mask' (Studio), 'stabilize', 'smart_reframe' (Studio), or 'update_sidecar' (write the BRAW sidecar / R3D RMD file of the source).",
  toolset: "item",
  readOnly: false,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum([
      "magic_mask",
      "regenerate_magic_mask",
      "stabilize",
      "smart_reframe",
      "update_sidecar",
    ]).describe("The process to run."),
    direction: z.enum(["forward", "backward", "bidirectional"]).optional().describe(
      "For magic_mask: tracking direction. Default: bidirectional.",
    ),
  }),
  output: () => ({
    action: z.string().describe("The process run."),
    ok: z.boolean().describe("True when Resolve reported success."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.CreateMagicMask",
    "TimelineItem.RegenerateMagicMask",
    "TimelineItem.Stabilize",
    "TimelineItem.SmartReframe",
    "TimelineItem.UpdateSidecar",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const mode = { forward: "F", backward: "B", bidirectional: "BI" }[
      args.direction ?? "bidirectional"
    ];
    const [m, a] = {
      magic_mask: ["CreateMagicMask", [mode]],
      regenerate_magic_mask: ["RegenerateMagicMask", []],
      stabilize: ["Stabilize", []],
      smart_reframe: ["SmartReframe", []],
      update_sidecar: ["UpdateSidecar", []],
    }[args.action] as [string, unknown[]];
    const ok = await resolve.call(item, m, ...a);
    if (ok !== true) {
      fail(
        "PROCESS_FAILED",
        `Resolve could not run ${args.action} on item ${args.item_id}`,
        {
          magic_mask: "Needs a video item with media, on Resolve Studio.",
          regenerate_magic_mask: "Create a magic mask first (action magic_mask); Studio only.",
          stabilize: "Needs a video item with media.",
          smart_reframe: "Needs a video item with media, on Resolve Studio.",
          update_sidecar: "Only BRAW and R3D clips have sidecar files.",
        }[args.action],
      );
    }
    return {
      summary: `${args.action} done on item ${args.item_id}.`,
      data: { action: args.action, ok: true },
    };
  },
});

export function registerItemTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "item",
    description:
      "Timeline items: transform, crop, composite, retime, stabilisation, enable, colour, flags, markers, takes, Fusion comps, versions.",
  });
  registry.add(getItemProperties, { default: true });
  registry.add(setItemProperties, { default: true });
  registry.add(setItemFlags);
  registry.add(addItemMarker);
  registry.add(listItemMarkers);
  registry.add(updateItemMarker);
  registry.add(deleteItemMarkers);
  registry.add(listItemTakes);
  registry.add(manageItemTakes);
  registry.add(listFusionComps);
  registry.add(manageFusionComps);
  registry.add(listColorVersions);
  registry.add(manageColorVersions);
  registry.add(runItemProcess);
}
