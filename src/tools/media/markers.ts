// Toolset "media": Markers on media pool clips.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { MARKER_COLORS, markerNameInput, markerNoteInput } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  clipRefInput,
  deletePicked,
  findClips,
  markerList,
  type MarkerPick,
  markerSchema,
  maybeCheckpointIdOutput,
  poolOf,
  requirePicked,
  saveCheckpoint,
} from "../../resolve/index.ts";
import { CLIP_FIND_METHODS } from "./common.ts";

export const listClipMarkers = defineTool({
  name: "list_clip_markers",
  title: "List clip markers",
  description:
    "Lists a clip's markers (frames are offsets in the clip), optionally only those of one colour, the one at a frame, or the first one whose custom data matches.",
  toolset: "media",
  readOnly: true,
  input: () => ({
    clip: clipRefInput,
    color: z.enum(MARKER_COLORS).optional().describe("Only markers of this colour."),
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Only the marker at this clip frame.",
    ),
    custom_data: z.string().min(1).max(10_000).optional().describe(
      "Only the first marker with exactly this custom data.",
    ),
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    markers: z.array(markerSchema).describe("Matching markers."),
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.GetMarkers",
    "MediaPoolItem.GetMarkerByCustomData",
    "MediaPoolItem.GetMarkerCustomData",
  ],
  async handler(args, { resolve }) {
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const [raw, byData, atFrame] = await resolve.batch([
      call(clip.clip, "GetMarkers"),
      ...(args.custom_data !== undefined
        ? [call(clip.clip, "GetMarkerByCustomData", args.custom_data)]
        : [call(clip.clip, "GetName")]),
      ...(args.frame !== undefined ? [call(clip.clip, "GetMarkerCustomData", args.frame)] : []),
    ]);
    let markers = markerList(raw);
    if (args.custom_data !== undefined) {
      const info = byData as Record<string, unknown> | null;
      markers = info && Object.keys(info).length
        ? markers.filter((m) => m.custom_data === String(info.customData ?? args.custom_data))
          .slice(0, 1)
        : [];
    }
    if (args.frame !== undefined) {
      markers = markers.filter((m) => m.frame === args.frame);
      if (markers[0] && typeof atFrame === "string") markers[0].custom_data = atFrame;
    }
    if (args.color) markers = markers.filter((m) => m.color === args.color);
    return {
      summary: `${markers.length} marker(s) on "${clip.name}".`,
      data: { clip: clip.name, markers },
    };
  },
});

