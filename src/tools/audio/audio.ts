// Toolset "audio": audio.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { AUDIO_TRACK_TYPES, someNames } from "../shared.ts";
import {
  call,
  clipRefInput,
  findClip,
  findItem,
  findTimeline,
  type Handle,
  isHandle,
  offsetFrom,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
  timeInput,
  timelineRate,
  timelineRefInput,
  VERSION_LOOKUP,
  versionAtLeast,
} from "../../resolve/index.ts";
import {
  checkTrack,
  CLIP_LOOKUP,
  isStudio,
  ITEM_LOOKUP,
  mappingOutput,
  optional,
  parseMapping,
  TIMELINE_LOOKUP,
  voice,
  voiceSchema,
} from "./common.ts";

export const applyFairlightPreset = defineTool({
  name: "apply_fairlight_preset",
  title: "Apply Fairlight preset",
  description:
    "Applies a Fairlight preset (a saved audio track/bus/mixer setup) to the current timeline. An unknown name fails with the list of presets (list_presets with kind fairlight lists them too). Needs Resolve 20.2+.",
  toolset: "audio",
  readOnly: false,
  idempotent: true,
  input: () => ({
    preset: z.string().trim().min(1).max(255).describe("Exact Fairlight preset name."),
  }),
  output: () => ({
    preset: z.string().describe("The preset applied."),
    timeline: z.string().describe("The timeline it was applied to."),
  }),
  apiMethods: [
    "Resolve.GetFairlightPresets",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.ApplyFairlightPresetToCurrentTimeline",
    "Timeline.GetName",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await resolve.timeline();
    const presets = await resolve.call(await resolve.root(), "GetFairlightPresets");
    const names = Array.isArray(presets) ? presets.map(String) : [];
    if (!names.includes(args.preset)) {
      fail(
        "PRESET_NOT_FOUND",
        `no Fairlight preset named "${args.preset}"`,
        `Fairlight presets: ${someNames(names)}. Save presets on Resolve's Fairlight page.`,
      );
    }
    const [ok, tlName] = await resolve.batch([
      call(project, "ApplyFairlightPresetToCurrentTimeline", args.preset),
      call(timeline, "GetName"),
    ]);
    if (ok !== true) {
      fail(
        "PRESET_REFUSED",
        `Resolve refused to apply "${args.preset}" to "${tlName}"`,
        "The preset may not fit this timeline's tracks; check it on the Fairlight page.",
      );
    }
    return {
      summary: `Applied Fairlight preset "${args.preset}" to "${tlName}".`,
      data: { preset: args.preset, timeline: String(tlName) },
    };
  },
});

export const listAudioTracks = defineTool({
  name: "list_audio_tracks",
  title: "List audio tracks",
  description:
    "Lists a timeline's audio tracks (A1, A2, ...): name, channel format (mono, stereo, 5.1, adaptive...), number of items, and voice isolation state (Resolve 20.1+). Paginated.",
  toolset: "audio",
  default: true,
  readOnly: true,
  input: () => ({ timeline: timelineRefInput, ...pageInput }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    tracks: z.array(z.object({
      index: z.number().describe("Audio track index, 1-based (A1 = 1)."),
      name: z.string().describe("Track name."),
      subtype: z.string().describe("Channel format, e.g. 'stereo'."),
      items: z.number().describe("Number of items on the track."),
      voice_isolation: voiceSchema.nullable().describe(
        "Voice isolation, null before Resolve 20.1.",
      ),
    })).describe("This page of audio tracks."),
    ...pageOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.GetTrackName",
    "Timeline.GetTrackSubType",
    "Timeline.GetItemListInTrack",
    "Timeline.GetVoiceIsolationState",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [count, tlName] = await resolve.batch([
      call(timeline, "GetTrackCount", "audio"),
      call(timeline, "GetName"),
    ]);
    const page = pageWindow(Number(count) || 0, args.cursor, args.limit);
    const indexes = Array.from({ length: page.end - page.offset }, (_, i) => page.offset + i + 1);
    const rows = await resolve.batch(indexes.flatMap((i) => [
      call(timeline, "GetTrackName", "audio", i),
      call(timeline, "GetTrackSubType", "audio", i),
      call(timeline, "GetItemListInTrack", "audio", i),
    ]));
    const states = indexes.length
      ? await optional(resolve.batch(
        indexes.map((i) => call(timeline, "GetVoiceIsolationState", i)),
      ))
      : [];
    const tracks = indexes.map((index, n) => ({
      index,
      name: String(rows[3 * n] ?? ""),
      subtype: String(rows[3 * n + 1] ?? ""),
      items: Array.isArray(rows[3 * n + 2]) ? (rows[3 * n + 2] as unknown[]).length : 0,
      voice_isolation: states ? voice(states[n]) : null,
    }));
    return {
      summary: `"${tlName}" has ${page.total} audio track(s)` +
        (tracks.length ? `: ${tracks.map((t) => `A${t.index} ${t.subtype}`).join(", ")}.` : "."),
      data: { timeline: String(tlName), tracks, total: page.total, next_cursor: page.next_cursor },
    };
  },
});

