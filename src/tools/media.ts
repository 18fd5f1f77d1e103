// Toolset "media": the media pool (bins, clips, import) and media storage.
import { z } from "zod";
import { fail } from "../errors.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import {
  checkFileName,
  CLIP_COLORS,
  MARKER_COLORS,
  markerNameInput,
  markerNoteInput,
  needExtension,
  NO_CONTROL,
  outputFile,
  someNames,
} from "./shared.ts";
import {
  type BinNode,
  call,
  type ClipEntry,
  clipRefInput,
  constant,
  dictOf,
  findBin,
  findBinRef,
  findClips,
  type Handle,
  isHandle,
  markerList,
  markerSchema,
  matchesBin,
  pageInput,
  pageOutput,
  pageWindow,
  poolOf,
  ref,
  type ResolveSession,
  walkBins,
} from "../resolve/index.ts";
import type { BatchCall } from "../resolve/index.ts";

const CLIP_FIELDS: [string, unknown[]?][] = [
  ["GetName"],
  ["GetUniqueId"],
  ["GetClipProperty", ["File Path"]],
  ["GetClipProperty", ["Type"]],
  ["GetClipProperty", ["Frames"]],
  ["GetClipProperty", ["FPS"]],
  ["GetClipProperty", ["Resolution"]],
  ["GetClipProperty", ["Duration"]],
];

const clipSchema = z.object({
  name: z.string().describe("Clip name in the media pool."),
  id: z.string().describe("The clip's unique id (MediaPoolItem.GetUniqueId)."),
  path: z.string().describe("File the clip points to."),
  type: z.string().describe("Clip type, e.g. 'Video', 'Audio', 'Still', 'Video + Audio'."),
  frames: z.number().describe("Length in frames."),
  fps: z.number().describe("Frame rate of the clip."),
  resolution: z.string().describe("Width x height, empty for audio."),
  duration: z.string().describe("Duration as timecode."),
});

/** Fails when Resolve refused a Studio / AI call (False, or an error string). */
function aiResult(result: unknown, what: string): void {
  if (result === true) return;
  const detail = typeof result === "string" && result ? ` (Resolve said: ${result})` : "";
  fail(
    "AI_FEATURE_REFUSED",
    `Resolve refused ${what}${detail}`,
    "This needs DaVinci Resolve Studio and, for AI features, the matching download in Help > DaVinci Resolve Extras (AI IntelliSearch, AI Slate ID...); also check the clips have the needed audio or video.",
  );
}

const clipsInput = (what: string) =>
  z.array(clipRefInput).min(1).max(500).describe(
    `${what}: clip ids, bin paths like 'Master/Dailies/shot01.mov', or unique clip names (1-500).`,
  );

const binRefInput = (what: string) =>
  z.string().min(1).max(1024).describe(
    `${what}: a bin path from the root like 'Master/Dailies' (the root's name may be left out) or a bin's unique id.`,
  );

// -- media storage ------------------------------------------------------------------------

