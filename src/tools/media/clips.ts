// Toolset "media": Media pool clips: list, info, properties, tags, in/out marks, delete, move, metadata export.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  CLIP_COLORS,
  MARKER_COLORS,
  needExtension,
  NO_CONTROL,
  outputFile,
  someNames,
} from "../shared.ts";
import {
  type BatchCall,
  call,
  cell,
  CHECKPOINT_API,
  checkpointIdOutput,
  clipFrames,
  clipRefInput,
  filteredListPage,
  findBin,
  findClips,
  isHandle,
  listPage,
  type MapMethod,
  markerList,
  markerSchema,
  matchesBin,
  onlyKeys,
  pageInput,
  pageOutput,
  poolOf,
  ref,
  saveCheckpoint,
  textTable,
  walkBins,
} from "../../resolve/index.ts";
import {
  BIN_WALK_METHODS,
  binRefInput,
  CLIP_FIND_METHODS,
  clipSchema,
  clipsInput,
} from "./common.ts";

/** The clip properties a listing reports, read in one GetClipProperty() per clip. */
const LIST_PROPS = ["File Path", "Type", "Frames", "FPS", "Resolution", "Duration", "Start TC"];
const LIST_META = ["Scene", "Shot", "Take"];
const LIST_FIELDS: MapMethod[] = [
  ["GetName"],
  ["GetUniqueId"],
  ["GetMediaId"],
  ["GetClipProperty", [], onlyKeys(...LIST_PROPS)],
  ["GetMetadata", [], onlyKeys(...LIST_META)],
  ["GetClipColor"],
  ["GetFlagList"],
];

const listedClipSchema = clipSchema.extend({
  media_id: z.string().describe("The clip's media id (MediaPoolItem.GetMediaId)."),
  bin: z.string().describe("Path of the bin holding the clip."),
  start_tc: z.string().describe("Source start timecode."),
  scene: z.string().describe("Scene metadata, empty if unset."),
  shot: z.string().describe("Shot metadata, empty if unset."),
  take: z.string().describe("Take metadata, empty if unset."),
  clip_color: z.string().describe("Clip colour, empty if none."),
  flags: z.array(z.string()).describe("Flag colours."),
});

type ListedClip = z.infer<typeof listedClipSchema>;

/** The text of a page of clips: one short line each (structuredContent has every field). */
function clipTable(clips: ListedClip[]): string {
  return textTable(
    ["id", "name", "frames@fps", "start TC", "scene/shot/take", "flags"],
    clips.map((c) => [
      c.id,
      cell(c.name, 20),
      `${c.frames}@${c.fps}`,
      c.start_tc,
      c.scene || c.shot || c.take ? cell(`${c.scene}/${c.shot}/${c.take}`, 12) : "",
      cell([c.clip_color, ...c.flags].filter(Boolean).join(","), 12),
    ]),
  );
}

