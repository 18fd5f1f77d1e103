// The server over Streamable HTTP for tests: the start:http task's own command (its
// --allow-net and --http moved to a random loopback port, retried while the port is taken)
// on the simulator.
import { assert, assertEquals } from "./assert.ts";
import { baseEnv, ROOT, waitFor } from "./harness.ts";
import { shellWords } from "../scripts/start_command.ts";

const TASK_ADDRESS = "127.0.0.1:8765";

export interface HttpServer {
  url: string;
  port: number;
  stderr(): string;
  stdout(): string;
  /** SIGTERM; returns the exit code. */
  stop(): Promise<number>;
}

/** The start:http task as [executable, args], served on 127.0.0.1:port instead. */
function httpCommand(port: number, extra: string[]): [string, string[]] {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}deno.json`));
  const [deno, ...args] = shellWords(config.tasks["start:http"]);
  assertEquals(deno, "deno");
  const address = `127.0.0.1:${port}`;
  assert(args.includes(`--allow-net=${TASK_ADDRESS}`), "start:http grants exactly its address");
  assert(args.join(" ").endsWith(`--http ${TASK_ADDRESS}`), "start:http serves that address");
  return [
    Deno.execPath(),
    [...args.map((a) => a.replace(TASK_ADDRESS, address)), "--simulator", ...extra],
  ];
}

/**
 * Starts the server once it says it serves: `args` after the task's own, `env` over the
 * test environment, `token` as RESOLVE_MCP_TOKEN (none when omitted).
 */
export async function startHttpServer(
  options: { args?: string[]; env?: Record<string, string>; token?: string } = {},
): Promise<HttpServer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const [cmd, args] = httpCommand(port, options.args ?? []);
    const child = new Deno.Command(cmd, {
      args,
      cwd: ROOT,
      env: {
        ...baseEnv(),
        ...(options.token === undefined ? {} : { RESOLVE_MCP_TOKEN: options.token }),
        ...options.env,
      },
      clearEnv: true,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let stderr = "";
    let stdout = "";
    const drains = [
      (async () => {
        for await (const c of child.stderr.pipeThrough(new TextDecoderStream())) stderr += c;
      })(),
      (async () => {
        for await (const c of child.stdout.pipeThrough(new TextDecoderStream())) stdout += c;
      })(),
    ];
    let exited = false;
    const status = child.status.then((s) => {
      exited = true;
      return s;
    });
    await waitFor(() => exited || /serving MCP at/.test(stderr), 30_000);
    if (exited) {
      await Promise.all(drains);
      if (/AddrInUse|address already in use/i.test(stderr)) continue;
      throw new Error(`the server did not start: ${stderr}`);
    }
    return {
      url: `http://127.0.0.1:${port}/mcp`,
      port,
      stderr: () => stderr,
      stdout: () => stdout,
      async stop() {
        child.kill("SIGTERM");
        const { code } = await status;
        await Promise.all(drains);
        return code;
      },
    };
  }
  throw new Error("no free port found");
}
