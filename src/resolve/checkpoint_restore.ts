// Restoring a checkpoint (src/resolve/checkpoints.ts) and checking it by reading back.
//
// A timeline checkpoint is restored by duplicating the checkpoint's copy (which stays, so the
// checkpoint can be restored again), deleting the timeline it replaces (after checkpointing
// that present state), giving the new timeline the original name and putting it back in the
// bin the original was in (the root bin when the original is gone). Then every item of both
// (the checkpoint's copy and the restored timeline) is read back and compared: track,
// position, source range, name, every Inspector property, clip colour, enabled state, flags,
// markers, and the grade as the API shows it (node count, each node's label, LUT and tools);
// timeline markers too. A project checkpoint is restored by importing its .drp under the
// project's name and loading it; the open project of that name (Resolve cannot replace or
// delete it) is renamed "<project> (replaced <id>)" first and stays. The restored project's
// timelines, every bin's clips, its colour groups and its gallery stills (album by album, the
// labels in order: the .drp is exported with stills) are compared with what the checkpoint
// holds.
import { fail } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import {
  type CheckpointEntry,
  checkpointTimelineName,
  isCheckpointTimelineName,
  listCheckpointEntries,
  projectContents,
  saveCheckpointKeeping,
} from "./checkpoints.ts";
import { walkBins } from "./pool.ts";
import { listTimelines } from "./timelines.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle, isHandle, type MapMethod, ref } from "./wire.ts";

const TRACK_TYPES = ["video", "audio", "subtitle"] as const;

/** One item as read back, for comparing. */
interface ItemPrint {
  where: string;
  fields: Record<string, string>;
}

/** A timeline as the API shows it: markers, and every item's position and work. */
export async function timelinePrint(
  resolve: ResolveSession,
  timeline: Handle,
): Promise<{ markers: string; items: ItemPrint[] }> {
  const [markers, ...counts] = await resolve.batch([
    call(timeline, "GetMarkers"),
    ...TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  ]);
  const tracks = TRACK_TYPES.flatMap((type, t) =>
    Array.from({ length: Number(counts[t]) || 0 }, (_, i) => ({ type, index: i + 1 }))
  );
  const lists = await resolve.batch(
    tracks.map((tr) => call(timeline, "GetItemListInTrack", tr.type, tr.index)),
  );
  const items: { item: Handle; where: string; video: boolean }[] = [];
  tracks.forEach((tr, i) => {
    const list = Array.isArray(lists[i]) ? (lists[i] as unknown[]).filter(isHandle) : [];
    for (const item of list) {
      items.push({ item, where: `${tr.type} ${tr.index}`, video: tr.type === "video" });
    }
  });
  const methods: MapMethod[] = [
    ["GetName"],
    ["GetStart"],
    ["GetEnd"],
    ["GetLeftOffset"],
    ["GetProperty"],
    ["GetMarkers"],
    ["GetClipColor"],
    ["GetClipEnabled"],
    ["GetFlagList"],
  ];
  const rows = await resolve.map(items.map((i) => i.item), methods);
  const video = items.map((it, i) => ({ ...it, i })).filter((it) => it.video);
  const graphs = await resolve.map(video.map((v) => v.item), [["GetNodeGraph"]]);
  const graphOf = new Map<number, Handle>();
  video.forEach((v, k) => {
    if (isHandle(graphs[k]?.[0])) graphOf.set(v.i, graphs[k][0] as Handle);
  });
  const withGraph = [...graphOf.entries()];
  const nodeCounts = await resolve.map(withGraph.map(([, g]) => g), [["GetNumNodes"]]);
  const nodeCalls: { i: number; calls: number }[] = [];
  const batch = withGraph.flatMap(([i, g], k) => {
    const n = Math.min(Number(nodeCounts[k]?.[0]) || 0, 64);
    nodeCalls.push({ i, calls: n });
    return Array.from({ length: n }, (_, node) => [
      call(g, "GetNodeLabel", node + 1),
      call(g, "GetLUT", node + 1),
      call(g, "GetToolsInNode", node + 1),
    ]).flat();
  });
  const nodeValues = await resolve.batch(batch);
  const grades = new Map<number, string>();
  let at = 0;
  for (const { i, calls } of nodeCalls) {
    grades.set(i, JSON.stringify(nodeValues.slice(at, at + calls * 3)));
    at += calls * 3;
  }
  const print = items.map((it, i) => {
    const [name, start, end, left, props, marks, color, enabled, flags] = rows[i];
    return {
      where: it.where,
      fields: {
        name: String(name),
        start: String(start),
        end: String(end),
        source_offset: String(left),
        properties: stable(props),
        markers: stable(marks),
        clip_color: String(color ?? ""),
        enabled: String(enabled),
        flags: stable(flags),
        grade: grades.get(i) ?? "",
      },
    };
  });
  return { markers: stable(markers), items: print };
}

