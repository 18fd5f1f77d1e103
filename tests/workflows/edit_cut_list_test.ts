// An editor's day on the simulator: build a 10-event cut from a cut list written in source
// timecodes (apply_cut_list), trim one shot, move one, remove one (ripple_delete), insert one in
// the middle, then go back to the first checkpoint; after every step every item is compared
// with what an editor expects (a plain list of shots laid end to end, video over its audio,
// linked), and the graded, zoomed, coloured shot keeps its work throughout.
import { assert, assertEquals } from "../assert.ts";
import { withClient, withTempDir } from "../harness.ts";
import { assertDressed, dress, items, linkedOf, timecodedMovies } from "../tools/edit/edit.ts";

type Shot = { clip: string; in: number; out: number };

/** What an editor expects: the shots end to end on V1 and their audio on A1. */
function expected(shots: Shot[], clipIds: Record<string, string>) {
  const rows: string[] = [];
  let at = 0;
  for (const s of shots) {
    const len = s.out - s.in;
    for (const track of ["A1", "V1"]) {
      rows.push(`${track} ${at}-${at + len} ${clipIds[s.clip]} src ${s.in}-${s.out}`);
    }
    at += len;
  }
  return rows.sort();
}

const actual = (rows: Awaited<ReturnType<typeof items>>) =>
  rows.map((r) =>
    `${
      r.track_type[0].toUpperCase()
    }${r.track_index} ${r.start}-${r.end} ${r.clip_id} src ${r.source_start_frame}-${r.source_end_frame}`
  ).sort();

const startOf = (shots: Shot[], index: number) =>
  shots.slice(0, index).reduce((n, s) => n + s.out - s.in, 0);

/** The id that now carries `id`'s work after an edit's id_map. */
const follow = (id: string, map: Record<string, string[]>) => map[id]?.[0] ?? id;

