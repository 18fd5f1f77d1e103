// The MCP server: tools from the registry, each call through the one wrapper, a bridge
// started alongside the handshake, client roots and logging wired in. One shared context
// (bridge, tool lock, tool selection) serves one MCP Server on stdio, or many over HTTP
// (one per session, src/http.ts); each session has its own client roots and log level.
import { BridgeClient } from "./bridge/client.ts";
import { bridgeEnvironment } from "./bridge/environment.ts";
import type { Options } from "./cli.ts";
import { canElicitForm, ConfirmationTokens, elicitConfirmation } from "./confirm.ts";
import { guarded } from "./guard.ts";
import { logger, type LogRecord, routeRecords, setClientSink } from "./log.ts";
import { Lock } from "./lock.ts";
import { PathPolicy } from "./paths.ts";
import { getPrompt, listPrompts } from "./prompts.ts";
import { listResources, readResource, RESOURCE_TEMPLATES } from "./resources.ts";
import { type LoggingLevel, Server, types } from "./sdk.ts";
import { describeTool, runTool, type ToolDef } from "./tool.ts";
import { buildRegistry, selectTools } from "./tools/index.ts";
import { CAPABILITIES, INSTRUCTIONS, SERVER_INFO } from "./identity.ts";

const log = logger("server");

const CHANGES_RESOURCES = new Set(["project", "timeline", "media", "api"]);

const LEVELS: LoggingLevel[] = [
  "debug",
  "info",
  "notice",
  "warning",
  "error",
  "critical",
  "alert",
  "emergency",
];

/** What every session shares: one bridge (one Resolve), one tool lock, one tool selection. */
export interface SharedContext {
  options: Options;
  bridge: BridgeClient;
  tools: ToolDef[];
  /** Tool calls of all sessions take this FIFO lock, so they run one at a time, in order. */
  lock: Lock;
  /** The sessions' Servers now connected (resource-list changes go to all of them). */
  servers: Set<Server>;
  /** Each session's log forwarder: records made outside any session's request go to all. */
  clientSinks: Map<Server, (record: LogRecord) => void>;
  close(): Promise<void>;
}

export interface ResolveMcpServer {
  server: Server;
  bridge: BridgeClient;
  tools: ToolDef[];
  close(): Promise<void>;
}

/** The shared part: starts the bridge now (so `initialize` is not delayed by it). */
export function createContext(options: Options): SharedContext {
  const tools = selectTools(buildRegistry(), options.toolsets, options.readOnly);
  const bridge = new BridgeClient({ ...bridgeEnvironment(options), readOnly: options.readOnly });
  const clientSinks = new Map<Server, (record: LogRecord) => void>();
  setClientSink((record) => {
    for (const sink of clientSinks.values()) sink(record);
  });
  bridge.start();
  return {
    options,
    bridge,
    tools,
    lock: new Lock(),
    servers: new Set(),
    clientSinks,
    async close() {
      setClientSink(undefined);
      await bridge.close();
    },
  };
}

/**
 * One MCP Server on the shared context. Closing it (or its transport closing) aborts its
 * calls in flight and leaves the context (bridge, other sessions) running.
 */
