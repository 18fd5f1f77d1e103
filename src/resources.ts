// MCP resources: read-only views of what is open in Resolve (project, timelines, media pool,
// render queue) and the API reference. Templates address any timeline or bin by id.
import type { BridgeClient } from "./bridge/client.ts";
import { type ApiMethod, catalog } from "./bridge/sources.ts";
import { fail } from "./errors.ts";
import { framesToTimecode } from "./timecode.ts";
import type { Resource, ResourceTemplate } from "./sdk.ts";
import { toBase64 } from "./image/index.ts";
import { timelineOverview } from "./tools/vision/overview.ts";
import {
  call,
  findTimeline,
  type Handle,
  isHandle,
  lengthOf,
  listPage,
  listTimelines,
  mapCall,
  quiet,
  ref,
  ResolveSession,
  timelineRate,
  TRACK_TYPES,
} from "./resolve/index.ts";

const JSON_TYPE = "application/json";
const ITEM_CAP = 2000;
/** Timeline items in one resource page (about 15k tokens at most). */
const ITEM_PAGE = 300;

export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    uriTemplate: "resolve://timeline/{id}",
    name: "timeline",
    title: "A timeline by id",
    description:
      "Tracks, markers and the first page of items of a timeline of the open project; next_page names the resource with the next items.",
    mimeType: JSON_TYPE,
  },
  {
    uriTemplate: "resolve://timeline/{id}/items/{cursor}",
    name: "timeline-items",
    title: "A page of a timeline's items",
    description:
      "The next page of a timeline's items (id, name, track, start and end in frames from the timeline start and as record timecodes), as next_page of resolve://timeline/{id} names it.",
    mimeType: JSON_TYPE,
  },
  {
    uriTemplate: "resolve://timeline/{id}/overview",
    name: "timeline-overview",
    title: "A picture of a timeline",
    description: "PNG drawing of a timeline: ruler, markers, tracks with coloured items, playhead.",
    mimeType: "image/png",
  },
  {
    uriTemplate: "resolve://bin/{id}",
    name: "bin",
    title: "A media pool bin by id",
    description: "Clips and sub-bins of a bin of the open project.",
    mimeType: JSON_TYPE,
  },
];

const STATIC: Resource[] = [
  {
    uri: "resolve://project/current",
    name: "current-project",
    title: "Current project",
    description: "The open project: name, id, key settings, timelines.",
    mimeType: JSON_TYPE,
  },
  {
    uri: "resolve://timeline/current",
    name: "current-timeline",
    title: "Current timeline",
    description:
      "Tracks, markers and the first page of items of the current timeline; next_page names the next page.",
    mimeType: JSON_TYPE,
  },
  {
    uri: "resolve://timeline/current/overview",
    name: "current-timeline-overview",
    title: "Picture of the current timeline",
    description: "PNG drawing of the current timeline (as the timeline_overview tool draws it).",
    mimeType: "image/png",
  },
  {
    uri: "resolve://media-pool",
    name: "media-pool",
    title: "Media pool tree",
    description: "Bins of the open project with their ids and clip counts.",
    mimeType: JSON_TYPE,
  },
  {
    uri: "resolve://render/queue",
    name: "render-queue",
    title: "Render queue",
    description: "Render jobs of the open project with their status.",
    mimeType: JSON_TYPE,
  },
  {
    uri: "resolve://api/reference",
    name: "api-reference",
    title: "Resolve scripting API reference",
    description: "Every documented class and method: signatures, return, version, effect.",
    mimeType: "text/markdown",
  },
];

export async function listResources(bridge: BridgeClient): Promise<Resource[]> {
  const resolve = new ResolveSession(bridge);
  try {
    const project = await resolve.project();
    const [projectName] = await resolve.batch([call(project, "GetName")]);
    const timelines = await listTimelines(resolve, project);
    // The open project's name is in the list: another project is another list.
    return [
      ...STATIC.map((r) =>
        r.name === "current-project" ? { ...r, title: `Current project "${projectName}"` } : r
      ),
      ...timelines.map((t) => ({
        uri: `resolve://timeline/${encodeURIComponent(t.id)}`,
        name: `timeline-${t.name}`,
        title: `Timeline "${t.name}"`,
        mimeType: JSON_TYPE,
      })),
    ];
  } catch {
    return STATIC; // Resolve not reachable: the fixed resources still say why when read
  } finally {
    resolve.close();
  }
}

