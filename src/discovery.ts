// Finding Python and DaVinci Resolve's scripting files, per OS. Pure: the OS name, the
// environment variables and a probe (runs a candidate interpreter, which also reports which
// paths exist) are passed in, so tests can fake every OS's layout. realHost() is Deno's.
//
// Paths are checked by the interpreter itself, so the server needs no read permission, and
// what counts is what the bridge's Python will see.

export type OsName = "linux" | "darwin" | "windows";

/** What a candidate interpreter says about itself and about the paths it was asked. */
export interface PythonInfo {
  version: string;
  bits: number;
  executable: string;
  /** One per path asked: does it exist? */
  exists: boolean[];
  /** sys.base_prefix: the installation the interpreter's standard library comes from. */
  basePrefix?: string;
  /** sys.version: names the build (python-build-standalone builds say so in some). */
  build?: string;
}

/**
 * Runs `command ...args ...switches -c PROBE_SCRIPT ...paths`; a string says why it gave no
 * answer.
 */
export type Probe = (
  command: string,
  args: string[],
  env: Record<string, string>,
  paths: string[],
  switches: string[],
) => PythonInfo | string;

export interface Host {
  os: OsName;
  /** The variables the server may read (a narrow --allow-env list); unset ones missing. */
  env: Record<string, string | undefined>;
  probe: Probe;
}

export interface DiscoveryOptions {
  /** --python (or RESOLVE_MCP_PYTHON): the one interpreter to use. */
  python?: string;
  /** --resolve-script-api: Resolve's Developer/Scripting folder. */
  scriptApi?: string;
  /** --resolve-script-lib: the fusionscript library. */
  scriptLib?: string;
  /** Variables to pass to Python as they are, though they are known to break it. */
  keepEnv?: string[];
}

export interface Candidate {
  command: string;
  /** Arguments before `-c` (the py launcher's version switch). */
  args: string[];
  /** Where it came from: "--python", "PATH", "py launcher", "install folder", "Resolve". */
  source: string;
}

export interface Attempt {
  candidate: Candidate;
  info?: PythonInfo;
  /** Why it was not taken. */
  problem?: string;
}

export interface Interpreter extends Candidate {
  version: string;
  bits: number;
  executable: string;
  /** Extra variables the bridge's process needs for this interpreter (PY_PYTHON for py;
   * FUSION_PYTHON3_HOME on Windows). */
  env: Record<string, string>;
  /** Why this kind of build is known to crash fusionscript, when it is one (riskyBuild). */
  risky?: string;
}

export interface Location {
  path: string;
  /** "--resolve-script-api", "RESOLVE_SCRIPT_API", "PYTHONPATH", "default", ... */
  source: string;
  /** Undefined when no interpreter could check it. */
  exists?: boolean;
}

export interface Discovery {
  os: OsName;
  interpreter?: Interpreter;
  attempts: Attempt[];
  /** Folders holding DaVinciResolveScript.py, in the order they were considered. */
  modules: Location[];
  /** The folder the bridge adds to its import path: the first that exists, else the first. */
  modulesDir?: string;
  /** The Developer/Scripting folder, for RESOLVE_SCRIPT_API. */
  scriptApi?: string;
  /** fusionscript library candidates, in order. */
  libraries: Location[];
  /** The library the loader is told about (RESOLVE_SCRIPT_LIB): first found, or the one named. */
  scriptLib?: string;
  /** The Python process's variables: cleared ones as "", RESOLVE_SCRIPT_*, and our own. */
  childEnv: Record<string, string>;
  /** Inherited variables that would have broken Python, cleared (name and value seen). */
  cleared: { name: string; value?: string }[];
  /** The interpreter switches every Python the server starts gets (pythonSwitches). */
  switches: string[];
}

export const MIN_PYTHON = [3, 8] as const;

/**
 * Interpreter switches for every Python the server starts, before its `-c`: what the folder
 * the client started the server in holds must not run, nor the user's site-packages, nor
 * inherited PYTHON* variables (PYTHONINSPECT, PYTHONWARNINGS...). -E ignores the variables,
 * -s the user's site-packages, -S the site module (.pth files, sitecustomize; the bootstrap
 * adds site-packages itself), -u stands for PYTHONUNBUFFERED, which -E ignores. The one thing
 * -I adds, keeping the current folder off the import path, each script does first
 * (PRELUDE): unlike -I, these switches exist in Python 2, which the probe must still be able
 * to call too old. A PYTHON* variable kept with --keep-env is meant for Python: then no -E.
 */
