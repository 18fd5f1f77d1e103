// `probe --out FILE`: records how this Resolve answers a fixed script of API calls, so the
// simulator can be matched to it (`deno task fidelity FILE` replays it there). The script
// works only inside a scratch project it creates (a unique name) and deletes, reopening the
// project that was open; outside it, it only reads. The trace stays in FILE: nothing is sent.
import { BridgeClient, type Handle, spawnBootstrap } from "./bridge/client.ts";
import { bridgeEnvironment } from "./bridge/environment.ts";
import { type ApiCatalog, catalog } from "./bridge/sources.ts";
import type { Options } from "./cli.ts";
import { ToolError } from "./errors.ts";
import { NAME, VERSION } from "./version.ts";

export interface Step {
  call: string;
  args: unknown[];
  /** "null", "bool", "int", "float", "str", "list", "dict", a class name, or "error". */
  shape: string;
  /** The value, handles as "<Class>", the scratch names as "<scratch>"; or the error code. */
  value: unknown;
}

export interface Trace {
  probe: { name: string; version: string; script: number };
  resolve: { product: string; version: string; edition: "studio" | "free"; os: string };
  steps: Step[];
}

/** Bumped whenever the script below changes: traces of another script do not compare. */
export const SCRIPT_VERSION = 1;

/** "21.1.1.10" / "21.0b" -> [21, 1, 1] / [21, 0, 0] (major.minor.patch). */
function versionParts(text: string): number[] {
  return String(text).split("/")[0].split(".").slice(0, 3).map((p) => parseInt(p, 10) || 0);
}

/** True when `since` (a catalogue version) is not newer than `version`. */
function present(since: string, version: string): boolean {
  const a = versionParts(since), b = versionParts(version);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return true;
}

/**
 * Reads from the catalogue that take no arguments, per class, in a stable order; with
 * `version`, only those that Resolve version has (a 21.0 trace has no 21.1 reads).
 */
export function noArgumentReads(cls: string, version?: string): string[] {
  return Object.entries((catalog as unknown as ApiCatalog)[cls] ?? {})
    .filter(([name, m]) =>
      m.effect === "read" && m.signatures.some((s) => s.replace(/\s/g, "") === `${name}()`) &&
      (version === undefined || present(m.since, version))
    )
    .map(([name]) => name)
    .sort();
}

/** Handles to "<Class>", the scratch name to "<scratch>", the user's project to
 * "<previous>", recursively (names differ between runs, and the user's stay private). */
function normalise(value: unknown, names: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, names));
  if (value && typeof value === "object") {
    const h = value as Partial<Handle>;
    if (typeof h.$h === "number" && typeof h.c === "string") return `<${h.c}>`;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, normalise(v, names)]),
    );
  }
  if (typeof value === "string") {
    if (names[1] && value === names[1]) return "<previous>";
    // Unique ids differ between any two runs.
    if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value)) return "<id>";
    return value.replaceAll(names[0], "<scratch>");
  }
  return value;
}

function shapeOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  if (typeof value === "string") return "str";
  const h = value as Partial<Handle>;
  return typeof h.$h === "number" && typeof h.c === "string" ? h.c : "dict";
}

