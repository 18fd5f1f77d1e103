"""Colour: node graphs, LUT resolution, colour groups and the Gallery."""

import json
import os
import struct
import zlib

import sim_core as core
from sim_core import api

STILL_FORMATS = ("dpx", "cin", "tif", "jpg", "png", "ppm", "bmp", "xpm", "drx")
STILL_IMPORT_EXTS = (".dpx", ".cin", ".tif", ".tiff", ".jpg", ".jpeg", ".png", ".ppm",
                     ".bmp", ".xpm", ".drx", ".exr")


def new_node():
    return {"label": "", "lut": "", "enabled": True, "cache": 0, "tools": [], "cdl": None}


def new_graph(w, pid, owner, kind):
    gid = w.new_id()
    w.objs[gid] = {"t": "Graph", "p": pid, "owner": owner, "kind": kind, "nodes": [new_node()]}
    return gid


def lut_dir(w):
    path = w.S["app"].get("lut_dir")
    if not path or not os.path.isdir(path):
        path = core.default_lut_dir()
        w.S["app"]["lut_dir"] = path
    return path


def refresh_luts(w, d):
    root = lut_dir(w)
    found = []
    for base, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if os.path.splitext(f)[1].lower() in core.LUT_EXTS:
                found.append(os.path.relpath(os.path.join(base, f), root))
    d["luts"] = found
    return True


def resolve_lut(w, path):
    """Return the value GetLUT reports for ``path`` or None if Resolve cannot find it."""
    if not core.is_str(path) or not path:
        return None
    if os.path.splitext(path)[1].lower() not in core.LUT_EXTS:
        return None
    root = lut_dir(w)
    known = w.project()["d"].get("luts", [])
    if os.path.isabs(path):
        if not os.path.isfile(path):
            return None
        rel = os.path.relpath(os.path.abspath(path), root)
        if not rel.startswith(".."):
            return rel if rel in known else None
        return os.path.abspath(path)  # absolute LUT outside the LUT folders: used as is
    rel = os.path.normpath(path)
    if rel in known and os.path.isfile(os.path.join(root, rel)):
        return rel
    return None


def node_index(nodes, idx):
    if not core.is_int(idx) and not (isinstance(idx, float) and idx.is_integer()):
        raise ValueError("bad node index")
    idx = int(idx)
    if not 1 <= idx <= len(nodes):
        raise ValueError("node index out of range")
    return idx - 1


# ------------------------------------------------------------------ Graph ---

@core.register
class Graph(core.Obj):
    __slots__ = ()

    def _nodes(self):
        return self._o["nodes"]

    @api(0)
    def GetNumNodes(self):
        return len(self._nodes())

    @api(False)
    def SetLUT(self, nodeIndex, lutPath):
        node = self._nodes()[node_index(self._nodes(), nodeIndex)]
        value = resolve_lut(self._w, lutPath)
        if value is None:
            return False
        node["lut"] = value
        if "LUT" not in node["tools"]:
            node["tools"].append("LUT")
        return True

    @api("")
    def GetLUT(self, nodeIndex):
        return self._nodes()[node_index(self._nodes(), nodeIndex)]["lut"]

    @api(False)
    def SetNodeCacheMode(self, nodeIndex, cache_value):
        node = self._nodes()[node_index(self._nodes(), nodeIndex)]
        if not core.is_num(cache_value) or cache_value not in (-1, 0, 1):
            return False
        node["cache"] = int(cache_value)
        return True

    @api(None)
    def GetNodeCacheMode(self, nodeIndex):
        return self._nodes()[node_index(self._nodes(), nodeIndex)]["cache"]

    @api("")
    def GetNodeLabel(self, nodeIndex):
        return self._nodes()[node_index(self._nodes(), nodeIndex)]["label"]

    @api([])
    def GetToolsInNode(self, nodeIndex):
        return list(self._nodes()[node_index(self._nodes(), nodeIndex)]["tools"])

    @api(False)
    def SetNodeEnabled(self, nodeIndex, isEnabled):
        node = self._nodes()[node_index(self._nodes(), nodeIndex)]
        node["enabled"] = core.as_bool(isEnabled)
        return True

    @api(False)
    def ApplyGradeFromDRX(self, path, gradeMode):
        if not core.is_str(path) or not path.lower().endswith(".drx"):
            return False
        if not os.path.isfile(path) or not core.is_int(gradeMode) or gradeMode not in (0, 1, 2):
            return False
        nodes = None
        try:
            with open(path) as fh:
                data = json.load(fh)
            nodes = data.get("nodes") if isinstance(data, dict) else None
        except (OSError, ValueError):
            nodes = None
        if not isinstance(nodes, list) or not nodes:
            nodes = [dict(new_node(), tools=["DRX Grade"])]
        self._o["nodes"] = core.deep(nodes)
        self._o["drx"] = {"path": os.path.abspath(path), "mode": gradeMode}
        return True

    @api(False)
    def ApplyArriCdlLut(self):
        o = self._o
        item = self._w.objs.get(o.get("owner"))
        clip = self._w.objs.get(item.get("clip")) if item and item.get("t") == "TimelineItem" \
            else None
        if clip is None:
            return False
        ext = os.path.splitext(clip.get("path") or "")[1].lower()
        arri = ext in (".ari", ".arx", ".mxf") or "ARRI" in str(
            clip["meta"].get("Camera Manufacturer", "")).upper()
        if not arri:
            return False
        if "ARRI CDL and LUT" not in o["nodes"][0]["tools"]:
            o["nodes"][0]["tools"].append("ARRI CDL and LUT")
        return True

    @api(False)
    def ResetAllGrades(self):
        self._o["nodes"] = [new_node()]
        self._o.pop("drx", None)
        return True


