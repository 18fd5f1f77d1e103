"""Resolve 21.1 / 21.1.1 media-side methods of the simulator and their documented traps
(bridge/simulator/sim_v211_media.py; evidence in NOTES.md)."""

import json
import os
import time
import unittest

from tests.python import simkit

KERNEL = ("__DEVICE__ float3 transform(int p_Width, int p_Height, int p_X, int p_Y, "
          "float p_R, float p_G, float p_B)\n{\n    return make_float3(p_R, p_G, p_B);\n}\n")
EXTRA_ENV = ("RESOLVE_SIM_ANALYSIS_SECONDS", "RESOLVE_SIM_CLONE_SECONDS")


class V211Case(simkit.SimTestCase):
    env = {"RESOLVE_SIM_VERSION": "21.1.1.10", "RESOLVE_SIM_ANALYSIS_SECONDS": "1.5",
           "RESOLVE_SIM_CLONE_SECONDS": "0.3"}

    def tearDown(self):
        super().tearDown()
        for key in EXTRA_ENV:
            os.environ.pop(key, None)

    def wav(self, name, amplitude=0.5, seconds=2, speech=None):
        import math
        import struct
        import wave
        path = self.path(name)
        with wave.open(path, "wb") as fh:
            fh.setnchannels(2)
            fh.setsampwidth(2)
            fh.setframerate(48000)
            frames = []
            for i in range(48000 * seconds):
                v = int(amplitude * 32767 * math.sin(2 * math.pi * 440 * i / 48000))
                frames.append(struct.pack("<hh", v, v))
            fh.writeframes(b"".join(frames))
        if speech:
            with open(path + ".speech.txt", "w") as fh:
                fh.write("\n".join(speech) + "\n")
        return path


class TranscriptionTest(V211Case):
    def test_times_are_source_timecode_strings(self):
        path = self.wav("talk.wav", speech=["Ann: hello there", "Bob: good day to you"])
        clip = self.pool.ImportMedia([path])[0]
        self.assertEqual(clip.GetTranscription(), {})  # nothing stored yet: falsy
        self.assertTrue(clip.SetClipProperty("Start TC", "10:00:00:00"))
        self.assertTrue(clip.TranscribeAudio(True))
        t = clip.GetTranscription()
        self.assertEqual(t["language"], "en")
        seg = t["segments"][1]
        self.assertEqual((seg["speaker"], seg["text"]), ("Bob", "good day to you"))
        self.assertIsInstance(seg["start"], str)
        self.assertEqual(seg["start"], "10:00:01:00")  # on the clip's own timecode
        self.assertEqual([w["text"] for w in seg["words"]], ["good", "day", "to", "you"])

    def test_tone_is_one_empty_segment_and_no_speaker_without_detection(self):
        clip = self.pool.ImportMedia([self.wav("tone.wav")])[0]
        self.assertTrue(clip.TranscribeAudio())
        segs = clip.GetTranscription()["segments"]
        self.assertEqual(len(segs), 1)
        self.assertEqual((segs[0]["text"], segs[0]["speaker"], segs[0]["words"]), ("", None, []))

    def test_absent_before_21_1(self):
        os.environ["RESOLVE_SIM_VERSION"] = "21.0.4.5"
        simkit.dvr._reset()
        r = simkit.dvr.scriptapp("Resolve")
        clip = r.GetProjectManager().GetCurrentProject().GetMediaPool().ImportMedia(
            [self.wav("a.wav")])[0]
        self.assertIsNone(clip.GetTranscription)
        self.assertIsNone(r.GetProjectManager().GetCurrentProject().GetTranscribeAudioStatus)


class JobStatusTest(V211Case):
    def test_inactive_then_a_modelled_timeline_then_complete(self):
        p = self.project
        self.assertEqual(p.GetTranscribeAudioStatus(), {"JobStatus": "Inactive"})
        clip = self.pool.ImportMedia([self.wav("a.wav")])[0]
        self.assertTrue(clip.TranscribeAudio())
        seen = set()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            s = p.GetTranscribeAudioStatus()
            seen.add(s["JobStatus"])
            if s["JobStatus"] == "Complete":
                self.assertEqual(s["CompletionPercentage"], 100)
                break
            self.assertIn(s["JobStatus"], ("Initializing", "Analyzing"))
            self.assertEqual(s["TotalClips"], 1)
            time.sleep(0.05)
        self.assertIn("Complete", seen)
        self.assertIn("Analyzing", seen)
        for name in ("GetAnalyzeForSlateStatus", "GetSmartReframeStatus",
                     "GetDetectSceneCutsStatus", "GetCreateSubtitlesFromAudioStatus",
                     "GetRenderWithQuickExportStatus"):
            self.assertEqual(getattr(p, name)(), {"JobStatus": "Inactive"}, name)

    def test_transcribe_as_nested_clip_is_a_21_1_argument(self):
        clip = self.pool.ImportMedia([self.wav("a.wav")])[0]
        self.assertTrue(clip.TranscribeAudio(False, False))
        self.assertFalse(clip.TranscribeAudio(False, "yes"))


