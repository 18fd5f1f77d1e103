// Confirmations only the user can give. A client that can show a form (elicitation) asks the
// user at every destructive step, whatever the arguments say, and a "no" is final. Without
// one, the server hands out a one-time token bound to the tool, its arguments and the session:
// the model must show the user what will happen and pass the token back only if they agreed.
// With --no-unattended-destructive such steps are refused instead.
import { ToolError } from "./errors.ts";
import type { Server } from "./mcp_server.ts";

/** The input every confirming tool gets (added by the tool wrapper, src/tool.ts). */
export const TOKEN_FIELD = "confirmation_token";
export const TOKEN_TTL_MS = 5 * 60_000;
/** A person may take a while to answer; the call is cancelled with the request anyway. */
const ELICIT_TIMEOUT_MS = 10 * 60_000;
/** Tokens kept per session: a model looping on refusals cannot grow the store. */
const MAX_TOKENS = 64;

interface Pending {
  tool: string;
  digest: string;
  questions: string[];
  expires: number;
}

export type Redeemed =
  | { ok: true; questions: string[] }
  | { ok: false; reason: "unknown" | "expired" | "other_tool" | "other_arguments" };

/** One session's outstanding tokens (random, valid once, for a few minutes). */
export class ConfirmationTokens {
  #pending = new Map<string, Pending>();

  constructor(readonly ttlMs = TOKEN_TTL_MS, private readonly now: () => number = Date.now) {}

  issue(tool: string, digest: string, questions: string[]): string {
    const t = this.now();
    for (const [k, p] of this.#pending) if (p.expires <= t) this.#pending.delete(k);
    while (this.#pending.size >= MAX_TOKENS) {
      this.#pending.delete(this.#pending.keys().next().value!);
    }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const token = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    this.#pending.set(token, { tool, digest, questions, expires: t + this.ttlMs });
    return token;
  }

  /** Takes a token out whatever the outcome (used once), with the questions it confirms. */
  redeem(token: string, tool: string, digest: string): Redeemed {
    const p = this.#pending.get(token);
    this.#pending.delete(token);
    if (!p) return { ok: false, reason: "unknown" };
    if (p.expires <= this.now()) return { ok: false, reason: "expired" };
    if (p.tool !== tool) return { ok: false, reason: "other_tool" };
    if (p.digest !== digest) return { ok: false, reason: "other_arguments" };
    return { ok: true, questions: p.questions };
  }
}

/** JSON with object keys sorted, so equal arguments give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(
    value ?? null,
    (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/** SHA-256 (hex) of the canonical JSON of the arguments minus the token. */
export async function argsDigest(args: Record<string, unknown>): Promise<string> {
  const { [TOKEN_FIELD]: _token, ...rest } = args;
  const hash = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(canonicalJson(rest)),
  );
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0")).join("");
}

export type Answer = "accept" | "decline" | "cancel";

export interface ConfirmPolicy {
  /** Asks the user through a form; absent when the client cannot show one. */
  ask?: (question: string) => Promise<Answer>;
  /** This session's tokens. */
  tokens: ConfirmationTokens;
  /** --no-unattended-destructive: refuse what only a token from the model could confirm. */
  refuseUnattended: boolean;
}

/** True if the client declared form elicitation (an empty `elicitation: {}` means form). */
export function canElicitForm(capabilities: { elicitation?: object } | undefined): boolean {
  const e = capabilities?.elicitation as Record<string, unknown> | undefined;
  return Boolean(e && (e.form || Object.keys(e).length === 0));
}

/** Asks the user one yes/no question through form elicitation. */
export async function elicitConfirmation(
  server: Server,
  question: string,
  signal: AbortSignal,
): Promise<Answer> {
  const answer = await server.elicitInput({
    mode: "form",
    message: question,
    requestedSchema: {
      type: "object",
      properties: { confirm: { type: "boolean", title: "Confirm", description: question } },
      required: ["confirm"],
    },
  }, { signal, timeout: ELICIT_TIMEOUT_MS });
  if (answer.action === "accept") return answer.content?.confirm === true ? "accept" : "decline";
  return answer.action;
}

const REASONS = {
  unknown: "not one this session issued, or already used",
  expired: "expired",
  other_tool: "for another tool",
  other_arguments: "for other arguments",
};

/**
 * ctx.confirm for one tool call. Each question is asked of the user (elicitation), or must be
 * covered by the token the call carries; a token confirms the questions it was issued for.
 */
export function callConfirmer(
  policy: ConfirmPolicy,
  tool: string,
  args: Record<string, unknown>,
): (question: string) => Promise<void> {
  const token = args[TOKEN_FIELD];
  const confirmed: string[] = []; // questions already confirmed in this call
  let approved: string[] | undefined;
  let redeemed = false;
  const retry = (questions: string[], fresh: string) =>
    `Show the user what will happen (${
      questions.join(" ")
    }) and ask them. Only if they agree, call ${tool} again with the same arguments plus ${TOKEN_FIELD}: "${fresh}" (valid once, for ${
      Math.round(policy.tokens.ttlMs / 60_000)
    } minutes, for these exact arguments). If they do not agree, do not call it again.`;
  return async (question) => {
    if (policy.ask) {
      let answer: Answer;
      try {
        answer = await policy.ask(question);
      } catch (e) {
        throw new ToolError({
          code: "CONFIRMATION_FAILED",
          message: `could not ask the user "${question}" (${
            (e as Error)?.message ?? e
          }); nothing was changed`,
          hint:
            "Tell the user the confirmation could not be shown. Do not call this again unless the user asks for it.",
        });
      }
      if (answer === "accept") return;
      throw new ToolError({
        code: "USER_DECLINED",
        message: `the user ${
          answer === "cancel" ? "dismissed" : "declined"
        } "${question}"; nothing was changed`,
        hint:
          "The user said no: do not call this again, or try another way to do it, unless the user asks for it again.",
      });
    }
    if (policy.refuseUnattended) {
      throw new ToolError({
        code: "DESTRUCTIVE_REFUSED",
        message:
          `${question} This needs the user's confirmation, which this client cannot ask for (no form elicitation), and the server refuses such steps (--no-unattended-destructive); nothing was changed.`,
        hint:
          "Tell the user: do this in DaVinci Resolve itself, use an MCP client that supports elicitation, or restart the server without --no-unattended-destructive.",
      });
    }
    const digest = await argsDigest(args);
    if (typeof token === "string" && !redeemed) {
      redeemed = true;
      const result = policy.tokens.redeem(token, tool, digest);
      if (!result.ok) {
        const fresh = policy.tokens.issue(tool, digest, [question]);
        throw new ToolError({
          code: "CONFIRMATION_INVALID",
          message: `the ${TOKEN_FIELD} is ${
            REASONS[result.reason]
          }, so it confirms nothing; nothing was changed. ${question}`,
          hint: retry([question], fresh),
        });
      }
      approved = result.questions;
    }
    if (approved?.includes(question)) {
      confirmed.push(question);
      return;
    }
    const questions = [...confirmed, question];
    const fresh = policy.tokens.issue(tool, digest, questions);
    throw new ToolError({
      code: "CONFIRMATION_REQUIRED",
      message: `${questions.join(" ")} This needs the user's confirmation; nothing was changed.`,
      hint: retry(questions, fresh),
    });
  };
}
