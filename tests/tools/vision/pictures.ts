// Helpers for tests that look at images tools return: decode the one image, measure its pixels.
import { assert, assertEquals } from "../../assert.ts";
import type { TestClient } from "../../harness.ts";
import { decodeImage, type Raster, sniff } from "../../../src/image/lib.ts";

export interface Shown {
  data: Record<string, unknown>;
  picture: Raster;
  mimeType: string;
}

/** Calls a tool that returns one image; the structured data and the decoded image. */
export async function look(t: TestClient, name: string, args: Record<string, unknown> = {}) {
  const result = await t.call(name, args);
  assert(!result.isError, JSON.stringify(result.content).slice(0, 500));
  const images = result.content.filter((c) => c.type === "image");
  assertEquals(images.length, 1);
  const [image] = images as { data: string; mimeType: string }[];
  const bytes = Uint8Array.fromBase64(image.data);
  assertEquals(`image/${sniff(bytes)}`, image.mimeType);
  const data = result.structuredContent as Record<string, unknown>;
  assertEquals(data.bytes, bytes.length);
  const picture = await decodeImage(bytes);
  assertEquals([picture.width, picture.height], [data.width, data.height]);
  return { data, picture, mimeType: image.mimeType } as Shown;
}

/** Mean [r, g, b] of a rectangle given in fractions of the picture. */
export function mean(p: Raster, x0 = 0, y0 = 0, x1 = 1, y1 = 1): number[] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.floor(y0 * p.height); y < Math.ceil(y1 * p.height); y++) {
    for (let x = Math.floor(x0 * p.width); x < Math.ceil(x1 * p.width); x++) {
      for (let c = 0; c < 3; c++) sum[c] += p.data[(y * p.width + x) * 3 + c];
      n++;
    }
  }
  return sum.map((s) => s / n);
}

export const near = (a: number[], b: number[], tolerance: number) =>
  a.every((v, i) => Math.abs(v - b[i]) <= tolerance);

export function hasColour(p: Raster, rgb: number[]): boolean {
  for (let i = 0; i < p.data.length; i += 3) {
    if (p.data[i] === rgb[0] && p.data[i + 1] === rgb[1] && p.data[i + 2] === rgb[2]) return true;
  }
  return false;
}
