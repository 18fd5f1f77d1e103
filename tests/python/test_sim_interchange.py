"""Tests for bridge/simulator/sim_interchange.py."""

import csv
import json
import os
import shutil
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "bridge", "simulator"))

import sim_interchange as si  # noqa: E402


def make_item(name, start, end, source_start, path="", clip=None):
    return {"name": name, "start": start, "end": end,
            "source_start": source_start,
            "source_end": source_start + end - start, "file_path": path,
            "clip_name": clip or os.path.basename(path) or name}


def sample_desc(fps=24.0, drop=False, start=86400):
    return {
        "name": "Main Cut", "fps": fps, "drop_frame": drop,
        "start_frame": start,
        "tracks": {
            "video": [
                {"name": "Video 1", "items": [
                    make_item("A001", start, start + 96, 10,
                              "/media/shots/a 001.mov"),
                    make_item("Solid", start + 120, start + 200, 0),
                    make_item("A003", start + 200, start + 260, 500,
                              "/media/shots/c.mxf")]},
                {"name": "Video 2", "items": [
                    make_item("Title", start + 50, start + 70, 5,
                              "/media/gfx/t.png")]}],
            "audio": [
                {"name": "Audio 1", "items": [
                    make_item("snd", start, start + 260, 0,
                              "/media/audio/s.wav")]}],
            "subtitle": []},
        "markers": [
            {"frame": 0, "color": "Blue", "name": "Head", "note": "first",
             "duration": 1, "customData": ""},
            {"frame": 130, "color": "Red", "name": "In gap", "note": "",
             "duration": 5, "customData": "id-7"},
            {"frame": 255, "color": "Lavender", "name": "Tail",
             "note": "last", "duration": 2, "customData": ""}]}


def item_tuples(desc, kind):
    return [[(item["start"], item["end"], item["source_start"],
              item["source_end"], item["file_path"], item["clip_name"])
             for item in track["items"]] for track in desc["tracks"][kind]]


class InterchangeTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sim_interchange_")
        self.addCleanup(shutil.rmtree, self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def read(self, name):
        with open(self.path(name), encoding="utf-8", newline="") as handle:
            return handle.read()

    def round_trip(self, desc, kind, name, subtype=None, fps=None):
        self.assertTrue(si.export_timeline(desc, self.path(name), kind,
                                           subtype))
        back = si.import_timeline(self.path(name), fps=fps)
        self.assertIsNotNone(back, kind)
        return back

    def assertSameTiming(self, original, back, with_audio=True):
        self.assertEqual(back["name"], original["name"])
        self.assertEqual(back["start_frame"], original["start_frame"])
        self.assertEqual(back["fps"], original["fps"])
        self.assertEqual(back["drop_frame"], original["drop_frame"])
        self.assertEqual(item_tuples(back, "video"),
                         item_tuples(original, "video"))
        if with_audio:
            self.assertEqual(item_tuples(back, "audio"),
                             item_tuples(original, "audio"))

    def assertMarkers(self, original, back, keys):
        self.assertEqual(
            [tuple(marker[key] for key in keys)
             for marker in back["markers"]],
            [tuple(marker[key] for key in keys)
             for marker in original["markers"]])


class LosslessFormatsTest(InterchangeTestCase):
    def test_drt_and_aaf_are_lossless(self):
        desc = sample_desc(29.97, True, 107892)
        desc["tracks"]["subtitle"] = [{"name": "Subtitle 1", "items": [
            make_item("Hello", 107892, 107922, 0)]}]
        desc["tracks"]["video"][0]["items"][0]["cdl"] = {
            "slope": [1.1, 1.0, 0.9], "offset": [0.0, 0.01, 0.0],
            "power": [1.0, 1.0, 1.0], "saturation": 0.8}
        for kind, name, subtype in (("drt", "t.drt", None),
                                    ("aaf", "new.aaf", "new"),
                                    ("aaf", "old.aaf", "existing")):
            back = self.round_trip(desc, kind, name, subtype)
            self.assertEqual(back, desc, kind)
        self.assertTrue(self.read("new.aaf").startswith(
            si.AAF_PLACEHOLDER_HEADER))
        self.assertEqual(json.loads(self.read("t.drt"))["format"],
                         si.DRT_FORMAT)

    def test_otio_round_trip(self):
        desc = sample_desc(23.976)
        desc["tracks"]["subtitle"] = [{"name": "Subs EN", "items": [
            make_item("Hello", 86400 + 10, 86400 + 40, 0)]}]
        back = self.round_trip(desc, "otio", "t.otio")
        self.assertSameTiming(desc, back)
        self.assertEqual(item_tuples(back, "subtitle"),
                         item_tuples(desc, "subtitle"))
        self.assertEqual([t["name"] for t in back["tracks"]["video"]],
                         ["Video 1", "Video 2"])
        self.assertEqual(back["tracks"]["subtitle"][0]["name"], "Subs EN")
        self.assertEqual(back["markers"], desc["markers"])

    def test_otio_structure(self):
        self.assertTrue(si.export_timeline(sample_desc(23.976),
                                           self.path("t.otio"), "otio"))
        document = json.loads(self.read("t.otio"))
        self.assertEqual(document["OTIO_SCHEMA"], "Timeline.1")
        self.assertEqual(document["global_start_time"]["value"], 86400.0)
        self.assertAlmostEqual(document["global_start_time"]["rate"],
                               24000 / 1001.0)
        stack = document["tracks"]
        self.assertEqual(stack["OTIO_SCHEMA"], "Stack.1")
        self.assertEqual([t["kind"] for t in stack["children"]],
                         ["Video", "Video", "Audio"])
        schemas = [child["OTIO_SCHEMA"]
                   for child in stack["children"][0]["children"]]
        self.assertEqual(schemas, ["Clip.1", "Gap.1", "Clip.1", "Clip.1"])
        clips = stack["children"][0]["children"]
        self.assertEqual(clips[0]["media_reference"]["OTIO_SCHEMA"],
                         "ExternalReference.1")
        self.assertEqual(clips[0]["media_reference"]["target_url"],
                         "file:///media/shots/a%20001.mov")
        self.assertEqual(clips[2]["media_reference"]["OTIO_SCHEMA"],
                         "MissingReference.1")
        self.assertEqual(clips[0]["source_range"]["OTIO_SCHEMA"],
                         "TimeRange.1")
        self.assertEqual(stack["markers"][0]["OTIO_SCHEMA"], "Marker.2")
        self.assertEqual(stack["markers"][1]["color"], "RED")


class EdlTest(InterchangeTestCase):
    def test_round_trip_ndf(self):
        desc = sample_desc(25.0, start=90000)
        back = self.round_trip(desc, "edl", "t.edl", "none", fps=25)
        self.assertSameTiming(desc, back)
        self.assertMarkers(desc, back, ("frame", "color", "name"))
        self.assertEqual(back["tracks"]["video"][0]["items"][0]["name"],
                         "a 001.mov")
        text = self.read("t.edl")
        self.assertTrue(text.startswith("TITLE: Main Cut\r\n"
                                        "FCM: NON-DROP FRAME\r\n"))
        self.assertIn("001  AX       V     C        00:00:00:10 00:00:04:06 "
                      "01:00:00:00 01:00:03:21", text)
        self.assertIn("* FROM CLIP NAME: a 001.mov", text)
        self.assertIn("* SOURCE FILE: /media/shots/a 001.mov", text)
        self.assertIn("* LOC: 01:00:05:05 RED     In gap", text)
        self.assertIn("* TRACK: V2", text)
        self.assertNotIn("ASC_SOP", text)

    def test_round_trip_drop_frame(self):
        desc = sample_desc(29.97, True, 107892)
        desc["tracks"]["video"][0]["items"][0].update(
            source_start=1790, source_end=1886)
        back = self.round_trip(desc, "edl", "df.edl", "none")
        self.assertSameTiming(desc, back)
        text = self.read("df.edl")
        self.assertIn("FCM: DROP FRAME", text)
        self.assertIn("00:00:59;20 00:01:02;28 01:00:00;00 01:00:03;06",
                      text)

    def test_default_rate_without_fps(self):
        desc = sample_desc(24.0)
        back = self.round_trip(desc, "edl", "t.edl", "none")
        self.assertSameTiming(desc, back)

    def test_cdl_subtype(self):
        desc = sample_desc()
        desc["tracks"]["video"][0]["items"][0]["cdl"] = {
            "NodeIndex": "1", "Slope": "0.5 0.4 0.2",
            "Offset": "0.4 0.3 0.2", "Power": "0.6 0.7 0.8",
            "Saturation": "0.65"}
        back = self.round_trip(desc, "edl", "cdl.edl", "cdl")
        text = self.read("cdl.edl")
        self.assertIn("*ASC_SOP (0.5 0.4 0.2)(0.4 0.3 0.2)(0.6 0.7 0.8)",
                      text)
        self.assertIn("*ASC_SAT 0.65", text)
        self.assertEqual(back["tracks"]["video"][0]["items"][0]["cdl"], {
            "slope": [0.5, 0.4, 0.2], "offset": [0.4, 0.3, 0.2],
            "power": [0.6, 0.7, 0.8], "saturation": 0.65})
        self.assertNotIn("cdl", back["tracks"]["video"][0]["items"][1])

    def test_sdl_and_missing_clips(self):
        desc = sample_desc()
        desc["tracks"]["video"][0]["items"][0]["source_end"] = 10 + 192
        self.assertTrue(si.export_timeline(desc, self.path("s.edl"), "edl",
                                           "sdl"))
        self.assertIn("M2   AX       048.0", self.read("s.edl"))
        present = self.path("present.mov")
        open(present, "w").close()
        desc["tracks"]["video"][0]["items"][0]["file_path"] = present
        back = self.round_trip(desc, "edl", "m.edl", "missing_clips")
        names = [item["clip_name"] for track in back["tracks"]["video"]
                 for item in track["items"]]
        self.assertEqual(names, ["Solid", "c.mxf", "t.png"])


class XmlFormatsTest(InterchangeTestCase):
    def test_fcp7_round_trip(self):
        for fps, drop, start in ((23.976, False, 86400), (25.0, False, 90000),
                                 (29.97, True, 107892)):
            desc = sample_desc(fps, drop, start)
            back = self.round_trip(desc, "fcp7xml", "t.xml")
            self.assertSameTiming(desc, back)
            self.assertMarkers(desc, back, ("frame", "color", "name", "note",
                                            "duration"))
            self.assertEqual([i["name"] for i in
                              back["tracks"]["video"][0]["items"]],
                             ["A001", "Solid", "A003"])
        root = ET.parse(self.path("t.xml")).getroot()
        self.assertEqual(root.tag, "xmeml")
        self.assertEqual(root.get("version"), "5")
        clip = root.find("sequence/media/video/track/clipitem")
        self.assertEqual([clip.findtext(tag) for tag in
                          ("start", "end", "in", "out")],
                         ["0", "96", "10", "106"])
        self.assertEqual(clip.findtext("file/pathurl"),
                         "file:///media/shots/a%20001.mov")
        self.assertEqual(root.findtext("sequence/rate/ntsc"), "TRUE")

    def test_fcpxml_versions_round_trip(self):
        for kind, name, version in (("fcpxml_1_8", "t.fcpxml", "1.8"),
                                    ("fcpxml_1_9", "t9.fcpxml", "1.9"),
                                    ("fcpxml_1_10", "t.fcpxmld", "1.10")):
            desc = sample_desc(23.976)
            back = self.round_trip(desc, kind, name)
            self.assertSameTiming(desc, back)
            self.assertMarkers(desc, back, ("frame", "name", "duration"))
            document = self.path(name)
            if kind == "fcpxml_1_10":
                self.assertTrue(os.path.isdir(document))
                document = os.path.join(document, "Info.fcpxml")
            root = ET.parse(document).getroot()
            self.assertEqual(root.get("version"), version)
            self.assertEqual(root.find("resources/format").get(
                "frameDuration"), "1001/24000s")
            sequence = root.find("library/event/project/sequence")
            self.assertEqual(sequence.get("tcStart"), "86486400/24000s")
            spine = [child.tag for child in sequence.find("spine")]
            self.assertEqual(spine, ["asset-clip", "gap", "asset-clip",
                                     "asset-clip"])
            first = sequence.find("spine/asset-clip")
            self.assertEqual(first.get("start"), "10010/24000s")
            self.assertEqual(first.get("duration"), "96096/24000s")
            lanes = sorted(clip.get("lane") for clip in first
                           if clip.get("lane"))
            self.assertEqual(lanes, ["-1", "1"])

    def test_fcpxml_integer_rate_and_drop_frame(self):
        desc = sample_desc(25.0, start=90000)
        back = self.round_trip(desc, "fcpxml_1_9", "t.fcpxml")
        self.assertSameTiming(desc, back)
        self.assertIn('frameDuration="1/25s"', self.read("t.fcpxml"))
        desc = sample_desc(59.94, True, 215784)
        back = self.round_trip(desc, "fcpxml_1_9", "df.fcpxml")
        self.assertSameTiming(desc, back)
        self.assertIn('tcFormat="DF"', self.read("df.fcpxml"))

    def test_metadata_xml(self):
        for kind in ("hdr10a", "hdr10b", "dolby_2_9", "dolby_4_0",
                     "dolby_5_1"):
            self.assertTrue(si.export_timeline(sample_desc(),
                                               self.path(kind + ".xml"),
                                               kind))
            text = self.read(kind + ".xml")
            root = ET.fromstring(text.split("\n", 2)[2])
            self.assertIn("Main Cut", text)
            for name in ("A001", "Solid", "A003", "Title"):
                self.assertIn(name, text)
            self.assertIn(root.tag, ("HDR10Metadata", "DolbyLabsMDF"))


class TableFormatsTest(InterchangeTestCase):
    def test_csv_and_tab(self):
        for kind, delimiter in (("csv", ","), ("tab", "\t")):
            self.assertTrue(si.export_timeline(sample_desc(),
                                               self.path(kind), kind))
            with open(self.path(kind), encoding="utf-8") as handle:
                rows = list(csv.reader(handle, delimiter=delimiter))
            self.assertEqual(tuple(rows[0]), si._TABLE_HEADER)
            self.assertEqual(len(rows), 1 + 5)
            self.assertEqual(rows[1][:9], [
                "1", "V1", "A001", "a 001.mov", "/media/shots/a 001.mov",
                "00:00:00:10", "00:00:04:10", "01:00:00:00", "01:00:04:00"])
            self.assertIsNone(si.import_timeline(self.path(kind)))

    def test_ale(self):
        desc = sample_desc()
        desc["tracks"]["video"][0]["items"][0]["cdl"] = {
            "slope": [1, 1, 1], "offset": [0, 0, 0], "power": [1, 1, 1],
            "saturation": 0.5}
        for kind in ("ale", "ale_cdl"):
            self.assertTrue(si.export_timeline(desc, self.path(kind), kind))
            lines = self.read(kind).splitlines()
            self.assertEqual(lines[0], "Heading")
            self.assertIn("FPS\t24", lines)
            columns = lines[lines.index("Column") + 1].split("\t")
            data = lines[lines.index("Data") + 1:]
            self.assertEqual(len(data), 5)
            self.assertEqual(data[0].split("\t")[:3],
                             ["A001", "V", "00:00:00:10"])
            self.assertEqual("ASC_SOP" in columns, kind == "ale_cdl")
        self.assertIn("(1 1 1)(0 0 0)(1 1 1)\t0.5", self.read("ale_cdl"))


class FailureTest(InterchangeTestCase):
    def test_export_failures(self):
        desc = sample_desc()
        target = self.path("x")
        self.assertFalse(si.export_timeline(desc, target, "mp4"))
        self.assertFalse(si.export_timeline(desc, target, "edl"))
        self.assertFalse(si.export_timeline(desc, target, "edl", "new"))
        self.assertFalse(si.export_timeline(desc, target, "aaf"))
        self.assertFalse(si.export_timeline(desc, target, "aaf", "cdl"))
        self.assertFalse(si.export_timeline(
            desc, self.path("no/such/dir/t.xml"), "fcp7xml"))
        self.assertFalse(si.export_timeline(desc, "", "otio"))
        self.assertFalse(si.export_timeline(desc, None, "otio"))
        bad = sample_desc()
        bad["fps"] = 17
        self.assertFalse(si.export_timeline(bad, target, "otio"))
        bad = sample_desc()
        del bad["tracks"]["video"][0]["items"][0]["start"]
        self.assertFalse(si.export_timeline(bad, target, "drt"))
        self.assertFalse(si.export_timeline(None, target, "drt"))
        self.assertFalse(os.path.exists(target))
        with open(self.path("file"), "w") as handle:
            handle.write("x")
        self.assertFalse(si.export_timeline(desc, self.path("file"),
                                            "fcpxml_1_10"))

    def test_subtype_ignored_elsewhere(self):
        self.assertTrue(si.export_timeline(sample_desc(), self.path("o"),
                                           "otio", "cdl"))

    def test_import_failures(self):
        self.assertIsNone(si.import_timeline(self.path("missing.edl")))
        self.assertIsNone(si.import_timeline(self.dir))
        self.assertIsNone(si.import_timeline(None))
        cases = {"garbage.txt": "hello world\n",
                 "bad.xml": "<xmeml><sequence>",
                 "other.xml": "<root/>",
                 "bad.json": "{not json",
                 "other.json": '{"format": "something else"}',
                 "bad.edl": "TITLE: x\n001  AX  V  C  99:99:99:99 "
                            "00:00:01:00 01:00:00:00 01:00:01:00\n"}
        for name, text in cases.items():
            with open(self.path(name), "w") as handle:
                handle.write(text)
            self.assertIsNone(si.import_timeline(self.path(name)), name)
        with open(self.path("bin.aaf"), "wb") as handle:
            handle.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
        self.assertIsNone(si.import_timeline(self.path("bin.aaf")))

    def test_empty_timeline(self):
        desc = {"name": "Empty", "fps": 24, "drop_frame": False,
                "start_frame": 86400, "tracks": {}, "markers": []}
        for kind, name, subtype in (("edl", "e.edl", "none"),
                                    ("fcp7xml", "e.xml", None),
                                    ("fcpxml_1_9", "e.fcpxml", None),
                                    ("otio", "e.otio", None)):
            back = self.round_trip(desc, kind, name, subtype)
            self.assertEqual(back["name"], "Empty")
            self.assertEqual(back["start_frame"], 86400)
            self.assertEqual(back["markers"], [])


if __name__ == "__main__":
    unittest.main()
