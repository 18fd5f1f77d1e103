// `deno task test`: the Deno suite (the server over stdio against the simulator) and the
// Python suite (simulator and bridge), one after the other; fails if either fails.
const root = new URL("..", import.meta.url).pathname;

async function run(label: string, cmd: string, args: string[]): Promise<boolean> {
  console.log(`\n== ${label}: ${cmd} ${args.join(" ")}`);
  const { code } = await new Deno.Command(cmd, {
    args,
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  })
    .spawn().status;
  return code === 0;
}

const python = Deno.env.get("RESOLVE_MCP_PYTHON") ??
  (Deno.build.os === "windows" ? "python" : "python3");
const deno = await run("Deno tests", Deno.execPath(), [
  "test",
  "--parallel",
  "--allow-run",
  "--allow-env",
  "--allow-read",
  "--allow-write",
  "--allow-net=127.0.0.1",
  ...(Deno.args.length ? Deno.args : ["tests/"]),
]);
const py = Deno.args.length ? true : await run("Python tests", python, [
  "-m",
  "unittest",
  "discover",
  "-s",
  "tests/python",
  "-t",
  ".",
]);
console.log(
  `\n== Deno suite ${deno ? "passed" : "FAILED"}; Python suite ${py ? "passed" : "FAILED"}`,
);
Deno.exit(deno && py ? 0 : 1);
