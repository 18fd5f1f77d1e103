// Media pool selection over stdio against the simulator.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("select_clip: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("select_clip", { clip: "missing.mov" }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("get_selected_clips: nothing is selected in a new project", async () => {
  await withMedia(() => {}, async (t) => {
    assertEquals((await t.ok<{ clips: unknown[] }>("get_selected_clips", {})).clips, []);
  });
});
