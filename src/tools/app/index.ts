// Toolset "app": Resolve itself: pages, version and edition, presets, keyframe mode.
import type { ToolRegistry } from "../registry.ts";
import {
  disableBackgroundTasks,
  getResolveInfo,
  listPresets,
  managePresets,
  quitResolve,
  setKeyframeMode,
  switchPage,
} from "./app.ts";

export function registerAppTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "app",
    description:
      "Resolve itself: pages, version and edition, layout/preferences/burn-in presets, keyframe mode.",
  });
  for (
    const tool of [
      switchPage,
      getResolveInfo,
      setKeyframeMode,
      listPresets,
      managePresets,
      disableBackgroundTasks,
      quitResolve,
    ]
  ) registry.add(tool);
}
