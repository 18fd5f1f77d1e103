// The render toolset over stdio against the simulator: formats, presets, settings, jobs,
// rendering with progress notifications and cancellation, quick export.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withFixture } from "./fixture.ts";

type Job = Record<string, unknown>;
type Status = { job_id: string; status: string; completion: number; output_path: string };

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
    const deleted = await t.ok("manage_render_presets", {
      action: "delete",
      name: "Mine",
      confirm: true,
    });
    assert(!(deleted.presets as string[]).includes("Mine"));
    assertMatch(
      await t.error("manage_render_presets", {
        action: "delete",
        name: "H.264 Master",
        confirm: true,
      }),
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
    const done = result.structuredContent as { jobs: Status[]; cancelled: boolean };
    assertEquals(done.cancelled, false);
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
    const again = await t.ok("start_render", {
      job_ids: [a.job_id],
      interactive: true,
      confirm: true,
    });
    assertEquals((again.jobs as Status[])[0].status, "Complete");
    assertMatch(await t.error("start_render", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);
    assertMatch(await t.error("render_status", { job_ids: ["nope"] }), /JOB_NOT_FOUND/);

    assertMatch(
      await t.error("delete_render_jobs", { job_ids: [a.job_id] }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.ok("delete_render_jobs", { job_ids: [a.job_id], confirm: true });
    assertEquals(del, { deleted: [a.job_id], remaining: 1 });
    assertMatch(await t.error("delete_render_jobs", {}), /give job_ids or all/);
    const all = await t.ok("delete_render_jobs", { all: true, confirm: true });
    assertEquals(all, { deleted: [b.job_id], remaining: 0 });
    assertMatch(await t.error("start_render"), /NO_JOBS.*empty/s);
  });
});

Deno.test("start_render stops the render when the client cancels; wait:false and stop_render", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("set_render_settings", { settings: { TargetDir: dir } });
    const job = await t.ok("add_render_job");
    const controller = new AbortController();
    const call = t.client.callTool(
      { name: "start_render", arguments: {} },
      undefined,
      { signal: controller.signal, onprogress: () => {} },
    );
    await new Promise((r) => setTimeout(r, 1500));
    controller.abort();
    await call.then(() => assert(false, "the call should be cancelled"), () => {});
    let status = "";
    for (let i = 0; i < 50 && status !== "Cancelled"; i++) {
      const s = await t.ok("render_status", { job_ids: [job.job_id] });
      status = (s.jobs as Status[])[0].status;
      if (status !== "Cancelled") await new Promise((r) => setTimeout(r, 100));
    }
    assertEquals(status, "Cancelled");
    assertEquals((await t.ok("render_status")).in_progress, false);

    const started = await t.ok("start_render", { job_ids: [job.job_id], wait: false });
    assertEquals([started.waited, started.in_progress], [false, true]);
    assertMatch(await t.error("start_render"), /RENDER_IN_PROGRESS.*stop_render/s);
    assertMatch(
      await t.error("delete_render_jobs", { all: true, confirm: true }),
      /RENDER_IN_PROGRESS/,
    );
    const stopped = await t.ok("stop_render");
    assertEquals([stopped.was_rendering, stopped.in_progress], [true, false]);
    assertEquals((stopped.jobs as Status[])[0].status, "Cancelled");
    assertEquals((await t.ok("stop_render")).was_rendering, false);
  }, { RESOLVE_SIM_RENDER_SECONDS: "20" });
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
    const job = await t.ok("add_render_job", { confirm: true });
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
    const done = await t.ok("start_render", { confirm: true });
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
    await t.ok("quick_export", {
      preset: "H.264",
      target_dir: dir,
      custom_name: "qe",
      confirm: true,
    });
    assert(Deno.readTextFileSync(`${dir}/qe.mp4`) !== "precious");
    await t.ok("quick_export", { preset: "H.264", target_dir: dir, custom_name: "new" });
    assert(Deno.statSync(`${dir}/new.mp4`).isFile);
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.05" });
});
