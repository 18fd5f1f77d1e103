"""The bridge process itself: its RPC over pipes, the allowlist, bad input, noise."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BRIDGE = os.path.join(ROOT, "bridge")
SIMULATOR = os.path.join(BRIDGE, "simulator")
SWITCHES = ["-E", "-s", "-S", "-u"]  # pythonSwitches() in src/discovery.ts


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def simulator_modules():
    modules = {"resolve_bridge": read(os.path.join(BRIDGE, "resolve_bridge.py"))}
    for name in os.listdir(SIMULATOR):
        if name.endswith(".py"):
            modules[name[:-3]] = read(os.path.join(SIMULATOR, name))
    return modules


class BridgeProcess:
    """Starts the bridge exactly as the server does: python <switches> -c <bootstrap>, header
    line."""

    def __init__(self, read_only=False, env=None, modules=None, cwd=None):
        self.proc = subprocess.Popen(
            [sys.executable] + SWITCHES + ["-c", read(os.path.join(BRIDGE, "bootstrap.py"))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=dict(os.environ, **(env or {})), cwd=cwd,
        )
        catalog = json.loads(read(os.path.join(BRIDGE, "api_catalog.json")))
        header = {
            "modules": modules if modules is not None else simulator_modules(),
            "main": "resolve_bridge",
            "path": [],
            "config": {"catalog": catalog, "readOnly": read_only},
        }
        self.send_raw(json.dumps(header))
        assert self.receive() == {"ready": True}
        self.next_id = 1

    def send_raw(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def receive(self):
        return json.loads(self.proc.stdout.readline())

    def request(self, op, **payload):
        self.next_id += 1
        self.send_raw(json.dumps(dict(payload, id=self.next_id, op=op)))
        reply = self.receive()
        assert reply["id"] == self.next_id, reply
        return reply

    def call(self, *calls):
        return self.request("call", calls=list(calls))

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()


class BridgeTest(unittest.TestCase):
    def setUp(self):
        self.bridge = BridgeProcess()
        self.root = self.bridge.request("connect")["ok"]["root"]["$h"]

    def tearDown(self):
        self.bridge.close()

    def test_connect_reports_the_product(self):
        reply = self.bridge.request("connect")["ok"]
        self.assertEqual(reply["product"], "DaVinci Resolve Studio")

    def test_batch_with_references_is_one_round_trip(self):
        reply = self.bridge.call(
            {"h": self.root, "m": "GetProjectManager"},
            {"h": {"$r": 0}, "m": "CreateProject", "a": ["Batch"]},
            {"h": {"$r": 1}, "m": "GetName"},
        )
        pm, project, name = reply["ok"]
        self.assertEqual(pm["c"], "ProjectManager")
        self.assertEqual(project["c"], "Project")
        self.assertEqual(name, "Batch")

    def test_a_call_on_a_failed_getter_yields_null(self):
        reply = self.bridge.call(
            {"h": self.root, "m": "GetProjectManager"},
            {"h": {"$r": 0}, "m": "LoadProject", "a": ["No such project"]},
            {"h": {"$r": 1}, "m": "GetName"},
        )
        self.assertEqual(reply["ok"][1:], [None, None])

    def test_map_reads_many_objects_at_once(self):
        pm, project = self.bridge.call({"h": self.root, "m": "GetProjectManager"},
                                       {"h": {"$r": 0}, "m": "GetCurrentProject"})["ok"]
        reply = self.bridge.call({"map": [project, project], "ms": [["GetName"], ["GetUniqueId"]]})
        rows = reply["ok"][0]
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[0], rows[1])
        self.assertEqual(rows[0][0], "Untitled Project")

    def test_quiet_results_len_slice_and_chains_create_no_handles(self):
        before = self.bridge.request("stat")["ok"]["handles"]
        reply = self.bridge.call(
            {"h": self.root, "m": "GetProjectManager", "q": 1},
            {"h": {"$r": 0}, "m": "GetCurrentProject", "q": 1},
            {"h": {"$r": 1}, "m": "GetMediaPool", "q": 1},
            {"h": {"$r": 2}, "m": "GetRootFolder", "q": 1},
            {"h": {"$r": 3}, "m": "GetSubFolderList", "q": 1},
            {"len": {"$r": 4}},
            {"h": {"$r": 2}, "m": "AddSubFolder", "a": [{"$r": 3}, "A"], "q": 1},
            {"h": {"$r": 2}, "m": "AddSubFolder", "a": [{"$r": 3}, "B"], "q": 1},
            {"h": {"$r": 3}, "m": "GetSubFolderList", "q": 1},
            {"len": {"$r": 8}},
            {"map": {"$r": 8}, "slice": [1, 2], "ms": [["GetName"]]},
            {"map": [{"$h": self.root}], "ms": [["GetProjectManager", [], ["GetCurrentFolder"]]]},
        )["ok"]
        self.assertEqual(reply[:5], [None] * 5)
        self.assertEqual(reply[5], 0)
        self.assertEqual(reply[9], 2)
        self.assertEqual(reply[10], [["B"]])
        self.assertEqual(reply[11], [[""]])
        self.assertEqual(self.bridge.request("stat")["ok"]["handles"], before)

    def test_methods_outside_the_allowlist_are_refused(self):
        for method in ["__class__", "__init__", "_state", "GetProjectManager2", 42, None]:
            err = self.bridge.call({"h": self.root, "m": method})["err"]
            self.assertEqual(err["code"], "METHOD_NOT_ALLOWED", method)
        # A real method of another class is not allowed on this one.
        err = self.bridge.call({"h": self.root, "m": "CreateProject", "a": ["x"]})["err"]
        self.assertEqual(err["code"], "METHOD_NOT_ALLOWED")

    def test_unknown_and_released_handles_are_refused(self):
        for handle in [999999, -1, "0", True, None, {"$h": 0}]:
            err = self.bridge.call({"h": handle, "m": "GetVersion"})["err"]
            self.assertIn(err["code"], ("UNKNOWN_HANDLE", "BAD_REFERENCE"), handle)
        pm = self.bridge.call({"h": self.root, "m": "GetProjectManager"})["ok"][0]
        self.bridge.request("release", handles=[pm["$h"]])
        err = self.bridge.call({"h": pm["$h"], "m": "GetCurrentProject"})["err"]
        self.assertEqual(err["code"], "UNKNOWN_HANDLE")

    def test_handles_do_not_accumulate(self):
        before = self.bridge.request("stat")["ok"]["handles"]
        for _ in range(50):
            pm = self.bridge.call({"h": self.root, "m": "GetProjectManager"})["ok"][0]
            self.bridge.request("release", handles=[pm["$h"]])
        self.assertEqual(self.bridge.request("stat")["ok"]["handles"], before)

    def test_constants_only_by_name(self):
        ok = self.bridge.call({"h": self.root, "m": "SetKeyframeMode",
                               "a": [{"$const": "KEYFRAME_MODE_COLOR"}]})
        self.assertEqual(ok["ok"], [True])
        for name in ["__class__", "GetVersion", "lower", "A B", 3]:
            err = self.bridge.call({"h": self.root, "m": "SetKeyframeMode",
                                    "a": [{"$const": name}]})["err"]
            self.assertEqual(err["code"], "BAD_CONSTANT", name)

    def test_bad_lines_get_errors_and_the_bridge_lives_on(self):
        for line in ["not json", "[1, 2]", '{"id": 5, "op": "explode"}', "{}", '"str"']:
            self.bridge.send_raw(line)
            self.assertIn("err", self.bridge.receive(), line)
        err = self.bridge.request("call", calls="nope")["err"]
        self.assertEqual(err["code"], "BAD_REQUEST")
        self.assertEqual(self.bridge.call({"h": self.root, "m": "GetProductName"})["ok"],
                         ["DaVinci Resolve Studio"])

    def test_error_in_a_batch_releases_what_the_batch_created(self):
        before = self.bridge.request("stat")["ok"]["handles"]
        err = self.bridge.call(
            {"h": self.root, "m": "GetProjectManager"},
            {"h": self.root, "m": "NoSuchMethod"},
        )["err"]
        self.assertEqual(err["index"], 1)
        self.assertEqual(self.bridge.request("stat")["ok"]["handles"], before)


class ReadOnlyBridgeTest(unittest.TestCase):
    def test_changing_methods_are_refused_reading_ones_work(self):
        bridge = BridgeProcess(read_only=True)
        try:
            root = bridge.request("connect")["ok"]["root"]["$h"]
            err = bridge.call({"h": root, "m": "GetProjectManager"},
                              {"h": {"$r": 0}, "m": "CreateProject", "a": ["x"]})["err"]
            self.assertEqual(err["code"], "READ_ONLY")
            err = bridge.call({"h": root, "m": "OpenPage", "a": ["color"]})["err"]
            self.assertEqual(err["code"], "READ_ONLY")
            self.assertEqual(bridge.call({"h": root, "m": "GetCurrentPage"})["ok"], ["edit"])
        finally:
            bridge.close()


class NoiseTest(unittest.TestCase):
    def test_prints_to_stdout_never_reach_the_rpc_stream(self):
        bridge = BridgeProcess(env={"RESOLVE_SIM_NOISE": "1"})
        try:
            root = bridge.request("connect")["ok"]["root"]["$h"]
            for _ in range(20):
                reply = bridge.call({"h": root, "m": "GetProjectManager"},
                                    {"h": {"$r": 0}, "m": "GetCurrentProject"},
                                    {"h": {"$r": 1}, "m": "GetName"})
                self.assertEqual(reply["ok"][2], "Untitled Project")
        finally:
            bridge.close()


class MissingModuleTest(unittest.TestCase):
    def test_without_the_scripting_module_connect_says_why(self):
        bridge = BridgeProcess(modules={"resolve_bridge": read(os.path.join(BRIDGE, "resolve_bridge.py"))})
        try:
            err = bridge.request("connect")["err"]
            self.assertEqual(err["code"], "MODULE_NOT_FOUND")
            self.assertIn("DaVinciResolveScript", err["message"])
        finally:
            bridge.close()


if __name__ == "__main__":
    unittest.main()


class LifetimeTest(unittest.TestCase):
    def test_the_end_of_stdin_ends_the_bridge_even_while_a_call_hangs(self):
        bridge = BridgeProcess(env={"RESOLVE_SIM_HANG": "Resolve.GetVersion"})
        root = bridge.request("connect")["ok"]["root"]["$h"]
        bridge.send_raw(json.dumps({"id": 99, "op": "call",
                                    "calls": [{"h": root, "m": "GetVersion"}]}))
        time.sleep(0.3)  # the call is in Resolve
        bridge.proc.stdin.close()
        try:
            self.assertEqual(bridge.proc.wait(timeout=10), 0)
        finally:
            if bridge.proc.poll() is None:
                bridge.proc.kill()
            bridge.proc.wait()
            bridge.proc.stdout.close()
            bridge.proc.stderr.close()


class WorkingFolderTest(unittest.TestCase):
    def test_python_files_in_the_working_folder_never_run(self):
        folder = tempfile.mkdtemp(prefix="bridge_cwd_")
        self.addCleanup(shutil.rmtree, folder, True)
        names = ["json", "os", "re", "importlib", "marshal", "zlib", "queue", "threading",
                 "time", "sitecustomize", "usercustomize"]
        for name in names:
            with open(os.path.join(folder, name + ".py"), "w") as f:
                f.write('open(__file__ + ".ran", "w").close()\n')
        bridge = BridgeProcess(cwd=folder)
        self.assertEqual(bridge.request("connect")["ok"]["product"], "DaVinci Resolve Studio")
        bridge.close()
        self.assertEqual([n for n in os.listdir(folder) if n.endswith(".ran")], [])
