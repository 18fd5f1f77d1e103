"""Media header probing and Media Storage helpers for the Resolve simulator.

:func:`probe` reads real file headers (never decoding essence) and returns a
dict with the keys of :data:`PROBE_KEYS`::

    kind              'video' | 'audio' | 'still' | 'unknown'
    width, height     pixels (video and stills)
    fps               frames per second; standard rates are reported as
                      their Resolve label value (23.976, 29.97, ...)
    frames            video: frame count; still: 1; audio: sample frames
                      (samples per channel)
    duration_seconds  video and audio
    sample_rate, channels
                      audio files, and the first audio track of a movie
    bit_depth         stills: bits per channel; audio: bits per sample;
                      None for movies that have a video track
    codec             e.g. 'avc1', 'apch', 'pcm_s24le', 'png', 'jpeg'
    audio_codec       the audio codec: of the first audio track of a movie
                      (e.g. 'mp4a', 'sowt'), or ``codec`` of an audio file
    format            container: 'mp4', 'mov', 'm4a', 'wav', 'aiff', 'png',
                      'jpeg', 'gif', 'bmp', 'tiff', 'dpx', 'exr'
    timecode          movies with a 'tmcd' track: {'frame': first frame
                      number, 'fps': rate label value, 'drop': bool}
    time_reference    WAV with a BWF 'bext' chunk: TimeReference, samples
                      since midnight

Values that cannot be read are None.  Unreadable, unrecognised or corrupt
files give kind 'unknown' with every other value None; probe never raises.

Supported containers: WAV (incl. WAVE_FORMAT_EXTENSIBLE), AIFF/AIFF-C, PNG,
JPEG, GIF, BMP, TIFF, DPX, OpenEXR and ISO BMFF (MP4/MOV/M4A).

Media Storage helpers: :data:`MEDIA_EXTENSIONS`, :func:`media_kind`,
:func:`is_media_file`, :func:`consolidate_sequences`,
:func:`parse_sequence_entry` and :func:`expand_sequence`.
"""

import os
import re
import struct

import sim_timecode

PROBE_KEYS = ("kind", "width", "height", "fps", "frames", "duration_seconds",
              "sample_rate", "channels", "bit_depth", "codec", "audio_codec",
              "format", "timecode", "time_reference")

# Lower-case extensions, with the leading dot, of files Resolve lists.
VIDEO_EXTENSIONS = frozenset((
    ".3gp", ".avi", ".braw", ".cine", ".crm", ".flv", ".m2t", ".m2ts",
    ".m2v", ".m4v", ".mkv", ".mov", ".mp4", ".mpeg", ".mpg", ".mts", ".mxf",
    ".nev", ".r3d", ".ts", ".vrw", ".webm", ".wmv",
))
AUDIO_EXTENSIONS = frozenset((
    ".aac", ".ac3", ".aif", ".aifc", ".aiff", ".bwf", ".caf", ".flac",
    ".m4a", ".mp3", ".ogg", ".opus", ".wav",
))
STILL_EXTENSIONS = frozenset((
    ".ari", ".arx", ".bmp", ".cin", ".dng", ".dpx", ".exr", ".gif", ".heic",
    ".j2c", ".jp2", ".jpeg", ".jpg", ".png", ".psd", ".sgi", ".tga", ".tif",
    ".tiff", ".webp",
))
MEDIA_EXTENSIONS = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS | STILL_EXTENSIONS

_HEADER_BYTES = 4096
_MAX_MOOV_BYTES = 64 * 1024 * 1024
_READ_ERRORS = (OSError, ValueError, struct.error, IndexError,
                OverflowError, ZeroDivisionError, UnicodeError)
_BMFF_TOP_LEVEL = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip",
                   b"pnot")
_BMFF_CONTAINERS = (b"trak", b"mdia", b"minf", b"stbl")
_JPEG_SOF = frozenset((0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9,
                       0xCA, 0xCB, 0xCD, 0xCE, 0xCF))
