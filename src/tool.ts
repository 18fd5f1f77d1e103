// Tools are data: defineTool() describes one, and runTool() is the single wrapper every call
// goes through (argument checks, read-only gate, errors as results, handle release).
import { z } from "zod";
import type { BridgeClient } from "./bridge/client.ts";
import { callConfirmer, type ConfirmPolicy, TOKEN_FIELD, TOKEN_TTL_MS } from "./confirm.ts";
import { type ErrorCode, errorText, ToolError } from "./errors.ts";
import { logger } from "./log.ts";
import type { Lock } from "./lock.ts";
import type { PathPolicy } from "./paths.ts";
import type { CallToolResult, Tool } from "./sdk.ts";
import { type HostRegistry, ResolveSession } from "./resolve/index.ts";
import { linksOf } from "./links.ts";
import { TASK_TOOLS } from "./task_tools.ts";
import { cachedTool, setSchemaPasses } from "./tool_cache.ts";
import {
  compactInput,
  compactOutput,
  type Either,
  eitherProblem,
  type JsonSchema,
  portable,
  withEither,
} from "./schema.ts";

const log = logger("tool");

/** Failures that cannot mean Resolve went away; any other is followed by a liveness call. */
const CALLER_ERRORS = new Set<ErrorCode>([
  "INVALID_ARGUMENTS",
  "INVALID_PATH",
  "DANGLING_LINK",
  "HARD_LINKED",
  "UNSAFE_FOLDER",
  "PATH_CHANGED",
  "PATH_ESCAPED",
  "BAD_EXTENSION",
  "CONFIRMATION_REQUIRED",
  "CONFIRMATION_INVALID",
  "CONFIRMATION_FAILED",
  "USER_DECLINED",
  "DESTRUCTIVE_REFUSED",
  "PATH_NOT_ALLOWED",
  "NO_ALLOWED_ROOTS",
  "READ_ONLY",
  "BRIDGE_TIMEOUT",
  "BRIDGE_CRASHED",
  "PYTHON_NOT_FOUND",
  "MODULE_NOT_FOUND",
  "RESOLVE_UNAVAILABLE",
  "HOST_NOT_FOUND",
]);

export type Shape = z.ZodRawShape;

export interface ToolContext {
  resolve: ResolveSession;
  paths: PathPolicy;
  signal: AbortSignal;
  /** Reports progress when the client sent a progress token (no-op otherwise). */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /**
   * Runs fn without holding the tool lock: for waiting (render progress polls), so other
   * tools can run meanwhile. Resolve calls inside fn are still serialised by the bridge.
   */
  idle<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Asks the user to confirm a destructive or overwriting step (src/confirm.ts): returns if
   * they agreed, else throws. Only tools that are `destructive` or `asks` may call it.
   */
  confirm(question: string): Promise<void>;
  /** The Resolve host `resolve` talks to (the first --resolve-host unless onHost chose). */
  host: string;
  /** The configured Resolve hosts' names, the default one first. */
  hostNames(): string[];
  /**
   * This call's context on another Resolve host (default: the first): its own `resolve`
   * session on that host's bridge, everything else shared. HOST_NOT_FOUND for a name not
   * configured. The host's bridge starts on first use; its failures are that host's only.
   */
  onHost(name?: string): ToolContext;
  /** This session's toolsets: what there is, and loading one (the toolsets tools only). */
  toolsets?: ToolsetControl;
}

/** A toolset as list_toolsets reports it. */
export interface ToolsetView {
  id: string;
  description: string;
  tools: number;
  /** How many of its tools this session exposes now. */
  exposed: number;
  enabled: boolean;
}

export interface ToolsetControl {
  list(): ToolsetView[];
  /** Exposes every tool of the toolset in this session; the names newly exposed. */
  enable(id: string): Promise<{ added: string[]; notified: boolean }>;
}

export interface ToolOutput<O> {
  /** One or two sentences for the model. */
  summary: string;
  /** Structured result matching the tool's output schema. */
  data: O;
  /** Pictures for the model, sent as MCP image content after the text. */
  images?: { data: string; mimeType: string }[];
  /**
   * The text content after the summary (listings: a compact table of the essential columns);
   * default: `data` as JSON. structuredContent always carries all of `data`.
   */
  text?: string;
}

