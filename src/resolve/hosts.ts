// Several Resolve machines (--resolve-host NAME=ADDRESS, repeatable): one bridge per host.
// The first host's bridge is the server's own (started with the handshake); the others are
// made on first use. Each bridge restarts and fails on its own: a host that is down makes
// only the calls to it fail, never the other hosts' calls.
import type { BridgeClient } from "../bridge/client.ts";
import { fail } from "../errors.ts";

/** One configured host: the name tools use, and its address (none: this machine). */
export interface HostSpec {
  name: string;
  address?: string;
}

export class HostRegistry {
  #bridges = new Map<string, BridgeClient>();

  /**
   * `first` is the bridge of hosts[0] (already made); `make` makes the bridge of another
   * host, unstarted (it starts on its first call).
   */
  constructor(
    readonly hosts: readonly HostSpec[],
    first: BridgeClient,
    readonly make: (host: HostSpec) => BridgeClient,
  ) {
    if (!hosts.length) throw new Error("HostRegistry needs at least one host");
    this.#bridges.set(hosts[0].name, first);
  }

  /** The host names, the default (first) one first. */
  get names(): string[] {
    return this.hosts.map((h) => h.name);
  }

  get defaultName(): string {
    return this.hosts[0].name;
  }

  /** The named host (default: the first), or HOST_NOT_FOUND naming the configured ones. */
  spec(name?: string): HostSpec {
    if (name === undefined) return this.hosts[0];
    const host = this.hosts.find((h) => h.name === name);
    if (!host) {
      fail(
        "HOST_NOT_FOUND",
        `no Resolve host named "${name}"; this server drives ${
          this.names.map((n) => `"${n}"`).join(", ")
        }`,
        "Use one of those names (list_hosts shows them and whether each answers), or add the machine with --resolve-host NAME=ADDRESS and restart the server.",
      );
    }
    return host;
  }

  /** The bridge of the named host (default: the first), made on first use. */
  bridge(name?: string): BridgeClient {
    const host = this.spec(name);
    let bridge = this.#bridges.get(host.name);
    if (!bridge) {
      bridge = this.make(host);
      this.#bridges.set(host.name, bridge);
    }
    return bridge;
  }

  /** Stops every bridge made, the default host's too. */
  async close(): Promise<void> {
    await Promise.all([...this.#bridges.values()].map((b) => b.close().catch(() => {})));
  }
}
