// Arguments of the api tools: how many a method takes, their JSON shape and $dict entries.
import { z } from "zod";
import { fail } from "../../errors.ts";

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
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export const argSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string().max(100_000),
    z.array(argSchema).max(10_000),
    z.record(z.string().max(200), argSchema),
  ])
);

/** A $dict's entries: only [key, value] pairs (any other shape would reach Resolve unchecked). */
export function dictEntries(value: Json): [Json, Json][] {
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
export function keyName(key: Json): string | undefined {
  if (typeof key === "string") return key;
  const c = key && typeof key === "object" && !Array.isArray(key) ? key.$const : undefined;
  return typeof c === "string" ? c : undefined;
}
