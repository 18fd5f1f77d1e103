// Toolset "render": Deliver: formats, codecs, presets, settings, render jobs, start/stop with progress, quick export.
import type { ToolRegistry } from "./registry.ts";

export function registerRenderTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "render",
    description:
      "Deliver: formats, codecs, presets, settings, render jobs, start/stop with progress, quick export.",
  });
}
