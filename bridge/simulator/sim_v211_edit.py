"""Resolve 21.1 editing methods: transitions, fades, speed, item type and property dicts,
settings dicts, multicam, auto-align, output blanking, and the Resolve/ProjectManager
shortcuts the 21.1 stub documents.

Hooked into the existing classes (sim_app, sim_project, sim_pool, sim_timeline, sim_item);
the version gating of sim_core hides every one of them below 21.1 (sim_methods.SINCE).
Behaviour and its evidence: NOTES.md, "Resolve 21.1 editing methods". Values of the new
constants are not published, so the simulator's are opaque (sim_core.OPAQUE_21_1) and
everything here compares against the live constants, never against numbers.
"""

import sim_core as core
import sim_item
import sim_media
import sim_pool
import sim_render
import sim_timeline
from sim_core import api


def _attach(cls_name, fail=None, studio=False):
    """Install the decorated function as a documented method of the registered class."""
    def deco(fn):
        setattr(core.REG[cls_name], fn.__name__, api(fail, studio)(fn))
        return fn
    return deco


def _const(w, *names):
    """The live values of the named constants (opaque floats in the simulator)."""
    return {w.constants[n]: n for n in names if n in w.constants}


def _const_name(w, value, *names):
    """The name of the constant whose value `value` is, among `names`; ValueError if none."""
    if not core.is_num(value):
        raise ValueError("constant expected")
    found = _const(w, *names).get(value)
    if found is None:
        raise ValueError("unknown constant")
    return found


def _rendering(w):
    """True while a render job of the current project is queued or rendering."""
    p = w.project()
    if not p:
        return False
    d = p["d"]
    sim_render.update(w, d)
    return any(j["_status"] in ("Rendering", "Queued") for j in d["render"]["jobs"])


def _props_blocked(w):
    """21.1.1 measured: while any render runs, item property reads come back empty."""
    return w.version >= (21, 1, 1) and _rendering(w)


core.HOOKS["item_props_blocked"] = _props_blocked


# ---------------------------------------------------------------- Resolve ---

@_attach("Resolve")
def GetCurrentProject(self):
    pid = self._w.S.get("cur_project")
    return self._w.proxy("Project", pid) if pid else None


@_attach("Resolve")
def GetCurrentTimeline(self):
    p = self._w.project()
    tid = p["d"].get("cur_tl") if p else None
    return self._w.proxy("Timeline", tid) if tid else None


@_attach("Resolve")
def GetMediaPool(self):
    p = self._w.project()
    return self._w.proxy("MediaPool", p["d"]["pool"]) if p else None


@_attach("Resolve")
def GetGallery(self):
    p = self._w.project()
    return self._w.proxy("Gallery", p["d"]["gallery"]) if p else None


@_attach("Resolve", False)
def IsStudio(self):
    return not self._w.free


@_attach("Resolve", False)
def SetHighPriority(self, highPriority):
    # no observable effect is documented or measured (REFERENCE-21.1 §4.1, §9.5)
    self._w.S["app"]["high_priority"] = core.as_bool(highPriority)
    return True


@_attach("ProjectManager")
def GetProjectLastModifiedTime(self, projectName):
    # measured: None for several existing projects (samuelgursky PR #206; id 71251275416)
    return None


# ------------------------------------------------------- settings as dicts ---

def _apply_each(settings, apply, first=None):
    """SetSettings semantics (21.1 README): keys one by one, `first` first; keys applied
    before a failure stay applied; False when any key failed."""
    if not isinstance(settings, dict) or not settings:
        return False
    keys = list(settings)
    if first in settings:
        keys.remove(first)
        keys.insert(0, first)
    ok = True
    for key in keys:
        if not core.is_str(key) or not apply(key, settings[key]):
            ok = False
    return ok


@_attach("Project", {})
def GetSettings(self):
    return core.REG["Project"].GetSetting(self)


@_attach("Project", False)
def SetSettings(self, settings):
    project = core.REG["Project"]
    return _apply_each(settings, lambda k, v: project.SetSetting(self, k, v) is True)


def _timeline_get_settings(self):
    o = self._o
    if o["settings"].get("useCustomSettings") != "1":
        # measured: with useCustomSettings '0' the dict is the PROJECT's settings (158 keys,
        # no useCustomSettings key) (REFERENCE-21.1 §4.5, id 69090730703)
        return core.REG["Project"].GetSetting(self._w.proxy("Project", o["p"]))
    return core.REG["Timeline"].GetSetting(self)


def _timeline_set_settings(self, settings):
    timeline = core.REG["Timeline"]
    return _apply_each(settings, lambda k, v: timeline.SetSetting(self, k, v) is True,
                       first="useCustomSettings")


