// The tools that run as MCP tasks (src/tasks.ts), with the tool that follows their work while
// it goes on and the one that stops it. tools/list marks them `execution.taskSupport:
// "optional"`; no imports, so the tool wrapper and the docs read it cheaply.
export const TASK_TOOLS: Record<string, { follow?: string; stop?: string }> = {
  start_render: { follow: "wait_for_render", stop: "stop_render" },
  wait_for_render: { follow: "wait_for_render", stop: "stop_render" },
  quick_export: {},
  distribute_render: {},
  get_transcript: {},
  create_subtitles_from_audio: {},
  analyze_clips: {},
  detect_scene_cuts: {},
  normalize_audio: {},
  analyze_dolby_vision: {},
  clone_media: { stop: "stop_clone_media" },
};
