"""Derive bridge/api_catalog.json and bridge/simulator/sim_methods.py from the reference.

For every documented method (bridge/methods.json, a verbatim copy of the shared
methods list, 424 methods up to Resolve 21.1.1) it records the class of API object
the method returns (so the bridge can type handles: real Resolve objects are all
`PyRemoteObject`) and its effect: "read", "write" or "destructive" (read-only mode
and confirmation gates). Return types come from REFERENCE.md section 2 (21.0.x) and,
for the methods added in 21.1/21.1.1, from REFERENCE-21.1.md Appendix A (the stub's
return types). It also writes the simulator's flat copy of the "since" versions.

Usage: python3 scripts/gen_api_catalog.py [path/to/REFERENCE.md [path/to/REFERENCE-21.1.md]]
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
READ_EXCEPTIONS = {"Fusion", "ValidateDCTL"}
DESTRUCTIVE_PREFIXES = ("Delete", "Clear", "Reset", "Unlink", "Replace", "Remove")
DESTRUCTIVE_EXACT = {
    "Quit", "CloseProject", "SetCurrentDatabase", "FinalizeTake", "StopRendering",
    "DeleteAllRenderJobs", "RemoveFromColorGroup", "FlattenMulticam", "StopCloneMedia",
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
    ref211_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(ref_path), "REFERENCE-21.1.md")
    with open(ref211_path, encoding="utf-8") as f:
        appendix = f.read().split("## Appendix A.")[1]
    for line in appendix.splitlines():
        row = re.match(r"\| \d+ \| `(\w+)\.(\w+)` \| [\d.]+ \| `.*?` \| `(.*?)` \|", line)
        if row:
            returns.setdefault((row.group(1), row.group(2)), []).append(
                row.group(3).replace("\\|", "|"))
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
            if "deprecated_in" in entry:
                catalog[cls][name]["deprecatedIn"] = entry["deprecated_in"]
    with open(os.path.join(ROOT, "bridge", "api_catalog.json"), "w", encoding="utf-8") as f:
        json.dump(catalog, f, indent=1, sort_keys=True)
        f.write("\n")
    write_sim_methods(methods)


def write_sim_methods(methods):
    """bridge/simulator/sim_methods.py: the simulator's flat copy of every "since"."""
    out = ['"""Documented methods per class with the README version that first lists them.', "",
           "Generated from bridge/methods.json (a flat copy so the simulator needs no data files).",
           '"""', "", "SINCE = {"]
    for cls, entries in methods.items():
        out.append("    %r: {" % cls)
        out.extend("        %r: %r," % (e["method"], e["since"]) for e in entries)
        out.append("    },")
    out.append("}")
    with open(os.path.join(ROOT, "bridge", "simulator", "sim_methods.py"), "w",
              encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
