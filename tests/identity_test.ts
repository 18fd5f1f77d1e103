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
import { Server, types } from "../src/sdk.ts";
import { withClient } from "./harness.ts";

Deno.test("protocol versions match the SDK's", () => {
  assertEquals(LATEST_PROTOCOL_VERSION, types.LATEST_PROTOCOL_VERSION);
  assertEquals(SUPPORTED_PROTOCOL_VERSIONS, types.SUPPORTED_PROTOCOL_VERSIONS);
});

Deno.test("the early initialize answer equals the SDK Server's", async () => {
  const server = new Server(SERVER_INFO, {
    capabilities: CAPABILITIES,
    instructions: INSTRUCTIONS,
  });
  // The Server's own initialize handler (private in its types, so reached by name).
  const handler =
    (server as unknown as Record<string, (r: unknown) => Promise<unknown>>)._oninitialize;
  const sdkAnswer = (params: unknown) => handler.call(server, { method: "initialize", params });
  for (const version of ["2025-06-18", "2024-11-05", "1999-01-01"]) {
    const params = {
      protocolVersion: version,
      capabilities: {},
      clientInfo: { name: "t", version: "1" },
    };
    assertEquals(initializeResult(params), await sdkAnswer(params));
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
