// What the edit tools share: the flags every edit takes, frame/timecode pairs, the result
// schema, and the run from a plan to an applied, verified edit.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { parseRate, type Rate, timecodeToFrames } from "../../timecode.ts";
import type { ToolContext } from "../../tool.ts";
import {
  APPLY_METHODS,
  applyEdit,
  type ClipInfo,
  type EditOutcome,
  type EditPlan,
  findClips,
  findTimeline,
  type Handle,
  ITEM_LOOKUP_METHODS,
  offsetFrom,
  poolOf,
  readClips,
  readTimeline,
  type TimelineRead,
} from "../../resolve/index.ts";

export const EDIT_API = [
  ...new Set([
    ...ITEM_LOOKUP_METHODS,
    ...APPLY_METHODS,
    "Timeline.GetStartFrame",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
  ]),
];

export const FRAME_MAX = 100_000_000;

export const frameInput = (what: string) =>
  z.number().int().min(0).max(FRAME_MAX).optional().describe(
    `${what}, in frames from the timeline's first frame (0 = start). Give this or its _timecode twin, not both.`,
  );

export const timecodeInput = (what: string) =>
  z.string().max(16).optional().describe(
    `${what}, as timeline timecode (instead of its _frame twin).`,
  );

/** The flags every edit tool takes. */
export const editFlags = {
  include_linked: z.boolean().optional().describe(
    "Edit linked items (a video item's audio) too. Default true.",
  ),
  dry_run: z.boolean().optional().describe(
    "true: return the plan only, changing nothing.",
  ),
  accept_losses: z.boolean().optional().describe(
    "true: proceed even if some work (grade, comp, marker) cannot be carried over (listed in losses). Default false: refused with EDIT_LOSSES.",
  ),
};

export const editOutput = () => ({
  timeline: z.string().describe("The timeline edited."),
  dry_run: z.boolean().describe("True when nothing was changed (the plan only)."),
  checkpoint_id: z.string().nullable().describe(
    "The checkpoint saved before the edit (restore_checkpoint takes it); null on a dry run.",
  ),
  removed: z.array(z.string()).describe("Ids of the items deleted (re-created ones included)."),
  created: z.array(z.object({
    id: z.string().describe('The new item\'s id ("new:<n>" on a dry run).'),
    origin: z.string().nullable().describe(
      "The item whose work it carries; null for a fresh clip.",
    ),
    track_type: z.string(),
    track_index: z.number(),
    start: z.number().describe("Record start, frames from the timeline start."),
    end: z.number().describe("Record end (exclusive)."),
    source_start: z.number().describe("First source frame (0 = the clip's first frame)."),
    source_end: z.number().describe("Source end (exclusive)."),
  })).describe("Items the edit made, where they are."),
  id_map: z.record(z.string(), z.array(z.string())).describe(
    "Old item id -> the ids of the items that replace it (a split gives two).",
  ),
  kept: z.number().describe("Items left exactly as they were."),
  overwritten: z.array(z.string()).describe("Existing items the edit covered (wholly or partly)."),
  carried: z.array(z.object({
    item: z.string(),
    from: z.string(),
    what: z.array(z.string()),
  })).describe("What each re-created item carries over from the item it replaces."),
  losses: z.array(z.object({ item: z.string(), what: z.string(), why: z.string() })).describe(
    "Work not carried over or not verified (empty when everything landed).",
  ),
  notes: z.array(z.string()).describe(
    "What the plan did differently from what was asked, and why.",
  ),
});

export interface EditFlags {
  include_linked?: boolean;
  dry_run?: boolean;
  accept_losses?: boolean;
}

/** A frame from a frame/timecode pair (exactly one of them, unless optional). */
export function framePair(
  frame: number | undefined,
  timecode: string | undefined,
  read: TimelineRead,
  name: string,
  required = true,
): number | undefined {
  if (frame === undefined && timecode === undefined && required) {
    fail("INVALID_ARGUMENTS", `give ${name}_frame or ${name}_timecode`);
  }
  if (frame !== undefined && timecode !== undefined) {
    fail("INVALID_ARGUMENTS", `give ${name}_frame or ${name}_timecode, not both`);
  }
  return offsetFrom({ frame, timecode }, read.rate, read.start, false);
}

export async function readEdit(ctx: ToolContext, timelineRef: string | undefined) {
  const { project, timeline } = await findTimeline(ctx.resolve, timelineRef);
  const read = await readTimeline(ctx.resolve, timeline);
  return { project, timeline, read };
}

export function requireItem(read: TimelineRead, id: string) {
  const item = read.model.items.find((i) => i.id === id);
  if (!item) {
    fail(
      "ITEM_NOT_FOUND",
      `no item with id "${id}" on "${read.name}"`,
      "list_timeline_items shows the items and their ids.",
    );
  }
  return item;
}

