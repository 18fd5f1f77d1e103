// Toolset "timeline": Building a timeline from clips: from clips, append, compound clips, generators.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { parseRate, timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { name } from "../shared.ts";
import {
  call,
  findTimeline,
  isHandle,
  listTimelines,
  poolOf,
  timelineRefInput,
} from "../../resolve/index.ts";
import {
  checkTrack,
  clipInfos,
  clipRangeFields,
  findItems,
  INSERTS,
  ITEM_METHODS,
  itemIdsInput,
  itemRows,
  itemSchema,
  timeBase,
  TIMELINE_METHODS,
  timelineRows,
  timelineSchema,
  TL_LOOKUP,
  trackItems,
} from "./common.ts";

export const createTimelineFromClips = defineTool({
  name: "create_timeline_from_clips",
  title: "Create timeline from clips",
  description:
    "Creates a timeline from media pool clips, one after another (or at given record positions), and makes it current. Each clip can use a source frame range; without any range field the clips' mark in/out (or whole clips) are used. The new timeline uses the project's frame rate and starts at 01:00:00:00.",
  toolset: "timeline",
  default: true,
  readOnly: false,
  input: () => ({
    name: name("Name of the new timeline; must be unique in the project."),
    clips: z.array(z.object(clipRangeFields)).min(1).max(1000).describe("Clips in order (1-1000)."),
  }),
  output: () => ({
    timeline: timelineSchema,
    items: z.number().describe("Number of video/audio items placed."),
  }),
  apiMethods: [
    "Resolve.GetVersion",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetSetting",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "MediaPool.GetRootFolder",
    "MediaPool.CreateTimelineFromClips",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
    "Timeline.GetItemListInTrack",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, mediaPool } = await poolOf(resolve);
    if ((await listTimelines(resolve, project)).some((t) => t.name === args.name)) {
      fail(
        "TIMELINE_EXISTS",
        `a timeline named "${args.name}" already exists`,
        "Choose another name.",
      );
    }
    const [fps, drop] = await resolve.batch([
      call(project, "GetSetting", "timelineFrameRate"),
      call(project, "GetSetting", "timelineDropFrameTimecode"),
    ]);
    const text = String(fps);
    const rate = parseRate(drop === "1" && !/DF/i.test(text) ? `${text} DF` : text) ??
      fail("UNKNOWN_RATE", `the project reports an unknown frame rate "${text}"`);
    const start = timecodeToFrames("01:00:00:00", rate)!;
    const { infos } = await clipInfos(resolve, mediaPool, args.clips, rate, start);
    const timeline = await resolve.call(mediaPool, "CreateTimelineFromClips", args.name, infos);
    if (!isHandle(timeline)) {
      fail(
        "CREATE_FAILED",
        `Resolve could not create "${args.name}" from the clips`,
        "Check the ranges lie inside the clips and record positions do not overlap.",
      );
    }
    const [, tlId] = await resolve.batch([
      call(project, "SetCurrentTimeline", timeline),
      call(timeline, "GetUniqueId"),
    ]);
    const [row] = await timelineRows(resolve, [timeline], tlId);
    const items = (await trackItems(resolve, timeline)).filter((i) => i.type !== "subtitle").length;
    return {
      summary: `Created timeline "${row.name}" with ${items} item(s), now current.`,
      data: { timeline: row, items },
    };
  },
});

export const appendToTimeline = defineTool({
  name: "append_to_timeline",
  title: "Append clips to timeline",
  description:
    "Appends media pool clips to the current timeline (or the given one, which becomes current), in order after the last item, or at record positions on given tracks. Use source frame ranges for subclips; media_type places only video or only audio. Ranges that would overlap existing items are not placed (reported in not_placed).",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput.describe(
      "Timeline name or id; it becomes the current timeline. Omit for the current one.",
    ),
    clips: z.array(z.object({
      ...clipRangeFields,
      track_index: z.number().int().min(1).max(1000).optional().describe(
        "Track number (1-based) to place on. Default: 1.",
      ),
      media_type: z.enum(["video", "audio"]).optional().describe(
        "Place only the 'video' or only the 'audio' part. Default: both.",
      ),
    })).min(1).max(1000).describe("Clips in order (1-1000)."),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    items: z.array(itemSchema).describe(
      "Items created (one per placed clip: video item, or audio for audio-only).",
    ),
    not_placed: z.number().describe(
      "Clips Resolve did not place (overlap, locked or missing track, bad range).",
    ),
  }),
  apiMethods: [
    "Resolve.GetVersion",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "MediaPool.GetRootFolder",
    "MediaPool.AppendToTimeline",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetClipProperty",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    "Timeline.GetTrackCount",
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    if (args.timeline !== undefined) {
      const ok = await resolve.call(project, "SetCurrentTimeline", timeline);
      if (ok !== true) fail("SWITCH_REFUSED", `Resolve refused to make "${args.timeline}" current`);
    }
    const { rate, start, name: tlName } = await timeBase(resolve, timeline);
    for (const c of args.clips) {
      if (c.track_index !== undefined) {
        const type = c.media_type === "audio" ? "audio" : "video";
        await checkTrack(resolve, timeline, type, c.track_index);
      }
    }
    const { mediaPool } = await poolOf(resolve);
    const { infos } = await clipInfos(resolve, mediaPool, args.clips, rate, start);
    const made = await resolve.call(mediaPool, "AppendToTimeline", infos);
    const handles = (Array.isArray(made) ? made : []).filter(isHandle);
    if (!handles.length) {
      fail(
        "NOTHING_PLACED",
        `Resolve placed none of the clips on "${tlName}"`,
        "Check ranges lie inside the clips, the track exists and is unlocked, and record positions are free (list_timeline_items shows what is there).",
      );
    }
    const items = await itemRows(resolve, handles, rate, start);
    return {
      summary: `Appended ${items.length} clip(s) to "${tlName}"${
        items.length < args.clips.length ? `; ${args.clips.length - items.length} not placed` : ""
      }.`,
      data: { timeline: tlName, items, not_placed: args.clips.length - items.length },
    };
  },
});

