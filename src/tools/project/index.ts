// Toolset "project": Projects, project folders, databases, settings, presets, import/export/archive.
import type { ToolRegistry } from "../registry.ts";
import {
  closeProject,
  createProject,
  deleteProject,
  getCurrentProject,
  listProjects,
  openProject,
  renameProject,
  saveProject,
} from "./projects.ts";
import {
  listDatabases,
  manageCloudProject,
  manageProjectFolders,
  switchDatabase,
} from "./folders.ts";
import {
  applyProjectPreset,
  getProjectSettings,
  listProjectPresets,
  refreshLuts,
  resetIntellisearch,
  setProjectSettings,
} from "./settings.ts";
import { exportProject, importProject } from "./archive.ts";

export function registerProjectTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "project",
    description: "Projects, project folders, databases, settings, presets, import/export/archive.",
  });
  for (
    const tool of [
      createProject,
      openProject,
      listProjects,
      getCurrentProject,
      saveProject,
      getProjectSettings,
      setProjectSettings,
      closeProject,
      renameProject,
      deleteProject,
      manageProjectFolders,
      listDatabases,
      switchDatabase,
      listProjectPresets,
      applyProjectPreset,
      exportProject,
      importProject,
      manageCloudProject,
      refreshLuts,
      resetIntellisearch,
    ]
  ) registry.add(tool);
}
