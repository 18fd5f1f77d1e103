// Toolset "api": full reach in few tools. One tool per API class (13), whose `method` enum is
// that class's documented methods; objects are addressed by stable ids or names, never by
// bridge handles, and results that are API objects come back as such addresses.
import type { ToolRegistry } from "../registry.ts";
import { apiTool } from "./classes.ts";
import { TOOL_NAMES } from "./targets.ts";

export { arity } from "./args.ts";
export { findPathArgs, isPathName, looksLikePath, paramNames, type PathArg } from "./paths.ts";

export function registerApiTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "api",
    description:
      "Full reach: one tool per API class with a method enum (13 tools), objects by stable ids.",
  });
  for (const cls of Object.keys(TOOL_NAMES)) registry.add(apiTool(cls));
}
