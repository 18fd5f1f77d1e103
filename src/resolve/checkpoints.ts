// Checkpoints: what a destructive step or an edit is about to change, saved first so that
// restore_checkpoint can bring it back.
//
// A timeline checkpoint is a duplicate of the timeline (Timeline.DuplicateTimeline) named
// "[checkpoint <id>] <timeline>" and moved into a "Checkpoints" bin at the root of the media
// pool: Resolve copies every item, its properties, grade, markers and the timeline's markers,
// at a cost that does not grow with the timeline on our side (five round trips). A project
// checkpoint (pool-level deletions: clips, bins, clip markers; project presets) is a .drp
// export (ProjectManager.ExportProject) into the server's data folder, outside every folder
// the user allows, which the bridge owns (the Deno server has no file access): see
// checkpoints_op in bridge/resolve_bridge.py. Every checkpoint's record (tool, arguments,
// time, what it covers) is a JSON file in that folder; doctor lists the folder.
//
// Retention, per timeline (and per project for project checkpoints): the newest 20 are
// always kept, older ones go once they are 14 days old, and never more than 30 are kept.
// Across every record (every project's, also those never touched again), any checkpoint older
// than 90 days goes whenever a checkpoint is saved, at most 50 a save (bounded work).
import { z } from "zod";
import { fail } from "../errors.ts";
import type { ToolContext } from "../tool.ts";
import { listTimelines } from "./timelines.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle, isHandle, mapCall, ref } from "./wire.ts";

export const CHECKPOINT_BIN = "Checkpoints";
/** Always kept, per timeline (or project). */
export const KEEP_NEWEST = 20;
/** Never more than this many, per timeline (or project). */
export const KEEP_MAX = 30;
/** Checkpoints beyond the newest KEEP_NEWEST go once this old. */
export const KEEP_DAYS = 14;
/** Any checkpoint (of any project or timeline) goes once this old, whatever the count. */
export const MAX_AGE_DAYS = 90;
/** At most this many aged-out records are dropped by one save (the rest by the next ones). */
export const AGE_DROPS_PER_SAVE = 50;

/** The output field of every tool that saves a checkpoint before it changes something. */
export const checkpointIdOutput = z.string().describe(
  "The checkpoint saved just before the change: restore_checkpoint brings back what was there (list_checkpoints lists them).",
);

/** As checkpointIdOutput, for a tool whose some actions change nothing that needs one. */
export const maybeCheckpointIdOutput = z.string().nullable().describe(
  "The checkpoint saved just before a destructive change (restore_checkpoint brings back what was there); null when this call saved none (it deleted or replaced nothing).",
);

export type CheckpointScope = { timeline: Handle } | { project: true };

export interface CheckpointEntry {
  checkpoint_id: string;
  tool: string;
  args: Record<string, unknown>;
  /** ISO 8601, UTC. */
  time: string;
  scope: "timeline" | "project";
  project: { name: string; id: string };
  /** The timeline it covers (timeline scope). */
  timeline?: { name: string; id: string };
  /** The duplicate kept in the Checkpoints bin (timeline scope). */
  copy?: { name: string; id: string };
  /** The .drp export (project scope). */
  file?: string;
  /** Project scope: what the project held, to check a restore against. */
  contents?: ProjectContents;
  /** Set by the bridge's list: whether the .drp is still there. */
  file_exists?: boolean;
}

export interface ProjectContents {
  timelines: string[];
  /** Bin path -> clip names, sorted. */
  bins: Record<string, string[]>;
  /** Colour group names, sorted (absent in records made before they were kept). */
  groups?: string[];
  /** Gallery still album name -> its stills' labels in order (the gallery the .drp carries). */
  stills?: Record<string, string[]>;
}

/** The name a checkpoint's duplicate timeline gets (the prefix marks it in list_timelines). */
export function checkpointTimelineName(id: string, timeline: string): string {
  return `[checkpoint ${id}] ${timeline}`.slice(0, 250);
}

export function isCheckpointTimelineName(name: string): boolean {
  return /^\[checkpoint ck-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\] /.test(name);
}

