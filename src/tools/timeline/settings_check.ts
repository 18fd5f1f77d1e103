// Toolset "timeline": judging timeline setting writes by what reads back, not by the return.
// A key Resolve accepted (True) that reads back what it read before did not change; turning on
// useCustomSettings does not keep the inherited resolution: measured on Resolve Studio
// 21.1.0.14, the timeline snaps to 1920x1080 first (bridge/simulator/NOTES.md,
// "useCustomSettings").
import { call, type Handle, type ResolveSession, sameSetting } from "../../resolve/index.ts";

export const RESOLUTION_KEYS = ["timelineResolutionWidth", "timelineResolutionHeight"] as const;

/** Keys answered True whose value reads back unchanged from before and is not the one asked. */
export function unchangedKeys(
  entries: readonly (readonly [string, string])[],
  accepted: readonly boolean[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return entries.filter(([k, v], i) =>
    accepted[i] && k in after && k in before && !sameSetting(v, after[k]) &&
    sameSetting(before[k], after[k])
  ).map(([k]) => k);
}

/** A warning when this write turned on custom settings and that moved a resolution not asked. */
export function customFlipWarning(
  entries: readonly (readonly [string, string])[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string | null {
  const flip = entries.some(([k, v]) => k === "useCustomSettings" && v === "1") &&
    String(before.useCustomSettings ?? "0") !== "1";
  const asked = entries.some(([k]) => (RESOLUTION_KEYS as readonly string[]).includes(k));
  if (!flip || asked) return null;
  const size = (s: Record<string, unknown>) =>
    `${s.timelineResolutionWidth ?? "?"}x${s.timelineResolutionHeight ?? "?"}`;
  if (RESOLUTION_KEYS.every((k) => sameSetting(before[k], after[k]))) return null;
  return `Turning on custom settings changed this timeline's resolution from ${
    size(before)
  } (inherited from the project) to ${
    size(after)
  }; Resolve resets it when the timeline gets its own settings. Call set_timeline_settings with timelineResolutionWidth and timelineResolutionHeight to set the size you want.`;
}

/** Reads timeline settings by key (GetSettings on 21.1+, GetSetting per key before). */
export async function readSettings(
  resolve: ResolveSession,
  timeline: Handle,
  dict: boolean,
  keys: readonly string[],
): Promise<Record<string, unknown>> {
  if (!keys.length) return {};
  if (dict) {
    const all = await resolve.call(timeline, "GetSettings");
    const values = { ...(all && typeof all === "object" ? all as Record<string, unknown> : {}) };
    // a timeline on the project's settings answers the project's dict, without this key
    if (!("useCustomSettings" in values)) values.useCustomSettings = "0";
    return Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
  }
  const got = await resolve.batch(keys.map((k) => call(timeline, "GetSetting", k)));
  return Object.fromEntries(keys.map((k, i) => [k, got[i]]));
}
