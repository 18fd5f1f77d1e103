"""Resolve root object: pages, product/version, presets, keyframe mode, Quit, switches."""

import json
import os
import subprocess
import sys

from tests.python import simkit
from tests.python.simkit import dvr

SCRIPT = """
import sys
sys.path.insert(0, %r)
import DaVinciResolveScript as dvr
resolve = dvr.scriptapp("Resolve")
pm = resolve.GetProjectManager()
print("RESULT", pm.GetCurrentProject().GetName())
"""


def run_script(code, env, timeout=20):
    full = dict(os.environ, **env)
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True,
                          timeout=timeout, text=True)


class ResolveTest(simkit.SimTestCase):
    def test_product_and_version(self):
        self.assertEqual(self.resolve.GetProductName(), "DaVinci Resolve Studio")
        self.assertEqual(self.resolve.GetVersion(), [21, 1, 1, 10, ""])
        self.assertEqual(self.resolve.GetVersionString(), "21.1.1.10")

    def test_pages(self):
        self.assertEqual(self.resolve.GetCurrentPage(), "edit")
        for page in ("media", "cut", "edit", "fusion", "color", "fairlight", "deliver", "photo"):
            self.assertTrue(self.resolve.OpenPage(page))
            self.assertEqual(self.resolve.GetCurrentPage(), page)
        self.assertFalse(self.resolve.OpenPage("Deliver"))
        self.assertFalse(self.resolve.OpenPage("nope"))
        self.assertFalse(self.resolve.OpenPage(None))
        self.assertEqual(self.resolve.GetCurrentPage(), "photo")

    def test_constants(self):
        r = self.resolve
        self.assertEqual((r.EXPORT_EDL, r.EXPORT_NONE, r.EXPORT_OTIO), (2.0, -1.0, 15.0))
        self.assertIsInstance(r.EXPORT_AAF, float)
        self.assertEqual((r.KEYFRAME_MODE_ALL, r.KEYFRAME_MODE_COLOR, r.KEYFRAME_MODE_SIZING),
                         (0, 1, 2))
        self.assertEqual((r.CACHE_AUTO_ENABLED, r.CACHE_DISABLED, r.CACHE_ENABLED), (-1, 0, 1))
        self.assertEqual((r.CLOUD_SYNC_DEFAULT, r.CLOUD_SYNC_SUCCESS), (-1, 10))
        self.assertEqual((r.AUDIO_SYNC_CHANNEL_AUTOMATIC, r.AUDIO_SYNC_CHANNEL_MIX), (-1, -2))
        self.assertEqual((r.COMPOSITE_NORMAL, r.COMPOSITE_ADD, r.COMPOSITE_INVERTED_LUM),
                         (0, 1, 31))
        self.assertEqual(r.RESIZE_FILTER_LINEAR, 15)
        luts = {r.EXPORT_LUT_17PTCUBE, r.EXPORT_LUT_33PTCUBE, r.EXPORT_LUT_65PTCUBE,
                r.EXPORT_LUT_PANASONICVLUT}
        self.assertEqual(len(luts), 4)

    def test_keyframe_mode(self):
        self.assertEqual(self.resolve.GetKeyframeMode(), 0)
        self.assertTrue(self.resolve.SetKeyframeMode(self.resolve.KEYFRAME_MODE_SIZING))
        self.assertEqual(self.resolve.GetKeyframeMode(), 2)
        self.assertFalse(self.resolve.SetKeyframeMode(7))
        self.assertFalse(self.resolve.SetKeyframeMode("1"))

    def test_layout_presets_round_trip_through_files(self):
        r = self.resolve
        self.assertEqual(r.GetLayoutPresetList(), [])
        self.assertTrue(r.SaveLayoutPreset("Grading"))
        self.assertFalse(r.SaveLayoutPreset("Grading"))
        self.assertTrue(r.UpdateLayoutPreset("Grading"))
        self.assertFalse(r.UpdateLayoutPreset("Missing"))
        self.assertTrue(r.LoadLayoutPreset("Grading"))
        self.assertFalse(r.LoadLayoutPreset("Missing"))
        path = self.path("grading.preset")
        self.assertTrue(r.ExportLayoutPreset("Grading", path))
        self.assertTrue(os.path.isfile(path))
        self.assertFalse(r.ExportLayoutPreset("Missing", self.path("x.preset")))
        self.assertFalse(r.ImportLayoutPreset(path))  # same name already exists
        self.assertTrue(r.ImportLayoutPreset(path, "Copy"))
        self.assertEqual(r.GetLayoutPresetList(), ["Copy", "Grading"])
        self.assertTrue(r.DeleteLayoutPreset("Grading"))
        self.assertFalse(r.DeleteLayoutPreset("Grading"))
        self.assertFalse(r.ImportLayoutPreset(self.path("missing.preset")))

    def test_burn_in_and_user_preference_presets(self):
        r = self.resolve
        path = self.path("burn.json")
        with open(path, "w") as fh:
            json.dump({"kind": "burnin_preset", "name": "Dailies", "data": {"tc": True}}, fh)
        self.assertTrue(r.ImportBurnInPreset(path))
        self.assertEqual(r.GetBurnInPresetList(), ["Dailies"])
        out = self.path("out.json")
        self.assertTrue(r.ExportBurnInPreset("Dailies", out))
        self.assertFalse(r.ExportBurnInPreset("None", out))
        self.assertTrue(self.project.LoadBurnInPreset("Dailies"))
        self.assertTrue(r.DeleteBurnInPreset("Dailies"))
        self.assertFalse(self.project.LoadBurnInPreset("Dailies"))

        self.assertTrue(r.SaveUserPreferencesPreset("Mine"))
        self.assertFalse(r.SaveUserPreferencesPreset("Mine"))
        self.assertTrue(r.LoadUserPreferencesPreset("Mine"))
        prefs = self.path("prefs.json")
        self.assertTrue(r.ExportUserPreferencesPreset("Mine", prefs))
        self.assertTrue(r.ImportUserPreferencesPreset(prefs, "Theirs"))
        self.assertEqual(r.GetUserPreferencesPresetList(), ["Mine", "Theirs"])
        self.assertTrue(r.DeleteUserPreferencesPreset("Mine"))
        self.assertFalse(r.LoadUserPreferencesPreset("Mine"))

    def test_render_preset_import_export(self):
        r = self.resolve
        path = self.path("h264.json")
        self.assertTrue(r.ExportRenderPreset("H.264 Master", path))
        with open(path) as fh:
            data = json.load(fh)
        data["name"] = "Imported"
        with open(path, "w") as fh:
            json.dump(data, fh)
        self.assertTrue(r.ImportRenderPreset(path))
        self.assertIn("Imported", self.project.GetRenderPresetList())
        self.assertEqual(self.project.GetCurrentRenderFormatAndCodec(),
                         {"format": "mp4", "codec": "H264"})
        self.assertFalse(r.ImportRenderPreset(self.path("nope.json")))
        self.assertFalse(r.ExportRenderPreset("Nope", self.path("n.json")))

    def test_fairlight_and_background_tasks(self):
        presets = self.resolve.GetFairlightPresets()
        self.assertTrue(presets)
        self.assertIsNone(self.resolve.DisableBackgroundTasksForCurrentResolveSession())
        self.assertFalse(self.project.ApplyFairlightPresetToCurrentTimeline(presets[0]))
        self.pool.CreateEmptyTimeline("T")
        self.assertTrue(self.project.ApplyFairlightPresetToCurrentTimeline(presets[0]))
        self.assertFalse(self.project.ApplyFairlightPresetToCurrentTimeline("Nope"))

    def test_fusion_handle(self):
        fusion = self.resolve.Fusion()
        self.assertIsNotNone(fusion)
        self.assertEqual(fusion, self.resolve.Fusion())

    def test_quit_makes_everything_fail(self):
        tl = self.pool.CreateEmptyTimeline("T")
        self.assertIsNone(self.resolve.Quit())
        self.assertIsNone(self.resolve.GetProjectManager())
        self.assertEqual(self.resolve.GetProductName(), "")
        self.assertEqual(tl.GetName(), "")
        self.assertEqual(self.pool.GetRootFolder(), None)
        self.assertEqual(self.project.GetTimelineCount(), 0)
        self.assertIsNone(dvr.scriptapp("Resolve"))

    def test_bad_arguments_never_raise(self):
        r = self.resolve
        self.assertFalse(r.OpenPage())
        self.assertFalse(r.OpenPage("edit", "extra"))
        self.assertEqual(r.GetLayoutPresetList(1, 2, 3), [])
        self.assertFalse(r.SaveLayoutPreset(None))
        self.assertFalse(r.ExportLayoutPreset(["x"], {"y": 1}))


class FreeEditionTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_EDITION": "free"}

    def test_free_edition(self):
        self.assertEqual(self.resolve.GetProductName(), "DaVinci Resolve")
        _, clips = self.import_media()
        self.assertFalse(clips["video"].TranscribeAudio())
        self.assertIsNone(self.pool.CreateStereoClip(clips["video"], clips["silent"]))
        tl = self.pool.CreateTimelineFromClips("T", [clips["video"]])
        self.assertFalse(tl.CreateSubtitlesFromAudio())
        item = tl.GetItemListInTrack("video", 1)[0]
        self.assertFalse(item.SmartReframe())
        self.assertTrue(item.Stabilize())
        self.assertEqual(item.GetStereoConvergenceValues(), {})
        self.assertNotIn("DCP", self.project.GetRenderFormats())
        self.assertEqual(max(r["Width"] for r in self.project.GetRenderResolutions()), 3840)


class SubprocessSwitchTest(simkit.SimTestCase):
    def test_noise_goes_to_stdout_and_stderr(self):
        result = run_script(SCRIPT % simkit.SIM_DIR, {"RESOLVE_SIM_NOISE": "1"})
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertIn("RESULT Untitled Project", lines)
        self.assertGreater(len(lines), 3)
        self.assertIn("libresolve", result.stdout)
        self.assertIn("noise", result.stderr)

    def test_quiet_by_default(self):
        result = run_script(SCRIPT % simkit.SIM_DIR, {})
        self.assertEqual(result.stdout.strip(), "RESULT Untitled Project")
        self.assertEqual(result.stderr, "")

    def test_hang_switch(self):
        with self.assertRaises(subprocess.TimeoutExpired):
            run_script(SCRIPT % simkit.SIM_DIR,
                       {"RESOLVE_SIM_HANG": "ProjectManager.GetCurrentProject"}, timeout=1.2)

    def test_state_persists_between_processes(self):
        state = self.path("state.json")
        code = """
import sys
sys.path.insert(0, %r)
import DaVinciResolveScript as dvr
resolve = dvr.scriptapp("Resolve")
pm = resolve.GetProjectManager()
if pm.GetCurrentProject().GetName() == "Untitled Project":
    project = pm.CreateProject("Persisted")
    project.GetMediaPool().CreateEmptyTimeline("Cut 1")
    project.SetSetting("timelineResolutionWidth", "3840")
project = pm.GetCurrentProject()
print(project.GetName(), project.GetTimelineCount(), project.GetSetting("timelineResolutionWidth"))
""" % simkit.SIM_DIR
        first = run_script(code, {"RESOLVE_SIM_STATE": state})
        self.assertEqual(first.stdout.strip(), "Persisted 1 3840")
        self.assertTrue(os.path.isfile(state))
        with open(state) as fh:
            self.assertIn("Cut 1", fh.read())
        os.environ["RESOLVE_SIM_STATE"] = state
        dvr._reset()
        project = dvr.scriptapp("Resolve").GetProjectManager().GetCurrentProject()
        self.assertEqual(project.GetName(), "Persisted")
        self.assertEqual(project.GetCurrentTimeline().GetName(), "Cut 1")
        project.SetName("Renamed")
        dvr._reset()
        project = dvr.scriptapp("Resolve").GetProjectManager().GetCurrentProject()
        self.assertEqual(project.GetName(), "Renamed")
