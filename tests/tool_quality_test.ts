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
      const a = tool.annotations!;
      // One way to confirm: the wrapper's token input on every destructive tool, no `confirm`.
      assert(!("confirm" in props), `${tool.name} still takes confirm`);
      if (a.destructiveHint) assert(props.confirmation_token, `${tool.name}: confirmation_token`);
      for (
        const hint of [
          "readOnlyHint",
          "destructiveHint",
          "idempotentHint",
          "openWorldHint",
        ] as const
      ) {
        assertEquals(typeof a[hint], "boolean", `${tool.name}: ${hint}`);
      }
      const methods = tool._meta?.["resolve/apiMethods"] as string[];
      assert(Array.isArray(methods) && methods.length > 0, `${tool.name}: apiMethods`);
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
