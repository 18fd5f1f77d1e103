"""Small media writers for simulator tests and demos (standard library only).

Every writer creates a structurally valid file that
:func:`sim_probe.probe` reads back with exactly the values written:

* :func:`write_wav` - silent PCM WAV (optionally WAVE_FORMAT_EXTENSIBLE,
  optionally a BWF 'bext' chunk with a TimeReference)
* :func:`write_aiff` - silent PCM AIFF
* :func:`write_png` - solid-colour 8-bit RGB PNG
* :func:`write_jpeg` - decodable mid-grey greyscale baseline JPEG (SOF0)
* :func:`write_mp4` / :func:`write_mov` - ISO BMFF movies (ftyp, moov with
  mvhd and full trak/mdia/minf/stbl trees, mdat) whose samples are
  placeholder bytes, i.e. the structure is real but the essence is not
  decodable; optional 48 kHz stereo 16-bit audio track (PCM or AAC) and
  optional 'tmcd' timecode track (a real first frame number)
* :func:`write_m4a` - audio-only ISO BMFF file

Each writer returns ``path``.
"""

import math
import struct
import zlib
from fractions import Fraction

import sim_timecode

_IDENTITY_MATRIX = struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0,
                               0, 0x40000000)
_AUDIO_RATE = 48000
_AUDIO_CHANNELS = 2
_AUDIO_BITS = 16
_AUDIO_PACKET = 1024
_KSDATAFORMAT_SUBTYPE_PCM_TAIL = (b"\x00\x00\x00\x00\x10\x00\x80\x00"
                                  b"\x00\xaa\x00\x38\x9b\x71")


def write_wav(path, seconds, sample_rate=48000, channels=2, bits=16,
              extensible=False, time_reference=None):
    """Write ``seconds`` of silence as PCM WAV; ``time_reference`` (samples
    since midnight) adds a BWF 'bext' chunk (version 1) carrying it."""
    frames = int(round(seconds * sample_rate))
    block_align = channels * bits // 8
    silence = b"\x80" if bits == 8 else b"\x00"
    data = silence * (frames * block_align)
    fmt = struct.pack("<HHIIHH", 0xFFFE if extensible else 1, channels,
                      sample_rate, sample_rate * block_align, block_align,
                      bits)
    if extensible:
        channel_mask = (1 << channels) - 1
        fmt += struct.pack("<HHIH", 22, bits, channel_mask, 1)
        fmt += _KSDATAFORMAT_SUBTYPE_PCM_TAIL
    body = b"WAVE"
    if time_reference is not None:
        bext = (b"\x00" * 256 + b"sim_testmedia".ljust(32, b"\x00")
                + b"\x00" * 32 + b"2026-01-01" + b"00:00:00"
                + struct.pack("<QH", time_reference, 1) + b"\x00" * 254)
        body += struct.pack("<4sI", b"bext", len(bext)) + bext
    body += (struct.pack("<4sI", b"fmt ", len(fmt)) + fmt
             + struct.pack("<4sI", b"data", len(data)) + data)
    if len(data) & 1:
        body += b"\x00"
    with open(path, "wb") as handle:
        handle.write(struct.pack("<4sI", b"RIFF", len(body)) + body)
    return path


def _extended(value):
    """Encode a positive integer as an 80-bit IEEE 754 extended float."""
    exponent = value.bit_length() - 1
    return struct.pack(">HQ", exponent + 16383, value << (63 - exponent))


