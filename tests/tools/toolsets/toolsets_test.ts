// The rest of the tools one call away: list_toolsets and enable_toolset over stdio.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient } from "../../harness.ts";
import { types } from "../../../src/sdk.ts";

interface Row {
  id: string;
  tools: number;
  exposed: number;
  enabled: boolean;
}

Deno.test("list_toolsets: every toolset with its counts, the default set partly loaded", async () => {
  await withClient({}, async (t) => {
    const names = new Set((await t.client.listTools()).tools.map((tool) => tool.name));
    const { toolsets } = await t.ok<{ toolsets: Row[] }>("list_toolsets");
    const ids = toolsets.map((r) => r.id);
    for (const id of ["timeline", "media", "color", "render", "api", "toolsets"]) {
      assert(ids.includes(id), id);
    }
    // What is exposed adds up to what tools/list shows.
    assertEquals(toolsets.reduce((n, r) => n + r.exposed, 0), names.size);
    assertEquals(toolsets.find((r) => r.id === "toolsets")?.enabled, true);
    assertEquals(toolsets.find((r) => r.id === "api")?.exposed, 0);
    for (const r of toolsets) assertEquals(r.enabled, r.exposed === r.tools, r.id);
  });
});

Deno.test("enable_toolset: exposes a toolset, announces tools/list_changed, its tools run", async () => {
  await withClient({}, async (t) => {
    let changed = 0;
    t.client.setNotificationHandler(types.ToolListChangedNotificationSchema, () => {
      changed++;
    });
    const before = (await t.client.listTools()).tools.map((tool) => tool.name);
    assert(!before.includes("api_resolve"));
    const result = await t.ok<{ added: string[]; notified: boolean }>("enable_toolset", {
      toolset: "api",
    });
    assert(result.added.includes("api_resolve"), JSON.stringify(result));
    assertEquals(result.notified, true);
    const after = (await t.client.listTools()).tools.map((tool) => tool.name);
    assertEquals(after.length, before.length + result.added.length);
    assertEquals(changed, 1);
    // The newly exposed tool is callable in this session.
    // (Straight through the client: the harness knows the apiMethods of the first tools/list.)
    const name = await t.client.callTool({
      name: "api_resolve",
      arguments: { method: "GetProductName" },
    });
    assert(!name.isError, JSON.stringify(name.content));
    assertEquals(typeof (name.structuredContent as { result: unknown }).result, "string");
    // Again: nothing new, no notification.
    const again = await t.ok<{ added: string[]; notified: boolean }>("enable_toolset", {
      toolset: "api",
    });
    assertEquals(again, { toolset: "api", added: [], notified: false });
    assertEquals(changed, 1);
    assertMatch(await t.error("enable_toolset", { toolset: "nope" }), /UNKNOWN_TOOLSET/);
  });
});

Deno.test("enable_toolset: a tool not exposed is refused until its toolset is enabled", async () => {
  await withClient({ args: ["--toolsets", "timeline"] }, async (t) => {
    const names = (await t.client.listTools()).tools.map((tool) => tool.name);
    assert(names.includes("list_toolsets") && names.includes("enable_toolset"));
    await assertRejects(() => t.client.callTool({ name: "list_render_presets", arguments: {} }));
    await t.ok("enable_toolset", { toolset: "render" });
    const presets = await t.client.callTool({ name: "list_render_presets", arguments: {} });
    assert(!presets.isError, JSON.stringify(presets.content));
  });
});

async function assertRejects(fn: () => Promise<unknown>) {
  let threw = false;
  try {
    await fn();
  } catch {
    threw = true;
  }
  assert(threw, "expected a rejection");
}
