// Toolset "color": Grading: node graphs, LUTs, CDL, node labels, colour groups, gallery stills and PowerGrades, grade copy, cache.
import type { ToolRegistry } from "./registry.ts";

export function registerColorTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "color",
    description:
      "Grading: node graphs, LUTs, CDL, node labels, colour groups, gallery stills and PowerGrades, grade copy, cache.",
  });
}
