// Tasks through the HTTP transport: a client of the start:http server (the SDK's Streamable
// HTTP client, bearer token) runs a render as a task, follows it with tasks/get and takes the
// result with tasks/result; the rendered file is on disk. The stdio side is in
// mcp_features_test.ts.
import { assert, assertEquals } from "./assert.ts";
import { baseEnv, ROOT, waitFor, withTempDir } from "./harness.ts";
import { shellWords } from "../scripts/start_command.ts";
import { writePng } from "../scripts/sample_media.ts";
import { Client, StreamableHTTPClientTransport } from "../src/sdk_client.ts";
import { type CallToolResult, types } from "../src/sdk.ts";

const TOKEN = "test-token-tasks-http-0123456789";

/** Runs fn with a client of a start:http server on a free loopback port (simulator). */
async function withHttpClient(
  serverArgs: string[],
  env: Record<string, string>,
  fn: (client: Client) => Promise<void>,
): Promise<void> {
  const config = JSON.parse(Deno.readTextFileSync(`${ROOT}deno.json`));
  const [, ...args] = shellWords(config.tasks["start:http"]);
  for (let attempt = 0; attempt < 5; attempt++) {
    const address = `127.0.0.1:${20_000 + Math.floor(Math.random() * 40_000)}`;
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        ...args.map((a) => a.replace("127.0.0.1:8765", address)),
        "--simulator",
        ...serverArgs,
      ],
      cwd: ROOT,
      env: { ...baseEnv(), RESOLVE_MCP_TOKEN: TOKEN, ...env },
      clearEnv: true,
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
    let stderr = "";
    const drain = (async () => {
      for await (const c of child.stderr.pipeThrough(new TextDecoderStream())) stderr += c;
    })();
    let exited = false;
    const status = child.status.finally(() => exited = true);
    await waitFor(() => exited || /serving MCP at/.test(stderr), 30_000);
    if (exited) {
      await drain;
      if (/AddrInUse|address already in use/i.test(stderr)) continue;
      throw new Error(`the server did not start: ${stderr}`);
    }
    const client = new Client({ name: "tasks-http", version: "1.0.0" });
    try {
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`http://${address}/mcp`), {
          requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
        }),
      );
      await fn(client);
    } finally {
      await client.close().catch(() => {});
      child.kill("SIGTERM");
      await status;
      await drain;
    }
    return;
  }
  throw new Error("no free port found");
}

async function ok<T>(client: Client, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args }) as CallToolResult;
  assert(!result.isError, `${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

Deno.test("tasks over HTTP: a render runs as a task to its end; tasks/get and tasks/result follow it", async () => {
  await withTempDir(async (dir) => {
    await writePng(`${dir}/still.png`, 64, 36);
    await withHttpClient(
      ["--allow-path", dir],
      { RESOLVE_SIM_RENDER_SECONDS: "1" },
      async (client) => {
        assert(client.getServerCapabilities()?.tasks?.requests?.tools?.call);
        await ok(client, "create_project", { name: "Tasks over HTTP" });
        const { clips } = await ok<{ clips: { id: string }[] }>(client, "import_media", {
          paths: [`${dir}/still.png`],
        });
        await ok(client, "create_timeline_from_clips", {
          name: "Cut",
          clips: [{ clip: clips[0].id }],
        });
        await ok(client, "set_render_settings", {
          settings: { TargetDir: dir, CustomName: "over_http" },
        });
        await ok(client, "add_render_job");
        const progress: number[] = [];
        // max_wait_seconds 0: the plain call would return at once; the task runs to the end.
        const { task } = await client.request(
          {
            method: "tools/call",
            params: {
              name: "start_render",
              arguments: { max_wait_seconds: 0 },
              task: { ttl: 60_000 },
            },
          },
          types.CreateTaskResultSchema,
          { onprogress: (p) => progress.push(p.progress) },
        );
        assert(["working", "completed"].includes(task.status), task.status);
        const status = async () =>
          (await client.request(
            { method: "tasks/get", params: { taskId: task.taskId } },
            types.GetTaskResultSchema,
          )).status;
        const listed = await client.request(
          { method: "tasks/list", params: {} },
          types.ListTasksResultSchema,
        );
        assert(listed.tasks.some((x) => x.taskId === task.taskId));
        const result = await client.request(
          { method: "tasks/result", params: { taskId: task.taskId } },
          types.CallToolResultSchema,
        );
        assert(!result.isError, JSON.stringify(result.content));
        const done = result.structuredContent as {
          in_progress: boolean;
          jobs: { status: string }[];
        };
        assertEquals([done.in_progress, done.jobs.map((j) => j.status)], [false, ["Complete"]]);
        assertEquals(await status(), "completed");
        const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) =>
          n.startsWith("over_http")
        );
        assertEquals(files.length, 1, files.join(", "));
        assert(Deno.statSync(`${dir}/${files[0]}`).size > 0);
        // The queue read back through the tools agrees.
        const queue = await ok<{ jobs: { status: string }[] }>(client, "render_status");
        assertEquals(queue.jobs.map((j) => j.status), ["Complete"]);
      },
    );
  });
});
