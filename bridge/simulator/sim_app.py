"""Resolve (root object), ProjectManager, MediaStorage and the Fusion handle."""

import json
import os

import sim_core as core
import sim_media
import sim_probe
import sim_project
import sim_render
from sim_core import api

FAIRLIGHT_PRESETS = ["Dialogue Cleanup", "Podcast Mix", "Stereo Mixdown"]
CLOUD_KEYS = ("CLOUD_SETTING_PROJECT_NAME", "CLOUD_SETTING_PROJECT_MEDIA_PATH",
              "CLOUD_SETTING_IS_COLLAB", "CLOUD_SETTING_SYNC_MODE",
              "CLOUD_SETTING_IS_CAMERA_ACCESS")


def new_state(w):
    w.S = {"format": "resolve-sim-state/1", "quit": False, "objs": {}, "cur_project": None,
           "app": {"page": "edit", "keyframe_mode": 0, "layouts": {}, "cur_layout": None,
                   "render_presets": {}, "burnin_presets": {}, "userprefs": {},
                   "cur_userprefs": None, "fairlight_presets": list(FAIRLIGHT_PRESETS),
                   "bg_disabled": False, "lut_dir": None},
           "dbs": [], "cur_db": 0, "pm_folder": None}
    root = new_pm_folder(w, "", None)
    w.S["dbs"].append({"DbType": "Disk", "DbName": "Local Database", "root": root})
    w.S["pm_folder"] = root
    sim_project.new_untitled(w)
    return w.S


core.HOOKS["new_state"] = new_state


def _sync(w):
    """Projects other machines saved to a shared database (sim_hosts.py), when there is one."""
    sync = core.HOOKS.get("sync_projects")
    if sync:
        sync(w)


def new_pm_folder(w, name, parent):
    fid = w.new_id()
    w.objs[fid] = {"t": "PMFolder", "name": name, "parent": parent, "subs": []}
    if parent:
        w.objs[parent]["subs"].append(fid)
    return fid


def write_json(path, data):
    if not core.is_str(path) or not path:
        return False
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return False
    with open(path, "w") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
    return True


def read_json(path, kind=None):
    if not core.is_str(path) or not os.path.isfile(path):
        return None
    try:
        with open(path) as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {} if kind is None else None
    if kind is not None and (not isinstance(data, dict) or data.get("kind") != kind):
        return None
    return data


# ---------------------------------------------------------------- Resolve ---