/** Runs the script against the Resolve `options` reach (the simulator with --simulator). */
export async function runProbe(options: Options): Promise<Trace> {
  const bridge = new BridgeClient({ ...bridgeEnvironment(options), readOnly: false });
  const steps: Step[] = [];
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const scratch = `resolve-mcp probe ${stamp}`;
  const names = [scratch];
  // One call; its step recorded under `label` (the class of `target`).
  const call = async (target: Handle, method: string, args: unknown[] = []) => {
    let result: unknown;
    try {
      [result] = await bridge.call([{ h: target.$h, m: method, a: args }]);
      steps.push({
        call: `${target.c}.${method}`,
        args: normalise(args, names) as unknown[],
        shape: shapeOf(result),
        value: normalise(result, names),
      });
    } catch (e) {
      if (!(e instanceof ToolError)) throw e;
      result = undefined;
      steps.push({
        call: `${target.c}.${method}`,
        args: normalise(args, names) as unknown[],
        shape: "error",
        value: e.code,
      });
    }
    return result;
  };
  const handle = (
    v: unknown,
  ) => (v && typeof (v as Handle).$h === "number" ? v as Handle : undefined);
  let version: string | undefined;
  const reads = async (target: Handle | undefined) => {
    if (!target) return;
    for (const m of noArgumentReads(target.c, version)) await call(target, m);
  };
  try {
    const connection = await bridge.connection();
    version = connection.version;
    const root = connection.root;
    const pm = handle(await call(root, "GetProjectManager"))!;
    const previous = handle(await call(pm, "GetCurrentProject"));
    const previousName = previous
      ? (await bridge.call([{ h: previous.$h, m: "GetName" }]))[0] as string
      : undefined;
    if (previousName) names.push(previousName);
    await reads(root);
    // Switching projects as the tools do: the user's work is saved first.
    if (previous) await call(pm, "SaveProject");
    const project = handle(await call(pm, "CreateProject", [scratch]));
    if (!project) throw new Error(`Resolve did not create the scratch project "${scratch}"`);
    try {
      await reads(project);
      const pool = handle(await call(project, "GetMediaPool"));
      if (pool) {
        await reads(pool);
        const folder = handle(await call(pool, "GetRootFolder"));
        await reads(folder);
        if (folder) {
          const bin = handle(await call(pool, "AddSubFolder", [folder, "probe bin"]));
          if (bin) await call(bin, "GetName");
        }
        const timeline = handle(await call(pool, "CreateEmptyTimeline", ["probe timeline"]));
        if (timeline) {
          await reads(timeline);
          await call(timeline, "AddMarker", [10, "Blue", "probe", "a note", 1, ""]);
          await call(timeline, "AddMarker", [10, "Red", "again", "", 1, ""]);
          await call(timeline, "GetMarkers");
          await call(timeline, "DeleteMarkerAtFrame", [10]);
          await call(timeline, "GetMarkers");
          await call(timeline, "SetName", ["probe timeline renamed"]);
          await call(timeline, "GetName");
          await call(timeline, "SetSetting", ["useCustomSettings", "1"]);
          await call(timeline, "GetSetting", ["useCustomSettings"]);
        }
      }
      await call(project, "SetSetting", ["timelineResolutionWidth", "1280"]);
      await call(project, "GetSetting", ["timelineResolutionWidth"]);
      await call(project, "SetSetting", ["noSuchSetting", "1"]);
    } finally {
      // Back to where the user was, then the scratch project goes (Resolve deletes only a
      // project that was closed, not one merely switched away from).
      await call(pm, "CloseProject", [project]);
      if (previousName) await call(pm, "LoadProject", [previousName]);
      await call(pm, "DeleteProject", [scratch]);
    }
    return {
      probe: { name: NAME, version: VERSION, script: SCRIPT_VERSION },
      resolve: {
        product: connection.product,
        version: connection.version,
        edition: /studio/i.test(connection.product) ? "studio" : "free",
        os: Deno.build.os,
      },
      steps,
    };
  } finally {
    await bridge.close();
  }
}

/** Python writing the trace: the server has no write permission. Never replaces a file. */
const WRITE_TRACE = `import json, os

def run(out, config):
    path = config["path"]
    try:
        if not os.path.isabs(path):
            raise ValueError("the output path must be absolute")
        if not os.path.isdir(os.path.dirname(path)):
            raise ValueError("the folder %s does not exist" % os.path.dirname(path))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\\n") as f:
            f.write(config["text"])
        message = {"ok": {"path": os.path.realpath(path)}}
    except FileExistsError:
        message = {"err": {"code": "FILE_EXISTS", "message": "%s exists; name a new file" % path}}
    except (OSError, ValueError) as e:
        message = {"err": {"code": "WRITE_FAILED", "message": str(e)}}
    out.write(json.dumps(message) + "\\n")
`;

