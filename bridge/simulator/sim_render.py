"""Deliver page: formats/codecs, presets, render settings, render queue, quick export.

Rendering runs in simulated wall-clock time: each job takes
RESOLVE_SIM_RENDER_SECONDS (default 2.0) seconds and jobs of one StartRendering
call run one after another.  Progress is computed lazily from time.monotonic()
whenever a render call is made; a daemon timer also writes the placeholder output
file when a job finishes, so the file exists even if nobody polls.
RESOLVE_SIM_RENDER_FAIL=<name> makes each job whose output name (CustomName, else the
timeline's name) is <name> fail halfway through, with JobStatus "Failed" and an "Error",
writing no file; the jobs after it still render.
"""

import json
import os
import time

import sim_core as core
import sim_timecode
import sim_timeline
from sim_core import api

# The render catalogue of Studio 19.1.3.7 (20 formats: HLS and MTS, no WebM); 21.0 adds
# PNG, JPEG and WebP (23 formats on 21.0.4.5). Source: samuelgursky/davinci-resolve-mcp
# src/utils/delivery_targets.py and src/utils/api_truth.py (NOTES.md, "Measured").
FORMATS = {"AVI": "avi", "BRAW": "braw", "Cineon": "cin", "DCP": "dcp", "DPX": "dpx",
           "EXR": "exr", "GIF": "gif", "HLS": "m3u8", "IMF": "imf", "JPEG 2000": "j2c",
           "MJ2": "mj2", "MKV": "mkv", "MP4": "mp4", "MTS": "mts", "MXF OP-Atom": "mxf",
           "MXF OP1A": "mxf_op1a", "Panasonic AVC": "pavc", "QuickTime": "mov",
           "TIFF": "tif", "Wave": "wav"}
FORMATS_21 = {"PNG": "png", "JPEG": "jpg", "WebP": "webp"}
# DNx ids are the same on 19 and 21; 21.x prefixes every description with "Avid ".
DNX = {"DNxHRLB": "DNxHR LB", "DNxHRSQ": "DNxHR SQ", "DNxHRHQ": "DNxHR HQ",
       "DNxHRHQX_10": "DNxHR HQX 10-bit", "DNxHR444_12": "DNxHR 444 12-bit",
       "DNxHD1080p220_10": "DNxHD 1080p 220/185/175 10-bit"}
DNX_21 = {"DNxHRLB": "Avid DNxHR LB 12-bit", "DNxHRSQ": "Avid DNxHR SQ 12-bit",
          "DNxHRHQ": "Avid DNxHR HQ 12-bit", "DNxHRHQX_10": "Avid DNxHR HQX 10-bit",
          "DNxHR444_12": "Avid DNxHR 444 12-bit",
          "DNxHD1080p220_10": "Avid DNxHD 1080p 220/185/175 10-bit"}
