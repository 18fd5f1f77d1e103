// The stdio protocol spoken raw: the server started with the start task's command, lines
// written to its stdin, replies read from its stdout. For what an SDK client never sends:
// malformed JSON-RPC and oversized messages.
import { assert, assertEquals } from "./assert.ts";
import { baseEnv, INITIALIZE, ROOT, startCommand } from "./harness.ts";

interface Reply {
  id: string | number | null;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

interface RawServer {
  /** Writes each line (an object is JSON-encoded) followed by a newline. */
  write(...lines: (string | object)[]): Promise<void>;
  /** Writes raw bytes, one write each. */
  writeBytes(...chunks: Uint8Array[]): Promise<void>;
  /**
   * Sends a ping and returns the replies that came since the last flush, before the ping's
   * answer. The server answers a malformed message at once, so its answer comes before.
   */
  flush(): Promise<Reply[]>;
  /** The answer to request `id` (waits for it). */
  reply(id: string | number): Promise<Reply>;
}

const encoder = new TextEncoder();

async function withRawServer(fn: (server: RawServer) => Promise<void>): Promise<void> {
  const [cmd, args] = startCommand(["--simulator"]);
  const child = new Deno.Command(cmd, {
    args,
    cwd: ROOT,
    env: baseEnv(),
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let stderr = "";
  const drain = (async () => {
    for await (const chunk of child.stderr.pipeThrough(new TextDecoderStream())) stderr += chunk;
  })();
  const replies: Reply[] = []; // answers only (server notifications and requests left out)
  let seen = 0;
  let ended = false;
  let wake = () => {};
  const reading = (async () => {
    let buffer = "";
    for await (const text of child.stdout.pipeThrough(new TextDecoderStream())) {
      buffer += text;
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines.filter((l) => l.trim())) {
        const message = JSON.parse(line); // stdout carries only JSON-RPC
        if (!("method" in message)) replies.push(message);
      }
      wake();
    }
    ended = true;
    wake();
  })();
  const until = async (found: () => number): Promise<number> => {
    for (;;) {
      const at = found();
      if (at >= 0) return at;
      if (ended) throw new Error(`the server stopped answering; stderr:\n${stderr}`);
      await new Promise<void>((r) => wake = r);
    }
  };
  const writer = child.stdin.getWriter();
  let pings = 0;
  const server: RawServer = {
    async write(...lines) {
      for (const line of lines) {
        const text = typeof line === "string" ? line : JSON.stringify(line);
        await writer.write(encoder.encode(text + "\n"));
      }
    },
    async writeBytes(...chunks) {
      for (const chunk of chunks) await writer.write(chunk);
    },
    async flush() {
      const id = `flush-${++pings}`;
      await server.write({ jsonrpc: "2.0", id, method: "ping" });
      const at = await until(() => replies.findIndex((r, i) => i >= seen && r.id === id));
      const since = replies.slice(seen, at);
      seen = at + 1;
      return since;
    },
    async reply(id) {
      return replies[await until(() => replies.findIndex((r) => r.id === id))];
    },
  };
  try {
    await server.write(INITIALIZE);
    await server.write({ jsonrpc: "2.0", method: "notifications/initialized" });
    assertEquals((await server.flush()).map((r) => [r.id, Boolean(r.result)]), [[1, true]]);
    await fn(server);
  } finally {
    await writer.close().catch(() => {});
    await Promise.all([child.status, reading, drain]);
  }
}

const call = (id: number | string, args: unknown) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name: "switch_page", arguments: args },
});

