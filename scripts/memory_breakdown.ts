// Where the server's resident memory goes: each row is a fresh Deno, started with the start
// task's V8 flags, that loads one more layer than the row before and reports its own
// /proc/self/smaps_rollup (docs/performance.md, "Fourth round"). Then the server itself, started
// by the start task and given 3k cheap calls, with its resident pages by mapping, shared or
// private ("Fifth round"). Linux only.
//   deno run -A scripts/memory_breakdown.ts
import { Client, StdioClientTransport } from "../src/sdk_client.ts";
import { startCommand } from "./start_command.ts";

const ROOT = new URL("..", import.meta.url);
const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", ROOT)));
const v8Flags = (config.tasks.start as string).match(/--v8-flags=\S+/)?.[0] ?? "";

const url = (path: string) => JSON.stringify(new URL(path, ROOT).href);

/** Each layer's imports, added to those of the layers above it. */
const LAYERS: [string, string][] = [
  ["bare Deno", ""],
  ["+ zod", `await import("zod");`],
  ["+ MCP SDK (Protocol, types)", `await import(${url("src/sdk.ts")});`],
  [
    "+ tool runtime and Resolve domain",
    `await import(${url("src/tool.ts")}); await import(${url("src/resolve/index.ts")});`,
  ],
  [
    "+ every tool module",
    `(await import(${url("src/tools/index.ts")})).buildRegistry();`,
  ],
  [
    "+ the server, its bridge connected (simulator)",
    `const { createContext } = await import(${url("src/server.ts")});
     const { parseOptions } = await import(${url("src/cli.ts")});
     const context = createContext(parseOptions(["--simulator", "--log-level", "error"]), 0);
     await context.bridge.connection();`,
  ],
];

const REPORT = `
const t = Deno.readTextFileSync("/proc/self/smaps_rollup");
const kb = (k) => Number(t.match(new RegExp(k + ":\\\\s+(\\\\d+)"))?.[1] ?? 0);
const out = new Deno.Command("ps", { args: ["-o", "rss=,comm=", "--ppid", String(Deno.pid)] })
  .outputSync();
// The bridge's resident size (ps lists itself as a child too).
const child = new TextDecoder().decode(out.stdout).trim().split("\\n")
  .map((line) => line.trim().split(/\\s+/)).filter(([, comm]) => comm && comm !== "ps")
  .reduce((sum, [rss]) => sum + Number(rss), 0);
console.log(JSON.stringify({
  rss: kb("Rss"), anon: kb("Anonymous"), heap: Deno.memoryUsage().heapUsed / 1024, child,
}));
Deno.exit(0);`;

const mb = (kb: number) => (kb / 1024).toFixed(1);
console.log("| layer | resident MB | anonymous | file-backed | V8 heap used | child |");
console.log("| --- | --- | --- | --- | --- | --- |");
let imports = "";
let previous = 0;
for (const [label, code] of LAYERS) {
  imports += code + "\n";
  const file = await Deno.makeTempFile({ suffix: ".ts" });
  // A short wait lets start-up's transient work (module compilation) settle first.
  await Deno.writeTextFile(
    file,
    imports + "await new Promise((r) => setTimeout(r, 500));\n" + REPORT,
  );
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", v8Flags, "--config", new URL("deno.json", ROOT).pathname, file]
      .filter(Boolean),
    stderr: "null",
  }).output();
  await Deno.remove(file);
  const text = new TextDecoder().decode(out.stdout).trim().split("\n").at(-1) ?? "";
  if (!out.success || !text.startsWith("{")) throw new Error(`${label}: no report`);
  const r = JSON.parse(text);
  const delta = previous ? ` (+${mb(r.rss - previous)})` : "";
  previous = r.rss;
  console.log(
    `| ${label} | ${mb(r.rss)}${delta} | ${mb(r.anon)} | ${mb(r.rss - r.anon)} | ${mb(r.heap)} | ${
      r.child ? mb(r.child) + " (bridge)" : ""
    } |`,
  );
}

// ---- the running server's pages ----------------------------------------------------------

const CALLS = 3000;
const [command, args] = startCommand(["--simulator"]);
const transport = new StdioClientTransport({
  command,
  args,
  cwd: ROOT.pathname,
  env: { PATH: Deno.env.get("PATH") ?? "", HOME: Deno.env.get("HOME") ?? "" },
  stderr: "ignore",
});
const client = new Client({ name: "memory-breakdown", version: "1" });
await client.connect(transport);
for (let i = 0; i < CALLS; i++) {
  await client.callTool({ name: "switch_page", arguments: { page: "edit" } });
}
// Resident and shared kB per mapping (a mapping's private pages are the difference).
const byMapping = new Map<string, { rss: number; shared: number }>();
const total = { rss: 0, shared: 0 };
let row = { rss: 0, shared: 0 };
for (const line of Deno.readTextFileSync(`/proc/${transport.pid}/smaps`).split("\n")) {
  // A mapping's header: address range, permissions, offset, device, inode, then its path.
  const header = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/);
  if (header) {
    const name = header[1].split("/").at(-1) || "[anonymous]";
    row = byMapping.get(name) ?? { rss: 0, shared: 0 };
    byMapping.set(name, row);
    continue;
  }
  const field = line.match(/^(Rss|Shared_Clean|Shared_Dirty):\s+(\d+) kB/);
  if (field) {
    const key = field[1] === "Rss" ? "rss" : "shared";
    row[key] += Number(field[2]);
    total[key] += Number(field[2]);
  }
}
await client.close();
console.log(`\nThe server after ${CALLS} calls, by mapping (MB):\n`);
console.log("| mapping | resident | shared with other processes | private |");
console.log("| --- | --- | --- | --- |");
const rows = [...byMapping].sort((a, b) => b[1].rss - a[1].rss);
for (const [name, r] of rows.filter(([, r]) => r.rss >= 256)) {
  console.log(`| ${name} | ${mb(r.rss)} | ${mb(r.shared)} | ${mb(r.rss - r.shared)} |`);
}
console.log(`| all | ${mb(total.rss)} | ${mb(total.shared)} | ${mb(total.rss - total.shared)} |`);
