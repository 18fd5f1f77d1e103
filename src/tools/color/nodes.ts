// Color tools on node graphs: nodes, CDL, DRX, LUTs, grade reset and copy.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { outputFile } from "../shared.ts";
import {
  cacheConstant,
  cacheName,
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  type CheckpointScope,
  constant,
  findTimeline,
  type Handle,
  isHandle,
  ITEM_LOOKUP_METHODS,
  itemIdInput,
  itemOf,
  itemsOf,
  maybeCheckpointIdOutput,
  type ResolveSession,
  saveCheckpoint,
  timelineRefInput,
} from "../../resolve/index.ts";
import { findGroup, num } from "./common.ts";

// -- node graphs --------------------------------------------------------------------------

const graphInput = {
  graph: z.enum(["item", "timeline", "group_pre", "group_post"]).optional().describe(
    "Which node graph: 'item' (a clip's grade; needs item_id), 'timeline' (the timeline-level grade), 'group_pre' / 'group_post' (a colour group's pre-clip / post-clip grade; needs group). Default: 'item' when item_id is given, else 'timeline'.",
  ),
  item_id: itemIdInput.optional(),
  layer: z.number().int().min(1).max(64).optional().describe(
    "For graph 'item': the node stack layer (1-based, up to the project's nodeStackLayers). Default: 1.",
  ),
  timeline: timelineRefInput,
  group: z.string().min(1).max(255).optional().describe(
    "For graph 'group_pre'/'group_post': the colour group's name.",
  ),
};

interface GraphArgs {
  graph?: "item" | "timeline" | "group_pre" | "group_post";
  item_id?: string;
  layer?: number;
  timeline?: string;
  group?: string;
}

const GRAPH_METHODS = [
  ...ITEM_LOOKUP_METHODS,
  "TimelineItem.GetNodeGraph",
  "Timeline.GetNodeGraph",
  "Project.GetColorGroupsList",
  "Project.GetSetting",
  "ColorGroup.GetName",
  "ColorGroup.GetPreClipNodeGraph",
  "ColorGroup.GetPostClipNodeGraph",
];

/** The node graph the arguments name, with a description for messages. */
async function graphOf(
  resolve: ResolveSession,
  args: GraphArgs,
): Promise<{ graph: Handle; label: string; item?: Handle; project: Handle; timeline?: Handle }> {
  const kind = args.graph ?? (args.item_id ? "item" : "timeline");
  if (kind === "item") {
    if (!args.item_id) fail("INVALID_ARGUMENTS", "graph 'item' needs item_id");
    const { project, timeline, item, trackType } = await itemOf(
      resolve,
      args.timeline,
      args.item_id,
    );
    if (trackType !== "video") {
      fail(
        "NOT_A_VIDEO_ITEM",
        `item ${args.item_id} is on a ${trackType} track; only video items are graded`,
      );
    }
    const layer = args.layer ?? 1;
    const [graph, layers] = await resolve.batch([
      call(item, "GetNodeGraph", layer),
      call(project, "GetSetting", "nodeStackLayers"),
    ]);
    if (!isHandle(graph)) {
      fail(
        "NO_NODE_GRAPH",
        `item ${args.item_id} has no node graph for layer ${layer} (the project has ${
          layers || 1
        } node stack layer(s))`,
        "Use a layer between 1 and the project's nodeStackLayers setting.",
      );
    }
    return { graph, label: `item ${args.item_id} layer ${layer}`, item, project, timeline };
  }
  if (kind === "timeline") {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const [graph, name] = await resolve.batch([
      call(timeline, "GetNodeGraph"),
      call(timeline, "GetName"),
    ]);
    if (!isHandle(graph)) fail("NO_NODE_GRAPH", `timeline "${name}" returned no node graph`);
    return { graph, label: `timeline "${name}"`, project, timeline };
  }
  if (!args.group) fail("INVALID_ARGUMENTS", `graph '${kind}' needs group`);
  const project = await resolve.project();
  const { group } = await findGroup(resolve, project, args.group);
  const graph = await resolve.call(
    group,
    kind === "group_pre" ? "GetPreClipNodeGraph" : "GetPostClipNodeGraph",
  );
  if (!isHandle(graph)) fail("NO_NODE_GRAPH", `colour group "${args.group}" returned no graph`);
  return {
    graph,
    label: `${kind === "group_pre" ? "pre-clip" : "post-clip"} graph of group "${args.group}"`,
    project,
  };
}

