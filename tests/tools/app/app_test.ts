// The "app" toolset over stdio against the simulator: version/edition info, keyframe mode,
// layout / user-preferences / burn-in / render presets, background tasks and quitting.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";

const APP = ["--toolsets", "default,app"];

Deno.test("get_resolve_info: product, version, edition, page and keyframe mode", async () => {
  await withClient({ args: APP }, async (t) => {
    const info = await t.ok("get_resolve_info");
    assertEquals(info.product_name, "DaVinci Resolve Studio");
    assertEquals(info.version, "21.1.1.10");
    assertEquals([info.major, info.minor, info.patch, info.build, info.suffix], [21, 1, 1, 10, ""]);
    assertEquals([info.edition, info.page, info.keyframe_mode], ["studio", "edit", "ALL"]);
    assertEquals(info.fusion_available, true);
    assert((info.mounted_volumes as string[]).includes("/"));
    await t.ok("switch_page", { page: "color" });
    assertEquals((await t.ok("get_resolve_info")).page, "color");
    assertMatch(await t.error("get_resolve_info", { verbose: true }), /INVALID_ARGUMENTS/);
  });
  await withClient({
    args: APP,
    env: { RESOLVE_SIM_EDITION: "free", RESOLVE_SIM_VERSION: "18.6.0.3" },
  }, async (t) => {
    const info = await t.ok("get_resolve_info");
    assertEquals([info.product_name, info.edition, info.major], ["DaVinci Resolve", "free", 18]);
    assertEquals(info.keyframe_mode, null, "no keyframe mode before Resolve 19");
  });
});

Deno.test("set_keyframe_mode: sets the mode and says the previous one; refused before Resolve 19", async () => {
  await withClient({ args: APP }, async (t) => {
    assertEquals(await t.ok("set_keyframe_mode", { mode: "COLOR" }), {
      mode: "COLOR",
      previous: "ALL",
    });
    assertEquals((await t.ok("get_resolve_info")).keyframe_mode, "COLOR");
    assertEquals((await t.ok("set_keyframe_mode", { mode: "SIZING" })).previous, "COLOR");
    assertMatch(await t.error("set_keyframe_mode", { mode: "POSITION" }), /INVALID_ARGUMENTS/);
  });
  await withClient({
    args: APP,
    env: { RESOLVE_SIM_EDITION: "free", RESOLVE_SIM_VERSION: "18.6.0.3" },
  }, async (t) => {
    assertMatch(await t.error("set_keyframe_mode", { mode: "ALL" }), /METHOD_UNAVAILABLE/);
    assertMatch(
      await t.error("list_presets", { kind: "layout" }),
      /METHOD_UNAVAILABLE.*21\.0\.4/s,
    );
    assertMatch(await t.error("disable_background_tasks"), /METHOD_UNAVAILABLE/);
  });
});