export function createSessionServer(context: SharedContext): Server {
  const { options, bridge, tools, lock, servers, clientSinks: sinks } = context;
  const byName = new Map(tools.map((t) => [t.name, t]));
  const paths = new PathPolicy(bridge, options.allowPaths);
  // Confirmation tokens belong to this session (over HTTP: this MCP session) only.
  const tokens = new ConfirmationTokens();
  const server = new Server(SERVER_INFO, {
    capabilities: CAPABILITIES,
    instructions: INSTRUCTIONS,
  });
  servers.add(server);
  // Every message passes the guard (src/guard.ts) before the SDK sees it.
  const connect = server.connect.bind(server);
  server.connect = (transport) => connect(guarded(transport));

  let clientLevel: LoggingLevel | undefined;
  server.setRequestHandler(types.SetLevelRequestSchema, (request) => {
    clientLevel = request.params.level;
    return {};
  });
  const forward = (record: LogRecord, send: (n: types.ServerNotification) => Promise<void>) => {
    const level = record.level;
    if (!clientLevel || LEVELS.indexOf(level) < LEVELS.indexOf(clientLevel)) return;
    send({
      method: "notifications/message",
      params: {
        level,
        logger: record.category.slice(1).join(".") || "server",
        data: record.message,
      },
    }).catch(() => {});
  };
  const toSession = (record: LogRecord) => forward(record, (n) => server.notification(n));
  sinks.set(server, toSession);
  const previousOnclose = server.onclose;
  server.onclose = () => {
    servers.delete(server);
    sinks.delete(server);
    previousOnclose?.();
  };
  server.setRequestHandler(types.ListToolsRequestSchema, () => ({
    tools: tools.map((tool) => describeTool(tool, options.readOnly)),
  }));

  server.setRequestHandler(types.CallToolRequestSchema, async (request, extra) => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      throw new types.McpError(
        types.ErrorCode.InvalidParams,
        `unknown tool ${request.params.name}; call tools/list for the tools this server offers`,
      );
    }
    const progressToken = request.params._meta?.progressToken;
    // What the call logs goes to this session only, on the call's own stream (over HTTP).
    const result = await routeRecords(
      (record) => forward(record, extra.sendNotification),
      () => callTool(tool, request, extra, progressToken),
    );
    // Projects and timelines are resources: a change to them changes the resource list.
    // Every session sees the same Resolve, so every session hears of it.
    if (!result.isError && !tool.readOnly && CHANGES_RESOURCES.has(tool.toolset)) {
      for (const s of servers) s.sendResourceListChanged().catch(() => {});
    }
    return result;
  });

  server.setRequestHandler(types.ListResourcesRequestSchema, async () => ({
    resources: await listResources(bridge),
  }));
  server.setRequestHandler(types.ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: RESOURCE_TEMPLATES,
  }));
  server.setRequestHandler(types.ReadResourceRequestSchema, async (request) => {
    try {
      return { contents: [await readResource(bridge, request.params.uri)] };
    } catch (e) {
      throw new types.McpError(types.ErrorCode.InvalidParams, (e as Error).message);
    }
  });
  server.setRequestHandler(types.ListPromptsRequestSchema, () => ({ prompts: listPrompts() }));
  server.setRequestHandler(types.GetPromptRequestSchema, (request) => {
    let prompt;
    try {
      prompt = getPrompt(request.params.name, request.params.arguments ?? {});
    } catch (e) {
      throw new types.McpError(types.ErrorCode.InvalidParams, (e as Error).message);
    }
    if (!prompt) {
      throw new types.McpError(
        types.ErrorCode.InvalidParams,
        `unknown prompt ${request.params.name}`,
      );
    }
    return prompt;
  });

  async function callTool(
    tool: ToolDef,
    request: { params: { arguments?: Record<string, unknown> } },
    extra: {
      signal: AbortSignal;
      sendNotification: (n: types.ServerNotification) => Promise<void>;
    },
    progressToken: string | number | undefined,
  ) {
    const canAsk = canElicitForm(server.getClientCapabilities());
    return await runTool(tool, request.params.arguments, {
      bridge,
      paths,
      lock,
      signal: extra.signal,
      progress: async (progress, total, message) => {
        if (progressToken === undefined) return;
        await extra.sendNotification({
          method: "notifications/progress",
          params: { progressToken, progress, total, message },
        });
      },
      confirm: {
        tokens,
        refuseUnattended: options.noUnattendedDestructive,
        ask: canAsk ? (question) => elicitConfirmation(server, question, extra.signal) : undefined,
      },
    });
  }

  const refreshRoots = async () => {
    if (!server.getClientCapabilities()?.roots) return;
    try {
      const { roots } = await server.listRoots(undefined, { timeout: 5000 });
      paths.setClientRoots(roots.map((r) => r.uri));
      log.info("client roots: {roots}", { roots: paths.roots.join(", ") });
    } catch (e) {
      log.warning("could not read the client's roots: {error}", { error: String(e) });
    }
  };
  // The roots (paths on the client's machine) are logged for this session only.
  server.oninitialized = () => void routeRecords(toSession, refreshRoots);
  server.setNotificationHandler(
    types.RootsListChangedNotificationSchema,
    () => routeRecords(toSession, refreshRoots),
  );

  return server;
}

/** The stdio server: the shared context and its one Server. */
export function createServer(options: Options): ResolveMcpServer {
  const context = createContext(options);
  const server = createSessionServer(context);
  return {
    server,
    bridge: context.bridge,
    tools: context.tools,
    async close() {
      await context.close();
      await server.close().catch(() => {});
    },
  };
}
