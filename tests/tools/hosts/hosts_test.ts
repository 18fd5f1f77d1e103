// list_hosts and the host argument of the project and render tools, over stdio, on several
// simulated Resolve machines (bridge/simulator/sim_hosts.py), one of them not answering.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { exists, sharedProject, withHosts } from "./hosts_helpers.ts";

type Host = {
  name: string;
  reachable: boolean;
  edition: string | null;
  version: string | null;
  database: { type: string; name: string; ip_address: string | null } | null;
  project: string | null;
  rendering: boolean;
  queue_length: number;
  error_code: string | null;
};

Deno.test("list_hosts: every host with its database and project; one not answering is reported, the others work", async () => {
  await withHosts({ a: { database: "db" }, b: {} }, async ({ t }) => {
    await sharedProject(t, "Spots", ["Cut A"]);
    const { hosts, default_host } = await t.ok<{ hosts: Host[]; default_host: string }>(
      "list_hosts",
    );
    assertEquals(default_host, "a");
    assertEquals(hosts.map((h) => [h.name, h.reachable]), [["a", true], ["b", true], [
      "x",
      false,
    ]]);
    const [a, b, x] = hosts;
    assertEquals(a.database, { type: "PostgreSQL", name: "Post", ip_address: "10.0.0.2" });
    assertEquals(a.project, "Spots");
    assertEquals([a.rendering, a.queue_length, a.edition], [false, 0, "studio"]);
    assert(a.version && /^\d+\.\d+/.test(a.version));
    assertEquals(b.database?.type, "Disk");
    assertEquals(b.project, "Untitled Project");
    assertEquals(x.error_code, "RESOLVE_UNAVAILABLE");
    // The host that does not answer takes nothing else down.
    assertEquals((await t.ok<{ name: string }>("get_current_project")).name, "Spots");
    assertMatch(await t.error("get_current_project", { host: "x" }), /RESOLVE_UNAVAILABLE/);
    assertEquals(
      (await t.ok<{ name: string }>("get_current_project", { host: "b" })).name,
      "Untitled Project",
    );
  }, ["x"]);
});

Deno.test("open_project: with host, opens the project on that host only (the shared database has it)", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t }) => {
    await sharedProject(t, "Spots", ["Cut A", "Cut B"]);
    const opened = await t.ok<{ name: string; id: string }>("open_project", {
      name: "Spots",
      host: "b",
    });
    const onA = await t.ok<{ id: string; timeline_count: number }>("get_current_project");
    const onB = await t.ok<{ id: string; timeline_count: number; name: string }>(
      "get_current_project",
      { host: "b" },
    );
    assertEquals(onB.name, "Spots");
    assertEquals(onB.id, onA.id, "the same project (one database row) on both");
    assertEquals(opened.id, onA.id);
    assertEquals(onB.timeline_count, 2, "b sees what a saved");
    assertMatch(await t.error("open_project", { name: "Spots", host: "zz" }), /HOST_NOT_FOUND/);
  });
});

Deno.test("save_project: with host, saves that host's project to the shared database; another host then loads it", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    await renderable(t, out, "saved_on_b");
    await t.ok("open_project", { name: "Spots", host: "b" });
    await t.ok("create_project", { name: "Other" }); // a leaves Spots
    await t.ok("add_render_job", { host: "b" });
    assertEquals((await t.ok<{ name: string }>("save_project", { host: "b" })).name, "Spots");
    await t.ok("open_project", { name: "Spots" }); // a loads what b saved
    const queue = await t.ok<{ jobs: { output_path: string }[] }>("list_render_jobs");
    assertEquals(queue.jobs.map((j) => j.output_path), [`${out}/saved_on_b.mov`]);
  });
});

Deno.test("get_current_project: with host, describes that host's project and database", async () => {
  await withHosts(
    { a: { database: "db" }, b: { database: "db2", databaseName: "Other" } },
    async ({ t }) => {
      const b = await t.ok<{ database: { type: string; name: string } }>("get_current_project", {
        host: "b",
      });
      assertEquals(b.database, { type: "PostgreSQL", name: "Other" });
    },
  );
});

/** On the default host: project "Spots" with timeline "Cut A" and an output set, saved. */
async function renderable(
  t: Parameters<Parameters<typeof withHosts>[1]>[0]["t"],
  out: string,
  name: string,
) {
  await t.ok("create_project", { name: "Spots" });
  await t.ok("create_timeline", { name: "Cut A" });
  await t.ok("set_render_settings", { settings: { TargetDir: out, CustomName: name } });
  await t.ok("save_project");
}

