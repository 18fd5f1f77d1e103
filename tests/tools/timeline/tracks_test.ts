// Timeline tracks over stdio against the simulator: list, add, set, delete.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { type TestClient, withClient } from "../../harness.ts";

type Track = {
  type: string;
  index: number;
  name: string;
  enabled: boolean | null;
  locked: boolean | null;
};

async function withTimeline(fn: (t: TestClient) => Promise<void>) {
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    await t.ok("create_project", { name: "Tracks" });
    await t.ok("create_timeline", { name: "Cut" });
    await fn(t);
  });
}

const tracks = async (t: TestClient) => (await t.ok<{ tracks: Track[] }>("list_tracks", {})).tracks;

Deno.test("list_tracks: a new timeline has video 1 and audio 1; no timeline is NO_TIMELINE", async () => {
  await withTimeline(async (t) => {
    const all = await tracks(t);
    assert(all.some((x) => x.type === "video" && x.index === 1));
    assert(all.some((x) => x.type === "audio" && x.index === 1));
  });
  await withClient({ args: ["--toolsets", "all"] }, async (t) => {
    await t.ok("create_project", { name: "Empty" });
    assertMatch(await t.error("list_tracks", {}), /NO_TIMELINE/);
  });
});

Deno.test("list_tracks: on 21.1 a timeline that is not current has unknown track state (null), not disabled", async () => {
  for (const [version, readable] of [["21.1.1.10", false], ["21.0.4.5", true]] as const) {
    await withClient({
      args: ["--toolsets", "all"],
      env: { RESOLVE_SIM_VERSION: version },
    }, async (t) => {
      await t.ok("create_project", { name: "States" });
      await t.ok("create_timeline", { name: "Other" });
      await t.ok("set_track", { timeline: "Other", type: "video", index: 1, locked: true });
      await t.ok("create_timeline", { name: "Now" });
      await t.ok("switch_timeline", { timeline: "Now" });
      const other = await t.ok<{ tracks: Track[] }>("list_tracks", { timeline: "Other" });
      const v1 = other.tracks.find((x) => x.type === "video" && x.index === 1)!;
      assertEquals(
        [v1.enabled, v1.locked],
        readable ? [true, true] : [null, null],
        `Resolve ${version}`,
      );
      const now = await t.ok<{ tracks: Track[] }>("list_tracks", {});
      assertEquals(now.tracks.every((x) => x.enabled === true && x.locked === false), true);
    });
  }
});

Deno.test("add_track: adds a named track, read back by list_tracks", async () => {
  await withTimeline(async (t) => {
    const added = await t.ok<{ track: Track }>("add_track", { type: "video", name: "Titles" });
    assertEquals([added.track.index, added.track.name], [2, "Titles"]);
    assert((await tracks(t)).some((x) => x.type === "video" && x.name === "Titles"));
    assertMatch(
      await t.error("add_track", { type: "video", audio_type: "mono" }),
      /INVALID_ARGUMENTS.*only applies to audio/s,
    );
  });
});

Deno.test("set_track: locks a track, read back by list_tracks; a missing one is TRACK_NOT_FOUND", async () => {
  await withTimeline(async (t) => {
    await t.ok("set_track", { type: "video", index: 1, locked: true });
    assertEquals((await tracks(t)).find((x) => x.type === "video" && x.index === 1)!.locked, true);
    assertMatch(
      await t.error("set_track", { type: "video", index: 9, locked: false }),
      /TRACK_NOT_FOUND/,
    );
  });
});

Deno.test("delete_track: deletes after confirmation, read back by list_tracks", async () => {
  await withTimeline(async (t) => {
    await t.ok("add_track", { type: "audio", name: "Music" });
    assertMatch(
      await t.error("delete_track", { type: "audio", index: 2 }),
      /CONFIRMATION_REQUIRED/,
    );
    assertEquals(
      (await t.confirmed("delete_track", { type: "audio", index: 2 })).deleted,
      "audio 2",
    );
    assert(!(await tracks(t)).some((x) => x.name === "Music"));
  });
});
