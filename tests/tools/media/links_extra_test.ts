// Missing-clip refusals for relinking.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("relink_clips: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("relink_clips", { clips: ["missing.mov"], folder: "\/tmp" }),
      /CLIP_NOT_FOUND|PATH_NOT_ALLOWED/,
    );
  });
});

Deno.test("unlink_clips: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("unlink_clips", { clips: ["missing.mov"] }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("replace_clip: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("replace_clip", { clip: "missing.mov", path: "\/tmp\/x.mp4" }),
      /CLIP_NOT_FOUND|PATH_NOT_ALLOWED/,
    );
  });
});
