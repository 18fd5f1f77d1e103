// Toolset "item": Timeline items: transform, crop, composite, retime, stabilisation, enable, colour, flags, markers, takes, Fusion comps, versions.
import type { ToolRegistry } from "./registry.ts";

export function registerItemTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "item",
    description:
      "Timeline items: transform, crop, composite, retime, stabilisation, enable, colour, flags, markers, takes, Fusion comps, versions.",
  });
}
