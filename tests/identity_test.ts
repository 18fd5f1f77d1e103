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
import { Server } from "../src/mcp_server.ts";
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
