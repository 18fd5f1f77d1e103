"""Real pixels for the simulator: exported frames, Color-page thumbnails, gallery stills.

Imported lazily by ExportCurrentFrameAsStill, GetCurrentClipThumbnailImage and ExportStills.
A frame is rendered at the timeline's resolution scaled down to at most 960 px on the long
side (Resolve writes the full resolution; this keeps pure Python fast). From V1 up, the item
under the frame on each enabled track: its source (a still clip's own PNG pixels, otherwise a
synthetic frame of colour bars, a grey ramp and the clip name and source timecode in a bitmap
font), graded by its node graphs (CDL slope/offset/power/saturation, then the node's .cube
LUT with trilinear interpolation), placed by its Inspector transform (zoom, pan/tilt, anchor,
flip, crop; not rotation) and composited with its opacity.

An image is (width, height, rows): rows are bytes of 8-bit RGB. Identical rows are one
object, so grading runs once per distinct row and then once per distinct colour.
"""

import math
import os
import struct
import zlib
from operator import itemgetter

import sim_color
import sim_core as core
import sim_item
import sim_timecode as tcm

MAX_SIDE = 960
THUMB_BOX = (320, 180)
MAX_STILL_PIXELS = 4000000  # larger source stills are drawn synthetic (decoding is slow)
REAL_FORMATS = ("png", "ppm", "bmp", "tif", "tiff", "dpx")

# -- bitmap font (5x7, one byte a row; lowercase is drawn as uppercase) --------------------

FONT_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;-_/\\()[]#'\"!?+=%&*<>@|~^${}"
FONT_DATA = (
    "0e11131519110e040c040404040e0e11010204081f1e01010e01011e02060a121f02021f101e0101110e"
    "0e10101e11110e1f0102040808080e11110e11110e0e11110f01010e0e11111f1111111e11111e11111e"
    "0e11101010110e1e11111111111e1f10101e10101f1f10101e1010100e11101711110f1111111f111111"
    "0e04040404040e0702020202120c111214181412111010101010101f111b1515111111111915131111110e"
    "11111111110e1e11111e1010100e11111115120d1e11111e1412110f10100e01011e1f04040404040411"
    "11111111110e11111111110a041111111515150a11110a040a111111110a040404041f01020408101f00"
    "000000000c0c000000000c0408000c0c000c0c00000c0c000c04080000001f0000000000000000001f01"
    "0202040808101008080402020102040808080402080402020204080e08080808080e0e02020202020e0a"
    "0a1f0a1f0a0a040408000000000a0a0000000000040404040400040e1101020400040004041f04040000"
    "001f001f0000191902040813130c12140815120d00150e1f0e150002040810080402080402010204080e"
    "11171517100f0404040404040400000815020000040a1100000000040f140e051e040204040804040208"
    "040402040408")
GLYPHS = {c: bytes.fromhex(FONT_DATA[i * 14:i * 14 + 14]) for i, c in enumerate(FONT_CHARS)}


def draw_text(rows, x, y, text, scale, rgb):
    """Draws text into rows (bytearrays) at pixel (x, y), clipped to the image."""
    height, width = len(rows), len(rows[0]) // 3
    pixel = bytes(rgb) * scale
    for n, ch in enumerate(text.upper()):
        glyph = GLYPHS.get(ch, GLYPHS["?"]) if ch != " " else b"\0" * 7
        gx = x + n * 6 * scale
        for gy, bits in enumerate(glyph):
            for bit in range(5):
                if not bits & (16 >> bit):
                    continue
                px = gx + bit * scale
                if px < 0 or px + scale > width:
                    continue
                for yy in range(y + gy * scale, y + (gy + 1) * scale):
                    if 0 <= yy < height:
                        rows[yy][px * 3:(px + scale) * 3] = pixel


# -- synthetic source frames ----------------------------------------------------------------

BARS = ((191, 191, 191), (191, 191, 0), (0, 191, 191), (0, 191, 0), (191, 0, 191),
        (191, 0, 0), (0, 0, 191))


