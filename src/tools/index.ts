// All toolsets, and the choice of tools a server exposes (--toolsets, --read-only).
import type { ToolDef } from "../tool.ts";
import { registerApiTools } from "./api/index.ts";
import { registerAppTools } from "./app/index.ts";
import { registerAudioTools } from "./audio/index.ts";
import { registerColorTools } from "./color/index.ts";
import { registerEditTools } from "./edit/index.ts";
import { registerHostsTools } from "./hosts/index.ts";
import { registerItemTools } from "./item/index.ts";
import { registerMediaTools } from "./media/index.ts";
import { registerProjectTools } from "./project/index.ts";
import { registerRenderTools } from "./render/index.ts";
import { ToolRegistry } from "./registry.ts";
import { registerTimelineTools } from "./timeline/index.ts";
import { registerToolsetTools } from "./toolsets/index.ts";
import { registerVisionTools } from "./vision/index.ts";

export function buildRegistry(): ToolRegistry {
  const registry = new ToolRegistry();
  registerProjectTools(registry);
  registerMediaTools(registry);
  registerTimelineTools(registry);
  registerEditTools(registry);
  registerItemTools(registry);
  registerColorTools(registry);
  registerRenderTools(registry);
  registerAudioTools(registry);
  registerVisionTools(registry);
  registerHostsTools(registry);
  registerAppTools(registry);
  registerApiTools(registry);
  registerToolsetTools(registry);
  return registry;
}

/**
 * The tools to expose: "default" (the task-level set), "all", or toolset ids, in any mix.
 * Read-only mode wins over everything: it keeps only tools that never change anything.
 */
export function selectTools(
  registry: ToolRegistry,
  toolsets: string[],
  readOnly: boolean,
): ToolDef[] {
  const known = [...registry.toolsets.keys()];
  const unknown = toolsets.filter((t) => t !== "all" && t !== "default" && !known.includes(t));
  if (unknown.length) {
    throw new Error(
      `unknown toolset(s) ${unknown.join(", ")}; choose from default, all, ${known.join(", ")}`,
    );
  }
  // The toolsets tools come with every selection: the rest is always one call away.
  const picked = registry.tools.filter((tool) =>
    toolsets.includes("all") || toolsets.includes(tool.toolset) || tool.toolset === "toolsets" ||
    (toolsets.includes("default") && registry.defaults.has(tool.name))
  );
  return picked.filter((tool) => !readOnly || tool.readOnly || tool.gatedByBridge)
    .sort(nameOrder);
}

/**
 * Tools in name order. Names are ASCII snake_case, where code-unit order is the same as
 * localeCompare's; the first localeCompare of a process loads the ICU collator (~8 ms of
 * every start-up, issue 14).
 */
export function nameOrder(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