/** JSON with sorted keys, so two equal dicts print the same. */
function stable(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v && typeof v === "object"
      ? Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a < b ? -1 : 1)
          .map(([k, x]) => [k, sort(x)]),
      )
      : v;
  return JSON.stringify(sort(value ?? null));
}

/** What differs between two prints (empty when they match). */
export function comparePrints(
  want: { markers: string; items: ItemPrint[] },
  got: { markers: string; items: ItemPrint[] },
): string[] {
  const out: string[] = [];
  if (want.markers !== got.markers) out.push("timeline markers differ");
  const key = (p: ItemPrint) => `${p.where} @${p.fields.start}`;
  const have = new Map(got.items.map((p) => [key(p), p]));
  for (const w of want.items) {
    const g = have.get(key(w));
    if (!g) {
      out.push(`${w.where}: "${w.fields.name}" at ${w.fields.start} is missing`);
      continue;
    }
    have.delete(key(w));
    for (const [field, value] of Object.entries(w.fields)) {
      if (g.fields[field] !== value) {
        out.push(`${w.where}: "${w.fields.name}" at ${w.fields.start}: ${field} differs`);
      }
    }
  }
  for (const g of have.values()) {
    out.push(`${g.where}: unexpected "${g.fields.name}" at ${g.fields.start}`);
  }
  return out;
}

/** A checkpoint of the current project by id, or CHECKPOINT_NOT_FOUND. */
export async function findCheckpoint(
  resolve: ResolveSession,
  id: string,
): Promise<CheckpointEntry> {
  const entry = (await listCheckpointEntries(resolve)).find((e) => e.checkpoint_id === id);
  if (!entry) {
    fail(
      "CHECKPOINT_NOT_FOUND",
      `no checkpoint "${id}"`,
      "list_checkpoints shows the checkpoints kept for this project.",
    );
  }
  return entry;
}

export interface RestoreResult {
  scope: "timeline" | "project";
  /** The timeline (or project) as restored. */
  restored: { name: string; id: string };
  /** The checkpoint of the state the restore replaced (null when nothing was replaced). */
  checkpoint_id: string | null;
  /** Items (timeline) or bins (project) compared. */
  compared: number;
}

/** The bin a media pool item is in (walking the pool), or undefined. */
async function binOf(
  resolve: ResolveSession,
  mediaPool: Handle,
  clipId: string,
): Promise<Handle | undefined> {
  const bins = await walkBins(resolve, mediaPool);
  const flat = bins.flatMap((b) => b.clips.map((c) => ({ bin: b.bin, clip: c })));
  const ids = await resolve.map(flat.map((f) => f.clip), [["GetUniqueId"]]);
  const at = ids.findIndex(([x]) => x === clipId);
  return at >= 0 ? flat[at].bin : undefined;
}

/**
 * Brings back what the checkpoint holds; call after the user confirmed. Saves the present
 * state first (tool "restore_checkpoint"), reads back and fails with RESTORE_MISMATCH
 * (listing what differs) when the result is not what the checkpoint holds.
 */
export async function restoreCheckpoint(
  ctx: ToolContext,
  entry: CheckpointEntry,
): Promise<RestoreResult> {
  return entry.scope === "project"
    ? await restoreProject(ctx, entry)
    : await restoreTimeline(ctx, entry);
}

/** The checkpoint's copy and the timeline it would replace (found by id, then name). */
export async function restoreTargets(
  resolve: ResolveSession,
  entry: CheckpointEntry,
): Promise<{
  project: Handle;
  copy: Handle;
  original?: { handle: Handle; name: string; id: string };
}> {
  const project = await resolve.project();
  const all = await listTimelines(resolve, project);
  const copy = all.find((t) => t.id === entry.copy?.id);
  if (!copy) {
    fail(
      "CHECKPOINT_MISSING",
      `the timeline that holds checkpoint ${entry.checkpoint_id} ("${entry.copy?.name}") is gone from the project`,
      "It was deleted or renamed in Resolve; list_checkpoints shows the checkpoints still available.",
    );
  }
  const original = all.find((t) => t.id === entry.timeline?.id) ??
    all.find((t) => t.name === entry.timeline?.name && !isCheckpointTimelineName(t.name));
  return { project, copy: copy.handle, original };
}

