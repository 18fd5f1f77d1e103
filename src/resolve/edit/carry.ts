// The work an item carries, taken before the engine deletes it and put back on the items that
// replace it: Inspector properties, clip colour, flags, item markers, enabled state, name,
// the grade (grabbed as a still, exported as .drx, applied with Graph.ApplyGradeFromDRX: the
// documented export/apply route; CopyGrades replaces wholesale and returns True whatever it
// did) and Fusion comps (ExportFusionComp / ImportFusionComp). On Resolve 21.1 also fades and
// the clip speed (TimelineItem.GetSpeed / SetSpeed). Then it is all read back.
//
// Speed: the planner counts a retimed item's source frames one per record frame from the
// item's source start (its model). A re-created piece of an item at p % starts at source frame
// S0 + offset * p / 100 (S0: the item's source start, offset: record frames into the item);
// it is appended with as many source frames as it has record frames and then set to p % with
// SetSpeed (no ripple), which keeps its record length and shows length * p / 100 source frames.
// So the clip needs that much media after the piece's start; where it has not, the speed (with
// the item) is listed as a loss. Below 21.1 the API reads no speed, so none is detected.
import { framesToTimecode, type Rate } from "../../timecode.ts";
import type { ResolveSession } from "../session.ts";
import { call, type Handle, isHandle, type MapMethod } from "../wire.ts";
import type { ModelItem, ModelTrackType, TimelineModel } from "./model.ts";

export interface ItemMarker {
  /** Source frame of the marker (item offset + the item's source start). */
  source_frame: number;
  color: string;
  name: string;
  note: string;
  duration: number;
  custom_data: string;
}

export interface GradeNode {
  label: string;
  lut: string;
  tools: string[];
}

/** What one existing item carries. */
export interface ItemWork {
  id: string;
  track_type: ModelTrackType;
  name: string;
  properties: Record<string, unknown>;
  clip_color: string;
  flags: string[];
  markers: ItemMarker[];
  enabled: boolean;
  /** The nodes of its grade (layer 1), or null when it has the default, empty grade. */
  grade: GradeNode[] | null;
  comps: string[];
  /** The colour group it belongs to (video), re-assigned to the new items. */
  color_group: { handle: Handle; name: string } | null;
  /** Colour versions besides the current one, and takes: not carried (listed as losses). */
  extra_versions: number;
  takes: number;
  /** 21.1: fade lengths in frames (null: none, or before 21.1). */
  fades: { FadeIn: number; FadeOut: number } | null;
  /** 21.1: the clip speed in percent when it is not 100 (null otherwise). */
  speed: number | null;
  /** 21.1: whether the retimed audio keeps its pitch (carried with the speed). */
  pitch_correction: boolean;
  /** Where the item's source range was, for fades: a fade stays with its edge. */
  source_start: number;
  source_end: number;
  /** Filled by exportWork: the .drx of its grade and the .comp file of each comp. */
  drx?: string;
  comp_files?: string[];
}

/** Something an edit could not carry over or verify. */
export interface Loss {
  item: string;
  what: string;
  why: string;
}

export const CARRY_METHODS = [
  "TimelineItem.GetName",
  "TimelineItem.SetName",
  "TimelineItem.GetProperty",
  "TimelineItem.SetProperty",
  "TimelineItem.GetClipColor",
  "TimelineItem.SetClipColor",
  "TimelineItem.GetFlagList",
  "TimelineItem.AddFlag",
  "TimelineItem.GetMarkers",
  "TimelineItem.AddMarker",
  "TimelineItem.GetClipEnabled",
  "TimelineItem.SetClipEnabled",
  "TimelineItem.GetFusionCompNameList",
  "TimelineItem.ExportFusionComp",
  "TimelineItem.ImportFusionComp",
  "TimelineItem.RenameFusionCompByName",
  "TimelineItem.GetNodeGraph",
  "TimelineItem.GetUniqueId",
  "TimelineItem.GetColorGroup",
  "TimelineItem.AssignToColorGroup",
  "TimelineItem.GetVersionNameList",
  "TimelineItem.GetTakesCount",
  "ColorGroup.GetName",
  "TimelineItem.GetFades",
  "TimelineItem.SetFades",
  "TimelineItem.GetSpeed",
  "TimelineItem.SetSpeed",
  "Graph.GetNumNodes",
  "Graph.GetNodeLabel",
  "Graph.GetLUT",
  "Graph.GetToolsInNode",
  "Graph.ApplyGradeFromDRX",
  "Resolve.GetCurrentPage",
  "Resolve.OpenPage",
  "Project.GetGallery",
  "Gallery.GetCurrentStillAlbum",
  "GalleryStillAlbum.ExportStills",
  "GalleryStillAlbum.DeleteStills",
  "Timeline.GetCurrentTimecode",
  "Timeline.SetCurrentTimecode",
  "Timeline.GetCurrentVideoItem",
  "Timeline.GrabStill",
];

