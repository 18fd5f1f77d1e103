// Stopping cleanly, once: on SIGINT or SIGTERM (or whatever else the caller reports), close
// the server (which stops the bridge and reports a render still running), then exit.
import { logger } from "./log.ts";

export function shutdownOnSignals(close: () => Promise<void>): (why: string) => Promise<void> {
  const log = logger("main");
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    log.info("shutting down ({why})", { why });
    await close();
    Deno.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    try {
      Deno.addSignalListener(signal, () => void shutdown(signal));
    } catch { /* SIGTERM cannot be listened to on Windows */ }
  }
  return shutdown;
}
