// `deno task test`: the Deno suite (the server over stdio against the simulator) and the
// Python suite (simulator and bridge), one after the other; fails if either fails.
// The Deno tests run the bridge in trace mode (tests/harness.ts) and, with
// RESOLVE_MCP_CALLED_LOG set, log what each tool call ran; afterwards one line says how many
// declared apiMethods no test exercised (informational: it never fails the run).
import { reachableMethods } from "./coverage.ts";

const root = new URL("..", import.meta.url).pathname;

async function run(
  label: string,
  cmd: string,
  args: string[],
  env?: Record<string, string>,
): Promise<boolean> {
  console.log(`\n== ${label}: ${cmd} ${args.join(" ")}`);
  const { code } = await new Deno.Command(cmd, {
    args,
    cwd: root,
    env,
    stdout: "inherit",
    stderr: "inherit",
  })
    .spawn().status;
  return code === 0;
}

const python = Deno.env.get("RESOLVE_MCP_PYTHON") ??
  (Deno.build.os === "windows" ? "python" : "python3");
// The test processes create it (this script has no write permission), in the temp folder.
const tmp = Deno.env.get("TMPDIR") ?? Deno.env.get("TEMP") ?? "/tmp";
const calledLog = `${
  tmp.replace(/[\\/]+$/, "")
}/resolve-mcp-called-${Deno.pid}-${Date.now()}.jsonl`;
const deno = await run("Deno tests", Deno.execPath(), [
  "test",
  "--parallel",
  "--allow-run",
  "--allow-env",
  "--allow-read",
  "--allow-write",
  "--allow-net=127.0.0.1",
  ...(Deno.args.length ? Deno.args : ["tests/"]),
], { RESOLVE_MCP_CALLED_LOG: calledLog });
await unexercised();
const py = Deno.args.length ? true : await run("Python tests", python, [
  "-m",
  "unittest",
  "discover",
  "-s",
  "tests/python",
  "-t",
  ".",
]);
/** Prints how many declared methods no test call ran; the full list goes to stderr. */
async function unexercised() {
  try {
    const ran = new Set<string>();
    let text = "";
    try {
      text = await Deno.readTextFile(calledLog);
    } catch { /* no test call ran a method */ }
    for (const line of text.split("\n")) {
      if (line.trim()) { for (const m of JSON.parse(line).called as string[]) ran.add(m); }
    }
    const declared = await reachableMethods();
    const missing = [...declared.keys()].filter((m) => !ran.has(m)).sort();
    console.log(
      `\n== declared = called: ${missing.length} of ${declared.size} declared API methods were run by no test (list on stderr; log ${calledLog})`,
    );
    if (missing.length) {
      console.error(
        missing.map((m) => `   ${m} (${declared.get(m)!.join(", ")})`).join("\n"),
      );
    }
  } catch (e) {
    console.log(`\n== declared = called: no summary (${(e as Error).message})`);
  }
}

console.log(
  `\n== Deno suite ${deno ? "passed" : "FAILED"}; Python suite ${py ? "passed" : "FAILED"}`,
);
Deno.exit(deno && py ? 0 : 1);
