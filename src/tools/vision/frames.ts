// Vision tools on frames: one frame, a contact sheet of several.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { fromBase64, type ImageFormat, imaging, type Raster, toBase64 } from "../../image/index.ts";
import { framesToTimecode, type Rate, timecodeToFrames } from "../../timecode.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  findTimeline,
  type Handle,
  isHandle,
  offsetFrom,
  type ResolveSession,
  timelineRate,
  timelineRefInput,
} from "../../resolve/index.ts";
import { DEFAULT_SIDE, imageOutput } from "./common.ts";

const PLAYHEAD_PAGES = ["cut", "edit", "color", "fairlight", "deliver"];
const MAX_TILES = 48;

const formatInput = z.enum(["jpeg", "png"]).optional().describe(
  "Image format: 'jpeg' (default: small, kept under about 150 kB by lowering the quality) or 'png' (lossless, larger).",
);
const maxWidthInput = (what: string) =>
  z.number().int().min(64).max(1920).optional().describe(
    `Longest side of ${what} in pixels (64-1920). Default: 768. Frames are never enlarged.`,
  );

const itemOutput = z.object({
  id: z.string().describe("Timeline item id."),
  name: z.string().describe("Item name."),
  track: z.string().describe("Its track, e.g. 'V1'."),
}).nullable();

const VIEW_METHODS = [
  "Resolve.GetProjectManager",
  "Resolve.GetCurrentPage",
  "ProjectManager.GetCurrentProject",
  "Project.GetCurrentTimeline",
  "Project.SetCurrentTimeline",
  "Project.GetTimelineCount",
  "Project.GetTimelineByIndex",
  "Project.ExportCurrentFrameAsStill",
  "Timeline.GetName",
  "Timeline.GetUniqueId",
  "Timeline.GetStartFrame",
  "Timeline.GetEndFrame",
  "Timeline.GetSetting",
  "Timeline.GetCurrentTimecode",
  "Timeline.SetCurrentTimecode",
  "Timeline.GetCurrentVideoItem",
  "TimelineItem.GetUniqueId",
  "TimelineItem.GetName",
  "TimelineItem.GetTrackTypeAndIndex",
];

interface Encoded {
  image: { data: string; mimeType: string };
  meta: z.infer<z.ZodObject<typeof imageOutput>>;
}

async function encode(picture: Raster, format: ImageFormat): Promise<Encoded> {
  const { encodeImage } = await imaging();
  const out = encodeImage(picture, format);
  return {
    image: { data: toBase64(out.bytes), mimeType: out.mimeType },
    meta: {
      width: picture.width,
      height: picture.height,
      format,
      quality: out.quality,
      bytes: out.bytes.length,
    },
  };
}

/** The still format this Resolve exports (ppm, else png): found on the first export. */
let stillExt: "ppm" | "png" | undefined;

/**
 * A timeline shown in Resolve's viewer for a while: made current, its playhead moved, frames
 * exported; close() puts the playhead and the current timeline back as they were.
 */
class Viewer {
  #timecode: string;
  /** What close() puts back: the playhead's timecode, the timeline that was current. */
  #backTimecode?: string;
  #backTimeline?: Handle;

  private constructor(
    readonly resolve: ResolveSession,
    readonly project: Handle,
    readonly timeline: Handle,
    readonly name: string,
    readonly start: number,
    readonly duration: number,
    readonly rate: Rate,
    readonly resolution: [number, number],
    timecode: string,
  ) {
    this.#timecode = timecode;
  }

  static async open(resolve: ResolveSession, ref: string | undefined): Promise<Viewer> {
    const { project, timeline } = await findTimeline(resolve, ref);
    const [name, id, start, end, timecode, width, height, current] = await resolve.batch([
      call(timeline, "GetName"),
      call(timeline, "GetUniqueId"),
      call(timeline, "GetStartFrame"),
      call(timeline, "GetEndFrame"),
      call(timeline, "GetCurrentTimecode"),
      call(timeline, "GetSetting", "timelineResolutionWidth"),
      call(timeline, "GetSetting", "timelineResolutionHeight"),
      call(project, "GetCurrentTimeline"),
    ]);
    const rate = await timelineRate(resolve, timeline);
    const viewer = new Viewer(
      resolve,
      project,
      timeline,
      String(name),
      Number(start),
      Math.max(0, Number(end) - Number(start)),
      rate,
      [Number(width) || 1920, Number(height) || 1080],
      String(timecode ?? ""),
    );
    const currentId = isHandle(current) ? await resolve.call(current, "GetUniqueId") : null;
    if (currentId !== id) {
      // ExportCurrentFrameAsStill shows the current timeline only.
      if (await resolve.call(project, "SetCurrentTimeline", timeline) !== true) {
        fail(
          "TIMELINE_SWITCH_FAILED",
          `Resolve did not open the timeline "${name}"`,
          "Open it in Resolve (or with the timeline tools) and retry without the timeline argument.",
        );
      }
      if (isHandle(current)) viewer.#backTimeline = current;
    }
    return viewer;
  }

