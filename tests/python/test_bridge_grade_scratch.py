"""The bridge's scratch files for the edit engine: a prefix for a grade (.drx) export into the
private folder (scratch_dir), the files Resolve wrote with it (scratch_find), .comp scratch
files, and take deleting them; nothing outside those names."""

import os
import sys
import unittest

from tests.python import simkit

sys.path.insert(0, os.path.dirname(simkit.SIM_DIR))
import resolve_bridge  # noqa: E402


class GradeScratchTest(unittest.TestCase):
    def test_dir_find_take(self):
        got = resolve_bridge.scratch_op("scratch_dir", {})
        folder, prefix = got["dir"], got["prefix"]
        self.assertRegex(prefix, r"^grade-[0-9a-f]{16}$")
        self.assertEqual(os.stat(folder).st_mode & 0o777, 0o700)
        self.assertEqual(resolve_bridge.scratch_op("scratch_find", {"prefix": prefix}), [])
        path = os.path.join(folder, prefix + "1.2.1.drx")
        with open(path, "w") as fh:
            fh.write("{}")
        with open(os.path.join(folder, prefix + "x.txt"), "w") as fh:
            fh.write("not a grade")
        self.assertEqual(resolve_bridge.scratch_op("scratch_find", {"prefix": prefix}), [path])
        self.assertIsNotNone(resolve_bridge.scratch_op("take", {"path": path}))
        self.assertFalse(os.path.exists(path))
        comp = resolve_bridge.scratch_op("scratch", {"ext": "comp"})
        self.assertTrue(comp.endswith(".comp"))
        with self.assertRaises(resolve_bridge.BridgeError):
            resolve_bridge.scratch_op("scratch_find", {"prefix": "../etc"})
        with self.assertRaises(resolve_bridge.BridgeError):
            resolve_bridge.scratch_op("take", {"path": os.path.join(folder, prefix + "x.txt")})


if __name__ == "__main__":
    unittest.main()
