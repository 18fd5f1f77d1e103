// Command-line flags. Every flag that has an environment equivalent reads it here, so the
// rest of the program sees one options object.
import { parseArgs } from "node:util";
import { NAME, VERSION } from "./version.ts";

export const LOG_LEVELS = ["debug", "info", "warning", "error"] as const;
export type LogLevel = typeof LOG_LEVELS[number];

export const CLIENTS = ["claude-desktop", "claude-code", "cursor", "vscode", "codex"] as const;
export type ClientName = typeof CLIENTS[number];

export interface Options {
  command: "serve" | "help" | "version" | "doctor" | "config";
  simulator: boolean;
  python?: string;
  logLevel: LogLevel;
  toolsets: string[];
  readOnly: boolean;
  allowPaths: string[];
  timeoutMs: number;
  resolveHost?: string;
  resolveScriptApi?: string;
  resolveScriptLib?: string;
  /** Variables known to break Python that are passed on anyway. */
  keepEnv: string[];
  /** doctor and config: machine-readable output. */
  json: boolean;
  /** config: the one client to print (all when absent). */
  client?: ClientName;
  /** config: the serving flags given, to repeat in the snippets. */
  serveArgs: string[];
}

export const HELP = `${NAME} ${VERSION}: an MCP server that drives DaVinci Resolve.

Usage:
  ${NAME} [flags] [DIR...]     serve MCP on stdin/stdout (each DIR as with --allow-path)
  ${NAME} doctor [flags]       check Python, Resolve's scripting files and Resolve itself,
                               one line each with the fix for what fails (exit 0 if all pass)
  ${NAME} config [CLIENT]      print the set-up snippet for claude-desktop, claude-code,
                               cursor, vscode and codex (or just CLIENT); serving flags given
                               here (e.g. --allow-path) are written into the snippets

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
                        (Preferences > System > General > External scripting using: Network)
  --resolve-script-api DIR
                        Resolve's Developer/Scripting folder (env RESOLVE_SCRIPT_API; default:
                        Blackmagic's folder for this OS, /home/resolve too on Linux)
  --resolve-script-lib FILE
                        Resolve's fusionscript library (env RESOLVE_SCRIPT_LIB; default:
                        beside Resolve, other drives too on Windows)
  --keep-env NAME       pass NAME (e.g. PYTHONHOME, PYTHONPATH) to Python even though it is
                        normally cleared because it breaks other interpreters (repeatable;
                        env RESOLVE_MCP_KEEP_ENV, comma-separated)
  --json                doctor and config: print JSON
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
      allowPositionals: true,
      tokens: true,
      options: {
        simulator: { type: "boolean", default: false },
        python: { type: "string" },
        "log-level": { type: "string" },
        toolsets: { type: "string" },
        "read-only": { type: "boolean", default: false },
        "allow-path": { type: "string", multiple: true, default: [] },
        "timeout-ms": { type: "string" },
        "resolve-host": { type: "string" },
        "resolve-script-api": { type: "string" },
        "resolve-script-lib": { type: "string" },
        "keep-env": { type: "string", multiple: true, default: [] },
        json: { type: "boolean", default: false },
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
  const [first, ...rest] = parsed.positionals;
  let command: Options["command"] = v.help ? "help" : v.version ? "version" : "serve";
  let client: ClientName | undefined;
  const dirs: string[] = [];
  if (first === "doctor" || first === "config") {
    if (command === "serve") command = first;
    if (first === "doctor" && rest.length) {
      throw new UsageError(`doctor takes no arguments (got ${rest.join(" ")})`);
    }
    if (first === "config" && rest.length) {
      if (rest.length > 1 || !(CLIENTS as readonly string[]).includes(rest[0])) {
        throw new UsageError(`config takes one of ${CLIENTS.join(", ")} (got ${rest.join(" ")})`);
      }
      client = rest[0] as ClientName;
    }
  } else {
    // An MCP Bundle expands an empty folder list to an empty argument.
    for (const dir of parsed.positionals.filter((d) => d.trim())) {
      if (!isAbsolute(dir)) {
        throw new UsageError(
          `unknown subcommand or relative directory "${dir}": the subcommands are doctor and config; directories must be absolute\nRun with --help for the list of flags.`,
        );
      }
      dirs.push(dir);
    }
  }
  const keepEnv = [
    ...v["keep-env"],
    ...(env("RESOLVE_MCP_KEEP_ENV") ?? "").split(","),
  ].map((s) => s.trim()).filter(Boolean);
  return {
    command,
    simulator: v.simulator,
    python: v.python ?? env("RESOLVE_MCP_PYTHON"),
    logLevel,
    toolsets: (v.toolsets ?? "default").split(",").map((s) => s.trim()).filter(Boolean),
    readOnly: v["read-only"],
    allowPaths: [...v["allow-path"], ...dirs],
    timeoutMs,
    resolveHost: v["resolve-host"],
    resolveScriptApi: v["resolve-script-api"],
    resolveScriptLib: v["resolve-script-lib"],
    keepEnv,
    json: v.json,
    client,
    serveArgs: serveArgs(args, parsed.tokens as Token[]),
  };
}

function isAbsolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

/** The arguments minus the subcommand, its client name and the flags only they read. */
function serveArgs(args: string[], tokens: Token[]): string[] {
  const drop = new Set<number>();
  const positionals = tokens.filter((t) => t.kind === "positional");
  if (positionals[0] && ["doctor", "config"].includes(positionals[0].value)) {
    for (const t of positionals) drop.add(t.index);
  }
  for (const t of tokens) {
    if (t.kind === "option" && ["json", "help", "version"].includes(t.name)) drop.add(t.index);
  }
  return args.filter((_, i) => !drop.has(i));
}

type Token =
  | { kind: "positional"; index: number; value: string }
  | { kind: "option"; index: number; name: string }
  | { kind: "option-terminator"; index: number };
