// Item tool running Resolve's per-item processes (stabilise, magic mask, smart reframe, ...).
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  followJob,
  itemIdInput,
  itemOf,
  timelineRefInput,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";
import { TIMELINE_LOOKUP } from "./common.ts";

// -- processing: magic mask, stabilise, smart reframe, sidecar ----------------------------

export const runItemProcess = defineTool({
  name: "run_item_process",
  title: "Run magic mask, stabilisation, smart reframe or sidecar update",
  description:
    "Runs a processing step on a timeline item: 'magic_mask' (track a magic mask; direction forward/backward/bidirectional; Studio), 'regenerate_magic_mask' (Studio), 'stabilize', 'smart_reframe' (Studio), or 'update_sidecar' (write the BRAW sidecar / R3D RMD file of the source).",
  toolset: "item",
  readOnly: false,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum([
      "magic_mask",
      "regenerate_magic_mask",
      "stabilize",
      "smart_reframe",
      "update_sidecar",
    ]).describe("The process to run."),
    direction: z.enum(["forward", "backward", "bidirectional"]).optional().describe(
      "For magic_mask: tracking direction. Default: bidirectional.",
    ),
  }),
  output: () => ({
    action: z.string().describe("The process run."),
    ok: z.boolean().describe("True when Resolve reported success."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.CreateMagicMask",
    "TimelineItem.RegenerateMagicMask",
    "TimelineItem.Stabilize",
    "TimelineItem.SmartReframe",
    "TimelineItem.UpdateSidecar",
    ...VERSION_LOOKUP,
    "Project.GetSmartReframeStatus",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { project, item } = await itemOf(resolve, args.timeline, args.item_id);
    const mode = { forward: "F", backward: "B", bidirectional: "BI" }[
      args.direction ?? "bidirectional"
    ];
    const [m, a] = {
      magic_mask: ["CreateMagicMask", [mode]],
      regenerate_magic_mask: ["RegenerateMagicMask", []],
      stabilize: ["Stabilize", []],
      smart_reframe: ["SmartReframe", []],
      update_sidecar: ["UpdateSidecar", []],
    }[args.action] as [string, unknown[]];
    const ok = await resolve.call(item, m, ...a);
    if (ok !== true) {
      fail(
        "PROCESS_FAILED",
        `Resolve could not run ${args.action} on item ${args.item_id}`,
        {
          magic_mask: "Needs a video item with media, on Resolve Studio.",
          regenerate_magic_mask: "Create a magic mask first (action magic_mask); Studio only.",
          stabilize: "Needs a video item with media.",
          smart_reframe: "Needs a video item with media, on Resolve Studio.",
          update_sidecar: "Only BRAW and R3D clips have sidecar files.",
        }[args.action],
      );
    }
    if (args.action === "smart_reframe") {
      await followJob(resolve, ctx, project, "smart_reframe"); // 21.1.1: progress from its status
    }
    return {
      summary: `${args.action} done on item ${args.item_id}.`,
      data: { action: args.action, ok: true },
    };
  },
});