/** What a grade change on this graph checkpoints: its timeline, or the project (groups). */
function gradeScope(timeline: Handle | undefined): CheckpointScope {
  return timeline ? { timeline } : { project: true };
}

const nodeSchema = z.object({
  index: z.number().describe("1-based node index."),
  label: z.string().describe("Node label, empty when none."),
  lut: z.string().describe("LUT on the node (path relative to the LUT folders), empty when none."),
  tools: z.array(z.string()).describe("Tools used in the node."),
  cache_mode: z.string().nullable().describe("Node cache mode: AUTO, ENABLED or DISABLED."),
});

async function readNodes(resolve: ResolveSession, graph: Handle) {
  const count = num(await resolve.call(graph, "GetNumNodes"));
  const fields = ["GetNodeLabel", "GetLUT", "GetToolsInNode", "GetNodeCacheMode"];
  const results = await resolve.batch(
    Array.from({ length: count }, (_, i) => fields.map((m) => call(graph, m, i + 1)))
      .flat(),
  );
  return Array.from({ length: count }, (_, i) => {
    const [label, lut, tools, cache] = results.slice(i * 4, i * 4 + 4);
    return {
      index: i + 1,
      label: String(label ?? ""),
      lut: String(lut ?? ""),
      tools: ((tools as string[]) ?? []).map(String),
      cache_mode: cacheName(cache),
    };
  });
}

const NODE_READS = [
  "Graph.GetNumNodes",
  "Graph.GetNodeLabel",
  "Graph.GetLUT",
  "Graph.GetToolsInNode",
  "Graph.GetNodeCacheMode",
];

export const listNodes = defineTool({
  name: "list_nodes",
  title: "List grade nodes",
  description:
    "Lists the nodes of a node graph (label, LUT, tools used, cache mode) in one read: a clip's grade (item_id, optional layer), the timeline's grade, or a colour group's pre-/post-clip grade.",
  toolset: "color",
  default: true,
  readOnly: true,
  input: () => graphInput,
  output: () => ({
    graph: z.string().describe("Which graph was read."),
    nodes: z.array(nodeSchema).describe("The nodes in index order."),
  }),
  apiMethods: [...GRAPH_METHODS, ...NODE_READS],
  async handler(args, { resolve }) {
    const { graph, label } = await graphOf(resolve, args);
    const nodes = await readNodes(resolve, graph);
    return { summary: `${nodes.length} node(s) in the ${label}.`, data: { graph: label, nodes } };
  },
});

async function checkNode(resolve: ResolveSession, graph: Handle, index: number, label: string) {
  const count = num(await resolve.call(graph, "GetNumNodes"));
  if (index > count) {
    fail(
      "NODE_NOT_FOUND",
      `the ${label} has ${count} node(s); there is no node ${index}`,
      "Node indices are 1-based; list_nodes shows the nodes.",
    );
  }
}