export function pythonSwitches(keepEnv: string[] = []): string[] {
  const keeps = keepEnv.some((name) => name.startsWith("PYTHON"));
  return keeps ? ["-s", "-S", "-u"] : ["-E", "-s", "-S", "-u"];
}

/**
 * The first line of every script run with `python -c`, before any import: `-c` puts the
 * current folder ("") first on the import path, where a json.py would shadow json.
 */
export const PRELUDE = 'import sys; sys.path[:] = [p for p in sys.path if p != ""]';

/** The interpreter's own report; `print` and `%` keep it readable by Python 2 too. */
export const PROBE_SCRIPT = [
  PRELUDE,
  "import json, os, struct",
  'print("RESOLVE_MCP_PROBE " + json.dumps({"version": "%d.%d.%d" % tuple(sys.version_info[:3]),',
  ' "bits": struct.calcsize("P") * 8, "executable": sys.executable,',
  ' "exists": [os.path.exists(p) for p in sys.argv[1:]],',
  ' "basePrefix": getattr(sys, "base_prefix", sys.prefix), "build": sys.version}))',
].join("\n");

/**
 * Variables that break a Python the server starts: PYTHONHOME/PYTHONPATH set for (or by)
 * Resolve's Fusion or another Python point the interpreter at the wrong standard library;
 * Fusion's own Python variables are for Fusion alone. They are passed as empty values,
 * which Python treats as unset, so the server never needs to read the whole environment.
 */
export const BREAKING_VARIABLES = [
  "PYTHONHOME",
  "PYTHONPATH",
  "PYTHONSTARTUP",
  "PYTHONEXECUTABLE",
  "PYTHONPLATLIBDIR",
  "PYTHONUSERBASE",
  "FUSION_PYTHON3_HOME",
  "FUSION_PYTHON36_HOME",
  "FUSION16_PYTHON36_HOME",
  "FUSION_PYTHON27_HOME",
];

/** The environment variables discovery reads (each must be in the server's --allow-env). */
export const READ_VARIABLES = [
  "RESOLVE_SCRIPT_API",
  "RESOLVE_SCRIPT_LIB",
  "PYTHONPATH",
  "PYTHONHOME",
  "PROGRAMDATA",
  "PROGRAMFILES",
];

/** Blackmagic's documented folders (REFERENCE §1.3) and the known non-default ones. */
export function defaultLocations(os: OsName, env: Record<string, string | undefined>) {
  if (os === "windows") {
    const programData = env.PROGRAMDATA || "C:\\ProgramData";
    const programFiles = env.PROGRAMFILES || "C:\\Program Files";
    const scripting = "Blackmagic Design\\DaVinci Resolve\\Support\\Developer\\Scripting";
    const lib = "Blackmagic Design\\DaVinci Resolve\\fusionscript.dll";
    return {
      scriptApi: unique([`${programData}\\${scripting}`, `C:\\ProgramData\\${scripting}`]),
      // Resolve installed on another drive keeps its scripting folder in ProgramData but
      // its library beside the program.
      scriptLib: unique([
        `${programFiles}\\${lib}`,
        `C:\\Program Files\\${lib}`,
        ...["D", "E", "F", "G"].map((d) => `${d}:\\Program Files\\${lib}`),
      ]),
    };
  }
  if (os === "darwin") {
    return {
      scriptApi: [
        "/Library/Application Support/Blackmagic Design/DaVinci Resolve/Developer/Scripting",
      ],
      scriptLib: [
        "/Applications/DaVinci Resolve/DaVinci Resolve.app/Contents/Libraries/Fusion/fusionscript.so",
      ],
    };
  }
  // Linux: /opt/resolve, or /home/resolve for Blackmagic's ISO installs.
  return {
    scriptApi: ["/opt/resolve/Developer/Scripting", "/home/resolve/Developer/Scripting"],
    scriptLib: [
      "/opt/resolve/libs/Fusion/fusionscript.so",
      "/home/resolve/libs/Fusion/fusionscript.so",
    ],
  };
}

/**
 * Interpreters tried when none is named, in order. Every command here must be in the
 * server's --allow-run list (deno.json's start task; a test keeps the two in step).
 */
