"""Timeline interchange (export and import) for the Resolve simulator.

Timelines are plain dicts::

    {"name": str, "fps": float, "drop_frame": bool,
     "start_frame": int,                 # absolute frame of timeline start
     "tracks": {"video": [track], "audio": [track], "subtitle": [track]},
     "markers": [{"frame": int,          # relative to the timeline start
                  "color": str, "name": str, "note": str,
                  "duration": int, "customData": str}]}
    track = {"name": str, "items": [item]}
    item = {"name": str, "start": int, "end": int,   # absolute, end exclusive
            "source_start": int, "source_end": int,  # source frames
            "source_origin": int,  # optional: first frame of the media's
                                   # own timecode (its Start TC)
            "file_path": str, "clip_name": str,
            "cdl": optional {"slope": [r, g, b], "offset": [r, g, b],
                             "power": [r, g, b], "saturation": float}}

``cdl`` may also use the ``Timeline Item.SetCDL`` form (keys ``Slope``,
``Offset``, ``Power``, ``Saturation`` with space-separated strings).

:func:`export_timeline` kinds (see :data:`EXPORT_KINDS`) and what
:func:`import_timeline` reads back:

``edl``        CMX 3600.  Subtype (required): ``none``; ``cdl`` adds
               ``*ASC_SOP``/``*ASC_SAT`` lines for items with a cdl;
               ``sdl`` adds ``M2`` speed lines for items whose source and
               record lengths differ; ``missing_clips`` lists only items
               whose file_path is empty or not an existing file.  Comments:
               ``* FROM CLIP NAME:``, ``* SOURCE FILE:`` (file path),
               ``* TRACK: V2`` (tracks other than 1) and ``* LOC: <tc>
               <COLOUR> <name>`` markers.  Source timecodes count from
               ``source_origin`` (the media's Start TC), as Resolve writes
               them; import marks the description ``source_absolute``.
               Carries video/audio items,
               source/record ranges, clip names, paths, cdl and marker
               frame/colour/name.  An EDL stores no frame rate: import uses
               the ``fps`` argument (default 29.97 for DROP FRAME EDLs,
               else 24) and takes the start as the hour of the first event.
``fcp7xml``    xmeml version 5.  Carries video/audio tracks (not their
               names), items with names, source ranges, clip names and
               paths, rate, start timecode and markers (name, note,
               duration and a ``<color>`` element).
``fcpxml_1_8``, ``fcpxml_1_9``
               FCPXML with rational-second times.  Video track 1 is the
               spine; other tracks are connected clips (lane n-1 for video
               track n, lane -n for audio track n); timeline markers sit
               in the spine element that covers them.  Media paths are an
               asset ``src`` in 1.8 and a ``media-rep`` in 1.9+.  Markers
               lose colour and customData (FCPXML has no field for them,
               colour reads back as Blue) and source_end reads back as
               source_start + record length.
``fcpxml_1_10`` the same as an ``.fcpxmld`` bundle: ``path`` is created as a
               directory holding ``Info.fcpxml``.
``otio``       OpenTimelineIO JSON (Timeline.1, Stack.1, Track.1, Clip.1,
               Gap.1, ExternalReference.1/MissingReference.1, Marker.2).
               Source ranges count from ``source_origin`` like the EDL's.
               Carries everything except cdl, including subtitle tracks
               and track names; exact Resolve colours, notes, customData
               and source_end are kept in ``metadata["Resolve_OTIO"]``.
``drt``        Simulator-native JSON (a real .drt is a proprietary archive)
               holding the whole description: lossless.
``aaf``        A real AAF (a structured-storage binary) cannot be written
               with the standard library, so a clearly labelled text
               placeholder holding the description as JSON is written.
               Subtype ``new`` or ``existing`` is required.  Lossless.
``csv``, ``tab`` One header row and one row per item (export only).
``ale``, ``ale_cdl`` Avid Log Exchange, one row per item; ``ale_cdl`` adds
               ASC_SOP/ASC_SAT columns (export only).
``hdr10a``, ``hdr10b``, ``dolby_2_9``, ``dolby_4_0``, ``dolby_5_1``
               Small XML metadata files listing the video shots (export
               only).

EDL, FCP 7 XML and FCPXML carry no subtitle tracks or track names (tracks
read back as "Video 1", "Audio 1", ...; empty trailing tracks are lost).
Subtypes are ignored for all kinds except ``edl`` and ``aaf``.  Both
functions never raise: export returns False and import returns None on
failure.  Imported descriptions use the standard rate value (23.976,
29.97, ...) for ``fps`` and list items sorted by start in each track.
"""

import csv
import json
import os
import re
import xml.etree.ElementTree as ET
from fractions import Fraction
from urllib.parse import quote, unquote, urlparse

import sim_timecode

EXPORT_KINDS = ("edl", "fcp7xml", "fcpxml_1_8", "fcpxml_1_9", "fcpxml_1_10",
                "otio", "csv", "tab", "ale", "ale_cdl", "drt", "aaf",
                "hdr10a", "hdr10b", "dolby_2_9", "dolby_4_0", "dolby_5_1")
EDL_SUBTYPES = ("none", "cdl", "sdl", "missing_clips")
AAF_SUBTYPES = ("new", "existing")
TRACK_KINDS = ("video", "audio", "subtitle")

DRT_FORMAT = "DaVinci Resolve Simulator Timeline"
AAF_PLACEHOLDER_HEADER = ("SIMULATED AAF PLACEHOLDER - written by the "
                          "DaVinci Resolve simulator; not a real AAF file")
BUNDLE_DOCUMENT = "Info.fcpxml"

_FAILURES = (OSError, ValueError, TypeError, KeyError, AttributeError,
             IndexError, ZeroDivisionError, ET.ParseError)
