"""Timelines: creation, tracks, editing, markers, playhead, interchange."""

import os

import sim_color
import sim_core as core
import sim_item
import sim_media
import sim_timecode as tcm
from sim_core import api

AUDIO_TYPES_OLD = ["mono", "stereo", "5.1", "5.1film", "7.1", "7.1film"] + [
    "adaptive%d" % n for n in range(1, 25)]
AUDIO_TYPES = ["mono", "stereo", "lrc", "lcr", "lrcs", "lcrs", "quad", "5.0", "5.0film", "5.1",
               "5.1film", "7.0", "7.0film", "7.1", "7.1film"] + [
    "adaptive%d" % n for n in range(1, 37)]
GENERATORS = ("10 Step", "100mV Steps", "Color Bars", "EBU Color Bar", "Four Color Gradient",
              "Grey Scale", "SMPTE Color Bar", "Solid Color", "Window")
FUSION_GENERATORS = ("Contours", "Noise Gradient", "Paper", "Texture Background")
OFX_GENERATORS = ("Color Generator", "Grid", "Noise", "Gradient")
TITLES = ("Text", "Scroll", "Left Lower Third", "Middle Lower Third", "Right Lower Third")
FUSION_TITLES = ("Text+", "Background Reveal", "Call Out", "Digital Glitch", "Drop In",
                 "Fade On", "Lower Third", "Scroll Credits", "Slide In", "Title Card")
TL_SETTING_KEYS = (
    "timelineResolutionWidth", "timelineResolutionHeight", "timelinePixelAspectRatio",
    "timelineFrameRate", "timelineDropFrameTimecode", "timelineInterlaceProcessing",
    "timelineInputResMismatchBehavior", "timelineOutputResMatchTimelineRes",
    "timelineOutputResolutionWidth", "timelineOutputResolutionHeight",
    "timelineOutputPixelAspectRatio", "timelineOutputResMismatchBehavior", "superScale",
    "videoMonitorFormat", "colorScienceMode", "colorSpaceTimeline", "colorSpaceOutput",
)
EXPORT_KINDS = {"EXPORT_EDL": "edl", "EXPORT_FCP_7_XML": "fcp7xml",
                "EXPORT_FCPXML_1_8": "fcpxml_1_8", "EXPORT_FCPXML_1_9": "fcpxml_1_9",
                "EXPORT_FCPXML_1_10": "fcpxml_1_10", "EXPORT_OTIO": "otio",
                "EXPORT_TEXT_CSV": "csv", "EXPORT_TEXT_TAB": "tab", "EXPORT_ALE": "ale",
                "EXPORT_ALE_CDL": "ale_cdl", "EXPORT_DRT": "drt", "EXPORT_AAF": "aaf",
                "EXPORT_HDR_10_PROFILE_A": "hdr10a", "EXPORT_HDR_10_PROFILE_B": "hdr10b",
                "EXPORT_DOLBY_VISION_VER_2_9": "dolby_2_9",
                "EXPORT_DOLBY_VISION_VER_4_0": "dolby_4_0",
                "EXPORT_DOLBY_VISION_VER_5_1": "dolby_5_1"}
EXPORT_SINCE = {"EXPORT_FCPXML_1_9": "18.0", "EXPORT_FCPXML_1_10": "18.0",
                "EXPORT_DOLBY_VISION_VER_5_1": "18.1", "EXPORT_OTIO": "18.5",
                "EXPORT_ALE": "19.0", "EXPORT_ALE_CDL": "19.0"}
SCENE_SECONDS = 2  # DetectSceneCuts: simulated scenes change every 2 s of source media
IMPORT_OPTS = {"autoImportSourceClipsIntoMediaPool": bool,
               "ignoreFileExtensionsWhenMatching": bool, "linkToSourceCameraFiles": bool,
               "useSizingInfo": bool, "importMultiChannelAudioTracksAsLinkedGroups": bool,
               "insertAdditionalTracks": bool, "insertWithOffset": str,
               "sourceClipsPath": str, "sourceClipsFolders": list}


# ------------------------------------------------------------------ data ---

def new_track(ttype, sub=None):
    t = {"name": None, "enabled": True, "locked": False, "items": []}
    if ttype == "audio":
        t["sub"] = sub or "stereo"
        t["vi"] = {"isEnabled": False, "amount": 0}
    return t


def new_timeline(w, name, fid=None, rate=None, start_frame=None, empty_tracks=False):
    """Create a timeline in the current project (and its pool item); make it current."""
    p = w.project()
    d = p["d"]
    s = d["settings"]
    if rate is None:
        fps, nominal, drop = core.rate_of(s["timelineFrameRate"], s["timelineDropFrameTimecode"])
    else:
        fps, nominal, drop = rate
    tid = w.new_id()
    start = tcm.tc_to_frames("01:00:00:00", fps, drop) if start_frame is None else start_frame
    tl = {"t": "Timeline", "p": p["id"], "name": name, "start": start, "fps": fps,
          "nominal": nominal, "drop": drop, "markers": {}, "mark": {}, "playhead": start,
          "tracks": {"video": [] if empty_tracks else [new_track("video")],
                     "audio": [] if empty_tracks else [new_track("audio")],
                     "subtitle": []},
          "settings": {"useCustomSettings": "0"}, "selected": [], "stereo": False,
          "ai": {}, "graph": None, "clip": None}
    for k in TL_SETTING_KEYS:
        tl["settings"][k] = s.get(k, "")
    tl["settings"]["timelineFrameRate"] = core.rate_label(fps)
    tl["settings"]["timelineDropFrameTimecode"] = "1" if drop else "0"
    w.objs[tid] = tl
    tl["graph"] = sim_color.new_graph(w, p["id"], tid, "timeline")
    pool = w.objs[d["pool"]]
    folder = fid or pool["cur"]
    tl["clip"] = sim_media.new_virtual_clip(w, p["id"], folder, name, "timeline", 0, fps,
                                            "Timeline", timeline=tid)
    d["timelines"].append(tid)
    d["cur_tl"] = tid
    return tid


