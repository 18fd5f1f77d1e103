// Paths in the api tools' arguments, found and checked against the allowed roots.
import { fail } from "../../errors.ts";
import type { ToolDef } from "../../tool.ts";
import {
  checkFileName,
  checkPathSetting,
  confirmOverwrite,
  isAbsolutePath,
  isPathSetting,
  needExtension,
  NO_CONTROL,
  NOTE_TEXT,
  refuseControl,
} from "../shared.ts";
import { type ApiMethod, EXPORT_FORMATS } from "../../resolve/index.ts";
import { dictEntries, type Json, keyName } from "./args.ts";

// -- paths in arguments ----------------------------------------------------------------------
//
// Every string anywhere in the arguments (arrays, dict values, $dict values) is a path when it
// is absolute (POSIX, C:\, UNC), starts with ~ or file:, or has a '..' segment; and any string
// that is the value of a parameter or dict key named like a path (folderPath, filePath,
// fileName, lutPath, TargetDir, FilePath, media...) is a path whatever its shape. Paths are
// resolved and checked against the allowed roots, and Resolve receives the resolved path.
// Relative paths are refused: Resolve would resolve them against its own working directory.
// $dict takes [key, value] pairs only; bare file names (filePrefix, CustomName, the deblur
// FileName) may not hold folders; folder-valued settings (SetSetting, SetRenderSettings) are
// checked as writes; a write is checked again once Resolve returns (PATH_ESCAPED).

/** Parameter and dict key names whose string values are paths. */
const PATH_NAME = /(path|paths|dir|dirs|directory|folder|folders|file|files|filename)$/i;
/** Parameters named like folders that take Folder objects, not paths. */
const OBJECT_PARAMS = new Set([
  "folder",
  "folders",
  "subfolders",
  "targetfolder",
  "sourceclipsfolders",
]);
/** Parameters (and dict keys) holding free text: names, notes, metadata, never paths. */
const TEXT_NAME =
  /(name|names|note|notes|label|customdata|metadata|metadatatype|metadatavalue|color|keyword|keywords|comments|description)$/i;
/** Methods whose item arguments are file paths though not named so. */
const ITEM_PATH_METHODS = new Set([
  "MediaPool.ImportMedia",
  "MediaStorage.AddItemListToMediaPool",
]);
/** lutPath may be relative to Resolve's LUT folders (no '..'), as set_node does. */
const LUT_FOLDER_RELATIVE = new Set(["lutpath"]);
/** Parameters and dict keys holding bare file names: Resolve puts them in a folder given
 * elsewhere (ExportStills' folderPath, the render TargetDir). No folders, no '..'. */
const BARE_NAMES = new Set(["fileprefix", "customname"]);
/** Methods whose FileName option is a bare name (the deblurred copy goes next to its clip). */
const BARE_FILE_NAME_METHODS = new Set(["RemoveMotionBlur"]);
/** Methods that store folders Resolve writes into later: checked as writes, not confirmed. */
const SETTING_METHODS = new Set([
  "Project.SetSetting",
  "Timeline.SetSetting",
  "Project.SetRenderSettings",
]);

export function isPathName(name: string | undefined): boolean {
  if (!name) return false;
  const n = name.replace(/\s+/g, "").toLowerCase();
  return n === "media" || (PATH_NAME.test(n) && !OBJECT_PARAMS.has(n));
}

function isTextName(name: string | undefined): boolean {
  return !!name && !isPathName(name) && TEXT_NAME.test(name.replace(/\s+/g, ""));
}

/** A string shaped like a path whatever parameter it is given for. */
export function looksLikePath(s: string): boolean {
  return isAbsolutePath(s) || s.startsWith("~") || /^file:/i.test(s) ||
    /(^|[\\/])\.\.([\\/]|$)/.test(s);
}

/** Positional parameter names of a method, per position, over all its signatures. */
export function paramNames(signatures: string[]): string[][] {
  const names: string[][] = [];
  for (const signature of signatures) {
    const inner = signature.slice(signature.indexOf("(") + 1, signature.lastIndexOf(")")).trim();
    const params = inner ? inner.split(/,(?![^[{]*[\]}])/) : [];
    params.forEach((p, i) => {
      const name = p.replace(/=.*$/, "").replace(/[[\]{}.,]/g, "").trim();
      const at = names[i] ??= [];
      if (name && !at.includes(name)) at.push(name);
    });
  }
  return names;
}

