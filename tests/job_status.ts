// Calls a tool with a progress token and reports the notifications and the Resolve methods
// it ran (trace mode): for the 21.1.1 job-status readers driving progress.
import { assert } from "./assert.ts";
import { calledMethods, type TestClient } from "./harness.ts";

type Progress = { progress: number; total?: number };

export async function withProgress(
  t: TestClient,
  name: string,
  args: Record<string, unknown>,
): Promise<{ progress: Progress[]; called: string[] }> {
  // Recorded from the transport, in arrival order: the SDK client hands progress notifications
  // to `onprogress` a microtask late and forgets the token when the result arrives, so a
  // notification read in the same chunk as the result (a loaded machine) never reaches it.
  const progress: Progress[] = [];
  const transport = t.client.transport!;
  const deliver = transport.onmessage!;
  transport.onmessage = (message, extra) => {
    const m = message as { method?: string; params?: Progress };
    if (m.method === "notifications/progress" && m.params) progress.push(m.params);
    deliver(message, extra);
  };
  try {
    const result = await t.client.callTool(
      { name, arguments: args },
      undefined,
      { onprogress: () => {} },
    );
    assert(!result.isError, JSON.stringify(result.content));
    return { progress, called: calledMethods(result as never) };
  } finally {
    transport.onmessage = deliver;
  }
}
