// Transitions through an edit (Resolve 21.1): a transition is an item of its track without a
// clip (GetType "transition") spanning the cut between an outgoing and an incoming clip. The
// model the planner sees holds clips only (read.ts keeps transitions apart). An edit that
// re-creates either clip deletes the transition with it and, once the new clips are placed,
// adds it again with TimelineItem.AddTransition on the clip now at that edit (same name,
// length and alignment), then checks every transition's place by reading back. Where the edit no longer exists after the edit (the
// clips were pulled apart, moved to other tracks, or one side was deleted), the transition is
// listed as a loss. Below 21.1 (no GetType, no AddTransition) nothing here runs: a transition
// the plan would re-create stays listed as an item that cannot be re-created.
import type { ResolveSession } from "../session.ts";
import { type Handle, isHandle } from "../wire.ts";
import type { Loss } from "./carry.ts";
import type { EditPlan, ModelItem } from "./model.ts";

export const TRANSITION_METHODS = [
  "TimelineItem.GetType",
  "TimelineItem.GetName",
  "TimelineItem.AddTransition",
  "TimelineItem.GetUniqueId",
];

/** A transition of the timeline before the edit, with the clips at its cut. */
export interface EdgeTransition {
  item: ModelItem;
  name: string;
  /** Frames it covers before and after the cut. */
  before: number;
  after: number;
  outgoing: ModelItem | null;
  incoming: ModelItem | null;
}

/** Where a transition goes back after the edit. */
export interface TransitionMove {
  from: EdgeTransition;
  /** The item of the plan's result it is added to, and at which of its edges. */
  on: ModelItem;
  position: "start" | "end";
  cut: number;
}

/** The transitions among a timeline's items (those without a clip that Resolve types so). */
export async function findTransitions(
  resolve: ResolveSession,
  items: ModelItem[],
  handles: Map<string, { handle: Handle }>,
): Promise<EdgeTransition[]> {
  const candidates = items.filter((i) => !i.clip_id && handles.has(i.id));
  if (!candidates.length) return [];
  let rows: unknown[][];
  try {
    rows = await resolve.map(candidates.map((c) => handles.get(c.id)!.handle), [["GetType"]]);
  } catch {
    return []; // before 21.1: no GetType, so no transition is told apart
  }
  const names = new Map(candidates.map((c) => [c.id, c]));
  const out: EdgeTransition[] = [];
  candidates.forEach((t, k) => {
    if (String(rows[k]?.[0] ?? "") !== "transition") return;
    const track = items.filter((o) =>
      o.clip_id && o.track_type === t.track_type && o.track_index === t.track_index
    );
    const outgoing = track.find((o) => o.end >= t.start && o.end <= t.end) ?? null;
    const incoming = track.find((o) => o.start >= t.start && o.start <= t.end) ?? null;
    const cut = outgoing ? outgoing.end : incoming ? incoming.start : t.start;
    out.push({
      item: names.get(t.id)!,
      name: "",
      before: cut - t.start,
      after: t.end - cut,
      outgoing,
      incoming,
    });
  });
  if (out.length) {
    const named = await resolve.map(out.map((t) => handles.get(t.item.id)!.handle), [["GetName"]]);
    out.forEach((t, k) => t.name = String(named[k]?.[0] ?? ""));
  }
  return out;
}

/** The piece of the plan's result that carries `edge` of the original item `of`. */
function pieceAt(plan: EditPlan, of: ModelItem, edge: "start" | "end"): ModelItem | undefined {
  return plan.after.items.find((i) =>
    i.clip_id && (i.origin ?? i.id) === of.id &&
    (edge === "end" ? i.source_end === of.source_end : i.source_start === of.source_start)
  );
}

/**
 * The transitions at edits the plan re-creates (a clip at their cut is removed): they are
 * deleted with the clips (added to the plan's removals) and each goes back where the clips
 * meet again; those whose edit is gone are losses. Pure: a new plan is returned.
 */