def write_aiff(path, seconds, sample_rate=48000, channels=2, bits=16):
    """Write ``seconds`` of silence as big-endian PCM AIFF."""
    frames = int(round(seconds * sample_rate))
    data = b"\x00" * (frames * channels * ((bits + 7) // 8))
    comm = struct.pack(">hIh", channels, frames, bits) + _extended(
        sample_rate)
    ssnd = struct.pack(">II", 0, 0) + data
    body = (b"AIFF" + struct.pack(">4sI", b"COMM", len(comm)) + comm
            + struct.pack(">4sI", b"SSND", len(ssnd)) + ssnd)
    if len(ssnd) & 1:
        body += b"\x00"
    with open(path, "wb") as handle:
        handle.write(struct.pack(">4sI", b"FORM", len(body)) + body)
    return path


def _png_chunk(chunk_type, data):
    return (struct.pack(">I", len(data)) + chunk_type + data
            + struct.pack(">I", zlib.crc32(chunk_type + data) & 0xFFFFFFFF))


def write_png(path, width, height, rgb=(0, 0, 0)):
    """Write a solid-colour 8-bit RGB PNG."""
    row = b"\x00" + bytes(bytearray(rgb)) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
                     + _png_chunk(b"IDAT", zlib.compress(row * height))
                     + _png_chunk(b"IEND", b""))
    return path


def _jpeg_segment(marker, payload):
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def write_jpeg(path, width, height):
    """Write a mid-grey 8-bit greyscale baseline JPEG (SOF0).

    Every 8x8 block has a zero DC difference and no AC coefficients, coded
    with one-symbol Huffman tables, so the file is small but decodable.
    """
    blocks = int(math.ceil(width / 8.0)) * int(math.ceil(height / 8.0))
    bit_count = 2 * blocks
    scan = bytearray(bit_count // 8)
    if bit_count % 8:
        scan.append((1 << (8 - bit_count % 8)) - 1)
    one_symbol_table = bytes(bytearray([1] + [0] * 15 + [0]))
    jpeg = (b"\xff\xd8"
            + _jpeg_segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01"
                            b"\x00\x00")
            + _jpeg_segment(0xDB, b"\x00" + b"\x01" * 64)
            + _jpeg_segment(0xC0, struct.pack(">BHHBBBB", 8, height, width,
                                              1, 1, 0x11, 0))
            + _jpeg_segment(0xC4, b"\x00" + one_symbol_table)
            + _jpeg_segment(0xC4, b"\x10" + one_symbol_table)
            + _jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
            + bytes(scan) + b"\xff\xd9")
    with open(path, "wb") as handle:
        handle.write(jpeg)
    return path


def _box(box_type, *payloads):
    payload = b"".join(payloads)
    return struct.pack(">I4s", len(payload) + 8, box_type) + payload


def _full_box(box_type, flags, *payloads):
    return _box(box_type, struct.pack(">I", flags), *payloads)


def _video_timing(fps):
    """(timescale, ticks per frame) for ``fps``."""
    fraction = sim_timecode.rate_fraction(fps)
    if fraction is None:
        exact = Fraction(fps).limit_denominator(1001)
        fraction = (exact.numerator, exact.denominator)
    numerator, denominator = fraction
    scale = 1000 if denominator == 1 else 1
    return numerator * scale, denominator * scale


_HANDLER_NAMES = {b"vide": b"VideoHandler", b"soun": b"SoundHandler",
                  b"tmcd": b"TimeCodeHandler"}
_TMCD_DROP_FRAME, _TMCD_24_HOUR_MAX = 0x0001, 0x0002


def _hdlr(component, subtype, name, quicktime):
    """A handler box: QuickTime names a component type and writes a Pascal
    name; ISO BMFF writes 0 and a C string."""
    if quicktime:
        return _full_box(b"hdlr", 0,
                         struct.pack(">4s4s12x", component, subtype),
                         bytes(bytearray([len(name)])) + name)
    return _full_box(b"hdlr", 0, struct.pack(">I4s12x", 0, subtype),
                     name + b"\x00")


def _media_header(handler):
    if handler == b"vide":
        return _full_box(b"vmhd", 1, struct.pack(">H3H", 0, 0, 0, 0))
    if handler == b"soun":
        return _full_box(b"smhd", 0, b"\x00" * 4)
    gmin = _full_box(b"gmin", 0, struct.pack(">H3HhH", 0x40, 0x8000, 0x8000,
                                              0x8000, 0, 0))
    tcmi = _full_box(b"tcmi", 0, struct.pack(">hhhH3H3H", 0, 0, 12, 0, 0, 0, 0,
                                              0xFFFF, 0xFFFF, 0xFFFF), b"\x00")
    return _box(b"gmhd", gmin, _box(b"tmcd", tcmi))


def _track(track_id, handler, timescale, duration, movie_duration,
           sample_entry, stts, sample_count, chunk_offset, size=(0, 0),
           sample_size=1, quicktime=False, extra=b""):
    """A complete trak box with one chunk of ``sample_size``-byte samples.
    QuickTime adds a data handler ('dhlr'/'alis') to minf, as its writers
    do."""
    tkhd = _full_box(b"tkhd", 3, struct.pack(
        ">IIIII8xhhH2x", 0, 0, track_id, 0, movie_duration, 0, 0,
        0x0100 if handler == b"soun" else 0), _IDENTITY_MATRIX,
        struct.pack(">II", size[0] << 16, size[1] << 16))
    mdhd = _full_box(b"mdhd", 0, struct.pack(">IIIIHH", 0, 0, timescale,
                                             duration, 0x55C4, 0))
    hdlr = _hdlr(b"mhlr", handler, _HANDLER_NAMES[handler], quicktime)
    reference = _full_box(b"alis" if quicktime else b"url ", 1)
    dinf = _box(b"dinf",
                _full_box(b"dref", 0, struct.pack(">I", 1), reference))
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, struct.pack(">I", 1), sample_entry),
        _full_box(b"stts", 0, struct.pack(">I", len(stts)),
                  *(struct.pack(">II", count, delta)
                    for count, delta in stts)),
        _full_box(b"stsc", 0, struct.pack(">IIII", 1, 1, sample_count, 1)),
        _full_box(b"stsz", 0, struct.pack(">II", sample_size, sample_count)),
        _full_box(b"stco", 0, struct.pack(">II", 1, chunk_offset)))
    data_handler = (_hdlr(b"dhlr", b"alis", b"DataHandler", True) if quicktime
                    else b"")
    minf = _box(b"minf", _media_header(handler), data_handler, dinf, stbl)
    return _box(b"trak", tkhd, extra, _box(b"mdia", mdhd, hdlr, minf))


