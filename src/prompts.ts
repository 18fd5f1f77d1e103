// MCP prompts: short, real workflows that tell the model which tools to use in what order.
import type { CompletionKind } from "./completions.ts";
import type { Prompt } from "./sdk.ts";

interface PromptArgument {
  name: string;
  description?: string;
  required?: boolean;
  /** What the value names, for completion/complete (src/completions.ts). */
  kind: CompletionKind | "text";
}

interface PromptDef extends Omit<Prompt, "arguments"> {
  arguments: PromptArgument[];
  render(args: Record<string, string>): string;
}

const PROMPTS: PromptDef[] = [
  {
    name: "rough_cut_from_bin",
    title: "Rough cut from a bin",
    description: "Builds a first assembly timeline from the clips of a bin.",
    arguments: [
      {
        name: "bin",
        description: "Bin path, e.g. 'Master/Dailies/Day 1'.",
        required: true,
        kind: "bin_path",
      },
      {
        name: "timeline",
        description: "Name for the new timeline. Default: 'Rough Cut'.",
        kind: "timeline_name",
      },
    ],
    render: ({ bin, timeline }) =>
      `Build a rough cut from the bin "${bin}".
1. Call list_clips for that bin and read names, durations and any markers or notes.
2. Order the clips by scene/shot/take from their names or metadata; leave out clips flagged or coloured as rejects.
3. Call create_timeline_from_clips named "${
        timeline || "Rough Cut"
      }" with the ordered clips (trim obvious heads/tails with start_frame/end_frame if clip markers say so).
4. Add a Blue marker (add_marker) at each scene change naming the scene.
5. Report the order you chose and anything you left out, with why.`,
  },
  {
    name: "review_markers_report",
    title: "Review markers into a report",
    description: "Turns a timeline's markers into a review report grouped by colour.",
    arguments: [{
      name: "timeline",
      description: "Timeline name or id. Default: the current one.",
      kind: "timeline_name",
    }],
    render: ({ timeline }) =>
      `Write a review report of the markers on ${
        timeline ? `timeline "${timeline}"` : "the current timeline"
      }.
1. Call list_markers${timeline ? ` with timeline "${timeline}"` : ""} (all pages).
2. Group them by colour; for each give timecode, name, note and duration.
3. For each marker, name the clip under it (list_timeline_items around that frame).
4. End with a short list of actions per department (edit, colour, sound) derived from the notes.`,
  },
  {
    name: "prepare_deliverables",
    title: "Prepare deliverables from a preset",
    description: "Queues and renders the current timeline with a render preset.",
    arguments: [
      {
        name: "preset",
        description: "Render preset name, e.g. 'H.264 Master'.",
        required: true,
        kind: "render_preset",
      },
      {
        name: "target_dir",
        description: "Folder for the renders (must be an allowed directory).",
        required: true,
        kind: "folder",
      },
      {
        name: "format",
        description: "Render format (file extension, e.g. 'mov'). Default: the preset's.",
        kind: "render_format",
      },
    ],
    render: ({ preset, target_dir, format }) =>
      `Prepare deliverables of the current timeline with the render preset "${preset}".
1. Call list_render_presets and check "${preset}" exists; if not, list the presets and stop.
2. Load the preset, then set_render_settings with TargetDir "${target_dir}"${
        format ? `, format "${format}"` : ""
      } and a CustomName from the timeline name.
3. add_render_job, then start_render; while it returns in_progress, call wait_for_render (cancelling a wait never stops the render).
4. Report each output file, its format/codec and the time taken; on failure report the job's error.`,
  },
  {
    name: "conform_check",
    title: "Conform check of a timeline against the media pool",
    description: "Checks that every timeline item links to online media in the pool.",
    arguments: [{
      name: "timeline",
      description: "Timeline name or id. Default: the current one.",
      kind: "timeline_name",
    }],
    render: ({ timeline }) =>
      `Check the conform of ${timeline ? `timeline "${timeline}"` : "the current timeline"}.
1. list_timeline_items with fields ["name", "record", "source"] for every track (all pages): the source ranges are read only when asked for.
2. For each item with a media pool clip, read the clip's properties (Online Status, File Path, Frames) and check the item's source range lies inside the clip.
3. List items without a clip (generators, titles), offline clips, and source ranges past the media's end.
4. Summarise: items checked, problems found per kind, and suggested fixes (relink_clips, replace_clip: enable_toolset media first).`,
  },
  {
    name: "notes_to_markers",
    title: "Director's notes as markers",
    description: "Turns pasted notes with timecodes into timeline markers, one per note.",
    arguments: [
      {
        name: "notes",
        description: "The notes, one per line: timecode then text.",
        required: true,
        kind: "text",
      },
      {
        name: "timeline",
        description: "Timeline name. Default: the current one.",
        kind: "timeline_name",
      },
    ],
    render: ({ notes, timeline }) =>
      `Add the director's notes below as markers on ${
        timeline ? `timeline "${timeline}"` : "the current timeline"
      }.
1. For each line, read its timecode and text; a line without a timecode belongs to the note above.
2. add_marker at that timecode (Red for fixes, Blue otherwise), the first words as name, the rest as note.
3. list_markers and report what was added and any line you could not place.

Notes:
${notes}`,
  },
  {
    name: "grade_scene",
    title: "Grade a scene from a reference shot",
    description: "Matches the shots of a scene to the grade of one reference clip.",
    arguments: [
      {
        name: "reference_clip",
        description: "Name of the clip whose grade the scene gets.",
        required: true,
        kind: "clip_name",
      },
      {
        name: "timeline",
        description: "Timeline name. Default: the current one.",
        kind: "timeline_name",
      },
      {
        name: "page",
        description: "Page to leave Resolve on afterwards. Default: color.",
        kind: "page",
      },
    ],
    render: ({ reference_clip, timeline, page }) =>
      `Grade the scene of ${
        timeline ? `timeline "${timeline}"` : "the current timeline"
      } from the shot of clip "${reference_clip}".
1. list_timeline_items (video) and find the items of "${reference_clip}" and of the rest of the scene.
2. Copy the reference item's grade to the other items (grade copy), or put them in one colour group.
3. get_frame of a few items to compare; report what was changed.
4. switch_page to "${page || "color"}".`,
  },
];

