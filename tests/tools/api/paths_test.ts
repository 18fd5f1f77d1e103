// Paths inside the arguments of the api_* tools (issue 6): every string anywhere in the
// arguments that is shaped like a path, or given for a path-named parameter or dict key, is
// resolved and checked against the allowed roots; relative paths are refused; writes over
// existing files need confirmation. Over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { withTempDir } from "../../harness.ts";
import type { TestClient } from "../../harness.ts";
import { writePng } from "../../../scripts/sample_media.ts";

async function clipNames(t: TestClient): Promise<string[]> {
  const all: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.ok<{ clips: { name: string }[]; next_cursor: string | null }>(
      "list_clips",
      cursor ? { cursor } : {},
    );
    all.push(...page.clips.map((c) => c.name));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return all;
}

Deno.test("api tools check paths nested in arrays and dicts against the allowed roots", async () => {
  await withTempDir(async (outside) => {
    await writePng(`${outside}/x.png`, 8, 8);
    await withFixture(async (t, _f, dir, media) => {
      const before = await clipNames(t);
      // Nested in an array, in a clipInfo dict, in an itemInfo dict, through a symlink.
      Deno.symlinkSync(`${outside}/x.png`, `${dir}/link.png`);
      for (
        const [tool, method, args] of [
          ["api_media_pool", "ImportMedia", [[`${outside}/x.png`]]],
          ["api_media_pool", "ImportMedia", [[{ FilePath: `${outside}/x.png` }]]],
          ["api_media_pool", "ImportMedia", [[`${dir}/../${outside.split("/").pop()}/x.png`]]],
          ["api_media_pool", "ImportMedia", [[`${dir}/link.png`]]],
          ["api_media_storage", "AddItemListToMediaPool", [[{ media: `${outside}/x.png` }]]],
          ["api_media_storage", "AddItemListToMediaPool", [`${outside}/x.png`]],
        ] as const
      ) {
        const text = await t.error(tool, { method, args });
        assertMatch(text, /PATH_NOT_ALLOWED/, `${method} ${JSON.stringify(args)}`);
        assert(text.includes(dir), `the error names the allowed roots: ${text}`);
      }
      assertEquals(await clipNames(t), before, "nothing outside the roots was imported");
      assert(!(await clipNames(t)).includes("x.png"));

      // Relative paths, which Resolve would resolve against its own working directory.
      for (
        const [tool, method, args] of [
          ["api_media_pool", "ImportMedia", [["x.png"]]],
          ["api_media_pool", "ImportMedia", [[{ FilePath: "media/x.png" }]]],
          ["api_folder", "Export", ["bin.drb"]],
          ["api_project", "SetRenderSettings", [{ TargetDir: "renders" }]],
        ] as const
      ) {
        assertMatch(
          await t.error(tool, { method, args }),
          /PATH_NOT_ALLOWED.*absolute path/s,
          `${method} ${JSON.stringify(args)}`,
        );
      }
      // Bare file names (Resolve adds the folder) may not climb out of it.
      for (
        const [tool, method, args] of [
          ["api_project", "SetRenderSettings", [{ CustomName: "../escape" }]],
          ["api_gallery_still_album", "ExportStills", [[], dir, "../up_", "png"]],
        ] as const
      ) {
        assertMatch(await t.error(tool, { method, args }), /INVALID_ARGUMENTS/);
      }
      assertEquals(await clipNames(t), before);

      // A path inside the roots is checked, resolved and imported.
      const ok = await t.ok<{ result: unknown[] }>("api_media_pool", {
        method: "ImportMedia",
        args: [[{ FilePath: `${media}/b.png` }]],
      });
      assertEquals(ok.result.length, 1);
      assertEquals((await clipNames(t)).length, before.length + 1);
    });
  });
});

