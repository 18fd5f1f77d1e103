// Every import of the MCP SDK lives here. The SDK's "./*" export maps types to
// "<path>.js.d.ts", which does not exist, so `deno check` would type these deep imports
// as `any`; each import carries a @ts-types hint naming the real declaration file.
// The client side (tests, demo, benchmarks) is in sdk_client.ts: the server must not load
// the client's process-spawning code, which reads environment variables at import time.

// The SDK's Server class is not imported: it loads ajv at start-up (src/mcp_server.ts).
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/shared/protocol"
import { Protocol } from "@modelcontextprotocol/sdk/shared/protocol.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/experimental/tasks/helpers"
import {
  assertClientRequestTaskCapability,
  assertToolsCallTaskCapability,
} from "@modelcontextprotocol/sdk/experimental/tasks/helpers.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/server/webStandardStreamableHttp"
import type { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/types"
import * as types from "@modelcontextprotocol/sdk/types.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/experimental/tasks"
import type {
  InMemoryTaskStore,
  TaskStore,
} from "@modelcontextprotocol/sdk/experimental/tasks/stores/in-memory.js";

export { assertClientRequestTaskCapability, assertToolsCallTaskCapability, Protocol, types };
export type { InMemoryTaskStore, TaskStore, WebStandardStreamableHTTPServerTransport };

/** The SDK's in-memory task store, loaded when a session first uses tasks. */
export async function loadInMemoryTaskStore(): Promise<typeof InMemoryTaskStore> {
  return (await import("@modelcontextprotocol/sdk/experimental/tasks/stores/in-memory.js"))
    .InMemoryTaskStore;
}

/** The HTTP transport's class, loaded only by --http (a stdio server never needs it). */
export async function httpTransportClass(): Promise<
  typeof WebStandardStreamableHTTPServerTransport
> {
  return (await import("@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js"))
    .WebStandardStreamableHTTPServerTransport;
}
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/shared/protocol"
export type {
  ProtocolOptions,
  RequestOptions,
  RequestTaskStore,
} from "@modelcontextprotocol/sdk/shared/protocol.js";
export type {
  CallToolResult,
  LoggingLevel,
  Prompt,
  Resource,
  ResourceTemplate,
  Tool,
} from "@modelcontextprotocol/sdk/types.js";
