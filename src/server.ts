// The MCP server: tools from the registry, each call through the one wrapper, a bridge
// started alongside the handshake, client roots and logging wired in. One shared context
// (bridge, tool lock, tool selection) serves one MCP Server on stdio, or many over HTTP
// (one per session, src/http.ts); each session has its own client roots and log level.
import { BridgeClient } from "./bridge/client.ts";
import { bridgeEnvironmentAsync, bridgeEnvironmentBefore } from "./bridge/environment.ts";
import type { Options } from "./cli.ts";
import { canElicitForm, ConfirmationTokens, elicitConfirmation } from "./confirm.ts";
import { guarded } from "./guard.ts";
import { logger, type LogRecord, routeRecords, setClientSink } from "./log.ts";
import { Lock } from "./lock.ts";
import { PathPolicy } from "./paths.ts";
import { complete, templateKind } from "./completions.ts";
import { getPrompt, listPrompts, promptArgumentKind } from "./prompts.ts";
import { listResources, readResource, RESOURCE_TEMPLATES } from "./resources.ts";
import { checkedToolResult, Server } from "./mcp_server.ts";
import { type LoggingLevel, type RequestTaskStore, types } from "./sdk.ts";
import { describeTool, runTool, type ToolDef, type ToolsetControl, tracesMethods } from "./tool.ts";
import { buildRegistry, nameOrder, selectTools } from "./tools/index.ts";
import { ResourceWatch } from "./watch.ts";
import {
  POLL_INTERVAL_MS,
  SessionTaskStore,
  stillRunning,
  TASK_TOOLS,
  TASK_TTL_MS,
} from "./tasks.ts";
import type { ToolRegistry } from "./tools/registry.ts";
import { CAPABILITIES, INSTRUCTIONS, SERVER_INFO } from "./identity.ts";
import { HostRegistry } from "./resolve/hosts.ts";

const log = logger("server");

const CHANGES_RESOURCES = new Set(["project", "timeline", "media", "edit", "api", "hosts"]);

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
  /** Every Resolve host (--resolve-host): `bridge` is the first one's; the others lazily. */
  hosts: HostRegistry;
  tools: ToolDef[];
  /** Every tool there is (enable_toolset exposes more of them to a session). */
  registry: ToolRegistry;
  /** Tool calls of all sessions take this FIFO lock, so they run one at a time, in order. */
  lock: Lock;
  /** The sessions' Servers now connected (resource-list changes go to all of them). */
  servers: Set<Server>;
  /** Each session's log forwarder: records made outside any session's request go to all. */
  clientSinks: Map<Server, (record: LogRecord) => void>;
  /** Resource list changes and subscribed resources' updates, for all sessions. */
  watch: ResourceWatch;
  close(): Promise<void>;
}

export interface ResolveMcpServer {
  server: Server;
  bridge: BridgeClient;
  tools: ToolDef[];
  close(): Promise<void>;
}

/**
 * How long after start a stdio server's bridge starts by itself (a tool call starts it at
 * once): long enough for a client's initialize and tools/list, which need no Resolve, to be
 * answered first. An HTTP server, long-lived and shared, starts it at once.
 */
const BRIDGE_START_DELAY_MS = 300;

/** The shared part: starts the bridge soon (so `initialize` is not delayed by it). */
export function createContext(
  options: Options,
  bridgeDelayMs = BRIDGE_START_DELAY_MS,
): SharedContext {
  const registry = buildRegistry();
  const tools = selectTools(registry, options.toolsets, options.readOnly);
  // The interpreter probe runs once, asynchronously: nothing blocks the event loop meanwhile.
  const environment = { ...bridgeEnvironmentBefore(options), readOnly: options.readOnly };
  let probe: ReturnType<typeof bridgeEnvironmentAsync> | undefined;
  const probed = () => probe ??= bridgeEnvironmentAsync(options);
  const bridge = new BridgeClient(environment, probed);
  // One bridge per further host, made on first use; each restarts and fails on its own.
  const hosts = new HostRegistry(
    options.resolveHosts,
    bridge,
    (host) =>
      new BridgeClient(
        { ...environment, host: host.address },
        () => probed().then((e) => ({ ...e, host: host.address })),
      ),
  );
  const clientSinks = new Map<Server, (record: LogRecord) => void>();
  setClientSink((record) => {
    for (const sink of clientSinks.values()) sink(record);
  });
  if (bridgeDelayMs > 0) bridge.startSoon(bridgeDelayMs);
  else bridge.start();
  const servers = new Set<Server>();
  const watch = new ResourceWatch(bridge, () => servers);
  return {
    options,
    bridge,
    hosts,
    tools,
    registry,
    lock: new Lock(),
    servers,
    clientSinks,
    watch,
    async close() {
      watch.close();
      setClientSink(undefined);
      await hosts.close(); // the first host's bridge too
    },
  };
}

/**
 * One MCP Server on the shared context. Closing it (or its transport closing) aborts its
 * calls in flight and leaves the context (bridge, other sessions) running.
 */
