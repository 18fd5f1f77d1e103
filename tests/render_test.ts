// The render toolset over stdio against the simulator: formats, presets, settings, jobs,
// rendering with progress notifications, bounded waits that never stop a render, quick export.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withFixture } from "./fixture.ts";
import type { TestClient } from "./harness.ts";

type Job = Record<string, unknown>;
type Status = {
  job_id: string;
  status: string;
  completion: number;
  output_path: string;
  error: string | null;
};

/** The confirmation token a CONFIRMATION_REQUIRED refusal hands out. */
function tokenOf(refusal: string): string {
  const token = /confirmation_token: "([0-9a-f]+)"/.exec(refusal)?.[1];
  assert(token, `no token in: ${refusal}`);
  return token;
}

/** Calls a tool that asks for confirmation, then again with its token (the user agreed). */
async function confirmed(t: TestClient, name: string, args: Record<string, unknown> = {}) {
  const refusal = await t.error(name, args);
  assertMatch(refusal, /CONFIRMATION_REQUIRED/);
  return await t.ok(name, { ...args, confirmation_token: tokenOf(refusal) });
}

const exists = (path: string) => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};

Deno.test("formats, codecs, resolutions, presets and render settings", async () => {
  await withFixture(async (t, _f, dir) => {
    const formats = await t.ok("list_render_formats");
    assert((formats.formats as { id: string; name: string }[]).some((f) => f.id === "mov"));
    assertEquals(formats.codecs, null);
    assert((formats.resolutions as unknown[]).length > 3);
    const mov = await t.ok("list_render_formats", {
      format: "QuickTime",
      codec: "Apple ProRes 422 HQ",
    });
    assert((mov.codecs as { id: string }[]).some((c) => c.id === "ProRes422HQ"));
    assert((mov.resolutions as { width: number }[]).every((r) => r.width <= 8192));
    assertMatch(await t.error("list_render_formats", { format: "flv" }), /UNKNOWN_FORMAT.*mov/s);
    assertMatch(
      await t.error("list_render_formats", { format: "mov", codec: "VP9" }),
      /UNKNOWN_CODEC/,
    );
    assertMatch(await t.error("list_render_formats", { codec: "H264" }), /codec needs format/);

    const presets = await t.ok("list_render_presets");
    assert((presets.presets as string[]).includes("H.264 Master"));
    assert((presets.quick_export_presets as string[]).includes("H.264"));

    const set = await t.ok("set_render_settings", {
      preset: "YouTube - 1080p",
      format: "QuickTime",
      codec: "ProRes422HQ",
      mode: "individual_clips",
      settings: {
        TargetDir: dir,
        CustomName: "final",
        MarkIn: "01:00:01:00",
        MarkOut: 47,
        UniqueFilenameStyle: "Suffix",
        VideoQuality: "High",
      },
    });
    assertEquals(set.current, { format: "mov", codec: "ProRes422HQ", mode: "individual_clips" });
    assertEquals((set.applied as Job).MarkIn, 86424);
    assertEquals((set.applied as Job).SelectAllFrames, false);
    const job = await t.ok("add_render_job");
    assertEquals([job.mark_in, job.mark_out], [86424, 86447]);
    assertEquals([job.output_filename, job.render_mode], ["final.mov", "Individual clips"]);
    assertEquals([job.format, job.codec, job.status], ["mov", "ProRes422HQ", "Ready"]);
    assertEquals(job.output_path, `${dir}/final.mov`);

    assertMatch(
      await t.error("set_render_settings", { settings: { TargetDir: "/etc" } }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("set_render_settings", { settings: { TargetDir: `${dir}/missing` } }),
      /NO_SUCH_DIRECTORY/,
    );
    assertMatch(
      await t.error("set_render_settings", { settings: { Bitrate: 5 } }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("set_render_settings", { settings: { MarkIn: "00:59:00:00" } }),
      /INVALID_TIMECODE/,
    );
    assertMatch(
      await t.error("set_render_settings", { settings: { MarkIn: 40, MarkOut: 10 } }),
      /MarkOut is before MarkIn/,
    );
    assertMatch(await t.error("set_render_settings", { format: "mov" }), /go together/);
    assertMatch(await t.error("set_render_settings", {}), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("set_render_settings", { preset: "Nope" }),
      /PRESET_NOT_FOUND.*H\.264 Master/s,
    );
    assertMatch(
      await t.error("set_render_settings", { data_burn_in_preset: "Nope" }),
      /BURN_IN_PRESET_NOT_FOUND/,
    );

    const saved = await t.ok("manage_render_presets", { action: "save_as", name: "Mine" });
    assert((saved.presets as string[]).includes("Mine"));
    assertMatch(
      await t.error("manage_render_presets", { action: "save_as", name: "Mine" }),
      /PRESET_EXISTS/,
    );
    await t.ok("set_render_settings", { format: "mp4", codec: "H.264" });
    const loaded = await t.ok("manage_render_presets", { action: "load", name: "Mine" });
    assertEquals((loaded.current as Job).codec, "ProRes422HQ");
    assertMatch(
      await t.error("manage_render_presets", { action: "delete", name: "Mine" }),
      /CONFIRMATION_REQUIRED/,
    );
    const deleted = await confirmed(t, "manage_render_presets", { action: "delete", name: "Mine" });
    assert(!(deleted.presets as string[]).includes("Mine"));
    const builtIn = { action: "delete", name: "H.264 Master" };
    const refusal = await t.error("manage_render_presets", builtIn);
    assertMatch(
      await t.error("manage_render_presets", { ...builtIn, confirmation_token: tokenOf(refusal) }),
      /PRESET_REFUSED.*Built-in/s,
    );
    assertMatch(
      await t.error("manage_render_presets", { action: "load", name: "Nope" }),
      /PRESET_NOT_FOUND/,
    );
  });
});

Deno.test("render jobs: add, list in pages, render waiting with progress, delete", async () => {
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
    const again = await confirmed(t, "start_render", { job_ids: [a.job_id], interactive: true });
    assertEquals((again.jobs as Status[])[0].status, "Complete");
    assertMatch(await t.error("start_render", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);
    assertMatch(await t.error("render_status", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);

    const del = await confirmed(t, "delete_render_jobs", { job_ids: [a.job_id] });
    assertEquals(del, { deleted: [a.job_id], remaining: 1 });
    assertMatch(await t.error("delete_render_jobs", {}), /give job_ids or all/);
    const all = await confirmed(t, "delete_render_jobs", { all: true });
    assertEquals(all, { deleted: [b.job_id], remaining: 0 });
    assertMatch(await t.error("start_render"), /NO_JOBS.*empty/s);
  });
});

Deno.test("a cancelled or timed-out start_render leaves the render running; only stop_render stops it", async () => {
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

Deno.test("start_render waits at most max_wait_seconds; wait_for_render follows with progress", async () => {
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

Deno.test("a failed render is an error with the job's error, not a finished render", async () => {
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
    const again = await confirmed(t, "start_render", { job_ids: [ids.good] });
    assertEquals((again.jobs as Status[]).map((j) => j.status), ["Complete"]);
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.2", RESOLVE_SIM_RENDER_FAIL: "bad" });
});

Deno.test("a render into a missing or read-only folder fails before it starts", async () => {
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

Deno.test("another session switching project during a wait is reported, not read as the render's end", async () => {
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

Deno.test("quick_export renders the timeline into a folder with a Quick Export preset", async () => {
  await withFixture(async (t, _f, dir) => {
    const done = await t.ok("quick_export", {
      preset: "H.264",
      target_dir: dir,
      custom_name: "qe",
      video_quality: "High",
    });
    assertEquals([done.status, done.completion, done.target_dir], ["Render Complete", 100, dir]);
    assert(Deno.statSync(`${dir}/qe.mp4`).isFile);
    assertMatch(
      await t.error("quick_export", { preset: "Nope", target_dir: dir }),
      /PRESET_NOT_FOUND.*H\.264/s,
    );
    assertMatch(
      await t.error("quick_export", { preset: "H.264", target_dir: dir, enable_upload: true }),
      /QUICK_EXPORT_FAILED.*upload/s,
    );
    assertMatch(
      await t.error("quick_export", { preset: "H.264", target_dir: "/etc" }),
      /PATH_NOT_ALLOWED/,
    );
    await t.ok("quick_export", { preset: "ProRes", target_dir: dir, timeline: "Cut" });
  });
});

Deno.test("render outputs that exist are replaced only after confirmation", async () => {
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
    const job = await confirmed(t, "add_render_job");
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
    const done = await confirmed(t, "start_render");
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
    await confirmed(t, "quick_export", { preset: "H.264", target_dir: dir, custom_name: "qe" });
    assert(Deno.readTextFileSync(`${dir}/qe.mp4`) !== "precious");
    await t.ok("quick_export", { preset: "H.264", target_dir: dir, custom_name: "new" });
    assert(Deno.statSync(`${dir}/new.mp4`).isFile);
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.05" });
});
