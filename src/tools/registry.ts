// Toolsets: named groups of tools. Each src/tools/<toolset>.ts has one registration
// function that adds its tools here; the server picks from the registry by flags.
import type { ToolDef } from "../tool.ts";

export interface ToolsetInfo {
  id: string;
  description: string;
}

export class ToolRegistry {
  readonly tools: ToolDef[] = [];
  readonly toolsets = new Map<string, ToolsetInfo>();
  /** Names of the tools in the default set (task-level tools most users need). */
  readonly defaults = new Set<string>();

  toolset(info: ToolsetInfo): void {
    this.toolsets.set(info.id, info);
  }

  add(tool: ToolDef, options: { default?: boolean } = {}): void {
    if (this.tools.some((t) => t.name === tool.name)) {
      throw new Error(`duplicate tool name ${tool.name}`);
    }
    this.tools.push(tool);
    if (tool.default || options.default) this.defaults.add(tool.name);
  }
}
