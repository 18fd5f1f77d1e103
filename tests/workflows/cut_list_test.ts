// Job 2, on the default set only: a cut from a cut list pasted by the editor (source
// timecodes of each clip's own Start TC), refused lines reported, the cut read back and
// exported as an EDL that the result links to.
import { assert, assertEquals } from "../assert.ts";
import { allItems, withDefaultSet } from "./setup.ts";

// What the editor pasted: clip, source in, source out (exclusive, as in an EDL).
const PASTED = `
001 A001.mp4 10:00:01:00 10:00:03:00
002 B001.mp4 14:30:00:12 14:30:02:00
003 C001.mp4 16:00:04:00 16:00:05:00
004 A001.mp4 10:00:20:00 10:00:21:00
`;

Deno.test("workflow cut list: a pasted list becomes a timeline; a bad line is refused with why", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Cut" });
    await t.ok("import_media", { paths: Object.values(media.cameras) });
    const events = PASTED.trim().split("\n").map((line) => {
      const [, clip, source_in, source_out] = line.split(/\s+/);
      return { clip, source_in, source_out };
    });
    const r = await t.ok<{
      placed: { event: number }[];
      refused: { event: number; reason: string }[];
      created_timeline: boolean;
    }>("apply_cut_list", { name: "Assembly", events });
    assert(r.created_timeline);
    assertEquals(r.placed.map((p) => p.event), [1, 2, 3]);
    // 10:00:20:00 is past A001's 10 seconds.
    assertEquals(r.refused.map((x) => [x.event, x.reason]), [[4, "PAST_CLIP_END"]]);

    // Read back: the events one after another from the start, video and its audio.
    const items = await allItems(t, "Assembly");
    const video = items.filter((i) => i.track_type === "video").sort((a, b) => a.start! - b.start!);
    assertEquals(
      video.map((i) => [i.name, i.start, i.end, i.source_start_frame, i.source_end_frame]),
      [
        ["A001.mp4", 0, 48, 24, 72],
        ["B001.mp4", 48, 84, 12, 48],
        ["C001.mp4", 84, 108, 96, 120],
      ],
    );
    assertEquals(items.filter((i) => i.track_type === "audio").length, 3);

    // The EDL for the online: the result links to the file written.
    const exported = await t.call("export_timeline", {
      timeline: "Assembly",
      format: "edl",
      path: `${media.dir}/assembly.edl`,
    });
    assert(!exported.isError, JSON.stringify(exported.content));
    const link = (exported.content as { type: string; uri?: string }[])
      .find((c) => c.type === "resource_link");
    assertEquals(link?.uri, new URL(`file://${media.dir}/assembly.edl`).href);
    const edl = Deno.readTextFileSync(`${media.dir}/assembly.edl`);
    assert(/^001\s/m.test(edl) && /^003\s/m.test(edl), edl);
  });
});
