// `install-inapp`: writes the in-app bridge script into Resolve's Scripts folder. Python does
// the writing (bridge/inapp_install.py, run through the same bootstrap as the bridge), so the
// server itself keeps running without any file permission.
import { bridgeEnvironment } from "./bridge/environment.ts";
import { spawnBootstrap } from "./bridge/client.ts";
import { catalog, INSTALL_MODULES } from "./bridge/sources.ts";
import type { Options } from "./cli.ts";
import { NAME } from "./version.ts";

export interface InstallResult {
  ok: boolean;
  /** What was written (when ok). */
  script?: string;
  settings?: string;
  port?: number;
  replaced?: boolean;
  build?: string;
  idleMinutes?: number;
  menu?: string;
  /** Which Resolve's folder: "download", "app-store" (the Mac App Store's sandbox), "custom". */
  edition?: "download" | "app-store" | "custom";
  /** Why not (when not ok). */
  error?: { code: string; message: string };
}

export async function installInApp(options: Options): Promise<InstallResult> {
  const { python, switches, env } = bridgeEnvironment(options);
  let child: Deno.ChildProcess;
  try {
    child = spawnBootstrap(python, switches, env);
  } catch (e) {
    return failure("PYTHON_NOT_FOUND", `could not start "${python}": ${(e as Error).message}`);
  }
  const header = {
    modules: INSTALL_MODULES,
    main: "inapp_install",
    config: { catalog, port: options.inappPort, scriptsDir: options.scriptsDir },
  };
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(header) + "\n"));
  await writer.close();
  const out = await child.output();
  const text = new TextDecoder().decode(out.stdout).trim();
  try {
    const reply = JSON.parse(text.split("\n").pop() ?? "");
    if (reply.ok) return { ok: true, ...reply.ok };
    if (reply.err) return failure(reply.err.code, reply.err.message);
  } catch { /* reported below */ }
  const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop();
  return failure("INSTALL_FAILED", `the installer exited with code ${out.code}: ${err ?? text}`);
}

function failure(code: string, message: string): InstallResult {
  return { ok: false, error: { code, message } };
}

export function formatInstall(result: InstallResult): string {
  if (!result.ok) {
    return `${NAME} install-inapp failed: ${result.error!.code}: ${result.error!.message}
Pass Resolve's Scripts folder with --scripts-dir if it is not the usual one, or another
interpreter with --python; run doctor to see which Python is used.
${FREE_21_1_NOTE}`;
  }
  return `${result.replaced ? "Replaced" : "Installed"} the in-app bridge:
  script:   ${result.script}
  settings: ${result.settings} (port ${result.port} and this install's secret; yours only)
Next:
  1. In DaVinci Resolve choose ${result.menu}.
     Workspace > Console then says "listening on 127.0.0.1:${result.port}".${
    result.replaced
      ? `
     If the previous script is still running there, run it twice: once to stop the old
     one, once to start the new one (it has a new secret).`
      : ""
  }
  2. Serve with --connect inapp (or auto: external scripting first). For your client's
     snippet: ${NAME} config --connect inapp
It stops when you run it again, when Resolve quits, or after ${result.idleMinutes} minutes
without a server. It serves only 127.0.0.1 and only to a server that knows the secret.${
    result.edition === "app-store" ? `\n${APP_STORE_NOTE}` : ""
  }
${FREE_21_1_NOTE}`;
}

/** The Mac App Store build runs scripts with the Python it finds itself. */
export const APP_STORE_NOTE =
  "This is the Mac App Store build (sandboxed): it runs scripts only with a Python it finds through PYTHON3HOME or at /usr/local/bin/python3, so install Python 3 from python.org (which puts it there) if Workspace > Scripts lists nothing or the Console says no Python.";

/** Blackmagic moved Python scripting to Studio in 21.1 (REFERENCE-21.1.md). */
export const FREE_21_1_NOTE =
  "Note: the free edition runs Python scripts, this bridge included, up to 21.0.x (21.0.4 is the last reported to work); in 21.1 Blackmagic moved Python scripting to Studio, so on free 21.1+ neither this script nor external scripting can work: stay on free 21.0.x, use Studio, or use --simulator.";
