// Audio sync and stereo pairing over stdio against the simulator.
import { refusedOnEmpty } from "./media.ts";

Deno.test("sync_audio: a missing clip is refused", () =>
  refusedOnEmpty("sync_audio", { clips: ["missing.mov", "missing.wav"] }, /CLIP_NOT_FOUND/));

Deno.test("create_stereo_clip: missing clips are refused", () =>
  refusedOnEmpty(
    "create_stereo_clip",
    { left: "missing.mov", right: "missing2.mov" },
    /CLIP_NOT_FOUND/,
  ));
