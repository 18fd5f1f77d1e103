// The bench's floor (scripts/bench.ts): a minimal MCP SDK server with one tool, started with
// the start task's own command line. It lives in the project so it resolves the SDK from the
// project's lock file and cache, as the server does (from a temporary folder it would fetch
// the package's registry data on a fresh machine).
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/server"
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/server/stdio"
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
// @ts-types="npm:@modelcontextprotocol/sdk@1.32.2/types"
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const server = new Server({ name: "floor", version: "1" }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, () => ({
  tools: [{
    name: "echo",
    description: "Echoes its text.",
    inputSchema: { type: "object", properties: { text: { type: "string" } } },
  }],
}));
server.setRequestHandler(CallToolRequestSchema, (r) => ({
  content: [{ type: "text", text: String(r.params.arguments?.text ?? "") }],
}));
await server.connect(new StdioServerTransport());
