"""Tests for bridge/simulator/sim_probe.py and sim_testmedia.py."""

import os
import shutil
import struct
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "bridge", "simulator"))

import sim_probe  # noqa: E402
import sim_testmedia  # noqa: E402


class ProbeTestCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="sim_probe_")
        self.addCleanup(shutil.rmtree, self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        with open(self.path(name), "wb") as handle:
            handle.write(data)
        return self.path(name)

    def assertProbe(self, path, **expected):
        info = sim_probe.probe(path)
        self.assertEqual(set(info), set(sim_probe.PROBE_KEYS))
        for key, value in expected.items():
            if isinstance(value, float):
                self.assertAlmostEqual(info[key], value, places=6, msg=key)
            else:
                self.assertEqual(info[key], value, key)
        return info


class AudioProbeTest(ProbeTestCase):
    def test_wav_pcm(self):
        path = sim_testmedia.write_wav(self.path("a.wav"), 1.5)
        self.assertProbe(path, kind="audio", sample_rate=48000, channels=2,
                         bit_depth=16, frames=72000, duration_seconds=1.5,
                         codec="pcm_s16le", format="wav", fps=None,
                         width=None)

    def test_wav_extensible(self):
        path = sim_testmedia.write_wav(self.path("b.wav"), 2, 96000, 6, 24,
                                       extensible=True)
        self.assertProbe(path, kind="audio", sample_rate=96000, channels=6,
                         bit_depth=24, frames=192000, duration_seconds=2.0,
                         codec="pcm_s24le")

    def test_wav_8bit_mono(self):
        path = sim_testmedia.write_wav(self.path("c.wav"), 1, 44100, 1, 8)
        self.assertProbe(path, sample_rate=44100, channels=1, bit_depth=8,
                         codec="pcm_u8", frames=44100)

    def test_aiff(self):
        path = sim_testmedia.write_aiff(self.path("d.aiff"), 2, 44100, 2, 24)
        self.assertProbe(path, kind="audio", sample_rate=44100, channels=2,
                         bit_depth=24, frames=88200, duration_seconds=2.0,
                         codec="pcm_s24be", format="aiff")

    def test_m4a(self):
        path = sim_testmedia.write_m4a(self.path("e.m4a"), 3)
        self.assertProbe(path, kind="audio", sample_rate=48000, channels=2,
                         bit_depth=16, duration_seconds=3.0, frames=144000,
                         codec="mp4a", format="m4a", width=None)


class StillProbeTest(ProbeTestCase):
    def test_png(self):
        path = sim_testmedia.write_png(self.path("a.png"), 1920, 1080,
                                       (10, 20, 30))
        self.assertProbe(path, kind="still", width=1920, height=1080,
                         bit_depth=8, frames=1, codec="png", format="png",
                         fps=None, duration_seconds=None)

    def test_jpeg(self):
        path = sim_testmedia.write_jpeg(self.path("a.jpg"), 1280, 719)
        self.assertProbe(path, kind="still", width=1280, height=719,
                         bit_depth=8, codec="jpeg", format="jpeg")

    def test_gif(self):
        path = self.write("a.gif", b"GIF89a" + struct.pack("<HH", 320, 200)
                          + b"\x00" * 10)
        self.assertProbe(path, kind="still", width=320, height=200,
                         format="gif")

    def test_bmp(self):
        header = (b"BM" + struct.pack("<IHHI", 0, 0, 0, 54)
                  + struct.pack("<IiiHH", 40, 64, -48, 1, 24) + b"\x00" * 24)
        path = self.write("a.bmp", header)
        self.assertProbe(path, kind="still", width=64, height=48,
                         bit_depth=24, format="bmp")

    def test_tiff_both_byte_orders(self):
        for endian, magic in (("<", b"II*\x00"), (">", b"MM\x00*")):
            ifd = struct.pack(endian + "H", 3)
            ifd += struct.pack(endian + "HHII", 256, 4, 1, 4096)
            ifd += struct.pack(endian + "HHIHH", 257, 3, 1, 2160, 0)
            ifd += struct.pack(endian + "HHIHH", 258, 3, 1, 16, 0)
            data = magic + struct.pack(endian + "I", 8) + ifd + b"\x00" * 4
            path = self.write("a%s.tif" % ("le" if endian == "<" else "be"),
                              data)
            self.assertProbe(path, kind="still", width=4096, height=2160,
                             bit_depth=16, format="tiff")

    def test_dpx(self):
        data = bytearray(2048)
        data[0:4] = b"SDPX"
        data[772:780] = struct.pack(">II", 2048, 1556)
        data[803] = 10
        path = self.write("a.dpx", bytes(data))
        self.assertProbe(path, kind="still", width=2048, height=1556,
                         bit_depth=10, format="dpx")

    def test_exr(self):
        channels = b"R\x00" + struct.pack("<iBBBBii", 1, 0, 0, 0, 0, 1, 1)
        channels += b"\x00"
        data = (b"\x76\x2f\x31\x01" + struct.pack("<I", 2)
                + b"channels\x00chlist\x00" + struct.pack("<I", len(channels))
                + channels + b"dataWindow\x00box2i\x00"
                + struct.pack("<Iiiii", 16, 0, 0, 1919, 803) + b"\x00")
        path = self.write("a.exr", data)
        self.assertProbe(path, kind="still", width=1920, height=804,
                         bit_depth=16, format="exr")


class MovieProbeTest(ProbeTestCase):
    def test_mp4_23976(self):
        path = sim_testmedia.write_mp4(self.path("a.mp4"), 1920, 1080,
                                       23.976, 100)
        self.assertProbe(path, kind="video", width=1920, height=1080,
                         fps=23.976, frames=100,
                         duration_seconds=100 * 1001 / 24000.0,
                         codec="avc1", format="mp4", sample_rate=None,
                         channels=None)

    def test_mp4_with_audio(self):
        path = sim_testmedia.write_mp4(self.path("b.mp4"), 3840, 2160, 29.97,
                                       300, with_audio=True, codec="hvc1")
        self.assertProbe(path, kind="video", width=3840, height=2160,
                         fps=29.97, frames=300, duration_seconds=10.01,
                         codec="hvc1", sample_rate=48000, channels=2)

    def test_mov(self):
        path = sim_testmedia.write_mov(self.path("c.mov"), 1920, 1080, 25, 50,
                                       with_audio=True)
        self.assertProbe(path, kind="video", width=1920, height=1080,
                         fps=25.0, frames=50, duration_seconds=2.0,
                         codec="apch", format="mov", sample_rate=48000,
                         channels=2)

    def test_all_rates(self):
        for fps in (23.976, 24, 25, 29.97, 30, 47.952, 48, 50, 59.94, 60,
                    119.88, 120):
            path = sim_testmedia.write_mp4(self.path("r.mp4"), 640, 360, fps,
                                           48)
            self.assertProbe(path, fps=float(fps), frames=48)

    def test_non_standard_rate(self):
        path = sim_testmedia.write_mp4(self.path("d.mp4"), 640, 480, 12.5, 10)
        self.assertProbe(path, fps=12.5, frames=10, duration_seconds=0.8)


class BrokenInputTest(ProbeTestCase):
    def assertUnknown(self, path):
        info = sim_probe.probe(path)
        self.assertEqual(info["kind"], "unknown")
        self.assertTrue(all(info[key] is None for key in sim_probe.PROBE_KEYS
                            if key != "kind"), info)

    def test_missing_and_wrong_types(self):
        self.assertUnknown(self.path("missing.mov"))
        self.assertUnknown(self.dir)
        self.assertUnknown(None)
        self.assertUnknown(3)

    def test_garbage_and_truncated(self):
        self.assertUnknown(self.write("empty.wav", b""))
        self.assertUnknown(self.write("junk.mov", b"not media at all" * 10))
        self.assertUnknown(self.write("bad.png", b"\x89PNG\r\n\x1a\n\x00"))
        self.assertUnknown(self.write("bad.wav", b"RIFF\x00\x00\x00\x00WAVE"))
        self.assertUnknown(self.write("bad.jpg", b"\xff\xd8\xff\xc0\x00"))
        self.assertUnknown(self.write("bad.gif", b"GIF89a\x01"))
        self.assertUnknown(self.write("bad.exr", b"\x76\x2f\x31\x01\x02"))
        movie = sim_testmedia.write_mp4(self.path("t.mp4"), 64, 64, 24, 24)
        with open(movie, "rb") as handle:
            data = handle.read()
        self.assertUnknown(self.write("trunc.mp4", data[:300]))
        no_moov = data[:data.index(b"moov") - 4] + data[-20:]
        self.assertUnknown(self.write("nomoov.mp4", no_moov))


class MediaStorageHelpersTest(unittest.TestCase):
    def test_extensions(self):
        for ext in (".mov", ".mp4", ".mxf", ".wav", ".aif", ".png", ".dpx",
                    ".exr", ".jpg"):
            self.assertIn(ext, sim_probe.MEDIA_EXTENSIONS)
        self.assertTrue(sim_probe.is_media_file("/a/B.MOV"))
        self.assertTrue(sim_probe.is_media_file("clip.wav"))
        self.assertFalse(sim_probe.is_media_file("notes.txt"))
        self.assertFalse(sim_probe.is_media_file("/a/.hidden.mov"))
        self.assertFalse(sim_probe.is_media_file("noext"))
        self.assertFalse(sim_probe.is_media_file(None))
        self.assertEqual(sim_probe.media_kind("x.MXF"), "video")
        self.assertEqual(sim_probe.media_kind("x.flac"), "audio")
        self.assertEqual(sim_probe.media_kind("x.tiff"), "still")
        self.assertIsNone(sim_probe.media_kind("x.doc"))

    def test_consolidate(self):
        names = (["a.mov"] + ["shot_%04d.png" % i for i in range(1, 101)]
                 + ["notes.txt"])
        self.assertEqual(sim_probe.consolidate_sequences(names),
                         ["a.mov", "shot_[0001-0100].png", "notes.txt"])

    def test_consolidate_gaps_groups_and_singles(self):
        names = ["b_%03d.dpx" % i for i in (5, 3, 4, 9, 10)]
        names += ["lone_0001.exr", "clip_001.mov", "clip_002.mov",
                  "c_1.tif", "c_01.tif", "c_2.tif"]
        self.assertEqual(sim_probe.consolidate_sequences(names), [
            "b_[003-005].dpx", "b_[009-010].dpx", "lone_0001.exr",
            "clip_001.mov", "clip_002.mov", "c_[1-2].tif", "c_01.tif"])
        self.assertEqual(sim_probe.consolidate_sequences([]), [])

    def test_parse_sequence_entry(self):
        self.assertEqual(
            sim_probe.parse_sequence_entry("/x/shot_[0001-0100].png"),
            ("/x/shot_%04d.png", 1, 100))
        self.assertIsNone(sim_probe.parse_sequence_entry("shot_0001.png"))
        self.assertIsNone(sim_probe.parse_sequence_entry("s_[10-1].png"))
        self.assertIsNone(sim_probe.parse_sequence_entry(None))

    def test_expand_sequence(self):
        self.assertEqual(sim_probe.expand_sequence("/x/file_%03d.dpx", 8, 10),
                         ["/x/file_008.dpx", "/x/file_009.dpx",
                          "/x/file_010.dpx"])
        self.assertEqual(sim_probe.expand_sequence("f%d.png", 9, 10),
                         ["f9.png", "f10.png"])
        self.assertEqual(sim_probe.expand_sequence("100%%_%02d.png", 1, 1),
                         ["100%_01.png"])
        self.assertEqual(sim_probe.expand_sequence("f.png", 1, 2), [])
        self.assertEqual(sim_probe.expand_sequence("%d_%d.png", 1, 2), [])
        self.assertEqual(sim_probe.expand_sequence("f%d.png", 5, 4), [])
        self.assertEqual(sim_probe.expand_sequence(None, 1, 2), [])

    def test_round_trip_entry_expand_consolidate(self):
        names = sim_probe.expand_sequence("shot_%04d.png", 1, 24)
        entry = sim_probe.consolidate_sequences(names)
        self.assertEqual(entry, ["shot_[0001-0024].png"])
        pattern, start, end = sim_probe.parse_sequence_entry(entry[0])
        self.assertEqual(sim_probe.expand_sequence(pattern, start, end),
                         names)


if __name__ == "__main__":
    unittest.main()
