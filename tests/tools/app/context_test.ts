// Resolve 21.1 app tools over stdio against the simulator: get_current_context (the 21.1
// shortcuts and IsStudio) and set_script_priority; both refused on Resolve 21.0.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { OLD, refusedOn210 } from "../item/v211.ts";

Deno.test("get_current_context: edition, project, timeline, bins and album through the 21.1 shortcuts", async () => {
  await withFixture(async (t) => {
    const c = await t.ok("get_current_context");
    assertEquals(
      [c.studio, c.project, c.timeline, c.root_bin, c.current_bin],
      [true, "Grade", "Cut", "Master", "Master"],
    );
    assertEquals(c.project_last_modified, null); // Resolve answers None (measured)
    await t.ok("create_timeline", { name: "Second" });
    assertEquals((await t.ok("get_current_context")).timeline, "Second");
  });
});

Deno.test("get_current_context: refused on Resolve 21.0 with VERSION_UNSUPPORTED", () =>
  refusedOn210("get_current_context"));

Deno.test("set_script_priority: high and back to normal; refused on Resolve 21.0", async () => {
  await withFixture(async (t) => {
    assertEquals((await t.ok("set_script_priority", { high: true })).high, true);
    assertEquals((await t.ok("set_script_priority", { high: false })).high, false);
    assertMatch(await t.error("set_script_priority", {}), /INVALID_ARGUMENTS/);
  });
  await withFixture(async (t) => {
    assertMatch(await t.error("set_script_priority", { high: true }), /VERSION_UNSUPPORTED/);
  }, OLD);
});

Deno.test("api_resolve: a 21.1 method answers on 21.1.1 and is METHOD_UNAVAILABLE (since 21.1) on 21.0", async () => {
  await withFixture(async (t) => {
    assertEquals((await t.ok("api_resolve", { method: "IsStudio" })).result, true);
  });
  await withFixture(async (t) => {
    assertMatch(await t.error("api_resolve", { method: "IsStudio" }), /METHOD_UNAVAILABLE.*21\.1/s);
  }, OLD);
  await withFixture(async (t) => {
    // 21.1.1 additions are absent on 21.1.0, present on 21.1.1 (the default).
    assertMatch(
      await t.error("api_project", { method: "GetTranscribeAudioStatus" }),
      /METHOD_UNAVAILABLE.*21\.1\.1/s,
    );
    assertEquals((await t.ok("api_resolve", { method: "IsStudio" })).result, true);
  }, { RESOLVE_SIM_VERSION: "21.1.0.14" });
});