def _video_entry(codec, width, height):
    compressor = codec.encode("latin-1")[:31]
    return _box(codec.encode("latin-1"), struct.pack(
        ">6xH2xH12xHHIIIH", 1, 0, width, height, 0x00480000, 0x00480000,
        0, 1), bytes(bytearray([len(compressor)])) + compressor.ljust(31,
                                                                      b"\x00"),
        struct.pack(">Hh", 0x18, -1))


def _audio_entry(codec):
    return _box(codec.encode("latin-1"), struct.pack(
        ">6xHHHIHHHHI", 1, 0, 0, 0, _AUDIO_CHANNELS, _AUDIO_BITS, 0, 0,
        _AUDIO_RATE << 16))


def _timecode_entry(fps, drop):
    """A 'tmcd' sample description: flags, timescale, frame duration and the
    number of frames per second the labels count."""
    numerator, denominator = _video_timing(fps)
    flags = _TMCD_24_HOUR_MAX | (_TMCD_DROP_FRAME if drop else 0)
    return _box(b"tmcd", struct.pack(">6xH", 1), struct.pack(
        ">IIIIBB", 0, flags, numerator, denominator,
        sim_timecode.nominal_rate(fps), 0))


def _audio_stts(samples):
    full, rest = divmod(samples, _AUDIO_PACKET)
    stts = [(full, _AUDIO_PACKET)] if full else []
    if rest:
        stts.append((1, rest))
    return stts


