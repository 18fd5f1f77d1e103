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
import { type HttpServer, startHttpServer } from "./http_server.ts";
import { Client, StreamableHTTPClientTransport } from "../src/sdk_client.ts";
import { type CallToolResult, types } from "../src/sdk.ts";
import { MAX_SESSIONS } from "../src/http.ts";

const TOKEN = "test-token-0123456789abcdef";

/** A server of the start:http task's command with TOKEN (none when token is false). */
const startServer = (
  options: { args?: string[]; env?: Record<string, string>; token?: boolean } = {},
): Promise<HttpServer> =>
  startHttpServer({
    args: options.args,
    env: options.env,
    token: options.token === false ? undefined : TOKEN,
  });

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

/** A new session opened with a raw initialize request; its id. */
async function rawSession(url: string): Promise<string> {
  const response = await post(url, { Authorization: `Bearer ${TOKEN}` });
  assertEquals(response.status, 200);
  await response.body?.cancel();
  return response.headers.get("mcp-session-id")!;
}

/** A raw request on a session: the HTTP status and, if answered, the JSON-RPC reply. */
async function rawRequest(url: string, session: string, method: string, params = {}) {
  const response = await post(url, {
    Authorization: `Bearer ${TOKEN}`,
    "Mcp-Session-Id": session,
    "Mcp-Protocol-Version": INITIALIZE.params.protocolVersion,
  }, { jsonrpc: "2.0", id: 1, method, params });
  const text = await response.text();
  // The answer comes as a server-sent event ("data: {...}").
  const data = text.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
  const reply = data.map((d) => JSON.parse(d)).find((m) => m.id === 1);
  return { status: response.status, reply };
}

async function rawCall<T = Record<string, unknown>>(
  url: string,
  session: string,
  name: string,
  args: Record<string, unknown> = {},
) {
  const { reply } = await rawRequest(url, session, "tools/call", { name, arguments: args });
  assert(reply?.result && !reply.result.isError, JSON.stringify(reply));
  return reply.result.structuredContent as T;
}

/** Queues a render of one job into dir on a raw session; the job's id. */
async function queueRender(url: string, session: string, dir: string): Promise<string> {
  await rawCall(url, session, "create_project", { name: "Render" });
  await rawCall(url, session, "create_timeline", { name: "Cut" });
  const settings = { TargetDir: dir, CustomName: "out" };
  await rawCall(url, session, "set_render_settings", { settings });
  return (await rawCall<{ job_id: string }>(url, session, "add_render_job")).job_id;
}

/** start_render with wait: true; it is answered when the render ends (here: is stopped). */
function renderAndWait(url: string, session: string) {
  return rawRequest(url, session, "tools/call", {
    name: "start_render",
    arguments: { wait: true },
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
      // The render lasts until stop_render: nothing here depends on how long things take.
      env: { RESOLVE_SIM_RENDER_SECONDS: "600" },
    }, async (server) => {
      // Raw requests, one right after another: no session is left idle by accident (an SDK
      // client compiling its output schemas after tools/list can take longer than that).
      const { url } = server;
      const a = await rawSession(url);
      const job = await queueRender(url, a, dir);
      const b = await rawSession(url);
      let renderDone = false;
      const render = renderAndWait(url, a).finally(() => renderDone = true);
      let rendering = false;
      while (!rendering && !renderDone) {
        rendering = (await rawCall<{ in_progress: boolean }>(url, b, "render_status")).in_progress;
      }
      assert(rendering, "the render started");
      for (let i = 0; i < 5; i++) {
        assertEquals((await rawCall(url, b, "list_projects")).current_project, "Render");
        assert((await rawCall(url, b, "list_timelines")).timelines instanceof Array);
      }
      assert(!renderDone, "the other session's reads finished while the render was running");
      // A session opened after the render started expires: a's session too has been without
      // a request for longer than --session-idle-ms, but a call in progress is not idle.
      const c = await rawSession(url);
      const expired = `session ${c.slice(0, 8)} ended (idle`;
      assert(await waitFor(() => server.stderr().includes(expired)), "the idle session ended");
      const d = await rawSession(url);
      assertEquals((await rawCall(url, d, "stop_render")).was_rendering, true);
      assert((await render).reply?.result, "a's call was answered: its session was kept");
      const status = await rawCall<{ jobs: { job_id: string; status: string }[] }>(
        url,
        a,
        "render_status",
      );
      assertEquals(status.jobs.map((j) => [j.job_id, j.status]), [[job, "Cancelled"]]);
    });
  });
});