class NormalizeTest(V211Case):
    def test_changes_clip_gain_only_relative_and_independent(self):
        loud = self.pool.ImportMedia([self.wav("loud.wav", 0.5)])[0]
        soft = self.pool.ImportMedia([self.wav("soft.wav", 0.125)])[0]
        tl = self.pool.CreateTimelineFromClips("N", [loud, soft])
        items = tl.GetItemListInTrack("audio", 1)
        self.assertIn("Sample Peak Program", tl.GetNormalizeAudioModes())
        before = os.path.getsize(self.path("loud.wav"))
        self.assertTrue(tl.NormalizeAudioLevel(items, {"targetLevel": -6.0}))
        gains = [i.GetProperties()["AudioVolume"] for i in items]
        self.assertAlmostEqual(gains[0], gains[1], places=2)  # relative: differences kept
        self.assertTrue(tl.NormalizeAudioLevel(items, {
            "targetLevel": -6.0,
            "setLevelMode": self.resolve.NORMALIZE_AUDIO_SET_LEVEL_INDEPENDENT}))
        gains = [i.GetProperties()["AudioVolume"] for i in items]
        self.assertAlmostEqual(gains[1] - gains[0], 12.04, delta=0.1)
        self.assertEqual(os.path.getsize(self.path("loud.wav")), before)  # file untouched
        self.assertFalse(tl.NormalizeAudioLevel(items, {"normalizationMode": "Loudest"}))
        self.assertFalse(tl.NormalizeAudioLevel(items, {"bogus": 1}))


class AudioMappingTest(V211Case):
    def test_setters_read_only_track_mapping_and_check_channel_counts(self):
        clip = self.pool.ImportMedia([self.wav("st.wav")])[0]
        got = json.loads(clip.GetAudioMapping())
        got["track_mapping"] = {"1": {"channel_idx": [2], "mute": False, "type": "mono"},
                                "2": {"channel_idx": [1], "mute": True, "type": "mono"}}
        got["embedded_audio_channels"] = 99  # ignored: only track_mapping is read
        self.assertTrue(clip.SetAudioMapping(json.dumps(got)))
        back = json.loads(clip.GetAudioMapping())
        self.assertEqual(back["embedded_audio_channels"], 2)
        self.assertEqual(len(back["track_mapping"]), 2)
        bad = {"track_mapping": {"1": {"channel_idx": [1], "type": "stereo"}}}
        self.assertFalse(clip.SetAudioMapping(json.dumps(bad)))  # stereo needs two
        tl = self.pool.CreateTimelineFromClips("M", [clip])
        item = tl.GetItemListInTrack("audio", 1)[0]
        two = {"track_mapping": {"1": {"channel_idx": [1], "type": "mono"},
                                 "2": {"channel_idx": [2], "type": "mono"}}}
        self.assertFalse(item.SetSourceAudioChannelMapping(json.dumps(two)))  # exactly one
        one = {"track_mapping": {"1": {"channel_idx": [2, 2], "type": "stereo"}}}
        self.assertTrue(item.SetSourceAudioChannelMapping(json.dumps(one)))
        self.assertEqual(json.loads(item.GetSourceAudioChannelMapping())["track_mapping"]["1"][
            "channel_idx"], [2, 2])


