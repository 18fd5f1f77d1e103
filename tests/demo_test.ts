// The README's first command: the demo session runs to its end with the default set (plus the
// one toolset it loads itself), so a change of the default set cannot break it unnoticed.
import { assertEquals, assertMatch } from "./assert.ts";
import { ROOT } from "./harness.ts";

Deno.test("deno task demo: every step behaves as expected on the simulator", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "demo"],
    cwd: ROOT,
    stdin: "null",
    env: { NO_COLOR: "1" },
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assertEquals(out.code, 0, text + new TextDecoder().decode(out.stderr));
  assertMatch(text, /Demo finished: every step behaved as expected\./);
  assertMatch(text, /refused, as expected: Error PROJECT_EXISTS/);
  assertMatch(text, /Complete: .*rough_cut_review\.mp4/);
});