export function pythonCandidates(os: OsName): Candidate[] {
  const path = (command: string, args: string[] = []) => ({ command, args, source: "PATH" });
  const folder = (command: string) => ({ command, args: [], source: "install folder" });
  const resolve = (command: string) => ({ command, args: [], source: "Resolve's own Python" });
  if (os === "windows") {
    // Known to load fusionscript first: Resolve's own Python (21.1+), then the py launcher
    // (python.org builds); whatever `python` on PATH is (often a uv or Store one) after.
    return [
      resolve(
        "C:\\Program Files\\Blackmagic Design\\DaVinci Resolve\\ResolvePython\\ResolvePython.exe",
      ),
      { command: "py", args: ["-3"], source: "py launcher" },
      path("python"),
      path("python3"),
    ];
  }
  if (os === "darwin") {
    return [
      path("python3"),
      folder("/opt/homebrew/bin/python3"),
      folder("/usr/local/bin/python3"),
      folder("/Library/Frameworks/Python.framework/Versions/Current/bin/python3"),
      resolve(
        "/Applications/DaVinci Resolve/DaVinci Resolve.app/Contents/Applications/ResolvePython",
      ),
      folder("/usr/bin/python3"),
      path("python"),
    ];
  }
  return [
    path("python3"),
    path("python"),
    folder("/usr/bin/python3"),
    folder("/usr/local/bin/python3"),
    resolve("/opt/resolve/bin/ResolvePython"),
    resolve("/home/resolve/bin/ResolvePython"),
  ];
}

/** Every absolute interpreter path above, for the --allow-run list. */
export function allowedRunCommands(): string[] {
  const all = (["linux", "darwin", "windows"] as OsName[]).flatMap(pythonCandidates);
  return unique(all.map((c) => c.command));
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

export function joinPath(os: OsName, dir: string, ...parts: string[]): string {
  const sep = os === "windows" ? "\\" : "/";
  let out = dir;
  for (const part of parts) {
    out = /[\\/]$/.test(out) ? out + part : out + sep + part;
  }
  return out;
}

/** Why an interpreter that answered cannot run the bridge, or undefined if it can. */
export function pythonProblem(info: PythonInfo): string | undefined {
  const [major, minor] = info.version.split(".").map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    return `Python ${info.version} is too old: the bridge needs Python ${MIN_PYTHON.join(".")}+`;
  }
  if (info.bits !== 64) {
    return `Python ${info.version} is ${info.bits}-bit: Resolve's scripting library loads only into a 64-bit Python`;
  }
  return undefined;
}

/**
 * Why an interpreter is a kind reported to crash fusionscript (0xC0000005 on Windows
 * Studio 21.0.3): python-build-standalone builds, which uv installs. Undefined otherwise.
 */
export function riskyBuild(info: PythonInfo): string | undefined {
  const where = [info.executable, info.basePrefix ?? ""].join("\n");
  if (
    /python-build-standalone/i.test(`${info.build ?? ""}\n${where}`) ||
    /[\\/]uv[\\/]python[\\/]/i.test(where) ||
    /cpython-\d+\.\d+\.\d+[^\\/]*-(pc-windows|unknown-linux|apple-darwin)/i.test(where)
  ) {
    return "a python-build-standalone (uv) build, reported to crash loading fusionscript (Windows Studio 21.0.3)";
  }
  return undefined;
}

/** The environment every probe and the bridge run with. */
export function childEnvironment(
  env: Record<string, string | undefined>,
  keepEnv: string[] = [],
): Pick<Discovery, "childEnv" | "cleared"> {
  const childEnv: Record<string, string> = { PYTHONUNBUFFERED: "1", PYTHONIOENCODING: "utf-8" };
  const cleared: { name: string; value?: string }[] = [];
  for (const name of BREAKING_VARIABLES) {
    if (keepEnv.includes(name)) continue;
    childEnv[name] = "";
    if (env[name]) cleared.push({ name, value: env[name] });
  }
  return { childEnv, cleared };
}

