// Job 3, on the default set only: a director's notes (timecode, colour word, text) become
// timeline markers; read back by colour and by position.
import { assertEquals, assertMatch } from "../assert.ts";
import { withDefaultSet } from "./setup.ts";

const NOTES = `
01:00:01:00 fix  Cut tighter on the look
01:00:04:12 note Music in here
01:00:07:00 fix  Flash frame?
01:00:07:00 note Same frame as the flash
`;

interface Marker {
  frame: number;
  color: string;
  name: string;
  note: string;
  timecode: string;
}

Deno.test("workflow notes: notes become markers; a second note on a frame is refused", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Notes" });
    await t.ok("import_media", { paths: [media.cameras["A001.mp4"]] });
    await t.ok("create_timeline_from_clips", { name: "Review", clips: [{ clip: "A001.mp4" }] });
    const refused: string[] = [];
    for (const line of NOTES.trim().split("\n")) {
      const [timecode, kind, ...words] = line.split(/\s+/);
      const result = await t.call("add_marker", {
        timecode,
        color: kind === "fix" ? "Red" : "Blue",
        name: words.slice(0, 2).join(" "),
        note: words.join(" "),
      });
      if (result.isError) refused.push((result.content[0] as { text: string }).text);
    }
    // One marker per frame: the fourth note is refused with a code, the others placed.
    assertEquals(refused.length, 1);
    assertMatch(refused[0], /Error [A-Z_]+/);

    const { markers, total } = await t.ok<{ markers: Marker[]; total: number }>("list_markers");
    assertEquals(total, 3);
    assertEquals(markers.map((m) => [m.timecode, m.frame, m.color, m.note]), [
      ["01:00:01:00", 24, "Red", "Cut tighter on the look"],
      ["01:00:04:12", 108, "Blue", "Music in here"],
      ["01:00:07:00", 168, "Red", "Flash frame?"],
    ]);
    const fixes = await t.ok<{ markers: Marker[] }>("list_markers", { color: "Red" });
    assertEquals(fixes.markers.map((m) => m.name), ["Cut tighter", "Flash frame?"]);
    const at = await t.ok<{ markers: Marker[] }>("list_markers", { timecode: "01:00:04:12" });
    assertEquals(at.markers.map((m) => m.name), ["Music in"]);
  });
});
