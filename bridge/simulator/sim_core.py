"""Core of the Resolve simulator: world state, proxies, call wrapper, shared helpers.

The whole simulated state is one JSON-serialisable dict (``World.S``).  Every
entity (project, bin, clip, timeline, timeline item, graph, album, still, ...)
lives in ``S["objs"]`` keyed by a uuid-like id; references between entities are
ids.  API objects are light proxies holding (world, id); equal proxies compare
equal whatever lookup produced them.
"""

import copy
import functools
import json
import os
import sys
import time

import sim_methods
import sim_timecode as tcm

DEFAULT_VERSION = "21.1.1.10"  # Resolve Studio 21.1.1 (REFERENCE-21.1 §8)
PAGES = ("media", "cut", "edit", "fusion", "color", "fairlight", "deliver", "photo")
PLAYHEAD_PAGES = ("cut", "edit", "color", "fairlight", "deliver")
MARKER_COLORS = ("Blue", "Cyan", "Green", "Yellow", "Red", "Pink", "Purple", "Fuchsia",
                 "Rose", "Lavender", "Sky", "Mint", "Lemon", "Sand", "Cocoa", "Cream")
CLIP_COLORS = ("Orange", "Apricot", "Yellow", "Lime", "Olive", "Green", "Teal", "Navy",
               "Blue", "Purple", "Violet", "Pink", "Tan", "Beige", "Brown", "Chocolate")
TRACK_TYPES = ("video", "audio", "subtitle")
LUT_EXTS = (".cube", ".3dl", ".dat", ".vlt", ".ilut", ".olut", ".lut")

REG = {}      # API class name -> proxy class
HOOKS = {}    # name -> function, set by the modules that own the behaviour


# ---------------------------------------------------------------- versions ---

def parse_version(text):
    """'19.1.3' -> (19, 1, 3); '21.0b' -> (21, 0, 0); '20.2/20.3' -> (20, 2, 0)."""
    text = str(text).split("/")[0].strip()
    parts = []
    for piece in text.split(".")[:3]:
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(int(digits or 0))
    while len(parts) < 3:
        parts.append(0)
    return tuple(parts)


# --------------------------------------------------------------- constants ---

def _family(names, start=0, as_float=False):
    return {n: (float(i + start) if as_float else i + start) for i, n in enumerate(names)}


