// Missing-target refusals for the storage tools.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("reveal_in_storage: a path outside the roots is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("reveal_in_storage", { path: "/nope/x.wav" }),
      /PATH_NOT_ALLOWED|FILE_NOT_FOUND/,
    );
  });
});

Deno.test("monitor_growing_file: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("monitor_growing_file", { clip: "missing.mov" }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("import_image_sequence: no sequences is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("import_image_sequence", { sequences: [] }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("add_from_storage: no items is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("add_from_storage", { items: [] }), /INVALID_ARGUMENTS/);
  });
});
