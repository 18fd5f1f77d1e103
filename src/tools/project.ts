// Toolset "project": projects in the current project-manager folder.
import { z } from "zod";
import { fail } from "../errors.ts";
import { isHandle } from "../resolve.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { name, someNames } from "./shared.ts";

const projectOutput = {
  name: z.string().describe("The project's name."),
  id: z.string().describe("The project's unique id (Project.GetUniqueId)."),
};

const createProject = defineTool({
  name: "create_project",
  title: "Create project",
  description:
    "Creates a new, empty DaVinci Resolve project in the current project-manager folder and opens it. Fails if a project of that name already exists there (use open_project for that).",
  toolset: "project",
  readOnly: false,
  input: { name: name("Name of the new project; must be unique in the current folder.") },
  output: projectOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.CreateProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "Project.GetName",
    "Project.GetUniqueId",
  ],
  async handler({ name }, { resolve }) {
    const pm = await resolve.projectManager();
    const [project, projectName, id] = await resolve.batch([
      { h: pm.$h, m: "CreateProject", a: [name] },
      { h: { $r: 0 }, m: "GetName" },
      { h: { $r: 0 }, m: "GetUniqueId" },
    ]);
    if (!isHandle(project)) {
      const existing = await resolve.call(pm, "GetProjectListInCurrentFolder") as string[];
      if (existing.includes(name)) {
        fail(
          "PROJECT_EXISTS",
          `a project named "${name}" already exists in this folder`,
          "Call open_project to open it, or choose another name.",
        );
      }
      fail(
        "CREATE_FAILED",
        `Resolve refused to create the project "${name}"`,
        "Check that the project database is writable and the name is valid, then retry.",
      );
    }
    return {
      summary: `Created and opened project "${projectName}".`,
      data: { name: String(projectName), id: String(id) },
    };
  },
});

const openProject = defineTool({
  name: "open_project",
  title: "Open project",
  description:
    "Opens (loads) an existing project from the current project-manager folder by name, making it the current project. The previously open project is closed by Resolve.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: { name: name("Exact name of the project to open (case-sensitive).") },
  output: projectOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.LoadProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "Project.GetName",
    "Project.GetUniqueId",
  ],
  async handler({ name }, { resolve }) {
    const pm = await resolve.projectManager();
    const [project, projectName, id] = await resolve.batch([
      { h: pm.$h, m: "LoadProject", a: [name] },
      { h: { $r: 0 }, m: "GetName" },
      { h: { $r: 0 }, m: "GetUniqueId" },
    ]);
    if (!isHandle(project)) {
      const existing = await resolve.call(pm, "GetProjectListInCurrentFolder") as string[];
      if (!existing.includes(name)) {
        fail(
          "PROJECT_NOT_FOUND",
          `no project named "${name}" in the current folder`,
          `Projects here: ${someNames(existing)}. Use one of these names, or create_project.`,
        );
      }
      fail(
        "LOAD_FAILED",
        `Resolve could not open the project "${name}"`,
        "The project may be locked by another user or damaged; try it in Resolve's Project Manager.",
      );
    }
    return {
      summary: `Opened project "${projectName}".`,
      data: { name: String(projectName), id: String(id) },
    };
  },
});

export function registerProjectTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "project",
    description: "Projects, project folders, databases, settings, presets, import/export/archive.",
  });
  registry.add(createProject, { default: true });
  registry.add(openProject, { default: true });
}
