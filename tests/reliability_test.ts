// The server keeps working through a crashed or hung bridge, noisy libraries, read-only
// mode and shutdown, under the start task's own permissions.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import {
  baseEnv,
  bridgePid,
  INITIALIZE,
  isRunning,
  ROOT,
  startCommand,
  waitFor,
  withClient,
  withTempDir,
} from "./harness.ts";

const HANG = { RESOLVE_SIM_HANG: "Resolve.GetCurrentPage" };

Deno.test("a hung call times out retryably while ping and tools/list keep answering", async () => {
  await withClient({ args: ["--timeout-ms", "1500"], env: HANG }, async (t) => {
    const hung = t.call("switch_page", { page: "color" });
    const started = Date.now();
    await t.client.ping();
    await t.client.listTools();
    assert(Date.now() - started < 1000, "ping and tools/list answered during the hung call");
    const result = await hung;
    assert(result.isError);
    const text = (result.content[0] as { text: string }).text;
    assertMatch(text, /BRIDGE_TIMEOUT.*1500 ms/s);
    assertMatch(text, /Retrying may help/);
    const recovered = Date.now();
    const project = await t.ok("create_project", { name: "After the hang" });
    assertEquals(project.name, "After the hang");
    console.log(`recovery after timeout: ${Date.now() - recovered} ms`);
  });
});

Deno.test("killing the bridge mid-call fails that call retryably; the next call works", async () => {
  await withClient({ args: ["--log-level", "debug"], env: HANG }, async (t) => {
    await t.ok("create_project", { name: "Before" });
    const pid = bridgePid(t.stderr())!;
    assert(pid, "the debug log names the bridge pid");
    const hung = t.call("switch_page", { page: "color" });
    await new Promise((r) => setTimeout(r, 300));
    Deno.kill(pid, "SIGKILL");
    const result = await hung;
    assert(result.isError);
    assertMatch((result.content[0] as { text: string }).text, /BRIDGE_CRASHED.*Retrying may help/s);
    const recovered = Date.now();
    await t.ok("create_project", { name: "After" });
    console.log(`recovery after a crash: ${Date.now() - recovered} ms`);
    const newPid = bridgePid(t.stderr())!;
    assert(newPid !== pid, "a new bridge process serves the next call");
  });
});

Deno.test("a bridge that dies between calls is replaced transparently", async () => {
  await withClient({ args: ["--log-level", "debug"] }, async (t) => {
    await t.ok("switch_page", { page: "media" });
    Deno.kill(bridgePid(t.stderr())!, "SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
    assertEquals((await t.ok("switch_page", { page: "edit" })).page, "edit");
  });
});

Deno.test("junk printed by Resolve's libraries never reaches the protocol stream", async () => {
  const [cmd, args] = startCommand(["--simulator", "--log-level", "debug"]);
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: { ...baseEnv(), RESOLVE_SIM_NOISE: "1" },
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let stderr = "";
  const drain = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
  })();
  const messages = [
    {
      method: "initialize",
      params: {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "raw", version: "1" },
      },
    },
    { method: "notifications/initialized" },
    { method: "tools/call", params: { name: "create_project", arguments: { name: "Noisy" } } },
    { method: "tools/call", params: { name: "create_timeline", arguments: { name: "Cut" } } },
    { method: "tools/call", params: { name: "add_marker", arguments: { frame: 3, color: "Red" } } },
    { method: "tools/call", params: { name: "switch_page", arguments: { page: "color" } } },
  ];
  const writer = child.stdin.getWriter();
  let id = 0;
  for (const m of messages) {
    const withId = "params" in m && m.method !== "notifications/initialized"
      ? { id: ++id, ...m }
      : m;
    await writer.write(
      new TextEncoder().encode(JSON.stringify({ jsonrpc: "2.0", ...withId }) + "\n"),
    );
  }
  const lines: string[] = [];
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const answered = () => lines.filter((l) => /"id":\d/.test(l)).length;
  while (answered() < id) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  }
  await writer.close();
  await reader.cancel();
  await child.status;
  await drain;
  assertEquals(answered(), id);
  for (const line of lines) {
    const message = JSON.parse(line); // throws on any junk
    assertEquals(message.jsonrpc, "2.0");
    assert(!message.result?.isError, `call ${message.id} failed: ${line}`);
  }
  assertMatch(stderr, /libresolve: log line from native code/, "fd-level junk went to stderr");
  assertMatch(stderr, /\[fusionscript\] noise/, "print() junk went to stderr");
});

Deno.test("--read-only lists only reading tools and the bridge refuses changing api calls", async () => {
  await withClient({ args: ["--read-only", "--toolsets", "all"] }, async (t) => {
    const { tools } = await t.client.listTools();
    assert(tools.length > 13);
    for (const tool of tools) assert(tool.annotations?.readOnlyHint, `${tool.name} is read-only`);
    assert(!tools.some((tool) => tool.name === "create_project"));
    const refused = await t.error("api_project_manager", { method: "CreateProject", args: ["x"] });
    assertMatch(refused, /READ_ONLY.*--read-only/s);
    const read = await t.ok("api_resolve", { method: "GetProductName" });
    assertEquals(read.result, "DaVinci Resolve Studio");
  });
});

