// Pure logic of src/resolve/api_version.ts and src/resolve/analysis_jobs.ts.
import { assert, assertEquals } from "./assert.ts";
import { compareVersions, increasing, jobStatusOf, parseVersion } from "../src/resolve/index.ts";

Deno.test("parseVersion: fills missing parts with 0 and ignores the build", () => {
  assertEquals(parseVersion("21.1"), [21, 1, 0]);
  assertEquals(parseVersion("21.1.1.10"), [21, 1, 1]);
  assertEquals(parseVersion("20"), [20, 0, 0]);
});

Deno.test("compareVersions: orders by major, minor, patch (property over a grid)", () => {
  const all: number[][] = [];
  for (const a of [19, 20, 21]) {
    for (const b of [0, 1, 2]) for (const c of [0, 1, 4]) all.push([a, b, c]);
  }
  for (const x of all) {
    for (const y of all) {
      const key = (v: number[]) => v[0] * 10_000 + v[1] * 100 + v[2];
      assertEquals(Math.sign(compareVersions(x, y)), Math.sign(key(x) - key(y)), `${x} vs ${y}`);
    }
  }
  assert(compareVersions(parseVersion("21.0.4.5"), parseVersion("21.1")) < 0);
  assert(compareVersions(parseVersion("21.1.1.10"), parseVersion("21.1.1")) === 0);
});

Deno.test("jobStatusOf: ended states end the wait, running ones do not; percent clamped", () => {
  for (
    const s of ["Inactive", "Complete", "Cancelled", "Failed", "Render Complete", "Upload Failed"]
  ) {
    assertEquals(jobStatusOf({ JobStatus: s }).ended, true, s);
  }
  for (
    const s of ["Initializing", "Analyzing", "Cancelling", "Cloning", "Rendering", "Uploading"]
  ) {
    assertEquals(jobStatusOf({ JobStatus: s }).ended, false, s);
  }
  assertEquals(jobStatusOf({ JobStatus: "Analyzing", CompletionPercentage: 140 }).percent, 100);
  assertEquals(jobStatusOf(null), { status: "", percent: 0, error: "", ended: false });
});

Deno.test("increasing: forwards only values above the last one sent", async () => {
  const sent: number[] = [];
  const progress = increasing((value) => {
    sent.push(value);
    return Promise.resolve();
  });
  for (const v of [0, 0, 10, 5, 10, 50, 100, 100]) await progress(v, 100);
  assertEquals(sent, [0, 10, 50, 100]);
});
