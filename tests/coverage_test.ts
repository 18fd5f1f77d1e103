// Every documented API method is reachable through some tool, and tools claim no others.
import { assertEquals } from "./assert.ts";
import { documentedMethods, reachableMethods } from "../scripts/coverage.ts";

Deno.test("the tools with --toolsets all reach exactly the 361 documented methods", async () => {
  const documented = documentedMethods();
  assertEquals(documented.length, 361);
  const reachable = await reachableMethods();
  assertEquals([...reachable.keys()].sort(), [...documented].sort());
});
