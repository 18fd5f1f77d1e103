// Toolset "timeline": Timelines of the project: list, switch, rename, duplicate, delete, info, settings, marks, create.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { framesToTimecode, timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import { FRAME_RATES, name, someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  findTimeline,
  isCheckpointTimelineName,
  isHandle,
  listTimelines,
  offsetFrom,
  pageInput,
  pageOutput,
  pageWindow,
  poolOf,
  ref,
  sameSetting,
  saveCheckpoint,
  TIMELINE_LOOKUP_METHODS,
  timelineRate,
  timelineRefInput,
  usesDictForms,
} from "../../resolve/index.ts";
import {
  rateText,
  timeBase,
  TIMELINE_METHODS,
  timelineRefRequired,
  timelineRows,
  timelineSchema,
  TL_LOOKUP,
} from "./common.ts";
import {
  customFlipWarning,
  readSettings,
  RESOLUTION_KEYS,
  unchangedKeys,
} from "./settings_check.ts";

export const listTimelinesTool = defineTool({
  name: "list_timelines",
  title: "List timelines",
  description:
    "Lists the current project's timelines with ids, frame rates, start timecodes, lengths and track counts, and which one is current. Paginated. Checkpoint timelines ('[checkpoint <id>] <name>', kept in the Checkpoints bin before destructive steps) are left out: list_checkpoints shows them (enable_toolset edit loads it).",
  toolset: "timeline",
  default: true,
  readOnly: true,
  input: () => ({ ...pageInput }),
  output: () => ({
    timelines: z.array(timelineSchema).describe("This page of timelines."),
    ...pageOutput,
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.GetCurrentTimeline",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    const [, currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
    ]);
    const all = (await listTimelines(resolve, project))
      .filter((t) => !isCheckpointTimelineName(t.name));
    const page = pageWindow(all.length, args.cursor, args.limit);
    const handles = all.slice(page.offset, page.end).map((t) => t.handle);
    const timelines = await timelineRows(resolve, handles, currentId);
    return {
      summary: `${page.total} timeline(s)${
        timelines.find((t) => t.current)
          ? `; current "${timelines.find((t) => t.current)!.name}"`
          : ""
      }.`,
      data: { timelines, total: page.total, next_cursor: page.next_cursor },
    };
  },
});

export const switchTimeline = defineTool({
  name: "switch_timeline",
  title: "Switch timeline",
  description:
    "Makes a timeline of the current project the current timeline (the one other tools work on by default).",
  toolset: "timeline",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({ timeline: timelineRefRequired }),
  output: () => ({
    timeline: timelineSchema,
    previous: z.string().nullable().describe("Name of the previous current timeline."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.GetCurrentTimeline",
    "Project.SetCurrentTimeline",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const [, prevName, ok, , currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetName"),
      call(project, "SetCurrentTimeline", timeline),
      call(project, "GetCurrentTimeline"),
      call(ref(3), "GetUniqueId"),
    ]);
    if (ok !== true) fail("SWITCH_REFUSED", `Resolve refused to switch to "${args.timeline}"`);
    const [row] = await timelineRows(resolve, [timeline], currentId);
    return {
      summary: `Current timeline is now "${row.name}".`,
      data: { timeline: row, previous: prevName == null ? null : String(prevName) },
    };
  },
});

export const renameTimeline = defineTool({
  name: "rename_timeline",
  title: "Rename timeline",
  description: "Renames a timeline; the new name must be unique in the project.",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    name: name("New timeline name; must be unique in the project."),
  }),
  output: () => ({
    name: z.string().describe("The new name."),
    id: z.string().describe("The timeline's id."),
    previous: z.string().describe("The old name."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP_METHODS,
    "Timeline.SetName",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const [old, id] = await resolve.batch([
      call(timeline, "GetName"),
      call(timeline, "GetUniqueId"),
    ]);
    if (old === args.name) {
      return {
        summary: `Already named "${old}".`,
        data: { name: args.name, id: String(id), previous: String(old) },
      };
    }
    const ok = await resolve.call(timeline, "SetName", args.name);
    if (ok !== true) {
      const taken = (await listTimelines(resolve, project)).some((t) => t.name === args.name);
      fail(
        taken ? "TIMELINE_EXISTS" : "RENAME_REFUSED",
        taken
          ? `a timeline named "${args.name}" already exists`
          : `Resolve refused the name "${args.name}"`,
        "Choose another name.",
      );
    }
    return {
      summary: `Renamed "${old}" to "${args.name}".`,
      data: { name: args.name, id: String(id), previous: String(old) },
    };
  },
});

export const duplicateTimeline = defineTool({
  name: "duplicate_timeline",
  title: "Duplicate timeline",
  description:
    "Duplicates a timeline (items, tracks, markers) under a new name, in the current bin.",
  toolset: "timeline",
  readOnly: false,
  input: () => ({
    timeline: timelineRefInput,
    name: name("Name of the copy; must be unique. Omit for Resolve's default ('<name> copy').")
      .optional(),
  }),
  output: () => ({ timeline: timelineSchema }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.DuplicateTimeline",
    ...TIMELINE_METHODS,
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    if (args.name && (await listTimelines(resolve, project)).some((t) => t.name === args.name)) {
      fail(
        "TIMELINE_EXISTS",
        `a timeline named "${args.name}" already exists`,
        "Choose another name.",
      );
    }
    const copy = await resolve.call(
      timeline,
      "DuplicateTimeline",
      ...(args.name ? [args.name] : []),
    );
    if (!isHandle(copy)) fail("DUPLICATE_REFUSED", "Resolve refused to duplicate the timeline");
    const [, currentId] = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
    ]);
    const [row] = await timelineRows(resolve, [copy], currentId);
    return { summary: `Duplicated as "${row.name}".`, data: { timeline: row } };
  },
});