export const addAudioTrack = defineTool({
  name: "add_audio_track",
  title: "Add audio track",
  description:
    "Adds an audio track of a given channel format to a timeline, at the end or at a position, optionally naming it. Formats: mono, stereo, lrc, lcr, lrcs, lcrs, quad, 5.0, 5.0film, 5.1, 5.1film, 7.0, 7.0film, 7.1, 7.1film, adaptive1-adaptive36 (Resolve 19.1+; older versions know fewer).",
  toolset: "audio",
  default: true,
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    subtype: z.enum(AUDIO_TRACK_TYPES).optional().describe("Channel format. Default 'mono'."),
    index: z.number().int().min(1).max(1000).optional().describe(
      "Position of the new track (1 = becomes A1, later tracks shift down). Omit (or past the last) to append.",
    ),
    name: z.string().trim().min(1).max(255).optional().describe(
      "Name for the new track. Omit to keep Resolve's default (e.g. 'Audio 3').",
    ),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    index: z.number().describe("Index of the new audio track."),
    subtype: z.string().describe("Its channel format as Resolve reports it."),
    name: z.string().describe("Its name."),
    audio_tracks: z.number().describe("Number of audio tracks now."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "Timeline.GetTrackCount",
    "Timeline.AddTrack",
    "Timeline.GetTrackSubType",
    "Timeline.GetTrackName",
    "Timeline.SetTrackName",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [before, tlName] = await resolve.batch([
      call(timeline, "GetTrackCount", "audio"),
      call(timeline, "GetName"),
    ]);
    const count = Number(before) || 0;
    const subtype = args.subtype ?? "mono";
    const options = args.index !== undefined && args.index <= count
      ? { audioType: subtype, index: args.index }
      : subtype;
    const index = typeof options === "object" ? args.index! : count + 1;
    const ok = await resolve.call(timeline, "AddTrack", "audio", options);
    if (ok !== true) {
      fail(
        "TRACK_REFUSED",
        `Resolve refused to add a ${subtype} audio track to "${tlName}"`,
        "Before Resolve 19.1 only mono, stereo, 5.1, 5.1film, 7.1, 7.1film and adaptive1-24 exist; before 19.0 the index option does not.",
      );
    }
    const calls = [];
    if (args.name) {
      calls.push(call(timeline, "SetTrackName", "audio", index, args.name));
    }
    const results = await resolve.batch([
      ...calls,
      call(timeline, "GetTrackSubType", "audio", index),
      call(timeline, "GetTrackName", "audio", index),
      call(timeline, "GetTrackCount", "audio"),
    ]);
    const [sub, trackName, after] = results.slice(calls.length);
    if (args.name && results[0] !== true) {
      fail(
        "RENAME_REFUSED",
        `added A${index} to "${tlName}" but Resolve refused the name "${args.name}"`,
        "The track exists with its default name; try another name.",
      );
    }
    return {
      summary: `Added ${sub} audio track A${index} "${trackName}" to "${tlName}".`,
      data: {
        timeline: String(tlName),
        index,
        subtype: String(sub ?? subtype),
        name: String(trackName ?? ""),
        audio_tracks: Number(after) || 0,
      },
    };
  },
});

