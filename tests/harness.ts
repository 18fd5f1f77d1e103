// Test harness: the real server, started exactly as users start it (`deno task start`, with
// the task's permission flags), driven over stdio by the MCP SDK client.
import { Client, StdioClientTransport } from "../src/sdk_client.ts";
import { type CallToolResult, types } from "../src/sdk.ts";
import { startCommand } from "../scripts/start_command.ts";
export { INITIALIZE, startCommand } from "../scripts/start_command.ts";

export const ROOT = new URL("..", import.meta.url).pathname;

export interface ServerOptions {
  /** Extra command-line flags after --simulator. */
  args?: string[];
  /** Extra environment for the server (the SDK passes only a few variables by default). */
  env?: Record<string, string>;
  /** Leave out --simulator (to test the real-Resolve path). */
  real?: boolean;
  /** Client capabilities to declare (e.g. roots, elicitation). */
  capabilities?: Record<string, unknown>;
  /** The folder the server is started in (the repository when not given). */
  cwd?: string;
  /**
   * Declare form elicitation and answer every confirmation question so (`t.answer` changes
   * it between calls). Without it the client cannot be asked: destructive steps need tokens.
   */
  elicit?: ElicitAnswer;
}

export type ElicitAnswer = "accept" | "decline" | "cancel";

/** The one-time token a CONFIRMATION_REQUIRED / CONFIRMATION_INVALID error hands out. */
export function tokenOf(errorText: string): string | undefined {
  return /confirmation_token: "([0-9a-f]+)"/.exec(errorText)?.[1];
}

export interface TestClient {
  client: Client;
  stderr: () => string;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its structured content. */
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a tool that must fail and returns its error text. */
  error(name: string, args?: Record<string, unknown>): Promise<string>;
  /**
   * For a client without elicitation: calls a tool that must first refuse with
   * CONFIRMATION_REQUIRED, then again with the token it gave (as a model does after the user
   * agreed), until it succeeds; returns its structured content.
   */
  confirmed<T = Record<string, unknown>>(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<T>;
  /** As confirmed, for a call that fails after the confirmation: its error text. */
  confirmedError(name: string, args?: Record<string, unknown>): Promise<string>;
  /** With `elicit`: how the next questions are answered. */
  answer: ElicitAnswer;
  /** With `elicit`: every question the server asked the user, in order. */
  questions: string[];
}

/** The environment variable that puts the bridge in trace mode (see bridge/resolve_bridge.py). */
export const TRACE_ENV = "RESOLVE_SIM_TRACE_METHODS";

/** The `Class.Method`s a tool call's result says it ran (trace mode), or [] when it says none. */
export function calledMethods(result: CallToolResult): string[] {
  const called = result._meta?.["resolve/called"];
  return Array.isArray(called) ? called.map(String) : [];
}

/**
 * Declared = called: throws unless every method the call ran is among the tool's declared
 * apiMethods (its `_meta["resolve/apiMethods"]` in tools/list). `declared` is undefined for a
 * tool tools/list did not show.
 */
export function checkDeclared(
  tool: string,
  called: string[],
  declared: readonly string[] | undefined,
): void {
  const known = new Set(declared ?? []);
  const undeclared = called.filter((m) => !known.has(m));
  if (undeclared.length) {
    throw new Error(
      `${tool} called ${undeclared.join(", ")}, which its apiMethods do not declare; add ${
        undeclared.length === 1 ? "it" : "them"
      } to ${tool}'s apiMethods`,
    );
  }
}

/** With RESOLVE_MCP_CALLED_LOG set (scripts/test.ts): appends `{tool, called}` to that file. */
function logCalled(tool: string, called: string[]): void {
  const file = Deno.env.get("RESOLVE_MCP_CALLED_LOG");
  if (!file || called.length === 0) return;
  Deno.writeTextFileSync(file, JSON.stringify({ tool, called }) + "\n", { append: true });
}

export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "DENO_DIR", "TMPDIR", "SYSTEMROOT", "USERPROFILE"]) {
    const value = Deno.env.get(name);
    if (value) env[name] = value;
  }
  return env;
}

export function startArgs(options: ServerOptions = {}): string[] {
  return [
    "task",
    "--quiet",
    "start",
    ...(options.real ? [] : ["--simulator"]),
    ...(options.args ?? []),
  ];
}

/**
 * The server's command line. From another folder `deno task` cannot find deno.json, so the
 * start task's own `deno run` command is used, with deno.json and main.ts named absolutely.
 */
function invocation(options: ServerOptions): { command: string; args: string[]; cwd: string } {
  if (!options.cwd) return { command: Deno.execPath(), args: startArgs(options), cwd: ROOT };
  const [command, args] = startCommand([
    ...(options.real ? [] : ["--simulator"]),
    ...(options.args ?? []),
  ]);
  args.splice(args.indexOf("main.ts"), 1, "--config", `${ROOT}deno.json`, `${ROOT}main.ts`);
  return { command, args, cwd: options.cwd };
}

