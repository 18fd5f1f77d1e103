// Scene-cut detection and subtitles on Resolve 21.1.1: progress from their status readers.
import { assert } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { withProgress } from "../../job_status.ts";

const SLOW = { RESOLVE_SIM_ANALYSIS_SECONDS: "3" };

Deno.test("detect_scene_cuts: on 21.1.1 progress follows GetDetectSceneCutsStatus; not before", async () => {
  await withFixture(async (t) => {
    const r = await withProgress(t, "detect_scene_cuts", {});
    assert(r.called.includes("Project.GetDetectSceneCutsStatus"), r.called.join(","));
    assert(r.progress.length >= 2, JSON.stringify(r.progress));
    assert(r.progress[r.progress.length - 1].progress === 100, JSON.stringify(r.progress));
  }, SLOW);
  await withFixture(async (t) => {
    const r = await withProgress(t, "detect_scene_cuts", {});
    assert(!r.called.includes("Project.GetDetectSceneCutsStatus"));
    assert(r.progress.length === 0, JSON.stringify(r.progress));
  }, { RESOLVE_SIM_VERSION: "21.0.4.5" });
});

Deno.test("create_subtitles_from_audio: on 21.1.1 progress follows GetCreateSubtitlesFromAudioStatus", async () => {
  await withFixture(async (t) => {
    const r = await withProgress(t, "create_subtitles_from_audio", {});
    assert(r.called.includes("Project.GetCreateSubtitlesFromAudioStatus"), r.called.join(","));
    assert(r.progress.some((p) => p.progress > 0 && p.progress < 100), JSON.stringify(r.progress));
  }, SLOW);
});