const browseStorage = defineTool({
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

const revealInStorage = defineTool({
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

async function clipRows(resolve: ResolveSession, items: Handle[]) {
  const rows = await resolve.map(items, CLIP_FIELDS);
  return rows.map(([n, id, path, type, frames, fps, res, dur]) => ({
    name: String(n),
    id: String(id),
    path: String(path ?? ""),
    type: String(type ?? ""),
    frames: Number(frames) || 0,
    fps: Number(fps) || 0,
    resolution: String(res ?? ""),
    duration: String(dur ?? ""),
  }));
}

/** Runs one call with the pool's current bin set to `binPath`, restoring it afterwards. */
async function inBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  binPath: string | undefined,
  step: BatchCall,
): Promise<{ result: unknown; binName: string; created: string[] }> {
  const [current] = await resolve.batch([call(mediaPool, "GetCurrentFolder")]) as Handle[];
  let target = current;
  let created: string[] = [];
  if (binPath) ({ bin: target, created } = await findBin(resolve, mediaPool, binPath, true));
  const [, result, , binName] = await resolve.batch([
    call(mediaPool, "SetCurrentFolder", target),
    step,
    call(mediaPool, "SetCurrentFolder", current),
    call(target, "GetName"),
  ]);
  return { result, binName: String(binName), created };
}

const importOutput = {
  bin: z.string().describe("The bin the clips went into."),
  created_bins: z.array(z.string()).describe("Bins created on the way."),
  imported: z.number().describe("Number of clips added."),
  clips: z.array(clipSchema).describe("The added clips."),
};

const binTargetInput = z.string().max(1024).optional().describe(
  "Bin to add into, as a path from the root bin, e.g. 'Dailies' or 'Master/Dailies/Day 1'. Missing bins are created. Omit for the current bin.",
);

const addFromStorage = defineTool({
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

const importImageSequence = defineTool({
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

const importMedia = defineTool({
  name: "import_media",
  title: "Import media",
  description:
    "Imports media files (video, audio, stills) into the media pool of the current project: into the current bin, or into the bin named by `bin` (created if missing). Every path must exist inside the directories this server may read; nothing is imported if one is missing.",
  toolset: "media",
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
      frames: Number(frames) || 0,
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

// -- mattes -------------------------------------------------------------------------------

const listMattes = defineTool({
  name: "list_mattes",
  title: "List mattes",
  description:
    "Lists mattes: the matte files attached to a clip (clip), and/or the timeline mattes kept in a bin (bin). Give clip, bin or both.",
  toolset: "media",
  readOnly: true,
  input: () => ({
    clip: clipRefInput.optional(),
    bin: binRefInput("Bin whose timeline mattes to list").optional(),
  }),
  output: () => ({
    clip_mattes: z.array(z.string()).describe(
      "Paths of the clip's matte files (empty without clip).",
    ),
    timeline_mattes: z.array(clipSchema).describe(
      "Timeline mattes in the bin (empty without bin).",
    ),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetClipMatteList",
    "MediaPool.GetTimelineMatteList",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve }) {
    if (!args.clip && !args.bin) fail("INVALID_ARGUMENTS", "give clip, bin or both");
    const { mediaPool } = await poolOf(resolve);
    let clipMattes: string[] = [];
    let timelineMattes: z.infer<typeof clipSchema>[] = [];
    if (args.clip) {
      const [clip] = await findClips(resolve, mediaPool, [args.clip]);
      const list = await resolve.call(mediaPool, "GetClipMatteList", clip.clip);
      clipMattes = (Array.isArray(list) ? list : []).map(String);
    }
    if (args.bin) {
      const bin = await findBinRef(resolve, mediaPool, args.bin);
      const list = await resolve.call(mediaPool, "GetTimelineMatteList", bin.bin);
      timelineMattes = await clipRows(resolve, (Array.isArray(list) ? list : []).filter(isHandle));
    }
    return {
      summary: `${clipMattes.length} clip matte(s), ${timelineMattes.length} timeline matte(s).`,
      data: { clip_mattes: clipMattes, timeline_mattes: timelineMattes },
    };
  },
});

const manageMattes = defineTool({
  name: "manage_mattes",
  title: "Add or remove mattes",
  description:
    "Adds matte files to a clip (add_clip_mattes, optionally for one eye of a stereo clip), adds files as timeline mattes to a bin (add_timeline_mattes), or detaches matte files from a clip (delete_clip_mattes, needs confirmation). list_mattes shows what is attached.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    action: z.enum(["add_clip_mattes", "add_timeline_mattes", "delete_clip_mattes"]).describe(
      "What to do.",
    ),
    paths: z.array(z.string().min(1).max(4096)).min(1).max(100).describe(
      "Absolute paths of the matte files (for delete_clip_mattes: paths as list_mattes shows them).",
    ),
    clip: clipRefInput.optional().describe("The clip (add_clip_mattes, delete_clip_mattes)."),
    stereo_eye: z.enum(["left", "right"]).optional().describe(
      "add_clip_mattes on a stereo clip: which eye the mattes belong to. Omit for normal clips.",
    ),
    bin: binTargetInput,
  }),
  output: () => ({
    action: z.string().describe("The action done."),
    clip_mattes: z.array(z.string()).describe("The clip's mattes afterwards (clip actions)."),
    timeline_mattes: z.array(clipSchema).describe("Timeline mattes added (add_timeline_mattes)."),
  }),
  apiMethods: [
    "Resolve.GetMediaStorage",
    "MediaStorage.AddClipMattesToMediaPool",
    "MediaStorage.AddTimelineMattesToMediaPool",
    "Project.GetMediaPool",
    "MediaPool.GetClipMatteList",
    "MediaPool.DeleteClipMattes",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "MediaPool.SetCurrentFolder",
    "MediaPool.AddSubFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { mediaPool } = await poolOf(resolve);
    const root = await resolve.root();
    if (args.action === "add_timeline_mattes") {
      const checked = await ctx.paths.checkRead(args.paths);
      const missing = args.paths.filter((_, i) => !checked[i].exists);
      if (missing.length) {
        fail("FILE_NOT_FOUND", `missing: ${missing.slice(0, 10).join(", ")}`, "Check the paths.");
      }
      const [storage] = await resolve.batch([call(root, "GetMediaStorage")]) as Handle[];
      const { result, binName } = await inBin(
        resolve,
        mediaPool,
        args.bin,
        call(storage, "AddTimelineMattesToMediaPool", checked.map((c) => c.path)),
      );
      const items = (Array.isArray(result) ? result : []).filter(isHandle);
      if (!items.length) {
        fail(
          "MATTES_REFUSED",
          "Resolve added no timeline mattes",
          "Check that the files are still images or movies Resolve can read.",
        );
      }
      return {
        summary: `Added ${items.length} timeline matte(s) to "${binName}".`,
        data: {
          action: args.action,
          clip_mattes: [],
          timeline_mattes: await clipRows(resolve, items),
        },
      };
    }
    if (!args.clip) fail("INVALID_ARGUMENTS", `${args.action} needs clip`);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    let ok: unknown;
    if (args.action === "add_clip_mattes") {
      const checked = await ctx.paths.checkRead(args.paths);
      const missing = args.paths.filter((_, i) => !checked[i].exists);
      if (missing.length) {
        fail("FILE_NOT_FOUND", `missing: ${missing.slice(0, 10).join(", ")}`, "Check the paths.");
      }
      const matteArgs = [
        clip.clip,
        checked.map((c) => c.path),
        ...(args.stereo_eye ? [args.stereo_eye] : []),
      ];
      [, ok] = await resolve.batch([
        call(root, "GetMediaStorage"),
        call(ref(0), "AddClipMattesToMediaPool", ...matteArgs),
      ]);
    } else {
      const attached = (await resolve.call(mediaPool, "GetClipMatteList", clip.clip) as string[]) ??
        [];
      const unknown = args.paths.filter((p) => !attached.includes(p));
      if (unknown.length) {
        fail(
          "MATTE_NOT_FOUND",
          `not attached to "${clip.name}": ${unknown.join(", ")}`,
          `Attached: ${someNames(attached)}.`,
        );
      }
      await ctx.confirm(`Detach ${args.paths.length} matte(s) from "${clip.name}"?`);
      ok = await resolve.call(mediaPool, "DeleteClipMattes", clip.clip, args.paths);
    }
    if (ok !== true) {
      fail(
        "MATTES_REFUSED",
        `Resolve refused ${args.action} on "${clip.name}"`,
        "Check the files are images or movies of the clip's size; stereo_eye only applies to stereo clips.",
      );
    }
    const after = await resolve.call(mediaPool, "GetClipMatteList", clip.clip);
    const list = (Array.isArray(after) ? after : []).map(String);
    return {
      summary: `${args.action} done on "${clip.name}": ${list.length} matte(s) attached.`,
      data: { action: args.action, clip_mattes: list, timeline_mattes: [] },
    };
  },
});

// -- bins ---------------------------------------------------------------------------------

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

const BIN_WALK_METHODS = [
  "Folder.GetName",
  "Folder.GetUniqueId",
  "Folder.GetIsFolderStale",
  "Folder.GetClipList",
  "Folder.GetSubFolderList",
];

const listBins = defineTool({
  name: "list_bins",
  title: "List bins",
  description:
    "Lists the media pool's bins as a depth-first tree (paths, ids, clip counts, stale flags), and which bin is current. Paginated.",
  toolset: "media",
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

const createBin = defineTool({
  name: "create_bin",
  title: "Create bin",
  description:
    "Creates a bin (and any missing parent bins) from a path like 'Dailies/Day 1'. Existing bins on the path are reused, so calling it again is harmless. Optionally makes the bin current, so imports go there.",
  toolset: "media",
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

const setCurrentBin = defineTool({
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

const moveBins = defineTool({
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

const deleteBins = defineTool({
  name: "delete_bins",
  title: "Delete bins",
  description:
    "Deletes bins with everything in them (clips, timelines, sub-bins) from the media pool. Needs confirmation. The root bin cannot be deleted.",
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
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.DeleteFolders",
    ...BIN_WALK_METHODS,
  ],
  async handler(args, { resolve, confirm }) {
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
      data: { deleted: targets.map((b) => b.path), clips_deleted: clipCount },
    };
  },
});

const exportBin = defineTool({
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

const importBin = defineTool({
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

const refreshBins = defineTool({
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

// -- clips --------------------------------------------------------------------------------

const LIST_FIELDS: [string, unknown[]?][] = [
  ["GetName"],
  ["GetUniqueId"],
  ["GetMediaId"],
  ["GetClipProperty", ["File Path"]],
  ["GetClipProperty", ["Type"]],
  ["GetClipProperty", ["Frames"]],
  ["GetClipProperty", ["FPS"]],
  ["GetClipProperty", ["Resolution"]],
  ["GetClipProperty", ["Duration"]],
  ["GetClipProperty", ["Start TC"]],
  ["GetClipColor"],
  ["GetFlagList"],
];

const listedClipSchema = clipSchema.extend({
  media_id: z.string().describe("The clip's media id (MediaPoolItem.GetMediaId)."),
  bin: z.string().describe("Path of the bin holding the clip."),
  start_tc: z.string().describe("Source start timecode."),
  clip_color: z.string().describe("Clip colour, empty if none."),
  flags: z.array(z.string()).describe("Flag colours."),
});

const listClips = defineTool({
  name: "list_clips",
  title: "List clips",
  description:
    "Lists media pool clips with their key properties (id, media id, path, type, frames, fps, resolution, duration, start timecode, colour, flags): of one bin, of a bin and its sub-bins, or of the whole pool. Paginated; filter by name.",
  toolset: "media",
  readOnly: true,
  input: () => ({
    bin: binRefInput("List this bin's clips").optional().describe(
      "Bin path like 'Master/Dailies' or a bin id. Omit to list the whole pool.",
    ),
    recursive: z.boolean().optional().describe(
      "With bin: include its sub-bins. Default: false (the whole pool is always listed recursively).",
    ),
    name_contains: z.string().min(1).max(255).optional().describe(
      "Only clips whose name contains this text (case-insensitive). Omit for all.",
    ),
    ...pageInput,
  }),
  output: () => ({
    clips: z.array(listedClipSchema).describe("This page of clips."),
    ...pageOutput,
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetMediaId",
    "MediaPoolItem.GetClipProperty",
    "MediaPoolItem.GetClipColor",
    "MediaPoolItem.GetFlagList",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const all = await walkBins(resolve, mediaPool);
    let bins = all;
    if (args.bin) {
      const start = all.find((b) => matchesBin(b, args.bin!, all[0].name)) ??
        fail(
          "BIN_NOT_FOUND",
          `no bin with id or path "${args.bin}"`,
          `Bins: ${someNames(all.map((b) => b.path))}.`,
        );
      bins = args.recursive
        ? all.filter((b) => b === start || b.path.startsWith(`${start.path}/`))
        : [start];
    }
    let entries = bins.flatMap((b) => b.clips.map((clip) => ({ clip, bin: b.path })));
    if (args.name_contains) {
      const needle = args.name_contains.toLowerCase();
      const names = await resolve.map(entries.map((e) => e.clip), [["GetName"]]);
      entries = entries.filter((_, i) => String(names[i][0]).toLowerCase().includes(needle));
    }
    const page = pageWindow(entries.length, args.cursor, args.limit);
    const slice = entries.slice(page.offset, page.end);
    const rows = await resolve.map(slice.map((e) => e.clip), LIST_FIELDS);
    const clips = rows.map((
      [n, id, mid, path, type, frames, fps, res, dur, tc, color, flags],
      i,
    ) => ({
      name: String(n),
      id: String(id),
      media_id: String(mid ?? ""),
      bin: slice[i].bin,
      path: String(path ?? ""),
      type: String(type ?? ""),
      frames: Number(frames) || 0,
      fps: Number(fps) || 0,
      resolution: String(res ?? ""),
      duration: String(dur ?? ""),
      start_tc: String(tc ?? ""),
      clip_color: String(color ?? ""),
      flags: Array.isArray(flags) ? flags.map(String) : [],
    }));
    return {
      summary: `${page.total} clip(s)${
        args.bin ? ` in "${bins[0].path}"` : " in the pool"
      }; showing ${clips.length}.`,
      data: { clips, total: page.total, next_cursor: page.next_cursor },
    };
  },
});

const getClipInfo = defineTool({
  name: "get_clip_info",
  title: "Get clip details",
  description:
    "Everything about one media pool clip: all clip properties, metadata, third-party metadata, colour, flags, markers, mark in/out, audio mapping, proxy, mattes, and the timeline it stands for (timeline clips).",
  toolset: "media",
  readOnly: true,
  input: () => ({ clip: clipRefInput }),
  output: () => ({
    name: z.string().describe("Clip name."),
    id: z.string().describe("Unique id."),
    media_id: z.string().describe("Media id."),
    bin: z.string().describe("Bin path."),
    properties: z.record(z.string(), z.unknown()).describe(
      "All clip properties (Clip Attributes), e.g. 'File Path', 'FPS', 'Start TC'.",
    ),
    metadata: z.record(z.string(), z.unknown()).describe("Metadata fields that are set."),
    third_party_metadata: z.record(z.string(), z.unknown()).describe(
      "Third-party metadata fields.",
    ),
    clip_color: z.string().describe("Clip colour, empty if none."),
    flags: z.array(z.string()).describe("Flag colours."),
    markers: z.array(markerSchema).describe("Clip markers (frames are offsets in the clip)."),
    mark_in_out: z.record(z.string(), z.unknown()).describe(
      "{video: {in, out}, audio: {in, out}}; keys absent when unset.",
    ),
    audio_mapping: z.unknown().describe("Audio channel mapping (parsed JSON), null if none."),
    clip_mattes: z.array(z.string()).describe("Matte files attached."),
    timeline: z.object({ name: z.string(), id: z.string() }).nullable().describe(
      "For a timeline clip, the timeline it represents; else null.",
    ),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetClipMatteList",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetMediaId",
    "MediaPoolItem.GetClipProperty",
    "MediaPoolItem.GetMetadata",
    "MediaPoolItem.GetThirdPartyMetadata",
    "MediaPoolItem.GetClipColor",
    "MediaPoolItem.GetFlagList",
    "MediaPoolItem.GetMarkers",
    "MediaPoolItem.GetMarkInOut",
    "MediaPoolItem.GetAudioMapping",
    "MediaPoolItem.GetTimeline",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const h = clip.clip;
    const r = await resolve.batch([
      call(h, "GetMediaId"),
      call(h, "GetClipProperty"),
      call(h, "GetMetadata"),
      call(h, "GetThirdPartyMetadata"),
      call(h, "GetClipColor"),
      call(h, "GetFlagList"),
      call(h, "GetMarkers"),
      call(h, "GetMarkInOut"),
      call(h, "GetAudioMapping"),
      call(mediaPool, "GetClipMatteList", clip.clip),
      call(h, "GetTimeline"),
      call(ref(10), "GetName"),
      call(ref(10), "GetUniqueId"),
    ]);
    const dict = (v: unknown) =>
      (v && typeof v === "object" && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
    let mapping: unknown = null;
    if (typeof r[8] === "string" && r[8]) {
      try {
        mapping = JSON.parse(r[8]);
      } catch {
        mapping = r[8];
      }
    }
    return {
      summary: `Clip "${clip.name}" in ${clip.bin}.`,
      data: {
        name: clip.name,
        id: clip.id,
        media_id: String(r[0] ?? ""),
        bin: clip.bin,
        properties: dict(r[1]),
        metadata: dict(r[2]),
        third_party_metadata: dict(r[3]),
        clip_color: String(r[4] ?? ""),
        flags: Array.isArray(r[5]) ? r[5].map(String) : [],
        markers: markerList(r[6]),
        mark_in_out: dict(r[7]),
        audio_mapping: mapping,
        clip_mattes: Array.isArray(r[9]) ? r[9].map(String) : [],
        timeline: isHandle(r[10]) ? { name: String(r[11]), id: String(r[12]) } : null,
      },
    };
  },
});

const valueInput = z.union([z.string().max(10_000), z.number(), z.boolean()]);

const setClipProperties = defineTool({
  name: "set_clip_properties",
  title: "Set clip properties and metadata",
  description:
    "Changes one clip: rename it, set clip properties (Clip Attributes such as 'Reel Name', 'Start TC', 'Input LUT', 'PAR', 'Super Scale'), metadata fields ('Description', 'Scene', 'Shot', 'Take', 'Comments'...) and third-party metadata. get_clip_info shows the current values. Fails naming the keys Resolve refused (read-only or invalid values); the others are applied.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clip: clipRefInput,
    name: z.string().trim().min(1).max(255).regex(NO_CONTROL, "must not contain control characters")
      .optional().describe("New clip name (EDL and ALE exports carry it). Omit to keep it."),
    properties: z.record(z.string().max(100), valueInput).optional().describe(
      'Clip properties to set, e.g. {"Reel Name": "A001", "Start TC": "10:00:00:00"}. Values are sent as strings (numbers for \'Super Scale\').',
    ),
    metadata: z.record(z.string().max(100), z.string().max(10_000)).optional().describe(
      'Metadata fields to set, e.g. {"Scene": "12", "Take": "3", "Description": "wide"}.',
    ),
    third_party_metadata: z.record(z.string().max(100), z.string().max(10_000)).optional().describe(
      "Third-party metadata fields to set or add (free keys, for other tools' data).",
    ),
  }),
  output: () => ({
    name: z.string().describe("The clip's name afterwards."),
    id: z.string().describe("The clip's id."),
    applied: z.array(z.string()).describe(
      "Keys applied (with 'name', 'properties.X', 'metadata.X', 'third_party_metadata.X').",
    ),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.SetName",
    "MediaPoolItem.SetClipProperty",
    "MediaPoolItem.SetMetadata",
    "MediaPoolItem.SetThirdPartyMetadata",
  ],
  async handler(args, { resolve }) {
    const props = Object.entries(args.properties ?? {});
    const meta = Object.entries(args.metadata ?? {});
    const third = Object.entries(args.third_party_metadata ?? {});
    if (!args.name && !props.length && !meta.length && !third.length) {
      fail(
        "INVALID_ARGUMENTS",
        "nothing to change",
        "Give name, properties, metadata or third_party_metadata.",
      );
    }
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const c = clip.clip;
    const calls: { key: string; step: BatchCall }[] = [];
    if (args.name) calls.push({ key: "name", step: call(c, "SetName", args.name) });
    for (const [k, v] of props) {
      calls.push({
        key: `properties.${k}`,
        step: call(c, "SetClipProperty", k, typeof v === "number" ? v : String(v)),
      });
    }
    for (const [k, v] of meta) {
      calls.push({ key: `metadata.${k}`, step: call(c, "SetMetadata", k, v) });
    }
    for (const [k, v] of third) {
      calls.push({
        key: `third_party_metadata.${k}`,
        step: call(c, "SetThirdPartyMetadata", k, v),
      });
    }
    const results = await resolve.batch([...calls.map((x) => x.step), call(c, "GetName")]);
    const applied = calls.filter((_, i) => results[i] === true).map((c) => c.key);
    const refused = calls.filter((_, i) => results[i] !== true).map((c) => c.key);
    if (refused.length) {
      fail(
        "PROPERTY_REFUSED",
        `Resolve refused ${refused.join(", ")} on "${clip.name}"${
          applied.length ? `; applied ${applied.join(", ")}` : ""
        }`,
        "The key may be read-only or misspelled, or the value invalid; get_clip_info shows the keys and current values.",
      );
    }
    return {
      summary: `Updated "${results[results.length - 1]}": ${applied.join(", ")}.`,
      data: { name: String(results[results.length - 1]), id: clip.id, applied },
    };
  },
});

const tagClips = defineTool({
  name: "tag_clips",
  title: "Set clip colours and flags",
  description:
    "Sets or clears the clip colour and adds or removes flags on one or more clips. Give at least one of clip_color, add_flags, remove_flags.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clips: clipsInput("Clips to tag"),
    clip_color: z.enum([...CLIP_COLORS, "None"]).optional().describe(
      "Clip colour to set; 'None' clears it. Omit to leave it.",
    ),
    add_flags: z.array(z.enum(MARKER_COLORS)).max(16).optional().describe("Flag colours to add."),
    remove_flags: z.array(z.enum([...MARKER_COLORS, "All"])).max(17).optional().describe(
      "Flag colours to remove; 'All' removes every flag.",
    ),
  }),
  output: () => ({
    clips: z.array(z.object({
      id: z.string(),
      name: z.string(),
      clip_color: z.string().describe("Colour afterwards, empty if none."),
      flags: z.array(z.string()).describe("Flags afterwards."),
    })).describe("The clips afterwards."),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.SetClipColor",
    "MediaPoolItem.ClearClipColor",
    "MediaPoolItem.GetClipColor",
    "MediaPoolItem.AddFlag",
    "MediaPoolItem.ClearFlags",
    "MediaPoolItem.GetFlagList",
  ],
  async handler(args, { resolve }) {
    if (!args.clip_color && !args.add_flags?.length && !args.remove_flags?.length) {
      fail("INVALID_ARGUMENTS", "nothing to change", "Give clip_color, add_flags or remove_flags.");
    }
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const calls = clips.flatMap(({ clip }) => [
      ...(args.remove_flags ?? []).map((c) => call(clip, "ClearFlags", c)),
      ...(args.add_flags ?? []).map((c) => call(clip, "AddFlag", c)),
      ...(args.clip_color === "None"
        ? [call(clip, "ClearClipColor")]
        : args.clip_color
        ? [call(clip, "SetClipColor", args.clip_color)]
        : []),
    ]);
    const results = await resolve.batch(calls);
    const bad = calls.filter((_, i) => results[i] !== true);
    if (bad.length) {
      fail(
        "TAG_REFUSED",
        `Resolve refused ${bad.length} change(s): ${
          bad.slice(0, 5).map((c) => `${c.m}(${(c.a ?? []).join(",")})`).join(", ")
        }`,
        "Generators and titles may not take colours; check the colour names.",
      );
    }
    const rows = await resolve.map(clips.map((c) => c.clip), [["GetClipColor"], ["GetFlagList"]]);
    return {
      summary: `Tagged ${clips.length} clip(s).`,
      data: {
        clips: clips.map((c, i) => ({
          id: c.id,
          name: c.name,
          clip_color: String(rows[i][0] ?? ""),
          flags: Array.isArray(rows[i][1]) ? (rows[i][1] as unknown[]).map(String) : [],
        })),
      },
    };
  },
});

const markTypeInput = z.enum(["all", "video", "audio"]).optional().describe(
  "Which marks: 'video', 'audio' or 'all' (both). Default: 'all'.",
);

const setClipMarks = defineTool({
  name: "set_clip_marks",
  title: "Set clip mark in/out",
  description:
    "Sets or clears a clip's mark in and mark out (source frames, 0 = first frame of the clip). Appending a marked clip to a timeline uses just the marked range (a subclip).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clip: clipRefInput,
    action: z.enum(["set", "clear"]).describe("'set' the marks, or 'clear' them."),
    mark_in: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark-in source frame.",
    ),
    mark_out: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark-out source frame (inclusive).",
    ),
    type: markTypeInput,
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    mark_in_out: z.record(z.string(), z.unknown()).describe(
      "Marks afterwards: {video: {in, out}, audio: {in, out}}.",
    ),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
    "MediaPoolItem.SetMarkInOut",
    "MediaPoolItem.ClearMarkInOut",
    "MediaPoolItem.GetMarkInOut",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const type = args.type ?? "all";
    let ok: unknown;
    if (args.action === "set") {
      if (args.mark_in === undefined || args.mark_out === undefined) {
        fail("INVALID_ARGUMENTS", "set needs mark_in and mark_out");
      }
      if (args.mark_out < args.mark_in) fail("INVALID_ARGUMENTS", "mark_out is before mark_in");
      const frames = Number(await resolve.call(clip.clip, "GetClipProperty", "Frames")) || 0;
      if (frames && args.mark_out >= frames) {
        fail(
          "OUT_OF_RANGE",
          `mark_out ${args.mark_out} is past the clip's last frame ${frames - 1}`,
          "Use source frames 0 to frames-1.",
        );
      }
      ok = await resolve.call(clip.clip, "SetMarkInOut", args.mark_in, args.mark_out, type);
    } else {
      ok = await resolve.call(clip.clip, "ClearMarkInOut", type);
    }
    if (ok !== true) {
      fail(
        "MARKS_REFUSED",
        `Resolve refused to ${args.action} the marks of "${clip.name}"`,
        "Audio marks need a clip with audio, video marks one with video.",
      );
    }
    const marks = await resolve.call(clip.clip, "GetMarkInOut");
    return {
      summary: `${args.action === "set" ? "Set" : "Cleared"} ${type} marks of "${clip.name}".`,
      data: {
        clip: clip.name,
        mark_in_out: (marks && typeof marks === "object" ? marks : {}) as Record<string, unknown>,
      },
    };
  },
});

const listClipMarkers = defineTool({
  name: "list_clip_markers",
  title: "List clip markers",
  description:
    "Lists a clip's markers (frames are offsets in the clip), optionally only those of one colour, the one at a frame, or the first one whose custom data matches.",
  toolset: "media",
  readOnly: true,
  input: () => ({
    clip: clipRefInput,
    color: z.enum(MARKER_COLORS).optional().describe("Only markers of this colour."),
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Only the marker at this clip frame.",
    ),
    custom_data: z.string().min(1).max(10_000).optional().describe(
      "Only the first marker with exactly this custom data.",
    ),
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    markers: z.array(markerSchema).describe("Matching markers."),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetMarkers",
    "MediaPoolItem.GetMarkerByCustomData",
    "MediaPoolItem.GetMarkerCustomData",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const [raw, byData, atFrame] = await resolve.batch([
      call(clip.clip, "GetMarkers"),
      ...(args.custom_data !== undefined
        ? [call(clip.clip, "GetMarkerByCustomData", args.custom_data)]
        : [call(clip.clip, "GetName")]),
      ...(args.frame !== undefined ? [call(clip.clip, "GetMarkerCustomData", args.frame)] : []),
    ]);
    let markers = markerList(raw);
    if (args.custom_data !== undefined) {
      const info = byData as Record<string, unknown> | null;
      markers = info && Object.keys(info).length
        ? markers.filter((m) => m.custom_data === String(info.customData ?? args.custom_data))
          .slice(0, 1)
        : [];
    }
    if (args.frame !== undefined) {
      markers = markers.filter((m) => m.frame === args.frame);
      if (markers[0] && typeof atFrame === "string") markers[0].custom_data = atFrame;
    }
    if (args.color) markers = markers.filter((m) => m.color === args.color);
    return {
      summary: `${markers.length} marker(s) on "${clip.name}".`,
      data: { clip: clip.name, markers },
    };
  },
});

const editClipMarkers = defineTool({
  name: "edit_clip_markers",
  title: "Add, update or delete clip markers",
  description:
    "Changes a clip's markers (frames are offsets in the clip, 0 = first frame): 'add' a marker, 'update_custom_data' of the marker at a frame, or delete markers 'at_frame', 'by_custom_data' (first match), 'by_color' or 'all'. Deleting by colour or all needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({
    clip: clipRefInput,
    action: z.enum([
      "add",
      "update_custom_data",
      "delete_at_frame",
      "delete_by_custom_data",
      "delete_by_color",
      "delete_all",
    ])
      .describe("What to do."),
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Clip frame (add, update_custom_data, delete_at_frame).",
    ),
    color: z.enum(MARKER_COLORS).optional().describe("Marker colour (add, delete_by_color)."),
    name: markerNameInput("add: marker name, one line. Default: empty."),
    note: markerNoteInput("add: marker note. Default: empty."),
    duration: z.number().int().min(1).max(10_000_000).optional().describe(
      "add: length in frames. Default: 1.",
    ),
    custom_data: z.string().max(10_000).optional().describe(
      "add/update_custom_data: the custom data to store; delete_by_custom_data: the custom data to match.",
    ),
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    markers: z.array(markerSchema).describe("The clip's markers afterwards."),
  }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetMarkers",
    "MediaPoolItem.AddMarker",
    "MediaPoolItem.UpdateMarkerCustomData",
    "MediaPoolItem.DeleteMarkerAtFrame",
    "MediaPoolItem.DeleteMarkerByCustomData",
    "MediaPoolItem.DeleteMarkersByColor",
  ],
  async handler(args, { resolve, confirm }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const before = markerList(await resolve.call(clip.clip, "GetMarkers"));
    const need = (field: "frame" | "color" | "custom_data") => {
      if (args[field] === undefined) fail("INVALID_ARGUMENTS", `${args.action} needs ${field}`);
    };
    let op: [string, unknown[]];
    switch (args.action) {
      case "add":
        need("frame");
        need("color");
        if (before.some((m) => m.frame === args.frame)) {
          fail(
            "MARKER_EXISTS",
            `frame ${args.frame} of "${clip.name}" already has a marker`,
            "Choose another frame or delete it first.",
          );
        }
        op = ["AddMarker", [
          args.frame,
          args.color,
          args.name ?? "",
          args.note ?? "",
          args.duration ?? 1,
          args.custom_data ?? "",
        ]];
        break;
      case "update_custom_data":
        need("frame");
        need("custom_data");
        if (!before.some((m) => m.frame === args.frame)) {
          fail(
            "MARKER_NOT_FOUND",
            `no marker at frame ${args.frame} of "${clip.name}"`,
            "list_clip_markers shows the markers.",
          );
        }
        op = ["UpdateMarkerCustomData", [args.frame, args.custom_data]];
        break;
      case "delete_at_frame":
        need("frame");
        if (!before.some((m) => m.frame === args.frame)) {
          fail(
            "MARKER_NOT_FOUND",
            `no marker at frame ${args.frame} of "${clip.name}"`,
            "list_clip_markers shows the markers.",
          );
        }
        op = ["DeleteMarkerAtFrame", [args.frame]];
        break;
      case "delete_by_custom_data":
        need("custom_data");
        if (!before.some((m) => m.custom_data === args.custom_data)) {
          fail(
            "MARKER_NOT_FOUND",
            `no marker with custom data "${args.custom_data}"`,
            "list_clip_markers shows the markers.",
          );
        }
        op = ["DeleteMarkerByCustomData", [args.custom_data]];
        break;
      case "delete_by_color": {
        need("color");
        const n = before.filter((m) => m.color === args.color).length;
        await confirm(`Delete ${n} ${args.color} marker(s) of "${clip.name}"?`);
        op = ["DeleteMarkersByColor", [args.color]];
        break;
      }
      default:
        await confirm(`Delete all ${before.length} marker(s) of "${clip.name}"?`);
        op = ["DeleteMarkersByColor", ["All"]];
    }
    const [ok, after] = await resolve.batch([
      call(clip.clip, op[0], ...op[1]),
      call(clip.clip, "GetMarkers"),
    ]);
    if (ok !== true) {
      fail(
        "MARKER_REFUSED",
        `Resolve refused ${args.action} on "${clip.name}"`,
        "For add: the frame must lie inside the clip (and frame + duration too).",
      );
    }
    const markers = markerList(after);
    return {
      summary: `${args.action} done; "${clip.name}" has ${markers.length} marker(s).`,
      data: { clip: clip.name, markers },
    };
  },
});

const CLIP_FIND_METHODS = [
  "Project.GetMediaPool",
  "MediaPool.GetRootFolder",
  ...BIN_WALK_METHODS,
  "MediaPoolItem.GetName",
  "MediaPoolItem.GetUniqueId",
];

const linkProxy = defineTool({
  name: "link_proxy",
  title: "Link or unlink proxy media",
  description:
    "Proxy media of a clip: 'link_proxy' attaches a proxy file, 'unlink_proxy' detaches it (needs confirmation), 'link_full_resolution' links a proxy-only clip to its full-resolution media.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    clip: clipRefInput,
    action: z.enum(["link_proxy", "unlink_proxy", "link_full_resolution"]).describe("What to do."),
    path: z.string().min(1).max(4096).optional().describe(
      "Absolute path of the proxy file (link_proxy) or full-resolution file (link_full_resolution).",
    ),
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    proxy: z.string().describe(
      "The clip's 'Proxy' property afterwards (e.g. 'None' or a resolution).",
    ),
    proxy_path: z.string().describe("The clip's 'Proxy Media Path' afterwards (empty if none)."),
    file_path: z.string().describe("The clip's 'File Path' afterwards."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.LinkProxyMedia",
    "MediaPoolItem.UnlinkProxyMedia",
    "MediaPoolItem.LinkFullResolutionMedia",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve, paths, confirm }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    let ok: unknown;
    if (args.action === "unlink_proxy") {
      await confirm(`Unlink the proxy media of "${clip.name}"?`);
      ok = await resolve.call(clip.clip, "UnlinkProxyMedia");
    } else {
      if (!args.path) fail("INVALID_ARGUMENTS", `${args.action} needs path`);
      const [checked] = await paths.checkRead([args.path]);
      if (!checked.exists || checked.isDir) {
        fail(
          "FILE_NOT_FOUND",
          `${args.path} does not exist`,
          "Give the absolute path of a media file.",
        );
      }
      ok = await resolve.call(
        clip.clip,
        args.action === "link_proxy" ? "LinkProxyMedia" : "LinkFullResolutionMedia",
        checked.path,
      );
    }
    if (ok !== true) {
      fail(
        "PROXY_REFUSED",
        `Resolve refused ${args.action} on "${clip.name}"`,
        "The file must be the same shot (matching duration and frame rate); unlink_proxy needs a linked proxy.",
      );
    }
    const [proxy, proxyPath, filePath] = (await resolve.map([clip.clip], [
      ["GetClipProperty", ["Proxy"]],
      ["GetClipProperty", ["Proxy Media Path"]],
      ["GetClipProperty", ["File Path"]],
    ]))[0];
    return {
      summary: `${args.action} done on "${clip.name}".`,
      data: {
        clip: clip.name,
        proxy: String(proxy ?? ""),
        proxy_path: String(proxyPath ?? ""),
        file_path: String(filePath ?? ""),
      },
    };
  },
});

const clipStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string().describe("'File Path' afterwards."),
  online: z.string().describe("'Online Status' afterwards (e.g. 'Online', 'Offline')."),
});

async function clipStatus(resolve: ResolveSession, clips: ClipEntry[]) {
  const rows = await resolve.map(clips.map((c) => c.clip), [
    ["GetClipProperty", ["File Path"]],
    ["GetClipProperty", ["Online Status"]],
  ]);
  return clips.map((c, i) => ({
    id: c.id,
    name: c.name,
    path: String(rows[i][0] ?? ""),
    online: String(rows[i][1] ?? ""),
  }));
}

const relinkClips = defineTool({
  name: "relink_clips",
  title: "Relink clips",
  description:
    "Relinks clips to media files found in a folder (searched by file name), e.g. after media moved to another drive.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  openWorld: true,
  input: () => ({
    clips: clipsInput("Clips to relink"),
    folder: z.string().min(1).max(4096).describe("Absolute path of the folder holding the media."),
  }),
  output: () => ({ clips: z.array(clipStatusSchema).describe("The clips afterwards.") }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.RelinkClips", "MediaPoolItem.GetClipProperty"],
  async handler(args, { resolve, paths }) {
    const [checked] = await paths.checkRead([args.folder]);
    if (!checked.exists || !checked.isDir) {
      fail("FOLDER_NOT_FOUND", `${args.folder} is not an existing folder`);
    }
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const ok = await resolve.call(mediaPool, "RelinkClips", clips.map((c) => c.clip), checked.path);
    if (ok !== true) {
      fail(
        "RELINK_FAILED",
        `Resolve found no matching media in ${checked.path}`,
        "The folder must hold files with the clips' file names.",
      );
    }
    return {
      summary: `Relinked ${clips.length} clip(s) to ${checked.path}.`,
      data: { clips: await clipStatus(resolve, clips) },
    };
  },
});

const unlinkClips = defineTool({
  name: "unlink_clips",
  title: "Unlink clips (make offline)",
  description:
    "Unlinks clips from their media so they go offline (relink_clips links them again). Needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({ clips: clipsInput("Clips to unlink") }),
  output: () => ({ clips: z.array(clipStatusSchema).describe("The clips afterwards.") }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.UnlinkClips", "MediaPoolItem.GetClipProperty"],
  async handler(args, { resolve, confirm }) {
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    await confirm(
      `Unlink ${clips.length} clip(s) from their media (${
        someNames(clips.map((c) => c.name), 5)
      })?`,
    );
    const ok = await resolve.call(mediaPool, "UnlinkClips", clips.map((c) => c.clip));
    if (ok !== true) {
      fail(
        "UNLINK_REFUSED",
        "Resolve refused to unlink the clips",
        "Timelines and generators cannot be unlinked.",
      );
    }
    return {
      summary: `Unlinked ${clips.length} clip(s).`,
      data: { clips: await clipStatus(resolve, clips) },
    };
  },
});

const replaceClip = defineTool({
  name: "replace_clip",
  title: "Replace clip media",
  description:
    "Replaces a clip's media with another file (its metadata is replaced too). keep_subclip_range keeps a subclip's extents (video/audio clips). Needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    clip: clipRefInput,
    path: z.string().min(1).max(4096).describe("Absolute path of the new media file."),
    keep_subclip_range: z.boolean().optional().describe(
      "Keep the clip's subclip range. Default: false.",
    ),
  }),
  output: () => ({ clip: clipStatusSchema }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.ReplaceClip",
    "MediaPoolItem.ReplaceClipPreserveSubClip",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve, paths, confirm }) {
    const [checked] = await paths.checkRead([args.path]);
    if (!checked.exists || checked.isDir) fail("FILE_NOT_FOUND", `${args.path} does not exist`);
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    await confirm(`Replace the media of "${clip.name}" with ${checked.path}?`);
    const ok = await resolve.call(
      clip.clip,
      args.keep_subclip_range ? "ReplaceClipPreserveSubClip" : "ReplaceClip",
      checked.path,
    );
    if (ok !== true) {
      fail(
        "REPLACE_REFUSED",
        `Resolve refused to replace "${clip.name}"`,
        "The new file must be media Resolve reads (keep_subclip_range: of the same kind and long enough).",
      );
    }
    const [status] = await clipStatus(resolve, [clip]);
    return { summary: `Replaced the media of "${clip.name}".`, data: { clip: status } };
  },
});

const deleteClips = defineTool({
  name: "delete_clips",
  title: "Delete clips",
  description:
    "Deletes clips (or timeline mattes) from the media pool; their items disappear from timelines. Media files stay on disk. Needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({ clips: clipsInput("Clips to delete") }),
  output: () => ({
    deleted: z.array(z.object({ id: z.string(), name: z.string(), bin: z.string() })).describe(
      "The deleted clips.",
    ),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.DeleteClips"],
  async handler(args, { resolve, confirm }) {
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const unique = [...new Map(clips.map((c) => [c.id, c])).values()];
    await confirm(
      `Delete ${unique.length} clip(s) from the media pool (${
        someNames(unique.map((c) => c.name), 5)
      })?`,
    );
    const ok = await resolve.call(mediaPool, "DeleteClips", unique.map((c) => c.clip));
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        "Resolve refused to delete the clips",
        "In collaboration projects the bin may be locked.",
      );
    }
    return {
      summary: `Deleted ${unique.length} clip(s).`,
      data: { deleted: unique.map((c) => ({ id: c.id, name: c.name, bin: c.bin })) },
    };
  },
});

const moveClips = defineTool({
  name: "move_clips",
  title: "Move clips",
  description: "Moves clips to another bin (created if missing).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clips: clipsInput("Clips to move"),
    bin: z.string().min(1).max(1024).describe(
      "Target bin path, e.g. 'Selects' or 'Master/Selects/Day 1'; created if missing.",
    ),
  }),
  output: () => ({
    bin: z.string().describe("Path of the target bin."),
    created_bins: z.array(z.string()).describe("Bins created on the way."),
    moved: z.array(z.object({ id: z.string(), name: z.string() })).describe("The moved clips."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.AddSubFolder", "MediaPool.MoveClips"],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const { bin, created } = await findBin(resolve, mediaPool, args.bin, true);
    const ok = await resolve.call(mediaPool, "MoveClips", clips.map((c) => c.clip), bin);
    if (ok !== true) {
      fail(
        "MOVE_REFUSED",
        "Resolve refused to move the clips",
        "In collaboration projects the bin may be locked.",
      );
    }
    const [id] = (await resolve.map([bin], [["GetUniqueId"]]))[0];
    const path = (await walkBins(resolve, mediaPool)).find((b) => b.id === id)?.path ?? args.bin;
    return {
      summary: `Moved ${clips.length} clip(s) to "${path}".`,
      data: {
        bin: path,
        created_bins: created,
        moved: clips.map((c) => ({ id: c.id, name: c.name })),
      },
    };
  },
});

const syncAudio = defineTool({
  name: "sync_audio",
  title: "Auto-sync audio",
  description:
    "Syncs video clips with separately recorded audio clips by timecode or waveform (Resolve's Auto Sync Audio). Give at least one video and one audio clip.",
  toolset: "media",
  readOnly: false,
  input: () => ({
    clips: clipsInput("Video and audio clips to sync (at least 2: one video, one audio)").min(2),
    mode: z.enum(["timecode", "waveform"]).optional().describe(
      "Sync by 'timecode' or 'waveform'. Default: timecode.",
    ),
    channel: z.union([z.enum(["automatic", "mix"]), z.number().int().min(1).max(64)]).optional()
      .describe(
        "Waveform mode: audio channel to compare: 'automatic', 'mix', or a channel number (1..channels of the audio clip). Default: 1.",
      ),
    retain_embedded_audio: z.boolean().optional().describe(
      "Keep the video clips' own audio. Default: false.",
    ),
    retain_video_metadata: z.boolean().optional().describe(
      "Keep the video clips' metadata instead of taking the audio's. Default: false.",
    ),
  }),
  output: () => ({
    clips: z.array(z.object({
      id: z.string(),
      name: z.string(),
      type: z.string().describe("Clip type afterwards (synced video becomes 'Video + Audio')."),
      synced_audio: z.string().describe("'Synced Audio' property afterwards."),
    })).describe("The clips afterwards."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.AutoSyncAudio", "MediaPoolItem.GetClipProperty"],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const settings: [unknown, unknown][] = [];
    if (args.mode) {
      settings.push([
        constant("AUDIO_SYNC_MODE"),
        constant(args.mode === "waveform" ? "AUDIO_SYNC_WAVEFORM" : "AUDIO_SYNC_TIMECODE"),
      ]);
    }
    if (args.channel !== undefined) {
      settings.push([
        constant("AUDIO_SYNC_CHANNEL_NUMBER"),
        args.channel === "automatic"
          ? constant("AUDIO_SYNC_CHANNEL_AUTOMATIC")
          : args.channel === "mix"
          ? constant("AUDIO_SYNC_CHANNEL_MIX")
          : args.channel,
      ]);
    }
    if (args.retain_embedded_audio !== undefined) {
      settings.push([constant("AUDIO_SYNC_RETAIN_EMBEDDED_AUDIO"), args.retain_embedded_audio]);
    }
    if (args.retain_video_metadata !== undefined) {
      settings.push([constant("AUDIO_SYNC_RETAIN_VIDEO_METADATA"), args.retain_video_metadata]);
    }
    const ok = await resolve.call(
      mediaPool,
      "AutoSyncAudio",
      clips.map((c) => c.clip),
      dictOf(settings),
    );
    if (ok !== true) {
      fail(
        "SYNC_FAILED",
        "Resolve could not sync the clips",
        "Give at least one video and one audio clip; timecode mode needs matching timecode, and channel must not exceed the audio clip's channels.",
      );
    }
    const rows = await resolve.map(clips.map((c) => c.clip), [["GetClipProperty", ["Type"]], [
      "GetClipProperty",
      ["Synced Audio"],
    ]]);
    return {
      summary: `Synced ${clips.length} clip(s).`,
      data: {
        clips: clips.map((c, i) => ({
          id: c.id,
          name: c.name,
          type: String(rows[i][0] ?? ""),
          synced_audio: String(rows[i][1] ?? ""),
        })),
      },
    };
  },
});

/** The bin or the clips an analysis tool works on. */
async function analysisTargets(
  resolve: ResolveSession,
  mediaPool: Handle,
  args: { bin?: string; clips?: string[] },
): Promise<{ label: string; handle: Handle }[]> {
  if ((args.bin === undefined) === (args.clips === undefined)) {
    fail(
      "INVALID_ARGUMENTS",
      "give bin or clips, not both",
      "bin works on every clip in it and its sub-bins.",
    );
  }
  if (args.bin) {
    const bin = await findBinRef(resolve, mediaPool, args.bin);
    return [{ label: `bin "${bin.path}"`, handle: bin.bin }];
  }
  const clips = await findClips(resolve, mediaPool, args.clips!);
  return clips.map((c) => ({ label: `"${c.name}"`, handle: c.clip }));
}

const targetInputs = {
  bin: binRefInput("Work on every clip of this bin and its sub-bins").optional().describe(
    "A bin path or id: every clip in it and its sub-bins. Give bin or clips.",
  ),
  clips: clipsInput("Work on these clips").optional().describe(
    "Clip ids, bin paths or unique names (1-500). Give bin or clips.",
  ),
};

const analyzeClips = defineTool({
  name: "analyze_clips",
  title: "Analyze clips (transcription, audio classification, IntelliSearch, slates)",
  description:
    "Runs Resolve's analysis on a bin (recursive) or on clips: 'transcribe' audio, 'classify_audio' (categories), 'intellisearch' (object/face indexing), 'detect_slates' (marks slates with a marker). These are Studio/AI features: without Studio or the AI Extras download, Resolve refuses (AI_FEATURE_REFUSED).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    action: z.enum(["transcribe", "classify_audio", "intellisearch", "detect_slates"]).describe(
      "The analysis to run.",
    ),
    ...targetInputs,
    speaker_detection: z.boolean().optional().describe(
      "transcribe: detect speakers. Omit for the project's setting.",
    ),
    identify_faces: z.boolean().optional().describe(
      "intellisearch: also identify faces. Default: false.",
    ),
    better_model: z.boolean().optional().describe(
      "intellisearch: the slower 'Better' model instead of 'Faster'. Default: false.",
    ),
    slate_marker_color: z.enum(MARKER_COLORS).optional().describe(
      "detect_slates: colour of the marker put on slates. Default: Blue.",
    ),
  }),
  output: () => ({
    action: z.string().describe("The analysis run."),
    targets: z.array(z.string()).describe("What was analysed."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "Folder.TranscribeAudio",
    "Folder.PerformAudioClassification",
    "Folder.AnalyzeForIntellisearch",
    "Folder.AnalyzeForSlate",
    "MediaPoolItem.TranscribeAudio",
    "MediaPoolItem.PerformAudioClassification",
    "MediaPoolItem.AnalyzeForIntellisearch",
    "MediaPoolItem.AnalyzeForSlate",
  ],
  async handler(args, { resolve, progress, signal }) {
    const { mediaPool } = await poolOf(resolve);
    const targets = await analysisTargets(resolve, mediaPool, args);
    const call: [string, unknown[]] = args.action === "transcribe"
      ? ["TranscribeAudio", args.speaker_detection === undefined ? [] : [args.speaker_detection]]
      : args.action === "classify_audio"
      ? ["PerformAudioClassification", []]
      : args.action === "intellisearch"
      ? ["AnalyzeForIntellisearch", [args.identify_faces ?? false, args.better_model ?? false]]
      : ["AnalyzeForSlate", [
        constant(`MARKER_${(args.slate_marker_color ?? "Blue").toUpperCase()}`),
      ]];
    for (let i = 0; i < targets.length; i++) {
      if (signal.aborted) fail("CANCELLED", `stopped after ${i} of ${targets.length} target(s)`);
      const result = await resolve.call(targets[i].handle, call[0], ...call[1]);
      aiResult(result, `${args.action} on ${targets[i].label}`);
      await progress(i + 1, targets.length, `${args.action}: ${targets[i].label}`);
    }
    return {
      summary: `${args.action} done on ${targets.length} target(s).`,
      data: { action: args.action, targets: targets.map((t) => t.label) },
    };
  },
});

const clearClipAnalysis = defineTool({
  name: "clear_clip_analysis",
  title: "Clear transcription or audio classification",
  description:
    "Removes transcriptions ('transcription') or audio classification ('audio_classification') from a bin (recursive) or from clips. Needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({
    what: z.enum(["transcription", "audio_classification"]).describe("Which analysis to remove."),
    ...targetInputs,
  }),
  output: () => ({
    cleared: z.string().describe("What was removed."),
    targets: z.array(z.string()).describe("Where."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "Folder.ClearTranscription",
    "Folder.ClearAudioClassification",
    "MediaPoolItem.ClearTranscription",
    "MediaPoolItem.ClearAudioClassification",
  ],
  async handler(args, { resolve, confirm }) {
    const { mediaPool } = await poolOf(resolve);
    const targets = await analysisTargets(resolve, mediaPool, args);
    await confirm(
      `Remove the ${args.what.replace("_", " ")} of ${
        targets.map((t) => t.label).slice(0, 5).join(", ")
      }?`,
    );
    const method = args.what === "transcription"
      ? "ClearTranscription"
      : "ClearAudioClassification";
    const results = await resolve.batch(targets.map((t) => call(t.handle, method)));
    results.forEach((r, i) => aiResult(r, `clearing the ${args.what} of ${targets[i].label}`));
    return {
      summary: `Cleared ${args.what} on ${targets.length} target(s).`,
      data: { cleared: args.what, targets: targets.map((t) => t.label) },
    };
  },
});

const removeMotionBlur = defineTool({
  name: "remove_motion_blur",
  title: "Remove motion blur (AI)",
  description:
    "Creates motion-deblurred copies of clips (or of every video clip in a bin, recursive) as new media files next to the originals, added to the pool. Studio/AI feature.",
  toolset: "media",
  readOnly: false,
  openWorld: true,
  input: () => ({
    ...targetInputs,
    file_name: z.string().min(1).max(255).optional().describe(
      "Base name of the new file (single clip). Default: '<name>_deblur'.",
    ),
    format: z.enum(["mov", "mp4"]).optional().describe("Container of the new files. Default: mov."),
    codec: z.string().min(1).max(64).optional().describe(
      "Codec of the new files, e.g. 'ProRes422', 'H264'. Default: Resolve's.",
    ),
    extreme_mode: z.boolean().optional().describe("Stronger deblur. Default: false."),
    use_mark_in_out: z.boolean().optional().describe("Only the marked range. Default: false."),
    render_at_source_resolution: z.boolean().optional().describe(
      "Render at source resolution. Default: Resolve's.",
    ),
  }),
  output: () => ({
    created: z.array(z.object({
      original_id: z.string(),
      new_id: z.string(),
      new_name: z.string(),
      path: z.string(),
    })).describe("Original clip and its deblurred copy."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "Folder.RemoveMotionBlur",
    "MediaPoolItem.RemoveMotionBlur",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const targets = await analysisTargets(resolve, mediaPool, args);
    const options: Record<string, unknown> = {};
    if (args.file_name) checkFileName(args.file_name, "file_name"); // Resolve adds the folder
    if (args.file_name) options.FileName = args.file_name;
    if (args.format) options.Format = args.format;
    if (args.codec) options.Codec = args.codec;
    if (args.extreme_mode !== undefined) options.UseExtremeMode = args.extreme_mode;
    if (args.use_mark_in_out !== undefined) options.UseMarkInMarkOut = args.use_mark_in_out;
    if (args.render_at_source_resolution !== undefined) {
      options.RenderAtSourceRes = args.render_at_source_resolution;
    }
    const pairs: [Handle, Handle][] = [];
    for (const t of targets) {
      const result = await resolve.call(t.handle, "RemoveMotionBlur", options);
      if (args.bin) {
        const list = Array.isArray(result) ? result : [];
        if (!list.length) aiResult(false, `motion deblur of ${t.label}`);
        for (const p of list) {
          if (Array.isArray(p) && isHandle(p[0]) && isHandle(p[1])) pairs.push([p[0], p[1]]);
        }
      } else {
        if (!isHandle(result)) aiResult(result, `motion deblur of ${t.label}`);
        pairs.push([t.handle, result as Handle]);
      }
    }
    const rows = await resolve.map(pairs.flat(), [["GetUniqueId"], ["GetName"], [
      "GetClipProperty",
      ["File Path"],
    ]]);
    const created = pairs.map((_, i) => ({
      original_id: String(rows[2 * i][0]),
      new_id: String(rows[2 * i + 1][0]),
      new_name: String(rows[2 * i + 1][1]),
      path: String(rows[2 * i + 1][2] ?? ""),
    }));
    return { summary: `Created ${created.length} deblurred clip(s).`, data: { created } };
  },
});

const createStereoClip = defineTool({
  name: "create_stereo_clip",
  title: "Create stereo 3D clip",
  description:
    "Combines a left-eye and a right-eye clip into one stereo 3D clip; the two clips are replaced by it in the pool.",
  toolset: "media",
  readOnly: false,
  input: () => ({
    left: clipRefInput.describe("Left-eye clip (id, bin path or unique name)."),
    right: clipRefInput.describe("Right-eye clip (id, bin path or unique name)."),
  }),
  output: () => ({ clip: clipSchema }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.CreateStereoClip", "MediaPoolItem.GetClipProperty"],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [left, right] = await findClips(resolve, mediaPool, [args.left, args.right]);
    if (left.id === right.id) fail("INVALID_ARGUMENTS", "left and right are the same clip");
    const made = await resolve.call(mediaPool, "CreateStereoClip", left.clip, right.clip);
    if (!isHandle(made)) {
      fail(
        "STEREO_REFUSED",
        "Resolve refused to create the stereo clip",
        "Both clips must be video of the same resolution, frame rate and length (and Studio may be required).",
      );
    }
    const [clip] = await clipRows(resolve, [made]);
    return { summary: `Created stereo clip "${clip.name}".`, data: { clip } };
  },
});

const exportClipMetadata = defineTool({
  name: "export_clip_metadata",
  title: "Export clip metadata (CSV)",
  description:
    "Writes the metadata of clips (or of every clip in the pool) to a CSV file. Overwriting an existing file needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("Absolute path of the .csv file to write."),
    clips: clipsInput("Clips to export").optional().describe(
      "Clips to export (ids, bin paths, unique names). Omit for every clip in the pool.",
    ),
  }),
  output: () => ({
    file: z.string().describe("The file written."),
    clips: z.number().describe("Clips exported (0 = all)."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.ExportMetadata"],
  async handler(args, ctx) {
    const { mediaPool } = await poolOf(ctx.resolve);
    const clips = args.clips ? await findClips(ctx.resolve, mediaPool, args.clips) : [];
    needExtension(args.path, ["csv"], "clip metadata");
    const out = await outputFile(ctx, args.path);
    const file = out.path;
    const ok = await ctx.resolve.call(
      mediaPool,
      "ExportMetadata",
      file,
      ...(args.clips ? [clips.map((c) => c.clip)] : []),
    );
    await out.landed();
    if (ok !== true) {
      fail("EXPORT_FAILED", `Resolve could not write ${file}`, "Check the folder is writable.");
    }
    return {
      summary: `Wrote metadata of ${args.clips ? clips.length : "all"} clip(s) to ${file}.`,
      data: { file, clips: clips.length },
    };
  },
});

const getSelectedClips = defineTool({
  name: "get_selected_clips",
  title: "Get selected clips",
  description: "Lists the clips currently selected in the media pool.",
  toolset: "media",
  readOnly: true,
  input: () => ({}),
  output: () => ({ clips: z.array(clipSchema).describe("Selected clips.") }),
  apiMethods: [
    "Project.GetMediaPool",
    "MediaPool.GetSelectedClips",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(_args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const list = await resolve.call(mediaPool, "GetSelectedClips");
    const clips = await clipRows(resolve, (Array.isArray(list) ? list : []).filter(isHandle));
    return { summary: `${clips.length} clip(s) selected.`, data: { clips } };
  },
});

const selectClip = defineTool({
  name: "select_clip",
  title: "Select clip",
  description:
    "Selects one clip in the media pool (replacing the selection), e.g. before a UI action.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({ clip: clipRefInput }),
  output: () => ({
    selected: z.array(z.string()).describe("Ids of the selected clips afterwards."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.SetSelectedClip", "MediaPool.GetSelectedClips"],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const [ok, list] = await resolve.batch([
      call(mediaPool, "SetSelectedClip", clip.clip),
      call(mediaPool, "GetSelectedClips"),
    ]);
    if (ok !== true) {
      fail(
        "SELECT_REFUSED",
        `Resolve refused to select "${clip.name}"`,
        "The media pool must be visible (media or edit page); switch_page can show it.",
      );
    }
    const rows = await resolve.map((Array.isArray(list) ? list : []).filter(isHandle), [[
      "GetUniqueId",
    ]]);
    return {
      summary: `Selected "${clip.name}".`,
      data: { selected: rows.map((r) => String(r[0])) },
    };
  },
});

const monitorGrowingFile = defineTool({
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

export function registerMediaTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "media",
    description:
      "Media pool and storage: import, bins, clip properties and metadata, markers, proxies.",
  });
  registry.add(importMedia, { default: true });
  registry.add(listClips, { default: true });
  registry.add(listBins, { default: true });
  registry.add(createBin, { default: true });
  registry.add(getClipInfo, { default: true });
  registry.add(setClipProperties, { default: true });
  for (
    const tool of [
      browseStorage,
      revealInStorage,
      addFromStorage,
      importImageSequence,
      listMattes,
      manageMattes,
      setCurrentBin,
      moveBins,
      deleteBins,
      exportBin,
      importBin,
      refreshBins,
      tagClips,
      setClipMarks,
      listClipMarkers,
      editClipMarkers,
      linkProxy,
      relinkClips,
      unlinkClips,
      replaceClip,
      deleteClips,
      moveClips,
      syncAudio,
      analyzeClips,
      clearClipAnalysis,
      removeMotionBlur,
      createStereoClip,
      exportClipMetadata,
      getSelectedClips,
      selectClip,
      monitorGrowingFile,
    ]
  ) registry.add(tool);
}