const COMMON: MapMethod[] = [
  ["GetName"],
  ["GetClipColor"],
  ["GetFlagList"],
  ["GetMarkers"],
  ["GetClipEnabled"],
];
const VIDEO: MapMethod[] = [
  ...COMMON,
  ["GetProperty"],
  ["GetFusionCompNameList"],
  ["GetNodeGraph", [1]],
  ["GetColorGroup"],
  ["GetColorGroup", [], ["GetName"]],
  ["GetVersionNameList", [0]],
  ["GetVersionNameList", [1]],
  ["GetTakesCount"],
];

function markersOf(raw: unknown, sourceStart: number): ItemMarker[] {
  const dict = (raw && typeof raw === "object" ? raw : {}) as Record<
    string,
    Record<string, unknown>
  >;
  return Object.entries(dict).map(([frame, m]) => ({
    source_frame: Number(frame) + sourceStart,
    color: String(m.color ?? ""),
    name: String(m.name ?? ""),
    note: String(m.note ?? ""),
    duration: Number(m.duration ?? 1) || 1,
    custom_data: String(m.customData ?? ""),
  })).sort((a, b) => a.source_frame - b.source_frame);
}

const same = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-4 : a === b;
const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const plainProps = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {};

/** Reads the nodes of graphs (one batch): null for the default one-node, untouched grade. */
async function gradesOf(resolve: ResolveSession, graphs: (Handle | null)[]) {
  const withGraph = graphs.map((g, i) => ({ g, i })).filter((x) => isHandle(x.g));
  const counts = await resolve.batch(withGraph.map((x) => call(x.g!, "GetNumNodes")));
  const calls = withGraph.flatMap((x, k) =>
    Array.from({ length: Number(counts[k]) || 0 }, (_, n) => [
      call(x.g!, "GetNodeLabel", n + 1),
      call(x.g!, "GetLUT", n + 1),
      call(x.g!, "GetToolsInNode", n + 1),
    ]).flat()
  );
  const values = await resolve.batch(calls);
  const out: (GradeNode[] | null)[] = graphs.map(() => null);
  let at = 0;
  withGraph.forEach((x, k) => {
    const nodes: GradeNode[] = [];
    for (let n = 0; n < (Number(counts[k]) || 0); n++) {
      const [label, lut, tools] = values.slice(at, at + 3);
      at += 3;
      nodes.push({ label: String(label ?? ""), lut: String(lut ?? ""), tools: strings(tools) });
    }
    const untouched = nodes.length <= 1 &&
      nodes.every((n) => !n.label && !n.lut && n.tools.length === 0);
    out[x.i] = untouched ? null : nodes;
  });
  return out;
}