_timeline_get_settings.__name__ = "GetSettings"
_timeline_set_settings.__name__ = "SetSettings"
_attach("Timeline", {})(_timeline_get_settings)
_attach("Timeline", False)(_timeline_set_settings)


# ------------------------------------------------------------ item basics ---

GENERATOR_KINDS = ("generator", "fusion_gen", "ofx", "title", "fusion_title", "fusioncomp")


@_attach("TimelineItem", "")
def GetType(self):
    o = self._o
    if o["kind"] == "transition":
        return "transition"
    if o["ttype"] == "audio":
        return "audio"
    if o["kind"] in GENERATOR_KINDS or o["ttype"] == "subtitle":
        return "generator"  # titles/subtitles: not documented; inferred (REFERENCE-21.1 §4.6)
    return "video"


# ------------------------------------------------------- property dicts ---

ENABLED_KEYS = ("TransformEnabled", "CroppingEnabled", "DynamicZoomEnabled",
                "CompositeEnabled", "LensCorrectionEnabled", "RetimeAndScalingEnabled")
LEVELER_MODES = ("DIALOGUE_LEVELER_MODE_ALLOW_WIDER_DYNAMICS",
                 "DIALOGUE_LEVELER_MODE_OPTIMIZE_MODERATE_LEVELS",
                 "DIALOGUE_LEVELER_MODE_MORE_LIFT_FOR_LOW_LEVELS",
                 "DIALOGUE_LEVELER_MODE_LIFT_SOFT_WHISPERY_SOURCES")
# key -> (kind, lo, hi, active timeline only / Studio)
AUDIO_KEYS = {
    "AudioVolumeEnabled": ("bool", None, None, False),
    "AudioVolume": ("float", -100.0, 30.0, False),
    "AudioPanEnabled": ("bool", None, None, False),
    "AudioPan": ("float", -100.0, 100.0, False),
    "AudioPitchEnabled": ("bool", None, None, False),
    "AudioPitchSemiTones": ("float", -24.0, 24.0, False),
    "AudioPitchCents": ("float", -100.0, 100.0, False),
    "AudioVoiceIsolationEnabled": ("bool", None, None, True),
    "AudioVoiceIsolationAmount": ("int", 0, 100, True),
    "AudioDialogueLevelerEnabled": ("bool", None, None, True),
    "AudioDialogueLevelerMode": ("leveler", None, None, True),
    "AudioDialogueLevelerReduceLoudDialogue": ("bool", None, None, True),
    "AudioDialogueLevelerLiftSoftDialogue": ("bool", None, None, True),
    "AudioDialogueLevelerBackgroundReduction": ("bool", None, None, True),
    "AudioDialogueLevelerOutputGain": ("float", 0.0, 6.0, True),
}


def _audio_defaults(w, o):
    return {
        "AudioVolumeEnabled": True, "AudioVolume": 0.0, "AudioPanEnabled": True,
        "AudioPan": 0.0, "AudioPitchEnabled": False, "AudioPitchSemiTones": 0.0,
        "AudioPitchCents": 0.0,
        "AudioVoiceIsolationEnabled": bool(o.get("vi", {}).get("isEnabled")),
        "AudioVoiceIsolationAmount": int(o.get("vi", {}).get("amount") or 0),
        "AudioDialogueLevelerEnabled": False,
        "AudioDialogueLevelerMode": w.constants.get(LEVELER_MODES[0]),
        "AudioDialogueLevelerReduceLoudDialogue": False,
        "AudioDialogueLevelerLiftSoftDialogue": False,
        "AudioDialogueLevelerBackgroundReduction": False,
        "AudioDialogueLevelerOutputGain": 0.0,
    }


def _props21(self):
    o = self._o
    extra = o.get("props21")
    if extra is None:
        if o["ttype"] == "video":
            extra = {k: True for k in ENABLED_KEYS}
        else:
            extra = _audio_defaults(self._w, o)
        o["props21"] = extra
    if o["ttype"] == "audio":  # voice isolation is the same state as Get/SetVoiceIsolationState
        extra["AudioVoiceIsolationEnabled"] = bool(o.get("vi", {}).get("isEnabled"))
        extra["AudioVoiceIsolationAmount"] = int(o.get("vi", {}).get("amount") or 0)
    return extra


def _coerce_audio(self, key, value):
    kind, lo, hi, active = AUDIO_KEYS[key]
    w = self._w
    if active:
        if w.free:
            raise ValueError("Studio only")
        if w.project()["d"].get("cur_tl") != self._o["tl"]:
            raise ValueError("active timeline only")
    if kind == "bool":
        return core.as_bool(value)
    if kind == "leveler":
        _const_name(w, value, *LEVELER_MODES)
        return value
    if not core.is_num(value) or (kind == "int" and int(value) != value):
        raise ValueError("number expected")
    value = min(hi, max(lo, value))  # out-of-range values are clipped (21.1 README)
    return int(value) if kind == "int" else float(value)


