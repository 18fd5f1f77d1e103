// Every tool schema reads the same under draft-07 and 2020-12 validators: a meta-check written
// from the draft-07 meta-schema (json-schema.org/draft-07/schema), restricted to the keywords
// whose meaning 2020-12 keeps (no `items` array, `additionalItems` or `dependencies`, none of
// 2020-12's own such as `prefixItems` or `$defs`), and no `$schema` naming either draft.
// Also: the rewriting (src/schema.ts) and the either/or groups, stated and enforced.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withClient } from "./harness.ts";
import { eitherProblem, portable, withEither } from "../src/schema.ts";

const TYPES = new Set(["array", "boolean", "integer", "null", "number", "object", "string"]);
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "$comment"]);

type Check = (value: unknown, at: string, out: string[]) => void;
const nonNegativeInt: Check = (v, at, out) => {
  if (!Number.isInteger(v) || (v as number) < 0) out.push(`${at}: not a non-negative integer`);
};
const number: Check = (v, at, out) => {
  if (typeof v !== "number") out.push(`${at}: not a number`);
};
const schemaMap: Check = (v, at, out) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) out.push(`${at}: not an object`);
  else for (const [k, s] of Object.entries(v)) checkSchema(s, `${at}.${k}`, out);
};
const schemaList: Check = (v, at, out) => {
  if (!Array.isArray(v) || v.length === 0) out.push(`${at}: not a non-empty array`);
  else v.forEach((s, i) => checkSchema(s, `${at}[${i}]`, out));
};
const KEYWORDS: Record<string, Check> = {
  type: (v, at, out) => {
    const list = Array.isArray(v) ? v : [v];
    if (!list.length || list.some((t) => !TYPES.has(t as string))) out.push(`${at}: bad type`);
    if (new Set(list).size !== list.length) out.push(`${at}: repeated type`);
  },
  enum: (v, at, out) => {
    if (!Array.isArray(v) || v.length === 0) out.push(`${at}: enum not a non-empty array`);
  },
  const: () => {},
  format: (v, at, out) => {
    if (typeof v !== "string") out.push(`${at}: format not a string`);
  },
  multipleOf: (v, at, out) => {
    if (typeof v !== "number" || v <= 0) out.push(`${at}: multipleOf not > 0`);
  },
  maximum: number,
  minimum: number,
  exclusiveMaximum: number,
  exclusiveMinimum: number,
  maxLength: nonNegativeInt,
  minLength: nonNegativeInt,
  maxItems: nonNegativeInt,
  minItems: nonNegativeInt,
  maxProperties: nonNegativeInt,
  minProperties: nonNegativeInt,
  pattern: (v, at, out) => {
    try {
      new RegExp(v as string, "u");
    } catch {
      out.push(`${at}: pattern is not a regular expression`);
    }
  },
  uniqueItems: (v, at, out) => {
    if (typeof v !== "boolean") out.push(`${at}: uniqueItems not a boolean`);
  },
  required: (v, at, out) => {
    if (!Array.isArray(v) || v.some((s) => typeof s !== "string") || new Set(v).size !== v.length) {
      out.push(`${at}: required not an array of distinct strings`);
    }
  },
  properties: schemaMap,
  patternProperties: schemaMap,
  definitions: schemaMap,
  additionalProperties: (v, at, out) => checkSchema(v, at, out),
  propertyNames: (v, at, out) => checkSchema(v, at, out),
  contains: (v, at, out) => checkSchema(v, at, out),
  not: (v, at, out) => checkSchema(v, at, out),
  // An array here is a draft-07 tuple and an error in 2020-12: one schema only.
  items: (v, at, out) => {
    if (Array.isArray(v)) out.push(`${at}: items as an array (tuple) differs between drafts`);
    else checkSchema(v, at, out);
  },
  anyOf: schemaList,
  oneOf: schemaList,
  allOf: schemaList,
  $ref: (v, at, out) => {
    if (typeof v !== "string" || v.includes("$defs")) out.push(`${at}: $ref not portable`);
  },
};

/** Problems of one schema against the draft-07 ∩ 2020-12 meta-check; [] when none. */
function checkSchema(schema: unknown, at: string, out: string[]): void {
  if (typeof schema === "boolean") return;
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    out.push(`${at}: not a schema`);
    return;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    const check = KEYWORDS[key];
    if (!check) out.push(`${at}: keyword ${key} is not portable between draft-07 and 2020-12`);
    else check(value, `${at}.${key}`, out);
  }
}

function problems(schema: unknown, at = "#"): string[] {
  const out: string[] = [];
  checkSchema(schema, at, out);
  return out;
}

