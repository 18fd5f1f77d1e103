// A picture of a timeline: a timecode ruler with markers, one row per track with its items
// coloured by clip colour and named where the name fits, and the playhead.
import { drawText, fillRect, fitText, type Raster, raster, type RGB, textWidth } from "./raster.ts";

export interface TimelineModel {
  name: string;
  /** First frame and the frame after the last (absolute, as Resolve counts them). */
  startFrame: number;
  endFrame: number;
  playhead: number | null;
  tracks: {
    label: string;
    type: "video" | "audio" | "subtitle";
    items: { start: number; end: number; name: string; color: string }[];
  }[];
  markers: { frame: number; duration: number; color: string }[];
}

export const CLIP_RGB: Record<string, RGB> = {
  Orange: [235, 110, 1],
  Apricot: [255, 168, 51],
  Yellow: [226, 169, 28],
  Lime: [159, 198, 21],
  Olive: [94, 153, 32],
  Green: [68, 143, 101],
  Teal: [0, 152, 153],
  Navy: [21, 98, 132],
  Blue: [67, 117, 183],
  Purple: [153, 115, 160],
  Violet: [208, 86, 141],
  Pink: [233, 140, 181],
  Tan: [185, 175, 151],
  Beige: [198, 160, 119],
  Brown: [153, 102, 0],
  Chocolate: [140, 90, 63],
};

export const MARKER_RGB: Record<string, RGB> = {
  Blue: [0, 122, 255],
  Cyan: [0, 200, 230],
  Green: [0, 190, 90],
  Yellow: [240, 200, 0],
  Red: [230, 40, 40],
  Pink: [255, 110, 180],
  Purple: [150, 80, 220],
  Fuchsia: [220, 0, 180],
  Rose: [255, 150, 150],
  Lavender: [180, 160, 240],
  Sky: [120, 200, 255],
  Mint: [130, 230, 180],
  Lemon: [250, 240, 120],
  Sand: [200, 170, 120],
  Cocoa: [120, 80, 50],
  Cream: [250, 240, 210],
};

/** Items without a clip colour, as Resolve draws them. */
const TRACK_RGB: Record<string, RGB> = {
  video: [58, 94, 140],
  audio: [52, 120, 84],
  subtitle: [140, 112, 52],
};

const BACKGROUND: RGB = [24, 24, 28];
const PANEL: RGB = [40, 40, 46];
const TEXT: RGB = [225, 225, 225];
const DIM: RGB = [140, 140, 150];
const PLAYHEAD: RGB = [235, 45, 45];

const LABEL = 30, HEADER = 13, RULER = 22, ROW = 18, MAX_ROWS = 32;
const TICKS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

/** Rows drawn at most (the rest are counted in the header). */
export const MAX_TRACK_ROWS = MAX_ROWS;

export function drawTimeline(
  m: TimelineModel,
  width: number,
  timecode: (frame: number) => string,
  fps: number,
): Raster {
  const rows = m.tracks.slice(0, MAX_ROWS);
  const height = HEADER + RULER + rows.length * (ROW + 1) + 2;
  const r = raster(width, height, BACKGROUND);
  const span = Math.max(1, m.endFrame - m.startFrame);
  const left = LABEL, right = width - 4;
  const x = (frame: number) => left + ((frame - m.startFrame) * (right - left)) / span;

  const more = m.tracks.length > rows.length ? `  (+${m.tracks.length - rows.length} TRACKS)` : "";
  const title = `${m.name}  ${timecode(m.startFrame)} - ${timecode(m.endFrame)}${more}`;
  drawText(r, 3, 3, fitText(title, width - 6), TEXT);

  // Ruler: the shortest tick interval whose timecode labels do not collide.
  const rulerY = HEADER;
  fillRect(r, 0, rulerY, width, RULER, PANEL);
  const labelW = textWidth("00:00:00:00") + 10;
  const perFrame = (right - left) / span;
  const seconds = TICKS_S.find((s) => s * fps * perFrame >= labelW) ?? TICKS_S.at(-1)!;
  const step = Math.max(1, Math.round(seconds * fps));
  for (let f = m.startFrame; f <= m.endFrame; f += step) {
    const tx = Math.round(x(f));
    fillRect(r, tx, rulerY + RULER - 6, 1, 6, DIM);
    if (tx + labelW - 10 <= width) drawText(r, tx + 2, rulerY + 3, timecode(f), DIM);
  }
  for (const mk of m.markers) {
    const color = MARKER_RGB[mk.color] ?? TEXT;
    const mx = Math.round(x(mk.frame));
    if (mk.duration > 1) {
      fillRect(r, mx, rulerY + RULER - 3, Math.max(1, x(mk.frame + mk.duration) - mx), 3, color);
    }
    fillRect(r, mx - 2, rulerY + RULER - 9, 5, 6, color);
  }

  rows.forEach((track, n) => {
    const y = HEADER + RULER + 1 + n * (ROW + 1);
    fillRect(r, 0, y, width, ROW, n % 2 ? [30, 30, 35] : [34, 34, 39]);
    fillRect(r, 0, y, LABEL - 2, ROW, PANEL);
    drawText(r, 3, y + 6, fitText(track.label, LABEL - 5), TEXT);
    for (const item of track.items) {
      const x0 = Math.round(x(item.start)), x1 = Math.max(x0 + 1, Math.round(x(item.end)));
      const color = CLIP_RGB[item.color] ?? TRACK_RGB[track.type];
      fillRect(r, x0, y + 1, x1 - x0, ROW - 2, color);
      fillRect(r, x0, y + 1, 1, ROW - 2, color.map((v) => v >> 1) as unknown as RGB);
      const name = fitText(item.name, x1 - x0 - 6);
      if (name.length > 1) {
        const luma = 0.2126 * color[0] + 0.7152 * color[1] + 0.0722 * color[2];
        drawText(r, x0 + 3, y + 6, name, luma > 150 ? [20, 20, 20] : [245, 245, 245]);
      }
    }
  });

  if (m.playhead !== null && m.playhead >= m.startFrame && m.playhead <= m.endFrame) {
    const px = Math.round(x(m.playhead));
    fillRect(r, px, rulerY, 1, height - rulerY, PLAYHEAD);
    fillRect(r, px - 3, rulerY, 7, 4, PLAYHEAD);
  }
  return r;
}
