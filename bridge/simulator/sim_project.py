"""Projects: lifecycle (create/load/save/close, snapshots) and the Project object."""

import os

import sim_color
import sim_core as core
import sim_item
import sim_media
import sim_render
import sim_timecode as tcm
import sim_timeline
from sim_core import api

DEFAULT_SETTINGS = {
    "timelineResolutionWidth": "1920", "timelineResolutionHeight": "1080",
    "timelinePixelAspectRatio": "square", "timelineFrameRate": "24",
    "timelineDropFrameTimecode": "0", "timelineInterlaceProcessing": "0",
    "timelinePlaybackFrameRate": "24", "timelineOutputResMatchTimelineRes": "1",
    "timelineOutputResolutionWidth": "1920", "timelineOutputResolutionHeight": "1080",
    "timelineOutputPixelAspectRatio": "square",
    "timelineInputResMismatchBehavior": "scaleToFit",
    "timelineOutputResMismatchBehavior": "scaleToFit",
    "timelineFrameRateMismatchBehavior": "resolveDefault",
    "timelineInputResMismatchUseCustomPreset": "0",
    "timelineInputResMismatchCustomPreset": "",
    "timelineOutputResMismatchUseCustomPreset": "0",
    "timelineOutputResMismatchCustomPreset": "", "timelineSampleRate": "48000",
    "timelineSaveThumbsInProject": "0", "imageRetimeInterpolation": "nearest",
    "imageMotionEstimationMode": "standardFaster", "imageMotionEstimationRange": "medium",
    "imageResizeMode": "sharper", "imageDeinterlaceQuality": "normal",
    "imageEnableFieldProcessing": "0", "perfCacheClipsLocation": "",
    "perfOptimisedMediaOn": "1", "perfProxyMediaMode": "1", "perfRenderCacheMode": "none",
    "perfOptimizedResolutionRatio": "auto", "perfAutoRenderCacheEnable": "0",
    "perfAutoRenderCacheAfterTime": "5", "perfAutoRenderCacheTransition": "0",
    "perfAutoRenderCacheComposite": "0", "perfAutoRenderCacheFuEffect": "1",
    "perfOptimisedCodec": "ProResProxy", "perfProxyResolutionRatio": "half",
    "perfRenderCacheCodec": "ProRes422HQ", "isAutoColorManage": "0", "rcmPresetMode": "SDR",
    "separateColorSpaceAndGamma": "0", "colorScienceMode": "davinciYRGB",
    "colorSpaceTimeline": "Rec.709 Gamma 2.4", "colorSpaceTimelineGamma": "Gamma 2.4",
    "colorSpaceInput": "Rec.709 Gamma 2.4", "colorSpaceInputGamma": "Gamma 2.4",
    "colorSpaceOutput": "Rec.709 Gamma 2.4", "colorSpaceOutputGamma": "Gamma 2.4",
    "colorSpaceOutputToneMapping": "None", "inputDRT": "None", "outputDRT": "None",
    "useInverseDRT": "1", "timelineWorkingLuminanceMode": "SDR 100",
    "timelineWorkingLuminance": "100", "inputDRTSatRolloffStart": "100",
    "inputDRTSatRolloffLimit": "10000", "outputDRTSatRolloffStart": "100",
    "outputDRTSatRolloffLimit": "10000", "colorSpaceOutputGamutMapping": "None",
    "imageResizingGamma": "Log", "graphicsWhiteLevel": "100", "useCATransform": "0",
    "disableFusionToneMapping": "0", "useColorSpaceAwareGradingTools": "0",
    "colorAcesIDT": "No Input Transform", "colorAcesGamutCompressType": "None",
    "colorAcesODT": "No Output Transform", "colorAcesNodeLUTProcessingSpace": "acesccAp1",
    "colorSpaceOutputToneLuminanceMax": "100", "colorSpaceOutputGamutSaturationKnee": "0.9",
    "colorSpaceOutputGamutSaturationMax": "1", "colorKeyframeDynamicsStartProfile": "1",
    "colorKeyframeDynamicsEndProfile": "1", "colorLuminanceMixerDefaultZero": "0",
    "colorUseLegacyLogGrades": "0", "colorUseContrastSCurve": "1",
    "colorUseStereoConvergenceForEffects": "0", "colorUseLocalVersionsAsDefault": "1",
    "colorUseBGRPixelOrderForDPX": "0", "colorGalleryStillsLocation": "",
    "colorGalleryStillsNamingEnabled": "0", "colorGalleryStillsNamingPattern": "",
    "colorGalleryStillsNamingCustomPattern": "", "colorGalleryStillsNamingWithStillNumber": "1",
    "hdrMasteringOn": "0", "hdrMasteringLuminanceMax": "1000", "hdrDolbyControlsOn": "0",
    "hdrDolbyVersion": "4.0", "hdrDolbyAnalysisTuning": "balanced",
    "hdrDolbyMasterDisplay": "", "hdr10PlusControlsOn": "0", "audioOutputHasTimecode": "0",
    "videoMonitorFormat": "HD 1080p 24", "videoMonitorUseStereoSDI": "0",
    "videoMonitorUse444SDI": "0", "videoMonitorSDIConfiguration": "single",
    "videoDataLevels": "Video", "videoDataLevelsRetainSubblockAndSuperWhiteData": "0",
    "videoMonitorBitDepth": "10", "videoMonitorScaling": "bilinear",
    "videoMonitorUseHDROverHDMI": "0", "videoMonitorUseMatrixOverrideFor422SDI": "0",
    "videoMonitorMatrixOverrideFor422SDI": "Rec.709", "videoDeckFormat": "HD 1080p 24",
    "videoDeckUseStereoSDI": "0", "videoMonitorUseLevelA": "0", "videoDeckUse444SDI": "0",
    "videoDeckSDIConfiguration": "single", "videoDeckBitDepth": "10",
    "videoDeckUseAudoEdit": "1", "videoDeckNonAutoEditFrames": "0",
    "videoDeckPrerollSec": "5", "videoDeckOutputSyncSource": "auto",
    "videoDeckAdd32Pulldown": "0", "videoCaptureMode": "video_and_audio",
    "videoCaptureFormat": "QuickTime", "videoCaptureCodec": "ProRes422HQ",
    "videoCaptureIngestHandles": "0", "audioCaptureNumChannels": "2",
    "videoPlayoutMode": "video_and_audio", "videoPlayoutShowSourceTimecode": "0",
    "videoPlayoutShowLTC": "0", "videoPlayoutLTCFramesOffset": "0",
    "videoPlayoutAudioFramesOffset": "0", "audioPlayoutNumChannels": "2",
    "videoPlayoutBatchHeadDuration": "0", "videoPlayoutBatchTailDuration": "0",
    "limitBroadcastSafeOn": "0", "limitBroadcastSafeLevels": "20_120",
    "limitAudioMeterLUFS": "-23", "limitAudioMeterLoudnessScale": "EBU +9",
    "limitAudioMeterAlignLevel": "-18", "limitAudioMeterHighLevel": "-10",
    "limitAudioMeterLowLevel": "-40", "limitAudioMeterDisplayMode": "post_fader",
    "limitSubtitleCPL": "42", "limitSubtitleCaptionDurationSec": "7", "superScale": "0",
    "superScaleSharpness": "0.5", "superScaleNoiseReduction": "0.5",
    "superScaleSharpnessStrength": "Medium", "superScaleNoiseReductionStrength": "Medium",
    "transcriptionLanguage": "auto", "speakerDetection": "0", "nodeStackLayers": "1",
    "cloudProjectMediaLocation": "", "projectMediaLocation": "",
}
DEFAULT_SETTINGS.update({"colorVersion%dName" % n: "" for n in range(1, 11)})
READ_ONLY = ("timelinePlaybackFrameRate", "perfOptimisedCodec", "perfRenderCacheCodec",
             "videoDeckFormat", "videoCaptureFormat", "videoCaptureCodec",
             "superScaleSharpnessStrength", "superScaleNoiseReductionStrength")
