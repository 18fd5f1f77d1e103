// Smart Reframe on Resolve 21.1.1: progress from GetSmartReframeStatus.
import { assert } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { withProgress } from "../../job_status.ts";

Deno.test("run_item_process: smart_reframe on 21.1.1 reports progress from GetSmartReframeStatus", async () => {
  await withFixture(async (t, f) => {
    const r = await withProgress(t, "run_item_process", {
      item_id: f.video[0],
      action: "smart_reframe",
    });
    assert(r.called.includes("Project.GetSmartReframeStatus"), r.called.join(","));
    assert(r.progress.length >= 2, JSON.stringify(r.progress));
    assert(r.progress[r.progress.length - 1].progress === 100);
  }, { RESOLVE_SIM_ANALYSIS_SECONDS: "3" });
});
