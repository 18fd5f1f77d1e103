// Item tools of Resolve 21.1: native transitions, fades and clip speed (TimelineItem.AddTransition,
// Get/SetFades, Get/SetSpeed). Each refuses older Resolve versions with VERSION_UNSUPPORTED.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  findTimeline,
  type Handle,
  isHandle,
  itemsOf,
  NEEDS_21_1,
  requireVersion,
  type ResolveSession,
  TIMELINE_RATE_METHODS,
  timelineRate,
  timelineRefInput,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";
import { num, TIMELINE_LOOKUP } from "./common.ts";

const itemIdsInput = z.array(z.string().min(1).max(128)).min(1).max(100).describe(
  "Unique ids of the timeline items (list_timeline_items shows them); one or several.",
);

async function itemsOnTimeline(resolve: ResolveSession, ref: string | undefined, ids: string[]) {
  const { timeline } = await findTimeline(resolve, ref);
  const items = await itemsOf(resolve, timeline, [...new Set(ids)]);
  const rate = await timelineRate(resolve, timeline);
  return { timeline, items, rate, ids: [...new Set(ids)] };
}

// -- add_transition ----------------------------------------------------------------------

const VIDEO_DEFAULT = "Cross Dissolve";
const AUDIO_DEFAULT = "Cross Fade 0 dB";

interface Row {
  id: string;
  start: number;
  end: number;
  left: number;
  right: number;
  type: string;
}

/** The items of one track with their spans and handles, in track order. */
async function trackRows(
  resolve: ResolveSession,
  timeline: Handle,
  type: string,
  index: number,
): Promise<Row[]> {
  const list = await resolve.call(timeline, "GetItemListInTrack", type, index);
  const items = (Array.isArray(list) ? list : []).filter(isHandle);
  const rows = await resolve.map(items, [
    ["GetUniqueId"],
    ["GetStart"],
    ["GetEnd"],
    ["GetLeftOffset"],
    ["GetRightOffset"],
    ["GetType"],
  ]);
  return rows.map(([id, s, e, l, r, t]) => ({
    id: String(id),
    start: num(s),
    end: num(e),
    left: num(l),
    right: num(r),
    type: String(t ?? ""),
  }));
}

/** Why a transition of `d` frames cannot fit at this edit, from the media handles. */
function handleShortage(
  rows: Row[],
  self: Row,
  edge: "start" | "end",
  alignment: "left" | "center" | "right",
  d: number | undefined,
): string | null {
  const clips = rows.filter((r) => r.type !== "transition");
  const cut = edge === "end" ? self.end : self.start;
  const outgoing = clips.find((r) => r.end === cut);
  const incoming = clips.find((r) => r.start === cut);
  const frames = d ?? 2;
  const after = alignment === "left" ? 0 : alignment === "right" ? frames : frames - (frames >> 1);
  const before = frames - after;
  const problems: string[] = [];
  if (after > 0) {
    if (!incoming) problems.push("nothing follows the edit on this track");
    else if (outgoing && outgoing.right < after) {
      problems.push(
        `the outgoing clip has ${outgoing.right} frame(s) of media after its out point, ${after} needed`,
      );
    }
  }
  if (before > 0) {
    if (!outgoing) problems.push("nothing precedes the edit on this track");
    else if (incoming && incoming.left < before) {
      problems.push(
        `the incoming clip has ${incoming.left} frame(s) of media before its in point, ${before} needed`,
      );
    }
  }
  return problems.length ? problems.join("; ") : null;
}