BOOL_KEYS = tuple(k for k, v in DEFAULT_SETTINGS.items()
                  if v in ("0", "1") and k not in ("superScale", "perfProxyMediaMode"))
INT_RANGES = {"timelineResolutionWidth": (16, 32768), "timelineResolutionHeight": (16, 32768),
              "timelineOutputResolutionWidth": (16, 32768),
              "timelineOutputResolutionHeight": (16, 32768), "nodeStackLayers": (1, 16),
              "perfProxyMediaMode": (0, 2), "superScale": (0, 4)}
SAMPLE_RATES = ("44100", "48000", "88200", "96000", "176400", "192000")
PROJECT_PRESETS = {
    "HD 1080p 24": {"timelineResolutionWidth": "1920", "timelineResolutionHeight": "1080",
                    "timelineFrameRate": "24"},
    "HD 1080p 25": {"timelineResolutionWidth": "1920", "timelineResolutionHeight": "1080",
                    "timelineFrameRate": "25"},
    "HD 1080p 29.97": {"timelineResolutionWidth": "1920",
                       "timelineResolutionHeight": "1080", "timelineFrameRate": "29.97"},
    "HD 720p 50": {"timelineResolutionWidth": "1280", "timelineResolutionHeight": "720",
                   "timelineFrameRate": "50"},
    "UHD 2160p 23.976": {"timelineResolutionWidth": "3840",
                         "timelineResolutionHeight": "2160", "timelineFrameRate": "23.976"},
    "DCI 4K 24": {"timelineResolutionWidth": "4096", "timelineResolutionHeight": "2160",
                  "timelineFrameRate": "24"},
}
SPEECH_KEYS = {"TextInput": str, "VoiceModel": str, "CustomVoiceFile": str, "Speed": int,
               "Variation": int, "Pitch": int, "GenerationID": int, "Filename": str,
               "AddToTimeline": bool, "AudioTrack": int}
