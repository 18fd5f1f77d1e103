// What the tool list costs the model, in tokens (characters / 4): what a client passes to the
// model for each tool is its name, description and input schema (the output schema and the
// annotations stay with the client). Printed for the default set and for all tools, with the
// whole tools/list JSON beside it; the default set is bounded at 12k. The conventions every
// tool shares are said once, in the server's instructions, not in each tool.
import { assert, assertEquals } from "./assert.ts";
import { withClient } from "./harness.ts";
import { leadWithProblems } from "../src/tool.ts";
import type { Tool } from "../src/sdk.ts";

const tokens = (value: unknown) => Math.round(JSON.stringify(value).length / 4);
const modelFacing = (tools: Tool[]) =>
  tokens(
    tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema })),
  );
const withoutMeta = (tools: Tool[]) => tokens(tools.map(({ _meta: _m, ...t }) => t));

async function figures(args: string[]) {
  let out = { tools: 0, model: 0, list: 0, listWithMeta: 0, instructions: 0 };
  await withClient({ args }, async (t) => {
    const { tools } = await t.client.listTools();
    out = {
      tools: tools.length,
      model: modelFacing(tools),
      list: withoutMeta(tools),
      listWithMeta: tokens({ tools }),
      instructions: tokens(t.client.getInstructions() ?? ""),
    };
  });
  return out;
}

Deno.test("tools/list of the default set costs at most 12k tokens; all tools printed", async () => {
  const def = await figures([]);
  const all = await figures(["--toolsets", "all"]);
  console.log(
    `tokens (chars/4): default set ${def.tools} tools: ${def.model} model-facing (name, description, input schema); ` +
      `tools/list JSON ${def.list} (${def.listWithMeta} with _meta); instructions ${def.instructions}\n` +
      `  all tools ${all.tools}: ${all.model} model-facing; tools/list JSON ${all.list} (${all.listWithMeta} with _meta)`,
  );
  assert(def.tools <= 60, `the default set has ${def.tools} tools (at most 60)`);
  assert(def.model <= 12_000, `default tools cost ${def.model} tokens (at most 12k)`);
  assert(def.instructions <= 800, `instructions ${def.instructions} tokens`);
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
