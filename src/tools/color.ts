// Toolset "color": Grading: node graphs, LUTs, CDL, node labels, colour groups, gallery stills and PowerGrades, grade copy, cache.
import { z } from "zod";
import { fail } from "../errors.ts";
import { fromBase64, imaging, toBase64 } from "../image/index.ts";
import { defineTool } from "../tool.ts";
import type { ToolRegistry } from "./registry.ts";
import { outputFile, someNames } from "./shared.ts";
import {
  cacheConstant,
  cacheName,
  call,
  constant,
  findTimeline,
  type Handle,
  isHandle,
  ITEM_LOOKUP_METHODS,
  itemIdInput,
  itemOf,
  itemsOf,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
  type ResolveSession,
  timelineRefInput,
} from "../resolve/index.ts";

const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

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

async function findGroup(
  resolve: ResolveSession,
  project: Handle,
  name: string,
): Promise<{ group: Handle; names: string[] }> {
  const groups = ((await resolve.call(project, "GetColorGroupsList") as Handle[]) ?? []).filter(
    isHandle,
  );
  const names = (await resolve.map(groups, [["GetName"]])).map(([n]) => String(n));
  const at = names.indexOf(name);
  if (at < 0) {
    fail(
      "GROUP_NOT_FOUND",
      `no colour group named "${name}"`,
      `Colour groups: ${
        someNames(names)
      } (list_color_groups; create one with manage_color_groups).`,
    );
  }
  return { group: groups[at], names };
}

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

const listNodes = defineTool({
  name: "list_nodes",
  title: "List grade nodes",
  description:
    "Lists the nodes of a node graph (label, LUT, tools used, cache mode) in one read: a clip's grade (item_id, optional layer), the timeline's grade, or a colour group's pre-/post-clip grade.",
  toolset: "color",
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

const setNode = defineTool({
  name: "set_node",
  title: "Set a node's LUT, enabled state or cache mode",
  description:
    "Changes one node of a node graph (a clip's, the timeline's or a colour group's): puts a LUT on it (an absolute .cube/.3dl/... path inside the allowed folders, or a path relative to Resolve's LUT folders such as 'Sample/Warm.cube'; the LUT list is refreshed once if Resolve does not know it yet; over another LUT or a grade on that node it needs confirmation), enables/disables it, and/or sets its cache mode. Returns the node afterwards.",
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
  }),
  apiMethods: [
    ...GRAPH_METHODS,
    ...NODE_READS,
    "Graph.SetLUT",
    "Graph.SetNodeEnabled",
    "Graph.SetNodeCacheMode",
    "Project.RefreshLUTList",
  ],
  async handler(args, { resolve, paths, confirm }) {
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
    const { graph, label, project } = await graphOf(resolve, args);
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
      data: { graph: label, node, changed },
    };
  },
});

const triple = (what: string) =>
  z.tuple([
    z.number().min(-100).max(100),
    z.number().min(-100).max(100),
    z.number().min(-100).max(100),
  ]).optional().describe(`${what} as [red, green, blue]. Omit to keep.`);

const setCdl = defineTool({
  name: "set_cdl",
  title: "Set ASC CDL",
  description:
    "Applies ASC CDL values (slope, offset, power per channel and saturation) to a node of a clip's grade (active version). Resolve has no way to read CDL back; the node's tools are returned.",
  toolset: "color",
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
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "TimelineItem.GetNodeGraph",
    "TimelineItem.SetCDL",
    "Graph.GetNumNodes",
    "Graph.GetToolsInNode",
  ],
  async handler(args, { resolve }) {
    const { item, trackType } = await itemOf(resolve, args.timeline, args.item_id);
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
    const [ok, tools] = await resolve.batch([
      call(item, "SetCDL", cdl),
      call(graph, "GetToolsInNode", index),
    ]);
    if (ok !== true) fail("CDL_REFUSED", "Resolve refused the CDL values");
    return {
      summary: `Applied CDL to node ${index} of item ${args.item_id}.`,
      data: { node_index: index, applied: cdl, tools: ((tools as string[]) ?? []).map(String) },
    };
  },
});

const GRADE_MODES = {
  no_keyframes: 0,
  source_timecode_aligned: 1,
  start_frames_aligned: 2,
} as const;

const applyDrxGrade = defineTool({
  name: "apply_drx_grade",
  title: "Apply a DRX grade",
  description:
    "Loads a grade from a .drx still file and applies it to a node graph (a clip's, the timeline's or a colour group's), replacing the graph's nodes; when the graph already has a grade (more than one node, or a LUT, tools or label on it) that needs confirmation. Returns the nodes afterwards.",
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
  }),
  apiMethods: [...GRAPH_METHODS, ...NODE_READS, "Graph.ApplyGradeFromDRX"],
  async handler(args, { resolve, paths, confirm }) {
    const [checked] = await paths.checkRead([args.path]);
    if (!checked.exists || checked.isDir) fail("FILE_NOT_FOUND", `${args.path} does not exist`);
    if (!checked.path.toLowerCase().endsWith(".drx")) {
      fail(
        "NOT_A_DRX",
        `${args.path} is not a .drx file`,
        "Export one with export_stills format drx.",
      );
    }
    const { graph, label } = await graphOf(resolve, args);
    // Anything but Resolve's single empty node is a grade the DRX would replace.
    const before = await readNodes(resolve, graph);
    if (before.length > 1 || before.some((n) => n.lut || n.label || n.tools.length)) {
      await confirm(
        `Replace the grade of the ${label} (${before.length} node(s)) with ${checked.path}?`,
      );
    }
    const ok = await resolve.call(
      graph,
      "ApplyGradeFromDRX",
      checked.path,
      GRADE_MODES[args.grade_mode ?? "no_keyframes"],
    );
    if (ok !== true) fail("DRX_REFUSED", `Resolve could not apply ${args.path}`);
    const nodes = await readNodes(resolve, graph);
    return { summary: `Applied ${args.path} to the ${label}.`, data: { graph: label, nodes } };
  },
});

