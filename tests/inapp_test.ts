// The in-app bridge end to end: install-inapp writes the script, a Python process stands in
// for Resolve running it from Workspace > Scripts (with the simulator as its `resolve`), and
// the server, started with --connect inapp or auto, drives it over MCP.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { ROOT, runStart, waitFor, withClient, withTempDir } from "./harness.ts";
import { formatInstall, type InstallResult } from "../src/inapp.ts";
import type { DoctorReport } from "../src/doctor.ts";

const STANDIN = `${ROOT}tests/python/inapp_standin.py`;

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

const run = runStart;

async function install(dir: string, env: Record<string, string>, port: number) {
  const out = await run(
    ["install-inapp", "--scripts-dir", `${dir}/Scripts`, "--inapp-port", String(port), "--json"],
    env,
  );
  assertEquals(out.code, 0, out.stdout + out.stderr);
  return JSON.parse(out.stdout) as InstallResult;
}

/** "Resolve" running the installed script; its console output is collected. */
class StandIn {
  #child: Deno.ChildProcess;
  output = "";
  readonly done: Promise<Deno.CommandStatus>;

  constructor(script: string) {
    this.#child = new Deno.Command("python3", {
      args: [STANDIN, script],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    for (const stream of [this.#child.stdout, this.#child.stderr]) {
      void (async () => {
        for await (const chunk of stream.pipeThrough(new TextDecoderStream())) this.output += chunk;
      })();
    }
    this.done = this.#child.status;
  }

  async started() {
    assert(await waitFor(() => /listening on 127\.0\.0\.1/.test(this.output)), this.output);
  }

  async stop() {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already exited */ }
    await this.done;
  }
}

/** Sets up an install and its settings in a temp folder; the script running in a stand-in. */
async function withInApp(
  fn: (ctx: {
    dir: string;
    env: Record<string, string>;
    port: number;
    installed: InstallResult;
    resolve: StandIn;
  }) => Promise<void>,
) {
  await withTempDir(async (dir) => {
    // The settings file (port, secret) lives in the user's config folder.
    const env = { XDG_CONFIG_HOME: `${dir}/config` };
    const port = freePort();
    const installed = await install(dir, env, port);
    const resolve = new StandIn(installed.script!);
    try {
      await resolve.started();
      await fn({ dir, env, port, installed, resolve });
    } finally {
      await resolve.stop();
    }
  });
}

Deno.test("install-inapp writes a private script into Resolve's Scripts folder and says what next", async () => {
  await withTempDir(async (dir) => {
    const env = { XDG_CONFIG_HOME: `${dir}/config` };
    const port = freePort();
    const first = await install(dir, env, port);
    assertEquals(first.ok, true);
    assertEquals(first.script, `${dir}/Scripts/Utility/Resolve MCP Bridge.py`);
    assertEquals(first.port, port);
    assertEquals(first.replaced, false);
    assertEquals((await Deno.stat(first.script!)).mode! & 0o777, 0o600);
    assertEquals((await Deno.stat(first.settings!)).mode! & 0o777, 0o600);
    const settings = JSON.parse(await Deno.readTextFile(first.settings!));
    assertEquals(settings.port, port);
    // The secret is in the script and the settings; the wire only ever sees HMACs of it.
    assert((await Deno.readTextFile(first.script!)).includes(settings.secret));

    const again = await run(["install-inapp", "--scripts-dir", `${dir}/Scripts`], env);
    assertEquals(again.code, 0, again.stderr);
    assertMatch(again.stdout, /Replaced the in-app bridge/);
    assertMatch(again.stdout, new RegExp(`listening on 127\\.0\\.0\\.1:${port}`)); // port kept
    assertMatch(again.stdout, /Workspace > Scripts > Utility > Resolve MCP Bridge/);
    assertMatch(again.stdout, /--connect inapp/);
    const renewed = JSON.parse(await Deno.readTextFile(first.settings!));
    assert(renewed.secret !== settings.secret, "each install makes a new secret");

    const bad = await run(["install-inapp", "--scripts-dir", "relative/dir"], env);
    assertEquals(bad.code, 2);
    assertMatch(bad.stderr, /--scripts-dir must be an absolute path/);
  });
});

Deno.test("--connect inapp drives Resolve through the script running inside it", async () => {
  await withInApp(async ({ env, resolve }) => {
    await withClient({ real: true, args: ["--connect", "inapp"], env }, async (t) => {
      const created = await t.ok("create_project", { name: "Through the menu" });
      assertEquals(created.name, "Through the menu");
      const listed = await t.ok<{ current_project: string; entries: { name: string }[] }>(
        "list_projects",
      );
      assertEquals(listed.current_project, "Through the menu");
      assert(listed.entries.some((e) => e.name === "Through the menu"));
      assertMatch(
        await t.error("create_project", { name: "Through the menu" }),
        /PROJECT_EXISTS/,
      );
    });
    // The state lives in the process standing in for Resolve: a second server sees it.
    await withClient({ real: true, args: ["--connect", "inapp"], env }, async (t) => {
      const current = await t.ok<{ name: string }>("get_current_project");
      assertEquals(current.name, "Through the menu");
    });
    assertMatch(resolve.output, /the MCP server connected/);
  });
});

