// Toolset "timeline": Analysis and interchange: subtitles from audio, scene cuts, stereo, import/export.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { needExtension, outputFile } from "../shared.ts";
import {
  call,
  constant,
  dictOf,
  EXPORT_FORMATS,
  findBinRef,
  findTimeline,
  followJob,
  isHandle,
  listTimelines,
  poolOf,
  ref,
  timelineRefInput,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";
import {
  IMPORT_EXTENSIONS,
  LANGUAGES,
  TIMELINE_METHODS,
  timelineRows,
  timelineSchema,
  TL_LOOKUP,
  trackItems,
} from "./common.ts";

export const createSubtitlesFromAudio = defineTool({
  name: "create_subtitles_from_audio",
  title: "Create subtitles from audio (AI)",
  description:
    "Transcribes the timeline's audio into a subtitle track (Studio). Language, caption preset, characters per line, line break and gap are optional. Not available on the deliver page.",
  toolset: "timeline",
  default: true,
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    language: z.enum(LANGUAGES).optional().describe("Spoken language. Default: auto."),
    caption_preset: z.enum(["subtitle_default", "teletext", "netflix"]).optional().describe(
      "Caption preset. Default: subtitle_default.",
    ),
    chars_per_line: z.number().int().min(1).max(60).optional().describe(
      "Characters per line, 1-60. Default: 42.",
    ),
    line_break: z.enum(["single", "double"]).optional().describe(
      "Single or double lines. Default: single.",
    ),
    gap: z.number().int().min(0).max(10).optional().describe(
      "Gap between subtitles in frames, 0-10. Default: 0.",
    ),
  }),
  output: () => ({
    timeline: z.string(),
    subtitle_tracks: z.number().describe("Subtitle tracks afterwards."),
    subtitles: z.number().describe("Subtitle items afterwards."),
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.CreateSubtitlesFromAudio",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    ...VERSION_LOOKUP,
    "Project.GetCreateSubtitlesFromAudioStatus",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const settings: [unknown, unknown][] = [];
    if (args.language) {
      settings.push([
        constant("SUBTITLE_LANGUAGE"),
        constant(`AUTO_CAPTION_${args.language.toUpperCase()}`),
      ]);
    }
    if (args.caption_preset) {
      settings.push([
        constant("SUBTITLE_CAPTION_PRESET"),
        constant(`AUTO_CAPTION_${args.caption_preset.toUpperCase()}`),
      ]);
    }
    if (args.chars_per_line !== undefined) {
      settings.push([constant("SUBTITLE_CHARS_PER_LINE"), args.chars_per_line]);
    }
    if (args.line_break) {
      settings.push([
        constant("SUBTITLE_LINE_BREAK"),
        constant(`AUTO_CAPTION_LINE_${args.line_break.toUpperCase()}`),
      ]);
    }
    if (args.gap !== undefined) settings.push([constant("SUBTITLE_GAP"), args.gap]);
    const ok = await resolve.call(
      timeline,
      "CreateSubtitlesFromAudio",
      ...(settings.length ? [dictOf(settings)] : []),
    );
    if (ok !== true) {
      fail(
        "AI_FEATURE_REFUSED",
        "Resolve refused to create subtitles from audio",
        "This needs DaVinci Resolve Studio, a timeline with audio, and a page other than deliver (switch_page to edit).",
      );
    }
    await followJob(resolve, ctx, project, "subtitles"); // 21.1.1: progress from its status
    const subs = await trackItems(resolve, timeline, "subtitle");
    const [tlName, tracks] = await resolve.batch([
      call(timeline, "GetName"),
      call(timeline, "GetTrackCount", "subtitle"),
    ]);
    return {
      summary: `Created ${subs.length} subtitle(s) on "${tlName}".`,
      data: {
        timeline: String(tlName),
        subtitle_tracks: Number(tracks) || 0,
        subtitles: subs.length,
      },
    };
  },
});

