"""The MediaPool object: bins, imports, timeline creation and clip management."""

import json
import os

import sim_core as core
import sim_item
import sim_media
import sim_timecode as tcm
import sim_timeline
from sim_core import api

IMPORT_TIMELINE_OPTS = {"timelineName": str, "importSourceClips": bool,
                        "sourceClipsPath": str, "sourceClipsFolders": list,
                        "interlaceProcessing": bool}


def delete_timeline(w, tid):
    d = w.project()["d"]
    tl = w.objs.get(tid)
    if tl is None:
        return
    for ttype in core.TRACK_TYPES:
        for track in tl["tracks"][ttype]:
            for iid in list(track["items"]):
                sim_item.remove_item(w, iid)
    w.objs.pop(tl.get("graph"), None)
    w.objs.pop(tid, None)
    if tid in d["timelines"]:
        d["timelines"].remove(tid)
    if d.get("cur_tl") == tid:
        d["cur_tl"] = d["timelines"][0] if d["timelines"] else None
    if tl.get("clip") in w.objs:
        sim_media.remove_clip(w, tl["clip"])


def delete_clip(w, cid):
    o = w.objs.get(cid)
    if o is None:
        return
    if o.get("kind") == "timeline" and o.get("timeline") in w.objs:
        delete_timeline(w, o["timeline"])
    sim_media.remove_clip(w, cid)


def delete_folder(w, fid):
    f = w.objs.get(fid)
    if f is None:
        return
    for sub in list(f["subs"]):
        delete_folder(w, sub)
    for cid in list(f["clips"]):
        delete_clip(w, cid)
    parent = w.objs.get(f["parent"])
    if parent and fid in parent["subs"]:
        parent["subs"].remove(fid)
    w.objs.pop(fid, None)


def _clip_ids(w, clips, kinds=None):
    MPI = core.REG["MediaPoolItem"]
    out = []
    for c in clips:
        if not isinstance(c, MPI) or not c._alive():
            raise ValueError("not a clip")
        if kinds and w.objs[c._id]["kind"] not in kinds:
            raise ValueError("wrong clip kind")
        out.append(c._id)
    return list(dict.fromkeys(out))


def _folder_id(w, folder):
    if not isinstance(folder, core.REG["Folder"]) or not folder._alive():
        raise ValueError("not a folder")
    return folder._id