// Clip frames from each clip's Start TC at 24 fps: "10:00:01:00" on A001 is frame 24.
const TC = { "A001.mp4": "10:00:00:00", "B001.mp4": "14:30:00:00", "C001.mp4": "02:00:00:00" };
const tc = (clip: keyof typeof TC, frame: number) => {
  const [h, m, s] = TC[clip].split(":").map(Number);
  const total = ((h * 60 + m) * 60 + s) * 24 + frame;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(Math.floor(total / 86400))}:${p(Math.floor(total / 1440) % 60)}:${
    p(Math.floor(total / 24) % 60)
  }:${p(total % 24)}`;
};

Deno.test("edit_cut_list: a cut list, trim, move, ripple delete, insert, and back to the first checkpoint", async () => {
  await withTempDir(async (dir) => {
    const paths = await timecodedMovies(dir, {
      "A001.mp4": ["10:00:00:00", 480],
      "B001.mp4": ["14:30:00:00", 480],
      "C001.mp4": ["02:00:00:00", 480],
    });
    const lut = `${dir}/LUT/Sample`;
    Deno.mkdirSync(lut, { recursive: true });
    Deno.writeTextFileSync(`${lut}/Warm.cube`, "LUT_3D_SIZE 2\n" + "0 0 0\n".repeat(8));
    await withClient({
      args: ["--allow-path", dir, "--toolsets", "all"],
      env: { RESOLVE_SIM_LUT_DIR: `${dir}/LUT` },
      elicit: "accept",
    }, async (t) => {
      await t.ok("create_project", { name: "Day 1" });
      const imported = await t.ok<{ clips: { name: string; id: string }[] }>("import_media", {
        paths,
      });
      const clipIds = Object.fromEntries(imported.clips.map((c) => [c.name, c.id]));
      const names = ["A001.mp4", "B001.mp4", "C001.mp4"] as const;
      let shots: Shot[] = Array.from({ length: 10 }, (_, i) => ({
        clip: names[i % 3],
        in: 24 * i + 6,
        out: 24 * i + 6 + 24 + 4 * i,
      }));
      const events = shots.map((s) => ({
        clip: s.clip,
        source_in: tc(s.clip as keyof typeof TC, s.in),
        source_out: tc(s.clip as keyof typeof TC, s.out),
      }));
      const built = await t.ok<{ placed: unknown[]; refused: unknown[]; checkpoint_id: null }>(
        "apply_cut_list",
        { name: "Cut", events },
      );
      assertEquals([built.placed.length, built.refused.length], [10, 0]);
      const check = async () =>
        assertEquals(actual(await items(t, "Cut")), expected(shots, clipIds));
      await check();

      // Shot 3 gets a zoom, a clip colour, a grade, a flag and a marker.
      let rows = await items(t, "Cut");
      const v1 = () => rows.filter((r) => r.track_type === "video");
      let graded = v1()[2].id;
      await dress(t, graded, 5);

      // 1. Trim shot 2's tail by 6 frames, rippling.
      const trim = await t.ok<{ checkpoint_id: string; id_map: Record<string, string[]> }>(
        "trim_item",
        { timeline: "Cut", item_id: v1()[1].id, edge: "end", by_frames: -6, ripple: true },
      );
      const first = trim.checkpoint_id;
      shots[1] = { ...shots[1], out: shots[1].out - 6 };
      await check();
      graded = follow(graded, trim.id_map);
      await assertDressed(t, graded, [5]);

      // 2. Move shot 5 (ripple) to after shot 8: it starts where shot 8 now ends.
      rows = await items(t, "Cut");
      const moving = shots[4];
      const order = [...shots.slice(0, 4), ...shots.slice(5, 8), moving, ...shots.slice(8)];
      const move = await t.ok<{ id_map: Record<string, string[]> }>("move_item", {
        timeline: "Cut",
        item_id: v1()[4].id,
        to_frame: startOf(order, 7),
        ripple: true,
      });
      shots = order;
      await check();
      graded = follow(graded, move.id_map);
      await assertDressed(t, graded, [5]);

      // 3. Remove shot 7 (now sixth), closing the gap.
      rows = await items(t, "Cut");
      const del = await t.ok<{ id_map: Record<string, string[]> }>("ripple_delete", {
        timeline: "Cut",
        item_ids: [v1()[5].id],
      });
      shots = [...shots.slice(0, 5), ...shots.slice(6)];
      await check();
      graded = follow(graded, del.id_map);

      // 4. Insert a C001 shot in the middle, between the fourth and fifth shots.
      const extra = { clip: "C001.mp4", in: 400, out: 430 };
      const ins = await t.ok<{ id_map: Record<string, string[]> }>("insert_clips", {
        timeline: "Cut",
        at_timecode: `01:00:${String(Math.floor(startOf(shots, 4) / 24)).padStart(2, "0")}:${
          String(startOf(shots, 4) % 24).padStart(2, "0")
        }`,
        clips: [{
          clip: "C001.mp4",
          source_in_timecode: tc("C001.mp4", extra.in),
          source_out_timecode: tc("C001.mp4", extra.out),
        }],
      });
      shots = [...shots.slice(0, 4), extra, ...shots.slice(4)];
      await check();
      graded = follow(graded, ins.id_map);
      await assertDressed(t, graded, [5]);
      // Every shot's video is linked to its own audio.
      rows = await items(t, "Cut");
      for (const v of v1()) {
        const a = rows.find((r) => r.track_type === "audio" && r.start === v.start)!;
        assertEquals(await linkedOf(t, v.id), [a.id], `links of the shot at ${v.start}`);
      }

      // 5. Back to the first checkpoint: the cut as built, shot 3 still dressed.
      const { checkpoints } = await t.ok<
        { checkpoints: { checkpoint_id: string; tool: string }[] }
      >(
        "list_checkpoints",
        { timeline: "Cut" },
      );
      // dressing the shot (a CDL, a LUT) saved checkpoints of its own
      const edits = checkpoints.filter((c) => c.tool !== "set_node" && c.tool !== "set_cdl")
        .reverse();
      assertEquals(edits.map((c) => c.tool), [
        "trim_item",
        "move_item",
        "ripple_delete",
        "insert_clips",
      ]);
      assertEquals(edits[0].checkpoint_id, first);
      const restored = await t.ok<{ checkpoint_id: string | null }>("restore_checkpoint", {
        checkpoint_id: first,
      });
      assert(restored.checkpoint_id, "the restore is itself checkpointed");
      shots = Array.from({ length: 10 }, (_, i) => ({
        clip: names[i % 3],
        in: 24 * i + 6,
        out: 24 * i + 6 + 24 + 4 * i,
      }));
      await check();
      rows = await items(t, "Cut");
      const { timelines } = await t.ok<{ timelines: { name: string; current: boolean }[] }>(
        "list_timelines",
        {},
      );
      if (!timelines.find((x) => x.name === "Cut")?.current) {
        await t.ok("switch_timeline", { timeline: "Cut" });
      }
      await assertDressed(t, v1()[2].id, [5]);
    });
  });
});
