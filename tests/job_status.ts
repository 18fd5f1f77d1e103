// Calls a tool with a progress callback and reports the notifications and the Resolve methods
// it ran (trace mode): for the 21.1.1 job-status readers driving progress.
import { assert } from "./assert.ts";
import { calledMethods, type TestClient } from "./harness.ts";

export async function withProgress(
  t: TestClient,
  name: string,
  args: Record<string, unknown>,
): Promise<{ progress: { progress: number; total?: number }[]; called: string[] }> {
  const progress: { progress: number; total?: number }[] = [];
  const result = await t.client.callTool(
    { name, arguments: args },
    undefined,
    { onprogress: (p: { progress: number; total?: number }) => progress.push(p) },
  );
  assert(!result.isError, JSON.stringify(result.content));
  return { progress, called: calledMethods(result as never) };
}
