// Toolset "project": folders.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { name, someNames } from "../shared.ts";
import { call, constant, dictOf, isHandle, ref } from "../../resolve/index.ts";
import {
  CLOUD_SYNC,
  currentProjectName,
  dbRow,
  dbSchema,
  FOLDER_ACTIONS,
  folderNames,
  inputPath,
  pathInput,
  text,
} from "./common.ts";

export const manageProjectFolders = defineTool({
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

export const listDatabases = defineTool({
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

export const switchDatabase = defineTool({
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

export const manageCloudProject = defineTool({
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
