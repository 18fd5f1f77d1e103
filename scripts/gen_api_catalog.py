"""Derive bridge/api_catalog.json from the Resolve API reference.

For every documented method (bridge/methods.json, a verbatim copy of the shared
methods list) it records the class of API object the method returns (so the
bridge can type handles: real Resolve objects are all `PyRemoteObject`) and its
effect: "read", "write" or "destructive" (read-only mode and confirmation gates).

Usage: python3 scripts/gen_api_catalog.py [path/to/REFERENCE.md]
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OBJECT_CLASSES = [
    "ProjectManager", "Project", "MediaStorage", "MediaPoolItem", "MediaPool", "Folder",
    "TimelineItem", "Timeline", "GalleryStillAlbum", "GalleryStill", "Gallery", "Graph",
    "ColorGroup", "Fusion", "fusionComp",
]
# Methods that only read state although their names do not say so.
READ_EXCEPTIONS = {"Fusion"}
DESTRUCTIVE_PREFIXES = ("Delete", "Clear", "Reset", "Unlink", "Replace", "Remove")
DESTRUCTIVE_EXACT = {
    "Quit", "CloseProject", "SetCurrentDatabase", "FinalizeTake", "StopRendering",
    "DeleteAllRenderJobs", "RemoveFromColorGroup",
}


def return_class(returns):
    if "mediaPoolItem" in returns:
        return "MediaPoolItem"
    for name in OBJECT_CLASSES:
        if re.search(r"\b%s\b" % name, returns):
            return "FusionComp" if name == "fusionComp" else name
    return None


def effect(method):
    if method in READ_EXCEPTIONS or re.match(r"^(Get|Is)[A-Z]", method):
        return "read"
    if method in DESTRUCTIVE_EXACT or method.startswith(DESTRUCTIVE_PREFIXES):
        return "destructive"
    return "write"


def main():
    ref_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "resolve-api", "REFERENCE.md")
    with open(ref_path, encoding="utf-8") as f:
        section = f.read().split("## 2. Classes and methods")[1].split("## 3. Enumerations")[0]
    returns = {}
    cls = None
    for line in section.splitlines():
        head = re.match(r"### 2\.\d+ `(\w+)`", line)
        if head:
            cls = head.group(1)
            continue
        row = re.match(r"\| \d+ \| `(\w+)\(.*?\)` \| (.*?) \|", line)
        if row and cls:
            returns.setdefault((cls, row.group(1)), []).append(row.group(2))
    with open(os.path.join(ROOT, "bridge", "methods.json"), encoding="utf-8") as f:
        methods = json.load(f)["classes"]
    catalog = {}
    for cls, entries in methods.items():
        catalog[cls] = {}
        for entry in entries:
            name = entry["method"]
            rets = returns[(cls, name)]
            catalog[cls][name] = {
                "since": entry["since"].split("/")[0],
                "signatures": entry["signatures"],
                "returns": " | ".join(dict.fromkeys(rets)),
                "returnClass": return_class(" ".join(rets)),
                "effect": effect(name),
            }
    with open(os.path.join(ROOT, "bridge", "api_catalog.json"), "w", encoding="utf-8") as f:
        json.dump(catalog, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
