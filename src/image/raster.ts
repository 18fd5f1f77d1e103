// 8-bit RGB pictures and the few operations the vision tools need: area-average resizing,
// rectangles, copying one picture into another and bitmap text.
import { ADVANCE, glyph, GLYPH_HEIGHT } from "./font.ts";

export type RGB = readonly [number, number, number];

export interface Raster {
  width: number;
  height: number;
  /** Row by row, three bytes a pixel. */
  data: Uint8Array;
}

export function raster(width: number, height: number, fill: RGB = [0, 0, 0]): Raster {
  const r = { width, height, data: new Uint8Array(width * height * 3) };
  if (fill.some((v) => v !== 0)) fillRect(r, 0, 0, width, height, fill);
  return r;
}

/** The largest size of the same aspect within maxWidth x maxHeight (never enlarged). */
export function fitSize(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight = maxWidth,
): [number, number] {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/** Source ranges [from, to) per output index: the pixels an output pixel averages. */
function spans(src: number, dst: number): Int32Array {
  const out = new Int32Array(dst * 2);
  for (let i = 0; i < dst; i++) {
    const from = Math.min(src - 1, Math.floor((i * src) / dst));
    out[2 * i] = from;
    out[2 * i + 1] = Math.max(from + 1, Math.floor(((i + 1) * src) / dst));
  }
  return out;
}

/** Resized by averaging the source pixels under each output pixel (a box filter). */
export function resize(src: Raster, width: number, height: number): Raster {
  if (src.width === width && src.height === height) return src;
  const xs = spans(src.width, width);
  const ys = spans(src.height, height);
  const out = new Uint8Array(width * height * 3);
  const acc = new Float64Array(width * 3); // one output row of horizontal sums
  const d = src.data;
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    const y0 = ys[2 * y], y1 = ys[2 * y + 1];
    for (let sy = y0; sy < y1; sy++) {
      const row = sy * src.width * 3;
      for (let x = 0; x < width; x++) {
        let r = 0, g = 0, b = 0;
        for (let sx = xs[2 * x], end = xs[2 * x + 1]; sx < end; sx++) {
          const i = row + sx * 3;
          r += d[i];
          g += d[i + 1];
          b += d[i + 2];
        }
        acc[3 * x] += r;
        acc[3 * x + 1] += g;
        acc[3 * x + 2] += b;
      }
    }
    const rows = y1 - y0;
    for (let x = 0; x < width; x++) {
      const n = rows * (xs[2 * x + 1] - xs[2 * x]);
      const o = (y * width + x) * 3;
      out[o] = acc[3 * x] / n + 0.5;
      out[o + 1] = acc[3 * x + 1] / n + 0.5;
      out[o + 2] = acc[3 * x + 2] / n + 0.5;
    }
  }
  return { width, height, data: out };
}

/** Fills a rectangle, clipped to the picture. */
export function fillRect(r: Raster, x: number, y: number, w: number, h: number, rgb: RGB) {
  const x0 = Math.max(0, Math.floor(x)), x1 = Math.min(r.width, Math.floor(x + w));
  const y0 = Math.max(0, Math.floor(y)), y1 = Math.min(r.height, Math.floor(y + h));
  if (x0 >= x1 || y0 >= y1) return;
  const row = new Uint8Array((x1 - x0) * 3);
  for (let i = 0; i < row.length; i += 3) row.set(rgb, i);
  for (let yy = y0; yy < y1; yy++) r.data.set(row, (yy * r.width + x0) * 3);
}

/** Copies src into dst with its top-left corner at (x, y), clipped to dst. */
export function blit(dst: Raster, src: Raster, x: number, y: number) {
  const x0 = Math.max(0, x), x1 = Math.min(dst.width, x + src.width);
  if (x0 >= x1) return;
  for (let sy = Math.max(0, -y); sy < src.height && y + sy < dst.height; sy++) {
    const from = (sy * src.width + (x0 - x)) * 3;
    dst.data.set(src.data.subarray(from, from + (x1 - x0) * 3), ((y + sy) * dst.width + x0) * 3);
  }
}

/** Width in pixels of text drawn at a scale. */
export function textWidth(text: string, scale = 1): number {
  return text.length ? (text.length * ADVANCE - 1) * scale : 0;
}

export const textHeight = (scale = 1) => GLYPH_HEIGHT * scale;

/** Draws text with its top-left corner at (x, y); characters past maxWidth are left out. */
export function drawText(
  r: Raster,
  x: number,
  y: number,
  text: string,
  rgb: RGB,
  scale = 1,
  maxWidth = Infinity,
) {
  const fits = Math.max(0, Math.floor((maxWidth + scale) / (ADVANCE * scale)));
  [...text].slice(0, fits).forEach((ch, n) => {
    const rows = glyph(ch);
    const gx = x + n * ADVANCE * scale;
    for (let gy = 0; gy < rows.length; gy++) {
      for (let bit = 0; bit < 5; bit++) {
        if (rows[gy] & (16 >> bit)) {
          fillRect(r, gx + bit * scale, y + gy * scale, scale, scale, rgb);
        }
      }
    }
  });
}

/** Text shortened with a trailing '.' so that it fits maxWidth at the scale ('' if nothing fits). */
export function fitText(text: string, maxWidth: number, scale = 1): string {
  if (textWidth(text, scale) <= maxWidth) return text;
  const fits = Math.floor((maxWidth + scale) / (ADVANCE * scale));
  return fits >= 2 ? `${text.slice(0, fits - 1)}.` : "";
}
