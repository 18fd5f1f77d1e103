"""Resolve 21.1 / 21.1.1 media-side methods: transcription read-back, loudness normalisation,
audio-mapping setters, the Media Storage clone tool, keyboard and project-settings presets,
render-preset updates and audio-only render queries, DCTL validation/encryption, and the six
21.1.1 job-status readers.

The methods are attached to the existing API classes (``core.REG``) when this module is
imported; their presence by version comes from ``sim_methods.SINCE`` like every other method.
Evidence for each behaviour is cited in NOTES.md ("Resolve 21.1: media, audio, presets").
"""

import functools
import json
import os
import threading
import time
import zlib

import sim_app
import sim_core as core
import sim_media
import sim_project
import sim_render
import sim_timecode as tcm
from sim_core import api

REG = core.REG


def _attach(cls_name, fn, name=None):
    setattr(REG[cls_name], name or fn.__name__, fn)


# --------------------------------------------------------------- constants ---
# The 21.1 constant families (opaque floats: Blackmagic publishes no values) are built by
# sim_core (OPAQUE_21_1); these are the two this module reads.

CLONE_CHECKSUMS = ["CLONE_CHECKSUM_TYPE_NONE", "CLONE_CHECKSUM_TYPE_FILESIZE",
                   "CLONE_CHECKSUM_TYPE_CRC32", "CLONE_CHECKSUM_TYPE_MD5",
                   "CLONE_CHECKSUM_TYPE_SHA256", "CLONE_CHECKSUM_TYPE_SHA512",
                   "CLONE_CHECKSUM_TYPE_XXH_64"]
SET_LEVEL_MODES = ["NORMALIZE_AUDIO_SET_LEVEL_RELATIVE", "NORMALIZE_AUDIO_SET_LEVEL_INDEPENDENT"]


def constant_name(w, value, family):
    """The name of the family's constant whose value is ``value`` (None if none)."""
    if not core.is_num(value):
        return None
    for name in family:
        if w.constants.get(name) == value:
            return name
    return None


# ---------------------------------------------------------- transcription ---

def speech_lines(path):
    """What the simulated recogniser 'hears' in a media file: the lines of its sidecar
    ``<file>.speech.txt`` ("Speaker: words" or just words). Media without one (tones, cards)
    has no speech."""
    if not path:
        return []
    try:
        with open(path + ".speech.txt") as fh:
            lines = [ln.strip() for ln in fh.read().splitlines()]
    except (OSError, UnicodeDecodeError):
        return []
    out = []
    for ln in lines:
        if not ln:
            continue
        speaker, _, text = ln.partition(": ")
        if not text or " " in speaker.strip():
            speaker, text = None, ln
        out.append((speaker, text.strip()))
    return out


def transcription_of(w, o):
    """The Transcription dict of a transcribed clip: segment and word times are timecode
    strings on the clip's own (source) timecode."""
    fps = o.get("fps") or 24.0
    drop = str(o["props"].get("Drop frame", "0")) == "1"
    first = sim_media.start_frame(o)
    frames = max(1, int(o.get("frames") or 1))

    def tc(f):
        return tcm.frames_to_tc(first + int(f), fps, drop) or "00:00:00:00"

    lines = speech_lines(o.get("path"))
    if not lines:  # measured: a pure tone transcribes to one empty segment
        return {"language": "en",
                "segments": [{"start": tc(0), "end": tc(frames - 1), "text": "",
                              "speaker": None, "words": []}]}
    speakers = bool(o["flags_ai"].get("speakers"))
    per = frames / float(len(lines))
    segments = []
    for n, (speaker, text) in enumerate(lines):
        s0, s1 = int(n * per), max(int(n * per), int((n + 1) * per) - 1)
        words = text.split()
        wper = (s1 - s0 + 1) / float(max(1, len(words)))
        segments.append({
            "start": tc(s0), "end": tc(s1), "text": text,
            "speaker": (speaker or "Speaker %d" % (n % 2 + 1)) if speakers else None,
            "words": [{"start": tc(s0 + int(i * wper)),
                       "end": tc(max(s0 + int(i * wper), s0 + int((i + 1) * wper) - 1)),
                       "text": word} for i, word in enumerate(words)]})
    return {"language": "en", "segments": segments}


@api({}, studio=True)
def GetTranscription(self, useNestedClipTranscription=False):
    nested = core.as_bool(useNestedClipTranscription)
    o = self._o
    if nested or not o["flags_ai"].get("transcribed"):
        return {}
    return transcription_of(self._w, o)


_attach("MediaPoolItem", GetTranscription)


# ------------------------------------------------------------ normalising ---

NORMALIZE_MODES = {"Sample Peak Program": "peak", "True Peak Program": "peak",
                   "EBU R128": "loudness"}
