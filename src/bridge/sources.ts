// The Python sources the bridge runs, embedded so a compiled executable needs no files
// beside it (files given to `deno compile --include` cannot be read by child processes).
import bootstrap from "../../bridge/bootstrap.py" with { type: "text" };
import inappInstall from "../../bridge/inapp_install.py" with { type: "text" };
import inappRelay from "../../bridge/inapp_relay.py" with { type: "text" };
import inappServer from "../../bridge/inapp_server.py" with { type: "text" };
import resolveBridge from "../../bridge/resolve_bridge.py" with { type: "text" };
import catalog from "../../bridge/api_catalog.json" with { type: "json" };

export { bootstrap, catalog };

/** The simulator's sources (~450 KB of text), loaded only by a bridge that runs it. */
export async function simulatorModules(): Promise<Record<string, string>> {
  return (await import("./simulator_sources.ts")).SIMULATOR_MODULES;
}

export type ApiCatalog = Record<string, Record<string, ApiMethod>>;
export interface ApiMethod {
  since: string;
  signatures: string[];
  returns: string;
  returnClass: string | null;
  effect: "read" | "write" | "destructive";
  /** The Resolve version whose README deprecates this method's form (21.1: the dict forms). */
  deprecatedIn?: string;
}

export const BRIDGE_MODULES: Record<string, string> = { resolve_bridge: resolveBridge };

/** The relay to the in-app bridge (--connect inapp or auto); it extends resolve_bridge. */
export const RELAY_MODULES: Record<string, string> = {
  ...BRIDGE_MODULES,
  inapp_server: inappServer,
  inapp_relay: inappRelay,
};

/** install-inapp: writes the in-app script (resolve_bridge and inapp_server, verbatim). */
export const INSTALL_MODULES: Record<string, string> = {
  ...BRIDGE_MODULES,
  inapp_server: inappServer,
  inapp_install: inappInstall,
};
