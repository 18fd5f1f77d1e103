"""Resolve 21.1 editing methods of the simulator and the traps REFERENCE-21.1 documents."""

from tests.python import simkit

import sim_core


class V211Case(simkit.SimTestCase):
    def timeline_with_cut(self, handles=True):
        """Two clips of shot.mp4 (120 frames) butted at a cut; with handles both keep media
        beyond the cut, without them the outgoing one ends at its media end."""
        _, clips = self.import_media()
        self.clips = clips
        self.pool.CreateEmptyTimeline("T")
        tl = self.project.GetCurrentTimeline()
        video = clips["video"]
        first = (24, 72) if handles else (48, 120)
        second = (24, 96) if handles else (0, 48)
        items = self.pool.AppendToTimeline([
            {"mediaPoolItem": video, "startFrame": first[0], "endFrame": first[1],
             "mediaType": 1},
            {"mediaPoolItem": video, "startFrame": second[0], "endFrame": second[1],
             "mediaType": 1}])
        return tl, items


class TransitionTest(V211Case):
    def test_needs_position_and_alignment(self):
        tl, (a, b) = self.timeline_with_cut()
        self.assertIsNone(a.AddTransition({"type": "Cross Dissolve"}))
        self.assertEqual(len(tl.GetItemListInTrack("video", 1)), 2)

    def test_centred_dissolve_spans_the_cut_and_shifts_indexes(self):
        tl, (a, b) = self.timeline_with_cut()
        cut = a.GetEnd()
        t = a.AddTransition({"type": "Cross Dissolve", "position": "end",
                             "alignment": "center", "duration": 24})
        self.assertIsNotNone(t)
        self.assertEqual(t.GetType(), "transition")
        self.assertEqual((t.GetStart(), t.GetEnd()), (cut - 12, cut + 12))
        listed = tl.GetItemListInTrack("video", 1)
        self.assertEqual(listed, [a, t, b])  # b moved from index 2 to 3
        self.assertIsNone(a.AddTransition({"type": "Cross Dissolve", "position": "end",
                                           "alignment": "center", "duration": 24}))

    def test_without_handles_nothing_is_created(self):
        tl, (a, b) = self.timeline_with_cut(handles=False)
        self.assertEqual((a.GetRightOffset(), b.GetLeftOffset()), (0, 0))
        for alignment in ("left", "center", "right"):
            self.assertIsNone(a.AddTransition({"type": "Cross Dissolve", "position": "end",
                                               "alignment": alignment, "duration": 12}))
        self.assertEqual(len(tl.GetItemListInTrack("video", 1)), 2)

    def test_audio_items_take_audio_transitions_only(self):
        _, clips = self.import_media()
        self.pool.CreateEmptyTimeline("A")
        items = self.pool.AppendToTimeline([
            {"mediaPoolItem": clips["audio"], "startFrame": 10, "endFrame": 30},
            {"mediaPoolItem": clips["audio"], "startFrame": 10, "endFrame": 30}])
        self.assertIsNone(items[0].AddTransition({"type": "Cross Dissolve", "position": "end",
                                                  "alignment": "center", "duration": 4}))
        t = items[0].AddTransition({"type": "Cross Fade 0 dB", "category": "audio",
                                    "position": "end", "alignment": "center", "duration": 4})
        self.assertEqual(t.GetType(), "transition")


