// Command-line flags. Every flag that has an environment equivalent reads it here, so the
// rest of the program sees one options object.
import { parseFlags, type Token } from "./flags.ts";
import { NAME, VERSION } from "./version.ts";

export const LOG_LEVELS = ["debug", "info", "warning", "error"] as const;
export type LogLevel = typeof LOG_LEVELS[number];

export const CLIENTS = ["claude-desktop", "claude-code", "cursor", "vscode", "codex"] as const;
export type ClientName = typeof CLIENTS[number];

export const CONNECT_MODES = ["external", "inapp", "auto"] as const;
export type ConnectMode = typeof CONNECT_MODES[number];

/** One Resolve the server drives: a name the tools use, and where it is (none: here). */
export interface ResolveHost {
  name: string;
  address?: string;
}

export interface Options {
  command: "serve" | "help" | "version" | "doctor" | "config" | "install-inapp" | "probe";
  simulator: boolean;
  python?: string;
  logLevel: LogLevel;
  toolsets: string[];
  readOnly: boolean;
  allowPaths: string[];
  timeoutMs: number;
  /** The first host's address (--resolve-host), when not this machine. */
  resolveHost?: string;
  /** Every Resolve host, named (--resolve-host NAME=ADDRESS, repeatable); at least one. */
  resolveHosts: ResolveHost[];
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
  /** --http: serve MCP over Streamable HTTP at this address instead of stdio. */
  http?: { host: string; port: number };
  /** --allow-remote: let --http bind to an address that is not loopback. */
  allowRemote: boolean;
  /** --session-idle-ms: an HTTP session with no request for this long is ended. */
  sessionIdleMs: number;
  /** --connect: external scripting, the in-app bridge (free edition), or external first. */
  connect: ConnectMode;
  /** --inapp-port: the in-app bridge's loopback port (install-inapp; default: as installed). */
  inappPort?: number;
  /** install-inapp --scripts-dir: Resolve's Scripts folder, when not the usual one. */
  scriptsDir?: string;
  /** probe --out: the new file the trace is written to. */
  out?: string;
  /** --no-unattended-destructive: refuse destructive steps when the client cannot ask the user. */
  noUnattendedDestructive: boolean;
}