export const setNode = defineTool({
  name: "set_node",
  title: "Set a node's LUT, enabled state or cache mode",
  description:
    "Changes one node of a node graph (a clip's, the timeline's or a colour group's): puts a LUT on it (an absolute .cube/.3dl/... path inside the allowed folders, or a path relative to Resolve's LUT folders such as 'Sample/Warm.cube'; the LUT list is refreshed once if Resolve does not know it yet; over another LUT or a grade on that node it needs confirmation), enables/disables it, and/or sets its cache mode. Returns the node afterwards. Before putting on a LUT it saves a checkpoint of the timeline (of the project for a group graph) and returns its checkpoint_id (restore_checkpoint, which enable_toolset edit loads, brings back what was there).",
  toolset: "color",
  readOnly: false,
  destructive: true,
  idempotent: true,
  openWorld: true,
  input: () => ({
    ...graphInput,
    node_index: z.number().int().min(1).max(1000).describe("The node, 1-based (list_nodes)."),
    lut: z.string().min(1).max(4096).optional().describe(
      "LUT to apply: absolute path, or relative to Resolve's master/custom LUT folders. Omit to keep.",
    ),
    enabled: z.boolean().optional().describe("Enable (true) or bypass (false) the node."),
    cache_mode: z.enum(["AUTO", "ENABLED", "DISABLED"]).optional().describe(
      "Node render cache mode. Omit to keep.",
    ),
  }),
  output: () => ({
    graph: z.string().describe("Which graph was changed."),
    node: nodeSchema.describe("The node after the change."),
    changed: z.array(z.string()).describe("What was applied."),
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...GRAPH_METHODS,
    ...NODE_READS,
    "Graph.SetLUT",
    "Graph.SetNodeEnabled",
    "Graph.SetNodeCacheMode",
    "Project.RefreshLUTList",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, paths, confirm } = ctx;
    if (args.lut === undefined && args.enabled === undefined && !args.cache_mode) {
      fail("NOTHING_TO_CHANGE", "give lut, enabled or cache_mode");
    }
    let lut = args.lut;
    if (lut !== undefined) {
      if (/^([a-zA-Z]:[\\/]|[\\/])/.test(lut)) {
        const [checked] = await paths.checkRead([lut]);
        if (!checked.exists || checked.isDir) fail("FILE_NOT_FOUND", `${lut} does not exist`);
        lut = checked.path;
      } else if (lut.split(/[\\/]/).includes("..")) {
        fail(
          "INVALID_ARGUMENTS",
          "a relative LUT path may not contain '..'",
          "Give a path relative to Resolve's LUT folders, or an absolute path.",
        );
      }
    }
    const { graph, label, project, timeline } = await graphOf(resolve, args);
    let checkpoint_id: string | null = null;
    await checkNode(resolve, graph, args.node_index, label);
    const changed: string[] = [];
    const i = args.node_index;
    if (lut !== undefined) {
      // A LUT over another LUT, or over the node's corrections, replaces work: ask first.
      const [had, tools] = await resolve.batch([
        call(graph, "GetLUT", i),
        call(graph, "GetToolsInNode", i),
      ]);
      const hadLut = String(had ?? "");
      const graded = ((tools as string[]) ?? []).filter((t) => t !== "LUT");
      if ((hadLut && hadLut !== lut) || graded.length) {
        await confirm(
          `Put the LUT ${args.lut} on node ${i} of the ${label}, over ${
            hadLut ? `its LUT ${hadLut}` : `its ${graded.join(", ")}`
          }?`,
        );
      }
      ({ checkpoint_id } = await saveCheckpoint(ctx, "set_node", args, gradeScope(timeline)));
      let ok = await resolve.call(graph, "SetLUT", i, lut);
      if (ok !== true) {
        await resolve.call(project, "RefreshLUTList");
        ok = await resolve.call(graph, "SetLUT", i, lut);
      }
      if (ok !== true) {
        fail(
          "LUT_NOT_FOUND",
          `Resolve does not know the LUT "${args.lut}"`,
          "Use a LUT file Resolve can read (.cube, .3dl, ...) inside its LUT folders or an absolute path; list_nodes shows current LUTs.",
        );
      }
      changed.push("lut");
    }
    const calls: { label: string; m: string; a: unknown[] }[] = [];
    if (args.enabled !== undefined) {
      calls.push({ label: "enabled", m: "SetNodeEnabled", a: [i, args.enabled] });
    }
    if (args.cache_mode) {
      calls.push({
        label: "cache_mode",
        m: "SetNodeCacheMode",
        a: [i, cacheConstant(args.cache_mode)],
      });
    }
    const results = await resolve.batch(calls.map((c) => call(graph, c.m, ...c.a)));
    const refused = calls.filter((_, k) => results[k] !== true).map((c) => c.label);
    if (refused.length) {
      fail(
        "NODE_REFUSED",
        `Resolve refused: ${refused.join(", ")} (applied: ${changed.join(", ") || "nothing"})`,
      );
    }
    changed.push(...calls.map((c) => c.label));
    const node = (await readNodes(resolve, graph))[i - 1];
    return {
      summary: `Node ${i} of the ${label}: set ${changed.join(", ")}.`,
      data: { graph: label, node, changed, checkpoint_id },
    };
  },
});

const triple = (what: string) =>
  z.tuple([
    z.number().min(-100).max(100),
    z.number().min(-100).max(100),
    z.number().min(-100).max(100),
  ]).optional().describe(`${what} as [red, green, blue]. Omit to keep.`);