@_attach("TimelineItem", {})
def GetProperties(self):
    if _props_blocked(self._w):
        return {}
    o = self._o
    out = {}
    if o["ttype"] == "video":
        props = o["props"]
        out.update((k, props[k]) for k in sim_item.PROP_ORDER if k in props)
    out.update(_props21(self))
    return out


@_attach("TimelineItem", False)
def SetProperties(self, properties):
    # 21.1 README: every key and value is validated before any is applied (all or nothing)
    if not isinstance(properties, dict) or not properties:
        return False
    o = self._o
    extra = _props21(self)
    old_values, new_values = {}, {}
    for key, value in properties.items():
        if not core.is_str(key):
            return False
        if o["ttype"] == "video" and key in ENABLED_KEYS:
            new_values[key] = core.as_bool(value)
        elif o["ttype"] == "video" and key in sim_item.PROP_ORDER:
            old_values[key] = self._coerce(key, value)
        elif o["ttype"] == "audio" and key in AUDIO_KEYS:
            new_values[key] = _coerce_audio(self, key, value)
        else:
            return False
    o["props"].update(old_values)
    extra.update(new_values)
    if "AudioVoiceIsolationEnabled" in new_values or "AudioVoiceIsolationAmount" in new_values:
        vi = o.setdefault("vi", {"isEnabled": False, "amount": 0})
        vi["isEnabled"] = extra["AudioVoiceIsolationEnabled"]
        vi["amount"] = extra["AudioVoiceIsolationAmount"]
    return True


# ------------------------------------------------------------------ fades ---

@_attach("TimelineItem", {})
def GetFades(self):
    fades = self._o.get("fades") or {}
    # measured: the lengths come back as floats (resolve211-speed-fades.md; id 69090730703)
    return {"FadeIn": float(fades.get("FadeIn", 0)), "FadeOut": float(fades.get("FadeOut", 0))}


@_attach("TimelineItem", False)
def SetFades(self, fades):
    o = self._o
    if o["kind"] == "transition" or not isinstance(fades, dict) or not fades:
        return False
    current = dict(o.get("fades") or {"FadeIn": 0, "FadeOut": 0})
    for key, value in fades.items():
        if key not in ("FadeIn", "FadeOut") or not core.is_num(value) or value < 0 \
                or int(value) != value:
            return False
        current[key] = int(value)
    if current["FadeIn"] + current["FadeOut"] > o["end"] - o["start"]:
        return False  # [I] fades cannot be longer than the item together
    o["fades"] = current
    return True


# ------------------------------------------------------------------ speed ---

SPEED_KEYS = {"Percentage", "PitchCorrection", "StretchKeyframesToFit", "RippleTimeline"}


def _speed(o):
    return o.get("speed") or {"Percentage": 100.0, "PitchCorrection": False}


@_attach("TimelineItem", {})
def GetSpeed(self):
    s = _speed(self._o)
    return {"Percentage": float(s["Percentage"]), "PitchCorrection": bool(s["PitchCorrection"])}


def _retime(w, iid, pct, pitch, ripple):
    o = w.objs[iid]
    old = _speed(o)
    dur = o["end"] - o["start"]
    used = max(1, int(round(dur * old["Percentage"] / 100.0))) if old["Percentage"] else dur
    new_dur = dur
    if ripple and pct > 0:
        new_dur = max(1, int(round(used * 100.0 / pct)))
    # source range the item now shows (0 % = freeze on the first frame)
    shown = max(1, int(round(new_dur * pct / 100.0))) if pct > 0 else 1
    clip = w.objs.get(o.get("clip"))
    if clip and clip["kind"] != "still" and o["kind"] == "clip":
        shown = min(shown, max(1, clip["frames"] - o["src_start"]))
    o["src_end"] = o["src_start"] + shown
    o["speed"] = {"Percentage": float(pct), "PitchCorrection": pitch}
    if new_dur != dur:
        delta = new_dur - dur
        tl = w.objs[o["tl"]]
        track = tl["tracks"][o["ttype"]][sim_item.track_index(w, iid) - 1]
        old_end = o["end"]
        for other in track["items"]:
            t = w.objs[other]
            if other != iid and t["start"] >= old_end:
                t["start"] += delta
                t["end"] += delta
        o["end"] = o["start"] + new_dur


