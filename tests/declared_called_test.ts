// Declared = called: in trace mode every tool result says which Class.Methods it ran, and the
// harness (t.call) fails any call that ran a method its tool does not declare.
import { assert, assertEquals } from "./assert.ts";
import { calledMethods, checkDeclared, TRACE_ENV, withClient } from "./harness.ts";
import type { CallToolResult } from "../src/sdk.ts";

Deno.test("declared = called: a traced call reports what it ran, within its apiMethods", async () => {
  await withClient({}, async (t) => {
    const declared = new Map(
      (await t.client.listTools()).tools.map((tool) => [
        tool.name,
        (tool._meta?.["resolve/apiMethods"] ?? []) as string[],
      ]),
    );
    // Straight through the SDK client, so this checks the server, not the harness's check.
    await t.ok("create_project", { name: "Traced" });
    const result = await t.client.callTool({
      name: "get_current_project",
      arguments: {},
    }) as CallToolResult;
    assert(!result.isError, JSON.stringify(result.content));
    const called = calledMethods(result);
    assert(called.length > 0, `no resolve/called in ${JSON.stringify(result._meta)}`);
    assert(called.includes("ProjectManager.GetCurrentProject"), called.join(", "));
    const undeclared = called.filter((m) => !declared.get("get_current_project")!.includes(m));
    assertEquals(undeclared, []);
    // A failing call reports what it ran too.
    const failed = await t.client.callTool({
      name: "open_project",
      arguments: { name: "No Such Project" },
    }) as CallToolResult;
    assert(failed.isError);
    assert(Array.isArray(failed._meta?.["resolve/called"]), JSON.stringify(failed));
  });
});

Deno.test("declared = called: without trace mode results carry no resolve/called", async () => {
  await withClient({ env: { [TRACE_ENV]: "0" } }, async (t) => {
    const result = await t.call("get_current_project");
    assertEquals(result._meta?.["resolve/called"], undefined);
  });
});

function assertThrows(fn: () => void): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

Deno.test("declared = called: the harness's check throws on a method not declared", () => {
  checkDeclared("some_tool", ["Project.GetName"], ["Project.GetName", "Project.SetName"]);
  checkDeclared("some_tool", [], []);
  const error = assertThrows(
    () =>
      checkDeclared("some_tool", ["Project.GetName", "Timeline.DeleteClips"], [
        "Project.GetName",
      ]),
  );
  assert(/some_tool/.test(error.message) && /Timeline\.DeleteClips/.test(error.message));
  assert(!/Project\.GetName/.test(error.message), error.message);
  assertThrows(() => checkDeclared("unlisted_tool", ["Resolve.GetVersion"], undefined));
});