export const setVoiceIsolation = defineTool({
  name: "set_voice_isolation",
  title: "Set voice isolation",
  description:
    "Turns Resolve's AI voice isolation (removes non-speech sound) on or off and sets its amount, on a whole audio track or on one audio item. Give track_index or item_id. Studio only; Resolve 20.1+. list_audio_tracks shows track states.",
  toolset: "audio",
  readOnly: false,
  idempotent: true,
  either: [
    { fields: ["track_index", "item_id"], rule: "one" },
    { fields: ["enabled", "amount"], rule: "at_least_one" },
  ],
  input: () => ({
    timeline: timelineRefInput,
    track_index: z.number().int().min(1).max(1000).optional().describe(
      "Audio track index (A1 = 1). Give this or item_id.",
    ),
    item_id: z.string().min(1).max(255).optional().describe(
      "Unique id of an audio timeline item. Give this or track_index.",
    ),
    enabled: z.boolean().optional().describe("On or off. Omit to keep the current state."),
    amount: z.number().int().min(0).max(100).optional().describe(
      "Strength 0-100. Omit to keep the current amount.",
    ),
  }),
  output: () => ({
    target: z.string().describe("What changed, e.g. 'track A1' or 'item <id>'."),
    before: voiceSchema.nullable().describe("State before."),
    after: voiceSchema.describe("State after."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    ...ITEM_LOOKUP,
    "Resolve.GetProductName",
    "Timeline.GetVoiceIsolationState",
    "Timeline.SetVoiceIsolationState",
    "TimelineItem.GetVoiceIsolationState",
    "TimelineItem.SetVoiceIsolationState",
  ],
  async handler(args, { resolve }) {
    if ((args.track_index === undefined) === (args.item_id === undefined)) {
      fail(
        "INVALID_ARGUMENTS",
        "give exactly one of track_index or item_id",
        "track_index sets a whole track; item_id one item.",
      );
    }
    if (args.enabled === undefined && args.amount === undefined) {
      fail("INVALID_ARGUMENTS", "give enabled, amount or both", "Nothing to change.");
    }
    const state: Record<string, unknown> = {};
    if (args.enabled !== undefined) state.isEnabled = args.enabled;
    if (args.amount !== undefined) state.amount = args.amount;
    const { timeline } = await findTimeline(resolve, args.timeline);
    let target: Handle;
    let label: string;
    let trackArgs: unknown[] = [];
    if (args.track_index !== undefined) {
      const [count, tlName] = await resolve.batch([
        call(timeline, "GetTrackCount", "audio"),
        call(timeline, "GetName"),
      ]);
      checkTrack(args.track_index, Number(count) || 0, String(tlName));
      target = timeline;
      trackArgs = [args.track_index];
      label = `track A${args.track_index}`;
    } else {
      const found = await findItem(resolve, timeline, args.item_id!);
      if (found.trackType !== "audio") {
        fail(
          "NOT_AUDIO_ITEM",
          `item ${args.item_id} is on a ${found.trackType} track`,
          "Voice isolation works on audio items; use the linked audio item's id.",
        );
      }
      target = found.item;
      label = `item ${args.item_id}`;
    }
    const [before, ok, after] = await resolve.batch([
      call(target, "GetVoiceIsolationState", ...trackArgs),
      call(target, "SetVoiceIsolationState", ...trackArgs, state),
      call(target, "GetVoiceIsolationState", ...trackArgs),
    ]);
    if (ok !== true) {
      if (!(await isStudio(resolve))) {
        fail(
          "STUDIO_REQUIRED",
          "voice isolation needs DaVinci Resolve Studio",
          "This is the free edition; use Resolve Studio.",
        );
      }
      fail(
        "VOICE_ISOLATION_REFUSED",
        `Resolve refused voice isolation on ${label}`,
        "Check the track or item is audio and the amount is 0-100.",
      );
    }
    const now = voice(after) ?? { enabled: args.enabled ?? false, amount: args.amount ?? 0 };
    return {
      summary: `Voice isolation on ${label}: ${now.enabled ? "on" : "off"}, amount ${now.amount}.`,
      data: { target: label, before: voice(before), after: now },
    };
  },
});

export const getAudioMapping = defineTool({
  name: "get_audio_mapping",
  title: "Get audio channel mapping",
  description:
    "Reads how a media pool clip's (or a timeline item's source) audio channels map to its audio tracks: embedded channel count, linked audio files, and per track its format, channels and mute. For a timeline item also its voice isolation. Give clip or item_id. Resolve 19+.",
  toolset: "audio",
  readOnly: true,
  either: [{ fields: ["clip", "item_id"], rule: "one" }],
  input: () => ({
    clip: clipRefInput.optional().describe(
      "A media pool clip: id, bin path like 'Master/Dailies/shot.mov', or unique name. Give this or item_id.",
    ),
    item_id: z.string().min(1).max(255).optional().describe(
      "Unique id of a timeline item (on the timeline given, default current). Give this or clip.",
    ),
    timeline: timelineRefInput,
  }),
  output: () => mappingOutput,
  apiMethods: [
    ...TIMELINE_LOOKUP,
    ...ITEM_LOOKUP,
    ...CLIP_LOOKUP,
    "MediaPoolItem.GetAudioMapping",
    "TimelineItem.GetSourceAudioChannelMapping",
    "TimelineItem.GetVoiceIsolationState",
  ],
  async handler(args, { resolve }) {
    if ((args.clip === undefined) === (args.item_id === undefined)) {
      fail("INVALID_ARGUMENTS", "give exactly one of clip or item_id");
    }
    if (args.clip !== undefined && args.timeline !== undefined) {
      fail("INVALID_ARGUMENTS", "timeline is only used with item_id");
    }
    let raw: unknown;
    let source: string;
    let vi: { enabled: boolean; amount: number } | null = null;
    if (args.clip !== undefined) {
      const project = await resolve.project();
      const pool = await resolve.call(project, "GetMediaPool") as Handle;
      const clip = await findClip(resolve, pool, args.clip);
      raw = await resolve.call(clip.clip, "GetAudioMapping");
      source = `clip ${clip.id}`;
    } else {
      const { timeline } = await findTimeline(resolve, args.timeline);
      const found = await findItem(resolve, timeline, args.item_id!);
      raw = await resolve.call(found.item, "GetSourceAudioChannelMapping");
      source = `item ${args.item_id}`;
      if (found.trackType === "audio") {
        vi = voice(await optional(resolve.call(found.item, "GetVoiceIsolationState")));
      }
    }
    if (raw === "" || raw === null || raw === undefined) {
      fail(
        "NO_AUDIO",
        `${source} has no audio mapping`,
        "It may have no audio (stills, titles, generators).",
      );
    }
    const mapping = parseMapping(raw);
    return {
      summary:
        `${source}: ${mapping.embedded_audio_channels} embedded channel(s), ${mapping.tracks.length} audio track(s)` +
        (mapping.linked_audio.length ? `, ${mapping.linked_audio.length} linked file(s).` : "."),
      data: { source, ...mapping, voice_isolation: vi },
    };
  },
});

export const insertAudio = defineTool({
  name: "insert_audio_at_playhead",
  title: "Insert audio at playhead",
  description:
    "Inserts (part of) an audio file at the playhead of the current timeline, on the track selected on the Fairlight page (Resolve's API only does this on the Fairlight page; by default the tool opens it). Offsets and durations are in samples of the file (48000 per second at 48 kHz).",
  toolset: "audio",
  readOnly: false,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe(
      "Absolute path of the audio (or video with audio) file.",
    ),
    start_offset_samples: z.number().int().min(0).max(1e12).optional().describe(
      "Where in the file to start, in samples. Default 0 (the beginning).",
    ),
    duration_samples: z.number().int().min(1).max(1e12).describe(
      "How much to insert, in samples (e.g. 96000 = 2 s at 48 kHz).",
    ),
    open_fairlight_page: z.boolean().optional().describe(
      "Open the Fairlight page first when another page is shown. Default true; false fails instead.",
    ),
  }),
  output: () => ({
    path: z.string().describe("Resolved file inserted."),
    timeline: z.string().describe("Timeline it went into."),
    start_offset_samples: z.number().describe("Start offset used."),
    duration_samples: z.number().describe("Duration used."),
    page_switched: z.boolean().describe("True if the tool opened the Fairlight page."),
  }),
  apiMethods: [
    "Resolve.GetCurrentPage",
    "Resolve.OpenPage",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.InsertAudioToCurrentTrackAtPlayhead",
    "Timeline.GetName",
  ],
  async handler(args, { resolve, paths }) {
    const [checked] = await paths.checkRead([args.path]);
    if (!checked.exists || checked.isDir) {
      fail(
        "FILE_NOT_FOUND",
        `${args.path} is not an existing file`,
        "Check the path (it must be absolute).",
      );
    }
    const { project, timeline } = await resolve.timeline();
    const root = await resolve.root();
    const page = await resolve.call(root, "GetCurrentPage");
    let switched = false;
    if (page !== "fairlight") {
      if (args.open_fairlight_page === false) {
        fail(
          "WRONG_PAGE",
          `Resolve shows the ${page ?? "unknown"} page; inserting needs the Fairlight page`,
          "Call switch_page with page fairlight, or omit open_fairlight_page.",
        );
      }
      if (await resolve.call(root, "OpenPage", "fairlight") !== true) {
        fail(
          "PAGE_REFUSED",
          "Resolve refused to open the Fairlight page",
          "Close any dialog in Resolve and retry.",
        );
      }
      switched = true;
    }
    const start = args.start_offset_samples ?? 0;
    const [ok, tlName] = await resolve.batch([
      call(
        project,
        "InsertAudioToCurrentTrackAtPlayhead",
        checked.path,
        start,
        args.duration_samples,
      ),
      call(timeline, "GetName"),
    ]);
    if (ok !== true) {
      fail(
        "INSERT_FAILED",
        `Resolve could not insert ${checked.path} on "${tlName}"`,
        "Check the file has audio, the range fits inside it, a track is selected and unlocked on the Fairlight page, and the playhead spot is free.",
      );
    }
    return {
      summary:
        `Inserted ${args.duration_samples} samples of ${checked.path} at the playhead of "${tlName}".`,
      data: {
        path: checked.path,
        timeline: String(tlName),
        start_offset_samples: start,
        duration_samples: args.duration_samples,
        page_switched: switched,
      },
    };
  },
});