  timecodeOf(offset: number): string {
    return framesToTimecode(this.start + offset, this.rate);
  }

  /** The frame offset asked for, or the playhead's when neither is given. */
  offsetOf(args: { at_frame?: number; at_timecode?: string }): number {
    const offset = offsetFrom(
      { frame: args.at_frame, timecode: args.at_timecode },
      this.rate,
      this.start,
      false,
    );
    if (offset !== undefined) return offset;
    const playhead = timecodeToFrames(this.#timecode, this.rate);
    return playhead === undefined ? 0 : Math.max(0, playhead - this.start);
  }

  checkRange(offsets: number[]) {
    const outside = offsets.filter((f) => f >= this.duration);
    if (outside.length) {
      fail(
        "OUT_OF_RANGE",
        `frame(s) ${
          outside.slice(0, 10).join(", ")
        } are past the end of "${this.name}" (${this.duration} frames)`,
        `Use frames from 0 to ${
          Math.max(0, this.duration - 1)
        } (timeline_overview shows the timeline).`,
      );
    }
  }

  async seek(offset: number) {
    this.checkRange([offset]);
    const timecode = this.timecodeOf(offset);
    if (timecode === this.#timecode) return;
    const { resolve } = this;
    if (await resolve.call(this.timeline, "SetCurrentTimecode", timecode) !== true) {
      const page = await resolve.call(await resolve.root(), "GetCurrentPage");
      if (!PLAYHEAD_PAGES.includes(String(page))) {
        fail(
          "WRONG_PAGE",
          `Resolve shows the ${page ?? "unknown"} page, which has no playhead to move`,
          "Call switch_page with page 'edit' (or 'color') first, then retry.",
        );
      }
      fail(
        "SEEK_FAILED",
        `Resolve did not move the playhead to ${timecode}`,
        "Retry; if Resolve is busy (a render, a dialog), wait until it is done.",
      );
    }
    this.#backTimecode ??= this.#timecode;
    this.#timecode = timecode;
  }

  /** The video item under the playhead, or null over a gap. */
  async item(): Promise<z.infer<typeof itemOutput>> {
    const item = await this.resolve.call(this.timeline, "GetCurrentVideoItem");
    if (!isHandle(item)) return null;
    const [[id, name, track]] = await this.resolve.map([item], [
      ["GetUniqueId"],
      ["GetName"],
      ["GetTrackTypeAndIndex"],
    ]);
    const [type, index] = Array.isArray(track) ? track : ["video", 0];
    return {
      id: String(id),
      name: String(name),
      track: `${String(type)[0].toUpperCase()}${index}`,
    };
  }

  /** The frame under the playhead as Resolve renders it, at most about box in size. */
  async grab(box: [number, number]): Promise<Raster> {
    const { bridge } = this.resolve;
    for (const ext of stillExt ? [stillExt] : (["ppm", "png"] as const)) {
      const path = await bridge.request("scratch", { ext }) as string;
      const ok = await this.resolve.call(this.project, "ExportCurrentFrameAsStill", path);
      // Taken even after a failure: the bridge deletes whatever Resolve left.
      const file = await bridge.request("take", { path, fit: box }) as
        | { width: number; height: number; rgb: string }
        | { bytes: string }
        | null;
      if (ok !== true || !file) continue;
      stillExt = ext;
      if ("rgb" in file) {
        return { width: file.width, height: file.height, data: fromBase64(file.rgb) };
      }
      const { decodeImage } = await imaging();
      try {
        return await decodeImage(fromBase64(file.bytes));
      } catch (e) {
        fail(
          "DECODE_FAILED",
          `the still Resolve exported cannot be read: ${(e as Error).message}`,
          "export_current_frame writes the same still to a file you can inspect.",
        );
      }
    }
    return fail(
      "EXPORT_FAILED",
      `Resolve could not export the frame at ${this.#timecode} of "${this.name}"`,
      "Check that a video clip is under that frame; on some pages Resolve refuses: switch_page 'color' and retry.",
    );
  }

  /** Puts the playhead and the current timeline back (best effort: the picture is made). */
  async close() {
    const { resolve } = this;
    if (this.#backTimecode) {
      await resolve.call(this.timeline, "SetCurrentTimecode", this.#backTimecode).catch(() => {});
    }
    if (this.#backTimeline) {
      await resolve.call(this.project, "SetCurrentTimeline", this.#backTimeline).catch(() => {});
    }
  }
}

const atInputs = {
  at_frame: z.number().int().min(0).max(100_000_000).optional().describe(
    "Timeline frame (0 = start). Omit this and at_timecode for the playhead's frame.",
  ),
  at_timecode: z.string().max(16).optional().describe(
    "Timeline timecode (instead of at_frame).",
  ),
};

export const getFrame = defineTool({
  name: "get_frame",
  title: "Look at a frame",
  description:
    "Returns the frame at a position of a timeline as an image the model can see, as Resolve shows it: graded, with transforms and composites. Moves the playhead there and back; the timeline becomes current for the export and the previous one is made current again. Use it to check a grade, a framing or what a shot shows.",
  toolset: "vision",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    ...atInputs,
    max_width: maxWidthInput("the image"),
    format: formatInput,
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    frame: z.number().describe("Frame offset from the timeline start."),
    timecode: z.string().describe("Timeline timecode of the frame."),
    item: itemOutput.describe("The top video item at that frame (null over a gap)."),
    timeline_resolution: z.string().describe("The timeline's resolution, e.g. '1920x1080'."),
    ...imageOutput,
  }),
  apiMethods: VIEW_METHODS,
  async handler(args, { resolve }) {
    const view = await Viewer.open(resolve, args.timeline);
    try {
      const frame = view.offsetOf(args);
      await view.seek(frame);
      const timecode = view.timecodeOf(frame);
      const item = await view.item();
      if (!item) {
        fail(
          "NO_VIDEO_AT_FRAME",
          `there is no video at ${timecode} (frame ${frame}) of "${view.name}"`,
          "Pick a frame inside a video item: list_timeline_items shows them, timeline_overview draws them.",
        );
      }
      const side = args.max_width ?? DEFAULT_SIDE;
      const { fitSize, resize } = await imaging();
      const [w, h] = fitSize(...view.resolution, side);
      const still = await view.grab([2 * w, 2 * h]);
      const picture = resize(still, ...fitSize(still.width, still.height, side));
      const { image, meta } = await encode(picture, args.format ?? "jpeg");
      return {
        summary:
          `Frame ${timecode} (frame ${frame}) of "${view.name}", ${item.name} on ${item.track}: ${meta.width}x${meta.height} ${meta.format}, ${
            Math.round(meta.bytes / 1024)
          } kB.`,
        data: {
          timeline: view.name,
          frame,
          timecode,
          item,
          timeline_resolution: view.resolution.join("x"),
          ...meta,
        },
        images: [image],
      };
    } finally {
      await view.close();
    }
  },
});

/** Frame offsets of a timeline's markers, or of the middle of each video item. */
async function sheetFrames(
  resolve: ResolveSession,
  view: Viewer,
  at: "markers" | "items" | number[],
): Promise<number[]> {
  if (Array.isArray(at)) return at;
  if (at === "markers") {
    const markers = await resolve.call(view.timeline, "GetMarkers") as Record<string, unknown>;
    const frames = Object.keys(markers ?? {}).map(Number).filter(Number.isFinite);
    if (!frames.length) {
      fail(
        "NO_MARKERS",
        `"${view.name}" has no markers`,
        "Add some with add_marker, or use at: 'items'.",
      );
    }
    return frames.sort((a, b) => a - b);
  }
  const count = Number(await resolve.call(view.timeline, "GetTrackCount", "video")) || 0;
  const lists = await resolve.batch(
    Array.from(
      { length: count },
      (_, i) => call(view.timeline, "GetItemListInTrack", "video", i + 1),
    ),
  );
  const items = lists.flatMap((l) => ((l as Handle[]) ?? []).filter(isHandle));
  const rows = await resolve.map(items, [["GetStart"], ["GetEnd"]]);
  const frames = rows.map(([s, e]) => Math.floor((Number(s) + Number(e) - 1) / 2) - view.start);
  if (!frames.length) {
    fail("NO_ITEMS", `"${view.name}" has no video items`, "Add clips, or give frames in at.");
  }
  return [...new Set(frames)].sort((a, b) => a - b);
}

const GAP = 4, LABEL_H = 13;

export const contactSheet = defineTool({
  name: "contact_sheet",
  title: "Contact sheet of frames",
  description:
    "Returns one image tiling several frames of a timeline (as Resolve shows them, graded), each with its timecode under it: at every marker, at the middle of every video item, or at the frames given (at most 48). Moves the playhead and puts it back.",
  toolset: "vision",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    at: z.union([
      z.enum(["markers", "items"]),
      z.array(z.number().int().min(0).max(100_000_000)).min(1).max(MAX_TILES),
    ]).describe(
      "Which frames: 'markers' (one tile per timeline marker), 'items' (the middle frame of each video item) or a list of frame offsets from the timeline start (at most 48).",
    ),
    columns: z.number().int().min(1).max(12).optional().describe(
      "Tiles per row (1-12). Default: about the square root of the number of tiles, at most 6.",
    ),
    max_width: maxWidthInput("the whole sheet"),
    format: formatInput,
  }),
  output: () => ({
    timeline: z.string().describe("Timeline name."),
    tiles: z.array(z.object({
      frame: z.number().describe("Frame offset from the timeline start."),
      timecode: z.string().describe("Timeline timecode (the label under the tile)."),
      item: z.string().nullable().describe("Name of the top video item there (null: a gap)."),
    })).describe("The tiles, left to right, top to bottom."),
    omitted: z.number().describe("Frames left out past the first 48."),
    columns: z.number().describe("Tiles per row."),
    rows: z.number().describe("Rows of tiles."),
    tile_width: z.number().describe("Width of one tile in pixels."),
    tile_height: z.number().describe("Height of one tile in pixels."),
    ...imageOutput,
  }),
  apiMethods: [
    ...VIEW_METHODS,
    "Timeline.GetMarkers",
    "Timeline.GetTrackCount",
    "Timeline.GetItemListInTrack",
    "TimelineItem.GetStart",
    "TimelineItem.GetEnd",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const view = await Viewer.open(resolve, args.timeline);
    try {
      const all = await sheetFrames(resolve, view, args.at);
      view.checkRange(all);
      const frames = all.slice(0, MAX_TILES);
      const n = frames.length;
      const columns = Math.min(n, args.columns ?? Math.min(6, Math.ceil(Math.sqrt(n))));
      const rows = Math.ceil(n / columns);
      // Tiles as wide as the sheet allows, then smaller if the sheet would be too tall.
      const side = args.max_width ?? DEFAULT_SIDE;
      const aspect = view.resolution[1] / view.resolution[0];
      let tileW = Math.floor((side - GAP * (columns + 1)) / columns);
      let tileH = Math.round(tileW * aspect);
      const tallest = Math.floor((side - GAP - rows * (LABEL_H + GAP)) / rows);
      if (tileH > tallest) [tileH, tileW] = [tallest, Math.round(tallest / aspect)];
      if (tileW < 8 || tileH < 8) {
        fail(
          "TOO_MANY_TILES",
          `${n} tiles do not fit in ${side} px`,
          "Raise max_width or ask for fewer frames.",
        );
      }
      const lib = await imaging();
      const sheet = lib.raster(
        columns * (tileW + GAP) + GAP,
        rows * (tileH + LABEL_H + GAP) + GAP,
        [18, 18, 20],
      );
      const tiles = [];
      for (const [i, frame] of frames.entries()) {
        if (ctx.signal.aborted) {
          fail("CANCELLED", `stopped after ${i} of ${n} frames`, "Call again to make the sheet.");
        }
        await ctx.progress(i, n, `frame ${frame}`);
        await view.seek(frame);
        const item = await view.item();
        const x = GAP + (i % columns) * (tileW + GAP);
        const y = GAP + Math.floor(i / columns) * (tileH + LABEL_H + GAP);
        if (item) {
          const still = await view.grab([2 * tileW, 2 * tileH]);
          const [w, h] = lib.fitSize(still.width, still.height, tileW, tileH);
          lib.blit(sheet, lib.resize(still, w, h), x + ((tileW - w) >> 1), y + ((tileH - h) >> 1));
        } else {
          lib.fillRect(sheet, x, y, tileW, tileH, [40, 40, 44]);
          lib.drawText(sheet, x + 4, y + 4, lib.fitText("NO VIDEO", tileW - 8), [150, 150, 150]);
        }
        const timecode = view.timecodeOf(frame);
        const label = lib.fitText(timecode, tileW);
        lib.drawText(sheet, x + ((tileW - lib.textWidth(label)) >> 1), y + tileH + 3, label, [
          220,
          220,
          220,
        ]);
        tiles.push({ frame, timecode, item: item?.name ?? null });
      }
      await ctx.progress(n, n);
      const { image, meta } = await encode(sheet, args.format ?? "jpeg");
      return {
        summary:
          `Contact sheet of ${n} frame(s) of "${view.name}" (${columns}x${rows}): ${meta.width}x${meta.height} ${meta.format}, ${
            Math.round(meta.bytes / 1024)
          } kB${all.length > n ? `; ${all.length - n} more left out` : ""}.`,
        data: {
          timeline: view.name,
          tiles,
          omitted: all.length - n,
          columns,
          rows,
          tile_width: tileW,
          tile_height: tileH,
          ...meta,
        },
        images: [image],
      };
    } finally {
      await view.close();
    }
  },
});
