// The pure parts of distributing a render: balancing by duration, weighted progress, and
// telling whether hosts share one database.
import { assert, assertEquals } from "../../assert.ts";
import {
  balance,
  databaseKey,
  databaseLabel,
  loads,
  weightedPercent,
} from "../../../src/tools/hosts/plan.ts";

/** A small deterministic generator, so a failing case can be replayed. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

Deno.test("balance: every job on exactly one host, and no host more than the longest job above another", () => {
  const next = rng(7);
  for (let round = 0; round < 300; round++) {
    const hosts = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, i) => `h${i}`);
    const jobs = Array.from({ length: Math.floor(next() * 30) }, (_, index) => ({
      index,
      frames: 1 + Math.floor(next() * 5000),
    }));
    const plan = balance(jobs, hosts);
    const given = [...plan.values()].flat().sort((a, b) => a - b);
    assertEquals(given, jobs.map((j) => j.index));
    const load = Object.values(loads(plan, (i) => jobs[i].frames));
    const longest = Math.max(0, ...jobs.map((j) => j.frames));
    assert(Math.max(...load) - Math.min(...load) <= longest, `round ${round}: ${load}`);
  }
});

Deno.test("balance: the longest jobs first, onto the least loaded host; existing load counts", () => {
  const jobs = [
    { index: 0, frames: 100 },
    { index: 1, frames: 300 },
    { index: 2, frames: 200 },
    { index: 3, frames: 100 },
  ];
  assertEquals([...balance(jobs, ["a", "b"])], [["a", [1, 3]], ["b", [2, 0]]]);
  // b already has 1000 frames to render: everything new goes to a.
  assertEquals([...balance(jobs, ["a", "b"], { b: 1000 })], [["a", [1, 2, 0, 3]], ["b", []]]);
});

Deno.test("weightedPercent: jobs weigh their frames", () => {
  assertEquals(
    weightedPercent([{ frames: 300, completion: 100 }, { frames: 100, completion: 0 }]),
    75,
  );
  assertEquals(weightedPercent([]), 0);
});

Deno.test("databaseKey: one PostgreSQL server is shared; loopback servers and Disk databases are each machine's own", () => {
  const pg = { DbType: "PostgreSQL", DbName: "Post", IpAddress: "10.0.0.2" };
  assertEquals(databaseKey(pg, "a"), databaseKey(pg, "b"));
  assert(databaseKey(pg, "a") !== databaseKey({ ...pg, DbName: "Other" }, "a"));
  const local = { DbType: "PostgreSQL", DbName: "Post", IpAddress: "127.0.0.1" };
  assert(databaseKey(local, "a") !== databaseKey(local, "b"));
  const disk = { DbType: "Disk", DbName: "Local Database" };
  assert(databaseKey(disk, "a") !== databaseKey(disk, "b"));
  assertEquals(databaseLabel(pg), 'PostgreSQL "Post" at 10.0.0.2');
});
