// The long-lived Python bridge process and the line-delimited JSON RPC spoken with it.
// Requests run one at a time (Resolve is single-threaded); each has a time limit. A bridge
// that dies or hangs fails the calls in flight with a retryable error and is started again,
// with back-off, on the next call.
import { type ErrorCode, ToolError } from "../errors.ts";
import { logger, unscoped } from "../log.ts";
import type { ConnectMode } from "../cli.ts";
import { bootstrap, BRIDGE_MODULES, catalog, RELAY_MODULES, simulatorModules } from "./sources.ts";
import { concatBytes } from "../bytes.ts";

const log = logger("bridge");

/** An API object living in the bridge's handle table. */
export interface Handle {
  $h: number;
  c: string;
}

/**
 * One call: method `m` of object `h` (a handle, or `{$r: i}`: the result of call i).
 * `q: 1` (quiet) keeps the result out of the reply: later calls of the batch can still use
 * it, and objects in it never become handles.
 */
export interface Call {
  h: number | { $r: number };
  m: string;
  a?: unknown[];
  q?: 1;
  /** A listing's name for this (list) result: the bridge answers it from memory until any change. */
  keep?: string;
}

/** A call made on a map entry's result: [method, args, keys of a dict result to keep]. */
export type ThenCall = [string, unknown[]?, string[]?];

/**
 * One method entry of a map: [method, args]; [method, args, [then, thenArgs]] (then called on
 * the result); [method, args, {keys}] (only these keys of a dict result, as a list);
 * [method, args, [[then, args, keys?], ...]] (several calls on the result, made once per
 * distinct result object: a list of their values, null when the result is null).
 */
export type MapMethod = [
  string,
  unknown[]?,
  ([string, unknown[]?] | { keys: string[] } | ThenCall[])?,
];

/** The same methods on each of many objects (optionally a slice, or some, of them), in one step. */
export interface MapCall {
  map: Handle[] | { $r: number };
  ms: MapMethod[];
  slice?: [number, number];
  /** Only the objects at these positions (after slice). */
  pick?: number[];
}

/** The length of an earlier (list) result. */
export interface LenCall {
  len: { $r: number };
}

export type BatchCall = Call | MapCall | LenCall;

export interface BridgeOptions {
  python: string;
  simulator: boolean;
  readOnly: boolean;
  timeoutMs: number;
  host?: string;
  /** external: Resolve's external scripting; inapp/auto: through the in-app bridge's relay. */
  connect?: ConnectMode;
  /** The in-app bridge's port, when not the installed one. */
  inappPort?: number;
  /** Extra import path entries (Resolve's Modules folder). */
  modulePath: string[];
  /** Environment of the Python process. */
  env: Record<string, string>;
  /** Interpreter switches that keep it from the working folder, user site, PYTHON* variables. */
  switches: string[];
}

export interface Connection {
  product: string;
  version: string;
  root: Handle;
  /** How Resolve was reached (the relay says; the external bridge does not). */
  via?: "external" | "inapp";
  /** The in-app bridge's port and the script the user runs in Resolve. */
  port?: number;
  script?: string;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: ToolError) => void;
  /** performance.now() past which the call has timed out (the watchdog checks). */
  deadline: number;
  op: string;
  timeoutMs: number;
  /** In trace mode: told the `Class.Method`s the request ran. */
  ran?: (methods: string[], calls?: number) => void;
}

