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
}

export interface CheckedPath {
  /** The resolved absolute path, symlinks followed. */
  path: string;
  exists: boolean;
  isDir: boolean;
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

function parentOf(p: string): string {
  const i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return i <= 0 ? p.slice(0, i + 1) || "/" : p.slice(0, i);
}

function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1);
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

  async #resolve(paths: string[]): Promise<RealPath[]> {
    return await this.bridge.request("realpath", { paths }) as RealPath[];
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

  /** Checks a path to write: its parent (resolved) must be inside an allowed root. */
  async checkWrite(path: string): Promise<CheckedPath> {
    const roots = await this.#realRoots();
    const [self, parent] = await this.#resolve([path, parentOf(path)]);
    if (!parent.path || !parent.isDir) {
      fail("NO_SUCH_DIRECTORY", `the folder for ${path} does not exist`, "Create it first.");
    }
    const target = self.exists && self.path ? self.path : parent.path + separator(parent.path) +
      baseName(path);
    if (!roots.some((root) => isInside(target, root))) this.#outside(path, roots);
    return { path: target, exists: self.exists, isDir: self.isDir };
  }
}
