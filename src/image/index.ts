// The image module (decoding, resizing, drawing, encoding) is loaded on the first call that
// makes an image: the server's start-up time and memory stay as they are without it.
export type { Encoded, ImageFormat } from "./codec.ts";
export type { Raster, RGB } from "./raster.ts";
export type { TimelineModel } from "./timeline.ts";

let loaded: Promise<typeof import("./lib.ts")> | undefined;

export function imaging(): Promise<typeof import("./lib.ts")> {
  return loaded ??= import("./lib.ts");
}

/** Base64 of bytes (native; the server's JIT-less V8 is slow at byte loops). */
export function toBase64(bytes: Uint8Array): string {
  return bytes.toBase64();
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.fromBase64(text);
}
