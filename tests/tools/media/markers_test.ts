// Clip markers over stdio against the simulator.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("list_clip_markers: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("list_clip_markers", { clip: "missing.mov" }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("edit_clip_markers: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("edit_clip_markers", { clip: "missing.mov", action: "add", frame: 1 }),
      /CLIP_NOT_FOUND/,
    );
  });
});