export const detectSceneCuts = defineTool({
  name: "detect_scene_cuts",
  title: "Detect scene cuts",
  description:
    "Runs scene-cut detection along the timeline and cuts its items at detected shot changes.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({ timeline: z.string(), items_before: z.number(), items_after: z.number() }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.DetectSceneCuts",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    ...VERSION_LOOKUP,
    "Project.GetDetectSceneCutsStatus",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const before = (await trackItems(resolve, timeline, "video")).length;
    const ok = await resolve.call(timeline, "DetectSceneCuts");
    if (ok !== true) {
      fail(
        "DETECTION_FAILED",
        "Resolve could not detect scene cuts",
        "The timeline needs video items.",
      );
    }
    await followJob(resolve, ctx, project, "scene_cuts"); // 21.1.1: progress from its status
    const after = (await trackItems(resolve, timeline, "video")).length;
    const [tlName] = await resolve.batch([call(timeline, "GetName")]);
    return {
      summary: `Scene-cut detection: ${before} → ${after} video item(s).`,
      data: { timeline: String(tlName), items_before: before, items_after: after },
    };
  },
});

export const convertTimelineToStereo = defineTool({
  name: "convert_timeline_to_stereo",
  title: "Convert timeline to stereo 3D",
  description: "Converts a timeline to a stereoscopic 3D timeline (Studio).",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({ timeline: timelineRefInput }),
  output: () => ({ timeline: z.string() }),
  apiMethods: [...TL_LOOKUP, "Timeline.ConvertTimelineToStereo"],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const [ok, tlName] = await resolve.batch([
      call(timeline, "ConvertTimelineToStereo"),
      call(timeline, "GetName"),
    ]);
    if (ok !== true) {
      fail(
        "AI_FEATURE_REFUSED",
        "Resolve refused to convert the timeline to stereo",
        "This needs DaVinci Resolve Studio.",
      );
    }
    return { summary: `Converted "${tlName}" to stereo 3D.`, data: { timeline: String(tlName) } };
  },
});

export const importTimeline = defineTool({
  name: "import_timeline",
  title: "Import timeline from file",
  description:
    "Builds a new timeline from an AAF, EDL, FCP 7 XML, FCPXML, DRT, ADL or OTIO file, importing or finding its source clips. Fails if the timeline name is taken.",
  toolset: "timeline",
  readOnly: false,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe(
      "Absolute path of the file (.aaf, .edl, .xml, .fcpxml, .drt, .adl, .otio).",
    ),
    timeline_name: z.string().trim().min(1).max(255).optional().describe(
      "Name of the new timeline (not for DRT). Default: from the file.",
    ),
    import_source_clips: z.boolean().optional().describe(
      "Import the source media into the pool (not for DRT). Default: true.",
    ),
    source_clips_path: z.string().min(1).max(4096).optional().describe(
      "Folder to search for media whose original path is missing (with import_source_clips).",
    ),
    source_clips_bins: z.array(z.string().min(1).max(1024)).max(50).optional().describe(
      "Bins (paths or ids) to search for the clips when import_source_clips is false.",
    ),
    interlace_processing: z.boolean().optional().describe("AAF only: enable interlace processing."),
  }),
  output: () => ({ timeline: timelineSchema }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.GetCurrentTimeline",
    "MediaPool.ImportTimelineFromFile",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve, paths }) {
    const ext = args.path.split(".").pop()?.toLowerCase() ?? "";
    if (!IMPORT_EXTENSIONS.includes(ext)) {
      fail(
        "UNSUPPORTED_FORMAT",
        `.${ext} is not a timeline format Resolve imports`,
        `Use one of: ${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(", ")}.`,
      );
    }
    if (
      ext === "drt" &&
      (args.timeline_name || args.import_source_clips !== undefined || args.source_clips_bins)
    ) {
      fail(
        "INVALID_ARGUMENTS",
        "timeline_name, import_source_clips and source_clips_bins do not apply to DRT files",
      );
    }
    if (args.interlace_processing !== undefined && ext !== "aaf") {
      fail("INVALID_ARGUMENTS", "interlace_processing applies to AAF only");
    }
    const toCheck = [args.path, ...(args.source_clips_path ? [args.source_clips_path] : [])];
    const checked = await paths.checkRead(toCheck);
    if (!checked[0].exists) {
      fail("FILE_NOT_FOUND", `${args.path} does not exist`, "Check the path.");
    }
    if (checked[1] && !checked[1].isDir) {
      fail("FOLDER_NOT_FOUND", `${args.source_clips_path} is not a folder`);
    }
    const { project, mediaPool } = await poolOf(resolve);
    const existing = await listTimelines(resolve, project);
    if (args.timeline_name && existing.some((t) => t.name === args.timeline_name)) {
      fail(
        "TIMELINE_EXISTS",
        `a timeline named "${args.timeline_name}" already exists`,
        "Give another timeline_name.",
      );
    }
    const options: Record<string, unknown> = {};
    if (args.timeline_name) options.timelineName = args.timeline_name;
    if (args.import_source_clips !== undefined) {
      options.importSourceClips = args.import_source_clips;
    }
    if (checked[1]) options.sourceClipsPath = checked[1].path;
    if (args.source_clips_bins) {
      options.sourceClipsFolders = await Promise.all(
        args.source_clips_bins.map(async (b) => (await findBinRef(resolve, mediaPool, b)).bin),
      );
    }
    if (args.interlace_processing !== undefined) {
      options.interlaceProcessing = args.interlace_processing;
    }
    const timeline = await resolve.call(
      mediaPool,
      "ImportTimelineFromFile",
      checked[0].path,
      options,
    );
    if (!isHandle(timeline)) {
      fail(
        "IMPORT_FAILED",
        `Resolve could not import ${checked[0].path}`,
        "Check the file is a valid timeline file and that its name is not already used (give timeline_name).",
      );
    }
    const [, currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
    ]);
    const [row] = await timelineRows(resolve, [timeline], currentId);
    return {
      summary: `Imported timeline "${row.name}" (${row.duration_frames} frames).`,
      data: { timeline: row },
    };
  },
});