export function listPrompts(): Prompt[] {
  return PROMPTS.map(({ render: _render, arguments: args, ...prompt }) => ({
    ...prompt,
    arguments: args.map(({ kind: _kind, ...arg }) => arg),
  }));
}

/** What a prompt argument names, for completion; undefined for free text or no such argument. */
export function promptArgumentKind(prompt: string, argument: string): CompletionKind | undefined {
  const kind = PROMPTS.find((p) => p.name === prompt)?.arguments.find((a) => a.name === argument)
    ?.kind;
  return kind === "text" ? undefined : kind;
}

/** Every prompt argument with its kind (the completion test walks them all). */
export function promptArguments(): { prompt: string; argument: string; kind: string }[] {
  return PROMPTS.flatMap((p) =>
    p.arguments.map((a) => ({ prompt: p.name, argument: a.name, kind: a.kind }))
  );
}

export function getPrompt(name: string, args: Record<string, string>) {
  const prompt = PROMPTS.find((p) => p.name === name);
  if (!prompt) return undefined;
  const missing = (prompt.arguments ?? []).filter((a) => a.required && !args[a.name]);
  if (missing.length) {
    throw new Error(`prompt ${name} needs ${missing.map((a) => a.name).join(", ")}`);
  }
  return {
    description: prompt.description,
    messages: [{
      role: "user" as const,
      content: { type: "text" as const, text: prompt.render(args) },
    }],
  };
}
