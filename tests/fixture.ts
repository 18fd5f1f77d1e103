// The edit most toolset tests start from: project "Grade", timeline "Cut" holding a.mp4 (video
// + linked audio) then b.png, made through the tools. The media is written once per test file.
import { ROOT, type ServerOptions, type TestClient, withClient, withTempDir } from "./harness.ts";
import { writePng, writeWav } from "../scripts/sample_media.ts";

export interface Fixture {
  video: string[];
  audio: string[];
  clips: string[];
}

// a.mp4: 96 frames at 24 fps, video + audio (the simulator's movie writer, as
// sample_media.ts has none); b.png (scripts/sample_media.ts); LUT/Sample/{Warm,Cool}.cube.
let media: Promise<string> | undefined;
let mediaDir: string | undefined;
globalThis.addEventListener("unload", () => {
  if (mediaDir) Deno.removeSync(mediaDir, { recursive: true });
});

function mediaOnce(): Promise<string> {
  return media ??= (async () => {
    const dir = mediaDir = await Deno.realPath(await Deno.makeTempDir({ prefix: "fixture-" }));
    const out = await new Deno.Command("python3", {
      args: [
        "-c",
        "import sys; sys.path.insert(0, sys.argv[1] + 'bridge/simulator'); import sim_testmedia as m; m.write_mp4(sys.argv[2], 320, 180, 24, 96, with_audio=True)",
        ROOT,
        `${dir}/a.mp4`,
      ],
      stderr: "piped",
    }).output();
    if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
    await writePng(`${dir}/b.png`, 64, 36);
    Deno.mkdirSync(`${dir}/LUT/Sample`, { recursive: true });
    for (const n of ["Warm", "Cool"]) {
      Deno.writeTextFileSync(
        `${dir}/LUT/Sample/${n}.cube`,
        "LUT_3D_SIZE 2\n" + "0 0 0\n".repeat(8),
      );
    }
    return dir;
  })();
}

async function setup(t: TestClient, dir: string): Promise<Fixture> {
  await t.ok("create_project", { name: "Grade" });
  const imported = await t.ok<{ clips: { name: string; id: string }[] }>("import_media", {
    paths: [`${dir}/a.mp4`, `${dir}/b.png`],
  });
  const byName = Object.fromEntries(imported.clips.map((c) => [c.name, c.id]));
  await t.ok("create_timeline_from_clips", {
    name: "Cut",
    clips: [{ clip: byName["a.mp4"] }, { clip: byName["b.png"] }],
  });
  const { items } = await t.ok<{ items: { id: string; track_type: string; start: number }[] }>(
    "list_timeline_items",
    {},
  );
  const of = (type: string) =>
    items.filter((i) => i.track_type === type).sort((a, b) => a.start - b.start).map((i) => i.id);
  return { video: of("video"), audio: of("audio"), clips: [byName["a.mp4"], byName["b.png"]] };
}

/**
 * Runs fn on a server (all toolsets) holding the fixture edit; `dir` is an empty allowed
 * folder for outputs, `media` the fixture's own (also allowed, and the LUT folder's parent).
 */
export async function withFixture(
  fn: (t: TestClient, f: Fixture, dir: string, media: string) => Promise<void>,
  env: Record<string, string> = {},
  client: Pick<ServerOptions, "elicit"> = {},
) {
  const base = await mediaOnce();
  await withTempDir(async (dir) => {
    await withClient(
      {
        args: ["--allow-path", dir, "--allow-path", base, "--toolsets", "all"],
        env: { RESOLVE_SIM_LUT_DIR: `${base}/LUT`, ...env },
        ...client,
      },
      async (t) => fn(t, await setup(t, base), dir, base),
    );
  });
}

/** The ids simState prints: the still's item (V1), the WAV's item (A1) and the WAV's clip. */
export interface SimStateIds {
  video_item: string;
  audio_item: string;
  wav_clip: string;
}

/**
 * A simulated Resolve state built with the simulator itself, for what no tool can set up:
 * `${dir}/state.json` (start the server with `env`, which points RESOLVE_SIM_STATE at it)
 * holding the saved project "Fixture" with timeline "Edit": card.png (320x180) on V1 and a 4 s
 * stereo tone.wav on A1, both at the start. `extra` is Python (top-level lines) run after the
 * save with `d` (DaVinciResolveScript), `r`, `pm`, `p`, `mp`, `clips` and `items` in scope;
 * what it changes in the world it must `commit()` itself.
 */
export async function simState(
  dir: string,
  extra = "",
): Promise<{ ids: SimStateIds; env: { RESOLVE_SIM_STATE: string } }> {
  writeWav(`${dir}/tone.wav`, 4, 48000, 2);
  await writePng(`${dir}/card.png`, 320, 180);
  const script = `
import json, sys
sys.path.insert(0, "bridge/simulator")
import DaVinciResolveScript as d
r = d.scriptapp("Resolve"); pm = r.GetProjectManager()
p = pm.CreateProject("Fixture"); mp = p.GetMediaPool()
clips = mp.ImportMedia([${JSON.stringify(`${dir}/card.png`)}, ${JSON.stringify(`${dir}/tone.wav`)}])
mp.CreateEmptyTimeline("Edit")
items = mp.AppendToTimeline(clips)
pm.SaveProject()
${extra}
print(json.dumps({"video_item": items[0].GetUniqueId(), "audio_item": items[1].GetUniqueId(),
                  "wav_clip": clips[1].GetUniqueId()}))
`;
  const env = { RESOLVE_SIM_STATE: `${dir}/state.json` };
  const out = await new Deno.Command("python3", { args: ["-c", script], cwd: ROOT, env })
    .output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  const stdout = new TextDecoder().decode(out.stdout).trim().split("\n");
  return { ids: JSON.parse(stdout[stdout.length - 1]), env };
}
