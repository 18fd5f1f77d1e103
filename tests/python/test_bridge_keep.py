"""Listings in the bridge (issue 14): a "keep" call answers from memory until any change,
map slices read only the page's objects, several calls on a shared result run once per
object, and dict results can be cut to the keys a listing needs."""

import json
import os
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bridge", "simulator"))
sys.path.insert(0, os.path.join(ROOT, "bridge"))

import resolve_bridge  # noqa: E402
import sim_testmedia  # noqa: E402


class CountingBridge(resolve_bridge.Bridge):
    def __init__(self, config):
        resolve_bridge.Bridge.__init__(self, config)
        self.count = 0

    def invoke(self, obj, cls, method, args, results):
        self.count += 1
        return resolve_bridge.Bridge.invoke(self, obj, cls, method, args, results)


class KeepTest(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(ROOT, "bridge", "api_catalog.json")) as fh:
            catalog = json.load(fh)
        self.bridge = CountingBridge({"catalog": catalog})
        self.bridge.connect()
        r = self.bridge.resolve
        project = r.GetProjectManager().CreateProject("Keep %d" % id(self))
        pool = project.GetMediaPool()
        self.dir = tempfile.mkdtemp()
        path = os.path.join(self.dir, "t.wav")
        sim_testmedia.write_wav(path, 0.5, 48000, 1)
        self.clip = pool.ImportMedia([path])[0]
        self.timeline = pool.CreateEmptyTimeline("T")
        pool.AppendToTimeline([{"mediaPoolItem": self.clip, "startFrame": 0, "endFrame": 1,
                                "mediaType": 2, "recordFrame": 86400 + i} for i in range(10)])
        self.bridge.handles[7] = (self.timeline, "Timeline")

    def page(self, start, end, ms=None):
        calls = [{"h": 7, "m": "GetItemListInTrack", "a": ["audio", 1], "q": 1, "keep": "L:a1"},
                 {"map": {"$r": 0}, "ms": ms or [["GetStart"]], "slice": [start, end]}]
        return self.bridge.handle({"op": "call", "calls": calls})[1]

    def test_kept_list_is_fetched_once_until_a_change(self):
        first = self.page(0, 3)
        self.assertEqual([r[0] for r in first], [86400, 86401, 86402])
        self.bridge.count = 0
        self.assertEqual([r[0] for r in self.page(3, 5)], [86403, 86404])
        self.assertEqual(self.bridge.count, 2)  # only the two GetStart calls
        # a changing call (any effect but "read") forgets every kept list
        items = self.timeline.GetItemListInTrack("audio", 1)
        self.bridge.handles[8] = (items[0], "TimelineItem")
        self.bridge.handle({"op": "call", "calls": [
            {"h": 7, "m": "DeleteClips", "a": [[{"$h": 8}]]}]})
        self.assertEqual(self.bridge.kept, {})
        self.bridge.count = 0
        self.assertEqual([r[0] for r in self.page(0, 2)], [86401, 86402])
        self.assertEqual(self.bridge.count, 3)  # the list again, then two GetStart

    def test_shared_results_are_read_once_and_dicts_cut_to_keys(self):
        ms = [["GetMediaPoolItem", [], [["GetUniqueId"], ["GetClipProperty", [], ["FPS"]]]],
              ["GetMediaPoolItem", [], {"keys": []}]]
        self.page(0, 1)
        self.bridge.count = 0
        rows = self.page(0, 10, ms)
        # 10 x GetMediaPoolItem twice, but the clip's two calls only once
        self.assertEqual(self.bridge.count, 10 * 2 + 2)
        self.assertEqual(rows[0][0][0], self.clip.GetUniqueId())
        self.assertEqual(len(rows[0][0][1]), 1)
        cut = self.bridge.handle({"op": "call", "calls": [
            {"map": [0], "ms": [["GetProductName"]]}]})
        self.assertEqual(len(cut[0]), 1)


if __name__ == "__main__":
    unittest.main()
