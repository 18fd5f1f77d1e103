// Clip markers over stdio against the simulator.
import { refusedOnEmpty } from "./media.ts";

Deno.test("list_clip_markers: a missing clip is refused", () =>
  refusedOnEmpty("list_clip_markers", { clip: "missing.mov" }, /CLIP_NOT_FOUND/));

Deno.test("edit_clip_markers: a missing clip is refused", () =>
  refusedOnEmpty(
    "edit_clip_markers",
    { clip: "missing.mov", action: "add", frame: 1 },
    /CLIP_NOT_FOUND/,
  ));
