// Tasks (MCP 2025-11-25, the SDK's experimental support): long work a task-capable client
// starts with `tools/call` + `task`, then follows with tasks/get, tasks/result and
// tasks/cancel, with progress notifications on the call's progress token. The plain call stays
// the fallback for every other client, and these tools work the same either way.
//   - A render as a task runs to its end: while start_render / wait_for_render report jobs
//     still rendering, the task keeps following them (wait_for_render) instead of returning.
//   - Cancelling the task stops the work where Resolve can (stop_render, stop_clone_media);
//     elsewhere it stops waiting, as cancelling the plain call does.
import { loadInMemoryTaskStore } from "./sdk.ts";
import type { CallToolResult, InMemoryTaskStore, TaskStore } from "./sdk.ts";
import { logger } from "./log.ts";
export { TASK_TOOLS } from "./task_tools.ts";

const log = logger("tasks");

/** How long a finished task's result is kept when the client asks for no ttl (ms). */
export const TASK_TTL_MS = 60 * 60_000;
/** How often a client should poll tasks/get (ms). */
export const POLL_INTERVAL_MS = 1000;

type Args<K extends keyof TaskStore> = Parameters<TaskStore[K]>;

/**
 * The task store of one session: cancelling a task aborts its run (see `track`). It keeps
 * its tasks in the SDK's in-memory store, loaded when a session first uses tasks: that
 * module (and node:crypto, which it imports) cost ~9 ms of every start-up (issue 14).
 */
export class SessionTaskStore implements TaskStore {
  #runs = new Map<string, AbortController>();
  #store?: Promise<InMemoryTaskStore>;

  #inner(): Promise<InMemoryTaskStore> {
    return this.#store ??= loadInMemoryTaskStore().then((Store) => new Store());
  }

  track(taskId: string): AbortController {
    const controller = new AbortController();
    this.#runs.set(taskId, controller);
    return controller;
  }

  done(taskId: string): void {
    this.#runs.delete(taskId);
  }

  async createTask(...args: Args<"createTask">) {
    return await (await this.#inner()).createTask(...args);
  }

  async getTask(...args: Args<"getTask">) {
    return await (await this.#inner()).getTask(...args);
  }

  async storeTaskResult(...args: Args<"storeTaskResult">) {
    return await (await this.#inner()).storeTaskResult(...args);
  }

  async getTaskResult(...args: Args<"getTaskResult">) {
    return await (await this.#inner()).getTaskResult(...args);
  }

  async listTasks(...args: Args<"listTasks">) {
    return await (await this.#inner()).listTasks(...args);
  }

  async updateTaskStatus(...args: Args<"updateTaskStatus">): Promise<void> {
    await (await this.#inner()).updateTaskStatus(...args);
    const [taskId, status] = args;
    if (status === "cancelled") {
      log.info("task {id} cancelled by the client", { id: taskId });
      this.#runs.get(taskId)?.abort(new Error("task cancelled"));
    }
  }

  /** Ends every run (the session closed). */
  abortAll(): void {
    for (const controller of this.#runs.values()) controller.abort(new Error("session closed"));
    this.#runs.clear();
    this.#store?.then((store) => store.cleanup());
  }
}

/** True if a result says work is still going on (jobs still rendering). */
export function stillRunning(result: CallToolResult): boolean {
  const data = result.structuredContent as { in_progress?: unknown } | undefined;
  return !result.isError && data?.in_progress === true;
}