# ------------------------------------------------------------- ColorGroup ---

@core.register
class ColorGroup(core.Obj):
    __slots__ = ()

    @api("")
    def GetName(self):
        return self._o["name"]

    @api(False)
    def SetName(self, groupName):
        if not core.is_str(groupName) or not groupName.strip():
            return False
        d = self._w.project()["d"]
        names = [self._w.objs[g]["name"] for g in d["color_groups"] if g != self._id]
        if groupName in names:
            return False
        self._o["name"] = groupName
        return True

    @api([])
    def GetClipsInTimeline(self, Timeline=None):
        w = self._w
        if Timeline is None:
            tl = w.project()["d"].get("cur_tl")
        elif isinstance(Timeline, core.REG["Timeline"]) and Timeline._alive():
            tl = Timeline._id
        else:
            return []
        if not tl:
            return []
        out = []
        for ttype in ("video", "audio"):
            for track in w.objs[tl]["tracks"][ttype]:
                for iid in track["items"]:
                    if w.objs[iid].get("cgroup") == self._id:
                        out.append(w.proxy("TimelineItem", iid))
        return out

    @api(None)
    def GetPreClipNodeGraph(self):
        return self._w.proxy("Graph", self._o["pre"])

    @api(None)
    def GetPostClipNodeGraph(self):
        return self._w.proxy("Graph", self._o["post"])


def new_color_group(w, pid, name):
    cid = w.new_id()
    w.objs[cid] = {"t": "ColorGroup", "p": pid, "name": name,
                   "pre": new_graph(w, pid, cid, "pre"), "post": new_graph(w, pid, cid, "post")}
    return cid


# ---------------------------------------------------------------- Gallery ---

def new_gallery(w, pid):
    gid = w.new_id()
    w.objs[gid] = {"t": "Gallery", "p": pid, "albums": [], "pg": [], "cur": None, "n": 0}
    w.objs[gid]["cur"] = new_album(w, pid, gid, "still")
    new_album(w, pid, gid, "powergrade")
    return gid


def new_album(w, pid, gid, kind):
    g = w.objs[gid]
    key = "albums" if kind == "still" else "pg"
    base = "Stills" if kind == "still" else "PowerGrade"
    names = [w.objs[a]["name"] for a in g[key]]
    n = len(g[key]) + 1
    while "%s %d" % (base, n) in names:
        n += 1
    aid = w.new_id()
    w.objs[aid] = {"t": "GalleryStillAlbum", "p": pid, "gallery": gid, "kind": kind,
                   "name": "%s %d" % (base, n), "stills": []}
    g[key].append(aid)
    return aid


def new_still(w, aid, nodes, source=None, label="", file_path=None):
    pid = w.objs[aid]["p"]
    gallery = w.objs[w.objs[aid]["gallery"]]
    gallery["n"] = gallery.get("n", 0) + 1
    sid = w.new_id()
    w.objs[sid] = {"t": "GalleryStill", "p": pid, "album": aid, "label": label,
                   "name": "1.%d.1" % gallery["n"], "nodes": core.deep(nodes),
                   "source": source, "file": file_path}
    w.objs[aid]["stills"].append(sid)
    return sid


def _album_of(w, gallery_id, album):
    if not isinstance(album, GalleryStillAlbum) or not album._alive():
        raise ValueError("not an album")
    if w.objs[album._id]["gallery"] != gallery_id:
        raise ValueError("album of another gallery")
    return album._id


