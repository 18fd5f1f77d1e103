// Timecode arithmetic at every standard rate, drop-frame included.
import { assertEquals } from "./assert.ts";
import { framesToTimecode, parseRate, timecodeToFrames } from "../src/timecode.ts";

Deno.test("one hour is the start frame Resolve reports at each rate", () => {
  const expected: Record<string, number> = {
    "23.976": 86400,
    "24": 86400,
    "25": 90000,
    "29.97": 108000,
    "29.97 DF": 107892,
    "30": 108000,
    "50": 180000,
    "59.94": 216000,
    "59.94 DF": 215784,
    "60": 216000,
  };
  for (const [text, frames] of Object.entries(expected)) {
    const rate = parseRate(text)!;
    assertEquals(timecodeToFrames(rate.drop ? "01:00:00;00" : "01:00:00:00", rate), frames, text);
    assertEquals(framesToTimecode(frames, rate), rate.drop ? "01:00:00;00" : "01:00:00:00");
  }
});

Deno.test("drop-frame round-trips every frame of the first eleven minutes", () => {
  for (const text of ["29.97 DF", "59.94 DF"]) {
    const rate = parseRate(text)!;
    for (let f = 0; f < rate.nominal * 60 * 11; f++) {
      assertEquals(timecodeToFrames(framesToTimecode(f, rate), rate), f);
    }
    assertEquals(timecodeToFrames("00:01:00;00", rate), undefined);
    assertEquals(
      timecodeToFrames("00:10:00;00", rate),
      rate.nominal * 600 - 9 * (rate.nominal / 15),
    );
  }
  assertEquals(framesToTimecode(1800, parseRate("29.97 DF")!), "00:01:00;02");
});

Deno.test("invalid rates and timecodes are refused", () => {
  assertEquals(parseRate("31"), undefined);
  assertEquals(parseRate("25 DF"), undefined);
  const rate = parseRate("24")!;
  for (const bad of ["1:2:3", "00:60:00:00", "00:00:00:24", "aa:bb:cc:dd"]) {
    assertEquals(timecodeToFrames(bad, rate), undefined, bad);
  }
});