_LEVELS = {}


def _levels(path):
    """(sample peak dBFS, ungated RMS loudness estimate LKFS) of a PCM WAV file; media the
    simulator cannot read counts as -12 dBFS peak / -20 LKFS."""
    if path in _LEVELS:
        return _LEVELS[path]
    peak, loud = -12.0, -20.0
    try:
        import wave
        import array
        import math
        with wave.open(path, "rb") as fh:
            if fh.getsampwidth() == 2:
                data = array.array("h", fh.readframes(min(fh.getnframes(), 48000 * 60)))
                if data:
                    top = max(abs(v) for v in data) / 32768.0
                    ms = sum(v * v for v in data) / float(len(data)) / (32768.0 ** 2)
                    peak = 20 * math.log10(top) if top > 0 else -120.0
                    loud = 10 * math.log10(ms) - 0.691 if ms > 0 else -120.0
    except Exception:  # not a readable PCM WAV
        pass
    _LEVELS[path] = (round(peak, 2), round(loud, 2))
    return _LEVELS[path]


@api([])
def GetNormalizeAudioModes(self):
    return list(NORMALIZE_MODES)


@api(False)
def NormalizeAudioLevel(self, timelineItems, normalizeAudioOptions=None):
    w = self._w
    opts = normalizeAudioOptions if normalizeAudioOptions is not None else {}
    if not isinstance(timelineItems, (list, tuple)) or not timelineItems or \
            not isinstance(opts, dict):
        return False
    allowed = ("normalizationMode", "targetLevel", "targetLoudness", "setLevelMode")
    if any(k not in allowed for k in opts):
        return False
    mode = opts.get("normalizationMode", "Sample Peak Program")
    if mode not in NORMALIZE_MODES:
        return False
    kind = NORMALIZE_MODES[mode]
    target = opts.get("targetLoudness" if kind == "loudness" else "targetLevel",
                      -23.0 if kind == "loudness" else -9.0)
    if not core.is_num(target) or not -60.0 <= target <= 0.0:
        return False
    level_mode = opts.get("setLevelMode", w.constants["NORMALIZE_AUDIO_SET_LEVEL_RELATIVE"])
    lm = constant_name(w, level_mode, SET_LEVEL_MODES)
    if lm is None:
        return False
    records = []
    for it in timelineItems:
        if not isinstance(it, REG["TimelineItem"]) or not it._alive():
            return False
        o = w.objs[it._id]
        if o.get("tl") != self._id:
            return False
        clip = w.objs.get(o.get("clip"))
        if o["ttype"] != "audio" or clip is None:
            continue  # only audio items carry clip gain
        peak, loud = _levels(clip.get("path"))
        records.append((it, loud if kind == "loudness" else peak))
    if not records:
        return False
    import sim_v211_edit  # the 21.1 item properties (AudioVolume = the clip gain, dB)
    loudest = max(v for _, v in records)
    for it, v in records:
        gain = target - (loudest if lm.endswith("RELATIVE") else v)
        sim_v211_edit._props21(it)["AudioVolume"] = round(max(-100.0, min(30.0, gain)), 2)
    return True


_attach("Timeline", GetNormalizeAudioModes)
_attach("Timeline", NormalizeAudioLevel)


# ---------------------------------------------------------- audio mapping ---

CHANNELS = {"mono": 1, "stereo": 2, "lrc": 3, "lcr": 3, "lrcs": 4, "lcrs": 4, "quad": 4,
            "5.0": 5, "5.0_film": 5, "5.1": 6, "5.1_film": 6, "7.0": 7, "7.0_film": 7,
            "7.1": 8, "7.1_film": 8}
CHANNELS.update({"adaptive_%d" % n: n for n in range(1, 37)})
LABELS = {"mono": "Mono", "stereo": "Stereo", "quad": "Quad", "lrc": "LRC", "lcr": "LCR",
          "lrcs": "LRCS", "lcrs": "LCRS"}


def _label(kind):
    if kind.startswith("adaptive_"):
        return "Adaptive%s" % kind[9:]
    return LABELS.get(kind, kind.replace("_film", " Film"))


