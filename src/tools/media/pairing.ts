// Toolset "media": Pairing clips: audio sync, stereo 3D clips.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  clipRefInput,
  constant,
  dictOf,
  findClips,
  isHandle,
  poolOf,
} from "../../resolve/index.ts";
import { CLIP_FIND_METHODS, clipRows, clipSchema, clipsInput } from "./common.ts";

export const syncAudio = defineTool({
  name: "sync_audio",
  title: "Auto-sync audio",
  description:
    "Syncs video clips with separately recorded audio clips by timecode or waveform (Resolve's Auto Sync Audio). Give at least one video and one audio clip.",
  toolset: "media",
  default: true,
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

export const createStereoClip = defineTool({
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