@core.register
class Gallery(core.Obj):
    __slots__ = ()

    @api("")
    def GetAlbumName(self, galleryStillAlbum):
        return self._w.objs[_album_of(self._w, self._id, galleryStillAlbum)]["name"]

    @api(False)
    def SetAlbumName(self, galleryStillAlbum, albumName):
        aid = _album_of(self._w, self._id, galleryStillAlbum)
        if not core.is_str(albumName) or not albumName.strip():
            return False
        self._w.objs[aid]["name"] = albumName
        return True

    @api(None)
    def GetCurrentStillAlbum(self):
        return self._w.proxy("GalleryStillAlbum", self._o["cur"])

    @api(False)
    def SetCurrentStillAlbum(self, galleryStillAlbum):
        self._o["cur"] = _album_of(self._w, self._id, galleryStillAlbum)
        return True

    @api([])
    def GetGalleryStillAlbums(self):
        return [self._w.proxy("GalleryStillAlbum", a) for a in self._o["albums"]]

    @api([])
    def GetGalleryPowerGradeAlbums(self):
        return [self._w.proxy("GalleryStillAlbum", a) for a in self._o["pg"]]

    @api(None)
    def CreateGalleryStillAlbum(self):
        return self._w.proxy("GalleryStillAlbum",
                             new_album(self._w, self._o["p"], self._id, "still"))

    @api(None)
    def CreateGalleryPowerGradeAlbum(self):
        return self._w.proxy("GalleryStillAlbum",
                             new_album(self._w, self._o["p"], self._id, "powergrade"))


def _png_bytes(width=4, height=4, rgb=(128, 128, 128)):
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def still_file_bytes(fmt, still):
    if fmt == "png":
        return _png_bytes()
    if fmt == "ppm":
        return b"P3\n# simulated DaVinci Resolve still\n2 2\n255\n" + b"128 128 128 " * 4 + b"\n"
    if fmt == "drx":
        return json.dumps({"simulated": "DaVinci Resolve grade (DRX)", "still": still["name"],
                           "nodes": still["nodes"]}, indent=1).encode()
    return ("SIMULATED DaVinci Resolve still %s (%s)\n" % (still["name"], fmt)).encode()


@core.register
class GalleryStillAlbum(core.Obj):
    __slots__ = ()

    def _still(self, still):
        if not isinstance(still, GalleryStill) or not still._alive():
            raise ValueError("not a still")
        if still._id not in self._o["stills"]:
            raise ValueError("still of another album")
        return still._id

    @api([])
    def GetStills(self):
        return [self._w.proxy("GalleryStill", s) for s in self._o["stills"]]

    @api("")
    def GetLabel(self, galleryStill):
        return self._w.objs[self._still(galleryStill)]["label"]

    @api(False)
    def SetLabel(self, galleryStill, label):
        sid = self._still(galleryStill)
        if not core.is_str(label):
            return False
        self._w.objs[sid]["label"] = label
        return True

    @api(False)
    def ImportStills(self, filePaths):
        if isinstance(filePaths, str):
            filePaths = [filePaths]
        count = 0
        for path in list(filePaths):
            if not core.is_str(path) or not os.path.isfile(path):
                continue
            ext = os.path.splitext(path)[1].lower()
            if ext not in STILL_IMPORT_EXTS:
                continue
            nodes = [new_node()]
            if ext == ".drx":
                try:
                    with open(path) as fh:
                        data = json.load(fh)
                    if isinstance(data.get("nodes"), list) and data["nodes"]:
                        nodes = data["nodes"]
                except (OSError, ValueError, AttributeError):
                    pass
            label = os.path.splitext(os.path.basename(path))[0]
            new_still(self._w, self._id, nodes, label=label, file_path=os.path.abspath(path))
            count += 1
        return count > 0

    @api(False)
    def ExportStills(self, galleryStill, folderPath, filePrefix, format):
        # UI-dependent: Resolve exports only while the Gallery panel is open on the Color page
        w = self._w
        if not w.gallery_panel or w.S["app"]["page"] != "color":
            return False
        if format not in STILL_FORMATS or not core.is_str(filePrefix):
            return False
        if not core.is_str(folderPath) or not os.path.isdir(folderPath):
            return False
        stills = [self._still(s) for s in galleryStill]
        if not stills:
            return False
        for sid in stills:
            still = self._w.objs[sid]
            name = "%s%s.%s" % (filePrefix, still["name"], format)
            import sim_pixels  # real pixels, loaded on first use
            data = sim_pixels.still_bytes(self._w, still, format)
            with open(os.path.join(folderPath, name), "wb") as fh:
                fh.write(data if data is not None else still_file_bytes(format, still))
        return True

    @api(False)
    def DeleteStills(self, galleryStill):
        ids = list(dict.fromkeys(self._still(s) for s in galleryStill))
        if not ids:
            return False
        for sid in ids:
            self._o["stills"].remove(sid)
            self._w.objs.pop(sid, None)
        return True


@core.register
class GalleryStill(core.Obj):
    """Opaque handle (no documented methods)."""

    __slots__ = ()
