// Toolset "edit": an editor's cuts (split, trim, move, insert, overwrite, ripple delete, lift,
// extract, conform from a cut list) planned on a model of the timeline, applied with the
// documented API, the items' work carried over and verified by reading back; and the
// checkpoints taken before every edit or destructive step, to go back to.
import type { ToolRegistry } from "../registry.ts";
import { CHECKPOINT_TOOLS } from "./checkpoints.ts";
import { EDIT_TOOLS } from "./edits.ts";

export function registerEditTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "edit",
    description:
      "Editing a cut: split, trim, move, insert, overwrite, ripple delete, lift/extract a range, conform to a cut list; checkpoints to restore.",
  });
  for (const tool of [...EDIT_TOOLS, ...CHECKPOINT_TOOLS]) registry.add(tool);
}
