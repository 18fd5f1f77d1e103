// Logging goes to stderr (stdout is the MCP channel) and, once a client is connected, to
// the client through MCP logging notifications at the level it asked for. A few lines of our
// own rather than a logging library: this is all the server needs, and a library cost 1.3 MB.
// Records made while a session's request runs go to that session only (routeRecords): over HTTP
// one client must not read another's refusals, paths or roots.
import { AsyncLocalStorage } from "node:async_hooks";
import type { LogLevel } from "./cli.ts";

export interface LogRecord {
  level: LogLevel;
  /** ["resolve-mcp", area, ...]. */
  category: string[];
  /** The message with its {placeholders} filled in. */
  message: string;
  timestamp: number;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warning: 2, error: 3 };
const MARK: Record<LogLevel, string> = { debug: "DBG", info: "INF", warning: "WRN", error: "ERR" };
const encoder = new TextEncoder();
let threshold = RANK.info;
type Sink = (record: LogRecord) => void;
let clientSink: Sink | undefined;
/** The sink of the request whose async work is running (null: stderr only), if any. */
const scope = new AsyncLocalStorage<{ sink: Sink | null }>();

export function configureLogging(level: LogLevel): void {
  threshold = RANK[level];
}

/** Route log records to the MCP client too (the server decides what level it wants). */
export function setClientSink(sink: Sink | undefined): void {
  clientSink = sink;
}

/**
 * Runs fn so that the records it logs, in all the async work it starts, go to `sink` in place
 * of the client sink (`null`: to stderr only). Records made outside any such scope (the bridge
 * starting, a connection lost) still go to the client sink.
 */
export function routeRecords<T>(sink: Sink | null, fn: () => T): T {
  return scope.run({ sink }, fn);
}

/** Runs fn outside any request's scope: long-lived work it starts (the bridge) logs for all. */
export function unscoped<T>(fn: () => T): T {
  return scope.exit(fn);
}

function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return typeof value === "string"
      ? value
      : value instanceof Error
      ? value.message
      : JSON.stringify(value) ?? String(value);
  });
}

function emit(level: LogLevel, category: string[], template: string, values = {}) {
  if (RANK[level] < threshold) return;
  const record = { level, category, message: fill(template, values), timestamp: Date.now() };
  const time = new Date(record.timestamp).toISOString().replace("T", " ").replace("Z", " +00:00");
  const line = `${time} [${MARK[level]}] ${category.join("·")}: ${record.message}\n`;
  try {
    Deno.stderr.writeSync(encoder.encode(line));
  } catch { /* stderr closed: nothing else to tell */ }
  const scoped = scope.getStore();
  (scoped ? scoped.sink : clientSink)?.(record);
}

export type Logger = Record<LogLevel, (template: string, values?: Record<string, unknown>) => void>;

/** A logger for one area of the server; messages are templates with {name} placeholders. */
export function logger(...area: string[]): Logger {
  const category = ["resolve-mcp", ...area];
  return {
    debug: (template, values) => emit("debug", category, template, values),
    info: (template, values) => emit("info", category, template, values),
    warning: (template, values) => emit("warning", category, template, values),
    error: (template, values) => emit("error", category, template, values),
  };
}