def build_constants(version):
    """The resolve.* constants (attributes of the Resolve object)."""
    c = {}
    c.update({"KEYFRAME_MODE_ALL": 0, "KEYFRAME_MODE_COLOR": 1, "KEYFRAME_MODE_SIZING": 2})
    c.update({"CACHE_AUTO_ENABLED": -1, "CACHE_DISABLED": 0, "CACHE_ENABLED": 1})
    c.update(_family(["CLOUD_SYNC_DEFAULT", "CLOUD_SYNC_DOWNLOAD_IN_QUEUE",
                      "CLOUD_SYNC_DOWNLOAD_IN_PROGRESS", "CLOUD_SYNC_DOWNLOAD_SUCCESS",
                      "CLOUD_SYNC_DOWNLOAD_FAIL", "CLOUD_SYNC_DOWNLOAD_NOT_FOUND",
                      "CLOUD_SYNC_UPLOAD_IN_QUEUE", "CLOUD_SYNC_UPLOAD_IN_PROGRESS",
                      "CLOUD_SYNC_UPLOAD_SUCCESS", "CLOUD_SYNC_UPLOAD_FAIL",
                      "CLOUD_SYNC_UPLOAD_NOT_FOUND", "CLOUD_SYNC_SUCCESS"], start=-1))
    c.update({"AUDIO_SYNC_CHANNEL_AUTOMATIC": -1, "AUDIO_SYNC_CHANNEL_MIX": -2})
    # Export types (EXPORT_EDL == 2.0 and EXPORT_OTIO == 15.0 as measured on 21.0).
    c.update({"EXPORT_AAF": 0.0, "EXPORT_DRT": 1.0, "EXPORT_EDL": 2.0,
              "EXPORT_FCP_7_XML": 3.0, "EXPORT_FCPXML_1_3": 4.0, "EXPORT_FCPXML_1_4": 5.0,
              "EXPORT_FCPXML_1_5": 6.0, "EXPORT_FCPXML_1_6": 7.0, "EXPORT_FCPXML_1_7": 8.0,
              "EXPORT_FCPXML_1_8": 9.0, "EXPORT_FCPXML_1_9": 10.0, "EXPORT_FCPXML_1_10": 11.0,
              "EXPORT_HDR_10_PROFILE_A": 12.0, "EXPORT_HDR_10_PROFILE_B": 13.0,
              "EXPORT_TEXT_CSV": 14.0, "EXPORT_OTIO": 15.0, "EXPORT_TEXT_TAB": 16.0,
              "EXPORT_DOLBY_VISION_VER_2_9": 17.0, "EXPORT_DOLBY_VISION_VER_4_0": 18.0,
              "EXPORT_DOLBY_VISION_VER_5_1": 19.0, "EXPORT_ALE": 20.0,
              "EXPORT_ALE_CDL": 21.0})
    c.update({"EXPORT_NONE": -1.0, "EXPORT_AAF_NEW": 0.0, "EXPORT_AAF_EXISTING": 1.0,
              "EXPORT_CDL": 2.0, "EXPORT_SDL": 3.0, "EXPORT_MISSING_CLIPS": 4.0})
    c.update(_family(["DYNAMIC_ZOOM_EASE_LINEAR", "DYNAMIC_ZOOM_EASE_IN",
                      "DYNAMIC_ZOOM_EASE_OUT", "DYNAMIC_ZOOM_EASE_IN_AND_OUT"]))
    c.update(_family(["COMPOSITE_" + n for n in COMPOSITE_NAMES]))
    c.update(_family(["RETIME_USE_PROJECT", "RETIME_NEAREST", "RETIME_FRAME_BLEND",
                      "RETIME_OPTICAL_FLOW"]))
    c.update(_family(["MOTION_EST_USE_PROJECT", "MOTION_EST_STANDARD_FASTER",
                      "MOTION_EST_STANDARD_BETTER", "MOTION_EST_ENHANCED_FASTER",
                      "MOTION_EST_ENHANCED_BETTER", "MOTION_EST_SPEED_WARP_BETTER",
                      "MOTION_EST_SPEED_WARP_FASTER"]))
    c.update(_family(["SCALE_USE_PROJECT", "SCALE_CROP", "SCALE_FIT", "SCALE_FILL",
                      "SCALE_STRETCH"]))
    c.update(_family(["RESIZE_FILTER_" + n for n in RESIZE_NAMES]))
    # Opaque families: distinct floats per family block.
    opaque = [
        ["CLOUD_SETTING_PROJECT_NAME", "CLOUD_SETTING_PROJECT_MEDIA_PATH",
         "CLOUD_SETTING_IS_COLLAB", "CLOUD_SETTING_SYNC_MODE", "CLOUD_SETTING_IS_CAMERA_ACCESS"],
        ["CLOUD_SYNC_NONE", "CLOUD_SYNC_PROXY_ONLY", "CLOUD_SYNC_PROXY_AND_ORIG"],
        ["AUDIO_SYNC_MODE", "AUDIO_SYNC_CHANNEL_NUMBER", "AUDIO_SYNC_RETAIN_EMBEDDED_AUDIO",
         "AUDIO_SYNC_RETAIN_VIDEO_METADATA"],
        ["AUDIO_SYNC_WAVEFORM", "AUDIO_SYNC_TIMECODE"],
        ["SUBTITLE_LANGUAGE", "SUBTITLE_CAPTION_PRESET", "SUBTITLE_CHARS_PER_LINE",
         "SUBTITLE_LINE_BREAK", "SUBTITLE_GAP"],
        ["AUTO_CAPTION_" + n for n in CAPTION_LANGUAGES],
        ["AUTO_CAPTION_SUBTITLE_DEFAULT", "AUTO_CAPTION_TELETEXT", "AUTO_CAPTION_NETFLIX"],
        ["AUTO_CAPTION_LINE_SINGLE", "AUTO_CAPTION_LINE_DOUBLE"],
        ["EXPORT_LUT_17PTCUBE", "EXPORT_LUT_33PTCUBE", "EXPORT_LUT_65PTCUBE",
         "EXPORT_LUT_PANASONICVLUT"],
        ["DLB_BLEND_SHOTS"],
    ]
    if version >= (21, 0, 0):
        opaque.append(["MARKER_" + n.upper() for n in MARKER_COLORS])
    if version >= (21, 1, 0):  # 21.1 stub families; no values published (REFERENCE-21.1 §7)
        opaque.extend(OPAQUE_21_1)
    for block, names in enumerate(opaque):
        c.update(_family(names, start=100 * (block + 1), as_float=True))
    return c