/** Reads the work of items (by model item, with their handles): a few round trips in all. */
export async function readWork(
  resolve: ResolveSession,
  items: { model: ModelItem; handle: Handle }[],
  v211 = false,
): Promise<ItemWork[]> {
  const video = items.filter((i) => i.model.track_type === "video");
  const other = items.filter((i) => i.model.track_type !== "video");
  const extra: MapMethod[] = v211 ? [["GetFades"], ["GetSpeed"]] : [];
  const [vrows, orows] = [
    await resolve.map(video.map((i) => i.handle), [...VIDEO, ...extra]),
    await resolve.map(other.map((i) => i.handle), [...COMMON, ...extra]),
  ];
  const grades = await gradesOf(resolve, vrows.map((r) => (isHandle(r[7]) ? r[7] : null)));
  const work = new Map<string, ItemWork>();
  const fadesOf = (v: unknown) => {
    const f = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
    const fin = Number(f.FadeIn) || 0, fout = Number(f.FadeOut) || 0;
    return fin || fout ? { FadeIn: fin, FadeOut: fout } : null;
  };
  const speedOf = (v: unknown) => {
    const pct = Number((v && typeof v === "object" ? v as Record<string, unknown> : {}).Percentage);
    return Number.isFinite(pct) && pct !== 100 && v ? pct : null;
  };
  const base = (i: { model: ModelItem }, r: unknown[], at: number): ItemWork => ({
    fades: v211 ? fadesOf(r[at]) : null,
    speed: v211 ? speedOf(r[at + 1]) : null,
    pitch_correction: v211 &&
      (r[at + 1] as { PitchCorrection?: unknown })?.PitchCorrection === true,
    source_start: i.model.source_start,
    source_end: i.model.source_end,
    id: i.model.id,
    track_type: i.model.track_type,
    name: String(r[0] ?? ""),
    clip_color: String(r[1] ?? ""),
    flags: strings(r[2]),
    markers: markersOf(r[3], i.model.source_start),
    enabled: r[4] !== false,
    properties: {},
    grade: null,
    comps: [],
    color_group: null,
    extra_versions: 0,
    takes: 0,
  });
  video.forEach((i, k) => {
    const r = vrows[k];
    work.set(i.model.id, {
      ...base(i, r, VIDEO.length),
      properties: plainProps(r[5]),
      comps: strings(r[6]),
      grade: grades[k],
      color_group: isHandle(r[8]) ? { handle: r[8], name: String(r[9] ?? "") } : null,
      extra_versions: Math.max(0, strings(r[10]).length - 1) + strings(r[11]).length,
      takes: Number(r[12]) || 0,
    });
  });
  other.forEach((i, k) => work.set(i.model.id, base(i, orows[k], COMMON.length)));
  return items.map((i) => work.get(i.model.id)!);
}

/** A frame of the item that no item on a higher video track covers (where a still grabs it). */
export function visibleFrame(model: TimelineModel, item: ModelItem): number | null {
  const above = model.items.filter((o) =>
    o.track_type === "video" && o.track_index > item.track_index && o.end > item.start &&
    o.start < item.end
  ).sort((a, b) => a.start - b.start);
  let f = item.start;
  for (const o of above) {
    if (o.start > f) break;
    f = Math.max(f, o.end);
  }
  return f < item.end ? f : null;
}

/** Losses known before anything is touched: grades no still can reach. */
export function predictLosses(model: TimelineModel, work: ItemWork[]): Loss[] {
  const losses: Loss[] = [];
  for (const w of work) {
    if (w.extra_versions) {
      losses.push({
        item: w.id,
        what: `${w.extra_versions} other colour version(s)`,
        why: "only the current version's grade can be exported and applied",
      });
    }
    if (w.takes) {
      losses.push({
        item: w.id,
        what: `take selector (${w.takes} takes)`,
        why: "a re-created item is a plain clip of the selected take",
      });
    }
    const m = model.items.find((i) => i.id === w.id);
    if (w.grade && m && visibleFrame(model, m) === null) {
      losses.push({
        item: w.id,
        what: "grade",
        why: "a higher video track covers the whole item, so no still of its grade can be grabbed",
      });
    }
  }
  return losses;
}

/**
 * Where a re-created item carrying work `w` is appended (source frames, end exclusive) and
 * the source start it reads back with: its own range, or for a retimed origin (speed p %) the
 * range that SetSpeed turns into the right piece of the original.
 */
export function appendRange(
  c: ModelItem,
  w: ItemWork | undefined,
): { start: number; end: number; retimed: boolean } {
  if (!w || w.speed === null) return { start: c.source_start, end: c.source_end, retimed: false };
  const start = w.source_start + Math.round((c.source_start - w.source_start) * w.speed / 100);
  return { start, end: start + (c.end - c.start), retimed: true };
}

/** Retimed items whose clip lacks the media appendRange needs: their speed cannot be carried. */
export function speedLosses(
  create: ModelItem[],
  workOf: Map<string, ItemWork>,
  media: TimelineModel["media"],
): Loss[] {
  const out: Loss[] = [];
  for (const c of create) {
    const w = c.origin ? workOf.get(c.origin) : undefined;
    const r = appendRange(c, w);
    if (!r.retimed || !c.clip_id) continue;
    const frames = media[c.clip_id]?.frames;
    // Appended with one source frame a record frame, then showing length * p / 100 of them.
    const shown = r.start + Math.round((c.end - c.start) * w!.speed! / 100);
    const need = Math.max(r.end, shown);
    if (frames !== undefined && need > frames) {
      out.push({
        item: w!.id,
        what: `speed ${w!.speed}%`,
        why: `re-creating it at ${
          w!.speed
        }% needs source frames ${r.start}-${need} of its clip, which has ${frames}`,
      });
    }
  }
  return out;
}

