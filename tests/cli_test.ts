// The command line: help, version, bad flags, and the real-Resolve path when Resolve is absent.
import { assertEquals, assertMatch } from "./assert.ts";
import { runStart, withClient } from "./harness.ts";
import { NAME, VERSION } from "../src/version.ts";

const run = (args: string[]) => runStart(args);

Deno.test("--version and --help print to stdout and exit 0", async () => {
  const version = await run(["--version"]);
  assertEquals(version.code, 0);
  assertEquals(version.stdout.trim(), `${NAME} ${VERSION}`);
  const help = await run(["--help"]);
  assertEquals(help.code, 0);
  for (
    const flag of [
      "--simulator",
      "--python",
      "--log-level",
      "--toolsets",
      "--read-only",
      "--allow-path",
    ]
  ) {
    assertMatch(help.stdout, new RegExp(flag));
  }
});

Deno.test("unknown flags and bad values exit 2 with a reason", async () => {
  const bad = await run(["--no-such-flag"]);
  assertEquals(bad.code, 2);
  assertMatch(bad.stderr, /no-such-flag.*--help/s);
  const level = await run(["--log-level", "loud"]);
  assertEquals(level.code, 2);
  assertMatch(level.stderr, /--log-level must be one of/);
  const toolsets = await run(["--toolsets", "nope"]);
  assertEquals(toolsets.code, 2);
  assertMatch(toolsets.stderr, /unknown toolset.*nope/);
});

Deno.test("without --simulator and without Resolve, tools fail saying why and what to do", async () => {
  await withClient(
    { real: true, env: { RESOLVE_SCRIPT_API: "/nonexistent/Scripting" } },
    async (t) => {
      const text = await t.error("switch_page", { page: "edit" });
      assertMatch(text, /MODULE_NOT_FOUND/);
      assertMatch(text, /RESOLVE_SCRIPT_API/);
      // It never falls back to the simulation: a second call fails the same way.
      assertMatch(await t.error("create_project", { name: "x" }), /MODULE_NOT_FOUND/);
    },
  );
});

Deno.test("a missing interpreter is reported as a tool error, not a crash", async () => {
  await withClient({ env: { RESOLVE_MCP_PYTHON: "python-does-not-exist" } }, async (t) => {
    const text = await t.error("switch_page", { page: "edit" });
    assertMatch(text, /PYTHON_NOT_FOUND.*--python/s);
    await t.client.ping();
  });
});
