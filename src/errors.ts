// One error shape for every tool: what failed, why, whether a retry can help, and what the
// user or the model can do next. Tools throw ToolError; the tool wrapper turns it into an
// `isError` result, so nothing a tool does can crash the server.

/** Codes the server's own code raises (tools, paths, confirmations, the bridge client). */
export type ServerErrorCode =
  | "ADD_TRACK_REFUSED"
  | "AI_FEATURE_REFUSED"
  | "ALBUM_EXISTS"
  | "ALBUM_NOT_FOUND"
  | "ALBUM_REFUSED"
  | "AMBIGUOUS_ALBUM"
  | "AMBIGUOUS_CLIP"
  | "ANALYSIS_FAILED"
  | "ARRI_CDL_REFUSED"
  | "ASSIGN_REFUSED"
  | "AT_ROOT"
  | "BAD_EXTENSION"
  | "BAD_MAPPING"
  | "BEFORE_START"
  | "BIN_NOT_FOUND"
  | "BIN_REFUSED"
  | "BRIDGE_CRASHED"
  | "BRIDGE_TIMEOUT"
  | "BURN_IN_PRESET_NOT_FOUND"
  | "CANCELLED"
  | "CDL_REFUSED"
  | "CHANGE_REFUSED"
  | "CLIP_NOT_FOUND"
  | "CLOSE_FAILED"
  | "CLOUD_CREATE_FAILED"
  | "CLOUD_IMPORT_FAILED"
  | "CLOUD_PROJECT_NOT_FOUND"
  | "COMP_EXISTS"
  | "COMP_NOT_FOUND"
  | "COMP_REFUSED"
  | "CONFIRMATION_FAILED"
  | "CONFIRMATION_INVALID"
  | "CONFIRMATION_REQUIRED"
  | "COPY_REFUSED"
  | "CREATE_FAILED"
  | "DANGLING_LINK"
  | "DATABASE_NOT_FOUND"
  | "DECODE_FAILED"
  | "DELETE_FAILED"
  | "DELETE_REFUSED"
  | "DESTRUCTIVE_REFUSED"
  | "DETECTION_FAILED"
  | "DRX_REFUSED"
  | "DUPLICATE_REFUSED"
  | "EXPORT_FAILED"
  | "FILE_NOT_FOUND"
  | "FLAG_REFUSED"
  | "FOLDER_ACTION_FAILED"
  | "FOLDER_EXISTS"
  | "FOLDER_NOT_FOUND"
  | "FOLDER_NOT_WRITABLE"
  | "FORMAT_REFUSED"
  | "GROUP_EXISTS"
  | "GROUP_NOT_FOUND"
  | "GROUP_REFUSED"
  | "HARD_LINKED"
  | "IMPORT_FAILED"
  | "INSERT_FAILED"
  | "INSERT_REFUSED"
  | "INTERNAL_ERROR"
  | "INVALID_ARGUMENTS"
  | "INVALID_CURSOR"
  | "INVALID_MOVE"
  | "INVALID_PATH"
  | "INVALID_PATTERN"
  | "INVALID_TIMECODE"
  | "ITEM_NOT_FOUND"
  | "JOB_NOT_FOUND"
  | "JOB_REFUSED"
  | "KEYFRAME_MODE_REFUSED"
  | "LABEL_REFUSED"
  | "LINK_REFUSED"
  | "LOAD_FAILED"
  | "LUT_NOT_FOUND"
  | "MARKER_EXISTS"
  | "MARKER_NOT_FOUND"
  | "MARKER_REFUSED"
  | "MARKS_REFUSED"
  | "MATTES_REFUSED"
  | "MATTE_NOT_FOUND"
  | "MODE_REFUSED"
  | "MONITOR_REFUSED"
  | "MOVE_REFUSED"
  | "NEST_REFUSED"
  | "NODE_NOT_FOUND"
  | "NODE_REFUSED"
  | "NOTHING_ADDED"
  | "NOTHING_IMPORTED"
  | "NOTHING_PLACED"
  | "NOTHING_TO_CHANGE"
  | "NOTHING_TO_GRAB"
  | "NOT_AUDIO_ITEM"
  | "NOT_A_DRX"
  | "NOT_A_FOLDER"
  | "NOT_A_STILL_ALBUM"
  | "NOT_A_TAKE_SELECTOR"
  | "NOT_A_VIDEO_ITEM"
  | "NOT_RENDERING"
  | "NO_ALLOWED_ROOTS"
  | "NO_AUDIO"
  | "NO_CURRENT_ALBUM"
  | "NO_GALLERY"
  | "NO_GRAPH"
  | "NO_ITEMS"
  | "NO_JOBS"
  | "NO_MARKERS"
  | "NO_MEDIA_POOL"
  | "NO_NODE_GRAPH"
  | "NO_PROJECT"
  | "NO_STILLS"
  | "NO_SUCH_DIRECTORY"
  | "NO_THUMBNAIL"
  | "NO_TIMELINE"
  | "NO_VIDEO_AT_FRAME"
  | "OUTSIDE_ITEM"
  | "OUT_OF_RANGE"
  | "PAGE_REFUSED"
  | "PATH_CHANGED"
  | "PATH_ESCAPED"
  | "PATH_IS_FOLDER"
  | "PLAYHEAD_REFUSED"
  | "PRESET_ACTION_FAILED"
  | "PRESET_EXISTS"
  | "PRESET_NOT_FOUND"
  | "PRESET_REFUSED"
  | "PROCESS_FAILED"
  | "PROJECT_CHANGED"
  | "PROJECT_EXISTS"
  | "PROJECT_NOT_FOUND"
  | "PROJECT_OPEN"
  | "PROPERTY_REFUSED"
  | "PROXY_REFUSED"
  | "PYTHON_NOT_FOUND"
  | "QUICK_EXPORT_FAILED"
  | "READ_ONLY_SETTING"
  | "REFRESH_FAILED"
  | "RELINK_FAILED"
  | "RENAME_FAILED"
  | "RENAME_REFUSED"
  | "RENDER_CANCELLED"
  | "RENDER_FAILED"
  | "RENDER_IN_PROGRESS"
  | "RENDER_REFUSED"
  | "REPLACE_REFUSED"
  | "RESET_FAILED"
  | "RESET_REFUSED"
  | "RESOLVE_CONNECTION_LOST"
  | "REVEAL_REFUSED"
  | "SAVE_FAILED"
  | "SEEK_FAILED"
  | "SELECT_REFUSED"
  | "SETTINGS_REFUSED"
  | "SETTING_REFUSED"
  | "SET_CURRENT_REFUSED"
  | "SPEECH_FAILED"
  | "STEREO_REFUSED"
  | "STILL_NOT_FOUND"
  | "STUDIO_REQUIRED"
  | "SWITCH_FAILED"
  | "SWITCH_REFUSED"
  | "SYNC_FAILED"
  | "TAG_REFUSED"
  | "TAKE_NOT_FOUND"
  | "TAKE_REFUSED"
  | "TAKE_SELECTED"
  | "TIMELINE_EXISTS"
  | "TIMELINE_NOT_FOUND"
  | "TIMELINE_SWITCH_FAILED"
  | "TOO_MANY_TILES"
  | "TRACK_CHANGE_REFUSED"
  | "TRACK_NOT_FOUND"
  | "TRACK_REFUSED"
  | "UNKNOWN_CODEC"
  | "UNKNOWN_FORMAT"
  | "UNKNOWN_RATE"
  | "UNKNOWN_RESOURCE"
  | "UNKNOWN_SETTING"
  | "UNLINK_REFUSED"
  | "UNSAFE_FOLDER"
  | "UNSUPPORTED_ACTION"
  | "UNSUPPORTED_FORMAT"
  | "UNSUPPORTED_THUMBNAIL"
  | "UPDATE_REFUSED"
  | "USER_DECLINED"
  | "VERSION_ACTIVE"
  | "VERSION_EXISTS"
  | "VERSION_NOT_FOUND"
  | "VERSION_REFUSED"
  | "VOICE_ISOLATION_REFUSED"
  | "WRONG_PAGE";

