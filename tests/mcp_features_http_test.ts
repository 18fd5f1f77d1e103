// Resumable HTTP streams: every SSE message has an event id, and a client whose stream dropped
// during a call reconnects with Last-Event-ID and gets the rest, the result included. Raw
// fetch against the start:http task's own command (on a random loopback port).
import { assert, assertEquals } from "./assert.ts";
import { startHttpServer } from "./http_server.ts";

const TOKEN = "test-token-resume-0123456789";

async function withHttp(fn: (url: string) => Promise<void>): Promise<void> {
  const server = await startHttpServer({ token: TOKEN });
  try {
    await fn(server.url);
  } finally {
    await server.stop();
  }
}

interface Event {
  id?: string;
  data: string;
}

/** Reads SSE events from a response body until `stop` says enough; the reader stays open. */
async function readEvents(
  reader: ReadableStreamDefaultReader<string>,
  stop: (events: Event[]) => boolean,
): Promise<Event[]> {
  const events: Event[] = [];
  let buffer = "";
  while (!stop(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: Event = { data: "" };
      for (const line of block.split("\n")) {
        if (line.startsWith("id:")) event.id = line.slice(3).trim();
        if (line.startsWith("data:")) event.data += line.slice(5).trim();
      }
      events.push(event);
    }
  }
  return events;
}

Deno.test("resumable HTTP: a dropped stream resumes with Last-Event-ID and delivers the result", async () => {
  await withHttp(async (url) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${TOKEN}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
    };
    const post = (body: unknown) =>
      fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
    const init = await post({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2025-11-25",
        capabilities: {},
        clientInfo: { name: "resume-test", version: "1" },
      },
    });
    const session = init.headers.get("mcp-session-id")!;
    assert(session, "a session");
    await init.body?.cancel();
    headers["mcp-session-id"] = session;
    headers["mcp-protocol-version"] = "2025-11-25";
    await (await post({ jsonrpc: "2.0", method: "notifications/initialized" })).body?.cancel();

    // A call whose stream drops after the first event (the priming event, with its id).
    const call = await post({
      jsonrpc: "2.0",
      id: 2,
      method: "tools/call",
      params: { name: "create_project", arguments: { name: "Resumed" } },
    });
    assertEquals(call.headers.get("content-type"), "text/event-stream");
    const reader = call.body!.pipeThrough(new TextDecoderStream()).getReader();
    const [priming] = await readEvents(reader, (events) => events.length >= 1);
    assert(priming.id, "every SSE message has an event id");
    assertEquals(priming.data, "");
    await reader.cancel(); // the connection drops before the result was read

    // Reconnect with the last event id seen: the result comes on the resumed stream.
    // Until the server has seen the first stream close, the SDK answers 409 (the stream still
    // has a connection): a client retries, as this does for up to 2 s.
    let resumed: Response;
    for (let tries = 0;; tries++) {
      resumed = await fetch(url, {
        method: "GET",
        headers: { ...headers, Accept: "text/event-stream", "Last-Event-ID": priming.id! },
      });
      if (resumed.status !== 409 || tries >= 40) break;
      await resumed.body?.cancel();
      await new Promise((r) => setTimeout(r, 50));
    }
    assertEquals(resumed.status, 200);
    const again = resumed.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events = await readEvents(again, (list) => list.some((e) => e.data.includes('"id":2')));
    await again.cancel();
    const result = JSON.parse(events.find((e) => e.data.includes('"id":2'))!.data);
    assertEquals(result.result.structuredContent.name, "Resumed");
    assert(events.every((e) => e.id), "replayed events keep their ids");
    // A made-up event id is refused.
    const bad = await fetch(url, {
      method: "GET",
      headers: { ...headers, Accept: "text/event-stream", "Last-Event-ID": "nope" },
    });
    assertEquals(bad.status, 400);
    await bad.body?.cancel();
    await fetch(url, { method: "DELETE", headers }).then((r) => r.body?.cancel());
  });
});