export interface ToolDef<I extends Shape = Shape, O extends Shape = Shape> {
  name: string;
  title: string;
  description: string;
  toolset: string;
  /** In the default set: the task-level tools most sessions need (15 to 60 of them). */
  default?: boolean;
  /** True if the tool never changes Resolve or files (the read-only flag keeps only these). */
  readOnly: boolean;
  destructive?: boolean;
  /** May ask the user to confirm a step without being destructive (implied by destructive). */
  asks?: boolean;
  /** Kept in read-only mode, where the bridge refuses its changing calls (the `api` tools). */
  gatedByBridge?: boolean;
  idempotent?: boolean;
  /** True if the tool reads or writes files given by the caller. */
  openWorld?: boolean;
  /** Either/or arguments (exactly / at most / at least one of): in the schema, and enforced. */
  either?: Either[];
  /** The input and output shapes, built on first use (most servers expose few of the tools). */
  input: () => I;
  output: () => O;
  /** Every `Class.Method` of Resolve's API this tool may call. */
  apiMethods: string[];
  handler(
    args: z.infer<z.ZodObject<I>>,
    ctx: ToolContext,
  ): Promise<ToolOutput<z.infer<z.ZodObject<O>>>>;
}

export function defineTool<I extends Shape, O extends Shape>(def: ToolDef<I, O>): ToolDef {
  return def as unknown as ToolDef;
}

const schemaCache = new WeakMap<
  ToolDef,
  { input: z.ZodObject; fields: string[]; tool: Tool }
>();

/** The one confirmation input, on every tool that may ask (see src/confirm.ts). */
const tokenInput = () =>
  z.string().min(1).max(128).optional().describe(
    `Token of a CONFIRMATION_REQUIRED error, once the user agreed (see instructions; once, ${
      TOKEN_TTL_MS / 60_000
    } min).`,
  );

// A cached description is valid only while these passes are the same code (src/tool_cache.ts).
setSchemaPasses(
  compiled,
  tokenInput,
  annotationsOf,
  compactInput,
  compactOutput,
  portable,
  withEither,
);

/** What a description depends on beyond the definition and the passes. */
const describedWith = (def: ToolDef) =>
  JSON.stringify([TOKEN_TTL_MS, TOKEN_FIELD, TASK_TOOLS[def.name] ?? null]);

const descriptions = new WeakMap<ToolDef, Tool>();

/** The tool's tools/list entry: built at build time (src/tool_cache.ts) or now, once. */
function described(def: ToolDef): Tool {
  let tool = descriptions.get(def);
  if (!tool) {
    tool = cachedTool(def, describedWith(def)) ?? compiled(def).tool;
    descriptions.set(def, tool);
  }
  return tool;
}

/** The live description of a tool, never the cached one (scripts/tool_surface.ts writes it). */
export function liveDescription(def: ToolDef): { tool: Tool; extra: string } {
  return { tool: compiled(def).tool, extra: describedWith(def) };
}

function compiled(def: ToolDef) {
  let entry = schemaCache.get(def);
  if (!entry) {
    const shape = def.destructive || def.asks
      ? { ...def.input(), [TOKEN_FIELD]: tokenInput() }
      : def.input();
    const input = z.strictObject(shape);
    // The JSON Schemas only when asked for (a call needs the zod input, not its JSON).
    const build = (): Tool => ({
      name: def.name,
      title: def.title,
      description: def.description,
      inputSchema: withEither(
        compactInput(portable(z.toJSONSchema(input, { io: "input" }))) as JsonSchema,
        def.either,
      ) as Tool["inputSchema"],
      outputSchema: compactOutput(
        portable(z.toJSONSchema(z.object(def.output()))),
      ) as Tool["outputSchema"],
      annotations: annotationsOf(def),
      // Long work runs as a task for clients that ask (src/tasks.ts); a plain call otherwise.
      ...(TASK_TOOLS[def.name] ? { execution: { taskSupport: "optional" as const } } : {}),
    });
    let tool: Tool | undefined;
    entry = {
      input,
      fields: Object.keys(shape),
      get tool() {
        return tool ??= build();
      },
    };
    schemaCache.set(def, entry);
  }
  return entry;
}

/**
 * The hints that differ from MCP's defaults (readOnly false, destructive true, idempotent false,
 * openWorld true); destructive and idempotent only mean something for a tool that changes things.
 */
function annotationsOf(def: ToolDef, readOnly = def.readOnly): Tool["annotations"] {
  if (readOnly) return { readOnlyHint: true, ...(def.openWorld ? {} : { openWorldHint: false }) };
  return {
    ...(def.destructive ? {} : { destructiveHint: false }),
    ...(def.idempotent ? { idempotentHint: true } : {}),
    ...(def.openWorld ? {} : { openWorldHint: false }),
  };
}

