// The media pool: bins by path, clips by id, bin path or unique name.
import { z } from "zod";
import { fail, someNames } from "../errors.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle, isHandle, ref } from "./wire.ts";

/** Finds (and optionally creates) a bin by its path from the root, e.g. "Master/Dailies/Day 1". */
export async function findBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  path: string,
  create: boolean,
): Promise<{ bin: Handle; created: string[] }> {
  const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
  const [root, rootName] = await resolve.batch([
    call(mediaPool, "GetRootFolder"),
    call(ref(0), "GetName"),
  ]);
  if (parts[0] === rootName) parts.shift();
  let bin = root as Handle;
  const created: string[] = [];
  for (const part of parts) {
    const children = await resolve.call(bin, "GetSubFolderList") as Handle[];
    const names = await resolve.map(children, [["GetName"]]);
    const index = names.findIndex(([n]) => n === part);
    if (index >= 0) {
      bin = children[index];
    } else if (create) {
      const made = await resolve.call(mediaPool, "AddSubFolder", bin, part);
      if (!isHandle(made)) fail("BIN_REFUSED", `Resolve refused to create the bin "${part}"`);
      bin = made;
      created.push(part);
    } else {
      fail(
        "BIN_NOT_FOUND",
        `no bin "${part}" in "${path}"`,
        "Check the bin path (bins are separated by /); list_bins shows the tree.",
      );
    }
  }
  return { bin, created };
}

export const clipRefInput = z.string().min(1).max(4096).describe(
  "Clip: id, bin path ('Master/Dailies/a.mov') or unique name.",
);

/** A clip by id, bin path or unique name (the one finder: findClips, for a single ref). */
export async function findClip(
  resolve: ResolveSession,
  mediaPool: Handle,
  ref: string,
): Promise<ClipEntry> {
  const [clip] = await findClips(resolve, mediaPool, [ref]);
  return clip;
}

/** The current project and its media pool. */
export async function poolOf(
  resolve: ResolveSession,
): Promise<{ project: Handle; mediaPool: Handle }> {
  const project = await resolve.project();
  const [mediaPool] = await resolve.batch([call(project, "GetMediaPool")]);
  if (!isHandle(mediaPool)) fail("NO_MEDIA_POOL", "the project has no media pool");
  return { project, mediaPool };
}

/** The API methods walkBins calls per bin, for a tool's apiMethods. */
export const BIN_WALK_METHODS = [
  "Folder.GetName",
  "Folder.GetUniqueId",
  "Folder.GetIsFolderStale",
  "Folder.GetClipList",
  "Folder.GetSubFolderList",
];

/** The API methods findClips / findClip / findBinRef call (from the project down). */
export const CLIP_FIND_METHODS = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetMediaPool",
  "MediaPool.GetRootFolder",
  ...BIN_WALK_METHODS,
  "MediaPoolItem.GetName",
  "MediaPoolItem.GetUniqueId",
];

export interface BinNode {
  bin: Handle;
  name: string;
  id: string;
  path: string;
  depth: number;
  stale: boolean;
  clips: Handle[];
  children: BinNode[];
}

