// `deno task coverage`: which documented API methods the tools can reach. It starts the
// server with every toolset in trace mode, reads each tool's _meta["resolve/apiMethods"] and compares the
// union with the documented methods of bridge/methods.json (424 up to Resolve 21.1.1).
import { Client, StdioClientTransport } from "../src/sdk_client.ts";
import methods from "../bridge/methods.json" with { type: "json" };

export function documentedMethods(): string[] {
  return Object.entries(methods.classes).flatMap(([cls, list]) =>
    list.map((m: { method: string }) => `${cls}.${m.method}`)
  );
}

export async function reachableMethods(): Promise<Map<string, string[]>> {
  // Trace mode: tools/list then carries each tool's _meta["resolve/apiMethods"].
  const env: Record<string, string> = { RESOLVE_SIM_TRACE_METHODS: "1" };
  for (const name of ["PATH", "HOME", "DENO_DIR"]) {
    const v = Deno.env.get(name);
    if (v) env[name] = v;
  }
  const client = new Client({ name: "coverage", version: "1.0.0" });
  await client.connect(
    new StdioClientTransport({
      command: Deno.execPath(),
      args: [
        "task",
        "--quiet",
        "start",
        "--simulator",
        "--toolsets",
        "all",
        "--log-level",
        "error",
      ],
      cwd: new URL("..", import.meta.url).pathname,
      env,
    }),
  );
  try {
    const byMethod = new Map<string, string[]>();
    for (const tool of (await client.listTools()).tools) {
      for (const m of (tool._meta?.["resolve/apiMethods"] ?? []) as string[]) {
        byMethod.set(m, [...(byMethod.get(m) ?? []), tool.name]);
      }
    }
    return byMethod;
  } finally {
    await client.close();
  }
}

if (import.meta.main) {
  const documented = documentedMethods();
  const reachable = await reachableMethods();
  const missing = documented.filter((m) => !reachable.has(m));
  const byTaskTools = documented.filter((m) =>
    (reachable.get(m) ?? []).some((tool) => !tool.startsWith("api_"))
  );
  console.log(`${documented.length - missing.length}/${documented.length} API methods reachable`);
  console.log(
    `${byTaskTools.length}/${documented.length} also reachable through task-level tools (not only api_*)`,
  );
  if (missing.length) console.log(`not reachable:\n  ${missing.join("\n  ")}`);
  Deno.exit(missing.length ? 1 : 0);
}
