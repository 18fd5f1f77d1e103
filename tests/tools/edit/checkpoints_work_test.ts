// Checkpoints before the grade, flag, gallery and colour-group tools that replace or delete work
// (set_cdl, apply_arri_cdl_lut, set_item_flags clearing, delete_stills, manage_color_groups
// delete / remove_items), over stdio against the simulator: each returns a checkpoint_id, and
// restore_checkpoint brings the state back, read back through the tools.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import type { TestClient } from "../../harness.ts";
import { writePng, writeWav } from "../../../scripts/sample_media.ts";
import { type Fixture, withFixture } from "../../fixture.ts";
import {
  AGE_DROPS_PER_SAVE,
  agedOut,
  type CheckpointEntry,
  MAX_AGE_DAYS,
} from "../../../src/resolve/index.ts";

// deno-lint-ignore no-explicit-any
type Any = any;

function withCheckpoints(
  fn: (t: TestClient, f: Fixture, data: string, dir: string, media: string) => Promise<void>,
  elicit?: "accept",
) {
  const dataDir = Deno.makeTempDirSync({ prefix: "ck-data-" });
  return withFixture(
    (t, f, dir, media) => fn(t, f, dataDir, dir, media),
    { RESOLVE_MCP_DATA_DIR: dataDir },
    elicit ? { elicit } : {},
  )
    .finally(() => Deno.removeSync(dataDir, { recursive: true }));
}

/** The id of the fixture's second video item (b.png), as the timeline has it now. */
async function second(t: TestClient): Promise<string> {
  const r = await t.ok<{ items: { id: string; name: string; track_type: string }[] }>(
    "list_timeline_items",
    { timeline: "Cut" },
  );
  return r.items.find((i) => i.track_type === "video" && i.name === "b.png")!.id;
}

const tools = async (t: TestClient, item_id: string) =>
  (await t.ok<{ nodes: { tools: string[] }[] }>("list_nodes", { item_id })).nodes[0].tools;

async function latest(t: TestClient): Promise<Any> {
  return (await t.ok<{ checkpoints: Any[] }>("list_checkpoints", {})).checkpoints[0];
}

Deno.test("set_cdl: saves a timeline checkpoint first; restoring takes the CDL off the node again", async () => {
  await withCheckpoints(async (t, f) => {
    await t.ok("set_item_properties", { item_id: f.video[1], properties: { ZoomX: 1.2 } });
    assertEquals(await tools(t, f.video[1]), []);
    const r = await t.ok<Any>("set_cdl", { item_id: f.video[1], slope: [1.1, 1, 0.9] });
    assertMatch(r.checkpoint_id, /^ck-/);
    assertEquals(r.tools, ["CDL"]);
    const ck = await latest(t);
    assertEquals([ck.checkpoint_id, ck.tool, ck.scope], [r.checkpoint_id, "set_cdl", "timeline"]);
    assertEquals(ck.args.slope, [1.1, 1, 0.9]);
    await t.confirmed("restore_checkpoint", { checkpoint_id: r.checkpoint_id });
    const v2 = await second(t);
    assertEquals(await tools(t, v2), []);
    const props = await t.ok<Any>("get_item_properties", { item_id: v2 });
    assertEquals(props.properties.ZoomX, 1.2);
    // a refused CDL (no such node) fails before any checkpoint is saved
    assertMatch(
      await t.error("set_cdl", { item_id: v2, node_index: 5, power: [1, 1, 1] }),
      /NODE_NOT_FOUND/,
    );
    assertEquals((await latest(t)).tool, "restore_checkpoint");
  });
});

Deno.test("apply_arri_cdl_lut: saves a checkpoint first; restoring takes the ARRI CDL and LUT off", async () => {
  await withCheckpoints(async (t, f) => {
    await t.ok("set_clip_properties", {
      clip: f.clips[0],
      metadata: { "Camera Manufacturer": "ARRI" },
    });
    const r = await t.ok<Any>("apply_arri_cdl_lut", { item_id: f.video[0] });
    assertMatch(r.checkpoint_id, /^ck-/);
    assertEquals(r.nodes[0].tools, ["ARRI CDL and LUT"]);
    assertEquals((await latest(t)).tool, "apply_arri_cdl_lut");
    await t.confirmed("restore_checkpoint", { checkpoint_id: r.checkpoint_id });
    const items = await t.ok<{ items: { id: string; name: string; track_type: string }[] }>(
      "list_timeline_items",
      {},
    );
    const v1 = items.items.find((i) => i.track_type === "video" && i.name === "a.mp4")!.id;
    assertEquals(await tools(t, v1), []);
  });
});

