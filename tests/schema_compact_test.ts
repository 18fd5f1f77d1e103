// What tools/list leaves out of the schemas it sends (src/schema.ts compactOutput and
// compactInput), and that the checks it leaves out still run on every call.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { TRACE_ENV, withClient } from "./harness.ts";
import { compactInput, compactOutput } from "../src/schema.ts";

Deno.test("compactOutput keeps types and structure, drops descriptions, required and closed objects", () => {
  const schema = {
    type: "object",
    description: "a result",
    properties: {
      // Fields named like keywords are fields, kept.
      description: { type: "string", description: "the text" },
      required: { type: "boolean" },
      items: {
        type: "array",
        description: "rows",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            end: { anyOf: [{ type: "number" }, { type: "null" }] },
          },
          required: ["id", "end"],
          additionalProperties: false,
        },
      },
      map: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      kind: { type: "string", enum: ["a", "b"], const: "a" },
    },
    required: ["description", "required", "items", "map", "kind"],
    additionalProperties: false,
  };
  assertEquals(compactOutput(schema), {
    type: "object",
    properties: {
      description: { type: "string" },
      required: { type: "boolean" },
      items: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            end: { anyOf: [{ type: "number" }, { type: "null" }] },
          },
        },
      },
      map: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      kind: { type: "string", enum: ["a", "b"], const: "a" },
    },
  });
});

Deno.test("compactInput leaves out only safety-net limits; descriptions, enums and real bounds stay", () => {
  const schema = {
    type: "object",
    properties: {
      name: {
        type: "string",
        description: "Name.",
        minLength: 1,
        maxLength: 255,
        pattern: "^[^\\x00-\\x1f\\x7f]*$",
      },
      id: { type: "string", minLength: 3, pattern: "^ck-[0-9]+$" },
      frame: { type: "integer", minimum: 0, maximum: 100_000_000 },
      limit: { type: "integer", minimum: 1, maximum: 500 },
      ids: { type: "array", items: { type: "string", maxLength: 128 }, minItems: 1, maxItems: 500 },
      page: { type: "string", enum: ["edit", "color"] },
    },
    required: ["name"],
    additionalProperties: false,
  };
  assertEquals(compactInput(schema), {
    type: "object",
    properties: {
      name: { type: "string", description: "Name." },
      id: { type: "string", minLength: 3, pattern: "^ck-[0-9]+$" },
      frame: { type: "integer", minimum: 0 },
      limit: { type: "integer", minimum: 1, maximum: 500 },
      ids: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 500 },
      page: { type: "string", enum: ["edit", "color"] },
    },
    required: ["name"],
    additionalProperties: false,
  });
});

Deno.test("create_bin: a limit left out of tools/list is still enforced (INVALID_ARGUMENTS)", async () => {
  await withClient({ env: { [TRACE_ENV]: "0" } }, async (t) => {
    const tool = (await t.client.listTools()).tools.find((x) => x.name === "create_bin")!;
    const path = (tool.inputSchema.properties as Record<string, Record<string, unknown>>).path;
    assertEquals(path.maxLength, undefined);
    assertEquals(tool._meta, undefined);
    await t.ok("create_project", { name: "Limits" });
    assertMatch(await t.error("create_bin", { path: "x".repeat(5000) }), /INVALID_ARGUMENTS/);
    assertMatch(await t.error("create_bin", { path: "" }), /INVALID_ARGUMENTS/);
    // Within the limits the same call works, read back through list_bins.
    await t.ok("create_bin", { path: "Dailies" });
    const { bins } = await t.ok<{ bins: { path: string }[] }>("list_bins");
    assert(bins.some((b) => b.path.endsWith("Dailies")), JSON.stringify(bins));
  });
});