@core.register
class Resolve(core.Obj):
    __slots__ = ()

    def __getattr__(self, name):
        if name[:1] == "_":
            raise AttributeError(name)
        return object.__getattribute__(self, "_w").constants.get(name)  # unknown: None

    def _alive(self):
        return True

    def _app(self):
        return self._w.S["app"]

    @api(None)
    def Fusion(self):
        return self._w.proxy("Fusion", "fusion")

    @api(None)
    def GetMediaStorage(self):
        return self._w.proxy("MediaStorage", "storage")

    @api(None)
    def GetProjectManager(self):
        return self._w.proxy("ProjectManager", "pm")

    @api(False)
    def OpenPage(self, pageName):
        pages = core.PAGES if self._w.version >= (21, 0, 0) else core.PAGES[:-1]
        if pageName not in pages:  # names are matched exactly (lower case)
            return False
        self._app()["page"] = pageName
        return True

    @api(None)
    def GetCurrentPage(self):
        return self._app()["page"]

    @api("")
    def GetProductName(self):
        return "DaVinci Resolve" if self._w.free else "DaVinci Resolve Studio"

    @api([])
    def GetVersion(self):
        return list(self._w.version_list) + [""]

    @api("")
    def GetVersionString(self):
        return ".".join(str(n) for n in self._w.version_list)

    # named preset families -------------------------------------------------
    def _family(self, key):
        return self._app()[key]

    def _save(self, key, name, payload, overwrite=False):
        presets = self._family(key)
        if not core.is_str(name) or not name.strip():
            return False
        if (name in presets) != overwrite:
            return False
        presets[name] = payload
        return True

    def _export(self, key, name, path, kind):
        presets = self._family(key)
        if name not in presets:
            return False
        return write_json(path, {"kind": kind, "name": name, "data": presets[name],
                                 "simulated": "DaVinci Resolve preset (simulated)"})

    def _import(self, key, path, name, kind):
        data = read_json(path)
        if data is None:
            return None
        if name is None:
            name = data.get("name") if isinstance(data, dict) and data.get("kind") == kind \
                else None
            name = name or os.path.splitext(os.path.basename(path))[0]
        if not core.is_str(name) or not name or name in self._family(key):
            return None
        payload = data.get("data", {}) if isinstance(data, dict) and data.get("kind") == kind \
            else {"source": os.path.abspath(path)}
        self._family(key)[name] = payload
        return name

    def _layout(self):
        return {"page": self._app()["page"], "saved": core.now_iso()}

    @api([])
    def GetLayoutPresetList(self):
        return sorted(self._family("layouts"))

    @api(False)
    def LoadLayoutPreset(self, presetName):
        if presetName not in self._family("layouts"):
            return False
        self._app()["cur_layout"] = presetName
        return True

    @api(False)
    def UpdateLayoutPreset(self, presetName):
        return self._save("layouts", presetName, self._layout(), overwrite=True)

    @api(False)
    def ExportLayoutPreset(self, presetName, presetFilePath):
        return self._export("layouts", presetName, presetFilePath, "layout_preset")

    @api(False)
    def DeleteLayoutPreset(self, presetName):
        return self._family("layouts").pop(presetName, None) is not None \
            if core.is_str(presetName) else False

    @api(False)
    def SaveLayoutPreset(self, presetName):
        return self._save("layouts", presetName, self._layout())

    @api(False)
    def ImportLayoutPreset(self, presetFilePath, presetName=None):
        return self._import("layouts", presetFilePath, presetName, "layout_preset") is not None

    @api(None)
    def Quit(self):
        w = self._w
        cur = w.S.get("cur_project")
        if cur:
            sim_project.unload(w, cur, save=True)
        for o in w.objs.values():
            o.pop("held", None)  # a restarted Resolve holds no project
        w.S["quit"] = True
        return None

    @api(False)
    def ImportRenderPreset(self, presetPath):
        data = read_json(presetPath, "render_preset")
        if not data or not isinstance(data.get("data"), dict):
            return False
        name = data.get("name") or os.path.splitext(os.path.basename(presetPath))[0]
        if name in sim_render.BUILTIN_PRESETS:
            return False
        self._app()["render_presets"][name] = data["data"]
        p = self._w.project()
        if p:
            sim_render.apply_preset(p["d"]["render"], name, data["data"])
        return True

    @api(False)
    def ExportRenderPreset(self, presetName, exportPath):
        table = sim_render.preset_table(self._w)
        if presetName not in table:
            return False
        return write_json(exportPath, {"kind": "render_preset", "name": presetName,
                                       "data": table[presetName],
                                       "simulated": "DaVinci Resolve preset (simulated)"})

    @api([])
    def GetBurnInPresetList(self):
        return sorted(self._family("burnin_presets"))

    @api(False)
    def DeleteBurnInPreset(self, presetName):
        return self._family("burnin_presets").pop(presetName, None) is not None \
            if core.is_str(presetName) else False

    @api(False)
    def ImportBurnInPreset(self, presetPath):
        return self._import("burnin_presets", presetPath, None, "burnin_preset") is not None

    @api(False)
    def ExportBurnInPreset(self, presetName, exportPath):
        return self._export("burnin_presets", presetName, exportPath, "burnin_preset")

    @api([])
    def GetUserPreferencesPresetList(self):
        return sorted(self._family("userprefs"))

    @api(False)
    def LoadUserPreferencesPreset(self, presetName):
        if presetName not in self._family("userprefs"):
            return False
        self._app()["cur_userprefs"] = presetName
        return True

    @api(False)
    def SaveUserPreferencesPreset(self, presetName):
        return self._save("userprefs", presetName, {"keyframe_mode": self._app()[
            "keyframe_mode"], "saved": core.now_iso()})

    @api(False)
    def DeleteUserPreferencesPreset(self, presetName):
        ok = core.is_str(presetName) and self._family("userprefs").pop(presetName, None) \
            is not None
        if ok and self._app()["cur_userprefs"] == presetName:
            self._app()["cur_userprefs"] = None
        return bool(ok)

    @api(False)
    def ImportUserPreferencesPreset(self, presetFilePath, presetName=None):
        return self._import("userprefs", presetFilePath, presetName,
                            "userprefs_preset") is not None

    @api(False)
    def ExportUserPreferencesPreset(self, presetName, exportPath):
        return self._export("userprefs", presetName, exportPath, "userprefs_preset")

    @api(-1)
    def GetKeyframeMode(self):
        return self._app()["keyframe_mode"]

    @api(False)
    def SetKeyframeMode(self, keyframeMode):
        if not core.is_num(keyframeMode) or keyframeMode not in (0, 1, 2):
            return False
        self._app()["keyframe_mode"] = int(keyframeMode)
        return True

    @api([])
    def GetFairlightPresets(self):
        return list(self._app()["fairlight_presets"])

    @api(None)
    def DisableBackgroundTasksForCurrentResolveSession(self):
        self._app()["bg_disabled"] = True
        return None


