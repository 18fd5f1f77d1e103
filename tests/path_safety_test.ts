// Writes and reads stay inside the allowed folders (issue 12): a write is checked where it
// really ends up (links followed, dangling ones too), refused into folders others can change
// or onto files with other hard links, checked again after a confirmation and after Resolve
// wrote; api_* dicts, bare file names and folder-valued settings are checked; control
// characters are refused in paths and in names that reach interchange files. Over stdio
// against the simulator.
import { assert, assertEquals, assertMatch } from "./assert.ts";
import { ROOT, type TestClient, withClient, withTempDir } from "./harness.ts";
import { writePng } from "../scripts/sample_media.ts";
import { types } from "../src/sdk.ts";

/** A server allowed `inside` only, with a project and an empty current timeline "Cut". */
async function withServer(
  fn: (t: TestClient, inside: string, outside: string) => Promise<void>,
  options: { elicit?: "accept"; env?: Record<string, string> } = {},
) {
  await withTempDir(async (inside) => {
    await withTempDir(async (outside) => {
      await withClient(
        {
          args: ["--allow-path", inside, "--toolsets", "all"],
          env: options.env,
          elicit: options.elicit,
        },
        async (t) => {
          await t.ok("create_project", { name: "Safety" });
          await t.ok("create_timeline", { name: "Cut" });
          await fn(t, inside, outside);
        },
      );
    });
  });
}

/** Gives a folder to another user (root only; false where this is not allowed). */
function chownTo(path: string, uid: number): boolean {
  try {
    Deno.chownSync(path, uid, uid);
    return true;
  } catch {
    return false;
  }
}

