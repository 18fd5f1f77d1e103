// Timelines over stdio against the simulator: create (empty or from clips), list, switch,
// rename, duplicate, delete, info, settings and marks.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import { all, media, setup } from "./timeline.ts";

Deno.test("create_timeline: starts at 01:00:00:00 in the timeline's own rate", async () => {
  await withClient({}, async (t) => {
    await t.ok("create_project", { name: "Rates" });
    const plain = await t.ok("create_timeline", { name: "Cut 1" });
    assertEquals(plain.start_frame, 86400);
    assertEquals(plain.start_timecode, "01:00:00:00");
    assertEquals(plain.frame_rate, "24");
    const df = await t.ok("create_timeline", {
      name: "Broadcast",
      frame_rate: "29.97 DF",
      resolution_width: 1280,
      resolution_height: 720,
    });
    assertEquals(df.frame_rate, "29.97 DF");
    assertEquals(df.start_frame, 107892);
    assertEquals([df.resolution_width, df.resolution_height], [1280, 720]);
    const pal = await t.ok("create_timeline", { name: "PAL", frame_rate: "25" });
    assertEquals(pal.start_frame, 90000);
    assertMatch(await t.error("create_timeline", { name: "Cut 1" }), /TIMELINE_EXISTS/);
    assertMatch(
      await t.error("create_timeline", { name: "Half", resolution_width: 1920 }),
      /INVALID_ARGUMENTS.*go together/s,
    );
    assertMatch(
      await t.error("create_timeline", { name: "Odd", frame_rate: "31" }),
      /INVALID_ARGUMENTS/,
    );
  });
});

