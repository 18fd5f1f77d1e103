// --http: MCP over Streamable HTTP, started with the start:http task's own flags (its
// --allow-net and --http moved to a random loopback port), driven by the SDK's HTTP client
// and by raw fetch for what a client would never send.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import {
  baseEnv,
  bridgePid,
  INITIALIZE,
  isRunning,
  ROOT,
  waitFor,
  withTempDir,
} from "./harness.ts";
import { shellWords } from "../scripts/start_command.ts";
import { Client, StreamableHTTPClientTransport } from "../src/sdk_client.ts";
import type { CallToolResult } from "../src/sdk.ts";

const TOKEN = "test-token-0123456789abcdef";
const TASK_ADDRESS = "127.0.0.1:8765";

interface HttpServer {
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

async function startServer(
  options: { args?: string[]; env?: Record<string, string>; token?: boolean } = {},
): Promise<HttpServer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const [cmd, args] = httpCommand(port, options.args ?? []);
    const child = new Deno.Command(cmd, {
      args,
      cwd: ROOT,
      env: {
        ...baseEnv(),
        ...(options.token === false ? {} : { RESOLVE_MCP_TOKEN: TOKEN }),
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

async function withServer(
  options: Parameters<typeof startServer>[0],
  fn: (server: HttpServer) => Promise<void>,
): Promise<void> {
  const server = await startServer(options);
  let failed = false;
  try {
    await fn(server);
  } catch (e) {
    failed = true;
    console.error(`server stderr:\n${server.stderr()}`);
    throw e;
  } finally {
    const code = await server.stop();
    if (!failed) {
      assertEquals(code, 0, "SIGTERM stops the server cleanly");
      assertEquals(server.stdout(), "", "nothing goes to stdout in HTTP mode");
    }
  }
}

interface HttpClient {
  client: Client;
  transport: StreamableHTTPClientTransport;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  ok<T = Record<string, unknown>>(name: string, args?: Record<string, unknown>): Promise<T>;
}

async function connect(url: string, token = TOKEN): Promise<HttpClient> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  const client = new Client({ name: "http-test", version: "1.0.0" });
  await client.connect(transport);
  await client.listTools();
  const call = (name: string, args: Record<string, unknown> = {}) =>
    client.callTool({ name, arguments: args }) as Promise<CallToolResult>;
  return {
    client,
    transport,
    call,
    async ok(name, args) {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      // deno-lint-ignore no-explicit-any
      return result.structuredContent as any;
    },
  };
}

function post(url: string, headers: Record<string, string>, body: unknown = INITIALIZE) {
  return fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** A raw HTTP/1.1 request, for a Host header fetch would not send. */
async function rawStatus(port: number, host: string): Promise<number> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const body = JSON.stringify(INITIALIZE);
  await conn.write(
    new TextEncoder().encode(
      `POST /mcp HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        `Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    ),
  );
  const buffer = new Uint8Array(1024);
  const n = await conn.read(buffer);
  conn.close();
  return Number(/^HTTP\/1\.1 (\d+)/.exec(new TextDecoder().decode(buffer.subarray(0, n ?? 0)))![1]);
}

Deno.test("no token, a wrong token, a foreign Origin or Host are refused", async () => {
  await withServer({}, async (server) => {
    const none = await post(server.url, {});
    assertEquals(none.status, 401);
    assertMatch(none.headers.get("www-authenticate") ?? "", /^Bearer/);
    assertMatch(await none.text(), /missing Authorization/);
    const wrong = await post(server.url, { Authorization: `Bearer ${TOKEN}x` });
    assertEquals(wrong.status, 401);
    assertMatch(await wrong.text(), /wrong bearer token/);
    const basic = await post(server.url, { Authorization: `Basic ${btoa(`u:${TOKEN}`)}` });
    assertEquals(basic.status, 401);
    await basic.body?.cancel();
    const auth = { Authorization: `Bearer ${TOKEN}` };
    for (const origin of ["http://evil.example", "http://127.0.0.1.evil.example:80", "null"]) {
      const foreign = await post(server.url, { ...auth, Origin: origin });
      assertEquals(foreign.status, 403, origin);
      assertMatch(await foreign.text(), /not allowed/);
    }
    assertEquals(await rawStatus(server.port, `evil.example:${server.port}`), 403);
    // A foreign Origin is refused even without a token (before the token is looked at).
    assertEquals((await post(server.url, { Origin: "http://evil.example" })).status, 403);

    // The right token from a loopback origin opens a session.
    const ok = await post(server.url, { ...auth, Origin: `http://localhost:${server.port}` });
    assertEquals(ok.status, 200);
    const session = ok.headers.get("mcp-session-id");
    assert(session, "a session id");
    assertMatch(await ok.text(), /"serverInfo"/);
    const other = await fetch(server.url.replace("/mcp", "/other"), { headers: auth });
    assertEquals(other.status, 404);
    await other.body?.cancel();
    const unknown = await post(server.url, { ...auth, "Mcp-Session-Id": "nope" }, {
      jsonrpc: "2.0",
      id: 2,
      method: "ping",
    });
    assertEquals(unknown.status, 404);
    await unknown.body?.cancel();
    const noSession = await post(server.url, auth, { jsonrpc: "2.0", id: 2, method: "ping" });
    assertEquals(noSession.status, 400);
    await noSession.body?.cancel();
    // DELETE ends the session.
    const del = await fetch(server.url, {
      method: "DELETE",
      headers: { ...auth, "Mcp-Session-Id": session, "Mcp-Protocol-Version": "2025-06-18" },
    });
    assertEquals(del.status, 200);
    await del.body?.cancel();
    const after = await post(server.url, { ...auth, "Mcp-Session-Id": session }, {
      jsonrpc: "2.0",
      id: 3,
      method: "ping",
    });
    assertEquals(after.status, 404);
    await after.body?.cancel();
    assert(!server.stderr().includes(TOKEN), "a token from the environment is never printed");
  });
});

Deno.test("without RESOLVE_MCP_TOKEN a token is generated and printed once, to stderr", async () => {
  await withServer({ token: false }, async (server) => {
    const printed = [...server.stderr().matchAll(/Bearer ([\w-]{40,})/g)];
    assertEquals(printed.length, 1, server.stderr());
    const token = printed[0][1];
    const t = await connect(server.url, token);
    assertEquals((await t.ok("switch_page", { page: "color" })).page, "color");
    await t.client.close();
    assertEquals((await post(server.url, { Authorization: `Bearer ${TOKEN}` })).status, 401);
  });
});

Deno.test("--http refuses non-loopback addresses and runs only with the net permission", async () => {
  const run = async (task: string, args: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", task, ...args],
      cwd: ROOT,
      env: baseEnv(),
      clearEnv: true,
      stdin: "null",
    }).output();
    return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
  };
  const remote = await run("start", ["--simulator", "--http", "0.0.0.0:8766"]);
  assertEquals(remote.code, 2);
  assertMatch(remote.stderr, /not a loopback address.*--allow-remote/s);
  const noNet = await run("start", ["--simulator", "--http", "127.0.0.1:8767"]);
  assertEquals(noNet.code, 2);
  assertMatch(noNet.stderr, /needs network permission for 127\.0\.0\.1:8767/);
  assertMatch(noNet.stderr, /deno run .*--allow-net=127\.0\.0\.1:8767 \S*main\.ts --simulator/);
  const bad = await run("start", ["--http", "127.0.0.1"]);
  assertEquals(bad.code, 2);
  assertMatch(bad.stderr, /HOST:PORT/);
});

Deno.test("two sessions call tools concurrently on one Resolve, each getting its own answers", async () => {
  await withServer({}, async (server) => {
    const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
    await a.ok("create_project", { name: "Shared" });
    await b.ok("create_timeline", { name: "Cut" });
    const marks = (client: HttpClient, from: number, color: string) =>
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client.ok<{ frame: number; color: string }>("add_marker", {
            frame: from + i,
            color,
            name: `${color} ${i}`,
          })),
      );
    const [red, blue, projects] = await Promise.all([
      marks(a, 0, "Red"),
      marks(b, 100, "Blue"),
      b.ok<{ current_project: string }>("list_projects"),
    ]);
    assertEquals(red.map((m) => [m.frame, m.color]), red.map((_, i) => [i, "Red"]));
    assertEquals(blue.map((m) => [m.frame, m.color]), blue.map((_, i) => [100 + i, "Blue"]));
    assertEquals(projects.current_project, "Shared");
    for (const client of [a, b]) {
      const { markers } = await client.ok<{ markers: unknown[] }>("list_markers");
      assertEquals(markers.length, 20);
    }
    await Promise.all([a.client.close(), b.client.close()]);
  });
});

