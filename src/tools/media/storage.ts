// Toolset "media": Media storage and import: browse, reveal, add, image sequences, import, growing files.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  clipFrames,
  clipRefInput,
  findBin,
  findClips,
  type Handle,
  isHandle,
  pageInput,
  pageOutput,
  pageWindow,
  poolOf,
  ref,
} from "../../resolve/index.ts";
import {
  binTargetInput,
  CLIP_FIELDS,
  CLIP_FIND_METHODS,
  clipRows,
  clipSchema,
  inBin,
} from "./common.ts";

export const browseStorage = defineTool({
  name: "browse_storage",
  title: "Browse media storage",
  description:
    "Lists what Resolve's Media Storage panel sees: without folder, the mounted volumes; with folder, its sub-folders and media files (image sequences consolidated into one entry). Files are paginated.",
  toolset: "media",
  readOnly: true,
  openWorld: true,
  input: () => ({
    folder: z.string().min(1).max(4096).optional().describe(
      "Absolute folder path to list (must be inside the directories this server may read). Omit to list mounted volumes.",
    ),
    ...pageInput,
  }),
  output: () => ({
    folder: z.string().nullable().describe("The folder listed, null for the volume list."),
    volumes: z.array(z.string()).describe("Mounted volumes (only when folder was omitted)."),
    sub_folders: z.array(z.string()).describe("Absolute paths of the folder's sub-folders."),
    files: z.array(z.string()).describe("This page of the folder's media files (absolute paths)."),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetMediaStorage",
    "MediaStorage.GetMountedVolumeList",
    "MediaStorage.GetSubFolderList",
    "MediaStorage.GetFileList",
  ],
  async handler(args, { resolve, paths }) {
    const root = await resolve.root();
    if (args.folder === undefined) {
      const [, volumes] = await resolve.batch([
        call(root, "GetMediaStorage"),
        call(ref(0), "GetMountedVolumeList"),
      ]);
      const list = (Array.isArray(volumes) ? volumes : []).map(String);
      return {
        summary: `${list.length} mounted volume(s).`,
        data: {
          folder: null,
          volumes: list,
          sub_folders: [],
          files: [],
          total: 0,
          next_cursor: null,
        },
      };
    }
    const [checked] = await paths.checkRead([args.folder]);
    if (!checked.exists || !checked.isDir) {
      fail(
        "FOLDER_NOT_FOUND",
        `${args.folder} is not an existing folder`,
        "Check the path; browse_storage without folder lists the volumes.",
      );
    }
    const [, subs, files] = await resolve.batch([
      call(root, "GetMediaStorage"),
      call(ref(0), "GetSubFolderList", checked.path),
      call(ref(0), "GetFileList", checked.path),
    ]);
    const all = (Array.isArray(files) ? files : []).map(String);
    const page = pageWindow(all.length, args.cursor, args.limit);
    const subList = (Array.isArray(subs) ? subs : []).map(String);
    return {
      summary: `${checked.path}: ${subList.length} sub-folder(s), ${all.length} file(s).`,
      data: {
        folder: checked.path,
        volumes: [],
        sub_folders: subList,
        files: all.slice(page.offset, page.end),
        total: page.total,
        next_cursor: page.next_cursor,
      },
    };
  },
});

export const revealInStorage = defineTool({
  name: "reveal_in_storage",
  title: "Reveal in media storage",
  description:
    "Expands and shows a file or folder in Resolve's Media Storage panel (a UI action; nothing is imported).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("Absolute path of the file or folder to show."),
  }),
  output: () => ({ path: z.string().describe("The path shown.") }),
  apiMethods: ["Resolve.GetMediaStorage", "MediaStorage.RevealInStorage"],
  async handler(args, { resolve, paths }) {
    const [checked] = await paths.checkRead([args.path]);
    if (!checked.exists) fail("FILE_NOT_FOUND", `${args.path} does not exist`, "Check the path.");
    const root = await resolve.root();
    const [, ok] = await resolve.batch([
      call(root, "GetMediaStorage"),
      call(ref(0), "RevealInStorage", checked.path),
    ]);
    if (ok !== true) {
      fail(
        "REVEAL_REFUSED",
        `Resolve could not show ${checked.path} in Media Storage`,
        "The path may be outside Resolve's mounted volumes; browse_storage lists them.",
      );
    }
    return { summary: `Revealed ${checked.path} in Media Storage.`, data: { path: checked.path } };
  },
});