export interface PathArg {
  value: string;
  /** The parameter or dict key it was given for, if known. */
  name: string | undefined;
  /** True if found by its name (not its shape). */
  byName: boolean;
  /** A folder-valued setting (TargetDir, perfCacheClipsLocation...): Resolve writes there later. */
  setting: boolean;
  put(resolved: string): void;
}

/** Names reach interchange exports (EDL lines): no control characters; notes keep \n, \t. */
function checkText(value: Json, names: string[]): void {
  if (typeof value !== "string") return;
  const note = names.some((n) => /notes?$/i.test(n));
  const named = names.some((n) => /name$/i.test(n));
  if ((note && !NOTE_TEXT.test(value)) || (!note && named && !NO_CONTROL.test(value))) {
    fail(
      "INVALID_ARGUMENTS",
      `${names[0]} ${JSON.stringify(value.slice(0, 200))} contains control characters${
        note ? " other than newline and tab" : ""
      }`,
      "Remove them: exported EDL/ALE files would carry them as new lines.",
    );
  }
}

/**
 * Finds the path arguments of a call in a copy of its arguments; each found path's put()
 * replaces it in that copy. Bare file names (filePrefix, CustomName) are checked here.
 */
export function findPathArgs(
  cls: string,
  method: string,
  signatures: string[],
  raw: Json[],
): { args: Json[]; found: PathArg[] } {
  const args = structuredClone(raw);
  const found: PathArg[] = [];
  const positional = paramNames(signatures);
  const itemPaths = ITEM_PATH_METHODS.has(`${cls}.${method}`);
  const settings = SETTING_METHODS.has(`${cls}.${method}`);
  const bare = (name: string | undefined) => {
    const n = name?.replace(/\s+/g, "").toLowerCase() ?? "";
    return BARE_NAMES.has(n) || (n === "filename" && BARE_FILE_NAME_METHODS.has(method));
  };
  const visit = (
    value: Json,
    name: string | undefined,
    pathByName: boolean,
    text: boolean,
    put: (v: Json) => void,
  ) => {
    if (typeof value === "string") {
      if (value === "") return;
      if (bare(name)) return checkFileName(value, name!);
      if (pathByName || (!text && looksLikePath(value))) {
        found.push({ value, name, byName: pathByName, setting: settings && pathByName, put });
      }
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, name, pathByName, text, (x) => value[i] = x));
      return;
    }
    if (value === null || typeof value !== "object") return;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === "$object" || keys[0] === "$const")) return;
    if (keys.length === 1 && keys[0] === "$dict") {
      for (const entry of dictEntries(value.$dict)) {
        visit(entry[0], undefined, false, text, (x) => entry[0] = x); // a key shaped like a path
        visitKeyed(entry[1], keyName(entry[0]), text, (x) => entry[1] = x);
      }
      return;
    }
    for (const k of keys) visitKeyed(value[k], k, text, (x) => value[k] = x);
  };
  // A dict key named like a path makes its value a path; text stays text below a text
  // parameter (metadata), but keys named like text (CustomName) do not make text.
  const visitKeyed = (
    value: Json,
    key: string | undefined,
    text: boolean,
    put: (v: Json) => void,
  ) => visit(value, key, isPathName(key), isPathName(key) ? false : text, put);
  args.forEach((a, i) => {
    const names = positional[i] ?? [];
    checkText(a, names);
    // SetSetting(key, value): a folder-valued key (perfCacheClipsLocation...) makes a path.
    const key = settings && i === 1 && typeof args[0] === "string" && isPathSetting(args[0])
      ? args[0]
      : undefined;
    const pathName = key ?? (itemPaths ? "path" : names.find(isPathName));
    const textName = !pathName && names.some(isTextName);
    visit(a, pathName ?? names[0], !!pathName, textName, (x) => args[i] = x);
  });
  if (method === "SetClipProperty" && args[0] === "Clip Name") checkText(args[1], ["Clip Name"]);
  // Timeline.Export(fileName, type): the name carries the format's extension, as export_timeline.
  const type = cls === "Timeline" && method === "Export" ? keyName(args[1]) : undefined;
  const exts = Object.values(EXPORT_FORMATS).filter((f) => f.type === type).map((f) => f.ext);
  if (exts.length && typeof args[0] === "string") needExtension(args[0], [...new Set(exts)], type!);
  return { args, found };
}

