// The single-file bundle (`deno task bundle`) runs with `deno run` and the start task's
// permissions, with nothing read from beside it; the compile tasks bake in the same flags.
import denoJson from "../deno.json" with { type: "json" };
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { baseEnv, ROOT, withTempDir } from "./harness.ts";
import { splitCommandLine, startFlags } from "../src/client_config.ts";
import { allowedRunCommands, BREAKING_VARIABLES, READ_VARIABLES } from "../src/discovery.ts";
import { Client, StdioClientTransport } from "../src/sdk_client.ts";
import type { CallToolResult } from "../src/sdk.ts";
import { NAME, VERSION } from "../src/version.ts";

const TARGETS = [
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
  "x86_64-pc-windows-msvc",
];
const tasks = denoJson.tasks as Record<string, string>;

/** Builds the bundle into `dir` (a copy of nothing else: it must stand alone). */
async function bundle(dir: string): Promise<string> {
  const file = `${dir}/${NAME}.js`;
  const words = splitCommandLine(tasks.bundle);
  assertEquals(words.slice(0, 2), ["deno", "bundle"]);
  const args = words.slice(1).map((w, i, all) => all[i - 1] === "--output" ? file : w)
    .map((w) => w === "main.ts" ? `${ROOT}main.ts` : w);
  const out = await new Deno.Command(Deno.execPath(), { args, cwd: ROOT, stdin: "null" }).output();
  assertEquals(out.code, 0, new TextDecoder().decode(out.stderr));
  return file;
}

async function runBundle(file: string, args: string[], cwd: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", ...startFlags(), file, ...args],
    cwd,
    env: baseEnv(),
    clearEnv: true,
    stdin: "null",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

Deno.test("the bundle runs from an empty folder: --version, config, doctor --simulator", async () => {
  await withTempDir(async (dir) => {
    const file = await bundle(dir);
    const version = await runBundle(file, ["--version"], dir);
    assertEquals(version.stdout.trim(), `${NAME} ${VERSION}`);
    const config = await runBundle(file, ["config", "--json"], dir);
    const out = JSON.parse(config.stdout);
    assertEquals(out.command, Deno.execPath());
    assertEquals(out.args, ["run", "--quiet", ...startFlags(), file]);
    const doctor = await runBundle(file, ["doctor", "--simulator"], dir);
    assertEquals(doctor.code, 0, doctor.stdout + doctor.stderr);
    assertMatch(doctor.stdout, /All checks passed/);
  });
});

Deno.test("the bundle serves MCP over stdio: tools/list and a tool call on the simulator", async () => {
  await withTempDir(async (dir) => {
    const file = await bundle(dir);
    const transport = new StdioClientTransport({
      command: Deno.execPath(),
      args: ["run", "--quiet", ...startFlags(), file, "--simulator"],
      cwd: dir,
      env: baseEnv(),
      stderr: "pipe",
    });
    const client = new Client({ name: "bundle-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert(tools.some((t) => t.name === "switch_page"));
      const result = await client.callTool({
        name: "switch_page",
        arguments: { page: "color" },
      }) as CallToolResult;
      assert(!result.isError, JSON.stringify(result.content));
    } finally {
      await client.close();
    }
  });
});

Deno.test("each compile task: same entry point and flags as start:http (so --http works on 127.0.0.1:8765), its target, dist/ output", () => {
  const start = splitCommandLine(tasks.start);
  const perms = startFlags(tasks, "start:http");
  assertEquals(
    perms.filter((f) => !/^--allow-net=|^--allow-env=/.test(f)),
    startFlags().filter((f) => !f.startsWith("--allow-env=")),
  );
  assert(perms.length >= 3);
  assertEquals(start.at(-1), "main.ts");
  for (const target of TARGETS) {
    const words = splitCommandLine(tasks[`compile:${target}`]);
    assertEquals(words.slice(0, 2), ["deno", "compile"]);
    assertEquals(
      words.filter((w) => perms.includes(w) || /^--(allow|deny)-|^--no-prompt$/.test(w)),
      perms,
    );
    assertEquals(words[words.indexOf("--target") + 1], target);
    assertEquals(words[words.indexOf("--output") + 1], `dist/${NAME}-${target}`);
    assert(!words.some((w) => w.startsWith("--include")), "everything is embedded by import");
    assertEquals(words.at(-1), "main.ts");
  }
  const all = tasks.compile.split("&&").map((s) => s.trim());
  assertEquals(all, TARGETS.map((t) => `deno task compile:${t}`));
});

Deno.test("the permissions stay narrow and cover every interpreter and variable discovery uses", () => {
  const perms = startFlags();
  const run = perms.find((f) => f.startsWith("--allow-run="))!.slice("--allow-run=".length).split(
    ",",
  );
  const env = perms.find((f) => f.startsWith("--allow-env="))!.slice("--allow-env=".length).split(
    ",",
  );
  assertEquals(
    run.toSorted(),
    [...new Set(["python3", "python", "py", ...allowedRunCommands()])].toSorted(),
  );
  for (
    const name of [
      ...READ_VARIABLES,
      ...BREAKING_VARIABLES,
      "RESOLVE_MCP_PYTHON",
      "RESOLVE_MCP_KEEP_ENV",
    ]
  ) {
    assert(env.includes(name), `${name} missing from --allow-env`);
  }
  assert(!perms.some((f) => /^--allow-(read|write|net|ffi|sys|all)/.test(f)), perms.join(" "));
});
