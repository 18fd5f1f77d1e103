"""Timeline: creation, rates, tracks, appending, markers, playhead, editing, interchange."""

import base64
import os

from tests.python import simkit

RATES = {"23.976": 86400, "24": 86400, "25": 90000, "29.97": 108000, "29.97 DF": 107892,
         "30": 108000, "47.952": 172800, "48": 172800, "50": 180000, "59.94": 216000,
         "59.94 DF": 215784, "60": 216000, "119.88": 432000, "120": 432000}


class TimelineRateTest(simkit.SimTestCase):
    def test_start_frame_at_every_standard_rate(self):
        for n, (rate, start) in enumerate(sorted(RATES.items())):
            simkit.dvr._reset()
            resolve = simkit.dvr.scriptapp("Resolve")
            project = resolve.GetProjectManager().GetCurrentProject()
            self.assertTrue(project.SetSetting("timelineFrameRate", rate), rate)
            tl = project.GetMediaPool().CreateEmptyTimeline("T%d" % n)
            self.assertEqual(tl.GetStartFrame(), start, rate)
            self.assertRegex(tl.GetStartTimecode(), r"^01:00:00[:;]00+$")
            self.assertEqual(tl.GetSetting("timelineFrameRate"), rate.split()[0])

    def test_set_start_timecode_moves_items(self):
        _, _, tl = self.timeline_with_clips()
        item = tl.GetItemListInTrack("video", 1)[0]
        self.assertTrue(tl.SetStartTimecode("00:59:59:00"))
        self.assertEqual(tl.GetStartFrame(), 86376)
        self.assertEqual(item.GetStart(), 86376)
        self.assertEqual(tl.GetStartTimecode(), "00:59:59:00")
        self.assertFalse(tl.SetStartTimecode("bad"))