export function createSessionServer(context: SharedContext): Server {
  const { options, bridge, lock, servers, clientSinks: sinks, registry } = context;
  // This session's tools: the selection, and whatever enable_toolset added since.
  let tools = [...context.tools];
  const byName = new Map(tools.map((t) => [t.name, t]));
  const ofToolset = (id: string) =>
    selectTools(registry, [id], options.readOnly)
      .filter((t) => t.toolset === id);
  const toolsetControl = (
    send: (n: types.ServerNotification) => Promise<void>,
  ): ToolsetControl => ({
    list: () =>
      [...registry.toolsets.values()].map(({ id, description }) => {
        const all = ofToolset(id);
        const exposed = all.filter((t) => byName.has(t.name)).length;
        return { id, description, tools: all.length, exposed, enabled: exposed === all.length };
      }),
    async enable(id) {
      const added = ofToolset(id).filter((t) => !byName.has(t.name));
      if (!added.length) return { added: [], notified: false };
      for (const t of added) byName.set(t.name, t);
      tools = [...byName.values()].sort(nameOrder);
      // On the call's own stream over HTTP, so the client hears it with the result.
      const notified = await send({ method: "notifications/tools/list_changed" })
        .then(() => true, () => false);
      return { added: added.map((t) => t.name), notified };
    },
  });
  const paths = new PathPolicy(bridge, options.allowPaths);
  // Confirmation tokens belong to this session (over HTTP: this MCP session) only.
  const tokens = new ConfirmationTokens();
  // This session's tasks (long tool calls a task-capable client runs as tasks, src/tasks.ts).
  const taskStore = new SessionTaskStore();
  const server = new Server(SERVER_INFO, {
    capabilities: CAPABILITIES,
    instructions: INSTRUCTIONS,
    taskStore,
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
    context.watch.forget(server);
    taskStore.abortAll();
    previousOnclose?.();
  };
  const trace = tracesMethods();
  server.setRequestHandler(types.ListToolsRequestSchema, () => ({
    tools: tools.map((tool) => describeTool(tool, options.readOnly, trace)),
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
    if (request.params.task) {
      return checkedToolResult(true, await startTask(tool, request, extra, progressToken));
    }
    // Projects and timelines are resources: a change to them may change the resource list.
    const mayChangeList = !tool.readOnly && CHANGES_RESOURCES.has(tool.toolset);
    if (mayChangeList) await context.watch.prime().catch(() => {});
    // What the call logs goes to this session only, on the call's own stream (over HTTP).
    const result = await routeRecords(
      (record) => forward(record, extra.sendNotification),
      () => callTool(tool, request, extra, progressToken),
    );
    // Every session sees the same Resolve, so every session hears of a change: the list
    // only when it changed, a subscribed resource when its content did.
    if (!result.isError && !tool.readOnly) {
      await context.watch.changed(mayChangeList).catch(() => {});
    }
    return checkedToolResult(false, result);
  });

  server.setRequestHandler(types.ListResourcesRequestSchema, async () => ({
    resources: await listResources(bridge),
  }));
  server.setRequestHandler(types.SubscribeRequestSchema, async (request) => {
    await context.watch.subscribe(server, request.params.uri);
    return {};
  });
  server.setRequestHandler(types.UnsubscribeRequestSchema, (request) => {
    context.watch.unsubscribe(server, request.params.uri);
    return {};
  });
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
  // Completions for every prompt argument and resource template variable (src/completions.ts).
  server.setRequestHandler(types.CompleteRequestSchema, async (request) => {
    const { ref, argument } = request.params;
    const kind = ref.type === "ref/prompt"
      ? promptArgumentKind(ref.name, argument.name)
      : templateKind(ref.uri, argument.name);
    return { completion: await complete(bridge, kind, argument.value, () => paths.roots) };
  });
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

  /** Runs a tool call as a task: answers at once with the task, then does the work. */
  async function startTask(
    tool: ToolDef,
    request: types.CallToolRequest,
    extra: { taskStore?: RequestTaskStore },
    progressToken: string | number | undefined,
  ) {
    const plan = TASK_TOOLS[tool.name];
    const store = extra.taskStore;
    if (!plan || !store) {
      throw new types.McpError(
        types.ErrorCode.InvalidParams,
        `${tool.name} does not run as a task (its execution.taskSupport is not set); call it without task`,
      );
    }
    const task = await store.createTask({
      ttl: request.params.task?.ttl ?? TASK_TTL_MS,
      pollInterval: POLL_INTERVAL_MS,
    });
    const controller = taskStore.track(task.taskId);
    // The call has been answered: what the task reports goes to the session, not a request.
    const background = {
      signal: controller.signal,
      sendNotification: (n: types.ServerNotification) => server.notification(n),
    };
    const byRegistry = (name: string) => registry.tools.find((t) => t.name === name);
    void routeRecords(toSession, async () => {
      let result = await callTool(tool, request, background, progressToken);
      // A render as a task runs to its end: follow it while jobs are still rendering.
      const follow = plan.follow ? byRegistry(plan.follow) : undefined;
      while (follow && stillRunning(result) && !controller.signal.aborted) {
        await store.updateTaskStatus(task.taskId, "working", "still rendering").catch(() => {});
        result = await callTool(follow, { params: { arguments: {} } }, background, progressToken);
      }
      const stop = plan.stop ? byRegistry(plan.stop) : undefined;
      if (controller.signal.aborted) {
        // The task is cancelled (tasks/cancel set it): stop the work where Resolve can.
        if (stop) {
          await callTool(stop, { params: { arguments: {} } }, {
            ...background,
            signal: new AbortController().signal,
          }, undefined);
        }
      } else {
        await store.storeTaskResult(task.taskId, result.isError ? "failed" : "completed", result)
          .catch(() => {});
      }
      taskStore.done(task.taskId);
      if (!tool.readOnly) await context.watch.changed(CHANGES_RESOURCES.has(tool.toolset));
    }).catch((e) => log.error("task {id} failed: {error}", { id: task.taskId, error: String(e) }));
    return { task };
  }

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
      hosts: context.hosts,
      paths,
      lock,
      toolsets: toolsetControl(extra.sendNotification),
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
