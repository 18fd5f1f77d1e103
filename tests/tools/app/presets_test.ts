// manage_keyboard_presets and manage_project_settings_presets (Resolve 21.1) over stdio.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

const OLD = { RESOLVE_SIM_VERSION: "21.0.4.5" };

type Kb = { current: string; presets: string[]; previous: string | null; name: string | null };

Deno.test("manage_keyboard_presets: list, export, import, load (confirmed, previous kept), delete", async () => {
  await withFixture(async (t, _f, dir) => {
    const list = await t.ok<Kb>("manage_keyboard_presets", { action: "list" });
    assertEquals(list.current, "DaVinci Resolve");
    assert(list.presets.includes("Avid Media Composer"), JSON.stringify(list.presets));

    await t.ok("manage_keyboard_presets", {
      action: "export",
      name: "Avid Media Composer",
      path: `${dir}/avid.txt`,
    });
    assert(Deno.statSync(`${dir}/avid.txt`).isFile);
    const imported = await t.ok<Kb>("manage_keyboard_presets", {
      action: "import",
      path: `${dir}/avid.txt`,
      name: "My Avid",
    });
    assert(imported.presets.includes("My Avid"));
    assertMatch(
      await t.error("manage_keyboard_presets", {
        action: "import",
        path: `${dir}/avid.txt`,
        name: "My Avid",
      }),
      /PRESET_EXISTS/,
    );

    assertMatch(
      await t.error("manage_keyboard_presets", { action: "load", name: "My Avid" }),
      /CONFIRMATION_REQUIRED/,
    );
    const loaded = await t.confirmed<Kb>("manage_keyboard_presets", {
      action: "load",
      name: "My Avid",
    });
    assertEquals([loaded.current, loaded.previous], ["My Avid", "DaVinci Resolve"]);
    assertEquals(
      (await t.ok<Kb>("manage_keyboard_presets", { action: "list" })).current,
      "My Avid",
    );

    const deleted = await t.confirmed<Kb>("manage_keyboard_presets", {
      action: "delete",
      name: "My Avid",
    });
    assert(!deleted.presets.includes("My Avid"));
    assertMatch(
      await t.confirmedError("manage_keyboard_presets", { action: "delete", name: "Pro Tools" }),
      /PRESET_REFUSED/,
    );
    assertMatch(
      await t.error("manage_keyboard_presets", { action: "load", name: "Nope" }),
      /PRESET_NOT_FOUND.*DaVinci Resolve/s,
    );
  });
  await withFixture(async (t) => {
    assertMatch(
      await t.error("manage_keyboard_presets", { action: "list" }),
      /VERSION_UNSUPPORTED.*21\.1/s,
    );
  }, OLD);
});

type Ps = {
  presets: { name: string; width: number; height: number }[];
  backup_preset: string | null;
  changed: { key: string; before: string; after: string }[];
};

Deno.test("manage_project_settings_presets: save, apply with a backup that reverts, update, export/import, delete", async () => {
  await withFixture(async (t, _f, dir) => {
    const start = await t.ok<Ps>("manage_project_settings_presets", { action: "list" });
    assertEquals(start.presets[0].name, "Current Project");
    assert(start.presets.some((p) => p.name === "UHD 2160p 23.976"));

    await t.ok("manage_project_settings_presets", { action: "save", name: "Grade HD" });
    assertMatch(
      await t.error("manage_project_settings_presets", { action: "save", name: "Grade HD" }),
      /PRESET_EXISTS/,
    );

    const applied = await t.confirmed<Ps>("manage_project_settings_presets", {
      action: "apply",
      name: "UHD 2160p 23.976",
    });
    const changed = Object.fromEntries(applied.changed.map((c) => [c.key, c.after]));
    assertEquals(changed.timelineResolutionWidth, "3840");
    const settings = await t.ok<{ settings: Record<string, string> }>("get_project_settings", {
      keys: ["timelineResolutionWidth"],
    });
    assertEquals(settings.settings.timelineResolutionWidth, "3840");
    const backup = applied.backup_preset!;
    assertMatch(backup, /^Before UHD 2160p 23\.976 /);
    assert(applied.presets.some((p) => p.name === backup && p.width === 1920));

    const reverted = await t.confirmed<Ps>("manage_project_settings_presets", {
      action: "apply",
      name: backup,
      backup: false,
    });
    assertEquals(reverted.backup_preset, null);
    const back = await t.ok<{ settings: Record<string, string> }>("get_project_settings", {
      keys: ["timelineResolutionWidth"],
    });
    assertEquals(back.settings.timelineResolutionWidth, "1920");

    await t.ok("set_project_settings", { settings: { timelineResolutionHeight: "1200" } });
    const updated = await t.confirmed<Ps>("manage_project_settings_presets", {
      action: "update",
      name: "Grade HD",
    });
    assertEquals(updated.presets.find((p) => p.name === "Grade HD")?.height, 1200);
    assertMatch(
      await t.confirmedError("manage_project_settings_presets", {
        action: "update",
        name: "HD 1080p 24",
      }),
      /PRESET_REFUSED/,
    );

    await t.ok("manage_project_settings_presets", {
      action: "export",
      name: "Grade HD",
      path: `${dir}/grade.preset`,
    });
    const imported = await t.ok<Ps & { name: string }>("manage_project_settings_presets", {
      action: "import",
      path: `${dir}/grade.preset`,
      name: "Grade HD copy",
    });
    assertEquals(imported.presets.find((p) => p.name === "Grade HD copy")?.height, 1200);

    const deleted = await t.confirmed<Ps>("manage_project_settings_presets", {
      action: "delete",
      name: "Grade HD copy",
    });
    assert(!deleted.presets.some((p) => p.name === "Grade HD copy"));
    assertMatch(
      await t.error("manage_project_settings_presets", { action: "apply", name: "Nope" }),
      /PRESET_NOT_FOUND/,
    );
  });
  await withFixture(async (t) => {
    assertMatch(
      await t.error("manage_project_settings_presets", { action: "list" }),
      /VERSION_UNSUPPORTED.*21\.1/s,
    );
  }, OLD);
});
