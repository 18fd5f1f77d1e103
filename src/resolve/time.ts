// A point in time on a timeline, given as a frame offset or a timecode: one resolver, one
// wording for its refusals.
import { z } from "zod";
import { fail } from "../errors.ts";
import { type Rate, timecodeToFrames } from "../timecode.ts";

/** Input fields for a point in time: a frame offset or a timecode. */
export function timeInput(what: string) {
  return {
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      `${what}: timeline frame (0 = start).`,
    ),
    timecode: z.string().max(16).optional().describe(
      `${what}: timeline timecode (instead of frame).`,
    ),
  };
}

/** A frame offset from the timeline start, from {frame} or {timecode}. */
export function offsetFrom(
  args: { frame?: number; timecode?: string },
  rate: Rate,
  startFrame: number,
  required = true,
): number | undefined {
  if (args.frame !== undefined && args.timecode !== undefined) {
    fail("INVALID_ARGUMENTS", "give frame or timecode, not both");
  }
  if (args.frame !== undefined) return args.frame;
  if (args.timecode === undefined) {
    if (required) fail("INVALID_ARGUMENTS", "give frame or timecode");
    return undefined;
  }
  const absolute = timecodeToFrames(args.timecode, rate);
  if (absolute === undefined) {
    fail(
      "INVALID_TIMECODE",
      `"${args.timecode}" is not a valid timecode at ${rate.fps}${rate.drop ? " DF" : ""} fps`,
      "Use HH:MM:SS:FF with FF below the frame rate (drop-frame skips ;00 and ;01 in most minutes).",
    );
  }
  if (absolute < startFrame) {
    fail(
      "BEFORE_START",
      `${args.timecode} is before the timeline's start`,
      "Use a timecode at or after the timeline's start timecode.",
    );
  }
  return absolute - startFrame;
}