_WAV_CODECS = {1: "pcm", 3: "pcm_f", 6: "pcm_alaw", 7: "pcm_mulaw"}
_WAVE_FORMAT_EXTENSIBLE = 0xFFFE
# bext: Description 256 + Originator 32 + OriginatorReference 32 + Date 10 +
# Time 8 bytes, then the 64-bit TimeReference
_BEXT_TIME_REFERENCE = 338
_TMCD_DROP_FRAME = 0x0001
_SEQUENCE_NAME = re.compile(r"^(.*?)(\d+)(\.[^.\\/]+)$")
_SEQUENCE_ENTRY = re.compile(r"^(.*)\[(\d+)-(\d+)\](\.[^.\\/]+)$")
_PRINTF_TOKEN = re.compile(r"%(0?)(\d*)d")


def _empty():
    result = dict.fromkeys(PROBE_KEYS)
    result["kind"] = "unknown"
    return result


def _normalise_fps(value):
    """Report standard rates by their label value, others to 3 decimals."""
    parsed = sim_timecode.parse_rate(value)
    return parsed[0] if parsed else round(value, 3)


def probe(path):
    """Probe the media file at ``path``; see the module docstring."""
    info = None
    if isinstance(path, (str, bytes, os.PathLike)):
        try:
            with open(path, "rb") as handle:
                info = _dispatch(handle, handle.read(_HEADER_BYTES))
        except _READ_ERRORS:
            info = None
    result = _empty()
    if info:
        result.update(info)
    return result


def _dispatch(handle, head):
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return _probe_wav(handle)
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return _probe_aiff(handle)
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return _probe_png(head)
    if head[:2] == b"\xff\xd8":
        return _probe_jpeg(handle)
    if head[:6] in (b"GIF87a", b"GIF89a"):
        width, height = struct.unpack("<HH", head[6:10])
        return _still("gif", "gif", width, height, 8)
    if head[:2] == b"BM":
        width, height, _, bits = struct.unpack("<iiHH", head[18:30])
        return _still("bmp", "bmp", width, abs(height), bits)
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return _probe_tiff(handle, head)
    if head[:4] in (b"SDPX", b"XPDS"):
        return _probe_dpx(head)
    if head[:4] == b"\x76\x2f\x31\x01":
        return _probe_exr(head)
    if head[4:8] in _BMFF_TOP_LEVEL:
        return _probe_bmff(handle)
    return None


def _still(codec, fmt, width, height, bit_depth):
    if width <= 0 or height <= 0:
        return None
    return {"kind": "still", "width": width, "height": height, "frames": 1,
            "bit_depth": bit_depth, "codec": codec, "format": fmt}


def _audio(fmt, codec, sample_rate, channels, bits, sample_frames):
    if not sample_rate or not channels:
        return None
    return {"kind": "audio", "format": fmt, "codec": codec,
            "audio_codec": codec, "sample_rate": sample_rate,
            "channels": channels,
            "bit_depth": bits or None, "frames": sample_frames,
            "duration_seconds": (None if sample_frames is None
                                 else sample_frames / float(sample_rate))}


def _iff_chunks(handle, start, big_endian):
    """Yield (chunk id, data offset, size) for RIFF/IFF chunks."""
    handle.seek(0, os.SEEK_END)
    file_size = handle.tell()
    offset = start
    fmt = ">4sI" if big_endian else "<4sI"
    while offset + 8 <= file_size:
        handle.seek(offset)
        chunk_id, size = struct.unpack(fmt, handle.read(8))
        yield chunk_id, offset + 8, size
        offset += 8 + size + (size & 1)


def _probe_wav(handle):
    fmt_data = None
    data_size = None
    time_reference = None
    for chunk_id, offset, size in _iff_chunks(handle, 12, False):
        if chunk_id == b"fmt ":
            handle.seek(offset)
            fmt_data = handle.read(min(size, 64))
        elif chunk_id == b"data":
            data_size = size
        elif chunk_id == b"bext" and size >= _BEXT_TIME_REFERENCE + 8:
            # BWF: TimeReference, samples since midnight
            handle.seek(offset + _BEXT_TIME_REFERENCE)
            time_reference = struct.unpack("<Q", handle.read(8))[0]
    if fmt_data is None or len(fmt_data) < 16:
        return None
    tag, channels, rate, _, block_align, bits = struct.unpack(
        "<HHIIHH", fmt_data[:16])
    if tag == _WAVE_FORMAT_EXTENSIBLE and len(fmt_data) >= 26:
        tag = struct.unpack("<H", fmt_data[24:26])[0]
    codec = _WAV_CODECS.get(tag, "wav_0x%04x" % tag)
    if codec == "pcm":
        codec = "pcm_u8" if bits == 8 else "pcm_s%dle" % bits
    elif codec == "pcm_f":
        codec = "pcm_f%dle" % bits
    frames = None
    if data_size is not None and block_align:
        frames = data_size // block_align
    info = _audio("wav", codec, rate, channels, bits, frames)
    if info is not None:
        info["time_reference"] = time_reference
    return info


