// The program embeds every simulator module (a compiled binary has no files beside it).
import { assertEquals } from "./assert.ts";
import { SIMULATOR_MODULES } from "../src/bridge/simulator_sources.ts";

Deno.test("every bridge/simulator/*.py is embedded; run scripts/embed_simulator.ts if not", () => {
  const onDisk = [...Deno.readDirSync(new URL("../bridge/simulator/", import.meta.url))]
    .filter((e) => e.isFile && e.name.endsWith(".py"))
    .map((e) => e.name.slice(0, -3))
    .sort();
  assertEquals(Object.keys(SIMULATOR_MODULES).sort(), onDisk);
});
