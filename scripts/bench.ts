// `deno task bench [--json] [--quick]`: start-up, per-call latency, bulk work and memory of
// the server on the simulator, each next to its floor, in one run.
//   cold start   spawn -> `initialize` answer (median of N), beside a bare Deno process that
//                reads one line and answers one; spawn -> first tool result
//   per call     p50/p99 of a tool call through the SDK client and the bridge, beside the
//                same simulator calls made directly in Python
//   bulk         listing a 10,000-item timeline (one page, all pages); importing 1,000 files
//   memory       resident memory of server and bridge after 1,000 and 10,000 calls
// The server is started with the start task's exact command line (not through `deno task`,
// whose own process would be measured too).
import { Client, StdioClientTransport } from "../src/sdk_client.ts";
import { writeWav } from "./sample_media.ts";
import { INITIALIZE, startCommand as taskCommand } from "./start_command.ts";

const startCommand = (extra: string[] = []) => taskCommand(["--simulator", ...extra]);

const ROOT = new URL("..", import.meta.url).pathname;
const JSON_OUT = Deno.args.includes("--json");
const QUICK = Deno.args.includes("--quick");
const RUNS = QUICK ? 5 : 11;
const CALLS = QUICK ? 300 : 1000;
const MEMORY_CALLS = QUICK ? 2000 : 10_000;
const ITEMS = QUICK ? 2000 : 10_000;
const FILES = QUICK ? 200 : 1000;

const say = (s: string) => JSON_OUT || console.error(s);
const enc = new TextEncoder();

function env(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of ["PATH", "HOME", "DENO_DIR", "TMPDIR"]) {
    const v = Deno.env.get(n);
    if (v) out[n] = v;
  }
  return { ...out, ...extra };
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, min: s[0], p50: q(0.5), p90: q(0.9), p99: q(0.99), max: s[s.length - 1] };
}

const INIT = JSON.stringify(INITIALIZE) + "\n";

/** ms from spawn until the first line of stdout (the `initialize` answer). */
async function timeToFirstLine(
  cmd: string,
  args: string[],
  lines: string[] = [INIT],
): Promise<number> {
  const t0 = performance.now();
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: env(),
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  for (const line of lines) await writer.write(enc.encode(line));
  const reader = child.stdout.getReader();
  await reader.read();
  const dt = performance.now() - t0;
  await writer.close().catch(() => {});
  await reader.cancel();
  await child.status;
  return dt;
}

/** ms from spawn until a tool result that needed the bridge (and the simulator) arrives. */
async function timeToFirstTool(): Promise<number> {
  const [cmd, args] = startCommand();
  const t0 = performance.now();
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: env(),
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(enc.encode(INIT));
  await writer.write(enc.encode(`{"jsonrpc":"2.0","method":"notifications/initialized"}\n`));
  await writer.write(enc.encode(
    `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"switch_page","arguments":{"page":"edit"}}}\n`,
  ));
  let seen = "";
  for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
    seen += chunk;
    if (seen.includes(`"id":2`)) break;
  }
  const dt = performance.now() - t0;
  if (!seen.includes("Switched")) throw new Error(`first tool call failed: ${seen.slice(0, 300)}`);
  await writer.close().catch(() => {});
  await child.status;
  return dt;
}

async function coldStart() {
  const floorFile = await Deno.makeTempFile({ suffix: ".ts" });
  await Deno.writeTextFile(
    floorFile,
    `const b = new Uint8Array(65536); await Deno.stdin.read(b);
Deno.stdout.writeSync(new TextEncoder().encode('{"jsonrpc":"2.0","id":1,"result":{}}\\n'));`,
  );
  const bundle = `${ROOT}dist/davinci-resolve-mcp.js`;
  const bundled = await new Deno.Command(Deno.execPath(), {
    args: ["bundle", "--quiet", "--output", bundle, "main.ts"],
    cwd: ROOT,
  }).output();
  const [cmd, args] = startCommand();
  const bundleArgs = args.map((a) => (a === "main.ts" ? bundle : a));
  const floor: number[] = [],
    server: number[] = [],
    bundleTimes: number[] = [],
    tool: number[] = [];
  await timeToFirstLine(cmd, args); // warm the module cache once
  for (let i = 0; i < RUNS; i++) {
    floor.push(await timeToFirstLine(Deno.execPath(), ["run", "--quiet", floorFile]));
    server.push(await timeToFirstLine(cmd, args));
    if (bundled.success) bundleTimes.push(await timeToFirstLine(cmd, bundleArgs));
    tool.push(await timeToFirstTool());
  }
  await Deno.remove(floorFile);
  return {
    floor: stats(floor),
    server: stats(server),
    bundle: bundleTimes.length ? stats(bundleTimes) : null,
    firstTool: stats(tool),
  };
}