/** The bin tree under `start` (the root bin by default), depth-first; one round trip per level. */
export async function walkBins(
  resolve: ResolveSession,
  mediaPool: Handle,
  start?: { bin: Handle; path: string },
  maxDepth = 100,
  /** false: leave `clips` empty (listings keep each bin's clip list in the bridge instead). */
  withClips = true,
): Promise<BinNode[]> {
  let first = start?.bin;
  if (!first) {
    const [root] = await resolve.batch([call(mediaPool, "GetRootFolder")]);
    if (!isHandle(root)) fail("NO_MEDIA_POOL", "the media pool has no root bin");
    first = root;
  }
  type Pending = { bin: Handle; depth: number; parent?: BinNode; path?: string };
  let level: Pending[] = [{ bin: first, depth: 0, path: start?.path }];
  let top: BinNode | undefined;
  while (level.length) {
    const rows = await resolve.map(level.map((l) => l.bin), [
      ["GetName"],
      ["GetUniqueId"],
      ["GetIsFolderStale"],
      withClips ? ["GetClipList"] : ["GetIsFolderStale"],
      ["GetSubFolderList"],
    ]);
    const next: Pending[] = [];
    rows.forEach(([binName, id, stale, clips, subs], i) => {
      const l = level[i];
      const node: BinNode = {
        bin: l.bin,
        name: String(binName),
        id: String(id),
        path: l.path ?? (l.parent ? `${l.parent.path}/${binName}` : String(binName)),
        depth: l.depth,
        stale: stale === true,
        clips: Array.isArray(clips) ? clips.filter(isHandle) : [],
        children: [],
      };
      if (l.parent) l.parent.children.push(node);
      else top = node;
      if (l.depth < maxDepth && Array.isArray(subs)) {
        for (const s of subs.filter(isHandle)) {
          next.push({ bin: s, depth: l.depth + 1, parent: node });
        }
      }
    });
    level = next;
  }
  const out: BinNode[] = [];
  const visit = (n: BinNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  if (top) visit(top);
  return out;
}

export function matchesBin(node: BinNode, ref: string, rootName: string): boolean {
  const trimmed = ref.replace(/^\/+|\/+$/g, "");
  return node.id === ref || node.path === trimmed || node.path === `${rootName}/${trimmed}`;
}

/** A bin by unique id or path from the root bin ("Master/Dailies" or "Dailies"). */
export async function findBinRef(
  resolve: ResolveSession,
  mediaPool: Handle,
  ref: string,
): Promise<BinNode> {
  const bins = await walkBins(resolve, mediaPool);
  const hit = bins.find((b) => matchesBin(b, ref, bins[0].name));
  if (!hit) {
    fail(
      "BIN_NOT_FOUND",
      `no bin with id or path "${ref}"`,
      `Bins: ${someNames(bins.map((b) => b.path))}. list_bins shows the tree.`,
    );
  }
  return hit;
}

export interface ClipEntry {
  clip: Handle;
  name: string;
  id: string;
  bin: string;
}

/** Every clip of the pool with name, id and bin path: one map for all names and ids. */
export async function poolClips(
  resolve: ResolveSession,
  mediaPool: Handle,
): Promise<{ clips: ClipEntry[]; rootName: string }> {
  const bins = await walkBins(resolve, mediaPool);
  const flat = bins.flatMap((b) => b.clips.map((clip) => ({ clip, bin: b.path })));
  const rows = await resolve.map(flat.map((c) => c.clip), [["GetName"], ["GetUniqueId"]]);
  return {
    clips: flat.map((c, i) => ({ ...c, name: String(rows[i][0]), id: String(rows[i][1]) })),
    rootName: bins[0]?.name ?? "Master",
  };
}

function matchClip(all: ClipEntry[], rootName: string, ref: string): ClipEntry {
  const byId = all.find((c) => c.id === ref);
  if (byId) return byId;
  const byPath = all.find((c) =>
    `${c.bin}/${c.name}` === ref || `${c.bin}/${c.name}` === `${rootName}/${ref}`
  );
  if (byPath) return byPath;
  const byName = all.filter((c) => c.name === ref);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) {
    fail(
      "AMBIGUOUS_CLIP",
      `${byName.length} clips are named "${ref}"`,
      `Use the id or bin path instead: ${
        byName.slice(0, 5).map((c) => `${c.bin}/${c.name} (${c.id})`).join(", ")
      }.`,
    );
  }
  return fail(
    "CLIP_NOT_FOUND",
    `no clip "${ref}" in the media pool`,
    "Use a clip id or a bin path like Master/Dailies/shot.mov; list_clips shows what is there.",
  );
}

/** Several clips by id, bin path or unique name, with one walk of the pool. */
export async function findClips(
  resolve: ResolveSession,
  mediaPool: Handle,
  refs: string[],
): Promise<ClipEntry[]> {
  const { clips, rootName } = await poolClips(resolve, mediaPool);
  return refs.map((ref) => matchClip(clips, rootName, ref));
}
