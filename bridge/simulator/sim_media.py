"""Media-pool bins (Folder), clips (MediaPoolItem) and the import machinery."""

import json
import os
import re
import time

import sim_core as core
import sim_probe
import sim_timecode as tcm
from sim_core import api

FORMAT_NAMES = {"mov": "QuickTime", "mp4": "MP4", "m4a": "MP4", "wav": "Wave", "aiff": "AIFF",
                "png": "PNG", "jpeg": "JPEG", "gif": "GIF", "bmp": "BMP", "tiff": "TIFF",
                "dpx": "DPX", "exr": "EXR"}
VIDEO_CODECS = {"avc1": "H.264", "avc3": "H.264", "hvc1": "H.265", "hev1": "H.265",
                "apch": "Apple ProRes 422 HQ", "apcn": "Apple ProRes 422",
                "apcs": "Apple ProRes 422 LT", "apco": "Apple ProRes 422 Proxy",
                "ap4h": "Apple ProRes 4444", "ap4x": "Apple ProRes 4444 XQ",
                "av01": "AV1", "mp4v": "MPEG-4", "jpeg": "JPEG", "png": "PNG",
                "gif": "GIF", "bmp": "BMP", "tiff": "TIFF", "dpx": "DPX", "exr": "EXR"}
METADATA_FIELDS = (
    "Description", "Comments", "Keywords", "People", "Shot", "Scene", "Take", "Angle",
    "Move", "Camera #", "Roll Card #", "Good Take", "Shot Type", "Day / Night",
    "Environment", "Slate TC", "Director", "Producer", "Director of Photography",
    "Camera Operator", "Sound Roll #", "Production Name", "Production Company",
    "Location", "Setup", "Unit Name", "Lens Type", "Camera Type", "Camera Manufacturer",
    "Reel Number", "Date Recorded", "Clip Color", "Flags", "Rating", "Title", "Genre",
    "Artist", "Track Number", "Album", "Composer", "Distance", "Focal Point (mm)",
    "ISO", "White Point (Kelvin)", "Shutter", "Shutter Angle", "Camera FPS",
    "LUT Used", "Lens Number", "Lens Notes", "Colorist Notes", "VFX Notes", "Audio Notes",
)
SETTABLE_PROPS = (
    "Clip Name", "Reel Name", "Comments", "Description", "Start TC", "Input Color Space",
    "Input Gamma", "Input LUT", "Input Sizing Preset", "Data Level", "PAR", "Alpha mode",
    "Enable Deinterlacing", "Field Dominance", "Noise Reduction", "Sharpness",
    "Super Scale", "Audio Offset", "Offline Reference", "IDT", "FPS", "In", "Out",
    "Cloud Sync", "SuperScale Sharpness", "SuperScale Noise Reduction", "Keyword",
)
PCM_FOURCCS = ("lpcm", "sowt", "twos", "in24", "in32", "fl32", "fl64", "raw")
DEBLUR_KEYS = {"FileName": str, "Format": str, "Codec": str, "EncodingProfile": str,
               "UseExtremeMode": bool, "UseMarkInMarkOut": bool, "RenderAtSourceRes": bool,
               "UseMoreGpuMemory": bool, "Encoder": str}


# ------------------------------------------------------------------ data ---

def new_folder(w, pid, name, parent=None):
    fid = w.new_id()
    w.objs[fid] = {"t": "Folder", "p": pid, "name": name, "parent": parent,
                   "clips": [], "subs": [], "stale": False}
    if parent:
        w.objs[parent]["subs"].append(fid)
    return fid


def project_rate(w):
    p = w.project()
    s = p["d"]["settings"]
    return core.rate_of(s.get("timelineFrameRate", "24"), s.get("timelineDropFrameTimecode"))


def _ts(path):
    try:
        return time.strftime("%a %b %d %Y %H:%M:%S", time.localtime(os.path.getmtime(path)))
    except OSError:
        return ""


def _tc(frames, fps, drop):
    return tcm.frames_to_tc(max(0, int(frames)), fps, drop) or "00:00:00:00"


def set_start(props, start, fps, drop, frames):
    """Start/End frames and timecodes of a clip that starts at frame ``start``."""
    props.update({"Start TC": _tc(start, fps, drop), "End TC": _tc(start + frames, fps, drop),
                  "Start": str(start), "End": str(start + frames - 1)})


