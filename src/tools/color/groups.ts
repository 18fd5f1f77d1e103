// Color tools on colour groups.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  CHECKPOINT_API,
  findTimeline,
  type Handle,
  isHandle,
  ITEM_LOOKUP_METHODS,
  itemsOf,
  maybeCheckpointIdOutput,
  pageInput,
  pageOutput,
  pageWindow,
  saveCheckpoint,
  timelineRefInput,
} from "../../resolve/index.ts";
import { findGroup, num } from "./common.ts";

// -- colour groups ------------------------------------------------------------------------

export const listColorGroups = defineTool({
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

export const manageColorGroups = defineTool({
  name: "manage_color_groups",
  title: "Create, rename or delete colour groups; remove clips from groups",
  description:
    "Colour groups of the project: 'create' a group, 'rename' one, 'delete' one (its clips become ungrouped and its pre-/post-clip grades are gone; needs confirmation, and saves a project checkpoint first, a .drp export, whose checkpoint_id is returned), or 'remove_items' (take timeline items out of whatever group they are in; needs confirmation and saves a timeline checkpoint first). restore_checkpoint brings back what was there. Use assign_to_color_group to add clips.",
  toolset: "color",
  default: true,
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
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...ITEM_LOOKUP_METHODS,
    "Project.GetColorGroupsList",
    "Project.AddColorGroup",
    "Project.DeleteColorGroup",
    "ColorGroup.GetName",
    "ColorGroup.SetName",
    "TimelineItem.RemoveFromColorGroup",
    ...CHECKPOINT_API,
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
    let checkpoint_id: string | null = null;
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
      ({ checkpoint_id } = await saveCheckpoint(ctx, "manage_color_groups", args, {
        project: true,
      }));
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
      ({ checkpoint_id } = await saveCheckpoint(ctx, "manage_color_groups", args, { timeline }));
      const results = await resolve.batch(
        items.map((it) => call(it, "RemoveFromColorGroup")),
      );
      removed = results.filter((r) => r === true).length;
    }
    const groups = await groupNames();
    return {
      summary: `${args.action} done; ${groups.length} group(s)` +
        (args.action === "remove_items" ? `; ${removed} item(s) ungrouped.` : "."),
      data: { groups, removed_items: removed, checkpoint_id },
    };
  },
});

export const assignToColorGroup = defineTool({
  name: "assign_to_color_group",
  title: "Assign clips to a colour group",
  description:
    "Puts video timeline items into an existing colour group (moving them out of any other group). Create groups with manage_color_groups.",
  toolset: "color",
  default: true,
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

export const listColorGroupItems = defineTool({
  name: "list_color_group_items",
  title: "List a colour group's clips",
  description:
    "Lists the timeline items of a colour group on a timeline (the current one unless named), a page at a time.",
  toolset: "color",
  default: true,
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