/** The environment variable that puts the bridge in trace mode (see bridge/resolve_bridge.py). */
export const TRACE_ENV = "RESOLVE_SIM_TRACE_METHODS";

/** True when this process runs with the bridge's trace mode on (the tests; needs --allow-env). */
export function tracesMethods(): boolean {
  try {
    return Deno.env.get(TRACE_ENV) === "1";
  } catch {
    return false;
  }
}

/**
 * The MCP description of a tool (schemas are built once, on first use). With `trace` (the
 * bridge's trace mode) `_meta` names the tool's toolset and the `Class.Method`s it may call, for
 * the tests to check each call against; clients otherwise do without those.
 */
export function describeTool(def: ToolDef, readOnlyServer = false, trace = false): Tool {
  let tool = described(def);
  if (readOnlyServer && !def.readOnly) {
    // In read-only mode a gated tool cannot change anything: the bridge refuses it.
    tool = {
      ...tool,
      description: `${tool.description} This server is read-only: only reading methods succeed.`,
      annotations: annotationsOf(def, true),
    };
  }
  if (!trace) return tool;
  return {
    ...tool,
    _meta: { "resolve/apiMethods": def.apiMethods, "resolve/toolset": def.toolset },
  };
}

function validationMessage(def: ToolDef, error: z.ZodError): string {
  const expected = compiled(def).fields;
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "arguments";
    if (issue.code === "unrecognized_keys") {
      return `unknown argument(s) ${issue.keys.join(", ")}; expected only: ${
        expected.join(", ") || "none"
      }. Remove them and retry.`;
    }
    return `${where}: ${issue.message}`;
  }).join("; ");
}

export interface RunEnv {
  bridge: BridgeClient;
  paths: PathPolicy;
  signal: AbortSignal;
  progress: ToolContext["progress"];
  /** How this session confirms destructive steps (the user through elicitation, or tokens). */
  confirm: ConfirmPolicy;
  /** Tool calls take this lock, so they run one at a time. */
  lock?: Lock;
  toolsets?: ToolsetControl;
  /** The Resolve hosts (--resolve-host); absent: the one bridge above, named "local". */
  hosts?: HostRegistry;
}

/**
 * Runs one tool call. When the bridge traces (the tests' RESOLVE_SIM_TRACE_METHODS=1), the
 * result's `_meta["resolve/called"]` lists the `Class.Method`s the call ran, for the tests to
 * check against its declared apiMethods; otherwise the result has no such field.
 */
export async function runTool(
  def: ToolDef,
  rawArgs: unknown,
  env: RunEnv,
): Promise<CallToolResult> {
  const called = new Set<string>();
  const count = { calls: 0 };
  const result = await execute(def, rawArgs, env, called, count);
  if (env.bridge.tracing) {
    result._meta = { ...result._meta, "resolve/called": [...called], "resolve/calls": count.calls };
  }
  return result;
}

