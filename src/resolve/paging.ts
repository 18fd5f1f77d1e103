// Pages of long lists, so a 10,000-item timeline cannot flood the client's context.
import { z } from "zod";
import { fail } from "../errors.ts";

export const pageInput = {
  cursor: z.string().max(64).optional().describe(
    "Opaque cursor from a previous call's next_cursor, to get the next page. Omit for the first page.",
  ),
  limit: z.number().int().min(1).max(500).optional().describe(
    "Maximum number of entries in this page (1-500). Default: 100.",
  ),
};

export const pageOutput = {
  total: z.number().describe("Number of entries in the whole list."),
  next_cursor: z.string().nullable().describe(
    "Pass as cursor to get the next page; null when this page is the last.",
  ),
};

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor.startsWith("o") ? cursor.slice(1) : NaN);
  if (!Number.isInteger(offset) || offset < 0) {
    fail(
      "INVALID_CURSOR",
      `"${cursor}" is not a cursor this server gave out`,
      "Omit cursor to start from the first page.",
    );
  }
  return offset;
}

/** The slice [offset, offset+limit) of a list of `total` entries, and the next cursor. */
export function pageWindow(total: number, cursor?: string, limit = 100) {
  const offset = decodeCursor(cursor);
  const end = Math.min(total, offset + limit);
  return { offset, end, next_cursor: end < total ? `o${end}` : null, total };
}