# Formats listed with no codec at all: every codec value is refused for them.
NO_CODECS = ("gif", "wav")
NO_CODECS_21 = ("braw", "mts", "wav")
ADVERTISED_ONLY = ("m3u8",)  # 21.0.4.5: lists H.264, yet refuses every codec
CODECS = {
    "mov": {"Apple ProRes 422 HQ": "ProRes422HQ", "Apple ProRes 422": "ProRes422",
            "Apple ProRes 422 LT": "ProRes422LT", "Apple ProRes 422 Proxy": "ProRes422Proxy",
            "Apple ProRes 4444": "ProRes4444", "Apple ProRes 4444 XQ": "ProRes4444XQ",
            "GoPro CineForm": "CFHD", "H.264": "H264", "H.265": "H265",
            "Uncompressed 10-bit 4:2:2": "R210", "DNxHR 444 12-bit": "DNxHR444_12",
            "DNxHR HQX 10-bit": "DNxHRHQX_10", "DNxHR HQ": "DNxHRHQ", "DNxHR SQ": "DNxHRSQ",
            "DNxHR LB": "DNxHRLB"},
    "mp4": {"H.264": "H264", "H.265": "H265", "AV1": "AV1"},
    "mkv": {"H.264": "H264", "H.265": "H265", "AV1": "AV1"},
    "m3u8": {"H.264": "H264"},
    "mts": {"H.264": "H264"},
    "avi": {"Uncompressed 8-bit YUV 4:2:2": "UYVY", "DNxHR HQ": "DNxHRHQ"},
    "mxf_op1a": {"DNxHR HQX 10-bit": "DNxHRHQX_10", "DNxHR HQ": "DNxHRHQ",
                 "DNxHR SQ": "DNxHRSQ", "Apple ProRes 422 HQ": "ProRes422HQ",
                 "XAVC Intra 100": "XAVCIntra100", "XDCAM HD 422 50": "XDCAMHD42250"},
    "mxf": {"DNxHR HQX 10-bit": "DNxHRHQX_10", "DNxHR HQ": "DNxHRHQ",
            "DNxHD 1080p 220/185/175 10-bit": "DNxHD1080p220_10"},
    "braw": {"Blackmagic RAW Q0": "BRAWQ0", "Blackmagic RAW 3:1": "BRAW31"},
    "cin": {"RGB 10 bits": "RGB10"},
    "dpx": {"RGB 10 bits": "RGB10", "RGB 12 bits": "RGB12", "RGB 16 bits": "RGB16"},
    "exr": {"RGB half (No compression)": "RGBHalf", "RGB float (No compression)": "RGBFloat"},
    "tif": {"RGB 8 bits": "RGB8", "RGB 16 bits": "RGB16"},
    "gif": {"GIF": "GIF"},
    "png": {"RGB 8 bits": "RGB8"},
    "jpg": {"JPEG": "JPEG"},
    "webp": {"WebP": "WebP"},
    "j2c": {"JPEG 2000 8 bit": "J2K8", "JPEG 2000 12 bit": "J2K12"},
    "mj2": {"JPEG 2000 Lossless": "J2KLossless"},
    "dcp": {"Kakadu JPEG 2000 2K": "KakaduJ2K2K", "Kakadu JPEG 2000 4K": "KakaduJ2K4K"},
    "imf": {"Kakadu JPEG 2000": "KakaduJ2K"},
    "pavc": {"AVC-Intra 100": "AVCIntra100"},
}


def render_formats(w):
    """{format name: extension} of this version and edition."""
    out = dict(FORMATS, **FORMATS_21) if w.version >= (21, 0, 0) else dict(FORMATS)
    return {k: v for k, v in out.items() if not (w.free and v in STUDIO_FORMATS)}


def render_codecs(w, fmt):
    """{description: id} Resolve lists for a render format ({} for unknown formats)."""
    new = w.version >= (21, 0, 0)
    if fmt not in render_formats(w).values() or fmt in (NO_CODECS_21 if new else NO_CODECS):
        return {}
    labels = DNX_21 if new else DNX
    return {labels.get(cid, desc): cid for desc, cid in CODECS.get(fmt, {}).items()}


EXTENSIONS = {"mxf_op1a": "mxf", "pavc": "mxf", "imf": "mxf", "dcp": "mxf"}
STUDIO_FORMATS = ("dcp", "imf")
AUDIO_ONLY = ("wav",)
RESOLUTIONS = [(720, 480), (720, 576), (1280, 720), (1920, 1080), (2048, 1080), (2560, 1440),
               (3840, 2160), (4096, 2160), (7680, 4320), (8192, 4320)]
