// Helpers for the timeline toolset's tests: a project "Edit" with card.png and tone.wav in bin
// "Media", on a server with every toolset and the temp folder allowed.
import type { TestClient } from "../../harness.ts";
import { writePng, writeWav } from "../../../scripts/sample_media.ts";

export type Item = {
  id: string;
  name: string;
  track_type: string;
  track_index: number;
  start: number;
  end: number;
  start_timecode: string;
  duration: number;
  source_start_frame: number | null;
  clip_id: string | null;
};
export type Clip = { id: string; name: string; frames: number };

export async function setup(t: TestClient, dir: string): Promise<{ card: Clip; tone: Clip }> {
  await t.ok("create_project", { name: "Edit" });
  const r = await t.ok<{ clips: Clip[] }>("import_media", {
    paths: [`${dir}/card.png`, `${dir}/tone.wav`],
    bin: "Media",
  });
  const [card, tone] = r.clips;
  return { card, tone };
}

export async function media(dir: string) {
  await writePng(`${dir}/card.png`, 320, 180);
  writeWav(`${dir}/tone.wav`, 4);
}

export const all = (dir: string) => ({ args: ["--allow-path", dir, "--toolsets", "all"] });
