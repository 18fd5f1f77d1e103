// Toolset "media": Media pool bins: list, create, current, move, delete, export/import .drb, refresh.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { outputFile, someNames } from "../shared.ts";
import {
  type BinNode,
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  findBin,
  findBinRef,
  matchesBin,
  pageInput,
  pageOutput,
  pageWindow,
  poolOf,
  ref,
  saveCheckpoint,
  walkBins,
} from "../../resolve/index.ts";
import { BIN_WALK_METHODS, binRefInput, binTargetInput, inBin } from "./common.ts";

const binSchema = z.object({
  name: z.string().describe("Bin name."),
  id: z.string().describe("The bin's unique id (Folder.GetUniqueId)."),
  path: z.string().describe("Path from the root bin, e.g. 'Master/Dailies'."),
  depth: z.number().describe("0 for the root bin."),
  clip_count: z.number().describe("Clips directly in this bin."),
  sub_bin_count: z.number().describe("Direct sub-bins."),
  stale: z.boolean().describe("True if the bin is stale (collaboration; refresh_bins updates it)."),
});

function binRow(b: BinNode): z.infer<typeof binSchema> {
  return {
    name: b.name,
    id: b.id,
    path: b.path,
    depth: b.depth,
    clip_count: b.clips.length,
    sub_bin_count: b.children.length,
    stale: b.stale,
  };
}