export const setCdl = defineTool({
  name: "set_cdl",
  title: "Set ASC CDL",
  description:
    "Applies ASC CDL values (slope, offset, power per channel and saturation) to a node of a clip's grade (active version), replacing the CDL values the node had. Resolve has no way to read CDL back; the node's tools are returned. Saves a timeline checkpoint first and returns its checkpoint_id (restore_checkpoint brings back the grade as it was).",
  toolset: "color",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    node_index: z.number().int().min(1).max(1000).optional().describe(
      "The node, 1-based. Default: 1.",
    ),
    slope: triple("Slope (gain), >= 0, 1 = unchanged,"),
    offset: triple("Offset, 0 = unchanged,"),
    power: triple("Power (gamma), >= 0, 1 = unchanged,"),
    saturation: z.number().min(0).max(100).optional().describe(
      "Saturation, 1 = unchanged. Omit to keep.",
    ),
  }),
  output: () => ({
    node_index: z.number().describe("The node changed."),
    applied: z.record(z.string(), z.string()).describe("The CDL map sent to Resolve."),
    tools: z.array(z.string()).describe("Tools in the node afterwards."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "TimelineItem.GetNodeGraph",
    "TimelineItem.SetCDL",
    "Graph.GetNumNodes",
    "Graph.GetToolsInNode",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { item, trackType, timeline } = await itemOf(resolve, args.timeline, args.item_id);
    if (trackType !== "video") fail("NOT_A_VIDEO_ITEM", "only video items have a grade");
    const index = args.node_index ?? 1;
    const cdl: Record<string, string> = { NodeIndex: String(index) };
    for (const key of ["slope", "offset", "power"] as const) {
      const v = args[key];
      if (v) cdl[key[0].toUpperCase() + key.slice(1)] = v.join(" ");
    }
    if ((args.slope ?? []).some((x) => x < 0) || (args.power ?? []).some((x) => x < 0)) {
      fail("INVALID_ARGUMENTS", "slope and power must be >= 0");
    }
    if (args.saturation !== undefined) cdl.Saturation = String(args.saturation);
    if (Object.keys(cdl).length < 2) {
      fail("NOTHING_TO_CHANGE", "give slope, offset, power and/or saturation");
    }
    const graph = await resolve.call(item, "GetNodeGraph", 1) as Handle;
    if (!isHandle(graph)) fail("NO_NODE_GRAPH", "the item has no node graph");
    await checkNode(resolve, graph, index, `grade of item ${args.item_id}`);
    // The CDL replaces the node's values, which Resolve cannot read back: checkpoint first.
    const { checkpoint_id } = await saveCheckpoint(ctx, "set_cdl", args, { timeline });
    const [ok, tools] = await resolve.batch([
      call(item, "SetCDL", cdl),
      call(graph, "GetToolsInNode", index),
    ]);
    if (ok !== true) fail("CDL_REFUSED", "Resolve refused the CDL values");
    return {
      summary: `Applied CDL to node ${index} of item ${args.item_id}.`,
      data: {
        node_index: index,
        applied: cdl,
        tools: ((tools as string[]) ?? []).map(String),
        checkpoint_id,
      },
    };
  },
});

const GRADE_MODES = {
  no_keyframes: 0,
  source_timecode_aligned: 1,
  start_frames_aligned: 2,
} as const;