Deno.test("set_item_flags: clearing saves a checkpoint (adding saves none); restore brings the flags and clip colour back", async () => {
  await withCheckpoints(async (t, f) => {
    await t.ok("set_item_properties", { item_id: f.video[1], clip_color: "Teal" });
    const added = await t.ok<Any>("set_item_flags", { item_id: f.video[1], add: ["Red", "Blue"] });
    assertEquals(added.checkpoint_id, null);
    const cleared = await t.confirmed<Any>("set_item_flags", {
      item_id: f.video[1],
      clear: ["All"],
      clear_clip_color: true,
    });
    assertEquals([cleared.flags, cleared.clip_color], [[], ""]);
    assertMatch(cleared.checkpoint_id, /^ck-/);
    const ck = await latest(t);
    assertEquals([ck.tool, ck.args.clear], ["set_item_flags", ["All"]]);
    await t.confirmed("restore_checkpoint", { checkpoint_id: cleared.checkpoint_id });
    const props = await t.ok<Any>("get_item_properties", { item_id: await second(t) });
    assertEquals([props.flags.sort(), props.clip_color], [["Blue", "Red"], "Teal"]);
  });
});

Deno.test("delete_stills: a project checkpoint (the .drp carries the gallery) brings the deleted stills back with their labels", async () => {
  await withCheckpoints(async (t) => {
    await t.ok("grab_stills", { label: "hero" });
    await t.ok("grab_stills", { label: "wide" });
    await t.ok("grab_stills", { label: "close" });
    const del = await t.confirmed<Any>("delete_stills", { album: "Stills 1", indices: [1, 3] });
    assertEquals(del.remaining, 1);
    assertMatch(del.checkpoint_id, /^ck-/);
    const ck = await latest(t);
    assertEquals([ck.tool, ck.scope, ck.available], ["delete_stills", "project", true]);
    const r = await t.confirmed<Any>("restore_checkpoint", { checkpoint_id: del.checkpoint_id });
    assertEquals([r.scope, r.restored.name], ["project", "Grade"]);
    const back = await t.ok<{ stills: { index: number; label: string }[] }>("list_stills", {
      album: "Stills 1",
    });
    assertEquals(back.stills.map((s) => s.label), ["hero", "wide", "close"]);
    // declined: nothing deleted, no checkpoint
    t.answer = "decline";
    assertMatch(
      await t.error("delete_stills", { indices: [1] }),
      /CONFIRMATION_REQUIRED|USER_DECLINED/,
    );
    assertEquals((await latest(t)).tool, "restore_checkpoint");
  });
});

Deno.test("manage_color_groups: delete saves a project checkpoint and remove_items a timeline one; restoring brings the group and its clips back", async () => {
  await withCheckpoints(async (t, f) => {
    await t.ok("manage_color_groups", { action: "create", name: "Day" });
    await t.ok("assign_to_color_group", { group: "Day", item_ids: [f.video[0], f.video[1]] });
    const made = await t.ok<Any>("manage_color_groups", { action: "create", name: "Night" });
    assertEquals(made.checkpoint_id, null);

    const removed = await t.confirmed<Any>("manage_color_groups", {
      action: "remove_items",
      item_ids: [f.video[1]],
    });
    assertMatch(removed.checkpoint_id, /^ck-/);
    assertEquals((await latest(t)).scope, "timeline");
    const day = async () =>
      (await t.ok<{ groups: { name: string; clips_on_timeline: number }[] }>(
        "list_color_groups",
        { timeline: "Cut" },
      )).groups;
    assertEquals((await day()).find((g) => g.name === "Day")?.clips_on_timeline, 1);
    await t.confirmed("restore_checkpoint", { checkpoint_id: removed.checkpoint_id });
    assertEquals((await day()).find((g) => g.name === "Day")?.clips_on_timeline, 2);

    const del = await t.confirmed<Any>("manage_color_groups", { action: "delete", name: "Day" });
    assertEquals(del.groups, ["Night"]);
    assertMatch(del.checkpoint_id, /^ck-/);
    const ck = await latest(t);
    assertEquals([ck.tool, ck.scope], ["manage_color_groups", "project"]);
    await t.confirmed("restore_checkpoint", { checkpoint_id: del.checkpoint_id });
    const groups = await day();
    assertEquals(groups.map((g) => g.name).sort(), ["Day", "Night"]);
    assert(groups.find((g) => g.name === "Day")!.clips_on_timeline === 2);
  });
});

const record = (i: number, time: string, project = "elsewhere"): CheckpointEntry => ({
  checkpoint_id: `ck-20200101-000000-${i.toString(16).padStart(6, "0")}`,
  tool: "delete_clips",
  args: {},
  time,
  scope: "project",
  project: { name: project, id: project },
});