const importOutput = {
  bin: z.string().describe("The bin the clips went into."),
  created_bins: z.array(z.string()).describe("Bins created on the way."),
  imported: z.number().describe("Number of clips added."),
  clips: z.array(clipSchema).describe("The added clips."),
};

export const addFromStorage = defineTool({
  name: "add_from_storage",
  title: "Add media from storage",
  description:
    "Adds files or folders to the media pool the way Media Storage does, optionally with a frame range per file (Resolve keeps the range as the clip's mark in/out, so appending it uses just that range). Use import_media for plain imports and import_image_sequence for numbered frame files.",
  toolset: "media",
  readOnly: false,
  openWorld: true,
  input: () => ({
    items: z.array(z.object({
      path: z.string().min(1).max(4096).describe("Absolute path of a media file or folder."),
      start_frame: z.number().int().min(0).max(100_000_000).optional().describe(
        "First source frame to use (0 = first frame of the file). Give with end_frame; omit both for the whole file.",
      ),
      end_frame: z.number().int().min(0).max(100_000_000).optional().describe(
        "Last source frame to use (inclusive). Give with start_frame.",
      ),
    })).min(1).max(500).describe("Files or folders to add (1-500)."),
    bin: binTargetInput,
  }),
  output: () => importOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Resolve.GetMediaStorage",
    "MediaStorage.AddItemListToMediaPool",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.SetCurrentFolder",
    "MediaPool.AddSubFolder",
    "Folder.GetName",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve, paths }) {
    const checked = await paths.checkRead(args.items.map((i) => i.path));
    const missing = args.items.filter((_, i) => !checked[i].exists).map((i) => i.path);
    if (missing.length) {
      fail(
        "FILE_NOT_FOUND",
        `${missing.length} path(s) do not exist: ${missing.slice(0, 10).join(", ")}`,
        "Check the paths; nothing was added.",
      );
    }
    const ranged = args.items.some((i) => i.start_frame !== undefined || i.end_frame !== undefined);
    for (const item of args.items) {
      if ((item.start_frame === undefined) !== (item.end_frame === undefined)) {
        fail(
          "INVALID_ARGUMENTS",
          `${item.path}: start_frame and end_frame go together`,
          "Give both, or neither for the whole file.",
        );
      }
      if (item.start_frame !== undefined && item.end_frame! < item.start_frame) {
        fail("INVALID_ARGUMENTS", `${item.path}: end_frame is before start_frame`);
      }
    }
    const list = args.items.map((item, i) =>
      !ranged
        ? checked[i].path
        : item.start_frame === undefined
        ? { media: checked[i].path }
        : { media: checked[i].path, startFrame: item.start_frame, endFrame: item.end_frame }
    );
    const { mediaPool } = await poolOf(resolve);
    const root = await resolve.root();
    const [storage] = await resolve.batch([call(root, "GetMediaStorage")]) as Handle[];
    const { result, binName, created } = await inBin(
      resolve,
      mediaPool,
      args.bin,
      call(storage, "AddItemListToMediaPool", list),
    );
    const items = (Array.isArray(result) ? result : []).filter(isHandle);
    if (items.length === 0) {
      fail(
        "NOTHING_ADDED",
        "Resolve added none of the items",
        "Check that they are supported media and that the frame ranges lie inside the files.",
      );
    }
    const clips = await clipRows(resolve, items);
    return {
      summary: `Added ${clips.length} clip(s) to bin "${binName}".`,
      data: { bin: binName, created_bins: created, imported: clips.length, clips },
    };
  },
});

