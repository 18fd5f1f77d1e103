// Item tools on Fusion compositions.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { needExtension, outputFile, someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  isHandle,
  itemIdInput,
  itemOf,
  maybeCheckpointIdOutput,
  saveCheckpoint,
  timelineRefInput,
} from "../../resolve/index.ts";
import { num, TIMELINE_LOOKUP } from "./common.ts";

// -- Fusion comps -------------------------------------------------------------------------

export const listFusionComps = defineTool({
  name: "list_fusion_comps",
  title: "List Fusion compositions",
  description:
    "Lists the Fusion compositions of a timeline item by name, in index order (1-based).",
  toolset: "item",
  readOnly: true,
  input: () => ({ item_id: itemIdInput, timeline: timelineRefInput }),
  output: () => ({
    count: z.number().describe("Number of compositions."),
    comps: z.array(z.object({ index: z.number(), name: z.string() })).describe(
      "Compositions in index order.",
    ),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetFusionCompCount",
    "TimelineItem.GetFusionCompNameList",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const [count, names] = await resolve.batch([
      call(item, "GetFusionCompCount"),
      call(item, "GetFusionCompNameList"),
    ]);
    const comps = ((names as string[]) ?? []).map((name, i) => ({ index: i + 1, name }));
    return {
      summary: `${num(count)} Fusion composition(s)` +
        (comps.length ? `: ${comps.map((c) => c.name).join(", ")}.` : "."),
      data: { count: num(count), comps },
    };
  },
});

export const manageFusionComps = defineTool({
  name: "manage_fusion_comps",
  title: "Add, import, export, rename, load or delete Fusion compositions",
  description:
    "Works on the Fusion compositions of a timeline item: 'add' an empty one, 'import' a .comp file, 'export' one (by name or index) to a .comp file (overwriting needs confirmation), 'rename', 'load' (make active) or 'delete' (needs confirmation; saves a timeline checkpoint first, checkpoint_id, which restore_checkpoint brings back). Returns the compositions afterwards.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  openWorld: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum(["add", "import", "export", "rename", "load", "delete"]).describe(
      "What to do.",
    ),
    name: z.string().min(1).max(255).optional().describe(
      "The composition's name (export/rename/load/delete). For export, or give index.",
    ),
    index: z.number().int().min(1).max(1000).optional().describe(
      "For export: the 1-based composition index instead of name.",
    ),
    new_name: z.string().trim().min(1).max(255).optional().describe("For rename: the new name."),
    path: z.string().min(1).max(4096).optional().describe(
      "For import: the .comp file to read; for export: the .comp file to write (absolute).",
    ),
  }),
  output: () => ({
    comps: z.array(z.object({ index: z.number(), name: z.string() })).describe(
      "Compositions after the change.",
    ),
    path: z.string().nullable().describe("File read or written, if any."),
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetFusionCompNameList",
    "TimelineItem.GetFusionCompByName",
    "TimelineItem.GetFusionCompByIndex",
    "TimelineItem.AddFusionComp",
    "TimelineItem.ImportFusionComp",
    "TimelineItem.ExportFusionComp",
    "TimelineItem.RenameFusionCompByName",
    "TimelineItem.LoadFusionCompByName",
    "TimelineItem.DeleteFusionCompByName",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, paths } = ctx;
    const { item, timeline } = await itemOf(resolve, args.timeline, args.item_id);
    let checkpoint_id: string | null = null;
    const names = (await resolve.call(item, "GetFusionCompNameList") as string[]) ?? [];
    const need = <T>(v: T | undefined, what: string): T =>
      v ?? fail("INVALID_ARGUMENTS", `${args.action} needs ${what}`);
    const existing = (name: string) => {
      if (!names.includes(name)) {
        fail(
          "COMP_NOT_FOUND",
          `the item has no Fusion composition "${name}"`,
          `Compositions: ${someNames(names)} (list_fusion_comps).`,
        );
      }
    };
    let ok: unknown;
    let path: string | null = null;
    switch (args.action) {
      case "add":
        ok = isHandle(await resolve.call(item, "AddFusionComp"));
        break;
      case "import": {
        const [checked] = await paths.checkRead([need(args.path, "path")]);
        if (!checked.exists || checked.isDir) {
          fail("FILE_NOT_FOUND", `${args.path} does not exist or is a folder`);
        }
        path = checked.path;
        ok = isHandle(await resolve.call(item, "ImportFusionComp", path));
        break;
      }
      case "export": {
        let index = args.index;
        if (args.name !== undefined) {
          existing(args.name);
          index = names.indexOf(args.name) + 1;
        }
        index = need(index, "name or index");
        if (index > names.length) {
          fail("COMP_NOT_FOUND", `there is no composition ${index} (the item has ${names.length})`);
        }
        needExtension(need(args.path, "path"), ["comp"], "a Fusion composition");
        const out = await outputFile(ctx, args.path!);
        path = out.path;
        const [comp, done] = await resolve.batch([
          call(item, "GetFusionCompByIndex", index),
          call(item, "ExportFusionComp", path, index),
        ]);
        await out.landed();
        ok = isHandle(comp) && done === true;
        break;
      }
      case "rename":
        existing(need(args.name, "name"));
        if (names.includes(need(args.new_name, "new_name")) && args.new_name !== args.name) {
          fail("COMP_EXISTS", `a composition named "${args.new_name}" already exists`);
        }
        ok = await resolve.call(item, "RenameFusionCompByName", args.name, args.new_name);
        break;
      case "load":
        existing(need(args.name, "name"));
        ok = isHandle(await resolve.call(item, "LoadFusionCompByName", args.name));
        break;
      case "delete": {
        existing(need(args.name, "name"));
        await ctx.confirm(
          `Delete the Fusion composition "${args.name}" of item ${args.item_id}?`,
        );
        ({ checkpoint_id } = await saveCheckpoint(ctx, "manage_fusion_comps", args, {
          timeline,
        }));
        const [comp, done] = await resolve.batch([
          call(item, "GetFusionCompByName", args.name),
          call(item, "DeleteFusionCompByName", args.name),
        ]);
        ok = isHandle(comp) && done === true;
        break;
      }
    }
    if (ok !== true) {
      fail(
        "COMP_REFUSED",
        `Resolve refused to ${args.action} the Fusion composition`,
        args.action === "import"
          ? "Check that the file is a valid Fusion .comp file."
          : "Fusion compositions exist on video items only; check the item and names (list_fusion_comps).",
      );
    }
    const after = (await resolve.call(item, "GetFusionCompNameList") as string[]) ?? [];
    return {
      summary: `${args.action} done; the item has ${after.length} composition(s).`,
      data: { comps: after.map((name, i) => ({ index: i + 1, name })), path, checkpoint_id },
    };
  },
});
