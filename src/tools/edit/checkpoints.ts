// Checkpoint tools: list_checkpoints, restore_checkpoint.
import type { ToolDef } from "../../tool.ts";

export const CHECKPOINT_TOOLS: ToolDef[] = [];