const exists = (p: string) => {
  try {
    Deno.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

Deno.test("a dangling link inside the roots cannot point a write outside", async () => {
  await withServer(async (t, inside, outside) => {
    await writePng(`${inside}/b.png`, 8, 8);
    const [clip] = (await t.ok<{ clips: { id: string }[] }>("import_media", {
      paths: [`${inside}/b.png`],
    })).clips;
    const writes: [string, Record<string, unknown>, string][] = [
      ["export_timeline", { format: "edl" }, "cut.edl"],
      ["export_timeline", { format: "otio" }, "cut.otio"],
      ["export_project", {}, "p.drp"],
      ["export_clip_metadata", { clips: [clip.id] }, "meta.csv"],
      ["export_bin", { bin: "Master" }, "bin.drb"],
    ];
    for (const [tool, args, file] of writes) {
      Deno.symlinkSync(`${outside}/${file}`, `${inside}/${file}`);
      const text = await t.error(tool, { ...args, path: `${inside}/${file}` });
      assertMatch(text, /PATH_NOT_ALLOWED/, `${tool}: ${text}`);
      assert(!exists(`${outside}/${file}`), `${tool} wrote outside through the link`);
    }
    // A dangling link to a name inside is refused too (it is not a new file).
    Deno.symlinkSync(`${inside}/missing.edl`, `${inside}/in.edl`);
    assertMatch(
      await t.error("export_timeline", { format: "edl", path: `${inside}/in.edl` }),
      /DANGLING_LINK/,
    );
    // Through the api tools as well (Folder.Export writes a .drb).
    Deno.symlinkSync(`${outside}/api.drb`, `${inside}/api.drb`);
    assertMatch(
      await t.error("api_folder", { method: "Export", args: [`${inside}/api.drb`] }),
      /PATH_NOT_ALLOWED/,
    );
    assert(!exists(`${outside}/api.drb`));
  });
});

Deno.test("no write onto a file with other hard links, into a folder others can change, or through links in a bundle", async () => {
  await withServer(async (t, inside, outside) => {
    // A hard link shares the file with another name (here one outside the roots).
    Deno.writeTextFileSync(`${outside}/victim.edl`, "keep");
    Deno.linkSync(`${outside}/victim.edl`, `${inside}/linked.edl`);
    assertMatch(
      await t.error("export_timeline", { format: "edl", path: `${inside}/linked.edl` }),
      /HARD_LINKED/,
    );
    assertEquals(Deno.readTextFileSync(`${outside}/victim.edl`), "keep");

    // World-writable without the sticky bit: anyone could swap the file for a link.
    Deno.mkdirSync(`${inside}/open`);
    Deno.chmodSync(`${inside}/open`, 0o777);
    assertMatch(
      await t.error("export_timeline", { format: "edl", path: `${inside}/open/x.edl` }),
      /UNSAFE_FOLDER/,
    );
    assert(!exists(`${inside}/open/x.edl`));
    // With the sticky bit others cannot replace entries they do not own: allowed.
    Deno.chmodSync(`${inside}/open`, 0o1777);
    await t.ok("export_timeline", { format: "edl", path: `${inside}/open/x.edl` });
    // Group-writable: fine when the folder is ours, not when it is someone else's.
    Deno.mkdirSync(`${inside}/group`);
    Deno.chmodSync(`${inside}/group`, 0o775);
    await t.ok("export_timeline", { format: "edl", path: `${inside}/group/x.edl` });
    if (chownTo(`${inside}/group`, 4242)) {
      assertMatch(
        await t.error("export_timeline", { format: "edl", path: `${inside}/group/y.edl` }),
        /UNSAFE_FOLDER/,
      );
    }

    // An existing FCPXML bundle whose document is a link outside: refused before writing.
    Deno.mkdirSync(`${inside}/cut.fcpxmld`);
    Deno.symlinkSync(`${outside}/Info.fcpxml`, `${inside}/cut.fcpxmld/Info.fcpxml`);
    const bundle = { format: "fcpxml_1_10", path: `${inside}/cut.fcpxmld` };
    assertMatch(await t.error("export_timeline", bundle), /PATH_NOT_ALLOWED/);
    assert(!exists(`${outside}/Info.fcpxml`));
  });
});

Deno.test("the path is checked again after the confirmation", async () => {
  await withServer(async (t, inside, outside) => {
    // While the user is asked to confirm the overwrite, the file becomes a link outside.
    Deno.writeTextFileSync(`${inside}/cut.edl`, "old");
    Deno.writeTextFileSync(`${outside}/victim.edl`, "keep");
    t.client.setRequestHandler(types.ElicitRequestSchema, () => {
      Deno.removeSync(`${inside}/cut.edl`);
      Deno.symlinkSync(`${outside}/victim.edl`, `${inside}/cut.edl`);
      return { action: "accept", content: { confirm: true } };
    });
    assertMatch(
      await t.error("export_timeline", { format: "edl", path: `${inside}/cut.edl` }),
      /PATH_NOT_ALLOWED|PATH_CHANGED/,
    );
    assertEquals(Deno.readTextFileSync(`${outside}/victim.edl`), "keep");
  }, { elicit: "accept" });
});

Deno.test("a path swapped while Resolve writes is reported: PATH_ESCAPED", async () => {
  await withServer(async (t, inside, outside) => {
    // Resolve is held on a FIFO until the test reads; meanwhile the name becomes a link out.
    Deno.writeTextFileSync(`${outside}/victim.edl`, "keep");
    const fifo = `${inside}/pipe.edl`;
    const made = await new Deno.Command("mkfifo", { args: [fifo] }).output();
    assert(made.success, "mkfifo");
    const call = t.call("export_timeline", { format: "edl", path: fifo });
    // Swap only once the simulated Resolve is inside open() of the FIFO, waiting for a reader
    // (the kernel says so in wchan): past every check the server makes before the write.
    assert(await pythonWaitingOnFifo(), "Resolve never opened the FIFO");
    Deno.renameSync(`${inside}/pipe.edl`, `${inside}/pipe.old`);
    Deno.symlinkSync(`${outside}/victim.edl`, fifo);
    const file = await Deno.open(`${inside}/pipe.old`, { read: true });
    for await (const _ of file.readable) { /* drain what Resolve writes */ }
    const result = await call;
    assert(result.isError, "the swap must be reported");
    assertMatch((result.content[0] as { text: string }).text, /PATH_ESCAPED/);
    assertEquals(Deno.readTextFileSync(`${outside}/victim.edl`), "keep", "nothing deleted");
  }, { elicit: "accept" });
});

Deno.test("api tools: $dict only as pairs, bare names without folders, Quick Export needs TargetDir", async () => {
  await withServer(async (t, inside, outside) => {
    await writePng(`${outside}/x.png`, 8, 8);
    // An entry given as an object unpacks in Python to its two keys: FilePath, the path.
    const pool = await t.ok<{ result: unknown[] }>("api_folder", { method: "GetClipList" });
    for (
      const [tool, method, args] of [
        ["api_media_pool", "ImportMedia", [[{
          $dict: [{ FilePath: 0, [`${outside}/x.png`]: 0 }],
        }]]],
        ["api_project", "RenderWithQuickExport", ["H.264", {
          $dict: [{ TargetDir: 0, [outside]: 0 }],
        }]],
        ["api_project", "SetRenderSettings", [{ $dict: "TargetDir" }]],
      ] as const
    ) {
      assertMatch(await t.error(tool, { method, args }), /INVALID_ARGUMENTS/, method);
    }
    const after = await t.ok<{ result: unknown[] }>("api_folder", { method: "GetClipList" });
    assertEquals(after.result.length, pool.result.length, "nothing was imported");

    // Bare file names: Resolve puts them into a folder checked elsewhere.
    for (
      const [tool, method, args] of [
        ["api_project", "SetRenderSettings", [{ TargetDir: inside, CustomName: "sub/x" }]],
        ["api_project", "RenderWithQuickExport", ["H.264", {
          TargetDir: inside,
          CustomName: "a\\b",
        }]],
        ["api_gallery_still_album", "ExportStills", [[], inside, "sub/up_", "png"]],
        ["api_media_pool_item", "RemoveMotionBlur", [{ FileName: "../../x" }]],
      ] as const
    ) {
      const target = tool === "api_media_pool_item" ? { target: "whatever" } : {};
      assertMatch(
        await t.error(tool, { method, args, ...target }),
        /INVALID_ARGUMENTS/,
        `${method} ${JSON.stringify(args)}`,
      );
    }

    // Without TargetDir, Quick Export would write to Resolve's default folder (the home).
    assertMatch(
      await t.error("api_project", { method: "RenderWithQuickExport", args: ["H.264", {}] }),
      /PATH_NOT_ALLOWED/,
    );
    assertMatch(
      await t.error("api_project", {
        method: "RenderWithQuickExport",
        args: ["H.264", { CustomName: "q" }],
      }),
      /PATH_NOT_ALLOWED/,
    );
  });
});

Deno.test("remove_motion_blur: the file name is a bare name", async () => {
  await withServer(async (t, inside) => {
    const movie = await new Deno.Command("python3", {
      args: [
        "-c",
        "import sys; sys.path.insert(0, sys.argv[1] + 'bridge/simulator'); import sim_testmedia as m; m.write_mp4(sys.argv[2], 64, 36, 24, 24)",
        ROOT,
        `${inside}/a.mp4`,
      ],
    }).output();
    assert(movie.success, "test movie");
    const [clip] = (await t.ok<{ clips: { id: string }[] }>("import_media", {
      paths: [`${inside}/a.mp4`],
    })).clips;
    for (const file_name of ["../../escape", "sub/x", "a\nb"]) {
      assertMatch(
        await t.error("remove_motion_blur", { clips: [clip.id], file_name }),
        /INVALID_ARGUMENTS|INVALID_PATH/,
        file_name,
      );
    }
    const ok = await t.ok<{ created: { path: string }[] }>("remove_motion_blur", {
      clips: [clip.id],
      file_name: "sharp",
    });
    assertEquals(ok.created[0].path, `${inside}/sharp.mov`);
  });
});

Deno.test("folder-valued settings are paths: inside the roots and absolute", async () => {
  await withServer(async (t, inside, outside) => {
    for (
      const settings of [
        { perfCacheClipsLocation: outside },
        { colorGalleryStillsLocation: "stills" },
        { projectMediaLocation: "../media" },
        { timelineFrameRate: "25", perfCacheClipsLocation: "/etc" },
      ]
    ) {
      assertMatch(
        await t.error("set_project_settings", { settings }),
        /PATH_NOT_ALLOWED/,
        JSON.stringify(settings),
      );
    }
    const read = async (key: string) =>
      (await t.ok<{ settings: Record<string, string> }>("get_project_settings", { keys: [key] }))
        .settings[key];
    assertEquals(await read("perfCacheClipsLocation"), "", "nothing was changed");
    // A folder inside is accepted, links resolved.
    Deno.mkdirSync(`${inside}/cache`);
    Deno.symlinkSync(`${inside}/cache`, `${inside}/cache-link`);
    await t.ok("set_project_settings", {
      settings: { perfCacheClipsLocation: `${inside}/cache-link` },
    });
    assertEquals(await read("perfCacheClipsLocation"), `${inside}/cache`);

    // The same through api_project SetSetting (relative values were passed through).
    for (const value of ["stills", "../x", outside]) {
      assertMatch(
        await t.error("api_project", {
          method: "SetSetting",
          args: ["colorGalleryStillsLocation", value],
        }),
        /PATH_NOT_ALLOWED/,
        value,
      );
    }
    assertEquals(await read("colorGalleryStillsLocation"), "");
    await t.ok("api_project", {
      method: "SetSetting",
      args: ["colorGalleryStillsLocation", `${inside}/cache`],
    });
    assertEquals(await read("colorGalleryStillsLocation"), `${inside}/cache`);
  });
});

Deno.test("control characters and wrong extensions cannot change what a path or name means", async () => {
  await withServer(async (t, inside) => {
    // A NUL after an existing name would cut the path in Resolve and skip the question.
    Deno.writeTextFileSync(`${inside}/cut.edl`, "old");
    for (
      const path of [`${inside}/cut.edl\u0000.edl`, `${inside}/cut\n.edl`, `${inside}/c\t.edl`]
    ) {
      assertMatch(
        await t.error("export_timeline", { format: "edl", path }),
        /INVALID_PATH/,
        JSON.stringify(path),
      );
    }
    assertEquals(Deno.readTextFileSync(`${inside}/cut.edl`), "old");
    // Reads too: a file whose name holds a newline is not imported.
    await writePng(`${inside}/bad\nname.png`, 8, 8);
    assertMatch(
      await t.error("import_media", { paths: [`${inside}/bad\nname.png`] }),
      /INVALID_PATH/,
    );

    // The file name carries the extension of the format.
    for (
      const [format, file] of [["edl", "x.pth"], ["otio", "x.edl"], ["csv", "x.py"], ["drt", "x"]]
    ) {
      assertMatch(
        await t.error("export_timeline", { format, path: `${inside}/${file}` }),
        /BAD_EXTENSION/,
        `${format} ${file}`,
      );
      assert(!exists(`${inside}/${file}`));
    }
    assertMatch(
      await t.error("api_timeline", {
        method: "Export",
        args: [`${inside}/x.pth`, { $const: "EXPORT_EDL" }, { $const: "EXPORT_NONE" }],
      }),
      /BAD_EXTENSION/,
    );
    assertMatch(
      await t.error("export_clip_metadata", { path: `${inside}/meta.txt` }),
      /BAD_EXTENSION/,
    );

    // Marker names become EDL lines: no newlines; notes may keep them, not other controls.
    const injected = "x\nimport os; os.system('id')";
    assertMatch(
      await t.error("add_marker", { frame: 1, color: "Blue", name: injected }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("api_timeline", { method: "AddMarker", args: [2, "Blue", injected, "", 1] }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("add_marker", { frame: 3, color: "Blue", note: "a\u0000b" }),
      /INVALID_ARGUMENTS/,
    );
    await t.ok("add_marker", { frame: 4, color: "Blue", name: "ok", note: "two\nlines\tand tab" });
    await writePng(`${inside}/good.png`, 8, 8);
    const [clip] = (await t.ok<{ clips: { id: string }[] }>("import_media", {
      paths: [`${inside}/good.png`],
    })).clips;
    assertMatch(
      await t.error("set_clip_properties", { clip: clip.id, name: "good\r\nFCM: x" }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("create_timeline", { name: "Cut\n2" }),
      /INVALID_ARGUMENTS/,
    );
    await t.ok("export_timeline", { format: "edl", path: `${inside}/markers.edl` });
    const edl = Deno.readTextFileSync(`${inside}/markers.edl`);
    assert(!edl.includes("import os"), edl);
    assertMatch(edl, /\* LOC: .* ok\r\n/);
  });
});

/** Waits (up to 20 s) until some thread blocks opening a FIFO that has no reader yet. */
async function pythonWaitingOnFifo(): Promise<boolean> {
  // Deno keeps /proc from tests with --allow-read only, so grep reads the kernel's wchan.
  const probe = new Deno.Command("sh", {
    args: ["-c", "grep -slxE 'wait_for_partner|fifo_open' /proc/[0-9]*/task/*/wchan"],
    stdout: "piped",
  });
  for (let tries = 0; tries < 2000; tries++) {
    if ((await probe.output()).success) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
