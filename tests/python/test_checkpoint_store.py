"""The bridge's checkpoint store (checkpoints_op in bridge/resolve_bridge.py): records in the
server's data folder, only files named by a checkpoint id, nothing else read or deleted."""

import os
import shutil
import sys
import tempfile
import unittest

from tests.python import simkit

sys.path.insert(0, os.path.dirname(simkit.SIM_DIR))
import resolve_bridge  # noqa: E402

ID = "ck-20260101-120000-abcdef"


class CheckpointStoreTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp()
        self.old = os.environ.get("RESOLVE_MCP_DATA_DIR")
        os.environ["RESOLVE_MCP_DATA_DIR"] = os.path.join(self.root, "data")

    def tearDown(self):
        if self.old is None:
            os.environ.pop("RESOLVE_MCP_DATA_DIR", None)
        else:
            os.environ["RESOLVE_MCP_DATA_DIR"] = self.old
        shutil.rmtree(self.root, True)

    def op(self, **request):
        return resolve_bridge.checkpoints_op(request)

    def test_dir_put_list_drop(self):
        folder = self.op(action="dir")
        want = os.path.realpath(os.path.join(self.root, "data", "checkpoints"))
        self.assertEqual(folder["dir"], want)
        self.assertFalse(folder["exists"])
        path = self.op(action="put", entry={"checkpoint_id": ID, "tool": "t", "args": {"a": 1}})
        self.assertTrue(self.op(action="dir")["exists"])
        self.assertEqual(os.stat(folder["dir"]).st_mode & 0o777, 0o700)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        drp = self.op(action="path", checkpoint=ID)
        self.assertEqual(drp, os.path.join(folder["dir"], ID + ".drp"))
        listed = self.op(action="list")
        self.assertEqual([(e["checkpoint_id"], e["args"], e["file_exists"]) for e in listed],
                         [(ID, {"a": 1}, False)])
        with open(drp, "w") as fh:
            fh.write("x")
        self.assertTrue(self.op(action="list")[0]["file_exists"])
        self.assertEqual(self.op(action="drop", ids=[ID]), 1)
        self.assertEqual(self.op(action="list"), [])
        self.assertFalse(os.path.exists(drp))

    def test_refuses_other_names(self):
        for bad in ("../x", "ck-1", ID + "/../../etc", None):
            with self.assertRaises(resolve_bridge.BridgeError):
                self.op(action="put", entry={"checkpoint_id": bad})
            with self.assertRaises(resolve_bridge.BridgeError):
                self.op(action="drop", ids=[bad])
        with self.assertRaises(resolve_bridge.BridgeError):
            self.op(action="nope")
        # files that are not checkpoint records are neither listed nor removed
        folder = self.op(action="dir")["dir"]
        os.makedirs(folder, exist_ok=True)
        other = os.path.join(folder, "notes.json")
        with open(other, "w") as fh:
            fh.write("{}")
        self.assertEqual(self.op(action="list"), [])
        self.assertTrue(os.path.exists(other))


if __name__ == "__main__":
    unittest.main()