def _write_bmff(path, brand, compatible, video, audio, timecode=None):
    """Write ftyp/moov/mdat.  ``video``: (codec, width, height, fps, frames)
    or None; ``audio``: (codec, sample count) or None; ``timecode``: (first
    frame number, drop frame) for a 'tmcd' track at the video rate."""
    quicktime = brand == b"qt  "
    ftyp = _box(b"ftyp", brand, struct.pack(">I", 0x200), *compatible)
    if video is not None:
        codec, width, height, fps, frames = video
        movie_scale, ticks = _video_timing(fps)
        movie_duration = frames * ticks
    else:
        movie_scale, movie_duration = _AUDIO_RATE, audio[1]
    video_samples = video[4] if video is not None else 0
    audio_stts = _audio_stts(audio[1]) if audio is not None else []
    audio_packets = sum(count for count, _ in audio_stts)
    tc_id = 3 if audio is not None else 2

    def build_moov(data_offset):
        traks = []
        if video is not None:
            # the video track points at its timecode track, as QuickTime does
            tref = (_box(b"tref", _box(b"tmcd", struct.pack(">I", tc_id)))
                    if timecode else b"")
            traks.append(_track(
                1, b"vide", movie_scale, movie_duration, movie_duration,
                _video_entry(codec, width, height), [(frames, ticks)],
                frames, data_offset, (width, height), quicktime=quicktime,
                extra=tref))
        if audio is not None:
            traks.append(_track(
                len(traks) + 1, b"soun", _AUDIO_RATE, audio[1],
                int(round(audio[1] * movie_scale / float(_AUDIO_RATE))),
                _audio_entry(audio[0]), audio_stts, audio_packets,
                data_offset + video_samples, quicktime=quicktime))
        if timecode:
            traks.append(_track(
                tc_id, b"tmcd", movie_scale, movie_duration, movie_duration,
                _timecode_entry(fps, timecode[1]), [(1, movie_duration)], 1,
                data_offset + video_samples + audio_packets, sample_size=4,
                quicktime=quicktime))
        mvhd = _full_box(b"mvhd", 0, struct.pack(
            ">IIIIIH10x", 0, 0, movie_scale, movie_duration, 0x00010000,
            0x0100), _IDENTITY_MATRIX, struct.pack(">24xI", len(traks) + 1))
        return _box(b"moov", mvhd, *traks)

    moov_size = len(build_moov(0))
    moov = build_moov(len(ftyp) + moov_size + 8)
    tc_sample = struct.pack(">I", timecode[0]) if timecode else b""
    mdat = _box(b"mdat", b"\x00" * (video_samples + audio_packets), tc_sample)
    with open(path, "wb") as handle:
        handle.write(ftyp + moov + mdat)
    return path


def _audio_samples(fps, frames):
    timescale, ticks = _video_timing(fps)
    return int(round(frames * ticks * _AUDIO_RATE / float(timescale)))


def _timecode_track(fps, timecode, drop_frame):
    """(first frame number, drop) for a start timecode label, or None."""
    if timecode is None:
        return None
    frame = sim_timecode.tc_to_frames(timecode, fps, drop_frame)
    if frame is None:
        raise ValueError("bad timecode %r at %r fps" % (timecode, fps))
    return frame, drop_frame


def write_mp4(path, width, height, fps, frames, with_audio=False,
              codec="avc1", timecode=None, drop_frame=False):
    """Write an MP4 (brand isom) with one video track of ``frames`` frames
    at ``fps`` and, with ``with_audio``, a 48 kHz stereo 'mp4a' track of
    the same duration.  ``timecode`` ('10:00:00:00') adds a 'tmcd' track
    starting there (``drop_frame`` at 29.97/59.94)."""
    audio = ("mp4a", _audio_samples(fps, frames)) if with_audio else None
    return _write_bmff(path, b"isom", (b"isom", b"iso2", b"mp41"),
                       (codec, width, height, fps, frames), audio,
                       _timecode_track(fps, timecode, drop_frame))


def write_mov(path, width, height, fps, frames, with_audio=False,
              codec="apch", audio_codec="sowt", timecode=None,
              drop_frame=False):
    """Write a QuickTime movie (brand 'qt  ', a data handler in each minf)
    like :func:`write_mp4`; the default codec is ProRes 422 HQ ('apch') and
    audio is ``audio_codec`` ('sowt' PCM, or 'mp4a' for AAC)."""
    audio = (audio_codec, _audio_samples(fps, frames)) if with_audio else None
    return _write_bmff(path, b"qt  ", (b"qt  ",),
                       (codec, width, height, fps, frames), audio,
                       _timecode_track(fps, timecode, drop_frame))


def write_m4a(path, seconds):
    """Write an audio-only M4A: 48 kHz stereo 16-bit 'mp4a' track."""
    return _write_bmff(path, b"M4A ", (b"M4A ", b"isom"), None,
                       ("mp4a", int(round(seconds * _AUDIO_RATE))))