_DEFAULT_COLOR = "Blue"
_TRACK_TITLES = {"video": "Video", "audio": "Audio", "subtitle": "Subtitle"}
_OTIO_COLORS = {"Blue": "BLUE", "Cyan": "CYAN", "Green": "GREEN",
                "Yellow": "YELLOW", "Red": "RED", "Pink": "PINK",
                "Purple": "PURPLE", "Fuchsia": "MAGENTA", "Rose": "PINK",
                "Lavender": "PURPLE", "Sky": "CYAN", "Mint": "GREEN",
                "Lemon": "YELLOW", "Sand": "ORANGE", "Cocoa": "ORANGE",
                "Cream": "WHITE"}
_OTIO_TO_RESOLVE = {"BLUE": "Blue", "CYAN": "Cyan", "GREEN": "Green",
                    "YELLOW": "Yellow", "RED": "Red", "PINK": "Pink",
                    "PURPLE": "Purple", "MAGENTA": "Fuchsia",
                    "ORANGE": "Sand", "WHITE": "Cream", "BLACK": "Cocoa"}
_TABLE_HEADER = ("Event", "Track", "Name", "Clip Name", "File Path",
                 "Source In", "Source Out", "Record In", "Record Out",
                 "Duration", "Start Frame", "End Frame")
_DOLBY_VERSIONS = {"dolby_2_9": "2.9", "dolby_4_0": "4.0.2",
                   "dolby_5_1": "5.1.0"}
_EDL_TC = r"(\d{2}[:;.]\d{2}[:;.]\d{2}[:;.]\d{2,3})"
_EDL_EVENT = re.compile(r"^(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(?:\d+\s+)?"
                        + r"\s+".join([_EDL_TC] * 4) + r"\s*$")
