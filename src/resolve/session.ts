// What tools see of Resolve: calls on API objects through the bridge, batched where a tool
// needs several values, with every handle released when the tool call ends.
import type { BridgeClient } from "../bridge/client.ts";
import { fail } from "../errors.ts";
import {
  type BatchCall,
  call,
  type Handle,
  isHandle,
  mapCall,
  type MapMethod,
  ref,
} from "./wire.ts";

/** One tool call's view of Resolve. */
export class ResolveSession {
  #seen = new Set<number>();
  /** In trace mode (tests): every `Class.Method` this session's calls ran, in order. */
  readonly called = new Set<string>();
  /** In trace mode: how many API calls this session's requests made (cached lists: none). */
  callCount = 0;
  #ran = (methods: string[], calls?: number) => {
    for (const m of methods) this.called.add(m);
    this.callCount += calls ?? 0;
  };

  constructor(readonly bridge: BridgeClient) {}

  /** The `resolve` root object. */
  async root(): Promise<Handle> {
    return (await this.bridge.connection()).root;
  }

  async call(target: Handle, method: string, ...args: unknown[]): Promise<unknown> {
    const [result] = await this.batch([call(target, method, ...args)]);
    return result;
  }

  /** Several calls in one round trip; `ref(i)` refers to the result of call i. */
  async batch(calls: BatchCall[]): Promise<unknown[]> {
    if (calls.length === 0) return [];
    const results = await this.bridge.call(calls, undefined, this.#ran);
    this.#collect(results);
    return results;
  }

  /** Calls the same methods on each object in one round trip: one row per object. */
  async map(objects: Handle[], methods: MapMethod[]): Promise<unknown[][]> {
    if (objects.length === 0) return [];
    const [rows] = await this.batch([mapCall(objects, methods)]);
    return rows as unknown[][];
  }

  /** Follows a chain of getters from the root: chain("GetProjectManager", "GetCurrentProject"). */
  async chain(...methods: string[]): Promise<unknown[]> {
    const root = await this.root();
    return await this.batch(
      methods.map((m, i) => call(i === 0 ? root : ref(i - 1), m)),
    );
  }

  async projectManager(): Promise<Handle> {
    const [pm] = await this.chain("GetProjectManager");
    return pm as Handle;
  }

  /** The loaded project, or a tool error saying how to get one. */
  async project(): Promise<Handle> {
    const [, project] = await this.chain("GetProjectManager", "GetCurrentProject");
    if (!isHandle(project)) {
      fail("NO_PROJECT", "no project is open in Resolve", "Call open_project or create_project.");
    }
    return project;
  }

  /** The current timeline of the loaded project, or a tool error saying how to get one. */
  async timeline(): Promise<{ project: Handle; timeline: Handle }> {
    const [, project, timeline] = await this.chain(
      "GetProjectManager",
      "GetCurrentProject",
      "GetCurrentTimeline",
    );
    if (!isHandle(project)) {
      fail("NO_PROJECT", "no project is open in Resolve", "Call open_project or create_project.");
    }
    if (!isHandle(timeline)) {
      fail(
        "NO_TIMELINE",
        "the current project has no current timeline",
        "Call create_timeline first (or switch to an existing timeline).",
      );
    }
    return { project, timeline };
  }

  /** Hands every handle this session saw back to the bridge. */
  close(): void {
    if (this.#seen.size) this.bridge.release([...this.#seen]);
    this.#seen.clear();
  }

  #collect(value: unknown) {
    if (typeof value !== "object" || value === null) return; // most of a listing's values
    if (Array.isArray(value)) {
      for (const v of value) if (typeof v === "object" && v !== null) this.#collect(v);
    } else if (isHandle(value)) {
      if (value.$h !== 0) this.#seen.add(value.$h);
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) this.#collect(record[key]);
    }
  }
}