def _parse_mapping(w, clip, text, single):
    """The validated track_mapping of an audio-mapping JSON string, or None. Only
    ``track_mapping`` is read; other keys (a getter's output) are ignored."""
    if not core.is_str(text):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    tracks = data.get("track_mapping") if isinstance(data, dict) else None
    if not isinstance(tracks, dict) or not tracks or (single and len(tracks) != 1):
        return None
    available = int(clip.get("channels") or 0) + sum(
        int(w.objs[s].get("channels") or 1) for s in clip.get("synced", []) if s in w.objs)
    out = {}
    for n, (key, t) in enumerate(sorted(tracks.items(), key=lambda kv: int(kv[0])), 1):
        if not isinstance(t, dict) or str(n) != str(key):
            return None
        kind = str(t.get("type", "")).strip().lower().replace("adaptive", "adaptive_") \
            .replace("__", "_").replace(" film", "_film")
        idx = t.get("channel_idx")
        if kind not in CHANNELS or not isinstance(idx, list) or len(idx) != CHANNELS[kind]:
            return None
        if not all(core.is_int(i) and 0 <= i <= available for i in idx):
            return None
        mute = t.get("mute", False)
        if not isinstance(mute, bool):
            return None
        out[str(n)] = {"channel_idx": list(idx), "mute": mute, "type": _label(kind)}
    return out


@api(False)
def SetAudioMapping(self, audioMapping):
    o = self._o
    if not sim_media.has_audio(o) or o["kind"] not in ("video", "audio"):
        return False
    parsed = _parse_mapping(self._w, o, audioMapping, single=False)
    if parsed is None:
        return False
    o["track_map"] = parsed
    return True


@api(False)
def SetSourceAudioChannelMapping(self, audioMapping):
    o = self._o
    clip = self._w.objs.get(o.get("clip"))
    if o["ttype"] != "audio" or clip is None:
        return False
    parsed = _parse_mapping(self._w, clip, audioMapping, single=True)
    if parsed is None:
        return False
    o["src_map"] = parsed
    return True


_attach("MediaPoolItem", SetAudioMapping)
_attach("TimelineItem", SetSourceAudioChannelMapping)


# -------------------------------------------------------------- clone tool ---

def _xxh64(data):
    """XXH64 (seed 0) in pure Python: the simulator has no xxhash module."""
    p1, p2, p3 = 11400714785074694791, 14029467366897019727, 1609587929392839161
    p4, p5 = 9650029242287828579, 2870177450012600261
    m = (1 << 64) - 1

    def rotl(x, r):
        return ((x << r) | (x >> (64 - r))) & m

    def rnd(acc, lane):
        return (rotl((acc + lane * p2) & m, 31) * p1) & m

    n, i = len(data), 0
    if n >= 32:
        v = [(p1 + p2) & m, p2, 0, (-p1) & m]
        while i + 32 <= n:
            for k in range(4):
                v[k] = rnd(v[k], int.from_bytes(data[i + 8 * k:i + 8 * k + 8], "little"))
            i += 32
        h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & m
        for k in range(4):
            h = ((h ^ rnd(0, v[k])) * p1 + p4) & m
    else:
        h = p5
    h = (h + n) & m
    while i + 8 <= n:
        h = (rotl(h ^ rnd(0, int.from_bytes(data[i:i + 8], "little")), 27) * p1 + p4) & m
        i += 8
    if i + 4 <= n:
        h = (rotl(h ^ (int.from_bytes(data[i:i + 4], "little") * p1 & m), 23) * p2 + p3) & m
        i += 4
    while i < n:
        h = (rotl(h ^ (data[i] * p5 & m), 11) * p1) & m
        i += 1
    h = ((h ^ (h >> 33)) * p2) & m
    h = ((h ^ (h >> 29)) * p3) & m
    return "%016x" % (h ^ (h >> 32))


def checksum(path, kind):
    if kind == "CLONE_CHECKSUM_TYPE_NONE":
        return None
    if kind == "CLONE_CHECKSUM_TYPE_FILESIZE":
        return os.path.getsize(path)
    with open(path, "rb") as fh:
        data = fh.read()
    if kind == "CLONE_CHECKSUM_TYPE_CRC32":
        return "%08x" % (zlib.crc32(data) & 0xFFFFFFFF)
    if kind == "CLONE_CHECKSUM_TYPE_XXH_64":
        return _xxh64(data)
    algo = {"CLONE_CHECKSUM_TYPE_MD5": "md5", "CLONE_CHECKSUM_TYPE_SHA256": "sha256",
            "CLONE_CHECKSUM_TYPE_SHA512": "sha512"}[kind]
    import hashlib  # on first use: it loads OpenSSL (about 4 MB resident)
    return hashlib.new(algo, data).hexdigest()


def _env_seconds(name, default):
    """A modelled job length in seconds from the environment (never negative), else default."""
    try:
        return max(0.0, float(os.environ.get(name, default)))
    except ValueError:
        return default


def _world_state(w, attr, initial):
    """Per-world state of this module kept on the world object (not saved with the state
    file), made from initial() on first use."""
    st = getattr(w, attr, None)
    if st is None:
        st = initial()
        setattr(w, attr, st)
    return st


