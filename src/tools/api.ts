// Toolset "api": full reach in few tools. One tool per API class (13), whose `method` enum is
// that class's documented methods; objects are addressed by stable ids or names, never by
// bridge handles, and results that are API objects come back as such addresses.
import { z } from "zod";
import { type ApiMethod, catalog, EXPORT_FORMATS } from "../resolve/index.ts";
import { fail } from "../errors.ts";
import { isAbsolutePath, isPathSetting, refuseControl } from "../paths.ts";
import { defineTool, type ToolDef } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { confirmStartRendering } from "./render.ts";
import {
  checkFileName,
  checkPathSetting,
  confirmOverwrite,
  needExtension,
  NO_CONTROL,
  NOTE_TEXT,
} from "./shared.ts";
import {
  call,
  findBin,
  findClip,
  findItem,
  findTimeline,
  type Handle,
  isHandle,
  type ResolveSession,
} from "../resolve/index.ts";

const API = catalog as Record<string, Record<string, ApiMethod>>;

const TOOL_NAMES: Record<string, string> = {
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

const TARGETS: Record<string, string> = {
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

/** Optional parameters the reference documents without writing a default. */
const OPTIONAL = new Set([
  "customData",
  "subframe_precision",
  "subTrackType",
  "newTrackOptions",
  "timelineName",
  "startFrame",
  "endFrame",
  "layerIdx",
  "exportSubtype",
  "clipInfo",
  "autoCaptionSettings",
  "importOptions",
  "stereoEye",
  "presetName",
  "mediaLocationPath",
  "sourceClipsPath",
]);

/** [min, max] number of arguments over all documented signatures of a method. */
export function arity(signatures: string[]): [number, number] {
  let min = Infinity;
  let max = 0;
  for (const signature of signatures) {
    const inner = signature.slice(signature.indexOf("(") + 1, signature.lastIndexOf(")")).trim();
    const params = inner ? inner.split(/,(?![^[{]*[\]}])/).map((p) => p.trim()) : [];
    if (params.some((p) => p.includes("..."))) {
      min = Math.min(min, 0);
      max = Infinity;
      continue;
    }
    const required = params.filter((p) =>
      !p.includes("=") && !OPTIONAL.has(p.replace(/[{}[\]]/g, ""))
    );
    min = Math.min(min, required.length);
    max = Math.max(max, params.length);
  }
  return [min === Infinity ? 0 : min, max];
}

// Arguments: JSON values, plus three escapes: {"$object": {...}} for an API object,
// {"$const": "EXPORT_EDL"} for a constant of `resolve`, {"$dict": [[k, v], ...]} for a dict
// whose keys are constants. Anything else starting with "$" is refused.
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const argSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string().max(100_000),
    z.array(argSchema).max(10_000),
    z.record(z.string().max(200), argSchema),
  ])
);

const objectRef = z.object({
  class: z.string(),
  id: z.string().optional(),
  album: z.string().optional(),
  index: z.number().int().min(1).optional(),
});

