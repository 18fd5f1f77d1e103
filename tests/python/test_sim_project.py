"""Project: settings, presets, timelines, colour groups and page-bound helpers."""

from tests.python import simkit


class ProjectSettingsTest(simkit.SimTestCase):
    def test_defaults_are_strings_but_the_frame_rate(self):
        p = self.project
        self.assertEqual(p.GetSetting("timelineFrameRate"), 24.0)
        self.assertEqual(p.GetSetting("timelineResolutionWidth"), "1920")
        self.assertEqual(p.GetSetting("timelineResolutionHeight"), "1080")
        self.assertEqual(p.GetSetting("nodeStackLayers"), "1")
        everything = p.GetSetting()
        self.assertEqual(everything, p.GetSetting(None))
        self.assertEqual(everything, p.GetSetting(""))
        self.assertGreater(len(everything), 150)
        self.assertEqual(everything.pop("timelineFrameRate"), 24.0)
        self.assertTrue(all(isinstance(v, str) for v in everything.values()))
        self.assertEqual(p.GetSetting("noSuchKey"), "")

    def test_set_setting_rules(self):
        p = self.project
        self.assertTrue(p.SetSetting("timelineResolutionWidth", "3840"))
        self.assertEqual(p.GetSetting("timelineResolutionWidth"), "3840")
        self.assertFalse(p.SetSetting("timelineResolutionWidth", 3840))
        self.assertFalse(p.SetSetting("timelineResolutionWidth", "wide"))
        self.assertFalse(p.SetSetting("noSuchKey", "1"))
        for key in ("timelinePlaybackFrameRate", "perfOptimisedCodec", "perfRenderCacheCodec",
                    "videoDeckFormat", "videoCaptureFormat", "videoCaptureCodec",
                    "superScaleSharpnessStrength", "superScaleNoiseReductionStrength"):
            self.assertFalse(p.SetSetting(key, p.GetSetting(key)), key)
        self.assertTrue(p.SetSetting("superScale", 2, 0.3, 0.7))
        self.assertEqual(p.GetSetting("superScaleSharpness"), "0.3")
        self.assertFalse(p.SetSetting("superScale", 3, 0.3, 0.7))
        self.assertFalse(p.SetSetting("superScale", 9))
        self.assertFalse(p.SetSetting("timelineSampleRate", "12345"))
        self.assertTrue(p.SetSetting("timelineSampleRate", "96000"))

    def test_frame_rate_and_drop_frame(self):
        p = self.project
        self.assertTrue(p.SetSetting("timelineFrameRate", "29.97 DF"))
        self.assertEqual(p.GetSetting("timelineFrameRate"), 29.97)
        self.assertEqual(p.GetSetting("timelineDropFrameTimecode"), "1")
        tl = self.pool.CreateEmptyTimeline("DF")
        self.assertEqual(tl.GetStartFrame(), 107892)
        self.assertEqual(tl.GetStartTimecode(), "01:00:00;00")
        self.assertFalse(p.SetSetting("timelineFrameRate", "25"))  # locked once a timeline exists
        self.assertFalse(p.SetSetting("timelineFrameRate", "31"))

    def test_presets(self):
        presets = self.project.GetPresetList()
        names = [x["Name"] for x in presets]
        self.assertIn("UHD 2160p 23.976", names)
        self.assertTrue(self.project.SetPreset("UHD 2160p 23.976"))
        self.assertEqual(self.project.GetSetting("timelineResolutionWidth"), "3840")
        self.assertEqual(self.project.GetSetting("timelineFrameRate"), 23.976)
        self.assertFalse(self.project.SetPreset("Nope"))


class ProjectObjectsTest(simkit.SimTestCase):
    def test_timelines(self):
        p = self.project
        self.assertEqual(p.GetTimelineCount(), 0)
        self.assertIsNone(p.GetCurrentTimeline())
        a = self.pool.CreateEmptyTimeline("A")
        b = self.pool.CreateEmptyTimeline("B")
        self.assertEqual(p.GetTimelineCount(), 2)
        self.assertEqual(p.GetCurrentTimeline(), b)
        self.assertTrue(p.SetCurrentTimeline(a))
        self.assertEqual(p.GetCurrentTimeline(), a)
        self.assertFalse(p.SetCurrentTimeline("A"))
        self.assertIsNone(p.GetTimelineByIndex(0))
        self.assertIsNone(p.GetTimelineByIndex(3))
        self.assertEqual(p.GetTimelineByIndex(2), b)
        self.assertTrue(p.GetUniqueId())
        self.assertIsNotNone(p.GetGallery())

    def test_color_groups(self):
        p = self.project
        tl = self.timeline_with_clips()[2]
        group = p.AddColorGroup("Day")
        self.assertIsNone(p.AddColorGroup("Day"))
        self.assertEqual(p.GetColorGroupsList(), [group])
        item = tl.GetItemListInTrack("video", 1)[0]
        self.assertTrue(item.AssignToColorGroup(group))
        self.assertEqual(item.GetColorGroup(), group)
        self.assertEqual(group.GetClipsInTimeline(), [item])
        self.assertTrue(p.DeleteColorGroup(group))
        self.assertIsNone(item.GetColorGroup())
        self.assertFalse(p.DeleteColorGroup(group))
        self.assertIsNone(group.GetName())  # dead handle

    def test_insert_audio_on_fairlight_page(self):
        paths, _, tl = self.timeline_with_clips()
        self.assertFalse(self.project.InsertAudioToCurrentTrackAtPlayhead(paths["audio"], 0,
                                                                          48000))
        self.resolve.OpenPage("fairlight")
        self.assertTrue(tl.SetCurrentTimecode("01:00:06:00"))
        self.assertTrue(self.project.InsertAudioToCurrentTrackAtPlayhead(paths["audio"], 0,
                                                                         48000))
        items = tl.GetItemListInTrack("audio", 1)
        self.assertEqual(items[-1].GetStart(), 86400 + 144)
        self.assertEqual(items[-1].GetDuration(), 24)
        self.assertFalse(self.project.InsertAudioToCurrentTrackAtPlayhead(paths["audio"], 0,
                                                                          48000 * 10))
        self.assertFalse(self.project.InsertAudioToCurrentTrackAtPlayhead(paths["still"], 0, 10))

    def test_export_current_frame_as_still(self):
        self.timeline_with_clips()
        self.assertTrue(self.project.ExportCurrentFrameAsStill(self.path("frame.png")))
        with open(self.path("frame.png"), "rb") as fh:
            self.assertEqual(fh.read(4), b"\x89PNG")
        self.assertFalse(self.project.ExportCurrentFrameAsStill(self.path("frame.txt")))
        self.assertFalse(self.project.ExportCurrentFrameAsStill(self.path("no", "f.png")))

    def test_generate_speech_and_intellisearch(self):
        self.pool.CreateEmptyTimeline("VO")
        clip = self.project.GenerateSpeech({"TextInput": "Hello there world", "AddToTimeline":
                                            True, "Filename": "hello"}, "01:00:00:00")
        self.assertEqual(clip.GetName(), "hello")
        self.assertEqual(clip.GetClipProperty("Type"), "Audio")
        tl = self.project.GetCurrentTimeline()
        self.assertEqual(len(tl.GetItemListInTrack("audio", 1)), 1)
        self.assertIsNone(self.project.GenerateSpeech({"TextInput": "x" * 400}))
        self.assertIsNone(self.project.GenerateSpeech({"Speed": "fast"}))
        self.assertTrue(self.project.ResetIntellisearchAnalysis())