def start_frame(o):
    """First frame of a clip on its own timecode (0 unless it carries a Start TC)."""
    try:
        return int(o["props"].get("Start") or 0)
    except (TypeError, ValueError):
        return 0


def audio_codec_name(codec):
    """Resolve's name for an audio codec as the probe reports it."""
    if not codec:
        return ""
    if codec.startswith("pcm") or codec in PCM_FOURCCS:
        return "Linear PCM"
    return "AAC" if codec in ("mp4a", "aac") else codec


def embedded_start(data, fps, drop):
    """Start frame (at the clip rate) from a movie's tmcd track or a BWF TimeReference."""
    tc = data.get("timecode")
    if tc:
        label = tcm.frames_to_tc(tc["frame"], tc["fps"], tc["drop"]) or ""
        if not drop:
            label = label.replace(";", ":")
        return tcm.tc_to_frames(label, fps, drop) or 0
    samples, rate = data.get("time_reference"), data.get("sample_rate")
    exact = tcm.rate_fraction(fps)
    if not samples or not rate or exact is None:
        return 0
    # samples since midnight -> frames at the clip rate, to the nearest frame
    return (2 * samples * exact[0] + exact[1] * rate) // (2 * exact[1] * rate)


def base_props(name, kind_label, fps, frames, drop):
    start_tc = _tc(0, fps, drop)
    return {
        "Alpha mode": "None", "Audio Bit Depth": "", "Audio Ch": "0", "Audio Codec": "",
        "Audio Offset": "", "Bit Depth": "", "Category": "", "Clip Directory": "",
        "Clip Name": name, "Cloud Sync": -1, "Comments": "", "Data Level": "Auto",
        "Date Added": time.strftime("%a %b %d %Y %H:%M:%S"), "Date Created": "",
        "Date Modified": "", "Description": "", "Drop frame": "1" if drop else "0",
        "Duration": _tc(frames, fps, drop), "Enable Deinterlacing": "0",
        "End": str(max(0, frames - 1)), "End TC": _tc(frames, fps, drop), "FPS": fps,
        "Field Dominance": "Auto", "File Name": "", "File Path": "", "Format": "",
        "Frames": str(frames), "IDT": "", "In": "", "Input Color Space": "Rec.709",
        "Input Gamma": "Rec.709", "Input LUT": "", "Input Sizing Preset": "None",
        "Keyword": "", "Noise Reduction": "", "Offline Reference": "",
        "Online Status": "Online", "Out": "", "PAR": "Square", "Proxy": "None",
        "Proxy Media Path": "", "Reel Name": "", "Resolution": "", "Sample Rate": "",
        "Sharpness": "", "Start": "0", "Start TC": start_tc, "Super Scale": 1,
        "SuperScale Noise Reduction": "", "SuperScale Sharpness": "", "Synced Audio": "",
        "Type": kind_label, "Usage": "0", "Video Codec": "",
    }


def media_info(w, path, seq=None):
    """Probe a file (or an image sequence) -> clip data dict, or None if not media."""
    pfps = project_rate(w)[0]
    if seq:
        pattern, start, end = seq
        files = sim_probe.expand_sequence(pattern, start, end)
        existing = [f for f in files if os.path.isfile(f)]
        if not existing:
            return None
        info = sim_probe.probe(existing[0])
        if info.get("kind") != "still":
            return None
        head, tail = os.path.split(pattern)
        m = re.search(r"%0?(\d*)d", tail)
        if m is None:
            return None
        width = int(m.group(1) or 1)
        label = "%s[%0*d-%0*d]%s" % (tail[:m.start()], width, start, width, end, tail[m.end():])
        data = {"kind": "video", "path": pattern, "fps": pfps, "frames": len(files),
                "channels": 0, "sample_rate": None, "width": info.get("width"),
                "height": info.get("height"), "name": label, "codec": info.get("codec"),
                "format": info.get("format"), "bits": info.get("bit_depth"),
                "seq": [pattern, start, end], "dir": head, "file": label}
        return data
    if not isinstance(path, str) or not os.path.isfile(path):
        return None
    info = sim_probe.probe(path)
    kind = info.get("kind")
    if kind not in ("video", "audio", "still"):
        return None
    data = {"kind": kind, "path": os.path.abspath(path), "channels": info.get("channels") or 0,
            "sample_rate": info.get("sample_rate"), "width": info.get("width"),
            "height": info.get("height"), "codec": info.get("codec"),
            "audio_codec": info.get("audio_codec"), "timecode": info.get("timecode"),
            "time_reference": info.get("time_reference"),
            "format": info.get("format"), "bits": info.get("bit_depth"),
            "name": os.path.basename(path), "dir": os.path.dirname(os.path.abspath(path)),
            "file": os.path.basename(path), "seq": None}
    if kind == "video":
        data["fps"] = info.get("fps") or pfps
        frames = info.get("frames")
        if not frames and info.get("duration_seconds"):
            frames = int(round(info["duration_seconds"] * data["fps"]))
        data["frames"] = max(1, int(frames or 1))
    elif kind == "audio":
        data["fps"] = pfps  # audio clips freeze the project rate at import
        secs = info.get("duration_seconds") or 0.0
        data["frames"] = max(1, int(round(secs * pfps)))
    else:
        data["fps"] = pfps
        data["frames"] = 5 * int(round(pfps))  # stills: 5 s at the project rate
    return data


