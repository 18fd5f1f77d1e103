// `doctor`: checks, in order, everything the server needs, one line each with the fix for
// what fails. The same checks run against the simulator with --simulator.
import { BridgeClient, type Connection } from "./bridge/client.ts";
import { bridgeEnvironment, discoverFor } from "./bridge/environment.ts";
import { catalog } from "./bridge/sources.ts";
import type { Options } from "./cli.ts";
import { type Discovery, type Host, type OsName, PRELUDE, realHost } from "./discovery.ts";
import { ToolError } from "./errors.ts";
import { APP_STORE_NOTE, FREE_21_1_NOTE } from "./inapp.ts";
import { NAME, VERSION } from "./version.ts";
import { databaseText, type HostReport, hostsCheck, surveyHosts } from "./doctor_hosts.ts";

export type Status = "pass" | "warn" | "fail" | "skip";

export interface Check {
  id:
    | "python"
    | "modules"
    | "library"
    | "resolve"
    | "edition"
    | "version"
    | "scripting"
    | "bridge"
    | "hosts";
  title: string;
  status: Status;
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  name: string;
  version: string;
  simulator: boolean;
  /** True when no check failed or was skipped (a warning still passes). */
  ok: boolean;
  checks: Check[];
}

/** Runs a short Python snippet with the interpreter discovery chose; its marked output line. */
export type Runner = (code: string, args: string[]) => Promise<string>;

const TITLES: Record<Check["id"], string> = {
  python: "Python interpreter",
  modules: "scripting modules",
  library: "fusionscript library",
  resolve: "Resolve running and answering",
  edition: "edition",
  version: "Resolve version",
  scripting: "scripting connection",
  bridge: "bridge round trip",
  hosts: "every Resolve host and its database",
};

const LOAD_LIBRARY = `import sys
try:
    import importlib.machinery, importlib.util
    path = sys.argv[1]
    loader = importlib.machinery.ExtensionFileLoader("fusionscript", path)
    spec = importlib.util.spec_from_file_location("fusionscript", path, loader=loader)
    loader.exec_module(importlib.util.module_from_spec(spec))
    print("RESOLVE_MCP_RESULT ok")
except BaseException as e:
    print("RESOLVE_MCP_RESULT %s: %s" % (type(e).__name__, e))
`;

const APP_STORE_CONTAINER = `import glob, os
found = sorted(glob.glob(os.path.expanduser("~/Library/Containers/com.blackmagic-design.*/"
    "Data/Library/Application Support/Blackmagic Design/DaVinci Resolve")))
print("RESOLVE_MCP_RESULT " + (found[0] if found else "none"))
`;

const RESOLVE_PROCESS = `import os, subprocess, sys
found = "unknown"
try:
    if sys.platform.startswith("linux"):
        found = "no"
        for pid in os.listdir("/proc"):
            try:
                with open("/proc/%s/comm" % pid) as fh:
                    if fh.read().strip().lower() == "resolve":
                        found = "yes"
                        break
            except Exception:
                pass
    elif sys.platform == "darwin":
        out = subprocess.run(["/bin/ps", "-axco", "comm"], capture_output=True, text=True).stdout
        found = "yes" if any(l.strip() == "Resolve" for l in out.splitlines()) else "no"
    else:
        out = subprocess.run(["tasklist", "/FI", "IMAGENAME eq Resolve.exe", "/NH"],
                             capture_output=True, text=True).stdout
        found = "yes" if "resolve.exe" in out.lower() else "no"
except Exception:
    pass
print("RESOLVE_MCP_RESULT " + found)
`;

function pythonFix(os: OsName): string {
  const install = os === "windows"
    ? "Install 64-bit Python 3.8+ from python.org (it adds the py launcher, which is found even when Python is not on PATH)"
    : os === "darwin"
    ? "Install Python 3.8+ from python.org or Homebrew (brew install python)"
    : "Install Python 3.8+ with your package manager (e.g. sudo apt install python3)";
  return `${install}, or name an interpreter with --python (python3, python, py, or one in its usual install folder).`;
}