interface ScratchDir {
  dir: string;
  prefix: string;
}

/** What exportWork left behind for cleanWork to remove. */
export interface Exported {
  stills: Handle[];
  album: Handle | null;
  files: string[];
  page: string;
  playhead: string;
  /** Disabled items enabled for a still: disabled again if the edit stops before deleting. */
  enabled: Handle[];
}

/**
 * Saves what cannot be read back as values: each graded item's grade as a .drx (playhead on a
 * visible frame, GrabStill, ExportStills on the Color page) and each Fusion comp as a file.
 * Call it while the items still exist; the timeline must be the current one.
 */
export async function exportWork(
  resolve: ResolveSession,
  project: Handle,
  timeline: Handle,
  model: TimelineModel,
  handles: Map<string, { handle: Handle }>,
  work: ItemWork[],
  rate: Rate,
  start: number,
  losses: Loss[],
): Promise<Exported> {
  const root = await resolve.root();
  const [page, playhead] = await resolve.batch([
    call(root, "GetCurrentPage"),
    call(timeline, "GetCurrentTimecode"),
  ]);
  const out: Exported = {
    stills: [],
    album: null,
    files: [],
    page: String(page ?? ""),
    playhead: String(playhead ?? ""),
    enabled: [],
  };
  const bridge = resolve.bridge;
  // Fusion comps: one file each.
  for (const w of work) {
    if (!w.comps.length) continue;
    const h = handles.get(w.id)!.handle;
    w.comp_files = [];
    for (let i = 0; i < w.comps.length; i++) {
      const path = await bridge.request("scratch", { ext: "comp" }) as string;
      const ok = await resolve.call(h, "ExportFusionComp", path, i + 1);
      if (ok !== true) {
        losses.push({ item: w.id, what: `Fusion comp "${w.comps[i]}"`, why: "export refused" });
        continue;
      }
      w.comp_files.push(path);
      out.files.push(path);
    }
  }
  const graded = work.filter((w) => w.grade);
  if (!graded.length) return out;
  if (out.page !== "color") await resolve.call(root, "OpenPage", "color");
  const [gallery] = await resolve.batch([call(project, "GetGallery")]);
  const [album] = isHandle(gallery)
    ? await resolve.batch([call(gallery, "GetCurrentStillAlbum")])
    : [null];
  out.album = isHandle(album) ? album : null;
  for (const w of graded) {
    const m = model.items.find((i) => i.id === w.id)!;
    const frame = visibleFrame(model, m);
    if (frame === null) continue; // predicted already
    const h = handles.get(w.id)!.handle;
    if (!w.enabled) {
      await resolve.call(h, "SetClipEnabled", true);
      out.enabled.push(h);
    }
    const [moved, under] = await resolve.batch([
      call(timeline, "SetCurrentTimecode", framesToTimecode(start + frame, rate)),
      call(timeline, "GetCurrentVideoItem"),
    ]);
    const underId = isHandle(under) ? await resolve.call(under, "GetUniqueId") : null;
    if (moved !== true || underId !== w.id) {
      losses.push({ item: w.id, what: "grade", why: "the playhead could not reach the item" });
      continue;
    }
    const still = await resolve.call(timeline, "GrabStill");
    if (!isHandle(still) || !out.album) {
      losses.push({ item: w.id, what: "grade", why: "Resolve grabbed no still of it" });
      continue;
    }
    out.stills.push(still);
    const scratch = await bridge.request("scratch_dir", {}) as ScratchDir;
    const ok = await resolve.call(
      out.album,
      "ExportStills",
      [still],
      scratch.dir,
      scratch.prefix,
      "drx",
    );
    const found = await bridge.request("scratch_find", { prefix: scratch.prefix }) as string[];
    if (ok !== true || found.length !== 1) {
      losses.push({
        item: w.id,
        what: "grade",
        why:
          "Resolve did not export the still's grade (.drx); the Gallery panel must be open on the Color page",
      });
      out.files.push(...found);
      continue;
    }
    w.drx = found[0];
    out.files.push(found[0]);
  }
  return out;
}