async function resolveArgs(
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
async function target(
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
async function describeObjects(resolve: ResolveSession, value: unknown): Promise<unknown> {
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

/**
 * What every api tool may call besides its own class's methods: finding the object it calls
 * (target, $object arguments: bins, clips, timelines, items, albums, groups, graphs), the
 * render-job checks of Project.StartRendering, and the addresses of objects in the result.
 */
const ADDRESSING = [
  "Resolve.GetProjectManager",
  "Resolve.GetMediaStorage",
  "ProjectManager.GetCurrentProject",
  "Project.GetMediaPool",
  "Project.GetGallery",
  "Project.GetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Project.GetColorGroupsList",
  "Project.GetRenderJobList",
  "Project.GetRenderJobStatus",
  "MediaPool.GetRootFolder",
  "Folder.GetSubFolderList",
  "Folder.GetClipList",
  "Folder.GetIsFolderStale",
  "Timeline.GetTrackCount",
  "Timeline.GetItemListInTrack",
  "Timeline.GetSetting",
  "Timeline.GetNodeGraph",
  "TimelineItem.GetNodeGraph",
  "Gallery.GetCurrentStillAlbum",
  "Gallery.GetGalleryStillAlbums",
  "Gallery.GetGalleryPowerGradeAlbums",
  "Gallery.GetAlbumName",
  "GalleryStillAlbum.GetStills",
  "ColorGroup.GetPreClipNodeGraph",
  "ColorGroup.GetPostClipNodeGraph",
];

/** ADDRESSING and the GetUniqueId / GetName of every class (how result objects are named). */
function addressingMethods(): string[] {
  const names = Object.entries(API).flatMap(([c, methods]) =>
    ["GetUniqueId", "GetName"].filter((m) => methods[m]).map((m) => `${c}.${m}`)
  );
  return [...ADDRESSING, ...names].filter((m) => {
    const [c, name] = m.split(".");
    return API[c]?.[name] !== undefined;
  });
}

function apiTool(cls: string): ToolDef {
  const methods = API[cls];
  const names = Object.keys(methods).sort() as [string, ...string[]];
  const destructive = names.filter((m) => methods[m].effect === "destructive");
  const needsTarget = !TARGETS[cls].startsWith("Not used");
  return defineTool({
    name: TOOL_NAMES[cls],
    title: `Resolve API: ${cls}`,
    description:
      `Calls one documented method of Resolve's ${cls} object (${names.length} methods; see the resource resolve://api/reference for signatures). ` +
      `Arguments are positional JSON values; pass API objects as {"$object": {"class": "MediaPoolItem", "id": "<unique id>"}} (GalleryStill: {"class": "GalleryStill", "album": "<name>", "index": n}), constants as {"$const": "EXPORT_EDL"}, and constant-keyed dicts as {"$dict": [[{"$const": "AUDIO_SYNC_MODE"}, ...]]}. ` +
      `Results that are API objects come back as {"$object": {class, id, name}}. File and folder paths (anywhere in the arguments) must be absolute and inside the allowed folders; overwriting an existing file needs the user's confirmation. Prefer the task-level tools; use this for anything they do not cover.` +
      (destructive.length
        ? ` Destructive methods (${destructive.join(", ")}) need the user's confirmation.`
        : ""),
    toolset: "api",
    readOnly: false,
    gatedByBridge: true,
    destructive: destructive.length > 0,
    asks: true, // overwriting a file needs confirmation, whatever the method
    openWorld: true,
    input: () => ({
      method: z.enum(names).describe(`The ${cls} method to call.`),
      ...(needsTarget ? { target: z.string().max(4096).optional().describe(TARGETS[cls]) } : {}),
      args: z.array(argSchema).max(32).optional().describe(
        "Positional arguments, as in the API reference. Default: none.",
      ),
      timeline: z.string().max(255).optional().describe(
        "Timeline (name or id) used to find timeline items and graphs. Default: the current timeline.",
      ),
    }),
    output: () => ({
      class: z.string().describe("The API class called."),
      method: z.string().describe("The method called."),
      result: z.unknown().describe(
        "What the method returned (API objects as {$object: {class, id, name}}).",
      ),
    }),
    apiMethods: [...new Set([...names.map((m) => `${cls}.${m}`), ...addressingMethods()])],
    async handler(args, ctx) {
      const { resolve } = ctx;
      const spec = methods[args.method];
      const raw = (args.args ?? []) as Json[];
      const [min, max] = arity(spec.signatures);
      if (raw.length < min || raw.length > max) {
        fail(
          "INVALID_ARGUMENTS",
          `${cls}.${args.method} takes ${
            min === max ? min : `${min} to ${max === Infinity ? "any number of" : max}`
          } argument(s), got ${raw.length}`,
          `Signatures: ${spec.signatures.join("; ")}.`,
        );
      }
      // Paths and names first: refuse what can be refused before asking the user.
      const { args: sent, written } = await checkPathArgs(ctx, cls, args.method, spec, raw);
      if (spec.effect === "destructive") {
        await ctx.confirm(
          `Call ${cls}.${args.method}, which deletes or discards data in Resolve?`,
        );
      }
      if (cls === "Project" && args.method === "StartRendering") {
        await confirmStartRendering(ctx, raw); // the jobs' output files
      }
      const object = await target(
        resolve,
        cls,
        (args as { target?: string }).target,
        args.timeline,
      );
      const callArgs = await resolveArgs(resolve, sent as Json, args.timeline) as unknown[];
      const value = await resolve.call(object, args.method, ...callArgs);
      for (const path of written) await ctx.paths.checkLanded(path); // nothing was swapped
      const result = await describeObjects(resolve, value);
      return {
        summary: `${cls}.${args.method} returned ${
          JSON.stringify(result)?.slice(0, 200) ?? "nothing"
        }.`,
        data: { class: cls, method: args.method, result },
      };
    },
  });
}

// -- paths in arguments ----------------------------------------------------------------------
//
// Every string anywhere in the arguments (arrays, dict values, $dict values) is a path when it
// is absolute (POSIX, C:\, UNC), starts with ~ or file:, or has a '..' segment; and any string
// that is the value of a parameter or dict key named like a path (folderPath, filePath,
// fileName, lutPath, TargetDir, FilePath, media...) is a path whatever its shape. Paths are
// resolved and checked against the allowed roots, and Resolve receives the resolved path.
// Relative paths are refused: Resolve would resolve them against its own working directory.
// $dict takes [key, value] pairs only; bare file names (filePrefix, CustomName, the deblur
// FileName) may not hold folders; folder-valued settings (SetSetting, SetRenderSettings) are
// checked as writes; a write is checked again once Resolve returns (PATH_ESCAPED).

/** Parameter and dict key names whose string values are paths. */
const PATH_NAME = /(path|paths|dir|dirs|directory|folder|folders|file|files|filename)$/i;
/** Parameters named like folders that take Folder objects, not paths. */
const OBJECT_PARAMS = new Set([
  "folder",
  "folders",
  "subfolders",
  "targetfolder",
  "sourceclipsfolders",
]);
/** Parameters (and dict keys) holding free text: names, notes, metadata, never paths. */
const TEXT_NAME =
  /(name|names|note|notes|label|customdata|metadata|metadatatype|metadatavalue|color|keyword|keywords|comments|description)$/i;
/** Methods whose item arguments are file paths though not named so. */
const ITEM_PATH_METHODS = new Set([
  "MediaPool.ImportMedia",
  "MediaStorage.AddItemListToMediaPool",
]);
/** lutPath may be relative to Resolve's LUT folders (no '..'), as set_node does. */
const LUT_FOLDER_RELATIVE = new Set(["lutpath"]);
/** Parameters and dict keys holding bare file names: Resolve puts them in a folder given
 * elsewhere (ExportStills' folderPath, the render TargetDir). No folders, no '..'. */
const BARE_NAMES = new Set(["fileprefix", "customname"]);
/** Methods whose FileName option is a bare name (the deblurred copy goes next to its clip). */
const BARE_FILE_NAME_METHODS = new Set(["RemoveMotionBlur"]);
/** Methods that store folders Resolve writes into later: checked as writes, not confirmed. */
const SETTING_METHODS = new Set([
  "Project.SetSetting",
  "Timeline.SetSetting",
  "Project.SetRenderSettings",
]);

export function isPathName(name: string | undefined): boolean {
  if (!name) return false;
  const n = name.replace(/\s+/g, "").toLowerCase();
  return n === "media" || (PATH_NAME.test(n) && !OBJECT_PARAMS.has(n));
}

function isTextName(name: string | undefined): boolean {
  return !!name && !isPathName(name) && TEXT_NAME.test(name.replace(/\s+/g, ""));
}

/** A string shaped like a path whatever parameter it is given for. */
export function looksLikePath(s: string): boolean {
  return isAbsolutePath(s) || s.startsWith("~") || /^file:/i.test(s) ||
    /(^|[\\/])\.\.([\\/]|$)/.test(s);
}

/** Positional parameter names of a method, per position, over all its signatures. */
export function paramNames(signatures: string[]): string[][] {
  const names: string[][] = [];
  for (const signature of signatures) {
    const inner = signature.slice(signature.indexOf("(") + 1, signature.lastIndexOf(")")).trim();
    const params = inner ? inner.split(/,(?![^[{]*[\]}])/) : [];
    params.forEach((p, i) => {
      const name = p.replace(/=.*$/, "").replace(/[[\]{}.,]/g, "").trim();
      const at = names[i] ??= [];
      if (name && !at.includes(name)) at.push(name);
    });
  }
  return names;
}

export interface PathArg {
  value: string;
  /** The parameter or dict key it was given for, if known. */
  name: string | undefined;
  /** True if found by its name (not its shape). */
  byName: boolean;
  /** A folder-valued setting (TargetDir, perfCacheClipsLocation...): Resolve writes there later. */
  setting: boolean;
  put(resolved: string): void;
}

/** A $dict's entries: only [key, value] pairs (any other shape would reach Resolve unchecked). */
function dictEntries(value: Json): [Json, Json][] {
  if (!Array.isArray(value) || !value.every((e) => Array.isArray(e) && e.length === 2)) {
    fail(
      "INVALID_ARGUMENTS",
      "$dict takes a list of [key, value] pairs",
      'Write {"$dict": [[{"$const": "NAME"}, value], ["Key", value]]}.',
    );
  }
  return value as [Json, Json][];
}

/** The name a $dict key stands for: the string, or the constant's name. */
function keyName(key: Json): string | undefined {
  if (typeof key === "string") return key;
  const c = key && typeof key === "object" && !Array.isArray(key) ? key.$const : undefined;
  return typeof c === "string" ? c : undefined;
}

/** Names reach interchange exports (EDL lines): no control characters; notes keep \n, \t. */
function checkText(value: Json, names: string[]): void {
  if (typeof value !== "string") return;
  const note = names.some((n) => /notes?$/i.test(n));
  const named = names.some((n) => /name$/i.test(n));
  if ((note && !NOTE_TEXT.test(value)) || (!note && named && !NO_CONTROL.test(value))) {
    fail(
      "INVALID_ARGUMENTS",
      `${names[0]} ${JSON.stringify(value.slice(0, 200))} contains control characters${
        note ? " other than newline and tab" : ""
      }`,
      "Remove them: exported EDL/ALE files would carry them as new lines.",
    );
  }
}

/**
 * Finds the path arguments of a call in a copy of its arguments; each found path's put()
 * replaces it in that copy. Bare file names (filePrefix, CustomName) are checked here.
 */
export function findPathArgs(
  cls: string,
  method: string,
  signatures: string[],
  raw: Json[],
): { args: Json[]; found: PathArg[] } {
  const args = structuredClone(raw);
  const found: PathArg[] = [];
  const positional = paramNames(signatures);
  const itemPaths = ITEM_PATH_METHODS.has(`${cls}.${method}`);
  const settings = SETTING_METHODS.has(`${cls}.${method}`);
  const bare = (name: string | undefined) => {
    const n = name?.replace(/\s+/g, "").toLowerCase() ?? "";
    return BARE_NAMES.has(n) || (n === "filename" && BARE_FILE_NAME_METHODS.has(method));
  };
  const visit = (
    value: Json,
    name: string | undefined,
    pathByName: boolean,
    text: boolean,
    put: (v: Json) => void,
  ) => {
    if (typeof value === "string") {
      if (value === "") return;
      if (bare(name)) return checkFileName(value, name!);
      if (pathByName || (!text && looksLikePath(value))) {
        found.push({ value, name, byName: pathByName, setting: settings && pathByName, put });
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, name, pathByName, text, (x) => value[i] = x));
      return;
    }
    if (value === null || typeof value !== "object") return;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === "$object" || keys[0] === "$const")) return;
    if (keys.length === 1 && keys[0] === "$dict") {
      for (const entry of dictEntries(value.$dict)) {
        visit(entry[0], undefined, false, text, (x) => entry[0] = x); // a key shaped like a path
        visitKeyed(entry[1], keyName(entry[0]), text, (x) => entry[1] = x);
      }
      return;
    }
    for (const k of keys) visitKeyed(value[k], k, text, (x) => value[k] = x);
  };
  // A dict key named like a path makes its value a path; text stays text below a text
  // parameter (metadata), but keys named like text (CustomName) do not make text.
  const visitKeyed = (
    value: Json,
    key: string | undefined,
    text: boolean,
    put: (v: Json) => void,
  ) => visit(value, key, isPathName(key), isPathName(key) ? false : text, put);
  args.forEach((a, i) => {
    const names = positional[i] ?? [];
    checkText(a, names);
    // SetSetting(key, value): a folder-valued key (perfCacheClipsLocation...) makes a path.
    const key = settings && i === 1 && typeof args[0] === "string" && isPathSetting(args[0])
      ? args[0]
      : undefined;
    const pathName = key ?? (itemPaths ? "path" : names.find(isPathName));
    const textName = !pathName && names.some(isTextName);
    visit(a, pathName ?? names[0], !!pathName, textName, (x) => args[i] = x);
  });
  if (method === "SetClipProperty" && args[0] === "Clip Name") checkText(args[1], ["Clip Name"]);
  // Timeline.Export(fileName, type): the name carries the format's extension, as export_timeline.
  const type = cls === "Timeline" && method === "Export" ? keyName(args[1]) : undefined;
  const exts = Object.values(EXPORT_FORMATS).filter((f) => f.type === type).map((f) => f.ext);
  if (exts.length && typeof args[0] === "string") needExtension(args[0], [...new Set(exts)], type!);
  return { args, found };
}

