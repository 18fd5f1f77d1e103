// list_timeline_items as a listing: record and source timecodes at 24, 25 and 29.97 DF with a
// non-zero clip Start TC, `fields` reading less, each track's list fetched once per listing,
// and a change between pages always seen.
import { assert, assertEquals } from "../../assert.ts";
import { calledMethods, type TestClient, withClient, withTempDir } from "../../harness.ts";
import { all, media } from "./timeline.ts";

type Listed = {
  id: string;
  name?: string;
  track_type: string;
  track_index: number;
  start?: number;
  end?: number;
  start_timecode?: string;
  end_timecode?: string;
  source_start_frame?: number | null;
  source_end_frame?: number | null;
  source_start_timecode?: string | null;
  source_end_timecode?: string | null;
  clip_id?: string | null;
};
type Page = { items: Listed[]; total: number; next_cursor: string | null };

/** A project at this rate with card.png (Start TC set) on a timeline at record frame 1800. */
async function placed(t: TestClient, dir: string, fps: string, drop: boolean, startTc: string) {
  await t.ok("create_project", { name: `TC ${fps}${drop ? " DF" : ""}` });
  await t.ok("set_project_settings", {
    settings: { timelineFrameRate: fps, timelineDropFrameTimecode: drop ? "1" : "0" },
  });
  const { clips: [card] } = await t.ok<{ clips: { id: string }[] }>("import_media", {
    paths: [`${dir}/card.png`],
  });
  await t.ok("set_clip_properties", { clip: card.id, properties: { "Start TC": startTc } });
  await t.ok("create_timeline", { name: "Cut" });
  await t.ok("append_to_timeline", {
    clips: [{ clip: card.id, start_frame: 2, end_frame: 49, record_frame: 1800 }],
  });
  return card.id;
}

Deno.test("list_timeline_items: record and source timecodes at 24, 25 and 29.97 DF from the clip's Start TC", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const cases: [string, boolean, string, string, string, string][] = [
        // rate, drop, clip Start TC, record start, record end (48 frames on), source start
        ["24", false, "01:00:00:00", "01:01:15:00", "01:01:17:00", "01:00:00:02"],
        ["25", false, "10:00:00:00", "01:01:12:00", "01:01:13:23", "10:00:00:02"],
        // DF: frames ;00 and ;01 of minute 1 do not exist, so 59;28 + 2 frames is 1:00;02
        ["29.97", true, "00:00:59;28", "01:01:00;02", "01:01:01;20", "00:01:00;02"],
      ];
      for (const [fps, drop, startTc, recIn, recOut, srcIn] of cases) {
        const clipId = await placed(t, dir, fps, drop, startTc);
        const { items: [item] } = await t.ok<Page>("list_timeline_items", {
          fields: ["name", "record", "source"],
        });
        assertEquals(
          [item.start, item.end, item.start_timecode, item.end_timecode],
          [1800, 1848, recIn, recOut],
          `${fps} record`,
        );
        assertEquals([item.source_start_frame, item.source_start_timecode], [2, srcIn], fps);
        assertEquals(item.clip_id, clipId);
        // the source end is the same clock: Start TC + source_end_frame frames
        const gap = Number(item.source_end_frame) - 2;
        assert(gap > 0 && typeof item.source_end_timecode === "string", fps);
        const again = await t.ok<Page>("list_timeline_items", { fields: ["source"] });
        assertEquals(again.items[0].source_end_timecode, item.source_end_timecode);
      }
    });
  });
});

Deno.test("list_timeline_items: fewer fields make fewer calls; later pages reuse the track lists; changes are seen", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient({ ...all(dir), elicit: "accept" }, async (t) => {
      await t.ok("create_project", { name: "Pages" });
      const { clips: [card] } = await t.ok<{ clips: { id: string }[] }>("import_media", {
        paths: [`${dir}/card.png`],
      });
      await t.ok("create_timeline", { name: "Cut" });
      await t.ok("append_to_timeline", {
        clips: Array.from({ length: 6 }, () => ({ clip: card.id, start_frame: 0, end_frame: 9 })),
      });
      const calls = async (args: Record<string, unknown>) => {
        const r = await t.call("list_timeline_items", args);
        assert(!r.isError, JSON.stringify(r.content));
        return {
          page: r.structuredContent as Page,
          calls: Number(r._meta?.["resolve/calls"]),
          ran: calledMethods(r),
        };
      };
      const full = await calls({});
      const named = await calls({ fields: ["name"] });
      assert(named.calls < full.calls, `${named.calls} < ${full.calls}`);
      assertEquals(named.page.items.map((i) => i.name), full.page.items.map((i) => i.name));
      assertEquals(named.page.items[0].start, undefined);
      assert(!named.ran.includes("TimelineItem.GetStart"));
      assert(!named.ran.includes("TimelineItem.GetMediaPoolItem"));
      // default fields (name, record, clip): 5 calls per item here (6 items, 1 clip read
      // once), no source range; asking for it reads two more per item
      assertEquals(full.page.items[0].clip_id, card.id);
      assertEquals(full.page.items[0].source_start_frame, undefined);
      assert(!full.ran.includes("TimelineItem.GetSourceStartFrame"));
      const sourced = await calls({ fields: ["name", "record", "source"] });
      assertEquals(sourced.calls - full.calls, 2 * 6 + 1, `${sourced.calls} vs ${full.calls}`);
      assertEquals(sourced.page.items[0].source_start_frame, 0);

      // pages of one listing: the track's item list is fetched by the first page only
      const first = await calls({ track_type: "video", track_index: 1, limit: 2 });
      assert(first.ran.includes("Timeline.GetItemListInTrack"));
      const second = await calls({
        track_type: "video",
        track_index: 1,
        limit: 2,
        cursor: first.page.next_cursor,
      });
      assert(!second.ran.includes("Timeline.GetItemListInTrack"), second.ran.join(","));
      assertEquals(second.page.items.map((i) => i.start), [20, 30]);

      // a change between pages: the next page is read fresh
      const gone = second.page.items[0].id;
      await t.ok("delete_timeline_items", { item_ids: [gone] });
      const third = await calls({
        track_type: "video",
        track_index: 1,
        limit: 2,
        cursor: second.page.next_cursor,
      });
      assert(third.ran.includes("Timeline.GetItemListInTrack"));
      assertEquals(third.page.total, 5);
      assert(!third.page.items.some((i) => i.id === gone));
      await t.ok("append_to_timeline", {
        clips: [{ clip: card.id, start_frame: 0, end_frame: 9 }],
      });
      const fresh = await calls({
        track_type: "video",
        track_index: 1,
        limit: 2,
        cursor: third.page.next_cursor ?? "o4",
      });
      assertEquals(fresh.page.total, 6);
    });
  });
});