export const addTransition = defineTool({
  name: "add_transition",
  title: "Add a transition (Resolve 21.1)",
  description:
    `Adds Resolve's native transition (video, e.g. Cross Dissolve, or audio, e.g. Cross Fade 0 dB) at the start or end edit of one or several timeline items. A transition consumes media handles: the clips must have unused media beyond the edit (left/right offsets), and the tool says which clip lacks how many frames when Resolve refuses. Returns each transition's real start, end and duration. The transition becomes an item of the track, so the indexes of later items on that track shift (re-list with list_timeline_items). ${NEEDS_21_1}.`,
  toolset: "item",
  readOnly: false,
  input: () => ({
    item_ids: itemIdsInput,
    timeline: timelineRefInput,
    edge: z.enum(["start", "end"]).optional().describe(
      "Which edit of each item gets the transition: its 'start' (in point) or 'end' (out point). Default: end.",
    ),
    type: z.string().trim().min(1).max(100).optional().describe(
      "Transition name as Resolve's Effects library lists it, e.g. 'Cross Dissolve', 'Dip To Color Dissolve', 'Push', or for audio 'Cross Fade 0 dB' / 'Cross Fade +3 dB' / 'Cross Fade -3 dB'. Default: Cross Dissolve (video items) or Cross Fade 0 dB (audio items).",
    ),
    category: z.enum(["simple", "fusion", "ofx", "audio"]).optional().describe(
      "Transition family: 'simple' (built-in video), 'fusion', 'ofx', or 'audio' (audio items only). Default: simple for video items, audio for audio items.",
    ),
    alignment: z.enum(["left", "center", "right"]).optional().describe(
      "Placement relative to the edit: 'left' ends at the edit, 'center' straddles it, 'right' starts at it. Default: center.",
    ),
    duration_frames: z.number().int().min(1).max(10000).optional().describe(
      "Length in timeline frames. Omit (and omit duration_seconds) to let Resolve choose its automatic length.",
    ),
    duration_seconds: z.number().min(0.01).max(600).optional().describe(
      "Length in seconds, converted with the timeline frame rate (rounded). Alternative to duration_frames.",
    ),
  }),
  output: () => ({
    transitions: z.array(z.object({
      item_id: z.string().describe("The item whose edit was asked for."),
      created: z.boolean().describe("Whether Resolve created the transition."),
      transition_id: z.string().nullable().describe("Id of the new transition item."),
      start_frame: z.number().nullable().describe("First frame of the transition (absolute)."),
      end_frame: z.number().nullable().describe("Frame after its last frame (absolute)."),
      duration: z.number().nullable().describe("Its length in frames, as Resolve made it."),
      start_timecode: z.string().nullable().describe("Timeline timecode of its first frame."),
      reason: z.string().nullable().describe("Why it was not created (missing handles...)."),
    })).describe("One entry per requested item."),
    created: z.number().describe("How many transitions were created."),
    index_warning: z.string().nullable().describe(
      "Set when transitions were added: later item indexes on those tracks shifted.",
    ),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...TIMELINE_LOOKUP,
    ...TIMELINE_RATE_METHODS,
    "TimelineItem.GetTrackTypeAndIndex",
    "TimelineItem.GetStart",
    "TimelineItem.GetEnd",
    "TimelineItem.GetDuration",
    "TimelineItem.GetLeftOffset",
    "TimelineItem.GetRightOffset",
    "TimelineItem.GetType",
    "TimelineItem.AddTransition",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "add_transition (TimelineItem.AddTransition)");
    if (args.duration_frames !== undefined && args.duration_seconds !== undefined) {
      fail("INVALID_ARGUMENTS", "give duration_frames or duration_seconds, not both");
    }
    const { timeline, items, rate, ids } = await itemsOnTimeline(
      resolve,
      args.timeline,
      args.item_ids,
    );
    const edge = args.edge ?? "end";
    const alignment = args.alignment ?? "center";
    const duration = args.duration_frames ??
      (args.duration_seconds !== undefined
        ? Math.max(1, Math.round(args.duration_seconds * rate.fps))
        : undefined);
    const tracks = await resolve.map(items, [["GetTrackTypeAndIndex"]]);
    const out = [];
    const shifted = new Set<string>();
    for (let i = 0; i < items.length; i++) {
      const [type, index] = (tracks[i][0] as [string, number]) ?? ["", 0];
      const audio = type === "audio";
      const options: Record<string, unknown> = {
        type: args.type ?? (audio ? AUDIO_DEFAULT : VIDEO_DEFAULT),
        category: args.category ?? (audio ? "audio" : "simple"),
        position: edge,
        alignment,
      };
      if (duration !== undefined) options.duration = duration;
      const made = await resolve.call(items[i], "AddTransition", options);
      if (isHandle(made)) {
        const [id, s, e, d] = await resolve.batch([
          call(made, "GetUniqueId"),
          call(made, "GetStart"),
          call(made, "GetEnd"),
          call(made, "GetDuration"),
        ]);
        shifted.add(`${type} ${index}`);
        out.push({
          item_id: ids[i],
          created: true,
          transition_id: String(id),
          start_frame: num(s),
          end_frame: num(e),
          duration: num(d),
          start_timecode: framesToTimecode(num(s), rate),
          reason: null,
        });
        continue;
      }
      const rows = await trackRows(resolve, timeline, type, Number(index));
      const self = rows.find((r) => r.id === ids[i]);
      const shortage = self ? handleShortage(rows, self, edge, alignment, duration) : null;
      const overlap = self && rows.some((r) =>
        r.type === "transition" &&
        (edge === "end" ? r.start < self.end && self.end <= r.end : r.start <= self.start &&
          self.start < r.end)
      );
      out.push({
        item_id: ids[i],
        created: false,
        transition_id: null,
        start_frame: null,
        end_frame: null,
        duration: null,
        start_timecode: null,
        reason: shortage
          ? `missing handles: ${shortage}`
          : overlap
          ? "a transition already covers this edit"
          : `Resolve refused "${options.type}" (${options.category}); check the name and category`,
      });
    }
    const created = out.filter((t) => t.created).length;
    if (created === 0) {
      fail(
        "TRANSITION_REFUSED",
        `no transition was created: ${out.map((t) => t.reason).join(" | ")}`,
        "Trim the clips so they keep unused media at the edit (the offsets in get_item_properties), shorten the duration, use alignment 'left'/'right', or check the transition name.",
      );
    }
    const index_warning = shifted.size
      ? `item indexes shifted on ${[...shifted].join(", ")}: re-list with list_timeline_items`
      : null;
    return {
      summary: `Created ${created} of ${out.length} transition(s)` +
        (out.some((t) => !t.created)
          ? `; not created: ${out.filter((t) => !t.created).map((t) => t.item_id).join(", ")}`
          : "") +
        ".",
      data: { transitions: out, created, index_warning },
    };
  },
});

