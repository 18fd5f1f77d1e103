// Toolset "timeline": Timeline items and the playhead: list, delete, link, selection, get/set the playhead.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  findTimeline,
  isHandle,
  offsetFrom,
  pageInput,
  pageOutput,
  rateOf,
  saveCheckpoint,
  timeInput,
  timelineRateCalls,
  timelineRefInput,
  TRACK_TYPES,
} from "../../resolve/index.ts";
import {
  checkPlayheadPage,
  DEFAULT_ITEM_FIELDS,
  findItems,
  ITEM_FIELD_GROUPS,
  ITEM_METHODS,
  itemIdsInput,
  itemPage,
  itemRows,
  itemSchema,
  itemTable,
  listedItemSchema,
  PLAYHEAD_METHODS,
  playheadOutput,
  playheadState,
  timeBase,
  TL_LOOKUP,
  trackCountCalls,
  trackItems,
  tracksFromCounts,
} from "./common.ts";

export const listTimelineItems = defineTool({
  name: "list_timeline_items",
  title: "List timeline items",
  description:
    "Lists the items of a timeline, track by track (video, audio, subtitle), with ids, names, record start/end as frame offsets and timecodes, and media pool clip id; with fields including 'source', also the source range as frames and source timecodes. Paginated; filter by track type and number.",
  toolset: "timeline",
  default: true,
  readOnly: true,
  input: () => ({
    timeline: timelineRefInput,
    track_type: z.enum(TRACK_TYPES).optional().describe("Only this track type. Omit for all."),
    track_index: z.number().int().min(1).max(1000).optional().describe(
      "Only this track number (with track_type). Omit for all tracks.",
    ),
    fields: z.array(z.enum(ITEM_FIELD_GROUPS)).min(1).max(4).optional().describe(
      "What to read for each item besides its id and track: 'name'; 'record' (start/end frames from the timeline start, record timecodes, duration); 'source' (source start/end frames and source timecodes, clip_id); 'clip' (clip_id only). Default: name, record and clip; add 'source' for source ranges. Fewer fields make fewer Resolve calls.",
    ),
    ...pageInput,
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    items: z.array(listedItemSchema).describe(
      "This page of items (fields not asked for are left out).",
    ),
    ...pageOutput,
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    if (args.track_index !== undefined && !args.track_type) {
      fail("INVALID_ARGUMENTS", "track_index needs track_type");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    // Rate, start, name, id and track counts in one round trip (every page asks again).
    const head = await resolve.batch([
      ...timelineRateCalls(timeline),
      call(timeline, "GetStartFrame"),
      call(timeline, "GetName"),
      call(timeline, "GetUniqueId"),
      ...trackCountCalls(timeline, args.track_type),
    ]);
    const rate = rateOf(head[0], head[1]);
    const [startFrame, tlName, tlId] = head.slice(2, 5);
    const start = Number(startFrame) || 0;
    const tracks = tracksFromCounts(head.slice(5), args.track_type, args.track_index);
    const groups = new Set(args.fields ?? DEFAULT_ITEM_FIELDS);
    const { page, items } = await itemPage(
      resolve,
      timeline,
      String(tlId),
      tracks,
      args.cursor,
      args.limit,
      rate,
      start,
      groups,
    );
    return {
      summary: `${page.total} item(s) on "${tlName}"; showing ${items.length} from ${page.offset}${
        page.next_cursor ? `; next_cursor ${page.next_cursor}` : ""
      }.`,
      data: {
        timeline: String(tlName),
        items,
        total: page.total,
        next_cursor: page.next_cursor,
      },
      text: itemTable(items),
    };
  },
});

export const deleteTimelineItems = defineTool({
  name: "delete_timeline_items",
  title: "Delete timeline items",
  description:
    "Deletes items from a timeline; with ripple, later items move left to close the gaps. Needs confirmation. Saves a timeline checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: itemIdsInput,
    ripple: z.boolean().optional().describe("Ripple delete (close the gaps). Default: false."),
  }),
  output: () => ({
    deleted: z.array(z.string()).describe("Ids of the deleted items."),
    remaining: z.number().describe("Items left on the timeline."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.DeleteClips",
    "TimelineItem.GetUniqueId",
    "TimelineItem.GetName",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { timeline } = await findTimeline(resolve, args.timeline);
    const items = await findItems(resolve, timeline, [...new Set(args.item_ids)]);
    await confirm(
      `Delete ${items.length} item(s) (${someNames(items.map((i) => i.name), 5)})${
        args.ripple ? " with ripple" : ""
      }?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_timeline_items", args, {
      timeline,
    });
    const ok = await resolve.call(
      timeline,
      "DeleteClips",
      items.map((i) => i.item),
      args.ripple ?? false,
    );
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        "Resolve refused to delete the items",
        "Items on locked tracks cannot be deleted; the Fairlight page also refuses (switch_page to edit).",
      );
    }
    const remaining = (await trackItems(resolve, timeline)).length;
    return {
      summary: `Deleted ${items.length} item(s).`,
      data: { deleted: items.map((i) => i.id), remaining, checkpoint_id },
    };
  },
});

export const linkTimelineItems = defineTool({
  name: "link_timeline_items",
  title: "Link or unlink timeline items",
  description:
    "Links items so they move together (e.g. a video item and its audio), or unlinks them.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: itemIdsInput,
    linked: z.boolean().describe("true to link the items together, false to unlink them."),
  }),
  output: () => ({
    item_ids: z.array(z.string()).describe("The items changed."),
    linked: z.boolean(),
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.SetClipsLinked",
    "TimelineItem.GetUniqueId",
    "TimelineItem.GetName",
  ],
  async handler(args, { resolve }) {
    if (args.linked && new Set(args.item_ids).size < 2) {
      fail("INVALID_ARGUMENTS", "linking needs at least 2 items");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const items = await findItems(resolve, timeline, [...new Set(args.item_ids)]);
    const ok = await resolve.call(
      timeline,
      "SetClipsLinked",
      items.map((i) => i.item),
      args.linked,
    );
    if (ok !== true) {
      fail("LINK_REFUSED", `Resolve refused to ${args.linked ? "link" : "unlink"} the items`);
    }
    return {
      summary: `${args.linked ? "Linked" : "Unlinked"} ${items.length} item(s).`,
      data: { item_ids: items.map((i) => i.id), linked: args.linked },
    };
  },
});

export const getSelectedItems = defineTool({
  name: "get_selected_items",
  title: "Get selected timeline items",
  description: "Lists the items currently selected on a timeline.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({ items: z.array(itemSchema).describe("Selected items.") }),
  apiMethods: [...TL_LOOKUP, "Timeline.GetSelectedClips", ...ITEM_METHODS],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start } = await timeBase(resolve, timeline);
    const list = await resolve.call(timeline, "GetSelectedClips");
    const items = await itemRows(
      resolve,
      (Array.isArray(list) ? list : []).filter(isHandle),
      rate,
      start,
    );
    return {
      summary: `${items.length} item(s) selected.`,
      data: { items },
      text: itemTable(items),
    };
  },
});

export const getPlayhead = defineTool({
  name: "get_playhead",
  title: "Get playhead",
  description:
    "The playhead position on the current timeline (frame offset and timecode) and the video item under it. Works on the cut, edit, color, fairlight and deliver pages.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({}),
  output: () => playheadOutput,
  apiMethods: PLAYHEAD_METHODS,
  async handler(_args, { resolve }) {
    const { timeline } = await resolve.timeline();
    await checkPlayheadPage(resolve);
    const state = await playheadState(resolve, timeline);
    return {
      summary: `Playhead at ${state.timecode} (frame ${state.frame}) on "${state.timeline}".`,
      data: state,
    };
  },
});

export const setPlayhead = defineTool({
  name: "set_playhead",
  title: "Move playhead",
  description:
    "Moves the playhead of the current timeline to a frame (from the timeline start) or a timecode. Works on the cut, edit, color, fairlight and deliver pages (switch_page first otherwise). Returns the video item now under the playhead.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({ ...timeInput("Where to put the playhead") }),
  output: () => playheadOutput,
  apiMethods: [...PLAYHEAD_METHODS, "Timeline.SetCurrentTimecode", "Timeline.GetEndFrame"],
  async handler(args, { resolve }) {
    const { timeline } = await resolve.timeline();
    await checkPlayheadPage(resolve);
    const { rate, start } = await timeBase(resolve, timeline);
    const frame = offsetFrom(args, rate, start)!;
    const end = Number(await resolve.call(timeline, "GetEndFrame")) || start;
    if (start + frame > Math.max(end, start)) {
      fail(
        "OUT_OF_RANGE",
        `frame ${frame} is past the end of the timeline (${end - start} frames long)`,
        "list_timeline_items shows where the items are.",
      );
    }
    const ok = await resolve.call(
      timeline,
      "SetCurrentTimecode",
      framesToTimecode(start + frame, rate),
    );
    if (ok !== true) {
      fail(
        "PLAYHEAD_REFUSED",
        "Resolve refused to move the playhead",
        "Call switch_page with page 'edit' and retry.",
      );
    }
    const state = await playheadState(resolve, timeline);
    return { summary: `Playhead at ${state.timecode} (frame ${state.frame}).`, data: state };
  },
});
