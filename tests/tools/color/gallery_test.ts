// Color tools on the gallery over stdio against the simulator: albums and stills.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

Deno.test("grab_stills: albums, grab stills, labels, pages, import, export, delete", async () => {
  await withFixture(async (t, _f, dir) => {
    const albums = await t.ok("list_gallery_albums");
    assertEquals(albums.albums, [
      { name: "Stills 1", kind: "still", current: true, stills: 0 },
      { name: "PowerGrade 1", kind: "powergrade", current: false, stills: 0 },
    ]);
    const one = await t.ok("grab_stills", { label: "hero" });
    assertEquals(one, { album: "Stills 1", stills: [{ index: 1, label: "hero" }] });
    const all = await t.ok("grab_stills", { mode: "all_middle" });
    assertEquals((all.stills as { index: number }[]).map((s) => s.index), [2, 3]);
    const page = await t.ok("list_stills", { limit: 2, cursor: "o1" });
    assertEquals(page.total, 3);
    assertEquals((page.stills as { index: number }[]).map((s) => s.index), [2, 3]);
    assertEquals(page.next_cursor, null);
    assertEquals(
      await t.ok("set_still_label", { index: 2, label: "wide" }),
      { index: 2, label: "wide" },
    );
    assertMatch(await t.error("set_still_label", { index: 9, label: "x" }), /STILL_NOT_FOUND/);

    const made = await t.ok("manage_gallery_albums", { action: "create_still", new_name: "Refs" });
    assertEquals(made.album, "Refs");
    await t.ok("manage_gallery_albums", { action: "create_powergrade" });
    await t.ok("manage_gallery_albums", { action: "set_current", album: "Refs" });
    await t.ok("manage_gallery_albums", {
      action: "rename",
      album: "PowerGrade 2",
      new_name: "Looks",
    });
    assertMatch(
      await t.error("manage_gallery_albums", { action: "set_current", album: "Looks" }),
      /NOT_A_STILL_ALBUM/,
    );
    assertMatch(
      await t.error("manage_gallery_albums", { action: "rename", album: "Nope", new_name: "x" }),
      /ALBUM_NOT_FOUND/,
    );

    const exported = await t.ok("export_stills", {
      album: "Stills 1",
      folder: dir,
      prefix: "shot_",
      format: "png",
    });
    assertEquals(exported.exported, 3);
    const pngs = [...Deno.readDirSync(dir)].filter((e) => e.name.startsWith("shot_")).map((e) =>
      `${dir}/${e.name}`
    );
    assertEquals(pngs.length, 3);
    // Exporting again with the same prefix would replace those files: confirmation first.
    for (const p of pngs) Deno.writeTextFileSync(p, "precious");
    const again = { album: "Stills 1", folder: dir, prefix: "shot_", format: "png" };
    const asked = await t.error("export_stills", again);
    assertMatch(asked, /CONFIRMATION_REQUIRED.*shot_/s);
    assert(pngs.every((p) => asked.includes(p.slice(dir.length + 1))), asked);
    assert(pngs.every((p) => Deno.readTextFileSync(p) === "precious"), "files unchanged");
    await t.confirmed("export_stills", { ...again });
    assert(pngs.every((p) => Deno.readTextFileSync(p) !== "precious"), "files replaced");
    // Another prefix, or another format, touches none of them: no question.
    await t.ok("export_stills", { ...again, prefix: "other_" });
    await t.ok("export_stills", { ...again, format: "jpg" });
    assertMatch(
      await t.error("export_stills", { ...again, prefix: "../shot_" }),
      /INVALID_ARGUMENTS.*without folders/s,
    );
    assertMatch(
      await t.error("export_stills", { folder: `${dir}/missing` }),
      /NO_SUCH_DIRECTORY/,
    );
    assertMatch(await t.error("export_stills", { folder: dir }), /NO_STILLS/); // Refs is empty
    const imported = await t.ok("import_stills", { paths: pngs.slice(0, 2) });
    assertEquals(imported.album, "Refs");
    assertEquals(imported.imported, 2);
    assertMatch(
      await t.error("import_stills", { paths: [`${dir}/none.png`] }),
      /FILE_NOT_FOUND/,
    );
    assertMatch(
      await t.error("import_stills", { paths: ["/etc/hosts"] }),
      /PATH_NOT_ALLOWED/,
    );

    assertMatch(
      await t.error("delete_stills", { album: "Stills 1", indices: [1, 3] }),
      /CONFIRMATION_REQUIRED/,
    );
    const del = await t.confirmed("delete_stills", { album: "Stills 1", indices: [1, 3] });
    assertEquals([del.album, del.deleted, del.remaining], ["Stills 1", 2, 1]);
    assertMatch(String(del.checkpoint_id), /^ck-/);
    const left = await t.ok("list_stills", { album: "Stills 1" });
    assertEquals(left.stills, [{ index: 1, label: "wide" }]);
    const final = await t.ok("list_gallery_albums");
    assertEquals(
      (final.albums as { name: string; current: boolean; stills: number }[]).map((a) => [
        a.name,
        a.current,
        a.stills,
      ]),
      [["Stills 1", false, 1], ["Refs", true, 2], ["PowerGrade 1", false, 0], ["Looks", false, 0]],
    );
  });
});

