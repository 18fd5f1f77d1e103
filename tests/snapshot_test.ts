// The tool surface (names, schemas, annotations, _meta of every selection) is pinned: a change
// to any tool's schema shows up here, and is accepted only by `deno task snapshot`.
import { SNAPSHOT_PATH, surfaceText, toolSurface } from "../scripts/tool_surface.ts";
import { withClient } from "./harness.ts";
import { assertEquals } from "./assert.ts";

Deno.test("tools/list matches the committed snapshot for every selection", async () => {
  const committed = await Deno.readTextFile(SNAPSHOT_PATH);
  const now = surfaceText();
  if (now !== committed) {
    const was = JSON.parse(committed);
    const is = JSON.parse(now);
    const changed = Object.keys({ ...was.tools, ...is.tools }).filter((name) =>
      JSON.stringify(was.tools[name]) !== JSON.stringify(is.tools[name])
    );
    throw new Error(
      `the tool surface changed (${changed.join(", ") || "selections"}); if intended, run ` +
        "`deno task snapshot` and commit tests/snapshots/tools.json",
    );
  }
});

Deno.test("the snapshot is what a real server lists (default and read-only)", async () => {
  const surface = toolSurface();
  for (const [set, args] of [["default", []], ["read-only", ["--read-only"]]] as const) {
    await withClient({ args: [...args] }, async (t) => {
      const { tools } = await t.client.listTools();
      const expected = surface.sets[set].map((name) =>
        set === "read-only"
          ? surface.readOnlyTools[name] ?? surface.tools[name]
          : surface.tools[name]
      );
      assertEquals(JSON.parse(JSON.stringify(tools)), expected);
    });
  }
});
