// Toolset "media": Studio analysis on clips: AI analysis, clearing it, motion blur removal.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { checkFileName, MARKER_COLORS } from "../shared.ts";
import {
  call,
  constant,
  findBinRef,
  findClips,
  followJob,
  type Handle,
  increasing,
  isHandle,
  poolOf,
  type ResolveSession,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";
import { binRefInput, CLIP_FIND_METHODS, clipsInput } from "./common.ts";

/** Fails when Resolve refused a Studio / AI call (False, or an error string). */
function aiResult(result: unknown, what: string): void {
  if (result === true) return;
  const detail = typeof result === "string" && result ? ` (Resolve said: ${result})` : "";
  fail(
    "AI_FEATURE_REFUSED",
    `Resolve refused ${what}${detail}`,
    "This needs DaVinci Resolve Studio and, for AI features, the matching download in Help > DaVinci Resolve Extras (AI IntelliSearch, AI Slate ID...); also check the clips have the needed audio or video.",
  );
}

/** The bin or the clips an analysis tool works on. */
async function analysisTargets(
  resolve: ResolveSession,
  mediaPool: Handle,
  args: { bin?: string; clips?: string[] },
): Promise<{ label: string; handle: Handle }[]> {
  if ((args.bin === undefined) === (args.clips === undefined)) {
    fail(
      "INVALID_ARGUMENTS",
      "give bin or clips, not both",
      "bin works on every clip in it and its sub-bins.",
    );
  }
  if (args.bin) {
    const bin = await findBinRef(resolve, mediaPool, args.bin);
    return [{ label: `bin "${bin.path}"`, handle: bin.bin }];
  }
  const clips = await findClips(resolve, mediaPool, args.clips!);
  return clips.map((c) => ({ label: `"${c.name}"`, handle: c.clip }));
}

const targetInputs = {
  bin: binRefInput("Work on every clip of this bin and its sub-bins").optional().describe(
    "A bin path or id: every clip in it and its sub-bins. Give bin or clips.",
  ),
  clips: clipsInput("Work on these clips").optional().describe(
    "Clip ids, bin paths or unique names (1-500). Give bin or clips.",
  ),
};

export const analyzeClips = defineTool({
  name: "analyze_clips",
  title: "Analyze clips (transcription, audio classification, IntelliSearch, slates)",
  description:
    "Runs Resolve's analysis on a bin (recursive) or on clips: 'transcribe' audio, 'classify_audio' (categories), 'intellisearch' (object/face indexing), 'detect_slates' (marks slates with a marker). These are Studio/AI features: without Studio or the AI Extras download, Resolve refuses (AI_FEATURE_REFUSED).",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({
    action: z.enum(["transcribe", "classify_audio", "intellisearch", "detect_slates"]).describe(
      "The analysis to run.",
    ),
    ...targetInputs,
    speaker_detection: z.boolean().optional().describe(
      "transcribe: detect speakers. Omit for the project's setting.",
    ),
    identify_faces: z.boolean().optional().describe(
      "intellisearch: also identify faces. Default: false.",
    ),
    better_model: z.boolean().optional().describe(
      "intellisearch: the slower 'Better' model instead of 'Faster'. Default: false.",
    ),
    slate_marker_color: z.enum(MARKER_COLORS).optional().describe(
      "detect_slates: colour of the marker put on slates. Default: Blue.",
    ),
  }),
  output: () => ({
    action: z.string().describe("The analysis run."),
    targets: z.array(z.string()).describe("What was analysed."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "Folder.TranscribeAudio",
    "Folder.PerformAudioClassification",
    "Folder.AnalyzeForIntellisearch",
    "Folder.AnalyzeForSlate",
    "MediaPoolItem.TranscribeAudio",
    "MediaPoolItem.PerformAudioClassification",
    "MediaPoolItem.AnalyzeForIntellisearch",
    "MediaPoolItem.AnalyzeForSlate",
    ...VERSION_LOOKUP,
    "Project.GetTranscribeAudioStatus",
    "Project.GetAnalyzeForSlateStatus",
  ],
  async handler(args, ctx) {
    const { resolve, signal } = ctx;
    const progress = increasing(ctx.progress);
    const { project, mediaPool } = await poolOf(resolve);
    const targets = await analysisTargets(resolve, mediaPool, args);
    const call: [string, unknown[]] = args.action === "transcribe"
      ? ["TranscribeAudio", args.speaker_detection === undefined ? [] : [args.speaker_detection]]
      : args.action === "classify_audio"
      ? ["PerformAudioClassification", []]
      : args.action === "intellisearch"
      ? ["AnalyzeForIntellisearch", [args.identify_faces ?? false, args.better_model ?? false]]
      : ["AnalyzeForSlate", [
        constant(`MARKER_${(args.slate_marker_color ?? "Blue").toUpperCase()}`),
      ]];
    for (let i = 0; i < targets.length; i++) {
      if (signal.aborted) fail("CANCELLED", `stopped after ${i} of ${targets.length} target(s)`);
      const result = await resolve.call(targets[i].handle, call[0], ...call[1]);
      aiResult(result, `${args.action} on ${targets[i].label}`);
      if (args.action === "transcribe" || args.action === "detect_slates") {
        // 21.1.1: the job's own status reader, as progress within this target
        await followJob(
          resolve,
          {
            ...ctx,
            progress: (p, _t, m) => progress(i + p / 100, targets.length, m),
          },
          project,
          args.action === "transcribe" ? "transcribe" : "slate",
        );
      }
      await progress(i + 1, targets.length, `${args.action}: ${targets[i].label}`);
    }
    return {
      summary: `${args.action} done on ${targets.length} target(s).`,
      data: { action: args.action, targets: targets.map((t) => t.label) },
    };
  },
});

export const clearClipAnalysis = defineTool({
  name: "clear_clip_analysis",
  title: "Clear transcription or audio classification",
  description:
    "Removes transcriptions ('transcription') or audio classification ('audio_classification') from a bin (recursive) or from clips. Needs confirmation.",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({
    what: z.enum(["transcription", "audio_classification"]).describe("Which analysis to remove."),
    ...targetInputs,
  }),
  output: () => ({
    cleared: z.string().describe("What was removed."),
    targets: z.array(z.string()).describe("Where."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "Folder.ClearTranscription",
    "Folder.ClearAudioClassification",
    "MediaPoolItem.ClearTranscription",
    "MediaPoolItem.ClearAudioClassification",
  ],
  async handler(args, { resolve, confirm }) {
    const { mediaPool } = await poolOf(resolve);
    const targets = await analysisTargets(resolve, mediaPool, args);
    await confirm(
      `Remove the ${args.what.replace("_", " ")} of ${
        targets.map((t) => t.label).slice(0, 5).join(", ")
      }?`,
    );
    const method = args.what === "transcription"
      ? "ClearTranscription"
      : "ClearAudioClassification";
    const results = await resolve.batch(targets.map((t) => call(t.handle, method)));
    results.forEach((r, i) => aiResult(r, `clearing the ${args.what} of ${targets[i].label}`));
    return {
      summary: `Cleared ${args.what} on ${targets.length} target(s).`,
      data: { cleared: args.what, targets: targets.map((t) => t.label) },
    };
  },
});

export const removeMotionBlur = defineTool({
  name: "remove_motion_blur",
  title: "Remove motion blur (AI)",
  description:
    "Creates motion-deblurred copies of clips (or of every video clip in a bin, recursive) as new media files next to the originals, added to the pool. Studio/AI feature.",
  toolset: "media",
  readOnly: false,
  openWorld: true,
  input: () => ({
    ...targetInputs,
    file_name: z.string().min(1).max(255).optional().describe(
      "Base name of the new file (single clip). Default: '<name>_deblur'.",
    ),
    format: z.enum(["mov", "mp4"]).optional().describe("Container of the new files. Default: mov."),
    codec: z.string().min(1).max(64).optional().describe(
      "Codec of the new files, e.g. 'ProRes422', 'H264'. Default: Resolve's.",
    ),
    extreme_mode: z.boolean().optional().describe("Stronger deblur. Default: false."),
    use_mark_in_out: z.boolean().optional().describe("Only the marked range. Default: false."),
    render_at_source_resolution: z.boolean().optional().describe(
      "Render at source resolution. Default: Resolve's.",
    ),
  }),
  output: () => ({
    created: z.array(z.object({
      original_id: z.string(),
      new_id: z.string(),
      new_name: z.string(),
      path: z.string(),
    })).describe("Original clip and its deblurred copy."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "Folder.RemoveMotionBlur",
    "MediaPoolItem.RemoveMotionBlur",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const targets = await analysisTargets(resolve, mediaPool, args);
    const options: Record<string, unknown> = {};
    if (args.file_name) checkFileName(args.file_name, "file_name"); // Resolve adds the folder
    if (args.file_name) options.FileName = args.file_name;
    if (args.format) options.Format = args.format;
    if (args.codec) options.Codec = args.codec;
    if (args.extreme_mode !== undefined) options.UseExtremeMode = args.extreme_mode;
    if (args.use_mark_in_out !== undefined) options.UseMarkInMarkOut = args.use_mark_in_out;
    if (args.render_at_source_resolution !== undefined) {
      options.RenderAtSourceRes = args.render_at_source_resolution;
    }
    const pairs: [Handle, Handle][] = [];
    for (const t of targets) {
      const result = await resolve.call(t.handle, "RemoveMotionBlur", options);
      if (args.bin) {
        const list = Array.isArray(result) ? result : [];
        if (!list.length) aiResult(false, `motion deblur of ${t.label}`);
        for (const p of list) {
          if (Array.isArray(p) && isHandle(p[0]) && isHandle(p[1])) pairs.push([p[0], p[1]]);
        }
      } else {
        if (!isHandle(result)) aiResult(result, `motion deblur of ${t.label}`);
        pairs.push([t.handle, result as Handle]);
      }
    }
    const rows = await resolve.map(pairs.flat(), [["GetUniqueId"], ["GetName"], [
      "GetClipProperty",
      ["File Path"],
    ]]);
    const created = pairs.map((_, i) => ({
      original_id: String(rows[2 * i][0]),
      new_id: String(rows[2 * i + 1][0]),
      new_name: String(rows[2 * i + 1][1]),
      path: String(rows[2 * i + 1][2] ?? ""),
    }));
    return { summary: `Created ${created.length} deblurred clip(s).`, data: { created } };
  },
});
