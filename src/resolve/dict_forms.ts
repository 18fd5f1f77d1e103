// Resolve 21.1 deprecates the overloaded getters and setters (GetSetting/SetSetting,
// GetProperty/SetProperty) in favour of dict forms (GetSettings/SetSettings,
// GetProperties/SetProperties). Tools use the dict forms on 21.1+ and the old ones below.
import { compareVersions, parseVersion } from "./api_version.ts";
import type { ResolveSession } from "./session.ts";

/** True when the connected Resolve (version read at connect, no API call) is 21.1 or newer. */
export async function usesDictForms(resolve: ResolveSession): Promise<boolean> {
  const { version } = await resolve.bridge.connection();
  return compareVersions(parseVersion(String(version)), [21, 1, 0]) >= 0;
}

/** Loose equality of a setting's requested and read-back value ("24" vs 24.0, "1" vs true). */
export function sameSetting(requested: unknown, actual: unknown): boolean {
  const norm = (v: unknown) => typeof v === "boolean" ? (v ? "1" : "0") : String(v ?? "");
  const a = norm(requested), b = norm(actual);
  if (a === b) return true;
  const x = Number(a), y = Number(b);
  return a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && x === y;
}
