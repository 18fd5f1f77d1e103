// Discovery against fake install layouts for each OS: temp folders shaped like the real
// install folders, env vars pointing at them, and fake interpreters (found, missing, wrong).
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withClient } from "./harness.ts";
import {
  BREAKING_VARIABLES,
  discover,
  type Host,
  type OsName,
  type PythonInfo,
  realProbe,
} from "../src/discovery.ts";

function inTemp(fn: (dir: string) => void) {
  const dir = Deno.realPathSync(Deno.makeTempDirSync({ prefix: "resolve-mcp-discovery-" }));
  try {
    fn(dir);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

type FakePython = { version: string; bits: number; basePrefix?: string; build?: string } | string;

/** A host whose absolute paths (C:\..., /opt/...) live under `root`. */
function fakeHost(
  root: string,
  os: OsName,
  env: Record<string, string>,
  pythons: Record<string, FakePython>,
): Host & { tried: string[] } {
  const local = (path: string) => {
    const p = path.replace(/^([A-Za-z]):/, "/$1").replaceAll("\\", "/");
    return p.startsWith(root) ? p : root + p;
  };
  const tried: string[] = [];
  return {
    os,
    env,
    tried,
    probe(command, args, childEnv, paths): PythonInfo | string {
      const key = [command, ...args].join(" ");
      tried.push(key);
      // What the real interpreter would suffer: an inherited PYTHONHOME must arrive empty.
      if (!BREAKING_VARIABLES.every((n) => childEnv[n] === "" || env.KEEP === n)) {
        return "Fatal Python error: failed to get the Python codec of the filesystem encoding";
      }
      const fake = pythons[key] ?? "not found";
      if (typeof fake === "string") return fake;
      const exists = paths.map((p) => {
        try {
          Deno.statSync(local(p));
          return true;
        } catch {
          return false;
        }
      });
      return { executable: `/fake/${command}`, ...fake, exists };
    },
  };
}

function touch(root: string, path: string) {
  const p = root + path.replace(/^([A-Za-z]):/, "/$1").replaceAll("\\", "/");
  Deno.mkdirSync(p.slice(0, p.lastIndexOf("/")), { recursive: true });
  Deno.writeTextFileSync(p, "");
}

const GOOD = { version: "3.11.7", bits: 64 };

Deno.test("Linux: /opt/resolve found with python3 from PATH; PYTHONHOME is cleared", () => {
  inTemp((root) => {
    touch(root, "/opt/resolve/Developer/Scripting/Modules/DaVinciResolveScript.py");
    touch(root, "/opt/resolve/libs/Fusion/fusionscript.so");
    const host = fakeHost(root, "linux", { PYTHONHOME: "/opt/resolve/libs/python" }, {
      python3: GOOD,
    });
    const found = discover(host);
    assertEquals(found.interpreter?.command, "python3");
    assertEquals(found.interpreter?.source, "PATH");
    assertEquals(found.modulesDir, "/opt/resolve/Developer/Scripting/Modules");
    assertEquals(found.scriptLib, "/opt/resolve/libs/Fusion/fusionscript.so");
    assertEquals(found.childEnv.RESOLVE_SCRIPT_API, "/opt/resolve/Developer/Scripting");
    assertEquals(found.childEnv.RESOLVE_SCRIPT_LIB, "/opt/resolve/libs/Fusion/fusionscript.so");
    assertEquals(found.childEnv.PYTHONHOME, "");
    assertEquals(found.cleared, [{ name: "PYTHONHOME", value: "/opt/resolve/libs/python" }]);
    assertEquals(host.tried, ["python3"]);
  });
});

Deno.test("Linux: an ISO install under /home/resolve, with Resolve's own Python", () => {
  inTemp((root) => {
    touch(root, "/home/resolve/Developer/Scripting/Modules/DaVinciResolveScript.py");
    touch(root, "/home/resolve/libs/Fusion/fusionscript.so");
    const host = fakeHost(root, "linux", {}, {
      python3: "not found",
      python: { version: "2.7.18", bits: 64 },
      "/home/resolve/bin/ResolvePython": { version: "3.14.0", bits: 64 },
    });
    const found = discover(host);
    assertEquals(found.interpreter?.command, "/home/resolve/bin/ResolvePython");
    assertMatch(found.attempts[1].problem!, /2\.7\.18 is too old/);
    assertEquals(found.modulesDir, "/home/resolve/Developer/Scripting/Modules");
    assertEquals(found.scriptLib, "/home/resolve/libs/Fusion/fusionscript.so");
  });
});

Deno.test("Windows: Resolve on drive D:, python is the Store placeholder, py finds 64-bit 3.12", () => {
  inTemp((root) => {
    const scripting =
      "C:\\ProgramData\\Blackmagic Design\\DaVinci Resolve\\Support\\Developer\\Scripting";
    touch(root, `${scripting}\\Modules\\DaVinciResolveScript.py`);
    touch(root, "D:\\Program Files\\Blackmagic Design\\DaVinci Resolve\\fusionscript.dll");
    const host = fakeHost(
      root,
      "windows",
      { PROGRAMDATA: "C:\\ProgramData", PROGRAMFILES: "C:\\Program Files" },
      {
        python: "the Microsoft Store placeholder, not an installed Python",
        "py -3": { version: "3.12.4", bits: 64 },
      },
    );
    const found = discover(host);
    assertEquals(found.interpreter?.command, "py");
    assertEquals(found.interpreter?.env, { PY_PYTHON: "3.12" });
    assertEquals(found.modulesDir, `${scripting}\\Modules`);
    assertEquals(
      found.scriptLib,
      "D:\\Program Files\\Blackmagic Design\\DaVinci Resolve\\fusionscript.dll",
    );
    assertEquals(found.childEnv.RESOLVE_SCRIPT_LIB, found.scriptLib);
  });
});

Deno.test("Windows: only wrong Pythons (32-bit, Python 2) means none, each with its reason", () => {
  inTemp((root) => {
    const host = fakeHost(root, "windows", {}, {
      python: { version: "3.12.4", bits: 32 },
      "py -3": "exited with code 103: No suitable Python runtime found",
      python3: { version: "2.7.18", bits: 64 },
    });
    const found = discover(host);
    assertEquals(found.interpreter, undefined);
    const problem = (c: string) =>
      found.attempts.find((a) => [a.candidate.command, ...a.candidate.args].join(" ") === c)!
        .problem!;
    assertMatch(problem("python"), /32-bit.*64-bit/);
    assertMatch(problem("py -3"), /No suitable Python/);
    assertMatch(problem("python3"), /too old/);
    assertEquals(found.attempts.filter((a) => a.problem === "not found").length, 1);
    // Nothing could check the paths, so nothing is claimed to exist.
    assert(found.modules.every((m) => m.exists === undefined));
  });
});

Deno.test("macOS: a client's bare PATH misses python3; Homebrew's is found in its folder", () => {
  inTemp((root) => {
    const api =
      "/Library/Application Support/Blackmagic Design/DaVinci Resolve/Developer/Scripting";
    touch(root, `${api}/Modules/DaVinciResolveScript.py`);
    touch(
      root,
      "/Applications/DaVinci Resolve/DaVinci Resolve.app/Contents/Libraries/Fusion/fusionscript.so",
    );
    const host = fakeHost(root, "darwin", {}, { "/opt/homebrew/bin/python3": GOOD });
    const found = discover(host);
    assertEquals(found.interpreter?.command, "/opt/homebrew/bin/python3");
    assertEquals(found.interpreter?.source, "install folder");
    assertEquals(found.modulesDir, `${api}/Modules`);
    assertMatch(
      found.scriptLib!,
      /DaVinci Resolve\.app\/Contents\/Libraries\/Fusion\/fusionscript\.so$/,
    );
  });
});

Deno.test("RESOLVE_SCRIPT_API/LIB pointing at a custom layout win over the defaults; flags over both", () => {
  inTemp((root) => {
    touch(root, "/opt/resolve/Developer/Scripting/Modules/DaVinciResolveScript.py");
    touch(root, `/custom/Scripting/Modules/DaVinciResolveScript.py`);
    touch(root, `/custom/fusionscript.so`);
    touch(root, `/flag/Scripting/Modules/DaVinciResolveScript.py`);
    const env = {
      RESOLVE_SCRIPT_API: `${root}/custom/Scripting`,
      RESOLVE_SCRIPT_LIB: `${root}/custom/fusionscript.so`,
    };
    const host = fakeHost(root, "linux", env, { python3: GOOD });
    const found = discover(host);
    assertEquals(found.modulesDir, `${root}/custom/Scripting/Modules`);
    assertEquals(found.scriptApi, `${root}/custom/Scripting`);
    assertEquals(found.scriptLib, `${root}/custom/fusionscript.so`);
    const flagged = discover(host, { scriptApi: `${root}/flag/Scripting` });
    assertEquals(flagged.modulesDir, `${root}/flag/Scripting/Modules`);
    assertEquals(flagged.modules[0].source, "--resolve-script-api");
  });
});

Deno.test("PYTHONPATH holding the Modules folder is honoured, and not passed on", () => {
  inTemp((root) => {
    touch(root, `/elsewhere/Modules/DaVinciResolveScript.py`);
    const host = fakeHost(
      root,
      "linux",
      { PYTHONPATH: `/usr/lib/other:${root}/elsewhere/Modules` },
      {
        python3: GOOD,
      },
    );
    const found = discover(host);
    assertEquals(found.modulesDir, `${root}/elsewhere/Modules`);
    assertEquals(found.modules.find((m) => m.exists)?.source, "PYTHONPATH");
    assertEquals(found.childEnv.PYTHONPATH, "");
  });
});

Deno.test("nothing installed: the first candidate is kept (so errors name it), no library", () => {
  inTemp((root) => {
    const host = fakeHost(root, "linux", { RESOLVE_SCRIPT_API: "/nonexistent/Scripting" }, {
      python3: GOOD,
    });
    const found = discover(host);
    assertEquals(found.modulesDir, "/nonexistent/Scripting/Modules");
    assert(found.modules.every((m) => m.exists === false));
    assertEquals(found.scriptLib, undefined);
    assertEquals(found.childEnv.RESOLVE_SCRIPT_LIB, undefined);
  });
});

Deno.test("--python names the only interpreter tried; --keep-env passes a variable on", () => {
  inTemp((root) => {
    const host = fakeHost(root, "linux", { PYTHONHOME: "/my/python", KEEP: "PYTHONHOME" }, {
      "/my/python/bin/python3": GOOD,
      python3: GOOD,
    });
    const found = discover(host, { python: "/my/python/bin/python3", keepEnv: ["PYTHONHOME"] });
    assertEquals(host.tried, ["/my/python/bin/python3"]);
    assertEquals(found.interpreter?.source, "--python");
    assertEquals("PYTHONHOME" in found.childEnv, false);
    assertEquals(found.cleared, []);
  });
});

Deno.test("every probe is isolated (-E -s -S); a kept PYTHON* variable leaves out -E", () => {
  const seen: string[][] = [];
  const host: Host = {
    os: "linux",
    env: {},
    probe: (_command, _args, _env, paths, switches) => {
      seen.push(switches);
      return { ...GOOD, executable: "/usr/bin/python3", exists: paths.map(() => false) };
    },
  };
  assertEquals(discover(host).switches, ["-E", "-s", "-S", "-u"]);
  assertEquals(discover(host, { keepEnv: ["PYTHONHOME"] }).switches, ["-s", "-S", "-u"]);
  assertEquals(discover(host, { keepEnv: ["FUSION_PYTHON3_HOME"] }).switches[0], "-E");
  assertEquals(seen, [["-E", "-s", "-S", "-u"], ["-s", "-S", "-u"], ["-E", "-s", "-S", "-u"]]);
});

Deno.test("the real probe reports this machine's Python and which paths exist", () => {
  inTemp((dir) => {
    Deno.writeTextFileSync(`${dir}/here`, "");
    const info = realProbe("python3", [], { PYTHONHOME: "" }, [`${dir}/here`, `${dir}/not-here`]);
    assert(typeof info !== "string", String(info));
    assertMatch(info.version, /^3\.\d+\.\d+$/);
    assertEquals(info.exists, [true, false]);
    assertMatch(String(realProbe("python-does-not-exist", [], {}, [])), /not found/);
  });
});

Deno.test("a PYTHONHOME that breaks Python (as Fusion's does) does not reach the bridge", async () => {
  await withClient(
    { env: { PYTHONHOME: "/nonexistent/fusion/python", PYTHONPATH: "/nonexistent/lib" } },
    async (t) => {
      await t.ok("switch_page", { page: "edit" });
    },
  );
});

const RESOLVE_PYTHON =
  "C:\\Program Files\\Blackmagic Design\\DaVinci Resolve\\ResolvePython\\ResolvePython.exe";

Deno.test("Windows: Resolve's own Python comes first; FUSION_PYTHON3_HOME names its base prefix", () => {
  inTemp((root) => {
    const host = fakeHost(root, "windows", { FUSION_PYTHON3_HOME: "C:\\Other\\Python39" }, {
      [RESOLVE_PYTHON]: { ...GOOD, basePrefix: "C:\\Program Files\\Blackmagic Design\\Py" },
      python: GOOD,
    });
    const found = discover(host);
    assertEquals(host.tried, [RESOLVE_PYTHON]);
    assertEquals(
      found.interpreter?.env.FUSION_PYTHON3_HOME,
      "C:\\Program Files\\Blackmagic Design\\Py",
    );
    // Probes still run with the inherited one cleared; the bridge gets the interpreter's.
    assertEquals(found.childEnv.FUSION_PYTHON3_HOME, "");
    assertEquals(found.cleared.map((c) => c.name), ["FUSION_PYTHON3_HOME"]);
  });
});

Deno.test("Windows: a uv (python-build-standalone) python is passed over for python3", () => {
  inTemp((root) => {
    const uv = "C:\\Users\\me\\AppData\\Roaming\\uv\\python\\cpython-3.12.7-windows-x86_64-none";
    const host = fakeHost(root, "windows", {}, {
      python: { ...GOOD, basePrefix: uv, executable: `${uv}\\python.exe` } as FakePython,
      python3: { ...GOOD, basePrefix: "C:\\Python312" },
    });
    // Found before python3 on PATH, but a build that loads fusionscript is preferred.
    const found = discover(host);
    assertEquals(found.interpreter?.command, "python3");
    assertEquals(found.interpreter?.risky, undefined);
    assertEquals(found.interpreter?.env.FUSION_PYTHON3_HOME, "C:\\Python312");
    // With nothing else, the uv one is used, marked risky (doctor warns).
    const alone = discover(fakeHost(root, "windows", {}, {
      python: { ...GOOD, basePrefix: uv, executable: `${uv}\\python.exe` } as FakePython,
    }));
    assertEquals(alone.interpreter?.command, "python");
    assertMatch(alone.interpreter!.risky!, /python-build-standalone/);
  });
});

Deno.test("the real probe reports sys.base_prefix and sys.version; Linux sets no FUSION_PYTHON3_HOME", () => {
  const info = realProbe("python3", [], {}, []);
  assert(typeof info !== "string", String(info));
  assert(info.basePrefix && info.build, JSON.stringify(info));
  const found = discover({ os: "linux", env: {}, probe: realProbe });
  assertEquals(found.interpreter?.env.FUSION_PYTHON3_HOME, undefined);
});
