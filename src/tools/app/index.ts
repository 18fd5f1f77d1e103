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
import { manageKeyboardPresets, manageProjectSettingsPresets } from "./presets.ts";
import { getCurrentContext, setScriptPriority } from "./context.ts";

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
      manageKeyboardPresets,
      manageProjectSettingsPresets,
      getCurrentContext, // 21.1
      setScriptPriority, // 21.1
    ]
  ) registry.add(tool);
}
