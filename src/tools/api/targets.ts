// The API objects the api tools call, found from stable ids and names, and the addresses of
// API objects in results.
import { z } from "zod";
import { fail } from "../../errors.ts";

import {
  type ApiMethod,
  call,
  catalog,
  findBin,
  findClip,
  findItem,
  findTimeline,
  type Handle,
  isHandle,
  type ResolveSession,
} from "../../resolve/index.ts";
import { dictEntries, type Json } from "./args.ts";

export const API = catalog as Record<string, Record<string, ApiMethod>>;

export const TOOL_NAMES: Record<string, string> = {
  Resolve: "api_resolve",
  ProjectManager: "api_project_manager",
  Project: "api_project",
  MediaStorage: "api_media_storage",
  MediaPool: "api_media_pool",
  Folder: "api_folder",
  MediaPoolItem: "api_media_pool_item",
  Timeline: "api_timeline",
  TimelineItem: "api_timeline_item",
  Gallery: "api_gallery",
  GalleryStillAlbum: "api_gallery_still_album",
  Graph: "api_graph",
  ColorGroup: "api_color_group",
};

export const TARGETS: Record<string, string> = {
  Resolve: "Not used: there is one Resolve object.",
  ProjectManager: "Not used: there is one project manager.",
  Project: "Not used: the open project (open another with open_project).",
  MediaStorage: "Not used: there is one media storage.",
  MediaPool: "Not used: the open project's media pool.",
  Folder:
    "The bin: its unique id or its path from the root, e.g. 'Master/Dailies'. Default: the root bin.",
  MediaPoolItem:
    "The clip: its unique id, its bin path like 'Master/Dailies/shot.mov', or its name if unique.",
  Timeline: "The timeline: its name or unique id. Default: the current timeline.",
  TimelineItem:
    "The timeline item's unique id (see list_timeline_items). Searched on `timeline`, default the current one.",
  Gallery: "Not used: the open project's gallery.",
  GalleryStillAlbum:
    "The album: its name, or 'still:N' / 'powergrade:N' (1-based). Default: the current still album.",
  Graph:
    "Whose node graph: 'timeline' (the current timeline's), 'item:<itemId>' or 'item:<itemId>:<layer>', 'group:<name>:pre' or 'group:<name>:post'.",
  ColorGroup: "The colour group's name.",
};

const objectRef = z.object({
  class: z.string(),
  id: z.string().optional(),
  album: z.string().optional(),
  index: z.number().int().min(1).optional(),
});

export async function resolveArgs(
  resolve: ResolveSession,
  value: Json,
  timeline: string | undefined,
  cache = new Map<string, Handle>(),
): Promise<unknown> {
  if (Array.isArray(value)) {
    const out = [];
    for (const v of value) out.push(await resolveArgs(resolve, v, timeline, cache));
    return out;
  }
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "$const") return value;
  if (keys.length === 1 && keys[0] === "$dict") {
    return { $dict: await resolveArgs(resolve, dictEntries(value.$dict), timeline, cache) };
  }
  if (keys.length === 1 && keys[0] === "$object") {
    const ref = objectRef.safeParse(value.$object);
    if (!ref.success) {
      fail("INVALID_ARGUMENTS", "$object needs {class, id} (GalleryStill: {class, album, index})");
    }
    const key = JSON.stringify(ref.data);
    const known = cache.get(key);
    if (known) return known; // one lookup per object per call, however often it is named
    const handle = await objectFor(resolve, ref.data, timeline);
    cache.set(key, handle);
    return handle;
  }
  const bad = keys.find((k) => k.startsWith("$"));
  if (bad) {
    fail(
      "INVALID_ARGUMENTS",
      `"${bad}" is not allowed in arguments`,
      'Use {"$object": {...}}, {"$const": NAME} or {"$dict": [[key, value], ...]}.',
    );
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = await resolveArgs(resolve, value[k], timeline, cache);
  return out;
}

async function objectFor(
  resolve: ResolveSession,
  ref: z.infer<typeof objectRef>,
  timeline: string | undefined,
): Promise<Handle> {
  if (ref.class === "GalleryStill") {
    const album = await target(resolve, "GalleryStillAlbum", ref.album, timeline);
    const stills = await resolve.call(album, "GetStills") as Handle[];
    const still = stills?.[(ref.index ?? 0) - 1];
    return still ??
      fail(
        "STILL_NOT_FOUND",
        `album has ${stills?.length ?? 0} stills; index ${ref.index} is out of range`,
      );
  }
  if (!(ref.class in TOOL_NAMES)) fail("INVALID_ARGUMENTS", `unknown class ${ref.class}`);
  return await target(resolve, ref.class, ref.id, timeline);
}

async function findFolderById(
  resolve: ResolveSession,
  root: Handle,
  id: string,
): Promise<Handle | undefined> {
  const queue = [root];
  while (queue.length) {
    const batch = queue.splice(0);
    const rows = await resolve.map(batch, [["GetUniqueId"], ["GetSubFolderList"]]);
    for (let i = 0; i < batch.length; i++) {
      if (rows[i][0] === id) return batch[i];
      queue.push(...((rows[i][1] as Handle[]) ?? []));
    }
  }
  return undefined;
}

