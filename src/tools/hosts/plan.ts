// Spreading render jobs over hosts: pure logic, no Resolve. Each job weighs its timeline's
// duration in frames; the longest job goes first onto the host with the least work so far
// (LPT list scheduling), so no host ends with more than one job's worth above another.

export interface Weighted {
  /** The job's index in the request. */
  index: number;
  /** Its timeline's duration in frames (the render time is taken as proportional to it). */
  frames: number;
}

/**
 * Assigns every job to one of `hosts` (at least one): longest first, each onto the host
 * with the least frames so far (`load`: frames already on each host; ties go to the host
 * listed first). Returns each host's job indices in the order they were given to it.
 */
export function balance(
  jobs: readonly Weighted[],
  hosts: readonly string[],
  load: Readonly<Record<string, number>> = {},
): Map<string, number[]> {
  if (!hosts.length) throw new Error("balance needs at least one host");
  const total = new Map(hosts.map((h) => [h, Math.max(0, load[h] ?? 0)]));
  const plan = new Map(hosts.map((h) => [h, [] as number[]]));
  const order = [...jobs].sort((a, b) => b.frames - a.frames || a.index - b.index);
  for (const job of order) {
    let best = hosts[0];
    for (const h of hosts) if (total.get(h)! < total.get(best)!) best = h;
    plan.get(best)!.push(job.index);
    total.set(best, total.get(best)! + Math.max(0, job.frames));
  }
  return plan;
}

/** Frames each host has in a plan (for reports and for balancing more jobs onto it). */
export function loads(
  plan: ReadonlyMap<string, readonly number[]>,
  frames: (index: number) => number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [host, indices] of plan) out[host] = indices.reduce((a, i) => a + frames(i), 0);
  return out;
}

/** Overall completion in percent, each job weighted by its frames. */
export function weightedPercent(jobs: readonly { frames: number; completion: number }[]): number {
  const total = jobs.reduce((a, j) => a + Math.max(1, j.frames), 0);
  if (!total) return 0;
  const done = jobs.reduce((a, j) => a + Math.max(1, j.frames) * j.completion / 100, 0);
  return Math.floor(100 * done / total);
}

/**
 * A database as the hosts report it, as one comparable key: a PostgreSQL server on a
 * loopback address (or a Disk database) is that machine's own, so it differs per host.
 */
export function databaseKey(
  db: { DbType?: unknown; DbName?: unknown; IpAddress?: unknown },
  host: string,
): string {
  const type = String(db.DbType ?? "");
  const name = String(db.DbName ?? "");
  const ip = String(db.IpAddress ?? "");
  const local = type !== "PostgreSQL" || !ip || /^(127\.|localhost$|::1$)/i.test(ip);
  return JSON.stringify([type, name, local ? `host:${host}` : ip.toLowerCase()]);
}

/** How a host's database reads in a message. */
export function databaseLabel(
  db: { DbType?: unknown; DbName?: unknown; IpAddress?: unknown },
): string {
  const type = String(db.DbType ?? "?");
  const name = String(db.DbName ?? "?");
  if (type === "PostgreSQL") return `PostgreSQL "${name}" at ${String(db.IpAddress ?? "?")}`;
  if (type === "Disk") return `the local Disk database "${name}"`;
  return `${type} "${name}"`;
}