export function planTransitions(
  plan: EditPlan,
  found: EdgeTransition[],
): { plan: EditPlan; moves: TransitionMove[]; losses: Loss[]; kept: EdgeTransition[] } {
  const removed = new Set(plan.remove);
  const touched = found.filter((t) =>
    (t.outgoing && removed.has(t.outgoing.id)) || (t.incoming && removed.has(t.incoming.id))
  );
  const kept = found.filter((t) => !touched.includes(t));
  if (!touched.length) return { plan, moves: [], losses: [], kept };
  const next: EditPlan = {
    ...plan,
    remove: [...new Set([...plan.remove, ...touched.map((t) => t.item.id)])],
  };
  const moves: TransitionMove[] = [];
  const losses: Loss[] = [];
  for (const t of touched) {
    const o = t.outgoing ? pieceAt(next, t.outgoing, "end") : undefined;
    const i = t.incoming ? pieceAt(next, t.incoming, "start") : undefined;
    const lost = (why: string) =>
      losses.push({ item: t.item.id, what: `transition "${t.name}"`, why });
    if ((t.outgoing && !o) || (t.incoming && !i)) {
      lost("a clip at its edit no longer has that edge after the edit");
    } else if (
      o && i &&
      (o.end !== i.start || o.track_type !== i.track_type || o.track_index !== i.track_index)
    ) {
      lost("the two clips at its edit no longer meet after the edit");
    } else if (o) {
      moves.push({ from: t, on: o, position: "end", cut: o.end });
    } else if (i) {
      moves.push({ from: t, on: i, position: "start", cut: i.start });
    } else {
      lost("it is at no clip's edge");
    }
  }
  return { plan: next, moves, losses, kept };
}

/** One transition as the read-back compares it. */
const placeOf = (type: string, index: number, start: number, end: number, name: string) =>
  `${type} ${index} ${start}-${end} "${name}"`;

/**
 * Adds the moved transitions back (after the clips are placed and linked). Returns what was
 * carried, and the transitions the timeline should now hold (for checkTransitions).
 */
export async function addTransitions(
  resolve: ResolveSession,
  moves: TransitionMove[],
  kept: EdgeTransition[],
  handleOf: (id: string) => Handle | undefined,
  idOf: (id: string) => string,
  losses: Loss[],
): Promise<{ carried: { item: string; from: string; what: string[] }[]; expected: string[] }> {
  const carried: { item: string; from: string; what: string[] }[] = [];
  const expected = kept.map((t) =>
    placeOf(t.item.track_type, t.item.track_index, t.item.start, t.item.end, t.name)
  );
  for (const m of moves) {
    const t = m.from;
    const lost = (why: string) =>
      losses.push({ item: t.item.id, what: `transition "${t.name}"`, why });
    const target = handleOf(m.on.id);
    if (!target) {
      lost("the clip at its edit was not placed");
      continue;
    }
    const alignment = t.before === 0 ? "right" : t.after === 0 ? "left" : "center";
    const audio = t.item.track_type === "audio";
    let made: unknown = null;
    for (const category of audio ? ["audio"] : ["simple", "fusion", "ofx"]) {
      made = await resolve.call(target, "AddTransition", {
        type: t.name,
        category,
        position: m.position,
        alignment,
        duration: t.before + t.after,
      });
      if (isHandle(made)) break;
    }
    if (!isHandle(made)) {
      lost("Resolve refused AddTransition at its edit (the clips may lack media handles)");
      continue;
    }
    const id = String(await resolve.call(made, "GetUniqueId"));
    expected.push(
      placeOf(m.on.track_type, m.on.track_index, m.cut - t.before, m.cut + t.after, t.name),
    );
    carried.push({
      item: id,
      from: t.item.id,
      what: [`transition "${t.name}" at the ${m.position} of ${idOf(m.on.id)}`],
    });
  }
  return { carried, expected };
}

/** Compares the transitions read back with those expected: the differences, as losses. */
export function checkTransitions(got: EdgeTransition[], expected: string[]): Loss[] {
  const have = got.map((t) =>
    placeOf(t.item.track_type, t.item.track_index, t.item.start, t.item.end, t.name)
  );
  const losses: Loss[] = [];
  const left = [...have];
  for (const want of expected) {
    const at = left.indexOf(want);
    if (at >= 0) left.splice(at, 1);
    else losses.push({ item: "timeline", what: `transition ${want}`, why: "not read back" });
  }
  for (const extra of left) {
    losses.push({ item: "timeline", what: `transition ${extra}`, why: "unplanned, read back" });
  }
  return losses;
}
