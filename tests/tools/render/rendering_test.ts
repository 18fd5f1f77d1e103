// Rendering over stdio against the simulator: progress, bounded waits that never stop a
// render, failures, folder checks, project switches.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { exists, type Status } from "./helpers.ts";

Deno.test("stop_render: a cancelled or timed-out start_render leaves the render running; only stop_render stops it", async () => {
  await withFixture(async (t, _f, dir) => {
    const jobs: string[] = [];
    for (const name of ["cancelled", "timed_out", "stopped"]) {
      await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: name } });
      jobs.push((await t.ok("add_render_job")).job_id as string);
    }
    const [a, b, c] = jobs;
    const status = async (id: string) =>
      ((await t.ok("render_status", { job_ids: [id] })).jobs as Status[])[0];

    // The client cancels the call: the render goes on and writes its file.
    const controller = new AbortController();
    const call = t.client.callTool(
      { name: "start_render", arguments: { job_ids: [a] } },
      undefined,
      { signal: controller.signal, onprogress: () => {} },
    );
    while ((await status(a)).status !== "Rendering") await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await call.then(() => assert(false, "the call should be cancelled"), () => {});
    assertEquals((await status(a)).status, "Rendering");
    const followed = await t.ok("wait_for_render", { job_ids: [a] });
    assertEquals((followed.jobs as Status[]).map((j) => j.status), ["Complete"]);
    assert(Deno.statSync(`${dir}/cancelled.mov`).size > 0, "the cancelled call's render wrote");

    // The client's request times out (the SDK's own timeout, 60 s by default): the same.
    await t.client.callTool(
      { name: "start_render", arguments: { job_ids: [b] } },
      undefined,
      { timeout: 500 },
    ).then(() => assert(false, "the call should time out"), () => {});
    assertEquals((await status(b)).status, "Rendering");
    const last = await t.ok("wait_for_render"); // the last render started
    assertEquals((last.jobs as Status[]).map((j) => [j.job_id, j.status]), [[b, "Complete"]]);
    assert(exists(`${dir}/timed_out.mov`));

    // wait: false returns at once; stop_render stops the render, which waiting then reports.
    const started = await t.ok("start_render", { job_ids: [c], wait: false });
    assertEquals([started.waited, started.in_progress], [false, true]);
    assertMatch(await t.error("start_render"), /RENDER_IN_PROGRESS.*stop_render/s);
    assertMatch(await t.error("delete_render_jobs", { all: true }), /RENDER_IN_PROGRESS/);
    const stopped = await t.ok("stop_render");
    assertEquals([stopped.was_rendering, stopped.in_progress], [true, false]);
    assertEquals((stopped.jobs as Status[]).map((j) => j.status), [
      "Complete",
      "Complete",
      "Cancelled",
    ]);
    assertMatch(await t.error("wait_for_render", { job_ids: [c] }), /RENDER_CANCELLED.*stopped/s);
    assert(!exists(`${dir}/stopped.mov`));
    assertEquals((await t.ok("stop_render")).was_rendering, false);
  }, { RESOLVE_SIM_RENDER_SECONDS: "2" });
});

Deno.test("wait_for_render: start_render waits at most max_wait_seconds; wait_for_render follows with progress", async () => {
  await withFixture(async (t, _f, dir) => {
    assertMatch(await t.error("wait_for_render"), /NOT_RENDERING/);
    assertMatch(
      await t.error("start_render", { max_wait_seconds: 51 }),
      /INVALID_ARGUMENTS.*max_wait_seconds/s,
    );
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "long" } });
    const job = (await t.ok("add_render_job")).job_id as string;
    const started = await t.ok("start_render", { max_wait_seconds: 0.3 });
    assertEquals([started.waited, started.in_progress, started.project], [true, true, "Grade"]);
    const row = (started.jobs as Status[])[0];
    assertEquals([row.job_id, row.status], [job, "Rendering"]);
    assert(!exists(`${dir}/long.mov`), "not written yet");
    const still = await t.ok("wait_for_render", { max_wait_seconds: 0 });
    assertEquals([still.in_progress, (still.jobs as Status[])[0].status], [true, "Rendering"]);

    const progress: number[] = [];
    const result = await t.client.callTool(
      { name: "wait_for_render", arguments: { job_ids: [job] } },
      undefined,
      { onprogress: (p: { progress: number }) => progress.push(p.progress) },
    );
    assert(!result.isError, JSON.stringify(result.content));
    const done = result.structuredContent as { in_progress: boolean; jobs: Status[] };
    assertEquals([done.in_progress, done.jobs[0].status], [false, "Complete"]);
    assert(progress.length >= 1 && progress.every((p) => p >= 0 && p <= 100), `${progress}`);
    assert(Deno.statSync(`${dir}/long.mov`).size > 0);
    // Following a finished render reports it again; it is not started anew.
    assertEquals(((await t.ok("wait_for_render")).jobs as Status[])[0].status, "Complete");
    assertMatch(await t.error("wait_for_render", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);
  }, { RESOLVE_SIM_RENDER_SECONDS: "2" });
});

