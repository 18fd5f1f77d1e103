// `probe --out FILE` records the fixed script against the simulator (as it would a real
// Resolve), written through the bridge (the server may not write); `deno task fidelity`
// replays a trace on the simulator and reports every difference.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { runStart, withTempDir } from "./harness.ts";
import { compareTraces, noArgumentReads, type Trace } from "../src/probe.ts";

const FIXTURE = new URL("./fixtures/probe_sim.json", import.meta.url).pathname;

async function fidelity(file: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-run", "--allow-env", "--allow-read", "scripts/fidelity.ts", file],
    cwd: new URL("..", import.meta.url).pathname,
    stdin: "null",
  }).output();
  return { code: out.code, stdout: new TextDecoder().decode(out.stdout) };
}

Deno.test("probe --simulator writes a trace in a scratch project it deletes again", async () => {
  await withTempDir(async (dir) => {
    const file = `${dir}/trace.json`;
    const run = await runStart(["probe", "--simulator", "--out", file]);
    assertEquals(run.code, 0, run.stderr);
    const trace = JSON.parse(await Deno.readTextFile(file)) as Trace;
    assertEquals(trace.resolve.edition, "studio");
    assertMatch(trace.resolve.version, /^\d+\.\d+/);
    assertEquals(trace.resolve.os, Deno.build.os);
    const step = (call: string) => trace.steps.filter((s) => s.call === call);
    assertEquals(step("ProjectManager.CreateProject")[0].args, ["<scratch>"]);
    assertEquals(step("ProjectManager.CloseProject")[0].value, true);
    assertEquals(step("ProjectManager.DeleteProject")[0].value, true);
    // Every no-argument read of the scratch timeline ran, handles recorded by class.
    for (const m of noArgumentReads("Timeline")) assert(step(`Timeline.${m}`).length, m);
    assertEquals(step("MediaPool.GetRootFolder")[0].value, "<Folder>");
    assertEquals(step("Timeline.GetMarkers")[1].shape, "dict");
  });
});

Deno.test("probe never replaces a file and needs an absolute --out", async () => {
  await withTempDir(async (dir) => {
    const file = `${dir}/taken.json`;
    await Deno.writeTextFile(file, "mine");
    const run = await runStart(["probe", "--simulator", "--out", file]);
    assertEquals(run.code, 1);
    assertMatch(run.stderr, /FILE_EXISTS/);
    assertEquals(await Deno.readTextFile(file), "mine");
  });
  assertEquals((await runStart(["probe", "--simulator", "--out", "trace.json"])).code, 2);
  assertEquals((await runStart(["probe", "--simulator"])).code, 2);
});

Deno.test("fidelity: the committed simulator trace replays with no differences", async () => {
  const run = await fidelity(FIXTURE);
  assertEquals(run.code, 0, run.stdout);
  assertMatch(run.stdout, /no differences/);
});

Deno.test("fidelity: a hand-edited value and shape are each reported", async () => {
  const trace = JSON.parse(await Deno.readTextFile(FIXTURE)) as Trace;
  const width = trace.steps.findIndex((s) => s.call === "Project.GetSetting");
  trace.steps[width].value = "1920";
  const markers = trace.steps.findIndex((s) => s.call === "Timeline.AddMarker");
  trace.steps[markers] = { ...trace.steps[markers], shape: "int", value: 1 };
  await withTempDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/edited.json`, JSON.stringify(trace));
    const run = await fidelity(`${dir}/edited.json`);
    assertEquals(run.code, 1, run.stdout);
    assertMatch(run.stdout, /2 differences/);
    assertMatch(run.stdout, new RegExp(`step ${width + 1} Project\\.GetSetting.*"1920"`));
    assertMatch(run.stdout, new RegExp(`step ${markers + 1} Timeline\\.AddMarker.*shape int`));
  });
});

Deno.test("compareTraces ignores dict key order and reports missing steps", () => {
  const base: Trace = {
    probe: { name: "x", version: "0", script: 1 },
    resolve: { product: "p", version: "21.0", edition: "studio", os: "linux" },
    steps: [{ call: "A.B", args: [], shape: "dict", value: { a: 1, b: 2 } }],
  };
  const other = structuredClone(base);
  other.steps[0].value = { b: 2, a: 1 };
  assertEquals(compareTraces(base, other), []);
  other.steps.push({ call: "A.C", args: [], shape: "null", value: null });
  assertEquals(compareTraces(base, other).length, 1);
});
