// What every workflow starts from: the real server over stdio with ONLY the default set (as a
// client sees it before enable_toolset), an allowed folder with camera files (video + audio,
// each with its own Start TC) and a separately recorded sound file, made with the simulator's
// media writers.
import { ROOT, type TestClient, withClient, withTempDir } from "../harness.ts";
import { assert } from "../assert.ts";

export interface Media {
  dir: string;
  /** Camera files: name -> absolute path (A001.mp4 10:00:00:00, B001.mp4 14:30:00:00, C001.mp4 16:00:00:00). */
  cameras: Record<string, string>;
  /** A separately recorded sound file (sound.wav). */
  sound: string;
}

async function writeMedia(dir: string): Promise<Media> {
  const movies = {
    "A001.mp4": "10:00:00:00",
    "B001.mp4": "14:30:00:00",
    "C001.mp4": "16:00:00:00",
  };
  const out = await new Deno.Command("python3", {
    args: [
      "-c",
      "import sys, json; sys.path.insert(0, sys.argv[1] + 'bridge/simulator'); import sim_testmedia as m\n" +
      "for name, tc in json.loads(sys.argv[3]).items(): m.write_mp4(sys.argv[2] + '/' + name, 160, 90, 24, 240, with_audio=True, timecode=tc)\n" +
      "m.write_wav(sys.argv[2] + '/sound.wav', 10)",
      ROOT,
      dir,
      JSON.stringify(movies),
    ],
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return {
    dir,
    cameras: Object.fromEntries(Object.keys(movies).map((n) => [n, `${dir}/${n}`])),
    sound: `${dir}/sound.wav`,
  };
}

/** Runs a workflow on a default-set server with media in an allowed folder. */
export async function withDefaultSet(
  fn: (t: TestClient, media: Media) => Promise<void>,
  options: { env?: Record<string, string>; elicit?: "accept" } = {},
): Promise<void> {
  await withTempDir(async (dir) => {
    const media = await writeMedia(dir);
    await withClient(
      { args: ["--allow-path", dir], env: options.env, elicit: options.elicit },
      async (t) => {
        const { tools } = await t.client.listTools();
        // Only the default set: nothing here may rely on enable_toolset.
        assert(tools.length <= 60 && tools.some((x) => x.name === "enable_toolset"));
        await fn(t, media);
      },
    );
  });
}

export interface Item {
  id: string;
  name?: string;
  track_type: string;
  track_index: number;
  start?: number;
  end?: number;
  source_start_frame?: number | null;
  source_end_frame?: number | null;
  clip_id?: string | null;
}

/** Every item of a timeline (all pages), with record and source ranges. */
export async function allItems(t: TestClient, timeline?: string): Promise<Item[]> {
  const out: Item[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await t.ok<{ items: Item[]; next_cursor: string | null }>("list_timeline_items", {
      ...(timeline ? { timeline } : {}),
      fields: ["name", "record", "source", "clip"],
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

/** The error code at the head of a tool's error text. */
export function codeOf(text: string): string {
  return /Error ([A-Z_]+)/.exec(text)?.[1] ?? text;
}