def synthetic(width, height, title, subtitle=""):
    """Colour bars (75%), a label band with title and subtitle, a grey ramp: deterministic."""
    bars = b"".join(bytes(BARS[x * 7 // width]) for x in range(width))
    ramp = b"".join(bytes((x * 255 // max(1, width - 1),) * 3) for x in range(width))
    top, bottom = int(height * 0.58), int(height * 0.8)
    band = [bytearray(b"\x10" * (3 * width)) for _ in range(bottom - top)]
    lines = [t for t in (title, subtitle) if t]
    line_h = max(1, len(band) // (len(lines) or 1))
    for n, text in enumerate(lines):
        scale = max(1, min(line_h // 10, (width - 8) // (6 * max(1, len(text)))))
        x = max(0, (width - (6 * len(text) - 1) * scale) // 2)  # centred: zooms keep it
        draw_text(band, x, n * line_h + (line_h - 7 * scale) // 2, text, scale, (235, 235, 235))
    return width, height, [bars] * top + [bytes(r) for r in band] + [ramp] * (height - bottom)


# -- PNG and other still formats ------------------------------------------------------------

def _chunk(tag, data):
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff))


def encode_png(image):
    width, height, rows = image
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b""))


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def decode_png(data):
    """8-bit RGB image of a PNG (8/16-bit grey, RGB, palette, with or without alpha; not
    interlaced), or None if it is not one this decoder reads."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, palette, head = 8, [], b"", None
    while pos + 8 <= len(data):
        length, tag = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if tag == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif tag == b"PLTE":
            palette = body
        elif tag == b"IDAT":
            idat.append(body)
        elif tag == b"IEND":
            break
        pos += 12 + length
    if head is None:
        return None
    width, height, depth, ctype, _, _, interlace = head
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(ctype)
    if channels is None or interlace or depth not in (8, 16) or \
            (ctype == 3 and depth != 8) or width * height > MAX_STILL_PIXELS:
        return None
    raw = zlib.decompress(b"".join(idat))
    bpp = channels * depth // 8
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 255
        prev = line
        samples = bytes(line[0::2]) if depth == 16 else bytes(line)  # high bytes of 16-bit
        if ctype == 3:
            samples = b"".join(palette[3 * i:3 * i + 3] or b"\0\0\0" for i in samples)
        elif ctype in (0, 4):
            grey = samples[0::channels]
            out = bytearray(3 * width)
            out[0::3], out[1::3], out[2::3] = grey, grey, grey
            samples = bytes(out)
        elif ctype == 6:
            out = bytearray(3 * width)
            out[0::3], out[1::3], out[2::3] = samples[0::4], samples[1::4], samples[2::4]
            samples = bytes(out)
        rows.append(samples)
    return width, height, rows


def encode_ppm(image):
    width, height, rows = image
    return b"P6\n%d %d\n255\n" % (width, height) + b"".join(rows)


def _bgr(row):
    out = bytearray(row)
    out[0::3], out[2::3] = row[2::3], row[0::3]
    return bytes(out)


def encode_bmp(image):
    width, height, rows = image
    pad = b"\0" * ((4 - (3 * width) % 4) % 4)
    body = b"".join(_bgr(r) + pad for r in reversed(rows))
    return (b"BM" + struct.pack("<IHHI", 54 + len(body), 0, 0, 54)
            + struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(body), 2835, 2835,
                          0, 0) + body)


def encode_tiff(image):
    """Baseline TIFF: uncompressed 8-bit RGB in one strip."""
    width, height, rows = image
    body = b"".join(rows)
    ifd_at = 8 + len(body)
    bits_at = ifd_at + 2 + 9 * 12 + 4  # BitsPerSample's three values follow the IFD
    tags = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 3, bits_at), (259, 3, 1, 1),
            (262, 3, 1, 2), (273, 4, 1, 8), (277, 3, 1, 3), (278, 4, 1, height),
            (279, 4, 1, len(body))]
    ifd = struct.pack("<H", len(tags)) + b"".join(
        struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0)
                                                 if kind == 3 and count == 1
                                                 else struct.pack("<I", value))
        for tag, kind, count, value in tags) + b"\0\0\0\0"
    return b"II*\0" + struct.pack("<I", ifd_at) + body + ifd + struct.pack("<HHH", 8, 8, 8)


def encode_dpx(image):
    """DPX (SMPTE 268M) with one 8-bit RGB image element, big-endian."""
    width, height, rows = image
    offset = 2048
    body = b"".join(rows)
    head = bytearray(offset)
    struct.pack_into(">4sI8sI", head, 0, b"SDPX", offset, b"V2.0", offset + len(body))
    struct.pack_into(">II", head, 24, 1664, 384)  # generic and industry header sizes
    struct.pack_into(">HHII", head, 768, 0, 1, width, height)  # orientation, elements, size
    struct.pack_into(">IIIII", head, 780, 0, 0, 0, 255, 0)  # code values 0-255
    head[800], head[801], head[802], head[803] = 50, 2, 2, 8  # RGB, linear, linear, 8 bits
    struct.pack_into(">HHI", head, 804, 0, 0, offset)  # packing, encoding, data offset
    return bytes(head) + body


ENCODERS = {"png": encode_png, "ppm": encode_ppm, "bmp": encode_bmp, "tif": encode_tiff,
            "tiff": encode_tiff, "dpx": encode_dpx}


# -- sizing ---------------------------------------------------------------------------------

def _sampler(src_w, dst_w):
    return [min(src_w - 1, max(0, int((x + 0.5) * src_w / dst_w))) for x in range(dst_w)]


def resize(image, width, height):
    """Nearest-neighbour resize (enough for a simulator)."""
    src_w, src_h, rows = image
    if (src_w, src_h) == (width, height):
        return image
    cols = [3 * u + c for u in _sampler(src_w, width) for c in range(3)]
    gather = itemgetter(*cols)
    cache = {}
    out = []
    for v in _sampler(src_h, height):
        row = rows[v]
        if id(row) not in cache:
            cache[id(row)] = bytes(gather(row))
        out.append(cache[id(row)])
    return width, height, out


def fit(image, width, height):
    """The image scaled to fit width x height, centred on black (Resolve's scale to fit)."""
    src_w, src_h = image[0], image[1]
    scale = min(float(width) / src_w, float(height) / src_h)
    w, h = max(1, int(round(src_w * scale))), max(1, int(round(src_h * scale)))
    _, _, rows = resize(image, w, h)
    if (w, h) == (width, height):
        return width, height, rows
    left = b"\0" * (3 * ((width - w) // 2))
    right = b"\0" * (3 * (width - w - (width - w) // 2))
    black = b"\0" * (3 * width)
    top = (height - h) // 2
    cache = {}
    body = []
    for r in rows:
        if id(r) not in cache:
            cache[id(r)] = left + r + right
        body.append(cache[id(r)])
    return width, height, [black] * top + body + [black] * (height - h - top)


def box(width, height, max_w, max_h):
    scale = min(1.0, float(max_w) / width, float(max_h) / height)
    return max(1, int(round(width * scale))), max(1, int(round(height * scale)))


def timeline_size(w, tid):
    tl = core.REG["Timeline"](w, tid)
    width = int(float(tl.GetSetting("timelineResolutionWidth") or 1920))
    height = int(float(tl.GetSetting("timelineResolutionHeight") or 1080))
    return max(1, width), max(1, height)


# -- grading --------------------------------------------------------------------------------

_LUTS = {}


def load_cube(path):
    """A .cube LUT as (size, is_3d, table of (r, g, b) floats, domain min, domain max);
    red varies fastest, as the format says. None if unreadable."""
    try:
        key = (path, os.path.getmtime(path))
    except OSError:
        return None
    if key in _LUTS:
        return _LUTS[key]
    size, is_3d, table = 0, True, []
    lo, hi = [0.0] * 3, [1.0] * 3
    try:
        with open(path) as fh:
            for line in fh:
                parts = line.split()
                if not parts or parts[0].startswith("#"):
                    continue
                word = parts[0].upper()
                if word == "LUT_3D_SIZE":
                    size = int(parts[1])
                elif word == "LUT_1D_SIZE":
                    size, is_3d = int(parts[1]), False
                elif word == "DOMAIN_MIN":
                    lo = [float(v) for v in parts[1:4]]
                elif word == "DOMAIN_MAX":
                    hi = [float(v) for v in parts[1:4]]
                elif len(parts) == 3 and word[0] in "0123456789-+.":
                    table.append(tuple(float(v) for v in parts))
    except (OSError, ValueError, IndexError):
        return None
    if size < 2 or len(table) < (size ** 3 if is_3d else size):
        return None
    _LUTS[key] = (size, is_3d, table, lo, hi)
    return _LUTS[key]


def apply_lut(lut, rgb):
    size, is_3d, table, lo, hi = lut
    pos = []
    for c in range(3):
        t = (rgb[c] - lo[c]) / ((hi[c] - lo[c]) or 1.0)
        pos.append(min(max(t, 0.0), 1.0) * (size - 1))
    if not is_3d:
        out = []
        for c in range(3):
            i = min(int(pos[c]), size - 2)
            f = pos[c] - i
            out.append(table[i][c] * (1 - f) + table[i + 1][c] * f)
        return out
    idx = [min(int(p), size - 2) for p in pos]
    fr, fg, fb = (pos[c] - idx[c] for c in range(3))
    r0, g0, b0 = idx
    out = [0.0, 0.0, 0.0]
    for db, wb in ((0, 1 - fb), (1, fb)):
        for dg, wg in ((0, 1 - fg), (1, fg)):
            for dr, wr in ((0, 1 - fr), (1, fr)):
                weight = wr * wg * wb
                if weight:
                    entry = table[(r0 + dr) + size * ((g0 + dg) + size * (b0 + db))]
                    for c in range(3):
                        out[c] += weight * entry[c]
    return out


def apply_cdl(cdl, rgb):
    """ASC CDL: out = clamp(in * slope + offset) ** power, then saturation (Rec. 709 luma)."""
    slope = cdl.get("Slope") or (1.0, 1.0, 1.0)
    offset = cdl.get("Offset") or (0.0, 0.0, 0.0)
    power = cdl.get("Power") or (1.0, 1.0, 1.0)
    out = [min(max(rgb[c] * slope[c] + offset[c], 0.0), 1.0) ** power[c] for c in range(3)]
    sat = cdl.get("Saturation")
    if sat is not None and sat != 1:
        luma = 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]
        out = [luma + sat * (v - luma) for v in out]
    return out


def _lut_path(w, value):
    if not value:
        return None
    return value if os.path.isabs(value) else os.path.join(sim_color.lut_dir(w), value)


def item_nodes(w, iid):
    """Nodes that grade an item, in Resolve's order: group pre-clip, clip, group post-clip,
    timeline."""
    o = w.objs[iid]
    graphs = []
    group = w.objs.get(o.get("cgroup") or "")
    if group:
        graphs.append(group["pre"])
    graphs.append(sim_item.item_graph(w, iid))
    if group:
        graphs.append(group["post"])
    graphs.append(w.objs[o["tl"]].get("graph"))
    return [n for g in graphs if g in w.objs for n in w.objs[g]["nodes"]]


def grader(w, nodes):
    """A function from an 8-bit (r, g, b) to the graded 8-bit colour; None for no grade."""
    steps = []
    for node in nodes:
        if not node.get("enabled", True):
            continue
        if node.get("cdl"):
            steps.append((apply_cdl, node["cdl"]))
        path = _lut_path(w, node.get("lut"))
        lut = load_cube(path) if path and path.lower().endswith(".cube") else None
        if lut:
            steps.append((apply_lut, lut))
    if not steps:
        return None

    def grade(rgb):
        values = [v / 255.0 for v in rgb]
        for fn, arg in steps:
            values = fn(arg, values)
        return bytes(min(255, max(0, int(round(v * 255)))) for v in values)
    return grade


def grade_image(image, grade):
    if grade is None:
        return image
    width, height, rows = image
    colours, done, out = {}, {}, []
    for row in rows:
        if id(row) not in done:
            pixels = []
            for i in range(0, len(row), 3):
                key = row[i:i + 3]
                value = colours.get(key)
                if value is None:
                    value = colours[key] = grade(key)
                pixels.append(value)
            done[id(row)] = b"".join(pixels)
        out.append(done[id(row)])
    return width, height, out


# -- sources and frames ---------------------------------------------------------------------

_STILLS = {}


def still_pixels(path):
    """A PNG file's pixels (cached by path and time), or None if not a readable PNG."""
    try:
        key = (path, os.path.getmtime(path))
    except (OSError, TypeError):
        return None
    if key not in _STILLS:
        try:
            with open(path, "rb") as fh:
                _STILLS[key] = decode_png(fh.read())
        except (OSError, ValueError, zlib.error, struct.error):
            _STILLS[key] = None
    return _STILLS[key]


def source_frame(w, iid, frame, width, height):
    """The ungraded picture of an item at a timeline frame, fitted to width x height."""
    o = w.objs[iid]
    clip = w.objs.get(o.get("clip") or "") or {}
    if clip.get("kind") == "still":
        image = still_pixels(clip.get("path"))
        if image:
            return fit(image, width, height)
    fps = clip.get("fps") or w.objs[o["tl"]]["fps"]
    try:
        first = int(clip.get("props", {}).get("Start") or 0)
    except ValueError:
        first = 0
    src = int(o.get("src_start") or 0) + frame - o["start"]
    tc = tcm.frames_to_tc(max(0, first + src), fps) or ""
    return synthetic(width, height, o.get("name") or "", tc)


def item_picture(w, iid, frame, width, height, nodes=None):
    """An item's graded picture (its own nodes, or the given ones, e.g. a still's)."""
    image = source_frame(w, iid, frame, width, height)
    return grade_image(image, grader(w, item_nodes(w, iid) if nodes is None else nodes))


def _num(props, key, default=0.0):
    try:
        return float(props.get(key, default))
    except (TypeError, ValueError):
        return default


def _axis(size, zoom, shift, anchor, flip, crop_lo, crop_hi):
    """For each output pixel of one axis, the source pixel it shows, or -1 (transparent)."""
    centre = size / 2.0 + anchor
    out = []
    for x in range(size):
        u = (x + 0.5 - centre - shift) / zoom + centre
        if flip:
            u = size - u
        out.append(int(math.floor(u)) if crop_lo <= u < size - crop_hi and 0 <= u < size else -1)
    return out


def place(base, picture, props, scale):
    """Composites an item's picture over base with its Inspector transform and opacity;
    pixel-valued properties are in timeline pixels, hence the scale."""
    width, height, rows = picture
    zoom_x, zoom_y = _num(props, "ZoomX", 1.0), _num(props, "ZoomY", 1.0)
    alpha = min(1.0, max(0.0, _num(props, "Opacity", 100.0) / 100.0))
    if zoom_x <= 0 or zoom_y <= 0 or alpha <= 0:
        return base
    xs = _axis(width, zoom_x, _num(props, "Pan") * scale, _num(props, "AnchorPointX") * scale,
               props.get("FlipX") is True, _num(props, "CropLeft") * scale,
               _num(props, "CropRight") * scale)
    ys = _axis(height, zoom_y, -_num(props, "Tilt") * scale,
               -_num(props, "AnchorPointY") * scale, props.get("FlipY") is True,
               _num(props, "CropTop") * scale, _num(props, "CropBottom") * scale)
    if alpha >= 1 and xs == list(range(width)) and ys == list(range(height)):
        return picture  # untransformed and opaque: covers what is below
    visible = [x for x in range(width) if xs[x] >= 0]
    if not visible:
        return base
    x0, x1 = visible[0], visible[-1] + 1
    gather = itemgetter(*[3 * xs[x] + c for x in range(x0, x1) for c in range(3)])
    mix = alpha < 1.0
    if mix:
        top_t = bytes(int(v * alpha) for v in range(256))
        low_t = bytes(int(v * (1 - alpha)) for v in range(256))
    out, cache = [], {}
    for y, row in enumerate(base[2]):
        if ys[y] < 0:
            out.append(row)
            continue
        src = rows[ys[y]]
        key = (id(src), id(row))
        if key not in cache:
            span = bytes(gather(src))
            if mix:  # per-byte sums stay below 256, so adding the rows as integers is exact
                under = row[3 * x0:3 * x1]
                total = int.from_bytes(span.translate(top_t), "big") + \
                    int.from_bytes(under.translate(low_t), "big")
                span = total.to_bytes(len(span), "big")
            cache[key] = row[:3 * x0] + span + row[3 * x1:]
        out.append(cache[key])
    return width, height, out


def items_at(w, tid, frame):
    """The enabled video items at a frame, bottom track first."""
    out = []
    for track in w.objs[tid]["tracks"]["video"]:
        if not track.get("enabled", True):
            continue
        for iid in track["items"]:
            it = w.objs[iid]
            if it["start"] <= frame < it["end"] and it.get("enabled", True):
                out.append(iid)
                break
    return out


def render_frame(w, tid, frame, max_side=MAX_SIDE):
    """The frame Resolve shows at a timeline frame: every track composited, graded."""
    full_w, full_h = timeline_size(w, tid)
    width, height = box(full_w, full_h, max_side, max_side)
    image = (width, height, [b"\0" * (3 * width)] * height)
    for iid in items_at(w, tid, frame):
        picture = item_picture(w, iid, frame, width, height)
        image = place(image, picture, w.objs[iid].get("props") or {}, float(width) / full_w)
    return image


def encode(fmt, image):
    return ENCODERS[fmt](image)


# -- the API hooks --------------------------------------------------------------------------

def export_current_frame(w, tid, path):
    """Project.ExportCurrentFrameAsStill: the frame under the playhead, in the file's
    format (formats without an encoder here get the old placeholder bytes)."""
    fmt = os.path.splitext(path)[1].lower().lstrip(".")
    if fmt not in ENCODERS:
        return sim_color.still_file_bytes(fmt, {"name": "current frame", "nodes": []})
    return encode(fmt, render_frame(w, tid, w.objs[tid]["playhead"]))


def thumbnail(w, tid, iid):
    """Timeline.GetCurrentClipThumbnailImage: the graded clip under the playhead."""
    import base64
    width, height = box(*timeline_size(w, tid), max_w=THUMB_BOX[0], max_h=THUMB_BOX[1])
    image = item_picture(w, iid, w.objs[tid]["playhead"], width, height)
    return {"width": width, "height": height, "format": "RGB 8 bit",
            "data": base64.b64encode(b"".join(image[2])).decode("ascii")}


def still_image(w, still):
    """A gallery still's picture: the grabbed item's frame with the grade it had, or the
    imported file's pixels."""
    iid = still.get("source")
    if iid in w.objs:
        tid = w.objs[iid]["tl"]
        width, height = box(*timeline_size(w, tid), max_w=MAX_SIDE, max_h=MAX_SIDE)
        frame = still.get("frame", w.objs[iid]["start"])
        return item_picture(w, iid, frame, width, height, nodes=still.get("nodes") or [])
    image = still_pixels(still.get("file"))
    return image or synthetic(480, 270, still.get("label") or still.get("name", "still"))


def still_bytes(w, still, fmt):
    return encode(fmt, still_image(w, still)) if fmt in ENCODERS else None
