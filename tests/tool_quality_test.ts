// Every tool meets the bar: described inputs, an output schema, annotations, and the API
// methods it may call, all of them documented methods.
import { assert, assertEquals } from "./assert.ts";
import { withClient } from "./harness.ts";
import catalog from "../bridge/api_catalog.json" with { type: "json" };

const SEED = [
  "add_marker",
  "create_project",
  "create_timeline",
  "import_media",
  "open_project",
  "switch_page",
];

Deno.test("every tool is fully described and annotated", async () => {
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    const { tools } = await t.client.listTools();
    for (const tool of tools) {
      assert(tool.description && tool.description.length > 30, `${tool.name}: description`);
      const props = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [key, prop] of Object.entries(props)) {
        assert(
          prop.description && prop.description.length > 5,
          `${tool.name}.${key} has no description`,
        );
      }
      assert(tool.outputSchema, `${tool.name}: outputSchema`);
      // Hints are sent only where they differ from MCP's defaults (readOnly false, destructive
      // true, idempotent false, openWorld true); destructive and idempotent only without readOnly.
      const a = tool.annotations ?? {};
      for (const [hint, value] of Object.entries(a)) {
        if (hint === "title") continue;
        assertEquals(typeof value, "boolean", `${tool.name}: ${hint}`);
        const implied = {
          readOnlyHint: false,
          destructiveHint: true,
          idempotentHint: false,
          openWorldHint: true,
        };
        assert(
          value !== implied[hint as keyof typeof implied],
          `${tool.name}: ${hint} is the default`,
        );
      }
      if (a.readOnlyHint) {
        assert(
          !("destructiveHint" in a) && !("idempotentHint" in a),
          `${tool.name}: read-only hints`,
        );
      }
      const destructive = !a.readOnlyHint && (a.destructiveHint ?? true);
      // One way to confirm: the wrapper's token input on every destructive tool, no `confirm`.
      assert(!("confirm" in props), `${tool.name} still takes confirm`);
      if (destructive) assert(props.confirmation_token, `${tool.name}: confirmation_token`);
      const methods = tool._meta?.["resolve/apiMethods"] as string[];
      // Only the toolsets tools (list_toolsets, enable_toolset) call nothing in Resolve.
      const serverOnly = tool._meta?.["resolve/toolset"] === "toolsets";
      assert(
        Array.isArray(methods) && (methods.length > 0 || serverOnly),
        `${tool.name}: apiMethods`,
      );
      for (const m of methods) {
        const [cls, name] = m.split(".");
        assert(
          (catalog as Record<string, Record<string, unknown>>)[cls]?.[name],
          `${tool.name}: ${m} is not documented`,
        );
      }
    }
  });
});

Deno.test("the default set holds the six seed tools", async () => {
  await withClient({}, async (t) => {
    const names = (await t.client.listTools()).tools.map((tool) => tool.name);
    for (const seed of SEED) assert(names.includes(seed), seed);
  });
});

// A description that names a tool the client cannot see sends the model looking for nothing:
// in the default set, every tool name a description mentions is exposed, or the sentence
// says how to load it (enable_toolset).
Deno.test("default descriptions name only exposed tools, or say how to enable them", async () => {
  const all = new Set<string>();
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    for (const tool of (await t.client.listTools()).tools) all.add(tool.name);
  });
  await withClient({}, async (t) => {
    const { tools } = await t.client.listTools();
    const exposed = new Set(tools.map((tool) => tool.name));
    const bad: string[] = [];
    const texts = (tool: (typeof tools)[number]) => {
      const out = [`${tool.name}: ${tool.description ?? ""}`];
      const props = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [key, prop] of Object.entries(props)) {
        out.push(`${tool.name}.${key}: ${prop.description ?? ""}`);
      }
      return out;
    };
    // The server's instructions and every prompt's text too.
    const other = [`instructions: ${t.client.getInstructions() ?? ""}`];
    for (const prompt of (await t.client.listPrompts()).prompts) {
      const args = Object.fromEntries((prompt.arguments ?? []).map((a) => [a.name, "x"]));
      const got = await t.client.getPrompt({ name: prompt.name, arguments: args });
      other.push(`prompt ${prompt.name}: ${JSON.stringify(got.messages)}`);
    }
    for (const tool of [...tools, ...other.map((text) => ({ text }))]) {
      for (const text of "text" in tool ? [tool.text] : texts(tool)) {
        for (const sentence of text.split(/(?<=[.;])\s+/)) {
          const named = (sentence.match(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g) ?? [])
            .filter((word) => all.has(word) && !exposed.has(word));
          if (named.length && !/enable_toolset/.test(sentence)) {
            bad.push(`${text.split(":")[0]} names ${named.join(", ")}: "${sentence}"`);
          }
        }
      }
    }
    assertEquals(bad, []);
  });
});
