// distribute_render and distributed_render_status over stdio, on three simulated Resolve
// machines sharing one simulated project database (bridge/simulator/sim_hosts.py).
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { ROOT } from "../../harness.ts";
import { exists, type Report, sharedProject, withHosts } from "./hosts_helpers.ts";

const TIMELINES = ["Cut A", "Cut B", "Cut C", "Cut D"];

/** Twelve deliverables: each timeline three times, each its own output file. */
const twelveJobs = (out: string) =>
  Array.from({ length: 12 }, (_, i) => ({
    timeline: TIMELINES[i % 4],
    settings: { TargetDir: out, CustomName: `deliverable_${i}` },
  }));

/** Follows a distribution with the status tool until it finishes (bounded). */
async function untilFinished(
  t: { ok: <T>(name: string, args?: Record<string, unknown>) => Promise<T> },
  first: Report,
): Promise<Report> {
  let r = first;
  for (let round = 0; !r.finished && round < 20; round++) {
    r = await t.ok<Report>("distributed_render_status", {
      distribution_id: first.distribution_id,
      max_wait_seconds: 10,
    });
  }
  return r;
}

Deno.test("distribute_render: twelve jobs spread over three hosts on one database, all rendered, each output with its host", async () => {
  await withHosts({
    a: { database: "db" },
    b: { database: "db" },
    c: { database: "db" },
  }, async ({ t, out }) => {
    await sharedProject(t, "Spots", TIMELINES);
    const progress: string[] = [];
    const result = await t.client.callTool(
      {
        name: "distribute_render",
        arguments: { project: "Spots", jobs: twelveJobs(out), max_wait_seconds: 30 },
      },
      undefined,
      { onprogress: (p) => progress.push(String(p.message)) },
    );
    assert(!result.isError, JSON.stringify(result.content));
    const r = await untilFinished(t, result.structuredContent as unknown as Report);
    assert(r.finished);
    assertEquals(r.jobs.map((j) => j.status), Array(12).fill("complete"));
    // Spread: every host rendered, four each (equal durations balance evenly).
    assertEquals(r.hosts.map((h) => [h.name, h.state, h.jobs, h.complete]), [
      ["a", "idle", 4, 4],
      ["b", "idle", 4, 4],
      ["c", "idle", 4, 4],
    ]);
    // Each output exists, named for its job, with the host that rendered it.
    assertEquals(r.outputs.length, 12);
    for (const job of r.jobs) {
      assertEquals(job.output_path, `${out}/deliverable_${job.index}.mov`);
      assert(exists(job.output_path!), `${job.output_path} was written`);
      assert(job.output_exists);
      assertEquals(r.outputs.find((o) => o.path === job.output_path)?.host, job.host);
    }
    // The hosts' own queues hold exactly their jobs (read back host by host).
    for (const host of ["a", "b", "c"]) {
      const queue = await t.ok<{ jobs: { output_path: string; status: string }[] }>(
        "list_render_jobs",
        { host },
      );
      assertEquals(
        queue.jobs.map((j) => j.output_path).sort(),
        r.jobs.filter((j) => j.host === host).map((j) => j.output_path!).sort(),
      );
      assert(queue.jobs.every((j) => j.status === "Complete"));
    }
    assert(progress.some((m) => /a \d+\/4/.test(m) && /c \d+\/4/.test(m)), progress.join("\n"));
    assertMatch(r.storage_note, /shared storage/);
  });
});

