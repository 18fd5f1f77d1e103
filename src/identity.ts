// What the server says about itself in `initialize`. Kept free of heavy imports: main.ts
// answers `initialize` from this before the MCP SDK has loaded (tests/identity_test.ts checks
// the answer equals the SDK's own).
import { NAME, VERSION } from "./version.ts";

/** The server's icon (docs/icon.svg, checked equal by tests/registry_test.ts), inline. */
export const ICON_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1c1f26"/><g fill-opacity=".85"><circle cx="24" cy="26" r="13" fill="#e8473f"/><circle cx="40" cy="26" r="13" fill="#3fbf6a"/><circle cx="32" cy="40" r="13" fill="#3f7fe8"/></g></svg>`;

export const SERVER_INFO = {
  name: NAME,
  title: "DaVinci Resolve",
  version: VERSION,
  icons: [{
    src: `data:image/svg+xml;base64,${btoa(ICON_SVG)}`,
    mimeType: "image/svg+xml",
    sizes: ["any"],
  }],
};

export const CAPABILITIES = {
  tools: { listChanged: true },
  logging: {},
  resources: { subscribe: true, listChanged: true },
  prompts: {},
  completions: {},
  tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
};

/**
 * The conventions every tool shares, said once here instead of in each description (tools
 * refer to them). Names only tools of the default set, and says how to load the rest.
 */
export const INSTRUCTIONS = `Drives DaVinci Resolve through its scripting API.
Typical flow: create_project or open_project, import_media, create_timeline_from_clips, edit,
add_marker, grade, add_render_job and start_render.
Conventions shared by all tools:
- Frames: timeline frames count from the timeline's first frame (0 = start); clip and item
  frames from their own first frame. Ends (end, end_frame) are exclusive: end - start = length.
- Timecodes: HH:MM:SS:FF at the timeline's rate; ';' before FF for drop-frame. Where a tool
  takes frame or timecode, give one.
- References: timeline = name or id (omit: the current one); clip = id, bin path
  ('Master/Dailies/a.mov') or unique name; bin = path from the root ('Dailies/Day 1') or id;
  item_id = a timeline item's id (list_timeline_items).
- Paging: lists return total and next_cursor; pass next_cursor as cursor for the next page
  (limit 1-500, default 100).
- Confirmation: a destructive step may fail with CONFIRMATION_REQUIRED and a token; ask the
  user, then repeat the same call with confirmation_token set to it (once, within minutes).
  Never invent a token. Clients with elicitation are asked directly instead.
- Errors: "Error CODE: what happened" then what to do next; follow it.
- Long work (renders, analysis) reports progress; clients with tasks can run it as a task.
- More tools: this is the default set. list_toolsets shows the others; enable_toolset loads
  one for the session.`;

/** The SDK's LATEST_PROTOCOL_VERSION and SUPPORTED_PROTOCOL_VERSIONS (checked by a test). */
export const LATEST_PROTOCOL_VERSION = "2025-11-25";
export const SUPPORTED_PROTOCOL_VERSIONS = [
  "2025-11-25",
  "2025-06-18",
  "2025-03-26",
  "2024-11-05",
  "2024-10-07",
];

/** The `initialize` result, negotiated exactly as the SDK's Server does. */
export function initializeResult(params: { protocolVersion?: unknown }) {
  const requested = String(params?.protocolVersion ?? "");
  return {
    protocolVersion: SUPPORTED_PROTOCOL_VERSIONS.includes(requested)
      ? requested
      : LATEST_PROTOCOL_VERSION,
    capabilities: CAPABILITIES,
    serverInfo: SERVER_INFO,
    instructions: INSTRUCTIONS,
  };
}
