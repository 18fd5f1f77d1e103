// The render settings tools over stdio against the simulator: formats, presets, settings.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { tokenOf } from "../../harness.ts";
import type { Job } from "./helpers.ts";

Deno.test("list_render_formats: formats, codecs and resolutions; unknown ones are refused", async () => {
  await withFixture(async (t) => {
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
    assertMatch(await t.error("list_render_formats", { codec: "H264" }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("list_render_presets: render and Quick Export presets", async () => {
  await withFixture(async (t) => {
    const presets = await t.ok("list_render_presets");
    assert((presets.presets as string[]).includes("H.264 Master"));
    assert((presets.quick_export_presets as string[]).includes("H.264"));
  });
});

Deno.test("set_render_settings: presets, format, codec, mode and settings, read back by add_render_job", async () => {
  await withFixture(async (t, _f, dir) => {
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
      /INVALID_ARGUMENTS/,
    );
    assertMatch(await t.error("set_render_settings", { format: "mov" }), /INVALID_ARGUMENTS/);
    assertMatch(await t.error("set_render_settings", {}), /NOTHING_TO_CHANGE/);
    assertMatch(
      await t.error("set_render_settings", { preset: "Nope" }),
      /PRESET_NOT_FOUND.*H\.264 Master/s,
    );
    assertMatch(
      await t.error("set_render_settings", { data_burn_in_preset: "Nope" }),
      /BURN_IN_PRESET_NOT_FOUND/,
    );
  });
});

Deno.test("manage_render_presets: save_as, load and delete (confirmed); built-ins are refused", async () => {
  await withFixture(async (t) => {
    await t.ok("set_render_settings", { format: "QuickTime", codec: "ProRes422HQ" });
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
    const deleted = await t.confirmed("manage_render_presets", { action: "delete", name: "Mine" });
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