class FadesSpeedTest(V211Case):
    def test_fades_read_back_as_floats(self):
        _, (a, _) = self.timeline_with_cut()
        self.assertEqual(a.GetFades(), {"FadeIn": 0.0, "FadeOut": 0.0})
        self.assertTrue(a.SetFades({"FadeIn": 12, "FadeOut": 6}))
        fades = a.GetFades()
        self.assertEqual(fades, {"FadeIn": 12.0, "FadeOut": 6.0})
        self.assertIsInstance(fades["FadeIn"], float)
        self.assertTrue(a.SetFades({"FadeOut": 0}))  # partial dict: only that key
        self.assertEqual(a.GetFades(), {"FadeIn": 12.0, "FadeOut": 0.0})
        self.assertFalse(a.SetFades({"FadeIn": 1000}))
        self.assertFalse(a.SetFades({"fadein": 3}))

    def test_speed_keeps_duration_unless_ripple(self):
        tl, (a, b) = self.timeline_with_cut()
        dur, b_start = a.GetDuration(), b.GetStart()
        self.assertTrue(a.SetSpeed({"Percentage": 50.0}))
        self.assertEqual(a.GetSpeed()["Percentage"], 50.0)
        self.assertEqual(a.GetDuration(), dur)
        self.assertEqual(b.GetStart(), b_start)
        self.assertTrue(a.SetSpeed({"Percentage": 200.0, "RippleTimeline": True}))
        self.assertEqual(a.GetDuration(), dur // 4)  # 50 % -> 200 %: a quarter as long
        self.assertEqual(b.GetStart(), b_start - (dur - dur // 4))
        self.assertTrue(a.SetSpeed({"Percentage": 0.0}))  # freeze frame
        self.assertEqual(a.GetSpeed()["Percentage"], 0.0)
        self.assertFalse(a.SetSpeed({"Percentage": -50.0}))
        self.assertFalse(a.SetSpeed({"Speed": 50}))


class PropertiesTest(V211Case):
    def test_set_properties_is_all_or_nothing(self):
        _, (a, _) = self.timeline_with_cut()
        props = a.GetProperties()
        self.assertEqual(len(props), 32)  # 26 + six *Enabled keys (measured 32)
        self.assertFalse(a.SetProperties({"ZoomX": 2.0, "NoSuchKey": 1}))
        self.assertEqual(a.GetProperties()["ZoomX"], 1.0)
        self.assertTrue(a.SetProperties({"ZoomX": 2.0, "CroppingEnabled": False,
                                         "Opacity": 500.0}))
        after = a.GetProperties()
        self.assertEqual((after["ZoomX"], after["CroppingEnabled"], after["Opacity"]),
                         (2.0, False, 100.0))  # out of range clipped

    def test_properties_are_empty_while_a_render_runs(self):
        _, (a, _) = self.timeline_with_cut()
        self.project.SetRenderSettings({"TargetDir": self.tmp, "CustomName": "r"})
        self.project.AddRenderJob()
        self.assertTrue(self.project.StartRendering())
        self.assertEqual(a.GetProperties(), {})
        self.assertIsNone(a.GetProperty("ZoomX"))
        self.project.StopRendering()
        self.assertEqual(a.GetProperties()["ZoomX"], 1.0)


class SettingsTest(V211Case):
    def test_timeline_settings_are_the_projects_until_custom(self):
        self.pool.CreateEmptyTimeline("S")
        tl = self.project.GetCurrentTimeline()
        inherited = tl.GetSettings()
        self.assertNotIn("useCustomSettings", inherited)
        self.assertEqual(inherited, self.project.GetSettings())
        self.assertTrue(tl.SetSettings({"timelineResolutionWidth": "1280",
                                        "useCustomSettings": "1"}))
        custom = tl.GetSettings()
        self.assertEqual((custom["useCustomSettings"], custom["timelineResolutionWidth"]),
                         ("1", "1280"))

    def test_project_set_settings_applies_some_keys_and_refuses_others(self):
        ok = self.project.SetSettings({"timelineResolutionWidth": "1280",
                                       "timelinePlaybackFrameRate": "30"})
        self.assertFalse(ok)
        self.assertEqual(self.project.GetSettings()["timelineResolutionWidth"], "1280")


class BlankingTest(V211Case):
    def test_edges_are_coordinates_and_items_inherit_until_told(self):
        tl, (a, _) = self.timeline_with_cut()
        self.assertEqual(tl.GetOutputBlanking(),
                         {"Top": 0.0, "Bottom": 1080.0, "Left": 0.0, "Right": 1920.0})
        self.assertTrue(tl.SetOutputBlanking({"Top": 131.0}))
        self.assertEqual(tl.GetOutputBlanking()["Top"], 131.0)
        self.assertEqual(tl.GetOutputBlanking()["Bottom"], 1080.0)
        self.assertTrue(a.GetUseTimelineForOutputBlanking())
        self.assertEqual(a.GetOutputBlanking(), {})
        self.assertFalse(a.SetOutputBlanking({"Top": 100}))  # still inherits: refused
        self.assertTrue(a.SetUseTimelineForOutputBlanking(False))
        self.assertTrue(a.SetOutputBlanking({"Left": 240, "Right": 1680}))
        self.assertEqual(a.GetOutputBlanking(),
                         {"Top": 131.0, "Bottom": 1080.0, "Left": 240.0, "Right": 1680.0})
        self.assertFalse(tl.SetOutputBlanking({"Bottom": 5000}))


class MulticamTest(V211Case):
    def sources(self):
        _, clips = self.import_media()
        return clips, [clips["video"], clips["silent"]]

    def test_default_moves_sources_and_breaks_append(self):
        clips, sources = self.sources()
        made = self.pool.CreateMulticamClip(sources, {"name": "MC"})
        self.assertEqual(len(made), 1)
        self.assertEqual(made[0].GetClipProperty("Type"), "Multicam")
        bins = [f.GetName() for f in self.pool.GetRootFolder().GetSubFolderList()]
        self.assertIn("Original Clips", bins)
        self.pool.CreateEmptyTimeline("T")
        self.assertEqual(self.pool.AppendToTimeline([{"mediaPoolItem": made[0]}]), [None])
        self.assertIsNotNone(self.pool.CreateTimelineFromClips("T2", [made[0]]))

    def test_without_bin_it_appends_as_angle_1_and_flattens(self):
        clips, sources = self.sources()
        mc = self.pool.CreateMulticamClip(sources, {
            "name": "MC", "createBinForSourceClips": False,
            "angleSyncMode": self.resolve.MULTICAM_ANGLE_SYNC_IN})[0]
        self.assertEqual(self.pool.GetRootFolder().GetSubFolderList(), [])
        self.pool.CreateEmptyTimeline("T")
        tl = self.project.GetCurrentTimeline()
        item = self.pool.AppendToTimeline([{"mediaPoolItem": mc, "trackIndex": 2}])[0]
        self.assertEqual(item.GetName(), "MC - Angle 1")
        self.assertEqual(item.GetTrackTypeAndIndex(), ["video", 1])
        self.assertFalse(item.FlattenMulticam(123456.0))  # not a documented constant
        span = (item.GetStart(), item.GetEnd())
        self.assertTrue(item.FlattenMulticam(self.resolve.FLATTEN_MULTICAM_COPY_GRADE))
        flat = tl.GetItemListInTrack("video", 1)[0]
        self.assertEqual((flat.GetStart(), flat.GetEnd()), span)
        self.assertEqual(flat.GetMediaPoolItem(), clips["video"])

    def test_smart_switch_needs_audio_only_mode(self):
        _, sources = self.sources()
        mc = self.pool.CreateMulticamClip(sources, {"createBinForSourceClips": False})[0]
        self.pool.CreateEmptyTimeline("T")
        tl = self.project.GetCurrentTimeline()
        item = self.pool.AppendToTimeline([{"mediaPoolItem": mc}])[0]
        self.assertFalse(item.PerformMulticamSmartSwitch({"minEditDuration": 1.0}))
        self.assertTrue(item.PerformMulticamSmartSwitch({
            "minEditDuration": 1.0,
            "analysisMode": self.resolve.SMART_SWITCH_ANALYSIS_MODE_AUDIO_ONLY}))
        names = [i.GetName() for i in tl.GetItemListInTrack("video", 1)]
        self.assertGreater(len(names), 1)
        self.assertIn(" - Angle 2", names[1])


class AlignTest(V211Case):
    def test_waveform_needs_audio_items(self):
        _, clips = self.import_media()
        self.pool.CreateEmptyTimeline("T")
        tl = self.project.GetCurrentTimeline()
        tl.AddTrack("video")
        a = self.pool.AppendToTimeline([{"mediaPoolItem": clips["video"], "startFrame": 0,
                                         "endFrame": 48, "mediaType": 1}])[0]
        b = self.pool.AppendToTimeline([{"mediaPoolItem": clips["video"], "startFrame": 24,
                                         "endFrame": 72, "trackIndex": 2, "mediaType": 1,
                                         "recordFrame": a.GetStart() + 100}])[0]
        wave = self.resolve.AUTO_ALIGN_CLIPS_USING_WAVEFORM
        self.assertFalse(tl.AutoAlignClips([a, b], {"SyncUsing": wave}))
        self.assertTrue(tl.AutoAlignClips([a, b]))  # timecode
        self.assertEqual(b.GetStart(), a.GetStart() + 24)


class GatingTest(V211Case):
    env = {"RESOLVE_SIM_VERSION": "21.0.4.5"}

    def test_new_methods_absent_below_21_1(self):
        self.assertIsNone(self.resolve.IsStudio)
        self.assertIsNone(self.resolve.MULTICAM_ANGLE_SYNC_TIMECODE)
        self.assertNotIn("CreateMulticamClip", dir(self.pool))


class ShortcutsTest(V211Case):
    def test_shortcuts_and_edition(self):
        self.assertEqual(self.resolve.GetCurrentProject(), self.project)
        self.assertEqual(self.resolve.GetMediaPool(), self.pool)
        self.assertIsNone(self.resolve.GetCurrentTimeline())
        self.assertTrue(self.resolve.IsStudio())
        self.assertTrue(self.resolve.SetHighPriority(True))
        self.assertIsNone(self.pm.GetProjectLastModifiedTime("Untitled Project"))
        self.assertIsInstance(self.resolve.MULTICAM_ANGLE_SYNC_TIMECODE, float)
        self.assertIn("AddTransition", dir(sim_core.REG["TimelineItem"]))


class AudioPropertiesTest(V211Case):
    def audio_item(self):
        _, clips = self.import_media()
        self.pool.CreateEmptyTimeline("A")
        return self.pool.AppendToTimeline([{"mediaPoolItem": clips["audio"]}])[0]

    def test_audio_keys_and_the_active_timeline_trap(self):
        item = self.audio_item()
        self.assertEqual(item.GetType(), "audio")
        props = item.GetProperties()
        self.assertEqual(len(props), 15)
        self.assertNotIn("ZoomX", props)
        self.assertTrue(item.SetProperties({"AudioVolume": 50.0, "AudioPan": -20.0}))
        self.assertEqual(item.GetProperties()["AudioVolume"], 30.0)  # clipped to +30 dB
        mode = self.resolve.DIALOGUE_LEVELER_MODE_MORE_LIFT_FOR_LOW_LEVELS
        self.assertTrue(item.SetProperties({"AudioDialogueLevelerMode": mode}))
        self.assertEqual(item.GetProperties()["AudioDialogueLevelerMode"], mode)
        self.assertFalse(item.SetProperties({"AudioDialogueLevelerMode": 12345.0}))
        self.assertTrue(item.SetProperties({"AudioVoiceIsolationEnabled": True,
                                            "AudioVoiceIsolationAmount": 40}))
        self.assertEqual(item.GetVoiceIsolationState(), {"isEnabled": True, "amount": 40})
        self.pool.CreateEmptyTimeline("B")  # "A" is no longer the active timeline
        self.assertFalse(item.SetProperties({"AudioPan": 0.0, "AudioVoiceIsolationAmount": 10}))
        self.assertEqual(item.GetProperties()["AudioPan"], -20.0)  # all or nothing
        self.assertTrue(item.SetProperties({"AudioPan": 0.0}))


class FreeEditionTest(V211Case):
    env = {"RESOLVE_SIM_EDITION": "free"}

    def test_free_edition_reports_itself_and_refuses_studio_work(self):
        self.assertFalse(self.resolve.IsStudio())
        _, sources = MulticamTest.sources(self)
        mc = self.pool.CreateMulticamClip(sources, {"createBinForSourceClips": False})[0]
        self.pool.CreateEmptyTimeline("T")
        item = self.pool.AppendToTimeline([{"mediaPoolItem": mc}])[0]
        self.assertFalse(item.PerformMulticamSmartSwitch({
            "analysisMode": self.resolve.SMART_SWITCH_ANALYSIS_MODE_AUDIO_ONLY}))


class TypeTest(V211Case):
    def test_generators_and_titles_answer_generator(self):
        self.pool.CreateEmptyTimeline("G")
        tl = self.project.GetCurrentTimeline()
        self.assertEqual(tl.InsertGeneratorIntoTimeline("Color Bars").GetType(), "generator")
        self.assertEqual(tl.InsertTitleIntoTimeline("Text").GetType(), "generator")
