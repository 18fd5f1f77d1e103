// Helpers the audio tools share.
import { z } from "zod";
import { fail, ToolError } from "../../errors.ts";
import {
  CLIP_FIND_METHODS,
  type ResolveSession,
  TIMELINE_LOOKUP_METHODS,
} from "../../resolve/index.ts";

export const TIMELINE_LOOKUP = TIMELINE_LOOKUP_METHODS;

export const ITEM_LOOKUP = [
  "Timeline.GetTrackCount",
  "Timeline.GetItemListInTrack",
  "TimelineItem.GetUniqueId",
];

export const CLIP_LOOKUP = CLIP_FIND_METHODS;

export async function optional<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ToolError && e.code === "METHOD_UNAVAILABLE") return undefined;
    throw e;
  }
}

export async function isStudio(resolve: ResolveSession): Promise<boolean> {
  const product = await resolve.call(await resolve.root(), "GetProductName");
  return /studio/i.test(String(product ?? ""));
}

export const voiceSchema = z.object({
  enabled: z.boolean().describe("Voice isolation on or off."),
  amount: z.number().describe("Strength 0-100."),
});

export function voice(state: unknown): { enabled: boolean; amount: number } | null {
  if (!state || typeof state !== "object") return null;
  const s = state as Record<string, unknown>;
  if (!("isEnabled" in s) && !("amount" in s)) return null;
  return { enabled: s.isEnabled === true, amount: Number(s.amount) || 0 };
}

export function checkTrack(index: number, count: number, tlName: string) {
  if (index > count) {
    fail(
      "TRACK_NOT_FOUND",
      `"${tlName}" has ${count} audio track(s); there is no A${index}`,
      "list_audio_tracks shows the tracks; add_audio_track adds one.",
    );
  }
}

export const mappingOutput = {
  source: z.string().describe("'clip <id>' or 'item <id>'."),
  embedded_audio_channels: z.number().describe("Channels embedded in the media file."),
  linked_audio: z.array(z.object({
    index: z.number().describe("Linked file number (1-based)."),
    channels: z.number().describe("Its channel count."),
    offset_samples: z.number().describe("Sync offset in samples."),
    path: z.string().describe("The linked file."),
  })).describe("Separately linked audio files."),
  tracks: z.array(z.object({
    track: z.number().describe("Clip audio track number (1-based)."),
    format: z.string().describe("Track format, e.g. 'Stereo', '5.1'."),
    channels: z.array(z.number()).describe(
      "Source channel per track channel; indices count embedded channels first, then linked files.",
    ),
    mute: z.boolean().describe("True if the track is muted."),
  })).describe("The clip's audio tracks, as in Clip Attributes > Audio."),
  voice_isolation: voiceSchema.nullable().describe(
    "For timeline audio items (Resolve 20.1+): their voice isolation; null for clips.",
  ),
};

export function parseMapping(raw: unknown) {
  let m: Record<string, unknown> = {};
  try {
    m = typeof raw === "string" && raw ? JSON.parse(raw) : (raw as Record<string, unknown>) ?? {};
  } catch {
    fail(
      "BAD_MAPPING",
      "Resolve returned an audio mapping that is not JSON",
      "Report this with the Resolve version.",
    );
  }
  const linked = (m.linked_audio ?? {}) as Record<string, Record<string, unknown>>;
  const tracks = (m.track_mapping ?? {}) as Record<string, Record<string, unknown>>;
  return {
    embedded_audio_channels: Number(m.embedded_audio_channels) || 0,
    linked_audio: Object.entries(linked).map(([k, v]) => ({
      index: Number(k),
      channels: Number(v.channels) || 0,
      offset_samples: Number(v.offset) || 0,
      path: String(v.path ?? ""),
    })).sort((a, b) => a.index - b.index),
    tracks: Object.entries(tracks).map(([k, v]) => ({
      track: Number(k),
      format: String(v.type ?? ""),
      channels: Array.isArray(v.channel_idx) ? v.channel_idx.map(Number) : [],
      mute: v.mute === true,
    })).sort((a, b) => a.track - b.track),
  };
}
