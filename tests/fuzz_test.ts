// Hostile input: every tool (--toolsets all) gets a seeded batch of malformed, oversized,
// wrong-typed, traversal- and injection-shaped arguments. Every call must come back as a
// result or a JSON-RPC error, the server must still answer ping, and nothing outside the
// allowed directory may change.
import { assert, assertEquals } from "./assert.ts";
import { withClient, withTempDir } from "./harness.ts";
import type { Tool } from "../src/sdk.ts";

const SEED = 20261125;
const CALLS_PER_TOOL = 10;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hostileStrings(outside: string): string[] {
  return [
    "",
    " ",
    "../../../../etc/passwd",
    `${outside}/escape.txt`,
    `${outside}/../${outside.split("/").pop()}/escape2.txt`,
    "/etc/shadow",
    "~/.ssh/id_rsa",
    "C:\\Windows\\System32\\config\\SAM",
    "file:///etc/passwd",
    "\u0000nul",
    "__import__('os').system('touch /tmp/resolve-mcp-pwned')",
    "$(touch /tmp/resolve-mcp-pwned)",
    "`touch /tmp/resolve-mcp-pwned`",
    "'; DROP TABLE projects; --",
    "{{7*7}}",
    "%s%s%s%n",
    "x".repeat(200_000),
    "🎬".repeat(1000),
    "__class__",
    "GetProjectManager",
    "Master/../../..",
    "NaN",
    "-1",
  ];
}

function hostileValues(r: () => number, strings: string[]): unknown[] {
  const deep: Record<string, unknown> = {};
  let cur = deep;
  for (let i = 0; i < 200; i++) cur = (cur.x = {}) as Record<string, unknown>;
  return [
    null,
    true,
    -1,
    0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    3.5,
    [],
    Array.from({ length: 5000 }, (_, i) => i),
    {},
    deep,
    { $h: 0 },
    { $r: 0 },
    { $const: "__class__" },
    { $object: { class: "Resolve" } },
    { __proto__: { polluted: true } },
    strings[Math.floor(r() * strings.length)],
  ];
}

function pick<T>(r: () => number, list: T[]): T {
  return list[Math.floor(r() * list.length)];
}

/** Arguments shaped like the schema (to reach handlers) but filled with hostile values. */
function shapedArgs(tool: Tool, r: () => number, strings: string[]): Record<string, unknown> {
  const props = (tool.inputSchema.properties ?? {}) as Record<
    string,
    { type?: string; enum?: string[] }
  >;
  const args: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(props)) {
    if (r() < 0.3) continue;
    if (prop.enum) args[key] = r() < 0.8 ? pick(r, prop.enum) : pick(r, strings);
    else if (prop.type === "string") args[key] = pick(r, strings);
    else if (prop.type === "integer" || prop.type === "number") {
      args[key] = pick(r, [0, 1, -5, 99999999, 1.5]);
    } else if (prop.type === "boolean") args[key] = r() < 0.5;
    else if (prop.type === "array") args[key] = [pick(r, strings), pick(r, strings)];
    else args[key] = pick(r, hostileValues(r, strings));
  }
  return args;
}

function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of Deno.readDirSync(d)) {
      out.push(`${d}/${e.name}`);
      if (e.isDirectory) walk(`${d}/${e.name}`);
    }
  };
  walk(dir);
  return out.sort();
}

Deno.test("every tool survives a seeded batch of hostile arguments", async () => {
  await withTempDir(async (allowed) => {
    await withTempDir(async (outside) => {
      Deno.writeTextFileSync(`${outside}/canary.txt`, "untouched");
      const before = listing(outside);
      const r = rng(SEED);
      const strings = hostileStrings(outside);
      const counts = {
        calls: 0,
        toolErrors: 0,
        protocolErrors: 0,
        results: 0,
        crashes: 0,
        schemaViolations: [] as string[],
      };
      await withClient({
        args: ["--toolsets", "all", "--allow-path", allowed, "--timeout-ms", "10000"],
        env: { RESOLVE_SIM_RENDER_SECONDS: "0.05" },
      }, async (t) => {
        const { tools } = await t.client.listTools();
        assert(tools.length > 20);
        for (const tool of tools) {
          for (let i = 0; i < CALLS_PER_TOOL; i++) {
            const args = i === 0
              ? pick(r, hostileValues(r, strings))
              : i === 1
              ? { ...shapedArgs(tool, r, strings), unexpected_key: pick(r, strings) }
              : shapedArgs(tool, r, strings);
            counts.calls++;
            try {
              const result = await t.client.callTool({
                name: tool.name,
                arguments: args as Record<string, unknown>,
              });
              if (result.isError) counts.toolErrors++;
              else counts.results++;
            } catch (e) {
              if (String(e).includes("Connection closed")) {
                counts.crashes++;
                throw e;
              }
              if (/structured content|output schema/i.test(String(e))) {
                counts.schemaViolations.push(`${tool.name}: ${String(e).slice(0, 200)}`);
              }
              counts.protocolErrors++;
            }
          }
        }
        await t.client.ping();
      });
      console.log(
        `fuzz: ${counts.calls} calls, ${counts.results} results, ${counts.toolErrors} tool errors, ` +
          `${counts.protocolErrors} protocol errors, ${counts.crashes} crashes`,
      );
      assertEquals(counts.crashes, 0);
      assertEquals(counts.schemaViolations, [], "results always match their output schema");
      assertEquals(listing(outside), before, "nothing outside the allowed directory changed");
      assertEquals(Deno.readTextFileSync(`${outside}/canary.txt`), "untouched");
      let pwned = true;
      try {
        Deno.statSync("/tmp/resolve-mcp-pwned");
      } catch {
        pwned = false;
      }
      assert(!pwned, "no injected command ran");
    });
  });
});
