// Toolset "project": projects.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { hostInput, name, someNames } from "../shared.ts";
import { call, isHandle, pageInput, pageOutput, pageWindow, ref } from "../../resolve/index.ts";
import {
  currentProjectName,
  entrySchema,
  optional,
  projectNames,
  projectOutput,
  saveBeforeSwitch,
  savedFirst,
  SWITCH_METHODS,
  text,
  textOrNull,
} from "./common.ts";

export const createProject = defineTool({
  name: "create_project",
  title: "Create project",
  description:
    "Creates a new, empty DaVinci Resolve project in the current project-manager folder and opens it, saving the loaded project first (saved_previous). Fails if a project of that name already exists there (use open_project for that).",
  toolset: "project",
  default: true,
  readOnly: false,
  asks: true, // leaving a never-saved project that holds work
  input: () => ({ name: name("Name of the new project; must be unique in the current folder.") }),
  output: () => projectOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.CreateProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "Project.GetName",
    "Project.GetUniqueId",
    ...SWITCH_METHODS,
  ],
  async handler({ name }, ctx) {
    const { resolve } = ctx;
    const pm = await resolve.projectManager();
    const existing = await resolve.call(pm, "GetProjectListInCurrentFolder") as string[];
    if (existing?.includes(name)) {
      fail(
        "PROJECT_EXISTS",
        `a project named "${name}" already exists in this folder`,
        "Call open_project to open it, or choose another name.",
      );
    }
    const saved = await saveBeforeSwitch(ctx, pm, `creating "${name}"`);
    const [project, projectName, id] = await resolve.batch([
      call(pm, "CreateProject", name),
      call(ref(0), "GetName"),
      call(ref(0), "GetUniqueId"),
    ]);
    if (!isHandle(project)) {
      fail(
        "CREATE_FAILED",
        `Resolve refused to create the project "${name}"`,
        "Check that the project database is writable and the name is valid, then retry.",
      );
    }
    return {
      summary: `${savedFirst(saved)}Created and opened project "${projectName}".`,
      data: { name: String(projectName), id: String(id), saved_previous: saved },
    };
  },
});

export const openProject = defineTool({
  name: "open_project",
  title: "Open project",
  description:
    "Opens (loads) an existing project from the current project-manager folder by name, making it the current project. The previously open project is saved first (saved_previous), then closed by Resolve.",
  toolset: "project",
  default: true,
  readOnly: false,
  idempotent: true,
  asks: true, // leaving a never-saved project that holds work
  input: () => ({
    name: name("Exact name of the project to open (case-sensitive)."),
    host: hostInput(),
  }),
  output: () => projectOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.LoadProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "Project.GetName",
    "Project.GetUniqueId",
    ...SWITCH_METHODS,
  ],
  async handler({ name, host }, callCtx) {
    const ctx = callCtx.onHost(host);
    const { resolve } = ctx;
    const pm = await resolve.projectManager();
    const existing = await resolve.call(pm, "GetProjectListInCurrentFolder") as string[];
    if (!existing?.includes(name)) {
      fail(
        "PROJECT_NOT_FOUND",
        `no project named "${name}" in the current folder`,
        `Projects here: ${someNames(existing ?? [])}. Use one of these names, or create_project.`,
      );
    }
    const saved = await saveBeforeSwitch(ctx, pm, `opening "${name}"`);
    const [project, projectName, id] = await resolve.batch([
      call(pm, "LoadProject", name),
      call(ref(0), "GetName"),
      call(ref(0), "GetUniqueId"),
    ]);
    if (!isHandle(project)) {
      fail(
        "LOAD_FAILED",
        `Resolve could not open the project "${name}"`,
        "The project may be locked by another user or damaged; try it in Resolve's Project Manager.",
      );
    }
    return {
      summary: `${savedFirst(saved)}Opened project "${projectName}".`,
      data: { name: String(projectName), id: String(id), saved_previous: saved },
    };
  },
});