/** Removes the stills and files exportWork made, and puts the page and playhead back. */
export async function cleanWork(
  resolve: ResolveSession,
  timeline: Handle,
  exported: Exported,
): Promise<void> {
  if (exported.stills.length && exported.album) {
    await resolve.call(exported.album, "DeleteStills", exported.stills);
  }
  // Items enabled for a still and still there (the edit stopped before deleting them).
  if (exported.enabled.length) {
    await resolve.batch(exported.enabled.map((h) => call(h, "SetClipEnabled", false)));
  }
  for (const path of exported.files) {
    await resolve.bridge.request("take", { path }).catch(() => null);
  }
  const root = await resolve.root();
  const now = String(await resolve.call(root, "GetCurrentPage") ?? "");
  if (exported.page && now !== exported.page) await resolve.call(root, "OpenPage", exported.page);
  if (exported.playhead) await resolve.call(timeline, "SetCurrentTimecode", exported.playhead);
}

/** The markers of `work` that fall inside a new item's source range, as item offsets. */
export function markersFor(work: ItemWork, item: ModelItem): ItemMarker[] {
  const length = item.end - item.start;
  return work.markers.filter((m) =>
    m.source_frame - item.source_start >= 0 && m.source_frame - item.source_start < length
  );
}

/** Puts `work` on a re-created item; what Resolve refused goes into losses. */
export async function applyWork(
  resolve: ResolveSession,
  target: Handle,
  item: ModelItem,
  work: ItemWork,
  losses: Loss[],
): Promise<void> {
  const steps: { what: string; c: ReturnType<typeof call> }[] = [];
  if (work.speed !== null) {
    // First: it changes the source range the rest (fades, markers) is put on.
    const ok = await resolve.call(target, "SetSpeed", {
      Percentage: work.speed,
      PitchCorrection: work.pitch_correction,
    });
    if (ok !== true) {
      losses.push({ item: work.id, what: `speed ${work.speed}%`, why: "Resolve refused SetSpeed" });
    }
  }
  if (work.track_type === "video" && Object.keys(work.properties).length) {
    // Only what differs from the fresh item, key by key when Resolve refuses the dict.
    const fresh = plainProps(await resolve.call(target, "GetProperty"));
    const diff = Object.fromEntries(
      Object.entries(work.properties).filter(([k, v]) => !same(fresh[k], v)),
    );
    if (Object.keys(diff).length) {
      const ok = await resolve.call(target, "SetProperty", diff);
      if (ok !== true) {
        for (const [k, v] of Object.entries(diff)) {
          steps.push({ what: `property ${k}`, c: call(target, "SetProperty", k, v) });
        }
      }
    }
  }
  if (work.fades) {
    const fades: Record<string, number> = {};
    if (work.fades.FadeIn && item.source_start === work.source_start) {
      fades.FadeIn = work.fades.FadeIn;
    }
    if (work.fades.FadeOut && item.source_end === work.source_end) {
      fades.FadeOut = work.fades.FadeOut;
    }
    if (Object.keys(fades).length) {
      steps.push({ what: "fades", c: call(target, "SetFades", fades) });
    }
  }
  if (work.clip_color) {
    steps.push({ what: "clip colour", c: call(target, "SetClipColor", work.clip_color) });
  }
  for (const f of work.flags) steps.push({ what: `flag ${f}`, c: call(target, "AddFlag", f) });
  for (const m of markersFor(work, item)) {
    steps.push({
      what: `marker at source frame ${m.source_frame}`,
      c: call(
        target,
        "AddMarker",
        m.source_frame - item.source_start,
        m.color,
        m.name,
        m.note,
        // A marker longer than what is left of the item ends with it.
        Math.max(
          1,
          Math.min(m.duration, item.end - item.start - (m.source_frame - item.source_start)),
        ),
        m.custom_data,
      ),
    });
  }
  if (work.color_group) {
    steps.push({
      what: `colour group "${work.color_group.name}"`,
      c: call(target, "AssignToColorGroup", work.color_group.handle),
    });
  }
  if (!work.enabled) {
    steps.push({ what: "disabled state", c: call(target, "SetClipEnabled", false) });
  }
  const results = await resolve.batch(steps.map((s) => s.c));
  results.forEach((ok, i) => {
    if (ok !== true) losses.push({ item: work.id, what: steps[i].what, why: "Resolve refused it" });
  });
  const [name] = await resolve.batch([call(target, "GetName")]);
  if (work.name && String(name) !== work.name) {
    const ok = await resolve.call(target, "SetName", work.name);
    if (ok !== true) losses.push({ item: work.id, what: "name", why: "Resolve refused SetName" });
  }
  if (work.grade && work.drx) {
    const [ok] = await resolve.batch([
      call(target, "GetNodeGraph", 1),
      call({ $r: 0 }, "ApplyGradeFromDRX", work.drx, 0),
    ]).then((r) => [r[1]]);
    if (ok !== true) {
      losses.push({ item: work.id, what: "grade", why: "ApplyGradeFromDRX refused" });
    }
  }
  for (let i = 0; i < (work.comp_files ?? []).length; i++) {
    const comp = await resolve.call(target, "ImportFusionComp", work.comp_files![i]);
    if (!isHandle(comp)) {
      losses.push({ item: work.id, what: `Fusion comp "${work.comps[i]}"`, why: "import refused" });
      continue;
    }
    const names = strings(await resolve.call(target, "GetFusionCompNameList"));
    const last = names[names.length - 1];
    if (last && last !== work.comps[i]) {
      await resolve.call(target, "RenameFusionCompByName", last, work.comps[i]);
    }
  }
}

