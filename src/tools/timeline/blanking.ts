// Output blanking of Resolve 21.1 (Timeline / TimelineItem Get/SetOutputBlanking): the four values
// are picture-bound coordinates in pixels, not margin widths, and an item inheriting the
// timeline's blanking refuses its own until inheritance is turned off.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  findTimeline,
  ITEM_LOOKUP_METHODS,
  itemsOf,
  requireVersion,
  timelineRefInput,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";

const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** "2.39:1", "16:9", "2.39" -> width/height ratio; null when not a ratio. */
export function parseAspect(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:[:/x]\s*(\d+(?:\.\d+)?))?\s*$/.exec(text);
  if (!m) return null;
  const ratio = Number(m[1]) / (m[2] ? Number(m[2]) : 1);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : null;
}

/** The picture bounds that show `ratio` centred in a width x height frame. */
export function aspectBounds(ratio: number, width: number, height: number): Bounds {
  if (ratio >= width / height) {
    const h = Math.min(height, Math.round(width / ratio));
    const top = Math.floor((height - h) / 2);
    return { top, bottom: top + h, left: 0, right: width };
  }
  const w = Math.min(width, Math.round(height * ratio));
  const left = Math.floor((width - w) / 2);
  return { top: 0, bottom: height, left, right: left + w };
}

const boundsSchema = z.object({
  top: z.number().describe("Top edge of the visible picture, pixels from the top."),
  bottom: z.number().describe("Bottom edge of the visible picture, pixels from the top."),
  left: z.number().describe("Left edge of the visible picture, pixels from the left."),
  right: z.number().describe("Right edge of the visible picture, pixels from the left."),
});

/** Resolve's blanking dict as bounds; an empty one (no blanking) is the whole frame. */
const fromResolve = (v: unknown, width: number, height: number): Bounds => {
  const d = (v ?? {}) as Record<string, unknown>;
  if (!Object.keys(d).length) return { top: 0, bottom: height, left: 0, right: width };
  return { top: num(d.Top), bottom: num(d.Bottom), left: num(d.Left), right: num(d.Right) };
};