Deno.test("closing stdin stops the server and its bridge, and a running render is reported", async () => {
  await withTempDir(async (dir) => {
    let pid = 0;
    let stderr = () => "";
    await withClient({
      args: ["--log-level", "debug", "--toolsets", "all", "--allow-path", dir],
      env: { RESOLVE_SIM_RENDER_SECONDS: "60" },
    }, async (t) => {
      stderr = t.stderr;
      await t.ok("create_project", { name: "Render" });
      await t.ok("create_timeline", { name: "Cut" });
      await t.ok("api_project", {
        method: "SetRenderSettings",
        args: [{ TargetDir: dir, CustomName: "out" }],
      });
      const job = await t.ok("api_project", { method: "AddRenderJob" });
      assert(String(job.result).length > 0, `a job id: ${JSON.stringify(job)}`);
      await t.ok("api_project", { method: "StartRendering", args: [[job.result]] });
      pid = bridgePid(t.stderr())!;
      assert(isRunning(pid));
    });
    assert(await waitFor(() => !isRunning(pid)), "the bridge is gone after the client closed");
    assertMatch(stderr(), /while Resolve is rendering/);
  });
});

Deno.test("SIGTERM stops the server and its bridge", async () => {
  const [cmd, args] = startCommand(["--simulator", "--log-level", "debug"]);
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: baseEnv(),
    clearEnv: true,
    stdin: "piped",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let stderr = "";
  const drain = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
  })();
  // The server loads its tools and starts the bridge once the client has said hello.
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(INITIALIZE) + "\n"));
  assert(await waitFor(() => bridgePid(stderr) !== undefined), "the bridge starts with the server");
  const pid = bridgePid(stderr)!;
  child.kill("SIGTERM");
  const status = await child.status;
  await drain;
  await writer.close().catch(() => {});
  assertEquals(status.code, 0);
  assert(await waitFor(() => !isRunning(pid)), "no orphaned bridge");
});

Deno.test("when Resolve goes away, tools say so and what to do", async () => {
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    await t.ok("create_project", { name: "Before quit" });
    assertMatch(
      await t.error("api_resolve", { method: "Quit" }),
      /CONFIRMATION_REQUIRED.*confirmation_token/s,
    );
    await t.confirmed("api_resolve", { method: "Quit" });
    const text = await t.error("create_project", { name: "After quit" });
    assertMatch(text, /RESOLVE_UNAVAILABLE.*not running.*External scripting/s);
    await t.client.ping();
  });
});

/**
 * The server started directly (signals reach it, not a task runner) with a call hanging in
 * the bridge (the simulator's noise names each call as it starts) and a long time limit.
 */
async function serverWithHungCall() {
  const [cmd, args] = startCommand([
    "--simulator",
    "--log-level",
    "debug",
    "--timeout-ms",
    "600000",
  ]);
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: { ...baseEnv(), ...HANG, RESOLVE_SIM_NOISE: "1" },
    clearEnv: true,
    stdin: "piped",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  let stderr = "";
  const drained = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
  })();
  const writer = child.stdin.getWriter();
  for (
    const message of [
      INITIALIZE,
      { jsonrpc: "2.0", method: "notifications/initialized" },
      {
        jsonrpc: "2.0",
        id: 2,
        method: "tools/call",
        params: { name: "switch_page", arguments: { page: "color" } },
      },
    ]
  ) {
    await writer.write(new TextEncoder().encode(JSON.stringify(message) + "\n"));
  }
  assert(await waitFor(() => stderr.includes("noise: Resolve.GetCurrentPage")), "the call hangs");
  const bridge = bridgePid(stderr)!;
  assert(isRunning(bridge));
  return {
    child,
    bridge,
    writer,
    /** Kills whatever a failed test left running, and waits for the streams. */
    async cleanup() {
      for (const pid of [child.pid, bridge]) {
        if (isRunning(pid)) Deno.kill(pid, "SIGKILL");
      }
      await child.status;
      await writer.close().catch(() => {});
      await drained;
    },
  };
}

/** The child's exit status, or undefined if it is still running after ms. */
async function exitWithin(child: Deno.ChildProcess, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((r) => timer = setTimeout(() => r(undefined), ms));
  const status = await Promise.race([child.status, late]);
  clearTimeout(timer);
  return status;
}

for (const how of ["SIGTERM", "SIGINT", "stdin closing"] as const) {
  Deno.test(`${how} ends the server promptly while a bridge call hangs`, async () => {
    const server = await serverWithHungCall();
    try {
      const started = Date.now();
      if (how === "stdin closing") await server.writer.close();
      else server.child.kill(how);
      // 5 s only bounds the wait: the server takes under 2 s; the call's limit is 10 minutes.
      const status = await exitWithin(server.child, 5000);
      assert(status, `the server still runs ${Date.now() - started} ms after ${how}`);
      console.log(`exit after ${how}: ${Date.now() - started} ms`);
      assertEquals(status.code, 0);
      assert(await waitFor(() => !isRunning(server.bridge), 5000), "no orphaned bridge");
    } finally {
      await server.cleanup();
    }
  });
}

Deno.test("a killed server's bridge exits by itself, even while a call hangs in it", async () => {
  const server = await serverWithHungCall();
  try {
    server.child.kill("SIGKILL");
    await server.child.status;
    assert(await waitFor(() => !isRunning(server.bridge), 5000), "the bridge outlived its server");
  } finally {
    await server.cleanup();
  }
});