/** Compares what a re-created item reads with what it should carry: the differences. */
export function compareWork(expected: ItemWork, item: ModelItem, got: ItemWork): string[] {
  const diff: string[] = [];
  for (const [k, v] of Object.entries(expected.properties)) {
    if (!same(got.properties[k], v)) diff.push(`property ${k}`);
  }
  if (got.clip_color !== expected.clip_color) diff.push("clip colour");
  if ([...got.flags].sort().join() !== [...expected.flags].sort().join()) diff.push("flags");
  const want = markersFor(expected, item).map((m) => `${m.source_frame}:${m.color}:${m.name}`);
  const have = got.markers.map((m) => `${m.source_frame}:${m.color}:${m.name}`);
  if (want.join() !== have.join()) diff.push("markers");
  if (got.enabled !== expected.enabled) diff.push("enabled state");
  if ((got.color_group?.name ?? "") !== (expected.color_group?.name ?? "")) {
    diff.push("colour group");
  }
  if (expected.fades) {
    const wantIn = item.source_start === expected.source_start ? expected.fades.FadeIn : 0;
    const wantOut = item.source_end === expected.source_end ? expected.fades.FadeOut : 0;
    if ((got.fades?.FadeIn ?? 0) !== wantIn || (got.fades?.FadeOut ?? 0) !== wantOut) {
      diff.push("fades");
    }
  }
  if (
    expected.speed !== null &&
    (!same(got.speed ?? 100, expected.speed) || got.pitch_correction !== expected.pitch_correction)
  ) diff.push("speed");
  if (expected.name && got.name !== expected.name) diff.push("name");
  const grade = (g: GradeNode[] | null) => JSON.stringify(g ?? []);
  // A grade or comp that could not be exported is listed already, under the item it was on.
  if (expected.grade && expected.drx && grade(got.grade) !== grade(expected.grade)) {
    diff.push("grade");
  }
  if (
    expected.comp_files?.length === expected.comps.length &&
    expected.comps.some((c) => !got.comps.includes(c))
  ) diff.push("Fusion comps");
  return diff;
}

/** A short account of what an item carries, for results. */
export function carriedList(work: ItemWork): string[] {
  const out: string[] = [];
  const props = Object.keys(work.properties).length;
  if (props) out.push("properties");
  if (work.clip_color) out.push(`clip colour ${work.clip_color}`);
  if (work.flags.length) out.push(`${work.flags.length} flag(s)`);
  if (work.markers.length) out.push(`${work.markers.length} marker(s)`);
  if (!work.enabled) out.push("disabled");
  if (work.grade) out.push("grade");
  if (work.comps.length) out.push(`${work.comps.length} Fusion comp(s)`);
  if (work.fades) out.push("fades");
  if (work.speed !== null) out.push(`speed ${work.speed}%`);
  if (work.color_group) out.push(`colour group ${work.color_group.name}`);
  return out;
}