export const setOutputBlanking = defineTool({
  name: "set_output_blanking",
  title: "Set output blanking (Resolve 21.1)",
  description:
    "Sets the output blanking (letterbox/pillarbox mask) of the timeline, or of one timeline item, from an aspect ratio like '2.39:1' (computed from the timeline resolution and centred) or from explicit picture bounds. Resolve takes bounds as coordinates of the visible picture (top/bottom from the top edge, left/right from the left edge), not margin widths. For an item the tool first turns off its inheritance of the timeline's blanking (Resolve refuses an item's own blanking while it inherits); `inherit: true` gives the item the timeline's blanking again. Reads the result back. Needs DaVinci Resolve 21.1 or newer (Studio: since 21.1 scripting needs Studio).",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    item_id: z.string().min(1).max(128).optional().describe(
      "Unique id of a timeline item to give its own blanking. Omit to set the timeline's.",
    ),
    aspect: z.string().max(20).optional().describe(
      "Target picture aspect ratio, e.g. '2.39:1', '1.85', '4:3' or '9:16'; bars are added on the long sides. Alternative to bounds.",
    ),
    bounds: z.strictObject({
      top: z.number().min(0).max(100000).optional().describe("Top edge, pixels from the top."),
      bottom: z.number().min(0).max(100000).optional().describe(
        "Bottom edge, pixels from the top (the full frame's is the timeline height).",
      ),
      left: z.number().min(0).max(100000).optional().describe("Left edge, pixels from the left."),
      right: z.number().min(0).max(100000).optional().describe(
        "Right edge, pixels from the left (the full frame's is the timeline width).",
      ),
    }).optional().describe(
      "Explicit picture bounds in pixels; edges omitted keep their value. Alternative to aspect.",
    ),
    inherit: z.boolean().optional().describe(
      "Items only: true makes the item use the timeline's blanking again (no aspect/bounds then).",
    ),
  }),
  output: () => ({
    target: z.enum(["timeline", "item"]).describe("What was changed."),
    frame: z.object({ width: z.number(), height: z.number() }).describe(
      "Timeline resolution the bounds refer to.",
    ),
    bounds: boundsSchema.describe("The blanking bounds in effect after the change."),
    inherits_timeline: z.boolean().nullable().describe(
      "For an item: whether it uses the timeline's blanking now; null for the timeline.",
    ),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    ...ITEM_LOOKUP_METHODS,
    "Timeline.GetSettings",
    "Timeline.SetOutputBlanking",
    "Timeline.GetOutputBlanking",
    "TimelineItem.GetUseTimelineForOutputBlanking",
    "TimelineItem.SetUseTimelineForOutputBlanking",
    "TimelineItem.SetOutputBlanking",
    "TimelineItem.GetOutputBlanking",
  ],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "set_output_blanking (SetOutputBlanking)");
    const given = [args.aspect !== undefined, args.bounds !== undefined, args.inherit === true]
      .filter(Boolean).length;
    if (given !== 1) {
      fail("INVALID_ARGUMENTS", "give exactly one of aspect, bounds or inherit: true");
    }
    if (args.inherit !== undefined && !args.item_id) {
      fail("INVALID_ARGUMENTS", "inherit applies to an item (item_id)");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const settings = (await resolve.call(timeline, "GetSettings") ?? {}) as Record<
      string,
      unknown
    >;
    const width = num(settings.timelineResolutionWidth) || 1920;
    const height = num(settings.timelineResolutionHeight) || 1080;
    let wanted: Record<string, number> = {};
    if (args.aspect !== undefined) {
      const ratio = parseAspect(args.aspect);
      if (ratio === null) {
        fail("INVALID_ARGUMENTS", `"${args.aspect}" is not an aspect ratio`, "Use e.g. 2.39:1.");
      }
      const b = aspectBounds(ratio, width, height);
      wanted = { Top: b.top, Bottom: b.bottom, Left: b.left, Right: b.right };
    } else if (args.bounds) {
      const b = args.bounds;
      for (
        const [k, v] of [["Top", b.top], ["Bottom", b.bottom], ["Left", b.left], [
          "Right",
          b.right,
        ]] as const
      ) {
        if (v !== undefined) wanted[k] = v;
      }
      if (!Object.keys(wanted).length) fail("NOTHING_TO_CHANGE", "bounds names no edge");
      const over = Object.entries(wanted).find(([k, v]) =>
        v > (k === "Top" || k === "Bottom" ? height : width)
      );
      if (over) {
        fail(
          "OUT_OF_RANGE",
          `${over[0]} ${over[1]} lies outside the ${width}x${height} frame`,
          "Bounds are coordinates inside the frame, not margins.",
        );
      }
    }
    const frame = { width, height };
    if (!args.item_id) {
      const [ok, after] = await resolve.batch([
        call(timeline, "SetOutputBlanking", wanted),
        call(timeline, "GetOutputBlanking"),
      ]);
      if (ok !== true) {
        fail("BLANKING_REFUSED", "Resolve refused the timeline blanking", "Check the bounds.");
      }
      const bounds = fromResolve(after, width, height);
      return {
        summary:
          `Timeline blanking: picture ${bounds.left}-${bounds.right} x ${bounds.top}-${bounds.bottom} of ${width}x${height}.`,
        data: { target: "timeline" as const, frame, bounds, inherits_timeline: null },
      };
    }
    const [item] = await itemsOf(resolve, timeline, [args.item_id]);
    if (args.inherit) {
      const [ok, uses, tl] = await resolve.batch([
        call(item, "SetUseTimelineForOutputBlanking", true),
        call(item, "GetUseTimelineForOutputBlanking"),
        call(timeline, "GetOutputBlanking"),
      ]);
      if (ok !== true) fail("BLANKING_REFUSED", "Resolve refused to restore inheritance");
      const bounds = fromResolve(tl, width, height);
      return {
        summary: `Item ${args.item_id} uses the timeline's blanking again.`,
        data: { target: "item" as const, frame, bounds, inherits_timeline: uses === true },
      };
    }
    const inherits = await resolve.call(item, "GetUseTimelineForOutputBlanking");
    if (inherits === true) {
      const off = await resolve.call(item, "SetUseTimelineForOutputBlanking", false);
      if (off !== true) {
        fail("BLANKING_REFUSED", "Resolve refused to stop the item inheriting the blanking");
      }
    }
    const [ok, after, uses] = await resolve.batch([
      call(item, "SetOutputBlanking", wanted),
      call(item, "GetOutputBlanking"),
      call(item, "GetUseTimelineForOutputBlanking"),
    ]);
    if (ok !== true) {
      fail("BLANKING_REFUSED", "Resolve refused the item's blanking", "Check the bounds.");
    }
    const bounds = fromResolve(after, width, height);
    return {
      summary:
        `Item ${args.item_id} blanking: picture ${bounds.left}-${bounds.right} x ${bounds.top}-${bounds.bottom}.`,
      data: { target: "item" as const, frame, bounds, inherits_timeline: uses === true },
    };
  },
});
