"""The simulator behaves like Resolve as measured (sources: bridge/simulator/NOTES.md, "Measured").

Media are written by sim_testmedia with the standard library; no ffmpeg is needed.
"""

import os
import re

from tests.python import simkit
from tests.python.simkit import sim_testmedia

import sim_probe


class QuickTimeMediaTest(simkit.SimTestCase):
    def media(self, name):
        os.makedirs(self.path("m"), exist_ok=True)
        return self.path("m", name)

    def import_one(self, path):
        clips = self.pool.ImportMedia([path])
        self.assertEqual(len(clips), 1, path)
        return clips[0]

    def test_quicktime_movies_with_a_data_handler_import(self):
        h264 = sim_testmedia.write_mov(self.media("a.mov"), 1920, 1080, 25, 50, True,
                                       codec="avc1", audio_codec="mp4a")
        prores = sim_testmedia.write_mov(self.media("b.mov"), 1920, 1080, 24, 48,
                                         codec="apcn")
        self.assertEqual(sim_probe.probe(h264)["kind"], "video")
        a, b = self.import_one(h264), self.import_one(prores)
        self.assertEqual([a.GetClipProperty(k) for k in ("Format", "Video Codec", "Audio Codec")],
                         ["QuickTime", "H.264", "AAC"])
        self.assertEqual([b.GetClipProperty(k) for k in ("Video Codec", "Frames", "Type")],
                         ["Apple ProRes 422", "48", "Video"])

    def test_audio_codec_is_the_audio_tracks(self):
        mp4 = self.import_one(sim_testmedia.write_mp4(self.media("a.mp4"), 640, 360, 24, 24,
                                                      True))
        mov = self.import_one(sim_testmedia.write_mov(self.media("b.mov"), 640, 360, 24, 24,
                                                      True))
        self.assertEqual(mp4.GetClipProperty("Video Codec"), "H.264")
        self.assertEqual(mp4.GetClipProperty("Audio Codec"), "AAC")
        self.assertEqual(mov.GetClipProperty("Audio Codec"), "Linear PCM")

    def test_tmcd_track_sets_the_start_timecode(self):
        clip = self.import_one(sim_testmedia.write_mov(
            self.media("tc.mov"), 1920, 1080, 25, 100, True, timecode="10:00:00:00"))
        self.assertEqual([clip.GetClipProperty(k) for k in ("Start TC", "Start", "End TC", "End")],
                         ["10:00:00:00", "900000", "10:00:04:00", "900099"])
        mp4 = self.import_one(sim_testmedia.write_mp4(self.media("tc.mp4"), 640, 360, 25, 25,
                                                      timecode="01:02:03:04"))
        self.assertEqual(mp4.GetClipProperty("Start TC"), "01:02:03:04")

    def test_tmcd_drop_frame(self):
        clip = self.import_one(sim_testmedia.write_mov(
            self.media("df.mov"), 1920, 1080, 29.97, 60, timecode="10:00:00;00",
            drop_frame=True))
        self.assertEqual([clip.GetClipProperty(k) for k in ("Start TC", "Drop frame", "Start")],
                         ["10:00:00;00", "1", "1078920"])
        self.assertEqual(clip.GetClipProperty("End TC"), "10:00:02;00")

    def test_bwf_time_reference_at_the_clip_rate(self):
        samples = 3610 * 48000  # 01:00:10:00 since midnight
        for rate in ("25", "24"):
            self.pm.CreateProject("P" + rate)
            project = self.pm.GetCurrentProject()
            project.SetSetting("timelineFrameRate", rate)
            path = sim_testmedia.write_wav(self.media("bwf%s.wav" % rate), 2.0,
                                           time_reference=samples)
            clip = project.GetMediaPool().ImportMedia([path])[0]
            self.assertEqual(clip.GetClipProperty("Start TC"), "01:00:10:00", rate)
            self.assertEqual(clip.GetClipProperty("End TC"), "01:00:12:00", rate)

    def test_source_seconds_count_from_the_start_timecode(self):
        clip = self.import_one(sim_testmedia.write_mov(self.media("tc.mov"), 640, 360, 25, 100,
                                                       timecode="01:00:00:00"))
        self.pm.GetCurrentProject().SetSetting("timelineFrameRate", "25")
        self.pool.CreateEmptyTimeline("T")
        item = self.pool.AppendToTimeline([{"mediaPoolItem": clip, "startFrame": 25,
                                            "endFrame": 50}])[0]
        self.assertEqual(item.GetSourceStartFrame(), 25)
        self.assertEqual(item.GetSourceStartTime(), 3601.0)
        self.assertEqual(item.GetSourceEndTime(), 3602.0)

    def test_edl_source_timecodes_use_the_clip_start_tc(self):
        self.project.SetSetting("timelineFrameRate", "25")
        by_hand = self.import_one(sim_testmedia.write_mov(self.media("a.mov"), 640, 360, 25, 100))
        self.assertTrue(by_hand.SetClipProperty("Start TC", "02:00:00:00"))
        embedded = self.import_one(sim_testmedia.write_mov(self.media("b.mov"), 640, 360, 25,
                                                           100, timecode="10:00:00:00"))
        tl = self.pool.CreateEmptyTimeline("Cut")
        self.pool.AppendToTimeline([
            {"mediaPoolItem": by_hand, "startFrame": 10, "endFrame": 60},
            {"mediaPoolItem": embedded, "startFrame": 0, "endFrame": 25}])
        edl = self.path("cut.edl")
        self.assertTrue(tl.Export(edl, self.resolve.EXPORT_EDL, self.resolve.EXPORT_NONE))
        with open(edl) as fh:
            events = re.findall(r"^\d{3}\s+\S+\s+V\s+C\s+(\S+) (\S+)", fh.read(), re.M)
        self.assertEqual(events, [("02:00:00:10", "02:00:02:10"),
                                  ("10:00:00:00", "10:00:01:00")])
        back = self.pool.ImportTimelineFromFile(edl, {"timelineName": "Back"})
        items = back.GetItemListInTrack("video", 1)
        self.assertEqual([(i.GetSourceStartFrame(), i.GetMediaPoolItem()) for i in items],
                         [(10, by_hand), (0, embedded)])


