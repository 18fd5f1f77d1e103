// Applies an EditPlan to a Resolve timeline with the documented API: the items to remove are
// deleted (Timeline.DeleteClips), the items to create appended where the plan puts them
// (MediaPool.AppendToTimeline with clip-info dicts: mediaPoolItem, startFrame, endFrame,
// recordFrame, trackIndex, mediaType), linked again (Timeline.SetClipsLinked), given the work
// of the items they replace (carry.ts), and the timeline read back and compared with the plan.
import { fail } from "../../errors.ts";
import type { ToolContext } from "../../tool.ts";
import { CHECKPOINT_API, saveCheckpoint } from "../checkpoints.ts";
import type { ResolveSession } from "../session.ts";
import { call, type Handle, isHandle } from "../wire.ts";
import {
  appendRange,
  applyWork,
  carriedList,
  CARRY_METHODS,
  cleanWork,
  compareWork,
  type Exported,
  exportWork,
  type ItemWork,
  type Loss,
  predictLosses,
  readWork,
  speedLosses,
} from "./carry.ts";
import type { EditPlan, ModelItem } from "./model.ts";
import { READ_METHODS, readTimeline, type TimelineRead } from "./read.ts";
import {
  addTransitions,
  checkTransitions,
  type EdgeTransition,
  planTransitions,
  TRANSITION_METHODS,
  type TransitionMove,
} from "./transitions.ts";

/** Every method applyEdit may call (with the checkpoint it saves), for a tool's apiMethods. */
export const APPLY_METHODS = [
  ...new Set([
    ...READ_METHODS,
    ...CARRY_METHODS,
    ...CHECKPOINT_API,
    ...TRANSITION_METHODS,
    "Resolve.GetVersion",
    "Project.GetMediaPool",
    "Project.GetCurrentTimeline",
    "Project.SetCurrentTimeline",
    "Timeline.GetUniqueId",
    "Timeline.DeleteClips",
    "Timeline.SetClipsLinked",
    "Timeline.AddTrack",
    "MediaPool.AppendToTimeline",
  ]),
];

/** A created item as results report it. */
export interface CreatedItem {
  id: string;
  origin: string | null;
  track_type: string;
  track_index: number;
  start: number;
  end: number;
  source_start: number;
  source_end: number;
}

/** The items a plan creates, as results report them. */
export function createdItems(plan: EditPlan): CreatedItem[] {
  return plan.create.map((c) => ({
    id: c.id,
    origin: c.origin,
    track_type: c.track_type,
    track_index: c.track_index,
    start: c.start,
    end: c.end,
    source_start: c.source_start,
    source_end: c.source_end,
  }));
}

export interface EditOutcome {
  timeline: string;
  dry_run: boolean;
  checkpoint_id: string | null;
  removed: string[];
  created: CreatedItem[];
  /** Existing item id -> the ids of the items that now carry its work. */
  id_map: Record<string, string[]>;
  kept: number;
  overwritten: string[];
  carried: { item: string; from: string; what: string[] }[];
  losses: Loss[];
  notes: string[];
}

export interface EditRequest {
  tool: string;
  args: Record<string, unknown>;
  project: Handle;
  timeline: Handle;
  read: TimelineRead;
  plan: EditPlan;
  dryRun: boolean;
  acceptLosses: boolean;
  /** Save a checkpoint first (default true; false only for a timeline the edit just made). */
  checkpoint?: boolean;
  /** Runs once the edit is known to be possible, before anything changes (a confirmation). */
  beforeChange?: () => Promise<void>;
}

const lossText = (losses: Loss[]) =>
  losses.slice(0, 8).map((l) => `${l.item}: ${l.what} (${l.why})`).join("; ") +
  (losses.length > 8 ? `; and ${losses.length - 8} more` : "");

/** Items of the plan that AppendToTimeline cannot make (no media pool clip behind them). */
function unmakeable(plan: EditPlan): Loss[] {
  return plan.create.filter((c) => !c.clip_id).map((c) => ({
    item: c.origin ?? c.id,
    what: "the item itself",
    why: "it has no media pool clip (a generator, title or transition), so it cannot be re-created",
  }));
}