Deno.test("one session's long render does not stop another from reading", async () => {
  await withTempDir(async (dir) => {
    await withServer({
      args: ["--toolsets", "all", "--allow-path", dir, "--session-idle-ms", "1000"],
      env: { RESOLVE_SIM_RENDER_SECONDS: "4" },
    }, async (server) => {
      const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
      await a.ok("create_project", { name: "Render" });
      await a.ok("create_timeline", { name: "Cut" });
      await a.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "out" } });
      const job = await a.ok<{ job_id: string }>("add_render_job");
      let renderDone = false;
      const render = a.ok<{ waited: boolean; jobs: { status: string }[] }>("start_render", {
        wait: true,
      }).finally(() => renderDone = true);
      let rendering = false;
      while (!rendering && !renderDone) {
        rendering = (await b.ok<{ in_progress: boolean }>("render_status")).in_progress;
      }
      assert(rendering, "the render started");
      for (let i = 0; i < 5; i++) {
        assertEquals((await b.ok("list_projects")).current_project, "Render");
        assertEquals((await b.ok("list_timelines")).timelines instanceof Array, true);
      }
      assert(!renderDone, "the other session's reads finished while the render was running");
      const result = await render;
      assert(result.waited);
      assertEquals(result.jobs.map((j) => j.status), ["Complete"]);
      // The render took longer than --session-idle-ms, but a session with a call in
      // progress is not idle: it still works afterwards.
      const status = await a.ok<{ jobs: { job_id: string }[] }>("render_status");
      assertEquals(status.jobs.map((j) => j.job_id), [job.job_id]);
      await Promise.all([a.client.close(), b.client.close()]);
    });
  });
});

Deno.test("idle sessions expire; the client then starts a new one", async () => {
  await withServer(
    { args: ["--session-idle-ms", "300", "--log-level", "debug"] },
    async (server) => {
      const a = await connect(server.url);
      await a.ok("switch_page", { page: "edit" });
      const pid = bridgePid(server.stderr());
      assert(await waitFor(() => /session \w+ ended \(idle for 300 ms\)/.test(server.stderr())));
      const expired = await a.call("switch_page", { page: "color" }).then(
        () => "answered",
        (e: Error) => e.message,
      );
      assertMatch(expired, /404|not found|expired/i);
      await a.client.close().catch(() => {});
      const b = await connect(server.url);
      assertEquals((await b.ok("switch_page", { page: "color" })).page, "color");
      await b.client.close();
      assertEquals(bridgePid(server.stderr()), pid, "sessions come and go; the bridge stays");
      assert(pid !== undefined && isRunning(pid));
    },
  );
});