def clone_seconds():
    """Modelled minimum length of a clone job (RESOLVE_SIM_CLONE_SECONDS, default 1.0)."""
    return _env_seconds("RESOLVE_SIM_CLONE_SECONDS", 1.0)


def _clone_state(w):
    return _world_state(w, "_v211_clone", lambda: {
        "status": "Complete", "pct": 100.0, "error": "", "stop": False, "thread": None})


def _clone_settings(w):
    return w.S["app"].setdefault("clone_settings", {
        "PreserveFolderName": False, "ChecksumType": "CLONE_CHECKSUM_TYPE_MD5"})


def _native_path_ok(path):
    # measured on Windows: MediaStorage wants backslashes ("no mapped volume found for path")
    return core.is_str(path) and bool(path) and not (os.name == "nt" and "/" in path)


def _pause(st, until):
    """Sleep until time.monotonic() reaches ``until``; False as soon as a stop is asked."""
    while True:
        if st["stop"]:
            return False
        left = until - time.monotonic()
        if left <= 0:
            return True
        time.sleep(min(0.02, left))


def _run_clone(st, source, targets, preserve, kind, seconds):
    try:
        files = []
        for root, dirs, names in os.walk(source):
            dirs.sort()
            for name in sorted(names):
                full = os.path.join(root, name)
                files.append((full, os.path.relpath(full, source), os.path.getsize(full)))
        total = float(sum(size for _, _, size in files) * len(targets)) or 1.0
        done, t0, sums = 0.0, time.monotonic(), {}
        base = os.path.basename(os.path.normpath(source))
        for target in targets:
            dest_root = os.path.join(target, base) if preserve else target
            for full, rel, size in files:
                if full not in sums:
                    sums[full] = checksum(full, kind)
                dest = os.path.join(dest_root, rel)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(full, "rb") as src, open(dest, "wb") as out:
                    while True:
                        chunk = src.read(1 << 16)
                        if not chunk:
                            break
                        out.write(chunk)
                        done += len(chunk)
                        st["pct"] = round(min(99.9, 100.0 * done / total), 1)
                        if not _pause(st, t0 + seconds * done / total):
                            st["status"] = "Cancelled"
                            return
                if sums[full] != checksum(dest, kind):
                    st.update(status="Failed", error="Checksum mismatch: %s" % dest)
                    return
        if not _pause(st, t0 + seconds):
            st["status"] = "Cancelled"
            return
        st.update(status="Complete", pct=100.0)
    except (OSError, ValueError) as e:
        st.update(status="Failed", error=str(e))


@api(False)
def SetCloneToolSettings(self, cloneToolSettings=None):
    opts = cloneToolSettings if cloneToolSettings is not None else {}
    if not isinstance(opts, dict) or any(
            k not in ("PreserveFolderName", "ChecksumType") for k in opts):
        return False
    new = dict(_clone_settings(self._w))
    if "PreserveFolderName" in opts:
        new["PreserveFolderName"] = core.as_bool(opts["PreserveFolderName"])
    if "ChecksumType" in opts:
        name = constant_name(self._w, opts["ChecksumType"], CLONE_CHECKSUMS)
        if name is None:
            return False
        new["ChecksumType"] = name
    self._w.S["app"]["clone_settings"] = new
    return True


@api(False)
def StartCloneMedia(self, sourceDir, targetDirs):
    w = self._w
    st = _clone_state(w)
    if st["status"] == "Cloning":
        return False
    targets = [targetDirs] if core.is_str(targetDirs) else targetDirs
    if not isinstance(targets, (list, tuple)) or not targets:
        return False
    if not _native_path_ok(sourceDir) or not os.path.isdir(sourceDir):
        return False
    src = os.path.realpath(sourceDir)
    real = []
    for t in targets:
        # measured: a target that does not exist yet answered False
        if not _native_path_ok(t) or not os.path.isdir(t):
            return False
        rt = os.path.realpath(t)
        if rt == src or rt.startswith(src + os.sep):
            return False
        real.append(t)
    s = _clone_settings(w)
    st.update(status="Cloning", pct=0.0, error="", stop=False)
    th = threading.Thread(target=_run_clone, args=(
        st, sourceDir, real, s["PreserveFolderName"], s["ChecksumType"], clone_seconds()))
    th.daemon = True
    st["thread"] = th
    th.start()
    return True


@api(False)
def StopCloneMedia(self):
    st = _clone_state(self._w)
    if st["status"] != "Cloning":
        return False
    st["stop"] = True
    th = st.get("thread")
    if th is not None:
        th.join(5.0)
    return True


@api({})
def GetCloneStatus(self):
    st = _clone_state(self._w)
    out = {"JobStatus": st["status"], "CompletionPercentage": float(st["pct"])}
    if st["status"] == "Failed":
        out["Error"] = st["error"]
    return out