async function execute(
  def: ToolDef,
  rawArgs: unknown,
  env: RunEnv,
  called: Set<string>,
  count: { calls: number } = { calls: 0 },
): Promise<CallToolResult> {
  const parsed = compiled(def).input.safeParse(rawArgs ?? {});
  const problem = parsed.success ? eitherProblem(parsed.data, def.either) : undefined;
  if (problem) {
    return errorResult(
      new ToolError({
        code: "INVALID_ARGUMENTS",
        message: problem,
        hint: `Call ${def.name} again and ${problem}.`,
      }),
    );
  }
  if (!parsed.success) {
    return errorResult(
      new ToolError({
        code: "INVALID_ARGUMENTS",
        message: validationMessage(def, parsed.error),
        hint: `Check ${def.name}'s input schema and call it again with corrected arguments.`,
      }),
    );
  }
  const session = new ResolveSession(env.bridge);
  // Sessions on other hosts (onHost), released and traced with the call's own.
  const sessions = [session];
  const onHosts = new Map<string, ToolContext>();
  let lastBridge = env.bridge; // the host whose failure is checked for a lost connection
  const onHost = (name?: string): ToolContext => {
    if (name === undefined || name === ctx.host) {
      lastBridge = env.bridge;
      return ctx;
    }
    if (!env.hosts) {
      throw new ToolError({
        code: "HOST_NOT_FOUND",
        message: `no Resolve host named "${name}"; this server drives only "${ctx.host}"`,
        hint: "Omit host, or add the machine with --resolve-host NAME=ADDRESS and restart.",
      });
    }
    const spec = env.hosts.spec(name); // HOST_NOT_FOUND for a name not configured
    let other = onHosts.get(spec.name);
    if (!other) {
      const hostSession = new ResolveSession(env.hosts.bridge(spec.name));
      sessions.push(hostSession);
      other = { ...ctx, resolve: hostSession, host: spec.name };
      onHosts.set(spec.name, other);
    }
    lastBridge = other.resolve.bridge;
    return other;
  };
  let release = await env.lock?.acquire();
  const ctx: ToolContext = {
    resolve: session,
    paths: env.paths,
    signal: env.signal,
    progress: env.progress,
    idle: async (fn) => {
      release?.();
      try {
        return await fn();
      } finally {
        release = await env.lock?.acquire();
      }
    },
    confirm: callConfirmer(env.confirm, def.name, (rawArgs ?? {}) as Record<string, unknown>),
    toolsets: env.toolsets,
    host: env.hosts?.defaultName ?? "local",
    hostNames: () => env.hosts?.names ?? ["local"],
    onHost,
  };
  const started = performance.now();
  try {
    const { summary, data, images = [], text } = await def.handler(parsed.data, ctx);
    log.debug("{name}: {summary} ({ms} ms)", {
      name: def.name,
      summary,
      ms: Math.round(performance.now() - started),
    });
    return {
      content: [
        {
          type: "text",
          text: `${leadWithProblems(summary, data)}\n${text ?? JSON.stringify(data)}`,
        },
        ...images.map((image) => ({ type: "image" as const, ...image })),
        // The files and timelines the result names, as resource links (src/links.ts).
        ...linksOf(data, {
          files: def.openWorld === true,
          timelineTool: def.toolset === "timeline",
        }),
      ],
      structuredContent: data as Record<string, unknown>,
    };
  } catch (e) {
    if (e instanceof ToolError) {
      log.info("{name} refused: {code}: {message}", {
        name: def.name,
        code: e.code,
        message: e.message,
      });
      // In-app bridge errors already say what happened to the link, and how to restore it.
      const linkError = e.code.startsWith("INAPP_");
      if (!CALLER_ERRORS.has(e.code) && !linkError && !(await lastBridge.isAlive())) {
        return errorResult(
          new ToolError({
            code: "RESOLVE_CONNECTION_LOST",
            message: `the connection to DaVinci Resolve was lost (${e.message})`,
            hint:
              "Check that Resolve is still running; the server reconnects on the next call, so retry.",
            retryable: true,
          }),
        );
      }
      return errorResult(e);
    }
    log.error("tool {name} failed unexpectedly: {error}", { name: def.name, error: e });
    return errorResult(
      new ToolError({
        code: "INTERNAL_ERROR",
        message: `${def.name} failed unexpectedly: ${(e as Error)?.message ?? e}`,
        hint: "This is a bug in the server; the log has details. Other tools still work.",
      }),
    );
  } finally {
    for (const s of sessions) {
      for (const m of s.called) called.add(m);
      count.calls += s.callCount;
      s.close();
    }
    release?.();
  }
}

/** Lists the result fields that hold what went wrong (refused, failed, skipped...). */
const PROBLEM_FIELDS = /^(refused|failed|skipped(_[a-z]+)?|losses|errors|missing)$/;

/**
 * Summaries say what matters first: when the data lists refused, failed or skipped things and
 * the summary's first sentence does not say so, their counts go in front.
 */
export function leadWithProblems(summary: string, data: unknown): string {
  if (!data || typeof data !== "object") return summary;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!PROBLEM_FIELDS.test(key)) continue;
    const n = Array.isArray(value)
      ? value.length
      : value && typeof value === "object"
      ? Object.keys(value).length
      : 0;
    if (n > 0) parts.push(`${n} ${key.replace(/_/g, " ")}`);
  }
  if (!parts.length) return summary;
  const first = summary.split(/(?<=\.)\s/)[0].toLowerCase();
  if (/refus|fail|skip|loss|error|missing/.test(first)) return summary;
  return `${parts.join(", ")}. ${summary}`;
}

function errorResult(error: ToolError): CallToolResult {
  return { isError: true, content: [{ type: "text", text: errorText(error.toInfo()) }] };
}
