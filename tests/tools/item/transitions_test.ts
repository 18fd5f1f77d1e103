// Resolve 21.1 item tools over stdio against the simulator: add_transition, set_fades,
// set_speed; each also refused on Resolve 21.0 with VERSION_UNSUPPORTED.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { handlesTimeline, items, onTrack, refusedOn210 } from "./v211.ts";

Deno.test("add_transition: a centred dissolve at the cut, real span, indexes shift; no handles refused", async () => {
  await withFixture(async (t, f) => {
    const { video, audio } = await handlesTimeline(t, f);
    const [a, b] = video;
    assertEquals(a.end, b.start);
    const r = await t.ok<{
      transitions: { created: boolean; start_frame: number; end_frame: number; duration: number }[];
      index_warning: string | null;
    }>("add_transition", {
      item_ids: [a.id],
      timeline: "Handles",
      type: "Cross Dissolve",
      duration_seconds: 0.5,
    });
    assertEquals(r.transitions[0].created, true);
    const origin = (await t.ok<{ timeline: { start_frame: number } }>("get_timeline_info", {
      timeline: "Handles",
    })).timeline.start_frame; // list_timeline_items counts from the timeline start
    assertEquals(
      [r.transitions[0].start_frame, r.transitions[0].end_frame, r.transitions[0].duration],
      [origin + a.end - 6, origin + a.end + 6, 12],
    );
    assert(r.index_warning);
    const after = onTrack(await items(t, "Handles"), "video");
    assertEquals(after.map((x) => x.id).filter((id) => id !== a.id && id !== b.id).length, 1);
    assertEquals(after.length, 3);
    // The same edit again: one transition per edit.
    assertMatch(
      await t.error("add_transition", {
        item_ids: [a.id],
        timeline: "Handles",
        duration_frames: 12,
      }),
      /TRANSITION_REFUSED/,
    );
    // Audio items take an audio cross fade.
    const fade = await t.ok<{ transitions: { created: boolean }[] }>("add_transition", {
      item_ids: [audio[0].id],
      timeline: "Handles",
      duration_frames: 8,
    });
    assertEquals(fade.transitions[0].created, true);
    assertEquals(onTrack(await items(t, "Handles"), "audio").length, 3);
    // "Cut": a.mp4 uses all its media, so there are no handles at its out point.
    assertMatch(
      await t.error("add_transition", {
        item_ids: [f.video[0]],
        timeline: "Cut",
        alignment: "right",
      }),
      /TRANSITION_REFUSED/,
    );
  });
});

Deno.test("add_transition: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("add_transition", (f) => ({ item_ids: [f.video[0]] })));

Deno.test("set_fades: seconds become frames and read back; too long refused", async () => {
  await withFixture(async (t, f) => {
    const r = await t.ok<
      { items: { applied: boolean; fade_in_frames: number; fade_out_frames: number }[] }
    >(
      "set_fades",
      { item_ids: [f.video[0], f.audio[0]], fade_in: 0.5, fade_out: 1, unit: "seconds" },
    );
    assertEquals(r.items.map((i) => [i.applied, i.fade_in_frames, i.fade_out_frames]), [
      [true, 12, 24],
      [true, 12, 24],
    ]);
    const again = await t.ok<{ items: { fade_in_frames: number; fade_out_frames: number }[] }>(
      "set_fades",
      { item_ids: [f.video[0]], fade_out: 0 },
    );
    assertEquals([again.items[0].fade_in_frames, again.items[0].fade_out_frames], [12, 0]);
    assertMatch(
      await t.error("set_fades", { item_ids: [f.video[0]], fade_in: 500 }),
      /FADES_REFUSED/,
    );
    assertMatch(await t.error("set_fades", { item_ids: [f.video[0]] }), /NOTHING_TO_CHANGE/);
  });
});

Deno.test("set_fades: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("set_fades", (f) => ({ item_ids: [f.video[0]], fade_in: 5 })));

Deno.test("set_speed: duration kept without ripple; ripple changes it and moves the next item", async () => {
  await withFixture(async (t, f) => {
    const { video } = await handlesTimeline(t, f);
    const [a, b] = video;
    const slow = await t.ok<
      {
        items: {
          speed_before: number;
          speed_after: number;
          duration_before: number;
          duration_after: number;
        }[];
      }
    >(
      "set_speed",
      { item_ids: [a.id], timeline: "Handles", percentage: 50 },
    );
    assertEquals(
      [slow.items[0].speed_before, slow.items[0].speed_after],
      [100, 50],
    );
    assertEquals(slow.items[0].duration_after, slow.items[0].duration_before);
    assertEquals(onTrack(await items(t, "Handles"), "video")[1].start, b.start);
    const fast = await t.ok<{ items: { duration_after: number }[] }>("set_speed", {
      item_ids: [a.id],
      timeline: "Handles",
      percentage: 200,
      ripple: true,
    });
    assertEquals(fast.items[0].duration_after, a.duration / 4);
    const moved = onTrack(await items(t, "Handles"), "video");
    assertEquals(moved[1].start, a.start + a.duration / 4);
    assertMatch(
      await t.error("set_speed", { item_ids: [a.id], timeline: "Handles", percentage: -5 }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("set_speed: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("set_speed", (f) => ({ item_ids: [f.video[0]], percentage: 50 })));