for _fn in (SetCloneToolSettings, StartCloneMedia, StopCloneMedia, GetCloneStatus):
    _attach("MediaStorage", _fn)


# -------------------------------------------------------- keyboard presets ---

BUILTIN_KEYBOARD = ["DaVinci Resolve", "Adobe Premiere Pro", "Apple Final Cut Pro X",
                    "Avid Media Composer", "Pro Tools"]


def _kb(w):
    return w.S["app"].setdefault("keyboard", {"user": {}, "current": "DaVinci Resolve"})


@api([])
def GetKeyboardPresetList(self):
    return BUILTIN_KEYBOARD + sorted(_kb(self._w)["user"])


@api("")
def GetCurrentKeyboardPreset(self):
    return _kb(self._w)["current"]


@api(False)
def LoadKeyboardPreset(self, presetName):
    kb = _kb(self._w)
    if presetName not in BUILTIN_KEYBOARD and presetName not in kb["user"]:
        return False
    kb["current"] = presetName
    return True


@api(False)
def DeleteKeyboardPreset(self, presetName):
    kb = _kb(self._w)
    if presetName not in kb["user"]:
        return False  # unknown, or one of the built-in mappings
    del kb["user"][presetName]
    if kb["current"] == presetName:
        kb["current"] = "DaVinci Resolve"
    return True


@api(False)
def ImportKeyboardPreset(self, filePath, presetName=None):
    kb = _kb(self._w)
    data = sim_app_read(filePath)
    if data is None:
        return False
    if presetName is None:
        presetName = data.get("name") if data.get("kind") == "keyboard_preset" else None
        presetName = presetName or os.path.splitext(os.path.basename(filePath))[0]
    if not core.is_str(presetName) or not presetName.strip():
        return False
    if presetName in BUILTIN_KEYBOARD or presetName in kb["user"]:
        return False
    kb["user"][presetName] = data.get("data", {}) if data.get("kind") == "keyboard_preset" \
        else {"source": os.path.abspath(filePath)}
    return True


@api(False)
def ExportKeyboardPreset(self, presetName, exportPath):
    kb = _kb(self._w)
    if presetName not in BUILTIN_KEYBOARD and presetName not in kb["user"]:
        return False
    payload = kb["user"].get(presetName, {"builtin": presetName})
    return write_json(exportPath, {"kind": "keyboard_preset", "name": presetName,
                                   "data": payload,
                                   "simulated": "DaVinci Resolve keyboard preset (simulated)"})


def write_json(path, data):
    """sim_app's preset-file writer, also refusing a path that is a folder."""
    if core.is_str(path) and os.path.isdir(path):
        return False
    return sim_app.write_json(path, data)


def sim_app_read(path):
    """A preset file as a dict ({} for a file that is not the simulator's JSON), or None."""
    data = sim_app.read_json(path)
    return data if data is None or isinstance(data, dict) else {}


for _fn in (GetKeyboardPresetList, GetCurrentKeyboardPreset, LoadKeyboardPreset,
            DeleteKeyboardPreset, ImportKeyboardPreset, ExportKeyboardPreset):
    _attach("Resolve", _fn)


# ------------------------------------------------- project-settings presets ---

def _user_presets(w):
    return w.S["app"].setdefault("settings_presets", {})


def _snapshot(d):
    return {k: v for k, v in d["settings"].items() if k not in sim_project.READ_ONLY}


def _info(name, s):
    return {"Name": name, "Width": int(s["timelineResolutionWidth"]),
            "Height": int(s["timelineResolutionHeight"])}


@api([])
def GetProjectSettingsPresetList(self):
    d = self._d
    out = [_info("Current Project", d["settings"])]
    out += [_info(n, s) for n, s in sim_project.PROJECT_PRESETS.items()]
    out += [_info(n, s) for n, s in sorted(_user_presets(self._w).items())]
    return out


def _taken(w, name):
    return name == "Current Project" or name in sim_project.PROJECT_PRESETS or \
        name in _user_presets(w)


@api(False)
def SetProjectSettingsPreset(self, presetName):
    d = self._d
    if not core.is_str(presetName):
        return False
    preset = sim_project.PROJECT_PRESETS.get(presetName) or _user_presets(self._w).get(presetName)
    if preset is None:
        return False
    values = dict(preset)
    # as SetPreset: a project with timelines keeps its frame rate
    if d["timelines"] and values.get("timelineFrameRate") != d["settings"]["timelineFrameRate"]:
        values.pop("timelineFrameRate", None)
    d["settings"].update(values)
    return True


@api(False)
def SaveCurrentProjectSettingsAsNewPreset(self, presetName):
    if not core.is_str(presetName) or not presetName.strip() or _taken(self._w, presetName):
        return False
    _user_presets(self._w)[presetName] = _snapshot(self._d)
    return True