export const generateSpeech = defineTool({
  name: "generate_speech",
  title: "Generate speech (AI)",
  description:
    "Turns text into a spoken audio clip with Resolve's AI Speech Generator and adds it to the media pool's current bin, optionally also onto the current timeline at the playhead or a given time. Studio only, Resolve 21+, needs the 'AI Speech Generator' extra installed.",
  toolset: "audio",
  readOnly: false,
  openWorld: true,
  input: () => ({
    text: z.string().trim().min(1).max(350).describe("The text to speak (up to 350 characters)."),
    voice_model: z.string().min(1).max(100).optional().describe(
      "Voice, e.g. 'Female 1', 'Male 1', or 'Custom Voice' with custom_voice_file. Default: Resolve's default voice.",
    ),
    custom_voice_file: z.string().min(1).max(4096).optional().describe(
      "Absolute path of a voice sample for voice_model 'Custom Voice'.",
    ),
    speed: z.number().int().min(-10).max(10).optional().describe(
      "Speaking speed -10..10. Default 0.",
    ),
    pitch: z.number().int().min(-2).max(2).optional().describe("Pitch -2..2. Default 0."),
    variation: z.number().int().min(0).max(1).optional().describe("Variation 0 or 1. Default 0."),
    generation_id: z.number().int().min(0).max(2_147_483_647).optional().describe(
      "Seed for a reproducible take. Omit for a new one.",
    ),
    filename: z.string().trim().min(1).max(255).optional().describe(
      "Name of the generated clip. Default 'Generated Speech'.",
    ),
    add_to_timeline: z.boolean().optional().describe(
      "Also place it on the current timeline. Default false.",
    ),
    audio_track: z.number().int().min(1).max(1000).optional().describe(
      "With add_to_timeline: audio track index (A1 = 1). Default A1.",
    ),
    ...timeInput("With add_to_timeline: where to place it; omit for the playhead"),
  }),
  output: () => ({
    clip: z.object({
      name: z.string().describe("Clip name."),
      id: z.string().describe("Clip unique id."),
      duration: z.string().describe("Duration as timecode."),
    }).describe("The generated media pool clip."),
    added_to_timeline: z.boolean().describe("True if it was also placed on the timeline."),
    timecode: z.string().nullable().describe("Timeline timecode where it was placed, or null."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "Resolve.GetProductName",
    "Project.GenerateSpeech",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    "Timeline.GetCurrentTimecode",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
    ...VERSION_LOOKUP,
  ],
  async handler(args, { resolve, paths }) {
    const timed = args.frame !== undefined || args.timecode !== undefined;
    if ((timed || args.audio_track !== undefined) && !args.add_to_timeline) {
      fail("INVALID_ARGUMENTS", "frame, timecode and audio_track need add_to_timeline: true");
    }
    if (args.custom_voice_file && args.voice_model !== "Custom Voice") {
      fail("INVALID_ARGUMENTS", "custom_voice_file goes with voice_model 'Custom Voice'");
    }
    const settings: Record<string, unknown> = { TextInput: args.text };
    if (args.voice_model) settings.VoiceModel = args.voice_model;
    if (args.custom_voice_file) {
      const [checked] = await paths.checkRead([args.custom_voice_file]);
      if (!checked.exists || checked.isDir) {
        fail(
          "FILE_NOT_FOUND",
          `${args.custom_voice_file} is not an existing file`,
          "Give an audio file with the voice sample.",
        );
      }
      settings.CustomVoiceFile = checked.path;
    }
    if (args.speed !== undefined) settings.Speed = args.speed;
    if (args.pitch !== undefined) settings.Pitch = args.pitch;
    if (args.variation !== undefined) settings.Variation = args.variation;
    if (args.generation_id !== undefined) settings.GenerationID = args.generation_id;
    if (args.filename) settings.Filename = args.filename;
    let timecode: string | null = null;
    let project: Handle;
    // The 21.1 stub documents GenerateSpeech({speechSettings}) without timecode (placed at the
    // playhead); its README still shows the timecode form, kept for an explicit position.
    const dictOnly = await versionAtLeast(resolve, "21.1");
    if (args.add_to_timeline) {
      settings.AddToTimeline = true;
      settings.AudioTrack = args.audio_track ?? 1;
      const { project: p, timeline } = await resolve.timeline();
      project = p;
      if (timed) {
        const rate = await timelineRate(resolve, timeline);
        const start = Number(await resolve.call(timeline, "GetStartFrame")) || 0;
        timecode = framesToTimecode(start + offsetFrom(args, rate, start)!, rate);
      } else {
        timecode = String(await resolve.call(timeline, "GetCurrentTimecode") ?? "") || null;
      }
    } else {
      project = await resolve.project();
    }
    const [clip, clipName, id, duration] = await resolve.batch([
      call(
        project,
        "GenerateSpeech",
        ...timecode && (timed || !dictOnly) ? [settings, timecode] : [settings],
      ),
      call(ref(0), "GetName"),
      call(ref(0), "GetUniqueId"),
      call(ref(0), "GetClipProperty", "Duration"),
    ]);
    if (!isHandle(clip)) {
      if (!(await isStudio(resolve))) {
        fail(
          "STUDIO_REQUIRED",
          "speech generation needs DaVinci Resolve Studio",
          "This is the free edition; use Resolve Studio.",
        );
      }
      fail(
        "SPEECH_FAILED",
        `Resolve could not generate speech${typeof clip === "string" ? `: ${clip}` : ""}`,
        "Install the 'AI Speech Generator' extra in Resolve, check voice_model, and that the timeline spot is free.",
      );
    }
    return {
      summary: `Generated speech clip "${clipName}" (${duration})` +
        (args.add_to_timeline ? ` and placed it at ${timecode ?? "the playhead"}.` : "."),
      data: {
        clip: { name: String(clipName), id: String(id), duration: String(duration ?? "") },
        added_to_timeline: args.add_to_timeline === true,
        timecode: args.add_to_timeline ? timecode : null,
      },
    };
  },
});