export const listBins = defineTool({
  name: "list_bins",
  title: "List bins",
  description:
    "Lists the media pool's bins as a depth-first tree (paths, ids, clip counts, stale flags), and which bin is current. Paginated.",
  toolset: "media",
  default: true,
  readOnly: true,
  input: () => ({
    bin: binRefInput("List only this bin and its sub-bins").optional(),
    max_depth: z.number().int().min(0).max(100).optional().describe(
      "How many levels below the starting bin to list (0 = just that bin). Default: all.",
    ),
    ...pageInput,
  }),
  output: () => ({
    media_pool_id: z.string().describe("The media pool's unique id."),
    current_bin: z.string().describe("Path of the current bin (where imports go)."),
    bins: z.array(binSchema).describe("This page of bins, depth-first."),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.GetUniqueId",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const all = await walkBins(resolve, mediaPool);
    let bins = all;
    if (args.bin) {
      const start = all.find((b) => matchesBin(b, args.bin!, all[0].name));
      if (!start) {
        fail(
          "BIN_NOT_FOUND",
          `no bin with id or path "${args.bin}"`,
          `Bins: ${someNames(all.map((b) => b.path))}.`,
        );
      }
      bins = all.filter((b) => b === start || b.path.startsWith(`${start.path}/`));
    }
    if (args.max_depth !== undefined) {
      const base = bins[0].depth;
      bins = bins.filter((b) => b.depth - base <= args.max_depth!);
    }
    const [poolId, currentId] = await resolve.batch([
      call(mediaPool, "GetUniqueId"),
      call(mediaPool, "GetCurrentFolder"),
      call(ref(1), "GetUniqueId"),
    ]).then((r) => [r[0], r[2]]);
    const current = all.find((b) => b.id === currentId)?.path ?? "";
    const page = pageWindow(bins.length, args.cursor, args.limit);
    return {
      summary: `${bins.length} bin(s); current bin "${current}".`,
      data: {
        media_pool_id: String(poolId),
        current_bin: current,
        bins: bins.slice(page.offset, page.end).map(binRow),
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});

export const createBin = defineTool({
  name: "create_bin",
  title: "Create bin",
  description:
    "Creates a bin (and any missing parent bins) from a path like 'Dailies/Day 1'. Existing bins on the path are reused, so calling it again is harmless. Optionally makes the bin current, so imports go there.",
  toolset: "media",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({
    path: z.string().min(1).max(1024).describe(
      "Bin path from the root bin, e.g. 'Dailies/Day 1' or 'Master/Dailies/Day 1'.",
    ),
    make_current: z.boolean().optional().describe(
      "Also make it the current bin (imports go there). Default: false.",
    ),
  }),
  output: () => ({
    bin: binSchema,
    created_bins: z.array(z.string()).describe("Names of the bins created (empty if all existed)."),
    current: z.boolean().describe("True if the bin is now the current bin."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.AddSubFolder",
    "MediaPool.SetCurrentFolder",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    if (!args.path.split("/").some((p) => p.trim())) {
      fail("INVALID_ARGUMENTS", "the path names no bin", "Give a path like 'Dailies/Day 1'.");
    }
    const { bin, created } = await findBin(resolve, mediaPool, args.path, true);
    if (args.make_current) {
      const ok = await resolve.call(mediaPool, "SetCurrentFolder", bin);
      if (ok !== true) fail("SET_CURRENT_REFUSED", "Resolve refused to make the bin current");
    }
    const [id] = (await resolve.map([bin], [["GetUniqueId"]]))[0];
    const node = (await walkBins(resolve, mediaPool)).find((b) => b.id === id)!;
    return {
      summary: created.length
        ? `Created bin(s) ${created.join(", ")}; "${node.path}" ready.`
        : `Bin "${node.path}" already existed.`,
      data: { bin: binRow(node), created_bins: created, current: args.make_current === true },
    };
  },
});

export const setCurrentBin = defineTool({
  name: "set_current_bin",
  title: "Set current bin",
  description:
    "Makes a bin the media pool's current bin: imports, new timelines and add_from_storage without a bin go there.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({ bin: binRefInput("The bin to make current") }),
  output: () => ({
    bin: z.string().describe("Path of the current bin."),
    previous: z.string().describe("Path of the bin that was current."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.SetCurrentFolder",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const all = await walkBins(resolve, mediaPool);
    const target = all.find((b) => matchesBin(b, args.bin, all[0].name)) ??
      fail(
        "BIN_NOT_FOUND",
        `no bin with id or path "${args.bin}"`,
        `Bins: ${someNames(all.map((b) => b.path))}.`,
      );
    const [, prevId, ok] = await resolve.batch([
      call(mediaPool, "GetCurrentFolder"),
      call(ref(0), "GetUniqueId"),
      call(mediaPool, "SetCurrentFolder", target.bin),
    ]);
    if (ok !== true) {
      fail("SET_CURRENT_REFUSED", `Resolve refused to make "${target.path}" current`);
    }
    const previous = all.find((b) => b.id === prevId)?.path ?? "";
    return {
      summary: `Current bin is now "${target.path}".`,
      data: { bin: target.path, previous },
    };
  },
});

export const moveBins = defineTool({
  name: "move_bins",
  title: "Move bins",
  description: "Moves bins (with their contents) into another bin.",
  toolset: "media",
  readOnly: false,
  input: () => ({
    bins: z.array(binRefInput("A bin to move")).min(1).max(100).describe(
      "Bins to move (paths or ids).",
    ),
    target: binRefInput("The bin to move them into"),
  }),
  output: () => ({ moved: z.array(z.string()).describe("New paths of the moved bins.") }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.MoveFolders",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const all = await walkBins(resolve, mediaPool);
    const find = (ref: string) =>
      all.find((b) => matchesBin(b, ref, all[0].name)) ??
        fail("BIN_NOT_FOUND", `no bin with id or path "${ref}"`, "list_bins shows the tree.");
    const target = find(args.target);
    const moving = args.bins.map(find);
    for (const b of moving) {
      if (b.depth === 0) fail("INVALID_ARGUMENTS", "the root bin cannot be moved");
      if (target === b || target.path.startsWith(`${b.path}/`)) {
        fail(
          "INVALID_MOVE",
          `"${b.path}" cannot move into itself or its own sub-bin "${target.path}"`,
        );
      }
    }
    const ok = await resolve.call(mediaPool, "MoveFolders", moving.map((b) => b.bin), target.bin);
    if (ok !== true) {
      fail(
        "MOVE_REFUSED",
        "Resolve refused to move the bins",
        "A bin of the same name may already exist in the target.",
      );
    }
    const ids = new Set(moving.map((b) => b.id));
    const after = (await walkBins(resolve, mediaPool)).filter((b) => ids.has(b.id)).map((b) =>
      b.path
    );
    return {
      summary: `Moved ${after.length} bin(s) into "${target.path}".`,
      data: { moved: after },
    };
  },
});

export const deleteBins = defineTool({
  name: "delete_bins",
  title: "Delete bins",
  description:
    "Deletes bins with everything in them (clips, timelines, sub-bins) from the media pool. Needs confirmation. The root bin cannot be deleted. Saves a project checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({
    bins: z.array(binRefInput("A bin to delete")).min(1).max(100).describe(
      "Bins to delete (paths or ids).",
    ),
  }),
  output: () => ({
    deleted: z.array(z.string()).describe("Paths of the deleted bins."),
    clips_deleted: z.number().describe("Clips that were inside them (sub-bins included)."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.DeleteFolders",
    ...BIN_WALK_METHODS,
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { mediaPool } = await poolOf(resolve);
    const all = await walkBins(resolve, mediaPool);
    const targets = args.bins.map((ref) =>
      all.find((b) => matchesBin(b, ref, all[0].name)) ??
        fail("BIN_NOT_FOUND", `no bin with id or path "${ref}"`, "list_bins shows the tree.")
    );
    if (targets.some((b) => b.depth === 0)) {
      fail("INVALID_ARGUMENTS", "the root bin cannot be deleted", "Delete its sub-bins instead.");
    }
    const inside = all.filter((b) =>
      targets.some((t) => b === t || b.path.startsWith(`${t.path}/`))
    );
    const clipCount = inside.reduce((n, b) => n + b.clips.length, 0);
    await confirm(
      `Delete ${targets.length} bin(s) (${
        targets.map((b) => b.path).join(", ")
      }) and the ${clipCount} clip(s) in them?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_bins", args, { project: true });
    const ok = await resolve.call(mediaPool, "DeleteFolders", targets.map((b) => b.bin));
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        "Resolve refused to delete the bins",
        "In collaboration mode a bin may be locked by another user.",
      );
    }
    return {
      summary: `Deleted ${targets.length} bin(s) and ${clipCount} clip(s).`,
      data: { deleted: targets.map((b) => b.path), clips_deleted: clipCount, checkpoint_id },
    };
  },
});

export const exportBin = defineTool({
  name: "export_bin",
  title: "Export bin (.drb)",
  description:
    "Exports a bin with its clips and timelines as a DaVinci Resolve bin file (.drb), to move it to another project (import_bin). Overwriting an existing file needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    bin: binRefInput("The bin to export"),
    path: z.string().min(1).max(4096).describe(
      "Absolute path of the .drb file to write (the extension is added if missing).",
    ),
  }),
  output: () => ({
    bin: z.string().describe("Path of the exported bin."),
    file: z.string().describe("The file written."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "Folder.Export",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, ctx) {
    const { mediaPool } = await poolOf(ctx.resolve);
    const bin = await findBinRef(ctx.resolve, mediaPool, args.bin);
    const path = args.path.toLowerCase().endsWith(".drb") ? args.path : `${args.path}.drb`;
    const out = await outputFile(ctx, path);
    const file = out.path;
    const ok = await ctx.resolve.call(bin.bin, "Export", file);
    await out.landed();
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not export "${bin.path}" to ${file}`,
        "Check the folder is writable.",
      );
    }
    return { summary: `Exported bin "${bin.path}" to ${file}.`, data: { bin: bin.path, file } };
  },
});

export const importBin = defineTool({
  name: "import_bin",
  title: "Import bin (.drb)",
  description:
    "Imports a DaVinci Resolve bin file (.drb) into the current bin (or the given one), optionally searching a folder for its media when the original paths are offline.",
  toolset: "media",
  readOnly: false,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("Absolute path of the .drb file."),
    bin: binTargetInput,
    source_clips_path: z.string().min(1).max(4096).optional().describe(
      "Folder to search for the bin's media when its original paths are offline. Omit to keep the original paths.",
    ),
  }),
  output: () => ({
    bin: z.string().describe("The bin it was imported into."),
    new_bins: z.array(binSchema).describe("Bins that appeared."),
    clips_added: z.number().describe("Clips added to the pool."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.ImportFolderFromFile",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.SetCurrentFolder",
    "MediaPool.AddSubFolder",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, { resolve, paths }) {
    const toCheck = [args.path, ...(args.source_clips_path ? [args.source_clips_path] : [])];
    const checked = await paths.checkRead(toCheck);
    if (!checked[0].exists || checked[0].isDir) {
      fail(
        "FILE_NOT_FOUND",
        `${args.path} does not exist`,
        "Give the path of a .drb file (export_bin writes one).",
      );
    }
    if (checked[1] && !checked[1].isDir) {
      fail("FOLDER_NOT_FOUND", `${args.source_clips_path} is not a folder`);
    }
    const { mediaPool } = await poolOf(resolve);
    const before = await walkBins(resolve, mediaPool);
    const callArgs = [checked[0].path, ...(checked[1] ? [checked[1].path] : [])];
    const { result, binName } = await inBin(
      resolve,
      mediaPool,
      args.bin,
      call(mediaPool, "ImportFolderFromFile", ...callArgs),
    );
    if (result !== true) {
      fail(
        "IMPORT_FAILED",
        `Resolve could not import ${checked[0].path}`,
        "Check it is a .drb bin file written by Resolve.",
      );
    }
    const after = await walkBins(resolve, mediaPool);
    const known = new Set(before.map((b) => b.id));
    const clipsBefore = before.reduce((n, b) => n + b.clips.length, 0);
    const clipsAfter = after.reduce((n, b) => n + b.clips.length, 0);
    const fresh = after.filter((b) => !known.has(b.id)).map(binRow);
    return {
      summary: `Imported ${checked[0].path} into "${binName}": ${fresh.length} bin(s), ${
        clipsAfter - clipsBefore
      } clip(s).`,
      data: { bin: binName, new_bins: fresh, clips_added: clipsAfter - clipsBefore },
    };
  },
});

export const refreshBins = defineTool({
  name: "refresh_bins",
  title: "Refresh bins",
  description:
    "Refreshes the media pool's bins (needed in collaboration projects to see other users' changes) and reports which bins are still stale.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({}),
  output: () => ({
    stale_bins: z.array(z.string()).describe("Paths of bins still stale after the refresh."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.RefreshFolders",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
  ],
  async handler(_args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const ok = await resolve.call(mediaPool, "RefreshFolders");
    if (ok !== true) {
      fail(
        "REFRESH_FAILED",
        "Resolve could not refresh the bins",
        "This works in collaboration projects; retry later.",
        true,
      );
    }
    const stale = (await walkBins(resolve, mediaPool)).filter((b) => b.stale).map((b) => b.path);
    return { summary: `Refreshed bins; ${stale.length} still stale.`, data: { stale_bins: stale } };
  },
});
