// The README's tool tables and docs/tools.md are generated (`deno task docs`): stale docs fail.
import { assert } from "./assert.ts";

Deno.test("README tool tables and docs/tools.md match the tool definitions", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-run", "scripts/docs.ts", "--check"],
    cwd: new URL("..", import.meta.url).pathname,
    stdout: "null",
    stderr: "piped",
  }).output();
  assert(code === 0, `docs are stale; run \`deno task docs\`: ${new TextDecoder().decode(stderr)}`);
});
