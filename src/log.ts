// Logging goes to stderr (stdout is the MCP channel) and, once a client is connected, to
// the client through MCP logging notifications at the level it asked for.
import { configureSync, getLogger, getTextFormatter, type LogRecord } from "@logtape/logtape";

import type { LogLevel } from "./cli.ts";

const formatter = getTextFormatter({
  value: (v) => (typeof v === "string" ? v : JSON.stringify(v) ?? String(v)),
});
const encoder = new TextEncoder();
let clientSink: ((record: LogRecord) => void) | undefined;

function stderrSink(record: LogRecord): void {
  Deno.stderr.writeSync(encoder.encode(formatter(record)));
}

export function configureLogging(level: LogLevel): void {
  configureSync({
    reset: true,
    sinks: { stderr: stderrSink, client: (record) => clientSink?.(record) },
    loggers: [
      { category: ["logtape", "meta"], lowestLevel: "error", sinks: ["stderr"] },
      { category: ["resolve-mcp"], lowestLevel: level, sinks: ["stderr", "client"] },
    ],
  });
}

/** Route log records to the MCP client too (the server decides what level it wants). */
export function setClientSink(sink: ((record: LogRecord) => void) | undefined): void {
  clientSink = sink;
}

export function logger(...category: string[]) {
  return getLogger(["resolve-mcp", ...category]);
}
