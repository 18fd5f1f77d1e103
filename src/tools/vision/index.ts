// Toolset "vision": pictures a model can look at: a frame as Resolve shows it (graded), a
// contact sheet of several frames, and a drawing of the timeline. Resolve writes the frame
// as a still into a private folder of the bridge, which hands it over (reduced) and deletes
// it; the image module (src/image/) is loaded on the first call.
import type { ToolRegistry } from "../registry.ts";
import { contactSheet, getFrame } from "./frames.ts";
import { timelineOverviewTool } from "./overview.ts";

export function registerVisionTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "vision",
    description:
      "Images the model can look at: graded frames, contact sheets of markers or shots, a drawing of the timeline.",
  });
  registry.add(getFrame);
  registry.add(contactSheet);
  registry.add(timelineOverviewTool);
}
