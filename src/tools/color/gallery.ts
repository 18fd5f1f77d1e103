// Color tools on the gallery: albums and stills.
import { z } from "zod";
import { fail } from "../../errors.ts";
import { defineTool } from "../../tool.ts";
import { someNames } from "../shared.ts";
import {
  call,
  CHECKPOINT_API,
  checkpointIdOutput,
  findTimeline,
  type Handle,
  isHandle,
  ITEM_LOOKUP_METHODS,
  pageInput,
  pageOutput,
  pageWindow,
  ref,
  type ResolveSession,
  saveCheckpoint,
  timelineRefInput,
} from "../../resolve/index.ts";

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

export const listGalleryAlbums = defineTool({
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

export const manageGalleryAlbums = defineTool({
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

export const grabStills = defineTool({
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

export const listStills = defineTool({
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

export const setStillLabel = defineTool({
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

export const importStills = defineTool({
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

export const exportStills = defineTool({
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

export const deleteStills = defineTool({
  name: "delete_stills",
  title: "Delete stills",
  description:
    "Deletes stills (by 1-based index) from a gallery album (the current still album unless named). Needs confirmation. The indices of later stills shift down. Stills live in the project's gallery, not on a timeline: a project checkpoint (a .drp export with stills and LUTs) is saved first and its checkpoint_id returned; restore_checkpoint brings the whole project back as it was, stills included (and undoes any other change made since).",
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
    checkpoint_id: checkpointIdOutput,
  }),
  apiMethods: [
    ...GALLERY_READS,
    "GalleryStillAlbum.GetStills",
    "GalleryStillAlbum.DeleteStills",
    ...CHECKPOINT_API,
  ],
  async handler(args, ctx) {
    const album = pickAlbum((await galleryAlbums(ctx.resolve)).albums, args.album);
    const unique = [...new Set(args.indices)];
    const { picked, all } = await stillsAt(ctx.resolve, album, unique);
    await ctx.confirm(`Delete ${picked.length} still(s) from "${album.name}"?`);
    const { checkpoint_id } = await saveCheckpoint(ctx, "delete_stills", args, { project: true });
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
      data: { album: album.name, deleted: all.length - remaining, remaining, checkpoint_id },
    };
  },
});
