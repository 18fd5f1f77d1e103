// Serving MCP over Streamable HTTP (`--http HOST:PORT`, endpoint /mcp) instead of stdio.
// Every request is checked before the MCP SDK sees it: a Host and an Origin that are loopback
// (DNS-rebinding protection), then the bearer token (constant-time). Each MCP session gets its
// own SDK transport and Server; all share one bridge (one Resolve) and one FIFO tool lock, so
// calls from all sessions run one at a time in arrival order, and a tool that waits (a render
// with wait: true) lets go of the lock while it waits. Sessions without a request for
// --session-idle-ms are ended; at MAX_SESSIONS, a new session replaces the least recently used
// idle one (clients such as the Inspector never end theirs).
import { fileURLToPath } from "node:url";
import denoConfig from "../deno.json" with { type: "json" };
import { shellWords } from "../scripts/start_command.ts";
import { isLoopbackHost, type Options } from "./cli.ts";
import { configureLogging, logger, routeRecords } from "./log.ts";
import { httpTransportClass } from "./sdk.ts";
import type { Server } from "./mcp_server.ts";
import type { WebStandardStreamableHTTPServerTransport } from "./sdk.ts";
import { MemoryEventStore } from "./event_store.ts";
import { createContext, createSessionServer } from "./server.ts";
import { shutdownOnSignals } from "./shutdown.ts";
import { MAX_MESSAGE_BYTES } from "./stdio.ts";
import { NAME, VERSION } from "./version.ts";

const log = logger("http");
/** Records about sessions stay on stderr: sent to clients, they would tell each of the others. */
const note = (template: string, values: Record<string, unknown>) =>
  routeRecords(null, () => log.info(template, values));
const encoder = new TextEncoder();

export const TOKEN_ENV = "RESOLVE_MCP_TOKEN";
/**
 * Sessions at once. One more closes the least recently used idle session (its requests then
 * get 404); if every session has a call in progress, it is refused with 503.
 */
export const MAX_SESSIONS = 64;
const MIN_TOKEN_LENGTH = 16;

interface Session {
  id: string;
  server: Server;
  transport: WebStandardStreamableHTTPServerTransport;
  lastSeen: number;
  /** POST responses still streaming (a call in progress): the session is not idle. */
  busy: number;
}

export interface HttpServer {
  url: string;
  sessions: () => number;
  close(): Promise<void>;
}

/** "HOST:PORT" as Deno's net permission and URLs spell it ([::1]:8765 for IPv6). */
export function addressOf(host: string, port: number): string {
  return `${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Serves until SIGINT or SIGTERM; throws (exit 2 in main.ts) if it cannot start. */
export async function serveHttp(options: Options): Promise<void> {
  configureLogging(options.logLevel);
  const server = await startHttp(options);
  shutdownOnSignals(() => server.close());
}

export async function startHttp(options: Options): Promise<HttpServer> {
  const { host, port } = options.http!;
  const address = addressOf(host, port);
  const permission = await Deno.permissions.query({ name: "net", host: address });
  if (permission.state !== "granted") throw new Error(grantMessage(address));
  const token = readToken();
  const expected = await digest(token);
  const context = createContext(options, 0);
  const HttpTransport = await httpTransportClass();
  const sessions = new Map<string, Session>();
  const idleMs = options.sessionIdleMs;

  const endSession = async (session: Session, why: string) => {
    if (!sessions.delete(session.id)) return;
    note("session {id} ended ({why})", { id: session.id.slice(0, 8), why });
    await session.server.close().catch(() => {});
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const session of sessions.values()) {
      if (session.busy === 0 && now - session.lastSeen > idleMs) {
        void endSession(session, `idle for ${idleMs} ms`);
      }
    }
  }, Math.min(Math.max(Math.floor(idleMs / 4), 25), 60_000));

  const handler = async (request: Request): Promise<Response> => {
    const refused = checkHeaders(request, isLoopbackHost(host));
    if (refused) return refused;
    const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    if (given === undefined || !equal(await digest(given), expected)) {
      return errorResponse(
        401,
        given === undefined ? "missing Authorization: Bearer <token> header" : "wrong bearer token",
        { "WWW-Authenticate": `Bearer realm="${NAME}"` },
      );
    }
    const url = new URL(request.url);
    if (url.pathname !== "/mcp") return errorResponse(404, "not found; the MCP endpoint is /mcp");

    const id = request.headers.get("mcp-session-id");
    if (id !== null) {
      const session = sessions.get(id);
      if (!session) {
        return errorResponse(404, "unknown or expired session; initialize a new one");
      }
      session.lastSeen = Date.now();
      // The map stays in order of use: the least recently used session comes first.
      sessions.delete(id);
      sessions.set(id, session);
      const response = await session.transport.handleRequest(request);
      return request.method === "POST" ? tracked(session, response) : response;
    }
    if (request.method !== "POST") {
      return errorResponse(400, "Mcp-Session-Id header required (initialize with a POST first)");
    }
    if (sessions.size >= MAX_SESSIONS) {
      const idle = [...sessions.values()].find((s) => s.busy === 0);
      if (!idle) {
        return errorResponse(
          503,
          `too many sessions (${MAX_SESSIONS}), all with a call in progress; retry when one ends`,
        );
      }
      await endSession(idle, `least recently used of ${MAX_SESSIONS} sessions`);
    }
    return await newSession(request);
  };

  const newSession = async (request: Request): Promise<Response> => {
    const server = createSessionServer(context);
    let session: Session | undefined;
    const transport = new HttpTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      // The same limit as on stdio; a larger body is answered 413 without being read.
      maxRequestBodySize: MAX_MESSAGE_BYTES,
      // Event ids on every SSE message: a dropped stream resumes with Last-Event-ID.
      eventStore: new MemoryEventStore(),
      onsessioninitialized: (id) => {
        session = { id, server, transport, lastSeen: Date.now(), busy: 0 };
        sessions.set(id, session);
        note("session {id} started ({count} open)", {
          id: id.slice(0, 8),
          count: sessions.size,
        });
      },
    });
    const onclose = server.onclose;
    server.onclose = () => {
      onclose?.();
      if (session && sessions.get(session.id) === session) {
        sessions.delete(session.id);
        note("session {id} closed by the client", { id: session.id.slice(0, 8) });
      }
    };
    await server.connect(transport);
    const response = await transport.handleRequest(request);
    // Not an initialize request: the transport refused it, and there is nothing to keep.
    if (!session) {
      await server.close().catch(() => {});
      return response;
    }
    return tracked(session, response);
  };

  const http = Deno.serve({
    hostname: host,
    port,
    onListen: () => {},
    onError: (error) => {
      log.error("HTTP request failed: {error}", { error: String(error) });
      return errorResponse(500, "internal error");
    },
  }, handler);
  const url = `http://${address}/mcp`;
  if (token === generatedToken) {
    // Straight to stderr, never through the logger: log records also go to MCP clients.
    // Before the "serving" line, so whoever waits for that line has the token already.
    Deno.stderr.writeSync(encoder.encode(
      `${NAME}: clients of ${url} must send "Authorization: Bearer ${token}" ` +
        `(set ${TOKEN_ENV} to choose the token; this is the only time it is shown)\n`,
    ));
  }
  log.info("{name} {version} serving MCP at {url} ({mode})", {
    name: NAME,
    version: VERSION,
    url,
    mode: options.simulator ? "simulator" : "DaVinci Resolve",
  });

  return {
    url,
    sessions: () => sessions.size,
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.values()].map((s) => endSession(s, "server stopping")));
      await Promise.race([
        http.shutdown(),
        new Promise((r) => setTimeout(r, 3000)),
      ]);
      await context.close();
    },
  };
}

