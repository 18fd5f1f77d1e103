// The 21.1 dict forms in existing tools: on Resolve 21.1+ set/get_item_properties,
// set_timeline_settings and set_project_settings call GetProperties/SetProperties and
// GetSettings/SetSettings; on 21.0 the (then current) GetProperty/SetProperty and
// GetSetting/SetSetting. The bridge's trace says which ran.
import { assert, assertEquals } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";
import { calledMethods } from "../../harness.ts";
import { OLD } from "./v211.ts";

const structured = (r: { structuredContent?: unknown }) =>
  r.structuredContent as Record<string, unknown>;

Deno.test("set_item_properties: 21.1 sends one SetProperties dict (21.1 keys accepted); 21.0 SetProperty per key", async () => {
  await withFixture(async (t, f) => {
    const r = await t.call("set_item_properties", {
      item_id: f.video[0],
      properties: { ZoomX: 1.25, CroppingEnabled: false },
    });
    assert(!r.isError, JSON.stringify(r.content));
    assert(calledMethods(r).includes("TimelineItem.SetProperties"));
    assert(!calledMethods(r).includes("TimelineItem.SetProperty"));
    assertEquals(structured(r).refused, []);
    const g = await t.call("get_item_properties", { item_id: f.video[0] });
    assert(calledMethods(g).includes("TimelineItem.GetProperties"));
    const props = structured(g).properties as Record<string, unknown>;
    assertEquals([props.ZoomX, props.CroppingEnabled, props.TransformEnabled], [1.25, false, true]);
    assertEquals(structured(g).item_type, "video");
  });
  await withFixture(async (t, f) => {
    const r = await t.call("set_item_properties", {
      item_id: f.video[0],
      properties: { ZoomX: 1.25, CroppingEnabled: false },
    });
    assert(calledMethods(r).includes("TimelineItem.SetProperty"));
    assert(!calledMethods(r).includes("TimelineItem.SetProperties"));
    // 21.0 knows no CroppingEnabled: refused while ZoomX applied (per-key form).
    assertEquals([structured(r).changed, structured(r).refused], [["ZoomX"], ["CroppingEnabled"]]);
    const g = await t.call("get_item_properties", { item_id: f.video[0] });
    assert(calledMethods(g).includes("TimelineItem.GetProperty"));
    assertEquals(structured(g).item_type, null); // GetType is 21.1
  }, OLD);
});

Deno.test("set_timeline_settings: 21.1 SetSettings dict read back with GetSettings; 21.0 SetSetting", async () => {
  await withFixture(async (t) => {
    const r = await t.call("set_timeline_settings", {
      settings: { useCustomSettings: true, timelineResolutionWidth: 1280 },
    });
    assert(!r.isError, JSON.stringify(r.content));
    assert(calledMethods(r).includes("Timeline.SetSettings"));
    assertEquals(structured(r).applied, ["useCustomSettings", "timelineResolutionWidth"]);
    assertEquals(
      (structured(r).settings as Record<string, unknown>).timelineResolutionWidth,
      "1280",
    );
  });
  await withFixture(async (t) => {
    const r = await t.call("set_timeline_settings", {
      settings: { useCustomSettings: true, timelineResolutionWidth: 1280 },
    });
    assert(calledMethods(r).includes("Timeline.SetSetting"));
    assert(!calledMethods(r).includes("Timeline.SetSettings"));
  }, OLD);
});

Deno.test("set_project_settings: 21.1 one SetSettings dict, a refused key reported while the other applies", async () => {
  await withFixture(async (t) => {
    const r = await t.call("set_project_settings", {
      settings: { timelineResolutionWidth: 1280, timelineFrameRate: "25" },
    });
    assert(!r.isError, JSON.stringify(r.content));
    assert(calledMethods(r).includes("Project.SetSettings"));
    // The frame rate is locked once timelines exist: SetSettings applies the width anyway.
    assertEquals(structured(r).refused, ["timelineFrameRate"]);
    const s = await t.ok<{ settings: Record<string, string> }>("get_project_settings", {
      keys: ["timelineResolutionWidth"],
    });
    assertEquals(s.settings.timelineResolutionWidth, "1280");
  });
  await withFixture(async (t) => {
    const r = await t.call("set_project_settings", {
      settings: { timelineResolutionWidth: 1280 },
    });
    assert(calledMethods(r).includes("Project.SetSetting"));
    assert(!calledMethods(r).includes("Project.SetSettings"));
  }, OLD);
});

