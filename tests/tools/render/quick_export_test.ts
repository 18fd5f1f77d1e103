// Quick Export over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("quick_export: renders the timeline into a folder with a Quick Export preset", async () => {
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