STILL_EXTS = (".dpx", ".cin", ".tif", ".tiff", ".jpg", ".jpeg", ".png", ".ppm", ".bmp",
              ".xpm", ".exr")


# -------------------------------------------------------------- lifecycle ---

def create_project(w, name, folder, untitled=False):
    """Create a project record, its pool/gallery data and load it (caller unloads first)."""
    pid = w.new_id()
    stamp = core.now_iso()
    w.objs[pid] = {"t": "Project", "id": pid, "name": name, "folder": folder,
                   "untitled": untitled, "created": stamp, "modified": stamp, "notes": "",
                   "cloud": None, "saved": None, "d": None}
    settings = dict(DEFAULT_SETTINGS)
    d = {"settings": settings, "timelines": [], "cur_tl": None, "color_groups": [],
         "luts": [], "burnin": None, "render": sim_render.default_render(settings),
         "intellisearch": False}
    w.objs[pid]["d"] = d
    root = sim_media.new_folder(w, pid, "Master")
    pool = w.new_id()
    w.objs[pool] = {"t": "MediaPool", "p": pid, "root": root, "cur": root, "selected": []}
    d["pool"] = pool
    d["gallery"] = sim_color.new_gallery(w, pid)
    sim_color.refresh_luts(w, d)  # a freshly loaded project scans the LUT folders once
    w.S["cur_project"] = pid
    new_generation(w)
    if not untitled:
        w.objs[pid]["held"] = True
        snapshot(w, pid)
    return pid


def new_generation(w):
    """A project was loaded: handles minted before are dead from now on."""
    w.S["gen"] = w.S.get("gen", 0) + 1


def children(w, pid):
    return [oid for oid, o in w.objs.items() if o.get("p") == pid]


def snapshot(w, pid):
    p = w.objs[pid]
    p["saved"] = {"d": core.deep(p["d"]),
                  "objs": {oid: core.deep(w.objs[oid]) for oid in children(w, pid)}}
    p["modified"] = core.now_iso()
    saved = core.HOOKS.get("project_saved")  # a shared database (sim_hosts.py)
    if saved:
        saved(w, pid)


def unload(w, pid, save):
    """Take the loaded project out of memory (saving it first if asked)."""
    p = w.objs.get(pid)
    if p is None or p.get("d") is None:
        return
    if save and not p["untitled"]:
        snapshot(w, pid)
    for oid in children(w, pid):
        del w.objs[oid]
    p["d"] = None
    if w.S.get("cur_project") == pid:
        w.S["cur_project"] = None
    if p["untitled"]:
        del w.objs[pid]


def load(w, pid):
    p = w.objs[pid]
    if p["saved"] is None:
        return False
    w.objs.update(core.deep(p["saved"]["objs"]))
    p["d"] = core.deep(p["saved"]["d"])
    w.S["cur_project"] = pid
    p["held"] = True  # it stays locked against DeleteProject until CloseProject
    new_generation(w)
    sim_color.refresh_luts(w, p["d"])  # loading a project scans the LUT folders once
    return True