function moduleLocations(
  os: OsName,
  env: Record<string, string | undefined>,
  options: DiscoveryOptions,
) {
  const scripting: { api: string; source: string }[] = [];
  if (options.scriptApi) scripting.push({ api: options.scriptApi, source: "--resolve-script-api" });
  if (env.RESOLVE_SCRIPT_API) {
    scripting.push({ api: env.RESOLVE_SCRIPT_API, source: "RESOLVE_SCRIPT_API" });
  }
  const modules: (Location & { api?: string })[] = scripting.map((s) => ({
    path: joinPath(os, s.api, "Modules"),
    source: s.source,
    api: s.api,
  }));
  // Blackmagic's instructions put the Modules folder on PYTHONPATH; honour that, though
  // PYTHONPATH itself is not passed on.
  for (const entry of (env.PYTHONPATH ?? "").split(os === "windows" ? ";" : ":")) {
    if (entry.trim()) modules.push({ path: entry.trim(), source: "PYTHONPATH" });
  }
  for (const api of defaultLocations(os, env).scriptApi) {
    modules.push({ path: joinPath(os, api, "Modules"), source: "default", api });
  }
  const seen = new Set<string>();
  return modules.filter((m) => !seen.has(m.path) && seen.add(m.path));
}

function libraryLocations(
  os: OsName,
  env: Record<string, string | undefined>,
  options: DiscoveryOptions,
) {
  const libs: Location[] = [];
  if (options.scriptLib) libs.push({ path: options.scriptLib, source: "--resolve-script-lib" });
  if (env.RESOLVE_SCRIPT_LIB) {
    libs.push({ path: env.RESOLVE_SCRIPT_LIB, source: "RESOLVE_SCRIPT_LIB" });
  }
  for (const path of defaultLocations(os, env).scriptLib) libs.push({ path, source: "default" });
  const seen = new Set<string>();
  return libs.filter((l) => !seen.has(l.path) && seen.add(l.path));
}

/** One interpreter probe discovery asks for: the arguments of a Probe. */
export type ProbeRequest = Parameters<Probe>;

/** Finds the interpreter, the scripting modules and the library, and the child's variables. */
export function discover(host: Host, options: DiscoveryOptions = {}): Discovery {
  const steps = discovering(host, options);
  let step = steps.next();
  while (!step.done) step = steps.next(host.probe(...step.value));
  return step.value;
}

/** A Host whose probe runs the interpreter without blocking (Deno.Command.output). */
export interface AsyncHost extends Omit<Host, "probe"> {
  probe: (...request: ProbeRequest) => Promise<PythonInfo | string>;
}

/** discover, with each probe awaited: the event loop keeps serving meanwhile. */
export async function discoverAsync(
  host: AsyncHost,
  options: DiscoveryOptions = {},
): Promise<Discovery> {
  const steps = discovering(host, options);
  let step = steps.next();
  while (!step.done) step = steps.next(await host.probe(...step.value));
  return step.value;
}

/** Discovery's logic: yields each probe it needs and is given its answer. */
function* discovering(
  host: Pick<Host, "os" | "env">,
  options: DiscoveryOptions,
): Generator<ProbeRequest, Discovery, PythonInfo | string> {
  const { os, env } = host;
  const { childEnv, cleared } = childEnvironment(env, options.keepEnv);
  const switches = pythonSwitches(options.keepEnv);
  const modules = moduleLocations(os, env, options);
  const libraries = libraryLocations(os, env, options);
  const paths = [
    ...modules.map((m) => joinPath(os, m.path, "DaVinciResolveScript.py")),
    ...libraries.map((l) => l.path),
  ];
  const candidates: Candidate[] = options.python
    ? [{ command: options.python, args: [], source: "--python" }]
    : pythonCandidates(os);
  const attempts: Attempt[] = [];
  let interpreter: Interpreter | undefined;
  let exists: boolean[] | undefined;
  const take = (candidate: Candidate, info: PythonInfo, risky?: string) => {
    const [major, minor] = info.version.split(".");
    const env: Record<string, string> = candidate.command === "py"
      ? { PY_PYTHON: `${major}.${minor}` }
      : {};
    // fusionscript.dll loads the Python FUSION_PYTHON3_HOME names; unset, it may load
    // another registered one into the process and crash (0xC0000005): name the bridge's own.
    if (os === "windows" && info.basePrefix && !options.keepEnv?.includes("FUSION_PYTHON3_HOME")) {
      env.FUSION_PYTHON3_HOME = info.basePrefix;
    }
    interpreter = {
      ...candidate,
      version: info.version,
      bits: info.bits,
      executable: info.executable,
      env,
      ...(risky ? { risky } : {}),
    };
    exists = info.exists;
  };
  // A risky build is taken only when no other interpreter works.
  let fallback: { candidate: Candidate; info: PythonInfo; risky: string } | undefined;
  for (const candidate of candidates) {
    const info = yield [candidate.command, candidate.args, childEnv, paths, switches];
    if (typeof info === "string") {
      attempts.push({ candidate, problem: info });
      continue;
    }
    const problem = pythonProblem(info);
    attempts.push({ candidate, info, problem });
    if (problem) continue;
    const risky = riskyBuild(info);
    if (risky && candidates.length > 1) {
      fallback ??= { candidate, info, risky };
      continue;
    }
    take(candidate, info, risky);
    break;
  }
  if (!interpreter && fallback) take(fallback.candidate, fallback.info, fallback.risky);
  if (exists) {
    modules.forEach((m, i) => m.exists = exists![i]);
    libraries.forEach((l, i) => l.exists = exists![modules.length + i]);
  }
  const module = modules.find((m) => m.exists) ?? modules[0];
  const named = libraries.filter((l) => l.source !== "default");
  const library = libraries.find((l) => l.exists) ?? named[0];
  const scriptApi = (module as { api?: string } | undefined)?.api ??
    (module ? module.path.replace(/[\\/]Modules[\\/]?$/, "") : undefined);
  if (scriptApi) childEnv.RESOLVE_SCRIPT_API = scriptApi;
  if (library) childEnv.RESOLVE_SCRIPT_LIB = library.path;
  return {
    os,
    interpreter,
    attempts,
    modules: modules.map(({ path, source, exists }) => ({ path, source, exists })),
    modulesDir: module?.path,
    scriptApi,
    libraries,
    scriptLib: library?.path,
    childEnv,
    cleared,
    switches,
  };
}

