"""Graph (nodes, LUTs, CDL, DRX), colour groups, Gallery albums and stills, LUT export."""

import json
import os
import shutil
import tempfile

from tests.python import simkit


class GraphTest(simkit.SimTestCase):
    def setUp(self):
        super(GraphTest, self).setUp()
        self.paths, self.clips, self.tl = self.timeline_with_clips()
        self.item = self.tl.GetItemListInTrack("video", 1)[0]
        self.graph = self.item.GetNodeGraph()

    def test_fresh_graph(self):
        g = self.graph
        self.assertEqual(g.GetNumNodes(), 1)
        self.assertEqual(g.GetNodeLabel(1), "")
        self.assertEqual(g.GetToolsInNode(1), [])
        self.assertEqual(g.GetLUT(1), "")
        self.assertEqual(g.GetNodeLabel(2), "")
        self.assertIsNone(g.GetNodeCacheMode(0))
        self.assertEqual(self.item.GetNodeGraph(1), g)
        self.assertIsNone(self.item.GetNodeGraph(2))  # nodeStackLayers is 1
        self.project.SetSetting("nodeStackLayers", "2")
        self.assertNotEqual(self.item.GetNodeGraph(2), g)

    def test_sample_luts(self):
        g = self.graph
        self.assertTrue(g.SetLUT(1, "Sample/Identity.cube"))
        self.assertEqual(g.GetLUT(1), os.path.join("Sample", "Identity.cube"))
        self.assertIn("LUT", g.GetToolsInNode(1))
        self.assertFalse(g.SetLUT(1, "Sample/Nope.cube"))
        self.assertFalse(g.SetLUT(2, "Sample/Identity.cube"))
        self.assertFalse(g.SetLUT(1, self.path("missing.cube")))

    def test_cache_enable_reset(self):
        r = self.resolve
        g = self.graph
        self.assertTrue(g.SetNodeCacheMode(1, r.CACHE_ENABLED))
        self.assertEqual(g.GetNodeCacheMode(1), 1)
        self.assertFalse(g.SetNodeCacheMode(1, 5))
        self.assertTrue(g.SetNodeEnabled(1, False))
        self.assertFalse(g.SetNodeEnabled(3, False))
        self.assertTrue(g.ResetAllGrades())
        self.assertEqual(g.GetNodeCacheMode(1), 0)
        self.assertFalse(g.ApplyArriCdlLut())  # not ARRI media

    def test_cdl_drx_and_copy_grades(self):
        it = self.item
        cdl = {"NodeIndex": "1", "Slope": "0.5 0.4 0.2", "Offset": "0.4 0.3 0.2",
               "Power": "0.6 0.7 0.8", "Saturation": "0.65"}
        self.assertTrue(it.SetCDL(cdl))
        self.assertIn("CDL", self.graph.GetToolsInNode(1))
        self.assertFalse(it.SetCDL(dict(cdl, NodeIndex="2")))
        self.assertFalse(it.SetCDL(dict(cdl, Slope="0.5 0.4")))
        self.assertFalse(it.SetCDL(dict(cdl, Extra="1")))
        self.assertFalse(it.SetCDL({"NodeIndex": "1"}))
        album = self.project.GetGallery().GetCurrentStillAlbum()
        still = self.tl.GrabStill()
        self.assertTrue(self.resolve.OpenPage("color"))  # the Gallery panel is there
        self.assertTrue(album.ExportStills([still], self.tmp, "grade_", "drx"))
        drx = [f for f in os.listdir(self.tmp) if f.endswith(".drx")][0]
        other = self.tl.GetItemListInTrack("video", 1)[1]
        graph = other.GetNodeGraph()
        self.assertTrue(graph.ApplyGradeFromDRX(os.path.join(self.tmp, drx), 0))
        self.assertIn("CDL", graph.GetToolsInNode(1))
        self.assertFalse(graph.ApplyGradeFromDRX(os.path.join(self.tmp, drx), 7))
        self.assertFalse(graph.ApplyGradeFromDRX(self.path("none.drx"), 0))
        graph.ResetAllGrades()
        self.assertTrue(it.CopyGrades([other]))
        self.assertIn("CDL", other.GetNodeGraph().GetToolsInNode(1))
        self.assertFalse(it.CopyGrades([]))
        self.assertFalse(it.CopyGrades(["x"]))

    def test_export_lut(self):
        r = self.resolve
        it = self.item
        self.assertTrue(it.ExportLUT(r.EXPORT_LUT_17PTCUBE, self.path("grade")))
        with open(self.path("grade.cube")) as fh:
            lines = fh.read().splitlines()
        self.assertIn("LUT_3D_SIZE 17", lines)
        self.assertEqual(len(lines), 2 + 17 ** 3)
        self.assertTrue(it.ExportLUT(r.EXPORT_LUT_PANASONICVLUT, self.path("grade.cube")))
        self.assertTrue(os.path.isfile(self.path("grade.cube.vlt")))
        self.assertFalse(it.ExportLUT(99.0, self.path("x")))
        self.assertFalse(it.ExportLUT(r.EXPORT_LUT_33PTCUBE, self.path("no", "dir", "x")))

    def test_color_group_graphs(self):
        group = self.project.AddColorGroup("Exterior")
        self.assertEqual(group.GetName(), "Exterior")
        self.assertEqual(group.GetPreClipNodeGraph().GetNumNodes(), 1)
        self.assertNotEqual(group.GetPreClipNodeGraph(), group.GetPostClipNodeGraph())
        self.assertTrue(group.SetName("Ext"))
        self.project.AddColorGroup("Int")
        self.assertFalse(group.SetName("Int"))
        for item in self.tl.GetItemListInTrack("video", 1):
            self.assertTrue(item.AssignToColorGroup(group))
        self.assertEqual(len(group.GetClipsInTimeline(self.tl)), 2)
        self.assertTrue(self.item.RemoveFromColorGroup())
        self.assertFalse(self.item.RemoveFromColorGroup())
        self.assertEqual(len(group.GetClipsInTimeline()), 1)


