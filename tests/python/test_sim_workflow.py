"""End-to-end scripts written against the documentation, run unchanged."""

import os
import time

from tests.python import simkit


class WorkflowTest(simkit.SimTestCase):
    env = {"RESOLVE_SIM_RENDER_SECONDS": "0.2"}

    def test_ingest_edit_grade_render_and_conform(self):
        paths = self.make_media()
        resolve = simkit.dvr.scriptapp("Resolve")
        pm = resolve.GetProjectManager()
        project = pm.CreateProject("Documentary")
        project.SetSetting("timelineFrameRate", "25")
        storage = resolve.GetMediaStorage()
        pool = project.GetMediaPool()
        dailies = pool.AddSubFolder(pool.GetRootFolder(), "Dailies")
        pool.SetCurrentFolder(dailies)
        clips = storage.AddItemListToMediaPool(storage.GetFileList(paths["dir"]))
        self.assertEqual(len(clips), 4)
        by_name = {c.GetName(): c for c in dailies.GetClipList()}
        self.assertEqual(by_name["voice.wav"].GetClipProperty("FPS"), 25.0)
        # 21.0.4+: an audio clip's "Frames" is '' (NOTES.md); its Duration is 75 frames at 25
        self.assertEqual(by_name["voice.wav"].GetClipProperty("Duration"), "00:00:03:00")

        timeline = pool.CreateEmptyTimeline("Assembly")
        self.assertEqual(timeline.GetStartFrame(), 90000)
        start = timeline.GetStartFrame()
        # the 24 fps shots play in real time on the 25 fps timeline: 48 frames fill 50
        items = pool.AppendToTimeline([
            {"mediaPoolItem": by_name["shot.mp4"], "startFrame": 0, "endFrame": 48,
             "recordFrame": start},
            {"mediaPoolItem": by_name["broll.mov"], "startFrame": 0, "endFrame": 48,
             "recordFrame": start + 50},
            {"mediaPoolItem": by_name["voice.wav"], "startFrame": 0, "endFrame": 75,
             "recordFrame": start + 100, "trackIndex": 1, "mediaType": 2},
        ])
        self.assertEqual(len(items), 3)
        self.assertEqual(timeline.GetEndFrame(), start + 175)
        timeline.AddMarker(48, "Blue", "B-roll", "cutaway", 1, "broll")
        items[0].AddMarker(10, "Red", "Flash frame", "", 1)

        resolve.OpenPage("color")
        for item in timeline.GetItemListInTrack("video", 1):
            graph = item.GetNodeGraph()
            self.assertTrue(graph.SetLUT(1, "VFX IO/Linear to Rec709.cube"))
            self.assertTrue(item.SetCDL({"NodeIndex": "1", "Slope": "1.1 1.0 0.9",
                                         "Offset": "0 0 0", "Power": "1 1 1",
                                         "Saturation": "1.2"}))
        self.assertTrue(timeline.SetCurrentTimecode("01:00:02:10"))
        self.assertEqual(timeline.GetCurrentVideoItem().GetName(), "broll.mov")

        resolve.OpenPage("deliver")
        out = self.path("deliveries")
        self.assertTrue(project.LoadRenderPreset("YouTube - 1080p"))
        self.assertTrue(project.SetRenderSettings({"SelectAllFrames": True, "TargetDir": out}))
        job = project.AddRenderJob()
        self.assertTrue(project.StartRendering([job], isInteractiveMode=False))
        deadline = time.monotonic() + 5
        while project.IsRenderingInProgress() and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(project.GetRenderJobStatus(job)["JobStatus"], "Complete")
        self.assertTrue(os.path.isfile(os.path.join(out, "Assembly.mp4")))
        project.DeleteAllRenderJobs()

        edl = self.path("assembly.edl")
        self.assertTrue(timeline.Export(edl, resolve.EXPORT_EDL, resolve.EXPORT_CDL))
        with open(edl) as fh:
            self.assertIn("ASC_SOP", fh.read())
        self.assertTrue(pm.SaveProject())

        pm.CreateProject("Conform")
        conform = pm.GetCurrentProject()
        cpool = conform.GetMediaPool()
        conform.SetSetting("timelineFrameRate", "25")
        imported = cpool.ImportTimelineFromFile(edl, {"timelineName": "Conformed",
                                                      "importSourceClips": True})
        self.assertEqual(imported.GetName(), "Conformed")
        self.assertEqual(imported.GetStartFrame(), 90000)
        self.assertEqual([i.GetName() for i in imported.GetItemListInTrack("video", 1)],
                         ["shot.mp4", "broll.mov"])
        self.assertEqual(imported.GetMarkers()[48]["name"], "B-roll")
        self.assertEqual(len(imported.GetItemListInTrack("audio", 1)), 2)
        self.assertEqual(conform.GetCurrentTimeline(), imported)

        doc = pm.LoadProject("Documentary")
        self.assertEqual(doc.GetTimelineByIndex(1).GetItemListInTrack("video", 1)[0]
                         .GetMarkers()[10]["name"], "Flash frame")