def file_props(w, data, name):
    """Clip properties of probed media: format, codecs, resolution, embedded timecode."""
    fps = data["fps"]
    drop = abs(fps - 29.97) < 0.01 or abs(fps - 59.94) < 0.01
    drop = drop and (data["timecode"]["drop"] if data.get("timecode") else project_rate(w)[2])
    if data["kind"] == "video":
        label = "Video + Audio" if data["channels"] else "Video"
    else:
        label = {"audio": "Audio", "still": "Still"}.get(data["kind"], "Video")
    props = base_props(name, label, fps, data["frames"], drop)
    set_start(props, embedded_start(data, fps, drop), fps, drop, data["frames"])
    props.update({"File Name": data["file"], "File Path": data["path"],
                  "Clip Directory": data["dir"],
                  "Format": FORMAT_NAMES.get(data.get("format") or "", data.get("format") or ""),
                  "Date Created": _ts(data["path"]), "Date Modified": _ts(data["path"])})
    if data.get("width") and data.get("height"):
        props["Resolution"] = "%dx%d" % (data["width"], data["height"])
    if data["kind"] in ("video", "still"):
        codec = data.get("codec") or ""
        props["Video Codec"] = VIDEO_CODECS.get(codec, codec.upper())
        if data.get("bits") and data["kind"] == "still":
            props["Bit Depth"] = str(data["bits"])
    if data["channels"]:
        props["Audio Ch"] = str(data["channels"])
        props["Sample Rate"] = str(data.get("sample_rate") or "")
        props["Audio Codec"] = audio_codec_name(data.get("audio_codec"))
        if data["kind"] == "audio" and data.get("bits"):
            props["Audio Bit Depth"] = str(data["bits"])
    if data["kind"] == "audio" and w.since_ok(EMPTY_AUDIO_FRAMES_SINCE):
        # measured on 21.0.4.5 and 21.1.0.17: audio-only clips read "Frames" '' (Duration is
        # still the length) (guycochran/resolve-mcp-server docs/VALIDATION.md)
        props["Frames"] = ""
    return props


EMPTY_AUDIO_FRAMES_SINCE = "21.0.4"


def clip_from_info(w, pid, fid, data):
    fps = data["fps"]
    props = file_props(w, data, data["name"])
    cid = w.new_id()
    w.objs[cid] = {"t": "MediaPoolItem", "p": pid, "folder": fid, "kind": data["kind"],
                   "path": data["path"], "seq": data.get("seq"), "fps": fps,
                   "frames": data["frames"], "channels": data["channels"],
                   "sample_rate": data.get("sample_rate"), "width": data.get("width"),
                   "height": data.get("height"), "props": props, "meta": {}, "tp": {},
                   "markers": {}, "flags": [], "color": "", "mark": {}, "mattes": [],
                   "media_id": w.new_id(), "flags_ai": {}, "synced": [], "timeline": None}
    w.objs[fid]["clips"].append(cid)
    return cid


def new_virtual_clip(w, pid, fid, name, kind, frames, fps, label, timeline=None):
    """Pool items that are not files: timelines, compound clips, Fusion clips, mattes."""
    drop = w.objs[timeline]["drop"] if timeline else False
    props = base_props(name, label, fps, frames, drop)
    cid = w.new_id()
    w.objs[cid] = {"t": "MediaPoolItem", "p": pid, "folder": fid, "kind": kind, "path": "",
                   "seq": None, "fps": fps, "frames": frames, "channels": 0,
                   "sample_rate": None, "width": None, "height": None, "props": props,
                   "meta": {}, "tp": {}, "markers": {}, "flags": [], "color": "", "mark": {},
                   "mattes": [], "media_id": w.new_id(), "flags_ai": {}, "synced": [],
                   "timeline": timeline}
    w.objs[fid]["clips"].append(cid)
    return cid


