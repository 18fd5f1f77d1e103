// Resource change notices. `resources/list_changed` goes out only when the LIST of resources
// changes (a timeline added, renamed or removed; another project), not when a resource's
// content does; `notifications/resources/updated` goes to the sessions subscribed to a
// resource (the current timeline, the render queue, any other) when its content changed.
// Both are found by reading after each changing tool call and comparing with the last read;
// while a subscribed render queue shows a render in progress, it is read again every second.
import type { BridgeClient } from "./bridge/client.ts";
import { listResources, readResource } from "./resources.ts";
import type { Server } from "./mcp_server.ts";

const RENDER_QUEUE = "resolve://render/queue";
const POLL_MS = 1000;

export class ResourceWatch {
  #listSignature: string | undefined;
  /** Per session: its subscribed URIs and the last content seen of each. */
  #subscriptions = new Map<Server, Map<string, string | undefined>>();
  #running: Promise<void> | undefined;
  #again = false;
  #poll: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private bridge: BridgeClient,
    private servers: () => Iterable<Server>,
  ) {}

  /** Starts watching `uri` for `server`, remembering its content now. */
  async subscribe(server: Server, uri: string): Promise<void> {
    let subs = this.#subscriptions.get(server);
    if (!subs) this.#subscriptions.set(server, subs = new Map());
    subs.set(uri, await this.#read(uri));
    this.#schedulePoll();
  }

  unsubscribe(server: Server, uri: string): void {
    this.#subscriptions.get(server)?.delete(uri);
  }

  forget(server: Server): void {
    this.#subscriptions.delete(server);
  }

  /** The list as last seen (so the first change after start is told). */
  async prime(): Promise<void> {
    this.#listSignature ??= await this.#signature();
  }

  /**
   * After a tool call that may have changed Resolve: tells what changed. `list` also compares
   * the resource list. Calls while one runs are folded into one more run after it.
   */
  async changed(list: boolean): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return await this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#check(list);
        } while (this.#again);
      } finally {
        this.#running = undefined;
      }
    })();
    return await this.#running;
  }

  close(): void {
    if (this.#poll !== undefined) clearTimeout(this.#poll);
    this.#poll = undefined;
  }

  async #check(list: boolean): Promise<void> {
    if (list) {
      const signature = await this.#signature();
      if (this.#listSignature !== undefined && signature !== this.#listSignature) {
        for (const server of this.servers()) server.sendResourceListChanged().catch(() => {});
      }
      this.#listSignature = signature;
    }
    const cache = new Map<string, string | undefined>();
    for (const [server, subs] of this.#subscriptions) {
      for (const [uri, before] of subs) {
        if (!cache.has(uri)) cache.set(uri, await this.#read(uri));
        const now = cache.get(uri);
        if (now !== before) {
          subs.set(uri, now);
          server.sendResourceUpdated({ uri }).catch(() => {});
        }
      }
    }
    this.#schedulePoll(cache.get(RENDER_QUEUE));
  }

  /** While a watched render queue shows a render in progress, reads it every second. */
  #schedulePoll(queue?: string): void {
    if (this.#poll !== undefined) return;
    const watched = [...this.#subscriptions.values()].some((s) => s.has(RENDER_QUEUE));
    const content = queue ??
      [...this.#subscriptions.values()].find((s) => s.has(RENDER_QUEUE))?.get(RENDER_QUEUE);
    if (!watched || !content || !/"rendering":\s*true/.test(content)) return;
    const poll = setTimeout(() => {
      this.#poll = undefined;
      void this.changed(false).catch(() => {});
    }, POLL_MS);
    Deno.unrefTimer(poll as unknown as number);
    this.#poll = poll;
  }

  async #signature(): Promise<string> {
    const resources = await listResources(this.bridge);
    return JSON.stringify(resources.map((r) => [r.uri, r.name, r.title]));
  }

  async #read(uri: string): Promise<string | undefined> {
    try {
      const content = await readResource(this.bridge, uri);
      return "text" in content ? content.text : content.blob;
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  }
}
