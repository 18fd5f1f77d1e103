// Helpers shared by the render tool tests.
import { assert, assertMatch } from "../../assert.ts";
import type { TestClient } from "../../harness.ts";

export type Job = Record<string, unknown>;
export type Status = {
  job_id: string;
  status: string;
  completion: number;
  output_path: string;
  error: string | null;
};

/** The confirmation token a CONFIRMATION_REQUIRED refusal hands out. */
export function tokenOf(refusal: string): string {
  const token = /confirmation_token: "([0-9a-f]+)"/.exec(refusal)?.[1];
  assert(token, `no token in: ${refusal}`);
  return token;
}

/** Calls a tool that asks for confirmation, then again with its token (the user agreed). */
export async function confirmed(t: TestClient, name: string, args: Record<string, unknown> = {}) {
  const refusal = await t.error(name, args);
  assertMatch(refusal, /CONFIRMATION_REQUIRED/);
  return await t.ok(name, { ...args, confirmation_token: tokenOf(refusal) });
}

export const exists = (path: string) => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};
