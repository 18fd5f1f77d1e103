// Quick Export on Resolve 21.1.1 reads its status reader (GetRenderWithQuickExportStatus).
import { assert, assertEquals } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { withProgress } from "../../job_status.ts";

Deno.test("quick_export: on 21.1.1 the final status comes with a progress notification from its status reader", async () => {
  await withFixture(async (t, _f, dir) => {
    const r = await withProgress(t, "quick_export", { preset: "H.264", target_dir: dir });
    assert(r.called.includes("Project.GetRenderWithQuickExportStatus"), r.called.join(","));
    assertEquals(r.progress.map((p) => p.progress), [100]);
  });
  await withFixture(async (t, _f, dir) => {
    const r = await withProgress(t, "quick_export", { preset: "H.264", target_dir: dir });
    assert(!r.called.includes("Project.GetRenderWithQuickExportStatus"));
    assertEquals(r.progress.length, 0);
  }, { RESOLVE_SIM_VERSION: "21.1.0.14" });
});