Deno.test("a malformed request with an id gets a JSON-RPC error with that id; a malformed notification gets none", async () => {
  await withRawServer(async (server) => {
    const requests: [object, string | number | null, number][] = [
      [{ jsonrpc: "2.0", id: 5 }, 5, -32600],
      [{ jsonrpc: "1.0", id: 6, method: "ping" }, 6, -32600],
      [{ id: 7, method: "ping" }, 7, -32600],
      [{ jsonrpc: "2.0", id: "eight", method: 8 }, "eight", -32600],
      [{ jsonrpc: "2.0", id: 9, method: "ping", params: "x" }, 9, -32600],
      [{ jsonrpc: "2.0", id: 10, method: "ping", params: 10 }, 10, -32600],
      [{ jsonrpc: "2.0", id: 11, method: "ping", params: [1] }, 11, -32602],
      [{ jsonrpc: "2.0", id: 12, method: "ping", extra: true }, 12, -32600],
      [{ jsonrpc: "2.0", id: 1.5, method: "ping" }, null, -32600],
      [{ jsonrpc: "2.0", id: null, method: "ping" }, null, -32600],
      [call(13, "page=color"), 13, -32602],
      [call(14, ["color"]), 14, -32602],
      [call(15, 15), 15, -32602],
      [{ jsonrpc: "2.0", id: 16, method: "tools/call" }, 16, -32602],
      [
        { jsonrpc: "2.0", id: 17, method: "logging/setLevel", params: { level: "loud" } },
        17,
        -32602,
      ],
      [{ jsonrpc: "2.0", id: 18, method: "logging/setLevel", params: {} }, 18, -32602],
      [
        { jsonrpc: "2.0", id: 19, method: "ping", params: { _meta: { progressToken: {} } } },
        19,
        -32602,
      ],
    ];
    await server.write(...requests.map(([message]) => message));
    // Notifications (no id): never answered, however malformed.
    await server.write(
      { jsonrpc: "2.0", method: 42 },
      { jsonrpc: "1.0", method: "notifications/initialized" },
      { jsonrpc: "2.0", method: "notifications/cancelled", params: "x" },
      { jsonrpc: "2.0", method: "notifications/roots/list_changed", params: [] },
      { method: "notifications/initialized" },
    );
    const replies = await server.flush();
    assertEquals(
      replies.map((r) => [r.id, r.error?.code]),
      requests.map(([, id, code]) => [id, code]),
    );
    for (const r of replies) {
      // A sentence, not the SDK's dump of schema issues.
      assert(r.error!.message.length > 10 && !/^\s*[[{]/.test(r.error!.message), r.error!.message);
    }
    // Still serving: a well-formed call is answered normally.
    await server.write(call(20, { page: "color" }));
    const ok = await server.reply(20);
    assertEquals((ok.result?.structuredContent as { page: string }).page, "color");
  });
});

Deno.test("a message over 4 MiB is refused with its id, and the server keeps serving", async () => {
  await withRawServer(async (server) => {
    const big = (bytes: number) => "x".repeat(bytes);
    // 50 MB, written as the TypeScript SDK writes it: the id last.
    const sdkOrder = JSON.stringify({
      method: "tools/call",
      params: { name: "switch_page", arguments: { page: big(50_000_000) } },
      jsonrpc: "2.0",
      id: 41,
    });
    // 5 MB with the id first, as most other clients write it.
    const idFirst = JSON.stringify({ ...call("forty-two", { page: big(5_000_000) }) });
    // 5 MB that is not JSON at all: no id to be found.
    const junk = big(5_000_000);
    await server.write(sdkOrder, idFirst, junk);
    const refused = await server.flush();
    assertEquals(refused.map((r) => [r.id, r.error?.code]), [
      [41, -32600],
      ["forty-two", -32600],
      [null, -32600],
    ]);

    // Just under the limit: read and handled as usual (the tool refuses the page name).
    const under = JSON.stringify(call(43, { page: big(4 * 1024 * 1024 - 200) }));
    assert(encoder.encode(under).length < 4 * 1024 * 1024);
    await server.write(under);
    const answered = await server.reply(43);
    assertEquals([answered.error, answered.result?.isError], [undefined, true]);

    // A line that arrives a byte at a time (splitting multi-byte characters) is one message.
    const bytes = encoder.encode(JSON.stringify({ jsonrpc: "2.0", id: "é🎬", method: "ping" }));
    await server.writeBytes(...[...bytes].map((b) => Uint8Array.of(b)), Uint8Array.of(10));
    assertEquals((await server.reply("é🎬")).result, {});
  });
});