/** The API object a tool call addresses. */
export async function target(
  resolve: ResolveSession,
  cls: string,
  ref: string | undefined,
  timeline: string | undefined,
): Promise<Handle> {
  switch (cls) {
    case "Resolve":
      return await resolve.root();
    case "ProjectManager":
      return (await resolve.chain("GetProjectManager"))[0] as Handle;
    case "MediaStorage":
      return (await resolve.chain("GetMediaStorage"))[0] as Handle;
    case "Project":
      return await resolve.project();
    case "MediaPool":
    case "Gallery": {
      const project = await resolve.project();
      return await resolve.call(
        project,
        cls === "MediaPool" ? "GetMediaPool" : "GetGallery",
      ) as Handle;
    }
    case "Folder": {
      const mediaPool = await target(resolve, "MediaPool", undefined, timeline);
      if (!ref) return await resolve.call(mediaPool, "GetRootFolder") as Handle;
      if (ref.includes("/") || ref === "Master") {
        return (await findBin(resolve, mediaPool, ref, false)).bin;
      }
      const root = await resolve.call(mediaPool, "GetRootFolder") as Handle;
      return await findFolderById(resolve, root, ref) ??
        (await findBin(resolve, mediaPool, ref, false)).bin;
    }
    case "MediaPoolItem": {
      if (!ref) fail("INVALID_ARGUMENTS", "target (the clip) is required");
      const mediaPool = await target(resolve, "MediaPool", undefined, timeline);
      return (await findClip(resolve, mediaPool, ref)).clip;
    }
    case "Timeline":
      return (await findTimeline(resolve, ref)).timeline;
    case "TimelineItem": {
      if (!ref) fail("INVALID_ARGUMENTS", "target (the item id) is required");
      const { timeline: tl } = await findTimeline(resolve, timeline);
      return (await findItem(resolve, tl, ref)).item;
    }
    case "GalleryStillAlbum": {
      const gallery = await target(resolve, "Gallery", undefined, timeline);
      if (!ref) return await resolve.call(gallery, "GetCurrentStillAlbum") as Handle;
      const [stills, grades] = await resolve.batch([
        call(gallery, "GetGalleryStillAlbums"),
        call(gallery, "GetGalleryPowerGradeAlbums"),
      ]) as Handle[][];
      const indexed = /^(still|powergrade):(\d+)$/.exec(ref);
      if (indexed) {
        const list = indexed[1] === "still" ? stills : grades;
        return list?.[Number(indexed[2]) - 1] ?? fail("ALBUM_NOT_FOUND", `no album ${ref}`);
      }
      const all = [...(stills ?? []), ...(grades ?? [])];
      const names = await resolve.batch(
        all.map((a) => call(gallery, "GetAlbumName", a)),
      );
      const at = names.indexOf(ref);
      return at >= 0 ? all[at] : fail(
        "ALBUM_NOT_FOUND",
        `no gallery album named "${ref}"`,
        `Albums: ${names.map((n) => JSON.stringify(n)).join(", ") || "(none)"}.`,
      );
    }
    case "ColorGroup": {
      if (!ref) fail("INVALID_ARGUMENTS", "target (the group name) is required");
      const project = await resolve.project();
      const groups = await resolve.call(project, "GetColorGroupsList") as Handle[] ?? [];
      const names = await resolve.map(groups, [["GetName"]]);
      const at = names.findIndex(([n]) => n === ref);
      return at >= 0 ? groups[at] : fail(
        "GROUP_NOT_FOUND",
        `no colour group named "${ref}"`,
        `Groups: ${names.map(([n]) => JSON.stringify(n)).join(", ") || "(none)"}.`,
      );
    }
    case "Graph": {
      const spec = ref ?? "timeline";
      if (spec === "timeline") {
        const { timeline: tl } = await findTimeline(resolve, timeline);
        return graphOrFail(await resolve.call(tl, "GetNodeGraph"), spec);
      }
      const item = /^item:([^:]+)(?::(\d+))?$/.exec(spec);
      if (item) {
        const handle = await target(resolve, "TimelineItem", item[1], timeline);
        const args = item[2] ? [Number(item[2])] : [];
        return graphOrFail(await resolve.call(handle, "GetNodeGraph", ...args), spec);
      }
      const group = /^group:(.+):(pre|post)$/.exec(spec);
      if (group) {
        const handle = await target(resolve, "ColorGroup", group[1], timeline);
        const method = group[2] === "pre" ? "GetPreClipNodeGraph" : "GetPostClipNodeGraph";
        return graphOrFail(await resolve.call(handle, method), spec);
      }
      return fail("INVALID_ARGUMENTS", `"${spec}" is not a graph address`, TARGETS.Graph);
    }
  }
  return fail("INVALID_ARGUMENTS", `unknown class ${cls}`);
}

function graphOrFail(graph: unknown, spec: string): Handle {
  return isHandle(graph) ? graph : fail(
    "NO_GRAPH",
    `Resolve returned no node graph for ${spec}`,
    "Check the layer index (1..nodeStackLayers) and that the item is a video clip.",
  );
}

/** Replaces API objects in a result by addresses the model can pass back. */
export async function describeObjects(resolve: ResolveSession, value: unknown): Promise<unknown> {
  const found: Handle[] = [];
  const collect = (v: unknown) => {
    if (isHandle(v)) found.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  collect(value);
  const withId = found.filter((h) => API[h.c]?.GetUniqueId);
  const withName = found.filter((h) => API[h.c]?.GetName);
  const ids = await resolve.batch(withId.map((h) => call(h, "GetUniqueId")));
  const names = await resolve.batch(withName.map((h) => call(h, "GetName")));
  const info = new Map<number, Record<string, unknown>>();
  for (const h of found) info.set(h.$h, { class: h.c });
  withId.forEach((h, i) => info.get(h.$h)!.id = ids[i]);
  withName.forEach((h, i) => info.get(h.$h)!.name = names[i]);
  const replace = (v: unknown): unknown =>
    isHandle(v)
      ? { $object: info.get(v.$h) }
      : Array.isArray(v)
      ? v.map(replace)
      : v && typeof v === "object"
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, replace(x)]))
      : v;
  return replace(value);
}