/** Checks, applies and verifies a plan; a dry run only reports it. */
export async function applyEdit(ctx: ToolContext, asked: EditRequest): Promise<EditOutcome> {
  const { resolve } = ctx;
  const version = await resolve.call(await resolve.root(), "GetVersion");
  const [major, minor] = Array.isArray(version) ? version.map(Number) : [NaN, NaN];
  const v211 = major > 21 || (major === 21 && minor >= 1);
  // 21.1: transitions at the edits the plan re-creates are deleted and added back.
  const edges = planTransitions(asked.plan, asked.read.transitions ?? []);
  const req: EditRequest = { ...asked, plan: edges.plan };
  const { plan, read } = req;
  const origins = [
    ...new Set(plan.create.map((c) => c.origin).filter((o): o is string => !!o)),
  ].filter((o) => read.items.has(o));
  const originItems = origins.map((id) => ({
    model: plan.before.items.find((i) => i.id === id)!,
    handle: read.items.get(id)!.handle,
  })).filter((o) => o.model);
  const work = await readWork(resolve, originItems, v211);
  const workOf = new Map(work.map((w) => [w.id, w]));
  const losses = [
    ...unmakeable(plan),
    ...edges.losses,
    ...predictLosses(plan.before, work),
    ...speedLosses(plan.create, workOf, plan.before.media),
  ];
  const outcome: EditOutcome = {
    timeline: read.name,
    dry_run: req.dryRun,
    checkpoint_id: null,
    removed: [...plan.remove],
    created: createdItems(plan),
    id_map: {},
    kept: plan.keep.length,
    overwritten: [...plan.overwritten],
    carried: plan.create.filter((c) => c.origin && workOf.has(c.origin)).map((c) => ({
      item: c.id,
      from: c.origin!,
      what: carriedList(workOf.get(c.origin!)!),
    })),
    losses,
    notes: [...plan.notes],
  };
  for (const c of plan.create) {
    if (c.origin && read.items.has(c.origin)) {
      (outcome.id_map[c.origin] ??= []).push(c.id);
    }
  }
  if (req.dryRun) return outcome;
  if (losses.length && !req.acceptLosses) {
    fail(
      "EDIT_LOSSES",
      `the edit would lose work, so nothing was changed: ${lossText(losses)}`,
      "Call the tool with dry_run: true to see the plan, then again with accept_losses: true to go ahead without what is listed.",
    );
  }
  if (!plan.remove.length && !plan.create.length) {
    fail("NOTHING_TO_CHANGE", "the edit changes nothing on the timeline", plan.notes.join(" "));
  }

  await req.beforeChange?.();
  // The timeline must be current: AppendToTimeline, the playhead and GrabStill act on it.
  const [current, tlId, mediaPool] = await resolve.batch([
    call(req.project, "GetCurrentTimeline"),
    call(req.timeline, "GetUniqueId"),
    call(req.project, "GetMediaPool"),
  ]);
  const currentId = isHandle(current) ? await resolve.call(current, "GetUniqueId") : null;
  if (currentId !== tlId) {
    const ok = await resolve.call(req.project, "SetCurrentTimeline", req.timeline);
    if (ok !== true) fail("SWITCH_FAILED", "Resolve did not make the timeline current");
  }
  if (!isHandle(mediaPool)) fail("NO_MEDIA_POOL", "the project has no media pool");
  const checkpoint_id = req.checkpoint === false
    ? null
    : (await saveCheckpoint(ctx, req.tool, req.args, { timeline: req.timeline })).checkpoint_id;
  outcome.checkpoint_id = checkpoint_id;
  const exported: Exported = await exportWork(
    resolve,
    req.project,
    req.timeline,
    plan.before,
    read.items,
    work,
    read.rate,
    read.start,
    losses,
  );
  if (losses.length && !req.acceptLosses) {
    await cleanWork(resolve, req.timeline, exported);
    fail(
      "EDIT_LOSSES",
      `the edit would lose work, so nothing was changed: ${lossText(losses)}`,
      "Fix what is listed (e.g. open the Color page's Gallery panel), or call again with accept_losses: true to go ahead without it.",
    );
  }
  try {
    await change(
      resolve,
      req,
      mediaPool,
      version,
      outcome,
      workOf,
      losses,
      exported,
      v211,
      edges,
      (
        done,
        total,
        message,
      ) => ctx.progress(done, total, message),
    );
  } finally {
    await cleanWork(resolve, req.timeline, exported);
  }
  outcome.losses = losses;
  if (losses.length && !req.acceptLosses) {
    fail(
      "EDIT_NOT_VERIFIED",
      `the edit was applied but did not read back as planned: ${lossText(losses)}`,
      checkpoint_id
        ? `restore_checkpoint with checkpoint_id "${checkpoint_id}" puts the timeline back as it was.`
        : "The timeline was new: delete it (delete_timelines) and try again.",
    );
  }
  return outcome;
}

