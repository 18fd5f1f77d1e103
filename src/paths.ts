// Every file path a tool reads or writes is resolved (symlinks included) and must lie inside
// an allowed root: the directories given with --allow-path plus the roots the MCP client
// declares. The Python bridge resolves paths, so the Deno process needs no file access.
import { fileURLToPath } from "node:url";
import type { BridgeClient } from "./bridge/client.ts";
import { fail } from "./errors.ts";

interface RealPath {
  path: string | null;
  exists: boolean;
  isDir: boolean;
  // Only for writes:
  dangling?: boolean;
  folderExists?: boolean;
  links?: number;
  unsafeFolder?: string | null;
  childLinks?: string[];
}

export interface CheckedPath {
  /** The resolved absolute path, symlinks followed. */
  path: string;
  exists: boolean;
  isDir: boolean;
}

/** Absolute: POSIX, C:\ or UNC. Anything else Resolve resolves against its working folder. */
export function isAbsolutePath(s: string): boolean {
  return s.startsWith("/") || /^[a-zA-Z]:[\\/]/.test(s) || s.startsWith("\\\\");
}

/** Setting keys whose value is a folder or file (cache, gallery stills, project media...). */
export function isPathSetting(key: string): boolean {
  return /(location|path|paths|folder|dir|directory|file)$/i.test(key.replace(/\s+/g, ""));
}

function isWindowsPath(p: string) {
  return /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith("\\\\");
}

function separator(p: string) {
  return isWindowsPath(p) ? "\\" : "/";
}

/** True if `child` is `root` or lies below it (no prefix tricks: /data-evil is not in /data). */
export function isInside(child: string, root: string): boolean {
  const norm = (p: string) => (isWindowsPath(p) ? p.toLowerCase() : p);
  const c = norm(child);
  const r = norm(root).replace(/[\\/]+$/, "");
  return c === r || c.startsWith(r + separator(root)) || (r === "" && c.startsWith("/"));
}

/** Control characters (NUL, newline, tab...): a NUL cuts a path short in Resolve's C++. */
// deno-lint-ignore no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f]/;

/** Refuses a path or name holding control characters (INVALID_PATH). */
export function refuseControl(value: string, what = "path"): void {
  const found = CONTROL.exec(value);
  if (found) {
    const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    fail(
      "INVALID_PATH",
      `the ${what} ${JSON.stringify(value.slice(0, 200))} contains the control character U+${code}`,
      `Give the ${what} without newlines, tabs, NUL or other control characters.`,
    );
  }
}

export class PathPolicy {
  #cliRoots: string[];
  #clientRoots: string[] = [];

  constructor(readonly bridge: BridgeClient, allowPaths: string[]) {
    this.#cliRoots = allowPaths;
  }

