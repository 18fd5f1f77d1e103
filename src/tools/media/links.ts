// Toolset "media": Clip links: proxies, relink, unlink, replace.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  CHECKPOINT_API,
  checkpointIdOutput,
  type ClipEntry,
  clipRefInput,
  findClips,
  maybeCheckpointIdOutput,
  poolOf,
  type ResolveSession,
  saveCheckpoint,
} from "../../resolve/index.ts";
import { CLIP_FIND_METHODS, clipsInput } from "./common.ts";

export const linkProxy = defineTool({
  name: "link_proxy",
  title: "Link or unlink proxy media",
  description:
    "Proxy media of a clip: 'link_proxy' attaches a proxy file, 'unlink_proxy' detaches it (needs confirmation; a project checkpoint, a .drp export, is saved first and its checkpoint_id returned for restore_checkpoint), 'link_full_resolution' links a proxy-only clip to its full-resolution media.",
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
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    ...CHECKPOINT_API,
    "MediaPoolItem.LinkProxyMedia",
    "MediaPoolItem.UnlinkProxyMedia",
    "MediaPoolItem.LinkFullResolutionMedia",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, ctx) {
    const { resolve, paths, confirm } = ctx;
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    let ok: unknown;
    let checkpoint_id: string | null = null;
    if (args.action === "unlink_proxy") {
      await confirm(`Unlink the proxy media of "${clip.name}"?`);
      ({ checkpoint_id } = await saveCheckpoint(ctx, "link_proxy", args, { project: true }));
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
        checkpoint_id,
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

export const relinkClips = defineTool({
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

export const unlinkClips = defineTool({
  name: "unlink_clips",
  title: "Unlink clips (make offline)",
  description:
    "Unlinks clips from their media so they go offline (relink_clips links them again). Needs confirmation; a project checkpoint (.drp export) is saved first and its checkpoint_id returned (restore_checkpoint brings the project back as it was).",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({ clips: clipsInput("Clips to unlink") }),
  output: () => ({
    clips: z.array(clipStatusSchema).describe("The clips afterwards."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    ...CHECKPOINT_API,
    "MediaPool.UnlinkClips",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    await confirm(
      `Unlink ${clips.length} clip(s) from their media (${
        someNames(clips.map((c) => c.name), 5)
      })?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "unlink_clips", args, { project: true });
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
      data: { clips: await clipStatus(resolve, clips), checkpoint_id },
    };
  },
});

export const replaceClip = defineTool({
  name: "replace_clip",
  title: "Replace clip media",
  description:
    "Replaces a clip's media with another file (its metadata is replaced too). keep_subclip_range keeps a subclip's extents (video/audio clips). Needs confirmation; a project checkpoint (.drp export) is saved first and its checkpoint_id returned (restore_checkpoint brings the project back as it was).",
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
  output: () => ({ clip: clipStatusSchema, checkpoint_id: checkpointIdOutput }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    ...CHECKPOINT_API,
    "MediaPoolItem.ReplaceClip",
    "MediaPoolItem.ReplaceClipPreserveSubClip",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, ctx) {
    const { resolve, paths, confirm } = ctx;
    const [checked] = await paths.checkRead([args.path]);
    if (!checked.exists || checked.isDir) fail("FILE_NOT_FOUND", `${args.path} does not exist`);
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    await confirm(`Replace the media of "${clip.name}" with ${checked.path}?`);
    const { checkpoint_id } = await saveCheckpoint(ctx, "replace_clip", args, { project: true });
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
    return {
      summary: `Replaced the media of "${clip.name}".`,
      data: { clip: status, checkpoint_id },
    };
  },
});
