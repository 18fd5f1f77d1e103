"""Timeline items (TimelineItem) and opaque Fusion composition handles."""

import json
import os

import sim_color
import sim_core as core
import sim_media
from sim_core import api

FLOAT_PROPS = {  # key -> (min, max); 'W'/'H' scale with the timeline resolution
    "Pan": (-4.0, 4.0, "W"), "Tilt": (-4.0, 4.0, "H"), "ZoomX": (0.0, 100.0, None),
    "ZoomY": (0.0, 100.0, None), "RotationAngle": (-360.0, 360.0, None),
    "AnchorPointX": (-4.0, 4.0, "W"), "AnchorPointY": (-4.0, 4.0, "H"),
    "Pitch": (-1.5, 1.5, None), "Yaw": (-1.5, 1.5, None), "CropLeft": (0.0, 1.0, "W"),
    "CropRight": (0.0, 1.0, "W"), "CropTop": (0.0, 1.0, "H"), "CropBottom": (0.0, 1.0, "H"),
    "CropSoftness": (-100.0, 100.0, None), "Opacity": (0.0, 100.0, None),
    "Distortion": (-1.0, 1.0, None),
}
BOOL_PROPS = ("ZoomGang", "FlipX", "FlipY", "CropRetain")
ENUM_PROPS = {"DynamicZoomEase": 4, "CompositeMode": 32, "RetimeProcess": 4,
              "MotionEstimation": 7, "Scaling": 5, "ResizeFilter": 16}
PROP_ORDER = ("Pan", "Tilt", "ZoomX", "ZoomY", "ZoomGang", "RotationAngle", "AnchorPointX",
              "AnchorPointY", "Pitch", "Yaw", "FlipX", "FlipY", "CropLeft", "CropRight",
              "CropTop", "CropBottom", "CropSoftness", "CropRetain", "DynamicZoomEase",
              "CompositeMode", "Opacity", "Distortion", "RetimeProcess", "MotionEstimation",
              "Scaling", "ResizeFilter")
FUSION_KINDS = ("fusioncomp", "fusionclip", "fusion_title", "fusion_gen")


def default_props():
    props = {k: 0.0 for k in FLOAT_PROPS}
    props.update({"ZoomX": 1.0, "ZoomY": 1.0, "Opacity": 100.0})
    props.update({k: False for k in BOOL_PROPS})
    props["ZoomGang"] = True
    props.update({k: 0 for k in ENUM_PROPS})
    return props


def insert_at(w, items, start):
    """Index keeping `items` ordered by start (after equal starts): a binary search, since
    per-item sorting made building a 10,000-item timeline quadratic."""
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if w.objs[items[mid]]["start"] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo


def new_item(w, tl, ttype, track, start, end, src_start, src_end, clip, kind, name):
    """Create an item record and insert it in track order (no overlap checks here)."""
    pid = w.objs[tl]["p"]
    iid = w.new_id()
    w.objs[iid] = {
        "t": "TimelineItem", "p": pid, "tl": tl, "ttype": ttype, "kind": kind, "name": name,
        "start": int(start), "end": int(end), "src_start": src_start, "src_end": src_end,
        "clip": clip, "props": default_props() if ttype == "video" else {}, "markers": {},
        "flags": [], "color": "", "enabled": True, "link": None, "comps": [],
        "cur_comp": None, "versions": {"0": ["Version 1"], "1": []},
        "cur_ver": ["Version 1", 0], "takes": [], "sel_take": 0, "graphs": {},
        "cgroup": None, "cache_color": 0, "cache_fusion": -1,
        "vi": {"isEnabled": False, "amount": 0}, "ai": {}, "burnin": None,
    }
    items = w.objs[tl]["tracks"][ttype][track - 1]["items"]
    items.insert(insert_at(w, items, int(start)), iid)
    if clip and w.objs.get(clip, {}).get("kind") == "multicam":  # 21.1, measured
        w.objs[iid]["name"] = "%s - Angle 1" % name  # lands as "<name> - Angle 1"
        w.objs[iid]["mc_angle"] = 1
    if kind in FUSION_KINDS:
        add_comp(w, iid, None)
    return iid


