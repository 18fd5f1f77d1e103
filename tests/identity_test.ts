// main.ts answers `initialize` before the SDK loads: the answer must be the SDK's own.
import { assertEquals } from "./assert.ts";
import {
  CAPABILITIES,
  initializeResult,
  INSTRUCTIONS,
  LATEST_PROTOCOL_VERSION,
  SERVER_INFO,
  SUPPORTED_PROTOCOL_VERSIONS,
} from "../src/identity.ts";
import { CHECKED_ENVELOPES, checkedToolResult, Server } from "../src/mcp_server.ts";
import { types } from "../src/sdk.ts";
import { SdkServer } from "../src/sdk_client.ts";
import { withClient } from "./harness.ts";

Deno.test("protocol versions match the SDK's", () => {
  assertEquals(LATEST_PROTOCOL_VERSION, types.LATEST_PROTOCOL_VERSION);
  assertEquals(SUPPORTED_PROTOCOL_VERSIONS, types.SUPPORTED_PROTOCOL_VERSIONS);
});

Deno.test("the early initialize answer equals our Server's and the SDK Server's", async () => {
  const options = { capabilities: CAPABILITIES, instructions: INSTRUCTIONS };
  const ours = new Server(SERVER_INFO, options);
  const sdk = new SdkServer(SERVER_INFO, options);
  // The SDK Server's own initialize handler (private in its types, so reached by name).
  const handler = (sdk as unknown as Record<string, (r: unknown) => Promise<unknown>>)
    ._oninitialize;
  const sdkAnswer = (params: unknown) => handler.call(sdk, { method: "initialize", params });
  for (const version of ["2025-11-25", "2025-06-18", "2024-11-05", "1999-01-01"]) {
    const params = {
      protocolVersion: version,
      capabilities: { elicitation: { form: {} } },
      clientInfo: { name: "t", version: "1" },
    };
    const answer = ours.answerInitialize(params);
    assertEquals(initializeResult(params), answer);
    assertEquals(answer, await sdkAnswer(params));
    assertEquals(ours.getClientCapabilities(), params.capabilities);
    assertEquals(ours.getClientVersion(), params.clientInfo);
  }
});

Deno.test("a client sees one answer to initialize and a working server", async () => {
  await withClient({}, async (t) => {
    assertEquals(t.client.getServerVersion(), SERVER_INFO);
    assertEquals(t.client.getInstructions(), INSTRUCTIONS);
    await t.client.ping();
    await t.ok("switch_page", { page: "edit" });
  });
});

Deno.test("the session server refuses what neither side declared, as the SDK Server does", async () => {
  const ours = new Server(SERVER_INFO, { capabilities: { tools: {} } });
  const sdk = new SdkServer(SERVER_INFO, { capabilities: { tools: {} } });
  for (const server of [ours, sdk]) {
    let refused = "";
    try {
      server.setRequestHandler(types.ListPromptsRequestSchema, () => ({ prompts: [] }));
    } catch (e) {
      refused = (e as Error).message;
    }
    assertEquals(refused, "Server does not support prompts (required for prompts/list)");
  }
  ours.answerInitialize({
    protocolVersion: LATEST_PROTOCOL_VERSION,
    capabilities: {},
    clientInfo: { name: "t", version: "1" },
  });
  let asked = "";
  try {
    await ours.elicitInput({
      mode: "form",
      message: "Go?",
      requestedSchema: { type: "object", properties: {} },
    });
  } catch (e) {
    asked = (e as Error).message;
  }
  assertEquals(asked, "Client does not support form elicitation.");
});

