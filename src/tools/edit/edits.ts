// Edit tools on items and ranges: split_item, trim_item, move_item, ripple_delete, lift_range,
// extract_range. Each plans the edit on a model of the timeline (pure), then applies it with
// the documented API, carries every re-created item's work over and reads it all back.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolDef } from "../../tool.ts";
import {
  itemIdInput,
  planExtract,
  planLift,
  planMove,
  planRippleDelete,
  planSplit,
  planTrim,
  timelineRefInput,
} from "../../resolve/index.ts";
import {
  EDIT_API,
  editFlags,
  editOutput,
  frameInput,
  framePair,
  parseTracks,
  readEdit,
  requireItem,
  runPlan,
  timecodeInput,
  tracksInput,
} from "./common.ts";
import { CLIP_EDIT_TOOLS } from "./clips.ts";

const KEEPS =
  "Re-created items keep their Inspector properties, clip colour, flags, markers, enabled state, grade and Fusion comps (checked by reading back); a checkpoint is saved first (restore_checkpoint).";

export const splitItem = defineTool({
  name: "split_item",
  title: "Split (blade) a timeline item",
  description:
    `Blades an item at a record frame: two items, both keeping the item's work; its linked items (its audio) are cut at the same frame. ${KEEPS} Frames count from the timeline start; ends are exclusive.`,
  toolset: "edit",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    item_id: itemIdInput,
    at_frame: frameInput("Where to cut (the first frame of the right half)"),
    at_timecode: timecodeInput("Where to cut"),
    ...editFlags,
  }),
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    const where = await readEdit(ctx, args.timeline);
    requireItem(where.read, args.item_id);
    const at = framePair(args.at_frame, args.at_timecode, where.read, "at")!;
    const plan = planSplit(where.read.model, args.item_id, at, {
      linked: args.include_linked ?? true,
    });
    return await runPlan(ctx, "split_item", args, where, plan, `Split ${args.item_id} at ${at}`);
  },
});

export const trimItem = defineTool({
  name: "trim_item",
  title: "Trim a timeline item",
  description:
    `Moves an item's start or end edge by signed frames or to a record frame, extending only into the clip's media. Without ripple a shorter item leaves a gap and an extension into a neighbour is refused (EDIT_OVERLAP); with ripple the item keeps its start and everything after the edge moves on every track (sync holds). Linked items whose same edge is at the same frame (its audio) are trimmed alike; a linked item whose edge is elsewhere (an L-cut's audio, the other half of a video-only split) is not trimmed (with ripple it may be cut so sync holds; notes name it). ${KEEPS} Ends are exclusive.`,
  toolset: "edit",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    item_id: itemIdInput,
    edge: z.enum(["start", "end"]).describe("Which edge to move: 'start' or 'end'."),
    by_frames: z.number().int().min(-FRAME_LIMIT).max(FRAME_LIMIT).optional().describe(
      "Signed frames to move the edge by (positive = later). Give this, to_frame or to_timecode.",
    ),
    to_frame: frameInput("Where the edge goes"),
    to_timecode: timecodeInput("Where the edge goes"),
    ripple: z.boolean().optional().describe(
      "true: later items (every track) follow the change in length. Default: false.",
    ),
    ...editFlags,
  }),
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    const where = await readEdit(ctx, args.timeline);
    requireItem(where.read, args.item_id);
    const to = framePair(args.to_frame, args.to_timecode, where.read, "to", false);
    if ((to === undefined) === (args.by_frames === undefined)) {
      fail("INVALID_ARGUMENTS", "give by_frames, or to_frame / to_timecode (exactly one)");
    }
    const plan = planTrim(
      where.read.model,
      args.item_id,
      args.edge,
      to === undefined ? { by: args.by_frames } : { to },
      { ripple: args.ripple ?? false, linked: args.include_linked ?? true },
    );
    return await runPlan(ctx, "trim_item", args, where, plan, `Trimmed ${args.item_id}`);
  },
});

const FRAME_LIMIT = 100_000_000;

