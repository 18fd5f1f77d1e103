// analyze_clips on Resolve 21.1.1: transcription and slate analysis report progress from the
// jobs' own status readers; before 21.1.1 only per target.
import { assert, assertEquals } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { withProgress } from "../../job_status.ts";

const SLOW = { RESOLVE_SIM_ANALYSIS_SECONDS: "3" };

Deno.test("analyze_clips: on 21.1.1 transcription and slate detection progress comes from their status readers", async () => {
  await withFixture(async (t, f) => {
    const tr = await withProgress(t, "analyze_clips", {
      action: "transcribe",
      clips: [f.clips[0]],
    });
    assert(tr.called.includes("Project.GetTranscribeAudioStatus"), tr.called.join(","));
    assert(tr.progress.some((p) => p.progress > 0 && p.progress < 1), JSON.stringify(tr.progress));
    assertEquals(tr.progress[tr.progress.length - 1].progress, 1);
    assert(tr.progress.every((p, i) => i === 0 || p.progress >= tr.progress[i - 1].progress));
    const sl = await withProgress(t, "analyze_clips", {
      action: "detect_slates",
      clips: [f.clips[0]],
    });
    assert(sl.called.includes("Project.GetAnalyzeForSlateStatus"), sl.called.join(","));
    assert(sl.progress.length >= 2, JSON.stringify(sl.progress));
  }, SLOW);
});

Deno.test("analyze_clips: before 21.1.1 progress is per target only (no status reader)", async () => {
  await withFixture(async (t, f) => {
    const tr = await withProgress(t, "analyze_clips", {
      action: "transcribe",
      clips: [f.clips[0]],
    });
    assert(!tr.called.some((m) => m.endsWith("Status")), tr.called.join(","));
    assertEquals(tr.progress.map((p) => p.progress), [1]);
  }, { RESOLVE_SIM_VERSION: "21.1.0.14" });
});