def timeline_names(w):
    return [w.objs[t]["name"] for t in w.project()["d"]["timelines"]]


def tl_end(w, tl):
    end = tl["start"]
    for ttype in core.TRACK_TYPES:
        for track in tl["tracks"][ttype]:
            for iid in track["items"]:
                end = max(end, w.objs[iid]["end"])
    return end


def refresh_clip(w, tid):
    tl = w.objs[tid]
    clip = w.objs.get(tl.get("clip"))
    if clip:
        frames = tl_end(w, tl) - tl["start"]
        clip["frames"] = frames
        clip["props"]["Frames"] = str(frames)
        clip["props"]["Duration"] = tcm.frames_to_tc(frames, tl["fps"], tl["drop"])
        clip["props"]["Start TC"] = tcm.frames_to_tc(tl["start"], tl["fps"], tl["drop"])
        clip["props"]["End TC"] = tcm.frames_to_tc(tl["start"] + frames, tl["fps"], tl["drop"])


def free(w, track, start, end, ignore=()):
    if not ignore:
        # Items on a track never overlap, so they are ordered by start and by end: only the
        # last item starting before `end` can reach into [start, end).
        items = track["items"]
        i = sim_item.insert_at(w, items, end - 1) - 1
        return i < 0 or w.objs[items[i]]["end"] <= start
    for iid in track["items"]:
        if iid in ignore:
            continue
        o = w.objs[iid]
        if o["start"] < end and start < o["end"]:
            return False
    return True


def append_infos(w, tid, infos):
    """Place clip ranges on a timeline.  infos: dicts clip/start/end/record/track/media.

    Returns one item id per placed info (video item, or audio item for audio-only).
    Ranges overlapping existing items are silently dropped (earlier wins).
    """
    tl = w.objs[tid]
    made = []
    for info in infos:
        clip = w.objs.get(info["clip"])
        if clip is None:
            continue
        start, end = info["start"], info["end"]
        if start < 0 or end <= start:
            continue
        if clip["kind"] not in ("still",) and end > max(clip["frames"], 1):
            continue
        parts = []
        if sim_media.has_video(clip) and info.get("media") != 2:
            parts.append("video")
        if sim_media.has_audio(clip) and info.get("media") != 1:
            if clip["kind"] not in ("timeline", "compound") or tl_has_audio(w, clip):
                parts.append("audio")
        if not parts:
            continue
        tidx = info.get("track") or 1
        tracks = []
        for ttype in parts:
            if not 1 <= tidx <= len(tl["tracks"][ttype]):
                tracks = None
                break
            track = tl["tracks"][ttype][tidx - 1]
            if track["locked"]:
                tracks = None
                break
            tracks.append((ttype, track))
        if not tracks:
            continue
        length = record_length(clip, tl, end - start)
        if length < 1:
            continue
        rec = info.get("record")
        if rec is None:
            rec = tl["start"]
            for _, track in tracks:
                if track["items"]:  # ordered and non-overlapping: the last one ends last
                    rec = max(rec, w.objs[track["items"][-1]]["end"])
        if rec < 0 or not all(free(w, track, rec, rec + length) for _, track in tracks):
            continue
        ids = []
        for ttype, _ in tracks:
            ids.append(sim_item.new_item(w, tid, ttype, tidx, rec, rec + length, start, end,
                                         info["clip"], "clip", clip["props"]["Clip Name"]))
        if len(ids) > 1:
            link = w.new_id()
            for iid in ids:
                w.objs[iid]["link"] = link
        made.append(ids[0])
    refresh_clip(w, tid)
    return made


def record_length(clip, tl, frames):
    """Timeline frames for ``frames`` source frames: media at another rate is converted
    and floored (measured: 435 frames of 24 fps audio fill 543 frames at 29.97)."""
    src, dst = tcm.rate_fraction(clip.get("fps")), tcm.rate_fraction(tl["fps"])
    if clip["kind"] == "still" or src is None or dst is None or src == dst:
        return frames
    return frames * dst[0] * src[1] // (dst[1] * src[0])


def tl_has_audio(w, clip):
    tl = w.objs.get(clip.get("timeline"))
    if not tl:
        return True
    return any(track["items"] for track in tl["tracks"]["audio"])