/** A transport the test speaks for: what the server sends is kept, `deliver` plays the client. */
function fakeTransport(checked: boolean) {
  const sent: Record<string, unknown>[] = [];
  const transport = {
    start: () => Promise.resolve(),
    send: (m: unknown) => {
      sent.push(m as Record<string, unknown>);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
    onmessage: undefined as ((m: unknown, extra?: unknown) => void) | undefined,
    onerror: undefined as ((e: Error) => void) | undefined,
    onclose: undefined as (() => void) | undefined,
  };
  if (checked) Object.defineProperty(transport, CHECKED_ENVELOPES, { value: true });
  const deliver = (m: unknown) => transport.onmessage!(m);
  return { transport, sent, deliver };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

Deno.test("a checked transport's requests, notifications and responses reach their handlers", async () => {
  const server = new Server(SERVER_INFO, { capabilities: { tools: {} } });
  let initialized = 0;
  server.oninitialized = () => initialized++;
  const { transport, sent, deliver } = fakeTransport(true);
  // deno-lint-ignore no-explicit-any
  await server.connect(transport as any);
  deliver({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: { elicitation: {} },
      clientInfo: { name: "t", version: "1" },
    },
  });
  deliver({ jsonrpc: "2.0", method: "notifications/initialized" });
  deliver({ jsonrpc: "2.0", id: "p", method: "ping" });
  await settle();
  assertEquals(initialized, 1);
  assertEquals(sent.map((m) => m.id), [1, "p"]);
  assertEquals(sent[1], { jsonrpc: "2.0", id: "p", result: {} });
  // A request of the server's own, answered by the client: the response is matched by id.
  const asked = server.elicitInput({
    mode: "form",
    message: "Go?",
    requestedSchema: { type: "object", properties: {} },
  });
  await settle();
  const question = sent[2];
  assertEquals(question.method, "elicitation/create");
  deliver({ jsonrpc: "2.0", id: question.id, result: { action: "decline" } });
  assertEquals(await asked, { action: "decline" });
});

Deno.test("an unchecked transport's messages go through the SDK's own checks", async () => {
  const server = new Server(SERVER_INFO, { capabilities: { tools: {} } });
  const errors: string[] = [];
  server.onerror = (e) => errors.push(e.message);
  const { transport, sent, deliver } = fakeTransport(false);
  // deno-lint-ignore no-explicit-any
  await server.connect(transport as any);
  deliver({ jsonrpc: "2.0", id: { not: "an id" }, method: "ping" });
  await settle();
  assertEquals(sent, []);
  assertEquals(errors.length, 1);
  assertEquals(errors[0].startsWith("Unknown message type"), true);
});

Deno.test("a tool result is checked as the SDK Server checks it", () => {
  const schemaCheck = (task: boolean, result: unknown) => {
    const parsed = (task ? types.CreateTaskResultSchema : types.CallToolResultSchema)
      .safeParse(result);
    if (!parsed.success) throw new Error(`Invalid tools/call result: ${parsed.error.message}`);
    return parsed.data;
  };
  const outcome = (fn: () => unknown) => {
    try {
      return { ok: fn() };
    } catch (e) {
      return { error: (e as Error).message.replace(/^MCP error -?\d+: /, "") };
    }
  };
  const text = { type: "text", text: "done" };
  const results: unknown[] = [
    { content: [text] },
    { content: [text, text], structuredContent: { a: 1, b: [2] }, isError: false },
    { content: [], isError: true },
    { content: [{ ...text, annotations: { priority: 1 } }] },
    { content: [{ type: "image", data: "AAAA", mimeType: "image/png" }] },
    { content: [text], _meta: { x: 1 } },
    { content: [text], extra: "kept" },
    { structuredContent: {} },
    { content: [{ type: "text", text: 3 }] },
    { content: [text], isError: "yes" },
    { content: [text], structuredContent: [1] },
    { content: "done" },
    { content: [null] },
    null,
    "done",
    { content: [text], structuredContent: Object.create(null) },
  ];
  for (let i = 0; i < 300; i++) {
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const result: Record<string, unknown> = {};
    if (Math.random() < 0.9) {
      result.content = Array.from(
        { length: Math.floor(Math.random() * 3) },
        () => pick<unknown>([text, { type: "text" }, { text: "x" }, { ...text, more: 1 }, 5]),
      );
    }
    if (Math.random() < 0.5) result.structuredContent = pick<unknown>([{}, { a: 1 }, [], null, 1]);
    if (Math.random() < 0.5) result.isError = pick<unknown>([true, false, 0, "no"]);
    results.push(result);
  }
  for (const result of results) {
    assertEquals(
      outcome(() => checkedToolResult(false, result)),
      outcome(() => schemaCheck(false, result)),
      JSON.stringify(result),
    );
  }
});