# The constant families the 21.1 stub adds (names only: Blackmagic publishes no values, so
# the simulator's are opaque distinct floats and tools must read them from the live object).
OPAQUE_21_1 = [
    ["MULTICAM_ANGLE_SYNC_IN", "MULTICAM_ANGLE_SYNC_OUT", "MULTICAM_ANGLE_SYNC_TIMECODE",
     "MULTICAM_ANGLE_SYNC_AUDIO", "MULTICAM_ANGLE_SYNC_MARKER"],
    ["MULTICAM_ANGLE_NAME_SEQUENTIAL", "MULTICAM_ANGLE_NAME_ANGLE", "MULTICAM_ANGLE_NAME_CAMERA",
     "MULTICAM_ANGLE_NAME_CLIP", "MULTICAM_ANGLE_NAME_FILE"],
    ["MULTICAM_DETECT_BY_CAMERA_NUMBER", "MULTICAM_DETECT_BY_ANGLE",
     "MULTICAM_DETECT_BY_REEL_NUMBER", "MULTICAM_DETECT_BY_REEL_NAME",
     "MULTICAM_DETECT_BY_ROLL_CARD", "MULTICAM_DETECT_NONE"],
    ["MULTICAM_AUDIO_ADAPTIVE", "MULTICAM_AUDIO_SOURCE", "MULTICAM_AUDIO_REFERENCE",
     "MULTICAM_AUDIO_ALL"],
    ["FLATTEN_MULTICAM_COPY_GRADE", "FLATTEN_MULTICAM_RETAIN_GRADE_FROM_ANGLE"],
    ["SMART_SWITCH_QUALITY_FASTER", "SMART_SWITCH_QUALITY_BETTER"],
    ["SMART_SWITCH_WIDE_ANGLE_FREQ_LOW", "SMART_SWITCH_WIDE_ANGLE_FREQ_MEDIUM",
     "SMART_SWITCH_WIDE_ANGLE_FREQ_HIGH"],
    ["SMART_SWITCH_ANALYSIS_MODE_NONE", "SMART_SWITCH_ANALYSIS_MODE_DETECT_WIDE_ANGLE",
     "SMART_SWITCH_ANALYSIS_MODE_AUDIO_ONLY"],
    ["NORMALIZE_AUDIO_SET_LEVEL_RELATIVE", "NORMALIZE_AUDIO_SET_LEVEL_INDEPENDENT"],
    ["AUTO_ALIGN_CLIPS_USING_WAVEFORM", "AUTO_ALIGN_CLIPS_USING_TIMECODE"],
    ["AUTO_ALIGN_CLIPS_WAVEFORM_TRACK_MIX", "AUTO_ALIGN_CLIPS_WAVEFORM_TRACK_AUTOMATIC"],
    ["DIALOGUE_LEVELER_MODE_ALLOW_WIDER_DYNAMICS", "DIALOGUE_LEVELER_MODE_OPTIMIZE_MODERATE_LEVELS",
     "DIALOGUE_LEVELER_MODE_MORE_LIFT_FOR_LOW_LEVELS",
     "DIALOGUE_LEVELER_MODE_LIFT_SOFT_WHISPERY_SOURCES"],
    ["CLONE_CHECKSUM_TYPE_NONE", "CLONE_CHECKSUM_TYPE_FILESIZE", "CLONE_CHECKSUM_TYPE_CRC32",
     "CLONE_CHECKSUM_TYPE_MD5", "CLONE_CHECKSUM_TYPE_SHA256", "CLONE_CHECKSUM_TYPE_SHA512",
     "CLONE_CHECKSUM_TYPE_XXH_64"],
    ["AUDIO_SYNC_IN", "AUDIO_SYNC_OUT", "AUDIO_SYNC_MARKER"],
    ["MOTION_EST_METAL"],
    ["MARKER_NONE"],
]
COMPOSITE_NAMES = ["NORMAL", "ADD", "SUBTRACT", "DIFF", "MULTIPLY", "SCREEN", "OVERLAY",
                   "HARDLIGHT", "SOFTLIGHT", "DARKEN", "LIGHTEN", "COLOR_DODGE", "COLOR_BURN",
                   "EXCLUSION", "HUE", "SATURATE", "COLORIZE", "LUMA_MASK", "DIVIDE",
                   "LINEAR_DODGE", "LINEAR_BURN", "LINEAR_LIGHT", "VIVID_LIGHT", "PIN_LIGHT",
                   "HARD_MIX", "LIGHTER_COLOR", "DARKER_COLOR", "FOREGROUND", "ALPHA",
                   "INVERTED_ALPHA", "LUM", "INVERTED_LUM"]