Deno.test("api_project: SetRenderSettings and StartRendering: TargetDir checked, no silent overwrite", async () => {
  await withFixture(async (t, _f, dir) => {
    assertMatch(
      await t.error("api_project", { method: "SetRenderSettings", args: [{ TargetDir: "/etc" }] }),
      /PATH_NOT_ALLOWED.*\/etc/s,
    );
    assertMatch(
      await t.error("api_project", {
        method: "SetRenderSettings",
        args: [{ $dict: [["TargetDir", "/etc"]] }],
      }),
      /PATH_NOT_ALLOWED/,
    );
    // Free text that only looks like a path stays text (a render job's custom name).
    const set = await t.ok("api_project", {
      method: "SetRenderSettings",
      args: [{ TargetDir: dir, CustomName: "api" }],
    });
    assertEquals(set.result, true);
    const job = await t.ok<{ result: string }>("api_project", { method: "AddRenderJob" });
    const list = await t.ok<{ jobs: { output_path: string }[] }>("list_render_jobs");
    const out = list.jobs[0].output_path;
    assertEquals(out.slice(0, out.lastIndexOf(".")), `${dir}/api`);

    Deno.writeTextFileSync(out, "keep me");
    assertMatch(
      await t.error("api_project", { method: "StartRendering", args: [[job.result]] }),
      /CONFIRMATION_REQUIRED.*api\./s,
    );
    assertMatch(
      await t.error("api_project", { method: "StartRendering" }),
      /CONFIRMATION_REQUIRED.*api\./s,
    );
    assertEquals((await t.ok("render_status")).in_progress, false);
    assertEquals(Deno.readTextFileSync(out), "keep me");
    const started = await t.confirmed("api_project", {
      method: "StartRendering",
      args: [[job.result]],
    });
    assertEquals(started.result, true);
  }, { RESOLVE_SIM_RENDER_SECONDS: "0.05" });
});

Deno.test("api writes: existing files need confirmation; text arguments are not paths", async () => {
  await withFixture(async (t, f, dir) => {
    // Folder.Export(filePath): a new file is written, an existing one only with confirm.
    const first = await t.ok("api_folder", { method: "Export", args: [`${dir}/bin.drb`] });
    assertEquals(first.result, true);
    Deno.writeTextFileSync(`${dir}/bin.drb`, "old");
    assertMatch(
      await t.error("api_folder", { method: "Export", args: [`${dir}/bin.drb`] }),
      /CONFIRMATION_REQUIRED.*bin\.drb/s,
    );
    assertEquals(Deno.readTextFileSync(`${dir}/bin.drb`), "old");
    await t.confirmed("api_folder", { method: "Export", args: [`${dir}/bin.drb`] });
    assert(Deno.readTextFileSync(`${dir}/bin.drb`) !== "old");
    assertMatch(
      await t.error("api_folder", { method: "Export", args: ["/etc/bin.drb"] }),
      /PATH_NOT_ALLOWED/,
    );

    // ExportLUT appends the extension: an existing grade.cube counts for "grade".
    Deno.writeTextFileSync(`${dir}/grade.cube`, "old lut");
    const lutArgs = {
      method: "ExportLUT",
      target: f.video[0],
      args: [{ $const: "EXPORT_LUT_17PTCUBE" }, `${dir}/grade`],
    };
    assertMatch(await t.error("api_timeline_item", lutArgs), /CONFIRMATION_REQUIRED.*grade\.cube/s);
    assertEquals(Deno.readTextFileSync(`${dir}/grade.cube`), "old lut");
    await t.confirmed("api_timeline_item", { ...lutArgs });
    assertMatch(Deno.readTextFileSync(`${dir}/grade.cube`), /LUT_3D_SIZE 17/);

    // Metadata values, names and notes that look like paths are text.
    const text = "/not/a/path ../ ~ still text";
    await t.ok("api_media_pool_item", {
      method: "SetMetadata",
      target: f.clips[1],
      args: ["Comments", text],
    });
    await t.ok("api_media_pool_item", {
      method: "SetMetadata",
      target: f.clips[1],
      args: [{ Description: text }],
    });
    const meta = await t.ok<{ result: Record<string, string> }>("api_media_pool_item", {
      method: "GetMetadata",
      target: f.clips[1],
    });
    assertEquals([meta.result.Comments, meta.result.Description], [text, text]);
    const marker = await t.ok("api_timeline", {
      method: "AddMarker",
      args: [5, "Blue", "../name", "/note", 1, "~data"],
    });
    assertEquals(marker.result, true);

    // lutPath relative to Resolve's LUT folders is allowed, but not with '..'.
    const lut = await t.ok("api_graph", { method: "SetLUT", args: [1, "Sample/Warm.cube"] });
    assertEquals(lut.result, true);
    assertMatch(
      await t.error("api_graph", { method: "SetLUT", args: [1, "../Sample/Warm.cube"] }),
      /PATH_NOT_ALLOWED/,
    );
  });
});
