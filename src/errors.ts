// One error shape for every tool: what failed, why, whether a retry can help, and what the
// user or the model can do next. Tools throw ToolError; the tool wrapper turns it into an
// `isError` result, so nothing a tool does can crash the server.

export interface ErrorInfo {
  /** Machine-readable code, e.g. PROJECT_EXISTS, RESOLVE_UNAVAILABLE, BRIDGE_TIMEOUT. */
  code: string;
  /** What went wrong, in one sentence. */
  message: string;
  /** What to do next (a tool to call, a setting to change). */
  hint?: string;
  /** True when the same call may succeed if simply retried. */
  retryable?: boolean;
}

export class ToolError extends Error implements ErrorInfo {
  code: string;
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

export function fail(code: string, message: string, hint?: string, retryable = false): never {
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