async function connect(extra: string[] = [], extraEnv: Record<string, string> = {}) {
  const [cmd, args] = startCommand(["--log-level", "debug", ...extra]);
  const transport = new StdioClientTransport({
    command: cmd,
    args,
    cwd: ROOT,
    env: env(extraEnv),
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (c: Uint8Array) => {
    if (stderr.length < 100_000) stderr += new TextDecoder().decode(c);
  });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(transport);
  const bridgePid = () => Number([...stderr.matchAll(/bridge ready \(pid (\d+)\)/g)].pop()?.[1]);
  return { client, serverPid: transport.pid!, bridgePid };
}

function rssMb(pid: number): number {
  // ps rather than /proc: Deno reads /proc/<pid> only with --allow-all.
  const out = new Deno.Command("ps", { args: ["-o", "rss=", "-p", String(pid)] }).outputSync();
  return Number(new TextDecoder().decode(out.stdout).trim()) / 1024;
}

async function perCall() {
  const { client, serverPid, bridgePid } = await connect();
  const call = () => client.callTool({ name: "switch_page", arguments: { page: "edit" } });
  for (let i = 0; i < 50; i++) await call(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  const memory: Record<string, number> = {};
  let done = CALLS + 50;
  const runTo = async (n: number) => {
    for (; done < n; done++) await call();
  };
  await runTo(1000);
  memory.server1k = rssMb(serverPid);
  memory.bridge1k = rssMb(bridgePid());
  await runTo(MEMORY_CALLS);
  memory.server10k = rssMb(serverPid);
  memory.bridge10k = rssMb(bridgePid());
  await client.close();
  return { call: stats(samples), memory };
}

/** The same three simulator calls switch_page makes, timed in Python without the bridge. */
async function directPython() {
  const code = `
import sys, time, json
sys.path.insert(0, "${ROOT}bridge/simulator")
import DaVinciResolveScript as dvr
r = dvr.scriptapp("Resolve")
samples = []
for i in range(${CALLS + 50}):
    t0 = time.perf_counter()
    r.GetCurrentPage(); r.OpenPage("edit"); r.GetCurrentPage()
    samples.append((time.perf_counter() - t0) * 1000)
print(json.dumps(samples[50:]))
`;
  const out = await new Deno.Command("python3", { args: ["-c", code], stderr: "null" }).output();
  return stats(JSON.parse(new TextDecoder().decode(out.stdout)));
}

async function bulk() {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "resolve-bench-" }));
  writeWav(`${dir}/tone.wav`, 1, 48000, 1);
  const tone = Deno.readFileSync(`${dir}/tone.wav`);
  for (let i = 0; i < FILES; i++) {
    Deno.writeFileSync(`${dir}/f${String(i).padStart(4, "0")}.wav`, tone);
  }
  const { client } = await connect(["--toolsets", "all", "--allow-path", dir]);
  const tool = async (name: string, args: Record<string, unknown>) => {
    const r = await client.callTool({ name, arguments: args });
    if (r.isError) throw new Error(`${name}: ${JSON.stringify(r.content)}`);
    return r.structuredContent as Record<string, unknown>;
  };
  await tool("create_project", { name: "Bench" });
  const paths = Array.from(
    { length: FILES },
    (_, i) => `${dir}/f${String(i).padStart(4, "0")}.wav`,
  );
  let t0 = performance.now();
  const imported = await tool("import_media", { paths });
  const importMs = performance.now() - t0;
  const clipId = (imported.clips as { id: string }[])[0].id;
  await tool("create_timeline", { name: "Ten thousand" });
  // Items of 1 frame, one after another on four audio tracks (one bridge call).
  const tracks = 4;
  for (let t = 2; t <= tracks; t++) {
    await tool("api_timeline", { method: "AddTrack", args: ["audio", "mono"] });
  }
  const perTrack = Math.ceil(ITEMS / tracks);
  const infos = Array.from({ length: ITEMS }, (_, i) => ({
    mediaPoolItem: { $object: { class: "MediaPoolItem", id: clipId } },
    startFrame: 0,
    endFrame: 1,
    mediaType: 2,
    trackIndex: 1 + Math.floor(i / perTrack),
    recordFrame: 86400 + (i % perTrack),
  }));
  t0 = performance.now();
  await tool("api_media_pool", { method: "AppendToTimeline", args: [infos] });
  const buildMs = performance.now() - t0;
  const listing = await listItems(tool, tracks);
  await client.close();
  await Deno.remove(dir, { recursive: true });
  return { importFiles: FILES, importMs, items: ITEMS, buildMs, ...listing };
}