@_attach("TimelineItem", False)
def SetSpeed(self, speedOptions):
    w = self._w
    o = self._o
    if not isinstance(speedOptions, dict) or not speedOptions or \
            not set(speedOptions) <= SPEED_KEYS:
        return False
    if o["kind"] == "transition" or o["kind"] in GENERATOR_KINDS:
        return False
    old = _speed(o)
    pct = speedOptions.get("Percentage", old["Percentage"])
    if not core.is_num(pct) or not 0 <= pct <= 10000:
        return False  # [I] negative (reverse) speeds are not documented for SetSpeed
    pitch = core.as_bool(speedOptions.get("PitchCorrection", old["PitchCorrection"]))
    core.as_bool(speedOptions.get("StretchKeyframesToFit", False))
    ripple = core.as_bool(speedOptions.get("RippleTimeline", False))
    if self._w.objs[o["tl"]]["tracks"][o["ttype"]][
            sim_item.track_index(w, self._id) - 1]["locked"]:
        return False
    linked = [self._id]
    if o.get("link"):
        linked += [i for i, x in w.objs.items() if x.get("t") == "TimelineItem"
                   and x.get("link") == o["link"] and i != self._id]
    for iid in linked:  # linked audio/video is retimed with the item
        _retime(w, iid, pct, pitch, ripple)
    sim_timeline.refresh_clip(w, o["tl"])
    return True


# ------------------------------------------------------------ transitions ---

TRANSITIONS = {
    "simple": ("Cross Dissolve", "Additive Dissolve", "Blur Dissolve", "Dip To Color Dissolve",
               "Non-Additive Dissolve", "Smooth Cut", "Arrow Iris", "Cross Iris",
               "Diamond Iris", "Eye Iris", "Hexagon Iris", "Oval Iris", "Pentagon Iris",
               "Square Iris", "Triangle Iris", "Barn Door", "Push", "Slide", "Split", "Box",
               "Heart", "Star", "Band Wipe", "Center Wipe", "Clock Wipe", "Edge Wipe",
               "Radial Wipe", "Spiral Wipe", "Venetian Blind Wipe", "X Wipe"),
    "audio": ("Cross Fade +3 dB", "Cross Fade 0 dB", "Cross Fade -3 dB"),
}
AUTO_TRANSITION_FRAMES = 12  # measured 12 (Windows) and 8 (macOS): build dependent
TRANSITION_KEYS = {"type", "category", "position", "alignment", "duration"}


def _handles(w, o):
    """(left, right) media handles of an item; generators and titles have unlimited ones."""
    if o["kind"] in GENERATOR_KINDS:
        return 10 ** 9, 10 ** 9
    clip = w.objs.get(o.get("clip"))
    if not clip or o["kind"] != "clip":
        return 0, 0
    right = 0 if clip["kind"] == "still" else max(0, clip["frames"] - o["src_end"])
    if clip["kind"] == "still":
        return 10 ** 9, 10 ** 9
    return o["src_start"], right


@_attach("TimelineItem")
def AddTransition(self, transitionOptions):
    w = self._w
    o = self._o
    opts = transitionOptions
    if not isinstance(opts, dict) or not set(opts) <= TRANSITION_KEYS:
        return None
    position, alignment = opts.get("position"), opts.get("alignment")
    if position not in ("start", "end") or alignment not in ("left", "center", "right"):
        return None  # measured: a bare call without position/alignment returns None
    if o["kind"] == "transition":
        return None
    category = opts.get("category", "audio" if o["ttype"] == "audio" else "simple")
    if category not in ("simple", "fusion", "ofx", "audio"):
        return None
    if (category == "audio") != (o["ttype"] == "audio"):
        return None
    name = opts.get("type")
    if not core.is_str(name) or not name.strip():
        return None
    if category in TRANSITIONS and name not in TRANSITIONS[category]:
        return None
    duration = opts.get("duration")
    if duration is None:
        duration = AUTO_TRANSITION_FRAMES
    if not core.is_num(duration) or int(duration) != duration or duration < 1:
        return None
    duration = int(duration)
    tl = w.objs[o["tl"]]
    tidx = sim_item.track_index(w, self._id)
    track = tl["tracks"][o["ttype"]][tidx - 1]
    if track["locked"]:
        return None
    items = [(i, w.objs[i]) for i in track["items"]]
    clips = [(i, x) for i, x in items if x["kind"] != "transition"]
    cut = o["end"] if position == "end" else o["start"]
    outgoing = next((x for i, x in clips if x["end"] == cut), None)
    incoming = next((x for i, x in clips if x["start"] == cut), None)
    if alignment == "center":
        a, b = cut - duration // 2, cut + (duration - duration // 2)
    elif alignment == "left":
        a, b = cut - duration, cut
    else:
        a, b = cut, cut + duration
    # measured: transitions consume media handles; without them nothing is created
    # (id 69090730703; samuelgursky #209)
    if b > cut:
        if incoming is None or b > incoming["end"]:
            return None
        if outgoing is not None and _handles(w, outgoing)[1] < b - cut:
            return None
    if a < cut:
        if outgoing is None or a < outgoing["start"]:
            return None
        if incoming is not None and _handles(w, incoming)[0] < cut - a:
            return None
    for _, x in items:
        if x["kind"] == "transition" and x["start"] < b and a < x["end"]:
            return None  # one transition per edit
    iid = sim_item.new_item(w, o["tl"], o["ttype"], tidx, a, b, 0, b - a, None, "transition",
                            name)
    t = w.objs[iid]
    t["props"] = {}
    t["transition"] = {"category": category, "alignment": alignment}
    # it becomes an item of the track, between the two clips (later indexes shift)
    order = track["items"]
    order.remove(iid)
    anchor = next((i for i, x in items if x is incoming), None)
    order.insert(order.index(anchor) if anchor in order else sim_item.insert_at(w, order, a),
                 iid)
    sim_timeline.refresh_clip(w, o["tl"])
    return w.proxy("TimelineItem", iid)