@core.register
class Fusion(core.Obj):
    """Opaque Fusion application handle (the Fusion API is out of scope)."""

    __slots__ = ()


# --------------------------------------------------------- ProjectManager ---

def _projects_in(w, folder):
    return [(oid, o) for oid, o in w.objs.items()
            if o.get("t") == "Project" and o["folder"] == folder and not o["untitled"]]


def _project_named(w, name, folder=None):
    folder = folder or w.S["pm_folder"]
    for oid, o in _projects_in(w, folder):
        if o["name"] == name:
            return oid
    return None


def _delete_pm_folder(w, fid):
    f = w.objs.get(fid)
    for sub in list(f["subs"]):
        _delete_pm_folder(w, sub)
    for oid, _ in _projects_in(w, fid):
        del w.objs[oid]
    del w.objs[fid]


def _contains_loaded(w, fid):
    cur = w.objs.get(w.S.get("cur_project") or "")
    if cur is None:
        return False
    node = cur["folder"]
    while node:
        if node == fid:
            return True
        node = w.objs[node]["parent"]
    return False


def _cloud(w, settings, need_name=True):
    """Validate a cloudSettings dict -> (name, media path, dict) or None."""
    if not isinstance(settings, dict):
        return None
    c = w.constants
    keys = {c[k]: k for k in CLOUD_KEYS}
    out = {}
    for k, v in settings.items():
        if k not in keys:
            return None
        out[keys[k]] = v
    name = out.get("CLOUD_SETTING_PROJECT_NAME", "")
    path = out.get("CLOUD_SETTING_PROJECT_MEDIA_PATH", "")
    if not core.is_str(name) or not core.is_str(path) or not path:
        return None
    if need_name and not name:
        return None
    sync = out.get("CLOUD_SETTING_SYNC_MODE", c["CLOUD_SYNC_PROXY_ONLY"])
    if sync not in (c["CLOUD_SYNC_NONE"], c["CLOUD_SYNC_PROXY_ONLY"],
                    c["CLOUD_SYNC_PROXY_AND_ORIG"]):
        return None
    for k in ("CLOUD_SETTING_IS_COLLAB", "CLOUD_SETTING_IS_CAMERA_ACCESS"):
        if k in out and not isinstance(out[k], bool):
            return None
    info = {"media_path": path, "sync": sync,
            "collab": bool(out.get("CLOUD_SETTING_IS_COLLAB", False)),
            "camera": bool(out.get("CLOUD_SETTING_IS_CAMERA_ACCESS", False))}
    return name, path, info