export const moveItem = defineTool({
  name: "move_item",
  title: "Move a timeline item",
  description:
    `Moves an item (and its linked items) so it starts at a record frame, optionally onto another track of its type. Without ripple it overwrites what is there (listed in overwritten) and leaves a gap; with ripple its time closes where it was and opens at the destination on every track, and to_frame is where it starts in the result. ${KEEPS} Ends are exclusive.`,
  toolset: "edit",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    item_id: itemIdInput,
    to_frame: frameInput("Where the item starts after the move"),
    to_timecode: timecodeInput("Where the item starts after the move"),
    track_index: z.number().int().min(1).max(1000).optional().describe(
      "Destination track (of the item's type), 1-based. Default: its own track.",
    ),
    ripple: z.boolean().optional().describe(
      "true: close the gap it leaves and open room at the destination (every track). Default: false.",
    ),
    ...editFlags,
  }),
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    const where = await readEdit(ctx, args.timeline);
    requireItem(where.read, args.item_id);
    const to = framePair(args.to_frame, args.to_timecode, where.read, "to")!;
    const plan = planMove(where.read.model, args.item_id, to, {
      trackIndex: args.track_index,
      ripple: args.ripple ?? false,
      linked: args.include_linked ?? true,
    });
    return await runPlan(ctx, "move_item", args, where, plan, `Moved ${args.item_id} to ${to}`);
  },
});

export const rippleDelete = defineTool({
  name: "ripple_delete",
  title: "Ripple delete items",
  description:
    `Removes items (and their linked items) and closes their time on every track, so sync holds (deleting a video-only item shifts the audio after it too; items on other tracks spanning the removed time lose that part). Needs confirmation. ${KEEPS}`,
  toolset: "edit",
  default: true,
  readOnly: false,
  destructive: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: z.array(itemIdInput).min(1).max(1000).describe(
      "Ids of the items to remove (list_timeline_items shows them).",
    ),
    ...editFlags,
  }),
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    const where = await readEdit(ctx, args.timeline);
    const ids = [...new Set(args.item_ids)];
    for (const id of ids) requireItem(where.read, id);
    const plan = planRippleDelete(where.read.model, ids, { linked: args.include_linked ?? true });
    const names = ids.map((id) => where.read.items.get(id)?.name ?? id).slice(0, 5);
    const gone = plan.remove.filter((id) => !plan.create.some((c) => c.origin === id)).length;
    return await runPlan(
      ctx,
      "ripple_delete",
      args,
      where,
      plan,
      `Ripple deleted ${ids.length}`,
      true,
      () =>
        ctx.confirm(
          `Ripple delete ${gone} item(s) (${
            names.join(", ")
          }) from "${where.read.name}", closing the gap on every track? A checkpoint is saved first.`,
        ),
    );
  },
});

const rangeInput = () => ({
  timeline: timelineRefInput,
  from_frame: frameInput("Start of the range"),
  from_timecode: timecodeInput("Start of the range"),
  to_frame: frameInput("End of the range (exclusive)"),
  to_timecode: timecodeInput("End of the range (exclusive)"),
  tracks: tracksInput,
  ...editFlags,
  include_linked: z.boolean().optional().describe(
    "No effect on a range edit: it acts on tracks, not links (name them in tracks).",
  ),
});

export const liftRange = defineTool({
  name: "lift_range",
  title: "Lift a range",
  description:
    `Removes [from, to) on every track, or on exactly the named tracks (the others untouched), leaving a gap; items across the range's edges are cut and keep their work on both sides. ${KEEPS} The end is exclusive.`,
  toolset: "edit",
  readOnly: false,
  input: rangeInput,
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    const where = await readEdit(ctx, args.timeline);
    const from = framePair(args.from_frame, args.from_timecode, where.read, "from")!;
    const to = framePair(args.to_frame, args.to_timecode, where.read, "to")!;
    const plan = planLift(where.read.model, from, to, { tracks: parseTracks(args.tracks) });
    return await runPlan(ctx, "lift_range", args, where, plan, `Lifted ${from}-${to}`);
  },
});

export const extractRange = defineTool({
  name: "extract_range",
  title: "Extract a range",
  description:
    `Removes [from, to) and closes the gap: on every track (sync holds), or on exactly the named tracks, the others staying as they are (sync may change; notes name linked items pulled out of sync). Items across the edges are cut and keep their work. ${KEEPS} The end is exclusive.`,
  toolset: "edit",
  readOnly: false,
  input: rangeInput,
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    const where = await readEdit(ctx, args.timeline);
    const from = framePair(args.from_frame, args.from_timecode, where.read, "from")!;
    const to = framePair(args.to_frame, args.to_timecode, where.read, "to")!;
    const plan = planExtract(where.read.model, from, to, { tracks: parseTracks(args.tracks) });
    return await runPlan(ctx, "extract_range", args, where, plan, `Extracted ${from}-${to}`);
  },
});

export const EDIT_TOOLS: ToolDef[] = [
  splitItem,
  trimItem,
  moveItem,
  rippleDelete,
  liftRange,
  extractRange,
  ...CLIP_EDIT_TOOLS,
];
