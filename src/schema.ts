// Tool schemas every client can read: zod writes JSON Schema 2020-12; this rewrites it into the
// part that draft-07 and 2020-12 validators read alike, and that single-`type` dialects (the
// OpenAPI subset behind Gemini's function declarations) can map:
//   - no `$schema` (a draft-07 validator refuses a 2020-12 meta-schema URI);
//   - tuples (`prefixItems`, draft-07 has none; `items: [..]` means the opposite in 2020-12)
//     become `items` with one schema (the union of the positions) and min/maxItems;
//   - `type: [a, b]` becomes `anyOf` of single types; `$defs` becomes `definitions`;
//   - schemas that constrain nothing (`additionalProperties: {}`, `propertyNames` of strings)
//     are dropped, as they say nothing and cost tokens; a value that may be anything (z.unknown)
//     says so, as an anyOf of every type (the Inspector's --strict flags a bare `{}`).
// Either/or arguments (`Either` groups on a tool) become one top-level `not` of the
// violations (top-level anyOf/oneOf/allOf is refused by some model APIs); runTool enforces
// the same groups, so the schema and the check cannot disagree.

export type JsonSchema = Record<string, unknown>;

/** A group of arguments with a rule: exactly one, at most one or at least one of them. */
export interface Either {
  fields: string[];
  rule: "one" | "at_most_one" | "at_least_one";
}

const isObject = (v: unknown): v is JsonSchema =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** True if a schema constrains nothing (only annotations such as description). */
function unconstrained(schema: JsonSchema): boolean {
  return Object.keys(schema).every((k) => k === "description" || k === "title");
}

const ANY = ["string", "number", "boolean", "object", "array", "null"].map((type) => ({ type }));

const SCHEMA_MAPS = ["properties", "definitions", "$defs", "patternProperties"];
const SCHEMA_VALUES = ["additionalProperties", "items", "not", "contains", "propertyNames"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf"];

export function portable(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$schema") continue;
    if (key === "$ref" && typeof value === "string") {
      out.$ref = value.replace("#/$defs/", "#/definitions/");
    } else if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) map[name] = portable(sub);
      out[key === "$defs" ? "definitions" : key] = map;
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map(portable);
    } else if (SCHEMA_VALUES.includes(key)) {
      if (key === "propertyNames" && isObject(value) && value.type === "string") continue;
      if (key === "additionalProperties" && isObject(value) && unconstrained(value)) continue;
      if (key === "items" && value === false) continue; // tuples: bounded by maxItems below
      out[key] = portable(value);
    } else if (key === "prefixItems" && Array.isArray(value)) {
      const items = value.map((v) => JSON.stringify(portable(v)));
      const distinct = [...new Set(items)].map((s) => JSON.parse(s));
      out.items = distinct.length === 1 ? distinct[0] : { anyOf: distinct };
      out.minItems ??= value.length;
      out.maxItems ??= value.length;
    } else out[key] = value;
  }
  if (unconstrained(out)) return { ...out, anyOf: ANY };
  if (Array.isArray(out.type)) {
    const types = out.type as string[];
    delete out.type;
    const anyOf = types.map((type) => ({ type }));
    out.anyOf = Array.isArray(out.anyOf) ? [...out.anyOf as unknown[], ...anyOf] : anyOf;
  }
  return out;
}

/** What a group forbids, as a schema that matches the arguments breaking it. */
function violation({ fields, rule }: Either): JsonSchema[] {
  const pairs: JsonSchema[] = [];
  if (rule !== "at_least_one") {
    for (let i = 0; i < fields.length; i++) {
      for (let j = i + 1; j < fields.length; j++) {
        pairs.push({ required: [fields[i], fields[j]] });
      }
    }
  }
  if (rule !== "at_most_one") {
    pairs.push({ not: { anyOf: fields.map((f) => ({ required: [f] })) } });
  }
  return pairs;
}

/** The input schema with the tool's either/or groups stated (a top-level `not`). */
export function withEither(schema: JsonSchema, groups: Either[] | undefined): JsonSchema {
  if (!groups?.length) return schema;
  const violations = groups.flatMap(violation);
  return {
    ...schema,
    not: violations.length === 1 ? violations[0] : { anyOf: violations },
  };
}

/** The first group the arguments break, as a sentence; undefined if none. */
export function eitherProblem(
  args: Record<string, unknown>,
  groups: Either[] | undefined,
): string | undefined {
  for (const { fields, rule } of groups ?? []) {
    const given = fields.filter((f) => args[f] !== undefined);
    const list = fields.join(", ");
    if (rule === "one" && given.length !== 1) return `give exactly one of ${list}`;
    if (rule === "at_most_one" && given.length > 1) return `give at most one of ${list}`;
    if (rule === "at_least_one" && given.length === 0) return `give at least one of ${list}`;
  }
  return undefined;
}

export function compactOutput(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactOutput);
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description" || key === "title" || key === "required") continue;
    if (key === "additionalProperties" && value === false) continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) map[name] = compactOutput(sub);
      out[key] = map;
    } else if (SCHEMA_VALUES.includes(key) || SCHEMA_LISTS.includes(key)) {
      out[key] = compactOutput(value);
    } else out[key] = value;
  }
  return out;
}

/** Patterns that only keep control characters out (the check still runs on every call). */
const CONTROL_PATTERN = /^\^\[\^\\x00/;

/**
 * An input schema as tools/list sends it: the limits that are only safety nets (string lengths,
 * control-character patterns, "minLength 1", numbers bounded at a million or more) are left out
 * of the listing, as no sensible argument comes near them; the tool's zod check keeps enforcing
 * them on every call (INVALID_ARGUMENTS says which). Limits a model should know (enums, item
 * counts, small numeric ranges, `required`, `additionalProperties`) stay.
 */
export function compactInput(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compactInput);
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "maxLength" || (key === "minLength" && value === 1)) continue;
    if (key === "pattern" && typeof value === "string" && CONTROL_PATTERN.test(value)) continue;
    if (key === "maximum" && typeof value === "number" && value >= 1_000_000) continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      const map: JsonSchema = {};
      for (const [name, sub] of Object.entries(value)) map[name] = compactInput(sub);
      out[key] = map;
    } else if (SCHEMA_VALUES.includes(key) || SCHEMA_LISTS.includes(key)) {
      out[key] = compactInput(value);
    } else out[key] = value;
  }
  return out;
}