def add_comp(w, iid, path):
    item = w.objs[iid]
    names = [w.objs[c]["name"] for c in item["comps"]]
    name = "Composition %d" % (len(names) + 1)
    n = len(names) + 1
    while name in names:
        n += 1
        name = "Composition %d" % n
    cid = w.new_id()
    w.objs[cid] = {"t": "FusionComp", "p": item["p"], "item": iid, "name": name, "file": path}
    item["comps"].append(cid)
    item["cur_comp"] = cid
    return cid


# item id -> (track number, position in that track's list) as last seen. Only a hint: it is
# used when the track's list still holds the item at that position, so a stale entry costs
# one full scan, never a wrong answer (reading all items of a track is not quadratic).
_POSITIONS = {}


def track_index(w, iid):
    o = w.objs[iid]
    tracks = w.objs[o["tl"]]["tracks"][o["ttype"]]
    hint = _POSITIONS.get(iid)
    if hint is not None:
        n, pos = hint
        if n <= len(tracks):
            items = tracks[n - 1]["items"]
            if pos < len(items) and items[pos] == iid:
                return n
    for n, track in enumerate(tracks, 1):
        items = track["items"]
        if iid in items:
            if len(_POSITIONS) > 200000:
                _POSITIONS.clear()
            for pos, other in enumerate(items):
                _POSITIONS[other] = (n, pos)
            return n
    return 0


def remove_item(w, iid):
    o = w.objs.pop(iid, None)
    if o is None:
        return
    tl = w.objs.get(o["tl"])
    if tl:
        for track in tl["tracks"][o["ttype"]]:
            if iid in track["items"]:
                track["items"].remove(iid)
        if iid in tl.get("selected", []):
            tl["selected"].remove(iid)
    for cid in o.get("comps", []):
        w.objs.pop(cid, None)
    for layers in o.get("graphs", {}).values():
        for gid in layers.values():
            w.objs.pop(gid, None)


def item_graph(w, iid, layer=1):
    o = w.objs[iid]
    key = "%d:%s" % (o["cur_ver"][1], o["cur_ver"][0])
    layers = o["graphs"].setdefault(key, {})
    gid = layers.get(str(layer))
    if gid is None or gid not in w.objs:
        gid = sim_color.new_graph(w, o["p"], iid, "clip")
        layers[str(layer)] = gid
    return gid


def _cube(size, path):
    step = 1.0 / (size - 1)
    with open(path, "w") as fh:
        fh.write('TITLE "Simulated DaVinci Resolve LUT"\nLUT_3D_SIZE %d\n' % size)
        vals = ["%.6f" % (i * step) for i in range(size)]
        lines = []
        for b in vals:
            for g in vals:
                for r in vals:
                    lines.append("%s %s %s\n" % (r, g, b))
        fh.write("".join(lines))


def _triplet(value):
    if isinstance(value, str):
        parts = value.split()
    elif isinstance(value, (list, tuple)):
        parts = list(value)
    else:
        raise ValueError("bad triplet")
    if len(parts) != 3:
        raise ValueError("bad triplet")
    return [float(p) for p in parts]


@core.register
class FusionComp(core.Obj):
    """Opaque Fusion composition handle (the Fusion API is out of scope)."""

    __slots__ = ()


