// What the server says about itself in `initialize`. Kept free of heavy imports: main.ts
// answers `initialize` from this before the MCP SDK has loaded (tests/identity_test.ts checks
// the answer equals the SDK's own).
import { NAME, VERSION } from "./version.ts";

export const SERVER_INFO = { name: NAME, version: VERSION };

export const CAPABILITIES = {
  tools: {},
  logging: {},
  resources: { listChanged: true },
  prompts: {},
};

export const INSTRUCTIONS = `Drives DaVinci Resolve through its scripting API.
Typical flow: create_project or open_project, import_media, create_timeline, then edit,
mark (add_marker), grade and render. Frames on a timeline count from its first frame
(0 = start); timecodes use the timeline's frame rate. Errors say what to do next.`;

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
