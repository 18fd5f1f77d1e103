// Helpers for the Resolve 21.1 item and timeline tests: a timeline "Handles" of two pieces of
// a.mp4 (source 24-47 and 24-71) butted at a cut, so both keep unused media at the edit.
import { assertMatch } from "../../assert.ts";
import type { ServerOptions, TestClient } from "../../harness.ts";
import { type Fixture, withFixture } from "../../fixture.ts";
import type { Item } from "../timeline/timeline.ts";

/** A row of list_timeline_items, as far as these tests read it. */
export type Row = Pick<
  Item,
  "id" | "name" | "track_type" | "track_index" | "start" | "end" | "duration"
>;

export const OLD = { RESOLVE_SIM_VERSION: "21.0.4.5" };

/** On Resolve 21.0 (OLD), `tool` with the arguments `args` builds from the fixture edit answers
 * VERSION_UNSUPPORTED. */
export function refusedOn210(
  tool: string,
  args: (f: Fixture) => Record<string, unknown> = () => ({}),
  client: Pick<ServerOptions, "elicit"> = {},
): Promise<void> {
  return withFixture(
    async (t, f) => {
      assertMatch(await t.error(tool, args(f)), /VERSION_UNSUPPORTED/);
    },
    OLD,
    client,
  );
}

export async function items(t: TestClient, timeline?: string): Promise<Row[]> {
  const r = await t.ok<{ items: Row[] }>("list_timeline_items", {
    fields: ["name", "record", "source"],
    ...(timeline ? { timeline } : {}),
  });
  return r.items;
}

export const onTrack = (rows: Row[], type: string, index = 1) =>
  rows.filter((r) => r.track_type === type && r.track_index === index)
    .sort((a, b) => a.start - b.start);

export async function handlesTimeline(t: TestClient, f: Fixture) {
  await t.ok("create_timeline_from_clips", {
    name: "Handles",
    clips: [
      { clip: f.clips[0], start_frame: 24, end_frame: 47 },
      { clip: f.clips[0], start_frame: 24, end_frame: 71 },
    ],
  });
  const rows = await items(t, "Handles");
  return { video: onTrack(rows, "video"), audio: onTrack(rows, "audio") };
}
