// Project export/import, archives and cloud projects over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { ALL, type Entry } from "./common.ts";

Deno.test("export_project: .drp and archives, path checks, overwrite asks", async () => {
  await withTempDir(async (dir) => {
    await withClient({ args: [...ALL.args, "--allow-path", dir] }, async (t) => {
      await t.ok("create_project", { name: "Show" });
      await t.ok("create_timeline", { name: "Reel 1" });
      await t.ok("save_project");
      const drp = await t.ok("export_project", { path: `${dir}/show.drp` });
      assertEquals(drp, {
        project: "Show",
        format: "drp",
        path: `${dir}/show.drp`,
        overwritten: false,
      });
      assert(Deno.statSync(`${dir}/show.drp`).isFile);
      assertMatch(
        await t.error("export_project", { path: `${dir}/show.drp` }),
        /CONFIRMATION_REQUIRED.*show\.drp exists/s,
      );
      assertEquals(
        (await t.confirmed("export_project", { path: `${dir}/show.drp` })).overwritten,
        true,
      );
      assertMatch(await t.error("export_project", { path: `${dir}/show.txt` }), /BAD_EXTENSION/);
      assertMatch(await t.error("export_project", { path: "/show.drp" }), /PATH_NOT_ALLOWED/);
      assertMatch(
        await t.error("export_project", { path: `${dir}/x.drp`, project: "Nope" }),
        /PROJECT_NOT_FOUND/,
      );
      assertMatch(
        await t.error("export_project", { path: `${dir}/x.dra`, with_stills_and_luts: false }),
        /INVALID_ARGUMENTS/,
      );
      assertMatch(
        await t.error("export_project", { path: `${dir}/no/such/x.drp` }),
        /NO_SUCH_DIRECTORY/,
      );
    });
  });
});

Deno.test("import_project: a .drp under a name, an archive restored; taken names and missing files refused", async () => {
  await withTempDir(async (dir) => {
    await withClient({ args: [...ALL.args, "--allow-path", dir] }, async (t) => {
      await t.ok("create_project", { name: "Show" });
      await t.ok("create_timeline", { name: "Reel 1" });
      await t.ok("save_project");
      await t.ok("export_project", { path: `${dir}/show.drp` });
      const imported = await t.ok("import_project", { path: `${dir}/show.drp`, name: "Show Copy" });
      assertEquals(imported.project, "Show Copy");
      assertMatch(
        await t.error("import_project", { path: `${dir}/show.drp`, name: "Show Copy" }),
        /PROJECT_EXISTS/,
      );
      assertMatch(await t.error("import_project", { path: `${dir}/none.drp` }), /FILE_NOT_FOUND/);
      // Without a name the file's name "Show" is taken already.
      assertMatch(await t.error("import_project", { path: `${dir}/show.drp` }), /IMPORT_FAILED/);

      // The open project cannot be archived: refused before Resolve is asked.
      assertMatch(
        await t.error("export_project", { path: `${dir}/show.dra`, archive_source_media: false }),
        /PROJECT_OPEN/,
      );
      await t.ok("close_project");
      const dra = await t.ok("export_project", {
        project: "Show",
        path: `${dir}/show.dra`,
        archive_source_media: false,
      });
      assertEquals(dra.format, "archive");
      const restored = await t.ok("import_project", { path: `${dir}/show.dra`, name: "Restored" });
      assertEquals(restored, { format: "archive", path: `${dir}/show.dra`, project: "Restored" });
      const names = ((await t.ok("list_projects")).entries as Entry[]).map((e) => e.name);
      assertEquals(names.sort(), ["Restored", "Show", "Show Copy"]);
      await t.ok("open_project", { name: "Restored" });
      assertEquals((await t.ok("get_current_project")).timeline_count, 1);
    });
  });
});

Deno.test("manage_cloud_project: create, load, import, restore; bad paths refused", async () => {
  await withTempDir(async (dir) => {
    Deno.mkdirSync(`${dir}/media`);
    Deno.mkdirSync(`${dir}/restore`);
    await withClient({ args: [...ALL.args, "--allow-path", dir] }, async (t) => {
      const made = await t.ok("manage_cloud_project", {
        action: "create",
        project_name: "Cloud Show",
        media_path: `${dir}/media`,
        collaboration: true,
        sync_mode: "proxy_and_original",
      });
      assertEquals(made.project, "Cloud Show");
      const attrs =
        (await t.ok<{ entries: (Entry & { collaboration_mode: string })[] }>("list_projects"))
          .entries;
      assertEquals(attrs.find((e) => e.name === "Cloud Show")?.collaboration_mode, "multi_user");
      assertMatch(
        await t.error("manage_cloud_project", {
          action: "create",
          project_name: "Cloud Show",
          media_path: `${dir}/media`,
        }),
        /CLOUD_CREATE_FAILED/,
      );
      await t.ok("close_project");
      const loaded = await t.ok("manage_cloud_project", {
        action: "load",
        project_name: "Cloud Show",
        media_path: `${dir}/media`,
      });
      assertEquals(loaded.id, made.id);
      assertMatch(
        await t.error("manage_cloud_project", {
          action: "load",
          project_name: "Nope",
          media_path: `${dir}/media`,
        }),
        /CLOUD_PROJECT_NOT_FOUND/,
      );
      assertMatch(
        await t.error("manage_cloud_project", { action: "load", media_path: `${dir}/media` }),
        /INVALID_ARGUMENTS.*needs project_name/s,
      );
      await t.ok("export_project", { path: `${dir}/restore/cloud.drp` });
      const imported = await t.ok("manage_cloud_project", {
        action: "import",
        project_name: "Cloud Import",
        media_path: `${dir}/media`,
        file_path: `${dir}/restore/cloud.drp`,
      });
      assertEquals(imported.project, "Cloud Import");
      const restored = await t.ok("manage_cloud_project", {
        action: "restore",
        project_name: "Cloud Restore",
        media_path: `${dir}/media`,
        folder_path: `${dir}/restore`,
      });
      assertEquals(restored.action, "restore");
      const names = ((await t.ok("list_projects")).entries as Entry[]).map((e) => e.name);
      assertEquals(names.sort(), ["Cloud Import", "Cloud Restore", "Cloud Show"]);
      assertMatch(
        await t.error("manage_cloud_project", {
          action: "restore",
          media_path: `${dir}/media`,
          folder_path: `${dir}/restore/cloud.drp`,
        }),
        /NOT_A_FOLDER/,
      );
      assertMatch(
        await t.error("manage_cloud_project", {
          action: "import",
          media_path: "/elsewhere",
          file_path: `${dir}/restore/cloud.drp`,
        }),
        /PATH_NOT_ALLOWED|NO_SUCH_DIRECTORY/,
      );
    });
  });
});
