"""MediaPoolItem: names, metadata, properties, markers, flags, colours, proxies, marks."""

import json

from tests.python import simkit
from tests.python.simkit import sim_testmedia


class MediaPoolItemTest(simkit.SimTestCase):
    def setUp(self):
        super(MediaPoolItemTest, self).setUp()
        self.paths, self.clips = self.import_media()
        self.clip = self.clips["video"]

    def test_name_and_ids(self):
        c = self.clip
        self.assertEqual(c.GetName(), "shot.mp4")
        self.assertTrue(c.SetName("Hero"))
        self.assertEqual(c.GetClipProperty("Clip Name"), "Hero")
        self.assertFalse(c.SetName(""))
        self.assertTrue(c.GetMediaId())
        self.assertNotEqual(c.GetMediaId(), c.GetUniqueId())
        self.assertEqual(c.GetUniqueId(), self.pool.GetRootFolder().GetClipList()[0].GetUniqueId())

    def test_metadata(self):
        c = self.clip
        self.assertEqual(c.GetMetadata(), {})
        self.assertTrue(c.SetMetadata("Scene", "4"))
        self.assertTrue(c.SetMetadata({"Shot": "B", "Take": "3"}))
        self.assertFalse(c.SetMetadata({"Shot": "C", "Bogus Field": "x"}))  # nothing applied
        self.assertEqual(c.GetMetadata(), {"Scene": "4", "Shot": "B", "Take": "3"})
        self.assertEqual(c.GetMetadata("Shot"), "B")
        self.assertEqual(c.GetMetadata("Description"), "")
        self.assertFalse(c.SetMetadata("Scene", 4))
        self.assertFalse(c.SetMetadata())
        self.assertTrue(c.SetThirdPartyMetadata("vendor.id", "42"))
        self.assertTrue(c.SetThirdPartyMetadata({"vendor.a": "1", "vendor.b": "2"}))
        self.assertEqual(c.GetThirdPartyMetadata("vendor.id"), "42")
        self.assertEqual(len(c.GetThirdPartyMetadata()), 3)
        self.assertFalse(c.SetThirdPartyMetadata("k", None))

    def test_clip_properties(self):
        c = self.clip
        self.assertTrue(c.SetClipProperty("Reel Name", "A001"))
        self.assertEqual(c.GetClipProperty("Reel Name"), "A001")
        self.assertFalse(c.SetClipProperty("Frames", "10"))  # read-only
        self.assertFalse(c.SetClipProperty("Nope", "x"))
        self.assertTrue(c.SetClipProperty("Start TC", "01:00:00:00"))
        self.assertEqual(c.GetClipProperty("End TC"), "01:00:05:00")
        self.assertFalse(c.SetClipProperty("Start TC", "garbage"))
        self.assertTrue(c.SetClipProperty("Super Scale", 2, 0.5, 0.25))
        self.assertEqual(c.GetClipProperty("Super Scale"), 2)
        self.assertFalse(c.SetClipProperty("Super Scale", 5))
        self.assertTrue(c.SetClipProperty("Clip Name", "Renamed"))
        self.assertEqual(c.GetName(), "Renamed")

    def test_markers(self):
        c = self.clip
        self.assertTrue(c.AddMarker(10, "Green", "Marker 1", "note", 1))
        self.assertTrue(c.AddMarker(20, "Blue", "Marker 2", "", 5, "id-2"))
        self.assertFalse(c.AddMarker(10, "Red", "dup", "", 1))
        self.assertFalse(c.AddMarker(11, "Orange", "bad colour", "", 1))
        self.assertFalse(c.AddMarker(12, "Red", "zero duration", "", 0))
        self.assertFalse(c.AddMarker(-1, "Red", "negative", "", 1))
        self.assertFalse(c.AddMarker(500, "Red", "beyond clip", "", 1))
        self.assertFalse(c.AddMarker(13, "Red", None, "", 1))
        markers = c.GetMarkers()
        self.assertEqual(list(markers), [10, 20])
        self.assertEqual(markers[20.0], {"color": "Blue", "duration": 5, "note": "",
                                         "name": "Marker 2", "customData": "id-2"})
        self.assertEqual(c.GetMarkerByCustomData("id-2")["name"], "Marker 2")
        self.assertEqual(c.GetMarkerByCustomData("none"), {})
        self.assertTrue(c.UpdateMarkerCustomData(10, "id-1"))
        self.assertEqual(c.GetMarkerCustomData(10), "id-1")
        self.assertFalse(c.UpdateMarkerCustomData(99, "x"))
        self.assertTrue(c.DeleteMarkerByCustomData("id-1"))
        self.assertFalse(c.DeleteMarkerByCustomData("id-1"))
        self.assertFalse(c.DeleteMarkerAtFrame(99))
        self.assertTrue(c.DeleteMarkersByColor("Blue"))
        self.assertEqual(c.GetMarkers(), {})
        self.assertFalse(c.DeleteMarkersByColor("Orange"))

    def test_flags_and_colour(self):
        c = self.clip
        self.assertTrue(c.AddFlag("Red"))
        self.assertTrue(c.AddFlag("Cyan"))
        self.assertFalse(c.AddFlag("Orange"))
        self.assertEqual(c.GetFlagList(), ["Red", "Cyan"])
        self.assertTrue(c.ClearFlags("Red"))
        self.assertEqual(c.GetFlagList(), ["Cyan"])
        self.assertTrue(c.ClearFlags("All"))
        self.assertEqual(c.GetFlagList(), [])
        self.assertEqual(c.GetClipColor(), "")
        self.assertTrue(c.SetClipColor("Orange"))
        self.assertEqual(c.GetClipColor(), "Orange")
        self.assertEqual(c.GetClipProperty("Clip Color"), "Orange")
        self.assertFalse(c.SetClipColor("Cyan"))
        self.assertTrue(c.ClearClipColor())
        self.assertEqual(c.GetClipColor(), "")

    def test_mark_in_out(self):
        c = self.clip
        self.assertEqual(c.GetMarkInOut(), {})
        self.assertTrue(c.SetMarkInOut(10, 50))
        self.assertEqual(c.GetMarkInOut(), {"video": {"in": 10, "out": 50},
                                            "audio": {"in": 10, "out": 50}})
        self.assertTrue(c.ClearMarkInOut("audio"))
        self.assertEqual(list(c.GetMarkInOut()), ["video"])
        self.assertFalse(c.SetMarkInOut(50, 10))
        self.assertFalse(c.SetMarkInOut(1, 2, "both"))
        self.assertFalse(self.clips["silent"].SetMarkInOut(1, 2, "audio"))
        self.assertTrue(c.ClearMarkInOut())
        self.assertEqual(c.GetMarkInOut(), {})

    def test_proxy_and_replace(self):
        c = self.clip
        proxy = sim_testmedia.write_mov(self.path("proxy.mov"), 960, 540, 24, 120)
        self.assertFalse(c.UnlinkProxyMedia())
        self.assertFalse(c.LinkProxyMedia(self.path("missing.mov")))
        self.assertTrue(c.LinkProxyMedia(proxy))
        self.assertEqual(c.GetClipProperty("Proxy Media Path"), proxy)
        self.assertEqual(c.GetClipProperty("Proxy"), "960x540")
        self.assertTrue(c.UnlinkProxyMedia())
        self.assertTrue(c.ReplaceClip(self.paths["silent"]))
        self.assertEqual(c.GetClipProperty("Resolution"), "1280x720")
        self.assertEqual(c.GetClipProperty("Frames"), "48")
        self.assertFalse(c.ReplaceClip(self.path("nothing.mov")))
        self.assertTrue(c.ReplaceClipPreserveSubClip(self.paths["video"]))
        self.assertFalse(self.clips["still"].ReplaceClipPreserveSubClip(self.paths["video"]))
        self.assertTrue(c.LinkFullResolutionMedia(self.paths["silent"]))
        self.assertFalse(c.LinkFullResolutionMedia(self.paths["audio"]))
        self.assertTrue(c.MonitorGrowingFile())

    def test_ai_state(self):
        r = self.resolve
        c = self.clip
        self.assertFalse(c.ClearTranscription())
        self.assertTrue(c.TranscribeAudio(True))
        self.assertTrue(c.ClearTranscription())
        self.assertFalse(self.clips["still"].TranscribeAudio())
        self.assertTrue(c.PerformAudioClassification())
        self.assertTrue(c.ClearAudioClassification())
        self.assertFalse(c.ClearAudioClassification())
        self.assertTrue(c.AnalyzeForIntellisearch(False, True))
        self.assertFalse(c.AnalyzeForSlate(12345))
        self.assertTrue(c.AnalyzeForSlate(r.MARKER_BLUE))
        deblurred = c.RemoveMotionBlur({"UseExtremeMode": True})
        self.assertEqual(deblurred.GetName(), "shot_deblur.mov")
        self.assertIsNone(self.clips["audio"].RemoveMotionBlur({}))

    def test_audio_mapping_and_timeline_link(self):
        mapping = json.loads(self.clip.GetAudioMapping())
        self.assertEqual(mapping["embedded_audio_channels"], 2)
        self.assertEqual(mapping["track_mapping"]["1"]["type"], "Stereo")
        self.assertIsNone(self.clip.GetTimeline())
        tl = self.pool.CreateTimelineFromClips("Cut", [self.clip])
        tl_clip = tl.GetMediaPoolItem()
        self.assertEqual(tl_clip.GetClipProperty("Type"), "Timeline")
        self.assertEqual(tl_clip.GetTimeline(), tl)
        self.assertEqual(self.clip.GetClipProperty("Usage"), "2")