export const createCompoundClip = defineTool({
  name: "create_compound_clip",
  title: "Create compound or Fusion clip",
  description:
    "Nests timeline items into one compound clip ('compound', optionally named, with a start timecode) or a Fusion clip ('fusion'); the new item replaces them.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    kind: z.enum(["compound", "fusion"]).describe("'compound' clip or 'fusion' clip."),
    item_ids: itemIdsInput,
    name: z.string().trim().min(1).max(255).optional().describe(
      "compound: name of the compound clip. Default: Resolve's.",
    ),
    start_timecode: z.string().max(16).optional().describe(
      "compound: start timecode inside it, e.g. '00:00:00:00'. Default: Resolve's.",
    ),
  }),
  output: () => ({ item: itemSchema }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.CreateCompoundClip",
    "Timeline.CreateFusionClip",
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    if (args.kind === "fusion" && (args.name || args.start_timecode)) {
      fail("INVALID_ARGUMENTS", "name and start_timecode only apply to compound clips");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start } = await timeBase(resolve, timeline);
    const items = await findItems(resolve, timeline, [...new Set(args.item_ids)]);
    const info: Record<string, string> = {};
    if (args.name) info.name = args.name;
    if (args.start_timecode) info.startTimecode = args.start_timecode;
    const made = args.kind === "compound"
      ? await resolve.call(
        timeline,
        "CreateCompoundClip",
        items.map((i) => i.item),
        ...(Object.keys(info).length ? [info] : []),
      )
      : await resolve.call(timeline, "CreateFusionClip", items.map((i) => i.item));
    if (!isHandle(made)) {
      fail(
        "NEST_REFUSED",
        `Resolve refused to create the ${args.kind} clip`,
        "Items should be adjacent video items on unlocked tracks.",
      );
    }
    const [item] = await itemRows(resolve, [made], rate, start);
    return { summary: `Created ${args.kind} clip "${item.name}".`, data: { item } };
  },
});

export const insertGenerator = defineTool({
  name: "insert_generator",
  title: "Insert generator or title",
  description:
    "Inserts a generator ('Solid Color', '10 Step'...), Fusion generator, OFX generator, title ('Text', 'Scroll'...), Fusion title ('Text+'...) or an empty Fusion composition into the current timeline at the playhead.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    kind: z.enum(Object.keys(INSERTS) as [keyof typeof INSERTS, ...(keyof typeof INSERTS)[]])
      .describe("What to insert."),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name as in the Effects library, e.g. 'Solid Color', 'Text', 'Text+'. Not used for fusion_composition.",
    ),
  }),
  output: () => ({ item: itemSchema }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetName",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    ...Object.values(INSERTS).map((m) => `Timeline.${m}`),
    ...ITEM_METHODS,
  ],
  async handler(args, { resolve }) {
    if (args.kind !== "fusion_composition" && !args.name) {
      fail(
        "INVALID_ARGUMENTS",
        `${args.kind} needs name`,
        "Give the effect's name as shown in the Effects library.",
      );
    }
    const { timeline } = await resolve.timeline();
    const { rate, start } = await timeBase(resolve, timeline);
    const made = await resolve.call(
      timeline,
      INSERTS[args.kind],
      ...(args.kind === "fusion_composition" ? [] : [args.name]),
    );
    if (!isHandle(made)) {
      fail(
        "INSERT_REFUSED",
        `Resolve could not insert ${args.kind} "${args.name ?? ""}"`,
        "Check the name against the Effects library (e.g. 'Solid Color', 'Text', 'Text+'), and that the playhead's spot on the track is free.",
      );
    }
    const [item] = await itemRows(resolve, [made], rate, start);
    return {
      summary: `Inserted ${args.kind} "${item.name}" at ${item.start_timecode}.`,
      data: { item },
    };
  },
});
