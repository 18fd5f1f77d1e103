// `doctor`: passes on the simulator, fails with reasons and fixes when nothing is installed,
// and says which check failed for each half-installed layout.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { runStart, withTempDir } from "./harness.ts";
import { type DoctorReport, runDoctor } from "../src/doctor.ts";
import { parseOptions } from "../src/cli.ts";
import type { Host, OsName, PythonInfo } from "../src/discovery.ts";

const doctor = (args: string[], env: Record<string, string> = {}) =>
  runStart(["doctor", ...args], env);

async function doctorJson(args: string[], env: Record<string, string> = {}) {
  const run = await doctor([...args, "--json"], env);
  const report = JSON.parse(run.stdout) as DoctorReport;
  const status = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  return { ...run, report, status };
}

const ORDER = [
  "python",
  "modules",
  "library",
  "resolve",
  "edition",
  "version",
  "scripting",
  "bridge",
];

Deno.test("doctor --simulator passes every check, one line each, exit 0", async () => {
  const run = await doctor(["--simulator"]);
  assertEquals(run.code, 0, run.stdout + run.stderr);
  const lines = run.stdout.trim().split("\n");
  assertEquals(lines.length, 10); // title, 8 checks, verdict
  for (const line of lines.slice(1, 9)) assertMatch(line, /^ok {3}\d\. /);
  assertMatch(run.stdout, /DaVinci Resolve Studio 21\.1\.1/);
  assertMatch(run.stdout, /All checks passed/);
});

Deno.test("doctor --simulator --json: the checks in order, ok true", async () => {
  const { code, report } = await doctorJson(["--simulator"]);
  assertEquals(code, 0);
  assertEquals(report.ok, true);
  assertEquals(report.simulator, true);
  assertEquals(report.checks.map((c) => c.id), ORDER);
});

Deno.test("doctor --simulator: the free edition up to 21.0 is a warning naming its limits, still exit 0", async () => {
  const { code, report } = await doctorJson(["--simulator"], {
    RESOLVE_SIM_EDITION: "free",
    RESOLVE_SIM_VERSION: "21.0.4.5",
  });
  assertEquals(code, 0);
  const edition = report.checks.find((c) => c.id === "edition")!;
  assertEquals(edition.status, "warn");
  assertMatch(edition.detail, /free edition/);
  assertMatch(edition.fix!, /Studio/);
});

Deno.test("doctor --simulator: the free edition 21.1 fails, saying scripting moved to Studio", async () => {
  const { code, report } = await doctorJson(["--simulator"], { RESOLVE_SIM_EDITION: "free" });
  assertEquals(code, 1);
  const edition = report.checks.find((c) => c.id === "edition")!;
  assertEquals(edition.status, "fail");
  assertMatch(edition.detail, /21\.1.*Studio feature/s);
});

Deno.test("doctor --simulator works though PYTHONHOME points at a broken Python (it is cleared)", async () => {
  const { code, report } = await doctorJson(["--simulator"], {
    PYTHONHOME: "/nonexistent/fusion/python",
  });
  assertEquals(code, 0, JSON.stringify(report, null, 2));
  assertMatch(report.checks[0].detail, /cleared for it: PYTHONHOME=\/nonexistent\/fusion\/python/);
});

Deno.test("doctor with nothing installed fails, saying what is missing and how to fix it", async () => {
  const run = await doctor([], { RESOLVE_SCRIPT_API: "/nonexistent/Scripting" });
  assertEquals(run.code, 1);
  assertMatch(
    run.stdout,
    /FAIL 2\. scripting modules: DaVinciResolveScript\.py not found in: \/nonexistent\/Scripting\/Modules/,
  );
  assertMatch(run.stdout, /fix: .*--resolve-script-api/);
  assertMatch(run.stdout, /FAIL 3\. fusionscript library: .*not found/);
  assertMatch(run.stdout, /fix: .*--resolve-script-lib/);
  assertMatch(run.stdout, /checks failed/);
  const { status } = await doctorJson([], { RESOLVE_SCRIPT_API: "/nonexistent/Scripting" });
  assertEquals(status.python, "pass");
  assertEquals(status.modules, "fail");
  assertEquals(status.bridge, "skip");
});

