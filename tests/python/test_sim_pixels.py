"""Real pixels of the simulator (sim_pixels): frames, grades, transforms, stills, codecs; and
the bridge's scratch stills (scratch / take)."""

import base64
import os
import struct
import sys
import zlib

from tests.python import simkit

import sim_pixels as px  # noqa: E402  (simkit put bridge/simulator on the path)

sys.path.insert(0, os.path.dirname(simkit.SIM_DIR))
import resolve_bridge  # noqa: E402


def mean(image, x0=0.0, y0=0.0, x1=1.0, y1=1.0):
    width, height, rows = image
    total, n = [0, 0, 0], 0
    for y in range(int(y0 * height), max(int(y0 * height) + 1, int(y1 * height))):
        row = rows[y]
        for x in range(int(x0 * width), max(int(x0 * width) + 1, int(x1 * width))):
            for c in range(3):
                total[c] += row[3 * x + c]
            n += 1
    return [t / float(n) for t in total]


def png(width, height, ctype, depth, raw_rows, palette=None):
    """A PNG with the given rows (each with its filter byte)."""
    out = b"\x89PNG\r\n\x1a\n" + px._chunk(
        b"IHDR", struct.pack(">IIBBBBB", width, height, depth, ctype, 0, 0, 0))
    if palette:
        out += px._chunk(b"PLTE", palette)
    return out + px._chunk(b"IDAT", zlib.compress(b"".join(raw_rows))) + px._chunk(b"IEND", b"")


class CodecTest(simkit.SimTestCase):
    def test_png_round_trip_and_filters(self):
        image = px.synthetic(40, 24, "shot", "01:00:00:00")
        self.assertEqual(px.decode_png(px.encode_png(image)), (40, 24, list(image[2])))
        # Sub, Up, Average and Paeth rows decode to what they encode.
        rows = [bytes([1, 10, 20, 30, 5, 5, 5]), bytes([2, 1, 1, 1, 2, 2, 2]),
                bytes([3, 4, 4, 4, 0, 0, 0]), bytes([4, 1, 2, 3, 1, 1, 1])]
        _, _, out = px.decode_png(png(2, 4, 2, 8, rows))
        self.assertEqual(out[0], bytes([10, 20, 30, 15, 25, 35]))
        self.assertEqual(out[1], bytes([11, 21, 31, 17, 27, 37]))
        self.assertEqual(out[2], bytes([9, 14, 19, 13, 20, 28]))
        self.assertEqual(out[3], bytes([10, 16, 22, 14, 21, 29]))

    def test_png_grey_palette_alpha_16_bit(self):
        self.assertEqual(px.decode_png(png(2, 1, 0, 8, [b"\0\x10\x80"]))[2],
                         [bytes([16, 16, 16, 128, 128, 128])])
        self.assertEqual(px.decode_png(png(2, 1, 3, 8, [b"\0\x01\x00"], b"\1\2\3\4\5\6"))[2],
                         [bytes([4, 5, 6, 1, 2, 3])])
        self.assertEqual(px.decode_png(png(1, 1, 6, 8, [b"\0\x09\x08\x07\xff"]))[2],
                         [bytes([9, 8, 7])])
        self.assertEqual(px.decode_png(png(1, 1, 2, 16, [b"\0\x12\x34\x56\x78\x9a\xbc"]))[2],
                         [bytes([0x12, 0x56, 0x9a])])
        self.assertIsNone(px.decode_png(b"not a png"))

    def test_other_formats(self):
        image = (2, 1, [bytes([1, 2, 3, 4, 5, 6])])
        self.assertEqual(px.encode_ppm(image), b"P6\n2 1\n255\n\1\2\3\4\5\6")
        bmp = px.encode_bmp(image)
        self.assertEqual((bmp[:2], struct.unpack("<I", bmp[2:6])[0]), (b"BM", len(bmp)))
        self.assertEqual(bmp[54:60], bytes([3, 2, 1, 6, 5, 4]))  # BGR
        tif = px.encode_tiff(image)
        self.assertEqual((tif[:4], tif[8:14]), (b"II*\0", bytes([1, 2, 3, 4, 5, 6])))
        dpx = px.encode_dpx(image)
        self.assertEqual((dpx[:4], struct.unpack(">I", dpx[772:776])[0], dpx[803]),
                         (b"SDPX", 2, 8))

    def test_font_and_synthetic_frame(self):
        rows = [bytearray(3 * 12) for _ in range(7)]
        px.draw_text(rows, 0, 0, "1", 1, (255, 255, 255))
        self.assertEqual([r[6:9] for r in rows][:2], [b"\xff\xff\xff", b"\xff\xff\xff"])
        a = px.synthetic(96, 54, "clip", "00:00:01:00")
        self.assertEqual(a, px.synthetic(96, 54, "clip", "00:00:01:00"))  # deterministic
        self.assertNotEqual(a, px.synthetic(96, 54, "clip", "00:00:01:01"))
        self.assertEqual(mean(a, 0, 0, 1 / 7.0, 0.1), [191, 191, 191])
        self.assertEqual(mean(a, 0.9, 0, 1, 0.1), [0, 0, 191])