export const listProjects = defineTool({
  name: "list_projects",
  title: "List projects and folders",
  description:
    "Lists the sub-folders and projects of the current project-manager folder (folders first), with project dates, notes and collaboration mode where Resolve reports them, and which project is loaded. Paginated. open_project loads one; manage_project_folders (project toolset: enable_toolset) moves between folders.",
  toolset: "project",
  default: true,
  readOnly: true,
  input: () => ({ ...pageInput }),
  output: () => ({
    folder: z.string().describe("Name of the current project-manager folder."),
    current_project: z.string().nullable().describe("Name of the loaded project, or null."),
    entries: z.array(entrySchema).describe("This page of folders and projects."),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentFolder",
    "ProjectManager.GetFolderListInCurrentFolder",
    "ProjectManager.GetProjectListInCurrentFolder",
    "ProjectManager.GetProjectAttributesInCurrentFolder",
    "ProjectManager.GetCurrentProject",
    "Project.GetName",
  ],
  async handler(args, { resolve }) {
    const pm = await resolve.projectManager();
    const [folder, folders, projects, , currentName] = await resolve.batch([
      call(pm, "GetCurrentFolder"),
      call(pm, "GetFolderListInCurrentFolder"),
      call(pm, "GetProjectListInCurrentFolder"),
      call(pm, "GetCurrentProject"),
      call(ref(3), "GetName"),
    ]);
    const all = [
      ...(Array.isArray(folders) ? folders : []).map((n) => ({ kind: "folder", name: String(n) })),
      ...(Array.isArray(projects) ? projects : []).map((n) => ({
        kind: "project",
        name: String(n),
      })),
    ] as { kind: "folder" | "project"; name: string }[];
    const page = pageWindow(all.length, args.cursor, args.limit);
    const slice = all.slice(page.offset, page.end);
    const attributes = slice.some((e) => e.kind === "project")
      ? await optional(resolve.call(pm, "GetProjectAttributesInCurrentFolder"))
      : undefined;
    const attrs = (attributes ?? {}) as Record<string, Record<string, unknown>>;
    const current = typeof currentName === "string" ? currentName : null;
    const entries = slice.map((e) => {
      const a = e.kind === "project" ? attrs[e.name] ?? {} : {};
      return {
        kind: e.kind,
        name: e.name,
        is_current: e.kind === "project" && e.name === current,
        last_modified: textOrNull(a.lastModifiedDate),
        created: textOrNull(a.creationDate),
        notes: textOrNull(a.notes),
        collaboration_mode: textOrNull(a.liveCollaborationMode),
      };
    });
    const nProjects = all.filter((e) => e.kind === "project").length;
    return {
      summary:
        `Folder "${text(folder)}": ${all.length - nProjects} folder(s), ${nProjects} project(s)` +
        (page.next_cursor ? `; showing ${page.offset + 1}-${page.end}.` : "."),
      data: {
        folder: text(folder),
        current_project: current,
        entries,
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});

export const getCurrentProject = defineTool({
  name: "get_current_project",
  title: "Get current project",
  description:
    "Describes the loaded project: name, unique id, timeline count and current timeline, frame rate and resolution, plus the project-manager folder and database it lives in.",
  toolset: "project",
  default: true,
  readOnly: true,
  input: () => ({ host: hostInput() }),
  output: () => ({
    name: z.string().describe("Project name."),
    id: z.string().describe("Project unique id."),
    timeline_count: z.number().describe("Number of timelines in the project."),
    current_timeline: z.object({
      name: z.string().describe("Timeline name."),
      id: z.string().describe("Timeline unique id."),
    }).nullable().describe("The current timeline, or null if there is none."),
    frame_rate: z.string().describe("Project timeline frame rate setting."),
    resolution_width: z.number().describe("Project timeline width in pixels."),
    resolution_height: z.number().describe("Project timeline height in pixels."),
    folder: z.string().describe("Current project-manager folder."),
    database: z.object({
      type: z.string().describe("'Disk' or 'PostgreSQL'."),
      name: z.string().describe("Database name."),
    }).describe("The database in use."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.GetCurrentFolder",
    "ProjectManager.GetCurrentDatabase",
    "Project.GetName",
    "Project.GetUniqueId",
    "Project.GetTimelineCount",
    "Project.GetCurrentTimeline",
    "Project.GetSetting",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx.onHost(args.host);
    const pm = await resolve.projectManager();
    const project = await resolve.project();
    const p = project;
    const [n, id, count, timeline, tlName, tlId, rate, w, h, folder, db] = await resolve.batch([
      call(p, "GetName"),
      call(p, "GetUniqueId"),
      call(p, "GetTimelineCount"),
      call(p, "GetCurrentTimeline"),
      call(ref(3), "GetName"),
      call(ref(3), "GetUniqueId"),
      call(p, "GetSetting", "timelineFrameRate"),
      call(p, "GetSetting", "timelineResolutionWidth"),
      call(p, "GetSetting", "timelineResolutionHeight"),
      call(pm, "GetCurrentFolder"),
      call(pm, "GetCurrentDatabase"),
    ]);
    const dbInfo = (db ?? {}) as Record<string, unknown>;
    const data = {
      name: text(n),
      id: text(id),
      timeline_count: Number(count) || 0,
      current_timeline: isHandle(timeline) ? { name: text(tlName), id: text(tlId) } : null,
      frame_rate: text(rate),
      resolution_width: Number(w) || 0,
      resolution_height: Number(h) || 0,
      folder: text(folder),
      database: { type: text(dbInfo.DbType), name: text(dbInfo.DbName) },
    };
    return {
      summary:
        `Project "${data.name}": ${data.timeline_count} timeline(s), ${data.resolution_width}x${data.resolution_height} at ${data.frame_rate} fps` +
        (data.current_timeline ? `, current timeline "${data.current_timeline.name}".` : "."),
      data,
    };
  },
});

export const saveProject = defineTool({
  name: "save_project",
  title: "Save project",
  description:
    "Saves the loaded project under its own name (like Cmd/Ctrl+S in Resolve). Call before closing, switching databases or quitting.",
  toolset: "project",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({ host: hostInput() }),
  output: () => ({
    name: z.string().describe("Name of the saved project."),
    saved: z.boolean().describe("Always true on success."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.SaveProject",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx.onHost(args.host);
    const project = await resolve.project();
    const pm = await resolve.projectManager();
    const [projectName, ok] = await resolve.batch([
      call(project, "GetName"),
      call(pm, "SaveProject"),
    ]);
    if (ok !== true) {
      fail(
        "SAVE_FAILED",
        `Resolve could not save the project "${text(projectName)}"`,
        "A never-saved 'Untitled Project' cannot be saved this way: use rename_project first; also check the database is writable.",
      );
    }
    return {
      summary: `Saved project "${text(projectName)}".`,
      data: { name: text(projectName), saved: true },
    };
  },
});

export const closeProject = defineTool({
  name: "close_project",
  title: "Close project",
  description:
    "Closes the loaded project. By default saves it first; with save: false unsaved changes are discarded, which needs confirmation.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  input: () => ({
    save: z.boolean().optional().describe(
      "Save the project before closing. Default true. false discards unsaved changes (needs confirm).",
    ),
  }),
  output: () => ({
    closed: z.string().describe("Name of the project that was closed."),
    saved: z.boolean().describe("True if it was saved first."),
    current_project: z.string().nullable().describe(
      "The project Resolve has loaded now (often none or 'Untitled Project').",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.SaveProject",
    "ProjectManager.CloseProject",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const project = await resolve.project();
    const pm = await resolve.projectManager();
    const projectName = text(await resolve.call(project, "GetName"));
    const save = args.save ?? true;
    if (save) {
      if (await resolve.call(pm, "SaveProject") !== true) {
        fail(
          "SAVE_FAILED",
          `Resolve could not save "${projectName}", so it was not closed`,
          "Call close_project with save: false to close without saving (the user is asked to confirm).",
        );
      }
    } else {
      await ctx.confirm(
        `Close "${projectName}" without saving? Unsaved changes are lost.`,
      );
    }
    if (await resolve.call(pm, "CloseProject", project) !== true) {
      fail(
        "CLOSE_FAILED",
        `Resolve refused to close "${projectName}"`,
        "Check Resolve for an open dialog, then retry.",
      );
    }
    const now = await currentProjectName(resolve);
    return {
      summary: `Closed "${projectName}"${save ? " after saving it" : " without saving"}.`,
      data: { closed: projectName, saved: save, current_project: now },
    };
  },
});

export const renameProject = defineTool({
  name: "rename_project",
  title: "Rename project",
  description:
    "Renames the loaded project (Resolve can only rename the current one: open_project first). The new name must be unique in the project-manager folder.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: () => ({ name: name("New name for the loaded project.") }),
  output: () => ({
    previous: z.string().describe("The old name."),
    name: z.string().describe("The name now."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "Project.GetName",
    "Project.SetName",
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    const pm = await resolve.projectManager();
    const previous = text(await resolve.call(project, "GetName"));
    if (previous !== args.name) {
      if ((await projectNames(resolve, pm)).includes(args.name)) {
        fail(
          "PROJECT_EXISTS",
          `a project named "${args.name}" already exists in this folder`,
          "Choose another name.",
        );
      }
      const [ok] = await resolve.batch([call(project, "SetName", args.name)]);
      if (ok !== true) {
        fail(
          "RENAME_FAILED",
          `Resolve refused to rename "${previous}" to "${args.name}"`,
          "Try a name without special characters.",
        );
      }
    }
    const now = text(await resolve.call(project, "GetName"));
    return { summary: `Renamed project "${previous}" to "${now}".`, data: { previous, name: now } };
  },
});

export const deleteProject = defineTool({
  name: "delete_project",
  title: "Delete project",
  description:
    "Deletes a project from the current project-manager folder, permanently. The loaded project cannot be deleted: close_project or open another one first. Needs confirmation.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  input: () => ({
    name: name("Exact name of the project to delete (in the current folder)."),
  }),
  output: () => ({
    deleted: z.string().describe("Name of the deleted project."),
    remaining: z.number().describe("Projects left in the folder."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetProjectListInCurrentFolder",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.DeleteProject",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const pm = await resolve.projectManager();
    const names = await projectNames(resolve, pm);
    if (!names.includes(args.name)) {
      fail(
        "PROJECT_NOT_FOUND",
        `no project named "${args.name}" in the current folder`,
        `Projects here: ${someNames(names)}. list_projects shows folders too.`,
      );
    }
    if (await currentProjectName(resolve) === args.name) {
      fail(
        "PROJECT_OPEN",
        `"${args.name}" is the loaded project and cannot be deleted`,
        "Call close_project (or open_project for another project) first.",
      );
    }
    await ctx.confirm(`Delete the project "${args.name}" permanently?`);
    if (await resolve.call(pm, "DeleteProject", args.name) !== true) {
      fail(
        "DELETE_FAILED",
        `Resolve refused to delete "${args.name}"`,
        "Resolve keeps a project it had open locked until close_project: close the current project, then delete again. Otherwise it may be open on another workstation.",
      );
    }
    const after = await projectNames(resolve, pm);
    return {
      summary: `Deleted project "${args.name}".`,
      data: { deleted: args.name, remaining: after.length },
    };
  },
});
