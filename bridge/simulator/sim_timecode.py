"""Frame-rate parsing and SMPTE timecode conversion for the Resolve simulator.

Timecode counts at the *nominal* (integer) rate of a frame rate: 23.976
counts 24 frames per second, 29.97 counts 30 and 59.94 counts 60.  So
``01:00:00:00`` is frame 86400 at both 23.976 and 24, 90000 at 25, 108000 at
29.97 NDF and 30, 107892 at 29.97 DF and 215784 at 59.94 DF.

Drop-frame (29.97 DF and 59.94 DF only) skips frame labels 0-1 (0-3 at
59.94) at the start of every minute that is not a multiple of ten.  The
strings produced by :func:`frames_to_tc` use ``;`` as the separator before
the frames field for drop-frame (``00:01:00;02``) and ``:`` everywhere else.
Hours are not wrapped at 24 so every non-negative frame number has a unique
label.

Everything here is pure standard library and never raises on bad input:
invalid values give ``None``.
"""

import math
import re

# label -> (fps, nominal frames per second); fractional rates are x1000/1001.
_RATES = {
    "23.976": (23.976, 24),
    "24": (24.0, 24),
    "25": (25.0, 25),
    "29.97": (29.97, 30),
    "30": (30.0, 30),
    "47.952": (47.952, 48),
    "48": (48.0, 48),
    "50": (50.0, 50),
    "59.94": (59.94, 60),
    "60": (60.0, 60),
    "119.88": (119.88, 120),
    "120": (120.0, 120),
}
_DROP_NOMINALS = (30, 60)
_RATE_TOLERANCE = 0.01

_NDF_TC = re.compile(r"^(\d{1,3}):(\d{2}):(\d{2}):(\d{2,3})$")
_DF_TC = re.compile(r"^(\d{1,3})[:;.](\d{2})[:;.](\d{2})[:;.](\d{2,3})$")


def _is_number(value):
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def _match_rate(number):
    """Return the (fps, nominal) entry closest to ``number`` or None."""
    for fps, nominal in _RATES.values():
        if abs(number - fps) <= _RATE_TOLERANCE:
            return fps, nominal
    return None


def parse_rate(value):
    """Parse a frame rate into ``(fps, nominal, drop)``.

    Accepts the Resolve rate labels ('23.976', '24', '25', '29.97',
    '29.97 DF', '30', '47.952', '48', '50', '59.94', '59.94 DF', '60',
    '119.88', '120'), an optional ' NDF' suffix, and ints/floats within
    0.01 of a supported rate (24000/1001 gives 23.976).  Drop-frame is
    only valid at 29.97 and 59.94.  Returns None for anything else.
    """
    if _is_number(value):
        entry = _match_rate(value)
        return None if entry is None else (entry[0], entry[1], False)
    if not isinstance(value, str):
        return None
    text = value.strip().upper()
    drop = False
    if text.endswith("NDF"):
        text = text[:-3].strip()
    elif text.endswith("DF"):
        text, drop = text[:-2].strip(), True
    try:
        number = float(text)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    entry = _match_rate(number)
    if entry is None or (drop and entry[1] not in _DROP_NOMINALS):
        return None
    return entry[0], entry[1], drop


def nominal_rate(fps):
    """Integer timecode base for ``fps`` (a number or rate label) or None."""
    if isinstance(fps, str):
        parsed = parse_rate(fps)
        return None if parsed is None else parsed[1]
    if not _is_number(fps) or fps <= 0:
        return None
    return max(1, int(round(fps)))


def rate_fraction(fps):
    """Exact rate as ``(numerator, denominator)``: 23.976 -> (24000, 1001).

    Integer rates give ``(n, 1)``; rates within 0.01 of n*1000/1001 give
    ``(n*1000, 1001)``.  Returns None for invalid rates.
    """
    nominal = nominal_rate(fps)
    if nominal is None:
        return None
    value = parse_rate(fps)[0] if isinstance(fps, str) else fps
    if abs(value - nominal) <= _RATE_TOLERANCE / 10:
        return nominal, 1
    if abs(value - nominal * 1000.0 / 1001.0) <= _RATE_TOLERANCE:
        return nominal * 1000, 1001
    return None


def _drop_params(nominal):
    """(frames dropped per minute, frames per DF minute, per 10 minutes)."""
    dropped = nominal // 15
    per_minute = nominal * 60 - dropped
    per_ten = nominal * 600 - dropped * 9
    return dropped, per_minute, per_ten


def tc_to_frames(tc, fps, drop=False):
    """Convert 'HH:MM:SS:FF' to a frame count from 00:00:00:00.

    For drop-frame the separators may be ':', ';' or '.'.  Returns None for
    malformed strings, fields out of range (FF >= nominal rate, MM or
    SS >= 60), labels skipped by drop-frame, or drop-frame at a rate other
    than 29.97/59.94.
    """
    nominal = nominal_rate(fps)
    if nominal is None or not isinstance(tc, str):
        return None
    if drop and nominal not in _DROP_NOMINALS:
        return None
    match = (_DF_TC if drop else _NDF_TC).match(tc.strip())
    if match is None:
        return None
    hours, minutes, seconds, frames = (int(part) for part in match.groups())
    if minutes >= 60 or seconds >= 60 or frames >= nominal:
        return None
    total = ((hours * 60 + minutes) * 60 + seconds) * nominal + frames
    if not drop:
        return total
    dropped = _drop_params(nominal)[0]
    if minutes % 10 and seconds == 0 and frames < dropped:
        return None
    total_minutes = hours * 60 + minutes
    return total - dropped * (total_minutes - total_minutes // 10)


def frames_to_tc(frames, fps, drop=False):
    """Convert a frame count to 'HH:MM:SS:FF' ('HH:MM:SS;FF' for DF).

    ``frames`` may be an int or an integral float.  The frames field is two
    digits (three at rates above 100).  Returns None for negative or
    non-integral frame counts and invalid rates.
    """
    nominal = nominal_rate(fps)
    if nominal is None or not _is_number(frames):
        return None
    if isinstance(frames, float):
        if not frames.is_integer():
            return None
        frames = int(frames)
    if frames < 0 or (drop and nominal not in _DROP_NOMINALS):
        return None
    if drop:
        dropped, per_minute, per_ten = _drop_params(nominal)
        tens, rest = divmod(frames, per_ten)
        extra_minutes = max(0, (rest - dropped) // per_minute)
        frames += dropped * (9 * tens + extra_minutes)
    seconds_total, ff = divmod(frames, nominal)
    minutes_total, ss = divmod(seconds_total, 60)
    hh, mm = divmod(minutes_total, 60)
    width = 3 if nominal > 100 else 2
    sep = ";" if drop else ":"
    return "%02d:%02d:%02d%s%0*d" % (hh, mm, ss, sep, width, ff)
