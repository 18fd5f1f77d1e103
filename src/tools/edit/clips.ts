// Edit tools that bring clips in: insert_clips (ripple insert), overwrite_clips and
// apply_cut_list (build or conform a timeline from events with source timecodes).
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolDef } from "../../tool.ts";
import {
  call,
  createdItems,
  type CutListClip,
  type EditPlan,
  findTimeline,
  type Handle,
  isHandle,
  listTimelines,
  placeCutList,
  planCutList,
  planInsert,
  planOverwrite,
  poolClips,
  poolOf,
  readClips,
  readTimeline,
  timelineRate,
  timelineRefInput,
} from "../../resolve/index.ts";
import type { ToolContext } from "../../tool.ts";
import {
  clipEntryInput,
  clipsFor,
  EDIT_API,
  editFlags,
  editOutput,
  entryRange,
  frameInput,
  framePair,
  parseTracks,
  readEdit,
  runPlan,
  timecodeInput,
  tracksInput,
} from "./common.ts";

const clipsInput = z.array(clipEntryInput).min(1).max(500).describe(
  "The clips, placed one after the other; each with an optional source range (frames or the clip's own timecode, out exclusive).",
);

const placeInput = () => ({
  timeline: timelineRefInput,
  at_frame: frameInput("Where the clips go"),
  at_timecode: timecodeInput("Where the clips go"),
  track_index: z.number().int().min(1).max(1000).optional().describe(
    "Destination track number: video on V<n>, audio on A<n>. Default: 1.",
  ),
  clips: clipsInput,
  tracks: tracksInput,
  accept_losses: editFlags.accept_losses,
  dry_run: editFlags.dry_run,
});

type PlaceArgs = {
  timeline?: string;
  at_frame?: number;
  at_timecode?: string;
  track_index?: number;
  clips: z.infer<typeof clipEntryInput>[];
  tracks?: string[];
  dry_run?: boolean;
  accept_losses?: boolean;
};

async function placeClips(
  ctx: ToolContext,
  tool: string,
  args: PlaceArgs,
  planner: typeof planInsert,
  verb: string,
) {
  const where = await readEdit(ctx, args.timeline);
  const at = framePair(args.at_frame, args.at_timecode, where.read, "at")!;
  const infos = await clipsFor(ctx, where.read, args.clips.map((c) => c.clip));
  const specs = args.clips.map((c, i) => ({
    clip_id: infos[i].id,
    ...entryRange(c, infos[i], where.read),
  }));
  const plan = planner(where.read.model, at, args.track_index, specs, {
    tracks: parseTracks(args.tracks),
  });
  return await runPlan(ctx, tool, args, where, plan, `${verb} ${specs.length} clip(s) at ${at}`);
}

export const insertClips = defineTool({
  name: "insert_clips",
  title: "Insert clips (ripple)",
  description:
    "Ripple insert: the clips go in one after the other at a record frame, and everything from there moves right on every track (or on exactly the named tracks, which must include the destination tracks), linked audio included; an item across the frame is split and both parts keep its work. A clip's video goes on V<track_index>, its audio on A<track_index>, linked. A checkpoint is saved first. Frames count from the timeline start; ends are exclusive.",
  toolset: "edit",
  readOnly: false,
  input: placeInput,
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    return await placeClips(ctx, "insert_clips", args, planInsert, "Inserted");
  },
});

export const overwriteClips = defineTool({
  name: "overwrite_clips",
  title: "Overwrite with clips",
  description:
    "Overwrite edit: the clips replace [at, at + their length) on every track (or on exactly the named tracks, which must include the destination tracks); items cut in two keep their work on both sides and covered items are listed in overwritten. Nothing moves. A checkpoint is saved first. Frames count from the timeline start; ends are exclusive.",
  toolset: "edit",
  readOnly: false,
  input: placeInput,
  output: editOutput,
  apiMethods: EDIT_API,
  async handler(args, ctx) {
    return await placeClips(ctx, "overwrite_clips", args, planOverwrite, "Overwrote with");
  },
});