@core.register
class MediaPool(core.Obj):
    __slots__ = ()

    @api(None)
    def GetRootFolder(self):
        return self._w.proxy("Folder", self._o["root"])

    @api(None)
    def AddSubFolder(self, folder, name):
        fid = _folder_id(self._w, folder)
        if not core.is_str(name) or not name.strip():
            return None
        if name in [self._w.objs[s]["name"] for s in self._w.objs[fid]["subs"]]:
            return None
        return self._w.proxy("Folder", sim_media.new_folder(self._w, self._o["p"], name, fid))

    @api(False)
    def RefreshFolders(self):
        for o in self._w.objs.values():
            if o.get("t") == "Folder":
                o["stale"] = False
        return True

    @api(None)
    def CreateEmptyTimeline(self, name):
        if not core.is_str(name) or not name.strip() or name in sim_timeline.timeline_names(
                self._w):
            return None
        return self._w.proxy("Timeline", sim_timeline.new_timeline(self._w, name))

    @api([])
    def AppendToTimeline(self, *args):
        w = self._w
        tid = w.project()["d"].get("cur_tl")
        if not tid:
            return []
        infos = sim_timeline.clip_infos(w, args)
        # 21.1 multicam clips (measured, id 69090730703): a trackIndex is ignored (V1), and one
        # made with createBinForSourceClips (the default) answers [None] and places nothing
        broken = 0
        for info in list(infos):
            clip = w.objs.get(info["clip"]) or {}
            if clip.get("kind") == "multicam":
                info["track"] = 1
                if clip.get("append_broken"):
                    infos.remove(info)
                    broken += 1
        made = sim_timeline.append_infos(w, tid, infos) if infos else []
        return [w.proxy("TimelineItem", i) for i in made] + [None] * broken

    @api(None)
    def CreateTimelineFromClips(self, name, *args):
        w = self._w
        if not core.is_str(name) or not name.strip() or name in sim_timeline.timeline_names(w):
            return None
        infos = sim_timeline.clip_infos(w, args, allow_track=False)
        if not infos:
            return None
        d = w.project()["d"]
        previous = d.get("cur_tl")
        tid = sim_timeline.new_timeline(w, name)
        if not sim_timeline.append_infos(w, tid, infos):
            delete_timeline(w, tid)
            d["cur_tl"] = previous
            return None
        return w.proxy("Timeline", tid)

    @api(None)
    def ImportTimelineFromFile(self, filePath, importOptions=None):
        w = self._w
        opts = importOptions or {}
        if not isinstance(opts, dict) or not core.is_str(filePath):
            return None
        for k, v in opts.items():
            if k not in IMPORT_TIMELINE_OPTS or not isinstance(v, IMPORT_TIMELINE_OPTS[k]):
                return None
        if not os.path.exists(filePath):
            return None
        import sim_interchange  # on first use: it loads xml, fractions, csv and urllib
        kind, desc = sim_interchange.import_timeline(filePath, sim_media.project_rate(w)[0],
                                                     with_kind=True)
        if not desc:
            return None
        desc["kind"] = kind
        names = sim_timeline.timeline_names(w)
        if kind == "drt":
            # measured: DRT ignores importOptions; the timeline is named after the file
            name = core.unique_name(os.path.splitext(os.path.basename(filePath))[0], names)
            opts = {}
        elif "timelineName" in opts:
            name = opts["timelineName"]
            if not name.strip() or name in names:
                return None  # observed: None when timelineName already exists
        else:
            name = core.unique_name(desc.get("name") or os.path.basename(filePath), names)
        parsed = tcm.parse_rate(desc.get("fps") or 24)
        if parsed is None:
            return None
        fps, nominal, _ = parsed
        drop = bool(desc.get("drop_frame")) and nominal in (30, 60)
        fid = self._o["cur"]
        tid = sim_timeline.new_timeline(w, name, rate=(fps, nominal, drop),
                                        start_frame=int(desc.get("start_frame") or 0),
                                        empty_tracks=True)
        sim_timeline.place_desc(w, tid, desc, opts, fid, add_tracks=False)
        tl = w.objs[tid]
        for ttype in ("video", "audio"):
            if not tl["tracks"][ttype]:
                tl["tracks"][ttype].append(sim_timeline.new_track(ttype))
        for m in desc.get("markers", []):
            core.marker_add(tl["markers"], (m.get("frame", 0), m.get("color", "Blue"),
                                            m.get("name", ""), m.get("note", ""),
                                            m.get("duration", 1), m.get("customData", "")))
        sim_timeline.link_pairs(w, tid)
        return w.proxy("Timeline", tid)

    @api(False)
    def DeleteTimelines(self, timelines):
        ids = []
        for t in timelines:
            if not isinstance(t, core.REG["Timeline"]) or not t._alive():
                return False
            ids.append(t._id)
        if not ids:
            return False
        for tid in ids:
            delete_timeline(self._w, tid)
        return True

    @api(None)
    def GetCurrentFolder(self):
        return self._w.proxy("Folder", self._o["cur"])

    @api(False)
    def SetCurrentFolder(self, folder):
        self._o["cur"] = _folder_id(self._w, folder)
        return True

    @api(False)
    def DeleteClips(self, clips):
        ids = _clip_ids(self._w, clips)
        if not ids:
            return False
        for cid in ids:
            delete_clip(self._w, cid)
        return True

    @api(False)
    def ImportFolderFromFile(self, filePath, sourceClipsPath=""):
        if not core.is_str(filePath) or not os.path.isfile(filePath):
            return False
        if not core.is_str(sourceClipsPath):
            return False
        with open(filePath) as fh:
            data = json.load(fh)
        if not isinstance(data, dict) or data.get("kind") != "drb":
            return False
        sim_media.import_bin(self._w, data["bin"], self._o["cur"], sourceClipsPath)
        return True

    @api(False)
    def DeleteFolders(self, subfolders):
        ids = [_folder_id(self._w, f) for f in subfolders]
        if not ids or self._o["root"] in ids:
            return False
        for fid in ids:
            delete_folder(self._w, fid)
        if self._o["cur"] not in self._w.objs:
            self._o["cur"] = self._o["root"]
        return True

    @api(False)
    def MoveClips(self, clips, targetFolder):
        target = _folder_id(self._w, targetFolder)
        ids = _clip_ids(self._w, clips)
        if not ids:
            return False
        for cid in ids:
            o = self._w.objs[cid]
            self._w.objs[o["folder"]]["clips"].remove(cid)
            o["folder"] = target
            self._w.objs[target]["clips"].append(cid)
        return True

    @api(False)
    def MoveFolders(self, folders, targetFolder):
        w = self._w
        target = _folder_id(w, targetFolder)
        ids = [_folder_id(w, f) for f in folders]
        if not ids or self._o["root"] in ids:
            return False
        for fid in ids:
            node = target
            while node:
                if node == fid:
                    return False  # cannot move a bin into itself or a descendant
                node = w.objs[node]["parent"]
        for fid in ids:
            f = w.objs[fid]
            w.objs[f["parent"]]["subs"].remove(fid)
            f["parent"] = target
            w.objs[target]["subs"].append(fid)
        return True

    @api([])
    def GetClipMatteList(self, item):
        return list(self._w.objs[_clip_ids(self._w, [item])[0]]["mattes"])

    @api([])
    def GetTimelineMatteList(self, folder):
        fid = _folder_id(self._w, folder)
        return [self._w.proxy("MediaPoolItem", c) for c in self._w.objs[fid]["clips"]
                if self._w.objs[c]["kind"] == "matte"]

    @api(False)
    def DeleteClipMattes(self, item, paths):
        o = self._w.objs[_clip_ids(self._w, [item])[0]]
        paths = [os.path.abspath(p) for p in paths]
        if not paths or any(p not in o["mattes"] for p in paths):
            return False
        o["mattes"] = [m for m in o["mattes"] if m not in paths]
        return True

    @api(False)
    def RelinkClips(self, items, folderPath):
        w = self._w
        ids = _clip_ids(w, items, kinds=("video", "audio", "still"))
        if not ids or not core.is_str(folderPath) or not os.path.isdir(folderPath):
            return False
        index = {}
        for root, _, files in os.walk(folderPath):
            for f in files:
                index.setdefault(f, os.path.join(root, f))
        ok = True
        for cid in ids:
            o = w.objs[cid]
            found = index.get(o["props"]["File Name"])
            if not found:
                ok = False
                continue
            o["path"] = os.path.abspath(found)
            o["props"].update({"File Path": o["path"], "Clip Directory": os.path.dirname(
                o["path"]), "Online Status": "Online"})
        return ok

    @api(False)
    def UnlinkClips(self, items):
        ids = _clip_ids(self._w, items, kinds=("video", "audio", "still"))
        if not ids:
            return False
        for cid in ids:
            self._w.objs[cid]["props"]["Online Status"] = "Offline"
        return True

    @api([])
    def ImportMedia(self, items):
        if not isinstance(items, (list, tuple)):
            return []
        made = sim_media.import_items(self._w, self._o["cur"], list(items))
        return [self._w.proxy("MediaPoolItem", c) for c in made]

    @api(False)
    def ExportMetadata(self, fileName, clips=None):
        w = self._w
        if not core.is_str(fileName) or not fileName:
            return False
        if clips is None:
            ids = [c for c in sim_media.all_clips(w, self._o["root"])
                   if w.objs[c]["kind"] in ("video", "audio", "still")]
        else:
            ids = _clip_ids(w, clips)
        cols = ["File Name", "Clip Name", "Clip Directory", "Type", "Start TC", "End TC",
                "Duration", "FPS", "Resolution", "Audio Ch", "Sample Rate", "Reel Name"]
        meta = sorted(set(k for c in ids for k in w.objs[c]["meta"]))
        import csv
        with open(fileName, "w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(cols + meta)
            for c in ids:
                o = w.objs[c]
                writer.writerow([o["props"].get(k, "") for k in cols]
                                + [o["meta"].get(k, "") for k in meta])
        return True

    @api("")
    def GetUniqueId(self):
        return self._id

    @api(None, studio=True)
    def CreateStereoClip(self, left, right):
        w = self._w
        lid, rid = _clip_ids(w, [left, right], kinds=("video",))
        if lid == rid:
            return None
        lo = w.objs[lid]
        cid = sim_media.new_virtual_clip(w, lo["p"], lo["folder"], lo["props"]["Clip Name"],
                                         "stereo", lo["frames"], lo["fps"], "Video")
        new = w.objs[cid]
        new["props"].update({k: lo["props"][k] for k in ("File Path", "File Name",
                                                          "Resolution", "Clip Directory")})
        new["path"] = lo["path"]
        new["stereo"] = {"left": core.deep(lo), "right": core.deep(w.objs[rid])}
        sim_media.remove_clip(w, lid)
        sim_media.remove_clip(w, rid)
        return w.proxy("MediaPoolItem", cid)

    @api(False)
    def AutoSyncAudio(self, items, audioSyncSettings=None):
        w = self._w
        ids = _clip_ids(w, items, kinds=("video", "audio"))
        video = [c for c in ids if w.objs[c]["kind"] == "video"]
        audio = [c for c in ids if w.objs[c]["kind"] == "audio"]
        if len(ids) < 2 or not video or not audio:
            return False
        c = w.constants
        settings = audioSyncSettings or {}
        if not isinstance(settings, dict):
            return False
        channel_max = min(int(w.objs[a]["channels"] or 1) for a in audio)
        checks = {
            c["AUDIO_SYNC_MODE"]: lambda v: v in (c["AUDIO_SYNC_WAVEFORM"],
                                                  c["AUDIO_SYNC_TIMECODE"]),
            c["AUDIO_SYNC_CHANNEL_NUMBER"]: lambda v: core.is_int(v) and (
                v in (-1, -2) or 1 <= v <= channel_max),
            c["AUDIO_SYNC_RETAIN_EMBEDDED_AUDIO"]: lambda v: isinstance(v, bool),
            c["AUDIO_SYNC_RETAIN_VIDEO_METADATA"]: lambda v: isinstance(v, bool),
        }
        for k, v in settings.items():
            if k not in checks or not checks[k](v):
                return False
        retain = settings.get(c["AUDIO_SYNC_RETAIN_EMBEDDED_AUDIO"], False)
        keep_meta = settings.get(c["AUDIO_SYNC_RETAIN_VIDEO_METADATA"], False)
        for n, vid in enumerate(video):
            v = w.objs[vid]
            a = w.objs[audio[min(n, len(audio) - 1)]]
            v["synced"] = [audio[min(n, len(audio) - 1)]]
            v["props"]["Synced Audio"] = a["props"]["Clip Name"]
            if not retain:
                v["channels"] = 0
            v["props"]["Audio Ch"] = str(int(v["channels"]) + int(a["channels"] or 0))
            v["props"]["Type"] = "Video + Audio"
            if not keep_meta:
                for k, val in a["meta"].items():
                    v["meta"].setdefault(k, val)
        return True

    @api([])
    def GetSelectedClips(self):
        return [self._w.proxy("MediaPoolItem", c) for c in self._o["selected"]
                if c in self._w.objs]

    @api(False)
    def SetSelectedClip(self, item):
        self._o["selected"] = _clip_ids(self._w, [item])
        return True
