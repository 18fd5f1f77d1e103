"""Several simulated machines (sim_hosts.py): each its own process, sharing a database folder."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from tests.python import simkit

SCRIPT = """
import json, sys, time
sys.path.insert(0, %r)
import DaVinciResolveScript as dvr
r = dvr.scriptapp("Resolve", sys.argv[1])
if r is None:
    print(json.dumps(None)); sys.exit()
pm = r.GetProjectManager()
out = {"db": pm.GetCurrentDatabase(), "projects": pm.GetProjectListInCurrentFolder()}
if sys.argv[2] == "create":
    p = pm.CreateProject("Shared")
    p.GetMediaPool().CreateEmptyTimeline("T1")
    out["saved"] = pm.SaveProject()
    out["id"] = p.GetUniqueId()
elif sys.argv[2] == "load":
    p = pm.LoadProject("Shared")
    out["id"] = p and p.GetUniqueId()
    out["timelines"] = p and p.GetTimelineCount()
elif sys.argv[2] == "render":
    p = pm.LoadProject("Shared")
    p.SetRenderSettings({"TargetDir": sys.argv[3]})
    p.StartRendering(p.AddRenderJob())
    for _ in range(20):
        out["rendering"] = p.IsRenderingInProgress()
        time.sleep(0.05)
print(json.dumps(out))
"""


class HostsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="simhosts_")
        db = {"name": "Post", "ip": "10.0.0.2", "folder": os.path.join(self.tmp, "db")}
        self.table = os.path.join(self.tmp, "hosts.json")
        with open(self.table, "w") as fh:
            json.dump({"a": {"database": db}, "b": {"database": db, "die_after_polls": 2,
                                                    "env": {"RESOLVE_SIM_RENDER_SECONDS": "5"}},
                       "down": {"down": True},
                       "other": {"database": dict(db, name="Other",
                                                  folder=os.path.join(self.tmp, "db2"))}}, fh)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def machine(self, host, *args):
        env = dict(os.environ, RESOLVE_SIM_HOSTS=self.table)
        run = subprocess.run([sys.executable, "-c", SCRIPT % simkit.SIM_DIR, host] + list(args),
                             env=env, capture_output=True, text=True, timeout=30)
        return run.returncode, json.loads(run.stdout or "null")

    def test_a_project_saved_on_one_machine_loads_on_another(self):
        _, made = self.machine("a", "create")
        self.assertEqual(made["db"], {"DbType": "PostgreSQL", "DbName": "Post",
                                      "IpAddress": "10.0.0.2"})
        self.assertTrue(made["saved"])
        _, loaded = self.machine("b", "load")
        self.assertEqual(loaded["projects"], ["Shared"])
        self.assertEqual((loaded["id"], loaded["timelines"]), (made["id"], 1))
        _, elsewhere = self.machine("other", "load")
        self.assertEqual((elsewhere["db"]["DbName"], elsewhere["projects"]), ("Other", []))

    def test_unlisted_and_down_hosts_do_not_answer(self):
        self.assertEqual(self.machine("down", "list")[1], None)
        self.assertEqual(self.machine("nowhere", "list")[1], None)
        self.assertEqual(self.machine("127.0.0.1", "list")[1]["db"]["DbType"], "Disk")

    def test_a_machine_set_to_die_exits_mid_render_and_stays_dead(self):
        self.machine("a", "create")
        code, out = self.machine("b", "render", self.tmp)
        self.assertEqual((code, out), (70, None))
        self.assertEqual(self.machine("b", "list")[1], None)
        self.assertEqual(self.machine("a", "list")[1]["projects"], ["Shared"])


if __name__ == "__main__":
    unittest.main()
