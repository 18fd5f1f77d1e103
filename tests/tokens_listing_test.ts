// Tokens (issue 19): listings' text content is a compact table, so a page fits a model's
// context: a 500-item page of list_timeline_items and a page of the timeline resource stay
// under 20k tokens, a clip row under 30 (tokens counted as characters / 4). The structured
// content keeps every field.
import { assert } from "./assert.ts";
import { withClient, withTempDir } from "./harness.ts";
import { writeWav } from "../scripts/sample_media.ts";

const tokens = (text: string) => Math.ceil(text.length / 4);

Deno.test("listing text: 500 timeline items, a timeline resource page and clip rows stay within their token budgets", async () => {
  await withTempDir(async (dir) => {
    const clipCount = 100;
    writeWav(`${dir}/tone.wav`, 0.1, 48000, 1);
    for (let i = 0; i < clipCount; i++) {
      Deno.linkSync(`${dir}/tone.wav`, `${dir}/a long descriptive clip name ${i}.wav`);
    }
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "Tokens" });
      const { clips } = await t.ok<{ clips: { id: string }[] }>("import_media", {
        paths: Array.from(
          { length: clipCount },
          (_, i) => `${dir}/a long descriptive clip name ${i}.wav`,
        ),
      });
      await t.ok("create_timeline", { name: "Five hundred" });
      await t.ok("api_media_pool", {
        method: "AppendToTimeline",
        args: [Array.from({ length: 600 }, (_, i) => ({
          mediaPoolItem: { $object: { class: "MediaPoolItem", id: clips[i % clipCount].id } },
          startFrame: 0,
          endFrame: 1,
          mediaType: 2,
          recordFrame: 86400 + i,
        }))],
      });
      const page = await t.call("list_timeline_items", { limit: 500 });
      const pageText = (page.content[0] as { text: string }).text;
      const items = (page.structuredContent as { items: unknown[] }).items;
      console.log(
        `list_timeline_items, 500 items: ${tokens(pageText)} tokens of text (${
          (tokens(pageText) / 500).toFixed(1)
        } per item); structured ${tokens(JSON.stringify(page.structuredContent))}`,
      );
      assert(items.length === 500);
      assert(tokens(pageText) <= 20_000, String(tokens(pageText)));
      assert(tokens(pageText) / 500 <= 40, String(tokens(pageText) / 500));

      const { contents } = await t.client.readResource({ uri: "resolve://timeline/current" });
      const first = String((contents[0] as { text: string }).text);
      const data = JSON.parse(first) as { items: unknown[]; next_page: string | null };
      console.log(
        `resolve://timeline/current: ${tokens(first)} tokens, ${data.items.length} items`,
      );
      assert(tokens(first) <= 20_000, String(tokens(first)));
      assert(data.next_page, "600 items need a second page");
      // an unchanged timeline reads the same (the resource watch compares the text)
      const again = await t.client.readResource({ uri: "resolve://timeline/current" });
      assert((again.contents[0] as { text: string }).text === first, "stable first page");
      const next = await t.client.readResource({ uri: data.next_page! });
      const nextText = String((next.contents[0] as { text: string }).text);
      const rest = JSON.parse(nextText) as { items: unknown[]; next_page: string | null };
      assert(data.items.length + rest.items.length === 600 && rest.next_page === null);
      assert(tokens(nextText) <= 20_000, String(tokens(nextText)));

      const clipPage = await t.call("list_clips", { limit: clipCount });
      const clipText = (clipPage.content[0] as { text: string }).text;
      const perClip = tokens(clipText) / clipCount;
      console.log(`list_clips, ${clipCount} clips: ${perClip.toFixed(1)} tokens of text per clip`);
      assert(perClip <= 30, String(perClip));
    });
  });
});