export async function readResource(bridge: BridgeClient, uri: string) {
  const resolve = new ResolveSession(bridge);
  try {
    if (uri === "resolve://api/reference") {
      return { uri, mimeType: "text/markdown", text: apiReference() };
    }
    const overview = /^resolve:\/\/timeline\/(.+)\/overview$/.exec(uri);
    if (overview) {
      const id = decodeURIComponent(overview[1]);
      const { png } = await timelineOverview(resolve, id === "current" ? undefined : id);
      return { uri, mimeType: "image/png", blob: toBase64(png) };
    }
    const data = await readData(resolve, uri);
    return { uri, mimeType: JSON_TYPE, text: JSON.stringify(data, null, 1) };
  } finally {
    resolve.close();
  }
}

async function readData(resolve: ResolveSession, uri: string): Promise<unknown> {
  if (uri === "resolve://project/current") return await projectView(resolve);
  if (uri === "resolve://timeline/current") return await timelineView(resolve, undefined);
  if (uri === "resolve://media-pool") return await poolView(resolve);
  if (uri === "resolve://render/queue") return await renderQueue(resolve);
  const items = /^resolve:\/\/timeline\/(.+)\/items\/([^/]+)$/.exec(uri);
  if (items) {
    const id = decodeURIComponent(items[1]);
    return await timelineView(resolve, id === "current" ? undefined : id, items[2]);
  }
  const timeline = /^resolve:\/\/timeline\/(.+)$/.exec(uri);
  if (timeline) return await timelineView(resolve, decodeURIComponent(timeline[1]));
  const bin = /^resolve:\/\/bin\/(.+)$/.exec(uri);
  if (bin) return await binView(resolve, decodeURIComponent(bin[1]));
  return fail("UNKNOWN_RESOURCE", `no resource ${uri}`, "resources/list shows what there is.");
}

async function projectView(resolve: ResolveSession) {
  const project = await resolve.project();
  const keys = ["timelineFrameRate", "timelineResolutionWidth", "timelineResolutionHeight"];
  const [name, id, current, ...settings] = await resolve.batch([
    call(project, "GetName"),
    call(project, "GetUniqueId"),
    call(project, "GetCurrentTimeline"),
    ...keys.map((k) => call(project, "GetSetting", k)),
  ]);
  const currentId = isHandle(current) ? await resolve.call(current, "GetUniqueId") : null;
  const timelines = (await listTimelines(resolve, project)).map(({ name, id }) => ({ name, id }));
  return {
    name,
    id,
    settings: Object.fromEntries(keys.map((k, i) => [k, settings[i]])),
    current_timeline: currentId,
    timelines,
  };
}

/**
 * A timeline: its tracks, markers and first page of items; with a cursor, only that page of
 * items. Each page costs what it returns: the track lists are fetched once per listing (the
 * bridge keeps them for the listing's later pages, src/resolve/listing.ts).
 */
async function timelineView(resolve: ResolveSession, ref: string | undefined, cursor?: string) {
  const { timeline } = await findTimeline(resolve, ref);
  const [name, id, start, end, startTc, ...counts] = await resolve.batch([
    call(timeline, "GetName"),
    call(timeline, "GetUniqueId"),
    call(timeline, "GetStartFrame"),
    call(timeline, "GetEndFrame"),
    call(timeline, "GetStartTimecode"),
    ...TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  ]);
  const tracks = TRACK_TYPES.flatMap((type, t) =>
    Array.from({ length: Number(counts[t]) || 0 }, (_, i) => ({ type, index: i + 1 }))
  );
  const rate = await timelineRate(resolve, timeline);
  const page = await listPage(
    resolve,
    tracks.map((t) => ({
      key: `items:${id}:${t.type}:${t.index}`,
      target: timeline,
      method: "GetItemListInTrack",
      args: [t.type, t.index],
    })),
    cursor,
    ITEM_PAGE,
    [["GetUniqueId"], ["GetName"], ["GetStart"], ["GetEnd"]],
  );
  const letter: Record<string, string> = { video: "V", audio: "A", subtitle: "S" };
  const items = page.rows.map(([itemId, itemName, s, e], i) => {
    const t = tracks[page.sources[i]];
    return {
      id: itemId,
      name: itemName,
      track: `${letter[t.type]}${t.index}`,
      start: Number(s) - Number(start),
      end: Number(e) - Number(start),
      start_tc: framesToTimecode(Number(s), rate),
      end_tc: framesToTimecode(Number(e), rate),
    };
  });
  // The first page's text must not change between reads of an unchanged timeline (the
  // resource watch compares it): its next_page carries no listing token, so page 2 starts the
  // listing whose token the later pages carry.
  const next = cursor === undefined
    ? page.next_cursor?.replace(/\.[a-z0-9]+$/, "")
    : page.next_cursor;
  const more = next ? `resolve://timeline/${encodeURIComponent(String(id))}/items/${next}` : null;
  const paged = { total_items: page.total, items, next_page: more };
  if (cursor !== undefined) return { id, offset: page.offset, ...paged };
  const [markers, ...names] = await resolve.batch([
    call(timeline, "GetMarkers"),
    ...tracks.map((t) => call(timeline, "GetTrackName", t.type, t.index)),
  ]);
  return {
    name,
    id,
    start_frame: start,
    end_frame: end,
    start_timecode: startTc,
    tracks: tracks.map((t, i) => ({ ...t, name: names[i], item_count: page.lengths[i] })),
    markers,
    ...paged,
  };
}

