// The seed tools over stdio against the simulator: success and every failure path (the timeline
// ones, create_timeline and add_marker, are in tests/tools/timeline/).
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { withClient } from "./harness.ts";

Deno.test("create_project creates and opens; a taken name is refused", async () => {
  await withClient({}, async (t) => {
    const created = await t.ok("create_project", { name: "Feature" });
    assertEquals(created.name, "Feature");
    assert(String(created.id).length > 0);
    assertMatch(
      await t.error("create_project", { name: "Feature" }),
      /PROJECT_EXISTS.*open_project/s,
    );
    assertMatch(await t.error("create_project", { name: "" }), /INVALID_ARGUMENTS/);
    assertMatch(
      await t.error("create_project", { name: "X", colour: "red" }),
      /unknown argument.*colour.*expected only: name/s,
    );
  });
});

Deno.test("open_project loads an existing project and names the ones there when missing", async () => {
  await withClient({}, async (t) => {
    const a = await t.ok("create_project", { name: "Alpha" });
    await t.ok("create_project", { name: "Beta" });
    const opened = await t.ok("open_project", { name: "Alpha" });
    // The project it left was saved first.
    assertEquals(opened, { name: "Alpha", id: a.id, saved_previous: "Beta" });
    const text = await t.error("open_project", { name: "Gamma" });
    assertMatch(text, /PROJECT_NOT_FOUND/);
    assertMatch(text, /"Alpha".*"Beta"/s);
  });
});

Deno.test("switch_page reports the page before and after; unknown pages are refused", async () => {
  await withClient({}, async (t) => {
    const first = await t.ok("switch_page", { page: "color" });
    assertEquals(first.page, "color");
    const second = await t.ok("switch_page", { page: "deliver" });
    assertEquals(second, { page: "deliver", previous: "color" });
    assertMatch(await t.error("switch_page", { page: "colour" }), /INVALID_ARGUMENTS.*page/s);
  });
});
