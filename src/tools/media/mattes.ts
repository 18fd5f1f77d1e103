// Toolset "media": Mattes attached to media pool clips.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  clipRefInput,
  findBinRef,
  findClips,
  type Handle,
  isHandle,
  maybeCheckpointIdOutput,
  poolOf,
  ref,
  saveCheckpoint,
} from "../../resolve/index.ts";
import { binRefInput, binTargetInput, clipRows, clipSchema, inBin } from "./common.ts";

export const listMattes = defineTool({
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
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
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

export const manageMattes = defineTool({
  name: "manage_mattes",
  title: "Add or remove mattes",
  description:
    "Adds matte files to a clip (add_clip_mattes, optionally for one eye of a stereo clip), adds files as timeline mattes to a bin (add_timeline_mattes), or detaches matte files from a clip (delete_clip_mattes, needs confirmation and saves a project checkpoint first, a .drp export whose checkpoint_id is returned for restore_checkpoint). list_mattes shows what is attached.",
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
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...CHECKPOINT_API,
    "Resolve.GetMediaStorage",
    "MediaStorage.AddClipMattesToMediaPool",
    "MediaStorage.AddTimelineMattesToMediaPool",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
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
          checkpoint_id: null,
        },
      };
    }
    if (!args.clip) fail("INVALID_ARGUMENTS", `${args.action} needs clip`);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    let ok: unknown;
    let checkpoint_id: string | null = null;
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
      ({ checkpoint_id } = await saveCheckpoint(ctx, "manage_mattes", args, { project: true }));
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
      data: { action: args.action, clip_mattes: list, timeline_mattes: [], checkpoint_id },
    };
  },
});
