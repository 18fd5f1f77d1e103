// Helpers for the edit toolset's tests: an item dressed with work (a zoom, a clip colour, a
// grade with a CDL and a LUT, a flag and a marker), read back after each edit.
import { assert, assertEquals } from "../../assert.ts";
import type { TestClient } from "../../harness.ts";

export type Row = {
  id: string;
  name: string;
  track_type: string;
  track_index: number;
  start: number;
  end: number;
  source_start_frame: number | null;
  source_end_frame: number | null;
  clip_id: string | null;
};

export async function items(t: TestClient, timeline?: string): Promise<Row[]> {
  const { items } = await t.ok<{ items: Row[] }>("list_timeline_items", {
    limit: 500,
    fields: ["name", "record", "source"],
    ...(timeline ? { timeline } : {}),
  });
  return items.sort((a, b) =>
    a.track_type.localeCompare(b.track_type) || a.track_index - b.track_index ||
    a.start - b.start
  );
}

/** "V1 0-96 src 0-96" rows: what an editor reads off the timeline. */
export const layout = (rows: Row[]) =>
  rows.map((r) =>
    `${
      r.track_type[0].toUpperCase()
    }${r.track_index} ${r.start}-${r.end} src ${r.source_start_frame}-${r.source_end_frame}`
  );

/** Gives a video item a 1.2 zoom, clip colour Orange, a CDL + Warm LUT grade, a flag, a marker. */
export async function dress(t: TestClient, id: string, markerAt = 10) {
  await t.ok("set_item_properties", {
    item_id: id,
    properties: { ZoomX: 1.2, ZoomY: 1.2 },
    clip_color: "Orange",
  });
  await t.ok("set_cdl", { item_id: id, slope: [1.1, 1, 0.9], saturation: 0.8 });
  const lut = { item_id: id, node_index: 1, lut: "Sample/Warm.cube" };
  const asked = await t.call("set_node", lut);
  if (asked.isError) await t.confirmed("set_node", lut);
  await t.ok("set_item_flags", { item_id: id, add: ["Blue"] });
  await t.ok("add_item_marker", { item_id: id, frame: markerAt, color: "Red", name: "note" });
}

/** Asserts that a video item carries what dress gave it. */
export async function assertDressed(t: TestClient, id: string, markers?: number[]) {
  const p = await t.ok<{
    properties: Record<string, unknown>;
    clip_color: string;
    flags: string[];
    linked_item_ids: string[];
  }>("get_item_properties", { item_id: id });
  assertEquals(p.properties.ZoomX, 1.2, `ZoomX of ${id}`);
  assertEquals(p.clip_color, "Orange", `clip colour of ${id}`);
  assertEquals(p.flags, ["Blue"], `flags of ${id}`);
  const { nodes } = await t.ok<{ nodes: { lut: string; tools: string[] }[] }>("list_nodes", {
    item_id: id,
  });
  assertEquals(nodes[0].lut, "Sample/Warm.cube", `LUT of ${id}`);
  assert(nodes[0].tools.includes("CDL"), `CDL of ${id}: ${nodes[0].tools}`);
  if (markers) {
    const { markers: got } = await t.ok<{ markers: { frame: number; name: string }[] }>(
      "list_item_markers",
      { item_id: id },
    );
    assertEquals(got.map((m) => m.frame), markers, `markers of ${id}`);
  }
}

/** The linked ids of an item. */
export async function linkedOf(t: TestClient, id: string): Promise<string[]> {
  const p = await t.ok<{ linked_item_ids: string[] }>("get_item_properties", { item_id: id });
  return p.linked_item_ids;
}

export const codeOf = (text: string) => /Error ([A-Z_]+):/.exec(text)?.[1];

/** Writes timecoded movies: name -> [Start TC, frames], 24 fps with audio. */
export async function timecodedMovies(dir: string, movies: Record<string, [string, number]>) {
  const spec = JSON.stringify(movies);
  const out = await new Deno.Command("python3", {
    args: [
      "-c",
      "import sys, json; sys.path.insert(0, sys.argv[1] + 'bridge/simulator'); import sim_testmedia as m\n" +
      "for name, (tc, n) in json.loads(sys.argv[3]).items(): m.write_mp4(sys.argv[2] + '/' + name, 160, 90, 24, n, with_audio=True, timecode=tc)",
      new URL("../../../", import.meta.url).pathname,
      dir,
      spec,
    ],
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return Object.keys(movies).map((n) => `${dir}/${n}`);
}