// -- set_fades ---------------------------------------------------------------------------

export const setFades = defineTool({
  name: "set_fades",
  title: "Set item fade in/out (Resolve 21.1)",
  description:
    `Sets the fade-in and/or fade-out length of one or several timeline items (video opacity fade or audio fader), in frames or seconds, and reads the fades back (Resolve reports them as frame counts). ${NEEDS_21_1}.`,
  toolset: "item",
  readOnly: false,
  idempotent: true,
  input: () => ({
    item_ids: itemIdsInput,
    timeline: timelineRefInput,
    fade_in: z.number().min(0).max(100000).optional().describe(
      "Fade-in length (in `unit`); 0 removes the fade-in. Omit to keep it.",
    ),
    fade_out: z.number().min(0).max(100000).optional().describe(
      "Fade-out length (in `unit`); 0 removes the fade-out. Omit to keep it.",
    ),
    unit: z.enum(["frames", "seconds"]).optional().describe(
      "Unit of fade_in/fade_out: timeline frames, or seconds converted with the timeline rate. Default: frames.",
    ),
  }),
  output: () => ({
    items: z.array(z.object({
      item_id: z.string().describe("The item."),
      applied: z.boolean().describe("Whether Resolve accepted the fades."),
      fade_in_frames: z.number().describe("Fade-in length after the call, in frames."),
      fade_out_frames: z.number().describe("Fade-out length after the call, in frames."),
      duration: z.number().describe("The item's length in frames (fades cannot exceed it)."),
    })).describe("One entry per item."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...TIMELINE_LOOKUP,
    ...TIMELINE_RATE_METHODS,
    "TimelineItem.SetFades",
    "TimelineItem.GetFades",
    "TimelineItem.GetDuration",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "set_fades (TimelineItem.SetFades)");
    if (args.fade_in === undefined && args.fade_out === undefined) {
      fail("NOTHING_TO_CHANGE", "give fade_in and/or fade_out");
    }
    const { items, rate, ids } = await itemsOnTimeline(resolve, args.timeline, args.item_ids);
    const toFrames = (v: number) =>
      Math.round((args.unit ?? "frames") === "seconds" ? v * rate.fps : v);
    const fades: Record<string, number> = {};
    if (args.fade_in !== undefined) fades.FadeIn = toFrames(args.fade_in);
    if (args.fade_out !== undefined) fades.FadeOut = toFrames(args.fade_out);
    const results = await resolve.batch(
      items.flatMap((item) => [
        call(item, "SetFades", fades),
        call(item, "GetFades"),
        call(item, "GetDuration"),
      ]),
    );
    const rows = ids.map((id, i) => {
      const after = (results[i * 3 + 1] ?? {}) as { FadeIn?: number; FadeOut?: number };
      return {
        item_id: id,
        applied: results[i * 3] === true,
        fade_in_frames: num(after.FadeIn),
        fade_out_frames: num(after.FadeOut),
        duration: num(results[i * 3 + 2]),
      };
    });
    if (!rows.some((r) => r.applied)) {
      fail(
        "FADES_REFUSED",
        `Resolve refused the fades (${JSON.stringify(fades)} frames) for every item`,
        "Fade-in plus fade-out must fit in the item; transitions take no fades.",
      );
    }
    return {
      summary: rows.map((r) =>
        `${r.item_id}: ${
          r.applied ? "" : "refused, "
        }in ${r.fade_in_frames} / out ${r.fade_out_frames} frames`
      ).join("; "),
      data: { items: rows },
    };
  },
});

// -- set_speed ---------------------------------------------------------------------------

export const setSpeed = defineTool({
  name: "set_speed",
  title: "Set clip speed (Resolve 21.1)",
  description:
    `Changes the constant speed of one or several timeline items (100 = normal, 50 = half speed, 200 = double, 0 = freeze frame), optionally with audio pitch correction and keyframe stretching. Without ripple the item keeps its length on the timeline (it shows more or less of its media); with ripple the item's length changes and later items on its track move. Linked items (a clip's audio) change with it. Returns the speed and duration before and after. Speed Warp retiming (set_item_properties MotionEstimation) is Studio. ${NEEDS_21_1}.`,
  toolset: "item",
  readOnly: false,
  idempotent: true,
  input: () => ({
    item_ids: itemIdsInput,
    timeline: timelineRefInput,
    percentage: z.number().min(0).max(10000).describe(
      "New speed in percent: 100 normal, 50 half speed, 200 double, 0 freeze frame.",
    ),
    pitch_correction: z.boolean().optional().describe(
      "Keep the audio pitch when the speed changes. Omit to keep the item's current setting.",
    ),
    ripple: z.boolean().optional().describe(
      "Change the item's length to fit the new speed and move later items of its track. Default: false (length unchanged).",
    ),
    stretch_keyframes: z.boolean().optional().describe(
      "Stretch the item's keyframes to the new speed. Default: false.",
    ),
  }),
  output: () => ({
    items: z.array(z.object({
      item_id: z.string().describe("The item."),
      applied: z.boolean().describe("Whether Resolve accepted the speed."),
      speed_before: z.number().describe("Speed in percent before."),
      speed_after: z.number().describe("Speed in percent after."),
      pitch_correction: z.boolean().describe("Pitch correction after the call."),
      duration_before: z.number().describe("Length in frames before."),
      duration_after: z.number().describe("Length in frames after."),
    })).describe("One entry per item."),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...TIMELINE_LOOKUP,
    ...TIMELINE_RATE_METHODS,
    "TimelineItem.GetSpeed",
    "TimelineItem.SetSpeed",
    "TimelineItem.GetDuration",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "set_speed (TimelineItem.SetSpeed)");
    const { items, ids } = await itemsOnTimeline(resolve, args.timeline, args.item_ids);
    const before = await resolve.map(items, [["GetSpeed"], ["GetDuration"]]);
    const options: Record<string, unknown> = {
      Percentage: args.percentage,
      RippleTimeline: args.ripple ?? false,
    };
    if (args.pitch_correction !== undefined) options.PitchCorrection = args.pitch_correction;
    if (args.stretch_keyframes !== undefined) {
      options.StretchKeyframesToFit = args.stretch_keyframes;
    }
    const applied: boolean[] = [];
    for (const item of items) applied.push(await resolve.call(item, "SetSpeed", options) === true);
    const after = await resolve.map(items, [["GetSpeed"], ["GetDuration"]]);
    const speed = (v: unknown) => (v ?? {}) as { Percentage?: number; PitchCorrection?: boolean };
    const rows = ids.map((id, i) => ({
      item_id: id,
      applied: applied[i],
      speed_before: num(speed(before[i][0]).Percentage),
      speed_after: num(speed(after[i][0]).Percentage),
      pitch_correction: speed(after[i][0]).PitchCorrection === true,
      duration_before: num(before[i][1]),
      duration_after: num(after[i][1]),
    }));
    if (!applied.some(Boolean)) {
      fail(
        "SPEED_REFUSED",
        `Resolve refused speed ${args.percentage}% for every item`,
        "Speed applies to clips (not transitions, generators or titles) on unlocked tracks.",
      );
    }
    return {
      summary: rows.map((r) =>
        `${r.item_id}: ${r.speed_before}% -> ${r.speed_after}%, ${r.duration_before} -> ${r.duration_after} frames`
      ).join("; "),
      data: { items: rows },
    };
  },
});
