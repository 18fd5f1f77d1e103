// Project-manager folders and databases over stdio against the simulator.
import { assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { simState } from "../../fixture.ts";
import { ALL, type Entry } from "./common.ts";

/** The fixture state with, for what no tool can set up, a second (PostgreSQL) database. */
const twoDatabases = (dir: string) =>
  simState(
    dir,
    `import sim_app
w = d._WORLD["world"]
w.S["dbs"].append({"DbType": "PostgreSQL", "DbName": "Shared", "IpAddress": "10.0.0.5",
                   "root": sim_app.new_pm_folder(w, "", None)})
w.commit()`,
  );

Deno.test("manage_project_folders: create, open, up, root; delete asks and is refused while it holds the open project", async () => {
  await withClient(ALL, async (t) => {
    const made = await t.ok("manage_project_folders", { action: "create", name: "Clients" });
    assertEquals([made.subfolders, made.folder], [1, ""]);
    assertMatch(
      await t.error("manage_project_folders", { action: "create", name: "Clients" }),
      /FOLDER_EXISTS/,
    );
    assertMatch(
      await t.error("manage_project_folders", { action: "create" }),
      /INVALID_ARGUMENTS.*needs name/s,
    );
    const list = await t.ok<{ entries: Entry[] }>("list_projects");
    assertEquals(list.entries.map((e) => [e.kind, e.name]), [["folder", "Clients"]]);

    assertEquals(
      (await t.ok("manage_project_folders", { action: "open", name: "Clients" })).folder,
      "Clients",
    );
    await t.ok("manage_project_folders", { action: "create", name: "Acme" });
    await t.ok("manage_project_folders", { action: "open", name: "Acme" });
    await t.ok("create_project", { name: "Spot" });
    assertEquals((await t.ok("list_projects")).folder, "Acme");
    assertMatch(
      await t.error("manage_project_folders", { action: "open", name: "Nope" }),
      /FOLDER_NOT_FOUND/,
    );
    assertEquals((await t.ok("manage_project_folders", { action: "up" })).folder, "Clients");
    assertEquals((await t.ok("manage_project_folders", { action: "root" })).folder, "");
    assertMatch(await t.error("manage_project_folders", { action: "up" }), /AT_ROOT/);

    // The loaded project lives in Acme: Resolve refuses to delete a folder holding it.
    assertMatch(
      await t.error("manage_project_folders", { action: "delete", name: "Clients" }),
      /CONFIRMATION_REQUIRED/,
    );
    assertMatch(
      await t.confirmedError("manage_project_folders", { action: "delete", name: "Clients" }),
      /FOLDER_ACTION_FAILED/,
    );
    await t.ok("close_project");
    const gone = await t.confirmed("manage_project_folders", {
      action: "delete",
      name: "Clients",
    });
    assertEquals(gone.subfolders, 0);
    assertEquals((await t.ok("list_projects")).total, 0);
  });
});

Deno.test("list_databases: every registered database, the current one marked", async () => {
  await withTempDir(async (dir) => {
    const { env } = await twoDatabases(dir);
    await withClient({ ...ALL, env }, async (t) => {
      const dbs = await t.ok<
        { databases: { name: string; is_current: boolean; ip_address: string | null }[] }
      >(
        "list_databases",
      );
      assertEquals(dbs.databases.map((d) => [d.name, d.is_current, d.ip_address]), [
        ["Local Database", true, null],
        ["Shared", false, "10.0.0.5"],
      ]);
    });
  });
});

Deno.test("switch_database: asks (it closes the project), refuses an unknown database, switches", async () => {
  await withTempDir(async (dir) => {
    const { env } = await twoDatabases(dir);
    await withClient({ ...ALL, env }, async (t) => {
      const same = await t.ok("switch_database", { type: "Disk", name: "Local Database" });
      assertEquals(same.closed_project, null);
      assertMatch(
        await t.error("switch_database", {
          type: "PostgreSQL",
          name: "Shared",
          ip_address: "10.0.0.6",
        }),
        /DATABASE_NOT_FOUND.*Disk:Local Database/s,
      );
      assertMatch(
        await t.error("switch_database", {
          type: "PostgreSQL",
          name: "Shared",
          ip_address: "10.0.0.5",
        }),
        /CONFIRMATION_REQUIRED.*closes "Fixture"/s,
      );
      assertEquals((await t.ok("get_current_project")).name, "Fixture");
      const switched = await t.confirmed("switch_database", {
        type: "PostgreSQL",
        name: "Shared",
        ip_address: "10.0.0.5",
      });
      assertEquals(switched.closed_project, "Fixture");
      assertEquals((switched.current as { name: string }).name, "Shared");
      assertEquals((await t.ok("get_current_project")).database, {
        type: "PostgreSQL",
        name: "Shared",
      });
      assertEquals((await t.ok("list_projects")).total, 0);
    });
  });
});