  /** Replaces the roots the client declared (file:// URIs). */
  setClientRoots(uris: string[]) {
    this.#clientRoots = uris.flatMap((uri) => {
      try {
        const url = new URL(uri);
        // fileURLToPath, not url.pathname: file:///C:/Media is C:\Media on Windows.
        return url.protocol === "file:" ? [fileURLToPath(url)] : [];
      } catch {
        return [];
      }
    });
  }

  get roots(): string[] {
    return [...this.#cliRoots, ...this.#clientRoots];
  }

  async #resolve(paths: string[], write = false): Promise<RealPath[]> {
    for (const p of paths) refuseControl(p);
    return await this.bridge.request("realpath", { paths, write }) as RealPath[];
  }

  async #realRoots(): Promise<string[]> {
    const roots = this.roots;
    if (roots.length === 0) {
      fail(
        "NO_ALLOWED_ROOTS",
        "no directory is open to this server",
        "Start the server with --allow-path DIR (repeatable), or use a client that declares MCP roots.",
      );
    }
    return (await this.#resolve(roots)).flatMap((r) => (r.path ? [r.path] : []));
  }

  #outside(original: string, roots: string[]): never {
    return fail(
      "PATH_NOT_ALLOWED",
      `${original} is outside the directories this server may use`,
      `Use a path inside one of: ${
        roots.join(", ")
      }; or restart the server with --allow-path for another directory.`,
    );
  }

  /** Checks paths to read; each must exist inside an allowed root. */
  async checkRead(paths: string[]): Promise<CheckedPath[]> {
    const roots = await this.#realRoots();
    const resolved = await this.#resolve(paths);
    return resolved.map((r, i) => {
      if (!r.path || !roots.some((root) => isInside(r.path!, root))) {
        this.#outside(paths[i], roots);
      }
      return { path: r.path!, exists: r.exists, isDir: r.isDir };
    });
  }

  /**
   * Checks a path to write. The fully resolved target (every link followed) must lie inside
   * an allowed root, and nothing may redirect the write: no dangling link, no file with
   * other hard links, no folder on the way that other users may change, no link inside a
   * folder written into that leads outside.
   */
  async checkWrite(path: string): Promise<CheckedPath> {
    const roots = await this.#realRoots();
    const [self] = await this.#resolve([path], true);
    if (!self.path || !roots.some((root) => isInside(self.path!, root))) {
      this.#outside(path, roots);
    }
    const target = self.path;
    if (self.dangling) {
      fail(
        "DANGLING_LINK",
        `${path} is a symbolic link to ${target}, which does not exist`,
        "Remove the link, or give the path of the file itself.",
      );
    }
    if (!self.folderExists) {
      fail("NO_SUCH_DIRECTORY", `the folder for ${path} does not exist`, "Create it first.");
    }
    if (self.exists && !self.isDir && (self.links ?? 1) > 1) {
      fail(
        "HARD_LINKED",
        `${target} has ${self.links} hard links: replacing it would change the other names too`,
        "Write to a new file name, or remove the file's other links first.",
      );
    }
    if (self.unsafeFolder) {
      fail(
        "UNSAFE_FOLDER",
        `${self.unsafeFolder} can be changed by other users (writable by others without the sticky bit, or group-writable and owned by someone else), who could redirect the write`,
        "Write into a folder only you can change (e.g. chmod o-w,g-w), or ask the user to fix its permissions.",
      );
    }
    this.#noLinkOut(target, self.childLinks ?? [], roots, "PATH_NOT_ALLOWED");
    return { path: target, exists: self.exists, isDir: self.isDir };
  }

  /**
   * After Resolve wrote `path` (the resolved path checkWrite returned): fails PATH_ESCAPED if
   * it now leads outside the roots, i.e. a folder or link was swapped during the write.
   * Deletes nothing: the file outside may be someone else's.
   */
  async checkLanded(path: string): Promise<void> {
    const roots = await this.#realRoots();
    const [self] = await this.#resolve([path], true);
    if (!self.path || !roots.some((root) => isInside(self.path!, root))) {
      fail(
        "PATH_ESCAPED",
        `Resolve wrote ${path}, but that path now leads to ${self.path}, outside the allowed folders: something changed the folders while Resolve wrote`,
        "Nothing was deleted. Ask the user to look at that file and at the links in the folder, then export again.",
      );
    }
    this.#noLinkOut(self.path, self.childLinks ?? [], roots, "PATH_ESCAPED");
  }

  #noLinkOut(
    folder: string,
    links: string[],
    roots: string[],
    code: "PATH_ESCAPED" | "PATH_NOT_ALLOWED",
  ): void {
    const out = links.filter((l) => !roots.some((root) => isInside(l, root)));
    if (out.length) {
      fail(
        code,
        `${folder} holds links to ${out.slice(0, 5).join(", ")}, outside the allowed folders${
          code === "PATH_ESCAPED" ? "; Resolve may have written there" : ""
        }`,
        code === "PATH_ESCAPED"
          ? "Nothing was deleted. Ask the user to check those files and remove the links."
          : "Remove those links from the folder, or write to another folder.",
      );
    }
  }
}