@core.register
class ProjectManager(core.Obj):
    __slots__ = ()

    def _alive(self):
        return True

    def _current(self):
        pid = self._w.S.get("cur_project")
        return self._w.proxy("Project", pid) if pid else None

    def _create(self, name, cloud=None):
        w = self._w
        cur = w.S.get("cur_project")
        if cur:
            sim_project.unload(w, cur, save=True)
        pid = sim_project.create_project(w, name, w.S["pm_folder"])
        if cloud:
            w.objs[pid]["cloud"] = cloud
            w.objs[pid]["d"]["settings"]["cloudProjectMediaLocation"] = cloud["media_path"]
            sim_project.snapshot(w, pid)
        return pid

    @api(None)
    def CreateProject(self, projectName, mediaLocationPath=None):
        w = self._w
        if not core.is_str(projectName) or not projectName.strip():
            return None
        if mediaLocationPath is not None and not core.is_str(mediaLocationPath):
            return None
        if _project_named(w, projectName):
            return None
        pid = self._create(projectName)
        if mediaLocationPath:
            w.objs[pid]["d"]["settings"]["projectMediaLocation"] = mediaLocationPath
            sim_project.snapshot(w, pid)
        return w.proxy("Project", pid)

    @api(False)
    def DeleteProject(self, projectName):
        pid = _project_named(self._w, projectName) if core.is_str(projectName) else None
        # measured: a project that is, or was, current since it was last closed is refused
        # (switching away with LoadProject does not release it; CloseProject does)
        if pid is None or pid == self._w.S.get("cur_project") or self._w.objs[pid].get("held"):
            return False
        del self._w.objs[pid]
        return True

    @api(None)
    def LoadProject(self, projectName):
        _sync(self._w)
        pid = _project_named(self._w, projectName) if core.is_str(projectName) else None
        if pid is None or not sim_project.switch_to(self._w, pid):
            return None
        return self._w.proxy("Project", pid)

    @api(None)
    def GetCurrentProject(self):
        return self._current()

    @api(False)
    def SaveProject(self):
        w = self._w
        p = w.project()
        if p is None or p["untitled"]:
            return False  # observed: the never-saved Untitled Project cannot be saved
        sim_project.snapshot(w, p["id"])
        return True

    @api(False)
    def CloseProject(self, project):
        w = self._w
        if not isinstance(project, core.REG["Project"]) or not project._alive():
            return False
        if project._id != w.S.get("cur_project"):
            return False
        w.objs[project._id]["held"] = False
        sim_project.unload(w, project._id, save=False)
        sim_project.new_untitled(w)
        return True

    @api(False)
    def CreateFolder(self, folderName):
        w = self._w
        if not core.is_str(folderName) or not folderName.strip():
            return False
        cur = w.objs[w.S["pm_folder"]]
        if folderName in [w.objs[s]["name"] for s in cur["subs"]]:
            return False
        new_pm_folder(w, folderName, w.S["pm_folder"])
        return True

    @api(False)
    def DeleteFolder(self, folderName):
        w = self._w
        cur = w.objs[w.S["pm_folder"]]
        for sub in cur["subs"]:
            if w.objs[sub]["name"] == folderName:
                if _contains_loaded(w, sub):
                    return False
                cur["subs"].remove(sub)
                _delete_pm_folder(w, sub)
                return True
        return False

    @api([])
    def GetProjectListInCurrentFolder(self):
        _sync(self._w)
        return [o["name"] for _, o in _projects_in(self._w, self._w.S["pm_folder"])]

    @api({})
    def GetProjectAttributesInCurrentFolder(self):
        out = {}
        for _, o in _projects_in(self._w, self._w.S["pm_folder"]):
            out[o["name"]] = {"lastModifiedDate": o["modified"], "creationDate": o["created"],
                              "notes": o.get("notes", ""),
                              "liveCollaborationMode": "multi_user" if (o.get("cloud") or {}).get(
                                  "collab") else "single_user"}
        return out

    @api([])
    def GetFolderListInCurrentFolder(self):
        w = self._w
        return [w.objs[s]["name"] for s in w.objs[w.S["pm_folder"]]["subs"]]

    @api(False)
    def GotoRootFolder(self):
        w = self._w
        w.S["pm_folder"] = w.S["dbs"][w.S["cur_db"]]["root"]
        return True

    @api(False)
    def GotoParentFolder(self):
        w = self._w
        parent = w.objs[w.S["pm_folder"]]["parent"]
        if not parent:
            return False
        w.S["pm_folder"] = parent
        return True

    @api("")
    def GetCurrentFolder(self):
        return self._w.objs[self._w.S["pm_folder"]]["name"]

    @api(False)
    def OpenFolder(self, folderName):
        w = self._w
        for sub in w.objs[w.S["pm_folder"]]["subs"]:
            if w.objs[sub]["name"] == folderName:
                w.S["pm_folder"] = sub
                return True
        return False

    def _install(self, path, name, kinds):
        w = self._w
        data = read_json(path)
        if not isinstance(data, dict) or data.get("kind") not in kinds:
            return False
        name = name if name is not None else data.get("name")
        if not core.is_str(name) or not name or _project_named(w, name):
            return False
        sim_project.install_project(w, name, w.S["pm_folder"], data["project"])
        return True

    @api(False)
    def ImportProject(self, filePath, projectName=None):
        return self._install(filePath, projectName, ("drp", "dra"))

    @api(False)
    def ExportProject(self, projectName, filePath, withStillsAndLUTs=True):
        w = self._w
        core.as_bool(withStillsAndLUTs)
        pid = _project_named(w, projectName) if core.is_str(projectName) else None
        if pid is None:
            return False
        return write_json(filePath, {"kind": "drp", "name": projectName,
                                     "simulated": "DaVinci Resolve project (simulated)",
                                     "withStillsAndLUTs": bool(withStillsAndLUTs),
                                     "project": sim_project.export_data(w, pid)})

    @api(False)
    def RestoreProject(self, filePath, projectName=None):
        return self._install(filePath, projectName, ("dra",))

    @api({})
    def GetCurrentDatabase(self):
        db = self._w.S["dbs"][self._w.S["cur_db"]]
        info = {"DbType": db["DbType"], "DbName": db["DbName"]}
        if db["DbType"] == "PostgreSQL":  # documented: "optional 'IpAddress'"
            info["IpAddress"] = db.get("IpAddress", "127.0.0.1")
        return info

    @api([])
    def GetDatabaseList(self):
        out = []
        for db in self._w.S["dbs"]:
            info = {"DbType": db["DbType"], "DbName": db["DbName"]}
            if db["DbType"] == "PostgreSQL":
                info["IpAddress"] = db.get("IpAddress", "127.0.0.1")
            out.append(info)
        return out

    @api(False)
    def SetCurrentDatabase(self, dbInfo):
        w = self._w
        if not isinstance(dbInfo, dict) or dbInfo.get("DbType") not in ("Disk", "PostgreSQL"):
            return False
        for n, db in enumerate(w.S["dbs"]):
            if db["DbType"] == dbInfo["DbType"] and db["DbName"] == dbInfo.get("DbName") and (
                    db["DbType"] == "Disk" or db.get("IpAddress", "127.0.0.1") == dbInfo.get(
                        "IpAddress", "127.0.0.1")):
                cur = w.S.get("cur_project")
                if cur:
                    sim_project.unload(w, cur, save=True)
                w.S["cur_db"] = n
                w.S["pm_folder"] = db["root"]
                sim_project.new_untitled(w)
                return True
        return False

    @api(None)
    def CreateCloudProject(self, cloudSettings):
        w = self._w
        parsed = _cloud(w, cloudSettings)
        if parsed is None or _project_named(w, parsed[0]):
            return None
        return w.proxy("Project", self._create(parsed[0], cloud=parsed[2]))

    @api(None)
    def LoadCloudProject(self, cloudSettings):
        w = self._w
        parsed = _cloud(w, cloudSettings)
        if parsed is None:
            return None
        pid = _project_named(w, parsed[0])
        if pid is None or not w.objs[pid].get("cloud"):
            return None
        if not sim_project.switch_to(w, pid):
            return None
        return w.proxy("Project", pid)

    @api(False)
    def ImportCloudProject(self, filePath, cloudSettings):
        w = self._w
        parsed = _cloud(w, cloudSettings, need_name=False)
        data = read_json(filePath)
        if parsed is None or not isinstance(data, dict) or data.get("kind") not in (
                "drp", "dra"):
            return False
        name = parsed[0] or data.get("name")
        if not name or _project_named(w, name):
            return False
        pid = sim_project.install_project(w, name, w.S["pm_folder"], data["project"])
        w.objs[pid]["cloud"] = parsed[2]
        return True

    @api(False)
    def RestoreCloudProject(self, folderPath, cloudSettings):
        w = self._w
        parsed = _cloud(w, cloudSettings, need_name=False)
        if parsed is None or not core.is_str(folderPath) or not os.path.isdir(folderPath):
            return False
        for f in sorted(os.listdir(folderPath)):
            data = read_json(os.path.join(folderPath, f))
            if isinstance(data, dict) and data.get("kind") in ("drp", "dra"):
                name = parsed[0] or data.get("name")
                if not name or _project_named(w, name):
                    return False
                pid = sim_project.install_project(w, name, w.S["pm_folder"], data["project"])
                w.objs[pid]["cloud"] = parsed[2]
                return True
        return False

    @api(False)
    def ArchiveProject(self, projectName, filePath, isArchiveSrcMedia=True,
                       isArchiveRenderCache=True, isArchiveProxyMedia=False):
        w = self._w
        flags = [core.as_bool(x) for x in (isArchiveSrcMedia, isArchiveRenderCache,
                                           isArchiveProxyMedia)]
        pid = _project_named(w, projectName) if core.is_str(projectName) else None
        if pid is None or pid == w.S.get("cur_project"):
            return False  # measured: archiving the open project fails
        data = sim_project.export_data(w, pid)
        media = sorted(set(o.get("path") for o in data["objs"].values()
                           if o.get("t") == "MediaPoolItem" and o.get("path")))
        return write_json(filePath, {"kind": "dra", "name": projectName,
                                     "simulated": "DaVinci Resolve archive (simulated)",
                                     "archiveSrcMedia": flags[0], "archiveRenderCache": flags[1],
                                     "archiveProxyMedia": flags[2],
                                     "media": media if flags[0] else [], "project": data})


