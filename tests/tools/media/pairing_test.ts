// Audio sync and stereo pairing over stdio against the simulator.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("sync_audio: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("sync_audio", { clips: ["missing.mov", "missing.wav"] }),
      /CLIP_NOT_FOUND/,
    );
  });
});

Deno.test("create_stereo_clip: missing clips are refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("create_stereo_clip", { left: "missing.mov", right: "missing2.mov" }),
      /CLIP_NOT_FOUND/,
    );
  });
});