def clip_infos(w, args, allow_track=True):
    """Normalise AppendToTimeline/CreateTimelineFromClips arguments to info dicts."""
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        entries = list(args[0])
    else:
        entries = list(args)
    inclusive = w.version < (19, 0, 0)  # endFrame inclusive before 19, exclusive since
    MPI = core.REG["MediaPoolItem"]
    infos = []
    for e in entries:
        if isinstance(e, MPI):
            if not e._alive():
                continue
            clip = w.objs[e._id]
            mark = clip.get("mark", {}).get("video") or clip.get("mark", {}).get("audio")
            if mark:
                start, end = mark["in"], mark["out"] + 1
            else:
                start, end = 0, clip["frames"]
            infos.append({"clip": e._id, "start": start, "end": end})
        elif isinstance(e, dict):
            item = e.get("mediaPoolItem")
            if not isinstance(item, MPI) or not item._alive():
                continue
            clip = w.objs[item._id]
            try:
                start = core.as_frame(e.get("startFrame", 0))
                end = e.get("endFrame")
                end = clip["frames"] if end is None else core.as_frame(end) + (
                    1 if inclusive else 0)
                info = {"clip": item._id, "start": start, "end": end}
                if e.get("recordFrame") is not None:
                    info["record"] = core.as_frame(e["recordFrame"])
                if allow_track and e.get("trackIndex") is not None:
                    if not core.is_int(e["trackIndex"]):
                        continue
                    info["track"] = e["trackIndex"]
                if allow_track and e.get("mediaType") is not None:
                    if e["mediaType"] not in (1, 2):
                        continue
                    info["media"] = int(e["mediaType"])
            except ValueError:
                continue
            infos.append(info)
    return infos


def timeline_desc(w, tid):
    tl = w.objs[tid]
    desc = {"name": tl["name"], "fps": tl["fps"], "drop_frame": tl["drop"],
            "start_frame": tl["start"], "tracks": {}, "markers": []}
    for ttype in core.TRACK_TYPES:
        desc["tracks"][ttype] = []
        for n, track in enumerate(tl["tracks"][ttype], 1):
            items = []
            for iid in track["items"]:
                o = w.objs[iid]
                clip = w.objs.get(o.get("clip")) or {}
                entry = {"name": o["name"], "start": o["start"], "end": o["end"],
                         "source_start": o["src_start"], "source_end": o["src_end"],
                         "source_origin": sim_media.start_frame(clip) if clip else 0,
                         "file_path": clip.get("path") or "",
                         "clip_name": (clip.get("props") or {}).get("Clip Name", o["name"])}
                cdl = item_cdl(w, o)
                if cdl:
                    entry["cdl"] = cdl
                items.append(entry)
            desc["tracks"][ttype].append({"name": track_name(tl, ttype, n), "items": items})
    for frame, m in sorted(tl["markers"].items(), key=lambda kv: int(kv[0])):
        desc["markers"].append(dict(m, frame=int(frame)))
    return desc


def item_cdl(w, o):
    """CDL of node 1 of the item's current grade, in interchange form (or None)."""
    key = "%d:%s" % (o["cur_ver"][1], o["cur_ver"][0]) if o.get("cur_ver") else None
    gid = o.get("graphs", {}).get(key, {}).get("1") if key else None
    graph = w.objs.get(gid) if gid else None
    cdl = graph["nodes"][0].get("cdl") if graph else None
    if not cdl:
        return None
    return {"slope": cdl.get("Slope", [1.0, 1.0, 1.0]), "offset": cdl.get("Offset", [0.0] * 3),
            "power": cdl.get("Power", [1.0, 1.0, 1.0]), "saturation": cdl.get("Saturation", 1.0)}


def track_name(tl, ttype, idx):
    name = tl["tracks"][ttype][idx - 1]["name"]
    return name if name else "%s %d" % (ttype.capitalize(), idx)


def resolve_source(w, it, opts, fid, kind=None, copies=None):
    """Find or import the pool clip for an interchange item; None if offline.
    ``copies``: path -> clip imported by this DRT import."""
    path = it.get("file_path") or ""
    if kind == "drt":  # measured: every DRT import adds another copy of its media
        if path not in copies:
            made = sim_media.import_items(w, fid, [path]) if os.path.isfile(path) else []
            copies[path] = made[0] if made else None
        return copies[path]
    if kind == "otio" and not opts.get("importSourceClips", True):
        return None  # measured: OTIO does not relink from the pool; its items stay offline
    cid = sim_media.find_clip_by_path(w, path=path) if path else None
    if cid:
        return cid
    folders = opts.get("sourceClipsFolders") or []
    for f in folders:
        if isinstance(f, core.REG["Folder"]) and f._alive():
            for c in sim_media.all_clips(w, f._id):
                o = w.objs[c]
                if path and os.path.basename(o.get("path", "")) == os.path.basename(path):
                    return c
    cid = sim_media.find_clip_by_path(w, name=it.get("clip_name") or it.get("name"))
    if cid:
        return cid
    if opts.get("importSourceClips", opts.get("autoImportSourceClipsIntoMediaPool", True)):
        candidates = [path]
        search = opts.get("sourceClipsPath")
        if search and path:
            candidates.append(os.path.join(search, os.path.basename(path)))
        for cand in candidates:
            if cand and os.path.isfile(cand):
                made = sim_media.import_items(w, fid, [cand])
                if made:
                    return made[0]
    return None


def place_desc(w, tid, desc, opts, fid, add_tracks=True, offset=0):
    tl = w.objs[tid]
    copies = {}
    for ttype in core.TRACK_TYPES:
        base = len(tl["tracks"][ttype]) if add_tracks else 0
        for n, track in enumerate(desc.get("tracks", {}).get(ttype, []), 1):
            idx = base + n
            while len(tl["tracks"][ttype]) < idx:
                tl["tracks"][ttype].append(new_track(ttype))
            for it in track.get("items", []):
                start = int(it["start"]) - int(desc.get("start_frame", 0)) + tl["start"] + offset
                end = start + int(it["end"]) - int(it["start"])
                target = tl["tracks"][ttype][idx - 1]
                if end <= start or not free(w, target, start, end):
                    continue
                if ttype == "subtitle":
                    sim_item.new_item(w, tid, ttype, idx, start, end, 0, end - start, None,
                                      "subtitle", it.get("name") or "")
                    continue
                cid = resolve_source(w, it, opts, fid, desc.get("kind"), copies)
                clip = w.objs.get(cid) if cid else None
                name = clip["props"]["Clip Name"] if clip else it.get("clip_name") or it["name"]
                src = int(it.get("source_start", 0))
                src_end = int(it.get("source_end", src + end - start))
                # EDL/OTIO source frames are on the media's timecode: make them clip-relative
                origin = sim_media.start_frame(clip) if clip and desc.get("source_absolute") else 0
                if src < origin:
                    origin = 0
                sim_item.new_item(w, tid, ttype, idx, start, end, src - origin, src_end - origin,
                                  cid, "clip", name)
    refresh_clip(w, tid)