/** Writes `text` to a new file at `path` through Python; the absolute path written. */
export async function writeThroughBridge(
  options: Options,
  path: string,
  text: string,
): Promise<{ ok: true; path: string } | { ok: false; code: string; message: string }> {
  // deno-lint-ignore no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return { ok: false, code: "INVALID_PATH", message: "the path holds control characters" };
  }
  const { python, switches, env } = bridgeEnvironment(options);
  const child = spawnBootstrap(python, switches, env);
  const writer = child.stdin.getWriter();
  const header = {
    modules: { write_trace: WRITE_TRACE },
    main: "write_trace",
    config: { path, text },
  };
  await writer.write(new TextEncoder().encode(JSON.stringify(header) + "\n"));
  await writer.close();
  const out = await child.output();
  const line = new TextDecoder().decode(out.stdout).trim().split("\n").pop() ?? "";
  try {
    const reply = JSON.parse(line);
    if (reply.ok) return { ok: true, path: reply.ok.path };
    return { ok: false, code: reply.err.code, message: reply.err.message };
  } catch {
    const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop();
    return { ok: false, code: "WRITE_FAILED", message: err ?? `exit code ${out.code}` };
  }
}

/** `probe`: runs the script, writes the trace, says what it wrote; the exit code. */
export async function probeCommand(options: Options): Promise<number> {
  const say = (text: string) => Deno.stderr.writeSync(new TextEncoder().encode(text + "\n"));
  let trace: Trace;
  try {
    trace = await runProbe(options);
  } catch (e) {
    say(`probe failed: ${e instanceof ToolError ? `${e.code}: ${e.message}` : String(e)}`);
    say("Run doctor to see what is missing.");
    return 1;
  }
  const written = await writeThroughBridge(
    options,
    options.out!,
    JSON.stringify(trace, null, 2) + "\n",
  );
  if (!written.ok) {
    say(`probe could not write ${options.out}: ${written.code}: ${written.message}`);
    return 1;
  }
  const errors = trace.steps.filter((s) => s.shape === "error").length;
  say(
    `probe: ${trace.steps.length} calls (${errors} failed) on ${trace.resolve.product} ${trace.resolve.version} recorded in ${written.path}; the scratch project is deleted. Nothing was sent anywhere.`,
  );
  return 0;
}

/** Every difference between two traces of the same script, one line each. */
export function compareTraces(recorded: Trace, replayed: Trace): string[] {
  const out: string[] = [];
  if (recorded.probe.script !== replayed.probe.script) {
    out.push(`script ${recorded.probe.script} recorded, ${replayed.probe.script} replayed`);
  }
  const n = Math.max(recorded.steps.length, replayed.steps.length);
  for (let i = 0; i < n; i++) {
    const a = recorded.steps[i], b = replayed.steps[i];
    if (!a || !b) {
      out.push(`step ${i + 1}: ${a ? `${a.call} only recorded` : `${b!.call} only replayed`}`);
      continue;
    }
    const where = `step ${i + 1} ${a.call}(${JSON.stringify(a.args).slice(1, -1)})`;
    if (a.call !== b.call || JSON.stringify(a.args) !== JSON.stringify(b.args)) {
      out.push(`${where}: replayed as ${b.call}(${JSON.stringify(b.args).slice(1, -1)})`);
    } else if (a.shape !== b.shape) {
      out.push(`${where}: shape ${a.shape} in Resolve, ${b.shape} in the simulator`);
    } else if (stable(a.value) !== stable(b.value)) {
      out.push(`${where}: ${stable(a.value)} in Resolve, ${stable(b.value)} in the simulator`);
    }
  }
  return out;
}

/** JSON with sorted keys: Resolve and the simulator need not order a dict's keys alike. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${
      keys.map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(
        ",",
      )
    }}`;
  }
  return JSON.stringify(value) ?? "null";
}