@api(False)
def UpdateProjectSettingsPreset(self, presetName):
    presets = _user_presets(self._w)
    if presetName not in presets:
        return False  # unknown, or a built-in preset
    presets[presetName] = _snapshot(self._d)
    return True


@api(False)
def DeleteProjectSettingsPreset(self, presetName):
    presets = _user_presets(self._w)
    if presetName not in presets:
        return False
    del presets[presetName]
    return True


@api(False)
def ExportProjectSettingsPreset(self, presetName, exportPath):
    if not core.is_str(presetName):
        return False
    preset = sim_project.PROJECT_PRESETS.get(presetName) or _user_presets(self._w).get(presetName)
    if preset is None:
        return False
    return write_json(exportPath, {"kind": "project_settings_preset", "name": presetName,
                                   "data": dict(preset),
                                   "simulated": "DaVinci Resolve project preset (simulated)"})


@api(False)
def ImportProjectSettingsPreset(self, presetFilePath, presetName=None):
    data = sim_app_read(presetFilePath)
    if not data or data.get("kind") != "project_settings_preset" or \
            not isinstance(data.get("data"), dict):
        return False
    name = presetName if presetName is not None else (
        data.get("name") or os.path.splitext(os.path.basename(presetFilePath))[0])
    if not core.is_str(name) or not name.strip() or _taken(self._w, name):
        return False
    values = {k: v for k, v in data["data"].items()
              if k in sim_project.DEFAULT_SETTINGS and k not in sim_project.READ_ONLY}
    _user_presets(self._w)[name] = values
    return True


for _fn in (GetProjectSettingsPresetList, SetProjectSettingsPreset,
            SaveCurrentProjectSettingsAsNewPreset, UpdateProjectSettingsPreset,
            DeleteProjectSettingsPreset, ExportProjectSettingsPreset,
            ImportProjectSettingsPreset):
    _attach("Project", _fn)


# -------------------------------------------------- render presets, audio ---

AUDIO_FORMATS = {"FLAC": "flac", "MP3": "mp3", "MP4": "mp4", "MXF OP-Atom": "mxf",
                 "MXF OP1A (IMF)": "imf", "QuickTime": "mov", "Wave": "wav"}
AUDIO_CODECS = {"wav": {"Linear PCM": "lpcm"}, "flac": {"FLAC": "flac"}, "mp3": {"MP3": "mp3"},
                "mp4": {"AAC": "aac"}, "mov": {"Linear PCM": "lpcm", "AAC": "aac"},
                "mxf": {"Linear PCM": "lpcm"}, "imf": {"Linear PCM": "lpcm"}}


@api({})
def GetAudioRenderFormats(self):
    return dict(AUDIO_FORMATS)


@api({})
def GetAudioRenderCodecs(self, audioRenderFormatFileExtension):
    # the extension ('wav'), not the label ('Wave'): a label answers {}
    return dict(AUDIO_CODECS.get(audioRenderFormatFileExtension, {})) \
        if core.is_str(audioRenderFormatFileExtension) else {}


@api(False)
def UpdateRenderPreset(self, presetName):
    presets = self._w.S["app"]["render_presets"]
    if not core.is_str(presetName) or presetName not in presets:
        return False  # unknown, or a built-in preset
    r = self._r()
    presets[presetName] = sim_render.preset_from(r)
    r["preset"] = presetName
    return True


def _qe_flags(w):
    return w.S["app"].setdefault("quick_export_enabled", {})


@api(False)
def SetQuickExportEnabledForRenderPreset(self, presetName, isEnabled):
    enabled = core.as_bool(isEnabled)
    if not core.is_str(presetName):
        return False
    if presetName not in sim_render.preset_table(self._w) and \
            presetName not in sim_render.QUICK_EXPORT:
        return False
    _qe_flags(self._w)[presetName] = enabled
    return True


def quick_export_names(w):
    flags = _qe_flags(w)
    names = [n for n in sim_render.QUICK_EXPORT if flags.get(n, True)]
    table = sim_render.preset_table(w)
    names += [n for n in sorted(flags) if flags[n] and n in table and n not in names]
    return names


for _fn in (GetAudioRenderFormats, GetAudioRenderCodecs, UpdateRenderPreset,
            SetQuickExportEnabledForRenderPreset):
    _attach("Project", _fn)


def _wrap(cls_name, name, after=None, before=None):
    """Replace an existing API method by one that runs hooks around the original."""
    cls = REG[cls_name]
    orig = cls.__dict__.get(name) or getattr(cls, name)

    @functools.wraps(orig)
    def wrapper(self, *args, **kwargs):
        hooked = before(self, orig, args, kwargs) if before is not None else None
        result = hooked[0] if hooked is not None else orig(self, *args, **kwargs)
        if after is not None:
            after(self, args, kwargs, result)
        return result
    wrapper._api = True
    wrapper._studio = getattr(orig, "_studio", False)
    setattr(cls, name, wrapper)