BUILTIN_PRESETS = {
    "H.264 Master": ("mp4", "H264", 1920, 1080, {}),
    "H.265 Master": ("mp4", "H265", 1920, 1080, {}),
    "ProRes 422 HQ": ("mov", "ProRes422HQ", 1920, 1080, {}),
    "ProRes 4444 XQ": ("mov", "ProRes4444XQ", 1920, 1080, {}),
    "YouTube - 720p": ("mp4", "H264", 1280, 720, {}),
    "YouTube - 1080p": ("mp4", "H264", 1920, 1080, {}),
    "YouTube - 2160p": ("mp4", "H264", 3840, 2160, {}),
    "Vimeo - 1080p": ("mp4", "H264", 1920, 1080, {}),
    "TikTok - 1080p": ("mp4", "H264", 1080, 1920, {}),
    "Twitter - 1080p": ("mp4", "H264", 1920, 1080, {}),
    "Audio Only": ("wav", "LinearPCM", 1920, 1080, {"ExportVideo": False}),
}
QUICK_EXPORT = {"H.264": ("mp4", False), "H.265": ("mp4", False), "ProRes": ("mov", False),
                "YouTube": ("mp4", True), "Vimeo": ("mp4", True), "TikTok": ("mp4", True),
                "Dropbox": ("mp4", True), "Frame.io": ("mp4", True)}
SETTING_TYPES = {
    "SelectAllFrames": "bool", "MarkIn": "int", "MarkOut": "int", "TargetDir": "str",
    "CustomName": "str", "UniqueFilenameStyle": (0, 1), "ExportVideo": "bool",
    "ExportAudio": "bool", "FormatWidth": "pos", "FormatHeight": "pos", "FrameRate": "num",
    "PixelAspectRatio": ("16_9", "4_3", "square", "cinemascope"), "VideoQuality": "quality",
    "AudioCodec": "str", "AudioBitDepth": "pos", "AudioSampleRate": "pos",
    "ColorSpaceTag": "str", "GammaTag": "str", "ExportAlpha": "bool",
    "EncodingProfile": "str", "MultiPassEncode": "bool", "AlphaMode": (0, 1),
    "NetworkOptimization": "bool", "ClipStartFrame": "int", "TimelineStartTimecode": "tc",
    "ReplaceExistingFilesInPlace": "bool", "ExportSubtitle": "bool",
    "SubtitleFormat": ("BurnIn", "EmbeddedCaptions", "SeparateFile"),
    "UseFullExtents": "bool", "AddFrameHandles": "nonneg", "DataBurnIn": "str",
}
SETTING_SINCE = {"ClipStartFrame": "19.1", "TimelineStartTimecode": "19.1",
                 "ReplaceExistingFilesInPlace": "19.1", "ExportSubtitle": "20.2",
                 "SubtitleFormat": "20.2", "UseFullExtents": "21.0.4",
                 "AddFrameHandles": "21.0.4", "DataBurnIn": "21.0.4"}
QUALITIES = ("Least", "Low", "Medium", "High", "Best")


def default_render(project_settings):
    return {"format": "mov", "codec": "H264", "mode": 1, "preset": "", "jobs": [],
            "n": 0, "settings": {
                "SelectAllFrames": True, "MarkIn": None, "MarkOut": None, "TargetDir": "",
                "CustomName": "", "UniqueFilenameStyle": 0, "ExportVideo": True,
                "ExportAudio": True,
                "FormatWidth": int(project_settings.get("timelineResolutionWidth", 1920)),
                "FormatHeight": int(project_settings.get("timelineResolutionHeight", 1080)),
                "FrameRate": float(project_settings.get("timelineFrameRate", "24")),
                "PixelAspectRatio": "square", "VideoQuality": 0, "AudioCodec": "lpcm",
                "AudioBitDepth": 24, "AudioSampleRate": 48000,
                "ColorSpaceTag": "Same as Project", "GammaTag": "Same as Project",
                "ExportAlpha": False, "EncodingProfile": "Auto", "MultiPassEncode": False,
                "AlphaMode": 0, "NetworkOptimization": False, "ClipStartFrame": 0,
                "TimelineStartTimecode": "", "ReplaceExistingFilesInPlace": False,
                "ExportSubtitle": False, "SubtitleFormat": "BurnIn", "UseFullExtents": False,
                "AddFrameHandles": 0, "DataBurnIn": "Same as project"}}


def render_seconds():
    try:
        return max(0.0, float(os.environ.get("RESOLVE_SIM_RENDER_SECONDS", "2.0")))
    except ValueError:
        return 2.0


