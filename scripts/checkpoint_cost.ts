// What a checkpoint costs on an N-item timeline of the simulator (default 1000): Resolve round
// trips, store operations and time, in-process. `deno run -A --config deno.json
// scripts/checkpoint_cost.ts [N]`. Times move with the machine's load.
import { BridgeClient } from "../src/bridge/client.ts";
import { bridgeEnvironment } from "../src/bridge/environment.ts";
import { parseOptions } from "../src/cli.ts";
import { call, ref, ResolveSession, saveCheckpoint } from "../src/resolve/index.ts";
import type { ToolContext } from "../src/tool.ts";

const data = Deno.makeTempDirSync();
Deno.env.set("RESOLVE_MCP_DATA_DIR", data);
const options = parseOptions(["--simulator"]);
const bridge = new BridgeClient({ ...bridgeEnvironment(options), readOnly: false });
let trips = 0;
const origCall = bridge.call.bind(bridge);
// deno-lint-ignore no-explicit-any
(bridge as any).call = (...a: Parameters<typeof origCall>) => {
  trips++;
  return origCall(...a);
};
const origReq = bridge.request.bind(bridge);
let storeOps = 0;
// deno-lint-ignore no-explicit-any
(bridge as any).request = (...a: Parameters<typeof origReq>) => {
  if (a[0] === "checkpoints") storeOps++;
  return origReq(...a);
};
const resolve = new ResolveSession(bridge);
const ctx = { resolve } as unknown as ToolContext;
const [pm] = await resolve.chain("GetProjectManager");
const [project] = await resolve.batch([call(pm as never, "CreateProject", "Bench")]);
const wav = `${data}/tone.wav`;
const { writeWav } = await import("./sample_media.ts");
writeWav(wav, 2);
const [mp, , clips] = await resolve.batch([
  call(project as never, "GetMediaPool"),
  call(ref(0), "GetRootFolder"),
  call(ref(0), "ImportMedia", [wav]),
]);
const clip = (clips as unknown[])[0];
const [tl] = await resolve.batch([call(mp as never, "CreateEmptyTimeline", "Big")]);
const N = Number(Deno.args[0] ?? 1000);
const infos = Array.from(
  { length: N },
  () => ({ mediaPoolItem: clip, startFrame: 0, endFrame: 4 }),
);
await resolve.batch([call(mp as never, "AppendToTimeline", infos)]);
const count = await resolve.batch([call(tl as never, "GetItemListInTrack", "audio", 1)]);
console.log("items on the timeline:", (count[0] as unknown[]).length);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  trips = 0;
  storeOps = 0;
  const t0 = performance.now();
  await saveCheckpoint(ctx, "bench", { i }, { timeline: tl as never });
  times.push(performance.now() - t0);
  console.log(
    `checkpoint ${i + 1}: ${trips} Resolve round trips + ${storeOps} store ops, ${
      Math.round(times[i])
    } ms`,
  );
}
trips = 0;
storeOps = 0;
let t0 = performance.now();
await saveCheckpoint(ctx, "bench", {}, { project: true });
console.log(
  `project checkpoint: ${trips} round trips + ${storeOps} store ops, ${
    Math.round(performance.now() - t0)
  } ms`,
);
// cost of a plain listing of the same timeline for comparison
trips = 0;
t0 = performance.now();
const [list] = await resolve.batch([call(tl as never, "GetItemListInTrack", "audio", 1)]);
await resolve.map(list as never, [["GetName"], ["GetStart"], ["GetEnd"]]);
console.log(
  `reading the items once (name/start/end): ${trips} round trips, ${
    Math.round(performance.now() - t0)
  } ms`,
);
resolve.close();
await bridge.close();
Deno.removeSync(data, { recursive: true });