def _qe_list_before(self, orig, args, kwargs):
    if self._w.version < (21, 1, 0) or self._w.S.get("quit") or not self._alive():
        return None
    return (quick_export_names(self._w),)


def _qe_render_before(self, orig, args, kwargs):
    """A render preset enabled for Quick Export renders with its own format."""
    w = self._w
    if w.version < (21, 1, 0) or w.S.get("quit") or not args or not self._alive():
        return None
    name = args[0]
    flags = _qe_flags(w)
    if core.is_str(name) and flags.get(name) is False:
        return ("Quick Export preset '%s' not found" % name,)
    table = sim_render.preset_table(w)
    if core.is_str(name) and flags.get(name) and name in table and \
            name not in sim_render.QUICK_EXPORT:
        sim_render.QUICK_EXPORT[name] = (table[name]["format"], False)
        try:
            return (orig(self, *args, **kwargs),)
        finally:
            sim_render.QUICK_EXPORT.pop(name, None)
    return None


_wrap("Project", "GetQuickExportRenderPresets", before=_qe_list_before)


# ------------------------------------------------------------------- DCTL ---

ERR_NO_MAIN = "DCTL Error: cannot find main DCTL function.\n"
ERR_NO_RETURN = "DCTL Error: main DCTL function does not have return value."


def validate_dctl(source):
    """None when the source compiles, else Resolve's error text. Measured: the validator reads
    line by line, so a kernel whose return sits on the signature's line has 'no return'."""
    lines = source.splitlines()
    sig = None
    for n, ln in enumerate(lines):
        if "__DEVICE__" in ln and "transform(" in ln.replace(" (", "("):
            sig = n
            break
    if sig is None or source.count("{") != source.count("}") or "{" not in source:
        return ERR_NO_MAIN
    if not any("return" in ln.split("//")[0] for ln in lines[sig + 1:]):
        return ERR_NO_RETURN
    return None


@api(None)
def ValidateDCTL(self, dctlSource):
    if not core.is_str(dctlSource):
        return ERR_NO_MAIN
    return validate_dctl(dctlSource)


def _iso_date(text):
    try:
        time.strptime(text[:10], "%Y-%m-%d")
    except ValueError:
        return False
    return len(text) == 10 or text[10] in "T "


@api(False)
def EncryptDCTL(self, inputPath, encryptDCTLOptions=None):
    opts = encryptDCTLOptions if encryptDCTLOptions is not None else {}
    if not core.is_str(inputPath) or not os.path.isfile(inputPath) or not isinstance(opts, dict):
        return False
    if any(k not in ("Name", "Expiry", "OutputFolder") for k in opts):
        return False
    expiry = opts.get("Expiry")
    if expiry is not None and (not core.is_str(expiry) or not _iso_date(expiry)):
        return False  # measured: '' (empty) answers False; None or omitted never expires
    name = opts.get("Name") or os.path.splitext(os.path.basename(inputPath))[0]
    folder = opts.get("OutputFolder") or os.path.expanduser("~")
    if not core.is_str(name) or not core.is_str(folder) or not os.path.isdir(folder):
        return False
    with open(inputPath, "rb") as fh:
        source = fh.read()
    try:
        if validate_dctl(source.decode("utf-8")) is not None:
            return False
    except UnicodeDecodeError:
        return False
    import hashlib
    key = hashlib.sha256(b"dctle" + (expiry or "").encode()).digest()
    body = bytes(b ^ key[i % len(key)] for i, b in enumerate(zlib.compress(source)))
    header = json.dumps({"v": 1, "expiry": expiry}).encode()
    # measured: '.dctle' is appended even when Name already ends with it
    with open(os.path.join(folder, name + ".dctle"), "wb") as fh:
        fh.write(b"DCTLE1\n" + header + b"\n" + body)
    return True


_attach("Resolve", ValidateDCTL)
_attach("Resolve", EncryptDCTL)


# ------------------------------------------------------ 21.1.1 job status ---
# Each long job (transcription, slate analysis, Smart Reframe, scene cuts, subtitles) does its
# work when started, and its status then follows a modelled timeline of
# RESOLVE_SIM_ANALYSIS_SECONDS (default 0.5): Initializing for the first tenth, Analyzing with
# a growing percentage, then Complete. Idle (no job yet) reads {'JobStatus': 'Inactive'}.

