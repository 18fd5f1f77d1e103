// deno task fidelity FILE: replays the probe's script (src/probe.ts) on the simulator at the
// version and edition FILE recorded (from `probe --out FILE` against a real Resolve) and
// prints every difference; exit 1 when there is one.
import { parseOptions } from "../src/cli.ts";
import { configureLogging } from "../src/log.ts";
import { compareTraces, runProbe, type Trace } from "../src/probe.ts";

const file = Deno.args[0];
if (!file) {
  console.error("usage: deno task fidelity FILE (a trace written by probe --out FILE)");
  Deno.exit(2);
}
configureLogging("warning");
const recorded = JSON.parse(Deno.readTextFileSync(file)) as Trace;
Deno.env.set("RESOLVE_SIM_VERSION", recorded.resolve.version);
Deno.env.set("RESOLVE_SIM_EDITION", recorded.resolve.edition);
const replayed = await runProbe(parseOptions(["--simulator"]));
const differences = compareTraces(recorded, replayed);
const where =
  `${recorded.resolve.product} ${recorded.resolve.version} (${recorded.resolve.os}) vs the simulator`;
if (!differences.length) {
  console.log(`${where}: no differences in ${recorded.steps.length} calls`);
} else {
  console.log(`${where}: ${differences.length} differences`);
  for (const line of differences) console.log(`  ${line}`);
}
Deno.exit(differences.length ? 1 : 0);
