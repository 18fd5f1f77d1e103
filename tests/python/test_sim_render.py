"""Deliver page: formats/codecs, presets, settings validation, render queue, quick export."""

import os
import time

from tests.python import simkit


def wait_done(project, timeout=5.0):
    end = time.monotonic() + timeout
    while project.IsRenderingInProgress() and time.monotonic() < end:
        time.sleep(0.02)


class RenderSetupTest(simkit.SimTestCase):
    def test_formats_and_codecs(self):
        p = self.project
        formats = p.GetRenderFormats()
        self.assertEqual(formats["QuickTime"], "mov")
        self.assertEqual(formats["MP4"], "mp4")
        self.assertEqual(formats["MXF OP1A"], "mxf_op1a")
        self.assertEqual(formats["Wave"], "wav")
        mov = p.GetRenderCodecs("mov")
        self.assertEqual(mov["Apple ProRes 422 HQ"], "ProRes422HQ")
        self.assertEqual(mov["H.264"], "H264")
        self.assertEqual(mov["H.265"], "H265")
        self.assertEqual(mov["Avid DNxHR HQ 12-bit"], "DNxHRHQ")  # 21.x description
        self.assertEqual(p.GetRenderCodecs("mp4"), {"H.264": "H264", "H.265": "H265",
                                                    "AV1": "AV1"})
        self.assertEqual(p.GetRenderCodecs("QuickTime"), {})
        self.assertTrue(p.SetCurrentRenderFormatAndCodec("mov", "ProRes422HQ"))
        self.assertEqual(p.GetCurrentRenderFormatAndCodec(),
                         {"format": "mov", "codec": "ProRes422HQ"})
        self.assertFalse(p.SetCurrentRenderFormatAndCodec("mp4", "ProRes422HQ"))
        self.assertFalse(p.SetCurrentRenderFormatAndCodec("mov", "Apple ProRes 422 HQ"))
        self.assertEqual(p.GetRenderResolutions("wav", "LinearPCM"), [])
        self.assertIn({"Width": 1920, "Height": 1080}, p.GetRenderResolutions("mp4", "H264"))
        self.assertEqual(p.GetRenderResolutions("mp4", "nope"), [])
        self.assertTrue(p.GetRenderResolutions())

    def test_render_modes(self):
        p = self.project
        self.assertEqual(p.GetCurrentRenderMode(), 1)
        self.assertTrue(p.SetCurrentRenderMode(0))
        self.assertEqual(p.GetCurrentRenderMode(), 0)
        self.assertFalse(p.SetCurrentRenderMode(2))

    def test_presets(self):
        p = self.project
        presets = p.GetRenderPresetList()
        for name in ("H.264 Master", "YouTube - 1080p", "ProRes 422 HQ"):
            self.assertIn(name, presets)
        self.assertTrue(p.LoadRenderPreset("YouTube - 1080p"))
        self.assertEqual(p.GetCurrentRenderFormatAndCodec(), {"format": "mp4", "codec": "H264"})
        self.assertFalse(p.LoadRenderPreset("Nope"))
        self.assertTrue(p.SaveAsNewRenderPreset("Mine"))
        self.assertFalse(p.SaveAsNewRenderPreset("Mine"))
        self.assertFalse(p.SaveAsNewRenderPreset("H.264 Master"))
        self.assertIn("Mine", p.GetRenderPresetList())
        self.assertFalse(p.DeleteRenderPreset("H.264 Master"))
        self.assertTrue(p.DeleteRenderPreset("Mine"))
        self.assertFalse(p.DeleteRenderPreset("Mine"))

    def test_settings_validation(self):
        p = self.project
        self.assertTrue(p.SetRenderSettings({"SelectAllFrames": 1, "TargetDir": self.tmp,
                                             "CustomName": "out", "FrameRate": 23.976,
                                             "VideoQuality": "High", "ExportAlpha": False}))
        self.assertFalse(p.SetRenderSettings({"CustomName": "new", "Bogus": 1}))
        self.assertFalse(p.SetRenderSettings({"CustomName": "new", "FormatWidth": "1920"}))
        self.assertFalse(p.SetRenderSettings({"PixelAspectRatio": "wide"}))
        self.assertFalse(p.SetRenderSettings({"VideoQuality": "Ultra"}))
        self.assertFalse(p.SetRenderSettings({}))
        self.assertFalse(p.SetRenderSettings("TargetDir"))
        self.assertTrue(p.SetRenderSettings({"UseFullExtents": True, "AddFrameHandles": 5,
                                             "SubtitleFormat": "SeparateFile"}))
        self.assertEqual(p.AddRenderJob(), "")  # no current timeline
        self.pool.CreateEmptyTimeline("T")
        job = p.AddRenderJob()
        self.assertTrue(job)
        info = p.GetRenderJobList()[0]
        self.assertEqual(info["OutputFilename"], "out.mov")  # CustomName kept, 'new' not applied


class OldRenderKeysTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_VERSION": "19.0.1"}

    def test_keys_newer_than_version_are_refused(self):
        self.assertFalse(self.project.SetRenderSettings({"ClipStartFrame": 0}))
        self.assertTrue(self.project.SetRenderSettings({"MarkIn": 0}))


class RenderQueueTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_RENDER_SECONDS": "0.5"}

    def setUp(self):
        super(RenderQueueTest, self).setUp()
        self.paths, self.clips, self.tl = self.timeline_with_clips("Reel 1")
        self.out = self.path("renders")
        self.project.LoadRenderPreset("H.264 Master")

    def add_job(self, name):
        self.assertTrue(self.project.SetRenderSettings({"TargetDir": self.out,
                                                        "CustomName": name}))
        job = self.project.AddRenderJob()
        self.assertTrue(job)
        return job

    def test_job_needs_target_dir(self):
        self.assertEqual(self.project.AddRenderJob(), "")

    def test_job_dict(self):
        job = self.add_job("a")
        info = self.project.GetRenderJobList()[0]
        for key in ("JobId", "RenderJobName", "TimelineName", "TargetDir", "IsExportVideo",
                    "IsExportAudio", "FormatWidth", "FormatHeight", "FrameRate",
                    "PixelAspectRatio", "MarkIn", "MarkOut", "AudioBitDepth",
                    "AudioSampleRate", "ExportAlpha", "AlphaMode", "OutputFilename",
                    "RenderMode", "PresetName", "VideoFormat", "VideoCodec", "AudioCodec",
                    "EncodingProfile", "MultiPassEncode", "NetworkOptimization",
                    "UploadStatus", "ClipStartFrame", "TimelineStartTimecode",
                    "ReplaceExistingFilesInPlace"):
            self.assertIn(key, info)
        self.assertEqual(info["JobId"], job)
        self.assertEqual(info["TimelineName"], "Reel 1")
        self.assertEqual((info["MarkIn"], info["MarkOut"]), (86400, 86567))
        self.assertEqual(info["FrameRate"], "24")
        self.assertEqual(info["PresetName"], "H.264 Master")
        self.assertEqual(self.project.GetRenderJobStatus(job),
                         {"JobStatus": "Ready", "CompletionPercentage": 0})
        self.assertEqual(self.project.GetRenderJobStatus("nope"), {})

    def test_render_progresses_in_wall_clock_time(self):
        p = self.project
        a = self.add_job("a")
        b = self.add_job("b")
        self.assertTrue(p.StartRendering())
        self.assertFalse(p.StartRendering())  # already rendering
        self.assertTrue(p.IsRenderingInProgress())
        status = p.GetRenderJobStatus(a)
        self.assertEqual(status["JobStatus"], "Rendering")
        self.assertIn("EstimatedTimeRemainingInMs", status)
        self.assertFalse(p.DeleteRenderJob(a))
        time.sleep(0.2)
        self.assertGreater(p.GetRenderJobStatus(a)["CompletionPercentage"], 20)
        wait_done(p)
        self.assertFalse(p.IsRenderingInProgress())
        for job, name in ((a, "a.mp4"), (b, "b.mp4")):
            status = p.GetRenderJobStatus(job)
            self.assertEqual(status["JobStatus"], "Complete")
            self.assertEqual(status["CompletionPercentage"], 100)
            self.assertGreaterEqual(status["TimeTakenToRenderInMs"], 450)
            with open(os.path.join(self.out, name)) as fh:
                self.assertIn("SIMULATED", fh.read())
        self.assertFalse(p.StartRendering())  # nothing left to render
        self.assertTrue(p.StartRendering([a], False))
        wait_done(p)
        self.assertTrue(p.DeleteRenderJob(a))
        self.assertTrue(p.DeleteAllRenderJobs())
        self.assertEqual(p.GetRenderJobList(), [])

    def test_output_file_exists_without_polling(self):
        self.add_job("unpolled")
        self.assertTrue(self.project.StartRendering(isInteractiveMode=True))
        time.sleep(0.9)
        self.assertTrue(os.path.isfile(os.path.join(self.out, "unpolled.mp4")))

    def test_start_forms_and_stop(self):
        p = self.project
        a = self.add_job("a")
        b = self.add_job("b")
        self.assertFalse(p.StartRendering(["missing-id"]))
        self.assertFalse(p.StartRendering(123))
        self.assertTrue(p.StartRendering(a, b))
        self.assertIsNone(p.StopRendering())
        self.assertFalse(p.IsRenderingInProgress())
        self.assertEqual(p.GetRenderJobStatus(a)["JobStatus"], "Cancelled")
        self.assertEqual(p.GetRenderJobStatus(b)["JobStatus"], "Cancelled")
        self.assertFalse(os.path.exists(os.path.join(self.out, "a.mp4")))
        self.assertTrue(p.StartRendering([b]))
        wait_done(p)
        self.assertEqual(p.GetRenderJobStatus(b)["JobStatus"], "Complete")
        self.assertEqual(p.GetRenderJobStatus(a)["JobStatus"], "Cancelled")

    def test_failed_job_when_timeline_deleted(self):
        p = self.project
        job = self.add_job("gone")
        self.pool.DeleteTimelines([self.tl])
        self.assertTrue(p.StartRendering([job]))
        status = p.GetRenderJobStatus(job)
        self.assertEqual(status["JobStatus"], "Failed")
        self.assertTrue(status["Error"])

    def test_quick_export(self):
        p = self.project
        presets = p.GetQuickExportRenderPresets()
        self.assertIn("H.264", presets)
        result = p.RenderWithQuickExport("H.264", {"TargetDir": self.out, "CustomName": "qe"})
        self.assertEqual(result["JobStatus"], "Render Complete")
        self.assertEqual(result["CompletionPercentage"], 100)
        self.assertTrue(os.path.isfile(os.path.join(self.out, "qe.mp4")))
        self.assertIsInstance(p.RenderWithQuickExport("Nope", {}), str)
        self.assertIsInstance(p.RenderWithQuickExport("H.264", {"Bogus": 1}), str)
        self.assertIsInstance(p.RenderWithQuickExport("ProRes", {"EnableUpload": True}), str)
        upload = p.RenderWithQuickExport("YouTube", {"TargetDir": self.out, "EnableUpload": True})
        self.assertEqual(upload["JobStatus"], "Upload Completed")


class RenderFailureTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_RENDER_SECONDS": "0.3", "RESOLVE_SIM_RENDER_FAIL": "bad"}

    def tearDown(self):
        os.environ.pop("RESOLVE_SIM_RENDER_FAIL", None)  # not one of simkit's ENV_KEYS
        super(RenderFailureTest, self).tearDown()

    def test_named_job_fails_halfway_and_the_next_one_renders(self):
        p = self.project
        self.pool.CreateEmptyTimeline("T")
        out = self.path("renders")
        jobs = []
        for name in ("bad", "good"):
            self.assertTrue(p.SetRenderSettings({"TargetDir": out, "CustomName": name}))
            jobs.append(p.AddRenderJob())
        self.assertTrue(p.StartRendering())
        wait_done(p)
        bad, good = (p.GetRenderJobStatus(j) for j in jobs)
        self.assertEqual(bad["JobStatus"], "Failed")
        self.assertIn("RESOLVE_SIM_RENDER_FAIL", bad["Error"])
        self.assertEqual(good["JobStatus"], "Complete")
        self.assertFalse(os.path.exists(os.path.join(out, "bad.mov")))
        self.assertTrue(os.path.isfile(os.path.join(out, "good.mov")))

    def test_failure_without_polling(self):
        p = self.project
        self.pool.CreateEmptyTimeline("T")
        self.assertTrue(p.SetRenderSettings({"TargetDir": self.tmp, "CustomName": "bad"}))
        job = p.AddRenderJob()
        self.assertTrue(p.StartRendering([job]))
        time.sleep(0.6)  # the timer, not a poll, ends the job
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "bad.mov")))
        self.assertEqual(p.GetRenderJobStatus(job)["JobStatus"], "Failed")
