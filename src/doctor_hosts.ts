// doctor with several --resolve-host: every host reached through its own bridge, with the
// project database each is connected to (a distributed render needs one shared database).
import { BridgeClient } from "./bridge/client.ts";
import type { BridgeOptions } from "./bridge/client.ts";
import type { ResolveHost } from "./cli.ts";
import { ToolError } from "./errors.ts";

export interface HostReport {
  name: string;
  address?: string;
  answered: boolean;
  product?: string;
  version?: string;
  database?: { DbType?: string; DbName?: string; IpAddress?: string };
  error?: string;
}

/** Every host at once (each its own bridge, closed after), never throwing. */
export async function surveyHosts(
  hosts: ResolveHost[],
  environment: Omit<BridgeOptions, "host">,
): Promise<HostReport[]> {
  return await Promise.all(hosts.map(async (host): Promise<HostReport> => {
    const bridge = new BridgeClient({ ...environment, host: host.address });
    try {
      const connection = await bridge.connection();
      const [, database] = await bridge.call([
        { h: connection.root.$h, m: "GetProjectManager" },
        { h: { $r: 0 }, m: "GetCurrentDatabase" },
      ]);
      return {
        name: host.name,
        address: host.address,
        answered: true,
        product: connection.product,
        version: connection.version,
        database: (database ?? {}) as HostReport["database"],
      };
    } catch (e) {
      const error = e instanceof ToolError ? `${e.code}: ${e.message}` : String(e);
      return { name: host.name, address: host.address, answered: false, error };
    } finally {
      await bridge.close();
    }
  }));
}

export function databaseText(db: HostReport["database"]): string {
  if (!db) return "no database";
  return db.DbType === "PostgreSQL"
    ? `PostgreSQL "${db.DbName}" at ${db.IpAddress ?? "?"}`
    : `${db.DbType} "${db.DbName}"`;
}

/** The doctor line: status, detail and fix for a set of host reports. */
export function hostsCheck(reports: HostReport[]): {
  status: "pass" | "warn" | "fail";
  detail: string;
  fix?: string;
} {
  const detail = reports.map((r) =>
    `${r.name}${r.address ? ` (${r.address})` : ""}: ${
      r.answered
        ? `${r.product} ${r.version} on ${databaseText(r.database)}`
        : `not answering (${r.error})`
    }`
  ).join("; ");
  const down = reports.filter((r) => !r.answered);
  if (down.length) {
    return {
      status: "fail",
      detail,
      fix: `On ${
        down.map((r) => r.name).join(", ")
      }: start DaVinci Resolve Studio, set Preferences > System > General > External scripting using: Network, restart it, and let TCP port 1144 through the firewall. Each host fails alone: the others still work.`,
    };
  }
  const shared = (r: HostReport) =>
    r.database?.DbType === "PostgreSQL" && !/^(127\.|localhost$|::1$)/i.test(
      r.database.IpAddress ?? "",
    );
  const keys = new Set(
    reports.map((r) => JSON.stringify([r.database?.DbName, r.database?.IpAddress])),
  );
  if (keys.size > 1 || !reports.every(shared)) {
    return {
      status: "warn",
      detail,
      fix:
        "distribute_render needs every host on one shared project database: connect them all to the same PostgreSQL project server by its network address (not 127.0.0.1) in Resolve's Project Manager.",
    };
  }
  return { status: "pass", detail: `${detail}: all on one shared project database` };
}
