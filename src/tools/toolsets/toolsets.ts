// The tools beyond the default set are one call away: list_toolsets says what each toolset
// holds, enable_toolset exposes one for this session (and tells the client the list changed).
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool, type ToolContext, type ToolsetControl } from "../../tool.ts";

function control(ctx: ToolContext): ToolsetControl {
  return ctx.toolsets ??
    fail("INTERNAL_ERROR", "this server cannot change its tools", "Restart it with --toolsets.");
}

const toolsetRow = () =>
  z.object({
    id: z.string().describe("Toolset id, for enable_toolset."),
    description: z.string().describe("What its tools do."),
    tools: z.number().describe("Tools in the toolset."),
    exposed: z.number().describe("Of them, exposed in this session now."),
    enabled: z.boolean().describe("True when all of them are exposed."),
  });

export const listToolsets = defineTool({
  name: "list_toolsets",
  title: "List toolsets",
  description:
    "Lists the toolsets (groups of tools) with what they do, their tool counts and whether this session exposes them. The default set is a part of them; enable_toolset loads the rest of one.",
  toolset: "toolsets",
  default: true,
  readOnly: true,
  input: () => ({}),
  output: () => ({
    toolsets: z.array(toolsetRow()).describe("Every toolset."),
  }),
  apiMethods: [],
  handler(_args, ctx) {
    const toolsets = control(ctx).list();
    const off = toolsets.filter((t) => !t.enabled);
    return Promise.resolve({
      summary: `${toolsets.length} toolsets, ${off.length} not fully loaded${
        off.length ? ` (${off.map((t) => `${t.id} ${t.exposed}/${t.tools}`).join(", ")})` : ""
      }.`,
      data: { toolsets },
    });
  },
});

export const enableToolset = defineTool({
  name: "enable_toolset",
  title: "Enable a toolset",
  description:
    "Exposes every tool of a toolset (ids from list_toolsets) for the rest of this session. Clients that support tools/list_changed see them at once; others after re-reading tools/list.",
  toolset: "toolsets",
  default: true,
  readOnly: true,
  idempotent: true,
  input: () => ({
    toolset: z.string().min(1).max(64).describe("Toolset id from list_toolsets, e.g. 'color'."),
  }),
  output: () => ({
    toolset: z.string().describe("The toolset."),
    added: z.array(z.string()).describe("Tools newly exposed by this call (empty if all were)."),
    notified: z.boolean().describe("True if the client was sent notifications/tools/list_changed."),
  }),
  apiMethods: [],
  async handler({ toolset }, ctx) {
    const toolsets = control(ctx);
    if (!toolsets.list().some((t) => t.id === toolset)) {
      return fail(
        "UNKNOWN_TOOLSET",
        `no toolset ${toolset}`,
        `Call list_toolsets for the ids (${toolsets.list().map((t) => t.id).join(", ")}).`,
      );
    }
    const { added, notified } = await toolsets.enable(toolset);
    return {
      summary: added.length
        ? `${added.length} tools of ${toolset} now exposed: ${added.join(", ")}.`
        : `Every tool of ${toolset} was already exposed.`,
      data: { toolset, added, notified },
    };
  },
});

export const TOOLSET_TOOLS = [listToolsets, enableToolset];