Deno.test("create_timeline_from_clips: ranges and record positions, then list, switch, rename, duplicate, settings, marks, delete", async () => {
  await withTempDir(async (dir) => {
    await media(dir);
    await withClient(all(dir), async (t) => {
      const { card, tone } = await setup(t, dir);
      const made = await t.ok<
        {
          timeline: {
            name: string;
            current: boolean;
            duration_frames: number;
            start_timecode: string;
          };
          items: number;
        }
      >(
        "create_timeline_from_clips",
        {
          name: "Assembly",
          clips: [
            { clip: card.id, start_frame: 0, end_frame: 23 },
            {
              clip: "Media/card.png",
              start_frame: 0,
              end_frame: 11,
              record_timecode: "01:00:02:00",
            },
          ],
        },
      );
      assertEquals(made.timeline.name, "Assembly");
      assertEquals(made.timeline.current, true);
      assertEquals(made.timeline.start_timecode, "01:00:00:00");
      assertEquals(made.timeline.duration_frames, 60);
      assertEquals(made.items, 2);
      await t.ok("create_timeline_from_clips", { name: "Plain", clips: [{ clip: tone.id }] });
      assertMatch(
        await t.error("create_timeline_from_clips", { name: "Plain", clips: [{ clip: tone.id }] }),
        /TIMELINE_EXISTS/,
      );
      assertMatch(
        await t.error("create_timeline_from_clips", {
          name: "Bad",
          clips: [{ clip: tone.id, end_frame: 5000 }],
        }),
        /OUT_OF_RANGE/,
      );
      assertMatch(
        await t.error("create_timeline_from_clips", { name: "Bad", clips: [{ clip: "nope.mov" }] }),
        /CLIP_NOT_FOUND/,
      );
      // list with pages
      const p1 = await t.ok<
        { timelines: { name: string; current: boolean }[]; total: number; next_cursor: string }
      >(
        "list_timelines",
        { limit: 1 },
      );
      assertEquals(p1.total, 2);
      assertEquals(p1.timelines.map((x) => x.name), ["Assembly"]);
      const p2 = await t.ok<{ timelines: { name: string; current: boolean }[] }>("list_timelines", {
        cursor: p1.next_cursor,
      });
      assertEquals(p2.timelines.map((x) => [x.name, x.current]), [["Plain", true]]);
      // switch
      const sw = await t.ok<{ timeline: { name: string; current: boolean }; previous: string }>(
        "switch_timeline",
        {
          timeline: "Assembly",
        },
      );
      assertEquals([sw.timeline.name, sw.timeline.current, sw.previous], [
        "Assembly",
        true,
        "Plain",
      ]);
      assertMatch(
        await t.error("switch_timeline", { timeline: "Nope" }),
        /TIMELINE_NOT_FOUND.*"Assembly"/s,
      );
      // rename, duplicate
      const ren = await t.ok("rename_timeline", { timeline: "Plain", name: "Music" });
      assertEquals(ren.previous, "Plain");
      assertMatch(await t.error("rename_timeline", { name: "Music" }), /TIMELINE_EXISTS/);
      const dup = await t.ok<{ timeline: { name: string; duration_frames: number } }>(
        "duplicate_timeline",
        {
          timeline: "Assembly",
          name: "Assembly v2",
        },
      );
      assertEquals(dup.timeline, { ...dup.timeline, name: "Assembly v2", duration_frames: 60 });
      assertMatch(await t.error("duplicate_timeline", { name: "Music" }), /TIMELINE_EXISTS/);
      // info and settings
      const info = await t.ok<
        {
          settings: Record<string, unknown>;
          media_pool_clip_id: string | null;
          timeline: { frame_rate: string };
        }
      >(
        "get_timeline_info",
        { setting_keys: ["timelineResolutionWidth"] },
      );
      assertEquals(Object.keys(info.settings), ["timelineResolutionWidth"]);
      assert(info.media_pool_clip_id);
      assertEquals(info.timeline.frame_rate, "24");
      const set = await t.ok<{ start_timecode: string; settings: Record<string, unknown> }>(
        "set_timeline_settings",
        {
          settings: {
            useCustomSettings: true,
            timelineResolutionWidth: 1280,
            timelineResolutionHeight: "720",
          },
          start_timecode: "00:59:50:00",
        },
      );
      assertEquals(set.start_timecode, "00:59:50:00");
      assertEquals(set.settings.timelineResolutionWidth, "1280");
      assertMatch(
        await t.error("set_timeline_settings", { settings: { timelineResolutionWidth: "abc" } }),
        /SETTING_REFUSED.*timelineResolutionWidth/s,
      );
      assertMatch(
        await t.error("set_timeline_settings", { start_timecode: "01:00:00:30" }),
        /INVALID_TIMECODE/,
      );
      assertMatch(
        await t.error("set_timeline_settings", {}),
        /INVALID_ARGUMENTS.*nothing to change/s,
      );
      // marks, with timecode converted against the new start
      const marks = await t.ok<{ mark_in_out: Record<string, { in: number; out: number }> }>(
        "set_timeline_marks",
        {
          action: "set",
          in_timecode: "00:59:51:00",
          out_frame: 40,
        },
      );
      assertEquals(marks.mark_in_out.video, { in: 24, out: 40 });
      const info2 = await t.ok<{ mark_in_out: Record<string, { in_timecode: string }> }>(
        "get_timeline_info",
        {},
      );
      assertEquals(info2.mark_in_out.video.in_timecode, "00:59:51:00");
      assertMatch(
        await t.error("set_timeline_marks", { action: "set", in_frame: 30, out_frame: 10 }),
        /INVALID_ARGUMENTS.*before mark in/s,
      );
      assertMatch(
        await t.error("set_timeline_marks", {
          action: "set",
          in_timecode: "00:00:00:00",
          out_frame: 10,
        }),
        /BEFORE_START/,
      );
      assertEquals((await t.ok("set_timeline_marks", { action: "clear" })).mark_in_out, {});
      // delete needs confirmation
      assertMatch(
        await t.error("delete_timelines", { timelines: ["Music"] }),
        /CONFIRMATION_REQUIRED.*"Music"/s,
      );
      const del = await t.confirmed("delete_timelines", {
        timelines: ["Music", "Assembly v2"],
      });
      assertEquals([del.deleted, del.remaining], [["Music", "Assembly v2"], 1]);
      // one checkpoint per deleted timeline (restore_checkpoint brings it back)
      assertEquals((del.checkpoint_ids as string[]).length, 2);
      assertMatch(
        await t.error("delete_timelines", { timelines: ["Music"] }),
        /TIMELINE_NOT_FOUND/,
      );
    });
  });
});

/** A server with project "Short" holding empty timelines "A" then "B" (current). */
async function twoTimelines(fn: (t: import("../../harness.ts").TestClient) => Promise<void>) {
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    await t.ok("create_project", { name: "Short" });
    await t.ok("create_timeline", { name: "A" });
    await t.ok("create_timeline", { name: "B" });
    await fn(t);
  });
}

const names = async (t: import("../../harness.ts").TestClient) =>
  (await t.ok<{ timelines: { name: string }[] }>("list_timelines", {})).timelines.map((x) =>
    x.name
  );

Deno.test("list_timelines: lists every timeline with the current one marked", async () => {
  await twoTimelines(async (t) => {
    const r = await t.ok<{ timelines: { name: string; current: boolean }[]; total: number }>(
      "list_timelines",
      {},
    );
    assertEquals(r.total, 2);
    assertEquals(r.timelines.map((x) => [x.name, x.current]), [["A", false], ["B", true]]);
  });
});

Deno.test("switch_timeline: makes a timeline current; an unknown one is TIMELINE_NOT_FOUND", async () => {
  await twoTimelines(async (t) => {
    assertEquals((await t.ok("switch_timeline", { timeline: "A" })).previous, "B");
    assertMatch(await t.error("switch_timeline", { timeline: "nope" }), /TIMELINE_NOT_FOUND/);
  });
});