def link_pairs(w, tid):
    """Link video and audio items of the same clip that occupy the same range."""
    tl = w.objs[tid]
    video = [w.objs[i] for t in tl["tracks"]["video"] for i in t["items"]]
    for t in tl["tracks"]["audio"]:
        for iid in t["items"]:
            a = w.objs[iid]
            for v in video:
                if v.get("clip") and v["clip"] == a.get("clip") and v["start"] == a["start"] \
                        and v["end"] == a["end"] and not a.get("link"):
                    v["link"] = v.get("link") or w.new_id()
                    a["link"] = v["link"]
                    break


def copy_timeline(w, tid, name):
    src = w.objs[tid]
    new = new_timeline(w, name, rate=(src["fps"], src["nominal"], src["drop"]),
                       start_frame=src["start"], empty_tracks=True)
    tl = w.objs[new]
    for key in ("markers", "mark", "settings", "stereo"):
        tl[key] = core.deep(src[key])
    links = {}
    for ttype in core.TRACK_TYPES:
        for track in src["tracks"][ttype]:
            t = core.deep(track)
            t["items"] = []
            tl["tracks"][ttype].append(t)
            for iid in track["items"]:
                o = core.deep(w.objs[iid])
                nid = w.new_id()
                o["tl"] = new
                if o.get("link"):
                    o["link"] = links.setdefault(o["link"], w.new_id())
                comps = []
                for cid in o["comps"]:
                    c = core.deep(w.objs[cid])
                    c["item"] = nid
                    ncid = w.new_id()
                    w.objs[ncid] = c
                    comps.append(ncid)
                    if o["cur_comp"] == cid:
                        o["cur_comp"] = ncid
                o["comps"] = comps
                graphs = {}
                for key, layers in o["graphs"].items():
                    graphs[key] = {}
                    for layer, gid in layers.items():
                        g = core.deep(w.objs[gid])
                        g["owner"] = nid
                        ngid = w.new_id()
                        w.objs[ngid] = g
                        graphs[key][layer] = ngid
                o["graphs"] = graphs
                w.objs[nid] = o
                t["items"].append(nid)
    w.objs[tl["graph"]]["nodes"] = core.deep(w.objs[src["graph"]]["nodes"])
    refresh_clip(w, new)
    return new


# --------------------------------------------------------------- Timeline ---