def render_failure(job):
    """The Error a job is set to fail with (RESOLVE_SIM_RENDER_FAIL), or ""."""
    name = os.environ.get("RESOLVE_SIM_RENDER_FAIL", "")
    if name and job["_name"] == name:
        return "Simulated render failure (RESOLVE_SIM_RENDER_FAIL=%s)" % name
    return ""


def check_setting(w, key, value):
    kind = SETTING_TYPES.get(key)
    if kind is None or not w.since_ok(SETTING_SINCE.get(key, "17.4")):
        return None
    if kind == "bool":
        return core.as_bool(value)
    if kind == "int":
        if not core.is_int(value):
            raise ValueError(key)
        return value
    if kind in ("pos", "nonneg"):
        if not core.is_int(value) or value < (1 if kind == "pos" else 0):
            raise ValueError(key)
        return value
    if kind == "num":
        if not core.is_num(value) or value <= 0:
            raise ValueError(key)
        return float(value)
    if kind == "str":
        if not core.is_str(value):
            raise ValueError(key)
        return value
    if kind == "tc":
        if not core.is_str(value) or not value or value.count(":") + value.count(";") != 3:
            raise ValueError(key)
        return value
    if kind == "quality":
        if core.is_int(value) and value >= 0 or value in QUALITIES:
            return value
        raise ValueError(key)
    if value not in kind or isinstance(value, bool):
        raise ValueError(key)
    return value


def preset_table(w):
    table = {}
    for name, (fmt, codec, width, height, extra) in BUILTIN_PRESETS.items():
        table[name] = {"format": fmt, "codec": codec, "builtin": True,
                       "settings": dict(extra, FormatWidth=width, FormatHeight=height)}
    table.update(w.S["app"]["render_presets"])
    return table


def out_name(job):
    ext = EXTENSIONS.get(job["VideoFormat"], job["VideoFormat"])
    return "%s.%s" % (job["_name"], ext)


def write_placeholder(path, job):
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    with open(path, "w") as fh:
        fh.write("SIMULATED RENDER OUTPUT - DaVinci Resolve simulator\n"
                 "This file stands in for rendered media; it contains no video.\n")
        fh.write(json.dumps({k: v for k, v in job.items() if not k.startswith("_")},
                            indent=1, sort_keys=True, default=str) + "\n")


def finish(job):
    """Write the output once a job is complete (idempotent)."""
    if job.get("_written") or job["_status"] != "Complete":
        return
    job["_written"] = True
    try:
        write_placeholder(os.path.join(job["TargetDir"], job["OutputFilename"]), job)
    except OSError as exc:
        job["_status"], job["_error"] = "Failed", "Cannot write output: %s" % exc


def update(w, d):
    """Advance every job of the current batch to its state at time.monotonic()."""
    now = time.monotonic()
    for job in d["render"]["jobs"]:
        if job["_status"] not in ("Rendering", "Queued") or job.get("_t0") is None:
            continue
        if job.get("_fail") and now >= (job["_t0"] + job["_t1"]) / 2:
            fail(job)
        elif now >= job["_t1"]:
            job["_status"] = "Complete"
            job["_pct"] = 100
            finish(job)
        elif now >= job["_t0"]:
            job["_status"] = "Rendering"
            span = max(1e-9, job["_t1"] - job["_t0"])
            job["_pct"] = min(99, int(100 * (now - job["_t0"]) / span))


def status_of(job):
    st = job["_status"]
    if st == "Queued":
        return {"JobStatus": "Ready", "CompletionPercentage": 0}
    out = {"JobStatus": st, "CompletionPercentage": job.get("_pct", 0)}
    if st == "Rendering":
        out["EstimatedTimeRemainingInMs"] = max(0, int((job["_t1"] - time.monotonic()) * 1000))
    elif st == "Complete":
        out["TimeTakenToRenderInMs"] = int(round((job["_t1"] - job["_t0"]) * 1000))
    elif st == "Failed":
        out["Error"] = job.get("_error") or "Render failed"
    return out


def fail(job):
    job["_status"], job["_error"], job["_pct"] = "Failed", job["_fail"], 50


