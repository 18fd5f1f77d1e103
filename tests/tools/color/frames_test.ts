// Color tools on pictures over stdio against the simulator: Dolby Vision, thumbnails, current frame.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { look, mean, near } from "../vision/pictures.ts";

Deno.test("analyze_dolby_vision: analysis, with Color-page thumbnail and current frame export", async () => {
  await withFixture(async (t, f, dir) => {
    assertEquals(await t.ok("analyze_dolby_vision", {}), { analyzed: "all", blend_shots: false });
    assertEquals(
      await t.ok("analyze_dolby_vision", { item_ids: [f.video[0]], blend_shots: true }),
      { analyzed: 1, blend_shots: true },
    );
    assertMatch(
      await t.error("analyze_dolby_vision", { item_ids: ["nope"] }),
      /ITEM_NOT_FOUND/,
    );
    await t.ok("switch_page", { page: "edit" });
    assertMatch(await t.error("get_clip_thumbnail"), /WRONG_PAGE.*switch_page/s);
    await t.ok("switch_page", { page: "color" });
    const thumb = await t.ok("get_clip_thumbnail");
    assertEquals([thumb.width, thumb.height, thumb.format], [320, 180, "RGB 8 bit"]);
    assertEquals(thumb.image_format, "png"); // the picture itself: tests/tools/color/frames_test.ts (get_clip_thumbnail)

    const frame = await t.ok("export_current_frame", { path: `${dir}/frame.png` });
    assertEquals(frame.path, `${dir}/frame.png`);
    assert(Deno.statSync(`${dir}/frame.png`).size > 0);
    assertMatch(
      await t.error("export_current_frame", { path: `${dir}/frame.png` }),
      /CONFIRMATION_REQUIRED/,
    );
    await t.confirmed("export_current_frame", { path: `${dir}/frame.png` });
    assertMatch(
      await t.error("export_current_frame", { path: `${dir}/frame.mov` }),
      /BAD_EXTENSION/,
    );
  });
});

Deno.test("get_clip_thumbnail: a PNG of the graded clip under the playhead, no raw data", async () => {
  await withFixture(async (t, f) => {
    await t.ok("switch_page", { page: "color" });
    await t.ok("set_playhead", { frame: 100 }); // b.png, solid 40, 90, 160
    const plain = await look(t, "get_clip_thumbnail");
    assertEquals([plain.data.width, plain.data.height, plain.data.image_format], [320, 180, "png"]);
    assert(!("data" in plain.data));
    assert(near(mean(plain.picture, 0.4, 0.4, 0.6, 0.6), [40, 90, 160], 1));
    await t.ok("set_cdl", { item_id: f.video[1], slope: [2, 1, 1] });
    const graded = await look(t, "get_clip_thumbnail");
    assert(near(mean(graded.picture, 0.4, 0.4, 0.6, 0.6), [80, 90, 160], 1));
  });
});

Deno.test("export_current_frame: writes the frame; a non-still extension is BAD_EXTENSION", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("switch_page", { page: "color" });
    const frame = await t.ok("export_current_frame", { path: `${dir}/frame.png` });
    assertEquals(frame.path, `${dir}/frame.png`);
    assert(Deno.statSync(`${dir}/frame.png`).size > 0);
    assertMatch(
      await t.error("export_current_frame", { path: `${dir}/frame.mov` }),
      /BAD_EXTENSION/,
    );
  });
});