def new_untitled(w):
    return create_project(w, "Untitled Project", w.S["pm_folder"], untitled=True)


def switch_to(w, pid):
    """Unload the current project (auto-saved unless untitled) and load ``pid``."""
    cur = w.S.get("cur_project")
    if cur == pid:
        return True
    if cur:
        unload(w, cur, save=True)
    return load(w, pid)


def remap_ids(w, data):
    """Give imported project data fresh ids (so the same file can be imported twice)."""
    mapping = {oid: w.new_id() for oid in data["objs"]}

    def walk(v):
        if isinstance(v, dict):
            return {mapping.get(k, k): walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        if isinstance(v, str):
            return mapping.get(v, v)
        return v
    return walk(data)


def install_project(w, name, folder, data):
    """Create a (not loaded) project from exported data."""
    pid = w.new_id()
    data = remap_ids(w, data)
    for o in data["objs"].values():
        o["p"] = pid
    stamp = core.now_iso()
    w.objs[pid] = {"t": "Project", "id": pid, "name": name, "folder": folder,
                   "untitled": False, "created": stamp, "modified": stamp, "notes": "",
                   "cloud": None, "saved": data, "d": None}
    return pid


def export_data(w, pid):
    p = w.objs[pid]
    if p.get("d") is not None:
        return {"d": core.deep(p["d"]),
                "objs": {oid: core.deep(w.objs[oid]) for oid in children(w, pid)}}
    return core.deep(p["saved"])


# ---------------------------------------------------------------- Project ---

@core.register
class Project(sim_render.RenderMixin, core.Obj):
    __slots__ = ()

    def _alive(self):
        o = self._w.objs.get(self._id)
        return o is not None and o.get("d") is not None and self._g == self._w.S.get("gen", 0)

    @property
    def _d(self):
        return self._o["d"]

    @api(None)
    def GetMediaPool(self):
        return self._w.proxy("MediaPool", self._d["pool"])

    @api(0)
    def GetTimelineCount(self):
        return len(self._d["timelines"])

    @api(None)
    def GetTimelineByIndex(self, idx):
        tls = self._d["timelines"]
        if not core.is_int(idx) or not 1 <= idx <= len(tls):
            return None
        return self._w.proxy("Timeline", tls[idx - 1])

    @api(None)
    def GetCurrentTimeline(self):
        tid = self._d.get("cur_tl")
        return self._w.proxy("Timeline", tid) if tid else None

    @api(False)
    def SetCurrentTimeline(self, timeline):
        if not isinstance(timeline, core.REG["Timeline"]) or not timeline._alive():
            return False
        if timeline._id not in self._d["timelines"]:
            return False
        self._d["cur_tl"] = timeline._id
        return True

    @api(None)
    def GetGallery(self):
        return self._w.proxy("Gallery", self._d["gallery"])

    @api("")
    def GetName(self):
        return self._o["name"]

    @api(False)
    def SetName(self, projectName):
        if not core.is_str(projectName) or not projectName.strip():
            return False
        o = self._o
        names = [p["name"] for p in self._w.objs.values() if p.get("t") == "Project"
                 and p["folder"] == o["folder"] and p is not o and not p["untitled"]]
        if projectName in names:
            return False
        o["name"] = projectName
        return True

    @api([])
    def GetPresetList(self):
        out = [{"Name": "Current Project", "Width": int(self._d["settings"][
            "timelineResolutionWidth"]), "Height": int(self._d["settings"][
                "timelineResolutionHeight"])}]
        for name, s in PROJECT_PRESETS.items():
            out.append({"Name": name, "Width": int(s["timelineResolutionWidth"]),
                        "Height": int(s["timelineResolutionHeight"])})
        return out

    @api(False)
    def SetPreset(self, presetName):
        preset = PROJECT_PRESETS.get(presetName) if core.is_str(presetName) else None
        if preset is None:
            return False
        values = dict(preset)
        if self._d["timelines"] and values["timelineFrameRate"] != self._d["settings"][
                "timelineFrameRate"]:
            values.pop("timelineFrameRate")
        self._d["settings"].update(values)
        return True

    @api("")
    def GetSetting(self, settingName=None):
        s = dict(self._d["settings"])
        # measured (19.1.3.7): the frame rate reads back as a number (24.0); others are strings
        s["timelineFrameRate"] = float(s["timelineFrameRate"])
        if settingName in (None, ""):
            return s
        if not core.is_str(settingName):
            return ""
        return s.get(settingName, "")

    @api(False)
    def SetSetting(self, settingName, settingValue, *extra):
        s = self._d["settings"]
        if settingName not in s or settingName in READ_ONLY:
            return False
        if settingName == "superScale":
            value = int(settingValue) if core.is_num(settingValue) or (
                core.is_str(settingValue) and settingValue.isdigit()) else None
            if value is None or not 0 <= value <= 4:
                return False
            if extra:
                if len(extra) != 2 or value != 2 or not all(
                        core.is_num(x) and 0.0 <= x <= 1.0 for x in extra):
                    return False
                s["superScaleSharpness"], s["superScaleNoiseReduction"] = (
                    str(float(extra[0])), str(float(extra[1])))
            s["superScale"] = str(value)
            return True
        if extra or not core.is_str(settingValue):
            return False
        if settingName == "timelineFrameRate":
            parsed = tcm.parse_rate(settingValue)
            if parsed is None or self._d["timelines"]:
                return False  # the project rate is locked once a timeline exists
            fps, _, drop = parsed
            s["timelineFrameRate"] = core.rate_label(fps)
            s["timelinePlaybackFrameRate"] = core.rate_label(fps)
            if drop:
                s["timelineDropFrameTimecode"] = "1"
            elif settingValue.strip().upper().endswith("NDF") or core.rate_label(fps) not in (
                    "29.97", "59.94"):
                s["timelineDropFrameTimecode"] = "0"
            return True
        if settingName == "timelineDropFrameTimecode":
            if settingValue not in ("0", "1") or self._d["timelines"]:
                return False
            if settingValue == "1" and s["timelineFrameRate"] not in ("29.97", "59.94"):
                return False
        elif settingName in INT_RANGES:
            lo, hi = INT_RANGES[settingName]
            if not settingValue.isdigit() or not lo <= int(settingValue) <= hi:
                return False
        elif settingName == "timelineSampleRate":
            if settingValue not in SAMPLE_RATES:
                return False
        elif settingName in BOOL_KEYS and settingValue not in ("0", "1"):
            return False
        s[settingName] = settingValue
        return True

    @api(False)
    def RefreshLUTList(self):
        return sim_color.refresh_luts(self._w, self._d)

    @api("")
    def GetUniqueId(self):
        return self._id

    @api(False)
    def InsertAudioToCurrentTrackAtPlayhead(self, mediaPath, startOffsetInSamples,
                                            durationInSamples):
        w = self._w
        if w.S["app"]["page"] != "fairlight":
            return False
        tid = self._d.get("cur_tl")
        if not tid or not core.is_int(startOffsetInSamples) or not core.is_int(
                durationInSamples):
            return False
        if startOffsetInSamples < 0 or durationInSamples <= 0:
            return False
        data = sim_media.media_info(w, mediaPath)
        if data is None or not data["channels"] or not data.get("sample_rate"):
            return False
        tl = w.objs[tid]
        track = next((n for n, t in enumerate(tl["tracks"]["audio"], 1)
                      if not t["locked"]), None)
        if track is None:
            return False
        rate = float(data["sample_rate"])
        start = int(startOffsetInSamples * tl["fps"] / rate)
        length = max(1, int(round(durationInSamples * tl["fps"] / rate)))
        if start + length > data["frames"]:
            return False
        cid = sim_media.find_clip_by_path(w, path=data["path"])
        if cid is None:
            cid = sim_media.clip_from_info(w, self._id, w.objs[self._d["pool"]]["cur"], data)
        rec = tl["playhead"]
        if not sim_timeline.free(w, tl["tracks"]["audio"][track - 1], rec, rec + length):
            return False
        sim_item.new_item(w, tid, "audio", track, rec, rec + length, start, start + length,
                          cid, "clip", w.objs[cid]["props"]["Clip Name"])
        sim_timeline.refresh_clip(w, tid)
        return True

    @api(False)
    def LoadBurnInPreset(self, presetName):
        if presetName not in self._w.S["app"]["burnin_presets"]:
            return False
        self._d["burnin"] = presetName
        return True

    @api(False)
    def ExportCurrentFrameAsStill(self, filePath):
        if not core.is_str(filePath) or os.path.splitext(filePath)[1].lower() not in STILL_EXTS:
            return False
        tid = self._d.get("cur_tl")
        if not tid or not os.path.isdir(os.path.dirname(os.path.abspath(filePath))):
            return False
        tl = self._w.proxy("Timeline", tid)
        if tl._video_at(self._w.objs[tid]["playhead"]) is None:
            return False
        import sim_pixels  # real pixels, loaded on first use
        data = sim_pixels.export_current_frame(self._w, tid, filePath)
        with open(filePath, "wb") as fh:
            fh.write(data)
        return True

    @api([])
    def GetColorGroupsList(self):
        return [self._w.proxy("ColorGroup", g) for g in self._d["color_groups"]]

    @api(None)
    def AddColorGroup(self, groupName):
        if not core.is_str(groupName) or not groupName.strip():
            return None
        if groupName in [self._w.objs[g]["name"] for g in self._d["color_groups"]]:
            return None
        gid = sim_color.new_color_group(self._w, self._id, groupName)
        self._d["color_groups"].append(gid)
        return self._w.proxy("ColorGroup", gid)

    @api(False)
    def DeleteColorGroup(self, colorGroup):
        w = self._w
        if not isinstance(colorGroup, core.REG["ColorGroup"]) or not colorGroup._alive():
            return False
        gid = colorGroup._id
        for o in w.objs.values():
            if o.get("t") == "TimelineItem" and o.get("cgroup") == gid:
                o["cgroup"] = None  # clips of a deleted group become ungrouped
        g = w.objs.pop(gid)
        w.objs.pop(g["pre"], None)
        w.objs.pop(g["post"], None)
        self._d["color_groups"].remove(gid)
        return True

    @api(False)
    def ApplyFairlightPresetToCurrentTimeline(self, name):
        tid = self._d.get("cur_tl")
        if not tid or name not in self._w.S["app"]["fairlight_presets"]:
            return False
        self._w.objs[tid]["fairlight_preset"] = name
        return True

    @api(False, studio=True)
    def ResetIntellisearchAnalysis(self):
        for o in self._w.objs.values():
            if o.get("t") == "MediaPoolItem":
                o.get("flags_ai", {}).pop("intellisearch", None)
        return True

    @api(None, studio=True)
    def GenerateSpeech(self, speechGenerationSettings, timecode=None):
        w = self._w
        s = speechGenerationSettings
        if not isinstance(s, dict):
            return None
        for k, v in s.items():
            if k not in SPEECH_KEYS or not isinstance(v, SPEECH_KEYS[k]):
                return None
        text = s.get("TextInput", "")
        if not text or len(text) > 350:
            return None
        if s.get("CustomVoiceFile") and not os.path.isfile(s["CustomVoiceFile"]):
            return None
        fps = core.rate_of(self._d["settings"]["timelineFrameRate"])[0]
        frames = max(1, int(round(len(text.split()) * 0.4 * fps)))
        name = s.get("Filename") or "Generated Speech"
        pool = w.objs[self._d["pool"]]
        cid = sim_media.new_virtual_clip(w, self._id, pool["cur"], name, "audio", frames, fps,
                                         "Audio")
        clip = w.objs[cid]
        clip["channels"], clip["sample_rate"] = 1, 48000
        clip["props"].update({"Audio Ch": "1", "Sample Rate": "48000",
                              "Comments": text, "Audio Codec": "Linear PCM"})
        clip["meta"]["Description"] = text
        if s.get("AddToTimeline"):
            tid = self._d.get("cur_tl")
            if tid:
                tl = w.objs[tid]
                rec = tl["playhead"]
                if core.is_str(timecode) and timecode:
                    rec = tcm.tc_to_frames(timecode, tl["fps"], tl["drop"])
                    if rec is None:
                        return None
                info = {"clip": cid, "start": 0, "end": frames, "record": rec,
                        "track": s.get("AudioTrack") or 1, "media": 2}
                sim_timeline.append_infos(w, tid, [info])
        return w.proxy("MediaPoolItem", cid)
