// The layout AGENTS.md describes, checked: small tool files in toolset folders that import only
// the domain layer, the tool wrapper and schema helpers (never each other, never src/bridge/),
// no bridge wire literals outside src/resolve/, and a test named after every tool.
import { buildRegistry } from "../src/tools/index.ts";
import { assert, assertEquals } from "./assert.ts";

const ROOT = new URL("..", import.meta.url).pathname;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) walk(path, out);
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}

const toolFiles = () => walk(`${ROOT}src/tools`);

function imports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)";/gms)].map((m) => m[1]);
}

Deno.test("tool files are small: at most 800 lines and 12 tool definitions each", () => {
  const big = toolFiles().flatMap((path) => {
    const text = Deno.readTextFileSync(path);
    const lines = text.split("\n").length;
    const tools = text.match(/defineTool\(\{/g)?.length ?? 0;
    return lines > 800 || tools > 12
      ? [`${path.slice(ROOT.length)} (${lines} lines, ${tools} tools)`]
      : [];
  });
  assertEquals(big, []);
});

Deno.test("tool files import only the domain layer, the wrapper, helpers and their own toolset", () => {
  const allowedTop = new Set([
    "src/resolve/index.ts",
    "src/tool.ts",
    "src/errors.ts",
    "src/timecode.ts",
    "src/image/index.ts",
    "src/tools/shared.ts",
    "src/tools/registry.ts",
  ]);
  const bad: string[] = [];
  // The framework beside the toolsets (the shared schema helpers, the registry) may use more.
  const framework = new Set(["src/tools/shared.ts", "src/tools/registry.ts"]);
  for (const path of toolFiles()) {
    const rel = path.slice(ROOT.length);
    if (framework.has(rel)) continue;
    const folder = rel.split("/").slice(0, 3).join("/"); // src/tools/<toolset>
    for (const spec of imports(Deno.readTextFileSync(path))) {
      if (!spec.startsWith(".")) {
        if (spec !== "zod") bad.push(`${rel} imports ${spec}`);
        continue;
      }
      const target = new URL(spec, `file://${path}`).pathname.slice(ROOT.length);
      const ownToolset = rel.split("/").length > 3 && target.startsWith(folder + "/");
      const index = rel === "src/tools/index.ts" && /^src\/tools\/[a-z]+\/index\.ts$/.test(target);
      if (!allowedTop.has(target) && !ownToolset && !index) bad.push(`${rel} imports ${target}`);
    }
  }
  assertEquals(bad, []);
});

Deno.test("no bridge wire literal outside the domain layer", () => {
  const hits = [...toolFiles(), `${ROOT}src/resources.ts`].flatMap((path) => {
    const text = Deno.readTextFileSync(path);
    return /\{\s*h\s*:|\{\s*\$r\s*:|\{\s*map\s*:|\bms\s*:\s*\[/.test(text)
      ? [path.slice(ROOT.length)]
      : [];
  });
  assertEquals(hits, []);
});

Deno.test("every tool has a Deno.test named after it (`deno task test --filter <tool>` finds it)", () => {
  const names = new Set<string>();
  for (const path of walk(`${ROOT}tests`)) {
    for (const m of Deno.readTextFileSync(path).matchAll(/Deno\.test\(\s*["'`]([a-z0-9_]+):/g)) {
      names.add(m[1]);
    }
  }
  const tools = buildRegistry().tools.map((t) => t.name);
  assert(tools.length > 100, "the registry lists the tools");
  assertEquals(tools.filter((t) => !names.has(t)), []);
});
