"""Several simulated Resolve machines, and the project database they share.

``RESOLVE_SIM_HOSTS=/path/hosts.json`` lists the machines ``scriptapp("Resolve", host)``
reaches.  A host not listed does not answer (``scriptapp`` returns None, as the real module
does for a machine where Resolve is not running or network scripting is off); without the
variable every host answers, as one default machine.  Each bridge process is one machine
(the simulator keeps one world per process), so several bridges are several machines.

An entry, all keys optional::

    "render-a": {
      "env": {"RESOLVE_SIM_RENDER_SECONDS": "0.5"},   # that machine's RESOLVE_SIM_* switches
      "database": {"name": "Post", "ip": "10.0.0.2", "folder": "/shared/db"},
      "die_after_polls": 3,                          # Resolve dies mid-render (see below)
      "down": true                                   # listed, but Resolve does not answer
    }

``database`` connects the machine to a project server (a PostgreSQL database in Resolve's
terms) whose projects live as one JSON file each in ``folder``: every machine given the same
folder sees the same projects, with the same ids, in that database's root folder.  A project
saved (``SaveProject``, or switching away from it, which saves) on one machine is loaded by
``LoadProject`` on another.  Render state is not part of the database: a job saved while
rendering reads as Ready elsewhere.

``die_after_polls: N``: after the N-th ``IsRenderingInProgress`` answered True, the machine
dies: the process exits at once (renders stop, unfinished outputs are never written) and a
marker file ``<hosts.json>.<host>.dead`` keeps the machine from answering later bridges.
"""

import json
import os

import sim_core as core
import sim_project

_STATE = {"host": None, "config": None, "polls": 0}


def _config_path():
    return os.environ.get("RESOLVE_SIM_HOSTS") or None


def _dead_marker(path, host):
    return "%s.%s.dead" % (path, host)


def select(host):
    """The machine ``host`` names: its entry (its env applied), {} for the default machine,
    or None when nothing answers there."""
    path = _config_path()
    if not path:
        return {}
    try:
        with open(path) as fh:
            table = json.load(fh)
    except (OSError, ValueError):
        return None
    key = str(host) if host is not None else ""
    entry = table.get(key) if isinstance(table, dict) else None
    if entry is None:
        # The machine the bridge runs on answers when nothing else is asked for.
        return {} if key in ("", "127.0.0.1", "localhost") else None
    if not isinstance(entry, dict) or entry.get("down"):
        return None
    if os.path.exists(_dead_marker(path, key)):
        return None
    if _STATE["host"] is None:
        for name, value in (entry.get("env") or {}).items():
            if str(name).startswith("RESOLVE_SIM_"):
                os.environ[str(name)] = str(value)
        _STATE["host"], _STATE["config"] = key, entry
    return entry


def forget():
    """A new machine in this process next (``DaVinciResolveScript._reset``)."""
    _STATE.update({"host": None, "config": None, "polls": 0})


def attach(w):
    """A new world on a machine with a shared database: connect to it (it is current)."""
    entry = _STATE["config"] or {}
    db = entry.get("database")
    if not isinstance(db, dict) or not db.get("folder"):
        return
    import sim_app  # here: sim_app imports this module's hooks indirectly
    folder = os.path.abspath(str(db["folder"]))
    os.makedirs(folder, exist_ok=True)
    root = sim_app.new_pm_folder(w, "", None)
    w.S["dbs"].append({"DbType": "PostgreSQL", "DbName": str(db.get("name") or "Shared"),
                       "IpAddress": str(db.get("ip") or "127.0.0.1"), "root": root,
                       "shared": folder})
    cur = w.S.get("cur_project")
    if cur:
        sim_project.unload(w, cur, save=False)
    w.S["cur_db"] = len(w.S["dbs"]) - 1
    w.S["pm_folder"] = root
    sim_project.new_untitled(w)
    sync(w)


def _shared_root(w, folder_id):
    """The shared database folder holding project-manager folder ``folder_id``, or None."""
    for db in w.S.get("dbs", []):
        if db.get("shared") and db["root"] == folder_id:
            return db["shared"]
    return None


def _render_free(saved):
    """The saved project without render state (that stays on the machine that rendered)."""
    data = core.deep(saved)
    for job in ((data.get("d") or {}).get("render") or {}).get("jobs", []):
        if job.get("_status") in ("Rendering", "Queued"):
            job.update({"_status": "Ready", "_pct": 0, "_t0": None, "_t1": None})
    return data


def publish(w, pid):
    """After a save: the project's row in the shared database (when it lives in one)."""
    p = w.objs.get(pid)
    if p is None or p.get("untitled") or p.get("saved") is None:
        return
    folder = _shared_root(w, p.get("folder"))
    if not folder:
        return
    record = {"id": pid, "name": p["name"], "created": p["created"], "modified": p["modified"],
              "notes": p.get("notes", ""), "saved": _render_free(p["saved"])}
    path = os.path.join(folder, "%s.json" % pid)
    tmp = "%s.tmp%d" % (path, os.getpid())
    try:
        with open(tmp, "w") as fh:
            json.dump(record, fh)
        os.replace(tmp, path)
    except OSError:
        pass


def sync(w):
    """Before listing or loading projects: what other machines saved to the shared database."""
    db = w.S["dbs"][w.S["cur_db"]]
    folder = db.get("shared")
    if not folder or not os.path.isdir(folder):
        return
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".json"):
            continue
        try:
            with open(os.path.join(folder, entry)) as fh:
                record = json.load(fh)
        except (OSError, ValueError):
            continue
        pid = record.get("id")
        if not core.is_str(pid) or not isinstance(record.get("saved"), dict):
            continue
        mine = w.objs.get(pid)
        if mine is None:
            w.objs[pid] = {"t": "Project", "id": pid, "name": record["name"],
                           "folder": db["root"], "untitled": False,
                           "created": record.get("created", ""),
                           "modified": record.get("modified", ""),
                           "notes": record.get("notes", ""), "cloud": None,
                           "saved": record["saved"], "d": None}
        elif mine.get("d") is None:  # the database is the truth for projects not loaded
            mine.update({"name": record["name"], "saved": record["saved"],
                         "modified": record.get("modified", "")})


def render_polled(rendering):
    """IsRenderingInProgress answered: count it, and die on the configured poll."""
    limit = (_STATE["config"] or {}).get("die_after_polls")
    if not rendering or not isinstance(limit, int):
        return
    _STATE["polls"] += 1
    if _STATE["polls"] >= limit:
        path = _config_path()
        if path:
            try:
                with open(_dead_marker(path, _STATE["host"]), "w") as fh:
                    fh.write("died mid-render\n")
            except OSError:
                pass
        os._exit(70)


core.HOOKS["project_saved"] = publish
core.HOOKS["sync_projects"] = sync
core.HOOKS["render_polled"] = render_polled