async function listItems(
  tool: (name: string, args: Record<string, unknown>) => Promise<Record<string, unknown>>,
  tracks: number,
) {
  const t0 = performance.now();
  await tool("list_timeline_items", { track_type: "audio", track_index: 1, limit: 500 });
  const onePageMs = performance.now() - t0;
  let total = 0;
  const t1 = performance.now();
  for (let track = 1; track <= tracks; track++) {
    let cursor: string | undefined;
    do {
      const page = await tool("list_timeline_items", {
        track_type: "audio",
        track_index: track,
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      total += (page.items as unknown[]).length;
      cursor = (page.next_cursor as string | null) ?? undefined;
    } while (cursor);
  }
  return { onePageMs, allPagesMs: performance.now() - t1, listed: total };
}

const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const results: Record<string, unknown> = {
  machine: `${Deno.build.os} ${Deno.build.arch}, ${navigator.hardwareConcurrency} cores, ${
    new TextDecoder().decode(
      new Deno.Command("python3", { args: ["--version"], stderr: "null" }).outputSync().stdout,
    ).trim()
  }, Deno ${Deno.version.deno}`,
  date: new Date().toISOString(),
};
say("cold start ...");
const cold = await coldStart();
results.coldStart = cold;
say("per call and memory ...");
const calls = await perCall();
const python = await directPython();
results.perCall = { ...calls.call };
results.pythonDirect = python;
results.memory = calls.memory;
say("bulk ...");
try {
  results.bulk = await bulk();
} catch (e) {
  results.bulk = { error: String(e) };
}

const c = cold, m = calls.memory, b = results.bulk as Record<string, number>;
const listed = b && !("error" in b);
const total1k = m.server1k + m.bridge1k, total10k = m.server10k + m.bridge10k;
const overhead = calls.call.p50 - python.p50;
/** The goals: [what, measured, limit, unit]. */
const goals: [string, number, number, string][] = [
  ["spawn -> initialize vs floor", c.server.p50 / c.floor.p50, 4, "x"],
  ["tool call p50", calls.call.p50, 1, " ms"],
  ["tool call p99", calls.call.p99, 5, " ms"],
  ["bridge + protocol overhead p50", overhead, 0.5, " ms"],
  ["server + bridge RSS after 1k calls", total1k, 90, " MB"],
  [`server + bridge RSS after ${MEMORY_CALLS / 1000}k calls`, total10k, 90, " MB"],
  [`growth 1k -> ${MEMORY_CALLS / 1000}k calls`, total10k - total1k, 5, " MB"],
  ...(listed
    ? [[`list ${b.items} items, all pages`, b.allPagesMs, 1000, " ms"]] as [
      string,
      number,
      number,
      string,
    ][]
    : []),
];
results.goals = goals.map(([goal, value, limit]) => ({ goal, value, limit, met: value <= limit }));

if (JSON_OUT) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const range = (s: { min: number; max: number }) => `${fmt(s.min)}-${fmt(s.max)}`;
  const rows: [string, string, string][] = [
    ["floor: bare Deno, read a line, answer", `${fmt(c.floor.p50)} ms`, range(c.floor)],
    [
      "spawn -> initialize (start task)",
      `${fmt(c.server.p50)} ms (${fmt(c.server.p50 / c.floor.p50)}x floor)`,
      range(c.server),
    ],
    ...(c.bundle
      ? [[
        "spawn -> initialize (bundle)",
        `${fmt(c.bundle.p50)} ms (${fmt(c.bundle.p50 / c.floor.p50)}x floor)`,
        range(c.bundle),
      ] as [string, string, string]]
      : []),
    ["spawn -> first tool result", `${fmt(c.firstTool.p50)} ms`, range(c.firstTool)],
    [
      `tool call through the bridge (n=${CALLS})`,
      `p50 ${fmt(calls.call.p50)} ms, p90 ${fmt(calls.call.p90)} ms, p99 ${fmt(calls.call.p99)} ms`,
      range(calls.call),
    ],
    [
      "same simulator calls, direct Python",
      `p50 ${fmt(python.p50)} ms, p99 ${fmt(python.p99)} ms`,
      range(python),
    ],
    ["bridge + protocol overhead at p50", `${fmt(overhead)} ms`, ""],
    [
      "memory after 1k calls (server + bridge)",
      `${fmt(m.server1k)} + ${fmt(m.bridge1k)} = ${fmt(total1k)} MB`,
      "",
    ],
    [
      `memory after ${MEMORY_CALLS / 1000}k calls (server + bridge)`,
      `${fmt(m.server10k)} + ${fmt(m.bridge10k)} = ${fmt(total10k)} MB`,
      "",
    ],
    [`growth 1k -> ${MEMORY_CALLS / 1000}k calls`, `${fmt(total10k - total1k)} MB`, ""],
    ...(listed
      ? [
        [`import ${b.importFiles} files`, `${fmt(b.importMs)} ms`, ""],
        [`build a ${b.items}-item timeline (one call)`, `${fmt(b.buildMs)} ms`, ""],
        [`list ${b.items} items: one page of 500`, `${fmt(b.onePageMs)} ms`, ""],
        [`list ${b.items} items: all pages`, `${fmt(b.allPagesMs)} ms (${b.listed} items)`, ""],
      ] as [string, string, string][]
      : [["bulk", String((results.bulk as { error: string }).error).slice(0, 120), ""]] as [
        string,
        string,
        string,
      ][]),
  ];
  console.log(`${results.machine}; ${results.date}\n`);
  console.log("| measure | median / result | range (min-max) |\n| --- | --- | --- |");
  for (const [a, b2, r] of rows) console.log(`| ${a} | ${b2} | ${r} |`);
  console.log("\n| goal | measured | limit | met |\n| --- | --- | --- | --- |");
  for (const [goal, value, limit, unit] of goals) {
    console.log(
      `| ${goal} | ${fmt(value)}${unit} | ${limit}${unit} | ${value <= limit ? "yes" : "no"} |`,
    );
  }
}
