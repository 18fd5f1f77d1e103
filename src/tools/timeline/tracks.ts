// Toolset "timeline": Tracks: list, add, delete, name/lock/enable/voice isolation.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { AUDIO_TRACK_TYPES } from "../shared.ts";
import {
  type BatchCall,
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  findTimeline,
  saveCheckpoint,
  TIMELINE_LOOKUP_METHODS,
  timelineRefInput,
} from "../../resolve/index.ts";
import {
  checkTrack,
  TRACK_LOOKUP,
  TRACK_METHODS,
  trackIndexInput,
  trackRows,
  trackSchema,
  trackTypeInput,
} from "./common.ts";

export const listTracks = defineTool({
  name: "list_tracks",
  title: "List tracks",
  description:
    "Lists a timeline's video, audio and subtitle tracks with names, enabled/locked state, audio format, item counts and voice isolation.",
  toolset: "timeline",
  readOnly: true,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    tracks: z.array(trackSchema).describe("Tracks, video then audio then subtitle."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP_METHODS,
    ...TRACK_METHODS,
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [tlName] = await resolve.batch([call(timeline, "GetName")]);
    const tracks = await trackRows(resolve, timeline);
    return {
      summary: `"${tlName}" has ${tracks.length} track(s).`,
      data: { timeline: String(tlName), tracks },
    };
  },
});

export const addTrack = defineTool({
  name: "add_track",
  title: "Add track",
  description:
    "Adds a video, audio or subtitle track to a timeline, at the end or at a position, optionally named. Audio tracks take a channel format (default mono).",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    type: trackTypeInput,
    audio_type: z.enum(AUDIO_TRACK_TYPES).optional().describe(
      "Audio tracks: channel format, e.g. 'mono', 'stereo', '5.1'. Default: mono.",
    ),
    index: z.number().int().min(1).max(1000).optional().describe(
      "Insert at this track number (1-based), shifting the others up. Omit to add at the end.",
    ),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name for the new track. Omit for Resolve's default.",
    ),
  }),
  output: () => ({ track: trackSchema }),
  apiMethods: [...TRACK_LOOKUP, "Timeline.AddTrack", "Timeline.SetTrackName", ...TRACK_METHODS],
  async handler(args, { resolve }) {
    if (args.audio_type && args.type !== "audio") {
      fail("INVALID_ARGUMENTS", "audio_type only applies to audio tracks");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const count = Number(await resolve.call(timeline, "GetTrackCount", args.type)) || 0;
    const position = args.index !== undefined && args.index <= count ? args.index : count + 1;
    const options: Record<string, unknown> = {};
    if (args.audio_type) options.audioType = args.audio_type;
    if (args.index !== undefined) options.index = args.index;
    const second = args.index !== undefined
      ? [options]
      : args.audio_type
      ? [args.audio_type]
      : args.type === "audio"
      ? ["mono"]
      : [];
    const ok = await resolve.call(timeline, "AddTrack", args.type, ...second);
    if (ok !== true) {
      fail(
        "ADD_TRACK_REFUSED",
        `Resolve refused to add a ${args.type} track`,
        "Check the audio format.",
      );
    }
    if (args.name) {
      const named = await resolve.call(timeline, "SetTrackName", args.type, position, args.name);
      if (named !== true) {
        fail(
          "RENAME_REFUSED",
          `the track was added but Resolve refused the name "${args.name}"`,
          "Call set_track with another name.",
        );
      }
    }
    const [track] = await trackRows(resolve, timeline, { type: args.type, index: position });
    return {
      summary: `Added ${args.type} track ${position}${args.name ? ` "${args.name}"` : ""}.`,
      data: { track },
    };
  },
});