export const applyDrxGrade = defineTool({
  name: "apply_drx_grade",
  title: "Apply a DRX grade",
  description:
    "Loads a grade from a .drx still file and applies it to a node graph (a clip's, the timeline's or a colour group's), replacing the graph's nodes; when the graph already has a grade (more than one node, or a LUT, tools or label on it) that needs confirmation. Returns the nodes afterwards. Saves a checkpoint of the timeline (of the project for a group graph) first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "color",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    ...graphInput,
    path: z.string().min(1).max(4096).describe("Absolute path of the .drx file."),
    grade_mode: z.enum(["no_keyframes", "source_timecode_aligned", "start_frames_aligned"])
      .optional().describe("How keyframes are aligned. Default: no_keyframes."),
  }),
  output: () => ({
    graph: z.string().describe("Which graph was changed."),
    nodes: z.array(nodeSchema).describe("The nodes afterwards."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [...GRAPH_METHODS, ...NODE_READS, "Graph.ApplyGradeFromDRX", ...CHECKPOINT_API],
  async handler(args, ctx) {
    const { resolve, paths, confirm } = ctx;
    const [checked] = await paths.checkRead([args.path]);
    if (!checked.exists || checked.isDir) fail("FILE_NOT_FOUND", `${args.path} does not exist`);
    if (!checked.path.toLowerCase().endsWith(".drx")) {
      fail(
        "NOT_A_DRX",
        `${args.path} is not a .drx file`,
        "Export one with export_stills format drx.",
      );
    }
    const { graph, label, timeline } = await graphOf(resolve, args);
    // Anything but Resolve's single empty node is a grade the DRX would replace.
    const before = await readNodes(resolve, graph);
    if (before.length > 1 || before.some((n) => n.lut || n.label || n.tools.length)) {
      await confirm(
        `Replace the grade of the ${label} (${before.length} node(s)) with ${checked.path}?`,
      );
    }
    const { checkpoint_id } = await saveCheckpoint(
      ctx,
      "apply_drx_grade",
      args,
      gradeScope(timeline),
    );
    const ok = await resolve.call(
      graph,
      "ApplyGradeFromDRX",
      checked.path,
      GRADE_MODES[args.grade_mode ?? "no_keyframes"],
    );
    if (ok !== true) fail("DRX_REFUSED", `Resolve could not apply ${args.path}`);
    const nodes = await readNodes(resolve, graph);
    return {
      summary: `Applied ${args.path} to the ${label}.`,
      data: { graph: label, nodes, checkpoint_id },
    };
  },
});

export const resetGrade = defineTool({
  name: "reset_grade",
  title: "Reset grades or node colours",
  description:
    "Resets all grades of a node graph (a clip's, the timeline's or a colour group's) to a single empty node, or ('node_colors', clips only) resets the node colours of the clip's active version. Needs confirmation. Saves a checkpoint of the timeline (of the project for a group graph) first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "color",
  readOnly: false,
  destructive: true,
  input: () => ({
    ...graphInput,
    what: z.enum(["grades", "node_colors"]).optional().describe(
      "'grades' (default) resets every node; 'node_colors' only the node colours (graph 'item').",
    ),
  }),
  output: () => ({
    graph: z.string().describe("Which graph was reset."),
    nodes: z.array(nodeSchema).describe("The nodes afterwards."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...GRAPH_METHODS,
    ...NODE_READS,
    "Graph.ResetAllGrades",
    "TimelineItem.ResetAllNodeColors",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const what = args.what ?? "grades";
    const { graph, label, item, timeline } = await graphOf(ctx.resolve, args);
    if (what === "node_colors" && !item) {
      fail("INVALID_ARGUMENTS", "node_colors can only be reset on a clip (graph 'item')");
    }
    await ctx.confirm(
      what === "grades"
        ? `Reset all grades of the ${label}?`
        : `Reset the node colours of item ${args.item_id}?`,
    );
    const { checkpoint_id } = await saveCheckpoint(ctx, "reset_grade", args, gradeScope(timeline));
    const ok = what === "grades"
      ? await ctx.resolve.call(graph, "ResetAllGrades")
      : await ctx.resolve.call(item!, "ResetAllNodeColors");
    if (ok !== true) fail("RESET_REFUSED", `Resolve refused to reset the ${label}`);
    const nodes = await readNodes(ctx.resolve, graph);
    return {
      summary: `Reset ${what} of the ${label}.`,
      data: { graph: label, nodes, checkpoint_id },
    };
  },
});

export const applyArriCdlLut = defineTool({
  name: "apply_arri_cdl_lut",
  title: "Apply ARRI CDL and LUT",
  description:
    "Applies the ARRI camera CDL and LUT embedded in an ARRI clip's metadata to its node graph, over what the graph held. Fails for non-ARRI media. Saves a checkpoint of the timeline (of the project for a group graph) first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "color",
  readOnly: false,
  idempotent: true,
  input: () => graphInput,
  output: () => ({
    graph: z.string().describe("Which graph was changed."),
    nodes: z.array(nodeSchema).describe("The nodes afterwards."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [...GRAPH_METHODS, ...NODE_READS, "Graph.ApplyArriCdlLut", ...CHECKPOINT_API],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { graph, label, timeline } = await graphOf(resolve, args);
    const { checkpoint_id } = await saveCheckpoint(
      ctx,
      "apply_arri_cdl_lut",
      args,
      gradeScope(timeline),
    );
    const ok = await resolve.call(graph, "ApplyArriCdlLut");
    if (ok !== true) {
      fail(
        "ARRI_CDL_REFUSED",
        `Resolve could not apply an ARRI CDL and LUT to the ${label}`,
        "Only ARRI camera clips carry a CDL and LUT; check the clip's media.",
      );
    }
    const nodes = await readNodes(resolve, graph);
    return {
      summary: `Applied the ARRI CDL and LUT to the ${label}.`,
      data: { graph: label, nodes, checkpoint_id },
    };
  },
});

const LUT_TYPES = {
  cube_17: ["EXPORT_LUT_17PTCUBE", ".cube"],
  cube_33: ["EXPORT_LUT_33PTCUBE", ".cube"],
  cube_65: ["EXPORT_LUT_65PTCUBE", ".cube"],
  panasonic_vlut: ["EXPORT_LUT_PANASONICVLUT", ".vlt"],
} as const;

export const exportLut = defineTool({
  name: "export_lut",
  title: "Export a clip's grade as a LUT",
  description:
    "Writes the grade of a video timeline item as a LUT file: 17/33/65-point .cube or Panasonic .vlt. The right extension is appended if missing. Overwriting an existing file needs confirmation.",
  toolset: "color",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    path: z.string().min(1).max(4096).describe("Absolute path of the LUT file to write."),
    type: z.enum(["cube_17", "cube_33", "cube_65", "panasonic_vlut"]).optional().describe(
      "LUT type. Default: cube_33.",
    ),
  }),
  output: () => ({
    path: z.string().describe("The file written."),
    type: z.string().describe("LUT type."),
  }),
  apiMethods: [...ITEM_LOOKUP_METHODS, "TimelineItem.ExportLUT"],
  async handler(args, ctx) {
    const type = args.type ?? "cube_33";
    const [name, ext] = LUT_TYPES[type];
    const path = args.path.toLowerCase().endsWith(ext) ? args.path : args.path + ext;
    const { item, trackType } = await itemOf(ctx.resolve, args.timeline, args.item_id);
    if (trackType !== "video") fail("NOT_A_VIDEO_ITEM", "only video items have a grade");
    const checked = await outputFile(ctx, path);
    const ok = await ctx.resolve.call(item, "ExportLUT", constant(name), checked.path);
    await checked.landed();
    if (ok !== true) fail("EXPORT_FAILED", `Resolve could not write the LUT to ${checked.path}`);
    return {
      summary: `Exported a ${type} LUT to ${checked.path}.`,
      data: { path: checked.path, type },
    };
  },
});

export const copyGrades = defineTool({
  name: "copy_grades",
  title: "Copy a grade to other clips",
  description:
    "Copies the current grade (current node stack layer) of one video timeline item to other video items of the same timeline, replacing their grades on that layer. Saves a timeline checkpoint first and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "color",
  default: true,
  readOnly: false,
  idempotent: true,
  input: () => ({
    source_item_id: itemIdInput.describe("Id of the item whose grade is copied."),
    target_item_ids: z.array(z.string().min(1).max(128)).min(1).max(500).describe(
      "Ids of the items that receive the grade.",
    ),
    timeline: timelineRefInput,
  }),
  output: () => ({
    source: z.string().describe("The source item id."),
    targets: z.array(z.string()).describe("The items that received the grade."),
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [...ITEM_LOOKUP_METHODS, "TimelineItem.CopyGrades", ...CHECKPOINT_API],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { timeline, item } = await itemOf(resolve, args.timeline, args.source_item_id);
    const targets = await itemsOf(resolve, timeline, args.target_item_ids);
    // CopyGrades replaces the targets' grades wholesale: checkpoint them first.
    const { checkpoint_id } = await saveCheckpoint(ctx, "copy_grades", args, { timeline });
    const ok = await resolve.call(item, "CopyGrades", targets);
    if (ok !== true) {
      fail(
        "COPY_REFUSED",
        "Resolve refused to copy the grade",
        "Source and targets must all be video items.",
      );
    }
    return {
      summary: `Copied the grade of ${args.source_item_id} to ${targets.length} item(s).`,
      data: { source: args.source_item_id, targets: args.target_item_ids, checkpoint_id },
    };
  },
});
