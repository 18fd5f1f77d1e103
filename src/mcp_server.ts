// The MCP server side of a session, on the SDK's Protocol (the JSON-RPC session: requests,
// notifications, progress, cancellation, tasks). It does what the SDK's Server class does for
// the parts this server uses: the initialize handshake, capability checks and the requests a
// server sends (elicitation, roots). It exists because that class also loads ajv, to check
// elicitation answers against their schema: 28 ms of every start-up and ~5.5 MB (issue 14).
// This server asks only yes/no questions and reads the answer itself (src/confirm.ts).
import { Protocol, type ProtocolOptions, type RequestOptions, types } from "./sdk.ts";
import { assertClientRequestTaskCapability, assertToolsCallTaskCapability } from "./sdk.ts";

type Capabilities = types.ServerCapabilities;
type Transport = Parameters<
  Protocol<types.Request, types.Notification, types.Result>["connect"]
>[0];
type Message = Parameters<NonNullable<Transport["onmessage"]>>[0];
type Extra = Parameters<NonNullable<Transport["onmessage"]>>[1];

/**
 * Set on a transport whose incoming messages have all been checked as JSON-RPC requests,
 * notifications or responses (src/guard.ts). The Server then routes them by their members
 * instead of the SDK's four schema checks of every message (~0.02 ms of every call).
 */
export const CHECKED_ENVELOPES = Symbol("checked envelopes");

/** Protocol's own routes (private in its typings; the SDK version is pinned). */
interface Routes {
  _onrequest(request: Message, extra: Extra): void;
  _onnotification(notification: Message): void;
}

export interface ServerOptions extends ProtocolOptions {
  capabilities?: Capabilities;
  instructions?: string;
}

export class Server extends Protocol<
  types.ServerRequest | types.Request,
  types.ServerNotification | types.Notification,
  types.ServerResult | types.Result
