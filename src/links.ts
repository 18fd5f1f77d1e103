// Resource links (MCP `resource_link` content) in tool results that name files or Resolve
// objects: the files a tool wrote or read (an exported EDL, a rendered movie, a still), the
// folder a Quick Export wrote into, and a timeline a tool made or changed, as the
// resolve://timeline/{id} resource. Found in the result's data, so every tool gets them.
import { pathToFileURL } from "node:url";

export interface ResourceLink {
  type: "resource_link";
  uri: string;
  name: string;
  mimeType?: string;
  description?: string;
}

const FILE_KEYS = new Set(["file", "path", "output_path"]);
const FOLDER_KEYS = new Set(["target_dir"]);
const MAX_LINKS = 20;

const MIME: Record<string, string> = {
  edl: "text/plain",
  txt: "text/plain",
  csv: "text/csv",
  xml: "application/xml",
  fcpxml: "application/xml",
  otio: "application/json",
  json: "application/json",
  mp4: "video/mp4",
  mov: "video/quicktime",
  mxf: "application/mxf",
  wav: "audio/wav",
  png: "image/png",
  jpg: "image/jpeg",
  tif: "image/tiff",
  tiff: "image/tiff",
  dpx: "image/x-dpx",
  exr: "image/x-exr",
  cube: "text/plain",
  srt: "application/x-subrip",
};

function absolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path);
}

function fileLink(path: string, folder: boolean): ResourceLink {
  const name = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const mimeType = folder ? "inode/directory" : ext ? MIME[ext] : undefined;
  return {
    type: "resource_link",
    uri: pathToFileURL(path).href,
    name,
    ...(mimeType ? { mimeType } : {}),
    description: folder ? "Output folder" : "File",
  };
}

/**
 * The links a result's data names: with `files` (tools that touch files), absolute paths at
 * file/path/output_path/target_dir keys; always, a timeline as `timeline_id`, or as the
 * top-level id of a timeline tool's result.
 */
export function linksOf(
  data: unknown,
  options: { files: boolean; timelineTool: boolean },
): ResourceLink[] {
  const links = new Map<string, ResourceLink>();
  const timeline = (id: string, name?: string) =>
    links.set(`resolve://timeline/${id}`, {
      type: "resource_link",
      uri: `resolve://timeline/${encodeURIComponent(id)}`,
      name: name ? `timeline-${name}` : `timeline-${id}`,
      mimeType: "application/json",
      description: "The timeline (tracks, items, markers)",
    });
  const visit = (value: unknown, depth: number) => {
    if (links.size >= MAX_LINKS || depth > 4 || value === null || typeof value !== "object") {
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    // for-in, not Object.entries: a listing's page has thousands of fields to look at.
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (typeof v === "string") {
        if (!v) continue;
        if (options.files && (FILE_KEYS.has(key) || FOLDER_KEYS.has(key)) && absolute(v)) {
          links.set(`file:${v}`, fileLink(v, FOLDER_KEYS.has(key)));
        } else if (key === "timeline_id") timeline(v);
      } else if (v !== null && typeof v === "object") visit(v, depth + 1);
    }
  };
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const top = data as Record<string, unknown>;
    if (options.timelineTool && typeof top.id === "string" && typeof top.name === "string") {
      timeline(top.id, top.name);
    }
  }
  visit(data, 0);
  return [...links.values()].slice(0, MAX_LINKS);
}
