// One tool per API class, whose `method` enum is that class's documented methods.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolDef } from "../../tool.ts";
import { confirmStartRendering } from "../../resolve/index.ts";
import { argSchema, arity, type Json } from "./args.ts";
import { checkPathArgs } from "./paths.ts";
import { API, describeObjects, resolveArgs, target, TARGETS, TOOL_NAMES } from "./targets.ts";

/**
 * What every api tool may call besides its own class's methods: finding the object it calls
 * (target, $object arguments: bins, clips, timelines, items, albums, groups, graphs), the
 * render-job checks of Project.StartRendering, and the addresses of objects in the result.
 */
const ADDRESSING = [
  "Resolve.GetProjectManager",
  "Resolve.GetMediaStorage",
  "ProjectManager.GetCurrentProject",
  "Project.GetMediaPool",
  "Project.GetGallery",
  "Project.GetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Project.GetColorGroupsList",
  "Project.GetRenderJobList",
  "Project.GetRenderJobStatus",
  "MediaPool.GetRootFolder",
  "Folder.GetSubFolderList",
  "Folder.GetClipList",
  "Folder.GetIsFolderStale",
  "Timeline.GetTrackCount",
  "Timeline.GetItemListInTrack",
  "Timeline.GetSetting",
  "Timeline.GetNodeGraph",
  "TimelineItem.GetNodeGraph",
  "Gallery.GetCurrentStillAlbum",
  "Gallery.GetGalleryStillAlbums",
  "Gallery.GetGalleryPowerGradeAlbums",
  "Gallery.GetAlbumName",
  "GalleryStillAlbum.GetStills",
  "ColorGroup.GetPreClipNodeGraph",
  "ColorGroup.GetPostClipNodeGraph",
];

/** ADDRESSING and the GetUniqueId / GetName of every class (how result objects are named). */
function addressingMethods(): string[] {
  const names = Object.entries(API).flatMap(([c, methods]) =>
    ["GetUniqueId", "GetName"].filter((m) => methods[m]).map((m) => `${c}.${m}`)
  );
  return [...ADDRESSING, ...names].filter((m) => {
    const [c, name] = m.split(".");
    return API[c]?.[name] !== undefined;
  });
}

export function apiTool(cls: string): ToolDef {
  const methods = API[cls];
  const names = Object.keys(methods).sort() as [string, ...string[]];
  const destructive = names.filter((m) => methods[m].effect === "destructive");
  const needsTarget = !TARGETS[cls].startsWith("Not used");
  return defineTool({
    name: TOOL_NAMES[cls],
    title: `Resolve API: ${cls}`,
    description:
      `Calls one documented method of Resolve's ${cls} object (${names.length} methods; see the resource resolve://api/reference for signatures). ` +
      `Arguments are positional JSON values; pass API objects as {"$object": {"class": "MediaPoolItem", "id": "<unique id>"}} (GalleryStill: {"class": "GalleryStill", "album": "<name>", "index": n}), constants as {"$const": "EXPORT_EDL"}, and constant-keyed dicts as {"$dict": [[{"$const": "AUDIO_SYNC_MODE"}, ...]]}. ` +
      `Results that are API objects come back as {"$object": {class, id, name}}. File and folder paths (anywhere in the arguments) must be absolute and inside the allowed folders; overwriting an existing file needs the user's confirmation. Prefer the task-level tools; use this for anything they do not cover.` +
      (destructive.length
        ? ` Destructive methods (${destructive.join(", ")}) need the user's confirmation.`
        : ""),
    toolset: "api",
    readOnly: false,
    gatedByBridge: true,
    destructive: destructive.length > 0,
    asks: true, // overwriting a file needs confirmation, whatever the method
    openWorld: true,
    input: () => ({
      method: z.enum(names).describe(`The ${cls} method to call.`),
      ...(needsTarget ? { target: z.string().max(4096).optional().describe(TARGETS[cls]) } : {}),
      args: z.array(argSchema).max(32).optional().describe(
        "Positional arguments, as in the API reference. Default: none.",
      ),
      timeline: z.string().max(255).optional().describe(
        "Timeline (name or id) used to find timeline items and graphs. Default: the current timeline.",
      ),
    }),
    output: () => ({
      class: z.string().describe("The API class called."),
      method: z.string().describe("The method called."),
      result: z.unknown().describe(
        "What the method returned (API objects as {$object: {class, id, name}}).",
      ),
    }),
    apiMethods: [...new Set([...names.map((m) => `${cls}.${m}`), ...addressingMethods()])],
    async handler(args, ctx) {
      const { resolve } = ctx;
      const spec = methods[args.method];
      const raw = (args.args ?? []) as Json[];
      const [min, max] = arity(spec.signatures);
      if (raw.length < min || raw.length > max) {
        fail(
          "INVALID_ARGUMENTS",
          `${cls}.${args.method} takes ${
            min === max ? min : `${min} to ${max === Infinity ? "any number of" : max}`
          } argument(s), got ${raw.length}`,
          `Signatures: ${spec.signatures.join("; ")}.`,
        );
      }
      // Paths and names first: refuse what can be refused before asking the user.
      const { args: sent, written } = await checkPathArgs(ctx, cls, args.method, spec, raw);
      if (spec.effect === "destructive") {
        await ctx.confirm(
          `Call ${cls}.${args.method}, which deletes or discards data in Resolve?`,
        );
      }
      if (cls === "Project" && args.method === "StartRendering") {
        await confirmStartRendering(ctx, raw); // the jobs' output files
      }
      const object = await target(
        resolve,
        cls,
        (args as { target?: string }).target,
        args.timeline,
      );
      const callArgs = await resolveArgs(resolve, sent as Json, args.timeline) as unknown[];
      const value = await resolve.call(object, args.method, ...callArgs);
      for (const path of written) await ctx.paths.checkLanded(path); // nothing was swapped
      const result = await describeObjects(resolve, value);
      return {
        summary: `${cls}.${args.method} returned ${
          JSON.stringify(result)?.slice(0, 200) ?? "nothing"
        }.`,
        data: { class: cls, method: args.method, result },
      };
    },
  });
}