/** "shot_%04d.dpx" with 7 -> "shot_0007.dpx". */
function sequenceFrame(pattern: string, n: number): string | undefined {
  const m = /%(0?)(\d*)d/.exec(pattern);
  if (!m) return undefined;
  const digits = String(n).padStart(m[1] ? Number(m[2] || 0) : 0, "0");
  return pattern.slice(0, m.index) + digits + pattern.slice(m.index + m[0].length);
}

export const importImageSequence = defineTool({
  name: "import_image_sequence",
  title: "Import image sequences",
  description:
    "Imports numbered image files (DPX, EXR, TIFF, PNG...) as one clip per sequence, given a printf-style pattern like /shots/A001/frame_%04d.dpx and the first and last frame numbers.",
  toolset: "media",
  readOnly: false,
  openWorld: true,
  input: () => ({
    sequences: z.array(z.object({
      pattern: z.string().min(3).max(4096).describe(
        "Absolute path with a printf frame-number pattern, e.g. '/shots/A001/frame_%04d.dpx' (%d for unpadded).",
      ),
      start_index: z.number().int().min(0).max(100_000_000).describe(
        "First frame number of the sequence.",
      ),
      end_index: z.number().int().min(0).max(100_000_000).describe(
        "Last frame number (inclusive).",
      ),
    })).min(1).max(100).describe("Image sequences to import (1-100)."),
    bin: binTargetInput,
  }),
  output: () => importOutput,
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.ImportMedia",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.SetCurrentFolder",
    "MediaPool.AddSubFolder",
    "Folder.GetName",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve, paths }) {
    const firsts = args.sequences.map((s) => {
      if (s.end_index < s.start_index) {
        fail("INVALID_ARGUMENTS", `${s.pattern}: end_index is before start_index`);
      }
      return sequenceFrame(s.pattern, s.start_index) ??
        fail(
          "INVALID_PATTERN",
          `${s.pattern} has no frame-number pattern like %04d`,
          "Write the frame number as %0Nd (N digits) or %d.",
        );
    });
    const checked = await paths.checkRead(firsts);
    const missing = firsts.filter((_, i) => !checked[i].exists);
    if (missing.length) {
      fail(
        "FILE_NOT_FOUND",
        `first frame(s) missing: ${missing.slice(0, 10).join(", ")}`,
        "Check the pattern and start_index; nothing was imported.",
      );
    }
    const infos = args.sequences.map((s, i) => {
      const real = checked[i].path;
      const dir = real.slice(0, Math.max(real.lastIndexOf("/"), real.lastIndexOf("\\")) + 1);
      const base = s.pattern.slice(
        Math.max(s.pattern.lastIndexOf("/"), s.pattern.lastIndexOf("\\")) + 1,
      );
      return { FilePath: dir + base, StartIndex: s.start_index, EndIndex: s.end_index };
    });
    const { mediaPool } = await poolOf(resolve);
    const { result, binName, created } = await inBin(
      resolve,
      mediaPool,
      args.bin,
      call(mediaPool, "ImportMedia", infos),
    );
    const items = (Array.isArray(result) ? result : []).filter(isHandle);
    if (items.length === 0) {
      fail(
        "NOTHING_IMPORTED",
        "Resolve imported none of the sequences",
        "Check that every frame between start_index and end_index exists and is a supported image format.",
      );
    }
    const clips = await clipRows(resolve, items);
    return {
      summary: `Imported ${clips.length} sequence clip(s) into bin "${binName}".`,
      data: { bin: binName, created_bins: created, imported: clips.length, clips },
    };
  },
});

