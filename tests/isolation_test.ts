// The folder a client starts the server in is not code: Python files there that shadow the
// modules the probe, the bridge and doctor import never run.
import { assert, assertEquals } from "./assert.ts";
import { runStart, withClient, withTempDir } from "./harness.ts";

/** Modules the probe, the bootstrap, the bridge, the simulator and doctor's snippets import. */
const SHADOWED = [
  "json",
  "os",
  "re",
  "struct",
  "importlib",
  "subprocess",
  "zlib",
  "marshal",
  "threading",
  "queue",
  "time",
  "socket",
  "select",
  "hashlib",
  "hmac",
  "binascii",
  "types",
  "sitecustomize",
  "usercustomize",
  "DaVinciResolveScript",
];

/** A folder of shadowing modules, each leaving a marker file beside itself if it runs. */
function plant(dir: string) {
  for (const name of SHADOWED) {
    Deno.writeTextFileSync(`${dir}/${name}.py`, `open(__file__ + ".ran", "w").close()\n`);
  }
}

function ran(dir: string): string[] {
  return [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".ran"));
}

Deno.test("Python files in the server's working folder never run (probe and bridge)", async () => {
  await withTempDir(async (dir) => {
    plant(dir);
    await withClient({ cwd: dir }, async (t) => {
      assertEquals((await t.ok("switch_page", { page: "color" })).page, "color");
    });
    assertEquals(ran(dir), []);
  });
});

Deno.test("doctor and its snippets do not run Python files in the working folder", async () => {
  await withTempDir(async (dir) => {
    const work = `${dir}/work`;
    Deno.mkdirSync(work);
    plant(work);
    // A fake install: a scripting module that finds no Resolve, a library that does not load,
    // so doctor runs its library and Resolve-process snippets and the real bridge.
    Deno.mkdirSync(`${dir}/Scripting/Modules`, { recursive: true });
    Deno.writeTextFileSync(
      `${dir}/Scripting/Modules/DaVinciResolveScript.py`,
      "def scriptapp(*args):\n    return None\n",
    );
    Deno.writeTextFileSync(`${dir}/fusionscript.so`, "not a library");
    const { stdout } = await runStart(["doctor", "--json"], {
      RESOLVE_SCRIPT_API: `${dir}/Scripting`,
      RESOLVE_SCRIPT_LIB: `${dir}/fusionscript.so`,
    }, work);
    const report = JSON.parse(stdout);
    const status = Object.fromEntries(
      report.checks.map((c: { id: string; status: string }) => [c.id, c.status]),
    );
    assertEquals(status.python, "pass");
    assertEquals(status.modules, "pass");
    assertEquals(status.library, "fail"); // the snippet ran and said why
    // The bridge ran and imported the scripting module from the Modules folder the server
    // named (not from PYTHONPATH, which Python now ignores), which found no Resolve.
    const resolve = report.checks.find((c: { id: string }) => c.id === "resolve");
    assertEquals(resolve.status, "fail");
    assert(!resolve.detail.includes("MODULE_NOT_FOUND"), resolve.detail);
    assert(!report.ok);
    assertEquals(ran(work), []);
  });
});
