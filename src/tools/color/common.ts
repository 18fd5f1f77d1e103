// Helpers shared by the color toolset's files: node graphs of items and groups.
import { fail } from "../../errors.ts";
import { someNames } from "../shared.ts";
import { type Handle, isHandle, type ResolveSession } from "../../resolve/index.ts";

export const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

export async function findGroup(
  resolve: ResolveSession,
  project: Handle,
  name: string,
): Promise<{ group: Handle; names: string[] }> {
  const groups = ((await resolve.call(project, "GetColorGroupsList") as Handle[]) ?? []).filter(
    isHandle,
  );
  const names = (await resolve.map(groups, [["GetName"]])).map(([n]) => String(n));
  const at = names.indexOf(name);
  if (at < 0) {
    fail(
      "GROUP_NOT_FOUND",
      `no colour group named "${name}"`,
      `Colour groups: ${
        someNames(names)
      } (list_color_groups; create one with manage_color_groups).`,
    );
  }
  return { group: groups[at], names };
}
