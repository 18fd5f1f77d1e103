// Edit tools (owned by the edit-engine work; this file lists them).
import type { ToolDef } from "../../tool.ts";

export const EDIT_TOOLS: ToolDef[] = [];