RESIZE_NAMES = ["USE_PROJECT", "SHARPER", "SMOOTHER", "BICUBIC", "BILINEAR", "BESSEL", "BOX",
                "CATMULL_ROM", "CUBIC", "GAUSSIAN", "LANCZOS", "MITCHELL", "NEAREST_NEIGHBOR",
                "QUADRATIC", "SINC", "LINEAR"]
CAPTION_LANGUAGES = ["AUTO", "DANISH", "DUTCH", "ENGLISH", "FRENCH", "GERMAN", "ITALIAN",
                     "JAPANESE", "KOREAN", "MANDARIN_SIMPLIFIED", "MANDARIN_TRADITIONAL",
                     "NORWEGIAN", "PORTUGUESE", "RUSSIAN", "SPANISH", "SWEDISH"]


# ------------------------------------------------------------------- world ---

_LUT_DIR_CACHE = {}


def _private_temp_dir():
    """A new folder only this user can enter, as tempfile.mkdtemp makes one (tempfile itself
    would cost the bridge 1.5 MB of imports for this one call)."""
    base = os.environ.get("TMPDIR") or os.environ.get("TEMP") or os.environ.get("TMP") or (
        os.path.expanduser("~") if os.name == "nt" else "/tmp")
    while True:
        path = os.path.join(base, "resolve_sim_" + os.urandom(6).hex())
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:
            continue