def _extended_to_float(raw):
    """Decode an 80-bit IEEE 754 extended float (AIFF sample rate)."""
    exponent, mantissa = struct.unpack(">HQ", raw)
    sign = -1 if exponent & 0x8000 else 1
    exponent &= 0x7FFF
    if exponent == 0 and mantissa == 0:
        return 0.0
    return sign * mantissa * 2.0 ** (exponent - 16383 - 63)


def _probe_aiff(handle):
    handle.seek(8)
    is_aifc = handle.read(4) == b"AIFC"
    for chunk_id, offset, size in _iff_chunks(handle, 12, True):
        if chunk_id != b"COMM":
            continue
        handle.seek(offset)
        data = handle.read(min(size, 64))
        channels, frames, bits = struct.unpack(">hIh", data[:8])
        rate = int(round(_extended_to_float(data[8:18])))
        codec = "pcm_s%dbe" % bits
        if is_aifc and len(data) >= 22:
            compression = data[18:22].decode("latin-1").strip().lower()
            if compression not in ("none", ""):
                codec = compression
        return _audio("aiff", codec, rate, channels, bits, frames)
    return None


def _probe_png(head):
    if head[12:16] != b"IHDR":
        return None
    width, height, depth = struct.unpack(">IIB", head[16:25])
    return _still("png", "png", width, height, depth)


def _probe_jpeg(handle):
    handle.seek(2)
    while True:
        byte = handle.read(1)
        if not byte:
            return None
        if byte != b"\xff":
            continue
        marker = handle.read(1)
        while marker == b"\xff":
            marker = handle.read(1)
        if not marker:
            return None
        code = marker[0]
        if code == 0xD9 or code == 0xDA:
            return None
        if code == 0x01 or 0xD0 <= code <= 0xD7 or code == 0x00:
            continue
        length = struct.unpack(">H", handle.read(2))[0]
        if code in _JPEG_SOF:
            precision, height, width = struct.unpack(">BHH", handle.read(5))
            return _still("jpeg", "jpeg", width, height, precision)
        handle.seek(length - 2, os.SEEK_CUR)


def _probe_tiff(handle, head):
    endian = "<" if head[:2] == b"II" else ">"
    ifd_offset = struct.unpack(endian + "I", head[4:8])[0]
    handle.seek(ifd_offset)
    count = struct.unpack(endian + "H", handle.read(2))[0]
    values = {}
    for _ in range(count):
        tag, kind, number, raw = struct.unpack(endian + "HHI4s",
                                               handle.read(12))
        if tag not in (256, 257, 258):
            continue
        if kind == 3:
            if number > 2:
                position = handle.tell()
                handle.seek(struct.unpack(endian + "I", raw)[0])
                raw = handle.read(2)
                handle.seek(position)
            values[tag] = struct.unpack(endian + "H", raw[:2])[0]
        elif kind == 4:
            values[tag] = struct.unpack(endian + "I", raw)[0]
    if 256 not in values or 257 not in values:
        return None
    return _still("tiff", "tiff", values[256], values[257], values.get(258))


def _probe_dpx(head):
    endian = ">" if head[:4] == b"SDPX" else "<"
    width, height = struct.unpack(endian + "II", head[772:780])
    return _still("dpx", "dpx", width, height, head[803])