/** Applies a plan for a tool and words the summary. */
export async function runPlan(
  ctx: ToolContext,
  tool: string,
  args: Record<string, unknown> & EditFlags,
  where: { project: Handle; timeline: Handle; read: TimelineRead },
  plan: EditPlan,
  verb: string,
  checkpoint = true,
  beforeChange?: () => Promise<void>,
): Promise<{ summary: string; data: EditOutcome }> {
  const data = await applyEdit(ctx, {
    tool,
    args,
    ...where,
    plan,
    checkpoint,
    beforeChange,
    dryRun: args.dry_run ?? false,
    acceptLosses: args.accept_losses ?? false,
  });
  const counts =
    `${data.removed.length} removed, ${data.created.length} created, ${data.kept} kept`;
  const losses = data.losses.length ? `; ${data.losses.length} loss(es) accepted` : "";
  return {
    summary: data.dry_run
      ? `Plan (nothing changed): ${verb}: ${counts}${
        data.losses.length ? `; ${data.losses.length} loss(es) would need accept_losses` : ""
      }.`
      : `${verb} on "${data.timeline}": ${counts}${losses}${
        data.checkpoint_id ? `; checkpoint ${data.checkpoint_id}` : ""
      }.`,
    data,
  };
}

/** The rate of a clip's own timecode (its FPS, drop-frame when its Start TC says so). */
export function clipRate(info: ClipInfo, fallback: Rate): Rate {
  const drop = info.start_tc.includes(";");
  const rate = parseRate(drop ? `${info.fps} DF` : info.fps);
  return rate ?? fallback;
}

/** A source timecode of a clip as a clip frame (0 = its first frame), or why it is not one. */
export function sourceFrame(info: ClipInfo, tc: string, fallback: Rate): number | string {
  const rate = clipRate(info, fallback);
  const at = timecodeToFrames(tc, rate);
  if (at === undefined) return `"${tc}" is not a valid timecode at ${rate.fps} fps`;
  const origin = info.start_tc ? timecodeToFrames(info.start_tc, rate) ?? 0 : 0;
  if (at < origin) return `${tc} is before the clip's Start TC ${info.start_tc}`;
  return at - origin;
}

export const clipEntryInput = z.object({
  clip: z.string().min(1).max(4096).describe(
    "A media pool clip: its unique id, its bin path like 'Master/Dailies/shot01.mov', or its name if unique.",
  ),
  source_in_frame: z.number().int().min(0).max(FRAME_MAX).optional().describe(
    "First source frame to use (0 = the clip's first frame). Or source_in_timecode. Default: 0.",
  ),
  source_in_timecode: z.string().max(16).optional().describe(
    "First source frame as the clip's own timecode (from its Start TC).",
  ),
  source_out_frame: z.number().int().min(1).max(FRAME_MAX).optional().describe(
    "Source end, exclusive (frames from the clip's first frame). Or source_out_timecode. Default: the clip's end.",
  ),
  source_out_timecode: z.string().max(16).optional().describe(
    "Source end (exclusive) as the clip's own timecode.",
  ),
});

export type ClipEntry = z.infer<typeof clipEntryInput>;

/** Clips of entries with their media, added to the model's media. */
export type PoolClip = ClipInfo & { id: string };

export async function clipsFor(
  ctx: ToolContext,
  read: TimelineRead,
  refs: string[],
): Promise<PoolClip[]> {
  const { mediaPool } = await poolOf(ctx.resolve);
  const found = await findClips(ctx.resolve, mediaPool, refs);
  const infos = await readClips(ctx.resolve, found.map((f) => f.clip));
  return found.map((f) => {
    const info = infos.get(f.id)!;
    read.clips.set(f.id, info);
    read.model.media[f.id] = info.media;
    return { ...info, id: f.id };
  });
}

/** The source range of an entry (frames, end exclusive), checked against the clip's media. */
export function entryRange(
  entry: ClipEntry,
  info: ClipInfo,
  read: TimelineRead,
): { source_start: number; source_end: number } {
  const pick = (frame: number | undefined, tc: string | undefined, what: string) => {
    if (frame !== undefined && tc !== undefined) {
      fail("INVALID_ARGUMENTS", `${entry.clip}: give ${what}_frame or ${what}_timecode, not both`);
    }
    if (tc === undefined) return frame;
    const f = sourceFrame(info, tc, read.rate);
    if (typeof f === "string") fail("INVALID_TIMECODE", `${entry.clip}: ${f}`);
    return f;
  };
  const start = pick(entry.source_in_frame, entry.source_in_timecode, "source_in") ?? 0;
  const end = pick(entry.source_out_frame, entry.source_out_timecode, "source_out") ??
    info.media.frames;
  if (end <= start) {
    fail(
      "INVALID_ARGUMENTS",
      `${entry.clip}: the source end ${end} is not after its start ${start}`,
    );
  }
  if (info.media.frames && end > info.media.frames) {
    fail(
      "OUT_OF_RANGE",
      `${entry.clip}: source end ${end} is past the clip's ${info.media.frames} frames`,
      "Source frames count from 0; ends are exclusive (list_clips shows frames).",
    );
  }
  return { source_start: start, source_end: end };
}

/** "V1" / "A2" strings as tracks. */
export const tracksInput = z.array(z.string().regex(/^[VASvas][0-9]{1,3}$/)).min(1).max(64)
  .optional().describe(
    "Exactly these tracks, as 'V1', 'A2', 'S1': only they change, the others stay as they are (an extract or insert on some tracks can pull linked items elsewhere out of sync; notes name them). insert_clips / overwrite_clips need the tracks the clips go on among them (V<track_index>, and A<track_index> for clips with audio). Omit to act on every track of the timeline (sync holds).",
  );

export function parseTracks(tracks: string[] | undefined) {
  return tracks?.map((t) => ({
    track_type: ({ V: "video", A: "audio", S: "subtitle" } as const)[
      t[0].toUpperCase() as "V" | "A" | "S"
    ],
    track_index: Number(t.slice(1)),
  }));
}
