// Item processing over stdio against the simulator.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("run_item_process: runs stabilise / magic mask / smart reframe; sidecar needs RAW", async () => {
  await withFixture(async (t, f) => {
    const [v1] = f.video;
    for (const action of ["stabilize", "smart_reframe"]) {
      assertEquals(await t.ok("run_item_process", { item_id: v1, action }), { action, ok: true });
    }
    assertMatch(
      await t.error("run_item_process", { item_id: v1, action: "regenerate_magic_mask" }),
      /PROCESS_FAILED.*magic_mask/s,
    );
    await t.ok("run_item_process", { item_id: v1, action: "magic_mask", direction: "forward" });
    await t.ok("run_item_process", { item_id: v1, action: "regenerate_magic_mask" });
    assertMatch(
      await t.error("run_item_process", { item_id: v1, action: "update_sidecar" }),
      /PROCESS_FAILED.*BRAW/s,
    );
    assertMatch(
      await t.error("run_item_process", { item_id: v1, action: "melt" }),
      /INVALID_ARGUMENTS/,
    );
  });
});
