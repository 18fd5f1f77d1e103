// The media pool: bins by path, clips by id, bin path or unique name.
import { z } from "zod";
import { fail } from "../errors.ts";
import type { ResolveSession } from "./session.ts";
import { call, type Handle, isHandle, ref } from "./wire.ts";

/** Finds (and optionally creates) a bin by its path from the root, e.g. "Master/Dailies/Day 1". */
export async function findBin(
  resolve: ResolveSession,
  mediaPool: Handle,
  path: string,
  create: boolean,
): Promise<{ bin: Handle; created: string[] }> {
  const parts = path.split("/").map((p) => p.trim()).filter(Boolean);
  const [root, rootName] = await resolve.batch([
    call(mediaPool, "GetRootFolder"),
    call(ref(0), "GetName"),
  ]);
  if (parts[0] === rootName) parts.shift();
  let bin = root as Handle;
  const created: string[] = [];
  for (const part of parts) {
    const children = await resolve.call(bin, "GetSubFolderList") as Handle[];
    const names = await resolve.map(children, [["GetName"]]);
    const index = names.findIndex(([n]) => n === part);
    if (index >= 0) {
      bin = children[index];
    } else if (create) {
      const made = await resolve.call(mediaPool, "AddSubFolder", bin, part);
      if (!isHandle(made)) fail("BIN_REFUSED", `Resolve refused to create the bin "${part}"`);
      bin = made;
      created.push(part);
    } else {
      fail(
        "BIN_NOT_FOUND",
        `no bin "${part}" in "${path}"`,
        "Check the bin path (bins are separated by /); list_bins shows the tree.",
      );
    }
  }
  return { bin, created };
}

export const clipRefInput = z.string().min(1).max(4096).describe(
  "A media pool clip: its unique id, or its path from the root bin like 'Master/Dailies/shot01.mov', or its name if unique in the pool.",
);

/** Every clip of the pool with its bin path, depth-first (one round trip per bin). */
export async function walkPool(
  resolve: ResolveSession,
  mediaPool: Handle,
): Promise<{ clip: Handle; name: string; id: string; bin: string }[]> {
  const [root, rootName] = await resolve.batch([
    call(mediaPool, "GetRootFolder"),
    call(ref(0), "GetName"),
  ]);
  const out: { clip: Handle; name: string; id: string; bin: string }[] = [];
  const visit = async (bin: Handle, path: string) => {
    const [clips, subs] = await resolve.batch([
      call(bin, "GetClipList"),
      call(bin, "GetSubFolderList"),
    ]) as Handle[][];
    const rows = await resolve.map(clips ?? [], [["GetName"], ["GetUniqueId"]]);
    rows.forEach(([name, id], i) =>
      out.push({ clip: clips[i], name: String(name), id: String(id), bin: path })
    );
    const names = await resolve.map(subs ?? [], [["GetName"]]);
    for (let i = 0; i < (subs ?? []).length; i++) await visit(subs[i], `${path}/${names[i][0]}`);
  };
  await visit(root as Handle, String(rootName));
  return out;
}

/** A clip by id, bin path or unique name. */
export async function findClip(
  resolve: ResolveSession,
  mediaPool: Handle,
  ref: string,
): Promise<{ clip: Handle; name: string; id: string; bin: string }> {
  const all = await walkPool(resolve, mediaPool);
  const byId = all.find((c) => c.id === ref);
  if (byId) return byId;
  const byPath = all.find((c) =>
    `${c.bin}/${c.name}` === ref || `${c.bin.split("/").slice(1).join("/")}/${c.name}` === ref
  );
  if (byPath) return byPath;
  const byName = all.filter((c) => c.name === ref);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) {
    fail(
      "AMBIGUOUS_CLIP",
      `${byName.length} clips are named "${ref}"`,
      `Use the id or bin path instead: ${
        byName.slice(0, 5).map((c) => `${c.bin}/${c.name} (${c.id})`).join(", ")
      }.`,
    );
  }
  return fail(
    "CLIP_NOT_FOUND",
    `no clip "${ref}" in the media pool`,
    "Use a clip id or a bin path like Master/Dailies/shot.mov; list_clips shows what is there.",
  );
}