export const editClipMarkers = defineTool({
  name: "edit_clip_markers",
  title: "Add, update or delete clip markers",
  description:
    "Changes a clip's markers (frames are offsets in the clip, 0 = first frame): 'add' a marker, 'update_custom_data' of the marker at a frame, or delete markers 'at_frame', 'by_custom_data' (first match), 'by_color' or 'all'. Deleting by colour or all needs confirmation. Before any delete action it saves a project checkpoint and returns its checkpoint_id (restore_checkpoint brings back what was there).",
  toolset: "media",
  readOnly: false,
  destructive: true,
  input: () => ({
    clip: clipRefInput,
    action: z.enum([
      "add",
      "update_custom_data",
      "delete_at_frame",
      "delete_by_custom_data",
      "delete_by_color",
      "delete_all",
    ])
      .describe("What to do."),
    frame: z.number().int().min(0).max(100_000_000).optional().describe(
      "Clip frame (add, update_custom_data, delete_at_frame).",
    ),
    color: z.enum(MARKER_COLORS).optional().describe("Marker colour (add, delete_by_color)."),
    name: markerNameInput("add: marker name, one line. Default: empty."),
    note: markerNoteInput("add: marker note. Default: empty."),
    duration: z.number().int().min(1).max(10_000_000).optional().describe(
      "add: length in frames. Default: 1.",
    ),
    custom_data: z.string().max(10_000).optional().describe(
      "add/update_custom_data: the custom data to store; delete_by_custom_data: the custom data to match.",
    ),
  }),
  output: () => ({
    clip: z.string().describe("Clip name."),
    markers: z.array(markerSchema).describe("The clip's markers afterwards."),
    checkpoint_id: maybeCheckpointIdOutput,
  }),
  apiMethods: [
    ...CLIP_FIND_METHODS,
    "MediaPoolItem.GetMarkers",
    "MediaPoolItem.AddMarker",
    "MediaPoolItem.UpdateMarkerCustomData",
    "MediaPoolItem.DeleteMarkerAtFrame",
    "MediaPoolItem.DeleteMarkerByCustomData",
    "MediaPoolItem.DeleteMarkersByColor",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const { resolve, confirm } = ctx;
    const { mediaPool } = await poolOf(resolve);
    const [clip] = await findClips(resolve, mediaPool, [args.clip]);
    const before = markerList(await resolve.call(clip.clip, "GetMarkers"));
    const need = (field: "frame" | "color" | "custom_data") => {
      if (args[field] === undefined) fail("INVALID_ARGUMENTS", `${args.action} needs ${field}`);
    };
    let op: [string, unknown[]];
    switch (args.action) {
      case "add":
        need("frame");
        need("color");
        if (before.some((m) => m.frame === args.frame)) {
          fail(
            "MARKER_EXISTS",
            `frame ${args.frame} of "${clip.name}" already has a marker`,
            "Choose another frame or delete it first.",
          );
        }
        op = ["AddMarker", [
          args.frame,
          args.color,
          args.name ?? "",
          args.note ?? "",
          args.duration ?? 1,
          args.custom_data ?? "",
        ]];
        break;
      case "update_custom_data":
        need("frame");
        need("custom_data");
        if (!before.some((m) => m.frame === args.frame)) {
          fail(
            "MARKER_NOT_FOUND",
            `no marker at frame ${args.frame} of "${clip.name}"`,
            "list_clip_markers shows the markers.",
          );
        }
        op = ["UpdateMarkerCustomData", [args.frame, args.custom_data]];
        break;
      default: {
        if (args.action === "delete_at_frame") need("frame");
        if (args.action === "delete_by_custom_data") need("custom_data");
        if (args.action === "delete_by_color") need("color");
        const pick: MarkerPick = args.action === "delete_at_frame"
          ? { frame: args.frame! }
          : args.action === "delete_by_custom_data"
          ? { custom_data: args.custom_data! }
          : { color: args.action === "delete_by_color" ? args.color! : "All" };
        const picked = requirePicked(before, pick, `"${clip.name}"`, "list_clip_markers");
        if ("color" in pick) {
          await confirm(
            `Delete ${pick.color === "All" ? "all " : ""}${picked.length} ${
              pick.color === "All" ? "" : `${pick.color} `
            }marker(s) of "${clip.name}"?`,
          );
        }
        // Clip markers belong to the media pool: a project checkpoint before deleting any.
        const { checkpoint_id } = await saveCheckpoint(ctx, "edit_clip_markers", args, {
          project: true,
        });
        const markers = await deletePicked(resolve, clip.clip, pick, picked.length);
        return {
          summary: `${args.action} done; "${clip.name}" has ${markers.length} marker(s).`,
          data: { clip: clip.name, markers, checkpoint_id },
        };
      }
    }
    const checkpoint_id = null;
    const [ok, after] = await resolve.batch([
      call(clip.clip, op[0], ...op[1]),
      call(clip.clip, "GetMarkers"),
    ]);
    if (ok !== true) {
      fail(
        "MARKER_REFUSED",
        `Resolve refused ${args.action} on "${clip.name}"`,
        "For add: the frame must lie inside the clip (and frame + duration too).",
      );
    }
    const markers = markerList(after);
    return {
      summary: `${args.action} done; "${clip.name}" has ${markers.length} marker(s).`,
      data: { clip: clip.name, markers, checkpoint_id },
    };
  },
});