const RESTART_WINDOW_MS = 10_000;
/** How often the deadlines of calls in flight are checked: a timeout fires up to this late. */
const WATCHDOG_MS = 100;
const NEWLINE = 10;
const MAX_BACKOFF_MS = 5_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class BridgeClient {
  #child?: Deno.ChildProcess;
  #stdin?: WritableStreamDefaultWriter<Uint8Array>;
  #ready?: Promise<void>;
  #pending = new Map<number, Pending>();
  #watchdog?: ReturnType<typeof setInterval>;
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  #connection?: Connection;
  #toRelease: number[] = [];
  #restarts = 0;
  #lastStart = 0;
  #closing = false;
  #encoder = new TextEncoder();
  /** Bumped at every (re)start: handles from an older generation are dead. */
  generation = 0;
  /**
   * True when the bridge runs in trace mode (RESOLVE_SIM_TRACE_METHODS=1 in its environment,
   * as the tests set it): every call reply then says which `Class.Method`s it ran.
   */
  tracing = false;

  #prepared?: () => Promise<Partial<BridgeOptions>>;

  /**
   * `prepared`: options known later (the interpreter probe, run asynchronously and only when
   * the bridge is first started); the process is spawned once they are in.
   */
  constructor(readonly options: BridgeOptions, prepared?: () => Promise<Partial<BridgeOptions>>) {
    this.#prepared = prepared;
  }

  /** Starts the process now, without waiting for it (so `initialize` is not delayed). */
  start(): void {
    if (!this.#ready) this.#ready = this.#spawn().catch(() => {});
  }

  /**
   * Starts the process after `ms`, unless a call starts it sooner: the probe and Python's own
   * start-up then do not compete for the CPU with the server answering its first requests.
   */
  startSoon(ms: number): void {
    const timer = setTimeout(() => this.start(), ms);
    Deno.unrefTimer(timer as unknown as number);
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Resolves once connected to Resolve; throws a ToolError saying why not. */
  async connection(): Promise<Connection> {
    if (this.#connection) return this.#connection;
    this.#connection = await this.request("connect", {}) as Connection;
    log.info("connected to {product} {version}", { ...this.#connection });
    return this.#connection;
  }

  /**
   * Runs a batch of calls in one round trip; returns one result per call. In trace mode
   * `ran` is told the `Class.Method`s the batch ran (also when it failed).
   */
  async call(
    calls: BatchCall[],
    timeoutMs?: number,
    ran?: (methods: string[], calls?: number) => void,
  ): Promise<unknown[]> {
    await this.connection();
    const release = this.#toRelease.splice(0);
    const results = await this.request("call", { calls, release }, timeoutMs, ran) as unknown[];
    // After Resolve.Quit the objects are dead: reconnect (and fail clearly) next time.
    if (calls.some((c) => "m" in c && c.m === "Quit")) this.#connection = undefined;
    return results;
  }

  /**
   * After a failed call: is Resolve still there? A cheap GetVersion tells. If not, the
   * connection is dropped (the next call reconnects) and the caller reports it.
   */
  async isAlive(): Promise<boolean> {
    if (!this.#connection) return true; // nothing to lose; the next call connects afresh
    try {
      const [version] = await this.request("call", {
        calls: [{ h: this.#connection.root.$h, m: "GetVersion", a: [] }],
      }, 5000) as unknown[];
      if (Array.isArray(version) && version.length > 0) return true;
    } catch { /* fall through */ }
    log.warning("lost the connection to Resolve; reconnecting on the next call");
    this.#connection = undefined;
    return false;
  }

  /** Handles to drop from the bridge's table; sent along with the next request. */
  release(handles: number[]): void {
    this.#toRelease.push(...handles);
  }

  request(
    op: string,
    payload: Record<string, unknown>,
    timeoutMs?: number,
    ran?: (methods: string[], calls?: number) => void,
  ): Promise<unknown> {
    const run = () => this.#send(op, payload, timeoutMs ?? this.options.timeoutMs, ran);
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => {});
    return result;
  }

  /**
   * Stops the bridge within about 1.6 s, even with a call hanging in Resolve: the bridge gets
   * the end of its stdin (it exits by itself then, even while a call blocks it) and is killed
   * if it has not gone half a second later. The calls in flight fail as it exits.
   */
  async close(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    await Promise.race([this.#reportRunningRender(), sleep(1000)]);
    this.#closing = true;
    try {
      await Promise.race([this.#stdin?.close(), sleep(100)]); // a full pipe must not block it
    } catch { /* already gone */ }
    const exited = await Promise.race([
      child.status.then(() => true),
      sleep(500).then(() => false),
    ]);
    if (!exited) this.#kill();
    await child.status.catch(() => {});
    clearInterval(this.#watchdog);
    this.#watchdog = undefined;
  }

  /** A render keeps going in Resolve when the server stops: say so rather than go silent. */
  async #reportRunningRender() {
    // Only an idle bridge can answer now: behind a hung call the question would wait.
    if (!this.#connection || this.#pending.size > 0) return;
    try {
      const root = this.#connection.root.$h;
      const [, project, rendering, jobs] = await this.request("call", {
        calls: [
          { h: root, m: "GetProjectManager", a: [] },
          { h: { $r: 0 }, m: "GetCurrentProject", a: [] },
          { h: { $r: 1 }, m: "IsRenderingInProgress", a: [] },
          { h: { $r: 1 }, m: "GetRenderJobList", a: [] },
        ],
      }, 1000) as [unknown, unknown, boolean, { JobId: string; OutputFilename?: string }[]];
      if (project && rendering) {
        const list = (jobs ?? []).map((j) => `${j.JobId} (${j.OutputFilename ?? "?"})`).join(", ");
        log.warning(
          "shutting down while Resolve is rendering; it continues in Resolve. Jobs: {list}",
          {
            list,
          },
        );
      }
    } catch { /* Resolve is not answering; nothing to report */ }
  }

  async #send(
    op: string,
    payload: Record<string, unknown>,
    timeoutMs: number,
    ran?: (methods: string[], calls?: number) => void,
  ) {
    // (While the first start waits for its prepared options there is no child yet: wait too.)
    if (!this.#child && !(this.#prepared && this.#ready)) {
      // Started for one call, the new process outlives it: its records are for every session.
      this.#ready = unscoped(() => this.#spawn());
    }
    await this.#ready;
    const id = this.#nextId++;
    const reply = new Promise<unknown>((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      this.#pending.set(id, { resolve, reject, deadline, op, timeoutMs, ran });
    });
    this.#watch();
    await this.#write({ id, op, ...payload });
    return await reply;
  }

  /**
   * One interval checks the deadlines of the calls in flight while there are any, instead of
   * a timer per call (a timer's setup and teardown cost ~0.02 ms of every call, profiled).
   */
  #watch() {
    if (this.#watchdog !== undefined) return;
    this.#watchdog = setInterval(() => {
      if (this.#pending.size === 0) {
        clearInterval(this.#watchdog);
        this.#watchdog = undefined;
        return;
      }
      const now = performance.now();
      for (const pending of this.#pending.values()) {
        if (now >= pending.deadline) return this.#timedOut(pending);
      }
    }, WATCHDOG_MS);
  }

  #timedOut({ op, timeoutMs }: Pending) {
    log.warning("bridge call {op} timed out after {timeoutMs} ms; restarting the bridge", {
      op,
      timeoutMs,
    });
    this.#kill();
    // Forget the killed process now: a call made before its exit is noticed must start
    // a new bridge, not write to the dying one (and fail as BRIDGE_CRASHED).
    this.#child = undefined;
    this.#ready = undefined;
    this.#connection = undefined;
    this.#failAll(
      new ToolError({
        code: "BRIDGE_TIMEOUT",
        message: `Resolve did not answer within ${timeoutMs} ms`,
        hint:
          "Resolve may be busy (a modal dialog, a long render or analysis). The bridge was restarted; retry the call, or raise --timeout-ms.",
        retryable: true,
      }),
    );
  }

  async #write(message: unknown) {
    try {
      await this.#stdin!.write(this.#encoder.encode(JSON.stringify(message) + "\n"));
    } catch {
      // The process is gone; its exit handler fails the pending calls.
    }
  }

  async #spawn(): Promise<void> {
    const prepared = this.#prepared;
    if (prepared) {
      Object.assign(this.options, await prepared());
      if (this.#prepared === prepared) this.#prepared = undefined;
    }
    const sinceLast = Date.now() - this.#lastStart;
    this.#restarts = sinceLast < RESTART_WINDOW_MS ? this.#restarts + 1 : 0;
    if (this.#restarts > 0) {
      const delay = Math.min(100 * 2 ** (this.#restarts - 1), MAX_BACKOFF_MS);
      log.info("restarting the bridge in {delay} ms", { delay });
      await new Promise((r) => setTimeout(r, delay));
    }
    this.#lastStart = Date.now();
    this.generation++;
    this.#connection = undefined;
    this.#toRelease = [];
    const { python, simulator, modulePath, env, switches } = this.options;
    let child: Deno.ChildProcess;
    try {
      child = spawnBootstrap(python, switches, env);
    } catch (e) {
      this.#child = undefined;
      throw new ToolError({
        code: "PYTHON_NOT_FOUND",
        message: `could not start the Python interpreter "${python}": ${(e as Error).message}`,
        hint:
          "Install 64-bit Python 3.8 or newer, or pass its path with --python (or RESOLVE_MCP_PYTHON).",
      });
    }
    this.#child = child;
    this.#stdin = child.stdin.getWriter();
    const ready = Promise.withResolvers<void>();
    const stdoutRead = this.#readLines(child.stdout, (line) => this.#onLine(line, ready.resolve));
    this.#readLines(child.stderr, (line) => log.debug("python: {line}", { line }));
    child.status.then(async (status) => {
      // A last reply can still be in the pipe when the exit is seen (the in-app relay answers
      // INAPP_UNAVAILABLE, then ends): read it before failing what is pending.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([stdoutRead, new Promise((r) => timer = setTimeout(r, 1000))]);
      clearTimeout(timer);
      if (this.#child !== child) return;
      this.#child = undefined;
      this.#ready = undefined;
      this.#connection = undefined;
      if (!this.#closing) {
        log.warning("the bridge exited (code {code}); it restarts on the next call", {
          code: status.code,
        });
      }
      const error = new ToolError({
        code: "BRIDGE_CRASHED",
        message: `the Python bridge stopped (exit code ${status.code})`,
        hint: "The bridge restarts by itself; retry the call.",
        retryable: true,
      });
      ready.reject(error);
      this.#failAll(error);
    });
    const { connect = "external", inappPort } = this.options;
    const relay = connect !== "external";
    const modules = simulator
      ? { ...BRIDGE_MODULES, ...await simulatorModules() }
      : relay
      ? RELAY_MODULES
      : BRIDGE_MODULES;
    await this.#write({
      modules,
      main: relay ? "inapp_relay" : "resolve_bridge",
      path: modulePath,
      config: {
        catalog,
        readOnly: this.options.readOnly,
        host: this.options.host,
        ...(relay ? { mode: connect, port: inappPort } : {}),
      },
    });
    await ready.promise;
    log.debug("bridge ready (pid {pid})", { pid: child.pid });
  }

  #onLine(line: string, ready: () => void) {
    let message: {
      id?: number;
      ok?: unknown;
      err?: Record<string, unknown>;
      ready?: boolean;
      trace?: boolean;
      ran?: string[];
      calls?: number;
    };
    try {
      message = JSON.parse(line);
    } catch {
      log.warning("bridge wrote a line that is not JSON: {line}", { line: line.slice(0, 200) });
      return;
    }
    if (message.ready) {
      this.tracing = message.trace === true;
      return ready();
    }
    const pending = this.#pending.get(message.id ?? -1);
    if (!pending) return;
    this.#pending.delete(message.id!);
    if (message.ran && pending.ran) pending.ran(message.ran, message.calls);
    if (message.err) pending.reject(bridgeError(message.err));
    else pending.resolve(message.ok);
  }

  /** Calls `onLine` with each line of `stream`: bytes are split at newlines and each line
   * decoded once (a TextDecoderStream and string concatenation cost more per reply). */
  async #readLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void) {
    const decoder = new TextDecoder();
    let pieces: Uint8Array[] = [];
    const emit = (last: Uint8Array) => {
      const bytes = pieces.length ? concatBytes([...pieces, last]) : last;
      pieces = [];
      const line = decoder.decode(bytes).trimEnd();
      if (line) onLine(line);
    };
    try {
      for await (const chunk of stream) {
        let start = 0;
        let newline;
        while ((newline = chunk.indexOf(NEWLINE, start)) >= 0) {
          emit(chunk.subarray(start, newline));
          start = newline + 1;
        }
        if (start < chunk.length) pieces.push(chunk.subarray(start));
      }
    } catch { /* stream closed with the process */ }
  }

  #failAll(error: ToolError) {
    for (const [id, pending] of this.#pending) {
      pending.reject(error);
      this.#pending.delete(id);
    }
  }

  #kill() {
    try {
      this.#child?.kill("SIGKILL");
    } catch { /* already exited */ }
  }
}

/**
 * Starts Python on the bootstrap (bridge/bootstrap.py), which then reads one header line
 * naming the embedded modules to run. Throws if the interpreter cannot be started.
 * `switches` (pythonSwitches in discovery.ts) keep the working folder, the user's site and
 * PYTHON* variables out; -S also spares the bridge the memory and start-up time of the site
 * module (bootstrap.py still puts the site-packages folders on the import path).
 */
export function spawnBootstrap(
  python: string,
  switches: string[],
  env: Record<string, string>,
): Deno.ChildProcess {
  return new Deno.Command(python, {
    args: [...switches, "-c", bootstrap],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env,
  }).spawn();
}

const HINTS: Record<string, string> = {
  RESOLVE_UNAVAILABLE:
    "Start DaVinci Resolve Studio and set Preferences > System > General > External scripting using to Local, then retry. To try the tools without Resolve, start the server with --simulator.",
  MODULE_NOT_FOUND:
    "Install DaVinci Resolve (its Developer/Scripting/Modules folder must exist) or set RESOLVE_SCRIPT_API and RESOLVE_SCRIPT_LIB to its scripting folder and fusionscript library. Run the doctor subcommand to see what was found.",
  READ_ONLY:
    "The server was started with --read-only; restart it without that flag to make changes.",
  METHOD_UNAVAILABLE: "This Resolve version lacks the method; update Resolve.",
  UNKNOWN_HANDLE: "The object is gone (released, or the bridge restarted); look it up again.",
  INAPP_NOT_INSTALLED:
    "Run the install-inapp subcommand, then in Resolve choose Workspace > Scripts > Utility > Resolve MCP Bridge, and retry.",
  INAPP_UNAVAILABLE:
    "In Resolve, choose Workspace > Scripts > Utility > Resolve MCP Bridge (it stops when Resolve quits, when run again, or after 30 minutes without a server), then retry.",
  INAPP_AUTH_FAILED:
    "The script running in Resolve is from an earlier install (each install-inapp makes a new secret): in Resolve run Workspace > Scripts > Utility > Resolve MCP Bridge twice (the first run stops the old one), then retry.",
  INAPP_BUSY:
    "Another MCP server is using the in-app bridge, which serves one at a time. Stop that one, or share one server among clients with --http.",
  INAPP_OUTDATED:
    "Run install-inapp again, then in Resolve run the script twice (stop, start) so Resolve runs the new one.",
};

/** Errors that a retry can cure once the user (or time) has fixed the cause. */
const RETRYABLE = new Set(["RESOLVE_UNAVAILABLE", "INAPP_UNAVAILABLE", "INAPP_BUSY"]);

function bridgeError(err: Record<string, unknown>): ToolError {
  // The bridge is ours: its codes are the BridgeErrorCode set (src/errors.ts).
  const code = String(err.code ?? "BRIDGE_ERROR") as ErrorCode;
  return new ToolError({
    code,
    message: String(err.message ?? "the bridge reported an error"),
    hint: HINTS[code],
    retryable: RETRYABLE.has(code),
  });
}
