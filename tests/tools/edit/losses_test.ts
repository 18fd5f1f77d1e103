// What cannot be carried over is never dropped silently: a grade Resolve cannot export (the
// Color page's Gallery panel closed) refuses the edit with EDIT_LOSSES before anything changes,
// unless accept_losses was given; then the loss is listed in the result.
import { assert, assertEquals } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { codeOf, dress, items, layout } from "./edit.ts";

Deno.test("split_item: a grade that cannot be exported refuses the edit (EDIT_LOSSES); accept_losses lists it", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 10);
    const before = await items(t);
    const text = await t.error("split_item", { item_id: f.video[0], at_frame: 48 });
    assertEquals(codeOf(text), "EDIT_LOSSES");
    assert(/grade/.test(text), text);
    assertEquals(await items(t), before, "nothing changed");
    const r = await t.ok<{ losses: { item: string; what: string }[]; checkpoint_id: string }>(
      "split_item",
      { item_id: f.video[0], at_frame: 48, accept_losses: true },
    );
    assertEquals(r.losses.map((l) => [l.item, l.what]), [[f.video[0], "grade"]]);
    assert(r.checkpoint_id);
    assertEquals(layout(await items(t)).length, 5);
  }, { RESOLVE_SIM_GALLERY_PANEL: "0" });
});

Deno.test("split_item: Fusion comps and a disabled state are carried to both halves", async () => {
  await withFixture(async (t, f) => {
    await t.ok("manage_fusion_comps", { item_id: f.video[0], action: "add" });
    await t.ok("manage_fusion_comps", {
      item_id: f.video[0],
      action: "rename",
      name: "Composition 1",
      new_name: "Glow",
    });
    await t.ok("set_item_properties", { item_id: f.video[0], enabled: false });
    const r = await t.ok<{ id_map: Record<string, string[]>; losses: unknown[] }>("split_item", {
      item_id: f.video[0],
      at_frame: 30,
      include_linked: false,
    });
    assertEquals(r.losses, []);
    for (const id of r.id_map[f.video[0]]) {
      const { comps } = await t.ok<{ comps: { name: string }[] }>("list_fusion_comps", {
        item_id: id,
      });
      assertEquals(comps.map((c) => c.name), ["Glow"]);
      const p = await t.ok<{ enabled: boolean }>("get_item_properties", { item_id: id });
      assertEquals(p.enabled, false);
    }
  });
});

Deno.test("split_item: on 21.1 the fade-in stays on the left half and the fade-out on the right; a retimed item keeps its speed", async () => {
  await withFixture(async (t, f) => {
    await t.ok("set_fades", { item_ids: [f.video[0]], fade_in: 6, fade_out: 8 });
    const r = await t.ok<{ id_map: Record<string, string[]>; losses: unknown[] }>("split_item", {
      item_id: f.video[0],
      at_frame: 48,
    });
    assertEquals(r.losses, []);
    const [left, right] = r.id_map[f.video[0]];
    // Read back by setting each half's own fade again: the other fade comes back as it is.
    type Fades = { items: { fade_in_frames: number; fade_out_frames: number }[] };
    const l = await t.ok<Fades>("set_fades", { item_ids: [left], fade_in: 6 });
    const rr = await t.ok<Fades>("set_fades", { item_ids: [right], fade_out: 8 });
    assertEquals([l.items[0].fade_out_frames, rr.items[0].fade_in_frames], [0, 0]);
    // a retimed item the ripple moves keeps its speed (carried on 21.1, read back)
    await t.ok("set_speed", { item_ids: [f.video[1]], percentage: 50 });
    const d = await t.confirmed<{ id_map: Record<string, string[]>; losses: unknown[] }>(
      "ripple_delete",
      { item_ids: [left], include_linked: false },
    );
    assertEquals(d.losses, []);
    const [still] = d.id_map[f.video[1]];
    const s = await t.ok<{ items: { speed_before: number }[] }>("set_speed", {
      item_ids: [still],
      percentage: 50,
    });
    assertEquals(s.items[0].speed_before, 50);
  }, { RESOLVE_SIM_VERSION: "21.1.0" });
});

Deno.test("overwrite_clips: adds the track it needs; a grade hidden under a higher track cannot be carried (EDIT_LOSSES)", async () => {
  await withFixture(async (t, f) => {
    await dress(t, f.video[0], 10);
    const r = await t.ok<{ notes: string[] }>("overwrite_clips", {
      at_frame: 0,
      track_index: 2,
      clips: [{ clip: f.clips[1], source_out_frame: 96 }],
      tracks: ["V2"],
    });
    assert(r.notes.some((n) => /more video track/.test(n)), r.notes.join(" "));
    assertEquals(layout(await items(t)), [
      "A1 0-96 src 0-96",
      "V1 0-96 src 0-96",
      "V1 96-216 src 0-120",
      "V2 0-96 src 0-96",
    ]);
    const dry = await t.ok<{ losses: { item: string; what: string }[] }>("split_item", {
      item_id: f.video[0],
      at_frame: 48,
      dry_run: true,
    });
    assertEquals(dry.losses.map((l) => [l.item, l.what]), [[f.video[0], "grade"]]);
    assertEquals(
      codeOf(await t.error("split_item", { item_id: f.video[0], at_frame: 48 })),
      "EDIT_LOSSES",
    );
  });
});

Deno.test("move_item: the colour group is carried; another colour version is a loss unless accepted", async () => {
  await withFixture(async (t, f) => {
    await t.ok("manage_color_groups", { action: "create", name: "Day" });
    await t.ok("assign_to_color_group", { group: "Day", item_ids: [f.video[0]] });
    const r = await t.ok<{ id_map: Record<string, string[]>; losses: unknown[] }>("move_item", {
      item_id: f.video[0],
      to_frame: 300,
    });
    assertEquals(r.losses, []);
    const moved = r.id_map[f.video[0]][0];
    const p = await t.ok<{ color_group: string | null }>("get_item_properties", { item_id: moved });
    assertEquals(p.color_group, "Day");
    await t.ok("manage_color_versions", { item_id: moved, action: "add", name: "Warm" });
    const text = await t.error("move_item", { item_id: moved, to_frame: 0 });
    assertEquals(codeOf(text), "EDIT_LOSSES");
    assert(/colour version/.test(text), text);
  });
});