const resetGrade = defineTool({
  name: "reset_grade",
  title: "Reset grades or node colours",
  description:
    "Resets all grades of a node graph (a clip's, the timeline's or a colour group's) to a single empty node, or ('node_colors', clips only) resets the node colours of the clip's active version. Needs confirmation.",
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
  }),
  apiMethods: [
    ...GRAPH_METHODS,
    ...NODE_READS,
    "Graph.ResetAllGrades",
    "TimelineItem.ResetAllNodeColors",
  ],
  async handler(args, ctx) {
    const what = args.what ?? "grades";
    const { graph, label, item } = await graphOf(ctx.resolve, args);
    if (what === "node_colors" && !item) {
      fail("INVALID_ARGUMENTS", "node_colors can only be reset on a clip (graph 'item')");
    }
    await ctx.confirm(
      what === "grades"
        ? `Reset all grades of the ${label}?`
        : `Reset the node colours of item ${args.item_id}?`,
    );
    const ok = what === "grades"
      ? await ctx.resolve.call(graph, "ResetAllGrades")
      : await ctx.resolve.call(item!, "ResetAllNodeColors");
    if (ok !== true) fail("RESET_REFUSED", `Resolve refused to reset the ${label}`);
    const nodes = await readNodes(ctx.resolve, graph);
    return { summary: `Reset ${what} of the ${label}.`, data: { graph: label, nodes } };
  },
});

const applyArriCdlLut = defineTool({
  name: "apply_arri_cdl_lut",
  title: "Apply ARRI CDL and LUT",
  description:
    "Applies the ARRI camera CDL and LUT embedded in an ARRI clip's metadata to its node graph. Fails for non-ARRI media.",
  toolset: "color",
  readOnly: false,
  idempotent: true,
  input: () => graphInput,
  output: () => ({
    graph: z.string().describe("Which graph was changed."),
    nodes: z.array(nodeSchema).describe("The nodes afterwards."),
  }),
  apiMethods: [...GRAPH_METHODS, ...NODE_READS, "Graph.ApplyArriCdlLut"],
  async handler(args, { resolve }) {
    const { graph, label } = await graphOf(resolve, args);
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
      data: { graph: label, nodes },
    };
  },
});

const LUT_TYPES = {
  cube_17: ["EXPORT_LUT_17PTCUBE", ".cube"],
  cube_33: ["EXPORT_LUT_33PTCUBE", ".cube"],
  cube_65: ["EXPORT_LUT_65PTCUBE", ".cube"],
  panasonic_vlut: ["EXPORT_LUT_PANASONICVLUT", ".vlt"],
} as const;

const exportLut = defineTool({
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

const copyGrades = defineTool({
  name: "copy_grades",
  title: "Copy a grade to other clips",
  description:
    "Copies the current grade (current node stack layer) of one video timeline item to other video items of the same timeline, replacing their grades on that layer.",
  toolset: "color",
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
  }),
  apiMethods: [...ITEM_LOOKUP_METHODS, "TimelineItem.CopyGrades"],
  async handler(args, { resolve }) {
    const { timeline, item } = await itemOf(resolve, args.timeline, args.source_item_id);
    const targets = await itemsOf(resolve, timeline, args.target_item_ids);
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
      data: { source: args.source_item_id, targets: args.target_item_ids },
    };
  },
});

// -- colour groups ------------------------------------------------------------------------