class RenderCatalogueTest(simkit.SimTestCase):
    def test_21_catalogue(self):
        p = self.project
        formats = p.GetRenderFormats()
        self.assertEqual(len(formats), 23)
        self.assertEqual([formats[k] for k in ("PNG", "JPEG", "WebP", "HLS")],
                         ["png", "jpg", "webp", "m3u8"])
        for fmt in ("braw", "mts", "wav"):
            self.assertEqual(p.GetRenderCodecs(fmt), {}, fmt)
            for codec in ("", fmt, "Linear PCM", "LinearPCM", "H264"):
                self.assertFalse(p.SetCurrentRenderFormatAndCodec(fmt, codec), (fmt, codec))
        self.assertTrue(p.GetRenderCodecs("gif"))
        mov = p.GetRenderCodecs("mov")
        self.assertEqual(mov["Avid DNxHR HQ 12-bit"], "DNxHRHQ")
        self.assertNotIn("DNxHR HQ", mov)
        self.assertTrue(p.SetCurrentRenderFormatAndCodec("mov", "DNxHRHQX_10"))
        # HLS advertises H.264 and its rasters, yet refuses every codec
        self.assertEqual(p.GetRenderCodecs("m3u8"), {"H.264": "H264"})
        self.assertTrue(p.GetRenderResolutions("m3u8", "H264"))
        for codec in ("H264", "H.264", "h264", ""):
            self.assertFalse(p.SetCurrentRenderFormatAndCodec("m3u8", codec))
        self.assertTrue(p.SetCurrentRenderFormatAndCodec("mp4", "H264"))


class RenderCatalogue19Test(simkit.SimTestCase):
    env = {"RESOLVE_SIM_VERSION": "19.1.3.7"}

    def test_19_catalogue(self):
        p = self.project
        formats = p.GetRenderFormats()
        self.assertEqual(len(formats), 20)
        self.assertNotIn("PNG", formats)
        self.assertEqual(formats["MTS"], "mts")
        self.assertEqual(p.GetRenderCodecs("wav"), {})
        self.assertEqual(p.GetRenderCodecs("gif"), {})
        self.assertFalse(p.SetCurrentRenderFormatAndCodec("gif", "GIF"))
        self.assertTrue(p.GetRenderCodecs("braw"))
        self.assertEqual(p.GetRenderCodecs("mov")["DNxHR HQ"], "DNxHRHQ")
        self.assertEqual(p.GetRenderCodecs("mov")["DNxHR HQX 10-bit"], "DNxHRHQX_10")


class CurrentTimelineQuirkTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_VERSION": "21.1.0.17"}

    def locked_track_of_a_timeline_left_behind(self):
        pool = self.resolve.GetProjectManager().GetCurrentProject().GetMediaPool()
        a = pool.CreateEmptyTimeline("A")
        self.assertTrue(a.SetTrackLock("audio", 1, True))
        self.assertTrue(a.GetIsTrackLocked("audio", 1))
        pool.CreateEmptyTimeline("B")  # becomes current
        return a

    def test_track_state_of_a_timeline_that_is_not_current_reads_false_from_21_1(self):
        a = self.locked_track_of_a_timeline_left_behind()
        self.assertFalse(a.GetIsTrackLocked("audio", 1))
        self.assertFalse(a.GetIsTrackEnabled("video", 1))
        self.assertTrue(self.project.SetCurrentTimeline(a))
        self.assertTrue(a.GetIsTrackLocked("audio", 1))
        self.assertTrue(a.GetIsTrackEnabled("video", 1))
        os.environ["RESOLVE_SIM_VERSION"] = "21.0.4.5"  # the same reads on 21.0 are right
        simkit.dvr._reset()
        self.resolve = simkit.dvr.scriptapp("Resolve")
        self.assertTrue(self.locked_track_of_a_timeline_left_behind().GetIsTrackLocked("audio", 1))


class HandlesTest(simkit.SimTestCase):
    def test_handles_die_with_their_project_and_stay_dead_after_reload(self):
        pm = self.pm
        project = pm.CreateProject("Show")
        _, clips = self.import_media_into(project)
        tl = project.GetMediaPool().CreateTimelineFromClips("Cut", [clips["video"]])
        stale_clip, stale_tl = clips["video"], tl
        self.assertTrue(pm.SaveProject())
        self.assertTrue(pm.CloseProject(project))
        self.assertIsNone(stale_clip.GetName())
        self.assertIsNone(stale_clip.GetClipProperty("Resolution"))
        self.assertIsNone(stale_clip.SetClipColor("Orange"))
        again = pm.LoadProject("Show")
        self.assertIsNone(stale_tl.GetName())  # the same project again: still dead
        self.assertIsNone(project.GetName())
        fresh = again.GetCurrentTimeline()
        self.assertEqual(fresh.GetName(), "Cut")
        item = fresh.GetItemListInTrack("video", 1)[0]
        # a dead clip handle passed as an argument is refused, and nothing changes
        self.assertFalse(item.AddTake(stale_clip))
        self.assertEqual(item.GetTakesCount(), 0)

    def import_media_into(self, project):
        self.pool = project.GetMediaPool()
        return self.import_media()


class RefusalsTest(simkit.SimTestCase):
    def test_a_project_that_was_current_cannot_be_deleted_until_closed(self):
        pm = self.pm
        pm.CreateProject("A")
        pm.CreateProject("B")
        self.assertFalse(pm.DeleteProject("A"))  # switched away, not closed
        self.assertTrue(pm.CloseProject(pm.LoadProject("A")))
        self.assertTrue(pm.DeleteProject("A"))
        self.assertEqual(pm.GetProjectListInCurrentFolder(), ["B"])

    def test_archiving_the_open_project_fails(self):
        self.pm.CreateProject("Open")
        target = self.path("open.dra")
        self.assertFalse(self.pm.ArchiveProject("Open", target, False, False, False))
        self.assertFalse(os.path.exists(target))
        self.pm.CreateProject("Other")
        self.assertTrue(self.pm.ArchiveProject("Open", target, False, False, False))

    def test_the_only_fusion_comp_cannot_be_deleted(self):
        _, _, tl = self.timeline_with_clips()
        item = tl.GetItemListInTrack("video", 1)[0]
        self.assertTrue(item.AddFusionComp())
        only = item.GetFusionCompNameList()
        self.assertEqual(len(only), 1)
        self.assertFalse(item.DeleteFusionCompByName(only[0]))
        self.assertTrue(item.AddFusionComp())
        self.assertTrue(item.DeleteFusionCompByName(only[0]))

    def test_add_take_of_the_items_own_clip(self):
        _, clips, tl = self.timeline_with_clips()
        item = tl.GetItemListInTrack("video", 1)[0]
        self.assertFalse(item.AddTake(clips["video"]))
        # measured 'False/1/True/True': refused, yet the item became a take selector
        self.assertEqual(item.GetTakesCount(), 1)
        self.assertTrue(item.SelectTakeByIndex(1))
        self.assertTrue(item.FinalizeTake())

    def test_export_stills_needs_the_gallery_panel(self):
        _, _, tl = self.timeline_with_clips()
        still = tl.GrabStill()
        album = self.project.GetGallery().GetCurrentStillAlbum()
        self.assertFalse(album.ExportStills([still], self.tmp, "s_", "png"))  # Edit page
        self.assertTrue(self.resolve.OpenPage("color"))
        self.assertTrue(album.ExportStills([still], self.tmp, "s_", "png"))


class ClosedGalleryTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_GALLERY_PANEL": "0"}

    def test_closed_panel_refuses_every_format(self):
        _, _, tl = self.timeline_with_clips()
        still = tl.GrabStill()
        self.resolve.OpenPage("color")
        album = self.project.GetGallery().GetCurrentStillAlbum()
        for fmt in ("png", "jpg", "tif", "dpx"):
            self.assertFalse(album.ExportStills([still], self.tmp, "s_", fmt), fmt)
        self.assertEqual(os.listdir(self.tmp), ["media"])


class SettingsTest(simkit.SimTestCase):
    def test_the_project_frame_rate_reads_as_a_number(self):
        self.assertEqual(self.project.GetSetting("timelineFrameRate"), 24.0)
        self.assertEqual(self.project.GetSetting()["timelineFrameRate"], 24.0)
        self.assertEqual(self.project.GetSetting("timelineResolutionWidth"), "1920")
        self.assertTrue(self.project.SetSetting("timelineFrameRate", "23.976"))
        self.assertEqual(self.project.GetSetting("timelineFrameRate"), 23.976)


class InterchangeTest(simkit.SimTestCase):
    def test_drt_import_is_named_after_the_file_and_copies_its_media(self):
        _, _, tl = self.timeline_with_clips()
        drt = self.path("iter.drt")
        self.assertTrue(tl.Export(drt, self.resolve.EXPORT_DRT, self.resolve.EXPORT_NONE))
        root = self.pool.GetRootFolder()
        before = len(root.GetClipList())
        first = self.pool.ImportTimelineFromFile(drt, {"timelineName": "Mine",
                                                       "importSourceClips": False})
        second = self.pool.ImportTimelineFromFile(drt, {"timelineName": "Mine"})
        self.assertEqual([first.GetName(), second.GetName()], ["iter", "iter 2"])
        # each import adds its two sources again (plus the timeline's own pool item)
        self.assertEqual(len(root.GetClipList()), before + 2 * 3)

    def test_otio_without_source_clips_leaves_items_offline(self):
        _, clips, tl = self.timeline_with_clips()
        otio = self.path("cut.otio")
        self.assertTrue(tl.Export(otio, self.resolve.EXPORT_OTIO, self.resolve.EXPORT_NONE))
        offline = self.pool.ImportTimelineFromFile(otio, {"timelineName": "Offline",
                                                          "importSourceClips": False})
        items = offline.GetItemListInTrack("video", 1)
        self.assertEqual(len(items), 2)  # the structure is kept
        self.assertEqual([i.GetMediaPoolItem() for i in items], [None, None])
        linked = self.pool.ImportTimelineFromFile(otio, {"timelineName": "Linked"})
        self.assertEqual(linked.GetItemListInTrack("video", 1)[0].GetMediaPoolItem(),
                         clips["video"])

    def test_clearing_audio_classification_leaves_uncategorized(self):
        _, clips = self.import_media()
        voice = clips["audio"]
        self.assertEqual(voice.GetClipProperty("Category"), "")
        self.assertTrue(voice.PerformAudioClassification())
        self.assertEqual(voice.GetClipProperty("Category"), "Dialogue")
        self.assertTrue(voice.ClearAudioClassification())
        self.assertEqual(voice.GetClipProperty("Category"), "Uncategorized")

    def test_other_rate_sources_floor_onto_the_timeline(self):
        self.assertTrue(self.project.SetSetting("timelineFrameRate", "23.976"))
        _, clips = self.import_media()  # shot.mp4 is 24 fps
        self.pool.CreateEmptyTimeline("T")
        item = self.pool.AppendToTimeline([{"mediaPoolItem": clips["video"], "startFrame": 0,
                                            "endFrame": 100}])[0]
        self.assertEqual(item.GetDuration(), 99)  # one frame short of the planned slot
        self.assertEqual((item.GetSourceStartFrame(), item.GetSourceEndFrame()), (0, 100))

    def test_24_fps_audio_on_a_2997_timeline(self):
        wav = sim_testmedia.write_wav(self.path("long.wav"), 300.0, channels=1)
        clip = self.pool.ImportMedia([wav])[0]  # the project is at 24: the clip keeps 24
        self.assertEqual(clip.GetClipProperty("FPS"), 24.0)
        self.pm.CreateProject("NTSC")
        project = self.pm.GetCurrentProject()
        project.SetSetting("timelineFrameRate", "29.97")
        pool = project.GetMediaPool()
        clip = pool.ImportMedia([wav])[0]
        self.assertTrue(clip.SetClipProperty("FPS", "24"))
        pool.CreateEmptyTimeline("T")
        item = pool.AppendToTimeline([{"mediaPoolItem": clip, "startFrame": 4800,
                                       "endFrame": 5235, "mediaType": 2}])[0]
        self.assertEqual(item.GetDuration(), 543)


