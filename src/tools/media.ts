// Toolset "media": the media pool (bins, clips, import) and media storage.
import { z } from "zod";
import { fail } from "../errors.ts";
import { findBin } from "../lookup.ts";
import { type Handle, isHandle } from "../resolve.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";

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

const importMedia = defineTool({
  name: "import_media",
  title: "Import media",
  description:
    "Imports media files (video, audio, stills) into the media pool of the current project: into the current bin, or into the bin named by `bin` (created if missing). Every path must exist inside the directories this server may read; nothing is imported if one is missing.",
  toolset: "media",
  readOnly: false,
  openWorld: true,
  input: {
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).describe(
      "Absolute paths of the files (or folders, imported with their media) to import.",
    ),
    bin: z.string().max(1024).optional().describe(
      "Bin to import into, as a path from the root bin, e.g. 'Dailies' or 'Master/Dailies/Day 1'. Missing bins are created. Omit for the current bin.",
    ),
  },
  output: {
    bin: z.string().describe("The bin the clips were imported into."),
    created_bins: z.array(z.string()).describe("Bins created on the way."),
    imported: z.number().describe("Number of clips imported."),
    clips: z.array(clipSchema).describe("The imported clips."),
    not_imported: z.array(z.string()).describe(
      "Paths Resolve did not import (unsupported formats).",
    ),
  },
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
      { h: project.$h, m: "GetMediaPool" },
      { h: { $r: 0 }, m: "GetCurrentFolder" },
    ]) as Handle[];
    let target = current;
    let created: string[] = [];
    if (args.bin) {
      ({ bin: target, created } = await findBin(resolve, mediaPool, args.bin, true));
    }
    const [, clips, , binName] = await resolve.batch([
      { h: mediaPool.$h, m: "SetCurrentFolder", a: [target] },
      { h: mediaPool.$h, m: "ImportMedia", a: [checked.map((c) => c.path)] },
      { h: mediaPool.$h, m: "SetCurrentFolder", a: [current] },
      { h: target.$h, m: "GetName" },
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

export function registerMediaTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "media",
    description:
      "Media pool and storage: import, bins, clip properties and metadata, markers, proxies.",
  });
  registry.add(importMedia, { default: true });
}