Deno.test("manage_presets: layout and user-preferences presets saved, updated, loaded, exported, deleted, imported", async () => {
  await withTempDir(async (dir) => {
    await withClient({ args: [...APP, "--allow-path", dir] }, async (t) => {
      const saved = await t.ok("manage_presets", { kind: "layout", action: "save", name: "Bay" });
      assertEquals(saved.presets, ["Bay"]);
      assertEquals((await t.ok("list_presets", { kind: "layout" })).presets, ["Bay"]);
      assertMatch(
        await t.error("manage_presets", { kind: "layout", action: "save", name: "Bay" }),
        /PRESET_EXISTS.*update/s,
      );
      assertMatch(
        await t.error("manage_presets", { kind: "layout", action: "update", name: "Bay" }),
        /CONFIRMATION_REQUIRED/,
      );
      await t.confirmed("manage_presets", {
        kind: "layout",
        action: "update",
        name: "Bay",
      });
      await t.ok("manage_presets", { kind: "layout", action: "load", name: "Bay" });
      assertMatch(
        await t.error("manage_presets", { kind: "layout", action: "load", name: "Nope" }),
        /PRESET_NOT_FOUND.*"Bay"/s,
      );
      const exported = await t.ok("manage_presets", {
        kind: "layout",
        action: "export",
        name: "Bay",
        path: `${dir}/bay.preset`,
      });
      assertEquals(exported.path, `${dir}/bay.preset`);
      assert(Deno.statSync(`${dir}/bay.preset`).isFile);
      assertMatch(
        await t.error("manage_presets", {
          kind: "layout",
          action: "export",
          name: "Bay",
          path: `${dir}/bay.preset`,
        }),
        /CONFIRMATION_REQUIRED.*bay\.preset exists/s,
      );
      await t.confirmed("manage_presets", {
        kind: "layout",
        action: "export",
        name: "Bay",
        path: `${dir}/bay.preset`,
      });
      assertMatch(
        await t.error("manage_presets", {
          kind: "layout",
          action: "export",
          name: "Bay",
          path: "/bay.preset",
        }),
        /PATH_NOT_ALLOWED/,
      );
      assertMatch(
        await t.error("manage_presets", { kind: "layout", action: "delete", name: "Bay" }),
        /CONFIRMATION_REQUIRED/,
      );
      assertEquals((await t.ok("list_presets", { kind: "layout" })).total, 1);
      const deleted = await t.confirmed("manage_presets", {
        kind: "layout",
        action: "delete",
        name: "Bay",
      });
      assertEquals(deleted.presets, []);
      const imported = await t.ok("manage_presets", {
        kind: "layout",
        action: "import",
        path: `${dir}/bay.preset`,
        name: "Bay 2",
      });
      assertEquals([imported.name, imported.presets], ["Bay 2", ["Bay 2"]]);
      assertMatch(
        await t.error("manage_presets", {
          kind: "layout",
          action: "import",
          path: `${dir}/none.preset`,
        }),
        /FILE_NOT_FOUND/,
      );
      assertMatch(
        await t.error("manage_presets", { kind: "layout", action: "load" }),
        /INVALID_ARGUMENTS.*needs name/s,
      );
      assertMatch(
        await t.error("manage_presets", {
          kind: "layout",
          action: "load",
          name: "Bay 2",
          path: `${dir}/x`,
        }),
        /INVALID_ARGUMENTS.*path is only used by import and export/s,
      );

      // User preferences: no update action.
      await t.ok("manage_presets", { kind: "user_preferences", action: "save", name: "Mine" });
      await t.ok("manage_presets", { kind: "user_preferences", action: "load", name: "Mine" });
      assertMatch(
        await t.error("manage_presets", {
          kind: "user_preferences",
          action: "update",
          name: "Mine",
        }),
        /UNSUPPORTED_ACTION.*load, save, delete, import, export/s,
      );
      await t.ok("manage_presets", {
        kind: "user_preferences",
        action: "export",
        name: "Mine",
        path: `${dir}/prefs.preset`,
      });
      await t.confirmed("manage_presets", {
        kind: "user_preferences",
        action: "delete",
        name: "Mine",
      });
      const back = await t.ok("manage_presets", {
        kind: "user_preferences",
        action: "import",
        path: `${dir}/prefs.preset`,
      });
      assertEquals(back.name, "Mine", "the name comes from the file");
      assertEquals((await t.ok("list_presets", { kind: "user_preferences" })).presets, ["Mine"]);
    });
  });
});

