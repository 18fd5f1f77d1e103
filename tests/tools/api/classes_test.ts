// The api_* tools over stdio against the simulator: one call per class, objects addressed by
// stable ids and names, results that are API objects returned as {$object: ...} addresses.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

type Obj = { $object: { class: string; id?: string; name?: string } };
type Result = { class: string; method: string; result: unknown };

Deno.test("api_resolve: calls a Resolve method; a wrong argument count is refused", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_resolve", { method: "GetProductName" });
    assertEquals([r.class, r.method], ["Resolve", "GetProductName"]);
    assertEquals(typeof r.result, "string");
    assertMatch(
      await t.error("api_resolve", { method: "GetProductName", args: [1] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("api_project_manager: returns the current project as an object address", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_project_manager", { method: "GetCurrentProject" });
    assertEquals((r.result as Obj).$object.class, "Project");
    assertMatch(
      await t.error("api_project_manager", { method: "GetCurrentProject", args: [1] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("api_media_storage: lists the mounted volumes", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_media_storage", { method: "GetMountedVolumeList" });
    assert(Array.isArray(r.result));
    assertMatch(
      await t.error("api_media_storage", { method: "GetMountedVolumeList", args: [1, 2] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("api_media_pool: the root folder comes back as a Folder address", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_media_pool", { method: "GetRootFolder" });
    const root = (r.result as Obj).$object;
    assertEquals(root.class, "Folder");
    const name = await t.ok<Result>("api_folder", { method: "GetName", target: root.id });
    assertEquals(name.result, root.name);
    assertMatch(
      await t.error("api_media_pool", { method: "GetRootFolder", args: [1] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("api_folder: the root bin by default; a wrong argument count is refused", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_folder", { method: "GetName" });
    assertEquals(r.result, "Master");
    assertMatch(await t.error("api_folder", { method: "GetName", args: [1] }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("api_media_pool_item: a clip by name; the target is required", async () => {
  await withFixture(async (t) => {
    const clips = await t.ok<{ clips: { name: string }[] }>("list_clips");
    const clip = clips.clips[0].name;
    const r = await t.ok<Result>("api_media_pool_item", { method: "GetName", target: clip });
    assertEquals(r.result, clip);
    assertMatch(await t.error("api_media_pool_item", { method: "GetName" }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("api_timeline: the current timeline by default; unknown timelines are refused", async () => {
  await withFixture(async (t) => {
    const items = await t.ok<{ timeline: string }>("list_timeline_items");
    const r = await t.ok<Result>("api_timeline", { method: "GetName" });
    assertEquals(r.result, items.timeline);
    assertMatch(
      await t.error("api_timeline", { method: "GetName", target: "No such timeline" }),
      /TIMELINE_NOT_FOUND/,
    );
  });
});

Deno.test("api_timeline_item: an item by its unique id; the target is required", async () => {
  await withFixture(async (t) => {
    const { items } = await t.ok<{ items: { id: string; name: string }[] }>("list_timeline_items");
    const r = await t.ok<Result>("api_timeline_item", { method: "GetName", target: items[0].id });
    assertEquals(r.result, items[0].name);
    assertMatch(await t.error("api_timeline_item", { method: "GetName" }), /INVALID_ARGUMENTS/);
  });
});

Deno.test("api_gallery: the current still album as an object address", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_gallery", { method: "GetCurrentStillAlbum" });
    assertEquals((r.result as Obj).$object.class, "GalleryStillAlbum");
    assertMatch(
      await t.error("api_gallery", { method: "GetCurrentStillAlbum", args: [1] }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("api_gallery_still_album: the current album's stills; unknown albums are refused", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_gallery_still_album", { method: "GetStills" });
    assert(Array.isArray(r.result));
    assertMatch(
      await t.error("api_gallery_still_album", { method: "GetStills", target: "still:99" }),
      /ALBUM_NOT_FOUND/,
    );
  });
});

Deno.test("api_graph: the current timeline's graph; a bad graph address is refused", async () => {
  await withFixture(async (t) => {
    const r = await t.ok<Result>("api_graph", { method: "GetNumNodes" });
    assertEquals(typeof r.result, "number");
    assertMatch(
      await t.error("api_graph", { method: "GetNumNodes", target: "bogus" }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("api_color_group: unknown groups are GROUP_NOT_FOUND; the target is required", async () => {
  await withFixture(async (t) => {
    assertMatch(
      await t.error("api_color_group", { method: "GetName", target: "No such group" }),
      /GROUP_NOT_FOUND/,
    );
    assertMatch(await t.error("api_color_group", { method: "GetName" }), /INVALID_ARGUMENTS/);
  });
});