async function change(
  resolve: ResolveSession,
  req: EditRequest,
  mediaPool: Handle,
  version: unknown,
  outcome: EditOutcome,
  workOf: Map<string, ItemWork>,
  losses: Loss[],
  exported: Exported,
  v211: boolean,
  edges: { moves: TransitionMove[]; kept: EdgeTransition[] },
  progress: ToolContext["progress"],
) {
  const { plan, read } = req;
  if (plan.remove.length) {
    const handles = plan.remove.map((id) => read.items.get(id)?.handle).filter(isHandle);
    const ok = await resolve.call(req.timeline, "DeleteClips", handles, false);
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        "Resolve refused to delete the items the edit replaces; nothing was changed",
        "Items on locked tracks cannot be deleted and the Fairlight page refuses (switch_page to edit).",
      );
    }
    exported.enabled = []; // deleted: nothing to disable again
  }
  // Tracks the plan needs.
  const adds = [];
  for (const type of ["video", "audio", "subtitle"] as const) {
    for (let n = plan.before.tracks[type]; n < plan.after.tracks[type]; n++) {
      adds.push(
        type === "audio"
          ? call(req.timeline, "AddTrack", "audio", "stereo")
          : call(req.timeline, "AddTrack", type),
      );
    }
  }
  if (adds.length) {
    const done = await resolve.batch(adds);
    if (done.some((d) => d !== true)) {
      losses.push({ item: "timeline", what: "new tracks", why: "Resolve refused AddTrack" });
    }
  }
  const major = Array.isArray(version) ? Number(version[0]) : NaN;
  const inclusive = Number.isFinite(major) && major < 19;
  const makeable = plan.create.filter((c) => c.clip_id && read.clips.has(c.clip_id));
  for (const c of plan.create) {
    if (c.clip_id && !read.clips.has(c.clip_id)) {
      losses.push({ item: c.id, what: "the item itself", why: "its clip is not in the pool" });
    }
  }
  const appended = await resolve.batch(makeable.map((c) => {
    const range = appendRange(c, c.origin ? workOf.get(c.origin) : undefined);
    return call(mediaPool, "AppendToTimeline", [{
      mediaPoolItem: read.clips.get(c.clip_id!)!.handle,
      startFrame: range.start,
      endFrame: inclusive ? range.end - 1 : range.end,
      recordFrame: read.start + c.start,
      trackIndex: c.track_index,
      mediaType: c.track_type === "audio" ? 2 : 1,
    }]);
  }));
  const made = appended.map((r) => (Array.isArray(r) ? r.filter(isHandle)[0] : undefined));
  const madeIds = (await resolve.map(made.filter(isHandle), [["GetUniqueId"]])).map(([id]) =>
    String(id)
  );
  const actual = new Map<string, { id: string; handle: Handle }>();
  let k = 0;
  makeable.forEach((c, i) => {
    const h = made[i];
    if (!isHandle(h)) {
      losses.push({
        item: c.origin ?? c.id,
        what: "the item itself",
        why: `Resolve placed nothing at frame ${c.start} on ${c.track_type} ${c.track_index}`,
      });
      return;
    }
    actual.set(c.id, { id: madeIds[k++], handle: h });
  });
  // Links: every group of the plan that holds a re-created item is linked again.
  const groups = new Map<string, Handle[]>();
  for (const it of plan.after.items) {
    if (!it.link) continue;
    const h = actual.get(it.id)?.handle ?? read.items.get(it.id)?.handle;
    if (h) (groups.get(it.link) ?? groups.set(it.link, []).get(it.link)!).push(h);
  }
  const linkCalls = [...groups.entries()].filter(([key, hs]) =>
    hs.length > 1 && plan.after.items.some((i) => i.link === key && actual.has(i.id))
  ).map(([, hs]) => call(req.timeline, "SetClipsLinked", hs, true));
  const linked = await resolve.batch(linkCalls);
  if (linked.some((l) => l !== true)) {
    losses.push({ item: "timeline", what: "links", why: "Resolve refused SetClipsLinked" });
  }
  // The work of the items they replace.
  for (const [i, c] of plan.create.entries()) {
    const a = actual.get(c.id);
    const w = c.origin ? workOf.get(c.origin) : undefined;
    if (a && w) await applyWork(resolve, a.handle, c, w, losses);
    await progress(i + 1, plan.create.length, "carrying the items' work over");
  }
  // Ids: planned -> real.
  outcome.created = outcome.created.map((c) => ({ ...c, id: actual.get(c.id)?.id ?? c.id }));
  for (const [from, list] of Object.entries(outcome.id_map)) {
    outcome.id_map[from] = list.map((id) => actual.get(id)?.id ?? id);
  }
  outcome.carried = outcome.carried.map((c) => ({ ...c, item: actual.get(c.item)?.id ?? c.item }));
  const transitions = await addTransitions(
    resolve,
    edges.moves,
    edges.kept,
    (id) => actual.get(id)?.handle ?? read.items.get(id)?.handle,
    (id) => actual.get(id)?.id ?? id,
    losses,
  );
  outcome.carried.push(...transitions.carried);
  await verify(resolve, req, actual, workOf, losses, v211, transitions.expected);
}