const eventInput = z.object({
  clip: z.string().min(1).max(4096).describe(
    "The media pool clip: unique id, bin path ('Master/Dailies/A001.mov') or unique name.",
  ),
  source_in: z.string().min(1).max(16).describe(
    "Source in as the clip's own timecode (counted from its Start TC, embedded timecode included), HH:MM:SS:FF.",
  ),
  source_out: z.string().min(1).max(16).describe(
    "Source out as the clip's timecode, exclusive (the frame after the last one used), as in an EDL.",
  ),
  record_in: z.string().max(16).optional().describe(
    "Record in as timeline timecode. Default: right after the previous placed event (the first at the timeline start).",
  ),
  track_index: z.number().int().min(1).max(1000).optional().describe(
    "Video track V<n> (its audio on A<n>). Default: 1.",
  ),
});

const CUT_API = [
  ...new Set([
    ...EDIT_API,
    "MediaPool.CreateEmptyTimeline",
    "Project.GetSetting",
    "Timeline.GetStartTimecode",
    "MediaPoolItem.GetName",
  ]),
];

export const applyCutList = defineTool({
  name: "apply_cut_list",
  title: "Build or conform a timeline from a cut list",
  description:
    "Builds a new timeline (name) from cut-list events whose times are each clip's source timecode (from its Start TC) and optional record timecodes; or, with timeline, conforms that timeline's tracks used by the events to the list (items already matching are kept, others re-created carrying the work of the same clip's item). Reports each event placed and each refused with why (UNKNOWN_CLIP, BAD_TIMECODE, EMPTY_RANGE, BEFORE_START_TC, PAST_CLIP_END, BEFORE_TIMELINE_START, BAD_TRACK, OVERLAP). Conforming saves a checkpoint first (a new timeline needs none). Out points are exclusive.",
  toolset: "edit",
  default: true,
  readOnly: false,
  input: () => ({
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name of the new timeline to build. Required unless timeline is given.",
    ),
    timeline: z.string().max(255).optional().describe(
      "An existing timeline (name or id) to conform instead of building a new one.",
    ),
    events: z.array(eventInput).min(1).max(2000).describe("The events, in order."),
    ...editFlags,
  }),
  output: () => ({
    ...editOutput(),
    placed: z.array(z.object({
      event: z.number().describe("1-based event number."),
      clip: z.string(),
      track_index: z.number(),
      record_start: z.number().describe("Record start, frames from the timeline start."),
      record_end: z.number().describe("Record end (exclusive)."),
      source_start: z.number().describe("Source frames from the clip's first frame."),
      source_end: z.number().describe("Source end (exclusive)."),
    })).describe("Events placed."),
    refused: z.array(z.object({
      event: z.number().describe("1-based event number."),
      clip: z.string(),
      reason: z.string(),
      message: z.string(),
    })).describe("Events refused, with why."),
    created_timeline: z.boolean().describe("True when a new timeline was built."),
  }),
  apiMethods: CUT_API,
  async handler(args, ctx) {
    const { resolve } = ctx;
    if (!args.name && !args.timeline) {
      fail("INVALID_ARGUMENTS", "give name (a new timeline) or timeline (one to conform)");
    }
    const { project, mediaPool } = await poolOf(resolve);
    // Clips: matched by id, bin path or unique name; an unknown one refuses its events.
    const { clips: pool, rootName } = await poolClips(resolve, mediaPool);
    const refs = [...new Set(args.events.map((e) => e.clip))];
    const entries = refs.map((ref) => {
      const hits = pool.filter((c) =>
        c.id === ref || `${c.bin}/${c.name}` === ref ||
        `${c.bin}/${c.name}` === `${rootName}/${ref}`
      );
      const named = hits.length ? hits : pool.filter((c) => c.name === ref);
      return named.length === 1 ? named[0] : undefined;
    });
    const known = entries.filter((e) => e !== undefined);
    const infos = await readClips(resolve, known.map((e) => e.clip));
    const clips: Record<string, CutListClip | undefined> = {};
    refs.forEach((ref, i) => {
      const e = entries[i];
      const info = e ? infos.get(e.id) : undefined;
      clips[ref] = e && info
        ? {
          clip_id: e.id,
          start_tc: info.start_tc,
          fps: info.fps,
          frames: info.media.frames,
          has_video: info.media.has_video,
          has_audio: info.media.has_audio,
        }
        : undefined;
    });
    let target = args.timeline ? await findTimeline(resolve, args.timeline) : undefined;
    const rate = target
      ? await timelineRate(resolve, target.timeline)
      : await projectRate(ctx, project);
    const startTc = target
      ? String(await resolve.call(target.timeline, "GetStartTimecode") || "01:00:00:00")
      : "01:00:00:00";
    let placement = placeCutList(args.events, { clips, rate, start_tc: startTc });
    if (!placement.placements.length) {
      fail(
        "NOTHING_PLACED",
        `none of the ${args.events.length} event(s) could be placed: ${
          placement.refused.slice(0, 3).map((r) => `event ${r.event + 1}: ${r.message}`).join(
            "; ",
          )
        }`,
        "list_clips shows each clip's Start TC and frames; source times are the clip's own timecode.",
      );
    }
    let created = false;
    if (!target) {
      const names = (await listTimelines(resolve, project)).map((t) => t.name);
      if (names.includes(args.name!)) {
        fail(
          "TIMELINE_EXISTS",
          `a timeline named "${args.name}" already exists`,
          "Pick another name, or pass timeline to conform that one.",
        );
      }
      if (args.dry_run) {
        const empty = {
          items: [],
          media: {},
          tracks: { video: 1, audio: 1, subtitle: 0 },
        };
        const plan = planCutList(empty, placement.placements);
        return extras(
          {
            summary:
              `Plan (nothing changed): a new timeline "${args.name}" with ${plan.create.length} item(s).`,
            data: dryOutcome(args.name!, plan),
          },
          placement,
          false,
        );
      }
      const [made] = await resolve.batch([call(mediaPool, "CreateEmptyTimeline", args.name)]);
      if (!isHandle(made)) {
        fail("CREATE_FAILED", `Resolve did not create the timeline "${args.name}"`);
      }
      target = { project, timeline: made };
      created = true;
      // Record timecodes count from the new timeline's own start (the project's setting).
      const tc = String(await resolve.call(made, "GetStartTimecode") || startTc);
      if (tc !== startTc) {
        placement = placeCutList(args.events, { clips, rate, start_tc: tc });
      }
    }
    const read = await readTimeline(resolve, target.timeline);
    for (const e of known) {
      const info = infos.get(e.id)!;
      read.clips.set(e.id, info);
      read.model.media[e.id] = info.media;
    }
    const plan = planCutList(read.model, placement.placements);
    const out = await runPlan(
      ctx,
      "apply_cut_list",
      args,
      { project, timeline: target.timeline, read },
      plan,
      `Cut list (${placement.placements.length} placed, ${placement.refused.length} refused)`,
      !created,
    );
    return extras(out, placement, created);
  },
});

