// Projects over stdio against the simulator: create, open, list, the current project, rename,
// save, delete (asks) and close.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient } from "../../harness.ts";
import { ALL, type Entry } from "./common.ts";

Deno.test("create_project: creates and opens; a taken name is refused", async () => {
  await withClient({}, async (t) => {
    const created = await t.ok("create_project", { name: "Feature" });
    assertEquals(created.name, "Feature");
    assert(String(created.id).length > 0);
    assertEquals((await t.ok("get_current_project")).name, "Feature");
    assertMatch(await t.error("create_project", { name: "Feature" }), /PROJECT_EXISTS/);
    assertMatch(await t.error("create_project", { name: "" }), /INVALID_ARGUMENTS/);
    assertMatch(
      await t.error("create_project", { name: "X", colour: "red" }),
      /INVALID_ARGUMENTS.*colour/s,
    );
  });
});

Deno.test("open_project: loads an existing project, saving the one it leaves; names the ones there when missing", async () => {
  await withClient({}, async (t) => {
    const a = await t.ok("create_project", { name: "Alpha" });
    await t.ok("create_project", { name: "Beta" });
    const opened = await t.ok("open_project", { name: "Alpha" });
    assertEquals(opened, { name: "Alpha", id: a.id, saved_previous: "Beta" });
    assertEquals((await t.ok("get_current_project")).name, "Alpha");
    const text = await t.error("open_project", { name: "Gamma" });
    assertMatch(text, /PROJECT_NOT_FOUND/);
    assertMatch(text, /"Alpha".*"Beta"/s);
  });
});

Deno.test("list_projects: entries with attributes and the current one, in pages; a bad cursor is refused", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Alpha" });
    await t.ok("create_project", { name: "Beta" });
    const list = await t.ok<{ folder: string; current_project: string; entries: Entry[] }>(
      "list_projects",
    );
    assertEquals(list.current_project, "Beta");
    assertEquals(list.entries.map((e) => e.name), ["Alpha", "Beta"]);
    assert(list.entries.find((e) => e.name === "Beta")!.is_current);
    assert(list.entries.every((e) => e.kind === "project" && e.created !== null));

    const page1 = await t.ok<{ entries: Entry[]; next_cursor: string; total: number }>(
      "list_projects",
      { limit: 1 },
    );
    assertEquals([page1.entries.length, page1.total], [1, 2]);
    const page2 = await t.ok("list_projects", { limit: 1, cursor: page1.next_cursor });
    assertEquals((page2.entries as Entry[])[0].name, "Beta");
    assertEquals(page2.next_cursor, null);
    assertMatch(await t.error("list_projects", { cursor: "zz" }), /INVALID_CURSOR/);
  });
});

Deno.test("get_current_project: name, id, timelines, current timeline and database", async () => {
  await withClient(ALL, async (t) => {
    const beta = await t.ok("create_project", { name: "Beta" });
    const current = await t.ok("get_current_project");
    assertEquals([current.name, current.id, current.timeline_count], ["Beta", beta.id, 0]);
    assertEquals(current.current_timeline, null);
    assertEquals(current.database, { type: "Disk", name: "Local Database" });
    await t.ok("create_timeline", { name: "Cut" });
    assertEquals(
      ((await t.ok("get_current_project")).current_timeline as { name: string }).name,
      "Cut",
    );
  });
});

Deno.test("rename_project: renames the current project; a taken name is refused", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Alpha" });
    await t.ok("create_project", { name: "Beta" });
    assertEquals(await t.ok("rename_project", { name: "Gamma" }), {
      previous: "Beta",
      name: "Gamma",
    });
    assertMatch(await t.error("rename_project", { name: "Alpha" }), /PROJECT_EXISTS/);
    const names = ((await t.ok("list_projects")).entries as Entry[]).map((e) => e.name);
    assertEquals(names, ["Alpha", "Gamma"]);
  });
});

Deno.test("save_project: saves the current project; the untitled one cannot be saved", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Gamma" });
    await t.ok("create_timeline", { name: "Reel" });
    assertEquals(await t.ok("save_project"), { name: "Gamma", saved: true });
    await t.confirmed("close_project", { save: false });
    await t.ok("open_project", { name: "Gamma" });
    assertEquals((await t.ok("get_current_project")).timeline_count, 1, "the save kept it");
    await t.ok("close_project");
    assertMatch(await t.error("save_project"), /SAVE_FAILED.*rename_project/s);
  });
});

Deno.test("delete_project: asks first; a locked, open or missing project is refused", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Alpha" });
    await t.ok("create_project", { name: "Gamma" });
    assertMatch(
      await t.error("delete_project", { name: "Alpha" }),
      /CONFIRMATION_REQUIRED.*confirmation_token/s,
    );
    assertEquals((await t.ok("list_projects")).total, 2, "nothing deleted yet");
    // Resolve keeps a project that was current locked until it is closed (left by
    // create_project, Alpha is not closed): the delete is refused, then works after a close.
    assertMatch(await t.confirmedError("delete_project", { name: "Alpha" }), /DELETE_FAILED/);
    await t.ok("open_project", { name: "Alpha" });
    await t.ok("close_project");
    await t.ok("open_project", { name: "Gamma" });
    assertEquals(await t.confirmed("delete_project", { name: "Alpha" }), {
      deleted: "Alpha",
      remaining: 1,
    });
    assertMatch(await t.error("delete_project", { name: "Alpha" }), /PROJECT_NOT_FOUND/);
    assertMatch(await t.error("delete_project", { name: "Gamma" }), /PROJECT_OPEN.*close_project/s);
  });
});

Deno.test("close_project: saves first; closing without saving asks and drops the change", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Gamma" });
    await t.ok("create_timeline", { name: "Cut" });
    assertMatch(await t.error("close_project", { save: false }), /CONFIRMATION_REQUIRED/);
    assertEquals((await t.ok("get_current_project")).name, "Gamma");
    const closed = await t.ok("close_project");
    assertEquals(closed, { closed: "Gamma", saved: true, current_project: "Untitled Project" });
    await t.ok("open_project", { name: "Gamma" });
    assertEquals((await t.ok("get_current_project")).timeline_count, 1, "saved before closing");
    await t.ok("create_timeline", { name: "Unsaved" });
    await t.confirmed("close_project", { save: false });
    await t.ok("open_project", { name: "Gamma" });
    assertEquals((await t.ok("get_current_project")).timeline_count, 1, "unsaved change dropped");
  });
});