export const importMedia = defineTool({
  name: "import_media",
  title: "Import media",
  description:
    "Imports media files (video, audio, stills) into the media pool of the current project: into the current bin, or into the bin named by `bin` (created if missing). Every path must exist inside the directories this server may read; nothing is imported if one is missing.",
  toolset: "media",
  default: true,
  readOnly: false,
  openWorld: true,
  input: () => ({
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).describe(
      "Absolute paths of the files (or folders, imported with their media) to import.",
    ),
    bin: z.string().max(1024).optional().describe(
      "Bin to import into, as a path from the root bin, e.g. 'Dailies' or 'Master/Dailies/Day 1'. Missing bins are created. Omit for the current bin.",
    ),
  }),
  output: () => ({
    bin: z.string().describe("The bin the clips were imported into."),
    created_bins: z.array(z.string()).describe("Bins created on the way."),
    imported: z.number().describe("Number of clips imported."),
    clips: z.array(clipSchema).describe("The imported clips."),
    not_imported: z.array(z.string()).describe(
      "Paths Resolve did not import (unsupported formats).",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.SetCurrentFolder",
    "MediaPool.AddSubFolder",
    "MediaPool.ImportMedia",
    "Folder.GetName",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve, paths }) {
    const checked = await paths.checkRead(args.paths);
    const missing = args.paths.filter((_, i) => !checked[i].exists);
    if (missing.length) {
      fail(
        "FILE_NOT_FOUND",
        `${missing.length} file(s) do not exist: ${missing.slice(0, 10).join(", ")}`,
        "Check the paths (they must be absolute); nothing was imported.",
      );
    }
    const project = await resolve.project();
    const [mediaPool, current] = await resolve.batch([
      call(project, "GetMediaPool"),
      call(ref(0), "GetCurrentFolder"),
    ]) as Handle[];
    let target = current;
    let created: string[] = [];
    if (args.bin) {
      ({ bin: target, created } = await findBin(resolve, mediaPool, args.bin, true));
    }
    const [, clips, , binName] = await resolve.batch([
      call(mediaPool, "SetCurrentFolder", target),
      call(mediaPool, "ImportMedia", checked.map((c) => c.path)),
      call(mediaPool, "SetCurrentFolder", current),
      call(target, "GetName"),
    ]);
    const items = (Array.isArray(clips) ? clips : []).filter(isHandle);
    const rows = await resolve.map(items, CLIP_FIELDS);
    const data = rows.map(([n, id, path, type, frames, fps, res, dur]) => ({
      name: String(n),
      id: String(id),
      path: String(path),
      type: String(type),
      frames: clipFrames(frames, dur, fps), // 21.0.4+: '' for audio clips
      fps: Number(fps) || 0,
      resolution: String(res ?? ""),
      duration: String(dur ?? ""),
    }));
    const importedPaths = new Set(data.map((c) => c.path));
    const notImported = checked.filter((c) => !c.isDir && !importedPaths.has(c.path)).map((c) =>
      c.path
    );
    if (data.length === 0) {
      fail(
        "NOTHING_IMPORTED",
        "Resolve imported none of the files",
        "Check that they are media formats Resolve supports (video, audio, still images).",
      );
    }
    return {
      summary: `Imported ${data.length} clip(s) into bin "${binName}"` +
        (notImported.length ? `; ${notImported.length} not imported.` : "."),
      data: {
        bin: String(binName),
        created_bins: created,
        imported: data.length,
        clips: data,
        not_imported: notImported,
      },
    };
  },
});

export const monitorGrowingFile = defineTool({
  name: "monitor_growing_file",
  title: "Monitor growing file",
  description:
    "Makes Resolve keep refreshing a clip whose file is still being written (e.g. a recording in progress); it stops when the file stops growing.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({ clip: clipRefInput }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    frames: z.number().describe("Frames known now."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.MonitorGrowingFile",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const [ok, frames] = await resolve.batch([
      call(clip.clip, "MonitorGrowingFile"),
      call(clip.clip, "GetClipProperty", "Frames"),
    ]);
    if (ok !== true) {
      fail(
        "MONITOR_REFUSED",
        `Resolve refused to monitor "${clip.name}"`,
        "Only video or audio files that are still growing can be monitored.",
      );
    }
    return {
      summary: `Monitoring "${clip.name}" while it grows.`,
      data: { clip: clip.name, frames: Number(frames) || 0 },
    };
  },
});
