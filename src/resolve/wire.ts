// The bridge's wire format, built through small typed helpers: only src/resolve/ writes calls,
// so changing how calls batch touches this file, not every tool.
import type { BatchCall, Call, Handle, LenCall, MapCall, MapMethod } from "../bridge/client.ts";

export type { BatchCall, Handle, MapMethod };

/** The result of call `i` of the same batch, used as the target of a later call. */
export interface Ref {
  $r: number;
}

export type Target = Handle | Ref;

export function ref(i: number): Ref {
  return { $r: i };
}

export function isHandle(value: unknown): value is Handle {
  return typeof value === "object" && value !== null && "$h" in value;
}

/** `target.method(...args)` as one step of a batch. */
export function call(target: Target, method: string, ...args: unknown[]): Call {
  const h = isHandle(target) ? target.$h : target;
  return args.length ? { h, m: method, a: args } : { h, m: method };
}

/** Like call, but its result stays in the bridge (later steps can still use it). */
export function quiet(target: Target, method: string, ...args: unknown[]): Call {
  return { ...call(target, method, ...args), q: 1 };
}

/**
 * Like quiet, and the bridge keeps the (list) result under `key` for later calls with the
 * same key, until anything changes in Resolve: each page of one listing fetches it once.
 */
export function kept(key: string, target: Target, method: string, ...args: unknown[]): Call {
  return { ...call(target, method, ...args), q: 1, keep: key };
}

/** In a map entry: only these keys of a dict result (e.g. of GetClipProperty()), as a list. */
export function onlyKeys(...keys: string[]): { keys: string[] } {
  return { keys };
}

/** A map over only the objects at these positions of the list that call `i` returned. */
export function pickCall(objects: Ref, methods: MapMethod[], pick: number[]): MapCall {
  return { map: objects, ms: methods, pick };
}

/** The same methods on each object (or on the list that call `i` returned), one row each. */
export function mapCall(
  objects: Handle[] | Ref,
  methods: MapMethod[],
  slice?: [number, number],
): MapCall {
  return slice ? { map: objects, ms: methods, slice } : { map: objects, ms: methods };
}

/** The length of the list that an earlier call returned. */
export function lengthOf(list: Ref): LenCall {
  return { len: list };
}

/** A constant of the `resolve` object (e.g. EXPORT_EDL), resolved inside the bridge. */
export function constant(name: string): { $const: string } {
  return { $const: name };
}

/** A dict whose keys are not plain strings (Resolve keys some settings by constants). */
export function dictOf(entries: [unknown, unknown][]): { $dict: [unknown, unknown][] } {
  return { $dict: entries };
}
