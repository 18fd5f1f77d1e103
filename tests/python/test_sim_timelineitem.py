"""TimelineItem: timing, properties, markers, Fusion comps, versions, takes, caches."""

import json
import os

from tests.python import simkit


class TimelineItemTest(simkit.SimTestCase):
    def setUp(self):
        super(TimelineItemTest, self).setUp()
        self.paths, self.clips, self.tl = self.timeline_with_clips()
        self.pool.AppendToTimeline([{"mediaPoolItem": self.clips["video"], "startFrame": 12,
                                     "endFrame": 60}])
        self.item = self.tl.GetItemListInTrack("video", 1)[2]
        self.audio = self.tl.GetItemListInTrack("audio", 1)[0]

    def test_timing(self):
        it = self.item
        self.assertEqual((it.GetStart(), it.GetEnd(), it.GetDuration()), (86568, 86616, 48))
        self.assertEqual(it.GetStart(True), 86568.0)
        self.assertIsInstance(it.GetDuration(True), float)
        self.assertEqual((it.GetSourceStartFrame(), it.GetSourceEndFrame()), (12, 60))
        self.assertAlmostEqual(it.GetSourceStartTime(), 0.5)
        self.assertAlmostEqual(it.GetSourceEndTime(), 2.5)
        self.assertEqual((it.GetLeftOffset(), it.GetRightOffset()), (12, 60))
        self.assertEqual(it.GetTrackTypeAndIndex(), ["video", 1])
        self.assertEqual(it.GetMediaPoolItem(), self.clips["video"])
        self.assertEqual(it.GetName(), "shot.mp4")
        self.assertTrue(it.SetName("Hero shot"))
        self.assertEqual(it.GetName(), "Hero shot")
        self.assertEqual(self.clips["video"].GetName(), "shot.mp4")

    def test_properties(self):
        it = self.item
        props = it.GetProperty()
        self.assertEqual(len(props), 26)
        self.assertEqual(props["ZoomX"], 1.0)
        self.assertEqual(props["Opacity"], 100.0)
        self.assertEqual(props["CompositeMode"], 0)
        self.assertTrue(it.SetProperty("Pan", 100000))  # clipped to 4 x width
        self.assertEqual(it.GetProperty("Pan"), 4 * 1920.0)
        self.assertTrue(it.SetProperty("Opacity", -5))
        self.assertEqual(it.GetProperty("Opacity"), 0.0)
        self.assertTrue(it.SetProperty({"ZoomX": 2.5, "FlipX": True,
                                        "CompositeMode": self.resolve.COMPOSITE_SCREEN}))
        self.assertEqual(it.GetProperty("CompositeMode"), 5)
        self.assertTrue(it.GetProperty("FlipX"))
        self.assertFalse(it.SetProperty("ZoomX", "big"))
        self.assertFalse(it.SetProperty({"ZoomY": 3.0, "Bogus": 1}))
        self.assertEqual(it.GetProperty("ZoomY"), 1.0)  # nothing applied
        self.assertFalse(it.SetProperty("Scaling", 99))
        self.assertIsNone(it.GetProperty("Bogus"))
        self.assertEqual(self.audio.GetProperty(), {})
        self.assertFalse(self.audio.SetProperty("Pan", 1.0))

    def test_markers_flags_colour_enable(self):
        it = self.item
        self.assertTrue(it.AddMarker(5, "Lemon", "n", "", 1))
        self.assertFalse(it.AddMarker(48, "Lemon", "past end", "", 1))
        self.assertEqual(list(it.GetMarkers()), [5])
        self.assertTrue(it.AddFlag("Mint"))
        self.assertEqual(it.GetFlagList(), ["Mint"])
        self.assertTrue(it.SetClipColor("Teal"))
        self.assertEqual(it.GetClipColor(), "Teal")
        self.assertTrue(it.GetClipEnabled())
        self.assertTrue(it.SetClipEnabled(False))
        self.assertFalse(it.GetClipEnabled())
        self.assertFalse(it.SetClipEnabled("no"))

    def test_fusion_comps(self):
        it = self.item
        self.assertEqual(it.GetFusionCompCount(), 0)
        comp = it.AddFusionComp()
        self.assertIsNotNone(comp)
        self.assertEqual(it.GetFusionCompNameList(), ["Composition 1"])
        self.assertEqual(it.GetFusionCompByIndex(1), comp)
        self.assertEqual(it.GetFusionCompByName("Composition 1"), comp)
        self.assertIsNone(it.GetFusionCompByIndex(2))
        path = self.path("comp.comp")
        self.assertTrue(it.ExportFusionComp(path, 1))
        self.assertTrue(os.path.isfile(path))
        self.assertFalse(it.ExportFusionComp(path, 2))
        imported = it.ImportFusionComp(path)
        self.assertEqual(it.GetFusionCompNameList(), ["Composition 1", "Composition 2"])
        self.assertIsNone(it.ImportFusionComp(self.path("missing.comp")))
        self.assertTrue(it.RenameFusionCompByName("Composition 2", "Glow"))
        self.assertFalse(it.RenameFusionCompByName("Glow", "Composition 1"))
        self.assertEqual(it.LoadFusionCompByName("Glow"), imported)
        self.assertIsNone(it.LoadFusionCompByName("Nope"))
        self.assertTrue(it.DeleteFusionCompByName("Glow"))
        self.assertFalse(it.DeleteFusionCompByName("Glow"))
        self.assertEqual(it.GetFusionCompCount(), 1)

    def test_versions(self):
        it = self.item
        self.assertEqual(it.GetCurrentVersion(), {"versionName": "Version 1", "versionType": 0})
        self.assertTrue(it.AddVersion("Warm", 0))
        self.assertFalse(it.AddVersion("Warm", 0))
        self.assertFalse(it.AddVersion("Bad", 2))
        self.assertEqual(it.GetCurrentVersion()["versionName"], "Warm")
        it.GetNodeGraph().SetNodeEnabled(1, False)
        self.assertTrue(it.LoadVersionByName("Version 1", 0))
        self.assertFalse(it.DeleteVersionByName("Version 1", 0))  # current
        self.assertTrue(it.RenameVersionByName("Warm", "Warmer", 0))
        self.assertEqual(it.GetVersionNameList(0), ["Version 1", "Warmer"])
        self.assertTrue(it.AddVersion("Shared", 1))
        self.assertEqual(it.GetVersionNameList(1), ["Shared"])
        self.assertTrue(it.LoadVersionByName("Warmer", 0))
        self.assertTrue(it.DeleteVersionByName("Shared", 1))
        self.assertEqual(self.audio.GetCurrentVersion(), {})

    def test_takes(self):
        it = self.item
        self.assertEqual((it.GetTakesCount(), it.GetSelectedTakeIndex()), (0, 0))
        self.assertFalse(it.FinalizeTake())
        self.assertTrue(it.AddTake(self.clips["silent"]))
        self.assertFalse(it.AddTake(self.clips["video"], 0, 24))  # measured: its own clip
        self.assertTrue(it.AddTake(self.clips["still"], 0, 24))
        self.assertFalse(it.AddTake(self.clips["still"], 0, 9999))
        self.assertEqual((it.GetTakesCount(), it.GetSelectedTakeIndex()), (3, 1))
        take = it.GetTakeByIndex(2)
        self.assertEqual(take["mediaPoolItem"], self.clips["silent"])
        self.assertEqual((take["startFrame"], take["endFrame"]), (0, 48))
        self.assertIsNone(it.GetTakeByIndex(9))
        self.assertTrue(it.SelectTakeByIndex(2))
        self.assertEqual(it.GetMediaPoolItem(), self.clips["silent"])
        self.assertFalse(it.DeleteTakeByIndex(2))  # selected
        self.assertTrue(it.DeleteTakeByIndex(3))
        self.assertTrue(it.FinalizeTake())
        self.assertEqual(it.GetTakesCount(), 0)
        self.assertEqual(it.GetName(), "broll.mov")

    def test_caches_voice_isolation_ai(self):
        r = self.resolve
        it = self.item
        self.assertEqual(it.GetIsColorOutputCacheEnabled(), r.CACHE_DISABLED)
        self.assertEqual(it.GetIsFusionOutputCacheEnabled(), r.CACHE_AUTO_ENABLED)
        self.assertTrue(it.SetColorOutputCache(r.CACHE_ENABLED))
        self.assertFalse(it.SetColorOutputCache(r.CACHE_AUTO_ENABLED))
        self.assertTrue(it.SetFusionOutputCache(r.CACHE_DISABLED))
        self.assertEqual((it.GetIsColorOutputCacheEnabled(), it.GetIsFusionOutputCacheEnabled()),
                         (1, 0))
        self.assertEqual(self.audio.GetVoiceIsolationState(), {"isEnabled": False, "amount": 0})
        self.assertTrue(self.audio.SetVoiceIsolationState({"isEnabled": True, "amount": 30}))
        self.assertFalse(self.audio.SetVoiceIsolationState({"loud": True}))
        self.assertFalse(it.SetVoiceIsolationState({"isEnabled": True}))
        self.assertFalse(it.RegenerateMagicMask())
        self.assertTrue(it.CreateMagicMask("BI"))
        self.assertFalse(it.CreateMagicMask("X"))
        self.assertTrue(it.RegenerateMagicMask())
        self.assertTrue(it.Stabilize())
        self.assertTrue(it.SmartReframe())
        self.assertEqual(it.GetStereoLeftFloatingWindowParams(), {})  # not stereo
        self.assertFalse(it.UpdateSidecar())  # not BRAW/R3D
        self.assertTrue(it.ResetAllNodeColors())

    def test_audio_mapping_and_burn_in(self):
        mapping = json.loads(self.item.GetSourceAudioChannelMapping())
        self.assertEqual(mapping["embedded_audio_channels"], 2)
        self.assertFalse(self.item.LoadBurnInPreset("Nope"))
        title = self.tl.InsertTitleIntoTimeline("Scroll")
        self.assertEqual(title.GetSourceAudioChannelMapping(), "")

    def test_deleted_item_fails_quietly(self):
        it = self.item
        self.assertTrue(self.tl.DeleteClips([it]))
        self.assertIsNone(it.GetName())  # a dead handle answers None to every call
        self.assertIsNone(it.GetStart())
        self.assertIsNone(it.GetMarkers())
        self.assertIsNone(it.GetNodeGraph())
        self.assertIsNone(it.AddMarker(1, "Blue", "", "", 1))
