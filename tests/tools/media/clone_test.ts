// clone_media, clone_media_status, stop_clone_media (Resolve 21.1) over stdio against the
// simulator, whose Clone Tool really copies and verifies the files.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withFixture } from "../../fixture.ts";

type Status = { status: string; percent: number; error: string; in_progress: boolean };

function card(dir: string): string {
  const src = `${dir}/CARD_A`;
  Deno.mkdirSync(`${src}/CLIPS`, { recursive: true });
  const bytes = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
  Deno.writeFileSync(`${src}/CLIPS/A001.mov`, bytes);
  Deno.writeTextFileSync(`${src}/card.xml`, "<card/>\n");
  return src;
}

const same = (a: string, b: string) =>
  assertEquals(Deno.readFileSync(a), Deno.readFileSync(b), `${b} differs from ${a}`);

Deno.test("clone_media: copies a card to two folders with checksums and progress; asks before mixing into media", async () => {
  await withFixture(async (t, _f, dir) => {
    const src = card(dir);
    Deno.mkdirSync(`${dir}/backup1`);
    Deno.mkdirSync(`${dir}/backup2`);
    const idle = await t.ok<Status>("clone_media_status");
    assertEquals([idle.status, idle.in_progress], ["Complete", false]); // Resolve's idle answer

    const progress: number[] = [];
    const result = await t.client.callTool(
      {
        name: "clone_media",
        arguments: {
          source: src,
          targets: [`${dir}/backup1`, `${dir}/backup2`],
          checksum: "sha256",
          preserve_folder_name: true,
        },
      },
      undefined,
      { onprogress: (p: { progress: number }) => progress.push(p.progress) },
    );
    assert(!result.isError, JSON.stringify(result.content));
    const done = result.structuredContent as Status & { targets: string[]; checksum: string };
    assertEquals([done.status, done.percent, done.checksum], ["Complete", 100, "sha256"]);
    assertEquals(done.targets, [`${dir}/backup1/CARD_A`, `${dir}/backup2/CARD_A`]);
    for (const b of ["backup1", "backup2"]) {
      same(`${src}/CLIPS/A001.mov`, `${dir}/${b}/CARD_A/CLIPS/A001.mov`);
      same(`${src}/card.xml`, `${dir}/${b}/CARD_A/card.xml`);
    }
    assert(progress.length >= 2, `progress notifications: ${progress}`);
    assertEquals(progress[progress.length - 1], 100);
    assert(progress.every((p, i) => i === 0 || p >= progress[i - 1]), `${progress}`);

    // a destination that already holds the media: replacing needs the user's yes
    const again = await t.error("clone_media", {
      source: src,
      targets: [`${dir}/backup1`],
      preserve_folder_name: true,
    });
    assertMatch(again, /CONFIRMATION_REQUIRED/);
    const confirmed = await t.confirmed<Status>("clone_media", {
      source: src,
      targets: [`${dir}/backup1`],
      preserve_folder_name: true,
    });
    assertEquals(confirmed.status, "Complete");

    assertMatch(
      await t.error("clone_media", { source: src, targets: [`${dir}/missing`] }),
      /NO_SUCH_DIRECTORY/,
    );
    assertMatch(
      await t.error("clone_media", { source: src, targets: [`${src}/CLIPS`] }),
      /INVALID_ARGUMENTS/,
    );
    assertMatch(
      await t.error("clone_media", { source: src, targets: ["/etc"] }),
      /PATH_NOT_ALLOWED/,
    );
  }, { RESOLVE_SIM_CLONE_SECONDS: "1.5" });
});

Deno.test("stop_clone_media: stops a running clone, which then reads Cancelled; clone_media_status follows it", async () => {
  await withFixture(async (t, _f, dir) => {
    const src = card(dir);
    Deno.mkdirSync(`${dir}/slow`);
    const started = await t.ok<Status>("clone_media", {
      source: src,
      targets: [`${dir}/slow`],
      max_wait_seconds: 0,
    });
    assertEquals([started.status, started.in_progress], ["Cloning", true]);
    assertMatch(
      await t.error("clone_media", { source: src, targets: [`${dir}/slow`] }),
      /CLONE_IN_PROGRESS/,
    );
    const running = await t.ok<Status>("clone_media_status", { max_wait_seconds: 0 });
    assertEquals(running.status, "Cloning");
    assertMatch(await t.error("stop_clone_media"), /CONFIRMATION_REQUIRED/);
    const stopped = await t.confirmed<Status & { was_cloning: boolean }>("stop_clone_media");
    assertEquals([stopped.was_cloning, stopped.status, stopped.in_progress], [
      true,
      "Cancelled",
      false,
    ]);
    const after = await t.ok<Status>("clone_media_status");
    assertEquals(after.status, "Cancelled");
    const nothing = await t.ok<{ was_cloning: boolean }>("stop_clone_media");
    assertEquals(nothing.was_cloning, false);
  }, { RESOLVE_SIM_CLONE_SECONDS: "60" });
});

Deno.test("clone_media_status: refused before Resolve 21.1, like clone_media", async () => {
  await withFixture(async (t, _f, dir) => {
    assertMatch(await t.error("clone_media_status"), /VERSION_UNSUPPORTED.*21\.1/s);
    assertMatch(
      await t.error("clone_media", { source: dir, targets: [dir] }),
      /VERSION_UNSUPPORTED/,
    );
    assertMatch(await t.error("stop_clone_media"), /VERSION_UNSUPPORTED/);
  }, { RESOLVE_SIM_VERSION: "21.0.4.5" });
});