Deno.test("distribute_render: jobs are balanced by timeline duration, not by count", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    // a.mp4: 96 frames; "Long" holds it three times (288 frames), "Short" once.
    const media = `${out}/a.mp4`;
    const made = await new Deno.Command("python3", {
      args: [
        "-c",
        "import sys; sys.path.insert(0, sys.argv[1] + 'bridge/simulator'); import sim_testmedia as m; m.write_mp4(sys.argv[2], 64, 36, 24, 96)",
        ROOT,
        media,
      ],
    }).output();
    assert(made.success);
    await t.ok("create_project", { name: "Spots" });
    const { clips } = await t.ok<{ clips: { id: string }[] }>("import_media", { paths: [media] });
    const clip = { clip: clips[0].id };
    await t.ok("create_timeline_from_clips", { name: "Long", clips: [clip, clip, clip] });
    await t.ok("create_timeline_from_clips", { name: "Short", clips: [clip] });
    await t.ok("save_project");
    const r = await untilFinished(
      t,
      await t.ok<Report>("distribute_render", {
        project: "Spots",
        jobs: ["Long", "Short", "Short", "Short"].map((timeline, i) => ({
          timeline,
          settings: { TargetDir: out, CustomName: `job_${i}` },
        })),
        max_wait_seconds: 20,
      }),
    );
    // 288 frames on one host, 3 x 96 on the other (a count split would be 2 and 2).
    assertEquals(r.jobs.map((j) => j.host), ["a", "b", "b", "b"]);
    assertEquals(r.jobs.map((j) => j.status), Array(4).fill("complete"));
  });
});

Deno.test("distribute_render: a host killed mid-render has its unfinished jobs finished by the others", async () => {
  await withHosts({
    a: { database: "db" },
    b: { database: "db" },
    c: { database: "db", dieAfterPolls: 2, renderSeconds: 1 },
  }, async ({ t, out }) => {
    await sharedProject(t, "Spots", TIMELINES);
    const first = await t.ok<Report>("distribute_render", {
      project: "Spots",
      jobs: twelveJobs(out),
      max_wait_seconds: 30,
    });
    const r = await untilFinished(t, first);
    assert(r.finished);
    assertEquals(r.jobs.map((j) => j.status), Array(12).fill("complete"));
    const c = r.hosts.find((h) => h.name === "c")!;
    assertEquals(c.state, "lost");
    const moved = r.jobs.filter((j) => j.reassigned_from.includes("c"));
    assert(moved.length > 0, "c's unfinished jobs were reassigned");
    for (const job of moved) assert(job.host === "a" || job.host === "b", `${job.host}`);
    for (const job of r.jobs) assert(exists(job.output_path!), `${job.output_path} exists`);
    assertEquals(r.outputs.length, 12);
    // The dead host now reads as unreachable; the others answer.
    const { hosts } = await t.ok<{ hosts: { name: string; reachable: boolean }[] }>("list_hosts");
    assertEquals(hosts.map((h) => [h.name, h.reachable]), [["a", true], ["b", true], [
      "c",
      false,
    ]]);
  });
});

Deno.test("distribute_render: a host on another database is refused, saying which", async () => {
  await withHosts({
    a: { database: "db" },
    b: { database: "db" },
    d: { database: "other", databaseName: "Elsewhere" },
  }, async ({ t, out }) => {
    await sharedProject(t, "Spots", TIMELINES);
    const jobs = twelveJobs(out).slice(0, 3);
    const text = await t.error("distribute_render", { project: "Spots", jobs });
    assertMatch(text, /HOSTS_DATABASE_MISMATCH/);
    assertMatch(text, /d is on PostgreSQL "Elsewhere"/);
    // Nothing was queued anywhere.
    for (const host of ["a", "b"]) {
      assertEquals((await t.ok<{ total: number }>("list_render_jobs", { host })).total, 0);
    }
    // Leaving d out, the same render runs on a and b.
    const r = await untilFinished(
      t,
      await t.ok<Report>("distribute_render", {
        project: "Spots",
        jobs,
        hosts: ["a", "b"],
        max_wait_seconds: 20,
      }),
    );
    assertEquals(r.jobs.map((j) => j.status), ["complete", "complete", "complete"]);
    assertEquals([...new Set(r.jobs.map((j) => j.host))].sort(), ["a", "b"]);
  });
});