export const deleteTimelines = defineTool({
  name: "delete_timelines",
  title: "Delete timelines",
  description:
    "Deletes timelines from the project (their media pool clips stay). Needs confirmation. Saves a checkpoint of each timeline first and returns their ids (checkpoint_id, checkpoint_ids) (restore_checkpoint brings back what was there).",
  toolset: "timeline",
  readOnly: false,
  destructive: true,
  input: () => ({
    timelines: z.array(timelineRefRequired).min(1).max(100).describe(
      "Timeline names or ids to delete.",
    ),
  }),
  output: () => ({
    deleted: z.array(z.string()).describe("Names of the deleted timelines."),
    remaining: z.number().describe("Timelines left (checkpoint timelines not counted)."),
    checkpoint_id: checkpointIdOutput,
    checkpoint_ids: z.array(z.string()).describe(
      "One checkpoint per deleted timeline, in the order of deleted (checkpoint_id is the first).",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "MediaPool.DeleteTimelines",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { project, mediaPool } = await poolOf(resolve);
    const all = await listTimelines(resolve, project);
    const targets = args.timelines.map((ref) =>
      all.find((t) => t.id === ref) ?? all.find((t) => t.name === ref) ??
        fail(
          "TIMELINE_NOT_FOUND",
          `no timeline named or with id "${ref}"`,
          `Timelines: ${someNames(all.map((t) => t.name))}.`,
        )
    );
    const unique = [...new Map(targets.map((t) => [t.id, t])).values()];
    await confirm(
      `Delete ${unique.length} timeline(s): ${
        unique.map((t) => JSON.stringify(t.name)).join(", ")
      }?`,
    );
    const checkpoint_ids: string[] = [];
    for (const t of unique) {
      const saved = await saveCheckpoint(ctx, "delete_timelines", args, { timeline: t.handle });
      checkpoint_ids.push(saved.checkpoint_id);
    }
    const ok = await resolve.call(mediaPool, "DeleteTimelines", unique.map((t) => t.handle));
    if (ok !== true) fail("DELETE_REFUSED", "Resolve refused to delete the timelines");
    const remaining = (await listTimelines(resolve, project))
      .filter((t) => !isCheckpointTimelineName(t.name)).length;
    return {
      summary: `Deleted ${unique.length} timeline(s); ${remaining} left.`,
      data: {
        deleted: unique.map((t) => t.name),
        remaining,
        checkpoint_id: checkpoint_ids[0],
        checkpoint_ids,
      },
    };
  },
});

export const getTimelineInfo = defineTool({
  name: "get_timeline_info",
  title: "Get timeline details and settings",
  description:
    "Details of a timeline: rate, start, length, track counts, mark in/out (as offsets and timecodes), its media pool clip id, and its settings (all, or the keys asked for).",
  toolset: "timeline",
  readOnly: true,
  input: () => ({
    timeline: timelineRefInput,
    setting_keys: z.array(z.string().min(1).max(100)).max(100).optional().describe(
      "Settings to read, e.g. ['timelineResolutionWidth', 'useCustomSettings']. Omit for all settings.",
    ),
  }),
  output: () => ({
    timeline: timelineSchema,
    mark_in_out: z.record(
      z.string(),
      z.object({
        in: z.number(),
        out: z.number(),
        in_timecode: z.string(),
        out_timecode: z.string(),
      }),
    )
      .describe("{video: ..., audio: ...} marks as offsets from the start; absent when unset."),
    media_pool_clip_id: z.string().nullable().describe(
      "Id of the media pool clip representing this timeline.",
    ),
    settings: z.record(z.string(), z.unknown()).describe(
      "Timeline settings (string values; on Resolve 21.1+ timelineFrameRate reads as a number, and a timeline on the project's settings reports the project's values with useCustomSettings '0').",
    ),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    ...TIMELINE_METHODS,
    "Timeline.GetSettings",
    "Timeline.GetMarkInOut",
    "Timeline.GetMediaPoolItem",
    "MediaPoolItem.GetUniqueId",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const { rate, start } = await timeBase(resolve, timeline);
    const keys = args.setting_keys;
    // 21.1+: one GetSettings dict (GetSetting(key) and GetSetting() are deprecated there)
    const dictForm = await usesDictForms(resolve);
    const r = await resolve.batch([
      call(project, "GetCurrentTimeline"),
      call(ref(0), "GetUniqueId"),
      call(timeline, "GetMarkInOut"),
      call(timeline, "GetMediaPoolItem"),
      call(ref(3), "GetUniqueId"),
      ...(dictForm
        ? [call(timeline, "GetSettings")]
        : keys
        ? keys.map((k) => call(timeline, "GetSetting", k))
        : [call(timeline, "GetSetting")]),
    ]);
    if (dictForm) {
      const all = { ...(r[5] && typeof r[5] === "object" ? r[5] as Record<string, unknown> : {}) };
      // A timeline on the project's settings answers the project's dict, without this key.
      if (!("useCustomSettings" in all)) all.useCustomSettings = "0";
      r.splice(5, 1, ...(keys ? keys.map((k) => all[k] ?? "") : [all]));
    }
    const [row] = await timelineRows(resolve, [timeline], r[1]);
    const marks: Record<
      string,
      { in: number; out: number; in_timecode: string; out_timecode: string }
    > = {};
    for (
      const [kind, v] of Object.entries((r[2] ?? {}) as Record<string, { in: number; out: number }>)
    ) {
      if (!v || typeof v !== "object") continue;
      marks[kind] = {
        in: Number(v.in),
        out: Number(v.out),
        in_timecode: framesToTimecode(start + Number(v.in), rate),
        out_timecode: framesToTimecode(start + Number(v.out), rate),
      };
    }
    const settings: Record<string, unknown> = keys
      ? Object.fromEntries(keys.map((k, i) => [k, r[5 + i]]))
      : (r[5] && typeof r[5] === "object" ? r[5] as Record<string, unknown> : {});
    return {
      summary:
        `Timeline "${row.name}": ${row.frame_rate} fps, ${row.duration_frames} frames from ${row.start_timecode}.`,
      data: {
        timeline: row,
        mark_in_out: marks,
        media_pool_clip_id: isHandle(r[3]) ? String(r[4]) : null,
        settings,
      },
    };
  },
});

export const setTimelineSettings = defineTool({
  name: "set_timeline_settings",
  title: "Set timeline settings",
  description:
    'Changes a timeline\'s settings (e.g. {"useCustomSettings": "1", "timelineResolutionWidth": "3840"}; get_timeline_info lists the keys) and/or its start timecode. Fails naming the keys Resolve refused.',
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    settings: z.record(
      z.string().min(1).max(100),
      z.union([z.string().max(1000), z.number(), z.boolean()]),
    ).optional()
      .describe("Settings to set; values are sent as strings (booleans as '1'/'0')."),
    start_timecode: z.string().max(16).optional().describe(
      "New start timecode HH:MM:SS:FF, e.g. '00:59:50:00'. Omit to keep it.",
    ),
  }),
  output: () => ({
    applied: z.array(z.string()).describe("Keys applied ('start_timecode' included)."),
    start_timecode: z.string().describe("Start timecode afterwards."),
    settings: z.record(z.string(), z.unknown()).describe("The set keys as read back."),
    warning: z.string().nullable().describe(
      "Set when turning on useCustomSettings changed the timeline's resolution (Resolve resets it to 1920x1080); null otherwise.",
    ),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP_METHODS,
    "Timeline.GetSetting",
    "Timeline.SetSetting",
    "Timeline.GetSettings",
    "Timeline.SetSettings",
    "Timeline.SetStartTimecode",
    "Timeline.GetStartTimecode",
  ],
  async handler(args, { resolve }) {
    const entries = Object.entries(args.settings ?? {}).map(([k, v]) =>
      [k, typeof v === "boolean" ? (v ? "1" : "0") : String(v)] as const
    );
    if (!entries.length && args.start_timecode === undefined) {
      fail("INVALID_ARGUMENTS", "nothing to change", "Give settings or start_timecode.");
    }
    const { timeline } = await findTimeline(resolve, args.timeline);
    if (args.start_timecode !== undefined) {
      const rate = await timelineRate(resolve, timeline);
      if (timecodeToFrames(args.start_timecode, rate) === undefined) {
        fail(
          "INVALID_TIMECODE",
          `"${args.start_timecode}" is not a valid timecode at ${rateText(rate)} fps`,
          "Use HH:MM:SS:FF.",
        );
      }
    }
    // 21.1+: one SetSettings dict (useCustomSettings goes first; keys before a failure stay
    // applied) read back with GetSettings; older versions: SetSetting per key.
    const dict = entries.length > 0 && await usesDictForms(resolve);
    // read before and after: a key answered True that still reads its old value did not change
    const watch = [
      ...new Set([
        ...entries.map(([k]) => k),
        ...(entries.some(([k]) => k === "useCustomSettings") ? RESOLUTION_KEYS : []),
      ]),
    ];
    const before = await readSettings(resolve, timeline, dict, watch);
    const calls = [
      ...(dict ? [] : entries.map(([k, v]) => ({
        key: k,
        call: call(timeline, "SetSetting", k, v),
      }))),
      ...(args.start_timecode !== undefined
        ? [{
          key: "start_timecode",
          call: call(timeline, "SetStartTimecode", args.start_timecode),
        }]
        : []),
    ];
    const raw = await resolve.batch([
      ...(dict ? [call(timeline, "SetSettings", Object.fromEntries(entries))] : []),
      ...calls.map((c) => c.call),
      call(timeline, "GetStartTimecode"),
      ...(dict
        ? [call(timeline, "GetSettings")]
        : entries.map(([k]) => call(timeline, "GetSetting", k))),
    ]);
    let results = raw;
    if (dict) {
      const now = (raw[calls.length + 2] ?? {}) as Record<string, unknown>;
      results = [
        ...entries.map(([k, v]) => raw[0] === true || sameSetting(v, now[k])),
        ...raw.slice(1, calls.length + 2),
        ...entries.map(([k]) => now[k]),
      ];
    }
    // one result per key, in the order of the non-dict form
    const keys = [...(dict ? entries.map(([k]) => k) : []), ...calls.map((c) => c.key)];
    const after = await readSettings(resolve, timeline, dict, watch);
    const unchanged = unchangedKeys(
      entries,
      entries.map((_, i) => results[i] === true),
      before,
      after,
    );
    const refused = keys.filter((k, i) => results[i] !== true || unchanged.includes(k));
    const applied = keys.filter((k) => !refused.includes(k));
    if (refused.length) {
      const quiet = unchanged.length
        ? ` (${unchanged.join(", ")}: Resolve answered True but the value did not change)`
        : "";
      fail(
        "SETTING_REFUSED",
        `Resolve refused ${refused.join(", ")}${quiet}${
          applied.length ? `; applied ${applied.join(", ")}` : ""
        }`,
        "Check key names and values with get_timeline_info; many keys need useCustomSettings '1' first, and some cannot change once the timeline has items.",
      );
    }
    const warning = customFlipWarning(entries, before, after);
    return {
      summary: `Applied ${applied.join(", ")}.${warning ? ` ${warning}` : ""}`,
      data: {
        applied,
        start_timecode: String(results[keys.length]),
        settings: Object.fromEntries(entries.map(([k], i) => [k, results[keys.length + 1 + i]])),
        warning,
      },
    };
  },
});

export const setTimelineMarks = defineTool({
  name: "set_timeline_marks",
  title: "Set timeline mark in/out",
  description:
    "Sets or clears a timeline's mark in and mark out (frames from the timeline start, or timecodes).",
  toolset: "timeline",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    action: z.enum(["set", "clear"]).describe("'set' the marks, or 'clear' them."),
    in_frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark in, frames from the timeline start. Or give in_timecode.",
    ),
    in_timecode: z.string().max(16).optional().describe("set: mark in as timeline timecode."),
    out_frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "set: mark out, frames from the timeline start. Or give out_timecode.",
    ),
    out_timecode: z.string().max(16).optional().describe("set: mark out as timeline timecode."),
    type: z.enum(["all", "video", "audio"]).optional().describe(
      "Which marks: 'video', 'audio' or 'all'. Default: 'all'.",
    ),
  }),
  output: () => ({
    mark_in_out: z.record(z.string(), z.unknown()).describe(
      "Marks afterwards (offsets from the start).",
    ),
  }),
  apiMethods: [
    ...TL_LOOKUP,
    "Timeline.SetMarkInOut",
    "Timeline.ClearMarkInOut",
    "Timeline.GetMarkInOut",
  ],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const type = args.type ?? "all";
    let ok: unknown;
    if (args.action === "set") {
      const { rate, start } = await timeBase(resolve, timeline);
      const markIn = offsetFrom({ frame: args.in_frame, timecode: args.in_timecode }, rate, start)!;
      const markOut = offsetFrom(
        { frame: args.out_frame, timecode: args.out_timecode },
        rate,
        start,
      )!;
      if (markOut < markIn) fail("INVALID_ARGUMENTS", "mark out is before mark in");
      ok = await resolve.call(timeline, "SetMarkInOut", markIn, markOut, type);
    } else {
      ok = await resolve.call(timeline, "ClearMarkInOut", type);
    }
    if (ok !== true) {
      fail(
        "MARKS_REFUSED",
        `Resolve refused to ${args.action} the timeline marks`,
        "Marks must lie inside the timeline.",
      );
    }
    const marks = await resolve.call(timeline, "GetMarkInOut");
    return {
      summary: `${args.action === "set" ? "Set" : "Cleared"} ${type} marks.`,
      data: { mark_in_out: (marks ?? {}) as Record<string, unknown> },
    };
  },
});

