// Which Resolve version is running, for tools whose methods arrived in a given release.
import { fail } from "../errors.ts";
import type { ResolveSession } from "./session.ts";

/** The method a version check calls: declare it in the tool's apiMethods. */
export const VERSION_LOOKUP = ["Resolve.GetVersion"];

/** What a description of a Resolve 21.1 tool says it needs (its handler calls requireVersion). */
export const NEEDS_21_1 =
  "Needs DaVinci Resolve 21.1 or newer (Studio: since 21.1 scripting needs Studio)";

/** "21.1.1" -> [21, 1, 1]; missing parts are 0. */
export function parseVersion(text: string): number[] {
  const parts = text.split(".").slice(0, 3).map((p) => parseInt(p, 10) || 0);
  while (parts.length < 3) parts.push(0);
  return parts;
}

/** Negative, zero or positive as a is older than, equal to or newer than b (3 parts). */
export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The running Resolve's version as [major, minor, patch] (from Resolve.GetVersion). */
export async function runningVersion(resolve: ResolveSession): Promise<number[]> {
  const raw = await resolve.call(await resolve.root(), "GetVersion");
  const parts = Array.isArray(raw) ? raw.slice(0, 3).map((p) => Number(p) || 0) : [];
  while (parts.length < 3) parts.push(0);
  return parts;
}

/** True if the running Resolve is `wanted` (e.g. "21.1.1") or newer. */
export async function versionAtLeast(resolve: ResolveSession, wanted: string): Promise<boolean> {
  return compareVersions(await runningVersion(resolve), parseVersion(wanted)) >= 0;
}

/**
 * Refuses with VERSION_UNSUPPORTED, naming both versions, unless Resolve is `wanted` or newer.
 * `what` names the tool or action for the message.
 */
export async function requireVersion(
  resolve: ResolveSession,
  wanted: string,
  what: string,
): Promise<void> {
  const running = await runningVersion(resolve);
  if (compareVersions(running, parseVersion(wanted)) >= 0) return;
  fail(
    "VERSION_UNSUPPORTED",
    `${what} needs DaVinci Resolve ${wanted} or later; this is Resolve ${running.join(".")}`,
    `Update Resolve to ${wanted}+ (Help > Check for Updates); older versions lack the scripting methods it uses.`,
  );
}
