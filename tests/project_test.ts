// The "project" toolset over stdio against the simulator: projects, project-manager folders,
// databases, settings, presets, export/import/archive/restore, cloud projects and the rest.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { ROOT, withClient, withTempDir } from "./harness.ts";
import { writePng, writeWav } from "../scripts/sample_media.ts";

const ALL = { args: ["--toolsets", "default,project,timeline"] };

type Entry = { kind: string; name: string; is_current: boolean; created: string | null };

/**
 * A simulated Resolve state built with the simulator itself (RESOLVE_SIM_STATE), for what no
 * tool can set up: a second (PostgreSQL) database registered, next to a project "Fixture".
 */
async function fixture(dir: string): Promise<Record<string, string>> {
  writeWav(`${dir}/tone.wav`, 4, 48000, 2);
  await writePng(`${dir}/card.png`, 320, 180);
  const script = `
import json, sys
sys.path.insert(0, "bridge/simulator")
import DaVinciResolveScript as d, sim_app
r = d.scriptapp("Resolve"); pm = r.GetProjectManager()
p = pm.CreateProject("Fixture"); mp = p.GetMediaPool()
clips = mp.ImportMedia([${JSON.stringify(`${dir}/card.png`)}, ${JSON.stringify(`${dir}/tone.wav`)}])
mp.CreateEmptyTimeline("Edit")
items = mp.AppendToTimeline(clips)
pm.SaveProject()
w = d._WORLD["world"]
w.S["dbs"].append({"DbType": "PostgreSQL", "DbName": "Shared", "IpAddress": "10.0.0.5",
                   "root": sim_app.new_pm_folder(w, "", None)})
w.commit()
print(json.dumps({"video_item": items[0].GetUniqueId(), "audio_item": items[1].GetUniqueId(),
                  "wav_clip": clips[1].GetUniqueId()}))
`;
  const out = await new Deno.Command("python3", {
    args: ["-c", script],
    cwd: ROOT,
    env: { RESOLVE_SIM_STATE: `${dir}/state.json` },
  }).output();
  const stdout = new TextDecoder().decode(out.stdout).trim().split("\n");
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return JSON.parse(stdout[stdout.length - 1]);
}

Deno.test("projects: list with attributes, rename, save, delete with confirmation, close", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Alpha" });
    const beta = await t.ok("create_project", { name: "Beta" });
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

    const current = await t.ok("get_current_project");
    assertEquals([current.name, current.id, current.timeline_count], ["Beta", beta.id, 0]);
    assertEquals(current.current_timeline, null);
    assertEquals(current.database, { type: "Disk", name: "Local Database" });
    await t.ok("create_timeline", { name: "Cut" });
    assertEquals(
      ((await t.ok("get_current_project")).current_timeline as { name: string }).name,
      "Cut",
    );

    assertEquals(await t.ok("rename_project", { name: "Gamma" }), {
      previous: "Beta",
      name: "Gamma",
    });
    assertMatch(await t.error("rename_project", { name: "Alpha" }), /PROJECT_EXISTS/);
    assertEquals(await t.ok("save_project"), { name: "Gamma", saved: true });

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
    assertMatch(
      await t.error("delete_project", { name: "Alpha" }),
      /PROJECT_NOT_FOUND/,
    );
    assertMatch(
      await t.error("delete_project", { name: "Gamma" }),
      /PROJECT_OPEN.*close_project/s,
    );

    assertMatch(await t.error("close_project", { save: false }), /CONFIRMATION_REQUIRED/);
    assertEquals((await t.ok("get_current_project")).name, "Gamma");
    const closed = await t.ok("close_project");
    assertEquals(closed, { closed: "Gamma", saved: true, current_project: "Untitled Project" });
    assertMatch(await t.error("save_project"), /SAVE_FAILED.*rename_project/s);
    // Saved before closing: the timeline is still there.
    await t.ok("open_project", { name: "Gamma" });
    assertEquals((await t.ok("get_current_project")).timeline_count, 1);
    await t.ok("create_timeline", { name: "Unsaved" });
    await t.confirmed("close_project", { save: false });
    await t.ok("open_project", { name: "Gamma" });
    assertEquals((await t.ok("get_current_project")).timeline_count, 1, "unsaved change dropped");
  });
});