Deno.test("rename_timeline: renames, read back by list_timelines; a taken name is TIMELINE_EXISTS", async () => {
  await twoTimelines(async (t) => {
    await t.ok("rename_timeline", { timeline: "A", name: "Z" });
    assertEquals(await names(t), ["Z", "B"]);
    assertMatch(await t.error("rename_timeline", { name: "Z" }), /TIMELINE_EXISTS/);
  });
});

Deno.test("duplicate_timeline: copies a timeline; a taken name is TIMELINE_EXISTS", async () => {
  await twoTimelines(async (t) => {
    await t.ok("duplicate_timeline", { timeline: "A", name: "A copy" });
    assert((await names(t)).includes("A copy"));
    assertMatch(await t.error("duplicate_timeline", { name: "A" }), /TIMELINE_EXISTS/);
  });
});

Deno.test("delete_timelines: deletes after confirmation; an unknown one is TIMELINE_NOT_FOUND", async () => {
  await twoTimelines(async (t) => {
    assertMatch(await t.error("delete_timelines", { timelines: ["A"] }), /CONFIRMATION_REQUIRED/);
    await t.confirmed("delete_timelines", { timelines: ["A"] });
    assertEquals(await names(t), ["B"]);
    assertMatch(await t.error("delete_timelines", { timelines: ["nope"] }), /TIMELINE_NOT_FOUND/);
  });
});

Deno.test("get_timeline_info: reports the current timeline's name and frame rate", async () => {
  await twoTimelines(async (t) => {
    const info = await t.ok<{ timeline: { name: string; frame_rate: string } }>(
      "get_timeline_info",
      {},
    );
    assertEquals([info.timeline.name, info.timeline.frame_rate], ["B", "24"]);
  });
});

Deno.test("set_timeline_settings: a start timecode read back by get_timeline_info; bad ones are INVALID_TIMECODE", async () => {
  await twoTimelines(async (t) => {
    await t.ok("set_timeline_settings", { start_timecode: "00:59:50:00" });
    const info = await t.ok<{ timeline: { start_timecode: string } }>("get_timeline_info", {});
    assertEquals(info.timeline.start_timecode, "00:59:50:00");
    assertMatch(
      await t.error("set_timeline_settings", { start_timecode: "01:00:00:30" }),
      /INVALID_TIMECODE/,
    );
  });
});

for (const version of ["21.1.1.10", "21.0.4.5"]) {
  Deno.test(`set_timeline_settings: turning on custom settings alone says the inherited resolution was reset (${version})`, async () => {
    await withClient(
      { args: ["--toolsets", "all"], env: { RESOLVE_SIM_VERSION: version } },
      async (t) => {
        await t.ok("create_project", { name: "Vertical" });
        await t.ok("set_project_settings", {
          settings: { timelineResolutionWidth: "1080", timelineResolutionHeight: "1920" },
        });
        await t.ok("create_timeline", { name: "Reel" });
        const keys = ["timelineResolutionWidth", "timelineResolutionHeight"];
        const inherited = await t.ok<{ settings: Record<string, unknown> }>("get_timeline_info", {
          setting_keys: keys,
        });
        assertEquals(keys.map((k) => String(inherited.settings[k])), ["1080", "1920"]);
        const set = await t.ok<{ warning: string | null }>("set_timeline_settings", {
          settings: { useCustomSettings: true },
        });
        assertMatch(String(set.warning), /1080x1920.*1920x1080/s);
        const now = await t.ok<{ settings: Record<string, unknown> }>("get_timeline_info", {
          setting_keys: keys,
        });
        assertEquals(keys.map((k) => String(now.settings[k])), ["1920", "1080"]);
        // with the size in the same call there is nothing to warn about, and it lands
        await t.ok("create_timeline", { name: "Reel 2" });
        const sized = await t.ok<{ warning: string | null; settings: Record<string, unknown> }>(
          "set_timeline_settings",
          {
            settings: {
              useCustomSettings: true,
              timelineResolutionWidth: 1080,
              timelineResolutionHeight: 1920,
            },
          },
        );
        assertEquals(sized.warning, null);
        assertEquals(String(sized.settings.timelineResolutionHeight), "1920");
      },
    );
  });
}

Deno.test("set_timeline_marks: clears the marks; a mark before the start is BEFORE_START", async () => {
  await twoTimelines(async (t) => {
    assertEquals((await t.ok("set_timeline_marks", { action: "clear" })).mark_in_out, {});
    assertMatch(
      await t.error("set_timeline_marks", {
        action: "set",
        in_timecode: "00:00:00:00",
        out_frame: 10,
      }),
      /BEFORE_START/,
    );
  });
});
