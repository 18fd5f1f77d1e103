// Toolset "project": projects, project-manager folders, databases, project settings and
// presets, project import/export/archive, cloud projects.
import { z } from "zod";
import { fail, ToolError } from "../errors.ts";
import { defineTool, type ToolContext } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { isPathSetting } from "../paths.ts";
import { checkPathSetting, name, outputFile, someNames } from "./shared.ts";
import {
  call,
  constant,
  dictOf,
  type Handle,
  isHandle,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
  type ResolveSession,
} from "../resolve/index.ts";

const projectOutput = {
  name: z.string().describe("The project's name."),
  id: z.string().describe("The project's unique id (Project.GetUniqueId)."),
  saved_previous: z.string().nullable().describe(
    "The project that was loaded before, saved first so switching lost nothing; null when none was (no project, or the never-saved Untitled Project).",
  ),
};

/** What switching projects calls first (saveBeforeSwitch). */
const SWITCH_METHODS = [
  "ProjectManager.GetCurrentProject",
  "ProjectManager.SaveProject",
  "Project.GetName",
  "Project.GetTimelineCount",
  "Project.GetMediaPool",
  "MediaPool.GetRootFolder",
  "Folder.GetClipList",
  "Folder.GetSubFolderList",
];

/**
 * Resolve drops the loaded project's unsaved changes when another one is loaded: save it
 * first. The never-saved Untitled Project cannot be saved, so if it holds work, ask.
 * Returns the name of the project saved, or null.
 */
async function saveBeforeSwitch(ctx: ToolContext, pm: Handle, next: string) {
  const { resolve } = ctx;
  const [project, current] = await resolve.batch([
    call(pm, "GetCurrentProject"),
    call(ref(0), "GetName"),
  ]);
  if (!isHandle(project)) return null;
  if (await resolve.call(pm, "SaveProject") === true) return String(current);
  const [timelines, , , clips, bins] = await resolve.batch([
    call(project, "GetTimelineCount"),
    call(project, "GetMediaPool"),
    call(ref(1), "GetRootFolder"),
    call(ref(2), "GetClipList"),
    call(ref(2), "GetSubFolderList"),
  ]);
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  if (Number(timelines) > 0 || count(clips) > 0 || count(bins) > 0) {
    await ctx.confirm(
      `"${current}" has never been saved, so Resolve cannot save it, and ${next} closes it: its timelines and media pool are lost. Go ahead?`,
    );
  }
  return null;
}

const savedFirst = (saved: string | null) => (saved ? `Saved "${saved}" first. ` : "");

