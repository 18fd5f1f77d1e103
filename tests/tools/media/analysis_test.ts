// AI analysis over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { importInto, refusedOnEmpty, writeMp4, writeWav } from "./media.ts";

Deno.test("analyze_clips: AI analysis on bins and clips; refused with a clear error on the free edition", async () => {
  await withTempDir(async (dir) => {
    await writeMp4(`${dir}/talk.mp4`, 48, true);
    writeWav(`${dir}/vo.wav`, 2);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "AI" });
      const [talk, vo] = await importInto(t, [`${dir}/talk.mp4`, `${dir}/vo.wav`], "Interviews");
      for (const action of ["transcribe", "classify_audio", "intellisearch", "detect_slates"]) {
        const r = await t.ok("analyze_clips", {
          action,
          bin: "Interviews",
          speaker_detection: action === "transcribe" ? true : undefined,
        });
        assertEquals(r.targets, ['bin "Master/Interviews"']);
      }
      const slate = await t.ok<{ markers: { name: string; color: string }[] }>(
        "list_clip_markers",
        { clip: talk.id },
      );
      assertEquals(slate.markers[0].color, "Blue");
      await t.ok("analyze_clips", {
        action: "detect_slates",
        clips: [talk.id],
        slate_marker_color: "Red",
      });
      assertMatch(
        await t.error("analyze_clips", { action: "detect_slates", clips: [vo.id] }),
        /AI_FEATURE_REFUSED.*detect_slates on "vo.wav"/s,
      );
      assertMatch(
        await t.error("analyze_clips", { action: "transcribe" }),
        /INVALID_ARGUMENTS.*give bin or clips/s,
      );
      assertMatch(
        await t.error("analyze_clips", { action: "transcribe", bin: "Interviews", clips: [vo.id] }),
        /INVALID_ARGUMENTS.*give bin or clips/s,
      );
      assertMatch(
        await t.error("clear_clip_analysis", { what: "transcription", clips: [vo.id] }),
        /CONFIRMATION_REQUIRED/,
      );
      await t.confirmed("clear_clip_analysis", { what: "transcription", clips: [vo.id] });
      await t.confirmed("clear_clip_analysis", {
        what: "audio_classification",
        bin: "Interviews",
      });
      // motion deblur: a new clip per video clip
      const deblur = await t.ok<{ created: { original_id: string; new_name: string }[] }>(
        "remove_motion_blur",
        {
          clips: [talk.id],
          format: "mp4",
          extreme_mode: true,
        },
      );
      assertEquals(deblur.created[0].original_id, talk.id);
      assertEquals(deblur.created[0].new_name, "talk_deblur.mp4");
      const binDeblur = await t.ok<{ created: unknown[] }>("remove_motion_blur", {
        bin: "Interviews",
      });
      assert(binDeblur.created.length >= 1);
      assertMatch(await t.error("remove_motion_blur", { clips: [vo.id] }), /AI_FEATURE_REFUSED/);
    });
    await withClient({
      args: ["--allow-path", dir, "--toolsets", "all"],
      env: { RESOLVE_SIM_EDITION: "free" },
    }, async (t) => {
      await t.ok("create_project", { name: "Free" });
      await importInto(t, [`${dir}/talk.mp4`], "Interviews");
      assertMatch(
        await t.error("analyze_clips", { action: "transcribe", bin: "Interviews" }),
        /AI_FEATURE_REFUSED.*Studio/s,
      );
      assertMatch(
        await t.confirmedError("clear_clip_analysis", {
          what: "transcription",
          bin: "Interviews",
        }),
        /AI_FEATURE_REFUSED/,
      );
    });
  });
});

Deno.test("clear_clip_analysis: a missing clip is refused", () =>
  refusedOnEmpty(
    "clear_clip_analysis",
    { clips: ["missing.mov"], what: "transcription" },
    /CLIP_NOT_FOUND/,
  ));

Deno.test("remove_motion_blur: a missing clip is refused", () =>
  refusedOnEmpty("remove_motion_blur", { clips: ["missing.mov"] }, /CLIP_NOT_FOUND/));