class TimelineEditTest(simkit.SimTestCase):
    def setUp(self):
        super(TimelineEditTest, self).setUp()
        self.paths, self.clips, self.tl = self.timeline_with_clips()

    def test_new_timeline_layout(self):
        tl = self.pool.CreateEmptyTimeline("Empty")
        self.assertEqual(self.project.GetCurrentTimeline(), tl)
        self.assertEqual([tl.GetTrackCount(t) for t in ("video", "audio", "subtitle")],
                         [1, 1, 0])
        self.assertEqual(tl.GetTrackName("video", 1), "Video 1")
        self.assertEqual(tl.GetTrackName("audio", 1), "Audio 1")
        self.assertEqual(tl.GetEndFrame(), tl.GetStartFrame())
        self.assertIsNone(self.pool.CreateEmptyTimeline("Empty"))
        self.assertEqual(tl.GetTrackCount("bogus"), 0)

    def test_create_from_clips(self):
        tl = self.tl
        video = tl.GetItemListInTrack("video", 1)
        audio = tl.GetItemListInTrack("audio", 1)
        self.assertEqual([i.GetName() for i in video], ["shot.mp4", "broll.mov"])
        self.assertEqual([(i.GetStart(), i.GetEnd()) for i in video],
                         [(86400, 86520), (86520, 86568)])
        self.assertEqual([i.GetName() for i in audio], ["shot.mp4"])
        self.assertEqual(video[0].GetLinkedItems(), [audio[0]])
        self.assertEqual(tl.GetEndFrame(), 86568)
        self.assertIsNone(self.pool.CreateTimelineFromClips("Edit", [self.clips["video"]]))
        self.assertIsNone(self.pool.CreateTimelineFromClips("None", []))
        varargs = self.pool.CreateTimelineFromClips("Var", self.clips["audio"],
                                                    self.clips["still"])
        self.assertEqual(len(varargs.GetItemListInTrack("audio", 1)), 1)
        self.assertEqual(len(varargs.GetItemListInTrack("video", 1)), 1)
        infos = self.pool.CreateTimelineFromClips("Info", [
            {"mediaPoolItem": self.clips["video"], "startFrame": 0, "endFrame": 48,
             "recordFrame": 86400 + 24}])
        self.assertEqual(infos.GetItemListInTrack("video", 1)[0].GetStart(), 86424)

    def test_append_forms_and_overlap_rule(self):
        tl = self.tl
        c = self.clips
        items = self.pool.AppendToTimeline(c["silent"])
        self.assertEqual(items[0].GetStart(), 86568)
        items = self.pool.AppendToTimeline([c["audio"]])
        self.assertEqual(items[0].GetTrackTypeAndIndex(), ["audio", 1])
        self.assertTrue(tl.AddTrack("video"))
        self.assertTrue(tl.AddTrack("audio", "stereo"))
        placed = self.pool.AppendToTimeline([
            {"mediaPoolItem": c["video"], "startFrame": 0, "endFrame": 24,
             "recordFrame": 86400, "trackIndex": 2},
            {"mediaPoolItem": c["video"], "startFrame": 24, "endFrame": 48,
             "recordFrame": 86410, "trackIndex": 2},  # overlaps the first: dropped
            {"mediaPoolItem": c["video"], "startFrame": 0, "endFrame": 10,
             "recordFrame": 86500, "trackIndex": 2, "mediaType": 1},
            {"mediaPoolItem": c["video"], "startFrame": 0, "endFrame": 500},  # past media end
            {"mediaPoolItem": c["video"], "startFrame": 0, "endFrame": 10, "trackIndex": 9},
        ])
        self.assertEqual(len(placed), 2)
        v2 = tl.GetItemListInTrack("video", 2)
        self.assertEqual([(i.GetStart(), i.GetDuration()) for i in v2], [(86400, 24),
                                                                         (86500, 10)])
        self.assertEqual(len(tl.GetItemListInTrack("audio", 2)), 1)
        self.assertEqual(self.pool.AppendToTimeline(["not a clip"]), [])
        self.assertTrue(tl.SetTrackLock("video", 2, True))
        self.assertEqual(self.pool.AppendToTimeline([{"mediaPoolItem": c["silent"],
                                                      "startFrame": 0, "endFrame": 5,
                                                      "trackIndex": 2}]), [])

    def test_append_uses_clip_marks(self):
        self.clips["video"].SetMarkInOut(10, 33)
        item = self.pool.AppendToTimeline([self.clips["video"]])[0]
        self.assertEqual((item.GetSourceStartFrame(), item.GetDuration()), (10, 24))

    def test_tracks(self):
        tl = self.tl
        self.assertTrue(tl.AddTrack("audio", {"audioType": "5.1", "index": 1}))
        self.assertEqual(tl.GetTrackSubType("audio", 1), "5.1")
        self.assertEqual(tl.GetTrackSubType("audio", 2), "stereo")
        self.assertEqual(tl.GetTrackSubType("video", 1), "")
        self.assertFalse(tl.AddTrack("audio", "9.1"))
        self.assertFalse(tl.AddTrack("video", "stereo"))
        self.assertFalse(tl.AddTrack("nope"))
        self.assertTrue(tl.AddTrack("audio"))
        self.assertEqual(tl.GetTrackSubType("audio", 3), "mono")
        self.assertTrue(tl.AddTrack("subtitle"))
        self.assertEqual(tl.GetTrackName("subtitle", 1), "Subtitle 1")
        self.assertTrue(tl.SetTrackName("video", 1, "Hero"))
        self.assertEqual(tl.GetTrackName("video", 1), "Hero")
        self.assertFalse(tl.SetTrackName("video", 5, "x"))
        self.assertTrue(tl.SetTrackEnable("video", 1, False))
        self.assertFalse(tl.GetIsTrackEnabled("video", 1))
        self.assertTrue(tl.SetTrackLock("audio", 1, True))
        self.assertTrue(tl.GetIsTrackLocked("audio", 1))
        self.assertFalse(tl.SetTrackLock("audio", 0, True))
        self.assertTrue(tl.DeleteTrack("audio", 1))
        self.assertEqual(tl.GetTrackCount("audio"), 2)
        self.assertFalse(tl.DeleteTrack("audio", 7))
        self.assertEqual(tl.GetItemListInTrack("video", 3), [])

    def test_markers_relative_to_start(self):
        tl = self.tl
        self.assertTrue(tl.AddMarker(0, "Blue", "Start", "", 1))
        self.assertTrue(tl.AddMarker(96, "Green", "Marker 1", "note", 2, "cd"))
        self.assertTrue(tl.AddMarker(100000, "Cream", "Far", "", 1))
        self.assertFalse(tl.AddMarker(96, "Red", "dup", "", 1))
        self.assertFalse(tl.AddMarker(-5, "Red", "neg", "", 1))
        self.assertFalse(tl.AddMarker(5, "Red", "dur", "", 0.5))
        self.assertEqual(sorted(tl.GetMarkers()), [0, 96, 100000])
        self.assertEqual(tl.GetMarkerByCustomData("cd")["name"], "Marker 1")
        self.assertTrue(tl.DeleteMarkersByColor("All"))
        self.assertEqual(tl.GetMarkers(), {})

    def test_playhead_depends_on_page(self):
        tl = self.tl
        self.resolve.OpenPage("media")
        self.assertEqual(tl.GetCurrentTimecode(), "")
        self.assertFalse(tl.SetCurrentTimecode("01:00:01:00"))
        self.resolve.OpenPage("edit")
        self.assertEqual(tl.GetCurrentTimecode(), "01:00:00:00")
        self.assertTrue(tl.SetCurrentTimecode("01:00:06:00"))
        self.assertEqual(tl.GetCurrentTimecode(), "01:00:06:00")
        self.assertEqual(tl.GetCurrentVideoItem().GetName(), "broll.mov")
        self.assertFalse(tl.SetCurrentTimecode("02:00:00:00"))
        self.assertFalse(tl.SetCurrentTimecode("nonsense"))
        self.assertEqual(tl.GetCurrentClipThumbnailImage(), {})
        self.resolve.OpenPage("color")
        thumb = tl.GetCurrentClipThumbnailImage()
        self.assertEqual(thumb["format"], "RGB 8 bit")
        self.assertEqual(len(base64.b64decode(thumb["data"])), thumb["width"] * thumb["height"]
                         * 3)

    def test_insert_generators_and_titles(self):
        tl = self.tl
        self.assertTrue(tl.SetCurrentTimecode("01:00:02:00"))
        title = tl.InsertTitleIntoTimeline("Text")
        self.assertEqual(title.GetTrackTypeAndIndex(), ["video", 2])
        self.assertEqual((title.GetStart(), title.GetDuration()), (86448, 120))
        self.assertIsNone(title.GetMediaPoolItem())
        self.assertEqual(tl.GetSelectedClips(), [title])
        gen = tl.InsertGeneratorIntoTimeline("Solid Color")
        self.assertEqual(gen.GetTrackTypeAndIndex(), ["video", 3])
        self.assertIsNone(tl.InsertGeneratorIntoTimeline("Nope"))
        self.assertEqual(tl.InsertFusionTitleIntoTimeline("Text+").GetFusionCompCount(), 1)
        self.assertIsNotNone(tl.InsertFusionGeneratorIntoTimeline("Contours"))
        self.assertIsNotNone(tl.InsertOFXGeneratorIntoTimeline("Grid"))
        comp = tl.InsertFusionCompositionIntoTimeline()
        self.assertEqual(comp.GetFusionCompNameList(), ["Composition 1"])

    def test_delete_clips_with_ripple_and_linking(self):
        tl = self.tl
        video = tl.GetItemListInTrack("video", 1)
        self.assertTrue(tl.DeleteClips([video[0]], True))
        remaining = tl.GetItemListInTrack("video", 1)
        self.assertEqual([(i.GetName(), i.GetStart()) for i in remaining], [("broll.mov", 86400)])
        self.assertIsNone(video[0].GetName())  # dead handle
        self.assertFalse(tl.DeleteClips([video[0]]))
        audio = tl.GetItemListInTrack("audio", 1)
        self.assertEqual(audio[0].GetStart(), 86400)  # other track not rippled
        self.assertTrue(tl.SetClipsLinked([remaining[0], audio[0]], True))
        self.assertEqual(remaining[0].GetLinkedItems(), [audio[0]])
        self.assertTrue(tl.SetClipsLinked([remaining[0], audio[0]], False))
        self.assertEqual(remaining[0].GetLinkedItems(), [])
        self.assertFalse(tl.SetClipsLinked([remaining[0]], True))
        self.resolve.OpenPage("fairlight")
        self.assertFalse(tl.DeleteClips(remaining))

    def test_duplicate_compound_fusion(self):
        tl = self.tl
        dup = tl.DuplicateTimeline("Copy")
        self.assertEqual(dup.GetName(), "Copy")
        self.assertEqual(len(dup.GetItemListInTrack("video", 1)), 2)
        self.assertNotEqual(dup.GetItemListInTrack("video", 1)[0],
                            tl.GetItemListInTrack("video", 1)[0])
        self.assertIsNone(tl.DuplicateTimeline("Copy"))
        self.assertEqual(tl.DuplicateTimeline().GetName(), "Edit copy")
        video = tl.GetItemListInTrack("video", 1)
        compound = tl.CreateCompoundClip(video, {"name": "Scene 1"})
        self.assertEqual(compound.GetName(), "Scene 1")
        self.assertEqual((compound.GetStart(), compound.GetDuration()), (86400, 168))
        self.assertEqual(compound.GetMediaPoolItem().GetClipProperty("Type"), "Compound")
        self.assertEqual(len(tl.GetItemListInTrack("video", 1)), 1)
        fusion = dup.CreateFusionClip(dup.GetItemListInTrack("video", 1)[:1])
        self.assertEqual(fusion.GetFusionCompCount(), 1)
        self.assertIsNone(tl.CreateCompoundClip([]))
        self.assertEqual(tl.GetMediaPoolItem().GetName(), "Edit")
        self.assertTrue(tl.SetName("Renamed"))
        self.assertEqual(tl.GetMediaPoolItem().GetName(), "Renamed")
        self.assertFalse(tl.SetName("Copy"))

    def test_subtitles_scene_cuts_and_studio_tools(self):
        tl = self.tl
        self.resolve.OpenPage("deliver")
        self.assertFalse(tl.CreateSubtitlesFromAudio())
        self.resolve.OpenPage("edit")
        r = self.resolve
        self.assertFalse(tl.CreateSubtitlesFromAudio({r.SUBTITLE_CHARS_PER_LINE: 99}))
        self.assertTrue(tl.CreateSubtitlesFromAudio({r.SUBTITLE_LANGUAGE: r.AUTO_CAPTION_ENGLISH,
                                                     r.SUBTITLE_CHARS_PER_LINE: 32}))
        subs = tl.GetItemListInTrack("subtitle", 1)
        self.assertEqual(len(subs), 2)  # 5 s of audio in 3 s captions
        self.assertTrue(subs[0].GetName().startswith("Transcribed speech 1"))
        self.assertTrue(tl.DetectSceneCuts())
        video = tl.GetItemListInTrack("video", 1)
        self.assertEqual([i.GetDuration() for i in video], [48, 48, 24, 48])
        self.assertEqual([i.GetSourceStartFrame() for i in video], [0, 48, 96, 0])
        self.assertTrue(tl.ConvertTimelineToStereo())
        self.assertFalse(tl.ConvertTimelineToStereo())
        self.assertEqual(video[0].GetStereoConvergenceValues(), {0: 0.0})
        self.assertTrue(tl.AnalyzeDolbyVision())
        self.assertTrue(tl.AnalyzeDolbyVision([video[0]], r.DLB_BLEND_SHOTS))
        self.assertFalse(tl.AnalyzeDolbyVision([video[0]], 1234))
        self.assertEqual(tl.GetNodeGraph().GetNumNodes(), 1)

    def test_mark_in_out_voice_isolation_settings(self):
        tl = self.tl
        self.assertTrue(tl.SetMarkInOut(0, 47, "video"))
        self.assertEqual(tl.GetMarkInOut(), {"video": {"in": 0, "out": 47}})
        self.assertTrue(tl.ClearMarkInOut())
        self.assertEqual(tl.GetVoiceIsolationState(1), {"isEnabled": False, "amount": 0})
        self.assertTrue(tl.SetVoiceIsolationState(1, {"isEnabled": True, "amount": 60}))
        self.assertEqual(tl.GetVoiceIsolationState(1), {"isEnabled": True, "amount": 60})
        self.assertFalse(tl.SetVoiceIsolationState(1, {"amount": 101}))
        self.assertFalse(tl.SetVoiceIsolationState(4, {"amount": 1}))
        self.assertEqual(tl.GetSetting("useCustomSettings"), "0")
        self.assertFalse(tl.SetSetting("timelineResolutionWidth", "1280"))
        self.assertTrue(tl.SetSetting("useCustomSettings", "1"))
        self.assertTrue(tl.SetSetting("timelineResolutionWidth", "1280"))
        self.assertEqual(tl.GetSetting("timelineResolutionWidth"), "1280")
        self.assertEqual(self.project.GetSetting("timelineResolutionWidth"), "1920")
        self.assertFalse(tl.SetSetting("timelineFrameRate", "25"))  # has content
        self.assertEqual(tl.GetSetting("bogus"), "")

    def test_stills(self):
        tl = self.tl
        still = tl.GrabStill()
        self.assertIsNotNone(still)
        album = self.project.GetGallery().GetCurrentStillAlbum()
        self.assertEqual(album.GetStills(), [still])
        self.assertEqual(len(tl.GrabAllStills(2)), 2)
        self.assertEqual(tl.GrabAllStills(3), [])
        self.assertEqual(len(album.GetStills()), 3)

    def test_delete_timelines(self):
        tl = self.tl
        other = self.pool.CreateEmptyTimeline("Other")
        self.assertTrue(self.pool.DeleteTimelines([other]))
        self.assertEqual(self.project.GetTimelineCount(), 1)
        self.assertEqual(self.project.GetCurrentTimeline(), tl)
        self.assertIsNone(other.GetName())  # dead handle
        self.assertFalse(self.pool.DeleteTimelines([other]))
        self.assertTrue(self.pool.DeleteClips([tl.GetMediaPoolItem()]))
        self.assertEqual(self.project.GetTimelineCount(), 0)


