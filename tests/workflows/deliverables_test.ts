// Job 5, on the default set only: deliverables from a preset, with progress; a job that fails
// is reported with its error (the good one still delivered); a long render is cancelled.
// Read back through render_status and the files on disk.
import { assert, assertEquals, assertMatch } from "../assert.ts";
import { withDefaultSet } from "./setup.ts";
import type { CallToolResult } from "../../src/sdk.ts";

interface Job {
  job_id: string;
  status: string;
  error: string | null;
  output_path: string | null;
}

Deno.test("workflow deliverables: render with progress, a failed job reported, a render cancelled", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Deliver" });
    await t.ok("import_media", { paths: [media.cameras["A001.mp4"]] });
    await t.ok("create_timeline_from_clips", { name: "Final", clips: [{ clip: "A001.mp4" }] });
    const { presets } = await t.ok<{ presets: string[] }>("list_render_presets");
    assert(presets.length > 0);
    const job = async (name: string) => {
      await t.ok("set_render_settings", {
        preset: presets[0],
        settings: { TargetDir: media.dir, CustomName: name },
      });
      return (await t.ok<{ job_id: string; output_path: string }>("add_render_job"));
    };
    const master = await job("master");
    const broken = await job("bad"); // the simulated Resolve fails this one

    const progress: number[] = [];
    const result = await t.client.callTool(
      { name: "start_render", arguments: {} },
      undefined,
      { onprogress: (p: { progress: number }) => progress.push(p.progress) },
    );
    assert(result.isError, "a failed job fails the call");
    const text = ((result as CallToolResult).content[0] as { text: string }).text;
    assertMatch(text, /RENDER_FAILED/);
    assert(text.includes(broken.job_id) && !text.includes(master.job_id), text);
    assert(progress.length >= 1 && progress.every((p) => p >= 0 && p <= 100), `${progress}`);

    const status = await t.ok<{ in_progress: boolean; jobs: Job[] }>("render_status");
    const byId = Object.fromEntries(status.jobs.map((j) => [j.job_id, j]));
    assertEquals(byId[master.job_id].status, "Complete");
    assertEquals(byId[broken.job_id].status, "Failed");
    assert(byId[broken.job_id].error);
    assert(Deno.statSync(byId[master.job_id].output_path!).size > 0);

    // A long render started without waiting, then cancelled.
    const long = await job("long");
    const started = await t.ok<{ in_progress: boolean }>("start_render", {
      job_ids: [long.job_id],
      wait: false,
    });
    assertEquals(started.in_progress, true);
    const stopped = await t.ok<{ was_rendering: boolean; in_progress: boolean }>("stop_render");
    assertEquals([stopped.was_rendering, stopped.in_progress], [true, false]);
    const after = await t.ok<{ jobs: Job[] }>("render_status", { job_ids: [long.job_id] });
    assertEquals(after.jobs[0].status, "Cancelled");
    assertMatch(await t.error("wait_for_render", { job_ids: [long.job_id] }), /RENDER_CANCELLED/);
  }, { env: { RESOLVE_SIM_RENDER_SECONDS: "2", RESOLVE_SIM_RENDER_FAIL: "bad" } });
});