export const HELP = `${NAME} ${VERSION}: an MCP server that drives DaVinci Resolve.

Usage:
  ${NAME} [flags] [DIR...]     serve MCP on stdin/stdout (each DIR as with --allow-path)
  ${NAME} doctor [flags]       check Python, Resolve's scripting files and Resolve itself,
                               one line each with the fix for what fails (exit 0 if all pass)
  ${NAME} config [CLIENT]      print the set-up snippet for claude-desktop, claude-code,
                               cursor, vscode and codex (or just CLIENT); serving flags given
                               here (e.g. --allow-path) are written into the snippets
  ${NAME} install-inapp        write the in-app bridge script into Resolve's Scripts folder
                               (for the free edition; see --connect), with a new secret
  ${NAME} probe --out FILE     record how this Resolve answers a fixed script of API calls
                               (in a scratch project it deletes) into a new FILE, to help
                               match the simulator to it; nothing is sent anywhere

Flags:
  --simulator           use the bundled simulated Resolve (a dry run; nothing touches Resolve)
  --python PATH         Python 3 interpreter for the bridge (env RESOLVE_MCP_PYTHON;
                        default: python3, or python on Windows)
  --toolsets LIST       comma-separated toolsets to expose, or "all" (default: the default set)
  --read-only           expose only tools that read, and refuse any call that changes Resolve
  --allow-path DIR      a directory tools may read and write files in (repeatable; the
                        client's MCP roots are added to these)
  --timeout-ms N        time limit of one bridge call (env RESOLVE_MCP_TIMEOUT_MS; default 30000)
  --resolve-host [NAME=]HOST
                        connect to Resolve on another machine through its network scripting
                        (Preferences > System > General > External scripting using: Network);
                        repeatable: several Resolve machines, each named (default: its
                        address) for the tools' host argument, the first one the default;
                        a comma-separated list in one value also works
  --resolve-script-api DIR
                        Resolve's Developer/Scripting folder (env RESOLVE_SCRIPT_API; default:
                        Blackmagic's folder for this OS, /home/resolve too on Linux)
  --resolve-script-lib FILE
                        Resolve's fusionscript library (env RESOLVE_SCRIPT_LIB; default:
                        beside Resolve, other drives too on Windows)
  --keep-env NAME       pass NAME (e.g. PYTHONHOME, PYTHONPATH) to Python even though it is
                        normally cleared because it breaks other interpreters (repeatable;
                        env RESOLVE_MCP_KEEP_ENV, comma-separated)
  --json                doctor, config and install-inapp: print JSON
  --log-level LEVEL     debug, info, warning or error (env RESOLVE_MCP_LOG_LEVEL; default info)
  --http HOST:PORT      serve MCP over Streamable HTTP at http://HOST:PORT/mcp instead of
                        stdio; every request needs "Authorization: Bearer TOKEN" (env
                        RESOLVE_MCP_TOKEN, else generated and printed once to stderr). Needs
                        --allow-net=HOST:PORT (deno task start:http serves 127.0.0.1:8765)
  --allow-remote        let --http bind to an address that is not loopback (no TLS: put it
                        behind an SSH tunnel or a TLS proxy)
  --session-idle-ms N   end an HTTP session after N ms without a request (default 1800000)
  --no-unattended-destructive
                        refuse destructive or overwriting steps (deleting, replacing files,
                        grades or settings) when the client cannot ask the user itself (no
                        form elicitation); otherwise such a client gets a one-time token the
                        model passes back after asking the user (=true/=false also accepted)
  --connect MODE        how to reach Resolve: external (its external scripting; default),
                        inapp (the script install-inapp wrote, run inside Resolve from
                        Workspace > Scripts; works with the free edition) or auto
                        (external first, then the in-app bridge)
  --inapp-port N        install-inapp: the loopback port of the in-app bridge (default 51144,
                        or the port of the previous install); serving: overrides it
  --scripts-dir DIR     install-inapp: Resolve's Scripts folder, if not the usual one for
                        this OS
  --out FILE            probe: the new file the trace is written to (absolute)
  -h, --help            this text
  -V, --version         the version

Without --simulator the server talks to a running DaVinci Resolve Studio with
Preferences > System > General > External scripting using set to Local; with the free
edition, run install-inapp once, start the script from Workspace > Scripts > Utility and
serve with --connect inapp.`;

export class UsageError extends Error {}

function env(name: string): string | undefined {
  return Deno.env.get(name) || undefined;
}

