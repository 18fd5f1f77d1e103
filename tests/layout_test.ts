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

// Tools whose tests still live in scenario files named after a topic (tests/project_test.ts,
// app_test.ts, audio_test.ts): issue 13 is open until this list is empty. A tool that gains a
// named test must leave the list, and no other tool may lack one.
const PENDING_NAMED_TESTS = new Set([
  "create_project",
  "open_project",
  "list_projects",
  "get_current_project",
  "save_project",
  "close_project",
  "rename_project",
  "delete_project",
  "manage_project_folders",
  "list_databases",
  "switch_database",
  "get_project_settings",
  "set_project_settings",
  "list_project_presets",
  "apply_project_preset",
  "export_project",
  "import_project",
  "manage_cloud_project",
  "refresh_lut_list",
  "reset_intellisearch_analysis",
  "switch_page",
  "get_resolve_info",
  "set_keyframe_mode",
  "list_presets",
  "manage_presets",
  "disable_background_tasks",
  "quit_resolve",
  "apply_fairlight_preset",
  "list_audio_tracks",
  "add_audio_track",
  "set_voice_isolation",
  "get_audio_mapping",
  "insert_audio_at_playhead",
  "generate_speech",
]);

Deno.test("every tool has a Deno.test named after it (`deno task test --filter <tool>` finds it)", () => {
  const names = new Set<string>();
  for (const path of walk(`${ROOT}tests`)) {
    for (const m of Deno.readTextFileSync(path).matchAll(/Deno\.test\(\s*["'`]([a-z0-9_]+):/g)) {
      names.add(m[1]);
    }
  }
  const tools = buildRegistry().tools.map((t) => t.name);
  assert(tools.length > 100, "the registry lists the tools");
  assertEquals(tools.filter((t) => !names.has(t) && !PENDING_NAMED_TESTS.has(t)), []);
  assertEquals(
    [...PENDING_NAMED_TESTS].filter((t) => names.has(t)),
    [],
    "tested now: drop from the list",
  );
});
