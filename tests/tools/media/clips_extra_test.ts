// Missing-clip refusals for the clip tools.
import { assertMatch } from "../../assert.ts";
import { withMedia } from "./media.ts";

Deno.test("get_clip_info: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("get_clip_info", { clip: "missing.mov" }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("set_clip_properties: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("set_clip_properties", {
        clip: "missing.mov",
        properties: { "Reel Name": "R" },
      }),
      /CLIP_NOT_FOUND/,
    );
  });
});

Deno.test("tag_clips: an unknown colour is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("tag_clips", { clips: ["missing.mov"], clip_color: "Mauve" }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("set_clip_marks: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("set_clip_marks", { clip: "missing.mov", action: "clear" }),
      /CLIP_NOT_FOUND/,
    );
  });
});

Deno.test("delete_clips: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(await t.error("delete_clips", { clips: ["missing.mov"] }), /CLIP_NOT_FOUND/);
  });
});

Deno.test("move_clips: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("move_clips", { clips: ["missing.mov"], bin: "Selects" }),
      /CLIP_NOT_FOUND/,
    );
  });
});

Deno.test("export_clip_metadata: outside the roots is refused", async () => {
  await withMedia(() => {}, async (t) => {
    assertMatch(
      await t.error("export_clip_metadata", { path: "\/etc\/meta.csv" }),
      /PATH_NOT_ALLOWED/,
    );
  });
});
