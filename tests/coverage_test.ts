// Every documented API method is reachable through some tool, and tools claim no others; the
// task-level tools are counted on their own, so deleting them cannot hide behind the api_* tools.
import { assertEquals } from "./assert.ts";
import { documentedMethods, reachableMethods } from "../scripts/coverage.ts";

Deno.test("the tools with --toolsets all reach exactly the 424 documented methods", async () => {
  const documented = documentedMethods();
  assertEquals(documented.length, 424); // 361 up to 21.0.x, 57 new in 21.1, 6 in 21.1.1
  const reachable = await reachableMethods();
  assertEquals([...reachable.keys()].sort(), [...documented].sort());
  // Without the api_* tools, the task-level tools still reach every documented method.
  const byTaskTools = documented.filter((m) =>
    (reachable.get(m) ?? []).some((tool) => !tool.startsWith("api_"))
  );
  assertEquals(documented.filter((m) => !byTaskTools.includes(m)), []);
});