/** Reads the timeline back and lists every difference from the plan as a loss. */
async function verify(
  resolve: ResolveSession,
  req: EditRequest,
  actual: Map<string, { id: string; handle: Handle }>,
  workOf: Map<string, ItemWork>,
  losses: Loss[],
  v211: boolean,
  transitions: string[],
) {
  const after = await readTimeline(resolve, req.timeline);
  losses.push(...checkTransitions(after.transitions, transitions));
  const byId = new Map(after.model.items.map((i) => [i.id, i]));
  const realId = (planned: string) => actual.get(planned)?.id ?? planned;
  const wanted = new Set<string>();
  const key = (i: ModelItem, retimed = false) =>
    `${i.track_type} ${i.track_index} ${i.start}-${i.end} src ${i.source_start}` +
    (retimed ? "" : `-${i.source_end}`);
  // A retimed piece reads back from where appendRange put it (its end as Resolve counts it).
  const planned = new Map(
    req.plan.create.map((c) => {
      const r = appendRange(c, c.origin ? workOf.get(c.origin) : undefined);
      return [c.id, r.retimed ? { ...c, source_start: r.start } : null];
    }),
  );
  for (const plan of req.plan.after.items) {
    const it = planned.get(plan.id) ?? plan;
    const retimed = planned.get(plan.id) != null;
    const id = realId(it.id);
    wanted.add(id);
    const got = byId.get(id);
    if (!got) {
      if (actual.has(it.id) || !it.id.startsWith("new:")) {
        losses.push({ item: id, what: "position", why: "not on the timeline after the edit" });
      }
      continue;
    }
    if (key(got, retimed) !== key(it, retimed)) {
      losses.push({
        item: id,
        what: "position",
        why: `planned ${key(it, retimed)}, reads ${key(got, retimed)}`,
      });
    }
  }
  for (const got of after.model.items) {
    if (!wanted.has(got.id)) {
      losses.push({ item: got.id, what: "position", why: `unplanned item at ${key(got)}` });
    }
  }
  // Links: the same groups as planned.
  const plannedGroups = new Map<string, string[]>();
  for (const it of req.plan.after.items) {
    if (it.link) {
      (plannedGroups.get(it.link) ?? plannedGroups.set(it.link, []).get(it.link)!).push(
        realId(it.id),
      );
    }
  }
  for (const ids of plannedGroups.values()) {
    const links = new Set(ids.map((id) => byId.get(id)?.link ?? `none:${id}`));
    if (ids.length > 1 && links.size !== 1) {
      losses.push({ item: ids.join("+"), what: "links", why: "the items are not linked together" });
    }
  }
  // Carried work, read back.
  const checks = req.plan.create.filter((c) =>
    c.origin && workOf.has(c.origin) && actual.has(c.id) && byId.has(actual.get(c.id)!.id)
  );
  const got = await readWork(
    resolve,
    checks.map((c) => ({
      model: byId.get(actual.get(c.id)!.id)!,
      handle: actual.get(c.id)!.handle,
    })),
    v211,
  );
  checks.forEach((c, i) => {
    for (const what of compareWork(workOf.get(c.origin!)!, c, got[i])) {
      losses.push({ item: actual.get(c.id)!.id, what, why: "did not read back as carried" });
    }
  });
}