# --------------------------------------------------------- output blanking ---

EDGES = ("Top", "Bottom", "Left", "Right")


def _tl_size(w, tl):
    s = tl["settings"]
    if s.get("useCustomSettings") != "1":
        s = w.project()["d"]["settings"]
    width = int(float(s.get("timelineResolutionWidth") or 1920))
    height = int(float(s.get("timelineResolutionHeight") or 1080))
    return width, height


def _bounds(w, tl, stored):
    width, height = _tl_size(w, tl)
    full = {"Top": 0.0, "Bottom": float(height), "Left": 0.0, "Right": float(width)}
    full.update({k: float(v) for k, v in (stored or {}).items()})
    return full


def _set_bounds(w, tl, stored, values):
    """Edge coordinates in pixels (picture bounds, not margins); a partial dict changes only
    the edges it names (resolve211-blanking.md, PR #213)."""
    if not isinstance(values, dict) or not values:
        return None
    width, height = _tl_size(w, tl)
    out = dict(stored or {})
    for key, value in values.items():
        if key not in EDGES or not core.is_num(value):
            return None
        limit = height if key in ("Top", "Bottom") else width
        if not 0 <= value <= limit:
            return None  # [I] outside the picture
        out[key] = float(value)
    return out


@_attach("Timeline", {})
def GetOutputBlanking(self):
    return _bounds(self._w, self._o, self._o.get("blanking"))


@_attach("Timeline", False)
def SetOutputBlanking(self, outputBlanking):
    new = _set_bounds(self._w, self._o, self._o.get("blanking"), outputBlanking)
    if new is None:
        return False
    self._o["blanking"] = new
    return True


def _item_get_blanking(self):
    o = self._o
    if o.get("use_tl_blanking", True):
        return {}  # measured: empty while the clip uses the timeline's blanking
    return _bounds(self._w, self._w.objs[o["tl"]], o.get("blanking"))


def _item_set_blanking(self, outputBlanking):
    o = self._o
    if o.get("use_tl_blanking", True):
        return False  # measured: refused (nothing changes) while it inherits the timeline's
    new = _set_bounds(self._w, self._w.objs[o["tl"]], o.get("blanking"), outputBlanking)
    if new is None:
        return False
    o["blanking"] = new
    return True


_item_get_blanking.__name__ = "GetOutputBlanking"
_item_set_blanking.__name__ = "SetOutputBlanking"
_attach("TimelineItem", {})(_item_get_blanking)
_attach("TimelineItem", False)(_item_set_blanking)


@_attach("TimelineItem", False)
def GetUseTimelineForOutputBlanking(self):
    return bool(self._o.get("use_tl_blanking", True))


@_attach("TimelineItem", False)
def SetUseTimelineForOutputBlanking(self, useTimelineOutputBlanking):
    o = self._o
    use = core.as_bool(useTimelineOutputBlanking)
    if not use and o.get("use_tl_blanking", True):
        # the override starts from the timeline's current bounds [I]
        o["blanking"] = dict(self._w.objs[o["tl"]].get("blanking") or {})
    o["use_tl_blanking"] = use
    return True


# ---------------------------------------------------------------- multicam ---

MULTICAM_KEYS = {"name", "startTimecode", "frameRate", "angleSyncMode", "channelConfig",
                 "multicamAudioMode", "angleNameMode", "splitAtGaps", "useFullClipExtents",
                 "createBinForSourceClips", "detectSameCameraClipsMode"}
SYNC_MODES = ("MULTICAM_ANGLE_SYNC_TIMECODE", "MULTICAM_ANGLE_SYNC_IN",
              "MULTICAM_ANGLE_SYNC_OUT", "MULTICAM_ANGLE_SYNC_AUDIO",
              "MULTICAM_ANGLE_SYNC_MARKER")
