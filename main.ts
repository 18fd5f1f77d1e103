// davinci-resolve-mcp: an MCP server on stdio that drives DaVinci Resolve.
// Start-up is kept short: this module imports only what answering `initialize` needs, answers
// it as soon as it arrives, and only then loads the MCP SDK and the tools (src/serve.ts).
import { HELP, parseOptions, UsageError } from "./src/cli.ts";
import { initializeResult } from "./src/identity.ts";
import { StdioTransport } from "./src/stdio.ts";
import { NAME, VERSION } from "./src/version.ts";

const encoder = new TextEncoder();

function exitWith(message: string, code: number): never {
  Deno.stderr.writeSync(encoder.encode(message + "\n"));
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
  // The executables are compiled with net permission for --http's default address only;
  // every other mode gives it up before doing anything.
  if (!options.http) Deno.permissions.revokeSync({ name: "net" });
  switch (options.command) {
    case "help":
      return void Deno.stdout.writeSync(encoder.encode(HELP + "\n"));
    case "version":
      return void Deno.stdout.writeSync(encoder.encode(`${NAME} ${VERSION}\n`));
    case "config": {
      const { configOutput } = await import("./src/client_config.ts");
      return void Deno.stdout.writeSync(encoder.encode(configOutput(options) + "\n"));
    }
    case "install-inapp": {
      const { formatInstall, installInApp } = await import("./src/inapp.ts");
      const result = await installInApp(options);
      const text = options.json ? JSON.stringify(result, null, 2) : formatInstall(result);
      Deno.stdout.writeSync(encoder.encode(text + "\n"));
      return Deno.exit(result.ok ? 0 : 1);
    }
    case "probe": {
      const { configureLogging } = await import("./src/log.ts");
      const { probeCommand } = await import("./src/probe.ts");
      configureLogging(options.logLevel === "info" ? "warning" : options.logLevel);
      return Deno.exit(await probeCommand(options));
    }
    case "doctor": {
      const { configureLogging } = await import("./src/log.ts");
      const { formatReport, runDoctor } = await import("./src/doctor.ts");
      // The bridge's own info lines would only repeat the report.
      configureLogging(options.logLevel === "info" ? "warning" : options.logLevel);
      const report = await runDoctor(options);
      const text = options.json ? JSON.stringify(report, null, 2) : formatReport(report);
      Deno.stdout.writeSync(encoder.encode(text + "\n"));
      Deno.exit(report.ok ? 0 : 1);
    }
  }
  if (options.http) {
    const { serveHttp } = await import("./src/http.ts");
    try {
      return await serveHttp(options);
    } catch (e) {
      exitWith((e as Error).message, 2);
    }
  }
  const transport = new StdioTransport();
  const first = await transport.firstMessage();
  if (first?.method === "initialize" && first.id !== undefined && first.id !== null) {
    // The SDK's Server still handles this request when it connects (it records the client's
    // capabilities); its identical answer is dropped by the transport.
    transport.answerEarly(first.id, initializeResult(first.params ?? {}));
  }
  const { serve } = await import("./src/serve.ts");
  try {
    await serve(options, transport);
  } catch (e) {
    exitWith((e as Error).message, 2);
  }
}

await main();