Deno.test("project-manager folders: create, open, up, root, delete with confirmation", async () => {
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

Deno.test("databases: list, switch with confirmation (closes the project)", async () => {
  await withTempDir(async (dir) => {
    await fixture(dir);
    await withClient({ ...ALL, env: { RESOLVE_SIM_STATE: `${dir}/state.json` } }, async (t) => {
      const dbs = await t.ok<
        { databases: { name: string; is_current: boolean; ip_address: string | null }[] }
      >(
        "list_databases",
      );
      assertEquals(dbs.databases.map((d) => [d.name, d.is_current, d.ip_address]), [
        ["Local Database", true, null],
        ["Shared", false, "10.0.0.5"],
      ]);
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

Deno.test("settings: read one, a prefix, all paginated; set several with per-key results", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Settings" });
    const some = await t.ok("get_project_settings", { keys: ["timelineFrameRate", "noSuchKey"] });
    assertEquals(some.settings, { timelineFrameRate: "24" });
    assertEquals(some.unknown_keys, ["noSuchKey"]);
    const group = await t.ok("get_project_settings", { prefix: "timelineResolution" });
    assertEquals(Object.keys(group.settings as object).sort(), [
      "timelineResolutionHeight",
      "timelineResolutionWidth",
    ]);
    const p1 = await t.ok("get_project_settings", { limit: 10 });
    assertEquals(Object.keys(p1.settings as object).length, 10);
    assert((p1.total as number) > 100);
    const p2 = await t.ok("get_project_settings", { limit: 10, cursor: p1.next_cursor });
    assert(!Object.keys(p2.settings as object).some((k) => k in (p1.settings as object)));
    const ro = await t.ok("get_project_settings", { prefix: "perfOptimised" });
    assertEquals(ro.read_only_keys, ["perfOptimisedCodec"]);

    const set = await t.ok<
      {
        results: { key: string; applied: boolean; value: string; previous: string }[];
        refused: string[];
      }
    >(
      "set_project_settings",
      {
        settings: {
          timelineResolutionWidth: "3840",
          timelineResolutionHeight: 2160,
          colorUseContrastSCurve: false,
        },
      },
    );
    assertEquals(set.refused, []);
    assertEquals(set.results.map((r) => [r.key, r.previous, r.value]), [
      ["timelineResolutionWidth", "1920", "3840"],
      ["timelineResolutionHeight", "1080", "2160"],
      ["colorUseContrastSCurve", "1", "0"],
    ]);
    const back = await t.ok("get_current_project");
    assertEquals([back.resolution_width, back.resolution_height], [3840, 2160]);

    const partial = await t.ok("set_project_settings", {
      settings: { timelineSampleRate: "96000", timelineResolutionWidth: "wide" },
    });
    assertEquals(partial.refused, ["timelineResolutionWidth"]);
    assertEquals(partial.applied, 1);
    assertMatch(
      await t.error("set_project_settings", { settings: { timelineResolutionWidth: "wide" } }),
      /SETTINGS_REFUSED.*nothing was changed/s,
    );
    assertMatch(
      await t.error("set_project_settings", {
        settings: { timelineResolutionWidth: "1280", perfOptimisedCodec: "DNxHR" },
      }),
      /READ_ONLY_SETTING.*perfOptimisedCodec.*nothing was changed/s,
    );
    assertMatch(
      await t.error("set_project_settings", { settings: { timelineresolutionwidth: "1280" } }),
      /UNKNOWN_SETTING.*timelineResolutionWidth/s,
    );
    assertEquals((await t.ok("get_current_project")).resolution_width, 3840, "unchanged");

    await t.ok("set_project_settings", {
      settings: { superScale: 2 },
      super_scale_sharpness: 0.25,
      super_scale_noise_reduction: 0.75,
    });
    const ss = await t.ok("get_project_settings", { prefix: "superScale" });
    assertEquals((ss.settings as Record<string, string>).superScaleSharpness, "0.25");
    assertEquals((ss.settings as Record<string, string>).superScale, "2");
    assertMatch(
      await t.error("set_project_settings", {
        settings: { superScale: 3 },
        super_scale_sharpness: 0.2,
        super_scale_noise_reduction: 0.2,
      }),
      /superScale set to 2/,
    );
    assertMatch(
      await t.error("set_project_settings", {
        settings: { superScale: 2 },
        super_scale_sharpness: 0.2,
      }),
      /go together/,
    );
    assertMatch(await t.error("set_project_settings", { settings: {} }), /1 to 100 keys/);
  });
});

Deno.test("project presets: list and apply", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "Presets" });
    const { presets } = await t.ok<{ presets: { name: string; width: number | null }[] }>(
      "list_project_presets",
    );
    assertEquals(presets.find((p) => p.name === "HD 720p 50")?.width, 1280);
    // It replaces the project's settings: only after confirmation.
    const applied = await t.confirmed("apply_project_preset", { name: "HD 720p 50" });
    assertEquals(applied, {
      preset: "HD 720p 50",
      frame_rate: "50",
      resolution_width: 1280,
      resolution_height: 720,
    });
    assertEquals((await t.ok("get_current_project")).frame_rate, "50");
    assertMatch(
      await t.error("apply_project_preset", { name: "8K 120" }),
      /PRESET_NOT_FOUND.*HD 720p 50/s,
    );
  });
});

Deno.test("export/import and archive/restore of projects, with path checks and overwrite confirmation", async () => {
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

Deno.test("cloud projects: create, load, import, restore", async () => {
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
        /needs project_name/,
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

Deno.test("refresh_lut_list and reset_intellisearch_analysis (confirmation, Studio only)", async () => {
  await withClient(ALL, async (t) => {
    await t.ok("create_project", { name: "AI" });
    assertEquals(await t.ok("refresh_lut_list"), { refreshed: true });
    assertMatch(await t.error("reset_intellisearch_analysis"), /CONFIRMATION_REQUIRED/);
    assertEquals(await t.confirmed("reset_intellisearch_analysis", {}), {
      project: "AI",
      cleared: true,
    });
  });
  await withClient({ ...ALL, env: { RESOLVE_SIM_EDITION: "free" } }, async (t) => {
    await t.ok("create_project", { name: "Free" });
    assertMatch(
      await t.confirmedError("reset_intellisearch_analysis", {}),
      /STUDIO_REQUIRED/,
    );
  });
});
