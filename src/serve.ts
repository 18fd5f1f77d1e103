// Serving MCP on stdio. main.ts loads this module only after it has answered `initialize`:
// everything heavy (the MCP SDK, zod, the tools) loads from here.
import type { Options } from "./cli.ts";
import { configureLogging, logger } from "./log.ts";
import { createServer } from "./server.ts";
import { shutdownOnSignals } from "./shutdown.ts";
import type { StdioTransport } from "./stdio.ts";
import { NAME, VERSION } from "./version.ts";

export async function serve(options: Options, transport: StdioTransport): Promise<void> {
  configureLogging(options.logLevel);
  const log = logger("main");
  const app = createServer(options);
  const shutdown = shutdownOnSignals(() => app.close());
  app.server.onclose = () => void shutdown("stdin closed");
  await app.server.connect(transport);
  log.info("{name} {version} serving on stdio ({mode})", {
    name: NAME,
    version: VERSION,
    mode: options.simulator ? "simulator" : "DaVinci Resolve",
  });
}