class AudioFramesTest(simkit.SimTestCase):
    """21.0.4.5 and 21.1.0.17 read an audio clip's "Frames" as '' (NOTES.md)."""

    def wav_clip(self):
        wav = sim_testmedia.write_wav(self.path("voice.wav"), 2.0)
        return self.pool.ImportMedia([wav])[0]

    def test_a_wav_clip_reads_empty_frames_but_keeps_its_duration(self):
        clip = self.wav_clip()
        self.assertEqual([clip.GetClipProperty(k) for k in ("Frames", "Duration", "Type")],
                         ["", "00:00:02:00", "Audio"])
        # the clip still has its length: a plain append places all 48 frames
        self.pool.CreateEmptyTimeline("T")
        item = self.pool.AppendToTimeline([clip])[0]
        self.assertEqual(item.GetDuration(), 48)
        _, clips = self.import_media()
        self.assertEqual(clips["video"].GetClipProperty("Frames"), "120")  # video unchanged


class AudioFrames19Test(AudioFramesTest):
    env = {"RESOLVE_SIM_VERSION": "19.1.3.7"}

    def test_a_wav_clip_reads_empty_frames_but_keeps_its_duration(self):
        self.assertEqual(self.wav_clip().GetClipProperty("Frames"), "48")  # not measured: kept


class CustomSettingsTest(simkit.SimTestCase):
    def test_turning_on_custom_settings_resets_the_timeline_to_the_defaults(self):
        p = self.project
        for key, value in (("timelineResolutionWidth", "1080"),
                           ("timelineResolutionHeight", "1920"),
                           ("colorScienceMode", "davinciYRGBColorManagedv2")):
            self.assertTrue(p.SetSetting(key, value), key)
        tl = self.pool.CreateEmptyTimeline("Reel")
        keys = ("timelineResolutionWidth", "timelineResolutionHeight", "colorScienceMode")
        self.assertEqual([tl.GetSetting(k) for k in keys],
                         ["1080", "1920", "davinciYRGBColorManagedv2"])  # inherited
        self.assertFalse(tl.SetSetting("timelineResolutionWidth", "720"))  # needs custom first
        self.assertTrue(tl.SetSetting("useCustomSettings", "1"))
        self.assertEqual([tl.GetSetting(k) for k in keys], ["1920", "1080", "davinciYRGB"])
        self.assertTrue(tl.SetSetting("timelineResolutionWidth", "1080"))
        self.assertTrue(tl.SetSetting("useCustomSettings", "1"))  # already on: nothing resets
        self.assertEqual(tl.GetSetting("timelineResolutionWidth"), "1080")
        self.assertEqual(p.GetSetting("timelineResolutionWidth"), "1080")  # project untouched
