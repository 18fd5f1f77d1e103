// Helpers for the media toolset's tests: sample media, a server on a temp folder, imports.
import { assertMatch } from "../../assert.ts";
import { ROOT, type TestClient, withClient, withTempDir } from "../../harness.ts";

export { writePng, writeWav } from "../../../scripts/sample_media.ts";

/** Writes a small MP4 with the simulator's test-media writer. */
export async function writeMp4(
  path: string,
  frames: number,
  withAudio = false,
  width = 640,
  height = 360,
) {
  const code = `import sys; sys.path.insert(0, ${JSON.stringify(`${ROOT}bridge/simulator`)}); ` +
    `import sim_testmedia as m; m.write_mp4(${
      JSON.stringify(path)
    }, ${width}, ${height}, 24, ${frames}, with_audio=${withAudio ? "True" : "False"})`;
  const out = await new Deno.Command("python3", { args: ["-c", code] }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
}

export type Clip = { id: string; name: string; frames: number; bin: string; path: string };

export async function importInto(t: TestClient, paths: string[], bin: string): Promise<Clip[]> {
  const r = await t.ok<{ clips: Clip[] }>("import_media", { paths, bin });
  return r.clips;
}

/**
 * Writes sample files into a temp folder, starts the server (all toolsets, that folder allowed)
 * and, unless project is null, creates a project.
 */
export async function withMedia(
  files: (dir: string) => Promise<void> | void,
  fn: (t: TestClient, dir: string) => Promise<void>,
  project: string | null = "Media",
): Promise<void> {
  await withTempDir(async (dir) => {
    await files(dir);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      if (project) await t.ok("create_project", { name: project });
      await fn(t, dir);
    });
  });
}

/** On a server holding an empty project (withMedia, no files), `tool` with `args` fails with
 * an error matching `code`. */
export function refusedOnEmpty(
  tool: string,
  args: Record<string, unknown>,
  code: RegExp,
): Promise<void> {
  return withMedia(() => {}, async (t) => {
    assertMatch(await t.error(tool, args), code);
  });
}
