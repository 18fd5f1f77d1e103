// update_render_preset, set_quick_export_preset, list_audio_render_formats (Resolve 21.1).
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

const OLD = { RESOLVE_SIM_VERSION: "21.0.4.5" };

Deno.test("update_render_preset: overwrites a user preset with the current settings after confirmation", async () => {
  await withFixture(async (t) => {
    await t.ok("set_render_settings", { format: "mp4", codec: "H264" });
    await t.ok("manage_render_presets", { action: "save_as", name: "Client" });
    await t.ok("set_render_settings", { format: "mov", codec: "ProRes422HQ" });
    assertMatch(
      await t.error("update_render_preset", { preset: "Client" }),
      /CONFIRMATION_REQUIRED/,
    );
    const done = await t.confirmed<{ format: string; codec: string }>("update_render_preset", {
      preset: "Client",
    });
    assertEquals([done.format, done.codec], ["mov", "ProRes422HQ"]);
    await t.ok("set_render_settings", { format: "mp4", codec: "H264" });
    const loaded = await t.ok<{ current: { format: string; codec: string } }>(
      "manage_render_presets",
      { action: "load", name: "Client" },
    );
    assertEquals([loaded.current.format, loaded.current.codec], ["mov", "ProRes422HQ"]);
    assertMatch(
      await t.confirmedError("update_render_preset", { preset: "H.264 Master" }),
      /PRESET_REFUSED/,
    );
    assertMatch(await t.error("update_render_preset", { preset: "Nope" }), /PRESET_NOT_FOUND/);
  });
  await withFixture(async (t) => {
    assertMatch(
      await t.error("update_render_preset", { preset: "H.264 Master" }),
      /VERSION_UNSUPPORTED.*21\.1/s,
    );
  }, OLD);
});

Deno.test("set_quick_export_preset: a render preset joins Quick Export, quick_export renders with it, and leaves", async () => {
  await withFixture(async (t, _f, dir) => {
    const on = await t.ok<{ enabled: boolean; quick_export_presets: string[] }>(
      "set_quick_export_preset",
      { preset: "ProRes 422 HQ", enabled: true },
    );
    assertEquals(on.enabled, true);
    assert(on.quick_export_presets.includes("ProRes 422 HQ"));
    const done = await t.ok<{ status: string }>("quick_export", {
      preset: "ProRes 422 HQ",
      target_dir: dir,
      custom_name: "qe",
    });
    assertEquals(done.status, "Render Complete");
    assert(Deno.statSync(`${dir}/qe.mov`).isFile);
    const off = await t.ok<{ enabled: boolean; quick_export_presets: string[] }>(
      "set_quick_export_preset",
      { preset: "ProRes 422 HQ", enabled: false },
    );
    assertEquals(off.enabled, false);
    assertMatch(
      await t.error("quick_export", { preset: "ProRes 422 HQ", target_dir: dir }),
      /PRESET_NOT_FOUND/,
    );
    assertMatch(
      await t.error("set_quick_export_preset", { preset: "Nope", enabled: true }),
      /PRESET_REFUSED/,
    );
  });
  await withFixture(async (t) => {
    assertMatch(
      await t.error("set_quick_export_preset", { preset: "H.264 Master", enabled: true }),
      /VERSION_UNSUPPORTED/,
    );
  }, OLD);
});

Deno.test("list_audio_render_formats: formats by extension; codecs by extension or by label", async () => {
  await withFixture(async (t) => {
    const all = await t.ok<{ formats: { id: string; name: string }[]; codecs: null }>(
      "list_audio_render_formats",
    );
    assert(all.formats.some((f) => f.id === "wav" && f.name === "Wave"), JSON.stringify(all));
    assertEquals(all.codecs, null);
    const byExt = await t.ok<{ codecs: { id: string; name: string }[] }>(
      "list_audio_render_formats",
      { format: "wav" },
    );
    assertEquals(byExt.codecs, [{ id: "lpcm", name: "Linear PCM" }]);
    const byLabel = await t.ok<{ codecs: { id: string }[] }>("list_audio_render_formats", {
      format: "Wave",
    });
    assertEquals(byLabel.codecs, byExt.codecs);
    assertMatch(
      await t.error("list_audio_render_formats", { format: "ogg" }),
      /UNKNOWN_FORMAT.*wav/s,
    );
  });
  await withFixture(async (t) => {
    assertMatch(await t.error("list_audio_render_formats"), /VERSION_UNSUPPORTED/);
  }, OLD);
});