const listColorGroups = defineTool({
  name: "list_color_groups",
  title: "List colour groups",
  description:
    "Lists the project's colour groups with the number of their clips on a timeline (the current one unless named).",
  toolset: "color",
  readOnly: true,
  input: () => ({ timeline: timelineRefInput, ...pageInput }),
  output: () => ({
    groups: z.array(z.object({
      name: z.string().describe("Group name."),
      clips_on_timeline: z.number().describe("Items of the group on the timeline."),
    })).describe("Groups in this page."),
    ...pageOutput,
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "Project.GetColorGroupsList",
    "ColorGroup.GetName",
    "ColorGroup.GetClipsInTimeline",
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    let timeline: Handle | null = null;
    const current = await resolve.call(project, "GetCurrentTimeline");
    if (args.timeline !== undefined || isHandle(current)) {
      timeline = (await findTimeline(resolve, args.timeline)).timeline;
    }
    const groups = ((await resolve.call(project, "GetColorGroupsList") as Handle[]) ?? [])
      .filter(isHandle);
    const w = pageWindow(groups.length, args.cursor, args.limit);
    const page = groups.slice(w.offset, w.end);
    const rows = await resolve.map(page, [
      ["GetName"],
      ...(timeline ? [["GetClipsInTimeline", [timeline]] as [string, unknown[]]] : []),
    ]);
    const data = rows.map(([name, clips]) => ({
      name: String(name),
      clips_on_timeline: Array.isArray(clips) ? clips.length : 0,
    }));
    return {
      summary: `${groups.length} colour group(s)` +
        (data.length ? `: ${data.map((g) => g.name).join(", ")}.` : "."),
      data: { groups: data, total: w.total, next_cursor: w.next_cursor },
    };
  },
});

const manageColorGroups = defineTool({
  name: "manage_color_groups",
  title: "Create, rename or delete colour groups; remove clips from groups",
  description:
    "Colour groups of the project: 'create' a group, 'rename' one, 'delete' one (its clips become ungrouped; needs confirmation), or 'remove_items' (take timeline items out of whatever group they are in; needs confirmation). Use assign_to_color_group to add clips.",
  toolset: "color",
  readOnly: false,
  destructive: true,
  input: () => ({
    action: z.enum(["create", "rename", "delete", "remove_items"]).describe("What to do."),
    name: z.string().trim().min(1).max(255).optional().describe(
      "The group's name (create/rename/delete).",
    ),
    new_name: z.string().trim().min(1).max(255).optional().describe("For rename: the new name."),
    item_ids: z.array(z.string().min(1).max(128)).min(1).max(500).optional().describe(
      "For remove_items: ids of the timeline items to ungroup.",
    ),
    timeline: timelineRefInput,
  }),
  output: () => ({
    groups: z.array(z.string()).describe("Group names afterwards."),
    removed_items: z.number().describe("Items taken out of their group (remove_items)."),
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "Project.GetColorGroupsList",
    "Project.AddColorGroup",
    "Project.DeleteColorGroup",
    "ColorGroup.GetName",
    "ColorGroup.SetName",
    "TimelineItem.RemoveFromColorGroup",
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const project = await resolve.project();
    const groupNames = async () => {
      const groups = ((await resolve.call(project, "GetColorGroupsList") as Handle[]) ?? [])
        .filter(isHandle);
      return (await resolve.map(groups, [["GetName"]])).map(([n]) => String(n));
    };
    let removed = 0;
    const need = <T>(v: T | undefined, what: string): T =>
      v ?? fail("INVALID_ARGUMENTS", `${args.action} needs ${what}`);
    if (args.action === "create") {
      const name = need(args.name, "name");
      if ((await groupNames()).includes(name)) {
        fail("GROUP_EXISTS", `a colour group named "${name}" already exists`);
      }
      const made = await resolve.call(project, "AddColorGroup", name);
      if (!isHandle(made)) fail("GROUP_REFUSED", `Resolve refused to create the group "${name}"`);
    } else if (args.action === "rename") {
      const { group, names } = await findGroup(resolve, project, need(args.name, "name"));
      const newName = need(args.new_name, "new_name");
      if (names.includes(newName) && newName !== args.name) {
        fail("GROUP_EXISTS", `a colour group named "${newName}" already exists`);
      }
      if (await resolve.call(group, "SetName", newName) !== true) {
        fail("GROUP_REFUSED", "Resolve refused the new name");
      }
    } else if (args.action === "delete") {
      const { group } = await findGroup(resolve, project, need(args.name, "name"));
      await ctx.confirm(
        `Delete the colour group "${args.name}" (its clips become ungrouped)?`,
      );
      if (await resolve.call(project, "DeleteColorGroup", group) !== true) {
        fail("GROUP_REFUSED", `Resolve refused to delete the group "${args.name}"`);
      }
    } else {
      const ids = need(args.item_ids, "item_ids");
      const { timeline } = await findTimeline(resolve, args.timeline);
      const items = await itemsOf(resolve, timeline, ids);
      await ctx.confirm(
        `Remove ${items.length} item(s) from their colour group?`,
      );
      const results = await resolve.batch(
        items.map((it) => call(it, "RemoveFromColorGroup")),
      );
      removed = results.filter((r) => r === true).length;
    }
    const groups = await groupNames();
    return {
      summary: `${args.action} done; ${groups.length} group(s)` +
        (args.action === "remove_items" ? `; ${removed} item(s) ungrouped.` : "."),
      data: { groups, removed_items: removed },
    };
  },
});

const assignToColorGroup = defineTool({
  name: "assign_to_color_group",
  title: "Assign clips to a colour group",
  description:
    "Puts video timeline items into an existing colour group (moving them out of any other group). Create groups with manage_color_groups.",
  toolset: "color",
  readOnly: false,
  idempotent: true,
  input: () => ({
    group: z.string().min(1).max(255).describe("The colour group's name."),
    item_ids: z.array(z.string().min(1).max(128)).min(1).max(500).describe(
      "Ids of the timeline items to assign.",
    ),
    timeline: timelineRefInput,
  }),
  output: () => ({
    group: z.string().describe("The group."),
    assigned: z.array(z.string()).describe("Items now in the group."),
    refused: z.array(z.string()).describe("Items Resolve refused (e.g. audio items)."),
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "Project.GetColorGroupsList",
    "ColorGroup.GetName",
    "TimelineItem.AssignToColorGroup",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const { group } = await findGroup(resolve, project, args.group);
    const items = await itemsOf(resolve, timeline, args.item_ids);
    const results = await resolve.batch(
      items.map((it) => call(it, "AssignToColorGroup", group)),
    );
    const assigned = args.item_ids.filter((_, i) => results[i] === true);
    const refused = args.item_ids.filter((_, i) => results[i] !== true);
    if (!assigned.length) {
      fail("ASSIGN_REFUSED", "Resolve refused every item", "Only video items can be grouped.");
    }
    return {
      summary: `Assigned ${assigned.length} item(s) to "${args.group}"` +
        (refused.length ? `; refused ${refused.length}.` : "."),
      data: { group: args.group, assigned, refused },
    };
  },
});

const listColorGroupItems = defineTool({
  name: "list_color_group_items",
  title: "List a colour group's clips",
  description:
    "Lists the timeline items of a colour group on a timeline (the current one unless named), a page at a time.",
  toolset: "color",
  readOnly: true,
  input: () => ({
    group: z.string().min(1).max(255).describe("The colour group's name."),
    timeline: timelineRefInput,
    ...pageInput,
  }),
  output: () => ({
    items: z.array(z.object({
      id: z.string(),
      name: z.string(),
      track_type: z.string(),
      track_index: z.number(),
      start_frame: z.number(),
    })).describe("Items in this page."),
    ...pageOutput,
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "Project.GetColorGroupsList",
    "ColorGroup.GetName",
    "ColorGroup.GetClipsInTimeline",
    "TimelineItem.GetName",
    "TimelineItem.GetTrackTypeAndIndex",
    "TimelineItem.GetStart",
  ],
  async handler(args, { resolve }) {
    const { project, timeline } = await findTimeline(resolve, args.timeline);
    const { group } = await findGroup(resolve, project, args.group);
    const items = ((await resolve.call(group, "GetClipsInTimeline", timeline) as Handle[]) ?? [])
      .filter(isHandle);
    const w = pageWindow(items.length, args.cursor, args.limit);
    const rows = await resolve.map(items.slice(w.offset, w.end), [
      ["GetUniqueId"],
      ["GetName"],
      ["GetTrackTypeAndIndex"],
      ["GetStart"],
    ]);
    const data = rows.map(([id, name, track, start]) => ({
      id: String(id),
      name: String(name),
      track_type: String((track as unknown[])?.[0] ?? ""),
      track_index: Number((track as unknown[])?.[1]) || 0,
      start_frame: num(start),
    }));
    return {
      summary: `${items.length} item(s) in "${args.group}"; showing ${data.length}.`,
      data: { items: data, total: w.total, next_cursor: w.next_cursor },
    };
  },
});

// -- gallery ------------------------------------------------------------------------------

interface Album {
  handle: Handle;
  name: string;
  kind: "still" | "powergrade";
  current: boolean;
}

async function galleryAlbums(resolve: ResolveSession) {
  const project = await resolve.project();
  const [gallery] = await resolve.batch([call(project, "GetGallery")]);
  if (!isHandle(gallery)) fail("NO_GALLERY", "the project returned no gallery");
  const [stills, grades, current] = await resolve.batch([
    call(gallery, "GetGalleryStillAlbums"),
    call(gallery, "GetGalleryPowerGradeAlbums"),
    call(gallery, "GetCurrentStillAlbum"),
  ]);
  const all = [
    ...((stills as Handle[]) ?? []).filter(isHandle).map((h) => ({ h, kind: "still" as const })),
    ...((grades as Handle[]) ?? []).filter(isHandle).map((h) => ({
      h,
      kind: "powergrade" as const,
    })),
  ];
  const names = await resolve.batch([
    ...all.map((a) => call(gallery, "GetAlbumName", a.h)),
    ...(isHandle(current) ? [call(gallery, "GetAlbumName", current)] : []),
  ]);
  // Handles are per call, so the current album is matched by name and kind (still albums).
  const currentName = isHandle(current) ? String(names[all.length]) : null;
  let seen = false;
  const albums: Album[] = all.map((a, i) => {
    const name = String(names[i]);
    const isCurrent = !seen && a.kind === "still" && name === currentName;
    if (isCurrent) seen = true;
    return { handle: a.h, name, kind: a.kind, current: isCurrent };
  });
  return { project, gallery, albums };
}

const albumInput = z.string().min(1).max(255).optional().describe(
  "Album name (list_gallery_albums). Omit for the current still album.",
);

function pickAlbum(albums: Album[], name: string | undefined): Album {
  if (name === undefined) {
    return albums.find((a) => a.current) ??
      fail("NO_CURRENT_ALBUM", "the gallery has no current still album");
  }
  const hits = albums.filter((a) => a.name === name);
  if (hits.length === 0) {
    fail(
      "ALBUM_NOT_FOUND",
      `no gallery album named "${name}"`,
      `Albums: ${someNames(albums.map((a) => a.name))} (list_gallery_albums).`,
    );
  }
  if (hits.length > 1) {
    fail(
      "AMBIGUOUS_ALBUM",
      `${hits.length} albums are named "${name}"`,
      "Rename one with manage_gallery_albums action rename first.",
    );
  }
  return hits[0];
}

const GALLERY_READS = [
  "Resolve.GetProjectManager",
  "ProjectManager.GetCurrentProject",
  "Project.GetGallery",
  "Gallery.GetGalleryStillAlbums",
  "Gallery.GetGalleryPowerGradeAlbums",
  "Gallery.GetCurrentStillAlbum",
  "Gallery.GetAlbumName",
];

const albumSchema = z.object({
  name: z.string().describe("Album name."),
  kind: z.enum(["still", "powergrade"]).describe("Still album or PowerGrade album."),
  current: z.boolean().describe("Whether this is the current still album."),
  stills: z.number().describe("Number of stills in it."),
});

async function albumRows(resolve: ResolveSession, albums: Album[]) {
  const counts = await resolve.map(albums.map((a) => a.handle), [["GetStills"]]);
  return albums.map((a, i) => ({
    name: a.name,
    kind: a.kind,
    current: a.current,
    stills: Array.isArray(counts[i][0]) ? (counts[i][0] as unknown[]).length : 0,
  }));
}

const listGalleryAlbums = defineTool({
  name: "list_gallery_albums",
  title: "List gallery albums",
  description:
    "Lists the gallery's still albums and PowerGrade albums with their number of stills, and which still album is current (where grabbed stills go).",
  toolset: "color",
  readOnly: true,
  input: () => ({}),
  output: () => ({ albums: z.array(albumSchema).describe("All albums, still albums first.") }),
  apiMethods: [...GALLERY_READS, "GalleryStillAlbum.GetStills"],
  async handler(_args, { resolve }) {
    const { albums } = await galleryAlbums(resolve);
    const rows = await albumRows(resolve, albums);
    return {
      summary: `${rows.length} album(s); current: ${rows.find((a) => a.current)?.name ?? "none"}.`,
      data: { albums: rows },
    };
  },
});

const manageGalleryAlbums = defineTool({
  name: "manage_gallery_albums",
  title: "Create, rename or select gallery albums",
  description:
    "Gallery albums: 'create_still' / 'create_powergrade' make a new album (Resolve names it), 'rename' an album, 'set_current' makes a still album current (grabbed stills go there). Returns the albums afterwards.",
  toolset: "color",
  readOnly: false,
  input: () => ({
    action: z.enum(["create_still", "create_powergrade", "rename", "set_current"]).describe(
      "What to do.",
    ),
    album: z.string().min(1).max(255).optional().describe(
      "For rename/set_current: the album's name.",
    ),
    new_name: z.string().trim().min(1).max(255).optional().describe(
      "For rename (optional for create_*): the new name.",
    ),
  }),
  output: () => ({
    album: z.string().describe("The album created or changed."),
    albums: z.array(albumSchema).describe("All albums afterwards."),
  }),
  apiMethods: [
    ...GALLERY_READS,
    "GalleryStillAlbum.GetStills",
    "Gallery.CreateGalleryStillAlbum",
    "Gallery.CreateGalleryPowerGradeAlbum",
    "Gallery.SetAlbumName",
    "Gallery.SetCurrentStillAlbum",
  ],
  async handler(args, { resolve }) {
    const { gallery, albums } = await galleryAlbums(resolve);
    let name: string;
    if (args.action === "create_still" || args.action === "create_powergrade") {
      if (args.new_name && albums.some((a) => a.name === args.new_name)) {
        fail("ALBUM_EXISTS", `an album named "${args.new_name}" already exists`);
      }
      const method = args.action === "create_still"
        ? "CreateGalleryStillAlbum"
        : "CreateGalleryPowerGradeAlbum";
      const [made, madeName] = await resolve.batch([
        call(gallery, method),
        call(gallery, "GetAlbumName", ref(0)),
      ]);
      if (!isHandle(made)) fail("ALBUM_REFUSED", "Resolve refused to create the album");
      name = String(madeName);
      if (args.new_name) {
        if (await resolve.call(gallery, "SetAlbumName", made, args.new_name) !== true) {
          fail(
            "ALBUM_REFUSED",
            `created "${name}" but Resolve refused the name "${args.new_name}"`,
          );
        }
        name = args.new_name;
      }
    } else {
      if (!args.album) fail("INVALID_ARGUMENTS", `${args.action} needs album`);
      const album = pickAlbum(albums, args.album);
      if (args.action === "rename") {
        if (!args.new_name) fail("INVALID_ARGUMENTS", "rename needs new_name");
        if (albums.some((a) => a.name === args.new_name && a !== album)) {
          fail("ALBUM_EXISTS", `an album named "${args.new_name}" already exists`);
        }
        if (await resolve.call(gallery, "SetAlbumName", album.handle, args.new_name) !== true) {
          fail("ALBUM_REFUSED", "Resolve refused the new name");
        }
        name = args.new_name;
      } else {
        if (album.kind !== "still") {
          fail(
            "NOT_A_STILL_ALBUM",
            `"${album.name}" is a PowerGrade album; only still albums can be current`,
          );
        }
        if (await resolve.call(gallery, "SetCurrentStillAlbum", album.handle) !== true) {
          fail("ALBUM_REFUSED", "Resolve refused to make the album current");
        }
        name = album.name;
      }
    }
    const rows = await albumRows(resolve, (await galleryAlbums(resolve)).albums);
    return { summary: `${args.action} done: "${name}".`, data: { album: name, albums: rows } };
  },
});

const stillSchema = z.object({
  index: z.number().describe("1-based position of the still in its album (its address)."),
  label: z.string().describe("The still's label."),
});

const grabStills = defineTool({
  name: "grab_stills",
  title: "Grab stills",
  description:
    "Grabs gallery stills into the current still album: of the clip under the playhead ('current'), or one per clip of the timeline at each clip's first or middle frame ('all_first' / 'all_middle'). Optionally labels them. Stills are addressed by their index in the album.",
  toolset: "color",
  readOnly: false,
  input: () => ({
    mode: z.enum(["current", "all_first", "all_middle"]).optional().describe(
      "'current' (default): the video clip under the playhead of the current timeline; 'all_first'/'all_middle': every clip of the timeline.",
    ),
    timeline: timelineRefInput,
    label: z.string().max(255).optional().describe("Label to give the new stills. Default: none."),
  }),
  output: () => ({
    album: z.string().describe("The album the stills went into."),
    stills: z.array(stillSchema).describe("The new stills."),
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    ...GALLERY_READS,
    "Timeline.GrabStill",
    "Timeline.GrabAllStills",
    "GalleryStillAlbum.GetStills",
    "GalleryStillAlbum.SetLabel",
    "GalleryStillAlbum.GetLabel",
  ],
  async handler(args, { resolve }) {
    const mode = args.mode ?? "current";
    const { timeline } = await findTimeline(resolve, args.timeline);
    let grabbed: Handle[];
    if (mode === "current") {
      const still = await resolve.call(timeline, "GrabStill");
      if (!isHandle(still)) {
        fail(
          "NOTHING_TO_GRAB",
          "there is no video clip under the playhead",
          "Move the playhead onto a clip (or use mode all_first).",
        );
      }
      grabbed = [still];
    } else {
      grabbed = ((await resolve.call(
        timeline,
        "GrabAllStills",
        mode === "all_first" ? 1 : 2,
      ) as Handle[]) ?? []).filter(isHandle);
      if (!grabbed.length) fail("NOTHING_TO_GRAB", "the timeline has no video clips to grab");
    }
    const { albums } = await galleryAlbums(resolve);
    const album = pickAlbum(albums, undefined);
    if (args.label !== undefined) {
      await resolve.batch(
        grabbed.map((s) => call(album.handle, "SetLabel", s, args.label)),
      );
    }
    const all = (await resolve.call(album.handle, "GetStills") as Handle[]) ?? [];
    const first = all.length - grabbed.length;
    const labels = await resolve.batch(
      all.slice(first).map((s) => call(album.handle, "GetLabel", s)),
    );
    const stills = labels.map((l, i) => ({ index: first + i + 1, label: String(l ?? "") }));
    return {
      summary: `Grabbed ${stills.length} still(s) into "${album.name}".`,
      data: { album: album.name, stills },
    };
  },
});

const listStills = defineTool({
  name: "list_stills",
  title: "List stills",
  description:
    "Lists the stills of a gallery album (the current still album unless named) with their labels, a page at a time. A still's address is its 1-based index in the album.",
  toolset: "color",
  readOnly: true,
  input: () => ({ album: albumInput, ...pageInput }),
  output: () => ({
    album: z.string().describe("The album."),
    stills: z.array(stillSchema).describe("Stills in this page."),
    ...pageOutput,
  }),
  apiMethods: [...GALLERY_READS, "GalleryStillAlbum.GetStills", "GalleryStillAlbum.GetLabel"],
  async handler(args, { resolve }) {
    const album = pickAlbum((await galleryAlbums(resolve)).albums, args.album);
    const all = (await resolve.call(album.handle, "GetStills") as Handle[]) ?? [];
    const w = pageWindow(all.length, args.cursor, args.limit);
    const labels = await resolve.batch(
      all.slice(w.offset, w.end).map((s) => call(album.handle, "GetLabel", s)),
    );
    const stills = labels.map((l, i) => ({ index: w.offset + i + 1, label: String(l ?? "") }));
    return {
      summary: `${all.length} still(s) in "${album.name}"; showing ${stills.length}.`,
      data: { album: album.name, stills, total: w.total, next_cursor: w.next_cursor },
    };
  },
});

async function stillsAt(resolve: ResolveSession, album: Album, indices: number[] | undefined) {
  const all = (await resolve.call(album.handle, "GetStills") as Handle[]) ?? [];
  if (indices === undefined) return { all, picked: all, indices: all.map((_, i) => i + 1) };
  const bad = indices.filter((i) => i > all.length);
  if (bad.length) {
    fail(
      "STILL_NOT_FOUND",
      `"${album.name}" has ${all.length} still(s); no still ${bad.join(", ")}`,
      "list_stills shows the stills and their indices.",
    );
  }
  return { all, picked: indices.map((i) => all[i - 1]), indices };
}

const indicesInput = z.array(z.number().int().min(1).max(100_000)).min(1).max(1000);

const setStillLabel = defineTool({
  name: "set_still_label",
  title: "Label a still",
  description: "Sets the label of a gallery still, addressed by album and 1-based index.",
  toolset: "color",
  readOnly: false,
  idempotent: true,
  input: () => ({
    album: albumInput,
    index: z.number().int().min(1).max(100_000).describe(
      "The still's 1-based index (list_stills).",
    ),
    label: z.string().max(255).describe("The new label (empty clears it)."),
  }),
  output: () => stillSchema.shape,
  apiMethods: [
    ...GALLERY_READS,
    "GalleryStillAlbum.GetStills",
    "GalleryStillAlbum.SetLabel",
    "GalleryStillAlbum.GetLabel",
  ],
  async handler(args, { resolve }) {
    const album = pickAlbum((await galleryAlbums(resolve)).albums, args.album);
    const { picked } = await stillsAt(resolve, album, [args.index]);
    const [ok, label] = await resolve.batch([
      call(album.handle, "SetLabel", picked[0], args.label),
      call(album.handle, "GetLabel", picked[0]),
    ]);
    if (ok !== true) fail("LABEL_REFUSED", "Resolve refused the label");
    return {
      summary: `Still ${args.index} of "${album.name}" is labelled "${label}".`,
      data: { index: args.index, label: String(label ?? "") },
    };
  },
});

const importStills = defineTool({
  name: "import_stills",
  title: "Import stills",
  description:
    "Imports still image files (dpx, cin, tif, jpg, png, ppm, bmp, xpm, drx grades) into a gallery album (the current still album unless named).",
  toolset: "color",
  readOnly: false,
  openWorld: true,
  input: () => ({
    album: albumInput,
    paths: z.array(z.string().min(1).max(4096)).min(1).max(500).describe(
      "Absolute paths of the files to import.",
    ),
  }),
  output: () => ({
    album: z.string().describe("The album."),
    imported: z.number().describe("Number of stills added."),
    stills: z.array(stillSchema).describe("The new stills."),
  }),
  apiMethods: [
    ...GALLERY_READS,
    "GalleryStillAlbum.GetStills",
    "GalleryStillAlbum.ImportStills",
    "GalleryStillAlbum.GetLabel",
  ],
  async handler(args, { resolve, paths }) {
    const checked = await paths.checkRead(args.paths);
    const missing = args.paths.filter((_, i) => !checked[i].exists || checked[i].isDir);
    if (missing.length) {
      fail(
        "FILE_NOT_FOUND",
        `not found: ${missing.slice(0, 10).join(", ")}`,
        "Nothing was imported.",
      );
    }
    const album = pickAlbum((await galleryAlbums(resolve)).albums, args.album);
    const [before, ok, after] = await resolve.batch([
      call(album.handle, "GetStills"),
      call(album.handle, "ImportStills", checked.map((c) => c.path)),
      call(album.handle, "GetStills"),
    ]) as [Handle[], unknown, Handle[]];
    if (ok !== true) {
      fail(
        "NOTHING_IMPORTED",
        "Resolve imported none of the files",
        "Use still image or .drx files.",
      );
    }
    const first = (before ?? []).length;
    const fresh = (after ?? []).slice(first);
    const labels = await resolve.batch(
      fresh.map((s) => call(album.handle, "GetLabel", s)),
    );
    const stills = labels.map((l, i) => ({ index: first + i + 1, label: String(l ?? "") }));
    return {
      summary: `Imported ${stills.length} still(s) into "${album.name}".`,
      data: { album: album.name, imported: stills.length, stills },
    };
  },
});

const STILL_FORMATS = ["dpx", "cin", "tif", "jpg", "png", "ppm", "bmp", "xpm", "drx"] as const;
/** Formats Resolve's media storage does not list (GetFileList shows media files only). */
const UNLISTED_STILL_FORMATS = new Set<string>(["drx", "ppm", "xpm"]);
const SAME_EXTENSION: Record<string, string[]> = { tif: ["tif", "tiff"], jpg: ["jpg", "jpeg"] };

const exportStills = defineTool({
  name: "export_stills",
  title: "Export stills",
  description:
    "Exports stills of a gallery album (by index, or all) into an existing folder as image files (or .drx grade files), named with a prefix plus the still's number. Resolve replaces files of the same name, so when the folder already holds files of that format starting with the prefix (or, for drx/ppm/xpm, which Resolve's media storage cannot list, always) the export needs confirmation; a fresh prefix or an empty folder avoids it.",
  toolset: "color",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    album: albumInput,
    indices: indicesInput.optional().describe("1-based still indices. Omit for every still."),
    folder: z.string().min(1).max(4096).describe("Existing folder to write the files into."),
    prefix: z.string().max(255).optional().describe(
      "File name prefix (no folders). Default: empty.",
    ),
    format: z.enum(STILL_FORMATS).optional().describe(
      "File format; 'drx' writes the grade. Default: png.",
    ),
  }),
  output: () => ({
    album: z.string().describe("The album."),
    exported: z.number().describe("Number of stills exported."),
    folder: z.string().describe("The folder written to."),
    format: z.string().describe("The format."),
  }),
  apiMethods: [
    ...GALLERY_READS,
    "GalleryStillAlbum.GetStills",
    "GalleryStillAlbum.ExportStills",
    "Resolve.GetCurrentPage",
    "Resolve.OpenPage",
    "Resolve.GetMediaStorage",
    "MediaStorage.GetFileList",
  ],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    const prefix = args.prefix ?? "";
    if (/[\\/]/.test(prefix) || prefix === "." || prefix === "..") {
      fail(
        "INVALID_ARGUMENTS",
        `prefix "${prefix}" must be a plain file name prefix, without folders`,
        "Give the folder in folder and only the start of the file names in prefix.",
      );
    }
    const checked = await paths.checkWrite(args.folder);
    if (!checked.exists || !checked.isDir) {
      fail("NO_SUCH_DIRECTORY", `${args.folder} is not an existing folder`, "Create it first.");
    }
    const album = pickAlbum((await galleryAlbums(resolve)).albums, args.album);
    const { picked } = await stillsAt(resolve, album, args.indices);
    if (!picked.length) fail("NO_STILLS", `"${album.name}" has no stills to export`);
    const format = args.format ?? "png";
    // Resolve names the files prefix + the still's number, which the API does not expose:
    // any file of the format starting with the prefix may be replaced.
    if (UNLISTED_STILL_FORMATS.has(format)) {
      await ctx.confirm(
        `Export ${picked.length} still(s) as .${format} into ${checked.path}? Files there named "${prefix}<still number>.${format}" would be replaced, and .${format} files cannot be listed to check.`,
      );
    } else {
      const [storage] = await resolve.chain("GetMediaStorage");
      const listed = (await resolve.call(storage as Handle, "GetFileList", checked.path) ??
        []) as unknown[];
      const exts = SAME_EXTENSION[format] ?? [format];
      const clash = listed.map(String).map((p) =>
        p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1)
      )
        .filter((n) =>
          n.toLowerCase().startsWith(prefix.toLowerCase()) &&
          exts.includes(n.slice(n.lastIndexOf(".") + 1).toLowerCase())
        );
      if (clash.length) {
        await ctx.confirm(
          `${checked.path} already holds ${clash.length} .${format} file(s) starting with "${prefix}" (${
            someNames(clash, 10)
          }); exporting may replace them. Export anyway?`,
        );
      }
    }
    // Resolve exports stills only while the Color page (and its Gallery) is shown: open it
    // for the export and go back to the page the editor was on.
    const root = await resolve.root();
    const page = String(await resolve.call(root, "GetCurrentPage") ?? "");
    if (page !== "color") await resolve.call(root, "OpenPage", "color");
    const ok = await resolve.call(
      album.handle,
      "ExportStills",
      picked,
      checked.path,
      prefix,
      format,
    );
    if (page && page !== "color") await resolve.call(root, "OpenPage", page);
    await paths.checkLanded(checked.path); // no link in the folder was swapped in meanwhile
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not export the stills to ${checked.path}`,
        "The server opened the Color page for the export; in Resolve the Gallery panel there must be visible too (it cannot be opened through the API).",
      );
    }
    return {
      summary:
        `Exported ${picked.length} still(s) of "${album.name}" to ${checked.path} as ${format}.`,
      data: { album: album.name, exported: picked.length, folder: checked.path, format },
    };
  },
});

const deleteStills = defineTool({
  name: "delete_stills",
  title: "Delete stills",
  description:
    "Deletes stills (by 1-based index) from a gallery album (the current still album unless named). Needs confirmation. The indices of later stills shift down.",
  toolset: "color",
  readOnly: false,
  destructive: true,
  input: () => ({
    album: albumInput,
    indices: indicesInput.describe("1-based still indices to delete (list_stills)."),
  }),
  output: () => ({
    album: z.string().describe("The album."),
    deleted: z.number().describe("Stills deleted."),
    remaining: z.number().describe("Stills left in the album."),
  }),
  apiMethods: [...GALLERY_READS, "GalleryStillAlbum.GetStills", "GalleryStillAlbum.DeleteStills"],
  async handler(args, ctx) {
    const album = pickAlbum((await galleryAlbums(ctx.resolve)).albums, args.album);
    const unique = [...new Set(args.indices)];
    const { picked, all } = await stillsAt(ctx.resolve, album, unique);
    await ctx.confirm(`Delete ${picked.length} still(s) from "${album.name}"?`);
    const [ok, after] = await ctx.resolve.batch([
      call(album.handle, "DeleteStills", picked),
      call(album.handle, "GetStills"),
    ]);
    if (ok !== true) fail("DELETE_REFUSED", "Resolve refused to delete the stills");
    const remaining = ((after as unknown[]) ?? []).length;
    return {
      summary: `Deleted ${
        all.length - remaining
      } still(s) from "${album.name}"; ${remaining} left.`,
      data: { album: album.name, deleted: all.length - remaining, remaining },
    };
  },
});

// -- timeline-level colour work -----------------------------------------------------------

const analyzeDolbyVision = defineTool({
  name: "analyze_dolby_vision",
  title: "Analyse Dolby Vision",
  description:
    "Starts Dolby Vision analysis of a timeline's video items (all of them, or the ones given), per shot or blending shots (Studio).",
  toolset: "color",
  readOnly: false,
  idempotent: true,
  input: () => ({
    timeline: timelineRefInput,
    item_ids: z.array(z.string().min(1).max(128)).min(1).max(5000).optional().describe(
      "Ids of the video items to analyse. Omit for every item.",
    ),
    blend_shots: z.boolean().optional().describe("Blend shots (DLB_BLEND_SHOTS). Default: false."),
  }),
  output: () => ({
    analyzed: z.union([z.number(), z.literal("all")]).describe("Items analysed, or 'all'."),
    blend_shots: z.boolean().describe("Whether shots were blended."),
  }),
  apiMethods: [...ITEM_LOOKUP_METHODS, "Timeline.AnalyzeDolbyVision"],
  async handler(args, { resolve }) {
    const { timeline } = await findTimeline(resolve, args.timeline);
    const items = args.item_ids ? await itemsOf(resolve, timeline, args.item_ids) : [];
    const callArgs: unknown[] = [items];
    if (args.blend_shots) callArgs.push(constant("DLB_BLEND_SHOTS"));
    const ok = await resolve.call(timeline, "AnalyzeDolbyVision", ...callArgs);
    if (ok !== true) {
      fail(
        "ANALYSIS_FAILED",
        "Resolve could not start Dolby Vision analysis",
        "It needs Resolve Studio and video items on the timeline.",
      );
    }
    return {
      summary: `Dolby Vision analysis done for ${items.length || "all"} item(s).`,
      data: { analyzed: items.length || ("all" as const), blend_shots: args.blend_shots ?? false },
    };
  },
});

const getClipThumbnail = defineTool({
  name: "get_clip_thumbnail",
  title: "Get the current clip's thumbnail",
  description:
    "Returns the Color page thumbnail of the clip under the playhead of the current timeline (graded) as a PNG image the model can see. Works only while the Color page is shown (switch_page color); get_frame shows any frame, larger.",
  toolset: "color",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    width: z.number().describe("Width in pixels."),
    height: z.number().describe("Height in pixels."),
    format: z.string().describe("Resolve's pixel format, e.g. 'RGB 8 bit'."),
    image_format: z.literal("png").describe("Format of the image sent."),
    bytes: z.number().describe("Size of the PNG in bytes."),
  }),
  apiMethods: [
    "Resolve.GetCurrentPage",
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Timeline.GetCurrentClipThumbnailImage",
  ],
  async handler(_args, { resolve }) {
    const page = await resolve.call(await resolve.root(), "GetCurrentPage");
    if (page !== "color") {
      fail(
        "WRONG_PAGE",
        `thumbnails are only available on the Color page (Resolve shows ${page ?? "no page"})`,
        "Call switch_page with page 'color' first.",
      );
    }
    const { timeline } = await resolve.timeline();
    const thumb = await resolve.call(timeline, "GetCurrentClipThumbnailImage") as Record<
      string,
      unknown
    >;
    if (!thumb || !thumb.data) {
      fail(
        "NO_THUMBNAIL",
        "there is no clip under the playhead",
        "Move the playhead onto a video clip.",
      );
    }
    const [width, height] = [num(thumb.width), num(thumb.height)];
    const pixels = fromBase64(String(thumb.data));
    if (pixels.length !== width * height * 3) {
      fail(
        "UNSUPPORTED_THUMBNAIL",
        `the thumbnail is not ${width}x${height} 8-bit RGB (${thumb.format}, ${pixels.length} bytes)`,
        "Use get_frame instead.",
      );
    }
    const png = (await imaging()).encodePng({ width, height, data: pixels });
    return {
      summary: `Thumbnail ${width}x${height} of the clip under the playhead (PNG, ${
        Math.round(png.length / 1024)
      } kB).`,
      data: {
        width,
        height,
        format: String(thumb.format ?? ""),
        image_format: "png" as const,
        bytes: png.length,
      },
      images: [{ data: toBase64(png), mimeType: "image/png" }],
    };
  },
});

const STILL_EXTS = ["dpx", "cin", "tif", "tiff", "jpg", "jpeg", "png", "ppm", "bmp", "xpm", "exr"];

const exportCurrentFrame = defineTool({
  name: "export_current_frame",
  title: "Export the current frame as a still",
  description:
    "Writes the frame under the playhead of the current timeline to an image file; the extension picks the format (png, jpg, tif, dpx, exr, ...). Overwriting needs confirmation.",
  toolset: "color",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    path: z.string().min(1).max(4096).describe("Absolute path of the image file to write."),
  }),
  output: () => ({ path: z.string().describe("The file written.") }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetCurrentTimeline",
    "Project.ExportCurrentFrameAsStill",
  ],
  async handler(args, ctx) {
    const ext = args.path.split(".").pop()?.toLowerCase() ?? "";
    if (!STILL_EXTS.includes(ext) || !args.path.includes(".")) {
      fail(
        "BAD_EXTENSION",
        `${args.path} does not end in a still image extension`,
        `Use one of: ${STILL_EXTS.join(", ")}.`,
      );
    }
    const { project } = await ctx.resolve.timeline();
    const checked = await outputFile(ctx, args.path);
    const ok = await ctx.resolve.call(project, "ExportCurrentFrameAsStill", checked.path);
    await checked.landed();
    if (ok !== true) {
      fail(
        "EXPORT_FAILED",
        `Resolve could not export the current frame to ${checked.path}`,
        "Move the playhead onto a clip of the current timeline.",
      );
    }
    return {
      summary: `Exported the current frame to ${checked.path}.`,
      data: { path: checked.path },
    };
  },
});

export function registerColorTools(registry: ToolRegistry): void {
  registry.toolset({
    id: "color",
    description:
      "Grading: node graphs, LUTs, CDL, node labels, colour groups, gallery stills and PowerGrades, grade copy, cache.",
  });
  registry.add(listNodes, { default: true });
  registry.add(setNode, { default: true });
  registry.add(setCdl, { default: true });
  registry.add(applyDrxGrade);
  registry.add(resetGrade);
  registry.add(applyArriCdlLut);
  registry.add(exportLut);
  registry.add(copyGrades);
  registry.add(listColorGroups);
  registry.add(manageColorGroups);
  registry.add(assignToColorGroup);
  registry.add(listColorGroupItems);
  registry.add(listGalleryAlbums);
  registry.add(manageGalleryAlbums);
  registry.add(grabStills, { default: true });
  registry.add(listStills);
  registry.add(setStillLabel);
  registry.add(importStills);
  registry.add(exportStills);
  registry.add(deleteStills);
  registry.add(analyzeDolbyVision);
  registry.add(getClipThumbnail);
  registry.add(exportCurrentFrame);
}
