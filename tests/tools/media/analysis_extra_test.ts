// Missing-clip refusals for analysis.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("clear_clip_analysis: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("clear_clip_analysis", { clips: ["missing.mov"] }),
      /CLIP_NOT_FOUND|INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("remove_motion_blur: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("remove_motion_blur", { clips: ["missing.mov"] }),
      /CLIP_NOT_FOUND|INVALID_ARGUMENTS/,
    );
  });
});