Deno.test("get_item_properties: while a render runs Resolve 21.1.1 answers no properties, and the summary says so", async () => {
  await withFixture(async (t, f, dir) => {
    await t.ok("set_render_settings", { settings: { TargetDir: dir, CustomName: "long" } });
    const job = (await t.ok("add_render_job")).job_id as string;
    await t.ok("start_render", { job_ids: [job], wait: false });
    const during = await t.call("get_item_properties", { item_id: f.video[0] });
    assertEquals(structured(during).properties, {});
    assert(JSON.stringify(during.content).includes("render"));
    await t.ok("stop_render");
    const after = await t.ok("get_item_properties", { item_id: f.video[0] });
    assertEquals((after.properties as Record<string, unknown>).ZoomX, 1);
  }, { RESOLVE_SIM_RENDER_SECONDS: "600" });
});

Deno.test("set_item_properties: 21.1 audio item values in one all-or-nothing SetProperties; 21.0 refuses them", async () => {
  await withFixture(async (t, f) => {
    const r = await t.ok<{ properties: Record<string, unknown>; changed: string[] }>(
      "set_item_properties",
      { item_id: f.audio[0], audio: { volume_db: -6, pan: 25, pitch_enabled: true } },
    );
    assertEquals(r.changed.sort(), ["AudioPan", "AudioPitchEnabled", "AudioVolume"]);
    assertEquals(
      [r.properties.AudioVolume, r.properties.AudioPan, r.properties.AudioPitchEnabled],
      [-6, 25, true],
    );
    // The dialogue leveler applies to items of the current timeline only: switching away
    // makes the whole dict refused, the volume included.
    await t.ok("create_timeline", { name: "Other" });
    const refused = await t.error("set_item_properties", {
      item_id: f.audio[0],
      timeline: "Cut",
      audio: {
        volume_db: 0,
        dialogue_leveler: { enabled: true, mode: "lift_soft_whispery_sources" },
      },
    });
    assert(/CHANGE_REFUSED/.test(refused), refused);
    const again = await t.ok<{ properties: Record<string, unknown> }>("get_item_properties", {
      item_id: f.audio[0],
      timeline: "Cut",
    });
    assertEquals(again.properties.AudioVolume, -6);
    assert(/NOT_AN_AUDIO_ITEM/.test(
      await t.error("set_item_properties", {
        item_id: f.video[0],
        timeline: "Cut",
        audio: { pan: 1 },
      }),
    ));
  });
  await withFixture(async (t, f) => {
    assert(/VERSION_UNSUPPORTED/.test(
      await t.error("set_item_properties", { item_id: f.audio[0], audio: { pan: 1 } }),
    ));
  }, OLD);
});

Deno.test("get_timeline_info: 21.1 reads one GetSettings dict (project's values until custom); 21.0 GetSetting", async () => {
  await withFixture(async (t) => {
    const r = await t.call("get_timeline_info", { setting_keys: ["useCustomSettings"] });
    assert(calledMethods(r).includes("Timeline.GetSettings"));
    assertEquals(structured(r).settings, { useCustomSettings: "0" });
    await t.ok("set_timeline_settings", {
      settings: { useCustomSettings: true, timelineResolutionWidth: 1280 },
    });
    const after = await t.ok<{ settings: Record<string, unknown> }>("get_timeline_info", {});
    assertEquals([after.settings.useCustomSettings, after.settings.timelineResolutionWidth], [
      "1",
      "1280",
    ]);
  });
  await withFixture(async (t) => {
    const r = await t.call("get_timeline_info", {});
    assert(calledMethods(r).includes("Timeline.GetSetting"));
    assert(!calledMethods(r).includes("Timeline.GetSettings"));
  }, OLD);
});