@core.register
class Timeline(core.MarkerMixin, core.Obj):
    __slots__ = ()

    def _track(self, trackType, trackIndex):
        tracks = self._o["tracks"][trackType]
        if not core.is_int(trackIndex) or not 1 <= trackIndex <= len(tracks):
            raise ValueError("bad track index")
        return tracks[trackIndex - 1]

    def _items(self, items, video_only=False):
        out = []
        for it in items:
            if not isinstance(it, core.REG["TimelineItem"]) or not it._alive():
                raise ValueError("not an item")
            if it._o["tl"] != self._id:
                raise ValueError("item of another timeline")
            if video_only and it._o["ttype"] != "video":
                raise ValueError("video item expected")
            out.append(it._id)
        return list(dict.fromkeys(out))

    def _tc(self, frames):
        o = self._o
        return tcm.frames_to_tc(frames, o["fps"], o["drop"])

    def _frames(self, tc):
        o = self._o
        return tcm.tc_to_frames(tc, o["fps"], o["drop"])

    @api("")
    def GetName(self):
        return self._o["name"]

    @api(False)
    def SetName(self, timelineName):
        if not core.is_str(timelineName) or not timelineName.strip():
            return False
        if timelineName != self._o["name"] and timelineName in timeline_names(self._w):
            return False
        self._o["name"] = timelineName
        clip = self._w.objs.get(self._o["clip"])
        if clip:
            clip["props"]["Clip Name"] = timelineName
        return True

    @api(0)
    def GetStartFrame(self):
        return self._o["start"]

    @api(0)
    def GetEndFrame(self):
        return tl_end(self._w, self._o)

    @api(False)
    def SetStartTimecode(self, timecode):
        new = self._frames(timecode)
        if new is None:
            return False
        o = self._o
        delta = new - o["start"]
        for ttype in core.TRACK_TYPES:
            for track in o["tracks"][ttype]:
                for iid in track["items"]:
                    self._w.objs[iid]["start"] += delta
                    self._w.objs[iid]["end"] += delta
        o["start"] = new
        o["playhead"] += delta
        refresh_clip(self._w, self._id)
        return True

    @api("")
    def GetStartTimecode(self):
        return self._tc(self._o["start"])

    @api(0)
    def GetTrackCount(self, trackType):
        if trackType not in core.TRACK_TYPES:
            return 0
        return len(self._o["tracks"][trackType])

    @api(False)
    def AddTrack(self, trackType, options=None):
        if trackType not in core.TRACK_TYPES:
            return False
        sub, index = None, None
        if isinstance(options, dict):
            if any(k not in ("audioType", "index") for k in options):
                return False
            sub, index = options.get("audioType"), options.get("index")
            if index is not None and not core.is_int(index):
                return False
        elif options is not None:
            if not core.is_str(options):
                return False
            sub = options
        if trackType == "audio":
            if sub is None and self._w.version < (19, 0, 0):
                return False  # subtype required for audio before 19.0
            vocab = AUDIO_TYPES if self._w.version >= (19, 1, 0) else AUDIO_TYPES_OLD
            sub = sub or "mono"
            if sub not in vocab:
                return False
        elif sub is not None:
            return False
        tracks = self._o["tracks"][trackType]
        track = new_track(trackType, sub)
        if index is not None and 1 <= index <= len(tracks):
            tracks.insert(index - 1, track)
        else:
            tracks.append(track)
        return True

    @api(False)
    def DeleteTrack(self, trackType, trackIndex):
        track = self._track(trackType, trackIndex)
        for iid in list(track["items"]):
            sim_item.remove_item(self._w, iid)
        self._o["tracks"][trackType].remove(track)
        refresh_clip(self._w, self._id)
        return True

    @api("")
    def GetTrackSubType(self, trackType, trackIndex):
        track = self._track(trackType, trackIndex)
        return track.get("sub", "") if trackType == "audio" else ""

    @api(False)
    def SetTrackEnable(self, trackType, trackIndex, enabled):
        self._track(trackType, trackIndex)["enabled"] = core.as_bool(enabled)
        return True

    def _current(self):
        # 21.1 read quirk (guycochran/resolve-mcp-server#3): track state of a timeline that
        # is not the current one reads False until that timeline is made current
        return self._w.version < (21, 1, 0) or self._w.project()["d"]["cur_tl"] == self._id

    @api(False)
    def GetIsTrackEnabled(self, trackType, trackIndex):
        return bool(self._track(trackType, trackIndex)["enabled"]) and self._current()

    @api(False)
    def SetTrackLock(self, trackType, trackIndex, locked):
        self._track(trackType, trackIndex)["locked"] = core.as_bool(locked)
        return True

    @api(False)
    def GetIsTrackLocked(self, trackType, trackIndex):
        return bool(self._track(trackType, trackIndex)["locked"]) and self._current()

    @api(False)
    def DeleteClips(self, timelineItems, ripple=False):
        ripple = core.as_bool(ripple)
        if self._w.S["app"]["page"] == "fairlight":
            return False  # observed: DeleteClips fails on the Fairlight page
        ids = self._items(timelineItems)
        if not ids:
            return False
        w = self._w
        for iid in ids:
            o = w.objs[iid]
            if self._track(o["ttype"], sim_item.track_index(w, iid))["locked"]:
                return False
        for iid in ids:
            o = w.objs.get(iid)
            if o is None:
                continue
            track = self._track(o["ttype"], sim_item.track_index(w, iid))
            start, length = o["start"], o["end"] - o["start"]
            sim_item.remove_item(w, iid)
            if ripple:
                for other in track["items"]:
                    t = w.objs[other]
                    if t["start"] >= start:
                        t["start"] -= length
                        t["end"] -= length
        refresh_clip(w, self._id)
        return True

    @api(False)
    def SetClipsLinked(self, timelineItems, linked):
        linked = core.as_bool(linked)
        ids = self._items(timelineItems)
        if linked and len(ids) < 2 or not ids:
            return False
        link = self._w.new_id() if linked else None
        for iid in ids:
            self._w.objs[iid]["link"] = link
        return True

    @api([])
    def GetItemListInTrack(self, trackType, index):
        track = self._track(trackType, index)
        return [self._w.proxy("TimelineItem", i) for i in track["items"]]

    @api([])
    def GetSelectedClips(self):
        return [self._w.proxy("TimelineItem", i) for i in self._o["selected"]
                if i in self._w.objs]

    @api("")
    def GetCurrentTimecode(self):
        if self._w.S["app"]["page"] not in core.PLAYHEAD_PAGES:
            return ""
        return self._tc(self._o["playhead"])

    @api(False)
    def SetCurrentTimecode(self, timecode):
        if self._w.S["app"]["page"] not in core.PLAYHEAD_PAGES:
            return False
        frame = self._frames(timecode)
        o = self._o
        if frame is None or not o["start"] <= frame <= max(tl_end(self._w, o), o["start"]):
            return False
        o["playhead"] = frame
        return True

    def _video_at(self, frame):
        o = self._o
        for track in reversed(o["tracks"]["video"]):
            if not track["enabled"]:
                continue
            for iid in track["items"]:
                it = self._w.objs[iid]
                if it["start"] <= frame < it["end"] and it["enabled"]:
                    return iid
        return None

    @api(None)
    def GetCurrentVideoItem(self):
        iid = self._video_at(self._o["playhead"])
        return self._w.proxy("TimelineItem", iid) if iid else None

    @api({})
    def GetCurrentClipThumbnailImage(self):
        if self._w.S["app"]["page"] != "color":
            return {}
        iid = self._video_at(self._o["playhead"])
        if iid is None:
            return {}
        import sim_pixels  # real pixels, loaded on first use
        return sim_pixels.thumbnail(self._w, self._id, iid)

    @api("")
    def GetTrackName(self, trackType, trackIndex):
        self._track(trackType, trackIndex)
        return track_name(self._o, trackType, trackIndex)

    @api(False)
    def SetTrackName(self, trackType, trackIndex, name):
        track = self._track(trackType, trackIndex)
        if not core.is_str(name) or not name:
            return False
        track["name"] = name
        return True

    @api(None)
    def DuplicateTimeline(self, timelineName=None):
        names = timeline_names(self._w)
        if timelineName is None:
            timelineName = core.unique_name(self._o["name"] + " copy", names)
        if not core.is_str(timelineName) or not timelineName or timelineName in names:
            return None
        d = self._w.project()["d"]
        current = d["cur_tl"]
        new = copy_timeline(self._w, self._id, timelineName)
        d["cur_tl"] = current
        return self._w.proxy("Timeline", new)

    def _nest(self, timelineItems, kind, name):
        w = self._w
        ids = self._items(timelineItems)
        if not ids:
            return None
        for iid in ids:
            if w.objs[iid]["ttype"] == "subtitle":
                return None
        records = [core.deep(w.objs[i]) for i in ids]
        start = min(r["start"] for r in records)
        end = max(r["end"] for r in records)
        video = [i for i in ids if w.objs[i]["ttype"] == "video"]
        ttype = "video" if video else "audio"
        track = min(sim_item.track_index(w, i) for i in (video or ids))
        pool = w.objs[w.project()["d"]["pool"]]
        label = "Compound" if kind == "compound" else "Fusion"
        cid = sim_media.new_virtual_clip(w, self._o["p"], pool["cur"], name, kind, end - start,
                                         self._o["fps"], label)
        w.objs[cid]["inner"] = records
        for iid in ids:
            sim_item.remove_item(w, iid)
        target = self._track(ttype, track)
        if not free(w, target, start, end):
            return None
        new = sim_item.new_item(w, self._id, ttype, track, start, end, 0, end - start, cid,
                                "compound" if kind == "compound" else "fusionclip", name)
        refresh_clip(w, self._id)
        return new

    @api(None)
    def CreateCompoundClip(self, timelineItems, clipInfo=None):
        info = clipInfo or {}
        if not isinstance(info, dict) or any(k not in ("startTimecode", "name") for k in info):
            return None
        existing = [o["props"]["Clip Name"] for o in self._w.objs.values()
                    if o.get("t") == "MediaPoolItem" and o.get("kind") == "compound"]
        name = info.get("name") or core.unique_name("Compound Clip 1", existing)
        if not core.is_str(name):
            return None
        if "startTimecode" in info and self._frames(info["startTimecode"]) is None:
            return None
        iid = self._nest(timelineItems, "compound", name)
        if iid and "startTimecode" in info:
            clip = self._w.objs[self._w.objs[iid]["clip"]]
            clip["props"]["Start TC"] = info["startTimecode"]
        return self._w.proxy("TimelineItem", iid) if iid else None

    @api(None)
    def CreateFusionClip(self, timelineItems):
        existing = [o["props"]["Clip Name"] for o in self._w.objs.values()
                    if o.get("t") == "MediaPoolItem" and o.get("kind") == "fusion"]
        iid = self._nest(timelineItems, "fusion", core.unique_name("Fusion Clip 1", existing))
        return self._w.proxy("TimelineItem", iid) if iid else None

    @api(False)
    def ImportIntoTimeline(self, filePath, importOptions=None):
        opts = importOptions or {}
        if not isinstance(opts, dict) or not core.is_str(filePath):
            return False
        for k, v in opts.items():
            if k not in IMPORT_OPTS or not isinstance(v, IMPORT_OPTS[k]):
                return False
        if not os.path.exists(filePath):
            return False
        import sim_interchange  # on first use: it loads xml, fractions, csv and urllib
        desc = sim_interchange.import_timeline(filePath, self._o["fps"])
        if not desc:
            return False
        add = opts.get("insertAdditionalTracks", True)
        offset = 0
        if not add:
            offset = tcm.tc_to_frames(opts.get("insertWithOffset", "00:00:00:00"),
                                      self._o["fps"], self._o["drop"])
            if offset is None:
                return False
        fid = self._w.objs[self._w.project()["d"]["pool"]]["cur"]
        place_desc(self._w, self._id, desc, opts, fid, add_tracks=add, offset=offset)
        link_pairs(self._w, self._id)
        return True

    @api(False)
    def Export(self, fileName, exportType, exportSubtype=None):
        w = self._w
        c = w.constants
        if not core.is_str(fileName) or not fileName or not core.is_num(exportType):
            return False
        kind_name = None
        for name in EXPORT_KINDS:
            if c[name] == exportType and w.since_ok(EXPORT_SINCE.get(name, "17.4")):
                kind_name = name
        if kind_name is None:
            return False
        subtype = None
        if kind_name == "EXPORT_AAF":
            subs = {c["EXPORT_AAF_NEW"]: "new", c["EXPORT_AAF_EXISTING"]: "existing"}
            if not core.is_num(exportSubtype) or exportSubtype not in subs:
                return False
            subtype = subs[exportSubtype]
        elif kind_name == "EXPORT_EDL":
            subs = {c["EXPORT_NONE"]: "none", c["EXPORT_CDL"]: "cdl", c["EXPORT_SDL"]: "sdl",
                    c["EXPORT_MISSING_CLIPS"]: "missing_clips"}
            if not core.is_num(exportSubtype) or exportSubtype not in subs:
                return False
            subtype = subs[exportSubtype]
        folder = os.path.dirname(os.path.abspath(fileName))
        if not os.path.isdir(folder):
            return False
        desc = timeline_desc(w, self._id)
        settings = self.GetSetting()
        desc["width"] = int(settings.get("timelineResolutionWidth") or 1920)
        desc["height"] = int(settings.get("timelineResolutionHeight") or 1080)
        import sim_interchange
        return bool(sim_interchange.export_timeline(desc, fileName,
                                            EXPORT_KINDS[kind_name], subtype))

    @api("")
    def GetSetting(self, settingName=None):
        o = self._o
        project = self._w.project()["d"]["settings"]
        values = dict(o["settings"])
        if o["settings"].get("useCustomSettings") != "1":
            for k in TL_SETTING_KEYS:
                if k not in ("timelineFrameRate", "timelineDropFrameTimecode"):
                    values[k] = project.get(k, values.get(k, ""))
        if settingName in (None, ""):
            return values
        if not core.is_str(settingName):
            return ""
        return values.get(settingName, "")

    @api(False)
    def SetSetting(self, settingName, settingValue):
        o = self._o
        if settingName not in o["settings"] or not core.is_str(settingValue):
            return False
        if settingName == "useCustomSettings":
            if settingValue not in ("0", "1"):
                return False
            if settingValue == "1" and o["settings"].get(settingName) != "1":
                # the flip does not keep the inherited values: the timeline's own settings
                # start from the defaults, 1920x1080 and default colour settings (NOTES.md,
                # "useCustomSettings")
                import sim_project
                for k in TL_SETTING_KEYS:
                    if k not in ("timelineFrameRate", "timelineDropFrameTimecode"):
                        o["settings"][k] = sim_project.DEFAULT_SETTINGS.get(k, o["settings"][k])
            o["settings"][settingName] = settingValue
            return True
        if o["settings"].get("useCustomSettings") != "1":
            return False
        if settingName in ("timelineFrameRate", "timelineDropFrameTimecode"):
            if tl_end(self._w, o) != o["start"]:
                return False  # rate is fixed once the timeline has content
            if settingName == "timelineFrameRate":
                parsed = tcm.parse_rate(settingValue)
                if parsed is None:
                    return False
                fps, nominal, drop = parsed
            else:
                if settingValue not in ("0", "1"):
                    return False
                fps, nominal, drop = o["fps"], o["nominal"], settingValue == "1"
                if drop and nominal not in (30, 60):
                    return False
            tc = self._tc(o["start"]).replace(";", ":")
            o.update({"fps": fps, "nominal": nominal, "drop": drop})
            o["start"] = tcm.tc_to_frames(tc, fps, drop) or 0
            o["playhead"] = o["start"]
            o["settings"]["timelineFrameRate"] = core.rate_label(fps)
            o["settings"]["timelineDropFrameTimecode"] = "1" if drop else "0"
            return True
        if settingName in ("timelineResolutionWidth", "timelineResolutionHeight",
                           "timelineOutputResolutionWidth", "timelineOutputResolutionHeight"):
            if not settingValue.isdigit() or not 16 <= int(settingValue) <= 32768:
                return False
        o["settings"][settingName] = settingValue
        return True

    def _insert(self, kind, name, frames=None):
        w = self._w
        o = self._o
        fps = o["fps"]
        length = frames or int(round(5 * fps))  # generators/titles default to 5 s
        start = o["playhead"]
        tracks = o["tracks"]["video"]
        idx = None
        for n, track in enumerate(tracks, 1):
            if not track["locked"] and free(w, track, start, start + length):
                idx = n
                break
        if idx is None:
            tracks.append(new_track("video"))
            idx = len(tracks)
        iid = sim_item.new_item(w, self._id, "video", idx, start, start + length, 0, length,
                                None, kind, name)
        o["selected"] = [iid]
        refresh_clip(w, self._id)
        return w.proxy("TimelineItem", iid)

    @api(None)
    def InsertGeneratorIntoTimeline(self, generatorName):
        return self._insert("generator", generatorName) if generatorName in GENERATORS else None

    @api(None)
    def InsertFusionGeneratorIntoTimeline(self, generatorName):
        if generatorName not in FUSION_GENERATORS:
            return None
        return self._insert("fusion_gen", generatorName)

    @api(None)
    def InsertFusionCompositionIntoTimeline(self):
        return self._insert("fusioncomp", "Fusion Composition")

    @api(None)
    def InsertOFXGeneratorIntoTimeline(self, generatorName):
        return self._insert("ofx", generatorName) if generatorName in OFX_GENERATORS else None

    @api(None)
    def InsertTitleIntoTimeline(self, titleName):
        return self._insert("title", titleName) if titleName in TITLES else None

    @api(None)
    def InsertFusionTitleIntoTimeline(self, titleName):
        return self._insert("fusion_title", titleName) if titleName in FUSION_TITLES else None

    def _grab(self, iid, source):
        w = self._w
        gallery = w.objs[w.project()["d"]["gallery"]]
        nodes = w.objs[sim_item.item_graph(w, iid)]["nodes"]
        sid = sim_color.new_still(w, gallery["cur"], nodes, source=iid)
        w.objs[sid]["frame"] = source
        return sid

    @api(None)
    def GrabStill(self):
        iid = self._video_at(self._o["playhead"])
        if iid is None:
            return None
        return self._w.proxy("GalleryStill", self._grab(iid, self._o["playhead"]))

    @api([])
    def GrabAllStills(self, stillFrameSource):
        if stillFrameSource not in (1, 2):
            return []
        out = []
        for track in self._o["tracks"]["video"]:
            for iid in track["items"]:
                it = self._w.objs[iid]
                frame = it["start"] if stillFrameSource == 1 else (it["start"] + it["end"]) // 2
                out.append(self._w.proxy("GalleryStill", self._grab(iid, frame)))
        return out

    @api("")
    def GetUniqueId(self):
        return self._id

    @api(False, studio=True)
    def CreateSubtitlesFromAudio(self, autoCaptionSettings=None):
        w = self._w
        if w.S["app"]["page"] == "deliver":
            return False
        settings = autoCaptionSettings or {}
        if not isinstance(settings, dict):
            return False
        c = w.constants
        langs = [c["AUTO_CAPTION_" + n] for n in core.CAPTION_LANGUAGES]
        checks = {
            c["SUBTITLE_LANGUAGE"]: lambda v: v in langs,
            c["SUBTITLE_CAPTION_PRESET"]: lambda v: v in (
                c["AUTO_CAPTION_SUBTITLE_DEFAULT"], c["AUTO_CAPTION_TELETEXT"],
                c["AUTO_CAPTION_NETFLIX"]),
            c["SUBTITLE_CHARS_PER_LINE"]: lambda v: core.is_int(v) and 1 <= v <= 60,
            c["SUBTITLE_LINE_BREAK"]: lambda v: v in (c["AUTO_CAPTION_LINE_SINGLE"],
                                                      c["AUTO_CAPTION_LINE_DOUBLE"]),
            c["SUBTITLE_GAP"]: lambda v: core.is_int(v) and 0 <= v <= 10,
        }
        for k, v in settings.items():
            if k not in checks or not checks[k](v):
                return False
        o = self._o
        audio = [w.objs[i] for t in o["tracks"]["audio"] if t["enabled"] for i in t["items"]]
        audio = [a for a in audio if a.get("clip")]
        if not audio:
            return False
        o["tracks"]["subtitle"].append(new_track("subtitle"))
        idx = len(o["tracks"]["subtitle"])
        chunk = int(round(3 * o["fps"]))
        gap = settings.get(c["SUBTITLE_GAP"], 0)
        n = 0
        for a in sorted(audio, key=lambda x: x["start"]):
            pos = a["start"]
            while pos < a["end"]:
                end = min(a["end"], pos + chunk)
                track = o["tracks"]["subtitle"][idx - 1]
                if free(w, track, pos, end):
                    n += 1
                    sim_item.new_item(w, self._id, "subtitle", idx, pos, max(pos + 1, end - gap),
                                      0, end - pos, None, "subtitle",
                                      "Transcribed speech %d (%s)" % (n, a["name"]))
                pos = end
        refresh_clip(w, self._id)
        return True

    @api(False)
    def DetectSceneCuts(self):
        w = self._w
        o = self._o
        for idx, track in enumerate(o["tracks"]["video"], 1):
            if track["locked"]:
                continue
            for iid in list(track["items"]):
                it = w.objs[iid]
                clip = w.objs.get(it.get("clip"))
                if not clip or it["kind"] != "clip" or clip["kind"] != "video":
                    continue
                scene = max(1, int(round(SCENE_SECONDS * clip["fps"])))
                s0, s1, r0 = it["src_start"], it["src_end"], it["start"]
                cuts = list(range(scene * (s0 // scene + 1), s1, scene))
                if not cuts:
                    continue
                bounds = [s0] + cuts + [s1]
                it["end"], it["src_end"] = r0 + cuts[0] - s0, cuts[0]
                for a, b in zip(bounds[1:-1], bounds[2:]):
                    rec = r0 + a - s0
                    new = sim_item.new_item(w, self._id, "video", idx, rec, rec + b - a, a, b,
                                            it["clip"], "clip", it["name"])
                    w.objs[new]["props"] = core.deep(it["props"])
        refresh_clip(w, self._id)
        return True

    @api(False, studio=True)
    def ConvertTimelineToStereo(self):
        if self._o.get("stereo"):
            return False
        self._o["stereo"] = True
        return True

    @api(None)
    def GetNodeGraph(self):
        return self._w.proxy("Graph", self._o["graph"])

    @api(False, studio=True)
    def AnalyzeDolbyVision(self, timelineItems=None, analysisType=None):
        if analysisType is not None and analysisType != self._w.constants["DLB_BLEND_SHOTS"]:
            return False
        ids = self._items(timelineItems or [], video_only=True)
        if not ids:
            ids = [i for t in self._o["tracks"]["video"] for i in t["items"]]
        if not ids:
            return False
        for iid in ids:
            self._w.objs[iid]["ai"]["dolby_vision"] = "blend" if analysisType else "shot"
        return True

    @api(None)
    def GetMediaPoolItem(self):
        cid = self._o.get("clip")
        return self._w.proxy("MediaPoolItem", cid) if cid in self._w.objs else None

    @api({})
    def GetMarkInOut(self):
        return core.deep(self._o["mark"])

    @api(False)
    def SetMarkInOut(self, markIn, markOut, type="all"):
        return sim_media.set_mark(self._o["mark"], markIn, markOut, type)

    @api(False)
    def ClearMarkInOut(self, type="all"):
        return sim_media.clear_mark(self._o["mark"], type)

    @api({})
    def GetVoiceIsolationState(self, trackIndex):
        return dict(self._track("audio", trackIndex)["vi"])

    @api(False, studio=True)
    def SetVoiceIsolationState(self, trackIndex, state):
        track = self._track("audio", trackIndex)
        track["vi"] = sim_item.voice_state(track["vi"], state)
        return True

