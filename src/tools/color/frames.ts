// Color tools on pictures: Dolby Vision analysis, thumbnails, the current frame.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { fromBase64, imaging, toBase64 } from "../../image/index.ts";
import { defineTool } from "../../tool.ts";
import { outputFile } from "../shared.ts";
import {
  constant,
  findTimeline,
  ITEM_LOOKUP_METHODS,
  itemsOf,
  timelineRefInput,
} from "../../resolve/index.ts";
import { num } from "./common.ts";

// -- timeline-level colour work -----------------------------------------------------------

export const analyzeDolbyVision = defineTool({
  name: "analyze_dolby_vision",
  title: "Analyse Dolby Vision",
  description:
    "Starts Dolby Vision analysis of a timeline's video items (all of them, or the ones given), per shot or blending shots (Studio).",
  toolset: "color",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: z.array(z.string().min(1).max(128)).min(1).max(5000).optional().describe(
      "Ids of the video items to analyse. Omit for every item.",
    ),
    blend_shots: z.boolean().optional().describe("Blend shots (DLB_BLEND_SHOTS). Default: false."),
  }),
  output: () => ({
    analyzed: z.union([z.number(), z.literal("all")]).describe("Items analysed, or 'all'."),
    blend_shots: z.boolean().describe("Whether shots were blended."),
  }),
  apiMethods: [...ITEM_LOOKUP_METHODS, "Timeline.AnalyzeDolbyVision"],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const items = args.item_ids ? await itemsOf(resolve, timeline, args.item_ids) : [];
    const callArgs: unknown[] = [items];
    if (args.blend_shots) callArgs.push(constant("DLB_BLEND_SHOTS"));
    const ok = await resolve.call(timeline, "AnalyzeDolbyVision", ...callArgs);
    if (ok !== true) {
      fail(
        "ANALYSIS_FAILED",
        "Resolve could not start Dolby Vision analysis",
        "It needs Resolve Studio and video items on the timeline.",
      );
    }
    return {
      summary: `Dolby Vision analysis done for ${items.length || "all"} item(s).`,
      data: { analyzed: items.length || ("all" as const), blend_shots: args.blend_shots ?? false },
    };
  },
});

export const getClipThumbnail = defineTool({
  name: "get_clip_thumbnail",
  title: "Get the current clip's thumbnail",
  description:
    "Returns the Color page thumbnail of the clip under the playhead of the current timeline (graded) as a PNG image the model can see. Works only while the Color page is shown (switch_page color); get_frame shows any frame, larger.",
  toolset: "color",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    width: z.number().describe("Width in pixels."),
    height: z.number().describe("Height in pixels."),
    format: z.string().describe("Resolve's pixel format, e.g. 'RGB 8 bit'."),
    image_format: z.literal("png").describe("Format of the image sent."),
    bytes: z.number().describe("Size of the PNG in bytes."),
  }),
  apiMethods: [
    "Resolve.GetCurrentPage",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetCurrentClipThumbnailImage",
  ],
  async handler(_args, { resolve }) {
    const page = await resolve.call(await resolve.root(), "GetCurrentPage");
    if (page !== "color") {
      fail(
        "WRONG_PAGE",
        `thumbnails are only available on the Color page (Resolve shows ${page ?? "no page"})`,
        "Call switch_page with page 'color' first.",
      );
    }
    const { timeline } = await resolve.timeline();
    const thumb = await resolve.call(timeline, "GetCurrentClipThumbnailImage") as Record<
      string,
      unknown
    >;
    if (!thumb || !thumb.data) {
      fail(
        "NO_THUMBNAIL",
        "there is no clip under the playhead",
        "Move the playhead onto a video clip.",
      );
    }
    const [width, height] = [num(thumb.width), num(thumb.height)];
    const pixels = fromBase64(String(thumb.data));
    if (pixels.length !== width * height * 3) {
      fail(
        "UNSUPPORTED_THUMBNAIL",
        `the thumbnail is not ${width}x${height} 8-bit RGB (${thumb.format}, ${pixels.length} bytes)`,
        "Use get_frame instead.",
      );
    }
    const png = (await imaging()).encodePng({ width, height, data: pixels });
    return {
      summary: `Thumbnail ${width}x${height} of the clip under the playhead (PNG, ${
        Math.round(png.length / 1024)
      } kB).`,
      data: {
        width,
        height,
        format: String(thumb.format ?? ""),
        image_format: "png" as const,
        bytes: png.length,
      },
      images: [{ data: toBase64(png), mimeType: "image/png" }],
    };
  },
});

const STILL_EXTS = ["dpx", "cin", "tif", "tiff", "jpg", "jpeg", "png", "ppm", "bmp", "xpm", "exr"];

export const exportCurrentFrame = defineTool({
  name: "export_current_frame",
  title: "Export the current frame as a still",
  description:
    "Writes the frame under the playhead of the current timeline to an image file; the extension picks the format (png, jpg, tif, dpx, exr, ...). Overwriting needs confirmation.",
  toolset: "color",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("Absolute path of the image file to write."),
  }),
  output: () => ({ path: z.string().describe("The file written.") }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.ExportCurrentFrameAsStill",
  ],
  async handler(args, ctx) {
    const ext = args.path.split(".").pop()?.toLowerCase() ?? "";
    if (!STILL_EXTS.includes(ext) || !args.path.includes(".")) {
      fail(
        "BAD_EXTENSION",
        `${args.path} does not end in a still image extension`,
        `Use one of: ${STILL_EXTS.join(", ")}.`,
      );
    }
    const { project } = await ctx.resolve.timeline();
    const checked = await outputFile(ctx, args.path);
    const ok = await ctx.resolve.call(project, "ExportCurrentFrameAsStill", checked.path);
    await checked.landed();
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not export the current frame to ${checked.path}`,
        "Move the playhead onto a clip of the current timeline.",
      );
    }
    return {
      summary: `Exported the current frame to ${checked.path}.`,
      data: { path: checked.path },
    };
  },
});
