// App tools of Resolve 21.1: the session at a glance through the 21.1 shortcuts
// (Resolve.GetCurrentProject / GetCurrentTimeline / GetMediaPool / GetGallery, IsStudio) and
// the script priority switch (Resolve.SetHighPriority).
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import {
  call,
  isHandle,
  NEEDS_21_1,
  ref,
  requireVersion,
  VERSION_LOOKUP,
} from "../../resolve/index.ts";

export const getCurrentContext = defineTool({
  name: "get_current_context",
  title: "What is open in Resolve (Resolve 21.1)",
  description:
    `Says in one round trip what Resolve has open, through the shortcuts Resolve 21.1 documents: whether it is Studio (Resolve.IsStudio, so Studio-only actions can be refused up front), the current project, its current timeline, the media pool's root and current bin, the gallery's current still album, and the project's last-modified time (often null: Resolve returns None for it in tests; get_project_info has the modification date). ${NEEDS_21_1}.`,
  toolset: "app",
  readOnly: true,
  input: () => ({}),
  output: () => ({
    studio: z.boolean().describe("True on DaVinci Resolve Studio."),
    project: z.string().nullable().describe("Name of the current project; null when none."),
    timeline: z.string().nullable().describe("Name of the current timeline; null when none."),
    root_bin: z.string().nullable().describe("Name of the media pool's root bin."),
    current_bin: z.string().nullable().describe("Name of the media pool's current bin."),
    still_album: z.string().nullable().describe("Name of the gallery's current still album."),
    project_last_modified: z.number().nullable().describe(
      "Epoch seconds of the project's last change as Resolve reports it; null when Resolve gives none (common).",
    ),
  }),
  apiMethods: [
    ...VERSION_LOOKUP,
    "Resolve.IsStudio",
    "Resolve.GetCurrentProject",
    "Resolve.GetCurrentTimeline",
    "Resolve.GetMediaPool",
    "Resolve.GetGallery",
    "Resolve.GetProjectManager",
    "Project.GetName",
    "Timeline.GetName",
    "MediaPool.GetRootFolder",
    "MediaPool.GetCurrentFolder",
    "Folder.GetName",
    "Gallery.GetCurrentStillAlbum",
    "Gallery.GetAlbumName",
    "ProjectManager.GetProjectLastModifiedTime",
  ],
  async handler(_args, { resolve }) {
    await requireVersion(resolve, "21.1", "get_current_context (Resolve.GetCurrentProject...)");
    const root = await resolve.root();
    const r = await resolve.batch([
      call(root, "IsStudio"), // 0
      call(root, "GetCurrentProject"), // 1
      call(root, "GetCurrentTimeline"), // 2
      call(root, "GetMediaPool"), // 3
      call(root, "GetGallery"), // 4
    ]);
    const name = async (target: unknown, method: string) =>
      isHandle(target) ? await resolve.call(target, method) : null;
    const [project, timeline] = [await name(r[1], "GetName"), await name(r[2], "GetName")];
    let rootBin: unknown = null, currentBin: unknown = null, album: unknown = null;
    if (isHandle(r[3])) {
      [rootBin, currentBin] = await resolve.batch([
        call(r[3], "GetRootFolder"),
        call(ref(0), "GetName"),
        call(r[3], "GetCurrentFolder"),
        call(ref(2), "GetName"),
      ]).then((x) => [x[1], x[3]]);
    }
    if (isHandle(r[4])) {
      const current = await resolve.call(r[4], "GetCurrentStillAlbum");
      if (isHandle(current)) album = await resolve.call(r[4], "GetAlbumName", current);
    }
    let modified: unknown = null;
    if (typeof project === "string") {
      const [, t] = await resolve.batch([
        call(root, "GetProjectManager"),
        call(ref(0), "GetProjectLastModifiedTime", project),
      ]);
      modified = t;
    }
    const text = (v: unknown) => (typeof v === "string" && v ? v : null);
    const data = {
      studio: r[0] === true,
      project: text(project),
      timeline: text(timeline),
      root_bin: text(rootBin),
      current_bin: text(currentBin),
      still_album: text(album),
      project_last_modified: typeof modified === "number" ? modified : null,
    };
    return {
      summary: `${data.studio ? "Studio" : "Free edition"}; project ${
        data.project ?? "(none)"
      }, timeline ${data.timeline ?? "(none)"}, bin ${data.current_bin ?? "(none)"}.`,
      data,
    };
  },
});

export const setScriptPriority = defineTool({
  name: "set_script_priority",
  title: "Set script execution priority (Resolve 21.1)",
  description:
    `Switches the priority Resolve gives to scripting calls between high and normal (Resolve.SetHighPriority): high can speed up long batches of calls while you are not working in the UI. No effect has been measured or documented beyond the switch itself. ${NEEDS_21_1}.`,
  toolset: "app",
  readOnly: false,
  idempotent: true,
  input: () => ({
    high: z.boolean().describe("true: high priority for scripting; false: normal."),
  }),
  output: () => ({
    high: z.boolean().describe("The priority asked for, accepted by Resolve."),
  }),
  apiMethods: [...VERSION_LOOKUP, "Resolve.SetHighPriority"],
  async handler(args, { resolve }) {
    await requireVersion(resolve, "21.1", "set_script_priority (Resolve.SetHighPriority)");
    const ok = await resolve.call(await resolve.root(), "SetHighPriority", args.high);
    if (ok !== true) fail("CHANGE_REFUSED", "Resolve refused the priority change");
    return {
      summary: `Script priority set to ${args.high ? "high" : "normal"}.`,
      data: { high: args.high },
    };
  },
});