export const deleteTrack = defineTool({
  name: "delete_track",
  title: "Delete track",
  description:
    "Deletes a track and every item on it. Needs confirmation. Saves a timeline checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timeline: timelineRefInput,
    type: trackTypeInput,
    index: trackIndexInput,
  }),
  output: () => ({
    deleted: z.string().describe("The deleted track, e.g. 'audio 2'."),
    items_deleted: z.number().describe("Items that were on it."),
    remaining: z.number().describe("Tracks of that type left."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...TRACK_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "Timeline.GetTrackName",
    "Timeline.DeleteTrack",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { timeline } = await findTimeline(resolve, args.timeline);
    await checkTrack(resolve, timeline, args.type, args.index);
    const [trackName, items] = await resolve.batch([
      call(timeline, "GetTrackName", args.type, args.index),
      call(timeline, "GetItemListInTrack", args.type, args.index),
    ]);
    const n = Array.isArray(items) ? items.length : 0;
    await confirm(
      `Delete ${args.type} track ${args.index} ("${trackName}") and its ${n} item(s)?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_track", args, { timeline });
    const [ok, remaining] = await resolve.batch([
      call(timeline, "DeleteTrack", args.type, args.index),
      call(timeline, "GetTrackCount", args.type),
    ]);
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        `Resolve refused to delete ${args.type} track ${args.index}`,
        "A timeline keeps at least one video and one audio track; locked tracks cannot be deleted.",
      );
    }
    return {
      summary: `Deleted ${args.type} track ${args.index} with ${n} item(s).`,
      data: {
        deleted: `${args.type} ${args.index}`,
        items_deleted: n,
        remaining: Number(remaining) || 0,
        checkpoint_id,
      },
    };
  },
});

export const setTrack = defineTool({
  name: "set_track",
  title: "Rename, lock, enable a track",
  description:
    "Changes a track: rename it, lock/unlock, enable/disable, and for audio tracks set voice isolation (Studio). Give at least one change.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    type: trackTypeInput,
    index: trackIndexInput,
    name: z.string().trim().min(1).max(255).optional().describe("New track name."),
    locked: z.boolean().optional().describe("Lock (true) or unlock (false)."),
    enabled: z.boolean().optional().describe("Enable (true) or disable (false) the track."),
    voice_isolation_enabled: z.boolean().optional().describe(
      "Audio tracks: turn voice isolation on/off (Studio).",
    ),
    voice_isolation_amount: z.number().int().min(0).max(100).optional().describe(
      "Audio tracks: voice isolation amount 0-100. Default: keep.",
    ),
  }),
  output: () => ({ track: trackSchema }),
  apiMethods: [
    ...TRACK_LOOKUP,
    "Timeline.SetTrackName",
    "Timeline.SetTrackLock",
    "Timeline.SetTrackEnable",
    "Timeline.SetVoiceIsolationState",
    ...TRACK_METHODS,
  ],
  async handler(args, { resolve }) {
    const vi = args.voice_isolation_enabled !== undefined ||
      args.voice_isolation_amount !== undefined;
    if (args.name === undefined && args.locked === undefined && args.enabled === undefined && !vi) {
      fail(
        "INVALID_ARGUMENTS",
        "nothing to change",
        "Give name, locked, enabled or voice isolation fields.",
      );
    }
    if (vi && args.type !== "audio") {
      fail("INVALID_ARGUMENTS", "voice isolation applies to audio tracks only");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    await checkTrack(resolve, timeline, args.type, args.index);
    const a = [args.type, args.index];
    const calls: { what: string; step: BatchCall }[] = [];
    if (args.name !== undefined) {
      calls.push({ what: "name", step: call(timeline, "SetTrackName", ...a, args.name) });
    }
    if (args.locked !== undefined) {
      calls.push({ what: "locked", step: call(timeline, "SetTrackLock", ...a, args.locked) });
    }
    if (args.enabled !== undefined) {
      calls.push({ what: "enabled", step: call(timeline, "SetTrackEnable", ...a, args.enabled) });
    }
    if (vi) {
      const current = await resolve.call(timeline, "GetVoiceIsolationState", args.index) as {
        isEnabled?: boolean;
        amount?: number;
      } | null;
      calls.push({
        what: "voice isolation",
        step: call(timeline, "SetVoiceIsolationState", args.index, {
          isEnabled: args.voice_isolation_enabled ?? current?.isEnabled ?? false,
          amount: args.voice_isolation_amount ?? Number(current?.amount ?? 0),
        }),
      });
    }
    const results = await resolve.batch(calls.map((c) => c.step));
    const refused = calls.filter((_, i) => results[i] !== true).map((c) => c.what);
    if (refused.length) {
      fail(
        "TRACK_CHANGE_REFUSED",
        `Resolve refused: ${refused.join(", ")}`,
        refused.includes("voice isolation")
          ? "Voice isolation needs DaVinci Resolve Studio."
          : "Check the values.",
      );
    }
    const [track] = await trackRows(resolve, timeline, { type: args.type, index: args.index });
    return {
      summary: `Updated ${args.type} track ${args.index}: ${calls.map((c) => c.what).join(", ")}.`,
      data: { track },
    };
  },
});
