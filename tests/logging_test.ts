// MCP logging: a client that sets a level receives the server's log records at or above it,
// as notifications/message, and none before it asks.
import { assert, assertEquals } from "./assert.ts";
import { withClient } from "./harness.ts";
import { types } from "../src/sdk.ts";

Deno.test("logging/setLevel: records at or above the level reach the client, none before", async () => {
  await withClient({ args: ["--log-level", "debug"] }, async (t) => {
    const received: { level: string; logger?: string; data: unknown }[] = [];
    t.client.setNotificationHandler(types.LoggingMessageNotificationSchema, (n) => {
      received.push(n.params);
    });
    await t.ok("switch_page", { page: "color" });
    assertEquals(received.length, 0, "nothing is sent before the client sets a level");

    await t.client.setLoggingLevel("debug");
    await t.ok("create_project", { name: "Logged" });
    await t.error("open_project", { name: "Missing" });
    assert(
      received.some((r) => r.level === "debug" && /^create_project: /.test(String(r.data))),
      `a debug record for the call: ${JSON.stringify(received)}`,
    );
    assert(
      received.some((r) =>
        r.level === "info" && /open_project refused: PROJECT_NOT_FOUND/.test(String(r.data))
      ),
      `an info record for the refusal: ${JSON.stringify(received)}`,
    );
    for (const r of received) {
      assert(["debug", "info", "warning", "error"].includes(r.level), r.level);
      assertEquals(typeof r.data, "string");
      assert(!String(r.data).includes("{"), `placeholders are filled in: ${r.data}`);
    }

    await t.client.setLoggingLevel("error");
    const before = received.length;
    await t.ok("switch_page", { page: "edit" });
    await t.error("open_project", { name: "Still missing" });
    assert(received.slice(before).every((r) => r.level === "error"));
  });
});