export const importIntoTimeline = defineTool({
  name: "import_into_timeline",
  title: "Import AAF into timeline",
  description:
    "Imports the items of an AAF file into an existing timeline (as extra tracks, or at an offset).",
  toolset: "timeline",
  readOnly: false,
  openWorld: true,
  input: () => ({
    timeline: timelineRefInput,
    path: z.string().min(1).max(4096).describe("Absolute path of the .aaf file."),
    auto_import_source_clips: z.boolean().optional().describe(
      "Import the source clips into the pool. Default: true.",
    ),
    ignore_file_extensions_when_matching: z.boolean().optional().describe(
      "Match media ignoring file extensions. Default: false.",
    ),
    link_to_source_camera_files: z.boolean().optional().describe(
      "Link to source camera files. Default: false.",
    ),
    use_sizing_info: z.boolean().optional().describe(
      "Use the AAF's sizing information. Default: false.",
    ),
    import_multichannel_audio_as_linked_groups: z.boolean().optional().describe(
      "Import multi-channel audio tracks as linked groups. Default: false.",
    ),
    insert_additional_tracks: z.boolean().optional().describe(
      "Add the AAF's tracks as new tracks. Default: true.",
    ),
    insert_with_offset: z.string().max(16).optional().describe(
      "With insert_additional_tracks false: offset timecode, e.g. '00:00:10:00'. Default: 00:00:00:00.",
    ),
    source_clips_path: z.string().min(1).max(4096).optional().describe(
      "Folder to search for the media.",
    ),
    source_clips_bins: z.array(z.string().min(1).max(1024)).max(50).optional().describe(
      "Bins (paths or ids) to search for the clips.",
    ),
  }),
  output: () => ({ timeline: z.string(), items_before: z.number(), items_after: z.number() }),
  apiMethods: [
    ...TL_LOOKUP,
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "Timeline.ImportIntoTimeline",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
  ],
  async handler(args, { resolve, paths }) {
    if (!args.path.toLowerCase().endsWith(".aaf")) {
      fail(
        "UNSUPPORTED_FORMAT",
        "only AAF files can be imported into an existing timeline",
        "Use import_timeline for other formats.",
      );
    }
    const toCheck = [args.path, ...(args.source_clips_path ? [args.source_clips_path] : [])];
    const checked = await paths.checkRead(toCheck);
    if (!checked[0].exists) fail("FILE_NOT_FOUND", `${args.path} does not exist`);
    if (checked[1] && !checked[1].isDir) {
      fail("FOLDER_NOT_FOUND", `${args.source_clips_path} is not a folder`);
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    const options: Record<string, unknown> = {};
    const map: [keyof typeof args, string][] = [
      ["auto_import_source_clips", "autoImportSourceClipsIntoMediaPool"],
      ["ignore_file_extensions_when_matching", "ignoreFileExtensionsWhenMatching"],
      ["link_to_source_camera_files", "linkToSourceCameraFiles"],
      ["use_sizing_info", "useSizingInfo"],
      ["import_multichannel_audio_as_linked_groups", "importMultiChannelAudioTracksAsLinkedGroups"],
      ["insert_additional_tracks", "insertAdditionalTracks"],
      ["insert_with_offset", "insertWithOffset"],
    ];
    for (const [k, key] of map) if (args[k] !== undefined) options[key] = args[k];
    if (checked[1]) options.sourceClipsPath = checked[1].path;
    if (args.source_clips_bins) {
      const { mediaPool } = await poolOf(resolve);
      options.sourceClipsFolders = await Promise.all(
        args.source_clips_bins.map(async (b) => (await findBinRef(resolve, mediaPool, b)).bin),
      );
    }
    const before = (await trackItems(resolve, timeline)).length;
    const ok = await resolve.call(timeline, "ImportIntoTimeline", checked[0].path, options);
    if (ok !== true) {
      fail(
        "IMPORT_FAILED",
        `Resolve could not import ${checked[0].path} into the timeline`,
        "Check the AAF is valid and its media can be found (source_clips_path).",
      );
    }
    const after = (await trackItems(resolve, timeline)).length;
    const [tlName] = await resolve.batch([call(timeline, "GetName")]);
    return {
      summary: `Imported ${after - before} item(s) into "${tlName}".`,
      data: { timeline: String(tlName), items_before: before, items_after: after },
    };
  },
});

export const exportTimeline = defineTool({
  name: "export_timeline",
  title: "Export timeline",
  description:
    "Exports a timeline to an interchange file: EDL (plain, with CDL/SDL, or missing clips), FCP 7 XML, FCPXML 1.8/1.9/1.10, OTIO, CSV or tab text, ALE (with/without CDL), DRT, AAF (new or existing media), HDR10 profile A/B, Dolby Vision 2.9/4.0/5.1 metadata. Overwriting an existing file needs confirmation.",
  toolset: "timeline",
  default: true,
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    timeline: timelineRefInput,
    format: z.enum(Object.keys(EXPORT_FORMATS) as [string, ...string[]]).describe(
      "Export format, e.g. 'edl', 'fcpxml_1_10', 'otio', 'drt', 'aaf_new', 'csv'.",
    ),
    path: z.string().min(1).max(4096).describe(
      "Absolute file path with the format's extension (.edl, .xml, .fcpxml, .fcpxmld for 1.10, .otio, .csv, .txt, .ale, .drt, .aaf) in an existing folder, e.g. /exports/cut.edl.",
    ),
  }),
  output: () => ({
    timeline: z.string().describe("Timeline exported."),
    format: z.string(),
    file: z.string().describe("The file written."),
  }),
  apiMethods: [...TL_LOOKUP, "Timeline.Export"],
  async handler(args, ctx) {
    const format = EXPORT_FORMATS[args.format];
    const { timeline } = await findTimeline(ctx.resolve, args.timeline);
    needExtension(args.path, [format.ext], args.format); // the name says what the file is
    const out = await outputFile(ctx, args.path, /\.fcpxmld$/i);
    const file = out.path;
    const [ok, tlName] = await ctx.resolve.batch([
      call(timeline, "Export", file, constant(format.type), constant(format.subtype)),
      call(timeline, "GetName"),
    ]);
    await out.landed();
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not export "${tlName}" as ${args.format}`,
        "Some formats need content (e.g. HDR/Dolby Vision metadata need an HDR project; AAF existing needs the media); check the folder is writable.",
      );
    }
    return {
      summary: `Exported "${tlName}" as ${args.format} to ${file}.`,
      data: { timeline: String(tlName), format: args.format, file },
    };
  },
});
