// Toolset "toolsets": finding and loading the tools outside the default set.
import type { ToolRegistry } from "../registry.ts";
import { TOOLSET_TOOLS } from "./toolsets.ts";

export function registerToolsetTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "toolsets",
    description: "Finding and loading more tools: list the toolsets, enable one for the session.",
  });
  for (const tool of TOOLSET_TOOLS) registry.add(tool);
}
