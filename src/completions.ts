// `completion/complete`: values for every prompt argument and resource template variable,
// read from what is open in Resolve (bin paths, timeline names and ids, clip names, render
// presets and formats) or fixed sets (pages), filtered by what the user typed so far.
import type { BridgeClient } from "./bridge/client.ts";
import {
  call,
  listTimelines,
  poolClips,
  poolOf,
  ResolveSession,
  walkBins,
} from "./resolve/index.ts";
import { PAGES } from "./tools/shared.ts";

/** What a value names: each prompt argument and template variable has one kind. */
export type CompletionKind =
  | "bin_path"
  | "bin_id"
  | "timeline_name"
  | "timeline_id"
  | "clip_name"
  | "render_preset"
  | "render_format"
  | "page"
  | "folder";

/** At most this many values in one answer (the spec's limit). */
const MAX_VALUES = 100;

/** The kind of a resource template's variable: the id of a timeline or of a bin. */
export function templateKind(uriTemplate: string, variable: string): CompletionKind | undefined {
  if (variable !== "id") return undefined; // a paging cursor and the like: nothing to offer
  if (uriTemplate.startsWith("resolve://timeline/")) return "timeline_id";
  if (uriTemplate.startsWith("resolve://bin/")) return "bin_id";
  return undefined;
}

async function candidates(
  resolve: ResolveSession,
  kind: CompletionKind,
  folders: () => string[],
): Promise<string[]> {
  switch (kind) {
    case "page":
      return [...PAGES];
    case "folder":
      return folders();
    case "timeline_name":
    case "timeline_id": {
      const timelines = await listTimelines(resolve, await resolve.project());
      return timelines.map((t) => kind === "timeline_name" ? t.name : t.id);
    }
    case "bin_path":
    case "bin_id": {
      const { mediaPool } = await poolOf(resolve);
      const bins = await walkBins(resolve, mediaPool, undefined, 100, false);
      return bins.map((b) => kind === "bin_path" ? b.path : b.id);
    }
    case "clip_name": {
      const { mediaPool } = await poolOf(resolve);
      return [...new Set((await poolClips(resolve, mediaPool)).clips.map((c) => c.name))];
    }
    case "render_preset": {
      const project = await resolve.project();
      const [list] = await resolve.batch([call(project, "GetRenderPresetList")]);
      return Array.isArray(list) ? list.map(String) : [];
    }
    case "render_format": {
      const project = await resolve.project();
      const [formats] = await resolve.batch([call(project, "GetRenderFormats")]);
      // Resolve maps display names to extensions; set_render_settings takes the extension.
      return formats && typeof formats === "object" ? Object.values(formats).map(String) : [];
    }
  }
}

export interface Completion {
  values: string[];
  total: number;
  hasMore: boolean;
}

/**
 * The values of `kind` that start with (or, failing that, contain) `typed`, case-insensitive.
 * Resolve unreachable or nothing open: no values (completion never fails a client).
 */
export async function complete(
  bridge: BridgeClient,
  kind: CompletionKind | undefined,
  typed: string,
  folders: () => string[] = () => [],
): Promise<Completion> {
  if (!kind) return { values: [], total: 0, hasMore: false };
  const resolve = new ResolveSession(bridge);
  let all: string[] = [];
  try {
    all = await candidates(resolve, kind, folders);
  } catch {
    all = [];
  } finally {
    resolve.close();
  }
  const lower = typed.toLowerCase();
  const prefix = all.filter((v) => v.toLowerCase().startsWith(lower));
  const matches = prefix.length ? prefix : all.filter((v) => v.toLowerCase().includes(lower));
  const sorted = [...new Set(matches)].sort((a, b) => a.localeCompare(b));
  return {
    values: sorted.slice(0, MAX_VALUES),
    total: sorted.length,
    hasMore: sorted.length > MAX_VALUES,
  };
}