Deno.test("list_checkpoints: records older than 90 days go across every project, at most 50 a save", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const day = 86_400_000;
  const at = (days: number) => new Date(now.getTime() - days * day).toISOString();
  const entries = [
    ...Array.from({ length: 60 }, (_, i) => record(i, at(400 - i))),
    record(100, at(MAX_AGE_DAYS + 1), "open"),
    record(101, at(MAX_AGE_DAYS - 1), "open"),
    record(102, at(1)),
    { ...record(103, "not a time") },
  ];
  const dropped = agedOut(entries, now);
  assertEquals(dropped.length, AGE_DROPS_PER_SAVE);
  assertEquals(
    dropped.map((e) => e.checkpoint_id),
    entries.slice(0, 50).map((e) => e.checkpoint_id),
  );
  const rest = agedOut(entries.slice(50), now).map((e) => e.checkpoint_id);
  assertEquals(rest, [
    ...entries.slice(50, 61).map((e) => e.checkpoint_id),
    entries[63].checkpoint_id,
  ]);
  assertEquals(agedOut([record(1, at(MAX_AGE_DAYS - 1))], now), []);
});

Deno.test("list_checkpoints: saving a checkpoint drops another project's records older than 90 days, not the recent ones", async () => {
  await withCheckpoints(async (t, f, data) => {
    // the store's folder exists once a first checkpoint was saved
    const first = await t.ok<Any>("set_cdl", { item_id: f.video[0], saturation: 0.9 });
    const folder = `${data}/checkpoints`;
    const old = record(1, new Date(Date.now() - (MAX_AGE_DAYS + 5) * 86_400_000).toISOString());
    const recent = record(2, new Date(Date.now() - 86_400_000).toISOString());
    for (const e of [old, recent]) {
      Deno.writeTextFileSync(`${folder}/${e.checkpoint_id}.json`, JSON.stringify(e));
      Deno.writeTextFileSync(`${folder}/${e.checkpoint_id}.drp`, "{}");
    }
    await t.ok("set_cdl", { item_id: f.video[0], saturation: 0.8 });
    const names = [...Deno.readDirSync(folder)].map((d) => d.name);
    assert(!names.includes(`${old.checkpoint_id}.json`), "the aged record is gone");
    assert(!names.includes(`${old.checkpoint_id}.drp`), "and its export");
    assert(names.includes(`${recent.checkpoint_id}.json`));
    assert(names.includes(`${first.checkpoint_id}.json`));
  });
});

/** A multicam of a.mp4 and a 4 s tone on a new timeline "MC"; its video rows. */
async function multicam(t: TestClient, clip: string, dir: string) {
  writeWav(`${dir}/tone.wav`, 4);
  const tone = await t.ok<{ clips: { id: string }[] }>("import_media", {
    paths: [`${dir}/tone.wav`],
  });
  const mc = await t.ok<{ id: string }>("create_multicam_clip", {
    clips: [clip, tone.clips[0].id],
    name: "Stage",
    sync: "in",
  });
  await t.ok("create_timeline", { name: "MC" });
  await t.ok("append_to_timeline", { timeline: "MC", clips: [{ clip: mc.id }] });
  return await videoOf(t, "MC");
}

const videoOf = async (t: TestClient, timeline: string) =>
  (await t.ok<{ items: { id: string; name: string; track_type: string; start: number }[] }>(
    "list_timeline_items",
    { timeline },
  )).items.filter((i) => i.track_type === "video").sort((a, b) => a.start - b.start);

Deno.test("flatten_multicam: saves a timeline checkpoint first; restoring brings the multicam item back", async () => {
  await withCheckpoints(async (t, f, _data, dir) => {
    const [item] = await multicam(t, f.clips[0], dir);
    assertEquals(item.name, "Stage - Angle 1");
    const r = await t.ok<Any>("flatten_multicam", { item_ids: [item.id], timeline: "MC" });
    assertMatch(r.checkpoint_id, /^ck-/);
    assertEquals((await videoOf(t, "MC")).map((i) => i.name), ["a.mp4"]);
    const ck = (await t.ok<{ checkpoints: Any[] }>("list_checkpoints", { timeline: "MC" }))
      .checkpoints[0];
    assertEquals([ck.tool, ck.timeline.name], ["flatten_multicam", "MC"]);
    await t.ok("restore_checkpoint", { checkpoint_id: r.checkpoint_id });
    assertEquals((await videoOf(t, "MC")).map((i) => i.name), ["Stage - Angle 1"]);
  }, "accept");
});

