// Several simulated Resolve machines for the hosts tests: one bridge per --resolve-host,
// each a simulated Resolve (bridge/simulator/sim_hosts.py) chosen by its address, the ones
// named in RESOLVE_SIM_HOSTS sharing a project database folder.
import { type TestClient, withClient, withTempDir } from "../../harness.ts";

export interface SimHost {
  /** The database folder it shares (omit: none, the local Disk database). */
  database?: string;
  databaseName?: string;
  renderSeconds?: number;
  /** Resolve there dies at the N-th IsRenderingInProgress that answers True. */
  dieAfterPolls?: number;
}

export interface HostsWorld {
  t: TestClient;
  /** An allowed folder on "shared storage" (every simulated host sees it). */
  out: string;
  dir: string;
}

/**
 * A server driving the given hosts (--resolve-host NAME=NAME.sim, in order; the first is the
 * default), the ones in `sims` answering; `extra` names hosts configured but not answering.
 */
export async function withHosts(
  sims: Record<string, SimHost>,
  fn: (w: HostsWorld) => Promise<void>,
  extra: string[] = [],
) {
  await withTempDir(async (dir) => {
    const out = `${dir}/out`;
    Deno.mkdirSync(out);
    const table: Record<string, unknown> = {};
    for (const [name, sim] of Object.entries(sims)) {
      table[`${name}.sim`] = {
        env: { RESOLVE_SIM_RENDER_SECONDS: String(sim.renderSeconds ?? 0.3) },
        ...(sim.database
          ? {
            database: {
              name: sim.databaseName ?? "Post",
              ip: "10.0.0.2",
              folder: `${dir}/${sim.database}`,
            },
          }
          : {}),
        ...(sim.dieAfterPolls ? { die_after_polls: sim.dieAfterPolls } : {}),
      };
    }
    Deno.writeTextFileSync(`${dir}/hosts.json`, JSON.stringify(table));
    const hostArgs = [...Object.keys(sims), ...extra].flatMap((n) => [
      "--resolve-host",
      `${n}=${n}.sim`,
    ]);
    await withClient(
      {
        args: ["--toolsets", "all", "--allow-path", out, ...hostArgs],
        env: { RESOLVE_SIM_HOSTS: `${dir}/hosts.json` },
      },
      (t) => fn({ t, out, dir }),
    );
  });
}

/** A project on the default host with `timelines`, saved (so the shared database has it). */
export async function sharedProject(t: TestClient, name: string, timelines: string[]) {
  await t.ok("create_project", { name });
  for (const tl of timelines) await t.ok("create_timeline", { name: tl });
  await t.ok("save_project");
}

export const exists = (path: string) => {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
};

export type Report = {
  distribution_id: string;
  finished: boolean;
  completion: number;
  hosts: { name: string; state: string; jobs: number; complete: number }[];
  jobs: {
    index: number;
    host: string | null;
    status: string;
    output_path: string | null;
    output_exists: boolean;
    reassigned_from: string[];
    error: string | null;
  }[];
  outputs: { path: string; host: string; exists: boolean }[];
  skipped_hosts: { name: string; reason: string }[];
  storage_note: string;
};
