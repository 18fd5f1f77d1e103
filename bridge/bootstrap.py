"""Bridge bootstrap, run as `python3 -S -c <this file>`.

It first moves fd 1 out of the way, so nothing Resolve's native libraries print can reach
the RPC stream, then reads one JSON line from stdin, {"modules": {name: source}, "main":
name, "path": [dirs]}, makes those modules importable from memory (the program ships as one
executable, with no Python files beside it) and runs main.run(rpc_out, config).
Compiled modules are cached (keyed by a hash of their source) in the user's cache folder,
so a restarted bridge does not compile them again.
"""

import importlib
import importlib.machinery
import json
import marshal
import os
import sys
import zlib

rpc_out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr


def cache_dir():
    base = os.environ.get("LOCALAPPDATA") or os.environ.get("XDG_CACHE_HOME") or \
        os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "davinci-resolve-mcp", "pycache")


def compiled(name, source):
    data = source.encode("utf-8")
    digest = "%08x%08x%x" % (zlib.crc32(data), zlib.adler32(data), len(data))
    path = os.path.join(CACHE, "%s.%s.%s.bin" % (name, sys.implementation.cache_tag, digest))
    try:
        with open(path, "rb") as f:
            return marshal.load(f)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = compile(source, "embedded:" + name, "exec")
    try:
        os.makedirs(CACHE, exist_ok=True)
        tmp = "%s.%d.tmp" % (path, os.getpid())
        with open(tmp, "wb") as f:
            marshal.dump(code, f)
        os.replace(tmp, path)
    except OSError:
        pass  # no cache; compiling each time is only slower
    return code


class EmbeddedModules(object):
    """Finder and loader of the embedded modules (the import protocols, without importing
    importlib.abc, which loads typing and more for nothing)."""

    def __init__(self, sources):
        self.sources = sources

    def find_spec(self, name, path=None, target=None):
        if name in self.sources:
            return importlib.machinery.ModuleSpec(name, self, origin="embedded:" + name)
        return None

    def create_module(self, spec):
        return None

    def get_source(self, name):
        return self.sources[name]

    def exec_module(self, module):
        code = compiled(module.__name__, self.sources[module.__name__])
        exec(code, module.__dict__)  # our own embedded source, never input from a client


def add_site_packages():
    """Under -S (the server starts the bridge so: the .pth files and sitecustomize of
    whatever Python this is stay out of the bridge, with the memory and time they cost),
    the site-packages folders still come last on the import path."""
    import site
    folders = site.getsitepackages()
    if site.check_enableusersite():
        folders.append(site.getusersitepackages())
    for folder in folders:
        if folder not in sys.path and os.path.isdir(folder):
            sys.path.append(folder)


if sys.flags.no_site:
    add_site_packages()
CACHE = cache_dir()
header = json.loads(sys.stdin.buffer.readline())
sys.path[:0] = header.get("path", [])
sys.meta_path.insert(0, EmbeddedModules(header["modules"]))
importlib.import_module(header["main"]).run(rpc_out, header.get("config", {}))