@core.register
class TimelineItem(core.MarkerMixin, core.FlagColorMixin, core.Obj):
    __slots__ = ()

    def _marker_limit(self):
        return self._o["end"] - self._o["start"]

    def _video(self):
        if self._o["ttype"] != "video":
            raise ValueError("not a video item")
        return self._o

    def _frames(self, value, sub):
        return float(value) if sub else int(value)

    @api("")
    def GetName(self):
        return self._o["name"]

    @api(False)
    def SetName(self, name):
        if not core.is_str(name) or not name:
            return False
        self._o["name"] = name
        return True

    @api(0)
    def GetDuration(self, subframe_precision=False):
        o = self._o
        return self._frames(o["end"] - o["start"], core.as_bool(subframe_precision))

    @api(0)
    def GetEnd(self, subframe_precision=False):
        return self._frames(self._o["end"], core.as_bool(subframe_precision))

    @api(0)
    def GetStart(self, subframe_precision=False):
        return self._frames(self._o["start"], core.as_bool(subframe_precision))

    @api(0)
    def GetLeftOffset(self, subframe_precision=False):
        o = self._o
        value = o["src_start"] if o.get("clip") and o["kind"] == "clip" else 0
        return self._frames(value, core.as_bool(subframe_precision))

    @api(0)
    def GetRightOffset(self, subframe_precision=False):
        o = self._o
        clip = self._w.objs.get(o.get("clip"))
        value = 0
        if clip and o["kind"] == "clip" and clip["kind"] != "still":
            value = max(0, clip["frames"] - o["src_end"])
        return self._frames(value, core.as_bool(subframe_precision))

    @api(0)
    def GetSourceStartFrame(self):
        return int(self._o["src_start"])

    @api(0)
    def GetSourceEndFrame(self):
        return int(self._o["src_end"])

    def _src_fps(self):
        clip = self._w.objs.get(self._o.get("clip"))
        return clip["fps"] if clip else self._w.objs[self._o["tl"]]["fps"]

    def _src_seconds(self, frame):
        # seconds on the media timecode (samuelgursky/davinci-resolve-mcp#147)
        clip = self._w.objs.get(self._o.get("clip"))
        origin = sim_media.start_frame(clip) if clip else 0
        return float(origin + frame) / self._src_fps()

    @api(0.0)
    def GetSourceStartTime(self):
        return self._src_seconds(self._o["src_start"])

    @api(0.0)
    def GetSourceEndTime(self):
        return self._src_seconds(self._o["src_end"])

    # properties -------------------------------------------------------
    def _limits(self, key):
        lo, hi, scale = FLOAT_PROPS[key]
        if scale:
            p = self._w.project()["d"]["settings"]
            dim = float(p.get("timelineResolutionWidth" if scale == "W"
                              else "timelineResolutionHeight", "1920"))
            lo, hi = lo * dim, hi * dim
        return lo, hi

    def _coerce(self, key, value):
        if key in FLOAT_PROPS:
            if not core.is_num(value):
                raise ValueError("number expected")
            lo, hi = self._limits(key)
            return min(hi, max(lo, float(value)))  # out-of-range values are clipped
        if key in BOOL_PROPS:
            return core.as_bool(value)
        if key in ENUM_PROPS:
            if not core.is_num(value) or int(value) != value:
                raise ValueError("enum expected")
            if not 0 <= value < ENUM_PROPS[key]:
                raise ValueError("enum out of range")
            return int(value)
        raise KeyError(key)

    @api(False)
    def SetProperty(self, *args):
        o = self._video()
        if len(args) == 1 and isinstance(args[0], dict):
            pairs = args[0]
        elif len(args) == 2:
            pairs = {args[0]: args[1]}
        else:
            return False
        if not pairs:
            return False
        values = {k: self._coerce(k, v) for k, v in pairs.items()}
        o["props"].update(values)
        return True

    @api(None)
    def GetProperty(self, propertyKey=None):
        blocked = core.HOOKS.get("item_props_blocked")  # 21.1.1: None while rendering
        if blocked and blocked(self._w):
            return None
        props = self._o["props"]
        if propertyKey in (None, ""):
            return {k: props[k] for k in PROP_ORDER if k in props}
        if not core.is_str(propertyKey):
            return None
        return props.get(propertyKey)

    # fusion comps ---------------------------------------------------------
    def _comp_named(self, name):
        for cid in self._o["comps"]:
            if self._w.objs[cid]["name"] == name:
                return cid
        return None

    @api(0)
    def GetFusionCompCount(self):
        return len(self._o["comps"])

    @api(None)
    def GetFusionCompByIndex(self, compIndex):
        comps = self._o["comps"]
        if not core.is_int(compIndex) or not 1 <= compIndex <= len(comps):
            return None
        return self._w.proxy("FusionComp", comps[compIndex - 1])

    @api([])
    def GetFusionCompNameList(self):
        return [self._w.objs[c]["name"] for c in self._o["comps"]]

    @api(None)
    def GetFusionCompByName(self, compName):
        cid = self._comp_named(compName)
        return self._w.proxy("FusionComp", cid) if cid else None

    @api(None)
    def AddFusionComp(self):
        self._video()
        return self._w.proxy("FusionComp", add_comp(self._w, self._id, None))

    @api(None)
    def ImportFusionComp(self, path):
        self._video()
        if not core.is_str(path) or not os.path.isfile(path):
            return None
        return self._w.proxy("FusionComp", add_comp(self._w, self._id, os.path.abspath(path)))

    @api(False)
    def ExportFusionComp(self, path, compIndex):
        comps = self._o["comps"]
        if not core.is_str(path) or not path or not core.is_int(compIndex):
            return False
        if not 1 <= compIndex <= len(comps):
            return False
        comp = self._w.objs[comps[compIndex - 1]]
        with open(path, "w") as fh:
            fh.write("-- Simulated DaVinci Resolve Fusion composition\n"
                     "Composition {\n\tCurrentTime = 0,\n\tName = \"%s\",\n"
                     "\tTools = ordered() {\n\t\tMediaIn1 = Loader {},\n"
                     "\t\tMediaOut1 = Saver {},\n\t},\n}\n" % comp["name"])
        return True

    @api(False)
    def DeleteFusionCompByName(self, compName):
        cid = self._comp_named(compName)
        o = self._o
        if cid is None or len(o["comps"]) == 1:
            return False  # measured: the only comp of an item cannot be deleted
        o["comps"].remove(cid)
        self._w.objs.pop(cid, None)
        if o["cur_comp"] == cid:
            o["cur_comp"] = o["comps"][-1] if o["comps"] else None
        return True

    @api(None)
    def LoadFusionCompByName(self, compName):
        cid = self._comp_named(compName)
        if cid is None:
            return None
        self._o["cur_comp"] = cid
        return self._w.proxy("FusionComp", cid)

    @api(False)
    def RenameFusionCompByName(self, oldName, newName):
        cid = self._comp_named(oldName)
        if cid is None or not core.is_str(newName) or not newName:
            return False
        if newName != oldName and self._comp_named(newName):
            return False
        self._w.objs[cid]["name"] = newName
        return True

    # colour versions -------------------------------------------------------
    def _vtype(self, versionType):
        if not core.is_num(versionType) or versionType not in (0, 1):
            raise ValueError("bad version type")
        return str(int(versionType))

    @api(False)
    def AddVersion(self, versionName, versionType):
        o = self._video()
        vt = self._vtype(versionType)
        if not core.is_str(versionName) or not versionName or versionName in o["versions"][vt]:
            return False
        o["versions"][vt].append(versionName)
        o["cur_ver"] = [versionName, int(vt)]
        return True

    @api({})
    def GetCurrentVersion(self):
        o = self._video()
        return {"versionName": o["cur_ver"][0], "versionType": o["cur_ver"][1]}

    @api(False)
    def DeleteVersionByName(self, versionName, versionType):
        o = self._video()
        vt = self._vtype(versionType)
        if versionName not in o["versions"][vt] or o["cur_ver"] == [versionName, int(vt)]:
            return False
        o["versions"][vt].remove(versionName)
        for gid in o["graphs"].pop("%s:%s" % (vt, versionName), {}).values():
            self._w.objs.pop(gid, None)
        return True

    @api(False)
    def LoadVersionByName(self, versionName, versionType):
        o = self._video()
        vt = self._vtype(versionType)
        if versionName not in o["versions"][vt]:
            return False
        o["cur_ver"] = [versionName, int(vt)]
        return True

    @api(False)
    def RenameVersionByName(self, oldName, newName, versionType):
        o = self._video()
        vt = self._vtype(versionType)
        names = o["versions"][vt]
        if oldName not in names or not core.is_str(newName) or not newName or newName in names:
            return False
        names[names.index(oldName)] = newName
        key = "%s:%s" % (vt, oldName)
        if key in o["graphs"]:
            o["graphs"]["%s:%s" % (vt, newName)] = o["graphs"].pop(key)
        if o["cur_ver"] == [oldName, int(vt)]:
            o["cur_ver"] = [newName, int(vt)]
        return True

    @api([])
    def GetVersionNameList(self, versionType):
        return list(self._video()["versions"][self._vtype(versionType)])

    @api(None)
    def GetMediaPoolItem(self):
        cid = self._o.get("clip")
        return self._w.proxy("MediaPoolItem", cid) if cid in self._w.objs else None

    # stereo (Studio) -------------------------------------------------------
    def _stereo(self):
        o = self._video()
        tl = self._w.objs[o["tl"]]
        clip = self._w.objs.get(o.get("clip")) or {}
        if not (tl.get("stereo") or clip.get("kind") == "stereo"):
            raise ValueError("not a stereo clip")
        return o

    @api({}, studio=True)
    def GetStereoConvergenceValues(self):
        self._stereo()
        return {0: 0.0}

    @api({}, studio=True)
    def GetStereoLeftFloatingWindowParams(self):
        self._stereo()
        return {0: {"left": 0.0, "right": 0.0, "top": 0.0, "bottom": 0.0}}

    @api({}, studio=True)
    def GetStereoRightFloatingWindowParams(self):
        self._stereo()
        return {0: {"left": 0.0, "right": 0.0, "top": 0.0, "bottom": 0.0}}

    @api(False)
    def SetCDL(self, cdl):
        self._video()
        if not isinstance(cdl, dict) or "NodeIndex" not in cdl:
            return False
        allowed = ("NodeIndex", "Slope", "Offset", "Power", "Saturation")
        if any(k not in allowed for k in cdl) or len(cdl) < 2:
            return False
        idx = int(str(cdl["NodeIndex"]))
        graph = self._w.objs[item_graph(self._w, self._id)]
        node = graph["nodes"][sim_color.node_index(graph["nodes"], idx)]
        values = {}
        for key in ("Slope", "Offset", "Power"):
            if key in cdl:
                values[key] = _triplet(cdl[key])
                if key in ("Slope", "Power") and min(values[key]) < 0:
                    return False
        if "Saturation" in cdl:
            values["Saturation"] = float(cdl["Saturation"])
            if values["Saturation"] < 0:
                return False
        node["cdl"] = dict(node.get("cdl") or {}, **values)
        if "CDL" not in node["tools"]:
            node["tools"].append("CDL")
        return True

    # takes ------------------------------------------------------------------
    @api(False)
    def AddTake(self, mediaPoolItem, startFrame=None, endFrame=None):
        o = self._o
        if o["kind"] != "clip" or not isinstance(mediaPoolItem, core.REG["MediaPoolItem"]):
            return False
        if not mediaPoolItem._alive():
            return False
        clip = self._w.objs[mediaPoolItem._id]
        if clip["kind"] not in ("video", "audio", "still", "compound", "timeline"):
            return False
        start = 0 if startFrame is None else core.as_frame(startFrame)
        end = clip["frames"] if endFrame is None else core.as_frame(endFrame)
        if not 0 <= start < end <= clip["frames"]:
            return False
        if not o["takes"]:
            o["takes"].append({"clip": o["clip"], "start": o["src_start"], "end": o["src_end"]})
            o["sel_take"] = 1
        if mediaPoolItem._id == o["clip"]:
            return False  # measured: its own clip is refused, though the item became a selector
        o["takes"].append({"clip": mediaPoolItem._id, "start": start, "end": end})
        return True

    @api(0)
    def GetSelectedTakeIndex(self):
        return self._o["sel_take"] if self._o["takes"] else 0

    @api(0)
    def GetTakesCount(self):
        return len(self._o["takes"])

    @api(None)
    def GetTakeByIndex(self, idx):
        takes = self._o["takes"]
        if not core.is_int(idx) or not 1 <= idx <= len(takes):
            return None
        t = takes[idx - 1]
        return {"startFrame": t["start"], "endFrame": t["end"],
                "mediaPoolItem": self._w.proxy("MediaPoolItem", t["clip"])}

    @api(False)
    def DeleteTakeByIndex(self, idx):
        o = self._o
        if not core.is_int(idx) or not 1 <= idx <= len(o["takes"]) or idx == o["sel_take"]:
            return False
        o["takes"].pop(idx - 1)
        if idx < o["sel_take"]:
            o["sel_take"] -= 1
        return True

    @api(False)
    def SelectTakeByIndex(self, idx):
        o = self._o
        if not core.is_int(idx) or not 1 <= idx <= len(o["takes"]):
            return False
        take = o["takes"][idx - 1]
        o["sel_take"] = idx
        o["clip"] = take["clip"]
        o["src_start"], o["src_end"] = take["start"], take["end"]
        clip = self._w.objs.get(take["clip"])
        if clip:
            o["name"] = clip["props"]["Clip Name"]
        return True

    @api(False)
    def FinalizeTake(self):
        o = self._o
        if not o["takes"]:
            return False
        o["takes"] = []
        o["sel_take"] = 0
        return True

    @api(False)
    def CopyGrades(self, tgtTimelineItems):
        self._video()
        src = self._w.objs[item_graph(self._w, self._id)]
        targets = list(tgtTimelineItems)
        if not targets:
            return False
        for t in targets:
            if not isinstance(t, TimelineItem) or not t._alive() or t._o["ttype"] != "video":
                return False
        for t in targets:
            if t._id != self._id:
                g = self._w.objs[item_graph(self._w, t._id)]
                g["nodes"] = core.deep(src["nodes"])
        return True

    @api(False)
    def SetClipEnabled(self, enabled):
        self._o["enabled"] = core.as_bool(enabled)
        return True

    @api(False)
    def GetClipEnabled(self):
        return bool(self._o["enabled"])

    @api(False)
    def UpdateSidecar(self):
        clip = self._w.objs.get(self._o.get("clip"))
        if not clip:
            return False
        path = clip.get("path") or ""
        ext = os.path.splitext(path)[1].lower()
        if ext not in (".braw", ".r3d") or not os.path.isfile(path):
            return False
        side = os.path.splitext(path)[0] + (".sidecar" if ext == ".braw" else ".RMD")
        with open(side, "w") as fh:
            fh.write("# simulated DaVinci Resolve sidecar for %s\n" % os.path.basename(path))
        return True

    @api("")
    def GetUniqueId(self):
        return self._id

    @api(False)
    def LoadBurnInPreset(self, presetName):
        if presetName not in self._w.S["app"]["burnin_presets"]:
            return False
        self._o["burnin"] = presetName
        return True

    def _clip_video(self):
        o = self._video()
        if not o.get("clip"):
            raise ValueError("no media")
        return o

    @api(False, studio=True)
    def CreateMagicMask(self, mode):
        if mode not in ("F", "B", "BI"):
            return False
        self._clip_video()["ai"]["magic_mask"] = mode
        return True

    @api(False, studio=True)
    def RegenerateMagicMask(self):
        o = self._clip_video()
        if not o["ai"].get("magic_mask"):
            return False
        o["ai"]["magic_mask_regenerated"] = o["ai"].get("magic_mask_regenerated", 0) + 1
        return True

    @api(False)
    def Stabilize(self):
        self._clip_video()["ai"]["stabilized"] = True
        return True

    @api(False, studio=True)
    def SmartReframe(self):
        self._clip_video()["ai"]["smart_reframe"] = True
        return True

    @api(None)
    def GetNodeGraph(self, layerIdx=1):
        self._video()
        layers = int(self._w.project()["d"]["settings"].get("nodeStackLayers", "1") or 1)
        if not core.is_int(layerIdx) or not 1 <= layerIdx <= layers:
            return None
        return self._w.proxy("Graph", item_graph(self._w, self._id, layerIdx))

    @api(None)
    def GetColorGroup(self):
        gid = self._o.get("cgroup")
        return self._w.proxy("ColorGroup", gid) if gid in self._w.objs else None

    @api(False)
    def AssignToColorGroup(self, group):
        self._video()
        if not isinstance(group, core.REG["ColorGroup"]) or not group._alive():
            return False
        self._o["cgroup"] = group._id
        return True

    @api(False)
    def RemoveFromColorGroup(self):
        if not self._o.get("cgroup"):
            return False
        self._o["cgroup"] = None
        return True

    @api(False)
    def ExportLUT(self, exportType, path):
        self._video()
        c = self._w.constants
        sizes = {c["EXPORT_LUT_17PTCUBE"]: 17, c["EXPORT_LUT_33PTCUBE"]: 33,
                 c["EXPORT_LUT_65PTCUBE"]: 65, c["EXPORT_LUT_PANASONICVLUT"]: 0}
        if not core.is_num(exportType) or exportType not in sizes or not core.is_str(path):
            return False
        if not path:
            return False
        size = sizes[exportType]
        ext = ".vlt" if size == 0 else ".cube"
        if not path.lower().endswith(ext):
            path += ext  # missing or wrong extension: Resolve appends the right one
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            return False
        if size:
            _cube(size, path)
        else:
            with open(path, "w") as fh:
                fh.write("# Panasonic VLUT (simulated DaVinci Resolve export)\n"
                         "GRID_SIZE 17\n")
        return True

    @api([])
    def GetLinkedItems(self):
        link = self._o.get("link")
        if not link:
            return []
        return [self._w.proxy("TimelineItem", i) for i, o in self._w.objs.items()
                if o.get("t") == "TimelineItem" and o.get("link") == link and i != self._id]

    @api([])
    def GetTrackTypeAndIndex(self):
        return [self._o["ttype"], track_index(self._w, self._id)]

    @api("")
    def GetSourceAudioChannelMapping(self):
        clip = self._w.objs.get(self._o.get("clip"))
        if clip is None:
            return ""
        if self._o.get("src_map"):  # set by SetSourceAudioChannelMapping (21.1)
            mapping = json.loads(sim_media.audio_mapping(self._w, clip))
            mapping["track_mapping"] = core.deep(self._o["src_map"])
            return json.dumps(mapping, indent=4)
        return sim_media.audio_mapping(self._w, clip)

    @api(0)
    def GetIsColorOutputCacheEnabled(self):
        return self._video()["cache_color"]

    @api(-1)
    def GetIsFusionOutputCacheEnabled(self):
        return self._video()["cache_fusion"]

    @api(False)
    def SetColorOutputCache(self, cache_value):
        o = self._video()
        if not core.is_num(cache_value) or cache_value not in (0, 1):
            return False
        o["cache_color"] = int(cache_value)
        return True

    @api(False)
    def SetFusionOutputCache(self, cache_value):
        o = self._video()
        if not core.is_num(cache_value) or cache_value not in (-1, 0, 1):
            return False
        o["cache_fusion"] = int(cache_value)
        return True

    def _audio(self):
        if self._o["ttype"] != "audio":
            raise ValueError("not an audio item")
        return self._o

    @api({})
    def GetVoiceIsolationState(self):
        return dict(self._audio()["vi"])

    @api(False, studio=True)
    def SetVoiceIsolationState(self, state):
        o = self._audio()
        o["vi"] = voice_state(o["vi"], state)
        return True

    @api(False)
    def ResetAllNodeColors(self):
        o = self._video()
        key = "%d:%s" % (o["cur_ver"][1], o["cur_ver"][0])
        for gid in o["graphs"].get(key, {}).values():
            for node in self._w.objs[gid]["nodes"]:
                node["color"] = ""
        return True


def voice_state(current, state):
    if not isinstance(state, dict) or not state:
        raise ValueError("dict expected")
    new = dict(current)
    for k, v in state.items():
        if k == "isEnabled":
            new[k] = core.as_bool(v)
        elif k == "amount":
            if not core.is_num(v) or not 0 <= v <= 100:
                raise ValueError("amount out of range")
            new[k] = int(v)
        else:
            raise KeyError(k)
    return new