def _folder_media(path):
    """Media files in a folder (recursively), sequences consolidated."""
    out = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = sorted(f for f in files if sim_probe.is_media_file(f))
        for entry in sim_probe.consolidate_sequences(names):
            parsed = sim_probe.parse_sequence_entry(entry)
            if parsed:
                out.append(("seq", (os.path.join(root, parsed[0]), parsed[1], parsed[2])))
            else:
                out.append(("file", os.path.join(root, entry)))
    return out


def import_items(w, fid, items):
    """Import paths / clipInfo dicts into bin ``fid``; returns new clip ids."""
    pid = w.S["cur_project"]
    made = []
    for item in items:
        entries = []
        sub_range = None
        if isinstance(item, str):
            if os.path.isdir(item):
                entries = _folder_media(item)
            else:
                parsed = sim_probe.parse_sequence_entry(item)
                entries = [("seq", parsed)] if parsed else [("file", item)]
        elif isinstance(item, dict):
            if "FilePath" in item:
                path = item["FilePath"]
                if "StartIndex" in item or "EndIndex" in item:
                    start, end = item.get("StartIndex"), item.get("EndIndex")
                    if not (core.is_int(start) and core.is_int(end)) or end < start:
                        continue
                    entries = [("seq", (path, start, end))]
                else:
                    entries = [("file", path)]
            elif "media" in item:
                entries = [("file", item["media"])]
                sub_range = (item.get("startFrame"), item.get("endFrame"))
        for kind, value in entries:
            if kind == "seq":
                data = media_info(w, None, seq=value)
            else:
                data = media_info(w, value)
            if data is None:
                continue
            cid = clip_from_info(w, pid, fid, data)
            if sub_range and core.is_num(sub_range[0]) and core.is_num(sub_range[1]):
                s, e = int(sub_range[0]), int(sub_range[1])
                if 0 <= s <= e:
                    w.objs[cid]["mark"] = {"video": {"in": s, "out": e},
                                           "audio": {"in": s, "out": e}}
            made.append(cid)
    return made


def find_clip_by_path(w, path=None, name=None):
    for oid, o in w.objs.items():
        if o.get("t") != "MediaPoolItem" or o.get("kind") not in ("video", "audio", "still"):
            continue
        if path and o.get("path") == path:
            return oid
    if name:
        for oid, o in w.objs.items():
            if o.get("t") == "MediaPoolItem" and o.get("kind") in ("video", "audio", "still"):
                if name in (o["props"].get("File Name"), o["props"].get("Clip Name")):
                    return oid
    return None


def all_clips(w, fid):
    out = []
    f = w.objs[fid]
    out.extend(f["clips"])
    for s in f["subs"]:
        out.extend(all_clips(w, s))
    return out


def remove_clip(w, cid):
    o = w.objs.pop(cid, None)
    if o is None:
        return
    f = w.objs.get(o["folder"])
    if f and cid in f["clips"]:
        f["clips"].remove(cid)
    pool = w.objs.get(w.project()["d"]["pool"])
    if pool and cid in pool.get("selected", []):
        pool["selected"].remove(cid)


def has_audio(o):
    return (o["kind"] in ("audio", "timeline", "compound") or o.get("channels", 0) > 0
            or bool(o.get("synced")))


def has_video(o):
    return o["kind"] in ("video", "still", "timeline", "compound", "fusion", "matte",
                         "stereo", "multicam")


def audio_mapping(w, o):
    ch = int(o.get("channels") or 0)
    kinds = {1: "Mono", 2: "Stereo", 6: "5.1", 8: "7.1"}
    mapping = {"embedded_audio_channels": ch, "linked_audio": {}, "track_mapping": {}}
    idx = 1
    if ch:
        mapping["track_mapping"]["1"] = {"channel_idx": list(range(1, ch + 1)), "mute": False,
                                         "type": kinds.get(ch, "Adaptive%d" % ch)}
        idx = 2
    nxt = ch + 1
    for n, sid in enumerate(o.get("synced", []), 1):
        s = w.objs.get(sid)
        if not s:
            continue
        sch = int(s.get("channels") or 1)
        mapping["linked_audio"][str(n)] = {"channels": sch, "offset": 0, "path": s["path"]}
        mapping["track_mapping"][str(idx)] = {
            "channel_idx": list(range(nxt, nxt + sch)), "mute": False,
            "type": kinds.get(sch, "Adaptive%d" % sch)}
        idx += 1
        nxt += sch
    if o.get("track_map"):  # set by SetAudioMapping (21.1)
        mapping["track_mapping"] = core.deep(o["track_map"])
    return json.dumps(mapping, indent=4)


