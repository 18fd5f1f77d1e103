// Listings that page over lists the bridge keeps: the first page names the listing (a token
// carried in every next_cursor), each list of it (a track's items, a bin's clips) is fetched
// from Resolve once for all its pages, and any change in Resolve makes the bridge forget it
// (the next page then fetches it again, so a page never shows stale items).
import { decodeCursor } from "./paging.ts";
import type { ResolveSession } from "./session.ts";
import {
  type BatchCall,
  type Handle,
  kept,
  lengthOf,
  mapCall,
  type MapMethod,
  pickCall,
  ref,
} from "./wire.ts";

const TOKEN = /^o\d+\.([a-z0-9]{1,16})$/;
const PREFIX = Math.floor(Math.random() * 36 ** 3).toString(36);
let counter = 0;

/** The offset and listing token of a cursor (a new token on a first page). */
export function listingCursor(cursor: string | undefined): { offset: number; token: string } {
  const offset = decodeCursor(cursor);
  const token = cursor === undefined ? undefined : TOKEN.exec(cursor)?.[1];
  return { offset, token: token ?? `${PREFIX}${(counter++).toString(36)}` };
}

/** One list of a listing: `target.method(...args)`, kept by the bridge under `key`. */
export interface ListSource {
  key: string;
  target: Handle;
  method: string;
  args?: unknown[];
}

export interface ListPage {
  offset: number;
  end: number;
  total: number;
  next_cursor: string | null;
  /** The page's rows: the mapped methods' values for each entry. */
  rows: unknown[][];
  /** For each row, the index of its source (e.g. its track). */
  sources: number[];
  /** Entries of each source (after the filter, for filteredListPage). */
  lengths: number[];
}

const keep = (token: string, s: ListSource) =>
  kept(`${token}:${s.key}`, s.target, s.method, ...(s.args ?? []));

/**
 * One page across several lists, as if they were one list, in two round trips: the lists'
 * lengths, then `methods` on the page's slice of each (answered from the kept lists).
 */
export async function listPage(
  resolve: ResolveSession,
  sources: ListSource[],
  cursor: string | undefined,
  limit: number | undefined,
  methods: MapMethod[],
): Promise<ListPage> {
  const { offset, token } = listingCursor(cursor);
  const counted = sources.length
    ? await resolve.batch(sources.flatMap((s, i) => [keep(token, s), lengthOf(ref(2 * i))]))
    : [];
  const lengths = sources.map((_, i) => Number(counted[2 * i + 1]) || 0);
  return await windowPage(
    resolve,
    token,
    sources,
    lengths,
    offset,
    limit,
    (list, _i, from, to) => mapCall(list, methods, [from, to]),
  );
}

/**
 * Like listPage, for the entries of the lists that pass a test of one value each (e.g. the
 * clips whose name contains a text): the test values of every entry, then the page's rows.
 */
export async function filteredListPage(
  resolve: ResolveSession,
  sources: ListSource[],
  cursor: string | undefined,
  limit: number | undefined,
  test: MapMethod,
  keepEntry: (value: unknown) => boolean,
  methods: MapMethod[],
): Promise<ListPage> {
  const { offset, token } = listingCursor(cursor);
  const tested = sources.length
    ? await resolve.batch(
      sources.flatMap((s, i) => [keep(token, s), mapCall(ref(2 * i), [test])]),
    )
    : [];
  const chosen = sources.map((_, i) =>
    ((tested[2 * i + 1] as unknown[][]) ?? []).flatMap(([v], k) => keepEntry(v) ? [k] : [])
  );
  return await windowPage(
    resolve,
    token,
    sources,
    chosen.map((c) => c.length),
    offset,
    limit,
    (list, i, from, to) => pickCall(list, methods, chosen[i].slice(from, to)),
  );
}

/**
 * The page [offset, offset + limit) of the lists taken one after another, each of
 * `lengths[i]` entries: `window` reads entries [from, to) of the kept list i, in one round trip.
 */
async function windowPage(
  resolve: ResolveSession,
  token: string,
  sources: ListSource[],
  lengths: number[],
  offset: number,
  limit: number | undefined,
  window: (list: ReturnType<typeof ref>, i: number, from: number, to: number) => BatchCall,
): Promise<ListPage> {
  const total = lengths.reduce((a, b) => a + b, 0);
  const end = Math.min(total, offset + (limit ?? 100));
  const calls: BatchCall[] = [];
  const owners: number[] = [];
  let first = 0;
  sources.forEach((s, i) => {
    const from = Math.max(offset, first) - first;
    const to = Math.min(end, first + lengths[i]) - first;
    if (from < to) {
      calls.push(keep(token, s));
      calls.push(window(ref(calls.length - 1), i, from, to));
      owners.push(i);
    }
    first += lengths[i];
  });
  const results = calls.length ? await resolve.batch(calls) : [];
  const rows: unknown[][] = [];
  const of: number[] = [];
  owners.forEach((owner, k) => {
    for (const row of (results[2 * k + 1] as unknown[][]) ?? []) {
      rows.push(row);
      of.push(owner);
    }
  });
  return {
    offset,
    end,
    total,
    next_cursor: end < total ? `o${end}.${token}` : null,
    rows,
    sources: of,
    lengths,
  };
}

/** A compact text table: a header line, then one line per row, cells joined by " | ". */
export function textTable(header: string[], rows: string[][]): string {
  return [header.join(" | "), ...rows.map((r) => r.join(" | "))].join("\n");
}

/** A cell no longer than `max` characters (an ellipsis marks the cut), with no "|" or newline. */
export function cell(value: unknown, max = 24): string {
  const text = String(value ?? "").replace(/[|\n\r]/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
