// Command-line flags. Every flag that has an environment equivalent reads it here, so the
// rest of the program sees one options object.
import { parseArgs } from "node:util";
import { LOG_LEVELS, type LogLevel } from "./log.ts";
import { NAME, VERSION } from "./version.ts";

export interface Options {
  command: "serve" | "help" | "version";
  simulator: boolean;
  python?: string;
  logLevel: LogLevel;
  toolsets: string[];
  readOnly: boolean;
  allowPaths: string[];
  timeoutMs: number;
  resolveHost?: string;
}

export const HELP = `${NAME} ${VERSION}: an MCP server that drives DaVinci Resolve.

Usage: ${NAME} [flags]          serve MCP on stdin/stdout

Flags:
  --simulator           use the bundled simulated Resolve (a dry run; nothing touches Resolve)
  --python PATH         Python 3 interpreter for the bridge (env RESOLVE_MCP_PYTHON;
                        default: python3, or python on Windows)
  --toolsets LIST       comma-separated toolsets to expose, or "all" (default: the default set)
  --read-only           expose only tools that read, and refuse any call that changes Resolve
  --allow-path DIR      a directory tools may read and write files in (repeatable; the
                        client's MCP roots are added to these)
  --timeout-ms N        time limit of one bridge call (env RESOLVE_MCP_TIMEOUT_MS; default 30000)
  --resolve-host HOST   connect to Resolve on another machine through its network scripting
  --log-level LEVEL     debug, info, warning or error (env RESOLVE_MCP_LOG_LEVEL; default info)
  -h, --help            this text
  -V, --version         the version

Without --simulator the server talks to a running DaVinci Resolve Studio with
Preferences > System > General > External scripting using set to Local.`;

export class UsageError extends Error {}

function env(name: string): string | undefined {
  return Deno.env.get(name) || undefined;
}

export function parseOptions(args: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        simulator: { type: "boolean", default: false },
        python: { type: "string" },
        "log-level": { type: "string" },
        toolsets: { type: "string" },
        "read-only": { type: "boolean", default: false },
        "allow-path": { type: "string", multiple: true, default: [] },
        "timeout-ms": { type: "string" },
        "resolve-host": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "V", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nRun with --help for the list of flags.`);
  }
  const v = parsed.values;
  const logLevel = (v["log-level"] ?? env("RESOLVE_MCP_LOG_LEVEL") ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);
  }
  const timeoutText = v["timeout-ms"] ?? env("RESOLVE_MCP_TIMEOUT_MS") ?? "30000";
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 3_600_000) {
    throw new UsageError("--timeout-ms must be a whole number from 100 to 3600000");
  }
  return {
    command: v.help ? "help" : v.version ? "version" : "serve",
    simulator: v.simulator,
    python: v.python ?? env("RESOLVE_MCP_PYTHON"),
    logLevel,
    toolsets: (v.toolsets ?? "default").split(",").map((s) => s.trim()).filter(Boolean),
    readOnly: v["read-only"],
    allowPaths: v["allow-path"],
    timeoutMs,
    resolveHost: v["resolve-host"],
  };
}
