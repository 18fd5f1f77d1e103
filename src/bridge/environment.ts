// Where the bridge's Python comes from and what it sees: the interpreter, the import path
// entry for Resolve's scripting modules and the variables the child process gets. The
// finding is src/discovery.ts; this turns its answer into the bridge's options.
import type { Options } from "../cli.ts";
import {
  type AsyncHost,
  discover,
  discoverAsync,
  type Discovery,
  type Host,
  realAsyncHost,
  realHost,
} from "../discovery.ts";
import type { BridgeOptions } from "./client.ts";

export function defaultPython(): string {
  return Deno.build.os === "windows" ? "python" : "python3";
}

/** Runs discovery with the options' overrides (probing the interpreters it tries). */
export function discoverFor(options: Options, host: Host = realHost()): Discovery {
  return discover(host, {
    python: options.python,
    scriptApi: options.resolveScriptApi,
    scriptLib: options.resolveScriptLib,
    keepEnv: options.keepEnv,
  });
}

let probed: Promise<Discovery> | undefined;

/**
 * discoverFor without blocking the event loop, run once per process: every caller (the
 * server's bridge, each further host's) gets the same answer.
 */
export function discoverForAsync(
  options: Options,
  host: AsyncHost = realAsyncHost(),
): Promise<Discovery> {
  return probed ??= discoverAsync(host, {
    python: options.python,
    scriptApi: options.resolveScriptApi,
    scriptLib: options.resolveScriptLib,
    keepEnv: options.keepEnv,
  });
}

/** bridgeEnvironment after the asynchronous probe (the server's start-up path). */
export async function bridgeEnvironmentAsync(
  options: Options,
): Promise<Omit<BridgeOptions, "readOnly">> {
  return bridgeEnvironment(options, await discoverForAsync(options));
}

/** What the bridge's options are before the probe has answered (nothing probed yet). */
export function bridgeEnvironmentBefore(options: Options): Omit<BridgeOptions, "readOnly"> {
  return {
    python: options.python ?? defaultPython(),
    simulator: options.simulator,
    timeoutMs: options.timeoutMs,
    host: options.resolveHost,
    connect: options.connect,
    inappPort: options.inappPort,
    modulePath: [],
    env: {},
    switches: [],
  };
}

export function bridgeEnvironment(
  options: Options,
  found: Discovery = discoverFor(options),
): Omit<BridgeOptions, "readOnly"> {
  const interpreter = found.interpreter;
  return {
    // With no usable interpreter the named (or usual) one is still started, so the first
    // call fails with PYTHON_NOT_FOUND and its hint rather than the server failing to start.
    python: interpreter?.command ?? options.python ?? defaultPython(),
    simulator: options.simulator,
    timeoutMs: options.timeoutMs,
    host: options.resolveHost,
    connect: options.connect,
    inappPort: options.inappPort,
    // The simulator ships inside the program; for the real Resolve, its Modules folder.
    modulePath: options.simulator || !found.modulesDir ? [] : [found.modulesDir],
    // Variables known to break Python are passed as empty values (unset, for Python).
    env: { ...found.childEnv, ...interpreter?.env },
    switches: found.switches,
  };
}
