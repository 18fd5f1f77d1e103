// Timelines of the loaded project: by name or unique id, and their frame rate.
import { z } from "zod";
import { fail } from "../errors.ts";
import { parseRate, type Rate } from "../timecode.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle, isHandle } from "./wire.ts";

export const timelineRefInput = z.string().max(255).optional().describe(
  "Timeline name or id; omit for the current one.",
);

export async function listTimelines(
  resolve: ResolveSession,
  project: Handle,
): Promise<{ handle: Handle; name: string; id: string }[]> {
  const count = Number(await resolve.call(project, "GetTimelineCount")) || 0;
  if (count === 0) return [];
  const timelines = (await resolve.batch(
    Array.from(
      { length: count },
      (_, i) => call(project, "GetTimelineByIndex", i + 1),
    ),
  )).filter(isHandle);
  const rows = await resolve.map(timelines, [["GetName"], ["GetUniqueId"]]);
  return timelines.map((handle, i) => ({
    handle,
    name: String(rows[i][0]),
    id: String(rows[i][1]),
  }));
}

/** The API methods findTimeline (and listTimelines) call, for a tool's apiMethods. */
export const TIMELINE_LOOKUP_METHODS = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
];

/** The API methods timelineRate calls. */
export const TIMELINE_RATE_METHODS = ["Timeline.GetSetting"];

/** A timeline by name or id; the current one when ref is omitted. */
export async function findTimeline(
  resolve: ResolveSession,
  ref: string | undefined,
): Promise<{ project: Handle; timeline: Handle }> {
  if (ref === undefined) return await resolve.timeline();
  const project = await resolve.project();
  const all = await listTimelines(resolve, project);
  const hit = all.find((t) => t.id === ref) ?? all.find((t) => t.name === ref);
  if (!hit) {
    fail(
      "TIMELINE_NOT_FOUND",
      `no timeline named or with id "${ref}" in this project`,
      `Timelines: ${all.slice(0, 20).map((t) => JSON.stringify(t.name)).join(", ") || "(none)"}.`,
    );
  }
  return { project, timeline: hit.handle };
}

/** The timeline's frame rate, drop-frame included. */
export async function timelineRate(resolve: ResolveSession, timeline: Handle): Promise<Rate> {
  const [fps, drop] = await resolve.batch(timelineRateCalls(timeline));
  return rateOf(fps, drop);
}

/** The two calls timelineRate makes, to put in a batch of one's own. */
export function timelineRateCalls(timeline: Handle) {
  return [
    call(timeline, "GetSetting", "timelineFrameRate"),
    call(timeline, "GetSetting", "timelineDropFrameTimecode"),
  ];
}

/** The rate from the values of timelineRateCalls. */
export function rateOf(fps: unknown, drop: unknown): Rate {
  const text = String(fps);
  const rate = parseRate(drop === "1" && !/DF/i.test(text) ? `${text} DF` : text);
  return rate ?? fail("UNKNOWN_RATE", `the timeline reports an unknown frame rate "${text}"`);
}