def export_bin(w, fid):
    f = w.objs[fid]
    return {"name": f["name"],
            "clips": [core.deep(w.objs[c]) for c in f["clips"]
                      if w.objs[c]["kind"] in ("video", "audio", "still")],
            "subs": [export_bin(w, s) for s in f["subs"]]}


def import_bin(w, data, parent, search):
    pid = w.S["cur_project"]
    fid = new_folder(w, pid, data.get("name") or "Bin", parent)
    for c in data.get("clips", []):
        path = c.get("path", "")
        if path and not os.path.exists(path) and search:
            alt = os.path.join(search, os.path.basename(path))
            if os.path.isfile(alt):
                path = alt
        rec = core.deep(c)
        rec["p"], rec["folder"] = pid, fid
        rec["media_id"] = w.new_id()
        rec["synced"] = []
        rec["path"] = path
        rec["props"]["File Path"] = path
        rec["props"]["Online Status"] = "Online" if os.path.exists(path) else "Offline"
        cid = w.new_id()
        w.objs[cid] = rec
        w.objs[fid]["clips"].append(cid)
    for s in data.get("subs", []):
        import_bin(w, s, fid, search)
    return fid


# ---------------------------------------------------------------- Folder ---

@core.register
class Folder(core.Obj):
    __slots__ = ()

    @api([])
    def GetClipList(self):
        return [self._w.proxy("MediaPoolItem", c) for c in self._o["clips"]]

    @api("")
    def GetName(self):
        return self._o["name"]

    @api([])
    def GetSubFolderList(self):
        return [self._w.proxy("Folder", f) for f in self._o["subs"]]

    @api(False)
    def GetIsFolderStale(self):
        return bool(self._o.get("stale"))

    @api("")
    def GetUniqueId(self):
        return self._id

    @api(False)
    def Export(self, filePath):
        if not core.is_str(filePath) or not filePath:
            return False
        data = {"kind": "drb", "simulated": "DaVinci Resolve bin (simulated)",
                "bin": export_bin(self._w, self._id)}
        with open(filePath, "w") as fh:
            json.dump(data, fh, indent=1)
        return True

    def _media(self):
        return [self._w.objs[c] for c in all_clips(self._w, self._id)]

    @api(False, studio=True)
    def TranscribeAudio(self, useSpeakerDetection=None):
        if useSpeakerDetection is not None:
            core.as_bool(useSpeakerDetection)
        done = False
        for o in self._media():
            if o["kind"] in ("video", "audio") and has_audio(o):
                o["flags_ai"]["transcribed"] = True
                o["flags_ai"]["speakers"] = bool(useSpeakerDetection)
                done = True
        return done

    @api(False, studio=True)
    def ClearTranscription(self):
        for o in self._media():
            o["flags_ai"].pop("transcribed", None)
        return True

    @api(False, studio=True)
    def PerformAudioClassification(self):
        done = False
        for o in self._media():
            if has_audio(o) and o["kind"] in ("video", "audio"):
                classify(o)
                done = True
        return done

    @api(False, studio=True)
    def ClearAudioClassification(self):
        for o in self._media():
            unclassify(o)
        return True

    @api([], studio=True)
    def RemoveMotionBlur(self, deblurOption=None):
        pairs = []
        for cid in all_clips(self._w, self._id):
            o = self._w.objs[cid]
            if o["kind"] == "video":
                new = deblur_clip(self._w, cid, deblurOption or {})
                if new:
                    pairs.append([self._w.proxy("MediaPoolItem", cid),
                                  self._w.proxy("MediaPoolItem", new)])
        return pairs

    @api(False, studio=True)
    def AnalyzeForIntellisearch(self, identifyFaces, isBetterMode=False):
        faces, better = core.as_bool(identifyFaces), core.as_bool(isBetterMode)
        for o in self._media():
            if has_video(o):
                o["flags_ai"]["intellisearch"] = {"faces": faces, "better": better}
        return True

    @api(False, studio=True)
    def AnalyzeForSlate(self, markerColor):
        color = slate_color(self._w, markerColor)
        if color is None:
            return False
        for o in self._media():
            if has_video(o):
                mark_slate(o, color)
        return True