async function projectRate(ctx: ToolContext, project: Handle) {
  const [fps, drop] = await ctx.resolve.batch([
    call(project, "GetSetting", "timelineFrameRate"),
    call(project, "GetSetting", "timelineDropFrameTimecode"),
  ]);
  const text = String(fps);
  return drop === "1" && !/DF/i.test(text) ? `${text} DF` : text;
}

function dryOutcome(name: string, plan: EditPlan) {
  return {
    timeline: name,
    dry_run: true,
    checkpoint_id: null,
    removed: [],
    created: createdItems(plan),
    id_map: {},
    kept: 0,
    overwritten: [],
    carried: [],
    losses: [],
    notes: plan.notes,
  };
}

function extras<D extends object>(
  out: { summary: string; data: D },
  placement: ReturnType<typeof placeCutList>,
  created: boolean,
) {
  return {
    summary: `${out.summary}${
      placement.refused.length ? ` Refused: ${placement.refused.length} event(s).` : ""
    }`,
    data: {
      ...out.data,
      placed: placement.placements.map((p) => ({
        event: p.event + 1,
        clip: p.clip,
        track_index: p.track_index,
        record_start: p.record_start,
        record_end: p.record_end,
        source_start: p.source_start,
        source_end: p.source_end,
      })),
      refused: placement.refused.map((r) => ({ ...r, event: r.event + 1 })),
      created_timeline: created,
    },
  };
}

export const CLIP_EDIT_TOOLS: ToolDef[] = [insertClips, overwriteClips, applyCutList];
