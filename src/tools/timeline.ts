// Toolset "timeline": timelines of the current project, their tracks, items and markers.
import { z } from "zod";
import { fail } from "../errors.ts";
import { isHandle } from "../resolve.ts";
import { listTimelines, timelineRate } from "../lookup.ts";
import { framesToTimecode, timecodeToFrames } from "../timecode.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { FRAME_RATES, MARKER_COLORS, name } from "./shared.ts";

const createTimeline = defineTool({
  name: "create_timeline",
  title: "Create timeline",
  description:
    "Creates an empty timeline in the current project (in the media pool's current bin) and makes it the current timeline. Optionally gives it its own frame rate and resolution; otherwise it uses the project's. New timelines start at 01:00:00:00.",
  toolset: "timeline",
  readOnly: false,
  input: {
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
  },
  output: {
    name: z.string().describe("The timeline's name."),
    id: z.string().describe("The timeline's unique id (Timeline.GetUniqueId)."),
    frame_rate: z.string().describe("The timeline's frame rate, with ' DF' for drop-frame."),
    resolution_width: z.number().describe("Width in pixels."),
    resolution_height: z.number().describe("Height in pixels."),
    start_frame: z.number().describe("Absolute frame number of the timeline's first frame."),
    start_timecode: z.string().describe("Timecode of the timeline's first frame."),
  },
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
      { h: project.$h, m: "GetMediaPool" },
      { h: { $r: 0 }, m: "CreateEmptyTimeline", a: [args.name] },
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
      ...settings.map(([k, v]) => ({ h: timeline.$h, m: "SetSetting", a: [k, v] })),
      { h: project.$h, m: "SetCurrentTimeline", a: [timeline] },
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
        .map((m) =>
          Array.isArray(m) ? { h: timeline.$h, m: m[0], a: [m[1]] } : { h: timeline.$h, m }
        ),
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

const addMarker = defineTool({
  name: "add_marker",
  title: "Add timeline marker",
  description:
    "Adds a marker to the current timeline at a frame (counted from the timeline's first frame, 0 = start) or at a timecode of the timeline (e.g. '01:00:05:00'). Give exactly one of frame or timecode. A frame can hold only one marker.",
  toolset: "timeline",
  readOnly: false,
  input: {
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Frame offset from the start of the timeline (0 = first frame). Omit if you give timecode.",
    ),
    timecode: z.string().max(16).optional().describe(
      "Timeline timecode HH:MM:SS:FF (use ';' before FF for drop-frame), converted with the timeline's frame rate. Omit if you give frame.",
    ),
    color: z.enum(MARKER_COLORS).describe("Marker colour."),
    name: z.string().max(1000).optional().describe("Marker name. Default: empty."),
    note: z.string().max(10000).optional().describe("Marker note. Default: empty."),
    duration: z.number().int().min(1).max(10_000_000).optional().describe(
      "Length of the marker in frames. Default: 1.",
    ),
    custom_data: z.string().max(10000).optional().describe(
      "Free-form data stored with the marker, for finding it later. Default: empty.",
    ),
  },
  output: {
    timeline: z.string().describe("Name of the timeline that got the marker."),
    frame: z.number().describe("Marker frame, relative to the timeline start."),
    timecode: z.string().describe("Timecode of the marker on the timeline."),
    color: z.string().describe("Marker colour."),
    name: z.string().describe("Marker name."),
    note: z.string().describe("Marker note."),
    duration: z.number().describe("Marker length in frames."),
    custom_data: z.string().describe("The marker's custom data."),
  },
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetSetting",
    "Timeline.GetStartFrame",
    "Timeline.GetMarkers",
    "Timeline.AddMarker",
    "Timeline.GetName",
  ],
  async handler(args, { resolve }) {
    if ((args.frame === undefined) === (args.timecode === undefined)) {
      fail(
        "INVALID_ARGUMENTS",
        "give exactly one of frame or timecode",
        "frame counts from the timeline start (0 = first frame); timecode is like 01:00:05:00.",
      );
    }
    const { timeline } = await resolve.timeline();
    const rate = await timelineRate(resolve, timeline);
    const [start, markers, tlName] = await resolve.batch([
      { h: timeline.$h, m: "GetStartFrame" },
      { h: timeline.$h, m: "GetMarkers" },
      { h: timeline.$h, m: "GetName" },
    ]);
    const startFrame = Number(start);
    let frame = args.frame;
    if (args.timecode !== undefined) {
      const absolute = timecodeToFrames(args.timecode, rate);
      if (absolute === undefined) {
        fail(
          "INVALID_TIMECODE",
          `"${args.timecode}" is not a valid timecode at ${rate.fps}${rate.drop ? " DF" : ""} fps`,
          "Use HH:MM:SS:FF with FF below the frame rate (drop-frame skips ;00 and ;01 in most minutes).",
        );
      }
      frame = absolute - startFrame;
      if (frame < 0) {
        fail(
          "BEFORE_START",
          `${args.timecode} is before the timeline start ${framesToTimecode(startFrame, rate)}`,
          "Use a timecode at or after the timeline's start timecode.",
        );
      }
    }
    const taken = Object.keys(markers as Record<string, unknown>).map(Number);
    if (taken.includes(frame!)) {
      fail(
        "MARKER_EXISTS",
        `frame ${frame} of "${tlName}" already has a marker`,
        "Choose another frame (one marker per frame), or remove the existing marker first.",
      );
    }
    const marker = {
      color: args.color,
      name: args.name ?? "",
      note: args.note ?? "",
      duration: args.duration ?? 1,
      custom_data: args.custom_data ?? "",
    };
    const ok = await resolve.call(
      timeline,
      "AddMarker",
      frame,
      marker.color,
      marker.name,
      marker.note,
      marker.duration,
      marker.custom_data,
    );
    if (ok !== true) {
      fail(
        "MARKER_REFUSED",
        `Resolve refused a marker at frame ${frame} of "${tlName}"`,
        "The frame may be past the end of the timeline or the duration too long; check the timeline's length.",
      );
    }
    const timecode = framesToTimecode(startFrame + frame!, rate);
    return {
      summary: `Added a ${marker.color} marker at ${timecode} (frame ${frame}) on "${tlName}".`,
      data: { timeline: String(tlName), frame: frame!, timecode, ...marker },
    };
  },
});

export function registerTimelineTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "timeline",
    description:
      "Timelines: create, list, switch, tracks, items, markers, playhead, import/export.",
  });
  registry.add(createTimeline, { default: true });
  registry.add(addMarker, { default: true });
}
