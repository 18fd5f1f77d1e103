// Job 7, on the default set only: a destructive step. A ripple delete asks first (declined:
// nothing changes; agreed by token: done, with a checkpoint), and the checkpoint brings the
// cut back; read back through the timeline's items.
import { assert, assertEquals } from "../assert.ts";
import { allItems, codeOf, withDefaultSet } from "./setup.ts";

const layout = async (t: Parameters<Parameters<typeof withDefaultSet>[0]>[0]) =>
  (await allItems(t, "Cut")).filter((i) => i.track_type === "video")
    .sort((a, b) => a.start! - b.start!).map((i) => `${i.name} ${i.start}-${i.end}`);

Deno.test("workflow destructive: ripple delete asks, keeps a checkpoint, and is undone from it", async () => {
  await withDefaultSet(async (t, media) => {
    await t.ok("create_project", { name: "Destructive" });
    await t.ok("import_media", { paths: Object.values(media.cameras) });
    await t.ok("create_timeline_from_clips", {
      name: "Cut",
      clips: ["A001.mp4", "B001.mp4", "C001.mp4"].map((clip) => ({ clip, end_frame: 47 })),
    });
    const before = await layout(t);
    assertEquals(before, ["A001.mp4 0-48", "B001.mp4 48-96", "C001.mp4 96-144"]);
    const middle = (await allItems(t, "Cut")).find((i) =>
      i.track_type === "video" && i.name === "B001.mp4"
    )!;

    // Without the user's yes nothing happens: the call asks for confirmation.
    const asked = await t.error("ripple_delete", { item_ids: [middle.id] });
    assertEquals(codeOf(asked), "CONFIRMATION_REQUIRED");
    assertEquals(await layout(t), before);

    // With the token (the user agreed): the gap closes on every track, a checkpoint is kept.
    const done = await t.confirmed<{ checkpoint_id: string; removed: string[] }>(
      "ripple_delete",
      { item_ids: [middle.id] },
    );
    assert(done.checkpoint_id);
    assertEquals(await layout(t), ["A001.mp4 0-48", "C001.mp4 48-96"]);
    const audio = (await allItems(t, "Cut")).filter((i) => i.track_type === "audio");
    assertEquals(audio.map((i) => i.end).sort((a, b) => a! - b!), [48, 96]);

    const { checkpoints } = await t.ok<{ checkpoints: { checkpoint_id: string; tool: string }[] }>(
      "list_checkpoints",
      { timeline: "Cut" },
    );
    assert(
      checkpoints.some((c) => c.checkpoint_id === done.checkpoint_id && c.tool === "ripple_delete"),
    );

    // Restoring is itself destructive: asked, then done; the cut is back as it was.
    assertEquals(
      codeOf(await t.error("restore_checkpoint", { checkpoint_id: done.checkpoint_id })),
      "CONFIRMATION_REQUIRED",
    );
    await t.confirmed("restore_checkpoint", { checkpoint_id: done.checkpoint_id });
    assertEquals(await layout(t), before);
  });
});