Deno.test("the script stopping: calls fail saying how to start it, and work once it runs again", async () => {
  await withInApp(async ({ env, installed, resolve }) => {
    await withClient({ real: true, args: ["--connect", "inapp"], env }, async (t) => {
      await t.ok("create_project", { name: "Before" });
      // Running the script again, as the user would from the menu, stops the running one.
      const again = new StandIn(installed.script!);
      assertEquals((await again.done).code, 0);
      assertMatch(again.output, /already running on port \d+: stopped it/);
      assertEquals((await resolve.done).code, 0);
      assertMatch(resolve.output, /stopped on request/);

      const error = await t.error("list_projects");
      assertMatch(error, /INAPP_UNAVAILABLE/);
      assertMatch(error, /Workspace > Scripts > Utility > Resolve MCP Bridge/);

      const restarted = new StandIn(installed.script!);
      try {
        await restarted.started();
        // A fresh Resolve (the stand-in's simulator starts empty): the call reaches it.
        const listed = await t.ok<{ entries: { name: string }[] }>("list_projects");
        assert(!listed.entries.some((e) => e.name === "Before"));
      } finally {
        await restarted.stop();
      }
    });
  });
});

Deno.test("a server with the wrong secret is refused and nothing runs in Resolve", async () => {
  await withInApp(async ({ dir, env, port }) => {
    await install(dir, env, port); // a new secret; the running script still has the old one
    await withClient({ real: true, args: ["--connect", "inapp"], env }, async (t) => {
      const error = await t.error("create_project", { name: "Intruder" });
      assertMatch(error, /INAPP_AUTH_FAILED/);
      assertMatch(error, /earlier install/);
    });
  });
});

Deno.test("--connect inapp with no script running says so; a read-only server cannot change Resolve", async () => {
  await withTempDir(async (dir) => {
    const env = { XDG_CONFIG_HOME: `${dir}/config` };
    await withClient({ real: true, args: ["--connect", "inapp"], env }, async (t) => {
      assertMatch(await t.error("list_projects"), /INAPP_NOT_INSTALLED.*install-inapp/s);
    });
  });
  await withInApp(async ({ env }) => {
    const readOnly = ["--connect", "inapp", "--read-only", "--toolsets", "all"];
    await withClient({ real: true, args: readOnly, env }, async (t) => {
      const refused = await t.error("api_project_manager", {
        method: "CreateProject",
        args: ["Sneaky"],
      });
      assertMatch(refused, /READ_ONLY/);
      const listed = await t.ok<{ entries: { name: string }[] }>("list_projects");
      assert(!listed.entries.some((e) => e.name === "Sneaky"));
    });
  });
});

Deno.test("--connect auto falls back to the in-app bridge; doctor says which connection works", async () => {
  await withInApp(async ({ dir, env, port }) => {
    // No Resolve installed for external scripting: its modules are not where they are looked for.
    const noResolve = {
      ...env,
      RESOLVE_SCRIPT_API: `${dir}/nowhere`,
      RESOLVE_SCRIPT_LIB: `${dir}/nowhere/fusionscript.so`,
    };
    await withClient({ real: true, args: ["--connect", "auto"], env: noResolve }, async (t) => {
      await t.ok("create_project", { name: "Auto" });
    });
    const doctor = await run(["doctor", "--connect", "auto", "--json"], noResolve);
    const report = JSON.parse(doctor.stdout) as DoctorReport;
    assertEquals(doctor.code, 0, doctor.stdout);
    const status = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    assertEquals(status.modules.status, "warn");
    assertMatch(status.scripting.detail, new RegExp(`in-app bridge on 127\\.0\\.0\\.1:${port}`));
    assertEquals(status.bridge.status, "pass");

    const inapp = await run(["doctor", "--connect", "inapp"], env);
    assertEquals(inapp.code, 0, inapp.stdout);
    assertMatch(inapp.stdout, /not needed with --connect inapp/);
  });
  await withTempDir(async (dir) => {
    const failed = await run(["doctor", "--connect", "inapp"], { XDG_CONFIG_HOME: dir });
    assertEquals(failed.code, 1);
    assertMatch(failed.stdout, /INAPP_NOT_INSTALLED/);
    assertMatch(failed.stdout, /install-inapp/);
  });
});

Deno.test("install-inapp says which Scripts folder it chose and that free 21.1+ has no Python scripting", async () => {
  await withTempDir(async (dir) => {
    const env = { XDG_CONFIG_HOME: `${dir}/config` };
    const installed = await install(dir, env, freePort());
    assertEquals(installed.edition, "custom");
    const text = await run(["install-inapp", "--scripts-dir", `${dir}/Scripts`], env);
    assertMatch(text.stdout, /free edition .*21\.0.*21\.1/);
  });
  // The Mac App Store build (its container chosen by the installer) finds Python its own way.
  const appStore = formatInstall({ ok: true, script: "/s.py", port: 51144, edition: "app-store" });
  assertMatch(appStore, /App Store.*PYTHON3HOME.*\/usr\/local\/bin\/python3/);
});
