"""MediaStorage, MediaPool and Folder: browsing, imports, bins, timelines from clips."""

import json
import os

from tests.python import simkit


class MediaStorageTest(simkit.SimTestCase):
    def test_browse_real_file_system(self):
        paths = self.make_media()
        ms = self.resolve.GetMediaStorage()
        self.assertEqual(ms.GetMountedVolumeList()[0], "/")
        self.assertEqual(ms.GetSubFolderList(paths["dir"]), [os.path.join(paths["dir"], "seq")])
        files = ms.GetFileList(paths["dir"])
        self.assertEqual(sorted(os.path.basename(f) for f in files),
                         ["broll.mov", "logo.png", "shot.mp4", "voice.wav"])
        self.assertEqual(ms.GetFileList(os.path.join(paths["dir"], "seq")),
                         [os.path.join(paths["dir"], "seq", "frame_[0001-0005].png")])
        self.assertEqual(ms.GetFileList(self.path("missing")), [])
        self.assertTrue(ms.RevealInStorage(paths["dir"]))
        self.assertFalse(ms.RevealInStorage(self.path("missing")))

    def test_add_item_list_forms(self):
        paths = self.make_media()
        ms = self.resolve.GetMediaStorage()
        self.assertEqual(len(ms.AddItemListToMediaPool(paths["video"], paths["audio"])), 2)
        self.assertEqual(len(ms.AddItemListToMediaPool([paths["still"]])), 1)
        made = ms.AddItemListToMediaPool([{"media": paths["video"], "startFrame": 10,
                                           "endFrame": 20}])
        self.assertEqual(made[0].GetMarkInOut()["video"], {"in": 10, "out": 20})
        self.assertEqual(ms.AddItemListToMediaPool([self.path("missing.mov")]), [])
        self.assertEqual(len(self.pool.GetRootFolder().GetClipList()), 4)
        folder = ms.AddItemListToMediaPool(paths["dir"])
        self.assertEqual(len(folder), 5)  # four files + one image sequence, text file skipped

    def test_mattes(self):
        paths, clips = self.import_media()
        ms = self.resolve.GetMediaStorage()
        self.assertTrue(ms.AddClipMattesToMediaPool(clips["video"], [paths["still"]]))
        self.assertEqual(self.pool.GetClipMatteList(clips["video"]), [paths["still"]])
        self.assertFalse(ms.AddClipMattesToMediaPool(clips["video"], [paths["still"]], "left"))
        self.assertFalse(ms.AddClipMattesToMediaPool(clips["video"], [self.path("x.png")]))
        self.assertTrue(self.pool.DeleteClipMattes(clips["video"], [paths["still"]]))
        self.assertFalse(self.pool.DeleteClipMattes(clips["video"], [paths["still"]]))
        mattes = ms.AddTimelineMattesToMediaPool([paths["still"]])
        self.assertEqual(mattes[0].GetClipProperty("Type"), "Matte")
        self.assertEqual(self.pool.GetTimelineMatteList(self.pool.GetRootFolder()), mattes)


