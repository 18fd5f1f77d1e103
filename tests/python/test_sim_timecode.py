"""Tests for bridge/simulator/sim_timecode.py."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "bridge", "simulator"))

import sim_timecode as tc  # noqa: E402


class ParseRateTest(unittest.TestCase):
    def test_labels(self):
        expected = {
            "23.976": (23.976, 24, False), "24": (24.0, 24, False),
            "25": (25.0, 25, False), "29.97": (29.97, 30, False),
            "29.97 DF": (29.97, 30, True), "30": (30.0, 30, False),
            "47.952": (47.952, 48, False), "48": (48.0, 48, False),
            "50": (50.0, 50, False), "59.94": (59.94, 60, False),
            "59.94 DF": (59.94, 60, True), "60": (60.0, 60, False),
            "119.88": (119.88, 120, False), "120": (120.0, 120, False),
        }
        for label, result in expected.items():
            self.assertEqual(tc.parse_rate(label), result, label)

    def test_numbers_and_variants(self):
        self.assertEqual(tc.parse_rate(24), (24.0, 24, False))
        self.assertEqual(tc.parse_rate(24000 / 1001), (23.976, 24, False))
        self.assertEqual(tc.parse_rate(29.97), (29.97, 30, False))
        self.assertEqual(tc.parse_rate("29.97DF"), (29.97, 30, True))
        self.assertEqual(tc.parse_rate(" 29.97 ndf "), (29.97, 30, False))

    def test_invalid(self):
        for value in ("25 DF", "24 DF", "119.88 DF", "abc", "", "0", "-24",
                      "nan", "inf", 17, 0, -24, None, True, [24], {}):
            self.assertIsNone(tc.parse_rate(value), repr(value))

    def test_rate_fraction(self):
        self.assertEqual(tc.rate_fraction(23.976), (24000, 1001))
        self.assertEqual(tc.rate_fraction("59.94 DF"), (60000, 1001))
        self.assertEqual(tc.rate_fraction(25), (25, 1))
        self.assertEqual(tc.rate_fraction(119.88), (120000, 1001))
        self.assertIsNone(tc.rate_fraction(12.3))
        self.assertIsNone(tc.rate_fraction("bogus"))
        self.assertEqual(tc.nominal_rate("23.976"), 24)
        self.assertIsNone(tc.nominal_rate(-1))


class ConversionTest(unittest.TestCase):
    def test_one_hour(self):
        cases = [(23.976, False, 86400), (24, False, 86400),
                 (25, False, 90000), (29.97, False, 108000),
                 (30, False, 108000), (29.97, True, 107892),
                 (59.94, True, 215784), (50, False, 180000),
                 (119.88, False, 432000)]
        for fps, drop, frames in cases:
            self.assertEqual(tc.tc_to_frames("01:00:00:00", fps, drop),
                             frames, (fps, drop))
            expected = "01:00:00;00" if drop else "01:00:00:00"
            if fps > 100:
                expected = "01:00:00:000"
            self.assertEqual(tc.frames_to_tc(frames, fps, drop), expected)

    def test_rate_labels_accepted_as_fps(self):
        self.assertEqual(tc.tc_to_frames("01:00:00:00", "29.97", True),
                         107892)
        self.assertEqual(tc.frames_to_tc(86400, "23.976"), "01:00:00:00")

    def test_ndf_values(self):
        self.assertEqual(tc.tc_to_frames("00:00:01:00", 24), 24)
        self.assertEqual(tc.tc_to_frames("00:00:00:23", 23.976), 23)
        self.assertEqual(tc.frames_to_tc(86426, 24), "01:00:01:02")
        self.assertEqual(tc.frames_to_tc(0, 25), "00:00:00:00")
        self.assertEqual(tc.frames_to_tc(96.0, 24), "00:00:04:00")
        self.assertEqual(tc.frames_to_tc(30 * 3600 * 30, 30), "30:00:00:00")
        self.assertEqual(tc.tc_to_frames("30:00:00:00", 30), 30 * 3600 * 30)

    def test_df_edges(self):
        self.assertEqual(tc.frames_to_tc(1799, 29.97, True), "00:00:59;29")
        self.assertEqual(tc.frames_to_tc(1800, 29.97, True), "00:01:00;02")
        self.assertEqual(tc.tc_to_frames("00:01:00;02", 29.97, True), 1800)
        self.assertEqual(tc.tc_to_frames("00:09:59;29", 29.97, True), 17981)
        self.assertEqual(tc.frames_to_tc(17982, 29.97, True), "00:10:00;00")
        self.assertEqual(tc.tc_to_frames("00:10:00;00", 29.97, True), 17982)
        self.assertEqual(tc.tc_to_frames("00:10:00;01", 29.97, True), 17983)
        self.assertEqual(tc.frames_to_tc(3599, 59.94, True), "00:00:59;59")
        self.assertEqual(tc.frames_to_tc(3600, 59.94, True), "00:01:00;04")
        self.assertEqual(tc.tc_to_frames("00:01:00.02", 29.97, True), 1800)
        self.assertEqual(tc.tc_to_frames("00:01:00:02", 29.97, True), 1800)
        self.assertEqual(tc.tc_to_frames("00;01;00;02", 29.97, True), 1800)

    def test_df_dropped_labels_invalid(self):
        for label in ("00:01:00;00", "00:01:00;01", "00:09:00;01",
                      "01:59:00;00"):
            self.assertIsNone(tc.tc_to_frames(label, 29.97, True), label)
        for ff in range(4):
            self.assertIsNone(
                tc.tc_to_frames("00:01:00;%02d" % ff, 59.94, True))
        self.assertEqual(tc.tc_to_frames("00:01:00;04", 59.94, True), 3600)

    def test_invalid_inputs(self):
        self.assertIsNone(tc.tc_to_frames("00:00:00:24", 24))
        self.assertIsNone(tc.tc_to_frames("00:00:00:25", 25))
        self.assertIsNone(tc.tc_to_frames("00:60:00:00", 24))
        self.assertIsNone(tc.tc_to_frames("00:00:60:00", 24))
        self.assertIsNone(tc.tc_to_frames("00:00:00;00", 24))
        self.assertIsNone(tc.tc_to_frames("00:00:00:00", 25, True))
        self.assertIsNone(tc.tc_to_frames("1:2:3", 24))
        self.assertIsNone(tc.tc_to_frames("garbage", 24))
        self.assertIsNone(tc.tc_to_frames(None, 24))
        self.assertIsNone(tc.tc_to_frames("00:00:00:00", "bad"))
        self.assertIsNone(tc.tc_to_frames("00:00:00:00", 0))
        self.assertIsNone(tc.frames_to_tc(-1, 24))
        self.assertIsNone(tc.frames_to_tc(1.5, 24))
        self.assertIsNone(tc.frames_to_tc("10", 24))
        self.assertIsNone(tc.frames_to_tc(True, 24))
        self.assertIsNone(tc.frames_to_tc(10, 24, True))
        self.assertIsNone(tc.frames_to_tc(10, None))


class DropFrameExhaustiveTest(unittest.TestCase):
    """Drop-frame labelling repeats every ten minutes, so one full hour
    covers every case of the algorithm; hour boundaries cover the rest."""

    def _check_rate(self, fps, nominal):
        dropped = nominal // 15
        frame = 0
        for hh in range(2):
            for mm in range(60):
                for ss in range(60):
                    for ff in range(nominal):
                        label = "%02d:%02d:%02d;%02d" % (hh, mm, ss, ff)
                        skipped = mm % 10 and ss == 0 and ff < dropped
                        value = tc.tc_to_frames(label, fps, True)
                        if skipped:
                            self.assertIsNone(value, label)
                            continue
                        if value != frame:
                            self.fail("%s -> %r, expected %d"
                                      % (label, value, frame))
                        if tc.frames_to_tc(frame, fps, True) != label:
                            self.fail("%d -> %r, expected %s" % (
                                frame, tc.frames_to_tc(frame, fps, True),
                                label))
                        frame += 1
        per_hour = nominal * 3600 - dropped * 54
        self.assertEqual(frame, 2 * per_hour)
        for hour in range(2, 25):
            start = hour * per_hour
            for offset in (-1, 0, 1):
                label = tc.frames_to_tc(start + offset, fps, True)
                self.assertEqual(tc.tc_to_frames(label, fps, True),
                                 start + offset)
            self.assertEqual(tc.frames_to_tc(start, fps, True),
                             "%02d:00:00;00" % hour)

    def test_29_97(self):
        self._check_rate(29.97, 30)

    def test_59_94(self):
        self._check_rate(59.94, 60)


if __name__ == "__main__":
    unittest.main()