const createProject = defineTool({
  name: "create_project",
  title: "Create project",
  description:
    "Creates a new, empty DaVinci Resolve project in the current project-manager folder and opens it, saving the loaded project first (saved_previous). Fails if a project of that name already exists there (use open_project for that).",
  toolset: "project",
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

const openProject = defineTool({
  name: "open_project",
  title: "Open project",
  description:
    "Opens (loads) an existing project from the current project-manager folder by name, making it the current project. The previously open project is saved first (saved_previous), then closed by Resolve.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  asks: true, // leaving a never-saved project that holds work
  input: () => ({ name: name("Exact name of the project to open (case-sensitive).") }),
  output: () => projectOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.LoadProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "Project.GetName",
    "Project.GetUniqueId",
    ...SWITCH_METHODS,
  ],
  async handler({ name }, ctx) {
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

// -- helpers ------------------------------------------------------------------------------

const pathInput = (what: string) => z.string().min(1).max(4096).describe(what);

/** Runs a call that needs a newer Resolve; undefined when this Resolve lacks the method. */
async function optional<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ToolError && e.code === "METHOD_UNAVAILABLE") return undefined;
    throw e;
  }
}

/** An existing file (or folder, when folder is true) to read, inside the allowed roots. */
async function inputPath(ctx: ToolContext, path: string, folder = false): Promise<string> {
  const [checked] = await ctx.paths.checkRead([path]);
  if (!checked.exists) {
    fail("FILE_NOT_FOUND", `${path} does not exist`, "Check the path (it must be absolute).");
  }
  if (checked.isDir !== folder) {
    fail(
      folder ? "NOT_A_FOLDER" : "PATH_IS_FOLDER",
      `${path} is ${folder ? "a file, not a folder" : "a folder, not a file"}`,
      folder ? "Give the folder that holds it." : "Give the path of the file itself.",
    );
  }
  return checked.path;
}

function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

async function isStudio(resolve: ResolveSession): Promise<boolean> {
  const product = await resolve.call(await resolve.root(), "GetProductName");
  return /studio/i.test(String(product ?? ""));
}

async function currentProjectName(resolve: ResolveSession): Promise<string | null> {
  const [, , projectName] = await resolve.chain(
    "GetProjectManager",
    "GetCurrentProject",
    "GetName",
  );
  return typeof projectName === "string" ? projectName : null;
}

async function projectNames(resolve: ResolveSession, pm: Handle): Promise<string[]> {
  const names = await resolve.call(pm, "GetProjectListInCurrentFolder");
  return Array.isArray(names) ? names.map(String) : [];
}

async function folderNames(resolve: ResolveSession, pm: Handle): Promise<string[]> {
  const names = await resolve.call(pm, "GetFolderListInCurrentFolder");
  return Array.isArray(names) ? names.map(String) : [];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined || value === "" ? null : text(value);
}

// -- projects -----------------------------------------------------------------------------

const entrySchema = z.object({
  kind: z.enum(["folder", "project"]).describe("A project-manager folder or a project."),
  name: z.string().describe("Folder or project name."),
  is_current: z.boolean().describe("True for the project loaded now (matched by name)."),
  last_modified: z.string().nullable().describe(
    "Project's last modification date (Resolve 21.0.4+; null for folders or older Resolve).",
  ),
  created: z.string().nullable().describe("Project's creation date (Resolve 21.0.4+)."),
  notes: z.string().nullable().describe("Project notes (Resolve 21.0.4+)."),
  collaboration_mode: z.string().nullable().describe(
    "Live collaboration mode, e.g. 'single_user' (Resolve 21.0.4+).",
  ),
});

const listProjects = defineTool({
  name: "list_projects",
  title: "List projects and folders",
  description:
    "Lists the sub-folders and projects of the current project-manager folder (folders first), with project dates, notes and collaboration mode where Resolve reports them, and which project is loaded. Paginated. Use manage_project_folders to move between folders, open_project to load one.",
  toolset: "project",
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

const getCurrentProject = defineTool({
  name: "get_current_project",
  title: "Get current project",
  description:
    "Describes the loaded project: name, unique id, timeline count and current timeline, frame rate and resolution, plus the project-manager folder and database it lives in.",
  toolset: "project",
  readOnly: true,
  input: () => ({}),
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
  async handler(_args, { resolve }) {
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

const saveProject = defineTool({
  name: "save_project",
  title: "Save project",
  description:
    "Saves the loaded project under its own name (like Cmd/Ctrl+S in Resolve). Call before closing, switching databases or quitting.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: () => ({}),
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
  async handler(_args, { resolve }) {
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

const closeProject = defineTool({
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

const renameProject = defineTool({
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

const deleteProject = defineTool({
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

// -- folders ------------------------------------------------------------------------------

const FOLDER_ACTIONS = ["create", "open", "up", "root", "delete"] as const;

const manageProjectFolders = defineTool({
  name: "manage_project_folders",
  title: "Manage project-manager folders",
  description:
    "Moves between and edits project-manager folders (not media-pool bins): create a sub-folder, open a sub-folder, go up one level, go to the database root, or delete a sub-folder (with every project in it; needs confirmation). list_projects shows the current folder's contents.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  input: () => ({
    action: z.enum(FOLDER_ACTIONS).describe(
      "create: new sub-folder here; open: enter a sub-folder; up: parent folder; root: database root; delete: remove a sub-folder and its projects.",
    ),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Sub-folder name, required for create, open and delete; not used by up and root.",
    ),
  }),
  output: () => ({
    action: z.string().describe("The action done."),
    folder: z.string().describe("The current project-manager folder afterwards."),
    subfolders: z.number().describe("Number of sub-folders in the current folder afterwards."),
    projects: z.number().describe("Number of projects in the current folder afterwards."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentFolder",
    "ProjectManager.GetFolderListInCurrentFolder",
    "ProjectManager.GetProjectListInCurrentFolder",
    "ProjectManager.CreateFolder",
    "ProjectManager.OpenFolder",
    "ProjectManager.GotoParentFolder",
    "ProjectManager.GotoRootFolder",
    "ProjectManager.DeleteFolder",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const pm = await resolve.projectManager();
    const needsName = args.action === "create" || args.action === "open" ||
      args.action === "delete";
    if (needsName && !args.name) {
      fail("INVALID_ARGUMENTS", `action ${args.action} needs name`, "Give the sub-folder's name.");
    }
    const here = text(await resolve.call(pm, "GetCurrentFolder"));
    const folders = needsName ? await folderNames(resolve, pm) : [];
    const folderName = args.name ?? "";
    if (args.action === "create" && folders.includes(folderName)) {
      fail(
        "FOLDER_EXISTS",
        `folder "${here}" already has a sub-folder "${folderName}"`,
        "Choose another name, or open it with action open.",
      );
    }
    if ((args.action === "open" || args.action === "delete") && !folders.includes(folderName)) {
      fail(
        "FOLDER_NOT_FOUND",
        `folder "${here}" has no sub-folder "${folderName}"`,
        `Sub-folders here: ${someNames(folders)}. Use action up or root to move elsewhere.`,
      );
    }
    if (args.action === "delete") {
      await ctx.confirm(
        `Delete the project-manager folder "${folderName}" and every project in it?`,
      );
    }
    const method = {
      create: "CreateFolder",
      open: "OpenFolder",
      up: "GotoParentFolder",
      root: "GotoRootFolder",
      delete: "DeleteFolder",
    }[args.action];
    const ok = await resolve.call(pm, method, ...(needsName ? [folderName] : []));
    if (ok !== true) {
      if (args.action === "up") {
        fail(
          "AT_ROOT",
          `"${here}" is the root folder; there is no parent`,
          "Use action open to enter a sub-folder.",
        );
      }
      fail(
        "FOLDER_ACTION_FAILED",
        `Resolve refused to ${args.action} the folder${needsName ? ` "${folderName}"` : ""}`,
        "Check the name (folder names must be unique) and that no project in it is open.",
      );
    }
    const [folder, subs, projects] = await resolve.batch([
      call(pm, "GetCurrentFolder"),
      call(pm, "GetFolderListInCurrentFolder"),
      call(pm, "GetProjectListInCurrentFolder"),
    ]);
    const data = {
      action: args.action,
      folder: text(folder),
      subfolders: Array.isArray(subs) ? subs.length : 0,
      projects: Array.isArray(projects) ? projects.length : 0,
    };
    const done = {
      create: `Created folder "${folderName}" in "${here}".`,
      open: `Opened folder "${data.folder}".`,
      up: `Moved up to folder "${data.folder}".`,
      root: `Moved to the root folder "${data.folder}".`,
      delete: `Deleted folder "${folderName}" from "${here}".`,
    }[args.action];
    return { summary: done, data };
  },
});

// -- databases ----------------------------------------------------------------------------

const dbSchema = z.object({
  type: z.string().describe("'Disk' or 'PostgreSQL'."),
  name: z.string().describe("Database name."),
  ip_address: z.string().nullable().describe("Server address for PostgreSQL, else null."),
  is_current: z.boolean().describe("True for the database in use."),
});

function dbRow(info: unknown, current: Record<string, unknown>) {
  const d = (info ?? {}) as Record<string, unknown>;
  return {
    type: text(d.DbType),
    name: text(d.DbName),
    ip_address: textOrNull(d.IpAddress),
    is_current: d.DbType === current.DbType && d.DbName === current.DbName &&
      (d.IpAddress ?? "127.0.0.1") === (current.IpAddress ?? "127.0.0.1"),
  };
}

const listDatabases = defineTool({
  name: "list_databases",
  title: "List project databases",
  description:
    "Lists the project databases registered in Resolve (disk and PostgreSQL) and which one is in use. switch_database changes it.",
  toolset: "project",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    databases: z.array(dbSchema).describe("Every registered database."),
    current: dbSchema.describe("The database in use."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetDatabaseList",
    "ProjectManager.GetCurrentDatabase",
  ],
  async handler(_args, { resolve }) {
    const pm = await resolve.projectManager();
    const [list, current] = await resolve.batch([
      call(pm, "GetDatabaseList"),
      call(pm, "GetCurrentDatabase"),
    ]);
    const cur = (current ?? {}) as Record<string, unknown>;
    const databases = (Array.isArray(list) ? list : []).map((d) => dbRow(d, cur));
    const currentRow = dbRow(cur, cur);
    return {
      summary: `${databases.length} database(s); in use: ${currentRow.type} "${currentRow.name}".`,
      data: { databases, current: currentRow },
    };
  },
});

const switchDatabase = defineTool({
  name: "switch_database",
  title: "Switch project database",
  description:
    "Makes another registered project database current. Resolve closes the open project WITHOUT saving when switching, so this needs confirmation (call save_project first). list_databases shows the choices.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  idempotent: true,
  input: () => ({
    type: z.enum(["Disk", "PostgreSQL"]).describe("Database type."),
    name: name("Database name, as list_databases shows it."),
    ip_address: z.string().min(1).max(255).optional().describe(
      "PostgreSQL server address. Default '127.0.0.1'. Not used for Disk databases.",
    ),
  }),
  output: () => ({
    current: dbSchema.describe("The database in use afterwards."),
    closed_project: z.string().nullable().describe("The project that was closed, or null."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetDatabaseList",
    "ProjectManager.GetCurrentDatabase",
    "ProjectManager.SetCurrentDatabase",
    "ProjectManager.GetCurrentProject",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const pm = await resolve.projectManager();
    const [list, current] = await resolve.batch([
      call(pm, "GetDatabaseList"),
      call(pm, "GetCurrentDatabase"),
    ]);
    const ip = args.type === "PostgreSQL" ? args.ip_address ?? "127.0.0.1" : undefined;
    const wanted = { DbType: args.type, DbName: args.name, ...(ip ? { IpAddress: ip } : {}) };
    const rows = (Array.isArray(list) ? list : []).map((d) => dbRow(d, wanted));
    if (!rows.some((r) => r.is_current)) {
      fail(
        "DATABASE_NOT_FOUND",
        `no ${args.type} database named "${args.name}"${ip ? ` at ${ip}` : ""} is registered`,
        `Registered: ${
          someNames(rows.map((r) => `${r.type}:${r.name}`))
        }. Add databases in Resolve's Project Manager.`,
      );
    }
    const cur = (current ?? {}) as Record<string, unknown>;
    if (dbRow(cur, wanted).is_current) {
      return {
        summary: `${args.type} database "${args.name}" is already in use; nothing changed.`,
        data: { current: dbRow(cur, cur), closed_project: null },
      };
    }
    const open = await currentProjectName(resolve);
    await ctx.confirm(
      `Switch to the ${args.type} database "${args.name}"?` +
        (open ? ` Resolve closes "${open}" without saving.` : ""),
    );
    if (await resolve.call(pm, "SetCurrentDatabase", wanted) !== true) {
      fail(
        "SWITCH_FAILED",
        `Resolve could not switch to the database "${args.name}"`,
        "Check that the database is reachable (PostgreSQL server running) and retry.",
      );
    }
    const now = (await resolve.call(pm, "GetCurrentDatabase") ?? {}) as Record<string, unknown>;
    return {
      summary: `Switched to the ${args.type} database "${args.name}"${
        open ? `; "${open}" was closed` : ""
      }.`,
      data: { current: dbRow(now, now), closed_project: open },
    };
  },
});

// -- settings -----------------------------------------------------------------------------

/** Project settings Resolve reports but never lets a script change (REFERENCE §3.11). */
const READ_ONLY_SETTINGS = new Set([
  "timelinePlaybackFrameRate",
  "perfOptimisedCodec",
  "perfRenderCacheCodec",
  "videoDeckFormat",
  "videoCaptureFormat",
  "videoCaptureCodec",
  "superScaleSharpnessStrength",
  "superScaleNoiseReductionStrength",
]);

const settingKey = z.string().min(1).max(128);

function nearKeys(key: string, known: string[]): string {
  const k = key.toLowerCase();
  const hits = known.filter((n) => n.toLowerCase().includes(k) || k.includes(n.toLowerCase()));
  return someNames(hits.length ? hits : known.filter((n) => n[0] === key[0]), 8);
}

async function allSettings(
  resolve: ResolveSession,
  project: Handle,
): Promise<Record<string, unknown>> {
  const all = await resolve.call(project, "GetSetting");
  return all && typeof all === "object" ? all as Record<string, unknown> : {};
}

const getProjectSettings = defineTool({
  name: "get_project_settings",
  title: "Get project settings",
  description:
    "Reads settings of the loaded project (values are strings, as Resolve stores them; booleans are '0'/'1'). Give keys for specific settings (e.g. timelineFrameRate, timelineResolutionWidth, colorScienceMode, superScale), a prefix to browse a group (e.g. 'color', 'timeline', 'perf'), or neither for all settings, paginated by key name.",
  toolset: "project",
  readOnly: true,
  input: () => ({
    keys: z.array(settingKey).min(1).max(200).optional().describe(
      "Setting keys to read (case-sensitive). Omit to list all (or those matching prefix).",
    ),
    prefix: z.string().min(1).max(64).optional().describe(
      "Only keys starting with this text (case-insensitive). Ignored when keys is given.",
    ),
    ...pageInput,
  }),
  output: () => ({
    settings: z.record(z.string(), z.string()).describe("Setting key -> value."),
    unknown_keys: z.array(z.string()).describe("Requested keys Resolve does not know."),
    read_only_keys: z.array(z.string()).describe(
      "Keys in this result that scripts cannot change.",
    ),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetSetting",
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    const all = await allSettings(resolve, project);
    const settings: Record<string, string> = {};
    let unknown: string[] = [];
    let page = { total: 0, next_cursor: null as string | null, offset: 0, end: 0 };
    if (args.keys) {
      const missing = args.keys.filter((k) => !(k in all));
      // Keys outside the snapshot may still answer when asked one by one.
      const direct = missing.length
        ? await resolve.batch(missing.map((k) => call(project, "GetSetting", k)))
        : [];
      for (const k of args.keys) if (k in all) settings[k] = text(all[k]);
      missing.forEach((k, i) => {
        if (direct[i] === null || direct[i] === undefined || direct[i] === "") unknown.push(k);
        else settings[k] = text(direct[i]);
      });
      page = { total: Object.keys(settings).length, next_cursor: null, offset: 0, end: 0 };
    } else {
      const prefix = args.prefix?.toLowerCase();
      const keys = Object.keys(all).filter((k) => !prefix || k.toLowerCase().startsWith(prefix))
        .sort();
      page = pageWindow(keys.length, args.cursor, args.limit);
      for (const k of keys.slice(page.offset, page.end)) settings[k] = text(all[k]);
    }
    unknown = [...new Set(unknown)];
    const readOnly = Object.keys(settings).filter((k) => READ_ONLY_SETTINGS.has(k));
    const shown = Object.keys(settings).length;
    return {
      summary: `${shown} project setting(s)` +
        (unknown.length ? `; unknown: ${unknown.join(", ")}` : "") +
        (page.next_cursor ? `; more with cursor ${page.next_cursor}.` : "."),
      data: {
        settings,
        unknown_keys: unknown,
        read_only_keys: readOnly,
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});

const setProjectSettings = defineTool({
  name: "set_project_settings",
  title: "Set project settings",
  description:
    "Changes several settings of the loaded project at once and reports each key's result (Resolve may refuse a value, e.g. a frame rate once timelines exist). Values are sent as strings (true/false become '1'/'0'). Unknown or read-only keys are refused before anything changes. get_project_settings lists keys and current values.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: () => ({
    settings: z.record(settingKey, z.union([z.string().max(4096), z.number(), z.boolean()]))
      .describe(
        'Setting key -> new value, e.g. {"timelineFrameRate": "25", "timelineResolutionWidth": "3840", "superScale": 2}. 1 to 100 keys.',
      ),
    super_scale_sharpness: z.number().min(0).max(1).optional().describe(
      "With superScale 2: '2x Enhanced' sharpness 0.0-1.0. Give with super_scale_noise_reduction. Omit for plain 2x.",
    ),
    super_scale_noise_reduction: z.number().min(0).max(1).optional().describe(
      "With superScale 2: '2x Enhanced' noise reduction 0.0-1.0. Give with super_scale_sharpness.",
    ),
  }),
  output: () => ({
    results: z.array(z.object({
      key: z.string().describe("Setting key."),
      requested: z.string().describe("The value sent."),
      previous: z.string().describe("Value before."),
      value: z.string().describe("Value read back afterwards."),
      applied: z.boolean().describe("True if Resolve accepted the value."),
    })).describe("One entry per key, in the order given."),
    applied: z.number().describe("Number of keys Resolve accepted."),
    refused: z.array(z.string()).describe("Keys Resolve refused (their value is unchanged)."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetSetting",
    "Project.SetSetting",
  ],
  async handler(args, { resolve, paths }) {
    const entries = Object.entries(args.settings);
    if (entries.length === 0 || entries.length > 100) {
      fail(
        "INVALID_ARGUMENTS",
        "settings needs 1 to 100 keys",
        "Give the keys to change with their new values.",
      );
    }
    const enhanced = args.super_scale_sharpness !== undefined ||
      args.super_scale_noise_reduction !== undefined;
    if (enhanced) {
      if (
        args.super_scale_sharpness === undefined || args.super_scale_noise_reduction === undefined
      ) {
        fail(
          "INVALID_ARGUMENTS",
          "super_scale_sharpness and super_scale_noise_reduction go together",
          "Give both, or neither for plain super scale.",
        );
      }
      if (String(args.settings.superScale) !== "2") {
        fail(
          "INVALID_ARGUMENTS",
          "the '2x Enhanced' values need superScale set to 2 in settings",
          'Add "superScale": 2 to settings.',
        );
      }
    }
    const readOnly = entries.map(([k]) => k).filter((k) => READ_ONLY_SETTINGS.has(k));
    if (readOnly.length) {
      fail(
        "READ_ONLY_SETTING",
        `${readOnly.join(", ")} cannot be changed by scripts (Resolve derives ${
          readOnly.length > 1 ? "them" : "it"
        })`,
        "Remove these keys; nothing was changed. get_project_settings still reads them.",
      );
    }
    const project = await resolve.project();
    const all = await allSettings(resolve, project);
    const known = Object.keys(all);
    const unknown = entries.map(([k]) => k).filter((k) => !(k in all));
    if (unknown.length) {
      fail(
        "UNKNOWN_SETTING",
        `unknown project setting(s): ${unknown.join(", ")}`,
        `Keys are case-sensitive; close matches: ${
          nearKeys(unknown[0], known)
        }. Nothing was changed; get_project_settings with a prefix lists keys.`,
      );
    }
    // Cache, gallery stills and media locations are folders Resolve writes to.
    for (const entry of entries) {
      if (isPathSetting(entry[0])) {
        entry[1] = await checkPathSetting(paths, entry[0], String(entry[1]));
      }
    }
    const asText = (v: string | number | boolean) =>
      typeof v === "boolean" ? (v ? "1" : "0") : String(v);
    const results = await resolve.batch([
      ...entries.map(([k, v]) =>
        call(
          project,
          "SetSetting",
          ...k === "superScale" && enhanced
            ? [k, Number(v), args.super_scale_sharpness, args.super_scale_noise_reduction]
            : [k, k === "superScale" ? Number(v) : asText(v)],
        )
      ),
      ...entries.map(([k]) => call(project, "GetSetting", k)),
    ]);
    const rows = entries.map(([k, v], i) => ({
      key: k,
      requested: asText(v),
      previous: text(all[k]),
      value: text(results[entries.length + i]),
      applied: results[i] === true,
    }));
    const refused = rows.filter((r) => !r.applied).map((r) => r.key);
    if (refused.length === rows.length) {
      fail(
        "SETTINGS_REFUSED",
        `Resolve refused every value: ${rows.map((r) => `${r.key}=${r.requested}`).join(", ")}`,
        "Check the values against Resolve's Project Settings (e.g. frame rates cannot change once timelines exist); nothing was changed.",
      );
    }
    return {
      summary: `Applied ${rows.length - refused.length} of ${rows.length} setting(s)` +
        (refused.length ? `; Resolve refused ${refused.join(", ")}.` : "."),
      data: { results: rows, applied: rows.length - refused.length, refused },
    };
  },
});

// -- project presets ----------------------------------------------------------------------

function presetRows(
  list: unknown,
): { name: string; width: number | null; height: number | null }[] {
  return (Array.isArray(list) ? list : []).map((p) => {
    if (p && typeof p === "object") {
      const d = p as Record<string, unknown>;
      return {
        name: text(d.Name ?? d.name),
        width: d.Width === undefined ? null : Number(d.Width),
        height: d.Height === undefined ? null : Number(d.Height),
      };
    }
    return { name: text(p), width: null, height: null };
  });
}

const listProjectPresets = defineTool({
  name: "list_project_presets",
  title: "List project presets",
  description:
    "Lists the project-settings presets (saved resolution/frame-rate/colour setups) available to the loaded project. apply_project_preset applies one.",
  toolset: "project",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    presets: z.array(z.object({
      name: z.string().describe("Preset name."),
      width: z.number().nullable().describe("Timeline width of the preset, if reported."),
      height: z.number().nullable().describe("Timeline height of the preset, if reported."),
    })).describe("Available presets."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetPresetList",
  ],
  async handler(_args, { resolve }) {
    const project = await resolve.project();
    const presets = presetRows(await resolve.call(project, "GetPresetList"));
    return {
      summary: `${presets.length} project preset(s): ${someNames(presets.map((p) => p.name))}.`,
      data: { presets },
    };
  },
});

const applyProjectPreset = defineTool({
  name: "apply_project_preset",
  title: "Apply project preset",
  description:
    "Applies a project-settings preset to the loaded project (replacing the settings it covers, so it needs confirmation) and reports the resulting frame rate and resolution. list_project_presets shows the names.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  idempotent: true,
  input: () => ({ name: name("Exact preset name.") }),
  output: () => ({
    preset: z.string().describe("The preset applied."),
    frame_rate: z.string().describe("Project timeline frame rate afterwards."),
    resolution_width: z.number().describe("Timeline width afterwards."),
    resolution_height: z.number().describe("Timeline height afterwards."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetPresetList",
    "Project.SetPreset",
    "Project.GetSetting",
    "Project.GetName",
  ],
  async handler(args, { resolve, confirm }) {
    const project = await resolve.project();
    const names = presetRows(await resolve.call(project, "GetPresetList")).map((p) => p.name);
    if (!names.includes(args.name)) {
      fail(
        "PRESET_NOT_FOUND",
        `no project preset named "${args.name}"`,
        `Presets: ${someNames(names)}.`,
      );
    }
    // Resolve keeps no copy of the settings a preset replaces.
    await confirm(
      `Apply the project preset "${args.name}" to "${
        text(await resolve.call(project, "GetName"))
      }", replacing the project settings it covers (frame rate, resolution, colour...)?`,
    );
    const [ok, rate, w, h] = await resolve.batch([
      call(project, "SetPreset", args.name),
      call(project, "GetSetting", "timelineFrameRate"),
      call(project, "GetSetting", "timelineResolutionWidth"),
      call(project, "GetSetting", "timelineResolutionHeight"),
    ]);
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to apply the preset "${args.name}"`,
        "Its frame rate may conflict with existing timelines.",
      );
    }
    const data = {
      preset: args.name,
      frame_rate: text(rate),
      resolution_width: Number(w) || 0,
      resolution_height: Number(h) || 0,
    };
    return {
      summary:
        `Applied preset "${args.name}": ${data.resolution_width}x${data.resolution_height} at ${data.frame_rate} fps.`,
      data,
    };
  },
});

// -- export / import ----------------------------------------------------------------------

const exportProject = defineTool({
  name: "export_project",
  title: "Export or archive project",
  description:
    "Writes a project of the current folder to disk: format 'drp' exports a project file (.drp, optionally with stills and LUTs); format 'archive' writes a .dra archive with, by choice, source media, render cache and proxies. Overwriting needs confirmation. import_project reads either back.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    path: pathInput("Absolute path to write: ending in .drp for format drp, .dra for archive."),
    format: z.enum(["drp", "archive"]).optional().describe(
      "drp: project file; archive: .dra archive. Default: from the path's extension, else drp.",
    ),
    project: z.string().trim().min(1).max(255).optional().describe(
      "Name of a project in the current folder. Omit for the loaded project.",
    ),
    with_stills_and_luts: z.boolean().optional().describe(
      "drp only: include gallery stills and LUTs. Default true.",
    ),
    archive_source_media: z.boolean().optional().describe(
      "archive only: copy source media into the archive. Default true.",
    ),
    archive_render_cache: z.boolean().optional().describe(
      "archive only: include the render cache. Default true.",
    ),
    archive_proxy_media: z.boolean().optional().describe(
      "archive only: include proxy media. Default false.",
    ),
  }),
  output: () => ({
    project: z.string().describe("The project written."),
    format: z.enum(["drp", "archive"]).describe("What was written."),
    path: z.string().describe("Resolved path written."),
    overwritten: z.boolean().describe("True if an existing file was replaced."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "ProjectManager.GetProjectListInCurrentFolder",
    "ProjectManager.ExportProject",
    "ProjectManager.ArchiveProject",
    "Project.GetName",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const ext = extensionOf(args.path);
    const format = args.format ?? (ext === "dra" ? "archive" : "drp");
    const wantExt = format === "archive" ? "dra" : "drp";
    if (ext !== wantExt) {
      fail(
        "BAD_EXTENSION",
        `a ${format} export needs a path ending in .${wantExt}`,
        `Use a path like /folder/name.${wantExt}.`,
      );
    }
    const drpOnly = args.with_stills_and_luts !== undefined;
    const archiveOnly = [
      args.archive_source_media,
      args.archive_render_cache,
      args.archive_proxy_media,
    ]
      .some((v) => v !== undefined);
    if ((format === "drp" && archiveOnly) || (format === "archive" && drpOnly)) {
      fail(
        "INVALID_ARGUMENTS",
        `those options do not apply to format ${format}`,
        "with_stills_and_luts is for drp; archive_* options are for archive.",
      );
    }
    const pm = await resolve.projectManager();
    const projectName = args.project ?? await currentProjectName(resolve);
    if (!projectName) {
      fail(
        "NO_PROJECT",
        "no project is open and none was named",
        "Give project, or call open_project first.",
      );
    }
    const names = await projectNames(resolve, pm);
    if (!names.includes(projectName)) {
      fail(
        "PROJECT_NOT_FOUND",
        `no project named "${projectName}" in the current folder`,
        `Projects here: ${someNames(names)}.`,
      );
    }
    // Resolve refuses to archive the project that is open (measured; simulator NOTES.md).
    if (format === "archive" && projectName === await currentProjectName(resolve)) {
      fail(
        "PROJECT_OPEN",
        `"${projectName}" is open, and Resolve cannot archive the open project`,
        "Call save_project and close_project (or open another project), then export_project again.",
      );
    }
    const target = await outputFile(ctx, args.path, format === "archive");
    const ok = format === "drp"
      ? await resolve.call(
        pm,
        "ExportProject",
        projectName,
        target.path,
        args.with_stills_and_luts ?? true,
      )
      : await resolve.call(
        pm,
        "ArchiveProject",
        projectName,
        target.path,
        args.archive_source_media ?? true,
        args.archive_render_cache ?? true,
        args.archive_proxy_media ?? false,
      );
    await target.landed();
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not write "${projectName}" to ${target.path}`,
        "Check free disk space and that the folder is writable; save_project first if the project is open.",
      );
    }
    return {
      summary: `${format === "drp" ? "Exported" : "Archived"} "${projectName}" to ${target.path}.`,
      data: { project: projectName, format, path: target.path, overwritten: target.overwrite },
    };
  },
});

const importProject = defineTool({
  name: "import_project",
  title: "Import or restore project",
  description:
    "Adds a project to the current project-manager folder from disk: a .drp project file (import) or a .dra archive (restore). Optionally under a new name. Does not open it: call open_project afterwards.",
  toolset: "project",
  readOnly: false,
  openWorld: true,
  input: () => ({
    path: pathInput("Absolute path of the .drp file or .dra archive."),
    format: z.enum(["drp", "archive"]).optional().describe(
      "drp: project file; archive: .dra archive. Default: from the extension (.dra = archive, else drp).",
    ),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name for the new project; must be unique in the folder. Omit to keep the name stored in the file.",
    ),
  }),
  output: () => ({
    format: z.enum(["drp", "archive"]).describe("How it was read."),
    path: z.string().describe("Resolved path read."),
    project: z.string().nullable().describe(
      "Name of the new project, null if Resolve's listing did not show which.",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetProjectListInCurrentFolder",
    "ProjectManager.ImportProject",
    "ProjectManager.RestoreProject",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const ext = extensionOf(args.path);
    const format = args.format ?? (ext === "dra" ? "archive" : "drp");
    const [checked] = await ctx.paths.checkRead([args.path]);
    if (!checked.exists) {
      fail(
        "FILE_NOT_FOUND",
        `${args.path} does not exist`,
        "Check the path (it must be absolute).",
      );
    }
    if (checked.isDir && format === "drp") {
      fail(
        "PATH_IS_FOLDER",
        `${args.path} is a folder`,
        "Give the .drp file, or use format archive for a .dra archive folder.",
      );
    }
    const pm = await resolve.projectManager();
    const before = await projectNames(resolve, pm);
    if (args.name && before.includes(args.name)) {
      fail(
        "PROJECT_EXISTS",
        `a project named "${args.name}" already exists in this folder`,
        "Give another name.",
      );
    }
    const method = format === "drp" ? "ImportProject" : "RestoreProject";
    const ok = await resolve.call(pm, method, checked.path, ...(args.name ? [args.name] : []));
    if (ok !== true) {
      fail(
        "IMPORT_FAILED",
        `Resolve could not ${format === "drp" ? "import" : "restore"} ${checked.path}`,
        "Check it is a valid Resolve project file of this or an older Resolve version; a project of the same name may already exist (give name).",
      );
    }
    const after = await projectNames(resolve, pm);
    const added = after.filter((n) => !before.includes(n));
    const project = args.name ?? (added.length === 1 ? added[0] : null);
    return {
      summary: `${format === "drp" ? "Imported" : "Restored"} ${checked.path}` +
        (project ? ` as project "${project}".` : "."),
      data: { format, path: checked.path, project },
    };
  },
});

// -- cloud projects -----------------------------------------------------------------------

const CLOUD_SYNC = {
  none: "CLOUD_SYNC_NONE",
  proxy_only: "CLOUD_SYNC_PROXY_ONLY",
  proxy_and_original: "CLOUD_SYNC_PROXY_AND_ORIG",
} as const;

const manageCloudProject = defineTool({
  name: "manage_cloud_project",
  title: "Create, load, import or restore a cloud project",
  description:
    "Blackmagic Cloud projects (Resolve must be signed in to Blackmagic Cloud): create a new cloud project, load an existing one, import one from a project file, or restore one from a folder. Every action needs the project media path; create and load also need the project name.",
  toolset: "project",
  readOnly: false,
  openWorld: true,
  input: () => ({
    action: z.enum(["create", "load", "import", "restore"]).describe(
      "create: new cloud project (opened); load: open an existing cloud project; import: from a .drp file (file_path); restore: from a folder (folder_path).",
    ),
    media_path: pathInput("Folder where the project's media is kept (absolute; required)."),
    project_name: z.string().trim().min(1).max(255).optional().describe(
      "Cloud project name. Required for create and load; optional for import/restore.",
    ),
    collaboration: z.boolean().optional().describe(
      "create: enable multi-user collaboration. Default false.",
    ),
    sync_mode: z.enum(["none", "proxy_only", "proxy_and_original"]).optional().describe(
      "Media sync: none, proxy_only or proxy_and_original. Default proxy_only. Load honours it only on the first load on this system.",
    ),
    camera_access: z.boolean().optional().describe(
      "create: allow Blackmagic Camera access. Default false.",
    ),
    file_path: z.string().min(1).max(4096).optional().describe(
      "import only: the project file to import (absolute).",
    ),
    folder_path: z.string().min(1).max(4096).optional().describe(
      "restore only: the folder to restore from (absolute).",
    ),
  }),
  output: () => ({
    action: z.string().describe("The action done."),
    project: z.string().nullable().describe(
      "Name of the cloud project (loaded project for create/load).",
    ),
    id: z.string().nullable().describe("Unique id of the created or loaded project, else null."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.CreateCloudProject",
    "ProjectManager.LoadCloudProject",
    "ProjectManager.ImportCloudProject",
    "ProjectManager.RestoreCloudProject",
    "Project.GetName",
    "Project.GetUniqueId",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    if ((args.action === "create" || args.action === "load") && !args.project_name) {
      fail(
        "INVALID_ARGUMENTS",
        `action ${args.action} needs project_name`,
        "Give the cloud project's name.",
      );
    }
    if (args.action === "import" && !args.file_path) {
      fail("INVALID_ARGUMENTS", "action import needs file_path");
    }
    if (args.action === "restore" && !args.folder_path) {
      fail("INVALID_ARGUMENTS", "action restore needs folder_path");
    }
    if (args.file_path && args.action !== "import") {
      fail("INVALID_ARGUMENTS", "file_path is only for action import");
    }
    if (args.folder_path && args.action !== "restore") {
      fail("INVALID_ARGUMENTS", "folder_path is only for action restore");
    }
    const media = await ctx.paths.checkWrite(args.media_path);
    const entries: [unknown, unknown][] = [
      [constant("CLOUD_SETTING_PROJECT_MEDIA_PATH"), media.path],
      [constant("CLOUD_SETTING_SYNC_MODE"), constant(CLOUD_SYNC[args.sync_mode ?? "proxy_only"])],
    ];
    if (args.project_name) {
      entries.push([constant("CLOUD_SETTING_PROJECT_NAME"), args.project_name]);
    }
    if (args.action === "create") {
      entries.push([constant("CLOUD_SETTING_IS_COLLAB"), args.collaboration ?? false]);
      entries.push([constant("CLOUD_SETTING_IS_CAMERA_ACCESS"), args.camera_access ?? false]);
    }
    const settings = dictOf(entries);
    const pm = await resolve.projectManager();
    if (args.action === "create" || args.action === "load") {
      const [project, projectName, id] = await resolve.batch([
        call(pm, args.action === "create" ? "CreateCloudProject" : "LoadCloudProject", settings),
        call(ref(0), "GetName"),
        call(ref(0), "GetUniqueId"),
      ]);
      if (!isHandle(project)) {
        fail(
          args.action === "create" ? "CLOUD_CREATE_FAILED" : "CLOUD_PROJECT_NOT_FOUND",
          args.action === "create"
            ? `Resolve could not create the cloud project "${args.project_name}"`
            : `no cloud project "${args.project_name}" could be loaded`,
          "Check that Resolve is signed in to Blackmagic Cloud, the name is right (unique for create) and the media path exists.",
        );
      }
      return {
        summary: `${args.action === "create" ? "Created" : "Loaded"} cloud project "${
          text(projectName)
        }".`,
        data: { action: args.action, project: text(projectName), id: text(id) },
      };
    }
    const source = args.action === "import"
      ? await inputPath(ctx, args.file_path!)
      : await inputPath(ctx, args.folder_path!, true);
    const ok = await resolve.call(
      pm,
      args.action === "import" ? "ImportCloudProject" : "RestoreCloudProject",
      source,
      settings,
    );
    if (ok !== true) {
      fail(
        "CLOUD_IMPORT_FAILED",
        `Resolve could not ${args.action} a cloud project from ${source}`,
        "Check that Resolve is signed in to Blackmagic Cloud and the source is a Resolve project.",
      );
    }
    return {
      summary: `${
        args.action === "import" ? "Imported" : "Restored"
      } a cloud project from ${source}.`,
      data: { action: args.action, project: args.project_name ?? null, id: null },
    };
  },
});

// -- misc project actions -----------------------------------------------------------------

const refreshLuts = defineTool({
  name: "refresh_lut_list",
  title: "Refresh LUT list",
  description:
    "Makes Resolve rescan its LUT folders, so LUT files copied there become available to grades without restarting.",
  toolset: "project",
  readOnly: false,
  idempotent: true,
  input: () => ({}),
  output: () => ({ refreshed: z.boolean().describe("Always true on success.") }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.RefreshLUTList",
  ],
  async handler(_args, { resolve }) {
    const project = await resolve.project();
    if (await resolve.call(project, "RefreshLUTList") !== true) {
      fail(
        "REFRESH_FAILED",
        "Resolve could not rescan the LUT folders",
        "Check the LUT folders in Resolve's preferences, then retry.",
      );
    }
    return { summary: "Rescanned the LUT folders.", data: { refreshed: true } };
  },
});

const resetIntellisearch = defineTool({
  name: "reset_intellisearch_analysis",
  title: "Reset IntelliSearch analysis",
  description:
    "Clears all IntelliSearch (AI content search) analysis data of the loaded project; the clips must be analysed again to be searchable. Studio only (Resolve 21+). Needs confirmation.",
  toolset: "project",
  readOnly: false,
  destructive: true,
  idempotent: true,
  input: () => ({}),
  output: () => ({
    project: z.string().describe("Project whose analysis was cleared."),
    cleared: z.boolean().describe("Always true on success."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "Resolve.GetProductName",
    "ProjectManager.GetCurrentProject",
    "Project.GetName",
    "Project.ResetIntellisearchAnalysis",
  ],
  async handler(_args, ctx) {
    const { resolve } = ctx;
    const project = await resolve.project();
    const projectName = text(await resolve.call(project, "GetName"));
    await ctx.confirm(`Clear all IntelliSearch analysis of "${projectName}"?`);
    const ok = await resolve.call(project, "ResetIntellisearchAnalysis");
    if (ok !== true) {
      if (!(await isStudio(resolve))) {
        fail(
          "STUDIO_REQUIRED",
          "IntelliSearch needs DaVinci Resolve Studio",
          "This is the free edition; use Resolve Studio.",
        );
      }
      fail(
        "RESET_FAILED",
        `Resolve could not reset the IntelliSearch analysis${
          typeof ok === "string" ? `: ${ok}` : ""
        }`,
        "Check that the 'AI IntelliSearch' extras are installed in Resolve.",
      );
    }
    return {
      summary: `Cleared IntelliSearch analysis of "${projectName}".`,
      data: { project: projectName, cleared: true },
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
  registry.add(listProjects, { default: true });
  registry.add(getCurrentProject, { default: true });
  registry.add(saveProject, { default: true });
  registry.add(getProjectSettings, { default: true });
  registry.add(setProjectSettings, { default: true });
  registry.add(closeProject);
  registry.add(renameProject);
  registry.add(deleteProject);
  registry.add(manageProjectFolders);
  registry.add(listDatabases);
  registry.add(switchDatabase);
  registry.add(listProjectPresets);
  registry.add(applyProjectPreset);
  registry.add(exportProject);
  registry.add(importProject);
  registry.add(manageCloudProject);
  registry.add(refreshLuts);
  registry.add(resetIntellisearch);
}