function newId(now: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${
    p(now.getUTCHours())
  }${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return `ck-${stamp}-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** Arguments as recorded: the confirmation token is not part of what the caller asked. */
function recordedArgs(args: Record<string, unknown>): Record<string, unknown> {
  const { confirmation_token: _token, ...rest } = args;
  return rest;
}

async function store(resolve: ResolveSession, action: string, payload = {}): Promise<unknown> {
  try {
    return await resolve.bridge.request("checkpoints", { action, ...payload });
  } catch (e) {
    return fail(
      "CHECKPOINT_FAILED",
      `the checkpoint store failed (${(e as Error).message ?? e})`,
      "Check that the server's data folder (doctor lists it) is writable; nothing was changed.",
    );
  }
}

/** Every checkpoint record in the data folder, oldest first. */
export async function listCheckpointEntries(resolve: ResolveSession): Promise<CheckpointEntry[]> {
  const entries = await store(resolve, "list") as CheckpointEntry[];
  // Oldest first, by time to the millisecond (ids only count seconds).
  const key = (e: CheckpointEntry) => `${e.time}\u0000${e.checkpoint_id}`;
  return (Array.isArray(entries) ? entries : []).sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
  );
}

/** The checkpoint store's folder (for doctor): where it is and whether it exists yet. */
export async function checkpointFolder(
  resolve: ResolveSession,
): Promise<{ dir: string; exists: boolean }> {
  return await store(resolve, "dir") as { dir: string; exists: boolean };
}

/** The "Checkpoints" bin at the root of the media pool, made on first use. */
async function checkpointBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  root: Handle,
  subs: unknown,
  names: unknown,
): Promise<Handle> {
  const list = Array.isArray(subs) ? subs : [];
  const rows = Array.isArray(names) ? names as unknown[][] : [];
  const at = rows.findIndex((r) => r?.[0] === CHECKPOINT_BIN);
  if (at >= 0 && isHandle(list[at])) return list[at];
  const made = await resolve.call(mediaPool, "AddSubFolder", root, CHECKPOINT_BIN);
  if (!isHandle(made)) {
    fail(
      "CHECKPOINT_FAILED",
      `Resolve refused to create the "${CHECKPOINT_BIN}" bin for checkpoints`,
      "Nothing was changed. Check that the media pool accepts a new bin at its root.",
    );
  }
  return made;
}

/** Project-level contents: the timelines and every bin's clip names (one round trip a level). */
export async function projectContents(
  resolve: ResolveSession,
  project: Handle,
): Promise<ProjectContents> {
  const timelines = (await listTimelines(resolve, project)).map((t) => t.name)
    .filter((n) => !isCheckpointTimelineName(n)).sort();
  const [mediaPool, root] = await resolve.batch([
    call(project, "GetMediaPool"),
    call(ref(0), "GetRootFolder"),
  ]);
  const bins: Record<string, string[]> = {};
  if (!isHandle(mediaPool) || !isHandle(root)) return { timelines, bins };
  let level: { bin: Handle; path: string }[] = [{ bin: root, path: "" }];
  while (level.length) {
    const rows = await resolve.map(level.map((l) => l.bin), [
      ["GetName"],
      ["GetClipList"],
      ["GetSubFolderList"],
    ]);
    const clips = rows.map((r) => (Array.isArray(r[1]) ? r[1].filter(isHandle) : []));
    const names = await resolve.map(clips.flat(), [["GetName"]]);
    let n = 0;
    const next: { bin: Handle; path: string }[] = [];
    rows.forEach((r, i) => {
      const path = level[i].path ? `${level[i].path}/${r[0]}` : String(r[0]);
      const here = clips[i].map(() => String(names[n++]?.[0] ?? ""));
      if (String(r[0]) === CHECKPOINT_BIN && level[i].path) return;
      bins[path] = here.sort();
      if (Array.isArray(r[2])) {
        for (const s of r[2].filter(isHandle)) next.push({ bin: s, path });
      }
    });
    level = next;
  }
  return { timelines, bins, ...await groupsAndStills(resolve, project) };
}

/** Colour group names and every still album's labels; left out where the API has neither. */
async function groupsAndStills(
  resolve: ResolveSession,
  project: Handle,
): Promise<{ groups?: string[]; stills?: Record<string, string[]> }> {
  const out: { groups?: string[]; stills?: Record<string, string[]> } = {};
  try {
    const [, names, gallery, albums] = await resolve.batch([
      call(project, "GetColorGroupsList"),
      mapCall(ref(0), [["GetName"]]),
      call(project, "GetGallery"),
      call(ref(2), "GetGalleryStillAlbums"),
    ]);
    if (Array.isArray(names)) out.groups = (names as unknown[][]).map((r) => String(r?.[0])).sort();
    const list = Array.isArray(albums) ? albums.filter(isHandle) : [];
    if (!isHandle(gallery)) return out;
    const rows = await resolve.batch(list.flatMap((a) => [
      call(gallery, "GetAlbumName", a),
      call(a, "GetStills"),
    ]));
    const stills = list.map((_, i) =>
      Array.isArray(rows[2 * i + 1]) ? rows[2 * i + 1] as unknown[] : []
    );
    const labels = await resolve.batch(
      list.flatMap((a, i) => stills[i].filter(isHandle).map((s) => call(a, "GetLabel", s))),
    );
    out.stills = {};
    let n = 0;
    list.forEach((_, i) => {
      const name = String(rows[2 * i]);
      const these = stills[i].filter(isHandle).map(() => String(labels[n++] ?? ""));
      // albums of one name are told apart by their position
      out.stills![name in out.stills! ? `${name} (${i + 1})` : name] = these;
    });
  } catch {
    // Resolve without colour groups or a scriptable gallery: only timelines and bins are kept.
  }
  return out;
}

/**
 * Saves a checkpoint of what `tool` (called with `args`) is about to change: the timeline, or
 * the whole project. Call it after the user confirmed and before the change; return its id in
 * the tool's result. Throws CHECKPOINT_FAILED (nothing changed yet) if it cannot be saved.
 */
export async function saveCheckpoint(
  ctx: ToolContext,
  tool: string,
  args: Record<string, unknown>,
  scope: CheckpointScope,
): Promise<{ checkpoint_id: string }> {
  return await saveCheckpointKeeping(ctx, tool, args, scope);
}

/** saveCheckpoint, with retention sparing checkpoint `keep` (the one a restore reads). */
export async function saveCheckpointKeeping(
  ctx: ToolContext,
  tool: string,
  args: Record<string, unknown>,
  scope: CheckpointScope,
  keep?: string,
): Promise<{ checkpoint_id: string }> {
  const resolve = ctx.resolve;
  const now = new Date();
  const id = newId(now);
  const entry: CheckpointEntry = {
    checkpoint_id: id,
    tool,
    args: recordedArgs(args),
    time: now.toISOString(),
    scope: "timeline" in scope ? "timeline" : "project",
    project: { name: "", id: "" },
  };
  if ("timeline" in scope) {
    const project = await resolve.project();
    const timeline = scope.timeline;
    const [pName, pId, tName, tId, mediaPool, root, subs, names, current] = await resolve.batch([
      call(project, "GetName"),
      call(project, "GetUniqueId"),
      call(timeline, "GetName"),
      call(timeline, "GetUniqueId"),
      call(project, "GetMediaPool"),
      call(ref(4), "GetRootFolder"),
      call(ref(5), "GetSubFolderList"),
      mapCall(ref(6), [["GetName"]]),
      call(project, "GetCurrentTimeline"),
    ]);
    if (!isHandle(mediaPool) || !isHandle(root)) {
      fail("CHECKPOINT_FAILED", "the project has no media pool to keep a checkpoint in");
    }
    entry.project = { name: String(pName), id: String(pId) };
    entry.timeline = { name: String(tName), id: String(tId) };
    const bin = await checkpointBin(resolve, mediaPool, root, subs, names);
    const copyName = checkpointTimelineName(id, String(tName));
    const [copy, copyId, after, afterId, currentId] = await resolve.batch([
      call(timeline, "DuplicateTimeline", copyName),
      call(ref(0), "GetUniqueId"),
      call(project, "GetCurrentTimeline"),
      call(ref(2), "GetUniqueId"),
      ...(isHandle(current) ? [call(current, "GetUniqueId")] : []),
    ]);
    if (!isHandle(copy)) {
      fail(
        "CHECKPOINT_FAILED",
        `Resolve refused to duplicate the timeline "${tName}" for a checkpoint`,
        "Nothing was changed. Check the timeline in Resolve (a timeline with that name may exist).",
      );
    }
    entry.copy = { name: copyName, id: String(copyId) };
    // The duplicate must not become the timeline the user works on.
    if (isHandle(current) && afterId !== currentId) {
      await resolve.call(project, "SetCurrentTimeline", current);
    } else if (isHandle(after) && !isHandle(current)) {
      // nothing was current before: leave Resolve's choice
    }
    await moveIntoBin(resolve, mediaPool, copy, bin);
  } else {
    const [pm, project] = await resolve.chain("GetProjectManager", "GetCurrentProject");
    if (!isHandle(pm) || !isHandle(project)) {
      fail("NO_PROJECT", "no project is open in Resolve", "Call open_project or create_project.");
    }
    const [pName, pId] = await resolve.batch([
      call(project, "GetName"),
      call(project, "GetUniqueId"),
    ]);
    entry.project = { name: String(pName), id: String(pId) };
    entry.contents = await projectContents(resolve, project);
    const file = String(await store(resolve, "path", { checkpoint: id }));
    const [, exported] = await resolve.batch([
      call(pm, "SaveProject"),
      call(pm, "ExportProject", String(pName), file, true),
    ]);
    if (exported !== true) {
      fail(
        "CHECKPOINT_FAILED",
        `Resolve refused to export the project "${pName}" for a checkpoint`,
        "Nothing was changed. Save the project once (an Untitled Project cannot be exported) and retry.",
      );
    }
    entry.file = file;
  }
  await store(resolve, "put", { entry });
  await prune(resolve, entry, keep);
  return { checkpoint_id: id };
}

/** Moves a checkpoint's timeline into the Checkpoints bin (Timeline.GetMediaPoolItem: 19.1+). */
async function moveIntoBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  timeline: Handle,
  bin: Handle,
): Promise<void> {
  try {
    await resolve.batch([
      call(timeline, "GetMediaPoolItem"),
      call(mediaPool, "MoveClips", [ref(0)], bin),
    ]);
  } catch {
    // Older Resolve: the duplicate stays in the current bin; its name still marks it.
  }
}

/** The key retention counts by: the timeline (by name, which survives a restore) or project. */
function retentionKey(e: CheckpointEntry): string {
  return e.scope === "timeline"
    ? `${e.project.id}\u0000t\u0000${e.timeline?.name}`
    : `${e.project.id}\u0000p`;
}

/** Which of these entries (one key's, oldest first) retention drops at `now`. */
export function toDrop(entries: CheckpointEntry[], now: Date): CheckpointEntry[] {
  const newestFirst = [...entries].reverse();
  const limit = now.getTime() - KEEP_DAYS * 86_400_000;
  return newestFirst.filter((e, i) =>
    i >= KEEP_MAX || (i >= KEEP_NEWEST && Date.parse(e.time) < limit)
  );
}

/**
 * Which records, across every project and timeline (oldest first), are older than
 * MAX_AGE_DAYS at `now`: the oldest `limit` of them.
 */
export function agedOut(
  entries: CheckpointEntry[],
  now: Date,
  limit = AGE_DROPS_PER_SAVE,
): CheckpointEntry[] {
  const cutoff = now.getTime() - MAX_AGE_DAYS * 86_400_000;
  return entries.filter((e) => !(Date.parse(e.time) >= cutoff)).slice(0, limit);
}

async function prune(
  resolve: ResolveSession,
  saved: CheckpointEntry,
  keep?: string,
): Promise<void> {
  const key = retentionKey(saved);
  const all = await listCheckpointEntries(resolve);
  const now = new Date();
  const mine = all.filter((e) => retentionKey(e) === key);
  const drop = new Map(
    [...toDrop(mine, now), ...agedOut(all, now)].map((e) => [e.checkpoint_id, e]),
  );
  drop.delete(saved.checkpoint_id);
  if (keep) drop.delete(keep);
  if (!drop.size) return;
  await dropCheckpoints(resolve, [...drop.values()]);
}

/** Deletes checkpoints: their duplicate timelines (if still there) and records. */
export async function dropCheckpoints(
  resolve: ResolveSession,
  drop: CheckpointEntry[],
): Promise<void> {
  const copies = new Set(drop.map((e) => e.copy?.id).filter(Boolean));
  if (copies.size) {
    const project = await resolve.project();
    const gone = (await listTimelines(resolve, project)).filter((t) => copies.has(t.id));
    if (gone.length) {
      await resolve.batch([
        call(project, "GetMediaPool"),
        call(ref(0), "DeleteTimelines", gone.map((t) => t.handle)),
      ]);
    }
  }
  await store(resolve, "drop", { ids: drop.map((e) => e.checkpoint_id) });
}

/** Class.Methods saveCheckpoint may call, for the apiMethods of every tool that calls it. */
export const CHECKPOINT_API = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "ProjectManager.SaveProject",
  "ProjectManager.ExportProject",
  "Project.GetName",
  "Project.GetUniqueId",
  "Project.GetMediaPool",
  "Project.GetCurrentTimeline",
  "Project.SetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "MediaPool.GetRootFolder",
  "MediaPool.AddSubFolder",
  "MediaPool.MoveClips",
  "MediaPool.DeleteTimelines",
  "Folder.GetName",
  "Folder.GetSubFolderList",
  "Folder.GetClipList",
  "MediaPoolItem.GetName",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
  "Timeline.DuplicateTimeline",
  "Timeline.GetMediaPoolItem",
  "Project.GetColorGroupsList",
  "ColorGroup.GetName",
  "Project.GetGallery",
  "Gallery.GetGalleryStillAlbums",
  "Gallery.GetAlbumName",
  "GalleryStillAlbum.GetStills",
  "GalleryStillAlbum.GetLabel",
];