def _probe_exr(head):
    offset = 8
    width = height = bit_depth = None
    while offset < len(head):
        name_end = head.index(b"\x00", offset)
        if name_end == offset:
            break
        type_end = head.index(b"\x00", name_end + 1)
        name = head[offset:name_end]
        size = struct.unpack("<I", head[type_end + 1:type_end + 5])[0]
        value = head[type_end + 5:type_end + 5 + size]
        if name == b"dataWindow":
            x_min, y_min, x_max, y_max = struct.unpack("<iiii", value[:16])
            width, height = x_max - x_min + 1, y_max - y_min + 1
        elif name == b"channels" and value[:1] != b"\x00":
            pixel_type = struct.unpack(
                "<i", value[value.index(b"\x00") + 1:][:4])[0]
            bit_depth = {0: 32, 1: 16, 2: 32}.get(pixel_type)
        offset = type_end + 5 + size
    if width is None:
        return None
    return _still("exr", "exr", width, height, bit_depth)


def _bmff_boxes(data, start=0, end=None):
    """Yield (type, payload start, payload end) for boxes in ``data``."""
    end = len(data) if end is None else end
    offset = start
    while offset + 8 <= end:
        size, box_type = struct.unpack(">I4s", data[offset:offset + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[offset + 8:offset + 16])[0]
            header = 16
        elif size == 0:
            size = end - offset
        if size < header or offset + size > end:
            return
        yield box_type, offset + header, offset + size
        offset += size


def _read_top_level(handle):
    """Return (major brand or None, moov payload bytes or None)."""
    handle.seek(0, os.SEEK_END)
    file_size = handle.tell()
    offset = 0
    brand = moov = None
    while offset + 8 <= file_size:
        handle.seek(offset)
        size, box_type = struct.unpack(">I4s", handle.read(8))
        header = 8
        if size == 1:
            size = struct.unpack(">Q", handle.read(8))[0]
            header = 16
        elif size == 0:
            size = file_size - offset
        if size < header:
            return brand, None
        if box_type == b"ftyp":
            brand = handle.read(4)
        elif box_type == b"moov":
            if size > _MAX_MOOV_BYTES:
                return brand, None
            handle.seek(offset)
            moov = handle.read(size)
            if len(moov) != size:
                return brand, None
            return brand, moov[header:]
        offset += size
    return brand, moov


def _full_box_times(data, start):
    """(timescale, duration) from an mvhd/mdhd payload."""
    if data[start] == 1:
        return struct.unpack(">IQ", data[start + 20:start + 32])
    return struct.unpack(">II", data[start + 12:start + 20])


def _parse_sample_entry(data, start, end, handler):
    """Codec details from the first stsd entry."""
    entry_start = start + 8
    fourcc = data[entry_start + 4:entry_start + 8].decode("latin-1")
    body = entry_start + 16
    details = {"codec": fourcc.strip() or None}
    if handler == b"vide":
        width, height = struct.unpack(">HH", data[body + 16:body + 20])
        details.update(entry_width=width, entry_height=height)
    elif handler == b"tmcd":
        flags, timescale, frame_duration, count = struct.unpack(
            ">4xIIIB", data[body:body + 17])
        details.update(tc_flags=flags, tc_timescale=timescale,
                       tc_frame_duration=frame_duration, tc_frames=count)
    elif handler == b"soun":
        version = struct.unpack(">H", data[body:body + 2])[0]
        channels, bits = struct.unpack(">HH", data[body + 8:body + 12])
        rate = struct.unpack(">I", data[body + 16:body + 20])[0] >> 16
        if version == 2 and body + 44 <= end:
            rate_v2, channels = struct.unpack(">dI", data[body + 24:body + 36])
            bits = struct.unpack(">I", data[body + 40:body + 44])[0]
            rate = int(round(rate_v2))
        details.update(sample_rate=rate, channels=channels, bit_depth=bits)
    return details


def _parse_trak(data, start, end):
    track = {}
    stack = [(start, end)]
    while stack:
        box_start, box_end = stack.pop()
        for box_type, payload, payload_end in _bmff_boxes(data, box_start,
                                                          box_end):
            if box_type in _BMFF_CONTAINERS:
                stack.append((payload, payload_end))
            elif box_type == b"tkhd":
                offset = payload + (88 if data[payload] == 1 else 76)
                width, height = struct.unpack(">II",
                                              data[offset:offset + 8])
                track.update(width=width >> 16, height=height >> 16)
            elif box_type == b"mdhd":
                track["timescale"], track["duration"] = _full_box_times(
                    data, payload)
            elif box_type == b"hdlr":
                # QuickTime also puts a data handler ('dhlr', subtype 'alis' or
                # 'url ') in minf; only the media handler names the track type.
                if data[payload + 4:payload + 8] != b"dhlr":
                    track["handler"] = data[payload + 8:payload + 12]
            elif box_type in (b"stco", b"co64") and struct.unpack(
                    ">I", data[payload + 4:payload + 8])[0]:
                wide = box_type == b"co64"
                track["chunk_offset"] = struct.unpack(
                    ">Q" if wide else ">I",
                    data[payload + 8:payload + (16 if wide else 12)])[0]
            elif box_type == b"stsd":
                track["stsd"] = (payload, payload_end)
            elif box_type == b"stts":
                count = struct.unpack(">I", data[payload + 4:payload + 8])[0]
                entries = struct.unpack(
                    ">%dI" % (2 * count),
                    data[payload + 8:payload + 8 + 8 * count])
                track["stts"] = list(zip(entries[::2], entries[1::2]))
    if "stsd" in track:
        stsd_start, stsd_end = track.pop("stsd")
        track.update(_parse_sample_entry(data, stsd_start, stsd_end,
                                         track.get("handler")))
    return track


def _timecode(handle, track):
    """Start timecode of a 'tmcd' track: its first sample is a 32-bit frame
    number, counted at the track's rate (drop-frame when flagged)."""
    if not track.get("tc_frame_duration") or "chunk_offset" not in track:
        return None
    handle.seek(track["chunk_offset"])
    raw = handle.read(4)
    if len(raw) != 4:
        return None
    rate = track["tc_timescale"] / float(track["tc_frame_duration"])
    drop = bool(track["tc_flags"] & _TMCD_DROP_FRAME)
    parsed = sim_timecode.parse_rate(rate)
    if parsed is None or parsed[1] != track["tc_frames"]:
        return None
    return {"frame": struct.unpack(">I", raw)[0], "fps": parsed[0],
            "drop": drop and parsed[1] in (30, 60)}


def _probe_bmff(handle):
    brand, moov = _read_top_level(handle)
    if moov is None:
        return None
    movie_times = None
    tracks = []
    for box_type, payload, payload_end in _bmff_boxes(moov):
        if box_type == b"mvhd":
            movie_times = _full_box_times(moov, payload)
        elif box_type == b"trak":
            tracks.append(_parse_trak(moov, payload, payload_end))
    video = next((t for t in tracks if t.get("handler") == b"vide"), None)
    audio = next((t for t in tracks if t.get("handler") == b"soun"), None)
    if video is None and audio is None:
        return None
    fmt = {b"qt  ": "mov", b"M4A ": "m4a"}.get(brand, "mp4")
    if brand is None:
        fmt = "mov"
    result = {"format": fmt}
    timecode = next((t for t in tracks if t.get("handler") == b"tmcd"), None)
    if timecode is not None:
        result["timecode"] = _timecode(handle, timecode)
    if audio is not None:
        result.update(sample_rate=audio.get("sample_rate"),
                      channels=audio.get("channels"),
                      audio_codec=audio.get("codec"))
    main = video if video is not None else audio
    timescale, duration = main.get("timescale"), main.get("duration")
    if not timescale and movie_times:
        timescale, duration = movie_times
    if timescale:
        result["duration_seconds"] = duration / float(timescale)
    result["codec"] = main.get("codec")
    if video is None:
        samples = int(round(result.get("duration_seconds", 0)
                            * (audio.get("sample_rate") or 0))) or None
        result.update(kind="audio", bit_depth=audio.get("bit_depth"),
                      frames=samples)
        return result
    result.update(kind="video",
                  width=video.get("width") or video.get("entry_width"),
                  height=video.get("height") or video.get("entry_height"))
    stts = video.get("stts") or []
    frames = sum(count for count, _ in stts)
    ticks = sum(count * delta for count, delta in stts)
    if frames and ticks and timescale:
        result["frames"] = frames
        result["fps"] = _normalise_fps(frames * float(timescale) / ticks)
    return result


def media_kind(path):
    """'video', 'audio' or 'still' from the file extension, else None."""
    extension = os.path.splitext(str(path))[1].lower()
    for kind, extensions in (("video", VIDEO_EXTENSIONS),
                             ("audio", AUDIO_EXTENSIONS),
                             ("still", STILL_EXTENSIONS)):
        if extension in extensions:
            return kind
    return None


def is_media_file(path):
    """True when the extension of ``path`` is one Resolve lists as media.

    Hidden files (leading '.') are not media.  The file need not exist.
    """
    if not isinstance(path, str):
        return False
    name = os.path.basename(path)
    return not name.startswith(".") and media_kind(name) is not None


def consolidate_sequences(filenames):
    """Collapse runs of numbered stills into Resolve-style entries.

    ``shot_0001.png`` .. ``shot_0100.png`` becomes ``shot_[0001-0100].png``.
    A run is two or more files with the same prefix, extension and digit
    count whose numbers are consecutive; a gap starts a new run and a lone
    numbered file stays as it is.  Only still-image extensions form
    sequences.  Each entry takes the place of its first member; other
    names keep their input order.
    """
    groups = {}
    for index, name in enumerate(filenames):
        match = _SEQUENCE_NAME.match(name)
        if match and os.path.splitext(name)[1].lower() in STILL_EXTENSIONS:
            prefix, digits, extension = match.groups()
            key = (prefix, len(digits), extension)
            groups.setdefault(key, []).append((int(digits), index))
    replacement = {}
    hidden = set()
    for (prefix, width, extension), members in groups.items():
        members.sort()
        runs = [[members[0]]]
        for member in members[1:]:
            if member[0] == runs[-1][-1][0] + 1:
                runs[-1].append(member)
            else:
                runs.append([member])
        for run in runs:
            if len(run) < 2:
                continue
            entry = "%s[%0*d-%0*d]%s" % (prefix, width, run[0][0], width,
                                         run[-1][0], extension)
            indices = [index for _, index in run]
            replacement[min(indices)] = entry
            hidden.update(indices)
    result = []
    for index, name in enumerate(filenames):
        if index in replacement:
            result.append(replacement[index])
        elif index not in hidden:
            result.append(name)
    return result


def parse_sequence_entry(entry):
    """``'x/shot_[0001-0100].png'`` -> ``('x/shot_%04d.png', 1, 100)``.

    Returns None when ``entry`` is not a consolidated sequence entry.
    """
    match = _SEQUENCE_ENTRY.match(entry) if isinstance(entry, str) else None
    if match is None:
        return None
    prefix, first, last, extension = match.groups()
    if len(first) != len(last) or int(first) > int(last):
        return None
    pattern = "%s%%0%dd%s" % (prefix.replace("%", "%%"), len(first),
                              extension)
    return pattern, int(first), int(last)


def expand_sequence(pattern, start, end):
    """Expand a printf pattern over the inclusive frame range start..end.

    ``expand_sequence('/x/file_%03d.dpx', 8, 10)`` ->
    ``['/x/file_008.dpx', '/x/file_009.dpx', '/x/file_010.dpx']``.
    The pattern must contain exactly one ``%d``/``%0Nd`` token (``%%`` is a
    literal percent sign).  Returns [] for invalid patterns or ranges.
    """
    if not isinstance(pattern, str) or not all(
            isinstance(value, int) and not isinstance(value, bool)
            for value in (start, end)):
        return []
    parts = pattern.split("%%")
    tokens = [(index, match) for index, part in enumerate(parts)
              for match in _PRINTF_TOKEN.finditer(part)]
    if len(tokens) != 1 or start < 0 or end < start:
        return []
    index, match = tokens[0]
    part = parts[index]
    width = int(match.group(2) or 0)
    fill = "0" if match.group(1) else " "
    paths = []
    for number in range(start, end + 1):
        parts[index] = (part[:match.start()] + str(number).rjust(width, fill)
                        + part[match.end():])
        paths.append("%".join(parts))
    return paths