AUDIO_MODES = ("MULTICAM_AUDIO_SOURCE", "MULTICAM_AUDIO_ADAPTIVE", "MULTICAM_AUDIO_REFERENCE",
               "MULTICAM_AUDIO_ALL")
NAME_MODES = ("MULTICAM_ANGLE_NAME_SEQUENTIAL", "MULTICAM_ANGLE_NAME_ANGLE",
              "MULTICAM_ANGLE_NAME_CAMERA", "MULTICAM_ANGLE_NAME_CLIP",
              "MULTICAM_ANGLE_NAME_FILE")
DETECT_MODES = ("MULTICAM_DETECT_NONE", "MULTICAM_DETECT_BY_CAMERA_NUMBER",
                "MULTICAM_DETECT_BY_ANGLE", "MULTICAM_DETECT_BY_REEL_NUMBER",
                "MULTICAM_DETECT_BY_REEL_NAME", "MULTICAM_DETECT_BY_ROLL_CARD")
ORIGINAL_BIN = "Original Clips"


def _first_marker(clip):
    frames = [int(float(k)) for k in (clip.get("markers") or {})]
    return min(frames) if frames else None


@_attach("MediaPool", [])
def CreateMulticamClip(self, clips, multicamOptions):
    w = self._w
    opts = multicamOptions
    if not isinstance(clips, list) or not clips or not isinstance(opts, dict) or \
            not set(opts) <= MULTICAM_KEYS:
        return []
    ids = sim_pool._clip_ids(w, clips, kinds=("video", "audio"))
    sync = _const_name(w, opts.get("angleSyncMode", w.constants[SYNC_MODES[0]]), *SYNC_MODES)
    audio_mode = _const_name(w, opts.get("multicamAudioMode", w.constants[AUDIO_MODES[0]]),
                             *AUDIO_MODES)
    for key, names in (("angleNameMode", NAME_MODES), ("detectSameCameraClipsMode",
                                                       DETECT_MODES)):
        if key in opts:
            _const_name(w, opts[key], *names)
    for key in ("splitAtGaps", "useFullClipExtents", "createBinForSourceClips"):
        if key in opts:
            core.as_bool(opts[key])
    name = opts.get("name")
    first = w.objs[ids[0]]
    if name is None:
        name = first["props"]["Clip Name"] + " Multicam"  # [I] "generated from the first clip"
    if not core.is_str(name) or not name.strip():
        return []
    fps, _, drop = sim_media.project_rate(w)
    if "frameRate" in opts:
        if not core.is_num(opts["frameRate"]) or opts["frameRate"] <= 0:
            return []
        fps = float(opts["frameRate"])
    start_tc = opts.get("startTimecode", "01:00:00:00")
    if not core.is_str(start_tc) or core.tcm.tc_to_frames(start_tc, fps, drop) is None:
        return []
    # where each angle's first frame lies on the multicam's own frame axis
    lengths = [max(1, w.objs[c]["frames"]) for c in ids]
    if sync in ("MULTICAM_ANGLE_SYNC_TIMECODE", "MULTICAM_ANGLE_SYNC_AUDIO"):
        # audio sync: the simulator's media carry no comparable sound, so it lines the
        # angles up as their timecode does (a stand-in for waveform matching)
        starts = [sim_media.start_frame(w.objs[c]) for c in ids]
    elif sync == "MULTICAM_ANGLE_SYNC_IN":
        starts = [0] * len(ids)
    elif sync == "MULTICAM_ANGLE_SYNC_OUT":
        starts = [max(lengths) - n for n in lengths]
    else:
        marks = [_first_marker(w.objs[c]) for c in ids]
        if any(m is None for m in marks):
            return []
        starts = [max(marks) - m for m in marks]
    origin = min(starts)
    offsets = [s - origin for s in starts]
    frames = max(s + n for s, n in zip(offsets, lengths))
    d = w.project()["d"]
    pool = w.objs[d["pool"]]
    folder = pool["cur"]
    cid = sim_media.new_virtual_clip(w, w.project()["id"], folder, name, "multicam", frames,
                                     fps, "Multicam")
    mc = w.objs[cid]
    mc["angles"] = [{"clip": c, "offset": off} for c, off in zip(ids, offsets)]
    mc["audio_mode"] = audio_mode
    mc["channels"] = max(int(w.objs[c].get("channels") or 0) for c in ids)
    mc["props"]["Start TC"] = start_tc
    mc["props"]["Angles"] = str(len(ids))
    if core.as_bool(opts.get("createBinForSourceClips", True)):
        # measured trap: the default moves the sources into an "Original Clips" bin, and
        # that multicam then answers AppendToTimeline with [None] (id 69090730703)
        names = [w.objs[s]["name"] for s in w.objs[folder]["subs"]]
        label, n = ORIGINAL_BIN, 1
        while label in names:
            n += 1
            label = "%s %d" % (ORIGINAL_BIN, n)
        bin_id = sim_media.new_folder(w, w.project()["id"], label, folder)
        for c in ids:
            o = w.objs[c]
            w.objs[o["folder"]]["clips"].remove(c)
            o["folder"] = bin_id
            w.objs[bin_id]["clips"].append(c)
        mc["append_broken"] = True
    return [w.proxy("MediaPoolItem", cid)]


