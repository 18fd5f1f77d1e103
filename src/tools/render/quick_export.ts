// Quick Export.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { checkFileName, someNames } from "../shared.ts";
import {
  call,
  findTimeline,
  followJob,
  joinPath,
  timelineRefInput,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";
import { num, PROJECT } from "./common.ts";

export const quickExport = defineTool({
  name: "quick_export",
  title: "Quick Export",
  description:
    "Renders the current timeline (or the named one, made current) with a Quick Export preset (list_render_presets) into a folder, optionally uploading for web presets. The file is named custom_name (default: the timeline's name) plus the preset's extension; if a file of that name exists in the folder, replacing it needs confirmation. Returns Resolve's status.",
  toolset: "render",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    preset: z.string().min(1).max(255).describe("Quick Export preset name, e.g. 'H.264'."),
    target_dir: z.string().min(1).max(4096).describe("Existing output folder."),
    custom_name: z.string().min(1).max(255).optional().describe(
      "Output file name without extension. Default: the timeline's name.",
    ),
    video_quality: z.union([
      z.number().int().min(0).max(1_000_000_000),
      z.enum(["Least", "Low", "Medium", "High", "Best"]),
    ]).optional().describe("0 = automatic, a bit rate, or a quality level. Default: the preset's."),
    enable_upload: z.boolean().optional().describe(
      "Upload after rendering (web presets only). Default: false.",
    ),
    timeline: timelineRefInput,
  }),
  output: () => ({
    status: z.string().describe("Resolve's JobStatus, e.g. 'Render Complete'."),
    completion: z.number().describe("Percent complete."),
    time_taken_ms: z.number().describe("Render time."),
    target_dir: z.string().describe("The output folder."),
  }),
  apiMethods: [
    ...PROJECT,
    "Project.GetCurrentTimeline",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Project.SetCurrentTimeline",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
    "Project.GetQuickExportRenderPresets",
    "Project.GetRenderFormats",
    "Project.RenderWithQuickExport",
    ...VERSION_LOOKUP,
    "Project.GetRenderWithQuickExportStatus",
  ],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    if (args.custom_name) checkFileName(args.custom_name, "custom_name");
    const checked = await paths.checkWrite(args.target_dir);
    if (!checked.exists || !checked.isDir) {
      fail("NO_SUCH_DIRECTORY", `${args.target_dir} is not an existing folder`, "Create it first.");
    }
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const presets = ((await resolve.call(project, "GetQuickExportRenderPresets") as string[]) ?? [])
      .map(String);
    if (!presets.includes(args.preset)) {
      fail(
        "PRESET_NOT_FOUND",
        `no Quick Export preset "${args.preset}"`,
        `Quick Export presets: ${someNames(presets)}.`,
      );
    }
    // The preset's extension is not in the API: look for the name with every format's.
    const [formats, timelineName] = await resolve.batch([
      call(project, "GetRenderFormats"),
      call(timeline, "GetName"),
    ]);
    const name = args.custom_name || String(timelineName ?? "");
    const exts = new Set(["mp4", "mov", "mxf", "mkv", "webm", "avi"]);
    for (const id of Object.values((formats ?? {}) as Record<string, string>)) {
      exts.add(String(id).toLowerCase());
    }
    const candidates = [...exts].map((ext) => joinPath(checked.path, `${name}.${ext}`));
    const existing = (await paths.checkRead(candidates)).filter((c) => c.exists && !c.isDir);
    if (existing.length) {
      await ctx.confirm(
        `Quick Export writes ${name}.<extension> into ${checked.path}, which would replace ${
          someNames(existing.map((c) => c.path), 10)
        }. Overwrite?`,
      );
    }
    if (args.timeline !== undefined) await resolve.call(project, "SetCurrentTimeline", timeline);
    const params: Record<string, unknown> = { TargetDir: checked.path };
    if (args.custom_name) params.CustomName = args.custom_name;
    if (args.video_quality !== undefined) params.VideoQuality = args.video_quality;
    if (args.enable_upload !== undefined) params.EnableUpload = args.enable_upload;
    const result = await resolve.call(project, "RenderWithQuickExport", args.preset, params);
    if (typeof result === "string" || !result) {
      fail("QUICK_EXPORT_FAILED", `Quick Export failed: ${result || "no result"}`);
    }
    let r = result as Record<string, unknown>;
    // 21.1.1: its own status reader; follows a render still running when the call returned
    const followed = await followJob(resolve, ctx, project, "quick_export", 600_000);
    if (
      followed && followed.status !== "Inactive" &&
      /^(Rendering|Upload Pending|Uploading)$/.test(String(r.JobStatus ?? ""))
    ) {
      r = { ...r, JobStatus: followed.status, CompletionPercentage: followed.percent };
      if (followed.error) r.Error = followed.error;
    }
    const status = String(r.JobStatus ?? "");
    if (/Failed|Cancelled/.test(status)) {
      fail("QUICK_EXPORT_FAILED", `Quick Export ended with "${status}": ${r.Error ?? ""}`);
    }
    return {
      summary: `Quick Export "${args.preset}": ${status} into ${checked.path}.`,
      data: {
        status,
        completion: num(r.CompletionPercentage),
        time_taken_ms: num(r.TimeTakenToRenderInMs),
        target_dir: checked.path,
      },
    };
  },
});
