// Checks every message a client sends before the MCP SDK's Server sees it. The SDK silently
// drops a request whose envelope it does not recognise (no method, a wrong "jsonrpc", an id
// that is not a string or an integer...), so the client would wait forever, and it answers bad
// params with an internal error (-32603) and a dump of schema issues. Here a request that
// carries an id always gets an answer: -32600 for a bad envelope, -32602 for bad params, with a
// message saying what to fix. Malformed notifications get no answer (JSON-RPC), just a log line.
import { logger, routeRecords } from "./log.ts";
import { CHECKED_ENVELOPES, type Server } from "./mcp_server.ts";
import { types } from "./sdk.ts";

const log = logger("protocol");

type Transport = Parameters<Server["connect"]>[0];
type Message = Parameters<Transport["send"]>[0];
// deno-lint-ignore no-explicit-any
type Raw = Record<string, any>;
type Issue = { code: string; path: PropertyKey[]; message: string; expected?: string };

const MEMBERS = new Set(["jsonrpc", "id", "method", "params"]);

/** Each client request's schema, by method (tools/call, logging/setLevel, ...). */
const SCHEMAS = new Map<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }>(
  types.ClientRequestSchema.options.map((s) => [s.shape.method.value, s]),
);

const HINTS: Record<string, string> = {
  "tools/call":
    'send {"name": tool, "arguments": {field: value, ...}} (tools/list gives each tool\'s inputSchema)',
};

/** The transport as the Server sees it: only well-formed messages get through. */
export function guarded(inner: Transport): Transport {
  const outer: Transport = {
    start: () => inner.start(),
    send: (message, options) => inner.send(message, options),
    close: () => inner.close(),
    get sessionId() {
      return inner.sessionId;
    },
    setProtocolVersion: (version) => inner.setProtocolVersion?.(version),
  };
  Object.defineProperty(outer, CHECKED_ENVELOPES, { value: true });
  inner.onclose = () => outer.onclose?.();
  inner.onerror = (error) => outer.onerror?.(error);
  inner.onmessage = (message, extra) => {
    const refusal = check(message as Raw);
    if (!refusal) return outer.onmessage?.(message, extra);
    const { id, code, text } = refusal;
    // On stderr only: over HTTP, other sessions have no business hearing of it.
    routeRecords(null, () => {
      if (id === undefined) log.debug("ignored a malformed notification: {text}", { text });
      else log.info("refused a malformed request: {text}", { text });
    });
    if (id === undefined) return;
    const error = { jsonrpc: "2.0", id, error: { code, message: text } } as unknown as Message;
    inner.send(error).catch((e) => outer.onerror?.(e));
  };
  return outer;
}

interface Refusal {
  /** The request's id (null if it has none usable); undefined for a notification. */
  id: string | number | null | undefined;
  code: number;
  text: string;
}

function check(m: Raw): Refusal | undefined {
  const isResponse = !("method" in m) && ("result" in m || "error" in m);
  if (isResponse) return undefined; // answers to our requests: the SDK matches them by id
  const hasId = "id" in m;
  const validId = typeof m.id === "string" || Number.isSafeInteger(m.id);
  const id = hasId ? (validId ? m.id : null) : undefined;
  const invalid = (text: string): Refusal => ({
    id,
    code: -32600,
    text: `Invalid Request: ${text}`,
  });
  if (m.jsonrpc !== "2.0") return invalid('"jsonrpc" must be "2.0"');
  if (hasId && !validId) return invalid('"id" must be a string or an integer');
  if (!("method" in m)) return invalid('a request needs a "method" (e.g. "tools/list")');
  if (typeof m.method !== "string") return invalid('"method" must be a string');
  const extra = Object.keys(m).find((k) => !MEMBERS.has(k));
  if (extra) {
    return invalid(`unexpected member "${extra}" (a request has jsonrpc, id, method, params)`);
  }
  const params = m.params;
  if (params !== undefined && (typeof params !== "object" || params === null)) {
    return invalid('"params" must be an object');
  }
  const badParams = (text: string): Refusal => {
    const hint = HINTS[m.method];
    return {
      id,
      code: -32602,
      text: `Invalid params for ${m.method}: ${text}${hint ? `; ${hint}` : ""}`,
    };
  };
  if (Array.isArray(params)) return badParams('"params" must be an object, not an array');
  // The most frequent messages, in their plain forms, are checked here without the SDK's
  // schemas (the SDK parses them again anyway): ~0.02 ms of every tool call, and the first
  // use of each schema at start-up (issue 14).
  if (!hasId) {
    if (params === undefined || params._meta === undefined || isObject(params._meta)) {
      return undefined;
    }
    return types.isJSONRPCNotification(m) ? undefined : badParams("malformed notification");
  }
  if (m.method === "tools/call" && plainToolCall(params)) return undefined;
  if (m.method === "tools/list" && plainListing(params)) return undefined;
  const schema = SCHEMAS.get(m.method) ?? types.RequestSchema;
  const parsed = schema.safeParse({ method: m.method, params });
  if (!parsed.success) {
    const issues = (parsed.error as { issues: Issue[] }).issues;
    return badParams(issues.slice(0, 3).map((i) => describe(i, m)).join("; "));
  }
  // Whatever else the SDK would drop unanswered.
  return types.isJSONRPCRequest(m) ? undefined : invalid("not a JSON-RPC request");
}

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

/** tools/call params with a name, object arguments and at most a progress token in _meta. */
function plainToolCall(params: Raw | undefined): boolean {
  if (!params || typeof params.name !== "string") return false;
  for (const key in params) {
    if (key !== "name" && key !== "arguments" && key !== "_meta") return false;
  }
  if (params.arguments !== undefined && !isObject(params.arguments)) return false;
  return plainMeta(params._meta);
}

/** A list request's params: none, or a string cursor and at most a progress token. */
function plainListing(params: Raw | undefined): boolean {
  if (params === undefined) return true;
  for (const key in params) if (key !== "cursor" && key !== "_meta") return false;
  return (params.cursor === undefined || typeof params.cursor === "string") &&
    plainMeta(params._meta);
}

function plainMeta(meta: unknown): boolean {
  if (meta === undefined) return true;
  if (!isObject(meta)) return false;
  for (const key in meta) if (key !== "progressToken") return false;
  const token = meta.progressToken;
  return token === undefined || typeof token === "string" || Number.isSafeInteger(token);
}

const NAMES: Record<string, string> = {
  record: "an object",
  object: "an object",
  array: "an array",
  string: "a string",
  number: "a number",
  boolean: "a boolean",
};

/** One schema issue in words: "params.arguments must be an object, not a string". */
function describe(issue: Issue, message: Raw): string {
  const where = issue.path.map(String).join(".") || "the request";
  if (issue.code !== "invalid_type" || !issue.expected) return `${where}: ${issue.message}`;
  // deno-lint-ignore no-explicit-any
  const value = issue.path.reduce<any>((v, key) => v?.[key as string], message);
  const expected = NAMES[issue.expected] ?? issue.expected;
  if (value === undefined) return `${where} is missing (it must be ${expected})`;
  const got = value === null
    ? "null"
    : Array.isArray(value)
    ? "an array"
    : NAMES[typeof value] ?? typeof value;
  return `${where} must be ${expected}, not ${got}`;
}
