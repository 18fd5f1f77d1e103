// Pure checks of timeline setting writes: a True that changed nothing, and the resolution reset
// that turning on custom settings causes (src/tools/timeline/settings_check.ts).
import { assertEquals, assertMatch } from "../../assert.ts";
import { customFlipWarning, unchangedKeys } from "../../../src/tools/timeline/settings_check.ts";

Deno.test("settings check: a key answered True that reads back its old value did not change", () => {
  const entries = [["timelineResolutionWidth", "3840"], [
    "timelineResolutionHeight",
    "2160",
  ]] as const;
  const before = { timelineResolutionWidth: "1920", timelineResolutionHeight: "1080" };
  // Resolve answered True for both; only the height moved
  const after = { timelineResolutionWidth: "1920", timelineResolutionHeight: "2160" };
  assertEquals(unchangedKeys(entries, [true, true], before, after), ["timelineResolutionWidth"]);
  // a refused key is not "unchanged" (it is refused), a number reads the same as its string
  assertEquals(unchangedKeys(entries, [false, true], before, after), []);
  assertEquals(
    unchangedKeys([["timelineFrameRate", "24"]], [true], { timelineFrameRate: 25 }, {
      timelineFrameRate: 24,
    }),
    [],
  );
  // same value asked as held: nothing to report
  assertEquals(unchangedKeys([["timelineResolutionWidth", "1920"]], [true], before, before), []);
});

Deno.test("settings check: the custom-settings flip warns only when it moved a size not asked for", () => {
  const before = {
    useCustomSettings: "0",
    timelineResolutionWidth: "1080",
    timelineResolutionHeight: "1920",
  };
  const after = {
    useCustomSettings: "1",
    timelineResolutionWidth: "1920",
    timelineResolutionHeight: "1080",
  };
  assertMatch(
    String(customFlipWarning([["useCustomSettings", "1"]], before, after)),
    /1080x1920.*1920x1080/,
  );
  assertEquals(customFlipWarning([["useCustomSettings", "1"]], before, before), null);
  assertEquals(
    customFlipWarning(
      [["useCustomSettings", "1"], ["timelineResolutionWidth", "1920"]],
      before,
      after,
    ),
    null,
  );
  assertEquals(customFlipWarning([["useCustomSettings", "1"]], after, after), null);
});
