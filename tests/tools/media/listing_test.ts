// list_clips as a listing: scene, shot, take, Start TC and flags on every row (building selects
// needs no per-clip calls), pages that reuse each bin's clip list, and the hint at `recursive`
// for a bin that holds only sub-bins.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { calledMethods, withClient, withTempDir } from "../../harness.ts";
import { writeWav } from "../../../scripts/sample_media.ts";

type Row = {
  id: string;
  name: string;
  bin: string;
  start_tc: string;
  scene: string;
  shot: string;
  take: string;
  flags: string[];
};

Deno.test("list_clips: scene, shot, take, Start TC and flags per clip; pages reuse the bin's list; recursive hint", async () => {
  await withTempDir(async (dir) => {
    for (let i = 0; i < 5; i++) writeWav(`${dir}/take${i}.wav`, 0.5, 48000, 1);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "Selects" });
      const { clips } = await t.ok<{ clips: { id: string }[] }>("import_media", {
        paths: Array.from({ length: 5 }, (_, i) => `${dir}/take${i}.wav`),
        bin: "Dailies/Day 1",
      });
      await t.ok("set_clip_properties", {
        clip: clips[1].id,
        properties: { "Start TC": "14:30:00:00" },
        metadata: { Scene: "12", Shot: "B", Take: "3" },
      });
      await t.ok("tag_clips", { clips: [clips[1].id], add_flags: ["Red"] });
      const r = await t.call("list_clips", { bin: "Dailies/Day 1", limit: 2, cursor: "o0" });
      assert(!r.isError, JSON.stringify(r.content));
      const page = r.structuredContent as { clips: Row[]; next_cursor: string | null };
      const row = page.clips.find((c) => c.id === clips[1].id)!;
      assertEquals(
        [row.scene, row.shot, row.take, row.start_tc, row.flags],
        ["12", "B", "3", "14:30:00:00", ["Red"]],
      );
      // the next pages of this listing: the bin's clip list is not fetched again
      const first = await t.call("list_clips", { bin: "Dailies/Day 1", limit: 2 });
      const next = (first.structuredContent as { next_cursor: string }).next_cursor;
      assert(calledMethods(first).includes("Folder.GetClipList"));
      const second = await t.call("list_clips", { bin: "Dailies/Day 1", limit: 2, cursor: next });
      assert(!calledMethods(second).includes("Folder.GetClipList"));
      assertEquals((second.structuredContent as { clips: Row[] }).clips.length, 2);
      // a parent bin with only sub-bins: nothing directly, and the summary says recursive
      const parent = await t.call("list_clips", { bin: "Dailies" });
      assertEquals((parent.structuredContent as { total: number }).total, 0);
      assertMatch((parent.content[0] as { text: string }).text, /recursive/);
      const deep = await t.ok<{ total: number }>("list_clips", {
        bin: "Dailies",
        recursive: true,
      });
      assertEquals(deep.total, 5);
      // the bin resource lists the same clips (read inside the bridge, no handle per clip)
      const { bins } = await t.ok<{ bins: { id: string; path: string }[] }>("list_bins", {});
      const day = bins.find((b) => b.path.endsWith("Dailies/Day 1"))!;
      const { contents } = await t.client.readResource({ uri: `resolve://bin/${day.id}` });
      const view = JSON.parse(String((contents[0] as { text: string }).text));
      assertEquals([view.clip_count, view.clips.length], [5, 5]);
      assertEquals(
        view.clips.map((c: { id: string }) => c.id).sort(),
        clips.map((c) => c.id).sort(),
      );
    });
  });
});