/**
 * Checks the path arguments against the allowed roots; returns the arguments to send and
 * the paths the call writes (to check again after it: PathPolicy.checkLanded).
 */
async function checkPathArgs(
  ctx: Parameters<ToolDef["handler"]>[1],
  cls: string,
  method: string,
  spec: ApiMethod,
  raw: Json[],
): Promise<{ args: Json[]; written: string[] }> {
  const { args, found } = findPathArgs(cls, method, spec.signatures, raw);
  const roots = () =>
    ctx.paths.roots.join(", ") || "(none: start the server with --allow-path DIR)";
  const checked: PathArg[] = [];
  for (const p of found) {
    refuseControl(p.value);
    const key = p.name?.replace(/\s+/g, "").toLowerCase() ?? "";
    if (isAbsolutePath(p.value) || (p.value.startsWith("~") && !p.setting)) {
      checked.push(p);
    } else if (
      p.byName && LUT_FOLDER_RELATIVE.has(key) && !/(^|[\\/])\.\.([\\/]|$)/.test(p.value) &&
      !/^file:/i.test(p.value)
    ) {
      continue; // relative to Resolve's LUT folders, not to its working directory
    } else {
      fail(
        "PATH_NOT_ALLOWED",
        `"${p.value.slice(0, 200)}"${
          p.name ? ` (${p.name})` : ""
        } is not an absolute path; Resolve would resolve it against its own working directory`,
        `Give an absolute path inside one of the allowed folders: ${roots()}.`,
      );
    }
  }
  // Without TargetDir, Quick Export writes to Resolve's own default folder.
  if (method === "RenderWithQuickExport" && !found.some((p) => /^targetdir$/i.test(p.name ?? ""))) {
    fail(
      "PATH_NOT_ALLOWED",
      "RenderWithQuickExport without TargetDir would write to Resolve's default folder, which may be outside the allowed folders",
      `Give {"TargetDir": "<folder>"} in param_dict, a folder inside: ${roots()}.`,
    );
  }
  const written: string[] = [];
  for (const p of checked.filter((c) => c.setting)) {
    p.put(await checkPathSetting(ctx.paths, p.name ?? "setting", p.value));
  }
  const rest = checked.filter((c) => !c.setting);
  if (rest.length === 0) return { args, written };
  if (
    spec.effect === "read" ||
    /^(Import|Load|Restore|Relink|Replace|Link|Add|Apply|Set|Insert|Reveal)/.test(
      spec.signatures[0],
    )
  ) {
    const resolved = await ctx.paths.checkRead(rest.map((p) => p.value));
    rest.forEach((p, i) => p.put(resolved[i].path));
    return { args, written };
  }
  for (const p of rest) {
    const target = await ctx.paths.checkWrite(p.value);
    if (target.exists) {
      await confirmOverwrite(
        ctx,
        p.value,
        target,
        target.isDir
          ? `${cls}.${method} writes into the existing folder ${target.path}, replacing files of the same name there. Go ahead?`
          : `${cls}.${method} would overwrite ${target.path}. Overwrite it?`,
      );
    }
    p.put(target.path);
    written.push(target.path);
    // Resolve appends the extension ExportLUT needs: the file it writes may be another.
    if (method === "ExportLUT" && !target.isDir && !/\.(cube|vlt)$/i.test(target.path)) {
      const others = [`${target.path}.cube`, `${target.path}.vlt`];
      const other = await Promise.all(others.map((o) => ctx.paths.checkWrite(o)));
      const taken = other.filter((c) => c.exists).map((c) => c.path);
      if (taken.length) {
        await ctx.confirm(`${cls}.${method} would overwrite ${taken.join(" or ")}?`);
      }
      written.push(...others);
    }
  }
  return { args, written };
}

export function registerApiTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "api",
    description:
      "Full reach: one tool per API class with a method enum (13 tools), objects by stable ids.",
  });
  for (const cls of Object.keys(TOOL_NAMES)) registry.add(apiTool(cls));
}