Deno.test("doctor without a usable Python fails the first check and skips the rest", async () => {
  const { code, report, status } = await doctorJson([], {
    RESOLVE_MCP_PYTHON: "python-does-not-exist",
  });
  assertEquals(code, 1);
  assertEquals(status.python, "fail");
  assertMatch(report.checks[0].fix!, /Install Python 3\.8\+.*--python/);
  assert(report.checks.slice(1).every((c) => c.status === "skip"));
});

Deno.test("doctor on a fake install: modules found, a library that does not load, Resolve not running", async () => {
  await withTempDir(async (dir) => {
    const api = `${dir}/Developer/Scripting`;
    await Deno.mkdir(`${api}/Modules`, { recursive: true });
    // Like Blackmagic's loader when Resolve is not running: the module imports, scriptapp is None.
    await Deno.writeTextFile(
      `${api}/Modules/DaVinciResolveScript.py`,
      "def scriptapp(*args):\n    return None\n",
    );
    await Deno.writeTextFile(`${dir}/fusionscript.so`, "not a library");
    const { code, report, status } = await doctorJson([], {
      RESOLVE_SCRIPT_API: api,
      RESOLVE_SCRIPT_LIB: `${dir}/fusionscript.so`,
    });
    assertEquals(code, 1);
    assertEquals(status.modules, "pass");
    assertEquals(status.library, "fail");
    assertMatch(report.checks[2].detail, /does not load/);
    assertEquals(status.resolve, "fail");
    assertMatch(report.checks[3].detail, /not running|did not answer/);
    assertMatch(report.checks[3].fix!, /Start DaVinci Resolve|external scripting/);
  });
});

Deno.test("doctor takes no arguments; a bad flag still exits 2", async () => {
  const run = await doctor(["extra"]);
  assertEquals(run.code, 2);
  assertMatch(run.stderr, /doctor takes no arguments/);
});

Deno.test("doctor --simulator: the free edition 21.1+ fails, saying Python scripting moved to Studio", async () => {
  const { code, report } = await doctorJson(["--simulator"], {
    RESOLVE_SIM_EDITION: "free",
    RESOLVE_SIM_VERSION: "21.1.0",
  });
  assertEquals(code, 1);
  const edition = report.checks.find((c) => c.id === "edition")!;
  assertEquals(edition.status, "fail");
  assertMatch(edition.fix!, /21\.0/);
});

/** A host whose one interpreter is this machine's python3, reported as `info` says. */
function hostOf(os: OsName, info: Partial<PythonInfo>): Host {
  return {
    os,
    env: {},
    probe: (command, _args, _env, paths) =>
      command === "python3" || command === "py"
        ? {
          version: "3.11.7",
          bits: 64,
          executable: "/usr/bin/python3",
          ...info,
          exists: paths.map(() => false),
        }
        : "not found",
  };
}

Deno.test("doctor on a Mac App Store install: says which build, that only the in-app bridge works", async () => {
  const container =
    "/Users/me/Library/Containers/com.blackmagic-design.DaVinciResolveLite/Data/Library/Application Support/Blackmagic Design/DaVinci Resolve";
  const report = await runDoctor(parseOptions([]), {
    host: hostOf("darwin", {}),
    runner: (code) => Promise.resolve(code.includes("Containers") ? container : "unknown"),
  });
  const check = (id: string) => report.checks.find((c) => c.id === id)!;
  assertEquals(check("modules").status, "warn");
  assertMatch(check("modules").detail, /App Store/);
  assertMatch(check("modules").fix!, /install-inapp.*--connect inapp/);
  assertEquals(check("library").status, "warn");
  assertMatch(check("resolve").fix!, /--connect inapp/);
});

Deno.test("doctor warns about a uv (python-build-standalone) interpreter and names FUSION_PYTHON3_HOME", async () => {
  const report = await runDoctor(parseOptions([]), {
    host: hostOf("windows", {
      build: "3.11.7 (main, Oct 2024) [python-build-standalone]",
      basePrefix: "C:\\Users\\me\\uv\\python\\cpython-3.11.7",
    }),
    runner: () => Promise.resolve("unknown"),
  });
  const python = report.checks[0];
  assertEquals(python.status, "warn");
  assertMatch(python.detail, /FUSION_PYTHON3_HOME=C:\\Users\\me\\uv/);
  assertMatch(python.fix!, /ResolvePython.*py launcher/);
});
