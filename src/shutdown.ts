// Stopping cleanly, once: on SIGINT or SIGTERM (or whatever else the caller reports), close
// the server (which stops the bridge and reports a render still running), then exit.
import { logger } from "./log.ts";

/**
 * The most a close may take. A client expects a server to go promptly when told to; what a
 * close does not finish by then (an HTTP request still open, a bridge still busy) does not
 * keep the process: a bridge exits by itself when its stdin ends with the process.
 */
const CLOSE_DEADLINE_MS = 1800;

export function shutdownOnSignals(close: () => Promise<void>): (why: string) => Promise<void> {
  const log = logger("main");
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    log.info("shutting down ({why})", { why });
    setTimeout(() => {
      log.warning("the server did not close within {ms} ms; exiting", { ms: CLOSE_DEADLINE_MS });
      Deno.exit(0);
    }, CLOSE_DEADLINE_MS);
    await close().catch((e) => log.warning("closing failed: {e}", { e: String(e) }));
    Deno.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    try {
      Deno.addSignalListener(signal, () => void shutdown(signal));
    } catch { /* SIGTERM cannot be listened to on Windows */ }
  }
  return shutdown;
}