Deno.test("the meta-check refuses what draft-07 validators refuse", () => {
  assertEquals(problems({ type: "object", properties: { a: { type: "string" } } }), []);
  assert(problems({ $schema: "https://json-schema.org/draft/2020-12/schema" }).length);
  assert(problems({ type: "array", prefixItems: [{ type: "number" }] }).length);
  assert(problems({ type: "array", items: [{ type: "number" }] }).length);
  assert(problems({ $defs: { a: {} } }).length);
  assert(problems({ type: "strin" }).length);
  assert(problems({ minLength: -1 }).length);
  assert(problems({ anyOf: [] }).length);
  assert(problems({ properties: { a: { type: "number", maximum: "1" } } }).length);
});

Deno.test("portable() rewrites zod's 2020-12 into the shared subset", () => {
  const tuple = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "array",
    prefixItems: [{ type: "number" }, { type: "number" }, { type: "number" }],
    items: false,
    minItems: 3,
    maxItems: 3,
  };
  assertEquals(portable(tuple), {
    type: "array",
    items: { type: "number" },
    minItems: 3,
    maxItems: 3,
  });
  assertEquals(
    portable({
      type: "array",
      prefixItems: [{ type: "number" }, { type: "string" }],
      items: false,
    }),
    {
      type: "array",
      items: { anyOf: [{ type: "number" }, { type: "string" }] },
      minItems: 2,
      maxItems: 2,
    },
  );
  // A value that may be anything says so (a bare {} is flagged by the Inspector's --strict).
  assertEquals((portable({ description: "any" }) as { anyOf: unknown[] }).anyOf.length, 6);
  assertEquals(portable({ type: ["string", "null"], description: "d" }), {
    description: "d",
    anyOf: [{ type: "string" }, { type: "null" }],
  });
  assertEquals(
    portable({
      type: "object",
      propertyNames: { type: "string" },
      additionalProperties: {},
      $defs: { x: { type: "string" } },
      properties: { a: { $ref: "#/$defs/x" } },
    }),
    {
      type: "object",
      definitions: { x: { type: "string" } },
      properties: { a: { $ref: "#/definitions/x" } },
    },
  );
});

Deno.test("either groups: stated as one top-level not, and checked the same way", () => {
  const groups = [
    { fields: ["frame", "timecode"], rule: "one" as const },
    { fields: ["a", "b"], rule: "at_most_one" as const },
  ];
  const schema = withEither({ type: "object", properties: {} }, groups);
  assertEquals(schema.not, {
    anyOf: [
      { required: ["frame", "timecode"] },
      { not: { anyOf: [{ required: ["frame"] }, { required: ["timecode"] }] } },
      { required: ["a", "b"] },
    ],
  });
  assertEquals(problems(schema), []);
  // The schema's verdict (evaluated by hand here) and eitherProblem agree on every case.
  const cases: [Record<string, unknown>, boolean][] = [
    [{ frame: 1 }, true],
    [{ timecode: "01:00:00:00" }, true],
    [{}, false],
    [{ frame: 1, timecode: "x" }, false],
    [{ frame: 1, a: 1 }, true],
    [{ frame: 1, a: 1, b: 2 }, false],
  ];
  for (const [args, ok] of cases) assertEquals(eitherProblem(args, groups) === undefined, ok);
  assertMatch(eitherProblem({}, groups)!, /exactly one of frame, timecode/);
});

Deno.test("every tool's input and output schema passes the draft-07 meta-check", async () => {
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    const { tools } = await t.client.listTools();
    assert(tools.length > 150);
    const bad: string[] = [];
    for (const tool of tools) {
      bad.push(...problems(tool.inputSchema, `${tool.name}.inputSchema`));
      bad.push(...problems(tool.outputSchema, `${tool.name}.outputSchema`));
      // Some model APIs refuse these at the top of an input schema.
      for (const key of ["anyOf", "oneOf", "allOf"]) {
        if (key in tool.inputSchema) bad.push(`${tool.name}: top-level ${key}`);
      }
    }
    assertEquals(bad, []);
  });
});

Deno.test("add_marker: frame or timecode, stated in the schema and refused when both are given", async () => {
  await withClient({}, async (t) => {
    const tool = (await t.client.listTools()).tools.find((x) => x.name === "add_marker")!;
    assert(JSON.stringify(tool.inputSchema.not).includes('"frame","timecode"'));
    await t.ok("create_project", { name: "Either" });
    await t.ok("create_timeline", { name: "T" });
    assertMatch(
      await t.error("add_marker", { frame: 1, timecode: "01:00:00:01" }),
      /INVALID_ARGUMENTS/,
    );
  });
});