# ----------------------------------------------------------- MediaStorage ---

def _mounts():
    vols = ["/"]
    try:
        with open("/proc/mounts") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) > 1 and parts[1].startswith(("/media/", "/mnt/")):
                    if os.path.isdir(parts[1]) and parts[1] not in vols:
                        vols.append(parts[1])
    except OSError:
        pass
    if os.path.isdir("/Volumes"):
        vols.extend(os.path.join("/Volumes", v) for v in sorted(os.listdir("/Volumes")))
    return vols


@core.register
class MediaStorage(core.Obj):
    __slots__ = ()

    def _alive(self):
        return True

    def _folder(self):
        p = self._w.project()
        return self._w.objs[p["d"]["pool"]]["cur"]

    @api([])
    def GetMountedVolumeList(self):
        return _mounts()

    @api([])
    def GetSubFolderList(self, folderPath):
        if not core.is_str(folderPath) or not os.path.isdir(folderPath):
            return []
        return [os.path.join(folderPath, d) for d in sorted(os.listdir(folderPath))
                if not d.startswith(".") and os.path.isdir(os.path.join(folderPath, d))]

    @api([])
    def GetFileList(self, folderPath):
        if not core.is_str(folderPath) or not os.path.isdir(folderPath):
            return []
        names = sorted(f for f in os.listdir(folderPath)
                       if os.path.isfile(os.path.join(folderPath, f))
                       and sim_probe.is_media_file(f))
        return [os.path.join(folderPath, f) for f in sim_probe.consolidate_sequences(names)]

    @api(False)
    def RevealInStorage(self, path):
        return core.is_str(path) and os.path.exists(path)

    @api([])
    def AddItemListToMediaPool(self, *items):
        if len(items) == 1 and isinstance(items[0], (list, tuple)):
            items = list(items[0])
        if self._w.version < (18, 5, 0) and any(isinstance(i, dict) for i in items):
            return []
        items = [i for i in items if isinstance(i, (str, dict)) and (
            not isinstance(i, dict) or "media" in i)]
        made = sim_media.import_items(self._w, self._folder(), items)
        return [self._w.proxy("MediaPoolItem", c) for c in made]

    @api(False)
    def AddClipMattesToMediaPool(self, item, paths, stereoEye=None):
        w = self._w
        if not isinstance(item, core.REG["MediaPoolItem"]) or not item._alive():
            return False
        o = w.objs[item._id]
        if stereoEye is not None and (stereoEye not in ("left", "right") or o["kind"] !=
                                      "stereo"):
            return False
        paths = [os.path.abspath(p) for p in paths if core.is_str(p) and os.path.isfile(p)]
        if not paths:
            return False
        for p in paths:
            if p not in o["mattes"]:
                o["mattes"].append(p)
        return True

    @api([])
    def AddTimelineMattesToMediaPool(self, paths):
        w = self._w
        made = []
        for p in paths:
            data = sim_media.media_info(w, p) if core.is_str(p) else None
            if data is None or data["kind"] not in ("still", "video"):
                continue
            cid = sim_media.clip_from_info(w, w.S["cur_project"], self._folder(), data)
            w.objs[cid]["kind"] = "matte"
            w.objs[cid]["props"]["Type"] = "Matte"
            made.append(w.proxy("MediaPoolItem", cid))
        return made

