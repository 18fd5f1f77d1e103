// Proxies, relinking, pairing over stdio against the simulator.
import { assert, assertEquals, assertMatch } from "../../assert.ts";
import { withClient, withTempDir } from "../../harness.ts";
import {
  type Clip,
  importInto,
  refusedOnEmpty,
  withMedia,
  writeMp4,
  writePng,
  writeWav,
} from "./media.ts";

Deno.test("link_proxy: proxies, mattes, relink/unlink/replace, audio sync, stereo", async () => {
  await withTempDir(async (dir) => {
    Deno.mkdirSync(`${dir}/moved`);
    await writeMp4(`${dir}/shot.mp4`, 48);
    await writeMp4(`${dir}/proxy.mp4`, 48, false, 320, 180);
    await writeMp4(`${dir}/other.mp4`, 24);
    await writeMp4(`${dir}/left.mp4`, 24);
    await writeMp4(`${dir}/right.mp4`, 24);
    writeWav(`${dir}/sound.wav`, 2);
    await writePng(`${dir}/matte.png`, 640, 360);
    await withClient({ args: ["--allow-path", dir, "--toolsets", "all"] }, async (t) => {
      await t.ok("create_project", { name: "Links" });
      const [shot, other, left, right, sound] = await importInto(t, [
        `${dir}/shot.mp4`,
        `${dir}/other.mp4`,
        `${dir}/left.mp4`,
        `${dir}/right.mp4`,
        `${dir}/sound.wav`,
      ], "Media");
      // proxies
      const linked = await t.ok("link_proxy", {
        clip: shot.id,
        action: "link_proxy",
        path: `${dir}/proxy.mp4`,
      });
      assertEquals(linked.proxy_path, `${dir}/proxy.mp4`);
      assertEquals(linked.proxy, "320x180");
      assertMatch(
        await t.error("link_proxy", { clip: shot.id, action: "link_proxy" }),
        /INVALID_ARGUMENTS/,
      );
      assertMatch(
        await t.error("link_proxy", {
          clip: sound.id,
          action: "link_proxy",
          path: `${dir}/proxy.mp4`,
        }),
        /PROXY_REFUSED/,
      );
      assertMatch(
        await t.error("link_proxy", { clip: shot.id, action: "unlink_proxy" }),
        /CONFIRMATION_REQUIRED/,
      );
      assertEquals(
        (await t.confirmed("link_proxy", { clip: shot.id, action: "unlink_proxy" }))
          .proxy_path,
        "",
      );
      // clip and timeline mattes
      const added = await t.ok("manage_mattes", {
        action: "add_clip_mattes",
        clip: shot.id,
        paths: [`${dir}/matte.png`],
      });
      assertEquals(added.clip_mattes, [`${dir}/matte.png`]);
      assertEquals((await t.ok("list_mattes", { clip: shot.id })).clip_mattes, [
        `${dir}/matte.png`,
      ]);
      assertMatch(
        await t.error("manage_mattes", {
          action: "delete_clip_mattes",
          clip: shot.id,
          paths: [`${dir}/matte.png`],
        }),
        /CONFIRMATION_REQUIRED/,
      );
      assertMatch(
        await t.error("manage_mattes", {
          action: "delete_clip_mattes",
          clip: shot.id,
          paths: [`${dir}/x.png`],
        }),
        /MATTE_NOT_FOUND/,
      );
      const removed = await t.confirmed("manage_mattes", {
        action: "delete_clip_mattes",
        clip: shot.id,
        paths: [`${dir}/matte.png`],
      });
      assertEquals(removed.clip_mattes, []);
      const tlMattes = await t.ok<{ timeline_mattes: Clip[] }>("manage_mattes", {
        action: "add_timeline_mattes",
        paths: [`${dir}/matte.png`],
        bin: "Mattes",
      });
      assertEquals(tlMattes.timeline_mattes.length, 1);
      assertEquals(
        (await t.ok<{ timeline_mattes: Clip[] }>("list_mattes", { bin: "Mattes" })).timeline_mattes
          .length,
        1,
      );
      assertMatch(await t.error("list_mattes", {}), /INVALID_ARGUMENTS/);
      assertMatch(
        await t.error("manage_mattes", { action: "add_clip_mattes", paths: [`${dir}/matte.png`] }),
        /INVALID_ARGUMENTS.*needs clip/s,
      );
      // unlink (confirmed) then relink from another folder
      assertMatch(await t.error("unlink_clips", { clips: [other.id] }), /CONFIRMATION_REQUIRED/);
      const off = await t.confirmed<{ clips: { online: string }[] }>("unlink_clips", {
        clips: [other.id],
      });
      assertEquals(off.clips[0].online, "Offline");
      Deno.renameSync(`${dir}/other.mp4`, `${dir}/moved/other.mp4`);
      const on = await t.ok<{ clips: { online: string; path: string }[] }>("relink_clips", {
        clips: [other.id],
        folder: `${dir}/moved`,
      });
      assertEquals(on.clips[0].path, `${dir}/moved/other.mp4`);
      assertEquals(on.clips[0].online, "Online");
      assertMatch(
        await t.error("relink_clips", { clips: [other.id], folder: `${dir}/nope` }),
        /FOLDER_NOT_FOUND/,
      );
      // replace (confirmed)
      assertMatch(
        await t.error("replace_clip", { clip: other.id, path: `${dir}/shot.mp4` }),
        /CONFIRMATION_REQUIRED/,
      );
      const replaced = await t.confirmed<{ clip: { path: string } }>("replace_clip", {
        clip: other.id,
        path: `${dir}/shot.mp4`,
        keep_subclip_range: true,
      });
      assertEquals(replaced.clip.path, `${dir}/shot.mp4`);
      assertMatch(
        await t.confirmedError("replace_clip", {
          clip: other.id,
          path: `${dir}/sound.wav`,
          keep_subclip_range: true,
        }),
        /REPLACE_REFUSED/,
      );
      // audio sync
      assertMatch(await t.error("sync_audio", { clips: [shot.id, left.id] }), /SYNC_FAILED/);
      const synced = await t.ok<{ clips: { type: string; synced_audio: string }[] }>("sync_audio", {
        clips: [shot.id, sound.id],
        mode: "waveform",
        channel: "automatic",
        retain_embedded_audio: false,
        retain_video_metadata: true,
      });
      assertEquals(synced.clips[0].type, "Video + Audio");
      assertEquals(synced.clips[0].synced_audio, "sound.wav");
      assertMatch(await t.error("sync_audio", { clips: [shot.id] }), /INVALID_ARGUMENTS/);
      assertMatch(
        await t.error("sync_audio", { clips: [shot.id, sound.id], channel: 9 }),
        /SYNC_FAILED/,
      );
      // stereo
      const stereo = await t.ok<{ clip: Clip }>("create_stereo_clip", {
        left: left.id,
        right: right.id,
      });
      assert(stereo.clip.id);
      assertMatch(
        await t.error("create_stereo_clip", { left: shot.id, right: shot.id }),
        /INVALID_ARGUMENTS.*same clip/s,
      );
      assertMatch(await t.error("get_clip_info", { clip: left.id }), /CLIP_NOT_FOUND/);
    });
  });
});

Deno.test("relink_clips: a missing clip is refused", async () => {
  await withMedia(() => {}, async (t, dir) => {
    assertMatch(
      await t.error("relink_clips", { clips: ["missing.mov"], folder: dir }),
      /CLIP_NOT_FOUND/,
    );
    assertMatch(
      await t.error("relink_clips", { clips: ["missing.mov"], folder: "/tmp" }),
      /PATH_NOT_ALLOWED/,
    );
  });
});

Deno.test("unlink_clips: a missing clip is refused", () =>
  refusedOnEmpty("unlink_clips", { clips: ["missing.mov"] }, /CLIP_NOT_FOUND/));

Deno.test("replace_clip: a missing clip is refused", async () => {
  await withMedia((dir) => writeWav(`${dir}/x.wav`, 1), async (t, dir) => {
    assertMatch(
      await t.error("replace_clip", { clip: "missing.mov", path: `${dir}/x.wav` }),
      /CLIP_NOT_FOUND/,
    );
    assertMatch(
      await t.error("replace_clip", { clip: "missing.mov", path: "/tmp/x.mp4" }),
      /PATH_NOT_ALLOWED/,
    );
  });
});