/** Codes the Python bridge (bridge/*.py) and the in-app bridge send back. */
export type BridgeErrorCode =
  | "AUTH_FAILED"
  | "BAD_ARGUMENTS"
  | "BAD_CONSTANT"
  | "BAD_HANDSHAKE"
  | "BAD_JSON"
  | "BAD_REFERENCE"
  | "BAD_REQUEST"
  | "BAD_STILL"
  | "BRIDGE_ERROR"
  | "BUSY"
  | "INAPP_AUTH_FAILED"
  | "INAPP_BUSY"
  | "INAPP_NOT_INSTALLED"
  | "INAPP_OUTDATED"
  | "INAPP_UNAVAILABLE"
  | "INSTALL_FAILED"
  | "METHOD_NOT_ALLOWED"
  | "METHOD_UNAVAILABLE"
  | "MODULE_NOT_FOUND"
  | "NOT_AN_OBJECT"
  | "NOT_CONNECTED"
  | "NOT_INAPP"
  | "PATH_NOT_ALLOWED"
  | "READ_ONLY"
  | "REFUSED"
  | "RESOLVE_EXCEPTION"
  | "RESOLVE_UNAVAILABLE"
  | "STILL_TOO_LARGE"
  | "UNKNOWN_HANDLE"
  | "UNREACHABLE"
  | "UNSERIALISABLE";

/** Every error code a client can see: one closed set, so a typo is a type error. */
export type ErrorCode = ServerErrorCode | BridgeErrorCode;

export interface ErrorInfo {
  /** Machine-readable code, e.g. PROJECT_EXISTS, RESOLVE_UNAVAILABLE, BRIDGE_TIMEOUT. */
  code: ErrorCode;
  /** What went wrong, in one sentence. */
  message: string;
  /** What to do next (a tool to call, a setting to change). */
  hint?: string;
  /** True when the same call may succeed if simply retried. */
  retryable?: boolean;
}

export class ToolError extends Error implements ErrorInfo {
  code: ErrorCode;
  hint?: string;
  retryable: boolean;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.code = info.code;
    this.hint = info.hint;
    this.retryable = info.retryable ?? false;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, hint: this.hint, retryable: this.retryable };
  }
}

export function fail(code: ErrorCode, message: string, hint?: string, retryable = false): never {
  throw new ToolError({ code, message, hint, retryable });
}

/** Renders an error for the model: the message, then what to do. */
export function errorText(info: ErrorInfo): string {
  const lines = [`Error ${info.code}: ${info.message}`];
  if (info.hint) lines.push(`What to do: ${info.hint}`);
  lines.push(info.retryable ? "Retrying may help." : "Retrying the same call will not help.");
  return lines.join("\n");
}

/** Lists a few names for an error message without flooding the context. */
export function someNames(names: string[], limit = 20): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, limit).map((n) => JSON.stringify(n)).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}
