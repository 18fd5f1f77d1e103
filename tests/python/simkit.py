"""Shared helpers for the simulator tests.

Puts bridge/simulator on sys.path so tests import DaVinciResolveScript exactly as a
script would, isolates the RESOLVE_SIM_* environment and gives every test a fresh
simulated Resolve (DaVinciResolveScript._reset()) plus a temp dir of real media.
"""

import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SIM_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "bridge", "simulator"))
if SIM_DIR not in sys.path:
    sys.path.insert(0, SIM_DIR)

import DaVinciResolveScript as dvr  # noqa: E402
import sim_testmedia  # noqa: E402

ENV_KEYS = ("RESOLVE_SIM_EDITION", "RESOLVE_SIM_VERSION", "RESOLVE_SIM_STATE",
            "RESOLVE_SIM_NOISE", "RESOLVE_SIM_HANG", "RESOLVE_SIM_RENDER_SECONDS",
            "RESOLVE_SIM_LUT_DIR", "RESOLVE_SIM_GALLERY_PANEL")


class SimTestCase(unittest.TestCase):
    """Fresh simulated Resolve per test; ``env`` sets RESOLVE_SIM_* switches."""

    env = {}

    def setUp(self):
        self._saved_env = {k: os.environ.get(k) for k in ENV_KEYS}
        for key in ENV_KEYS:
            os.environ.pop(key, None)
        os.environ.update(self.env)
        self.tmp = tempfile.mkdtemp(prefix="simtest_")
        dvr._reset()
        self.resolve = dvr.scriptapp("Resolve")
        self.pm = self.resolve.GetProjectManager()
        self.project = self.pm.GetCurrentProject()
        self.pool = self.project.GetMediaPool()

    def tearDown(self):
        dvr._reset()
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def make_media(self):
        """Write a small media folder; returns {name: path}."""
        media = os.path.join(self.tmp, "media")
        os.makedirs(os.path.join(media, "seq"))
        paths = {
            "video": sim_testmedia.write_mp4(os.path.join(media, "shot.mp4"), 1920, 1080, 24,
                                             120, with_audio=True),
            "silent": sim_testmedia.write_mov(os.path.join(media, "broll.mov"), 1280, 720, 24,
                                              48),
            "audio": sim_testmedia.write_wav(os.path.join(media, "voice.wav"), 3.0),
            "still": sim_testmedia.write_png(os.path.join(media, "logo.png"), 640, 480),
        }
        for n in range(1, 6):
            sim_testmedia.write_png(os.path.join(media, "seq", "frame_%04d.png" % n), 32, 32)
        paths["seq"] = os.path.join(media, "seq", "frame_%04d.png")
        paths["dir"] = media
        with open(os.path.join(media, "notes.txt"), "w") as fh:
            fh.write("not media")
        return paths

    def import_media(self):
        """Import the standard media; returns (paths, {name: MediaPoolItem})."""
        paths = self.make_media()
        keys = ("video", "silent", "audio", "still")
        clips = self.pool.ImportMedia([paths[k] for k in keys])
        self.assertEqual(len(clips), 4)
        return paths, dict(zip(keys, clips))

    def timeline_with_clips(self, name="Edit"):
        paths, clips = self.import_media()
        tl = self.pool.CreateTimelineFromClips(name, [clips["video"], clips["silent"]])
        self.assertIsNotNone(tl)
        return paths, clips, tl