Deno.test("start_render: a failed render is an error with the job's error, not a finished render", async () => {
  await withFixture(async (t, _f, dir) => {
    const ids: Record<string, string> = {};
    for (const name of ["bad", "good"]) {
      await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: name } });
      ids[name] = (await t.ok("add_render_job")).job_id as string;
    }
    const failed = await t.error("start_render");
    assertMatch(failed, new RegExp(`RENDER_FAILED.*1 of 2.*${ids.bad}.*Failed.*simulated`, "si"));
    assert(!failed.includes(ids.good), "the complete job is not reported as failed");
    const { jobs } = await t.ok("render_status");
    assertEquals((jobs as Status[]).map((j) => [j.status, Boolean(j.error)]), [
      ["Failed", true],
      ["Complete", false],
    ]);
    assert(!exists(`${dir}/bad.mov`) && exists(`${dir}/good.mov`));
    assertMatch(await t.error("wait_for_render"), /RENDER_FAILED/);
    // Rendering only the complete job again is a success (after the overwrite confirmation).
    const again = await t.confirmed("start_render", { job_ids: [ids.good] });
    assertEquals((again.jobs as Status[]).map((j) => j.status), ["Complete"]);
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.2", RESOLVE_SIM_RENDER_FAIL: "bad" });
});

Deno.test("start_render: a render into a missing or read-only folder fails before it starts", async () => {
  await withFixture(async (t, _f, dir) => {
    const sub = `${dir}/out`;
    Deno.mkdirSync(sub);
    await t.ok("set_render_settings", { settings: { TargetDir: sub, CustomName: "x" } });
    Deno.removeSync(sub);
    assertMatch(await t.error("add_render_job"), /NO_SUCH_DIRECTORY.*out/s);
    assertEquals((await t.ok("list_render_jobs")).total, 0, "no job left behind");
    Deno.mkdirSync(sub);
    const job = (await t.ok("add_render_job")).job_id as string;
    Deno.removeSync(sub);
    assertMatch(await t.error("start_render"), /NO_SUCH_DIRECTORY.*out/s);
    assertMatch(await t.error("api_project", { method: "StartRendering" }), /NO_SUCH_DIRECTORY/);
    const status = await t.ok("render_status");
    assertEquals(status.in_progress, false);
    assertEquals((status.jobs as Status[]).map((j) => [j.job_id, j.status]), [[job, "Ready"]]);
    assert(!exists(sub), "nothing was rendered (the simulator would create the folder)");

    // Read-only: only observable when not running as root (root may write anywhere).
    Deno.mkdirSync(sub);
    Deno.chmodSync(sub, 0o555);
    let writable = true;
    try {
      Deno.writeTextFileSync(`${sub}/probe`, "");
      Deno.removeSync(`${sub}/probe`);
    } catch {
      writable = false;
    }
    if (!writable) {
      assertMatch(await t.error("start_render"), /FOLDER_NOT_WRITABLE/);
      assertMatch(await t.error("add_render_job"), /FOLDER_NOT_WRITABLE/);
      assertEquals((await t.ok("render_status")).in_progress, false);
    }
    Deno.chmodSync(sub, 0o755);
    assertEquals(((await t.ok("start_render")).jobs as Status[])[0].status, "Complete");
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.05" });
});

Deno.test("wait_for_render: another session switching project during a wait is reported, not read as the render's end", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "moved" } });
    const job = (await t.ok("add_render_job")).job_id as string;
    const waiting = t.call("start_render");
    let rendering = false;
    while (!rendering) rendering = (await t.ok("render_status")).in_progress as boolean;
    await t.ok("create_project", { name: "Other" }); // another session's switch
    const result = await waiting;
    assert(result.isError, JSON.stringify(result));
    const text = (result.content[0] as { text: string }).text;
    assertMatch(text, /PROJECT_CHANGED.*"Grade".*"Other".*continues/s);
    assertMatch(await t.error("wait_for_render"), /PROJECT_CHANGED.*Grade/s);
    assertMatch(await t.error("wait_for_render", { job_ids: [job] }), /PROJECT_CHANGED/);
    assertMatch(await t.error("render_status", { job_ids: [job] }), /PROJECT_CHANGED/);

    await t.ok("open_project", { name: "Grade" });
    const done = await t.ok("wait_for_render");
    assertEquals([done.project, (done.jobs as Status[])[0].status], ["Grade", "Complete"]);
    assert(exists(`${dir}/moved.mov`));
  }, { RESOLVE_SIM_RENDER_SECONDS: "2" });
});

Deno.test("render_status: the queue's statuses without rendering; unknown ids are JOB_NOT_FOUND", async () => {
  await withFixture(async (t, _f, dir) => {
    assertEquals(await t.ok("render_status"), { in_progress: false, jobs: [] });
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "one" } });
    const a = await t.ok("add_render_job");
    const status = await t.ok("render_status", { job_ids: [a.job_id] });
    assertEquals(status.in_progress, false);
    assertEquals((status.jobs as Status[]).map((j) => [j.job_id, j.status]), [[a.job_id, "Ready"]]);
    assertEquals((status.jobs as Status[])[0].output_path, a.output_path);
    assertMatch(await t.error("render_status", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);
  });
});
