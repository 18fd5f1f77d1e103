// Item tools on take selectors.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  CHECKPOINT_API,
  findClip,
  type Handle,
  isHandle,
  itemIdInput,
  itemOf,
  maybeCheckpointIdOutput,
  type ResolveSession,
  saveCheckpoint,
  timelineRefInput,
} from "../../resolve/index.ts";
import { num, TIMELINE_LOOKUP } from "./common.ts";

// -- takes --------------------------------------------------------------------------------

const takeSchema = z.object({
  index: z.number().describe("1-based take index."),
  clip_id: z.string().nullable().describe("Media pool clip of the take."),
  clip_name: z.string().nullable().describe("Name of that clip."),
  start_frame: z.number().describe("Source start frame."),
  end_frame: z.number().describe("Source end frame."),
  selected: z.boolean().describe("Whether this take is the selected one."),
});

async function readTakes(resolve: ResolveSession, item: Handle) {
  const [count, selected] = (await resolve.batch([
    call(item, "GetTakesCount"),
    call(item, "GetSelectedTakeIndex"),
  ])).map(num);
  const takes = await resolve.batch(
    Array.from({ length: count }, (_, i) => call(item, "GetTakeByIndex", i + 1)),
  ) as { startFrame?: number; endFrame?: number; mediaPoolItem?: Handle }[];
  const clips = takes.map((t) => t?.mediaPoolItem).filter(isHandle);
  const names = await resolve.map(clips, [["GetUniqueId"], ["GetName"]]);
  let c = 0;
  return {
    selected,
    takes: takes.map((t, i) => {
      const row = isHandle(t?.mediaPoolItem) ? names[c++] : null;
      return {
        index: i + 1,
        clip_id: row ? String(row[0]) : null,
        clip_name: row ? String(row[1]) : null,
        start_frame: num(t?.startFrame),
        end_frame: num(t?.endFrame),
        selected: i + 1 === selected,
      };
    }),
  };
}