function realRunner(found: Discovery, timeoutMs: number): Runner {
  return async (code, args) => {
    const interpreter = found.interpreter!;
    // The probe's switches and prelude (the working folder is not code); utf-8 output, as
    // -E ignores PYTHONIOENCODING.
    const script = `${PRELUDE}\nsys.stdout.reconfigure(encoding="utf-8")\n${code}`;
    const out = await new Deno.Command(interpreter.command, {
      args: [...interpreter.args, ...found.switches, "-c", script, ...args],
      env: { ...found.childEnv, ...interpreter.env },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(timeoutMs),
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    const line = text.split(/\r?\n/).find((l) => l.startsWith("RESOLVE_MCP_RESULT "));
    if (line) return line.slice("RESOLVE_MCP_RESULT ".length);
    const err = new TextDecoder().decode(out.stderr).trim().split(/\r?\n/).slice(-1)[0];
    return `the interpreter exited with code ${out.code}${err ? `: ${err}` : ""}`;
  };
}

/** How many catalog methods are newer than this Resolve version. */
function newerMethods(version: string): number {
  const parse = (v: string) => v.replace(/b$/, "").split(".").map((n) => Number(n) || 0);
  const have = parse(version);
  let count = 0;
  for (const methods of Object.values(catalog)) {
    for (const method of Object.values(methods)) {
      const since = parse(method.since);
      for (let i = 0; i < 3; i++) {
        const a = since[i] ?? 0, b = have[i] ?? 0;
        if (a !== b) {
          if (a > b) count++;
          break;
        }
      }
    }
  }
  return count;
}

export interface DoctorDeps {
  host?: Host;
  runner?: Runner;
}

export async function runDoctor(options: Options, deps: DoctorDeps = {}): Promise<DoctorReport> {
  const host = deps.host ?? realHost();
  const found = discoverFor(options, host);
  const runner = deps.runner ?? realRunner(found, Math.min(options.timeoutMs, 20_000));
  const checks: Check[] = [];
  const add = (id: Check["id"], status: Status, detail: string, fix?: string) =>
    checks.push({ id, title: TITLES[id], status, detail, ...(fix ? { fix } : {}) });
  const sim = options.simulator;
  const py = found.interpreter;

  // 1. Interpreter.
  if (py) {
    const cleared = found.cleared.length
      ? `; cleared for it: ${found.cleared.map((c) => `${c.name}=${c.value}`).join(", ")}`
      : "";
    const fusionHome = py.env.FUSION_PYTHON3_HOME
      ? `; FUSION_PYTHON3_HOME=${py.env.FUSION_PYTHON3_HOME} (so fusionscript loads this Python)`
      : "";
    add(
      "python",
      py.risky && !sim ? "warn" : "pass",
      `Python ${py.version} (${py.bits}-bit) at ${py.executable}, via ${py.source}${
        py.source === "py launcher" ? "" : ` (${py.command})`
      }${cleared}${fusionHome}${py.risky ? `; ${py.risky}` : ""}`,
      py.risky
        ? `If Resolve crashes or the bridge dies on connecting, use Resolve's own ResolvePython (21.1+), the py launcher or a python.org build: pass it with --python. ${
          pythonFix(found.os)
        }`
        : undefined,
    );
  } else {
    const tried = found.attempts.map((a) =>
      `${[a.candidate.command, ...a.candidate.args].join(" ")}: ${a.problem}`
    ).join("; ");
    add("python", "fail", `no usable Python (${tried})`, pythonFix(found.os));
  }

  // 2. Scripting modules, 3. the library they load.
  const inapp = options.connect === "inapp";
  const auto = options.connect === "auto";
  // The Mac App Store build: sandboxed, no Developer/Scripting; only the in-app bridge works.
  const appStore = found.os === "darwin" && !sim && py
    ? await runner(APP_STORE_CONTAINER, []).then((r) => r.startsWith("/") ? r : undefined)
      .catch(() => undefined)
    : undefined;
  const appStoreDetail = appStore
    ? `the Mac App Store build (sandboxed, its folders in ${appStore}): it ships no Developer/Scripting, so external scripting cannot work; the in-app bridge can`
    : "";
  const appStoreFix =
    `Run install-inapp (it writes into the container's Scripts/Utility), start Workspace > Scripts > Utility > Resolve MCP Bridge in Resolve, and serve with --connect inapp. ${APP_STORE_NOTE}`;
  if (sim) {
    add("modules", "pass", "the simulator's DaVinciResolveScript, built into this program");
    add("library", "pass", "the simulator needs no native library");
  } else if (inapp) {
    const why = "not needed with --connect inapp: the in-app bridge runs inside Resolve";
    add("modules", "pass", appStore ? `${why}; ${appStoreDetail}` : why);
    add("library", "pass", why);
  } else if (!py) {
    add(
      "modules",
      "skip",
      "not checked: no Python to check with",
      "Fix the Python interpreter first.",
    );
    add(
      "library",
      "skip",
      "not checked: no Python to check with",
      "Fix the Python interpreter first.",
    );
  } else {
    const module = found.modules.find((m) => m.exists);
    if (module) {
      add("modules", "pass", `DaVinciResolveScript.py in ${module.path} (from ${module.source})`);
    } else if (appStore) {
      add("modules", "warn", appStoreDetail, appStoreFix);
    } else {
      add(
        "modules",
        auto ? "warn" : "fail",
        `DaVinciResolveScript.py not found in: ${found.modules.map((m) => m.path).join("; ")}${
          auto ? " (--connect auto goes on to the in-app bridge)" : ""
        }`,
        "Install DaVinci Resolve Studio. If it is installed somewhere else, pass --resolve-script-api with its Developer/Scripting folder (or set RESOLVE_SCRIPT_API).",
      );
    }
    const library = found.libraries.find((l) => l.exists);
    const libFix =
      "Pass --resolve-script-lib with the path of fusionscript (fusionscript.dll on Windows, fusionscript.so elsewhere, beside Resolve's program files), or set RESOLVE_SCRIPT_LIB.";
    if (!library && appStore) {
      add("library", "warn", "not part of the Mac App Store build; the in-app bridge needs none");
    } else if (!library) {
      add(
        "library",
        auto ? "warn" : "fail",
        `fusionscript not found at: ${found.libraries.map((l) => l.path).join("; ")}`,
        libFix,
      );
    } else {
      const result = await runner(LOAD_LIBRARY, [library.path]).catch((e) => String(e));
      if (result === "ok") {
        add(
          "library",
          "pass",
          `${library.path} loads into Python ${py.version} (from ${library.source})`,
        );
      } else {
        add(
          "library",
          "fail",
          `${library.path} does not load: ${result}`,
          `Use Resolve's own library with a 64-bit Python 3 (this one is ${py.version}, ${py.bits}-bit); ${libFix}`,
        );
      }
    }
  }

  // 4-8: Resolve itself, through the bridge the server would start.
  const where = options.resolveHost ? `at ${options.resolveHost}` : "on this machine";
  if (!py) {
    for (const id of ["resolve", "edition", "version", "scripting", "bridge"] as const) {
      add(
        id,
        "skip",
        "not checked: no Python to run the bridge",
        "Fix the Python interpreter first.",
      );
    }
    return report(sim, checks);
  }
  const bridge = new BridgeClient({ ...bridgeEnvironment(options, found), readOnly: true });
  try {
    const started = performance.now();
    let hello: { python?: string; bits?: number; pid?: number } | undefined;
    let helloError: string | undefined;
    try {
      hello = await bridge.request("hello", {}) as typeof hello;
    } catch (e) {
      helloError = e instanceof ToolError ? `${e.code}: ${e.message}` : String(e);
    }
    let connection: Connection | undefined;
    let connectError: ToolError | undefined;
    if (hello) {
      try {
        connection = await bridge.connection();
      } catch (e) {
        connectError = e instanceof ToolError
          ? e
          : new ToolError({ code: "BRIDGE_ERROR", message: String(e) });
      }
    }
    if (connection) {
      add(
        "resolve",
        "pass",
        `${connection.product} ${connection.version} answered ${sim ? "(simulated)" : where}`,
      );
      const studio = /studio/i.test(connection.product);
      if (studio) add("edition", "pass", "Studio: every tool is available");
      else if (atLeast(connection.version, [21, 1])) {
        add(
          "edition",
          "fail",
          `the free edition ${connection.version}: from 21.1 on Python scripting (external and in-app) is a Studio feature`,
          FREE_21_1_NOTE,
        );
      } else {
        add(
          "edition",
          "warn",
          connection.via === "inapp"
            ? "the free edition, through the in-app bridge: Studio-only features (e.g. some render formats, noise reduction, Magic Mask, voice isolation) fail"
            : "the free edition: Studio-only features fail, and recent free versions accept scripts only from inside Resolve",
          connection.via === "inapp"
            ? "Use DaVinci Resolve Studio for the Studio-only features."
            : `Use DaVinci Resolve Studio for the full set of tools. ${FREE_EDITION_FIX}`,
        );
      }
      const newer = newerMethods(connection.version);
      add(
        "version",
        "pass",
        `${connection.version}${
          newer ? `; ${newer} of the API methods the tools use are newer and unavailable` : ""
        }`,
      );
      add(
        "scripting",
        "pass",
        sim
          ? "simulated Resolve accepts external scripts"
          : connection.via === "inapp"
          ? `through the in-app bridge on 127.0.0.1:${connection.port} (${connection.script}, running in Resolve)`
          : `through external scripting (${
            options.resolveHost ? "Network" : "Local or Network"
          }, on in Resolve's preferences)`,
      );
      try {
        const t0 = performance.now();
        const [, , name, db] = await bridge.call([
          { h: 0, m: "GetProjectManager" },
          { h: { $r: 0 }, m: "GetCurrentProject" },
          { h: { $r: 1 }, m: "GetName" },
          { h: { $r: 0 }, m: "GetCurrentDatabase" },
        ]);
        const callMs = Math.round(performance.now() - t0);
        // The server's own data folder (checkpoints: src/resolve/checkpoints.ts), outside
        // every folder the user allows; the bridge owns it.
        const store = await bridge.request("checkpoints", { action: "dir" })
          .catch(() => undefined) as { dir?: string; exists?: boolean } | undefined;
        add(
          "bridge",
          "pass",
          `hello, connect and a call (current project: ${JSON.stringify(name)}, database: ${
            databaseText(db as HostReport["database"])
          }) in ${
            Math.round(performance.now() - started)
          } ms; the call alone ${callMs} ms (Python pid ${hello?.pid}); checkpoints are kept in ${
            store?.dir ?? "(unknown)"
          }${store && !store.exists ? " (made on the first checkpoint)" : ""}`,
        );
      } catch (e) {
        add(
          "bridge",
          "fail",
          `a call failed: ${e instanceof ToolError ? `${e.code}: ${e.message}` : String(e)}`,
          "Run with --log-level debug to see the bridge's messages, and report it.",
        );
      }
    } else if (helloError) {
      add("resolve", "fail", `the bridge did not start: ${helloError}`, pythonFix(found.os));
      for (const id of ["edition", "version", "scripting", "bridge"] as const) {
        add(id, "skip", "not checked: the bridge did not start");
      }
    } else if (connectError?.code === "RESOLVE_UNAVAILABLE") {
      const running = options.resolveHost
        ? "unknown"
        : await runner(RESOLVE_PROCESS, []).catch(() => "unknown");
      const scriptingFix = (options.resolveHost
        ? `On the machine ${options.resolveHost}: Preferences > System > General > External scripting using: Network, restart Resolve, and let TCP port 1144 through its firewall.`
        : "In Resolve: Preferences > System > General > External scripting using: Local, then restart Resolve.") +
        ` ${FREE_EDITION_FIX}`;
      if (running === "no") {
        add(
          "resolve",
          "fail",
          `DaVinci Resolve is not running ${where}`,
          "Start DaVinci Resolve Studio, wait for the Project Manager, and run doctor again.",
        );
        for (const id of ["edition", "version", "scripting"] as const) {
          add(id, "skip", "not checked: Resolve is not running");
        }
      } else {
        add(
          "resolve",
          "fail",
          `DaVinci Resolve ${running === "yes" ? "is running but " : ""}did not answer ${where}`,
          running === "yes"
            ? `Turn on external scripting (below); the free edition refuses external scripts. ${FREE_EDITION_FIX}`
            : `Start DaVinci Resolve Studio ${where}; if it is running, turn on external scripting (below).`,
        );
        add(
          "edition",
          "skip",
          "not known until Resolve answers; the free edition refuses external scripts, which looks like this",
          "Use DaVinci Resolve Studio.",
        );
        add("version", "skip", "not known until Resolve answers");
        add(
          "scripting",
          "fail",
          "Resolve refused the connection: external scripting looks off",
          scriptingFix,
        );
      }
      add(
        "bridge",
        "skip",
        `the bridge answers (Python ${hello?.python}, pid ${hello?.pid}); no call without Resolve`,
      );
    } else {
      add(
        "resolve",
        "fail",
        `${connectError?.code}: ${connectError?.message}`,
        connectError?.code === "MODULE_NOT_FOUND"
          ? appStore
            ? appStoreFix
            : `Fix the scripting modules and the fusionscript library (checks 2 and 3).${
              auto ? ` ${FREE_EDITION_FIX}` : ""
            }`
          : connectError?.hint ?? "Run with --log-level debug for the bridge's messages.",
      );
      for (const id of ["edition", "version", "scripting", "bridge"] as const) {
        add(
          id,
          "skip",
          connectError?.code?.startsWith("INAPP_")
            ? "not checked: the in-app bridge did not answer"
            : "not checked: Resolve's scripting module did not load",
        );
      }
    }
  } finally {
    await bridge.close();
  }
  // 9 (with several --resolve-host): every host, and the database each is connected to.
  if (options.resolveHosts.length > 1) {
    const reports = await surveyHosts(options.resolveHosts, {
      ...bridgeEnvironment(options, found),
      readOnly: true,
    });
    const { status, detail, fix } = hostsCheck(reports);
    add("hosts", status, detail, fix);
  }
  return report(sim, checks);
}

function report(simulator: boolean, checks: Check[]): DoctorReport {
  return {
    name: NAME,
    version: VERSION,
    simulator,
    ok: checks.every((c) => c.status === "pass" || c.status === "warn"),
    checks,
  };
}

const FREE_EDITION_FIX =
  "With the free edition up to 21.0.x, which refuses external scripts, use the in-app bridge: run install-inapp, start Workspace > Scripts > Utility > Resolve MCP Bridge in Resolve, and serve with --connect inapp (free 21.1+ allows no Python scripting at all).";

/** version "21.1.0" (or "21.1b") at least [major, minor]. */
function atLeast(version: string, [major, minor]: [number, number]): boolean {
  const [a, b] = version.replace(/b$/, "").split(".").map((n) => Number(n) || 0);
  return a > major || (a === major && (b ?? 0) >= minor);
}

const MARKS: Record<Status, string> = { pass: "ok  ", warn: "warn", fail: "FAIL", skip: "skip" };

export function formatReport(report: DoctorReport): string {
  const lines = [
    `${report.name} ${report.version} doctor${report.simulator ? " (simulator)" : ""}`,
  ];
  report.checks.forEach((c, i) => {
    lines.push(`${MARKS[c.status]} ${i + 1}. ${c.title}: ${c.detail}`);
    if (c.fix && c.status !== "pass") lines.push(`        fix: ${c.fix}`);
  });
  const failed = report.checks.filter((c) => c.status === "fail").length;
  lines.push(
    report.ok
      ? "All checks passed."
      : `${failed} check${failed === 1 ? "" : "s"} failed; fix the first one and run doctor again.`,
  );
  return lines.join("\n");
}
