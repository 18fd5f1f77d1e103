// Media pool selection over stdio against the simulator.
import { assertEquals } from "../../assert.ts";
import { refusedOnEmpty, withMedia } from "./media.ts";

Deno.test("select_clip: a missing clip is refused", () =>
  refusedOnEmpty("select_clip", { clip: "missing.mov" }, /CLIP_NOT_FOUND/));

Deno.test("get_selected_clips: nothing is selected in a new project", async () => {
  await withMedia(() => {}, async (t) => {
    assertEquals((await t.ok<{ clips: unknown[] }>("get_selected_clips", {})).clips, []);
  });
});
