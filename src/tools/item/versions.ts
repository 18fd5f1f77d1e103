// Item tools on colour versions.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  type Handle,
  itemIdInput,
  itemOf,
  maybeCheckpointIdOutput,
  type ResolveSession,
  saveCheckpoint,
  timelineRefInput,
} from "../../resolve/index.ts";
import { TIMELINE_LOOKUP } from "./common.ts";

// -- colour versions ----------------------------------------------------------------------

const VERSION_TYPES = { local: 0, remote: 1 } as const;

async function readVersions(resolve: ResolveSession, item: Handle) {
  const [local, remote, current] = await resolve.batch([
    call(item, "GetVersionNameList", 0),
    call(item, "GetVersionNameList", 1),
    call(item, "GetCurrentVersion"),
  ]);
  const cur = current as { versionName?: string; versionType?: number } | null;
  return {
    local: ((local as string[]) ?? []).map(String),
    remote: ((remote as string[]) ?? []).map(String),
    current: cur && typeof cur.versionName === "string"
      ? {
        name: cur.versionName,
        type: (Number(cur.versionType) === 1 ? "remote" : "local") as "local" | "remote",
      }
      : null,
  };
}

const versionsOutput = {
  local: z.array(z.string()).describe("Local colour version names."),
  remote: z.array(z.string()).describe("Remote colour version names."),
  current: z.object({ name: z.string(), type: z.enum(["local", "remote"]) }).nullable()
    .describe("The active version."),
};

export const listColorVersions = defineTool({
  name: "list_color_versions",
  title: "List colour versions",
  description:
    "Lists the local and remote colour (grade) versions of a video timeline item and which one is active.",
  toolset: "item",
  readOnly: true,
  input: () => ({ item_id: itemIdInput, timeline: timelineRefInput }),
  output: () => versionsOutput,
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetVersionNameList",
    "TimelineItem.GetCurrentVersion",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const data = await readVersions(resolve, item);
    return {
      summary: `${data.local.length} local, ${data.remote.length} remote version(s); active: ${
        data.current?.name ?? "none"
      }.`,
      data,
    };
  },
});

export const manageColorVersions = defineTool({
  name: "manage_color_versions",
  title: "Add, load, rename or delete colour versions",
  description:
    "Changes the colour versions of a video timeline item: 'add' a new version (it becomes active), 'load' (activate), 'rename', or 'delete' (not the active one; needs confirmation; saves a timeline checkpoint first, restore_checkpoint brings the version back). Returns the versions afterwards.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum(["add", "load", "rename", "delete"]).describe("What to do."),
    name: z.string().trim().min(1).max(255).describe("The version's name."),
    type: z.enum(["local", "remote"]).optional().describe("Version type. Default: local."),
    new_name: z.string().trim().min(1).max(255).optional().describe("For rename: the new name."),
  }),
  output: () => ({ ...versionsOutput, checkpoint_id: maybeCheckpointIdOutput }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetVersionNameList",
    "TimelineItem.GetCurrentVersion",
    "TimelineItem.AddVersion",
    "TimelineItem.LoadVersionByName",
    "TimelineItem.RenameVersionByName",
    "TimelineItem.DeleteVersionByName",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { item, trackType, timeline } = await itemOf(resolve, args.timeline, args.item_id);
    let checkpoint_id: string | null = null;
    if (trackType !== "video") {
      fail("NOT_A_VIDEO_ITEM", "colour versions exist on video items only");
    }
    const typeName = args.type ?? "local";
    const type = VERSION_TYPES[typeName];
    const before = await readVersions(resolve, item);
    const names = before[typeName];
    if (args.action === "add" && names.includes(args.name)) {
      fail("VERSION_EXISTS", `a ${typeName} version "${args.name}" already exists`);
    }
    if (args.action !== "add" && !names.includes(args.name)) {
      fail(
        "VERSION_NOT_FOUND",
        `no ${typeName} version "${args.name}"`,
        `${typeName} versions: ${someNames(names)}.`,
      );
    }
    let ok: unknown;
    if (args.action === "add") ok = await resolve.call(item, "AddVersion", args.name, type);
    if (args.action === "load") ok = await resolve.call(item, "LoadVersionByName", args.name, type);
    if (args.action === "rename") {
      if (!args.new_name) fail("INVALID_ARGUMENTS", "rename needs new_name");
      if (names.includes(args.new_name)) {
        fail("VERSION_EXISTS", `a ${typeName} version "${args.new_name}" already exists`);
      }
      ok = await resolve.call(item, "RenameVersionByName", args.name, args.new_name, type);
    }
    if (args.action === "delete") {
      if (before.current?.name === args.name && before.current.type === typeName) {
        fail(
          "VERSION_ACTIVE",
          `"${args.name}" is the active version and cannot be deleted`,
          "Load another version first (manage_color_versions action load).",
        );
      }
      await ctx.confirm(`Delete the ${typeName} colour version "${args.name}"?`);
      ({ checkpoint_id } = await saveCheckpoint(ctx, "manage_color_versions", args, {
        timeline,
      }));
      ok = await resolve.call(item, "DeleteVersionByName", args.name, type);
    }
    if (ok !== true) fail("VERSION_REFUSED", `Resolve refused to ${args.action} the version`);
    const data = { ...await readVersions(resolve, item), checkpoint_id };
    return { summary: `${args.action} done; active: ${data.current?.name ?? "none"}.`, data };
  },
});
