// Vision tools on frames: frames as Resolve renders them (the simulator grades and transforms real
// pixels) and contact sheets, checked by decoding the images and measuring their pixels.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import {
  decodeImage,
  encodeImage,
  encodePng,
  type Raster,
  raster,
} from "../../../src/image/lib.ts";
import { look, mean, near } from "./pictures.ts";

Deno.test("get_frame: the graded frame; a red slope, a LUT and a zoom show in its pixels", async () => {
  await withFixture(async (t, f, dir) => {
    await t.ok("switch_page", { page: "media" });
    assertMatch(await t.error("get_frame", { at_frame: 10 }), /WRONG_PAGE.*switch_page/s);
    await t.ok("switch_page", { page: "edit" });
    await t.ok("set_playhead", { frame: 3 });

    const base = await look(t, "get_frame", { at_frame: 10, format: "png" });
    assertEquals(base.data.timecode, "01:00:00:10");
    assertEquals((base.data.item as { name: string }).name, "a.mp4");
    assertEquals([base.data.width, base.data.height, base.data.format], [768, 432, "png"]);
    assertEquals((await t.ok("get_playhead")).frame, 3); // put back

    // Zoom 2 about the centre: what was at 30% (and 26%) of the width shows at 10% (and 2%).
    await t.ok("set_item_properties", {
      item_id: f.video[0],
      properties: { ZoomX: 2, ZoomY: 2 },
    });
    const zoomed = await look(t, "get_frame", { at_frame: 10, format: "png" });
    const box = (p: Raster, x: number, y: number) =>
      mean(p, x - 0.01, y - 0.05, x + 0.01, y + 0.05);
    assert(near(box(zoomed.picture, 0.1, 0.2), box(base.picture, 0.3, 0.35), 3));
    assert(near(box(zoomed.picture, 0.02, 0.2), box(base.picture, 0.26, 0.35), 3));
    assert(!near(box(zoomed.picture, 0.02, 0.2), box(base.picture, 0.02, 0.2), 20)); // moved
    assert(near(box(zoomed.picture, 0.5, 0.2), box(base.picture, 0.5, 0.35), 3));
    await t.ok("set_item_properties", { item_id: f.video[0], properties: { ZoomX: 1, ZoomY: 1 } });

    // CDL: a red slope above 1 raises red, and leaves blue alone.
    await t.ok("set_cdl", { item_id: f.video[0], slope: [1.6, 1, 1] });
    const graded = await look(t, "get_frame", { at_frame: 10, format: "png" });
    const [before, after] = [mean(base.picture), mean(graded.picture)];
    assert(after[0] > before[0] + 10, `red ${before[0]} -> ${after[0]}`);
    assert(Math.abs(after[2] - before[2]) < 1, `blue ${before[2]} -> ${after[2]}`);

    // A LUT swapping red and blue, on the still b.png (solid 40, 90, 160).
    const lut = `${dir}/swap.cube`;
    const corners = [];
    for (let b = 0; b < 2; b++) {
      for (let g = 0; g < 2; g++) for (let r = 0; r < 2; r++) corners.push(`${b} ${g} ${r}`);
    }
    Deno.writeTextFileSync(lut, `LUT_3D_SIZE 2\n${corners.join("\n")}\n`);
    const still = await look(t, "get_frame", { at_frame: 100, format: "png" });
    assert(near(mean(still.picture, 0.4, 0.4, 0.6, 0.6), [40, 90, 160], 1));
    await t.ok("set_node", { item_id: f.video[1], node_index: 1, lut });
    const swapped = await look(t, "get_frame", { at_frame: 100, format: "png" });
    assert(near(mean(swapped.picture, 0.4, 0.4, 0.6, 0.6), [160, 90, 40], 1));
  });
});