export function parseOptions(args: string[]): Options {
  // The MCP Bundle passes its boolean setting as --no-unattended-destructive=true or =false.
  args = args.flatMap((a) =>
    a === "--no-unattended-destructive=false"
      ? []
      : a === "--no-unattended-destructive=true"
      ? ["--no-unattended-destructive"]
      : [a]
  );
  let parsed;
  try {
    parsed = parseFlags(args, {
      simulator: { type: "boolean" },
      python: { type: "string" },
      "log-level": { type: "string" },
      toolsets: { type: "string" },
      "read-only": { type: "boolean" },
      "allow-path": { type: "string", multiple: true },
      "timeout-ms": { type: "string" },
      "resolve-host": { type: "string", multiple: true },
      "resolve-script-api": { type: "string" },
      "resolve-script-lib": { type: "string" },
      "keep-env": { type: "string", multiple: true },
      json: { type: "boolean" },
      http: { type: "string" },
      "allow-remote": { type: "boolean" },
      "session-idle-ms": { type: "string" },
      connect: { type: "string" },
      "inapp-port": { type: "string" },
      "scripts-dir": { type: "string" },
      out: { type: "string" },
      "no-unattended-destructive": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "V" },
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
  const allowRemote = v["allow-remote"];
  const http = v.http === undefined ? undefined : parseHttpAddress(v.http, allowRemote);
  const sessionIdleMs = Number(v["session-idle-ms"] ?? "1800000");
  if (!Number.isInteger(sessionIdleMs) || sessionIdleMs < 100 || sessionIdleMs > 86_400_000) {
    throw new UsageError("--session-idle-ms must be a whole number from 100 to 86400000");
  }
  const connect = (v.connect ?? "external") as ConnectMode;
  if (!CONNECT_MODES.includes(connect)) {
    throw new UsageError(`--connect must be one of ${CONNECT_MODES.join(", ")}`);
  }
  if (connect !== "external" && v.simulator) {
    throw new UsageError(
      "--connect inapp and auto reach a real Resolve; --simulator runs the simulated one inside the bridge. Use one or the other.",
    );
  }
  const inappPort = v["inapp-port"] === undefined ? undefined : Number(v["inapp-port"]);
  if (
    inappPort !== undefined &&
    !(Number.isInteger(inappPort) && inappPort >= 1024 && inappPort <= 65535)
  ) {
    throw new UsageError("--inapp-port must be a whole number from 1024 to 65535");
  }
  if (v["scripts-dir"] !== undefined && !isAbsolute(v["scripts-dir"])) {
    throw new UsageError("--scripts-dir must be an absolute path");
  }
  const [first, ...rest] = parsed.positionals;
  let command: Options["command"] = v.help ? "help" : v.version ? "version" : "serve";
  let client: ClientName | undefined;
  const dirs: string[] = [];
  if (first === "doctor" || first === "config" || first === "install-inapp" || first === "probe") {
    if (command === "serve") command = first;
    if (first !== "config" && rest.length) {
      throw new UsageError(`${first} takes no arguments (got ${rest.join(" ")})`);
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
          `unknown subcommand or relative directory "${dir}": the subcommands are doctor, config, install-inapp and probe; directories must be absolute\nRun with --help for the list of flags.`,
        );
      }
      dirs.push(dir);
    }
  }
  if (command === "probe" && (!v.out || !isAbsolute(v.out))) {
    throw new UsageError(
      "probe needs --out FILE, an absolute path of a file that does not exist yet",
    );
  }
  if (v.out !== undefined && first !== "probe") {
    throw new UsageError("--out is for the probe subcommand");
  }
  const resolveHosts = parseResolveHosts(v["resolve-host"]);
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
    resolveHost: resolveHosts[0].address,
    resolveHosts,
    resolveScriptApi: v["resolve-script-api"],
    resolveScriptLib: v["resolve-script-lib"],
    keepEnv,
    json: v.json,
    client,
    serveArgs: serveArgs(args, parsed.tokens),
    http,
    allowRemote,
    sessionIdleMs,
    connect,
    inappPort,
    scriptsDir: v["scripts-dir"],
    out: v.out,
    noUnattendedDestructive: v["no-unattended-destructive"],
  };
}

const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HOST_ADDRESS = /^[A-Za-z0-9._:\[\]-]{1,253}$/;

/**
 * The --resolve-host values: "NAME=ADDRESS" or "ADDRESS" (named after itself); an empty list
 * is this machine, named "local". Names are unique; the first host is the default.
 */
export function parseResolveHosts(values: string[]): ResolveHost[] {
  const hosts: ResolveHost[] = [];
  for (const raw of values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)) {
    const eq = raw.indexOf("=");
    const name = eq >= 0 ? raw.slice(0, eq).trim() : raw;
    const address = eq >= 0 ? raw.slice(eq + 1).trim() : raw;
    if (!HOST_NAME.test(name)) {
      throw new UsageError(
        `--resolve-host ${raw}: the name must be 1 to 64 letters, digits, '.', '_' or '-' (e.g. --resolve-host render1=10.0.0.21)`,
      );
    }
    if (!HOST_ADDRESS.test(address)) {
      throw new UsageError(
        `--resolve-host ${raw}: "${address}" is not a host name or IP address`,
      );
    }
    if (hosts.some((h) => h.name === name)) {
      throw new UsageError(`--resolve-host: the name "${name}" is given twice; names must differ`);
    }
    hosts.push({ name, address });
  }
  return hosts.length ? hosts : [{ name: "local" }];
}

/** True for localhost and the loopback addresses (127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  return h === "localhost" || h === "::1" ||
    h === "0:0:0:0:0:0:0:1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** "HOST:PORT" or "[V6]:PORT"; a non-loopback HOST only with --allow-remote. */
export function parseHttpAddress(
  text: string,
  allowRemote: boolean,
): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:\[\]]+)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535) {
    throw new UsageError(
      `--http takes HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:8765 (got "${text}")`,
    );
  }
  const host = match[1] ?? match[2];
  if (!isLoopbackHost(host) && !allowRemote) {
    throw new UsageError(
      `--http ${text} is not a loopback address: anyone who can reach it could drive Resolve. Use 127.0.0.1, or add --allow-remote if you mean it (then use a tunnel or TLS proxy: the token travels in clear).`,
    );
  }
  return { host, port };
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