Deno.test("distribute_render: unknown hosts, hosts not answering, a project missing on a host and bad jobs are refused", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    const jobs = [{ timeline: "Cut A", settings: { TargetDir: out } }];
    assertMatch(
      await t.error("distribute_render", { project: "Spots", jobs, hosts: ["a", "zz"] }),
      /HOST_NOT_FOUND/,
    );
    assertMatch(
      await t.error("distribute_render", { project: "Spots", jobs, hosts: ["a", "x"] }),
      /HOST_UNREACHABLE/,
    );
    await sharedProject(t, "Spots", ["Cut A"]);
    assertMatch(
      await t.error("distribute_render", {
        project: "Nowhere",
        jobs,
        hosts: ["a", "b"],
      }),
      /HOSTS_PROJECT_MISMATCH/,
    );
    assertMatch(
      await t.error("distribute_render", { project: "Spots", jobs: [{ timeline: "Cut A" }] }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("distribute_render", {
        project: "Spots",
        jobs: [{ timeline: "Cut A", settings: { TargetDir: "/etc" } }],
        hosts: ["a"],
      }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("distribute_render", {
        project: "Spots",
        jobs: [
          { timeline: "Cut A", settings: { TargetDir: out, CustomName: "fine" } },
          { timeline: "Cut A", preset: "No Such Preset", settings: { TargetDir: out } },
        ],
        hosts: ["a", "b"],
      }),
      /PRESET_NOT_FOUND/,
    );
    assertMatch(
      await t.error("distribute_render", {
        project: "Spots",
        jobs: [
          { timeline: "Cut A", settings: { TargetDir: out, CustomName: "same" } },
          { timeline: "Cut A", settings: { TargetDir: out, CustomName: "same" } },
        ],
        hosts: ["a", "b"],
      }),
      /INVALID_ARGUMENTS/,
    );
    // A refusal leaves no job queued on any host.
    for (const host of ["a", "b"]) {
      assertEquals((await t.ok<{ total: number }>("list_render_jobs", { host })).total, 0);
    }
    // The default hosts leave out the one not answering (x), and say so.
    const r = await t.ok<Report>("distribute_render", {
      project: "Spots",
      jobs: [{ timeline: "Cut A", settings: { TargetDir: out, CustomName: "one" } }],
      max_wait_seconds: 20,
    });
    assertEquals(r.skipped_hosts.map((s) => s.name), ["x"]);
    // One job for two hosts: a renders it, b (given nothing) stays idle, not lost.
    assertEquals(r.hosts.map((h) => [h.name, h.state, h.jobs]), [["a", "idle", 1], [
      "b",
      "idle",
      0,
    ]]);
    assertEquals(r.jobs.map((j) => j.status), ["complete"]);
  }, ["x"]);
});

Deno.test("distributed_render_status: follows the last distribution; an unknown id is DISTRIBUTION_NOT_FOUND", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    assertMatch(await t.error("distributed_render_status"), /DISTRIBUTION_NOT_FOUND/);
    await sharedProject(t, "Spots", ["Cut A", "Cut B"]);
    const started = await t.ok<Report>("distribute_render", {
      project: "Spots",
      jobs: [
        { timeline: "Cut A", settings: { TargetDir: out, CustomName: "a1" } },
        {
          timeline: "Cut B",
          preset: "H.264 Master",
          settings: { TargetDir: out, CustomName: "b1" },
        },
      ],
      max_wait_seconds: 0,
    });
    assertEquals(started.finished, false);
    const r = await untilFinished(t, await t.ok<Report>("distributed_render_status"));
    assertEquals(r.distribution_id, started.distribution_id);
    assertEquals(r.jobs.map((j) => j.status), ["complete", "complete"]);
    assertEquals(r.jobs.map((j) => j.host).sort(), ["a", "b"]);
    // The preset's format (H.264 Master: MP4) with the settings' name.
    assertEquals(r.jobs.map((j) => j.output_path), [`${out}/a1.mov`, `${out}/b1.mp4`]);
    assert(r.outputs.every((o) => exists(o.path)));
    assertMatch(
      await t.error("distributed_render_status", { distribution_id: "dist-999" }),
      /DISTRIBUTION_NOT_FOUND/,
    );
  });
});
