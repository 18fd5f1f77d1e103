// Toolset "audio": Audio: Fairlight presets, voice isolation, audio track types, insert at playhead.
import type { ToolRegistry } from "./registry.ts";

export function registerAudioTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "audio",
    description:
      "Audio: Fairlight presets, voice isolation, audio track types, insert at playhead.",
  });
}
