// Mattes over stdio against the simulator.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("list_mattes: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("list_mattes", { clip: "missing.mov" }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("manage_mattes: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("manage_mattes", {
        action: "add_clip_mattes",
        clip: "missing.mov",
        paths: ["\/tmp\/m.png"],
      }),
      /CLIP_NOT_FOUND|PATH_NOT_ALLOWED/,
    );
  });
});