Deno.test("get_frame: JPEG under 150 kB within max_width, by timecode, on another timeline; failures", async () => {
  await withFixture(async (t, f) => {
    await t.ok("switch_page", { page: "color" });
    const small = await look(t, "get_frame", { at_timecode: "01:00:01:00", max_width: 200 });
    assertEquals(small.mimeType, "image/jpeg");
    assertEquals([small.data.width, small.data.height, small.data.frame], [200, 113, 24]);
    assert(typeof small.data.quality === "number");
    const full = await look(t, "get_frame", {});
    assert((full.data.bytes as number) < 150_000);
    assertEquals(Math.max(full.picture.width, full.picture.height), 768);

    await t.ok("create_timeline", { name: "Other" });
    const other = await look(t, "get_frame", { timeline: "Cut", at_frame: 50, format: "png" });
    assertEquals(other.data.timeline, "Cut");
    assertEquals((await t.ok("get_playhead")).timeline, "Other"); // the current one again

    assertMatch(await t.error("get_frame", { timeline: "Cut", at_frame: 100_000 }), /OUT_OF_RANGE/);
    assertMatch(await t.error("get_frame", { timeline: "Nope" }), /TIMELINE_NOT_FOUND/);
    assertMatch(
      await t.error("get_frame", { timeline: "Cut", at_frame: 1, at_timecode: "01:00:00:01" }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("get_frame", { timeline: "Cut", at_timecode: "99:99" }),
      /INVALID_TIMECODE/,
    );
    assertMatch(
      await t.error("get_frame", { timeline: "Cut", max_width: 10 }),
      /INVALID_ARGUMENTS/,
    );
    await t.ok("set_item_properties", { timeline: "Cut", item_id: f.video[0], enabled: false });
    assertMatch(await t.error("get_frame", { timeline: "Cut", at_frame: 10 }), /NO_VIDEO_AT_FRAME/);
  });
});

Deno.test("contact_sheet: one image, a tile per marker with its timecode; items; failures", async () => {
  await withFixture(async (t) => {
    await t.ok("switch_page", { page: "edit" });
    assertMatch(await t.error("contact_sheet", { at: "markers" }), /NO_MARKERS/);
    const frames = [0, 20, 40, 60, 100, 150];
    for (const [i, frame] of frames.entries()) {
      await t.ok("add_marker", { frame, color: ["Red", "Blue", "Green"][i % 3], name: `m${i}` });
    }
    const sheet = await look(t, "contact_sheet", { at: "markers", format: "png" });
    const tiles = sheet.data.tiles as { frame: number; timecode: string; item: string }[];
    assertEquals(tiles.map((x) => x.frame), frames);
    assertEquals(tiles[1].timecode, "01:00:00:20");
    assertEquals(tiles.map((x) => x.item), ["a.mp4", "a.mp4", "a.mp4", "a.mp4", "b.png", "b.png"]);
    assertEquals([sheet.data.columns, sheet.data.rows], [3, 2]);
    assert((sheet.data.width as number) <= 768);
    // Every tile holds a picture: its middle is not the sheet's background.
    const { tile_width: tw, tile_height: th } = sheet.data as Record<string, number>;
    for (let i = 0; i < 6; i++) {
      const x = 4 + (i % 3) * (tw + 4) + (tw >> 1),
        y = 4 + Math.floor(i / 3) * (th + 17) + (th >> 1);
      const at = (y * sheet.picture.width + x) * 3;
      assert(
        sheet.picture.data[at] + sheet.picture.data[at + 1] + sheet.picture.data[at + 2] > 100,
      );
    }

    const items = await t.ok("contact_sheet", { at: "items", columns: 1, max_width: 300 });
    assertEquals((items.tiles as { item: string }[]).map((x) => x.item), ["a.mp4", "b.png"]);
    assert(Math.max(items.width as number, items.height as number) <= 300);
    assertMatch(await t.error("contact_sheet", { at: [5, 99999] }), /OUT_OF_RANGE/);
    assertMatch(await t.error("contact_sheet", { at: [] }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("get_frame: stills the simulator writes (PNG, TIFF, PPM) decode alike; JPEG and PNG round trips", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("switch_page", { page: "edit" });
    await t.ok("set_playhead", { frame: 30 });
    const pictures = [];
    for (const ext of ["png", "tif", "ppm"]) {
      await t.ok("export_current_frame", { path: `${dir}/frame.${ext}` });
      pictures.push(await decodeImage(Deno.readFileSync(`${dir}/frame.${ext}`)));
    }
    assertEquals([pictures[0].width, pictures[0].height], [960, 540]);
    assert(near(mean(pictures[0], 0.5, 0.1, 0.52, 0.2), [0, 191, 0], 0)); // the green bar
    for (const p of pictures.slice(1)) assertEquals(p, pictures[0]);
  });
  const picture = raster(64, 32, [200, 30, 90]);
  assertEquals(await decodeImage(encodePng(picture)), picture);
  const jpeg = encodeImage(picture, "jpeg");
  assertEquals([jpeg.mimeType, jpeg.quality], ["image/jpeg", 80]);
  assert(near(mean(await decodeImage(jpeg.bytes)), [200, 30, 90], 3));
});
