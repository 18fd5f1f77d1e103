// Vision: the timeline drawing, as a tool and as a resource.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { decodeImage } from "../../../src/image/lib.ts";
import { hasColour, look } from "./pictures.ts";

Deno.test("timeline_overview: tracks, clip and marker colours, playhead; also a resource", async () => {
  await withFixture(async (t, f) => {
    await t.ok("switch_page", { page: "edit" });
    await t.ok("set_item_properties", { item_id: f.video[0], clip_color: "Orange" });
    await t.ok("add_marker", { frame: 30, color: "Red" });
    await t.ok("set_playhead", { frame: 12 });
    const view = await look(t, "timeline_overview", { width: 600 });
    assertEquals(view.mimeType, "image/png");
    assertEquals(view.data.width, 600);
    assertEquals(
      (view.data.tracks as { track: string; items: number }[]).map((x) => [x.track, x.items]),
      [["V1", 2], ["A1", 1]],
    );
    assertEquals(view.data.markers, 1);
    assertEquals(view.data.playhead, { frame: 12, timecode: "01:00:00:12" });
    assert(hasColour(view.picture, [235, 110, 1]), "the orange clip");
    assert(hasColour(view.picture, [230, 40, 40]), "the red marker");
    assert(hasColour(view.picture, [235, 45, 45]), "the playhead");

    const { contents } = await t.client.readResource({
      uri: "resolve://timeline/current/overview",
    });
    const [content] = contents as { mimeType: string; blob: string }[];
    assertEquals(content.mimeType, "image/png");
    assertEquals((await decodeImage(Uint8Array.fromBase64(content.blob))).width, 768);
    const { resourceTemplates } = await t.client.listResourceTemplates();
    assert(resourceTemplates.some((r) => r.uriTemplate === "resolve://timeline/{id}/overview"));
    assertMatch(await t.error("timeline_overview", { timeline: "Nope" }), /TIMELINE_NOT_FOUND/);
  });
});