class CloneTest(V211Case):
    def test_own_status_complete_before_any_job_copies_and_verifies(self):
        ms = self.resolve.GetMediaStorage()
        self.assertEqual(ms.GetCloneStatus()["JobStatus"], "Complete")  # no job yet
        src = self.path("CARD")
        os.makedirs(os.path.join(src, "sub"))
        with open(os.path.join(src, "sub", "a.mov"), "wb") as fh:
            fh.write(os.urandom(100000))
        os.makedirs(self.path("dst"))
        self.assertFalse(ms.StartCloneMedia(src, [self.path("missing")]))  # measured: False
        self.assertTrue(ms.SetCloneToolSettings({
            "ChecksumType": self.resolve.CLONE_CHECKSUM_TYPE_CRC32, "PreserveFolderName": True}))
        self.assertFalse(ms.SetCloneToolSettings({"ChecksumType": 12345.0}))
        self.assertTrue(ms.StartCloneMedia(src, self.path("dst")))
        self.assertEqual(ms.GetCloneStatus()["JobStatus"], "Cloning")
        self.assertFalse(ms.StartCloneMedia(src, self.path("dst")))  # one job at a time
        deadline = time.monotonic() + 5
        while ms.GetCloneStatus()["JobStatus"] == "Cloning" and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(ms.GetCloneStatus(), {"JobStatus": "Complete",
                                               "CompletionPercentage": 100.0})
        with open(os.path.join(src, "sub", "a.mov"), "rb") as a, \
                open(self.path("dst", "CARD", "sub", "a.mov"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        self.assertFalse(ms.StopCloneMedia())  # nothing running

    def test_stop_cancels(self):
        os.environ["RESOLVE_SIM_CLONE_SECONDS"] = "30"
        ms = self.resolve.GetMediaStorage()
        os.makedirs(self.path("C"))
        with open(self.path("C", "x.bin"), "wb") as fh:
            fh.write(os.urandom(200000))
        os.makedirs(self.path("D"))
        self.assertTrue(ms.StartCloneMedia(self.path("C"), [self.path("D")]))
        self.assertTrue(ms.StopCloneMedia())
        self.assertEqual(ms.GetCloneStatus()["JobStatus"], "Cancelled")

    def test_xxh64_reference_values(self):
        import sim_v211_media as m
        self.assertEqual(m._xxh64(b""), "ef46db3751d8e999")
        self.assertEqual(m._xxh64(b"a"), "d24ec4f1a98c6e5b")
        # python-xxhash's documented example (39 bytes: the 4-lane path)
        self.assertEqual(m._xxh64(b"Nobody inspects the spammish repetition"),
                         "fbcea83c8a378bf1")


class PresetTest(V211Case):
    def test_keyboard_presets(self):
        r = self.resolve
        self.assertEqual(r.GetCurrentKeyboardPreset(), "DaVinci Resolve")
        self.assertIn("Pro Tools", r.GetKeyboardPresetList())
        self.assertFalse(r.DeleteKeyboardPreset("Pro Tools"))  # built in
        path = self.path("kb.txt")
        self.assertTrue(r.ExportKeyboardPreset("Pro Tools", path))
        self.assertFalse(r.ImportKeyboardPreset(path))  # its name (from the file) is taken
        self.assertTrue(r.ImportKeyboardPreset(path, "Mine"))
        self.assertTrue(r.LoadKeyboardPreset("Mine"))
        self.assertTrue(r.DeleteKeyboardPreset("Mine"))
        self.assertEqual(r.GetCurrentKeyboardPreset(), "DaVinci Resolve")

    def test_project_settings_presets(self):
        p = self.project
        self.assertTrue(p.SaveCurrentProjectSettingsAsNewPreset("Mine"))
        self.assertFalse(p.SaveCurrentProjectSettingsAsNewPreset("Mine"))
        self.assertTrue(p.SetSetting("timelineResolutionWidth", "1280"))
        self.assertTrue(p.UpdateProjectSettingsPreset("Mine"))
        self.assertFalse(p.UpdateProjectSettingsPreset("HD 1080p 24"))  # built in
        info = [x for x in p.GetProjectSettingsPresetList() if x["Name"] == "Mine"][0]
        self.assertEqual((info["Width"], info["Height"]), (1280, 1080))
        self.assertTrue(p.SetProjectSettingsPreset("UHD 2160p 23.976"))
        self.assertEqual(p.GetSetting("timelineResolutionWidth"), "3840")
        self.assertTrue(p.SetProjectSettingsPreset("Mine"))
        self.assertEqual(p.GetSetting("timelineResolutionWidth"), "1280")

    def test_render_presets_and_audio_queries(self):
        p = self.project
        self.assertFalse(p.UpdateRenderPreset("H.264 Master"))
        self.assertTrue(p.SaveAsNewRenderPreset("R"))
        self.assertTrue(p.UpdateRenderPreset("R"))
        self.assertTrue(p.SetQuickExportEnabledForRenderPreset("R", True))
        self.assertIn("R", p.GetQuickExportRenderPresets())
        self.assertTrue(p.SetQuickExportEnabledForRenderPreset("H.264", False))
        self.assertNotIn("H.264", p.GetQuickExportRenderPresets())
        self.assertEqual(p.GetAudioRenderFormats()["Wave"], "wav")
        self.assertEqual(p.GetAudioRenderCodecs("wav"), {"Linear PCM": "lpcm"})
        self.assertEqual(p.GetAudioRenderCodecs("Wave"), {})  # the label is not accepted


class SpeechTest(V211Case):
    def test_generate_speech_takes_the_21_1_one_argument_form(self):
        self.pool.CreateEmptyTimeline("S")
        clip = self.project.GenerateSpeech({"TextInput": "hello there", "AddToTimeline": True})
        self.assertIsNotNone(clip)
        tl = self.project.GetCurrentTimeline()
        self.assertEqual(len(tl.GetItemListInTrack("audio", 1)), 1)  # at the playhead


class DctlTest(V211Case):
    def test_layout_matters_and_empty_expiry_fails(self):
        r = self.resolve
        self.assertIsNone(r.ValidateDCTL(KERNEL))
        self.assertEqual(r.ValidateDCTL(KERNEL.replace("\n", " ")),
                         "DCTL Error: main DCTL function does not have return value.")
        self.assertEqual(r.ValidateDCTL("int x;"), "DCTL Error: cannot find main DCTL function.\n")
        src = self.path("k.dctl")
        with open(src, "w") as fh:
            fh.write(KERNEL)
        out = self.path("out")
        os.makedirs(out)
        self.assertFalse(r.EncryptDCTL(src, {"OutputFolder": out, "Expiry": ""}))
        self.assertTrue(r.EncryptDCTL(src, {"OutputFolder": out, "Name": "k.dctle"}))
        self.assertEqual(os.listdir(out), ["k.dctle.dctle"])  # measured: always appended
        self.assertTrue(r.EncryptDCTL(src, {"OutputFolder": out, "Expiry": "2031-01-01"}))


if __name__ == "__main__":
    unittest.main()