let generatedToken: string | undefined;

/** The token from RESOLVE_MCP_TOKEN, or a fresh random one (256 bits). */
function readToken(): string {
  const allowed = Deno.permissions.querySync({ name: "env", variable: TOKEN_ENV }).state ===
    "granted";
  const fromEnv = allowed ? Deno.env.get(TOKEN_ENV)?.trim() : undefined;
  if (fromEnv) {
    if (fromEnv.length < MIN_TOKEN_LENGTH || /\s/.test(fromEnv)) {
      throw new Error(
        `${TOKEN_ENV} must be at least ${MIN_TOKEN_LENGTH} characters without spaces; unset it to have a random one generated`,
      );
    }
    return fromEnv;
  }
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  generatedToken = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");
  return generatedToken;
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** Compares two SHA-256 digests in constant time (so does the length: both are 32 bytes). */
function equal(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * DNS-rebinding protection: a browser page on another site can reach a loopback port once its
 * name resolves to 127.0.0.1, but its requests carry that site's Origin and Host.
 */
function checkHeaders(request: Request, loopbackBound: boolean): Response | undefined {
  const origin = request.headers.get("origin");
  if (origin !== null && !isLoopbackOrigin(origin)) {
    return errorResponse(403, `requests from origin ${origin} are not allowed`);
  }
  if (loopbackBound) {
    const hostHeader = request.headers.get("host") ?? "";
    let hostname = "";
    try {
      hostname = new URL(`http://${hostHeader}`).hostname;
    } catch { /* refused below */ }
    if (!isLoopbackHost(hostname)) {
      return errorResponse(403, `Host ${hostHeader} is not a loopback name`);
    }
  }
  return undefined;
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(url.hostname);
  } catch {
    return false; // includes "null" (sandboxed frames, file: pages)
  }
}

function errorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }),
    { status, headers: { "Content-Type": "application/json", ...headers } },
  );
}

/** Marks the session busy until the response body has been sent (or abandoned). */
function tracked(session: Session, response: Response): Response {
  if (!response.body) return response;
  session.busy++;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    session.busy--;
    session.lastSeen = Date.now();
  };
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read();
        if (done) {
          finish();
          controller.close();
        } else controller.enqueue(value);
      } catch (e) {
        finish();
        controller.error(e);
      }
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** What to run to grant this process the net permission for `address` (and only that). */
function grantMessage(address: string): string {
  const why = `--http ${address} needs network permission for ${address}, and only that.`;
  if (Deno.build.standalone) {
    return `${why} This program was compiled with net permission for 127.0.0.1:8765 only: serve --http 127.0.0.1:8765, or compile it with --allow-net=${address} in place of that, or run from source (deno task start:http, with its --allow-net changed).`;
  }
  const words = shellWords(denoConfig.tasks["start:http"]);
  const command: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--http") i++;
    else if (word.startsWith("--allow-net=")) command.push(`--allow-net=${address}`);
    else if (word === "main.ts") command.push(mainPath());
    else command.push(word);
  }
  command.push(...Deno.args);
  return `${why} Run:\n  ${command.map(quote).join(" ")}`;
}

function mainPath(): string {
  const main = Deno.mainModule;
  return main.startsWith("file:") ? fileURLToPath(main) : main;
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, "\\$1")}"`;
}
