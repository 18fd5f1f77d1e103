// Where the bridge's Python comes from and what it sees: the interpreter, the import path
// entry for Resolve's scripting modules and the variables the child process gets.
import type { Options } from "../cli.ts";
import type { BridgeOptions } from "./client.ts";

/** Blackmagic's documented scripting folders (REFERENCE §1.3), per OS. */
export const DEFAULT_SCRIPT_API: Record<string, string> = {
  darwin: "/Library/Application Support/Blackmagic Design/DaVinci Resolve/Developer/Scripting",
  windows: "C:\\ProgramData\\Blackmagic Design\\DaVinci Resolve\\Support\\Developer\\Scripting",
  linux: "/opt/resolve/Developer/Scripting",
};

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name) || undefined;
  } catch {
    return undefined;
  }
}

export function defaultPython(): string {
  return Deno.build.os === "windows" ? "python" : "python3";
}

export function bridgeEnvironment(options: Options): Omit<BridgeOptions, "readOnly"> {
  const scriptApi = env("RESOLVE_SCRIPT_API") ?? DEFAULT_SCRIPT_API[Deno.build.os] ??
    DEFAULT_SCRIPT_API.linux;
  const sep = Deno.build.os === "windows" ? "\\" : "/";
  return {
    python: options.python ?? defaultPython(),
    simulator: options.simulator,
    timeoutMs: options.timeoutMs,
    host: options.resolveHost,
    // The simulator ships inside the program; for the real Resolve, its Modules folder.
    modulePath: options.simulator ? [] : [`${scriptApi}${sep}Modules`],
    // Inherited variables stay; an empty PYTHONHOME counts as unset for Python, which keeps
    // one set by Resolve's Fusion from breaking a different interpreter.
    env: { PYTHONHOME: "", PYTHONUNBUFFERED: "1", PYTHONIOENCODING: "utf-8" },
  };
}