Deno.test("switch_multicam_angles: saves a timeline checkpoint first; restoring takes SmartSwitch's cuts back", async () => {
  await withCheckpoints(async (t, f, _data, dir) => {
    const [item] = await multicam(t, f.clips[0], dir);
    const r = await t.ok<Any>("switch_multicam_angles", {
      item_id: item.id,
      timeline: "MC",
      analysis: "audio_only",
    });
    assertMatch(r.checkpoint_id, /^ck-/);
    assert(r.cuts.length > 1, JSON.stringify(r.cuts));
    await t.ok("restore_checkpoint", { checkpoint_id: r.checkpoint_id });
    assertEquals((await videoOf(t, "MC")).map((i) => i.name), ["Stage - Angle 1"]);
  }, "accept");
});

type Status = { name: string; online: string; path: string };

Deno.test("unlink_clips: saves a project checkpoint first; restoring brings the clip back online", async () => {
  await withCheckpoints(async (t, f) => {
    const off = await t.confirmed<{ clips: Status[]; checkpoint_id: string }>("unlink_clips", {
      clips: [f.clips[0]],
    });
    assertEquals(off.clips[0].online, "Offline");
    assertMatch(off.checkpoint_id, /^ck-/);
    const ck = await latest(t);
    assertEquals([ck.tool, ck.scope], ["unlink_clips", "project"]);
    await t.confirmed("restore_checkpoint", { checkpoint_id: off.checkpoint_id });
    const info = await t.ok<Any>("get_clip_info", { clip: "a.mp4" });
    assertEquals(JSON.stringify(info).includes('"Offline"'), false, JSON.stringify(info));
    assert(JSON.stringify(info).includes('"Online"'), JSON.stringify(info));
  });
});

Deno.test("replace_clip: saves a project checkpoint first; restoring brings the clip's own media back", async () => {
  await withCheckpoints(async (t, f, _data, dir, media) => {
    const other = `${dir}/other.png`;
    Deno.copyFileSync(`${media}/b.png`, other);
    const r = await t.confirmed<{ clip: Status; checkpoint_id: string }>("replace_clip", {
      clip: f.clips[0],
      path: other,
    });
    assertEquals(r.clip.path, other);
    assertMatch(r.checkpoint_id, /^ck-/);
    await t.confirmed("restore_checkpoint", { checkpoint_id: r.checkpoint_id });
    const back = await t.ok<Any>("list_clips", { name_contains: "a.mp4" });
    assertEquals(back.total, 1);
    const info = await t.ok<Any>("get_clip_info", { clip: back.clips[0].id });
    assert(!JSON.stringify(info).includes(other), "the replaced media is gone");
    assert(/a\.mp4/.test(JSON.stringify(info)));
  });
});

Deno.test("link_proxy: unlinking a proxy saves a project checkpoint first; restoring links it again", async () => {
  await withCheckpoints(async (t, f, _data, dir, media) => {
    Deno.copyFileSync(`${media}/a.mp4`, `${dir}/proxy.mp4`);
    const linked = await t.ok<Any>("link_proxy", {
      clip: f.clips[0],
      action: "link_proxy",
      path: `${dir}/proxy.mp4`,
    });
    assertEquals([linked.proxy_path, linked.checkpoint_id], [`${dir}/proxy.mp4`, null]);
    const off = await t.confirmed<Any>("link_proxy", { clip: f.clips[0], action: "unlink_proxy" });
    assertEquals(off.proxy_path, "");
    assertMatch(off.checkpoint_id, /^ck-/);
    await t.confirmed("restore_checkpoint", { checkpoint_id: off.checkpoint_id });
    const back = await t.ok<Any>("list_clips", { name_contains: "a.mp4" });
    const info = await t.ok<Any>("get_clip_info", { clip: back.clips[0].id });
    assert(JSON.stringify(info).includes(`${dir}/proxy.mp4`), JSON.stringify(info));
  });
});

Deno.test("manage_mattes: detaching a matte saves a project checkpoint first; restoring attaches it again", async () => {
  await withCheckpoints(async (t, f, _data, dir) => {
    await writePng(`${dir}/matte.png`, 320, 180);
    const added = await t.ok<Any>("manage_mattes", {
      action: "add_clip_mattes",
      clip: f.clips[0],
      paths: [`${dir}/matte.png`],
    });
    assertEquals([added.clip_mattes, added.checkpoint_id], [[`${dir}/matte.png`], null]);
    const removed = await t.confirmed<Any>("manage_mattes", {
      action: "delete_clip_mattes",
      clip: f.clips[0],
      paths: [`${dir}/matte.png`],
    });
    assertEquals(removed.clip_mattes, []);
    assertMatch(removed.checkpoint_id, /^ck-/);
    await t.confirmed("restore_checkpoint", { checkpoint_id: removed.checkpoint_id });
    const back = await t.ok<Any>("list_clips", { name_contains: "a.mp4" });
    const mattes = await t.ok<Any>("list_mattes", { clip: back.clips[0].id });
    assertEquals(mattes.clip_mattes, [`${dir}/matte.png`]);
  });
});
