// doctor with several --resolve-host: every host checked, with the database each is on.
import { assertEquals, assertMatch } from "./assert.ts";
import { runStart, withTempDir } from "./harness.ts";
import type { DoctorReport } from "../src/doctor.ts";

async function doctorHosts(dir: string, table: Record<string, unknown>, names: string[]) {
  Deno.writeTextFileSync(`${dir}/hosts.json`, JSON.stringify(table));
  const run = await runStart(
    [
      "doctor",
      "--simulator",
      "--json",
      ...names.flatMap((n) => ["--resolve-host", `${n}=${n}.sim`]),
    ],
    { RESOLVE_SIM_HOSTS: `${dir}/hosts.json` },
  );
  const report = JSON.parse(run.stdout) as DoctorReport;
  return { code: run.code, hosts: report.checks.find((c) => c.id === "hosts")! };
}

const on = (dir: string, name: string) => ({
  database: { name, ip: "10.0.0.2", folder: `${dir}/${name}` },
});

Deno.test("doctor: checks every --resolve-host and names the database each is connected to", async () => {
  await withTempDir(async (dir) => {
    const shared = await doctorHosts(dir, { "a.sim": on(dir, "Post"), "b.sim": on(dir, "Post") }, [
      "a",
      "b",
    ]);
    assertEquals([shared.code, shared.hosts.status], [0, "pass"]);
    assertMatch(shared.hosts.detail, /a \(a\.sim\): .* on PostgreSQL "Post" at 10\.0\.0\.2; b/);

    const split = await doctorHosts(dir, { "a.sim": on(dir, "Post"), "b.sim": on(dir, "Other") }, [
      "a",
      "b",
    ]);
    assertEquals(split.hosts.status, "warn");
    assertMatch(split.hosts.detail, /b \(b\.sim\): .*PostgreSQL "Other"/);

    const down = await doctorHosts(dir, { "a.sim": on(dir, "Post") }, ["a", "x"]);
    assertEquals([down.code, down.hosts.status], [1, "fail"]);
    assertMatch(down.hosts.detail, /x \(x\.sim\): not answering \(RESOLVE_UNAVAILABLE/);
    assertMatch(down.hosts.fix!, /On x: .*Network/);
  });
});