export const createTimeline = defineTool({
  name: "create_timeline",
  title: "Create timeline",
  description:
    "Creates an empty timeline in the current project (in the media pool's current bin) and makes it the current timeline. Optionally gives it its own frame rate and resolution; otherwise it uses the project's. New timelines start at 01:00:00:00.",
  toolset: "timeline",
  default: true,
  readOnly: false,
  input: () => ({
    name: name("Name of the new timeline; must be unique in the project."),
    frame_rate: z.enum(FRAME_RATES).optional().describe(
      "Frame rate of the timeline, e.g. '24' or '29.97 DF' (drop-frame). Omit to use the project's timeline frame rate.",
    ),
    resolution_width: z.number().int().min(16).max(16384).optional().describe(
      "Width in pixels, e.g. 1920. Omit to use the project's. Give with resolution_height.",
    ),
    resolution_height: z.number().int().min(16).max(16384).optional().describe(
      "Height in pixels, e.g. 1080. Omit to use the project's. Give with resolution_width.",
    ),
  }),
  output: () => ({
    name: z.string().describe("The timeline's name."),
    id: z.string().describe("The timeline's unique id (Timeline.GetUniqueId)."),
    frame_rate: z.string().describe("The timeline's frame rate, with ' DF' for drop-frame."),
    resolution_width: z.number().describe("Width in pixels."),
    resolution_height: z.number().describe("Height in pixels."),
    start_frame: z.number().describe("Absolute frame number of the timeline's first frame."),
    start_timecode: z.string().describe("Timecode of the timeline's first frame."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "MediaPool.CreateEmptyTimeline",
    "Timeline.SetSetting",
    "Timeline.GetSetting",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Timeline.GetStartFrame",
    "Timeline.GetStartTimecode",
  ],
  async handler(args, { resolve }) {
    if ((args.resolution_width === undefined) !== (args.resolution_height === undefined)) {
      fail(
        "INVALID_ARGUMENTS",
        "resolution_width and resolution_height go together",
        "Give both, or neither to use the project's resolution.",
      );
    }
    const project = await resolve.project();
    const [, timeline] = await resolve.batch([
      call(project, "GetMediaPool"),
      call(ref(0), "CreateEmptyTimeline", args.name),
    ]);
    if (!isHandle(timeline)) {
      const names = (await listTimelines(resolve, project)).map((t) => t.name);
      if (names.includes(args.name)) {
        fail(
          "TIMELINE_EXISTS",
          `a timeline named "${args.name}" already exists in this project`,
          "Choose another name.",
        );
      }
      fail("CREATE_FAILED", `Resolve refused to create the timeline "${args.name}"`);
    }
    const settings: [string, string][] = [];
    if (args.frame_rate) {
      const drop = args.frame_rate.endsWith(" DF");
      settings.push(["timelineFrameRate", args.frame_rate.replace(" DF", "")]);
      settings.push(["timelineDropFrameTimecode", drop ? "1" : "0"]);
    }
    if (args.resolution_width && args.resolution_height) {
      settings.push(["timelineResolutionWidth", String(args.resolution_width)]);
      settings.push(["timelineResolutionHeight", String(args.resolution_height)]);
    }
    if (settings.length) settings.unshift(["useCustomSettings", "1"]);
    const results = await resolve.batch([
      ...settings.map(([k, v]) => call(timeline, "SetSetting", k, v)),
      call(project, "SetCurrentTimeline", timeline),
    ]);
    const refused = settings.filter((_, i) => results[i] !== true).map(([k, v]) => `${k}=${v}`);
    if (refused.length) {
      fail(
        "SETTING_REFUSED",
        `timeline "${args.name}" was created but Resolve refused: ${refused.join(", ")}`,
        "Check the values against the project's supported formats; the timeline keeps the project's settings.",
      );
    }
    const rate = await timelineRate(resolve, timeline);
    const [tlName, id, width, height, startFrame, startTc] = await resolve.batch(
      [
        "GetName",
        "GetUniqueId",
        ["GetSetting", "timelineResolutionWidth"],
        ["GetSetting", "timelineResolutionHeight"],
        "GetStartFrame",
        "GetStartTimecode",
      ]
        .map((m) => Array.isArray(m) ? call(timeline, m[0], m[1]) : call(timeline, m)),
    );
    const rateText = `${rate.fps}${rate.drop ? " DF" : ""}`;
    return {
      summary: `Created timeline "${tlName}" (${width}x${height} at ${rateText} fps), now current.`,
      data: {
        name: String(tlName),
        id: String(id),
        frame_rate: rateText,
        resolution_width: Number(width),
        resolution_height: Number(height),
        start_frame: Number(startFrame),
        start_timecode: String(startTc),
      },
    };
  },
});