def classify(o):
    """Simulated audio classification: every clip with audio is dialogue."""
    o["flags_ai"]["classified"] = True
    o["props"]["Category"] = "Dialogue"


def unclassify(o):
    """Measured (21.0.2.4): clearing leaves 'Uncategorized', not the original ''."""
    if o["flags_ai"].pop("classified", None) is None:
        return False
    o["props"]["Category"] = "Uncategorized"
    return True


def slate_color(w, value):
    for name in core.MARKER_COLORS:
        if w.constants.get("MARKER_" + name.upper()) == value and core.is_num(value):
            return name
    return None


def mark_slate(o, color):
    o["flags_ai"]["slate"] = color
    o["markers"].setdefault("0", {"color": color, "duration": 1, "note": "Slate detected",
                                  "name": "Slate", "customData": ""})


def deblur_clip(w, cid, opts):
    if not isinstance(opts, dict):
        return None
    for k, v in opts.items():
        if k not in DEBLUR_KEYS or not isinstance(v, DEBLUR_KEYS[k]):
            return None
    o = w.objs[cid]
    rec = core.deep(o)
    fmt = opts.get("Format", "mov")
    base = opts.get("FileName") or os.path.splitext(o["props"]["File Name"])[0] + "_deblur"
    path = os.path.join(o["props"].get("Clip Directory", ""), "%s.%s" % (base, fmt))
    rec["path"] = path
    rec["props"].update({"File Path": path, "File Name": os.path.basename(path),
                         "Clip Name": os.path.basename(path)})
    rec["media_id"] = w.new_id()
    rec["markers"], rec["flags"], rec["synced"] = {}, [], []
    new = w.new_id()
    w.objs[new] = rec
    w.objs[o["folder"]]["clips"].append(new)
    return new


# --------------------------------------------------------- MediaPoolItem ---

