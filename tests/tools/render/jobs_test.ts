// The render queue over stdio against the simulator: adding, listing, deleting jobs.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import type { Job, Status } from "./helpers.ts";

Deno.test("add_render_job: add, list in pages, render waiting with progress, delete", async () => {
  await withFixture(async (t, _f, dir) => {
    assertMatch(await t.error("add_render_job"), /JOB_REFUSED.*TargetDir/s);
    await t.ok("set_render_settings", {
      format: "mp4",
      codec: "H264",
      settings: { TargetDir: dir, CustomName: "one" },
    });
    const a = await t.ok("add_render_job");
    await t.ok("set_render_settings", { settings: { CustomName: "two" } });
    const b = await t.ok("add_render_job", { timeline: "Cut" });
    assertMatch(await t.error("add_render_job", { timeline: "Nope" }), /TIMELINE_NOT_FOUND/);
    const page = await t.ok("list_render_jobs", { limit: 1 });
    assertEquals(page.total, 2);
    assertEquals((page.jobs as Job[])[0].job_id, a.job_id);
    const page2 = await t.ok("list_render_jobs", { limit: 1, cursor: page.next_cursor });
    assertEquals((page2.jobs as Job[])[0].job_id, b.job_id);
    const ready = await t.ok("render_status");
    assertEquals(ready.in_progress, false);
    assertEquals((ready.jobs as Status[]).map((j) => j.status), ["Ready", "Ready"]);

    const progress: number[] = [];
    const result = await t.client.callTool(
      { name: "start_render", arguments: {} },
      undefined,
      { onprogress: (p: { progress: number }) => progress.push(p.progress) },
    );
    assert(!result.isError, JSON.stringify(result.content));
    const done = result.structuredContent as { jobs: Status[]; in_progress: boolean };
    assertEquals(done.in_progress, false);
    assertEquals(done.jobs.map((j) => [j.status, j.completion]), [["Complete", 100], [
      "Complete",
      100,
    ]]);
    assertEquals(done.jobs.map((j) => j.output_path), [`${dir}/one.mp4`, `${dir}/two.mp4`]);
    for (const j of done.jobs) assert(Deno.statSync(j.output_path).size > 0);
    assert(progress.length >= 2, `progress notifications: ${progress}`);
    // (The final 100% may race the response inside the SDK client, which drops late ones.)
    assert(progress.every((p) => p >= 0 && p <= 100), `${progress}`);
    assert(progress.every((p, i) => i === 0 || p >= progress[i - 1]), `${progress}`);

    assertMatch(await t.error("start_render"), /NO_JOBS.*complete/s);
    // Rendering a complete job again would replace its file: only with confirmation.
    const rendered = Deno.readTextFileSync(`${dir}/one.mp4`);
    assertMatch(
      await t.error("start_render", { job_ids: [a.job_id], interactive: true }),
      /CONFIRMATION_REQUIRED.*one\.mp4/s,
    );
    assertEquals((await t.ok("render_status")).in_progress, false);
    assertEquals(Deno.readTextFileSync(`${dir}/one.mp4`), rendered);
    const again = await t.confirmed("start_render", { job_ids: [a.job_id], interactive: true });
    assertEquals((again.jobs as Status[])[0].status, "Complete");
    assertMatch(await t.error("start_render", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);
    assertMatch(await t.error("render_status", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);

    const del = await t.confirmed("delete_render_jobs", { job_ids: [a.job_id] });
    assertEquals(del, { deleted: [a.job_id], remaining: 1 });
    assertMatch(await t.error("delete_render_jobs", {}), /INVALID_ARGUMENTS/);
    const all = await t.confirmed("delete_render_jobs", { all: true });
    assertEquals(all, { deleted: [b.job_id], remaining: 0 });
    assertMatch(await t.error("start_render"), /NO_JOBS.*empty/s);
  });
});

Deno.test("add_render_job: render outputs that exist are replaced only after confirmation", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("set_render_settings", {
      format: "mp4",
      codec: "H264",
      settings: { TargetDir: dir, CustomName: "taken" },
    });
    assertMatch(
      await t.error("set_render_settings", { settings: { CustomName: "../escape" } }),
      /INVALID_ARGUMENTS.*plain file name/s,
    );
    assertMatch(
      await t.error("set_render_settings", { settings: { CustomName: "sub/out" } }),
      /INVALID_ARGUMENTS/,
    );

    // add_render_job: the job's output exists -> not queued without confirmation.
    Deno.writeTextFileSync(`${dir}/taken.mp4`, "precious");
    assertMatch(
      await t.error("add_render_job"),
      new RegExp(`CONFIRMATION_REQUIRED.*${dir}/taken\\.mp4`, "s"),
    );
    assertEquals((await t.ok("list_render_jobs")).total, 0, "no job left behind");
    const job = await t.confirmed("add_render_job");
    assertEquals(job.output_path, `${dir}/taken.mp4`);

    // start_render: the file is still there -> confirmation again, the file is untouched.
    assertMatch(
      await t.error("start_render"),
      new RegExp(`CONFIRMATION_REQUIRED.*${dir}/taken\\.mp4`, "s"),
    );
    assertMatch(
      await t.error("start_render", { job_ids: [job.job_id as string] }),
      /CONFIRMATION_REQUIRED/,
    );
    assertEquals((await t.ok("render_status")).in_progress, false);
    assertEquals(Deno.readTextFileSync(`${dir}/taken.mp4`), "precious");
    const done = await t.confirmed("start_render");
    assertEquals((done.jobs as Status[])[0].status, "Complete");
    assert(Deno.readTextFileSync(`${dir}/taken.mp4`) !== "precious");

    // A job whose file does not exist yet renders without asking.
    Deno.removeSync(`${dir}/taken.mp4`);
    const fresh = await t.ok("start_render", { job_ids: [job.job_id as string] });
    assertEquals((fresh.jobs as Status[])[0].status, "Complete");

    // quick_export: custom_name (or the timeline's name) plus the preset's extension.
    Deno.writeTextFileSync(`${dir}/qe.mp4`, "precious");
    assertMatch(
      await t.error("quick_export", { preset: "H.264", target_dir: dir, custom_name: "qe" }),
      new RegExp(`CONFIRMATION_REQUIRED.*${dir}/qe\\.mp4`, "s"),
    );
    assertEquals(Deno.readTextFileSync(`${dir}/qe.mp4`), "precious");
    Deno.writeTextFileSync(`${dir}/Cut.mp4`, "precious");
    assertMatch(
      await t.error("quick_export", { preset: "H.264", target_dir: dir }),
      /CONFIRMATION_REQUIRED.*Cut\.mp4/s,
    );
    assertEquals(Deno.readTextFileSync(`${dir}/Cut.mp4`), "precious");
    assertMatch(
      await t.error("quick_export", { preset: "H.264", target_dir: dir, custom_name: "../qe" }),
      /INVALID_ARGUMENTS/,
    );
    await t.confirmed("quick_export", { preset: "H.264", target_dir: dir, custom_name: "qe" });
    assert(Deno.readTextFileSync(`${dir}/qe.mp4`) !== "precious");
    await t.ok("quick_export", { preset: "H.264", target_dir: dir, custom_name: "new" });
    assert(Deno.statSync(`${dir}/new.mp4`).isFile);
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.05" });
});

Deno.test("list_render_jobs: the queue a page at a time, read back after add_render_job", async () => {
  await withFixture(async (t, _f, dir) => {
    assertEquals((await t.ok("list_render_jobs")).total, 0);
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "one" } });
    const a = await t.ok("add_render_job");
    await t.ok("set_render_settings", { settings: { CustomName: "two" } });
    const b = await t.ok("add_render_job");
    const page = await t.ok("list_render_jobs", { limit: 1 });
    assertEquals([page.total, (page.jobs as Job[])[0].job_id], [2, a.job_id]);
    const next = await t.ok("list_render_jobs", { limit: 1, cursor: page.next_cursor });
    assertEquals((next.jobs as Job[]).map((j) => j.job_id), [b.job_id]);
    assertEquals(next.next_cursor, null);
    assertMatch(
      await t.error("list_render_jobs", { cursor: "999" }),
      /INVALID_CURSOR/,
    );
  });
});

Deno.test("delete_render_jobs: deletes the given jobs after confirmation; unknown ids are JOB_NOT_FOUND", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "one" } });
    const a = await t.ok("add_render_job");
    assertMatch(await t.error("delete_render_jobs", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);
    assertMatch(
      await t.error("delete_render_jobs", { job_ids: [a.job_id] }),
      /CONFIRMATION_REQUIRED/,
    );
    assertEquals((await t.ok("list_render_jobs")).total, 1, "not deleted without confirmation");
    const del = await t.confirmed("delete_render_jobs", { job_ids: [a.job_id] });
    assertEquals([del.deleted, del.remaining], [[a.job_id], 0]);
    assertEquals((await t.ok("list_render_jobs")).total, 0);
  });
});