// ---- Deno's side ------------------------------------------------------------------------

export function currentOs(): OsName {
  const os = Deno.build.os;
  return os === "windows" || os === "darwin" ? os : "linux";
}

/** Reads one variable, or undefined when unset or not in the --allow-env list. */
export function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name) || undefined;
  } catch {
    return undefined;
  }
}

/** Runs a candidate for real (a short `python -c`), with a time limit. */
export function realProbe(
  command: string,
  args: string[],
  env: Record<string, string>,
  paths: string[],
  switches: string[] = pythonSwitches(),
): PythonInfo | string {
  try {
    return probeAnswer(probeCommand(command, args, env, paths, switches).outputSync());
  } catch (e) {
    return probeFailure(e);
  }
}

/** realProbe without blocking: the server's start-up probe (src/bridge/environment.ts). */
export async function realProbeAsync(
  command: string,
  args: string[],
  env: Record<string, string>,
  paths: string[],
  switches: string[] = pythonSwitches(),
): Promise<PythonInfo | string> {
  try {
    return probeAnswer(await probeCommand(command, args, env, paths, switches).output());
  } catch (e) {
    return probeFailure(e);
  }
}

function probeCommand(
  command: string,
  args: string[],
  env: Record<string, string>,
  paths: string[],
  switches: string[],
): Deno.Command {
  return new Deno.Command(command, {
    args: [...args, ...switches, "-c", PROBE_SCRIPT, ...paths],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
}

function probeFailure(e: unknown): string {
  if (e instanceof Deno.errors.NotFound) return "not found";
  if (e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied) {
    return "this program may start only the interpreters it lists (python3, python, py and the usual install folders); " +
      "put that interpreter's folder first on PATH (so it is found as python3/python), or pass one of those";
  }
  return (e as Error).message;
}

function probeAnswer(out: Deno.CommandOutput): PythonInfo | string {
  const stdout = new TextDecoder().decode(out.stdout);
  const line = stdout.split(/\r?\n/).find((l) => l.startsWith("RESOLVE_MCP_PROBE "));
  if (out.success && line) {
    try {
      return JSON.parse(line.slice("RESOLVE_MCP_PROBE ".length)) as PythonInfo;
    } catch { /* fall through */ }
  }
  const stderr = new TextDecoder().decode(out.stderr).trim();
  if (/Microsoft Store/i.test(stderr + stdout)) {
    return "the Microsoft Store placeholder, not an installed Python";
  }
  const last = stderr.split(/\r?\n/).filter(Boolean).slice(-1)[0];
  return `exited with code ${out.code}${last ? `: ${last}` : ""}`;
}

export function realHost(): Host {
  const env: Record<string, string | undefined> = {};
  for (const name of [...READ_VARIABLES, ...BREAKING_VARIABLES]) env[name] = readEnv(name);
  return { os: currentOs(), env, probe: realProbe };
}

export function realAsyncHost(): AsyncHost {
  return { ...realHost(), probe: realProbeAsync };
}