_EDL_LOC = re.compile(r"^\*\s*LOC:\s*" + _EDL_TC + r"\s+(\S+)\s*(.*)$")
_CDL_NUMBERS = re.compile(r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?")


# ---------------------------------------------------------------- helpers


class _Rate(object):
    """Frame rate of a timeline: label value, exact fraction, drop flag."""

    def __init__(self, fps, drop):
        parsed = sim_timecode.parse_rate(fps)
        if parsed is None:
            raise ValueError("unsupported frame rate %r" % (fps,))
        self.fps, self.nominal = parsed[0], parsed[1]
        self.drop = bool(drop) and self.nominal in (30, 60)
        self.num, self.den = sim_timecode.rate_fraction(self.fps)
        self.ntsc = self.den == 1001

    def tc(self, frames):
        return sim_timecode.frames_to_tc(frames, self.fps, self.drop)

    def frames(self, tc):
        value = sim_timecode.tc_to_frames(tc, self.fps, self.drop)
        if value is None:
            raise ValueError("bad timecode %r" % (tc,))
        return value

    def seconds(self, frames):
        """Frames as an FCPXML rational time string ('1001/24000s')."""
        if frames == 0:
            return "0s"
        if self.den == 1:
            return "%d/%ds" % (frames, self.num)
        return "%d/%ds" % (frames * self.den, self.num)

    def exact(self):
        return float(self.num) / self.den


def _normalise(desc):
    """Validated deep copy of a timeline description (raises on bad input)."""
    rate = _Rate(desc["fps"], desc.get("drop_frame", False))
    tracks = {}
    for kind in TRACK_KINDS:
        tracks[kind] = []
        for index, track in enumerate(desc.get("tracks", {}).get(kind) or [],
                                      1):
            items = []
            for item in track.get("items") or []:
                entry = {
                    "name": str(item.get("name") or item.get("clip_name")
                                or ""),
                    "start": int(item["start"]), "end": int(item["end"]),
                    "source_start": int(item.get("source_start") or 0),
                    "file_path": str(item.get("file_path") or ""),
                    "clip_name": str(item.get("clip_name") or item.get("name")
                                     or ""),
                }
                entry["source_end"] = int(item.get(
                    "source_end", entry["source_start"] + entry["end"]
                    - entry["start"]))
                if item.get("source_origin"):
                    entry["source_origin"] = int(item["source_origin"])
                cdl = _normalise_cdl(item.get("cdl"))
                if cdl:
                    entry["cdl"] = cdl
                if entry["end"] <= entry["start"]:
                    raise ValueError("empty item %r" % entry["name"])
                items.append(entry)
            items.sort(key=lambda entry: entry["start"])
            tracks[kind].append({
                "name": str(track.get("name")
                            or "%s %d" % (_TRACK_TITLES[kind], index)),
                "items": items})
    markers = []
    for marker in desc.get("markers") or []:
        markers.append({
            "frame": int(marker["frame"]),
            "color": str(marker.get("color") or _DEFAULT_COLOR),
            "name": str(marker.get("name") or ""),
            "note": str(marker.get("note") or ""),
            "duration": max(1, int(marker.get("duration") or 1)),
            "customData": str(marker.get("customData") or "")})
    markers.sort(key=lambda marker: marker["frame"])
    start = desc.get("start_frame")
    result = {"name": str(desc.get("name") or "Timeline 1"),
              "fps": rate.fps, "drop_frame": rate.drop,
              "start_frame": (int(start) if start is not None
                              else rate.frames("01:00:00:00")),
              "tracks": tracks, "markers": markers}
    return result, rate


def _normalise_cdl(cdl):
    """CDL as {'slope', 'offset', 'power': [3 floats], 'saturation'}."""
    if not isinstance(cdl, dict):
        return None
    lowered = {str(key).lower(): value for key, value in cdl.items()}
    result = {}
    for key in ("slope", "offset", "power"):
        value = lowered.get(key, [0.0] * 3 if key == "offset" else [1.0] * 3)
        if isinstance(value, str):
            value = value.split()
        result[key] = [float(number) for number in value][:3]
        if len(result[key]) != 3:
            return None
    result["saturation"] = float(lowered.get("saturation", 1.0))
    return result


def _all_items(desc, kinds=("video", "audio")):
    """Yield (kind, track index, item) in track order."""
    for kind in kinds:
        for index, track in enumerate(desc["tracks"][kind], 1):
            for item in track["items"]:
                yield kind, index, item


def _timeline_end(desc):
    ends = [item["end"] for _, _, item in _all_items(desc, TRACK_KINDS)]
    return max(ends) if ends else desc["start_frame"]


def _path_to_url(path):
    if not path:
        return ""
    return "file://" + quote(path.replace(os.sep, "/"))


def _url_to_path(url):
    if not url:
        return ""
    if not url.startswith("file:"):
        return unquote(url)
    parsed = urlparse(url)
    path = unquote(parsed.path)
    if re.match(r"^/[A-Za-z]:/", path):
        path = path[1:]
    return path


def _indent(element, level=0):
    """Pretty-print an ElementTree in place (ET.indent needs 3.9)."""
    pad = "\n" + "  " * level
    if len(element):
        if not (element.text or "").strip():
            element.text = pad + "  "
        for child in element:
            _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = pad
    if level and not (element.tail or "").strip():
        element.tail = pad


def _sub(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, tag, {key: str(value) for key, value
                                          in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def _xml_document(root, doctype):
    _indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE %s>\n%s\n'
            % (doctype, ET.tostring(root, encoding="unicode")))


def _write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _empty_desc(name, rate, start_frame):
    return {"name": name, "fps": rate.fps, "drop_frame": rate.drop,
            "start_frame": start_frame,
            "tracks": {kind: [] for kind in TRACK_KINDS}, "markers": []}


def _place(desc, kind, index, item):
    """Add ``item`` to track ``index`` (1-based) of ``kind``."""
    tracks = desc["tracks"][kind]
    while len(tracks) < index:
        tracks.append({"name": "%s %d" % (_TRACK_TITLES[kind],
                                          len(tracks) + 1), "items": []})
    tracks[index - 1]["items"].append(item)


def _finish(desc):
    for kind in TRACK_KINDS:
        for track in desc["tracks"][kind]:
            track["items"].sort(key=lambda item: item["start"])
    desc["markers"].sort(key=lambda marker: marker["frame"])
    return desc


def _marker(frame, color, name, note="", duration=1, custom=""):
    return {"frame": frame, "color": color or _DEFAULT_COLOR, "name": name,
            "note": note, "duration": max(1, duration), "customData": custom}


def _item(name, start, end, source_start, source_end, file_path, clip_name):
    return {"name": name, "start": start, "end": end,
            "source_start": source_start, "source_end": source_end,
            "file_path": file_path, "clip_name": clip_name}


# -------------------------------------------------------------------- EDL


def _format_cdl(cdl):
    def triple(values):
        return "(%s)" % " ".join("%.6g" % value for value in values)
    return ["*ASC_SOP %s%s%s" % (triple(cdl["slope"]), triple(cdl["offset"]),
                                 triple(cdl["power"])),
            "*ASC_SAT %.6g" % cdl["saturation"]]


def _write_edl(desc, rate, path, subtype):
    lines = ["TITLE: %s" % desc["name"],
             "FCM: %s" % ("DROP FRAME" if rate.drop else "NON-DROP FRAME"),
             ""]
    events = []
    for kind, index, item in _all_items(desc):
        if subtype == "missing_clips" and item["file_path"] and \
                os.path.isfile(item["file_path"]):
            continue
        events.append((kind, index, item))
    pending = [(desc["start_frame"] + marker["frame"], marker)
               for marker in desc["markers"]]
    for number, (kind, index, item) in enumerate(events, 1):
        channel = "V" if kind == "video" else "A"
        origin = item.get("source_origin", 0)  # the media's own timecode
        lines.append("%03d  %-8s %-5s %-4s     %s %s %s %s" % (
            number, "AX", channel, "C", rate.tc(origin + item["source_start"]),
            rate.tc(origin + item["source_end"]), rate.tc(item["start"]),
            rate.tc(item["end"])))
        source_length = item["source_end"] - item["source_start"]
        record_length = item["end"] - item["start"]
        if subtype == "sdl" and source_length != record_length:
            lines.append("M2   %-8s %05.1f%s%s" % (
                "AX", rate.fps * source_length / record_length, " " * 16,
                rate.tc(origin + item["source_start"])))
        lines.append("* FROM CLIP NAME: %s" % item["clip_name"])
        if item["file_path"]:
            lines.append("* SOURCE FILE: %s" % item["file_path"])
        if index > 1:
            lines.append("* TRACK: %s%d" % (channel, index))
        if subtype == "cdl" and "cdl" in item:
            lines.extend(_format_cdl(item["cdl"]))
        last = number == len(events)
        for absolute, marker in list(pending):
            if last or item["start"] <= absolute < item["end"]:
                lines.append(_edl_loc(rate, absolute, marker))
                pending.remove((absolute, marker))
        lines.append("")
    lines.extend(_edl_loc(rate, absolute, marker)
                 for absolute, marker in pending)
    _write_text(path, "\r\n".join(lines) + "\r\n")


def _edl_loc(rate, absolute, marker):
    return "* LOC: %s %-7s %s" % (rate.tc(absolute), marker["color"].upper(),
                                  marker["name"])


def _parse_cdl_line(line, item):
    numbers = [float(value) for value in _CDL_NUMBERS.findall(
        line.split(None, 1)[1])]
    cdl = item.setdefault("cdl", {"slope": [1.0] * 3, "offset": [0.0] * 3,
                                  "power": [1.0] * 3, "saturation": 1.0})
    if line.upper().startswith("*ASC_SOP") and len(numbers) == 9:
        cdl.update(slope=numbers[:3], offset=numbers[3:6], power=numbers[6:])
    elif line.upper().startswith("*ASC_SAT") and numbers:
        cdl["saturation"] = numbers[0]


def _read_edl(text, fps):
    lines = text.splitlines()
    drop = any(line.strip().upper() == "FCM: DROP FRAME" for line in lines)
    rate = _Rate(fps if fps is not None else (29.97 if drop else 24), drop)
    title = "Timeline 1"
    has_title = False
    events = []
    locs = []
    current = None
    for raw in lines:
        line = raw.strip()
        upper = line.upper()
        event = _EDL_EVENT.match(line)
        if upper.startswith("TITLE:"):
            title = line[6:].strip() or title
            has_title = True
        elif event:
            number, _, channel, _, src_in, src_out, rec_in, rec_out = \
                event.groups()
            kind = "video" if channel.upper().startswith("V") else "audio"
            digits = re.sub(r"\D", "", channel)
            current = {"kind": kind, "track": int(digits) if digits else 1,
                       "item": _item("", rate.frames(rec_in),
                                     rate.frames(rec_out),
                                     rate.frames(src_in),
                                     rate.frames(src_out), "", "")}
            events.append(current)
        elif _EDL_LOC.match(line):
            tc, color, name = _EDL_LOC.match(line).groups()
            locs.append((rate.frames(tc), color.capitalize(), name.strip()))
        elif current is None:
            continue
        elif upper.startswith("* FROM CLIP NAME:"):
            name = line.split(":", 1)[1].strip()
            current["item"]["clip_name"] = current["item"]["name"] = name
        elif upper.startswith("* SOURCE FILE:"):
            current["item"]["file_path"] = line.split(":", 1)[1].strip()
        elif upper.startswith("* TRACK:"):
            current["track"] = int(re.sub(r"\D", "", line) or 1)
        elif upper.startswith("*ASC_"):
            _parse_cdl_line(line, current["item"])
    if not (events or locs or has_title):
        return None
    frames = [event["item"]["start"] for event in events]
    frames += [frame for frame, _, _ in locs]
    hour = rate.tc(min(frames)).split(":")[0] if frames else "01"
    start = rate.frames(hour + ":00:00:00")
    desc = _empty_desc(title, rate, start)
    for event in events:
        _place(desc, event["kind"], event["track"], event["item"])
    desc["markers"] = [_marker(frame - start, color, name)
                       for frame, color, name in locs]
    desc["source_absolute"] = True
    return _finish(desc)


# --------------------------------------------------------------- FCP 7 XML


def _fcp7_rate(parent, rate):
    element = _sub(parent, "rate")
    _sub(element, "timebase", rate.nominal)
    _sub(element, "ntsc", "TRUE" if rate.ntsc else "FALSE")
    return element


def _write_fcp7(desc, rate, path):
    root = ET.Element("xmeml", version="5")
    sequence = _sub(root, "sequence", id="sequence-1")
    _sub(sequence, "name", desc["name"])
    _sub(sequence, "duration", _timeline_end(desc) - desc["start_frame"])
    _fcp7_rate(sequence, rate)
    timecode = _sub(sequence, "timecode")
    _fcp7_rate(timecode, rate)
    _sub(timecode, "string", rate.tc(desc["start_frame"]))
    _sub(timecode, "frame", desc["start_frame"])
    _sub(timecode, "displayformat", "DF" if rate.drop else "NDF")
    media = _sub(sequence, "media")
    files = {}
    clip_number = 0
    for kind in ("video", "audio"):
        section = _sub(media, kind)
        for track in desc["tracks"][kind]:
            track_element = _sub(section, "track")
            for item in track["items"]:
                clip_number += 1
                clip = _sub(track_element, "clipitem",
                            id="clipitem-%d" % clip_number)
                _sub(clip, "name", item["name"])
                _sub(clip, "enabled", "TRUE")
                _sub(clip, "duration", item["source_end"])
                _fcp7_rate(clip, rate)
                _sub(clip, "start", item["start"] - desc["start_frame"])
                _sub(clip, "end", item["end"] - desc["start_frame"])
                _sub(clip, "in", item["source_start"])
                _sub(clip, "out", item["source_end"])
                key = (item["file_path"], item["clip_name"])
                if key in files:
                    _sub(clip, "file", id=files[key])
                    continue
                files[key] = "file-%d" % (len(files) + 1)
                file_element = _sub(clip, "file", id=files[key])
                _sub(file_element, "name", item["clip_name"])
                if item["file_path"]:
                    _sub(file_element, "pathurl",
                         _path_to_url(item["file_path"]))
                _fcp7_rate(file_element, rate)
    for marker in desc["markers"]:
        element = _sub(sequence, "marker")
        _sub(element, "name", marker["name"])
        _sub(element, "comment", marker["note"])
        _sub(element, "in", marker["frame"])
        _sub(element, "out", marker["frame"] + marker["duration"])
        _sub(element, "color", marker["color"])
    _write_text(path, _xml_document(root, "xmeml"))


def _int_text(element, tag, default=0):
    child = element.find(tag)
    if child is None or not (child.text or "").strip():
        return default
    return int(child.text.strip())


def _read_fcp7(root):
    sequence = root.find(".//sequence")
    if sequence is None:
        return None
    rate_element = sequence.find("rate")
    timebase = _int_text(rate_element, "timebase", 24)
    ntsc = (rate_element.findtext("ntsc") or "").strip().upper() == "TRUE"
    fps = timebase * 1000.0 / 1001 if ntsc else timebase
    timecode = sequence.find("timecode")
    drop = False
    start = None
    if timecode is not None:
        drop = (timecode.findtext("displayformat") or "").strip() == "DF"
        start = _int_text(timecode, "frame", None)
    rate = _Rate(fps, drop)
    if start is None:
        start = rate.frames("01:00:00:00")
    desc = _empty_desc(sequence.findtext("name") or "Timeline 1", rate, start)
    files = {}
    for kind in ("video", "audio"):
        for index, track in enumerate(sequence.findall("media/%s/track"
                                                       % kind), 1):
            desc["tracks"][kind].append({
                "name": "%s %d" % (_TRACK_TITLES[kind], index), "items": []})
            for clip in track.findall("clipitem"):
                file_element = clip.find("file")
                clip_name, file_path = "", ""
                if file_element is not None:
                    file_id = file_element.get("id")
                    if len(file_element) or file_id not in files:
                        files[file_id] = (
                            file_element.findtext("name") or "",
                            _url_to_path(file_element.findtext("pathurl")))
                    clip_name, file_path = files[file_id]
                name = clip.findtext("name") or clip_name
                _place(desc, kind, index, _item(
                    name, start + _int_text(clip, "start"),
                    start + _int_text(clip, "end"), _int_text(clip, "in"),
                    _int_text(clip, "out"), file_path, clip_name or name))
    for element in sequence.findall("marker"):
        frame = _int_text(element, "in")
        out = _int_text(element, "out", -1)
        desc["markers"].append(_marker(
            frame, element.findtext("color"), element.findtext("name") or "",
            element.findtext("comment") or "",
            out - frame if out > frame else 1))
    return _finish(desc)


# ----------------------------------------------------------------- FCPXML


def _fcpxml_assets(desc):
    """{(file_path, clip_name): asset info} for every referenced clip."""
    assets = {}
    for kind, _, item in _all_items(desc):
        key = (item["file_path"], item["clip_name"])
        asset = assets.setdefault(key, {
            "id": "r%d" % (len(assets) + 2), "name": item["clip_name"],
            "path": item["file_path"], "length": 0, "video": False,
            "audio": False})
        asset["length"] = max(asset["length"], item["source_end"])
        asset[kind] = True
    return assets


def _spine_segments(desc, end):
    """Spine elements covering [start, end): ('clip', item) or ('gap', ...).

    Returns a list of (kind, absolute start, absolute end, item or None).
    """
    segments = []
    position = desc["start_frame"]
    primary = desc["tracks"]["video"][0]["items"] \
        if desc["tracks"]["video"] else []
    for item in primary:
        if item["start"] > position:
            segments.append(("gap", position, item["start"], None))
        segments.append(("clip", item["start"], item["end"], item))
        position = item["end"]
    if position < end:
        segments.append(("gap", position, end, None))
    return segments


def _write_fcpxml(desc, rate, path, version):
    root = ET.Element("fcpxml", version=version)
    resources = _sub(root, "resources")
    width = desc.get("width") or 1920
    height = desc.get("height") or 1080
    label = ("%d" % rate.fps if rate.den == 1
             else ("%.2f" % rate.fps).replace(".", ""))
    _sub(resources, "format", id="r1",
         name="FFVideoFormat%dp%s" % (height, label),
         frameDuration=rate.seconds(1), width=width, height=height)
    assets = _fcpxml_assets(desc)
    for asset in assets.values():
        element = _sub(resources, "asset", id=asset["id"],
                       name=asset["name"], start="0s",
                       duration=rate.seconds(asset["length"]),
                       hasVideo=int(asset["video"]),
                       hasAudio=int(asset["audio"]), format="r1")
        url = _path_to_url(asset["path"])
        if url and version == "1.8":
            element.set("src", url)
        elif url:
            _sub(element, "media-rep", kind="original-media", src=url)
    event = _sub(_sub(root, "library"), "event", name=desc["name"])
    project = _sub(event, "project", name=desc["name"])
    marker_end = max([desc["start_frame"] + marker["frame"] + 1
                      for marker in desc["markers"]] or [0])
    end = max(_timeline_end(desc), marker_end)
    sequence = _sub(project, "sequence", format="r1",
                    duration=rate.seconds(end - desc["start_frame"]),
                    tcStart=rate.seconds(desc["start_frame"]),
                    tcFormat="DF" if rate.drop else "NDF")
    spine = _sub(sequence, "spine")
    segments = []
    for kind, start, stop, item in _spine_segments(desc, end):
        if kind == "gap":
            element = _sub(spine, "gap", name="Gap", offset=rate.seconds(
                start), duration=rate.seconds(stop - start), start="0s")
            local = start
        else:
            element = _fcpxml_clip(spine, item, assets, rate, start)
            local = start - item["source_start"]
        segments.append((start, stop, element, local))
    connected = [(kind, index, item) for kind, index, item in
                 _all_items(desc) if (kind, index) != ("video", 1)]
    connected.sort(key=lambda entry: entry[2]["start"])
    for kind, index, item in connected:
        parent, local = _fcpxml_parent(segments, item["start"])
        element = _fcpxml_clip(parent, item, assets, rate,
                               item["start"] - local)
        element.set("lane", str(index - 1 if kind == "video" else -index))
    for marker in desc["markers"]:
        absolute = desc["start_frame"] + marker["frame"]
        parent, local = _fcpxml_parent(segments, absolute)
        element = ET.Element("marker", start=rate.seconds(absolute - local),
                             duration=rate.seconds(marker["duration"]),
                             value=marker["name"])
        if marker["note"]:
            element.set("note", marker["note"])
        parent.append(element)
    return _xml_document(root, "fcpxml")


def _fcpxml_parent(segments, absolute):
    """(spine element containing ``absolute``, its local-time origin)."""
    for start, stop, element, local in segments:
        if start <= absolute < stop:
            return element, local
    start, _, element, local = segments[-1]
    return element, local


def _fcpxml_clip(parent, item, assets, rate, offset):
    asset = assets[(item["file_path"], item["clip_name"])]
    return _sub(parent, "asset-clip", ref=asset["id"], name=item["name"],
                offset=rate.seconds(offset),
                duration=rate.seconds(item["end"] - item["start"]),
                start=rate.seconds(item["source_start"]),
                tcFormat="DF" if rate.drop else "NDF")


def _fcpxml_time(value, rate):
    text = (value or "0s").strip().rstrip("s") or "0"
    return int(round(Fraction(text) * rate.num / rate.den))


def _read_fcpxml(root):
    sequence = root.find(".//sequence")
    if sequence is None:
        return None
    formats = {element.get("id"): element
               for element in root.iter("format")}
    format_element = formats.get(sequence.get("format"))
    frame_duration = "1/24s"
    if format_element is not None:
        frame_duration = format_element.get("frameDuration", frame_duration)
    frame_duration = Fraction(frame_duration.rstrip("s"))
    drop = sequence.get("tcFormat") == "DF"
    rate = _Rate(float(1 / frame_duration), drop)
    assets = {}
    for asset in root.iter("asset"):
        rep = asset.find("media-rep")
        url = rep.get("src") if rep is not None else asset.get("src")
        assets[asset.get("id")] = (asset.get("name") or "",
                                   _url_to_path(url))
    project = root.find(".//project")
    name = (project.get("name") if project is not None else None) or \
        "Timeline 1"
    start = _fcpxml_time(sequence.get("tcStart"), rate)
    desc = _empty_desc(name, rate, start)
    spine = sequence.find("spine")
    for element in (spine if spine is not None else []):
        origin = _fcpxml_time(element.get("offset"), rate)
        _fcpxml_read_element(desc, element, assets, rate, origin, 0)
        local = origin - _fcpxml_time(element.get("start"), rate)
        for child in element:
            if child.tag == "marker":
                _fcpxml_read_marker(desc, child, rate, local)
            elif child.get("lane") is not None:
                offset = _fcpxml_time(child.get("offset"), rate) + local
                _fcpxml_read_element(desc, child, assets, rate, offset,
                                     int(child.get("lane")))
    return _finish(desc)


def _fcpxml_read_element(desc, element, assets, rate, offset, lane):
    if element.tag not in ("asset-clip", "clip", "video", "audio"):
        return
    clip_name, file_path = assets.get(element.get("ref"), ("", ""))
    duration = _fcpxml_time(element.get("duration"), rate)
    source_start = _fcpxml_time(element.get("start"), rate)
    kind = "audio" if lane < 0 else "video"
    name = element.get("name") or clip_name
    _place(desc, kind, abs(lane) if lane < 0 else lane + 1, _item(
        name, offset, offset + duration, source_start,
        source_start + duration, file_path, clip_name or name))


def _fcpxml_read_marker(desc, element, rate, local):
    frame = _fcpxml_time(element.get("start"), rate) + local
    desc["markers"].append(_marker(
        frame - desc["start_frame"], None, element.get("value") or "",
        element.get("note") or "",
        _fcpxml_time(element.get("duration"), rate)))


# ------------------------------------------------------------------- OTIO


def _otio_time(value, rate):
    return {"OTIO_SCHEMA": "RationalTime.1", "rate": rate.exact(),
            "value": float(value)}


def _otio_range(start, duration, rate):
    return {"OTIO_SCHEMA": "TimeRange.1",
            "duration": _otio_time(duration, rate),
            "start_time": _otio_time(start, rate)}


def _otio_marker(marker, rate):
    return {"OTIO_SCHEMA": "Marker.2", "name": marker["name"],
            "color": _OTIO_COLORS.get(marker["color"], "RED"),
            "comment": marker["note"],
            "marked_range": _otio_range(marker["frame"], marker["duration"],
                                        rate),
            "metadata": {"Resolve_OTIO": {
                "Color": marker["color"], "Note": marker["note"],
                "customData": marker["customData"]}}}


def _otio_item(schema, name, start, duration, rate):
    return {"OTIO_SCHEMA": schema, "name": name,
            "source_range": _otio_range(start, duration, rate),
            "effects": [], "markers": [], "metadata": {}, "enabled": True}


def _write_otio(desc, rate, path):
    stack = {"OTIO_SCHEMA": "Stack.1", "name": "tracks", "children": [],
             "source_range": None, "effects": [], "metadata": {},
             "enabled": True,
             "markers": [_otio_marker(marker, rate)
                         for marker in desc["markers"]]}
    for kind in TRACK_KINDS:
        for track in desc["tracks"][kind]:
            children = []
            position = desc["start_frame"]
            for item in track["items"]:
                if item["start"] > position:
                    children.append(_otio_item(
                        "Gap.1", "", 0, item["start"] - position, rate))
                origin = item.get("source_origin", 0)
                clip = _otio_item("Clip.1", item["name"],
                                  origin + item["source_start"],
                                  item["end"] - item["start"], rate)
                reference = {"OTIO_SCHEMA": "MissingReference.1",
                             "name": item["clip_name"],
                             "available_range": None, "metadata": {}}
                if item["file_path"]:
                    reference.update(OTIO_SCHEMA="ExternalReference.1",
                                     target_url=_path_to_url(
                                         item["file_path"]))
                clip["media_reference"] = reference
                clip["metadata"] = {"Resolve_OTIO": {
                    "Clip Name": item["clip_name"],
                    "Source End": origin + item["source_end"]}}
                children.append(clip)
                position = item["end"]
            stack["children"].append({
                "OTIO_SCHEMA": "Track.1", "name": track["name"],
                "kind": _TRACK_TITLES[kind], "children": children,
                "source_range": None, "effects": [], "markers": [],
                "metadata": {}, "enabled": True})
    document = {"OTIO_SCHEMA": "Timeline.1", "name": desc["name"],
                "global_start_time": _otio_time(desc["start_frame"], rate),
                "metadata": {"Resolve_OTIO": {
                    "Drop Frame": rate.drop, "Frame Rate": rate.fps}},
                "tracks": stack}
    _write_text(path, json.dumps(document, indent=4) + "\n")


def _otio_frames(time, rate):
    return int(round(float(time["value"]) * rate.exact()
                     / float(time["rate"])))


def _read_otio(document):
    resolve = document.get("metadata", {}).get("Resolve_OTIO", {})
    start_time = document.get("global_start_time") or {}
    stack = document["tracks"]
    fps = resolve.get("Frame Rate") or start_time.get("rate")
    if fps is None:
        fps = _first_otio_rate(stack)
    rate = _Rate(fps, resolve.get("Drop Frame", False))
    start = (_otio_frames(start_time, rate) if start_time
             else rate.frames("01:00:00:00"))
    desc = _empty_desc(document.get("name") or "Timeline 1", rate, start)
    titles = {title: kind for kind, title in _TRACK_TITLES.items()}
    for track in stack.get("children", []):
        kind = titles.get(track.get("kind"), "video")
        desc["tracks"][kind].append({"name": track.get("name") or "%s %d" % (
            _TRACK_TITLES[kind], len(desc["tracks"][kind]) + 1),
            "items": []})
        index = len(desc["tracks"][kind])
        position = start
        for child in track.get("children", []):
            source = child.get("source_range") or {}
            duration = _otio_frames(source["duration"], rate)
            if child.get("OTIO_SCHEMA", "").startswith("Clip."):
                _place(desc, kind, index, _otio_clip(child, rate, position,
                                                     duration))
            position += duration
    for marker in stack.get("markers", []):
        marked = marker["marked_range"]
        extra = marker.get("metadata", {}).get("Resolve_OTIO", {})
        desc["markers"].append(_marker(
            _otio_frames(marked["start_time"], rate),
            extra.get("Color") or _OTIO_TO_RESOLVE.get(marker.get("color")),
            marker.get("name") or "", extra.get("Note", marker.get(
                "comment") or ""), _otio_frames(marked["duration"], rate),
            extra.get("customData", "")))
    desc["source_absolute"] = True
    return _finish(desc)


def _first_otio_rate(stack):
    for track in stack.get("children", []):
        for child in track.get("children", []):
            if child.get("source_range"):
                return child["source_range"]["duration"]["rate"]
    return 24


def _otio_clip(child, rate, position, duration):
    reference = child.get("media_reference") or {}
    if "media_references" in child:
        reference = child["media_references"].get(
            child.get("active_media_reference_key", "DEFAULT_MEDIA"), {})
    extra = child.get("metadata", {}).get("Resolve_OTIO", {})
    source_start = _otio_frames(child["source_range"]["start_time"], rate)
    clip_name = extra.get("Clip Name") or reference.get("name") or \
        child.get("name") or ""
    return _item(child.get("name") or clip_name, position,
                 position + duration, source_start,
                 int(extra.get("Source End", source_start + duration)),
                 _url_to_path(reference.get("target_url")), clip_name)


# ------------------------------------------------------ tables and others


def _table_rows(desc, rate):
    rows = []
    for number, (kind, index, item) in enumerate(
            _all_items(desc, TRACK_KINDS), 1):
        rows.append([
            number, "%s%d" % (_TRACK_TITLES[kind][0], index), item["name"],
            item["clip_name"], item["file_path"],
            rate.tc(item["source_start"]), rate.tc(item["source_end"]),
            rate.tc(item["start"]), rate.tc(item["end"]),
            rate.tc(item["end"] - item["start"]), item["start"],
            item["end"]])
    return rows


def _write_table(desc, rate, path, delimiter):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(_TABLE_HEADER)
        writer.writerows(_table_rows(desc, rate))


def _write_ale(desc, rate, path, with_cdl):
    columns = ["Name", "Tracks", "Start", "End", "Duration", "Tape",
               "Source File", "Source Path"]
    if with_cdl:
        columns += ["ASC_SOP", "ASC_SAT"]
    lines = ["Heading", "FIELD_DELIM\tTABS", "VIDEO_FORMAT\t1080",
             "AUDIO_FORMAT\t48khz",
             "FPS\t%s" % ("%.3f" % rate.fps).rstrip("0").rstrip("."), "",
             "Column", "\t".join(columns), "", "Data"]
    for kind, _, item in _all_items(desc):
        row = [item["name"], "V" if kind == "video" else "A1",
               rate.tc(item["source_start"]), rate.tc(item["source_end"]),
               rate.tc(item["source_end"] - item["source_start"]), "AX",
               os.path.basename(item["file_path"]) or item["clip_name"],
               item["file_path"]]
        if with_cdl:
            sop, sat = _format_cdl(item["cdl"]) if "cdl" in item else ("", "")
            row += [sop.split(None, 1)[1] if sop else "",
                    sat.split(None, 1)[1] if sat else ""]
        lines.append("\t".join(str(value).replace("\t", " ")
                               for value in row))
    _write_text(path, "\n".join(lines) + "\n")


def _write_json_container(desc, path, header, subtype=None):
    document = {"format": DRT_FORMAT, "version": 1, "timeline": desc}
    if subtype is not None:
        document["aaf_subtype"] = subtype
    text = json.dumps(document, indent=2) + "\n"
    _write_text(path, header + "\n" + text if header else text)


def _shots(desc):
    """(number, item) for every video item in record order."""
    items = sorted((item for _, _, item in _all_items(desc, ("video",))),
                   key=lambda item: item["start"])
    return enumerate(items, 1)


def _write_hdr(desc, rate, path, kind):
    root = ET.Element("HDR10Metadata", profile=kind[-1].upper(),
                      version="1.0")
    _sub(root, "Timeline", desc["name"], frameRate=rate.fps,
         startTimecode=rate.tc(desc["start_frame"]))
    shots = _sub(root, "Shots")
    for number, item in _shots(desc):
        shot = _sub(shots, "Shot", id=number, name=item["name"],
                    recordIn=rate.tc(item["start"]),
                    recordOut=rate.tc(item["end"]))
        _sub(shot, "MaxCLL", 1000)
        _sub(shot, "MaxFALL", 400)
    _write_text(path, _xml_document(root, "HDR10Metadata"))


def _write_dolby(desc, rate, path, kind):
    root = ET.Element("DolbyLabsMDF", version=_DOLBY_VERSIONS[kind])
    output = _sub(_sub(root, "Outputs"), "Output", name=desc["name"])
    video = _sub(output, "Video")
    _sub(video, "Rate", rate.fps)
    track = _sub(video, "Track", name=desc["name"])
    for number, item in _shots(desc):
        shot = _sub(track, "Shot")
        _sub(shot, "UniqueID", "shot-%04d" % number)
        _sub(shot, "Name", item["name"])
        record = _sub(shot, "Record")
        _sub(record, "In", item["start"] - desc["start_frame"])
        _sub(record, "Duration", item["end"] - item["start"])
    _write_text(path, _xml_document(root, "DolbyLabsMDF"))


# ----------------------------------------------------------- public API


def export_timeline(desc, path, kind, subtype=None):
    """Write ``desc`` to ``path`` as ``kind``; True on success.

    Returns False for unknown kinds, invalid descriptions, unwritable
    paths and a missing or wrong required subtype (``edl``: one of
    :data:`EDL_SUBTYPES`; ``aaf``: one of :data:`AAF_SUBTYPES`).
    """
    if kind not in EXPORT_KINDS or not isinstance(path, str) or not path:
        return False
    if (kind == "edl" and subtype not in EDL_SUBTYPES) or \
            (kind == "aaf" and subtype not in AAF_SUBTYPES):
        return False
    try:
        clean, rate = _normalise(desc)
        for key in ("width", "height"):
            if desc.get(key):
                clean[key] = int(desc[key])
        _export(clean, rate, path, kind, subtype)
    except _FAILURES:
        return False
    return True


def _export(desc, rate, path, kind, subtype):
    if kind == "edl":
        _write_edl(desc, rate, path, subtype)
    elif kind == "fcp7xml":
        _write_fcp7(desc, rate, path)
    elif kind.startswith("fcpxml_"):
        version = kind[len("fcpxml_"):].replace("_", ".")
        text = _write_fcpxml(desc, rate, path, version)
        if kind == "fcpxml_1_10":
            if not os.path.isdir(path):
                os.makedirs(path)
            path = os.path.join(path, BUNDLE_DOCUMENT)
        _write_text(path, text)
    elif kind == "otio":
        _write_otio(desc, rate, path)
    elif kind in ("csv", "tab"):
        _write_table(desc, rate, path, "," if kind == "csv" else "\t")
    elif kind in ("ale", "ale_cdl"):
        _write_ale(desc, rate, path, kind == "ale_cdl")
    elif kind == "drt":
        _write_json_container(desc, path, None)
    elif kind == "aaf":
        _write_json_container(desc, path, AAF_PLACEHOLDER_HEADER, subtype)
    elif kind.startswith("hdr10"):
        _write_hdr(desc, rate, path, kind)
    else:
        _write_dolby(desc, rate, path, kind)


def import_timeline(path, fps=None, with_kind=False):
    """Read a timeline description back from ``path``; None on failure.

    Reads EDL, FCP 7 XML, FCPXML (file or .fcpxmld bundle), OTIO, DRT and
    the simulator AAF placeholder, detected from content.  ``with_kind``
    returns (kind, description) instead, kind naming the format found
    ('edl', 'fcp7xml', 'fcpxml', 'otio', 'drt' or 'aaf').
    ``fps`` is only used for EDLs, which do not store a frame rate.
    """
    if not isinstance(path, (str, os.PathLike)):
        return (None, None) if with_kind else None
    try:
        if os.path.isdir(path):
            path = os.path.join(path, BUNDLE_DOCUMENT)
        with open(path, "r", encoding="utf-8-sig") as handle:
            text = handle.read()
        kind, desc = _import_text(text, fps)
    except _FAILURES + (UnicodeError,):
        kind, desc = None, None
    return (kind, desc) if with_kind else desc


def _import_text(text, fps):
    """(format name, description) read from ``text``."""
    stripped = text.lstrip()
    if stripped.startswith(AAF_PLACEHOLDER_HEADER):
        stripped = stripped[len(AAF_PLACEHOLDER_HEADER):].lstrip()
        return "aaf", _read_container(json.loads(stripped))
    if stripped.startswith("{"):
        document = json.loads(stripped)
        if document.get("OTIO_SCHEMA", "").startswith("Timeline."):
            return "otio", _read_otio(document)
        return "drt", _read_container(document)
    if stripped.startswith("<"):
        root = ET.fromstring(stripped.encode("utf-8"))
        if root.tag == "xmeml":
            return "fcp7xml", _read_fcp7(root)
        if root.tag == "fcpxml":
            return "fcpxml", _read_fcpxml(root)
        return None, None
    if re.search(r"^\s*(TITLE:|FCM:|\d+\s)", stripped, re.MULTILINE):
        return "edl", _read_edl(text, fps)
    return None, None


def _read_container(document):
    if document.get("format") != DRT_FORMAT:
        return None
    desc, _ = _normalise(document["timeline"])
    return desc
