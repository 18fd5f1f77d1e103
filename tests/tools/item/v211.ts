// Helpers for the Resolve 21.1 item and timeline tests: a timeline "Handles" of two pieces of
// a.mp4 (source 24-47 and 24-71) butted at a cut, so both keep unused media at the edit.
import type { TestClient } from "../../harness.ts";
import type { Fixture } from "../../fixture.ts";

export type Row = {
  id: string;
  name: string;
  track_type: string;
  track_index: number;
  start: number;
  end: number;
  duration: number;
};

export const OLD = { RESOLVE_SIM_VERSION: "21.0.4.5" };

export async function items(t: TestClient, timeline?: string): Promise<Row[]> {
  const r = await t.ok<{ items: Row[] }>("list_timeline_items", timeline ? { timeline } : {});
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