def _timer_finish(job):
    if job["_status"] in ("Rendering", "Queued") and job.get("_fail"):
        fail(job)
    elif job["_status"] in ("Rendering", "Queued") and time.monotonic() >= job["_t1"] - 1e-3:
        job["_status"], job["_pct"] = "Complete", 100
        finish(job)


def public_job(job):
    return {k: v for k, v in job.items() if not k.startswith("_")}


class RenderMixin(object):
    """Render methods of Project (kept in their own module for size)."""

    __slots__ = ()

    def _r(self):
        return self._o["d"]["render"]

    def _job(self, jobId):
        for job in self._r()["jobs"]:
            if job["JobId"] == jobId:
                return job
        return None

    @api("")
    def AddRenderJob(self):
        w = self._w
        d = self._o["d"]
        r = d["render"]
        tid = d.get("cur_tl")
        s = r["settings"]
        if not tid or not s.get("TargetDir"):
            return ""
        tl = w.objs[tid]
        end = sim_timeline.tl_end(w, tl)
        if s["SelectAllFrames"] or s.get("MarkIn") is None or s.get("MarkOut") is None:
            mark_in, mark_out = tl["start"], max(tl["start"], end - 1)
        else:
            mark_in, mark_out = s["MarkIn"], s["MarkOut"]
            if mark_out < mark_in:
                return ""
        if r["format"] in AUDIO_ONLY and not s["ExportAudio"]:
            return ""
        if r["format"] not in AUDIO_ONLY and not (s["ExportVideo"] or s["ExportAudio"]):
            return ""
        r["n"] += 1
        jid = w.new_id()
        name = s["CustomName"] or tl["name"]
        job = {"JobId": jid, "RenderJobName": "Job %d" % r["n"], "TimelineName": tl["name"],
               "TargetDir": s["TargetDir"], "IsExportVideo": bool(s["ExportVideo"]) and
               r["format"] not in AUDIO_ONLY, "IsExportAudio": bool(s["ExportAudio"]),
               "FormatWidth": s["FormatWidth"], "FormatHeight": s["FormatHeight"],
               "FrameRate": core.rate_label(s["FrameRate"]),
               "PixelAspectRatio": {"square": 1.0, "cinemascope": 2.0, "16_9": 1.185,
                                    "4_3": 0.889}[s["PixelAspectRatio"]],
               "MarkIn": mark_in, "MarkOut": mark_out, "AudioBitDepth": s["AudioBitDepth"],
               "AudioSampleRate": s["AudioSampleRate"], "ExportAlpha": s["ExportAlpha"],
               "AlphaMode": s["AlphaMode"], "OutputFilename": "",
               "RenderMode": "Single clip" if r["mode"] == 1 else "Individual clips",
               "PresetName": r["preset"] or "Custom", "VideoFormat": r["format"],
               "VideoCodec": r["codec"], "AudioCodec": s["AudioCodec"],
               "EncodingProfile": s["EncodingProfile"], "MultiPassEncode": s["MultiPassEncode"],
               "NetworkOptimization": s["NetworkOptimization"], "UploadStatus": "",
               "ClipStartFrame": s["ClipStartFrame"],
               "TimelineStartTimecode": s["TimelineStartTimecode"] or tl_start_tc(tl),
               "ReplaceExistingFilesInPlace": s["ReplaceExistingFilesInPlace"],
               "_status": "Ready", "_pct": 0, "_name": name, "_tl": tid, "_t0": None,
               "_t1": None, "_error": "", "_written": False}
        job["OutputFilename"] = out_name(job)
        r["jobs"].append(job)
        return jid

    @api(False)
    def DeleteRenderJob(self, jobId):
        update(self._w, self._o["d"])
        job = self._job(jobId)
        if job is None or job["_status"] in ("Rendering", "Queued"):
            return False
        self._r()["jobs"].remove(job)
        return True

    @api(False)
    def DeleteAllRenderJobs(self):
        update(self._w, self._o["d"])
        if any(j["_status"] in ("Rendering", "Queued") for j in self._r()["jobs"]):
            return False
        self._r()["jobs"] = []
        return True

    @api([])
    def GetRenderJobList(self):
        update(self._w, self._o["d"])
        return [public_job(j) for j in self._r()["jobs"]]

    @api([])
    def GetRenderPresetList(self):
        return list(preset_table(self._w))

    @api(False)
    def StartRendering(self, *args, **kwargs):
        w = self._w
        d = self._o["d"]
        update(w, d)
        r = d["render"]
        interactive = kwargs.pop("isInteractiveMode", False)
        if kwargs:
            return False
        core.as_bool(interactive)
        ids = None
        if len(args) == 1 and isinstance(args[0], bool):
            pass
        elif args and isinstance(args[0], (list, tuple)):
            if len(args) > 2 or (len(args) == 2 and not isinstance(args[1], bool)):
                return False
            ids = list(args[0])
        elif args:
            ids = list(args)
        if any(j["_status"] in ("Rendering", "Queued") for j in r["jobs"]):
            return False
        if ids is None:
            jobs = [j for j in r["jobs"] if j["_status"] != "Complete"]
        else:
            if not ids or not all(core.is_str(i) for i in ids):
                return False
            jobs = [self._job(i) for i in ids]
            if any(j is None for j in jobs):
                return False
        if not jobs:
            return False
        import threading  # here, not at the top: only a render needs it

        dur = render_seconds()
        t = time.monotonic()
        for job in jobs:
            job["_error"], job["_written"] = "", False
            if job["_tl"] not in w.objs:
                job.update({"_status": "Failed", "_error": "Timeline not found", "_t0": None})
                continue
            job.update({"_status": "Queued", "_pct": 0, "_t0": t, "_t1": t + dur,
                        "_fail": render_failure(job)})
            timer = threading.Timer(t + dur - time.monotonic(), _timer_finish, (job,))
            timer.daemon = True
            timer.start()
            t += dur
        update(w, d)
        return True

    @api(None)
    def StopRendering(self):
        d = self._o["d"]
        update(self._w, d)
        for job in d["render"]["jobs"]:
            if job["_status"] in ("Rendering", "Queued"):
                job["_status"] = "Cancelled"
        return None

    @api(False)
    def IsRenderingInProgress(self):
        update(self._w, self._o["d"])
        rendering = any(j["_status"] in ("Rendering", "Queued") for j in self._r()["jobs"])
        polled = core.HOOKS.get("render_polled")  # a machine set to die (sim_hosts.py)
        if polled:
            polled(rendering)
        return rendering

    @api(False)
    def LoadRenderPreset(self, presetName):
        preset = preset_table(self._w).get(presetName) if core.is_str(presetName) else None
        if preset is None:
            return False
        apply_preset(self._r(), presetName, preset)
        return True

    @api(False)
    def SaveAsNewRenderPreset(self, presetName):
        if not core.is_str(presetName) or not presetName.strip():
            return False
        if presetName in preset_table(self._w):
            return False
        r = self._r()
        self._w.S["app"]["render_presets"][presetName] = preset_from(r)
        r["preset"] = presetName
        return True

    @api(False)
    def DeleteRenderPreset(self, presetName):
        presets = self._w.S["app"]["render_presets"]
        if presetName not in presets:
            return False  # unknown, or a built-in preset
        del presets[presetName]
        return True

    @api(False)
    def SetRenderSettings(self, settings):
        if not isinstance(settings, dict) or not settings:
            return False
        values = {}
        for k, v in settings.items():
            checked = check_setting(self._w, k, v)
            if checked is None:
                return False  # unknown key: nothing applied
            values[k] = checked
        self._r()["settings"].update(values)
        return True

    @api({})
    def GetRenderJobStatus(self, jobId):
        update(self._w, self._o["d"])
        job = self._job(jobId) if core.is_str(jobId) else None
        return status_of(job) if job else {}

    @api([])
    def GetQuickExportRenderPresets(self):
        return list(QUICK_EXPORT)

    @api("")
    def RenderWithQuickExport(self, preset_name, param_dict=None):
        w = self._w
        d = self._o["d"]
        if preset_name not in QUICK_EXPORT:
            return "Quick Export preset '%s' not found" % (preset_name,)
        params = param_dict or {}
        if not isinstance(params, dict):
            return "Invalid parameters"
        for k, v in params.items():
            if k in ("TargetDir", "CustomName") and core.is_str(v):
                continue
            if k == "VideoQuality" and (core.is_int(v) or v in QUALITIES):
                continue
            if k == "EnableUpload" and isinstance(v, bool):
                continue
            return "Invalid parameter: %s" % (k,)
        tid = d.get("cur_tl")
        if not tid:
            return "No current timeline"
        tl = w.objs[tid]
        fmt, upload_ok = QUICK_EXPORT[preset_name]
        if params.get("EnableUpload") and not upload_ok:
            return "Preset '%s' does not support upload" % preset_name
        target = params.get("TargetDir") or os.path.expanduser("~")
        name = params.get("CustomName") or tl["name"]
        job = {"JobId": w.new_id(), "TimelineName": tl["name"], "TargetDir": target,
               "OutputFilename": "%s.%s" % (name, fmt), "PresetName": preset_name,
               "VideoFormat": fmt, "_status": "Complete", "_error": ""}
        t0 = time.monotonic()
        finish(job)
        if job["_status"] != "Complete":
            return {"JobStatus": "Render Failed", "CompletionPercentage": 0,
                    "TimeTakenToRenderInMs": 0, "Error": job["_error"]}
        status = "Upload Completed" if params.get("EnableUpload") else "Render Complete"
        return {"JobStatus": status, "CompletionPercentage": 100,
                "TimeTakenToRenderInMs": int((time.monotonic() - t0) * 1000), "Error": ""}

    @api({})
    def GetRenderFormats(self):
        return render_formats(self._w)

    @api({})
    def GetRenderCodecs(self, renderFormat):
        return render_codecs(self._w, renderFormat) if core.is_str(renderFormat) else {}

    @api({})
    def GetCurrentRenderFormatAndCodec(self):
        r = self._r()
        return {"format": r["format"], "codec": r["codec"]}

    @api(False)
    def SetCurrentRenderFormatAndCodec(self, format, codec):
        if not core.is_str(format) or format in ADVERTISED_ONLY:
            return False
        if codec not in render_codecs(self._w, format).values():
            return False
        r = self._r()
        r["format"], r["codec"] = format, codec
        return True

    @api(-1)
    def GetCurrentRenderMode(self):
        return self._r()["mode"]

    @api(False)
    def SetCurrentRenderMode(self, renderMode):
        if not core.is_num(renderMode) or renderMode not in (0, 1):
            return False
        self._r()["mode"] = int(renderMode)
        return True

    @api([])
    def GetRenderResolutions(self, format=None, codec=None):
        limit = (3840, 2160) if self._w.free else (8192, 4320)
        res = [r for r in RESOLUTIONS if r[0] <= limit[0] and r[1] <= limit[1]]
        if format is None and codec is None:
            return [{"Width": a, "Height": b} for a, b in res]
        if codec not in render_codecs(self._w, format).values() or format in AUDIO_ONLY:
            return []
        if codec in ("H264", "H265") and format in ("mp4", "mov", "mkv"):
            res = [r for r in res if r[0] <= 4096]
        return [{"Width": a, "Height": b} for a, b in res]


def tl_start_tc(tl):
    return sim_timecode.frames_to_tc(tl["start"], tl["fps"], tl["drop"])


def apply_preset(r, name, preset):
    r["format"], r["codec"] = preset["format"], preset["codec"]
    r["settings"].update(core.deep(preset.get("settings", {})))
    r["preset"] = name


def preset_from(r):
    return {"format": r["format"], "codec": r["codec"],
            "settings": {k: v for k, v in r["settings"].items()
                         if k not in ("TargetDir", "CustomName", "MarkIn", "MarkOut")}}