> {
  // Plain fields, not #private ones: Protocol's constructor already calls the checks below,
  // before this class's fields exist (the checks then let everything through, as the SDK's).
  private own?: Capabilities;
  private instructions?: string;
  private client?: types.ClientCapabilities;
  private clientInfo?: types.Implementation;
  oninitialized?: () => void;

  constructor(private readonly info: types.Implementation, options: ServerOptions = {}) {
    super(options);
    this.own = options.capabilities ?? {};
    this.instructions = options.instructions;
    this.setRequestHandler(
      types.InitializeRequestSchema,
      (request) => this.answerInitialize(request.params),
    );
    this.setNotificationHandler(types.InitializedNotificationSchema, () => this.oninitialized?.());
  }

  override async connect(transport: Transport): Promise<void> {
    await super.connect(transport);
    if (!(transport as { [CHECKED_ENVELOPES]?: boolean })[CHECKED_ENVELOPES]) return;
    const viaSdk = transport.onmessage!;
    const routes = this as unknown as Routes;
    transport.onmessage = (message, extra) => {
      if (!("method" in message)) return viaSdk(message, extra); // a response, matched by id
      if ("id" in message) routes._onrequest(message, extra);
      else routes._onnotification(message);
    };
  }

  /** The answer to initialize (the client's capabilities and name are kept). */
  answerInitialize(params: types.InitializeRequest["params"]): types.InitializeResult {
    const asked = params.protocolVersion;
    this.client = params.capabilities;
    this.clientInfo = params.clientInfo;
    return {
      protocolVersion: types.SUPPORTED_PROTOCOL_VERSIONS.includes(asked)
        ? asked
        : types.LATEST_PROTOCOL_VERSION,
      capabilities: this.own ?? {},
      serverInfo: this.info,
      ...(this.instructions ? { instructions: this.instructions } : {}),
    };
  }

  /** What the client said it supports (after initialize). */
  getClientCapabilities(): types.ClientCapabilities | undefined {
    return this.client;
  }

  getClientVersion(): types.Implementation | undefined {
    return this.clientInfo;
  }

  /** Asks the user through the client (a form); the caller reads the answer's content. */
  async elicitInput(
    params: types.ElicitRequestFormParams,
    options?: RequestOptions,
  ): Promise<types.ElicitResult> {
    if (!this.client?.elicitation) {
      throw new Error("Client does not support form elicitation.");
    }
    return await this.request(
      { method: "elicitation/create", params: { ...params, mode: "form" } },
      types.ElicitResultSchema,
      options,
    );
  }

  listRoots(
    params?: types.ListRootsRequest["params"],
    options?: RequestOptions,
  ): Promise<types.ListRootsResult> {
    return this.request({ method: "roots/list", params }, types.ListRootsResultSchema, options);
  }

  sendResourceUpdated(params: types.ResourceUpdatedNotification["params"]): Promise<void> {
    return this.notification({ method: "notifications/resources/updated", params });
  }

  sendResourceListChanged(): Promise<void> {
    return this.notification({ method: "notifications/resources/list_changed" });
  }

  // The checks Protocol asks of a server, as the SDK's Server makes them.

  protected assertCapabilityForMethod(method: string): void {
    const need: Record<string, [unknown, string]> = {
      "sampling/createMessage": [this.client?.sampling, "sampling"],
      "elicitation/create": [this.client?.elicitation, "elicitation"],
      "roots/list": [this.client?.roots, "listing roots"],
    };
    const [has, what] = need[method] ?? [true, ""];
    if (!has) throw new Error(`Client does not support ${what} (required for ${method})`);
  }

  protected assertNotificationCapability(method: string): void {
    const own = this.own ?? {};
    const need: Record<string, [unknown, string]> = {
      "notifications/message": [own.logging, "logging"],
      "notifications/resources/updated": [own.resources, "notifying about resources"],
      "notifications/resources/list_changed": [own.resources, "notifying about resources"],
      "notifications/tools/list_changed": [own.tools, "notifying of tool list changes"],
      "notifications/prompts/list_changed": [own.prompts, "notifying of prompt list changes"],
    };
    const [has, what] = need[method] ?? [true, ""];
    if (!has) throw new Error(`Server does not support ${what} (required for ${method})`);
  }

  protected assertRequestHandlerCapability(method: string): void {
    // Protocol registers the task handlers before this class has its capabilities.
    const own = this.own;
    if (!own) return;
    const need: Record<string, [unknown, string]> = {
      "completion/complete": [own.completions, "completions"],
      "logging/setLevel": [own.logging, "logging"],
      "prompts/get": [own.prompts, "prompts"],
      "prompts/list": [own.prompts, "prompts"],
      "resources/list": [own.resources, "resources"],
      "resources/templates/list": [own.resources, "resources"],
      "resources/read": [own.resources, "resources"],
      "tools/call": [own.tools, "tools"],
      "tools/list": [own.tools, "tools"],
      "tasks/get": [own.tasks, "tasks capability"],
      "tasks/list": [own.tasks, "tasks capability"],
      "tasks/result": [own.tasks, "tasks capability"],
      "tasks/cancel": [own.tasks, "tasks capability"],
    };
    const [has, what] = need[method] ?? [true, ""];
    if (!has) throw new Error(`Server does not support ${what} (required for ${method})`);
  }

  protected assertTaskCapability(method: string): void {
    assertClientRequestTaskCapability(this.client?.tasks?.requests, method, "Client");
  }

  protected assertTaskHandlerCapability(method: string): void {
    const own = this.own;
    if (!own) return;
    assertToolsCallTaskCapability(own.tasks?.requests, method, "Server");
  }
}

/**
 * A tools/call result checked against the protocol's schema (a task's creation result when
 * the call asked for a task), as the SDK's Server checks it: a malformed result is an error.
 */
export function checkedToolResult(task: boolean, result: unknown): types.ServerResult {
  if (!task && plainToolResult(result)) return result;
  const schema = task ? types.CreateTaskResultSchema : types.CallToolResultSchema;
  const checked = schema.safeParse(result);
  if (!checked.success) {
    throw new types.McpError(
      types.ErrorCode.InvalidParams,
      `Invalid tools/call result: ${checked.error.message}`,
    );
  }
  return checked.data;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * A result in the form runTool builds it (text blocks, an object, an error flag), which the
 * schema accepts as it is: checked member by member, without a schema pass (~0.015 ms of
 * every call). Any other form, valid or not, goes through the schema.
 */
function plainToolResult(result: unknown): result is types.CallToolResult {
  if (!isPlainObject(result)) return false;
  for (const key in result) {
    if (key !== "content" && key !== "structuredContent" && key !== "isError") return false;
  }
  const { content, structuredContent, isError } = result;
  if (!Array.isArray(content)) return false;
  for (const block of content) {
    if (!isPlainObject(block) || block.type !== "text" || typeof block.text !== "string") {
      return false;
    }
    for (const key in block) if (key !== "type" && key !== "text") return false;
  }
  return (structuredContent === undefined || isPlainObject(structuredContent)) &&
    (isError === undefined || typeof isError === "boolean");
}
