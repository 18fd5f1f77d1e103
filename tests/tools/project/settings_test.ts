// Project settings and presets over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient } from "../../harness.ts";
import { ALL } from "./common.ts";

Deno.test("get_project_settings: one key, unknown keys, a prefix, all in pages, read-only keys", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Settings" });
    const some = await t.ok("get_project_settings", { keys: ["timelineFrameRate", "noSuchKey"] });
    assertEquals(some.settings, { timelineFrameRate: "24" });
    assertEquals(some.unknown_keys, ["noSuchKey"]);
    const group = await t.ok("get_project_settings", { prefix: "timelineResolution" });
    assertEquals(Object.keys(group.settings as object).sort(), [
      "timelineResolutionHeight",
      "timelineResolutionWidth",
    ]);
    const p1 = await t.ok("get_project_settings", { limit: 10 });
    assertEquals(Object.keys(p1.settings as object).length, 10);
    assert((p1.total as number) > 100);
    const p2 = await t.ok("get_project_settings", { limit: 10, cursor: p1.next_cursor });
    assert(!Object.keys(p2.settings as object).some((k) => k in (p1.settings as object)));
    const ro = await t.ok("get_project_settings", { prefix: "perfOptimised" });
    assertEquals(ro.read_only_keys, ["perfOptimisedCodec"]);
  });
});

Deno.test("set_project_settings: several keys with per-key results; refusals change nothing", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Settings" });
    const set = await t.ok<
      {
        results: { key: string; applied: boolean; value: string; previous: string }[];
        refused: string[];
      }
    >(
      "set_project_settings",
      {
        settings: {
          timelineResolutionWidth: "3840",
          timelineResolutionHeight: 2160,
          colorUseContrastSCurve: false,
        },
      },
    );
    assertEquals(set.refused, []);
    assertEquals(set.results.map((r) => [r.key, r.previous, r.value]), [
      ["timelineResolutionWidth", "1920", "3840"],
      ["timelineResolutionHeight", "1080", "2160"],
      ["colorUseContrastSCurve", "1", "0"],
    ]);
    const back = await t.ok("get_current_project");
    assertEquals([back.resolution_width, back.resolution_height], [3840, 2160]);

    const partial = await t.ok("set_project_settings", {
      settings: { timelineSampleRate: "96000", timelineResolutionWidth: "wide" },
    });
    assertEquals(partial.refused, ["timelineResolutionWidth"]);
    assertEquals(partial.applied, 1);
    assertMatch(
      await t.error("set_project_settings", { settings: { timelineResolutionWidth: "wide" } }),
      /SETTINGS_REFUSED.*nothing was changed/s,
    );
    assertMatch(
      await t.error("set_project_settings", {
        settings: { timelineResolutionWidth: "1280", perfOptimisedCodec: "DNxHR" },
      }),
      /READ_ONLY_SETTING.*perfOptimisedCodec.*nothing was changed/s,
    );
    assertMatch(
      await t.error("set_project_settings", { settings: { timelineresolutionwidth: "1280" } }),
      /UNKNOWN_SETTING.*timelineResolutionWidth/s,
    );
    assertEquals((await t.ok("get_current_project")).resolution_width, 3840, "unchanged");

    await t.ok("set_project_settings", {
      settings: { superScale: 2 },
      super_scale_sharpness: 0.25,
      super_scale_noise_reduction: 0.75,
    });
    const ss = await t.ok("get_project_settings", { prefix: "superScale" });
    assertEquals((ss.settings as Record<string, string>).superScaleSharpness, "0.25");
    assertEquals((ss.settings as Record<string, string>).superScale, "2");
    assertMatch(
      await t.error("set_project_settings", {
        settings: { superScale: 3 },
        super_scale_sharpness: 0.2,
        super_scale_noise_reduction: 0.2,
      }),
      /INVALID_ARGUMENTS.*superScale set to 2/s,
    );
    assertMatch(
      await t.error("set_project_settings", {
        settings: { superScale: 2 },
        super_scale_sharpness: 0.2,
      }),
      /INVALID_ARGUMENTS.*go together/s,
    );
    assertMatch(
      await t.error("set_project_settings", { settings: {} }),
      /INVALID_ARGUMENTS.*1 to 100 keys/s,
    );
  });
});

Deno.test("list_project_presets: names with their resolution", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Presets" });
    const { presets } = await t.ok<{ presets: { name: string; width: number | null }[] }>(
      "list_project_presets",
    );
    assertEquals(presets.find((p) => p.name === "HD 720p 50")?.width, 1280);
    assert(presets.every((p) => p.name.length > 0));
  });
});

Deno.test("apply_project_preset: asks, replaces the settings; an unknown preset names the known ones", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Presets" });
    assertMatch(
      await t.error("apply_project_preset", { name: "HD 720p 50" }),
      /CONFIRMATION_REQUIRED/,
    );
    assertEquals(
      (await t.ok("get_current_project")).frame_rate,
      "24",
      "unchanged before confirming",
    );
    // It replaces the project's settings: only after confirmation.
    const applied = await t.confirmed("apply_project_preset", { name: "HD 720p 50" });
    assertEquals(applied, {
      preset: "HD 720p 50",
      frame_rate: "50",
      resolution_width: 1280,
      resolution_height: 720,
      checkpoint_id: applied.checkpoint_id,
    });
    assertMatch(String(applied.checkpoint_id), /^ck-/); // a project checkpoint first
    assertEquals((await t.ok("get_current_project")).frame_rate, "50");
    assertMatch(
      await t.error("apply_project_preset", { name: "8K 120" }),
      /PRESET_NOT_FOUND.*HD 720p 50/s,
    );
  });
});

Deno.test("refresh_lut_list: refreshes the LUT list", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Luts" });
    assertEquals(await t.ok("refresh_lut_list"), { refreshed: true });
    assertMatch(await t.error("refresh_lut_list", { all: true }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("reset_intellisearch_analysis: asks, clears; Studio only", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "AI" });
    assertMatch(await t.error("reset_intellisearch_analysis"), /CONFIRMATION_REQUIRED/);
    assertEquals(await t.confirmed("reset_intellisearch_analysis", {}), {
      project: "AI",
      cleared: true,
    });
  });
  await withClient({ ...ALL, env: { RESOLVE_SIM_EDITION: "free" } }, async (t) => {
    await t.ok("create_project", { name: "Free" });
    assertMatch(
      await t.confirmedError("reset_intellisearch_analysis", {}),
      /STUDIO_REQUIRED/,
    );
  });
});