class GradeTest(simkit.SimTestCase):
    def test_cdl(self):
        cdl = {"Slope": (2.0, 1.0, 0.5), "Offset": (0.0, 0.1, 0.0), "Power": (1.0, 1.0, 2.0)}
        out = px.apply_cdl(cdl, [0.25, 0.5, 1.0])
        self.assertEqual([round(v, 6) for v in out], [0.5, 0.6, 0.25])
        self.assertEqual(px.apply_cdl({"Slope": (4, 1, 1)}, [0.5, 0, 0])[0], 1.0)  # clamped
        grey = px.apply_cdl({"Saturation": 0.0}, [1.0, 0.0, 0.0])
        self.assertTrue(all(abs(v - 0.2126) < 1e-9 for v in grey))

    def test_cube_lut_trilinear(self):
        path = self.path("ramp.cube")
        with open(path, "w") as fh:  # 3 points a channel: out = in squared, red fastest
            fh.write("TITLE \"sq\"\nLUT_3D_SIZE 3\n")
            for b in (0, 0.5, 1):
                for g in (0, 0.5, 1):
                    for r in (0, 0.5, 1):
                        fh.write("%g %g %g\n" % (r * r, g * g, b * b))
        lut = px.load_cube(path)
        self.assertEqual(px.apply_lut(lut, [0.5, 0.0, 1.0]), [0.25, 0.0, 1.0])
        out = px.apply_lut(lut, [0.75, 0.25, 0.5])  # halfway between points: interpolated
        self.assertEqual([round(v, 6) for v in out], [0.625, 0.125, 0.25])
        self.assertIsNone(px.load_cube(self.path("missing.cube")))


class FrameTest(simkit.SimTestCase):
    def setUp(self):
        super(FrameTest, self).setUp()
        self.paths, self.clips, self.tl = self.timeline_with_clips()
        self.item = self.tl.GetItemListInTrack("video", 1)[0]
        self.resolve.OpenPage("edit")
        self.tid = self.tl.GetUniqueId()

    def frame(self):
        return px.render_frame(self.tl._w, self.tid, self.tl._o["playhead"])

    def export(self, ext):
        path = self.path("frame." + ext)
        self.assertTrue(self.project.ExportCurrentFrameAsStill(path))
        with open(path, "rb") as fh:
            return fh.read()

    def test_export_writes_the_rendered_frame(self):
        data = self.export("png")
        image = px.decode_png(data)
        self.assertEqual(image[:2], (960, 540))  # 1920x1080 scaled to at most 960
        self.assertEqual(image, self.frame())
        self.assertEqual(self.export("ppm")[:15], b"P6\n960 540\n255\n")
        self.assertEqual(self.export("tif")[:4], b"II*\0")
        self.assertTrue(self.export("jpg"))  # placeholder bytes: no JPEG encoder here

    def test_cdl_lut_and_grade_order(self):
        base = mean(self.frame())
        self.assertTrue(self.item.SetCDL({"NodeIndex": "1", "Slope": "1.5 1 1"}))
        graded = mean(self.frame())
        self.assertGreater(graded[0], base[0] + 10)
        self.assertEqual(graded[1:], base[1:])
        lut = self.path("swap.cube")
        with open(lut, "w") as fh:
            fh.write("LUT_3D_SIZE 2\n" + "".join(
                "%d %d %d\n" % (b, g, r) for b in (0, 1) for g in (0, 1) for r in (0, 1)))
        self.assertTrue(self.item.GetNodeGraph().SetLUT(1, lut))
        swapped = mean(self.frame())  # CDL first, then the LUT of the same node
        self.assertAlmostEqual(swapped[2], graded[0], delta=0.5)
        self.assertAlmostEqual(swapped[0], graded[2], delta=0.5)
        self.assertTrue(self.item.GetNodeGraph().SetNodeEnabled(1, False))
        self.assertEqual(mean(self.frame()), base)

    def test_transform_and_opacity(self):
        base = self.frame()
        self.item.SetProperty("ZoomX", 2.0)
        self.item.SetProperty("ZoomY", 2.0)
        zoomed = self.frame()
        # zoom 2 about the centre: output x shows source 0.5 + (x - 0.5) / 2
        self.assertEqual(mean(zoomed, 0.1, 0.2, 0.11, 0.21), mean(base, 0.3, 0.35, 0.31, 0.36))
        self.item.SetProperty("ZoomX", 1.0)
        self.item.SetProperty("ZoomY", 1.0)
        self.item.SetProperty("Pan", 480.0)  # timeline pixels: a quarter of 1920
        panned = self.frame()
        self.assertEqual(mean(panned, 0, 0, 0.24, 1), [0, 0, 0])
        self.assertEqual(mean(panned, 0.5, 0.1, 0.51, 0.11), mean(base, 0.25, 0.1, 0.26, 0.11))
        self.item.SetProperty("Pan", 0.0)
        self.item.SetProperty("CropLeft", 960.0)
        self.assertEqual(mean(self.frame(), 0, 0, 0.49, 1), [0, 0, 0])
        self.item.SetProperty("CropLeft", 0.0)
        self.item.SetProperty("Opacity", 50.0)
        half = mean(self.frame(), 0, 0, 1 / 7.0, 0.1)
        self.assertEqual(half, [95, 95, 95])  # 191 over black

    def test_thumbnail_is_the_graded_clip(self):
        self.resolve.OpenPage("color")
        thumb = self.tl.GetCurrentClipThumbnailImage()
        self.assertEqual((thumb["width"], thumb["height"], thumb["format"]),
                         (320, 180, "RGB 8 bit"))
        rgb = base64.b64decode(thumb["data"])
        self.assertEqual(rgb[:3], bytes([191, 191, 191]))
        self.item.SetCDL({"NodeIndex": "1", "Slope": "1 1 0.5"})
        graded = base64.b64decode(self.tl.GetCurrentClipThumbnailImage()["data"])
        self.assertEqual(graded[:3], bytes([191, 191, 96]))

    def test_still_clip_pixels_and_gallery_stills(self):
        still = simkit.sim_testmedia.write_png(self.path("card.png"), 32, 18, (40, 90, 160))
        clip = self.pool.ImportMedia([still])[0]
        tl = self.pool.CreateTimelineFromClips("Stills", [clip])
        self.resolve.OpenPage("color")
        self.assertEqual(mean(px.render_frame(tl._w, tl.GetUniqueId(), tl._o["playhead"])),
                         [40, 90, 160])
        item = tl.GetItemListInTrack("video", 1)[0]
        item.SetCDL({"NodeIndex": "1", "Slope": "2 1 1"})
        grabbed = tl.GrabStill()
        item.SetCDL({"NodeIndex": "1", "Slope": "1 1 1"})  # the still keeps the grade it had
        album = self.project.GetGallery().GetCurrentStillAlbum()
        folder = self.path("stills")
        os.mkdir(folder)
        self.assertTrue(album.ExportStills([grabbed], folder, "s_", "png"))
        (name,) = os.listdir(folder)
        with open(os.path.join(folder, name), "rb") as fh:
            self.assertEqual(mean(px.decode_png(fh.read())), [80, 90, 160])