export const listItemTakes = defineTool({
  name: "list_item_takes",
  title: "List item takes",
  description:
    "Lists the takes of a take-selector timeline item (clip, source range, which one is selected). An item that is not a take selector has none.",
  toolset: "item",
  readOnly: true,
  input: () => ({ item_id: itemIdInput, timeline: timelineRefInput }),
  output: () => ({
    selected: z.number().describe("Selected take index; 0 when not a take selector."),
    takes: z.array(takeSchema).describe("The takes."),
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "TimelineItem.GetTakesCount",
    "TimelineItem.GetSelectedTakeIndex",
    "TimelineItem.GetTakeByIndex",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetName",
  ],
  async handler(args, { resolve }) {
    const { item } = await itemOf(resolve, args.timeline, args.item_id);
    const data = await readTakes(resolve, item);
    return {
      summary: data.takes.length
        ? `${data.takes.length} take(s); take ${data.selected} selected.`
        : "The item is not a take selector (no takes).",
      data,
    };
  },
});

export const manageItemTakes = defineTool({
  name: "manage_item_takes",
  title: "Add, select, delete or finalize takes",
  description:
    "Changes the takes of a timeline item: 'add' a media pool clip as a take (makes the item a take selector; optional source frame range), 'select' a take by index, 'delete' a take (not the selected one; needs confirmation) or 'finalize' (keeps the selected take and removes the others; needs confirmation). Delete and finalize save a timeline checkpoint first (checkpoint_id; restore_checkpoint brings the takes back). Returns the takes afterwards.",
  toolset: "item",
  readOnly: false,
  destructive: true,
  input: () => ({
    item_id: itemIdInput,
    timeline: timelineRefInput,
    action: z.enum(["add", "select", "delete", "finalize"]).describe("What to do."),
    clip: z.string().min(1).max(4096).optional().describe(
      "For add: the media pool clip (id, bin path like 'Master/Dailies/shot.mov', or unique name).",
    ),
    start_frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "For add: first source frame. Default: the clip's start. Give with end_frame.",
    ),
    end_frame: z.number().int().min(1).max(100_000_000).optional().describe(
      "For add: end source frame. Default: the clip's end. Give with start_frame.",
    ),
    index: z.number().int().min(1).max(1000).optional().describe(
      "For select/delete: the 1-based take index (list_item_takes).",
    ),
  }),
  output: () => ({
    selected: z.number().describe("Selected take index after the change; 0 when none."),
    takes: z.array(takeSchema).describe("The takes after the change."),
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...TIMELINE_LOOKUP,
    "Project.GetMediaPool",
    "MediaPool.GetRootFolder",
    "Folder.GetName",
    "Folder.GetUniqueId",
    "Folder.GetIsFolderStale",
    "Folder.GetClipList",
    "Folder.GetSubFolderList",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "TimelineItem.AddTake",
    "TimelineItem.SelectTakeByIndex",
    "TimelineItem.DeleteTakeByIndex",
    "TimelineItem.FinalizeTake",
    "TimelineItem.GetTakesCount",
    "TimelineItem.GetSelectedTakeIndex",
    "TimelineItem.GetTakeByIndex",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve } = ctx;
    const { project, item, timeline } = await itemOf(resolve, args.timeline, args.item_id);
    let checkpoint_id: string | null = null;
    const checkpoint = async () => {
      ({ checkpoint_id } = await saveCheckpoint(ctx, "manage_item_takes", args, { timeline }));
    };
    const before = await readTakes(resolve, item);
    let ok: unknown;
    if (args.action === "add") {
      if (!args.clip) fail("INVALID_ARGUMENTS", "add needs clip");
      if ((args.start_frame === undefined) !== (args.end_frame === undefined)) {
        fail("INVALID_ARGUMENTS", "start_frame and end_frame go together");
      }
      const pool = await resolve.call(project, "GetMediaPool") as Handle;
      const { clip } = await findClip(resolve, pool, args.clip);
      const range = args.start_frame !== undefined ? [args.start_frame, args.end_frame] : [];
      ok = await resolve.call(item, "AddTake", clip, ...range);
    } else if (args.action === "finalize") {
      if (!before.takes.length) {
        fail("NOT_A_TAKE_SELECTOR", "the item has no takes to finalize", "Add takes first.");
      }
      await ctx.confirm(
        `Finalize take ${before.selected} of item ${args.item_id} and remove the other ${
          before.takes.length - 1
        } take(s)?`,
      );
      await checkpoint();
      ok = await resolve.call(item, "FinalizeTake");
    } else {
      if (args.index === undefined) fail("INVALID_ARGUMENTS", `${args.action} needs index`);
      if (args.index > before.takes.length) {
        fail(
          "TAKE_NOT_FOUND",
          `the item has ${before.takes.length} take(s); there is no take ${args.index}`,
          "list_item_takes shows the takes.",
        );
      }
      if (args.action === "delete") {
        if (args.index === before.selected) {
          fail(
            "TAKE_SELECTED",
            `take ${args.index} is the selected take and cannot be deleted`,
            "Select another take first (manage_item_takes action select).",
          );
        }
        await ctx.confirm(`Delete take ${args.index} of item ${args.item_id}?`);
        await checkpoint();
        ok = await resolve.call(item, "DeleteTakeByIndex", args.index);
      } else {
        ok = await resolve.call(item, "SelectTakeByIndex", args.index);
      }
    }
    if (ok !== true) {
      fail(
        "TAKE_REFUSED",
        `Resolve refused to ${args.action} the take`,
        args.action === "add"
          ? "The item must be a media clip and the frame range inside the new clip."
          : "Check list_item_takes.",
      );
    }
    const data = { ...await readTakes(resolve, item), checkpoint_id };
    return {
      summary: `${args.action} done: ${data.takes.length} take(s), take ${data.selected} selected.`,
      data,
    };
  },
});