@core.register
class MediaPoolItem(core.MarkerMixin, core.FlagColorMixin, core.Obj):
    __slots__ = ()

    def _marker_limit(self):
        return self._o["frames"]

    @api("")
    def GetName(self):
        return self._o["props"]["Clip Name"]

    @api(False)
    def SetName(self, name):
        if not core.is_str(name) or not name.strip():
            return False
        self._rename(name)
        return True

    def _rename(self, name):
        o = self._o
        o["props"]["Clip Name"] = name
        if o.get("timeline") and o["timeline"] in self._w.objs:
            self._w.objs[o["timeline"]]["name"] = name

    @api("")
    def GetMetadata(self, metadataType=None):
        meta = self._o["meta"]
        if metadataType in (None, ""):
            return dict(meta)
        if not core.is_str(metadataType):
            return ""
        return meta.get(metadataType, "")

    @api(False)
    def SetMetadata(self, *args):
        if len(args) == 1 and isinstance(args[0], dict):
            pairs = args[0]
        elif len(args) == 2:
            pairs = {args[0]: args[1]}
        else:
            return False
        if not pairs:
            return False
        for k, v in pairs.items():
            if k not in METADATA_FIELDS or not core.is_str(v):
                return False
        for k, v in pairs.items():
            if k == "Clip Color":
                if v and v not in core.CLIP_COLORS:
                    return False
                self._o["color"] = v
            self._o["meta"][k] = v
        return True

    @api(None)
    def GetTimeline(self):
        tl = self._o.get("timeline")
        if tl and tl in self._w.objs and self._o["kind"] == "timeline":
            return self._w.proxy("Timeline", tl)
        return None

    @api("")
    def GetThirdPartyMetadata(self, metadataType=None):
        tp = self._o["tp"]
        if metadataType in (None, ""):
            return dict(tp)
        if not core.is_str(metadataType):
            return ""
        return tp.get(metadataType, "")

    @api(False)
    def SetThirdPartyMetadata(self, *args):
        if len(args) == 1 and isinstance(args[0], dict):
            pairs = args[0]
        elif len(args) == 2:
            pairs = {args[0]: args[1]}
        else:
            return False
        if not pairs:
            return False
        for k, v in pairs.items():
            if not core.is_str(k) or not k or not core.is_str(v):
                return False
        self._o["tp"].update(pairs)
        return True

    @api("")
    def GetMediaId(self):
        return self._o["media_id"]

    def _usage(self):
        """Timeline items using this clip. One count of every clip is made per state of the
        world (recomputed after any changing call), not one scan per property read."""
        w = self._w
        key = (id(w.S), len(w.objs), w.writes)
        memo = w.memo.get("usage")
        if memo is None or memo[0] != key:
            counts = {}
            for t in w.objs.values():
                if t.get("t") == "TimelineItem" and t.get("clip"):
                    counts[t["clip"]] = counts.get(t["clip"], 0) + 1
            memo = (key, counts)
            w.memo["usage"] = memo
        return memo[1].get(self._id, 0)

    def _props(self, usage=True):
        o = self._o
        props = dict(o["props"])
        props["Clip Color"] = o.get("color", "")
        props["Flags"] = ",".join(o.get("flags", []))
        if usage:
            props["Usage"] = str(self._usage())
        return props

    @api("")
    def GetClipProperty(self, propertyName=None):
        if propertyName in (None, ""):
            return self._props()
        if not core.is_str(propertyName):
            return ""
        if propertyName in ("Usage", "Clip Color", "Flags"):
            return self._props().get(propertyName, "")
        return self._o["props"].get(propertyName, "")

    @api(False)
    def SetClipProperty(self, propertyName, propertyValue, *extra):
        o = self._o
        if propertyName not in SETTABLE_PROPS:
            return False
        if propertyName == "Super Scale":
            if not core.is_int(propertyValue) or not 1 <= propertyValue <= 4:
                return False
            if extra:
                if len(extra) != 2 or propertyValue != 2 or not all(
                        core.is_num(x) and 0.0 <= x <= 1.0 for x in extra):
                    return False
                o["props"]["SuperScale Sharpness"] = str(float(extra[0]))
                o["props"]["SuperScale Noise Reduction"] = str(float(extra[1]))
            o["props"]["Super Scale"] = propertyValue
            return True
        if extra:
            return False
        if propertyName == "Cloud Sync":
            if not core.is_int(propertyValue) or not -1 <= propertyValue <= 10:
                return False
            o["props"]["Cloud Sync"] = propertyValue
            return True
        if propertyName == "FPS":
            parsed = tcm.parse_rate(propertyValue)
            if parsed is None:
                return False
            o["fps"] = parsed[0]
            o["props"]["FPS"] = parsed[0]
            return True
        if not core.is_str(propertyValue):
            return False
        if propertyName == "Clip Name":
            if not propertyValue.strip():
                return False
            self._rename(propertyValue)
            return True
        if propertyName == "Start TC":
            fps = o["fps"]
            drop = o["props"].get("Drop frame") == "1"
            start = tcm.tc_to_frames(propertyValue, fps, drop)
            if start is None:
                return False
            set_start(o["props"], start, fps, drop, o["frames"])
            return True
        if propertyName == "Data Level" and propertyValue not in ("Auto", "Video", "Full"):
            return False
        o["props"][propertyName] = propertyValue
        return True

    def _file_kind_ok(self, path):
        return core.is_str(path) and os.path.isfile(path)

    @api(False)
    def LinkProxyMedia(self, proxyMediaFilePath):
        o = self._o
        if not has_video(o) or not self._file_kind_ok(proxyMediaFilePath):
            return False
        info = sim_probe.probe(proxyMediaFilePath)
        if info.get("kind") not in ("video", "still"):
            return False
        o["props"]["Proxy Media Path"] = os.path.abspath(proxyMediaFilePath)
        res = "%sx%s" % (info.get("width"), info.get("height"))
        o["props"]["Proxy"] = res if info.get("width") else "On"
        return True

    @api(False)
    def LinkFullResolutionMedia(self, fullResMediaPath):
        o = self._o
        if o["kind"] not in ("video", "audio", "still"):
            return False
        data = media_info(self._w, fullResMediaPath)
        if data is None or data["kind"] != o["kind"]:
            return False
        o["path"] = data["path"]
        o["props"].update({"File Path": data["path"], "File Name": data["file"],
                           "Clip Directory": data["dir"], "Online Status": "Online"})
        return True

    @api(False)
    def UnlinkProxyMedia(self):
        o = self._o
        if not o["props"].get("Proxy Media Path"):
            return False
        o["props"]["Proxy Media Path"] = ""
        o["props"]["Proxy"] = "None"
        return True

    def _replace(self, filePath, keep_range):
        o = self._o
        if o["kind"] not in ("video", "audio", "still"):
            return False
        data = media_info(self._w, filePath)
        if data is None:
            return False
        if keep_range and data["kind"] != o["kind"]:
            return False
        keep = {k: o["props"][k] for k in ("Clip Name", "Comments", "Reel Name", "Description")}
        mark = o["mark"]
        fps = data["fps"]
        props = file_props(self._w, data, data["file"])
        if keep_range:
            props.update(keep)
        o.update({"kind": data["kind"], "path": data["path"], "fps": fps,
                  "frames": data["frames"], "channels": data["channels"],
                  "sample_rate": data.get("sample_rate"), "width": data.get("width"),
                  "height": data.get("height"), "props": props,
                  "mark": mark if keep_range else {}})
        return True

    @api(False)
    def ReplaceClip(self, filePath):
        return self._replace(filePath, False)

    @api(False)
    def ReplaceClipPreserveSubClip(self, filePath):
        if self._o["kind"] not in ("video", "audio"):
            return False
        return self._replace(filePath, True)

    @api("")
    def GetUniqueId(self):
        return self._id

    @api(False, studio=True)
    def TranscribeAudio(self, useSpeakerDetection=None):
        o = self._o
        if useSpeakerDetection is not None:
            core.as_bool(useSpeakerDetection)
        if not has_audio(o) or o["kind"] not in ("video", "audio", "timeline"):
            return False
        o["flags_ai"]["transcribed"] = True
        o["flags_ai"]["speakers"] = bool(useSpeakerDetection)
        return True

    @api(False, studio=True)
    def ClearTranscription(self):
        return self._o["flags_ai"].pop("transcribed", None) is not None

    @api(False, studio=True)
    def PerformAudioClassification(self):
        o = self._o
        if not has_audio(o) or o["kind"] not in ("video", "audio"):
            return False
        classify(o)
        return True

    @api(False, studio=True)
    def ClearAudioClassification(self):
        return unclassify(self._o)

    @api("")
    def GetAudioMapping(self):
        return audio_mapping(self._w, self._o)

    @api({})
    def GetMarkInOut(self):
        return core.deep(self._o["mark"])

    @api(False)
    def SetMarkInOut(self, markIn, markOut, type="all"):
        return set_mark(self._o["mark"], markIn, markOut, type,
                        has_video(self._o), has_audio(self._o))

    @api(False)
    def ClearMarkInOut(self, type="all"):
        return clear_mark(self._o["mark"], type)

    @api(False)
    def MonitorGrowingFile(self):
        o = self._o
        if o["kind"] not in ("video", "audio") or not os.path.isfile(o["path"]):
            return False
        o["flags_ai"]["growing"] = os.path.getsize(o["path"])
        return True

    @api(None, studio=True)
    def RemoveMotionBlur(self, deblurOption=None):
        if self._o["kind"] != "video":
            return None
        new = deblur_clip(self._w, self._id, deblurOption or {})
        return self._w.proxy("MediaPoolItem", new) if new else None

    @api(False, studio=True)
    def AnalyzeForIntellisearch(self, identifyFaces, isBetterMode=False):
        faces, better = core.as_bool(identifyFaces), core.as_bool(isBetterMode)
        if not has_video(self._o):
            return False
        self._o["flags_ai"]["intellisearch"] = {"faces": faces, "better": better}
        return True

    @api(False, studio=True)
    def AnalyzeForSlate(self, markerColor):
        color = slate_color(self._w, markerColor)
        if color is None or not has_video(self._o):
            return False
        mark_slate(self._o, color)
        return True


def set_mark(mark, mark_in, mark_out, kind, video=True, audio=True):
    if not (core.is_num(mark_in) and core.is_num(mark_out)):
        return False
    if mark_in < 0 or mark_out < mark_in or kind not in ("video", "audio", "all"):
        return False
    kinds = {"video": ["video"], "audio": ["audio"], "all": ["video", "audio"]}[kind]
    kinds = [k for k in kinds if (k == "video" and video) or (k == "audio" and audio)]
    if not kinds:
        return False
    for k in kinds:
        mark[k] = {"in": core.as_frame(mark_in), "out": core.as_frame(mark_out)}
    return True


def clear_mark(mark, kind):
    if kind not in ("video", "audio", "all"):
        return False
    for k in (["video", "audio"] if kind == "all" else [kind]):
        mark.pop(k, None)
    return True