class ScratchTest(simkit.SimTestCase):
    def test_scratch_take_and_refusals(self):
        path = resolve_bridge.scratch_op("scratch", {"ext": "ppm"})
        self.assertEqual(os.stat(os.path.dirname(path)).st_mode & 0o777, 0o700)
        with open(path, "wb") as fh:
            fh.write(b"P6\n8 4\n255\n" + bytes(range(96)))
        out = resolve_bridge.scratch_op("take", {"path": path, "fit": [4, 4]})
        self.assertEqual((out["width"], out["height"]), (4, 2))
        self.assertEqual(len(base64.b64decode(out["rgb"])), 4 * 2 * 3)
        self.assertFalse(os.path.exists(path))  # deleted once read
        self.assertIsNone(resolve_bridge.scratch_op("take", {"path": path}))
        other = resolve_bridge.scratch_op("scratch", {"ext": "png"})
        with open(other, "wb") as fh:
            fh.write(b"\x89PNG...")
        self.assertEqual(base64.b64decode(
            resolve_bridge.scratch_op("take", {"path": other, "fit": [4, 4]})["bytes"]),
            b"\x89PNG...")
        for bad in (self.path("x.ppm"), os.path.dirname(path) + "/../x.ppm", None,
                    os.path.join(os.path.dirname(path), "notes.txt")):
            with self.assertRaises(resolve_bridge.BridgeError) as e:
                resolve_bridge.scratch_op("take", {"path": bad})
            self.assertEqual(e.exception.code, "PATH_NOT_ALLOWED")
        with self.assertRaises(resolve_bridge.BridgeError):
            resolve_bridge.scratch_op("scratch", {"ext": "sh"})

    def test_ppm_fit_averages_and_16_bit(self):
        row = bytes([0, 0, 0, 100, 100, 100]) * 2
        width, height, rgb = resolve_bridge.ppm_fit(b"P6 4 2 255\n" + row * 2, 2, 2)
        self.assertEqual((width, height, rgb), (2, 1, bytes([50, 50, 50]) * 2))
        width, height, rgb = resolve_bridge.ppm_fit(b"P6 1 1 65535\n\x12\x34\x56\x78\x9a\xbc",
                                                     8, 8)
        self.assertEqual(rgb, bytes([0x12, 0x56, 0x9a]))
        with self.assertRaises(resolve_bridge.BridgeError):
            resolve_bridge.ppm_fit(b"P6 4 4 255\n" + bytes(10), 2, 2)
