// Job 1, on the default set only: dailies into a bin, with scene/shot/take metadata, the
// selects flagged and coloured; everything read back through the tools.
import { assert, assertEquals } from "../assert.ts";
import { withDefaultSet } from "./setup.ts";

interface Clip {
  name: string;
  id: string;
  bin: string;
  scene: string;
  shot: string;
  take: string;
  clip_color: string;
  flags: string[];
}

Deno.test("workflow dailies: import into a day bin, log scene/shot/take, flag the selects", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Dailies" });
    const bin = await t.ok<{ bin: { path: string } }>("create_bin", { path: "Dailies/Day 1" });
    assertEquals(bin.bin.path, "Master/Dailies/Day 1");
    const imported = await t.ok<{ imported: number; not_imported: string[] }>("import_media", {
      paths: [...Object.values(media.cameras), media.sound],
      bin: "Dailies/Day 1",
    });
    assertEquals([imported.imported, imported.not_imported], [4, []]);

    const log: Record<string, [string, string, string]> = {
      "A001.mp4": ["12", "A", "1"],
      "B001.mp4": ["12", "A", "2"],
      "C001.mp4": ["12", "B", "1"],
    };
    for (const [clip, [scene, shot, take]] of Object.entries(log)) {
      await t.ok("set_clip_properties", {
        clip: `Dailies/Day 1/${clip}`,
        metadata: { Scene: scene, Shot: shot, Take: take, Description: "day 1" },
      });
    }
    // The selects: take 2 of 12A and 12B/1, flagged green and coloured lime.
    const tagged = await t.ok<{ clips: { flags: string[] }[] }>("tag_clips", {
      clips: ["B001.mp4", "C001.mp4"],
      add_flags: ["Green"],
      clip_color: "Lime",
    });
    assertEquals(tagged.clips.map((c) => c.flags), [["Green"], ["Green"]]);

    // Read back: the bin holds the four clips with their log and flags.
    const { bins } = await t.ok<{ bins: { path: string; clip_count: number }[] }>("list_bins");
    assertEquals(bins.find((b) => b.path === "Master/Dailies/Day 1")?.clip_count, 4);
    const { clips } = await t.ok<{ clips: Clip[] }>("list_clips", { bin: "Dailies/Day 1" });
    const byName = Object.fromEntries(clips.map((c) => [c.name, c]));
    for (const [clip, [scene, shot, take]] of Object.entries(log)) {
      assertEquals([byName[clip].scene, byName[clip].shot, byName[clip].take], [scene, shot, take]);
      assertEquals(byName[clip].bin, "Master/Dailies/Day 1");
    }
    const selects = clips.filter((c) => c.flags.includes("Green")).map((c) => c.name).sort();
    assertEquals(selects, ["B001.mp4", "C001.mp4"]);
    assertEquals(byName["B001.mp4"].clip_color, "Lime");
    assertEquals(byName["A001.mp4"].clip_color, "");
    const info = await t.ok<
      { metadata: Record<string, string>; properties: Record<string, unknown> }
    >(
      "get_clip_info",
      { clip: "Dailies/Day 1/A001.mp4" },
    );
    assertEquals(info.metadata.Description, "day 1");
    assert(String(info.properties["Start TC"]).startsWith("10:00:00"));
  });
});