class CustomLutDirTest(simkit.SimTestCase):
    def setUp(self):
        self.lut_dir = tempfile.mkdtemp(prefix="simlut_")
        with open(os.path.join(self.lut_dir, "Show.cube"), "w") as fh:
            fh.write("LUT_3D_SIZE 2\n" + "0 0 0\n" * 8)
        self.env = {"RESOLVE_SIM_LUT_DIR": self.lut_dir}
        super(CustomLutDirTest, self).setUp()
        self.addCleanup(shutil.rmtree, self.lut_dir, True)

    def test_luts_known_after_refresh(self):
        _, _, tl = self.timeline_with_clips()
        graph = tl.GetItemListInTrack("video", 1)[0].GetNodeGraph()
        self.assertTrue(graph.SetLUT(1, os.path.join(self.lut_dir, "Show.cube")))
        self.assertEqual(graph.GetLUT(1), "Show.cube")
        late = os.path.join(self.lut_dir, "Late.cube")
        with open(late, "w") as fh:
            fh.write("LUT_3D_SIZE 2\n" + "0 0 0\n" * 8)
        self.assertFalse(graph.SetLUT(1, late))  # not discovered yet
        self.assertTrue(self.project.RefreshLUTList())
        self.assertTrue(graph.SetLUT(1, "Late.cube"))
        txt = os.path.join(self.lut_dir, "notes.txt")
        with open(txt, "w") as fh:
            fh.write("x")
        self.assertFalse(graph.SetLUT(1, txt))


class GalleryTest(simkit.SimTestCase):
    def test_albums_and_stills(self):
        _, _, tl = self.timeline_with_clips()
        gallery = self.project.GetGallery()
        albums = gallery.GetGalleryStillAlbums()
        self.assertEqual(len(albums), 1)
        self.assertEqual(gallery.GetAlbumName(albums[0]), "Stills 1")
        self.assertEqual(gallery.GetCurrentStillAlbum(), albums[0])
        pg = gallery.GetGalleryPowerGradeAlbums()
        self.assertEqual(gallery.GetAlbumName(pg[0]), "PowerGrade 1")
        new = gallery.CreateGalleryStillAlbum()
        self.assertEqual(gallery.GetAlbumName(new), "Stills 2")
        self.assertEqual(gallery.GetAlbumName(gallery.CreateGalleryPowerGradeAlbum()),
                         "PowerGrade 2")
        self.assertTrue(gallery.SetAlbumName(new, "Looks"))
        self.assertEqual(gallery.GetAlbumName(new), "Looks")
        self.assertFalse(gallery.SetAlbumName(new, ""))
        self.assertTrue(gallery.SetCurrentStillAlbum(new))
        self.assertFalse(gallery.SetCurrentStillAlbum("Looks"))
        still = tl.GrabStill()
        self.assertEqual(new.GetStills(), [still])
        self.assertEqual(new.GetLabel(still), "")
        self.assertTrue(new.SetLabel(still, "Hero look"))
        self.assertEqual(new.GetLabel(still), "Hero look")
        self.assertEqual(albums[0].GetLabel(still), "")  # still of another album
        out = self.path("stills")
        os.makedirs(out)
        self.assertTrue(self.resolve.OpenPage("color"))  # the Gallery panel is there
        self.assertTrue(new.ExportStills([still], out, "look_", "png"))
        exported = os.listdir(out)
        self.assertEqual(len(exported), 1)
        self.assertTrue(exported[0].startswith("look_") and exported[0].endswith(".png"))
        self.assertFalse(new.ExportStills([still], out, "x", "gif"))
        self.assertFalse(new.ExportStills([still], self.path("none"), "x", "png"))
        self.assertTrue(new.ImportStills([os.path.join(out, exported[0])]))
        self.assertFalse(new.ImportStills([self.path("missing.png")]))
        self.assertEqual(len(new.GetStills()), 2)
        self.assertTrue(new.DeleteStills([still]))
        self.assertEqual(len(new.GetStills()), 1)
        self.assertFalse(new.DeleteStills([still]))
        with open(os.path.join(out, exported[0]), "rb") as fh:
            self.assertEqual(fh.read(4), b"\x89PNG")

    def test_drx_export_is_readable_grade(self):
        _, _, tl = self.timeline_with_clips()
        album = self.project.GetGallery().GetCurrentStillAlbum()
        still = tl.GrabStill()
        self.assertTrue(self.resolve.OpenPage("color"))  # the Gallery panel is there
        self.assertTrue(album.ExportStills([still], self.tmp, "", "drx"))
        drx = [f for f in os.listdir(self.tmp) if f.endswith(".drx")][0]
        with open(os.path.join(self.tmp, drx)) as fh:
            self.assertEqual(len(json.load(fh)["nodes"]), 1)