export const listClips = defineTool({
  name: "list_clips",
  title: "List clips",
  description:
    "Lists media pool clips with their key properties (id, media id, path, type, frames, fps, resolution, duration, start timecode, scene/shot/take, colour, flags): of one bin, of a bin and its sub-bins, or of the whole pool. Paginated; filter by name.",
  toolset: "media",
  default: true,
  readOnly: true,
  input: () => ({
    bin: binRefInput("List this bin's clips").optional().describe(
      "Bin path like 'Master/Dailies' or a bin id. Omit to list the whole pool.",
    ),
    recursive: z.boolean().optional().describe(
      "With bin: include its sub-bins. Default: false (the whole pool is always listed recursively).",
    ),
    name_contains: z.string().min(1).max(255).optional().describe(
      "Only clips whose name contains this text (case-insensitive). Omit for all.",
    ),
    ...pageInput,
  }),
  output: () => ({
    clips: z.array(listedClipSchema).describe("This page of clips."),
    ...pageOutput,
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.GetMediaId",
    "MediaPoolItem.GetClipProperty",
    "MediaPoolItem.GetMetadata",
    "MediaPoolItem.GetClipColor",
    "MediaPoolItem.GetFlagList",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const all = await walkBins(resolve, mediaPool, undefined, 100, false);
    let bins = all;
    if (args.bin) {
      const start = all.find((b) => matchesBin(b, args.bin!, all[0].name)) ??
        fail(
          "BIN_NOT_FOUND",
          `no bin with id or path "${args.bin}"`,
          `Bins: ${someNames(all.map((b) => b.path))}.`,
        );
      bins = args.recursive
        ? all.filter((b) => b === start || b.path.startsWith(`${start.path}/`))
        : [start];
    }
    const sources = bins.map((b) => ({
      key: `clips:${b.id}`,
      target: b.bin,
      method: "GetClipList",
    }));
    const needle = args.name_contains?.toLowerCase();
    const page = needle === undefined
      ? await listPage(resolve, sources, args.cursor, args.limit, LIST_FIELDS)
      : await filteredListPage(
        resolve,
        sources,
        args.cursor,
        args.limit,
        ["GetName"],
        (name) => String(name).toLowerCase().includes(needle),
        LIST_FIELDS,
      );
    const clips: ListedClip[] = page.rows.map(([n, id, mid, props, meta, color, flags], i) => {
      const [path, type, frames, fps, res, dur, tc] = Array.isArray(props) ? props : [];
      const [scene, shot, take] = Array.isArray(meta) ? meta : [];
      return {
        name: String(n),
        id: String(id),
        media_id: String(mid ?? ""),
        bin: bins[page.sources[i]].path,
        path: String(path ?? ""),
        type: String(type ?? ""),
        frames: clipFrames(frames, dur, fps), // 21.0.4+: '' for audio clips
        fps: Number(fps) || 0,
        resolution: String(res ?? ""),
        duration: String(dur ?? ""),
        start_tc: String(tc ?? ""),
        scene: String(scene ?? ""),
        shot: String(shot ?? ""),
        take: String(take ?? ""),
        clip_color: String(color ?? ""),
        flags: Array.isArray(flags) ? flags.map(String) : [],
      };
    });
    const where = args.bin ? ` in "${bins[0].path}"` : " in the pool";
    const hint = args.bin && !args.recursive && page.total === 0 && needle === undefined &&
        bins[0].children.length
      ? ` The bin holds no clips directly but has ${
        bins[0].children.length
      } sub-bin(s): pass recursive: true to list their clips.`
      : "";
    return {
      summary: `${page.total} clip(s)${where}; showing ${clips.length} from ${page.offset}${
        page.next_cursor ? `; next_cursor ${page.next_cursor}` : ""
      }.${hint}`,
      data: { clips, total: page.total, next_cursor: page.next_cursor },
      text: clipTable(clips),
    };
  },
});

export const getClipInfo = defineTool({
  name: "get_clip_info",
  title: "Get clip details",
  description:
    "Everything about one media pool clip: all clip properties, metadata, third-party metadata, colour, flags, markers, mark in/out, audio mapping, proxy, mattes, and the timeline it stands for (timeline clips).",
  toolset: "media",
  default: true,
  readOnly: true,
  input: () => ({ clip: clipRefInput }),
  output: () => ({
    name: z.string().describe("Clip name."),
    id: z.string().describe("Unique id."),
    media_id: z.string().describe("Media id."),
    bin: z.string().describe("Bin path."),
    properties: z.record(z.string(), z.unknown()).describe(
      "All clip properties (Clip Attributes), e.g. 'File Path', 'FPS', 'Start TC'.",
    ),
    metadata: z.record(z.string(), z.unknown()).describe("Metadata fields that are set."),
    third_party_metadata: z.record(z.string(), z.unknown()).describe(
      "Third-party metadata fields.",
    ),
    clip_color: z.string().describe("Clip colour, empty if none."),
    flags: z.array(z.string()).describe("Flag colours."),
    markers: z.array(markerSchema).describe("Clip markers (frames are offsets in the clip)."),
    mark_in_out: z.record(z.string(), z.unknown()).describe(
      "{video: {in, out}, audio: {in, out}}; keys absent when unset.",
    ),
    audio_mapping: z.unknown().describe("Audio channel mapping (parsed JSON), null if none."),
    clip_mattes: z.array(z.string()).describe("Matte files attached."),
    timeline: z.object({ name: z.string(), id: z.string() }).nullable().describe(
      "For a timeline clip, the timeline it represents; else null.",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "MediaPool.GetClipMatteList",
    ...BIN_WALK_METHODS,
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetMediaId",
    "MediaPoolItem.GetClipProperty",
    "MediaPoolItem.GetMetadata",
    "MediaPoolItem.GetThirdPartyMetadata",
    "MediaPoolItem.GetClipColor",
    "MediaPoolItem.GetFlagList",
    "MediaPoolItem.GetMarkers",
    "MediaPoolItem.GetMarkInOut",
    "MediaPoolItem.GetAudioMapping",
    "MediaPoolItem.GetTimeline",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const h = clip.clip;
    const r = await resolve.batch([
      call(h, "GetMediaId"),
      call(h, "GetClipProperty"),
      call(h, "GetMetadata"),
      call(h, "GetThirdPartyMetadata"),
      call(h, "GetClipColor"),
      call(h, "GetFlagList"),
      call(h, "GetMarkers"),
      call(h, "GetMarkInOut"),
      call(h, "GetAudioMapping"),
      call(mediaPool, "GetClipMatteList", clip.clip),
      call(h, "GetTimeline"),
      call(ref(10), "GetName"),
      call(ref(10), "GetUniqueId"),
    ]);
    const dict = (v: unknown) =>
      (v && typeof v === "object" && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
    let mapping: unknown = null;
    if (typeof r[8] === "string" && r[8]) {
      try {
        mapping = JSON.parse(r[8]);
      } catch {
        mapping = r[8];
      }
    }
    return {
      summary: `Clip "${clip.name}" in ${clip.bin}.`,
      data: {
        name: clip.name,
        id: clip.id,
        media_id: String(r[0] ?? ""),
        bin: clip.bin,
        properties: dict(r[1]),
        metadata: dict(r[2]),
        third_party_metadata: dict(r[3]),
        clip_color: String(r[4] ?? ""),
        flags: Array.isArray(r[5]) ? r[5].map(String) : [],
        markers: markerList(r[6]),
        mark_in_out: dict(r[7]),
        audio_mapping: mapping,
        clip_mattes: Array.isArray(r[9]) ? r[9].map(String) : [],
        timeline: isHandle(r[10]) ? { name: String(r[11]), id: String(r[12]) } : null,
      },
    };
  },
});

const valueInput = z.union([z.string().max(10_000), z.number(), z.boolean()]);

export const setClipProperties = defineTool({
  name: "set_clip_properties",
  title: "Set clip properties and metadata",
  description:
    "Changes one clip: rename it, set clip properties (Clip Attributes such as 'Reel Name', 'Start TC', 'Input LUT', 'PAR', 'Super Scale'), metadata fields ('Description', 'Scene', 'Shot', 'Take', 'Comments'...) and third-party metadata. get_clip_info shows the current values. Fails naming the keys Resolve refused (read-only or invalid values); the others are applied.",
  toolset: "media",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({
    clip: clipRefInput,
    name: z.string().trim().min(1).max(255).regex(NO_CONTROL, "must not contain control characters")
      .optional().describe("New clip name (EDL and ALE exports carry it). Omit to keep it."),
    properties: z.record(z.string().max(100), valueInput).optional().describe(
      'Clip properties to set, e.g. {"Reel Name": "A001", "Start TC": "10:00:00:00"}. Values are sent as strings (numbers for \'Super Scale\').',
    ),
    metadata: z.record(z.string().max(100), z.string().max(10_000)).optional().describe(
      'Metadata fields to set, e.g. {"Scene": "12", "Take": "3", "Description": "wide"}.',
    ),
    third_party_metadata: z.record(z.string().max(100), z.string().max(10_000)).optional().describe(
      "Third-party metadata fields to set or add (free keys, for other tools' data).",
    ),
  }),
  output: () => ({
    name: z.string().describe("The clip's name afterwards."),
    id: z.string().describe("The clip's id."),
    applied: z.array(z.string()).describe(
      "Keys applied (with 'name', 'properties.X', 'metadata.X', 'third_party_metadata.X').",
    ),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.SetName",
    "MediaPoolItem.SetClipProperty",
    "MediaPoolItem.SetMetadata",
    "MediaPoolItem.SetThirdPartyMetadata",
  ],
  async handler(args, { resolve }) {
    const props = Object.entries(args.properties ?? {});
    const meta = Object.entries(args.metadata ?? {});
    const third = Object.entries(args.third_party_metadata ?? {});
    if (!args.name && !props.length && !meta.length && !third.length) {
      fail(
        "INVALID_ARGUMENTS",
        "nothing to change",
        "Give name, properties, metadata or third_party_metadata.",
      );
    }
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const c = clip.clip;
    const calls: { key: string; step: BatchCall }[] = [];
    if (args.name) calls.push({ key: "name", step: call(c, "SetName", args.name) });
    for (const [k, v] of props) {
      calls.push({
        key: `properties.${k}`,
        step: call(c, "SetClipProperty", k, typeof v === "number" ? v : String(v)),
      });
    }
    for (const [k, v] of meta) {
      calls.push({ key: `metadata.${k}`, step: call(c, "SetMetadata", k, v) });
    }
    for (const [k, v] of third) {
      calls.push({
        key: `third_party_metadata.${k}`,
        step: call(c, "SetThirdPartyMetadata", k, v),
      });
    }
    const results = await resolve.batch([...calls.map((x) => x.step), call(c, "GetName")]);
    const applied = calls.filter((_, i) => results[i] === true).map((c) => c.key);
    const refused = calls.filter((_, i) => results[i] !== true).map((c) => c.key);
    if (refused.length) {
      fail(
        "PROPERTY_REFUSED",
        `Resolve refused ${refused.join(", ")} on "${clip.name}"${
          applied.length ? `; applied ${applied.join(", ")}` : ""
        }`,
        "The key may be read-only or misspelled, or the value invalid; get_clip_info shows the keys and current values.",
      );
    }
    return {
      summary: `Updated "${results[results.length - 1]}": ${applied.join(", ")}.`,
      data: { name: String(results[results.length - 1]), id: clip.id, applied },
    };
  },
});

export const tagClips = defineTool({
  name: "tag_clips",
  title: "Set clip colours and flags",
  description:
    "Sets or clears the clip colour and adds or removes flags on one or more clips. Give at least one of clip_color, add_flags, remove_flags.",
  toolset: "media",
  default: true,
  readOnly: false,
  idempotent: true,
  either: [{ fields: ["clip_color", "add_flags", "remove_flags"], rule: "at_least_one" }],
  input: () => ({
    clips: clipsInput("Clips to tag"),
    clip_color: z.enum([...CLIP_COLORS, "None"]).optional().describe(
      "Clip colour to set; 'None' clears it. Omit to leave it.",
    ),
    add_flags: z.array(z.enum(MARKER_COLORS)).max(16).optional().describe("Flag colours to add."),
    remove_flags: z.array(z.enum([...MARKER_COLORS, "All"])).max(17).optional().describe(
      "Flag colours to remove; 'All' removes every flag.",
    ),
  }),
  output: () => ({
    clips: z.array(z.object({
      id: z.string(),
      name: z.string(),
      clip_color: z.string().describe("Colour afterwards, empty if none."),
      flags: z.array(z.string()).describe("Flags afterwards."),
    })).describe("The clips afterwards."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.SetClipColor",
    "MediaPoolItem.ClearClipColor",
    "MediaPoolItem.GetClipColor",
    "MediaPoolItem.AddFlag",
    "MediaPoolItem.ClearFlags",
    "MediaPoolItem.GetFlagList",
  ],
  async handler(args, { resolve }) {
    if (!args.clip_color && !args.add_flags?.length && !args.remove_flags?.length) {
      fail("INVALID_ARGUMENTS", "nothing to change", "Give clip_color, add_flags or remove_flags.");
    }
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const calls = clips.flatMap(({ clip }) => [
      ...(args.remove_flags ?? []).map((c) => call(clip, "ClearFlags", c)),
      ...(args.add_flags ?? []).map((c) => call(clip, "AddFlag", c)),
      ...(args.clip_color === "None"
        ? [call(clip, "ClearClipColor")]
        : args.clip_color
        ? [call(clip, "SetClipColor", args.clip_color)]
        : []),
    ]);
    const results = await resolve.batch(calls);
    const bad = calls.filter((_, i) => results[i] !== true);
    if (bad.length) {
      fail(
        "TAG_REFUSED",
        `Resolve refused ${bad.length} change(s): ${
          bad.slice(0, 5).map((c) => `${c.m}(${(c.a ?? []).join(",")})`).join(", ")
        }`,
        "Generators and titles may not take colours; check the colour names.",
      );
    }
    const rows = await resolve.map(clips.map((c) => c.clip), [["GetClipColor"], ["GetFlagList"]]);
    return {
      summary: `Tagged ${clips.length} clip(s).`,
      data: {
        clips: clips.map((c, i) => ({
          id: c.id,
          name: c.name,
          clip_color: String(rows[i][0] ?? ""),
          flags: Array.isArray(rows[i][1]) ? (rows[i][1] as unknown[]).map(String) : [],
        })),
      },
    };
  },
});

const markTypeInput = z.enum(["all", "video", "audio"]).optional().describe(
  "Which marks: 'video', 'audio' or 'all' (both). Default: 'all'.",
);

export const setClipMarks = defineTool({
  name: "set_clip_marks",
  title: "Set clip mark in/out",
  description:
    "Sets or clears a clip's mark in and mark out (source frames, 0 = first frame of the clip). Appending a marked clip to a timeline uses just the marked range (a subclip).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clip: clipRefInput,
    action: z.enum(["set", "clear"]).describe("'set' the marks, or 'clear' them."),
    mark_in: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark-in source frame.",
    ),
    mark_out: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark-out source frame (inclusive).",
    ),
    type: markTypeInput,
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    mark_in_out: z.record(z.string(), z.unknown()).describe(
      "Marks afterwards: {video: {in, out}, audio: {in, out}}.",
    ),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.GetClipProperty",
    "MediaPoolItem.SetMarkInOut",
    "MediaPoolItem.ClearMarkInOut",
    "MediaPoolItem.GetMarkInOut",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const type = args.type ?? "all";
    let ok: unknown;
    if (args.action === "set") {
      if (args.mark_in === undefined || args.mark_out === undefined) {
        fail("INVALID_ARGUMENTS", "set needs mark_in and mark_out");
      }
      if (args.mark_out < args.mark_in) fail("INVALID_ARGUMENTS", "mark_out is before mark_in");
      // 21.0.4+: an audio clip's "Frames" is '', its Duration at FPS still gives the length
      const [f, d, r] = await resolve.batch(
        ["Frames", "Duration", "FPS"].map((k) => call(clip.clip, "GetClipProperty", k)),
      );
      const frames = clipFrames(f, d, r);
      if (frames && args.mark_out >= frames) {
        fail(
          "OUT_OF_RANGE",
          `mark_out ${args.mark_out} is past the clip's last frame ${frames - 1}`,
          "Use source frames 0 to frames-1.",
        );
      }
      ok = await resolve.call(clip.clip, "SetMarkInOut", args.mark_in, args.mark_out, type);
    } else {
      ok = await resolve.call(clip.clip, "ClearMarkInOut", type);
    }
    if (ok !== true) {
      fail(
        "MARKS_REFUSED",
        `Resolve refused to ${args.action} the marks of "${clip.name}"`,
        "Audio marks need a clip with audio, video marks one with video.",
      );
    }
    const marks = await resolve.call(clip.clip, "GetMarkInOut");
    return {
      summary: `${args.action === "set" ? "Set" : "Cleared"} ${type} marks of "${clip.name}".`,
      data: {
        clip: clip.name,
        mark_in_out: (marks && typeof marks === "object" ? marks : {}) as Record<string, unknown>,
      },
    };
  },
});

export const deleteClips = defineTool({
  name: "delete_clips",
  title: "Delete clips",
  description:
    "Deletes clips (or timeline mattes) from the media pool; their items disappear from timelines. Media files stay on disk. Needs confirmation. Saves a project checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({ clips: clipsInput("Clips to delete") }),
  output: () => ({
    deleted: z.array(z.object({ id: z.string(), name: z.string(), bin: z.string() })).describe(
      "The deleted clips.",
    ),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.DeleteClips", ...CHECKPOINT_API],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const unique = [...new Map(clips.map((c) => [c.id, c])).values()];
    await confirm(
      `Delete ${unique.length} clip(s) from the media pool (${
        someNames(unique.map((c) => c.name), 5)
      })?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_clips", args, { project: true });
    const ok = await resolve.call(mediaPool, "DeleteClips", unique.map((c) => c.clip));
    if (ok !== true) {
      fail(
        "DELETE_REFUSED",
        "Resolve refused to delete the clips",
        "In collaboration projects the bin may be locked.",
      );
    }
    return {
      summary: `Deleted ${unique.length} clip(s).`,
      data: {
        deleted: unique.map((c) => ({ id: c.id, name: c.name, bin: c.bin })),
        checkpoint_id,
      },
    };
  },
});

export const moveClips = defineTool({
  name: "move_clips",
  title: "Move clips",
  description: "Moves clips to another bin (created if missing).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    clips: clipsInput("Clips to move"),
    bin: z.string().min(1).max(1024).describe(
      "Target bin path, e.g. 'Selects' or 'Master/Selects/Day 1'; created if missing.",
    ),
  }),
  output: () => ({
    bin: z.string().describe("Path of the target bin."),
    created_bins: z.array(z.string()).describe("Bins created on the way."),
    moved: z.array(z.object({ id: z.string(), name: z.string() })).describe("The moved clips."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.AddSubFolder", "MediaPool.MoveClips"],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const clips = await findClips(resolve, mediaPool, args.clips);
    const { bin, created } = await findBin(resolve, mediaPool, args.bin, true);
    const ok = await resolve.call(mediaPool, "MoveClips", clips.map((c) => c.clip), bin);
    if (ok !== true) {
      fail(
        "MOVE_REFUSED",
        "Resolve refused to move the clips",
        "In collaboration projects the bin may be locked.",
      );
    }
    const [id] = (await resolve.map([bin], [["GetUniqueId"]]))[0];
    const path = (await walkBins(resolve, mediaPool)).find((b) => b.id === id)?.path ?? args.bin;
    return {
      summary: `Moved ${clips.length} clip(s) to "${path}".`,
      data: {
        bin: path,
        created_bins: created,
        moved: clips.map((c) => ({ id: c.id, name: c.name })),
      },
    };
  },
});

export const exportClipMetadata = defineTool({
  name: "export_clip_metadata",
  title: "Export clip metadata (CSV)",
  description:
    "Writes the metadata of clips (or of every clip in the pool) to a CSV file. Overwriting an existing file needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("Absolute path of the .csv file to write."),
    clips: clipsInput("Clips to export").optional().describe(
      "Clips to export (ids, bin paths, unique names). Omit for every clip in the pool.",
    ),
  }),
  output: () => ({
    file: z.string().describe("The file written."),
    clips: z.number().describe("Clips exported (0 = all)."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.ExportMetadata"],
  async handler(args, ctx) {
    const { mediaPool } = await poolOf(ctx.resolve);
    const clips = args.clips ? await findClips(ctx.resolve, mediaPool, args.clips) : [];
    needExtension(args.path, ["csv"], "clip metadata");
    const out = await outputFile(ctx, args.path);
    const file = out.path;
    const ok = await ctx.resolve.call(
      mediaPool,
      "ExportMetadata",
      file,
      ...(args.clips ? [clips.map((c) => c.clip)] : []),
    );
    await out.landed();
    if (ok !== true) {
      fail("EXPORT_FAILED", `Resolve could not write ${file}`, "Check the folder is writable.");
    }
    return {
      summary: `Wrote metadata of ${args.clips ? clips.length : "all"} clip(s) to ${file}.`,
      data: { file, clips: clips.length },
    };
  },
});
