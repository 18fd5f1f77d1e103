// The start-up probe without blocking (issue 14): discoverAsync asks the same probes as
// discover and reaches the same answer, while the event loop keeps running between them; the
// server's probe runs once and its answer is reused; the server answers initialize and
// tools/list on the simulator while its bridge's environment is still being found.
import { assert, assertEquals } from "./assert.ts";
import { INITIALIZE, startCommand } from "./harness.ts";
import { type AsyncHost, discover, discoverAsync, type Host } from "../src/discovery.ts";
import { discoverForAsync } from "../src/bridge/environment.ts";
import { parseOptions } from "../src/cli.ts";

const GOOD = { version: "3.11.7", bits: 64, executable: "/fake/python3" };

function hosts(): { sync: Host; async: AsyncHost; tried: string[] } {
  const tried: string[] = [];
  const answer = (command: string, paths: string[]) => {
    tried.push(command);
    return command === "python3" ? { ...GOOD, exists: paths.map(() => false) } : "not found";
  };
  const env = { PATH: "/usr/bin" };
  return {
    tried,
    sync: { os: "linux", env, probe: (c, _a, _e, paths) => answer(c, paths) },
    async: {
      os: "linux",
      env,
      probe: (c, _a, _e, paths) =>
        new Promise((resolve) => setTimeout(() => resolve(answer(c, paths)), 20)),
    },
  };
}

Deno.test("discoverAsync: the same probes and answer as discover, with the event loop free meanwhile", async () => {
  const a = hosts(), b = hosts();
  const expected = discover(a.sync);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const found = await discoverAsync(b.async);
  clearInterval(timer);
  assertEquals(found, expected);
  assertEquals(b.tried, a.tried);
  assert(ticks > 0, "timers ran while the probe was awaited");
  assertEquals(found.interpreter?.command, "python3");
});

Deno.test("discoverForAsync: the server's probe runs once and its answer is reused", async () => {
  const h = hosts();
  const options = parseOptions(["--simulator"]);
  const first = discoverForAsync(options, h.async);
  const second = discoverForAsync(options, h.async);
  assert(first === second, "one probe per process");
  await first;
  const probes = h.tried.length;
  await discoverForAsync(options, h.async);
  assertEquals(h.tried.length, probes);
});

Deno.test("server start-up: initialize and tools/list are answered before any tool needs the bridge", async () => {
  const [cmd, args] = startCommand(["--simulator"]);
  const child = new Deno.Command(cmd, {
    args,
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  const enc = new TextEncoder();
  await writer.write(enc.encode(JSON.stringify(INITIALIZE) + "\n"));
  await writer.write(enc.encode(`{"jsonrpc":"2.0","method":"notifications/initialized"}\n`));
  await writer.write(enc.encode(`{"jsonrpc":"2.0","id":2,"method":"tools/list"}\n`));
  let seen = "";
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const answered = () => seen.split("\n").slice(0, -1).some((l) => l.includes(`"id":2`));
  while (!answered()) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += value;
  }
  const lines = seen.split("\n").slice(0, -1).map((l) => JSON.parse(l));
  assertEquals(lines[0].id, 1);
  assert(lines.some((l) => l.id === 2 && Array.isArray(l.result?.tools)));
  await writer.close();
  await reader.cancel();
  await child.status;
});