Deno.test("manage_presets: burn-in and render presets imported, applied, exported, deleted", async () => {
  await withTempDir(async (dir) => {
    Deno.writeTextFileSync(`${dir}/Slate.preset`, "{}");
    await withClient({ args: [...APP, "--allow-path", dir] }, async (t) => {
      await t.ok("create_project", { name: "Burn" });
      const imported = await t.ok("manage_presets", {
        kind: "burn_in",
        action: "import",
        path: `${dir}/Slate.preset`,
      });
      assertEquals(imported.name, "Slate");
      assertMatch(
        await t.error("manage_presets", {
          kind: "burn_in",
          action: "import",
          path: `${dir}/Slate.preset`,
          name: "X",
        }),
        /INVALID_ARGUMENTS.*takes the preset name from the file/s,
      );
      await t.ok("manage_presets", { kind: "burn_in", action: "apply_to_project", name: "Slate" });
      assertMatch(
        await t.error("manage_presets", {
          kind: "burn_in",
          action: "apply_to_project",
          name: "Other",
        }),
        /PRESET_NOT_FOUND/,
      );
      assertMatch(
        await t.error("manage_presets", { kind: "burn_in", action: "save", name: "New" }),
        /UNSUPPORTED_ACTION/,
      );
      await t.ok("manage_presets", {
        kind: "burn_in",
        action: "export",
        name: "Slate",
        path: `${dir}/slate-out.preset`,
      });
      assert(Deno.statSync(`${dir}/slate-out.preset`).isFile);
      assertEquals(
        (await t.confirmed("manage_presets", {
          kind: "burn_in",
          action: "delete",
          name: "Slate",
        }))
          .presets,
        [],
      );

      await t.ok("manage_presets", {
        kind: "render",
        action: "export",
        name: "YouTube - 1080p",
        path: `${dir}/yt.xml`,
      });
      const file = JSON.parse(Deno.readTextFileSync(`${dir}/yt.xml`));
      Deno.writeTextFileSync(`${dir}/web.xml`, JSON.stringify({ ...file, name: "Web 1080" }));
      const render = await t.ok("manage_presets", {
        kind: "render",
        action: "import",
        path: `${dir}/web.xml`,
      });
      assertEquals(render.name, "Web 1080");
      assert((render.presets as string[]).includes("Web 1080"));
      assertMatch(
        await t.error("manage_presets", {
          kind: "render",
          action: "export",
          name: "Nope",
          path: `${dir}/n.xml`,
        }),
        /PRESET_NOT_FOUND/,
      );
      assertMatch(
        await t.error("manage_presets", { kind: "render", action: "delete", name: "Web 1080" }),
        /UNSUPPORTED_ACTION/,
      );
    });
  });
});

Deno.test("list_presets: names of each kind in pages; kinds without a list are refused", async () => {
  await withTempDir(async (dir) => {
    await withClient({ args: [...APP, "--allow-path", dir] }, async (t) => {
      await t.ok("create_project", { name: "Lists" });
      await t.ok("manage_presets", { kind: "layout", action: "save", name: "Bay" });
      assertEquals((await t.ok("list_presets", { kind: "layout" })).presets, ["Bay"]);
      const fl = await t.ok("list_presets", { kind: "fairlight", limit: 2 });
      assertEquals(fl.presets, ["Dialogue Cleanup", "Podcast Mix"]);
      assertEquals(fl.total, 3);
      const rest = await t.ok("list_presets", { kind: "fairlight", cursor: fl.next_cursor });
      assertEquals([rest.presets, rest.next_cursor], [["Stereo Mixdown"], null]);
      assertMatch(await t.error("list_presets", { kind: "render" }), /INVALID_ARGUMENTS/);
    });
  });
});

Deno.test("disable_background_tasks: turns them off for the session", async () => {
  await withClient({ args: APP }, async (t) => {
    assertEquals(await t.ok("disable_background_tasks"), { disabled: true });
    assertMatch(await t.error("disable_background_tasks", { forever: true }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("quit_resolve: asks, saves the project first, then Resolve is gone", async () => {
  await withClient({ args: APP }, async (t) => {
    await t.ok("create_project", { name: "Last" });
    assertMatch(await t.error("quit_resolve"), /CONFIRMATION_REQUIRED/);
    assertEquals((await t.ok("get_resolve_info")).edition, "studio", "still running");
    assertEquals(await t.confirmed("quit_resolve", {}), {
      quit: true,
      saved_project: "Last",
    });
    assertMatch(await t.error("get_resolve_info"), /RESOLVE_UNAVAILABLE/);
  });
});

Deno.test("switch_page: reports the page before and after; unknown pages are refused", async () => {
  await withClient({}, async (t) => {
    const first = await t.ok("switch_page", { page: "color" });
    assertEquals(first.page, "color");
    const second = await t.ok("switch_page", { page: "deliver" });
    assertEquals(second, { page: "deliver", previous: "color" });
    assertMatch(await t.error("switch_page", { page: "colour" }), /INVALID_ARGUMENTS.*page/s);
  });
});
