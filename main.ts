// davinci-resolve-mcp: an MCP server on stdio that drives DaVinci Resolve.
import process from "node:process";
import { HELP, parseOptions, UsageError } from "./src/cli.ts";
import { configOutput } from "./src/client_config.ts";
import { formatReport, runDoctor } from "./src/doctor.ts";
import { configureLogging, logger } from "./src/log.ts";
import { StdioServerTransport } from "./src/sdk.ts";
import { createServer } from "./src/server.ts";
import { NAME, VERSION } from "./src/version.ts";

function exitWith(message: string, code: number): never {
  Deno.stderr.writeSync(new TextEncoder().encode(message + "\n"));
  Deno.exit(code);
}

async function main() {
  let options;
  try {
    options = parseOptions(Deno.args);
  } catch (e) {
    if (e instanceof UsageError) exitWith(e.message, 2);
    throw e;
  }
  if (options.command === "help") {
    return void Deno.stdout.writeSync(new TextEncoder().encode(HELP + "\n"));
  }
  if (options.command === "version") {
    return void Deno.stdout.writeSync(new TextEncoder().encode(`${NAME} ${VERSION}\n`));
  }
  if (options.command === "config") {
    return void Deno.stdout.writeSync(new TextEncoder().encode(configOutput(options) + "\n"));
  }
  if (options.command === "doctor") {
    // The bridge's own info lines would only repeat the report.
    configureLogging(options.logLevel === "info" ? "warning" : options.logLevel);
    const report = await runDoctor(options);
    const text = options.json ? JSON.stringify(report, null, 2) : formatReport(report);
    Deno.stdout.writeSync(new TextEncoder().encode(text + "\n"));
    Deno.exit(report.ok ? 0 : 1);
  }
  configureLogging(options.logLevel);
  const log = logger("main");
  let app;
  try {
    app = createServer(options);
  } catch (e) {
    exitWith((e as Error).message, 2);
  }
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    log.info("shutting down ({why})", { why });
    await app.close();
    Deno.exit(0);
  };
  process.stdin.on("end", () => void shutdown("stdin closed"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    try {
      Deno.addSignalListener(signal, () => void shutdown(signal));
    } catch { /* SIGTERM cannot be listened to on Windows */ }
  }
  await app.server.connect(new StdioServerTransport());
  log.info("{name} {version} serving on stdio ({mode})", {
    name: NAME,
    version: VERSION,
    mode: options.simulator ? "simulator" : "DaVinci Resolve",
  });
}

await main();
