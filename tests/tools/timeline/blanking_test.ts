// set_output_blanking over stdio against the simulator (Resolve 21.1): aspect ratios become
// picture-bound coordinates; an item stops inheriting the timeline's blanking first.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { aspectBounds, parseAspect } from "../../../src/tools/timeline/blanking.ts";
import { refusedOn210 } from "../item/v211.ts";

type Out = {
  target: string;
  frame: { width: number; height: number };
  bounds: { top: number; bottom: number; left: number; right: number };
  inherits_timeline: boolean | null;
};

Deno.test("set_output_blanking: 2.39:1 on the timeline, own bounds for an item, inheritance back", async () => {
  await withFixture(async (t, f) => {
    const tl = await t.ok<Out>("set_output_blanking", { aspect: "2.39:1" });
    assertEquals(tl.frame, { width: 1920, height: 1080 });
    assertEquals(tl.bounds, { top: 138, bottom: 941, left: 0, right: 1920 });
    const item = await t.ok<Out>("set_output_blanking", {
      item_id: f.video[0],
      bounds: { left: 240, right: 1680 },
    });
    assertEquals(item.inherits_timeline, false);
    // The override started from the timeline's bounds; only left/right changed.
    assertEquals(item.bounds, { top: 138, bottom: 941, left: 240, right: 1680 });
    const back = await t.ok<Out>("set_output_blanking", { item_id: f.video[0], inherit: true });
    assertEquals([back.inherits_timeline, back.bounds.left], [true, 0]);
    assertMatch(
      await t.error("set_output_blanking", { bounds: { bottom: 5000 } }),
      /OUT_OF_RANGE/,
    );
    assertMatch(await t.error("set_output_blanking", { aspect: "wide" }), /INVALID_ARGUMENTS/);
    assertMatch(
      await t.error("set_output_blanking", { aspect: "2.39", bounds: { top: 1 } }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("set_output_blanking: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("set_output_blanking", () => ({ aspect: "2.39:1" })));

Deno.test("aspectBounds: letterbox and pillarbox stay centred inside the frame", () => {
  assertEquals(parseAspect("16:9"), 16 / 9);
  assertEquals(parseAspect("x"), null);
  for (const [w, h] of [[1920, 1080], [3840, 2160], [1080, 1920], [640, 360]]) {
    for (const r of [1, 4 / 3, 1.85, 2.39, 9 / 16, w / h]) {
      const b = aspectBounds(r, w, h);
      const bw = b.right - b.left, bh = b.bottom - b.top;
      assertEquals(b.left >= 0 && b.top >= 0 && b.right <= w && b.bottom <= h, true);
      assertEquals(
        Math.abs(b.left - (w - b.right)) <= 1 && Math.abs(b.top - (h - b.bottom)) <= 1,
        true,
      );
      assertEquals(bw === w || bh === h, true);
      assertEquals(Math.abs(bw / bh - r) < 0.01 * r + 1 / Math.min(bw, bh), true);
    }
  }
});
