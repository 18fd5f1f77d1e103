// PNG on node:zlib (native deflate, so the server's JIT-less V8 only runs the filters):
// encodes 8-bit RGB; decodes 8/16-bit grey, RGB, palette, with or without alpha (alpha is
// dropped), not interlaced.
import { deflateSync, inflateSync } from "node:zlib";
import type { Raster } from "./raster.ts";
import { concatBytes } from "../bytes.ts";

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((v, i) => bytes[i] === v);
}

/** 8-bit RGB PNG; every row uses the Sub filter (good for pictures and flat graphics). */
export function encodePng(r: Raster): Uint8Array {
  const stride = r.width * 3;
  const raw = new Uint8Array((stride + 1) * r.height);
  for (let y = 0; y < r.height; y++) {
    const o = y * (stride + 1), s = y * stride;
    raw[o] = 1;
    for (let x = 0; x < 3; x++) raw[o + 1 + x] = r.data[s + x];
    for (let x = 3; x < stride; x++) raw[o + 1 + x] = r.data[s + x] - r.data[s + x - 3];
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, r.width);
  view.setUint32(4, r.height);
  header.set([8, 2, 0, 0, 0], 8);
  const chunks: [string, Uint8Array][] = [
    ["IHDR", header],
    ["IDAT", new Uint8Array(deflateSync(raw, { level: 6 }))],
    ["IEND", new Uint8Array(0)],
  ];
  const out = new Uint8Array(8 + chunks.reduce((n, [, d]) => n + 12 + d.length, 0));
  out.set(SIGNATURE);
  const o = new DataView(out.buffer);
  let p = 8;
  for (const [type, data] of chunks) {
    o.setUint32(p, data.length);
    for (let i = 0; i < 4; i++) out[p + 4 + i] = type.charCodeAt(i);
    out.set(data, p + 8);
    o.setUint32(p + 8 + data.length, crc32(out.subarray(p + 4, p + 8 + data.length)));
    p += 12 + data.length;
  }
  return out;
}

/** Decodes a PNG to 8-bit RGB; throws an Error saying what it cannot read. */
export function decodePng(bytes: Uint8Array): Raster {
  if (!isPng(bytes)) throw new Error("not a PNG file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  let palette: Uint8Array = new Uint8Array(0);
  const idat: Uint8Array[] = [];
  for (let p = 8; p + 8 <= bytes.length;) {
    const length = view.getUint32(p);
    const kind = String.fromCharCode(...bytes.subarray(p + 4, p + 8));
    const data = bytes.subarray(p + 8, p + 8 + length);
    if (kind === "IHDR") {
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      [depth, type] = [data[8], data[9]];
      interlace = data[12];
    } else if (kind === "PLTE") palette = data;
    else if (kind === "IDAT") idat.push(data);
    else if (kind === "IEND") break;
    p += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type];
  if (!width || !height || !channels) throw new Error("a PNG without a valid header");
  if (interlace) throw new Error("interlaced PNGs are not supported");
  if (depth !== 8 && depth !== 16) throw new Error(`${depth}-bit PNGs are not supported`);
  const raw = new Uint8Array(inflateSync(concatBytes(idat)));
  const bpp = (channels * depth) / 8;
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) throw new Error("the PNG's image data is cut short");
  const line = new Uint8Array(stride);
  let prev = new Uint8Array(stride);
  const out = new Uint8Array(width * height * 3);
  const step = depth / 8; // bytes a sample: the high byte of 16-bit samples is kept
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    unfilter(raw[at], raw.subarray(at + 1, at + 1 + stride), line, prev, bpp);
    for (let x = 0; x < width; x++) {
      const s = x * bpp, o = (y * width + x) * 3;
      if (type === 2 || type === 6) {
        out[o] = line[s];
        out[o + 1] = line[s + step];
        out[o + 2] = line[s + 2 * step];
      } else if (type === 3) {
        out.set(palette.subarray(line[s] * 3, line[s] * 3 + 3), o);
      } else {
        out[o] = out[o + 1] = out[o + 2] = line[s];
      }
    }
    prev = line.slice();
  }
  return { width, height, data: out };
}

function unfilter(
  kind: number,
  src: Uint8Array,
  line: Uint8Array,
  prev: Uint8Array,
  bpp: number,
) {
  for (let i = 0; i < src.length; i++) {
    const a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
    let v = src[i];
    if (kind === 1) v += a;
    else if (kind === 2) v += b;
    else if (kind === 3) v += (a + b) >> 1;
    else if (kind === 4) {
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    line[i] = v;
  }
}