Deno.test("add_render_job: with host, queues on that host's project; list_render_jobs, start_render and render_status follow it there", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    await renderable(t, out, "from_b");
    await t.ok("open_project", { name: "Spots", host: "b" });
    const job = await t.ok<{ job_id: string; output_path: string }>("add_render_job", {
      host: "b",
      timeline: "Cut A",
    });
    assertEquals(job.output_path, `${out}/from_b.mov`);
    const onB = await t.ok<{ jobs: { job_id: string }[] }>("list_render_jobs", { host: "b" });
    assertEquals(onB.jobs.map((j) => j.job_id), [job.job_id]);
    assertEquals(
      (await t.ok<{ total: number }>("list_render_jobs")).total,
      0,
      "a's queue is apart",
    );
    const started = await t.ok<{ jobs: { status: string }[] }>("start_render", {
      host: "b",
      job_ids: [job.job_id],
      max_wait_seconds: 20,
    });
    assertEquals(started.jobs.map((j) => j.status), ["Complete"]);
    assert(exists(job.output_path));
    const status = await t.ok<{ in_progress: boolean; jobs: { status: string }[] }>(
      "render_status",
      { host: "b", job_ids: [job.job_id] },
    );
    assertEquals([status.in_progress, status.jobs[0].status], [false, "Complete"]);
    assertMatch(await t.error("render_status", { job_ids: [job.job_id] }), /JOB_NOT_FOUND/);
  });
});

Deno.test("list_render_jobs: with host, lists that host's queue; an unknown host is HOST_NOT_FOUND", async () => {
  await withHosts({ a: {}, b: {} }, async ({ t }) => {
    assertMatch(await t.error("list_render_jobs", { host: "nope" }), /HOST_NOT_FOUND/);
    assertEquals((await t.ok<{ total: number }>("list_render_jobs", { host: "b" })).total, 0);
  });
});

Deno.test("start_render: with host, renders on that host; wait_for_render and stop_render take host too", async () => {
  await withHosts({
    a: { database: "db" },
    b: { database: "db", renderSeconds: 5 },
  }, async ({ t, out }) => {
    await renderable(t, out, "long");
    await t.ok("open_project", { name: "Spots", host: "b" });
    const job = await t.ok<{ job_id: string }>("add_render_job", { host: "b" });
    const started = await t.ok<{ in_progress: boolean }>("start_render", {
      host: "b",
      wait: false,
    });
    assertEquals(started.in_progress, true);
    assertEquals((await t.ok<{ in_progress: boolean }>("render_status")).in_progress, false);
    const waited = await t.ok<{ in_progress: boolean }>("wait_for_render", {
      host: "b",
      job_ids: [job.job_id],
      max_wait_seconds: 0,
    });
    assertEquals(waited.in_progress, true);
    const stopped = await t.ok<{ was_rendering: boolean; jobs: { status: string }[] }>(
      "stop_render",
      { host: "b" },
    );
    assertEquals([stopped.was_rendering, stopped.jobs[0].status], [true, "Cancelled"]);
  });
});

Deno.test("wait_for_render: with host, follows the render on that host to its end", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    await renderable(t, out, "w");
    await t.ok("open_project", { name: "Spots", host: "b" });
    const job = await t.ok<{ job_id: string }>("add_render_job", { host: "b" });
    await t.ok("start_render", { host: "b", wait: false });
    const done = await t.ok<{ in_progress: boolean; jobs: { status: string }[] }>(
      "wait_for_render",
      { host: "b", job_ids: [job.job_id], max_wait_seconds: 20 },
    );
    assertEquals([done.in_progress, done.jobs[0].status], [false, "Complete"]);
    assert(exists(`${out}/w.mov`));
  });
});

Deno.test("render_status: with host, reports that host's queue, not the default's", async () => {
  await withHosts({ a: { database: "db" }, b: { database: "db" } }, async ({ t, out }) => {
    await renderable(t, out, "s");
    await t.ok("open_project", { name: "Spots", host: "b" });
    await t.ok("add_render_job");
    assertEquals((await t.ok<{ jobs: unknown[] }>("render_status")).jobs.length, 1);
    const onB = await t.ok<{ jobs: unknown[] }>("render_status", { host: "b" });
    assertEquals(onB.jobs.length, 0, "a's unsaved job is a's only");
  });
});

Deno.test("stop_render: with host, stops only that host's render", async () => {
  await withHosts({
    a: { database: "db", renderSeconds: 5 },
    b: { database: "db" },
  }, async ({ t, out }) => {
    await renderable(t, out, "keep");
    await t.ok("open_project", { name: "Spots", host: "b" });
    await t.ok("add_render_job");
    await t.ok("start_render", { wait: false });
    const stopped = await t.ok<{ was_rendering: boolean }>("stop_render", { host: "b" });
    assertEquals(stopped.was_rendering, false);
    assertEquals((await t.ok<{ in_progress: boolean }>("render_status")).in_progress, true);
    assertEquals((await t.ok<{ was_rendering: boolean }>("stop_render")).was_rendering, true);
  });
});