def _multicam_of(w, o):
    clip = w.objs.get(o.get("clip"))
    return clip if clip and clip["kind"] == "multicam" and o["kind"] == "clip" else None


def _angle_items(w, o):
    """The item and its linked items that show the same multicam clip."""
    ids = [i for i, x in w.objs.items() if x.get("t") == "TimelineItem"
           and x.get("tl") == o["tl"] and x.get("clip") == o.get("clip")
           and (x is o or (o.get("link") and x.get("link") == o["link"]))]
    return ids


@_attach("TimelineItem", False)
def FlattenMulticam(self, gradeOption):
    w = self._w
    o = self._o
    _const_name(w, gradeOption, "FLATTEN_MULTICAM_COPY_GRADE",
                "FLATTEN_MULTICAM_RETAIN_GRADE_FROM_ANGLE")
    mc = _multicam_of(w, o)
    if mc is None:
        return False
    angle = mc["angles"][max(0, min(len(mc["angles"]), o.get("mc_angle", 1)) - 1)]
    src = w.objs[angle["clip"]]
    for iid in _angle_items(w, o):
        x = w.objs[iid]
        if x["ttype"] == "video" and not sim_media.has_video(src):
            continue
        if x["ttype"] == "audio" and not sim_media.has_audio(src):
            continue
        # measured: media type Multicam -> Video, record span kept; re-list the track after
        # (resolve211-multicam.md, PR #211). The multicam item is replaced by a new one.
        tidx = sim_item.track_index(w, iid)
        s0 = max(0, x["src_start"] - angle["offset"])
        length = x["end"] - x["start"]
        link = x.get("link")
        start, end = x["start"], x["end"]
        sim_item.remove_item(w, iid)
        new = sim_item.new_item(w, x["tl"], x["ttype"], tidx, start, end, s0, s0 + length,
                                angle["clip"], "clip", src["props"]["Clip Name"])
        w.objs[new]["link"] = link
    sim_timeline.refresh_clip(w, o["tl"])
    return True


SMART_KEYS = {"minEditDuration", "editChangeDelay", "isAutoDetectWideAngle", "analysisMode",
              "wideAngleID", "wideAngleFrequency", "isUseWideAngleForIntroOutro",
              "isUseWideAngleForSilence", "switchOnVideoOnly", "quality"}