def default_lut_dir():
    """Master LUT folder: $RESOLVE_SIM_LUT_DIR or a temp folder with sample LUTs."""
    env = os.environ.get("RESOLVE_SIM_LUT_DIR")
    if env:
        return os.path.abspath(env)
    path = _LUT_DIR_CACHE.get("dir")
    if path and os.path.isdir(path):
        return path
    path = os.path.join(_private_temp_dir(), "LUT")
    samples = {
        os.path.join("Sample", "Identity.cube"): _cube_text("Identity", 1.0),
        os.path.join("Sample", "Warm.cube"): _cube_text("Warm", 1.1),
        os.path.join("VFX IO", "Linear to Rec709.cube"): _cube_text("Linear to Rec709", 0.9),
    }
    for rel, text in samples.items():
        full = os.path.join(path, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as fh:
            fh.write(text)
    _LUT_DIR_CACHE["dir"] = path
    return path


def _cube_text(title, gain, size=2):
    lines = ['TITLE "%s"' % title, "LUT_3D_SIZE %d" % size]
    for b in range(size):
        for g in range(size):
            for r in range(size):
                vals = [min(1.0, x / (size - 1.0) * gain) for x in (r, g, b)]
                lines.append("%.6f %.6f %.6f" % tuple(vals))
    return "\n".join(lines) + "\n"


class World(object):
    """One simulated Resolve instance (configuration + state)."""

    def __init__(self):
        env = os.environ
        self.free = env.get("RESOLVE_SIM_EDITION", "").strip().lower() == "free"
        vtext = env.get("RESOLVE_SIM_VERSION", "").strip() or DEFAULT_VERSION
        nums = [int(p) if p.isdigit() else 0 for p in vtext.split(".")]
        while len(nums) < 4:
            nums.append(0)
        self.version_list = nums[:4]
        self.version = tuple(nums[:3])
        self.state_path = env.get("RESOLVE_SIM_STATE") or None
        self.constants = build_constants(self.version)
        self.gated = {}  # only classes with gated methods: empty when nothing is gated
        for cls, methods in sim_methods.SINCE.items():
            gated = set(m for m, since in methods.items() if parse_version(since) > self.version)
            if gated:
                self.gated[cls] = gated
        if self.gated and Obj.__getattribute__ is not _gated_getattribute:
            Obj.__getattribute__ = _gated_getattribute
        # The noise and hang switches, read once per world like the other RESOLVE_SIM_* ones.
        self.noise = env.get("RESOLVE_SIM_NOISE", "") not in ("", "0")
        self.hang = env.get("RESOLVE_SIM_HANG", "")
        # the Color page's Gallery panel (UI state the API cannot read or set)
        self.gallery_panel = env.get("RESOLVE_SIM_GALLERY_PANEL", "1") != "0"
        self._last_saved = None
        self.writes = 0  # calls of changing methods so far (api counts them)
        self.memo = {}
        self.S = None
        if self.state_path and os.path.isfile(self.state_path):
            try:
                with open(self.state_path) as fh:
                    self.S = json.load(fh)
                self._last_saved = json.dumps(self.S, sort_keys=True)
            except (OSError, ValueError):
                self.S = None
        if self.S is None:
            self.S = HOOKS["new_state"](self)
            self.commit()

    @property
    def objs(self):
        return self.S["objs"]

    def new_id(self):
        """A random (version 4) UUID string, as Resolve's ids look; the uuid module would
        also load platform for nothing."""
        h = bytearray(os.urandom(16))
        h[6] = (h[6] & 0x0F) | 0x40
        h[8] = (h[8] & 0x3F) | 0x80
        x = h.hex()
        return "%s-%s-%s-%s-%s" % (x[:8], x[8:12], x[12:16], x[16:20], x[20:])

    def since_ok(self, since):
        return parse_version(since) <= self.version

    def commit(self):
        """Persist the state when RESOLVE_SIM_STATE is set and it changed."""
        if not self.state_path:
            return
        text = json.dumps(self.S, sort_keys=True)
        if text == self._last_saved:
            return
        tmp = "%s.tmp%d" % (self.state_path, os.getpid())
        try:
            with open(tmp, "w") as fh:
                fh.write(text)
            os.replace(tmp, self.state_path)
            self._last_saved = text
        except OSError:
            pass

    def proxy(self, cls, oid):
        if oid is None:
            return None
        return REG[cls](self, oid)

    # project shortcuts -------------------------------------------------
    def project(self):
        pid = self.S.get("cur_project")
        p = self.objs.get(pid) if pid else None
        return p if p is not None and p.get("d") is not None else None


# --------------------------------------------------------------- proxies ---

def _gated_getattribute(self, name):
    """Obj's attribute lookup once some world lacks methods (an older version): a method this
    version lacks reads as None, like any unknown name. Installed only then (by World), so
    the usual lookups of a current version cost nothing extra."""
    if name[:1] != "_":
        gated = object.__getattribute__(self, "_w").gated
        if gated and name in gated.get(type(self).__name__, ()):
            return None
    return object.__getattribute__(self, name)


class Obj(object):
    """Base of every API proxy: (world, id) with identity by class + id.

    ``_g`` is the project load the proxy was minted in: Resolve's handles do not survive
    their project being closed, even when the same project is loaded again."""

    __slots__ = ("_w", "_id", "_g")

    def __init__(self, world, oid):
        object.__setattr__(self, "_w", world)
        object.__setattr__(self, "_id", oid)
        object.__setattr__(self, "_g", world.S.get("gen", 0))

    def __getattr__(self, name):
        # Resolve answers every unknown attribute with None (hasattr is always True)
        if name[:1] == "_":
            raise AttributeError(name)
        return None

    def __setattr__(self, name, value):
        raise AttributeError("read-only API object")

    def __eq__(self, other):
        return (type(self) is type(other)) and self._id == other._id

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((type(self).__name__, self._id))

    def __repr__(self):
        return "%s (0x%s) [App: 'Resolve' on 127.0.0.1, UUID: %s]" % (
            type(self).__name__, str(self._id).replace("-", "")[:12], self._id)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        gated = self._w.gated.get(type(self).__name__, ())
        return sorted(n for n in dir(type(self)) if n[:1] != "_" and n not in gated)

    # helpers for subclasses
    def _alive(self):
        o = self._w.objs.get(self._id)
        return o is not None and (not o.get("p") or self._g == self._w.S.get("gen", 0))

    @property
    def _o(self):
        return self._w.objs[self._id]


_OBJ_ALIVE = Obj._alive


def _fresh(value):
    if isinstance(value, (list, dict)):
        return type(value)()
    return value


def _noise(label):
    print("[fusionscript] noise: %s" % label)
    sys.stdout.flush()
    try:
        os.write(1, b"libresolve: log line from native code\n")
    except OSError:
        pass
    sys.stderr.write("[fusionscript] stderr noise: %s\n" % label)
    sys.stderr.flush()


def _fresh_copy(result):
    """A copy the caller may change freely. Proxies are immutable (their deepcopy is
    themselves), so a flat list of proxies or scalars only needs a new list."""
    if type(result) is list and all(isinstance(v, (Obj, str, int, float, bool))
                                    or v is None for v in result):
        return list(result)
    if type(result) is dict and all(isinstance(v, (str, int, float, bool)) or v is None
                                    for v in result.values()):
        return dict(result)  # a flat dict (clip properties, metadata): a new dict will do
    return copy.deepcopy(result)


def api(fail=None, studio=False):
    """Wrap an API method: noise/hang switches, quit, dead objects, edition, errors."""
    def deco(fn):
        reads = fn.__name__.startswith(("Get", "Is", "Has"))

        @functools.wraps(fn)
        def wrapper(self, *args, **kwargs):
            # The checks of every call, with as few lookups as they allow (a listing page
            # makes thousands of calls): the same checks, in the same order, as ever.
            w = self._w
            if not reads:
                w.writes += 1  # derived tables (clip usage) are recomputed after any change
            if w.noise or w.hang:
                label = "%s.%s" % (type(self).__name__, fn.__name__)
                if w.noise:
                    _noise(label)
                if w.hang == label:
                    time.sleep(3600)
            state = w.S
            if (studio and w.free) or state.get("quit"):
                return _fresh(fail)
            if type(self)._alive is _OBJ_ALIVE:  # Obj._alive, inlined
                o = state["objs"].get(self._id)
                if o is None or (o.get("p") and self._g != state.get("gen", 0)):
                    return None  # measured: every call on a dead handle answers None
            elif not self._alive():
                return None
            try:
                result = fn(self, *args, **kwargs)
            except Exception:  # any internal error is the documented failure value
                if os.environ.get("RESOLVE_SIM_DEBUG"):
                    import traceback
                    traceback.print_exc()
                result = _fresh(fail)
            else:
                if type(result) is list or type(result) is dict or isinstance(
                        result, (list, dict)):
                    result = _fresh_copy(result)
            if w.state_path:
                w.commit()
            return result
        wrapper._api = True
        wrapper._studio = studio
        return wrapper
    return deco


def register(cls):
    REG[cls.__name__] = cls
    return cls


# ------------------------------------------------------------- validation ---

def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and v == v


def is_str(v):
    return isinstance(v, str)


def as_frame(v):
    """Frame numbers may be ints or integral floats (fractional floated frames floor)."""
    if not is_num(v):
        raise ValueError("not a frame")
    return int(v // 1) if isinstance(v, float) else v


def as_bool(v):
    if isinstance(v, bool):
        return v
    if is_int(v) and v in (0, 1):
        return bool(v)
    raise ValueError("not a bool")


def deep(v):
    return copy.deepcopy(v)


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime())


def unique_name(base, existing):
    if base not in existing:
        return base
    n = 2
    while "%s %d" % (base, n) in existing:
        n += 1
    return "%s %d" % (base, n)


# ---------------------------------------------------------------- markers ---

def marker_add(markers, args, limit=None):
    """AddMarker(frameId, color, name, note, duration, customData='')."""
    if len(args) not in (5, 6):
        return False
    frame, color, name, note, duration = args[:5]
    custom = args[5] if len(args) == 6 else ""
    if not is_num(frame) or frame < 0 or color not in MARKER_COLORS:
        return False
    if not (is_str(name) and is_str(note) and is_str(custom)):
        return False
    if not is_num(duration) or duration < 1:
        return False
    frame = as_frame(frame)
    if limit is not None and frame >= limit:
        return False
    key = str(frame)
    if key in markers:
        return False
    markers[key] = {"color": color, "duration": int(duration), "note": note, "name": name,
                    "customData": custom}
    return True


def marker_list(markers):
    return {int(k): dict(v) for k, v in sorted(markers.items(), key=lambda kv: int(kv[0]))}


def marker_by_custom(markers, custom):
    if not is_str(custom):
        return None
    for k, v in sorted(markers.items(), key=lambda kv: int(kv[0])):
        if v.get("customData") == custom:
            return k
    return None


def marker_update_custom(markers, frame, custom):
    if not is_num(frame) or not is_str(custom):
        return False
    key = str(as_frame(frame))
    if key not in markers:
        return False
    markers[key]["customData"] = custom
    return True


def marker_get_custom(markers, frame):
    if not is_num(frame):
        return ""
    m = markers.get(str(as_frame(frame)))
    return m["customData"] if m else ""


def marker_delete_color(markers, color):
    if color != "All" and color not in MARKER_COLORS:
        return False
    for k in list(markers):
        if color == "All" or markers[k]["color"] == color:
            del markers[k]
    return True


def marker_delete_frame(markers, frame):
    if not is_num(frame):
        return False
    return markers.pop(str(as_frame(frame)), None) is not None


def marker_delete_custom(markers, custom):
    key = marker_by_custom(markers, custom)
    if key is None:
        return False
    del markers[key]
    return True


class MarkerMixin(object):
    """The seven marker methods shared by MediaPoolItem, Timeline and TimelineItem."""

    __slots__ = ()

    def _markers(self):
        return self._o.setdefault("markers", {})

    def _marker_limit(self):
        return None

    @api(False)
    def AddMarker(self, *args):
        return marker_add(self._markers(), args, self._marker_limit())

    @api({})
    def GetMarkers(self):
        return marker_list(self._markers())

    @api({})
    def GetMarkerByCustomData(self, customData):
        key = marker_by_custom(self._markers(), customData)
        return dict(self._markers()[key]) if key is not None else {}

    @api(False)
    def UpdateMarkerCustomData(self, frameId, customData):
        return marker_update_custom(self._markers(), frameId, customData)

    @api("")
    def GetMarkerCustomData(self, frameId):
        return marker_get_custom(self._markers(), frameId)

    @api(False)
    def DeleteMarkersByColor(self, color):
        return marker_delete_color(self._markers(), color)

    @api(False)
    def DeleteMarkerAtFrame(self, frameNum):
        return marker_delete_frame(self._markers(), frameNum)

    @api(False)
    def DeleteMarkerByCustomData(self, customData):
        return marker_delete_custom(self._markers(), customData)


class FlagColorMixin(object):
    """Flags and clip colour shared by MediaPoolItem and TimelineItem."""

    __slots__ = ()

    @api(False)
    def AddFlag(self, color):
        if color not in MARKER_COLORS:
            return False
        flags = self._o.setdefault("flags", [])
        if color not in flags:
            flags.append(color)
        return True

    @api([])
    def GetFlagList(self):
        return list(self._o.get("flags", []))

    @api(False)
    def ClearFlags(self, color):
        if color != "All" and color not in MARKER_COLORS:
            return False
        flags = self._o.setdefault("flags", [])
        self._o["flags"] = [] if color == "All" else [f for f in flags if f != color]
        return True

    @api("")
    def GetClipColor(self):
        return self._o.get("color", "")

    @api(False)
    def SetClipColor(self, colorName):
        if colorName not in CLIP_COLORS:
            return False
        self._o["color"] = colorName
        return True

    @api(False)
    def ClearClipColor(self):
        self._o["color"] = ""
        return True


# --------------------------------------------------------------- timecode ---

def rate_of(text, drop_setting="0"):
    """(fps, nominal, drop) for a project/timeline rate string."""
    parsed = tcm.parse_rate(text)
    if parsed is None:
        parsed = (24.0, 24, False)
    fps, nominal, drop = parsed
    if not drop and str(drop_setting) == "1" and nominal in (30, 60):
        drop = True
    return fps, nominal, drop


def rate_label(fps):
    """Canonical Resolve label for a frame rate number: 24 -> '24', 29.97 -> '29.97'."""
    text = ("%.3f" % fps).rstrip("0").rstrip(".")
    return text
