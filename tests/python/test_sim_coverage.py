"""Every documented method exists on its class, nothing else is public, gating works."""

import json
import os

from tests.python import simkit
from tests.python.simkit import dvr

import sim_core

METHODS = os.path.join(simkit.HERE, "..", "..", "bridge", "methods.json")


def documented():
    with open(METHODS) as fh:
        return json.load(fh)["classes"]


def public_methods(cls):
    return set(n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n)))


class CoverageTest(simkit.SimTestCase):
    def test_every_documented_method_exists_and_nothing_else(self):
        classes = documented()
        self.assertEqual(sum(len(v) for v in classes.values()), 424)  # up to 21.1.1
        for name, methods in classes.items():
            cls = sim_core.REG[name]
            expected = set(m["method"] for m in methods)
            self.assertEqual(public_methods(cls), expected, name)

    def test_opaque_handles_have_no_public_methods(self):
        for name in ("GalleryStill", "Fusion", "FusionComp"):
            self.assertEqual(public_methods(sim_core.REG[name]), set(), name)

    def test_dir_lists_methods_only(self):
        names = dir(self.resolve)
        self.assertIn("OpenPage", names)
        self.assertNotIn("EXPORT_EDL", names)
        self.assertEqual(self.resolve.EXPORT_EDL, 2.0)

    def test_proxies_compare_by_identity_of_the_object(self):
        tl = self.pool.CreateEmptyTimeline("A")
        self.assertEqual(tl, self.project.GetCurrentTimeline())
        self.assertEqual(tl, self.project.GetTimelineByIndex(1))
        self.assertEqual(len({tl, self.project.GetTimelineByIndex(1)}), 1)
        self.assertEqual(tl.GetUniqueId(), self.project.GetCurrentTimeline().GetUniqueId())
        self.assertNotEqual(tl, self.pool.CreateEmptyTimeline("B"))

    def test_unknown_attribute_reads_as_none(self):
        # measured (19.1.3.7): getattr answers None for any unknown name, hasattr is True
        self.assertIsNone(getattr(self.project, "NoSuchMethod"))
        self.assertIsNone(getattr(self.resolve, "NO_SUCH_CONSTANT"))
        self.assertTrue(hasattr(self.pool, "DuplicateTimeline"))
        with self.assertRaises(TypeError):
            self.pool.DuplicateTimeline("X")  # 'NoneType' object is not callable
        with self.assertRaises(AttributeError):
            getattr(self.project, "_private")


class VersionGatingTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_VERSION": "19.1.3"}

    def test_newer_methods_are_absent(self):
        classes = documented()
        for name, methods in classes.items():
            obj_cls = sim_core.REG[name]
            for m in methods:
                since = sim_core.parse_version(m["since"])
                present = since <= (19, 1, 3)
                proxy = obj_cls(self.resolve._w, "x")
                self.assertEqual(m["method"] in dir(proxy), present,
                                 "%s.%s since %s" % (name, m["method"], m["since"]))
                self.assertEqual(callable(getattr(proxy, m["method"])), present)

    def test_version_reported(self):
        self.assertEqual(self.resolve.GetVersion(), [19, 1, 3, 0, ""])
        self.assertEqual(self.resolve.GetVersionString(), "19.1.3.0")
        self.assertIsNone(self.resolve.GetFairlightPresets)  # absent methods read as None
        with self.assertRaises(TypeError):
            self.resolve.DisableBackgroundTasksForCurrentResolveSession()
        self.assertFalse(self.resolve.OpenPage("photo"))
        self.assertTrue(self.resolve.OpenPage("color"))

    def test_since_parsing(self):
        self.assertEqual(sim_core.parse_version("20.2/20.3"), (20, 2, 0))
        self.assertEqual(sim_core.parse_version("21.0b"), (21, 0, 0))
        self.assertEqual(sim_core.parse_version("18.6.0"), (18, 6, 0))
        self.assertEqual(sim_core.parse_version("21.1.1"), (21, 1, 1))
        self.assertEqual(sim_core.parse_version("21.1.1.10"), (21, 1, 1))


class OldEndFrameTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_VERSION": "18.6.4"}

    def test_end_frame_is_inclusive_before_19(self):
        _, clips = self.import_media()
        self.pool.CreateEmptyTimeline("T")
        items = self.pool.AppendToTimeline([{"mediaPoolItem": clips["video"], "startFrame": 0,
                                             "endFrame": 23}])
        self.assertEqual(items[0].GetDuration(), 24)
        tl = self.project.GetCurrentTimeline()
        self.assertFalse(tl.AddTrack("audio"))  # subtype required before 19.0
        self.assertTrue(tl.AddTrack("audio", "stereo"))


class NewEndFrameTest(simkit.SimTestCase):
    def test_end_frame_is_exclusive_from_19(self):
        _, clips = self.import_media()
        self.pool.CreateEmptyTimeline("T")
        items = self.pool.AppendToTimeline([{"mediaPoolItem": clips["video"], "startFrame": 6,
                                             "endFrame": 30}])
        self.assertEqual(items[0].GetDuration(), 24)
        self.assertEqual(items[0].GetSourceStartFrame(), 6)


class ResetTest(simkit.SimTestCase):
    def test_scriptapp_returns_same_world_until_reset(self):
        self.pm.CreateProject("Kept")
        again = dvr.scriptapp("Resolve")
        self.assertEqual(again.GetProjectManager().GetCurrentProject().GetName(), "Kept")
        dvr._reset()
        fresh = dvr.scriptapp("Resolve")
        self.assertEqual(fresh.GetProjectManager().GetCurrentProject().GetName(),
                         "Untitled Project")
        self.assertIsNone(dvr.scriptapp("Fusion"))


STUDIO_ONLY = {
    "Project": {"ResetIntellisearchAnalysis", "GenerateSpeech"},
    "MediaPool": {"CreateStereoClip"},
    "Folder": {"TranscribeAudio", "ClearTranscription", "PerformAudioClassification",
               "ClearAudioClassification", "RemoveMotionBlur", "AnalyzeForIntellisearch",
               "AnalyzeForSlate"},
    "MediaPoolItem": {"TranscribeAudio", "ClearTranscription", "PerformAudioClassification",
                      "ClearAudioClassification", "RemoveMotionBlur",
                      "AnalyzeForIntellisearch", "AnalyzeForSlate",
                      "GetTranscription"},  # 21.1: transcription is Studio
    "Timeline": {"CreateSubtitlesFromAudio", "ConvertTimelineToStereo", "AnalyzeDolbyVision",
                 "SetVoiceIsolationState"},
    "TimelineItem": {"GetStereoConvergenceValues", "GetStereoLeftFloatingWindowParams",
                     "GetStereoRightFloatingWindowParams", "CreateMagicMask",
                     "RegenerateMagicMask", "SmartReframe", "SetVoiceIsolationState",
                     "PerformMulticamSmartSwitch"},  # 21.1: AI analysis, Studio [I]
}


class StudioListTest(simkit.SimTestCase):
    def test_studio_only_methods_match_reference_list(self):
        for name, methods in documented().items():
            cls = sim_core.REG[name]
            gated = set(m["method"] for m in methods
                        if getattr(getattr(cls, m["method"]), "_studio", False))
            self.assertEqual(gated, STUDIO_ONLY.get(name, set()), name)