Deno.test("at the session cap a new session closes the least recently used idle one, never a busy one", async () => {
  await withTempDir(async (dir) => {
    await withServer({
      args: ["--toolsets", "all", "--allow-path", dir],
      env: { RESOLVE_SIM_RENDER_SECONDS: "600" },
    }, async (server) => {
      const { url } = server;
      // a's last request is the oldest, a render that runs until stopped: a is busy.
      const a = await rawSession(url);
      await queueRender(url, a, dir);
      const render = renderAndWait(url, a);
      const s = [await rawSession(url)];
      while (!(await rawCall<{ in_progress: boolean }>(url, s[0], "render_status")).in_progress);
      while (s.length < MAX_SESSIONS - 1) s.push(await rawSession(url));
      // s[0] was opened first but used last: s[1] is the least recently used idle session.
      assertEquals((await rawRequest(url, s[0], "ping")).status, 200);
      const newcomer = await rawSession(url);
      assertEquals((await rawRequest(url, s[1], "ping")).status, 404);
      for (const id of [s[0], s[2], newcomer]) {
        assertEquals((await rawRequest(url, id, "ping")).reply?.result, {});
      }
      assertEquals((await rawCall(url, s[0], "stop_render")).was_rendering, true);
      assert((await render).reply?.result, "a's call was answered: its session was kept");
      const status = await rawCall<{ jobs: { status: string }[] }>(url, a, "render_status");
      assertEquals(status.jobs.map((j) => j.status), ["Cancelled"]);
    });
  });
});

Deno.test("a session's log records go to that session only", async () => {
  await withServer({ args: ["--log-level", "debug"] }, async (server) => {
    const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
    const records = new Map<HttpClient, string[]>([[a, []], [b, []]]);
    for (const [t, list] of records) {
      t.client.setNotificationHandler(types.LoggingMessageNotificationSchema, (n) => {
        list.push(String(n.params.data));
      });
      await t.client.setLoggingLevel("debug");
    }
    // Resource-list changes reach b on its own stream (the GET the SDK client opens in the
    // background): a change made after a's refused call arrives after any record of it would.
    let changes = 0;
    b.client.setNotificationHandler(types.ResourceListChangedNotificationSchema, () => {
      changes++;
    });
    for (let i = 0; changes === 0; i++) await a.ok("create_project", { name: `Warm-up ${i}` });

    const refused = await a.call("open_project", { name: "Missing" });
    assert(refused.isError);
    const before = changes;
    await a.ok("create_project", { name: "After" });
    assert(await waitFor(() => changes > before), "b heard of the change");
    const refusal = /open_project refused: PROJECT_NOT_FOUND/;
    assert(records.get(a)!.some((r) => refusal.test(r)), JSON.stringify(records.get(a)));
    assert(
      !records.get(b)!.some((r) => /open_project|create_project/.test(r)),
      `b got a's records: ${JSON.stringify(records.get(b))}`,
    );
    await Promise.all([a.client.close(), b.client.close()]);
  });
});

Deno.test("idle sessions expire; the client then starts a new one", async () => {
  await withServer(
    { args: ["--session-idle-ms", "300", "--log-level", "debug"] },
    async (server) => {
      assert(await waitFor(() => bridgePid(server.stderr()) !== undefined), "the bridge started");
      const pid = bridgePid(server.stderr());
      const a = await connect(server.url);
      assert(await waitFor(() => /session \w+ ended \(idle for 300 ms\)/.test(server.stderr())));
      const expired = await a.call("switch_page", { page: "color" }).then(
        () => "answered",
        (e: Error) => e.message,
      );
      assertMatch(expired, /404|not found|expired/i);
      await a.client.close().catch(() => {});
      // Raw requests, one right after the other: the SDK client's own work between requests
      // (compiling output schemas after tools/list) can outlast 300 ms on a busy machine.
      const b = await rawSession(server.url);
      const page = await rawCall<{ page: string }>(server.url, b, "switch_page", { page: "color" });
      assertEquals(page.page, "color");
      assertEquals(bridgePid(server.stderr()), pid, "sessions come and go; the bridge stays");
      assert(pid !== undefined && isRunning(pid));
    },
  );
});

Deno.test("a confirmation token confirms only in the MCP session it was given to", async () => {
  await withServer({ args: ["--toolsets", "all"] }, async (server) => {
    const [a, b] = await Promise.all([connect(server.url), connect(server.url)]);
    const text = (r: CallToolResult) => (r.content[0] as { text: string }).text;
    for (const name of ["Keep", "Other"]) {
      await a.ok("create_project", { name });
      await a.ok("close_project");
    }
    const refusal = text(await a.call("delete_project", { name: "Keep" }));
    const token = /confirmation_token: "([0-9a-f]+)"/.exec(refusal)?.[1];
    assert(token, refusal);
    const other = await b.call("delete_project", { name: "Keep", confirmation_token: token });
    assertMatch(text(other), /^Error CONFIRMATION_INVALID/);
    await a.ok("delete_project", { name: "Keep", confirmation_token: token });
    await Promise.all([a.client.close(), b.client.close()]);
  });
});
