// Toolset "media": The media pool selection.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { call, clipRefInput, findClips, isHandle, poolOf } from "../../resolve/index.ts";
import { CLIP_FIND_METHODS, clipRows, clipSchema } from "./common.ts";

export const getSelectedClips = defineTool({
  name: "get_selected_clips",
  title: "Get selected clips",
  description: "Lists the clips currently selected in the media pool.",
  toolset: "media",
  readOnly: true,
  input: () => ({}),
  output: () => ({ clips: z.array(clipSchema).describe("Selected clips.") }),
  apiMethods: [
    "Resolve.GetProjectManager",
    "ProjectManager.GetCurrentProject",
    "Project.GetMediaPool",
    "MediaPool.GetSelectedClips",
    "MediaPoolItem.GetName",
    "MediaPoolItem.GetUniqueId",
    "MediaPoolItem.GetClipProperty",
  ],
  async handler(_args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const list = await resolve.call(mediaPool, "GetSelectedClips");
    const clips = await clipRows(resolve, (Array.isArray(list) ? list : []).filter(isHandle));
    return { summary: `${clips.length} clip(s) selected.`, data: { clips } };
  },
});

export const selectClip = defineTool({
  name: "select_clip",
  title: "Select clip",
  description:
    "Selects one clip in the media pool (replacing the selection), e.g. before a UI action.",
  toolset: "media",
  readOnly: false,
  idempotent: true,
  input: () => ({ clip: clipRefInput }),
  output: () => ({
    selected: z.array(z.string()).describe("Ids of the selected clips afterwards."),
  }),
  apiMethods: [...CLIP_FIND_METHODS, "MediaPool.SetSelectedClip", "MediaPool.GetSelectedClips"],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const [ok, list] = await resolve.batch([
      call(mediaPool, "SetSelectedClip", clip.clip),
      call(mediaPool, "GetSelectedClips"),
    ]);
    if (ok !== true) {
      fail(
        "SELECT_REFUSED",
        `Resolve refused to select "${clip.name}"`,
        "The media pool must be visible (media or edit page); switch_page can show it.",
      );
    }
    const rows = await resolve.map((Array.isArray(list) ? list : []).filter(isHandle), [[
      "GetUniqueId",
    ]]);
    return {
      summary: `Selected "${clip.name}".`,
      data: { selected: rows.map((r) => String(r[0])) },
    };
  },
});
