// Pages of long lists, so a 10,000-item timeline cannot flood the client's context.
import { z } from "zod";
import { fail } from "../errors.ts";

export const pageInput = {
  cursor: z.string().max(64).optional().describe(
    "next_cursor of the previous page; omit for the first.",
  ),
  limit: z.number().int().min(1).max(500).optional().describe(
    "Page size. Default 100.",
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
  // "o<offset>", or "o<offset>.<listing token>" (src/resolve/listing.ts)
  const match = /^o(\d+)(?:\.[a-z0-9]{1,16})?$/.exec(cursor);
  const offset = match ? Number(match[1]) : NaN;
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
