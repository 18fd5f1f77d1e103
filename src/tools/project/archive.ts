// Toolset "project": archive.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { outputFile, someNames } from "../shared.ts";
import { currentProjectName, extensionOf, pathInput, projectNames } from "./common.ts";

export const exportProject = defineTool({
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

export const importProject = defineTool({
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