/**
 * The server's data folder (checkpoints) for this test process: a temp folder, removed at
 * exit, so tests never write into the user's data folder. A test may pass its own.
 */
let dataDir: string | undefined;
function testDataDir(): string {
  if (!dataDir) {
    const dir = dataDir = Deno.makeTempDirSync({ prefix: "resolve-mcp-data-" });
    globalThis.addEventListener("unload", () => {
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch { /* already gone */ }
    });
  }
  return dataDir;
}

export async function withClient(
  options: ServerOptions,
  fn: (t: TestClient) => Promise<void>,
): Promise<void> {
  const transport = new StdioClientTransport({
    ...invocation(options),
    env: { ...baseEnv(), [TRACE_ENV]: "1", RESOLVE_MCP_DATA_DIR: testDataDir(), ...options.env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Uint8Array) => stderr += new TextDecoder().decode(chunk));
  const client = new Client({ name: "test", version: "1.0.0" }, {
    capabilities: {
      ...(options.elicit ? { elicitation: { form: {} } } : {}),
      ...options.capabilities,
    },
  });
  const questions: string[] = [];
  if (options.elicit) {
    client.setRequestHandler(types.ElicitRequestSchema, (request) => {
      questions.push(request.params.message);
      return t.answer === "accept"
        ? { action: "accept", content: { confirm: true } }
        : { action: t.answer };
    });
  }
  await client.connect(transport);
  // The SDK client then checks every structuredContent against its outputSchema.
  const declared = new Map<string, string[]>();
  for (const tool of (await client.listTools()).tools) {
    declared.set(tool.name, (tool._meta?.["resolve/apiMethods"] ?? []) as string[]);
  }
  // Every call's ran methods (trace mode) must be declared by its tool.
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await client.callTool({ name, arguments: args }) as CallToolResult;
    const called = calledMethods(result);
    logCalled(name, called);
    checkDeclared(name, called, declared.get(name));
    return result;
  };
  // Refused with CONFIRMATION_REQUIRED, then called with each token given until it is not.
  const confirming = async (name: string, args: Record<string, unknown>) => {
    let result = await call(name, args);
    const text = () => (result.content[0] as { text: string }).text;
    if (!result.isError || !/CONFIRMATION_REQUIRED/.test(text()) || !tokenOf(text())) {
      throw new Error(`${name} should have asked for confirmation: ${JSON.stringify(result)}`);
    }
    for (let round = 0; round < 4; round++) {
      if (!result.isError || !/CONFIRMATION_REQUIRED/.test(text())) return result;
      result = await call(name, { ...args, confirmation_token: tokenOf(text()) });
    }
    throw new Error(`${name} kept asking for confirmation: ${text()}`);
  };
  const t: TestClient = {
    client,
    stderr: () => stderr,
    call,
    async ok(name, args) {
      const result = await call(name, args);
      if (result.isError) {
        throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      }
      // deno-lint-ignore no-explicit-any
      return result.structuredContent as any;
    },
    async error(name, args) {
      const result = await call(name, args);
      if (!result.isError) {
        throw new Error(`${name} should have failed: ${JSON.stringify(result.content)}`);
      }
      return (result.content[0] as { text: string }).text;
    },
    async confirmed(name, args = {}) {
      const result = await confirming(name, args);
      if (result.isError) {
        throw new Error(`${name} failed after confirmation: ${JSON.stringify(result.content)}`);
      }
      // deno-lint-ignore no-explicit-any
      return result.structuredContent as any;
    },
    async confirmedError(name, args = {}) {
      const result = await confirming(name, args);
      if (!result.isError) {
        throw new Error(`${name} should have failed: ${JSON.stringify(result.content)}`);
      }
      return (result.content[0] as { text: string }).text;
    },
    answer: options.elicit ?? "accept",
    questions,
  };
  try {
    await fn(t);
  } finally {
    await client.close();
  }
}

/**
 * Runs the `start` task without --simulator (a subcommand such as doctor or config, or flags
 * like --help) to its end, with only the given environment; its exit code and output.
 */
export async function runStart(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const { command, ...how } = invocation({ real: true, args, cwd });
  const out = await new Deno.Command(command, {
    ...how,
    env: { ...baseEnv(), ...env },
    clearEnv: true,
    stdin: "null",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

/** A fresh temporary folder, removed after fn. */
export async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "resolve-mcp-test-" }));
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Pid of the bridge, from the server's debug log. */
export function bridgePid(stderr: string): number | undefined {
  const matches = [...stderr.matchAll(/bridge ready \(pid (\d+)\)/g)];
  return matches.length ? Number(matches[matches.length - 1][1]) : undefined;
}

export function isRunning(pid: number): boolean {
  // ps rather than /proc: Deno reads /proc/<pid> only with --allow-all.
  const out = new Deno.Command("ps", { args: ["-o", "stat=", "-p", String(pid)] }).outputSync();
  const state = new TextDecoder().decode(out.stdout).trim();
  return state !== "" && !state.startsWith("Z"); // a zombie has exited
}

export async function waitFor(check: () => boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}