class MediaPoolImportTest(simkit.SimTestCase):
    def test_clip_properties_from_probe(self):
        paths, clips = self.import_media()
        v = clips["video"].GetClipProperty()
        self.assertEqual(v["Type"], "Video + Audio")
        self.assertEqual(v["Resolution"], "1920x1080")
        self.assertEqual(v["FPS"], 24.0)
        self.assertEqual(v["Frames"], "120")
        self.assertEqual(v["Duration"], "00:00:05:00")
        self.assertEqual(v["File Path"], paths["video"])
        self.assertEqual(v["File Name"], "shot.mp4")
        self.assertEqual(v["Audio Ch"], "2")
        self.assertEqual(v["Format"], "MP4")
        self.assertEqual(clips["silent"].GetClipProperty("Type"), "Video")
        self.assertEqual(clips["silent"].GetClipProperty("Video Codec"), "Apple ProRes 422 HQ")
        a = clips["audio"]
        self.assertEqual(a.GetClipProperty("Type"), "Audio")
        self.assertEqual(a.GetClipProperty("Sample Rate"), "48000")
        # 21.0.4+: audio-only clips read "Frames" '' (NOTES.md); Duration carries the length
        self.assertEqual([a.GetClipProperty(k) for k in ("Frames", "Duration")],
                         ["", "00:00:03:00"])
        self.assertEqual(clips["still"].GetClipProperty("Type"), "Still")
        self.assertEqual(clips["still"].GetClipProperty("Frames"), "120")  # 5 s at 24 fps
        self.assertEqual(a.GetClipProperty("Nope"), "")

    def test_import_forms_and_failures(self):
        paths = self.make_media()
        self.assertEqual(self.pool.ImportMedia([self.path("missing.mov")]), [])
        self.assertEqual(self.pool.ImportMedia(paths["video"]), [])  # list forms only
        self.assertEqual(self.pool.ImportMedia(None), [])
        seq = self.pool.ImportMedia([{"FilePath": paths["seq"], "StartIndex": 1, "EndIndex": 5}])
        self.assertEqual(seq[0].GetName(), "frame_[0001-0005].png")
        self.assertEqual(seq[0].GetClipProperty("Frames"), "5")
        self.assertEqual(seq[0].GetClipProperty("Type"), "Video")
        part = self.pool.ImportMedia([{"FilePath": paths["seq"], "StartIndex": 2,
                                       "EndIndex": 3}])
        self.assertEqual(part[0].GetClipProperty("Frames"), "2")
        self.assertEqual(self.pool.ImportMedia([{"FilePath": paths["seq"], "StartIndex": 50,
                                                 "EndIndex": 60}]), [])
        whole = self.pool.ImportMedia([paths["dir"]])
        self.assertEqual(len(whole), 5)

    def test_bins(self):
        _, clips = self.import_media()
        root = self.pool.GetRootFolder()
        self.assertEqual(root.GetName(), "Master")
        day1 = self.pool.AddSubFolder(root, "Day 1")
        self.assertIsNone(self.pool.AddSubFolder(root, "Day 1"))
        self.assertIsNone(self.pool.AddSubFolder("root", "x"))
        sub = self.pool.AddSubFolder(day1, "Sub")
        self.assertEqual(root.GetSubFolderList(), [day1])
        self.assertTrue(self.pool.MoveClips([clips["video"], clips["audio"]], day1))
        self.assertEqual(day1.GetClipList(), [clips["video"], clips["audio"]])
        self.assertEqual(len(root.GetClipList()), 2)
        self.assertTrue(self.pool.SetCurrentFolder(sub))
        self.assertEqual(self.pool.GetCurrentFolder(), sub)
        new = self.pool.ImportMedia([clips["still"].GetClipProperty("File Path")])
        self.assertEqual(sub.GetClipList(), new)
        self.assertFalse(self.pool.MoveFolders([day1], sub))  # into its own child
        other = self.pool.AddSubFolder(root, "Other")
        self.assertTrue(self.pool.MoveFolders([sub], other))
        self.assertEqual(other.GetSubFolderList(), [sub])
        self.assertFalse(self.pool.DeleteFolders([root]))
        self.assertTrue(self.pool.DeleteFolders([other]))
        self.assertIsNone(sub.GetName())  # dead handle
        self.assertEqual(self.pool.GetCurrentFolder(), root)
        self.assertTrue(day1.GetUniqueId())
        self.assertFalse(day1.GetIsFolderStale())
        self.assertTrue(self.pool.RefreshFolders())

    def test_delete_clips_and_selection(self):
        _, clips = self.import_media()
        self.assertTrue(self.pool.SetSelectedClip(clips["audio"]))
        self.assertEqual(self.pool.GetSelectedClips(), [clips["audio"]])
        self.assertTrue(self.pool.DeleteClips([clips["audio"]]))
        self.assertEqual(self.pool.GetSelectedClips(), [])
        self.assertIsNone(clips["audio"].GetName())  # dead handle
        self.assertFalse(self.pool.DeleteClips([clips["audio"]]))
        self.assertFalse(self.pool.SetSelectedClip(None))

    def test_relink_unlink(self):
        paths, clips = self.import_media()
        self.assertTrue(self.pool.UnlinkClips([clips["video"]]))
        self.assertEqual(clips["video"].GetClipProperty("Online Status"), "Offline")
        moved = self.path("moved")
        os.makedirs(moved)
        os.rename(paths["video"], os.path.join(moved, "shot.mp4"))
        self.assertTrue(self.pool.RelinkClips([clips["video"]], moved))
        self.assertEqual(clips["video"].GetClipProperty("File Path"),
                         os.path.join(moved, "shot.mp4"))
        self.assertEqual(clips["video"].GetClipProperty("Online Status"), "Online")
        self.assertFalse(self.pool.RelinkClips([clips["audio"]], moved))
        self.assertFalse(self.pool.RelinkClips([clips["audio"]], self.path("none")))

    def test_export_metadata_and_bins_files(self):
        _, clips = self.import_media()
        clips["video"].SetMetadata("Scene", "12")
        csv_path = self.path("meta.csv")
        self.assertTrue(self.pool.ExportMetadata(csv_path))
        with open(csv_path) as fh:
            text = fh.read()
        self.assertIn("shot.mp4", text)
        self.assertIn("Scene", text)
        drb = self.path("bin.drb")
        self.assertTrue(self.pool.GetRootFolder().Export(drb))
        with open(drb) as fh:
            self.assertEqual(json.load(fh)["kind"], "drb")
        self.assertTrue(self.pool.ImportFolderFromFile(drb))
        imported = self.pool.GetRootFolder().GetSubFolderList()[-1]
        self.assertEqual(len(imported.GetClipList()), 4)
        self.assertFalse(self.pool.ImportFolderFromFile(self.path("none.drb")))

    def test_stereo_and_audio_sync(self):
        r = self.resolve
        _, clips = self.import_media()
        self.assertFalse(self.pool.AutoSyncAudio([clips["video"]], {}))
        self.assertFalse(self.pool.AutoSyncAudio([clips["silent"], clips["audio"]],
                                                 {r.AUDIO_SYNC_MODE: "waveform"}))
        self.assertTrue(self.pool.AutoSyncAudio(
            [clips["silent"], clips["audio"]],
            {r.AUDIO_SYNC_MODE: r.AUDIO_SYNC_WAVEFORM, r.AUDIO_SYNC_CHANNEL_NUMBER: 1,
             r.AUDIO_SYNC_RETAIN_EMBEDDED_AUDIO: False}))
        self.assertEqual(clips["silent"].GetClipProperty("Synced Audio"), "voice.wav")
        mapping = json.loads(clips["silent"].GetAudioMapping())
        self.assertEqual(mapping["linked_audio"]["1"]["channels"], 2)
        stereo = self.pool.CreateStereoClip(clips["video"], clips["silent"])
        self.assertIsNotNone(stereo)
        self.assertIsNone(clips["video"].GetName())  # dead handle
        self.assertIsNone(self.pool.CreateStereoClip(stereo, stereo))


class FolderAiTest(simkit.SimTestCase):
    def test_folder_analysis(self):
        r = self.resolve
        _, clips = self.import_media()
        root = self.pool.GetRootFolder()
        self.assertTrue(root.TranscribeAudio())
        self.assertTrue(root.ClearTranscription())
        self.assertTrue(root.PerformAudioClassification())
        self.assertTrue(root.ClearAudioClassification())
        self.assertTrue(root.AnalyzeForIntellisearch(True, False))
        self.assertTrue(root.AnalyzeForSlate(r.MARKER_RED))
        self.assertEqual(clips["video"].GetMarkers()[0]["color"], "Red")
        self.assertFalse(root.AnalyzeForSlate("Red"))
        pairs = root.RemoveMotionBlur({"FileName": "deblurred", "Format": "mov"})
        self.assertEqual(len(pairs), 2)
        self.assertEqual(pairs[0][0], clips["video"])
        self.assertEqual(pairs[0][1].GetName(), "deblurred.mov")
        self.assertEqual(root.RemoveMotionBlur({"Bogus": 1}), [])
