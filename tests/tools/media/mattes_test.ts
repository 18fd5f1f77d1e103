// Mattes over stdio against the simulator.
import { assertMatch } from "../../assert.ts";
import { refusedOnEmpty, withMedia, writePng } from "./media.ts";

Deno.test("list_mattes: a missing clip is refused", () =>
  refusedOnEmpty("list_mattes", { clip: "missing.mov" }, /CLIP_NOT_FOUND/));

Deno.test("manage_mattes: a missing clip is refused", async () => {
  await withMedia((dir) => writePng(`${dir}/m.png`, 8, 8), async (t, dir) => {
    assertMatch(
      await t.error("manage_mattes", {
        action: "add_clip_mattes",
        clip: "missing.mov",
        paths: [`${dir}/m.png`],
      }),
      /CLIP_NOT_FOUND/,
    );
  });
});
