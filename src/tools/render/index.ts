// Toolset "render": Deliver: formats, codecs, presets, settings, render jobs, start/stop with progress, quick export.
import type { ToolRegistry } from "../registry.ts";
import {
  listRenderFormats,
  listRenderPresets,
  manageRenderPresets,
  setRenderSettings,
} from "./settings.ts";
import { addRenderJob, deleteRenderJobs, listRenderJobs } from "./jobs.ts";
import { renderStatus, startRender, stopRender, waitForRender } from "./rendering.ts";
import { quickExport } from "./quick_export.ts";
import {
  listAudioRenderFormats,
  setQuickExportPreset,
  updateRenderPreset,
} from "./deliver_presets.ts";

export function registerRenderTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "render",
    description:
      "Deliver: formats, codecs, presets, settings, render jobs, start/stop with progress, quick export.",
  });
  registry.add(listRenderFormats);
  registry.add(listRenderPresets);
  registry.add(manageRenderPresets);
  registry.add(setRenderSettings);
  registry.add(addRenderJob);
  registry.add(listRenderJobs);
  registry.add(deleteRenderJobs);
  registry.add(startRender);
  registry.add(waitForRender);
  registry.add(renderStatus);
  registry.add(stopRender);
  registry.add(quickExport);
  registry.add(updateRenderPreset);
  registry.add(setQuickExportPreset);
  registry.add(listAudioRenderFormats);
}
