"""install-inapp: writes the in-app bridge script into Resolve's Scripts folder.

It runs through the bootstrap like the bridge (the server itself may not write files), and
answers with one JSON line: {"ok": what it did} or {"err": {"code", "message"}}. The script
is self-contained: resolve_bridge.py and inapp_server.py verbatim (so the RPC is the
external bridge's), the allowlist, this install's port and a new secret, and a few lines
that load them and call inapp_server.main with the `resolve` global Resolve gives its
scripts. The port and the secret are kept, readable by this user only, for the relay.
"""

import binascii
import importlib
import json
import os
import sys
import tempfile

import inapp_server

SCRIPT_NAME = "Resolve MCP Bridge"
MENU = "Workspace > Scripts > Utility > " + SCRIPT_NAME
IDLE_SECONDS = 30 * 60

TEMPLATE = '''"""{title} (written by install-inapp; install again rather than edit it).

Run it inside DaVinci Resolve from {menu}. It lets the MCP server
drive this Resolve through 127.0.0.1:{port}, authenticated with this install's secret (so
keep this file private), until you run it again, press Ctrl-C in the Console, quit
Resolve, or no server has connected for {idle} minutes.
"""

import json
import types

CONFIG = {config}

CATALOG = json.loads({catalog})

RESOLVE_BRIDGE = r\'\'\'{bridge}\'\'\'

INAPP_SERVER = r\'\'\'{server}\'\'\'


def load(name, source):
    module = types.ModuleType(name)
    exec(compile(source, "<%s>" % name, "exec"), module.__dict__)
    return module


load("inapp_server", INAPP_SERVER).main(
    load("resolve_bridge", RESOLVE_BRIDGE), globals().get("resolve"), CONFIG, CATALOG)
'''


def user_scripts_dir():
    """The per-user Scripts folder Resolve lists under Workspace > Scripts."""
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Application Support/Blackmagic Design/"
                                  "DaVinci Resolve/Fusion/Scripts")
    if sys.platform.startswith("win"):
        return os.path.join(os.environ.get("APPDATA", os.path.expanduser("~")),
                            "Blackmagic Design", "DaVinci Resolve", "Support", "Fusion",
                            "Scripts")
    return os.path.expanduser("~/.local/share/DaVinciResolve/Fusion/Scripts")


def scripts_dirs():
    """{"edition", "scripts"}: the Scripts folder of the installed build. The Mac App Store
    build is sandboxed: its per-user folders live in its container, and it ships no
    Developer/Scripting (the downloaded installer's system-wide folder)."""
    if sys.platform == "darwin":
        import glob
        support = "Data/Library/Application Support/Blackmagic Design/DaVinci Resolve"
        containers = sorted(glob.glob(os.path.expanduser(
            "~/Library/Containers/com.blackmagic-design.*/" + support)))
        downloaded = os.path.isdir("/Library/Application Support/Blackmagic Design/"
                                   "DaVinci Resolve")
        if containers and not downloaded:
            return {"edition": "app-store",
                    "scripts": os.path.join(containers[0], "Fusion", "Scripts")}
    return {"edition": "download", "scripts": user_scripts_dir()}


def write_private(path, text):
    """Replaces path with text, readable and writable by this user only."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def embeddable(name):
    source = importlib.import_module(name).__loader__.get_source(name)
    if "'''" in source or source.endswith("\\"):
        raise ValueError("%s cannot be embedded in a raw string" % name)
    return source


def script_text(config, catalog):
    return TEMPLATE.format(
        title=SCRIPT_NAME, menu=MENU, port=config["port"],
        idle=config["idleSeconds"] // 60, config=json.dumps(config, indent=4),
        catalog=repr(json.dumps(catalog, sort_keys=True, separators=(",", ":"))),
        bridge=embeddable("resolve_bridge"), server=embeddable("inapp_server"))


def previous_port(path):
    try:
        with open(path, encoding="utf-8") as f:
            return int(json.load(f)["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def install(config):
    catalog = config["catalog"]
    settings = inapp_server.settings_path()
    port = int(config.get("port") or previous_port(settings) or inapp_server.DEFAULT_PORT)
    found = scripts_dirs()
    edition = "custom" if config.get("scriptsDir") else found["edition"]
    folder = os.path.join(config.get("scriptsDir") or found["scripts"], "Utility")
    script = os.path.join(folder, SCRIPT_NAME + ".py")
    replaced = os.path.exists(script)
    secret = binascii.hexlify(os.urandom(32)).decode("ascii")
    script_config = {"port": port, "secret": secret,
                     "idleSeconds": int(config.get("idleSeconds") or IDLE_SECONDS),
                     "build": inapp_server.build_id(catalog)}
    os.makedirs(folder, exist_ok=True)
    os.makedirs(os.path.dirname(settings), mode=0o700, exist_ok=True)
    write_private(script, script_text(script_config, catalog))
    write_private(settings, json.dumps({"port": port, "secret": secret, "script": script},
                                       indent=2) + "\n")
    return {"script": script, "settings": settings, "port": port, "replaced": replaced,
            "build": script_config["build"], "idleMinutes": script_config["idleSeconds"] // 60,
            "menu": MENU, "edition": edition}


def run(out, config):
    try:
        message = {"ok": install(config)}
    except (OSError, ValueError) as e:
        message = {"err": {"code": "INSTALL_FAILED", "message": str(e)}}
    out.write(json.dumps(message) + "\n")
    out.flush()
