// MCP resources: read-only views of what is open in Resolve (project, timelines, media pool,
// render queue) and the API reference. Templates address any timeline or bin by id.
import type { BridgeClient } from "./bridge/client.ts";
import { type ApiMethod, catalog } from "./bridge/sources.ts";
import { fail } from "./errors.ts";
import type { Resource, ResourceTemplate } from "./sdk.ts";
import { toBase64 } from "./image/index.ts";
import { timelineOverview } from "./tools/vision/overview.ts";
import {
  call,
  findTimeline,
  type Handle,
  isHandle,
  listTimelines,
  ResolveSession,
  TRACK_TYPES,
} from "./resolve/index.ts";

const JSON_TYPE = "application/json";
const ITEM_CAP = 2000;

export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    uriTemplate: "resolve://timeline/{id}",
    name: "timeline",
    title: "A timeline by id",
    description: "Tracks, items (first 2000) and markers of a timeline of the open project.",
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
    description: "Tracks, items (first 2000) and markers of the current timeline.",
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
    const timelines = await listTimelines(resolve, project);
    return [
      ...STATIC,
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

async function timelineView(resolve: ResolveSession, ref: string | undefined) {
  const { timeline } = await findTimeline(resolve, ref);
  const [name, id, start, end, startTc, markers, ...counts] = await resolve.batch([
    call(timeline, "GetName"),
    call(timeline, "GetUniqueId"),
    call(timeline, "GetStartFrame"),
    call(timeline, "GetEndFrame"),
    call(timeline, "GetStartTimecode"),
    call(timeline, "GetMarkers"),
    ...TRACK_TYPES.map((t) => call(timeline, "GetTrackCount", t)),
  ]);
  const tracks = [];
  let shown = 0;
  for (const [t, type] of TRACK_TYPES.entries()) {
    for (let index = 1; index <= (Number(counts[t]) || 0); index++) {
      const [trackName, items] = await resolve.batch([
        call(timeline, "GetTrackName", type, index),
        call(timeline, "GetItemListInTrack", type, index),
      ]);
      const list = ((items as Handle[]) ?? []).slice(0, Math.max(0, ITEM_CAP - shown));
      shown += list.length;
      const rows = await resolve.map(list, [["GetUniqueId"], ["GetName"], ["GetStart"], [
        "GetEnd",
      ]]);
      tracks.push({
        type,
        index,
        name: trackName,
        item_count: (items as Handle[] | null)?.length ?? 0,
        items: rows.map(([itemId, itemName, s, e]) => ({
          id: itemId,
          name: itemName,
          start: Number(s) - Number(start),
          end: Number(e) - Number(start),
        })),
      });
    }
  }
  return { name, id, start_frame: start, end_frame: end, start_timecode: startTc, tracks, markers };
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
    const [[binId, name, clips, subs]] = await resolve.map([bin], [
      ["GetUniqueId"],
      ["GetName"],
      ["GetClipList"],
      ["GetSubFolderList"],
    ]);
    if (binId === id) {
      const rows = await resolve.map(((clips as Handle[]) ?? []).slice(0, ITEM_CAP), [
        ["GetUniqueId"],
        ["GetName"],
        ["GetClipProperty", ["File Path"]],
      ]);
      const subRows = await resolve.map((subs as Handle[]) ?? [], [["GetUniqueId"], ["GetName"]]);
      return {
        id,
        name,
        clips: rows.map(([clipId, clipName, path]) => ({ id: clipId, name: clipName, path })),
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