async function poolView(resolve: ResolveSession) {
  const project = await resolve.project();
  const mediaPool = await resolve.call(project, "GetMediaPool") as Handle;
  const root = await resolve.call(mediaPool, "GetRootFolder") as Handle;
  const bins: { path: string; id: unknown; clips: number }[] = [];
  const visit = async (bin: Handle, parent: string) => {
    const [[name, id, clips, subs]] = await resolve.map([bin], [
      ["GetName"],
      ["GetUniqueId"],
      ["GetClipList"],
      ["GetSubFolderList"],
    ]);
    const path = parent ? `${parent}/${name}` : String(name);
    bins.push({ path, id, clips: (clips as unknown[] | null)?.length ?? 0 });
    for (const sub of (subs as Handle[]) ?? []) await visit(sub, path);
  };
  await visit(root, "");
  return { bins };
}

async function binView(resolve: ResolveSession, id: string) {
  const project = await resolve.project();
  const mediaPool = await resolve.call(project, "GetMediaPool") as Handle;
  const queue = [await resolve.call(mediaPool, "GetRootFolder") as Handle];
  while (queue.length) {
    const bin = queue.shift()!;
    const [[binId, name, subs]] = await resolve.map([bin], [
      ["GetUniqueId"],
      ["GetName"],
      ["GetSubFolderList"],
    ]);
    if (binId === id) {
      // The first clips only, read inside the bridge: no handle for every clip of the bin.
      const [, count, rows] = await resolve.batch([
        quiet(bin, "GetClipList"),
        lengthOf(ref(0)),
        mapCall(ref(0), [["GetUniqueId"], ["GetName"], ["GetClipProperty", ["File Path"]]], [
          0,
          ITEM_CAP,
        ]),
      ]) as [unknown, number, unknown[][]];
      const subRows = await resolve.map((subs as Handle[]) ?? [], [["GetUniqueId"], ["GetName"]]);
      return {
        id,
        name,
        clip_count: Number(count) || 0,
        clips: (rows ?? []).map(([clipId, clipName, path]) => ({
          id: clipId,
          name: clipName,
          path,
        })),
        bins: subRows.map(([subId, subName]) => ({ id: subId, name: subName })),
      };
    }
    queue.push(...((subs as Handle[]) ?? []));
  }
  return fail("BIN_NOT_FOUND", `no bin with id ${id}`, "Read resolve://media-pool for bin ids.");
}

async function renderQueue(resolve: ResolveSession) {
  const project = await resolve.project();
  const [jobs, rendering] = await resolve.batch([
    call(project, "GetRenderJobList"),
    call(project, "IsRenderingInProgress"),
  ]);
  const list = (jobs as Record<string, unknown>[]) ?? [];
  const statuses = await resolve.batch(
    list.map((j) => call(project, "GetRenderJobStatus", j.JobId)),
  );
  return { rendering, jobs: list.map((job, i) => ({ ...job, status: statuses[i] })) };
}

let referenceText: string | undefined;

function apiReference(): string {
  if (referenceText) return referenceText;
  const lines = ["# DaVinci Resolve scripting API (documented methods)", ""];
  for (
    const [cls, methods] of Object.entries(catalog as Record<string, Record<string, ApiMethod>>)
  ) {
    lines.push(
      `## ${cls}`,
      "",
      "| signature | returns | since | effect |",
      "| --- | --- | --- | --- |",
    );
    for (const m of Object.values(methods)) {
      lines.push(`| \`${m.signatures.join("` / `")}\` | ${m.returns} | ${m.since} | ${m.effect} |`);
    }
    lines.push("");
  }
  return referenceText = lines.join("\n");
}