async function restoreTimeline(ctx: ToolContext, entry: CheckpointEntry): Promise<RestoreResult> {
  const resolve = ctx.resolve;
  const { project, copy, original } = await restoreTargets(resolve, entry);
  const name = entry.timeline?.name ?? "Restored timeline";
  const saved = original
    ? await saveCheckpointKeeping(
      ctx,
      "restore_checkpoint",
      { checkpoint_id: entry.checkpoint_id },
      { timeline: original.handle },
      entry.checkpoint_id,
    )
    : null;
  const [mediaPool, current, currentId] = await resolve.batch([
    call(project, "GetMediaPool"),
    call(project, "GetCurrentTimeline"),
    call(ref(1), "GetUniqueId"),
  ]);
  if (!isHandle(mediaPool)) fail("NO_MEDIA_POOL", "the project has no media pool");
  let bin: Handle | undefined;
  if (original) {
    try {
      const [clip, clipId] = await resolve.batch([
        call(original.handle, "GetMediaPoolItem"),
        call(ref(0), "GetUniqueId"),
      ]);
      if (isHandle(clip)) bin = await binOf(resolve, mediaPool, String(clipId));
    } catch {
      // Resolve before 19.1: the restored timeline goes to the root bin.
    }
  }
  const temp = checkpointTimelineName(entry.checkpoint_id, `${name} restoring`);
  const [made, madeId] = await resolve.batch([
    call(copy, "DuplicateTimeline", temp),
    call(ref(0), "GetUniqueId"),
  ]);
  if (!isHandle(made)) {
    fail(
      "RESTORE_REFUSED",
      `Resolve refused to duplicate the checkpoint's timeline`,
      "Nothing was replaced. Check the project in Resolve and retry restore_checkpoint.",
    );
  }
  if (original) {
    const deleted = await resolve.call(mediaPool, "DeleteTimelines", [original.handle]);
    if (deleted !== true) {
      await resolve.call(mediaPool, "DeleteTimelines", [made]);
      fail(
        "RESTORE_REFUSED",
        `Resolve refused to delete the timeline "${original.name}" to put the checkpoint in its place`,
        "Nothing was replaced.",
      );
    }
  }
  const renamed = await resolve.call(made, "SetName", name);
  if (!bin) {
    const [root] = await resolve.batch([call(mediaPool, "GetRootFolder")]);
    if (isHandle(root)) bin = root;
  }
  if (bin) {
    try {
      await resolve.batch([
        call(made, "GetMediaPoolItem"),
        call(mediaPool, "MoveClips", [ref(0)], bin),
      ]);
    } catch {
      // Resolve before 19.1: it stays in the bin Resolve put it in.
    }
  }
  if (!isHandle(current) || currentId === original?.id) {
    await resolve.call(project, "SetCurrentTimeline", made);
  }
  const want = await timelinePrint(resolve, copy);
  const got = await timelinePrint(resolve, made);
  const diffs = comparePrints(want, got);
  if (renamed !== true) diffs.unshift(`the restored timeline could not be named "${name}"`);
  if (diffs.length) {
    fail(
      "RESTORE_MISMATCH",
      `the restored timeline does not match checkpoint ${entry.checkpoint_id}: ${
        diffs.slice(0, 20).join("; ")
      }${diffs.length > 20 ? ` (and ${diffs.length - 20} more)` : ""}`,
      `The timeline was replaced${
        saved ? `; the state before the restore is checkpoint ${saved.checkpoint_id}` : ""
      }. Inspect it with list_timeline_items.`,
    );
  }
  return {
    scope: "timeline",
    restored: { name, id: String(madeId) },
    checkpoint_id: saved?.checkpoint_id ?? null,
    compared: want.items.length,
  };
}