JOB_KINDS = {
    "transcribe": {"init": True, "clips": True},
    "slate": {"init": True, "clips": True},
    "reframe": {"init": True, "speed": True},
    "scenecuts": {"init": False, "speed": True},
    "subtitles": {"init": True, "speed": True},
}


def analysis_seconds():
    """Modelled length of an analysis job (RESOLVE_SIM_ANALYSIS_SECONDS, default 0.5)."""
    return _env_seconds("RESOLVE_SIM_ANALYSIS_SECONDS", 0.5)


def _jobs(w):
    return _world_state(w, "_v211_jobs", dict)


def start_job(w, kind, clips=1):
    now = time.monotonic()
    _jobs(w)[kind] = {"t0": now, "t1": now + analysis_seconds(), "clips": max(1, clips)}


def job_status(w, kind):
    job = _jobs(w).get(kind)
    if job is None:
        return {"JobStatus": "Inactive"}
    spec = JOB_KINDS[kind]
    now = time.monotonic()
    span = max(1e-6, job["t1"] - job["t0"])
    frac = (now - job["t0"]) / span
    if frac >= 1.0:
        out = {"JobStatus": "Complete", "CompletionPercentage": 100}
        if spec.get("clips"):
            out.update(CurrentClipIndex=job["clips"], TotalClips=job["clips"])
        return out
    status = "Initializing" if spec["init"] and frac < 0.1 else "Analyzing"
    out = {"JobStatus": status, "CompletionPercentage": int(frac * 100),
           "EstimatedTimeRemaining": int(max(0.0, job["t1"] - now) + 0.999)}
    if spec.get("clips"):
        out.update(CurrentClipIndex=min(job["clips"], int(frac * job["clips"]) + 1),
                   TotalClips=job["clips"])
    if spec.get("speed"):
        out["AnalysisSpeed"] = 24.0
    return out


def _status_method(kind, name):
    @api({})
    def method(self):
        return job_status(self._w, kind)
    method.__name__ = name
    return method


for _kind, _name in (("transcribe", "GetTranscribeAudioStatus"),
                     ("slate", "GetAnalyzeForSlateStatus"),
                     ("reframe", "GetSmartReframeStatus"),
                     ("scenecuts", "GetDetectSceneCutsStatus"),
                     ("subtitles", "GetCreateSubtitlesFromAudioStatus")):
    _attach("Project", _status_method(_kind, _name), _name)


@api({})
def GetRenderWithQuickExportStatus(self):
    last = getattr(self._w, "_v211_quick_export", None)
    return dict(last) if last else {"JobStatus": "Inactive"}


_attach("Project", GetRenderWithQuickExportStatus)


def _clip_count(self, kind):
    if isinstance(self, REG["Folder"]):
        return max(1, len(sim_media.all_clips(self._w, self._id)))
    return 1


def _job_after(kind):
    def after(self, args, kwargs, result):
        if result is True:
            start_job(self._w, kind, _clip_count(self, kind))
    return after


def _transcribe_before(self, orig, args, kwargs):
    """21.1 adds transcribeAsNestedClip (undocumented meaning; accepted as a bool)."""
    if len(args) < 2 and "transcribeAsNestedClip" not in kwargs:
        return None
    if self._w.version < (21, 1, 0):
        return (False,)  # the 21.0 method takes one argument
    args = list(args)
    nested = kwargs.pop("transcribeAsNestedClip", args[1] if len(args) > 1 else False)
    if not isinstance(nested, bool):
        return (False,)
    return (orig(self, *args[:1], **kwargs),)


for _cls in ("Folder", "MediaPoolItem"):
    _wrap(_cls, "TranscribeAudio", before=_transcribe_before, after=_job_after("transcribe"))
    _wrap(_cls, "AnalyzeForSlate", after=_job_after("slate"))
_wrap("TimelineItem", "SmartReframe", after=_job_after("reframe"))
_wrap("Timeline", "DetectSceneCuts", after=_job_after("scenecuts"))
_wrap("Timeline", "CreateSubtitlesFromAudio", after=_job_after("subtitles"))


def _qe_after(self, args, kwargs, result):
    if isinstance(result, dict):
        self._w._v211_quick_export = dict(result)


_wrap("Project", "RenderWithQuickExport", before=_qe_render_before, after=_qe_after)


def _clear_before(self, orig, args, kwargs):
    """MediaPoolItem.ClearTranscription gains clearNestedClipTranscription in 21.1."""
    if not args and "clearNestedClipTranscription" not in kwargs:
        return None
    if self._w.version < (21, 1, 0):
        return (False,)
    nested = kwargs.get("clearNestedClipTranscription", args[0] if args else False)
    if not isinstance(nested, bool):
        return (False,)
    return (True,) if nested else (orig(self),)


_wrap("MediaPoolItem", "ClearTranscription", before=_clear_before)