/**
 * Checks the path arguments against the allowed roots; returns the arguments to send and
 * the paths the call writes (to check again after it: PathPolicy.checkLanded).
 */
export async function checkPathArgs(
  ctx: Parameters<ToolDef["handler"]>[1],
  cls: string,
  method: string,
  spec: ApiMethod,
  raw: Json[],
): Promise<{ args: Json[]; written: string[] }> {
  const { args, found } = findPathArgs(cls, method, spec.signatures, raw);
  const roots = () =>
    ctx.paths.roots.join(", ") || "(none: start the server with --allow-path DIR)";
  const checked: PathArg[] = [];
  for (const p of found) {
    refuseControl(p.value);
    const key = p.name?.replace(/\s+/g, "").toLowerCase() ?? "";
    if (isAbsolutePath(p.value) || (p.value.startsWith("~") && !p.setting)) {
      checked.push(p);
    } else if (
      p.byName && LUT_FOLDER_RELATIVE.has(key) && !/(^|[\\/])\.\.([\\/]|$)/.test(p.value) &&
      !/^file:/i.test(p.value)
    ) {
      continue; // relative to Resolve's LUT folders, not to its working directory
    } else {
      fail(
        "PATH_NOT_ALLOWED",
        `"${p.value.slice(0, 200)}"${
          p.name ? ` (${p.name})` : ""
        } is not an absolute path; Resolve would resolve it against its own working directory`,
        `Give an absolute path inside one of the allowed folders: ${roots()}.`,
      );
    }
  }
  // Without TargetDir, Quick Export writes to Resolve's own default folder.
  if (method === "RenderWithQuickExport" && !found.some((p) => /^targetdir$/i.test(p.name ?? ""))) {
    fail(
      "PATH_NOT_ALLOWED",
      "RenderWithQuickExport without TargetDir would write to Resolve's default folder, which may be outside the allowed folders",
      `Give {"TargetDir": "<folder>"} in param_dict, a folder inside: ${roots()}.`,
    );
  }
  const written: string[] = [];
  for (const p of checked.filter((c) => c.setting)) {
    p.put(await checkPathSetting(ctx.paths, p.name ?? "setting", p.value));
  }
  const rest = checked.filter((c) => !c.setting);
  if (rest.length === 0) return { args, written };
  if (
    spec.effect === "read" ||
    /^(Import|Load|Restore|Relink|Replace|Link|Add|Apply|Set|Insert|Reveal)/.test(
      spec.signatures[0],
    )
  ) {
    const resolved = await ctx.paths.checkRead(rest.map((p) => p.value));
    rest.forEach((p, i) => p.put(resolved[i].path));
    return { args, written };
  }
  for (const p of rest) {
    const target = await ctx.paths.checkWrite(p.value);
    if (target.exists) {
      await confirmOverwrite(
        ctx,
        p.value,
        target,
        target.isDir
          ? `${cls}.${method} writes into the existing folder ${target.path}, replacing files of the same name there. Go ahead?`
          : `${cls}.${method} would overwrite ${target.path}. Overwrite it?`,
      );
    }
    p.put(target.path);
    written.push(target.path);
    // Resolve appends the extension ExportLUT needs: the file it writes may be another.
    if (method === "ExportLUT" && !target.isDir && !/\.(cube|vlt)$/i.test(target.path)) {
      const others = [`${target.path}.cube`, `${target.path}.vlt`];
      const other = await Promise.all(others.map((o) => ctx.paths.checkWrite(o)));
      const taken = other.filter((c) => c.exists).map((c) => c.path);
      if (taken.length) {
        await ctx.confirm(`${cls}.${method} would overwrite ${taken.join(" or ")}?`);
      }
      written.push(...others);
    }
  }
  return { args, written };
}