async function restoreProject(ctx: ToolContext, entry: CheckpointEntry): Promise<RestoreResult> {
  const resolve = ctx.resolve;
  if (!entry.file || entry.file_exists === false) {
    fail(
      "CHECKPOINT_MISSING",
      `the project export of checkpoint ${entry.checkpoint_id} is gone from the data folder`,
      "list_checkpoints shows the checkpoints still available; doctor shows the data folder.",
    );
  }
  const saved = await saveCheckpointKeeping(
    ctx,
    "restore_checkpoint",
    { checkpoint_id: entry.checkpoint_id },
    { project: true },
    entry.checkpoint_id,
  );
  // The checkpoint comes back under the project's own name: the open project (if it has that
  // name) is renamed "<name> (replaced <id>)" first and stays, as the checkpoint just saved.
  const target = entry.project.name;
  const [pm, current] = await resolve.chain("GetProjectManager", "GetCurrentProject");
  const currentName = isHandle(current) ? String(await resolve.call(current, "GetName")) : "";
  let renamed = false;
  if (isHandle(current) && currentName === target) {
    const aside = `${target} (replaced ${saved.checkpoint_id})`.slice(0, 250);
    renamed = await resolve.call(current, "SetName", aside) === true;
  }
  const free = renamed || currentName !== target;
  let name = free ? target : `${target} (restored ${entry.checkpoint_id})`.slice(0, 250);
  let imported = await resolve.call(pm as Handle, "ImportProject", entry.file, name);
  if (imported !== true && name === target) {
    // another project of that name (not open): import beside it
    name = `${target} (restored ${entry.checkpoint_id})`.slice(0, 250);
    imported = await resolve.call(pm as Handle, "ImportProject", entry.file, name);
  }
  if (imported !== true) {
    if (renamed) await resolve.call(current as Handle, "SetName", target);
    fail(
      "RESTORE_REFUSED",
      `Resolve refused to import the checkpoint's project as "${name}"`,
      "A project with that name may exist already (list_projects); nothing was replaced.",
    );
  }
  const loaded = await resolve.call(pm as Handle, "LoadProject", name);
  if (!isHandle(loaded)) {
    fail(
      "RESTORE_REFUSED",
      `Resolve imported the checkpoint as project "${name}" but refused to load it`,
      "Open it with open_project.",
    );
  }
  const [id] = await resolve.batch([call(loaded, "GetUniqueId")]);
  const got = await projectContents(resolve, loaded);
  const want = entry.contents ?? { timelines: [], bins: {} };
  const diffs: string[] = [];
  if (JSON.stringify(want.timelines) !== JSON.stringify(got.timelines)) {
    diffs.push(`timelines differ (${want.timelines.length} kept, ${got.timelines.length} now)`);
  }
  for (const [path, clips] of Object.entries(want.bins)) {
    if (JSON.stringify(got.bins[path] ?? null) !== JSON.stringify(clips)) {
      diffs.push(`bin "${path}" differs`);
    }
  }
  for (const path of Object.keys(got.bins)) {
    if (!(path in want.bins)) diffs.push(`unexpected bin "${path}"`);
  }
  if (want.groups && JSON.stringify(want.groups) !== JSON.stringify(got.groups ?? [])) {
    diffs.push(`colour groups differ (${want.groups.length} kept, ${got.groups?.length ?? 0} now)`);
  }
  for (const [album, labels] of Object.entries(want.stills ?? {})) {
    if (JSON.stringify(got.stills?.[album] ?? null) !== JSON.stringify(labels)) {
      diffs.push(`the stills of album "${album}" differ`);
    }
  }
  if (diffs.length) {
    fail(
      "RESTORE_MISMATCH",
      `the restored project "${name}" does not match checkpoint ${entry.checkpoint_id}: ${
        diffs.slice(0, 20).join("; ")
      }`,
      `The state before the restore is checkpoint ${saved.checkpoint_id}.`,
    );
  }
  return {
    scope: "project",
    restored: { name, id: String(id) },
    checkpoint_id: saved.checkpoint_id,
    compared: Object.keys(want.bins).length,
  };
}

/** Class.Methods a restore may call (besides CHECKPOINT_API). */
export const RESTORE_API = [
  "Timeline.GetMarkers",
  "Timeline.GetTrackCount",
  "Timeline.GetItemListInTrack",
  "Timeline.SetName",
  "TimelineItem.GetName",
  "TimelineItem.GetStart",
  "TimelineItem.GetEnd",
  "TimelineItem.GetLeftOffset",
  "TimelineItem.GetProperty",
  "TimelineItem.GetMarkers",
  "TimelineItem.GetClipColor",
  "TimelineItem.GetClipEnabled",
  "TimelineItem.GetFlagList",
  "TimelineItem.GetNodeGraph",
  "Graph.GetNumNodes",
  "Graph.GetNodeLabel",
  "Graph.GetLUT",
  "Graph.GetToolsInNode",
  "MediaPoolItem.GetUniqueId",
  "Folder.GetUniqueId",
  "Folder.GetIsFolderStale",
  "ProjectManager.ImportProject",
  "ProjectManager.LoadProject",
  "Project.SetName",
];
