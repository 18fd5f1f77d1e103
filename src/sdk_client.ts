// The MCP SDK's client, for the demo, tests and benchmarks (see sdk.ts for the hints).

// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/client"
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/client/stdio"
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/client/streamableHttp"
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/server"
import { Server as SdkServer } from "@modelcontextprotocol/sdk/server/index.js";

// SdkServer: the SDK's own Server class, which the server does not load (src/mcp_server.ts),
// for tests that check our session server answers as it does.
export { Client, SdkServer, StdioClientTransport, StreamableHTTPClientTransport };
