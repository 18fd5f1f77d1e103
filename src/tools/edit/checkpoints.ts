// Checkpoint tools: list_checkpoints, restore_checkpoint. The store itself (what a checkpoint
// is, where it lives, how long it is kept) is src/resolve/checkpoints.ts.
import { z } from "zod";
import { defineTool, type ToolDef } from "../../tool.ts";
import {
  call,
  CHECKPOINT_API,
  CHECKPOINT_BIN,
  type CheckpointEntry,
  findCheckpoint,
  isCheckpointTimelineName,
  KEEP_DAYS,
  KEEP_MAX,
  KEEP_NEWEST,
  listCheckpointEntries,
  listTimelines,
  RESTORE_API,
  restoreCheckpoint,
  restoreTargets,
} from "../../resolve/index.ts";
import { fail } from "../../errors.ts";

const STORE =
  `Timeline checkpoints are duplicate timelines in the "${CHECKPOINT_BIN}" bin; project checkpoints .drp files in the server's data folder. Kept: the newest ${KEEP_NEWEST} per timeline or project, older ones up to ${KEEP_DAYS} days, at most ${KEEP_MAX}.`;

const entrySchema = z.object({
  checkpoint_id: z.string().describe("Pass to restore_checkpoint."),
  tool: z.string().describe("The tool that saved it, just before it changed something."),
  args: z.record(z.string(), z.unknown()).describe("That tool's arguments."),
  time: z.string().describe("When it was saved (ISO 8601, UTC)."),
  scope: z.enum(["timeline", "project"]).describe(
    "What it covers: one timeline, or the whole project.",
  ),
  covers: z.string().describe("The timeline (name) or project it covers."),
  timeline: z.object({ name: z.string(), id: z.string() }).nullable().describe(
    "The timeline it covers (its name and id at the time); null for a project checkpoint.",
  ),
  available: z.boolean().describe(
    "False when what holds it (the duplicate timeline or the .drp) is gone: it cannot be restored.",
  ),
});

function row(e: CheckpointEntry, timelineIds: Set<string>) {
  return {
    checkpoint_id: e.checkpoint_id,
    tool: e.tool,
    args: e.args ?? {},
    time: e.time,
    scope: e.scope,
    covers: e.scope === "timeline"
      ? `timeline "${e.timeline?.name}"`
      : `project "${e.project.name}"`,
    timeline: e.timeline ?? null,
    available: e.scope === "timeline"
      ? timelineIds.has(e.copy?.id ?? "")
      : e.file_exists !== false && Boolean(e.file),
  };
}

export const listCheckpoints = defineTool({
  name: "list_checkpoints",
  title: "List checkpoints",
  description:
    `Lists the checkpoints saved before edits and destructive steps in the current project, newest first: id, the tool and arguments that made it, time, and what it covers. ${STORE} Restore one with restore_checkpoint.`,
  toolset: "edit",
  default: true,
  readOnly: true,
  input: () => ({
    timeline: z.string().min(1).max(255).optional().describe(
      "Only the checkpoints of this timeline (its name or id at the time, also for a deleted one). Omit for every checkpoint of the project, project checkpoints included.",
    ),
  }),
  output: () => ({
    checkpoints: z.array(entrySchema).describe("Newest first."),
  }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetName",
    "Project.GetUniqueId",
    "Project.GetTimelineCount",
    "Project.GetTimelineByIndex",
    "Timeline.GetName",
    "Timeline.GetUniqueId",
  ],
  async handler(args, { resolve }) {
    const project = await resolve.project();
    const [name, id] = await resolve.batch([
      call(project, "GetName"),
      call(project, "GetUniqueId"),
    ]);
    const timelines = await listTimelines(resolve, project);
    const ids = new Set(timelines.map((t) => t.id));
    const entries = (await listCheckpointEntries(resolve))
      // by id, or by name: a restored project is a new project (new id) of the same name
      .filter((e) => e.project?.id === id || e.project?.name === name)
      .filter((e) =>
        args.timeline === undefined ||
        e.timeline?.name === args.timeline || e.timeline?.id === args.timeline
      )
      .reverse();
    const checkpoints = entries.map((e) => row(e, ids));
    const hidden = timelines.filter((t) => isCheckpointTimelineName(t.name)).length;
    return {
      summary: `${checkpoints.length} checkpoint(s)${
        args.timeline === undefined ? "" : ` of "${args.timeline}"`
      }; ${hidden} checkpoint timeline(s) in the "${CHECKPOINT_BIN}" bin.`,
      data: { checkpoints },
    };
  },
});

export const restoreCheckpointTool = defineTool({
  name: "restore_checkpoint",
  title: "Restore a checkpoint",
  description:
    `Brings a timeline (or the project) back to a checkpoint (items, properties, grades, markers) and reads it back (RESTORE_MISMATCH lists what differs). Asks first, and saves a checkpoint of the present state (checkpoint_id). A restored timeline keeps its name, with a new id; a project checkpoint is imported under the project's name and opened, the open one kept as "<project> (replaced <id>)". ${STORE}`,
  toolset: "edit",
  default: true,
  readOnly: false,
  destructive: true,
  input: () => ({
    checkpoint_id: z.string().regex(/^ck-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/).describe(
      "Checkpoint id (list_checkpoints), e.g. ck-20260101-120000-a1b2c3.",
    ),
  }),
  output: () => ({
    scope: z.enum(["timeline", "project"]).describe("What was restored."),
    restored: z.object({ name: z.string(), id: z.string() }).describe(
      "The timeline (or project) as restored: its name and new id.",
    ),
    checkpoint_id: z.string().nullable().describe(
      "The checkpoint of the state this restore replaced (restore it to undo the restore); null when nothing was replaced (the timeline had been deleted).",
    ),
    compared: z.number().describe(
      "Items (timeline) or bins (project) read back and found as the checkpoint holds them.",
    ),
  }),
  apiMethods: [...new Set([...CHECKPOINT_API, ...RESTORE_API])],
  async handler(args, ctx) {
    const entry = await findCheckpoint(ctx.resolve, args.checkpoint_id);
    if (entry.scope === "timeline") {
      const { original } = await restoreTargets(ctx.resolve, entry);
      await ctx.confirm(
        original
          ? `Replace the timeline "${original.name}" with checkpoint ${entry.checkpoint_id} (saved ${entry.time} before ${entry.tool})? Its present state is checkpointed first.`
          : `Bring back the deleted timeline "${entry.timeline?.name}" from checkpoint ${entry.checkpoint_id} (saved ${entry.time} before ${entry.tool})?`,
      );
    } else {
      if (!entry.file) fail("CHECKPOINT_MISSING", "this checkpoint has no project export");
      await ctx.confirm(
        `Import checkpoint ${entry.checkpoint_id} (saved ${entry.time} before ${entry.tool}) as project "${entry.project.name}" and open it? The open project of that name is checkpointed and kept, renamed "${entry.project.name} (replaced <id>)".`,
      );
    }
    const result = await restoreCheckpoint(ctx, entry);
    return {
      summary:
        `Restored ${result.scope} "${result.restored.name}" from ${entry.checkpoint_id} (${result.compared} ${
          result.scope === "timeline" ? "item(s)" : "bin(s)"
        } read back and matching)${
          result.checkpoint_id ? `; the replaced state is checkpoint ${result.checkpoint_id}` : ""
        }.`,
      data: result,
    };
  },
});

export const CHECKPOINT_TOOLS: ToolDef[] = [listCheckpoints, restoreCheckpointTool];