Deno.test("list_gallery_albums: a still and a PowerGrade album to begin with", async () => {
  await withFixture(async (t) => {
    const albums = await t.ok("list_gallery_albums");
    assertEquals((albums.albums as { name: string }[]).map((a) => a.name), [
      "Stills 1",
      "PowerGrade 1",
    ]);
  });
});

Deno.test("list_stills: grabbed stills are listed; an unknown album is ALBUM_NOT_FOUND", async () => {
  await withFixture(async (t) => {
    await t.ok("grab_stills", { label: "hero" });
    const listed = await t.ok("list_stills", {});
    assertEquals(listed.total, 1);
    assertMatch(await t.error("list_stills", { album: "Nope" }), /ALBUM_NOT_FOUND/);
  });
});

Deno.test("set_still_label: relabels a still; an unknown index is STILL_NOT_FOUND", async () => {
  await withFixture(async (t) => {
    await t.ok("grab_stills", { label: "hero" });
    assertEquals(await t.ok("set_still_label", { index: 1, label: "wide" }), {
      index: 1,
      label: "wide",
    });
    assertMatch(await t.error("set_still_label", { index: 9, label: "x" }), /STILL_NOT_FOUND/);
  });
});

Deno.test("manage_gallery_albums: creates an album (list_gallery_albums reads back); unknown is ALBUM_NOT_FOUND", async () => {
  await withFixture(async (t) => {
    const made = await t.ok("manage_gallery_albums", { action: "create_still", new_name: "Refs" });
    assertEquals(made.album, "Refs");
    const albums = await t.ok("list_gallery_albums");
    assert((albums.albums as { name: string }[]).some((a) => a.name === "Refs"));
    assertMatch(
      await t.error("manage_gallery_albums", { action: "rename", album: "Nope", new_name: "x" }),
      /ALBUM_NOT_FOUND/,
    );
  });
});

Deno.test("import_stills: a missing file is FILE_NOT_FOUND, a file outside the roots PATH_NOT_ALLOWED", async () => {
  await withFixture(async (t, _f, dir) => {
    assertMatch(await t.error("import_stills", { paths: [`${dir}/none.png`] }), /FILE_NOT_FOUND/);
    assertMatch(await t.error("import_stills", { paths: ["/etc/hosts"] }), /PATH_NOT_ALLOWED/);
  });
});

Deno.test("export_stills: writes the album's stills; a missing folder is NO_SUCH_DIRECTORY", async () => {
  await withFixture(async (t, _f, dir) => {
    await t.ok("grab_stills", { label: "hero" });
    const exp = await t.ok("export_stills", { folder: dir, prefix: "s_", format: "png" });
    assertEquals(exp.exported, 1);
    assert([...Deno.readDirSync(dir)].some((e) => e.name.startsWith("s_")));
    assertMatch(
      await t.error("export_stills", { folder: `${dir}/missing` }),
      /NO_SUCH_DIRECTORY/,
    );
  });
});

Deno.test("delete_stills: asks first, then deletes (list_stills reads back)", async () => {
  await withFixture(async (t) => {
    await t.ok("grab_stills", { label: "hero" });
    assertMatch(
      await t.error("delete_stills", { album: "Stills 1", indices: [1] }),
      /CONFIRMATION_REQUIRED/,
    );
    await t.confirmed("delete_stills", { album: "Stills 1", indices: [1] });
    assertEquals((await t.ok("list_stills", { album: "Stills 1" })).total, 0);
  });
});