class InterchangeTest(simkit.SimTestCase):
    def setUp(self):
        super(InterchangeTest, self).setUp()
        self.paths, self.clips, self.tl = self.timeline_with_clips()
        self.tl.AddMarker(24, "Red", "Check", "note", 1)

    def round_trip(self, kind, subtype, name):
        path = self.path(name)
        self.assertTrue(self.tl.Export(path, kind, subtype), name)
        imported = self.pool.ImportTimelineFromFile(path, {"timelineName": "Imported " + name})
        self.assertIsNotNone(imported, name)
        video = imported.GetItemListInTrack("video", 1)
        self.assertEqual([(i.GetStart(), i.GetEnd()) for i in video],
                         [(86400, 86520), (86520, 86568)])
        clip = video[0].GetMediaPoolItem()
        if kind == self.resolve.EXPORT_DRT:  # a DRT brings its own copy of the media
            self.assertEqual(clip.GetClipProperty("File Path"),
                             self.clips["video"].GetClipProperty("File Path"))
        else:
            self.assertEqual(clip, self.clips["video"])
        self.assertIn(24, imported.GetMarkers())
        return imported

    def test_edl_round_trip(self):
        r = self.resolve
        self.assertFalse(self.tl.Export(self.path("x.edl"), r.EXPORT_EDL, r.EXPORT_AAF_NEW + 99))
        imported = self.round_trip(r.EXPORT_EDL, r.EXPORT_NONE, "cut.edl")
        self.assertEqual(imported.GetMarkers()[24]["color"], "Red")
        self.assertIsNone(self.pool.ImportTimelineFromFile(self.path("cut.edl"),
                                                           {"timelineName": "Edit"}))

    def test_otio_fcpxml_drt_round_trip(self):
        r = self.resolve
        self.round_trip(r.EXPORT_OTIO, r.EXPORT_NONE, "cut.otio")
        self.round_trip(r.EXPORT_FCPXML_1_10, r.EXPORT_NONE, "cut.fcpxmld")
        self.round_trip(r.EXPORT_FCP_7_XML, r.EXPORT_NONE, "cut.xml")
        self.round_trip(r.EXPORT_DRT, r.EXPORT_NONE, "cut.drt")

    def test_other_exports_and_failures(self):
        r = self.resolve
        for kind, name in ((r.EXPORT_TEXT_CSV, "a.csv"), (r.EXPORT_TEXT_TAB, "a.txt"),
                           (r.EXPORT_ALE, "a.ale"), (r.EXPORT_HDR_10_PROFILE_A, "a.xml"),
                           (r.EXPORT_DOLBY_VISION_VER_5_1, "b.xml")):
            self.assertTrue(self.tl.Export(self.path(name), kind, r.EXPORT_NONE), name)
            self.assertTrue(os.path.getsize(self.path(name)) > 0)
        self.assertFalse(self.tl.Export(self.path("a.aaf"), r.EXPORT_AAF, r.EXPORT_NONE))
        self.assertFalse(self.tl.Export(self.path("a.x"), 999.0, r.EXPORT_NONE))
        self.assertFalse(self.tl.Export(self.path("no", "dir", "a.edl"), r.EXPORT_EDL,
                                        r.EXPORT_NONE))
        self.assertIsNone(self.pool.ImportTimelineFromFile(self.path("missing.edl")))
        self.assertIsNone(self.pool.ImportTimelineFromFile(self.path("a.csv"), {"bogus": 1}))

    def test_aaf_import_into_timeline_and_source_import(self):
        r = self.resolve
        aaf = self.path("cut.aaf")
        self.assertTrue(self.tl.Export(aaf, r.EXPORT_AAF, r.EXPORT_AAF_NEW))
        target = self.pool.CreateEmptyTimeline("Target")
        self.assertTrue(target.ImportIntoTimeline(aaf, {"insertAdditionalTracks": True}))
        self.assertEqual(target.GetTrackCount("video"), 2)
        self.assertEqual(len(target.GetItemListInTrack("video", 2)), 2)
        self.assertFalse(target.ImportIntoTimeline(aaf, {"bogus": True}))
        self.assertFalse(target.ImportIntoTimeline(self.path("none.aaf")))
        # A fresh project has no pool clips: sources are imported from their paths.
        self.pm.CreateProject("Fresh")
        pool = self.pm.GetCurrentProject().GetMediaPool()
        tl = pool.ImportTimelineFromFile(aaf)
        self.assertEqual(tl.GetName(), "Edit")
        self.assertEqual(len(pool.GetRootFolder().GetClipList()), 3)  # 2 sources + timeline
        self.assertEqual(tl.GetItemListInTrack("video", 1)[0].GetLinkedItems()[0]
                         .GetTrackTypeAndIndex(), ["audio", 1])
        no_import = pool.ImportTimelineFromFile(aaf, {"importSourceClips": False,
                                                      "timelineName": "Offline"})
        self.assertIsNotNone(no_import)
