// The tool surface a client sees: what tools/list returns for the default set, all tools,
// read-only mode and each toolset. The snapshot test pins it; `deno task snapshot` rewrites it,
// and `deno task docs` writes the tool tables from the same registry.
import { describeTool, liveDescription, type ToolDef } from "../src/tool.ts";
import { cacheText, disableToolCache, TOOL_CACHE_PATH } from "../src/tool_cache.ts";
import { buildRegistry, selectTools } from "../src/tools/index.ts";
import type { ToolRegistry } from "../src/tools/registry.ts";
import type { Tool } from "../src/sdk.ts";

export const SNAPSHOT_PATH = new URL("../tests/snapshots/tools.json", import.meta.url);

// The surface is always what the definitions build now, never the build-time cache.
disableToolCache();

/** src/tool_cache.gen.json's text: the default set's descriptions, for a fast first tools/list. */
export function toolCacheText(registry: ToolRegistry = buildRegistry()): string {
  return cacheText(
    selectTools(registry, ["default"], false).map((def) => ({
      def,
      ...liveDescription(def),
    })),
  );
}

export interface ToolSurface {
  /** Each tool once, as tools/list describes it on a normal server. */
  tools: Record<string, Tool>;
  /** Tools whose description or annotations change on a --read-only server. */
  readOnlyTools: Record<string, Tool>;
  /** Which tools each selection exposes: default, all, read-only, read-only all, each toolset. */
  sets: Record<string, string[]>;
}

function names(tools: ToolDef[]): string[] {
  return tools.map((t) => t.name);
}

export function toolSurface(registry: ToolRegistry = buildRegistry()): ToolSurface {
  const tools: Record<string, Tool> = {};
  const readOnlyTools: Record<string, Tool> = {};
  for (const def of [...registry.tools].sort((a, b) => a.name.localeCompare(b.name))) {
    // As the tests' servers list them (trace mode: with _meta's apiMethods and toolset).
    const plain = describeTool(def, false, true);
    tools[def.name] = plain;
    const readOnly = describeTool(def, true, true);
    if (JSON.stringify(readOnly) !== JSON.stringify(plain)) readOnlyTools[def.name] = readOnly;
  }
  const sets: Record<string, string[]> = {
    default: names(selectTools(registry, ["default"], false)),
    all: names(selectTools(registry, ["all"], false)),
    "read-only": names(selectTools(registry, ["default"], true)),
    "read-only all": names(selectTools(registry, ["all"], true)),
  };
  for (const id of registry.toolsets.keys()) sets[id] = names(selectTools(registry, [id], false));
  return { tools, readOnlyTools, sets };
}

/** The snapshot file's text: stable key order, one trailing newline. */
export function surfaceText(surface: ToolSurface = toolSurface()): string {
  return JSON.stringify(surface, null, 1) + "\n";
}

if (import.meta.main) {
  await Deno.writeTextFile(SNAPSHOT_PATH, surfaceText());
  console.error(`wrote ${SNAPSHOT_PATH.pathname}`);
  await Deno.writeTextFile(TOOL_CACHE_PATH, toolCacheText());
  console.error(`wrote ${TOOL_CACHE_PATH.pathname}`);
}
