// Decoding (PNG, JPEG, TIFF, binary PPM) and encoding (PNG, JPEG) of 8-bit RGB rasters.
// jpeg-js and tiff are pure JavaScript (no native code, so they work in `deno compile` and
// `deno bundle`); PNG is ./png.ts on node:zlib. See docs/vision.md for the measurements.
import jpeg from "jpeg-js";
import { decodePng, encodePng, isPng } from "./png.ts";
import type { Raster } from "./raster.ts";

export type ImageFormat = "jpeg" | "png";

export const MIME: Record<ImageFormat, string> = { jpeg: "image/jpeg", png: "image/png" };

/** The still formats decodeImage reads, by their first bytes. */
export function sniff(bytes: Uint8Array): "png" | "jpeg" | "tiff" | "ppm" | undefined {
  if (isPng(bytes)) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "jpeg";
  if (
    (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 42) ||
    (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 42)
  ) return "tiff";
  if (bytes[0] === 0x50 && bytes[1] === 0x36) return "ppm";
  return undefined;
}

/** An image file's pixels as 8-bit RGB; throws an Error saying why it cannot. */
export async function decodeImage(bytes: Uint8Array): Promise<Raster> {
  switch (sniff(bytes)) {
    case "png":
      return decodePng(bytes);
    case "jpeg": {
      const { width, height, data } = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        maxResolutionInMP: 200,
        maxMemoryUsageInMB: 1024,
      });
      return { width, height, data };
    }
    case "tiff":
      return tiffRaster(bytes, (await import("tiff")).decode); // loaded only for TIFFs
    case "ppm":
      return decodePpm(bytes);
    default:
      throw new Error("not a PNG, JPEG, TIFF or binary PPM file");
  }
}

function tiffRaster(bytes: Uint8Array, decodeTiff: typeof import("tiff").decode): Raster {
  const [ifd] = decodeTiff(bytes, { pages: [0] });
  const { width, height, samplesPerPixel: spp, bitsPerSample: bits } = ifd;
  const src = ifd.data;
  const max = bits === 8 ? 1 : bits === 16 ? 257 : 0; // 16-bit samples to 8 bits
  if (!max) throw new Error(`${bits}-bit TIFFs are not supported`);
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, s = 0; i < out.length; i += 3, s += spp) {
    const grey = spp < 3;
    out[i] = src[s] / max;
    out[i + 1] = src[grey ? s : s + 1] / max;
    out[i + 2] = src[grey ? s : s + 2] / max;
  }
  return { width, height, data: out };
}

/** Binary PPM (P6), 8 or 16 bits a sample. */
export function decodePpm(bytes: Uint8Array): Raster {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  const m = /^P6(?:\s+(?:#[^\n]*\n\s*)*(\d+)){3}/.exec(head);
  const fields = m && [...m[0].slice(2).replace(/#[^\n]*\n/g, " ").matchAll(/\d+/g)].map(Number);
  if (!m || !fields || fields.length !== 3) throw new Error("not a binary PPM file");
  const [width, height, maxval] = fields;
  const start = m[0].length + 1;
  const step = maxval > 255 ? 2 : 1;
  if (bytes.length < start + width * height * 3 * step) throw new Error("the PPM is cut short");
  if (step === 1) return { width, height, data: bytes.slice(start, start + width * height * 3) };
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = bytes[start + 2 * i];
  return { width, height, data };
}

/** Baseline JPEG at a quality of 1-100. */
export function encodeJpeg(r: Raster, quality: number): Uint8Array {
  const rgba = new Uint8Array(r.width * r.height * 4); // jpeg-js takes RGBA
  for (let i = 0, j = 0; i < r.data.length; i += 3, j += 4) {
    rgba[j] = r.data[i];
    rgba[j + 1] = r.data[i + 1];
    rgba[j + 2] = r.data[i + 2];
    rgba[j + 3] = 255;
  }
  return new Uint8Array(
    jpeg.encode({ width: r.width, height: r.height, data: rgba }, quality).data,
  );
}

export interface Encoded {
  bytes: Uint8Array;
  format: ImageFormat;
  mimeType: string;
  /** The JPEG quality used (null for PNG). */
  quality: number | null;
}

const QUALITIES = [80, 65, 50, 35];

/**
 * PNG, or JPEG at the best of a few qualities that fits maxBytes (the lowest if none does):
 * a frame for a model should stay small in its context.
 */
export function encodeImage(r: Raster, format: ImageFormat, maxBytes = 150_000): Encoded {
  if (format === "png") {
    return { bytes: encodePng(r), format, mimeType: MIME.png, quality: null };
  }
  let bytes: Uint8Array = new Uint8Array(0), quality = QUALITIES[0];
  for (quality of QUALITIES) {
    bytes = encodeJpeg(r, quality);
    if (bytes.length <= maxBytes) break;
  }
  return { bytes, format, mimeType: MIME.jpeg, quality };
}