@_attach("TimelineItem", False, studio=True)
def PerformMulticamSmartSwitch(self, smartSwitchSettings):
    w = self._w
    o = self._o
    s = smartSwitchSettings
    if not isinstance(s, dict) or not set(s) <= SMART_KEYS:
        return False
    mc = _multicam_of(w, o)
    if mc is None or o["ttype"] != "video":
        return False
    min_edit = s.get("minEditDuration", 1.0)
    delay = s.get("editChangeDelay", 0.3)
    if not core.is_num(min_edit) or not 0.5 <= min_edit <= 10.0:
        return False
    if not core.is_num(delay) or not 0.0 <= delay <= 2.0:
        return False
    for key in ("isAutoDetectWideAngle", "isUseWideAngleForIntroOutro",
                "isUseWideAngleForSilence", "switchOnVideoOnly"):
        if key in s:
            core.as_bool(s[key])
    if "quality" in s:
        _const_name(w, s["quality"], "SMART_SWITCH_QUALITY_FASTER", "SMART_SWITCH_QUALITY_BETTER")
    if "wideAngleFrequency" in s:
        _const_name(w, s["wideAngleFrequency"], "SMART_SWITCH_WIDE_ANGLE_FREQ_LOW",
                    "SMART_SWITCH_WIDE_ANGLE_FREQ_MEDIUM", "SMART_SWITCH_WIDE_ANGLE_FREQ_HIGH")
    if "analysisMode" in s:
        mode = _const_name(w, s["analysisMode"], "SMART_SWITCH_ANALYSIS_MODE_NONE",
                           "SMART_SWITCH_ANALYSIS_MODE_DETECT_WIDE_ANGLE",
                           "SMART_SWITCH_ANALYSIS_MODE_AUDIO_ONLY")
    elif core.as_bool(s.get("isAutoDetectWideAngle", True)):
        mode = "SMART_SWITCH_ANALYSIS_MODE_DETECT_WIDE_ANGLE"
    else:
        mode = "SMART_SWITCH_ANALYSIS_MODE_NONE"
    n = len(mc["angles"])
    if "wideAngleID" in s:
        if s["wideAngleID"] not in ["None"] + ["Angle %d" % k for k in range(1, n + 1)]:
            return False
    if mode == "SMART_SWITCH_ANALYSIS_MODE_DETECT_WIDE_ANGLE":
        return False  # measured: default wide-angle detection needs an analysed item
    if core.as_bool(s.get("switchOnVideoOnly", False)) and mc["audio_mode"] in (
            "MULTICAM_AUDIO_SOURCE", "MULTICAM_AUDIO_ADAPTIVE"):
        return False  # stub + measured: not supported with source/adaptive audio
    if not any(sim_media.has_audio(w.objs[a["clip"]]) for a in mc["angles"]):
        return False  # measured: a silent fixture fails
    # Simulated cut pattern: a new angle every 2 x minEditDuration, cycling the angles.
    fps = w.objs[o["tl"]]["fps"]
    seg = max(1, int(round(min_edit * fps))) * 2
    tidx = sim_item.track_index(w, self._id)
    start, end, s0, link = o["start"], o["end"], o["src_start"], o.get("link")
    base = o["name"].split(" - Angle ")[0]
    clip_id = o["clip"]
    sim_item.remove_item(w, self._id)
    k = 0
    pos = start
    while pos < end:
        stop = min(end, pos + seg)
        angle = k % n + 1
        iid = sim_item.new_item(w, o["tl"], "video", tidx, pos, stop, s0 + pos - start,
                                s0 + stop - start, clip_id, "clip", base)
        w.objs[iid]["name"] = "%s - Angle %d" % (base, angle)
        w.objs[iid]["mc_angle"] = angle
        w.objs[iid]["link"] = link
        pos, k = stop, k + 1
    return True


# -------------------------------------------------------------- auto-align ---

@_attach("Timeline", False)
def AutoAlignClips(self, timelineItems, autoAlignOptions=None):
    w = self._w
    opts = autoAlignOptions if autoAlignOptions is not None else {}
    if not isinstance(opts, dict) or not set(opts) <= {"SyncUsing", "UseTrack"}:
        return False
    using = _const_name(w, opts.get("SyncUsing", w.constants["AUTO_ALIGN_CLIPS_USING_TIMECODE"]),
                        "AUTO_ALIGN_CLIPS_USING_TIMECODE", "AUTO_ALIGN_CLIPS_USING_WAVEFORM")
    if "UseTrack" in opts:
        track = opts["UseTrack"]
        if not (core.is_int(track) and track >= 1) and track not in _const(
                w, "AUTO_ALIGN_CLIPS_WAVEFORM_TRACK_MIX",
                "AUTO_ALIGN_CLIPS_WAVEFORM_TRACK_AUTOMATIC"):
            return False
    ids = self._items(timelineItems)
    if len(ids) < 2:
        return False
    items = [w.objs[i] for i in ids]
    if any(x["kind"] != "clip" or not w.objs.get(x.get("clip")) for x in items):
        return False
    if using == "AUTO_ALIGN_CLIPS_USING_WAVEFORM" and not any(
            x["ttype"] == "audio" for x in items):
        return False  # measured: waveform alignment of video items alone fails
    # The reference is the first item; the others move so that equal source timecodes sit
    # on equal record frames (waveform: the simulator's media carry their sync in timecode).

    def tc_at_start(x):
        return sim_media.start_frame(w.objs[x["clip"]]) + x["src_start"]

    ref = items[0]
    moves = {}
    for iid, x in zip(ids[1:], items[1:]):
        moves[iid] = ref["start"] + tc_at_start(x) - tc_at_start(ref) - x["start"]
    tl = self._o
    for iid, delta in moves.items():
        x = w.objs[iid]
        if x["start"] + delta < 0:
            return False
        track = tl["tracks"][x["ttype"]][sim_item.track_index(w, iid) - 1]
        if track["locked"] or not sim_timeline.free(w, track, x["start"] + delta,
                                                    x["end"] + delta, ignore=set(ids)):
            return False
    for iid, delta in moves.items():
        if not delta:
            continue
        x = w.objs[iid]
        track = tl["tracks"][x["ttype"]][sim_item.track_index(w, iid) - 1]
        track["items"].remove(iid)
        x["start"] += delta
        x["end"] += delta
        track["items"].insert(sim_item.insert_at(w, track["items"], x["start"]), iid)
    sim_timeline.refresh_clip(w, self._id)
    return True
