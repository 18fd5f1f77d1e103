"""Stands in for DaVinci Resolve running a script from Workspace > Scripts.

Usage: python3 inapp_standin.py SCRIPT. As Resolve does, it runs the script with a
`resolve` global, here the simulator's Resolve (RESOLVE_SIM_* switches apply).
"""

import os
import sys

SIM_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "bridge", "simulator")
sys.path.insert(0, SIM_DIR)

import DaVinciResolveScript  # noqa: E402

with open(sys.argv[1], encoding="utf-8") as f:
    source = f.read()
exec(compile(source, sys.argv[1], "exec"),
     {"__name__": "__main__", "resolve": DaVinciResolveScript.scriptapp("Resolve")})
