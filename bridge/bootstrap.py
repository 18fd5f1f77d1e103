"""Bridge bootstrap, run as `python3 -E -s -S -u -c <this file>` (pythonSwitches in
src/discovery.ts: no PYTHON* variables, no user site, no site module).

Before any import it takes the current folder ("", which -c puts first) off the import path,
so Python files in the folder the server was started in never run. It moves fd 1 out of the
way, so nothing Resolve's native libraries print can reach the RPC stream, then reads one
JSON line from stdin, {"modules": {name: source}, "main": name, "path": [dirs]}, makes
those modules importable from memory (the program ships as one executable, with no Python
files beside it) and runs main.run(rpc_out, config); "path" (Resolve's Modules folder) goes
first on the import path, as -E has Python ignore PYTHONPATH.
Compiled modules are cached (keyed by a hash of their source) in the user's cache folder,
so a restarted bridge does not compile them again. The request lines that follow are read
by a thread, which ends the process once stdin ends (the server stopped or was killed) even
while a call hangs the main thread.
"""

import sys
sys.path[:] = [p for p in sys.path if p != ""]  # first: the working folder is not code

import importlib
import importlib.machinery
import json
import marshal
import os
import queue
import threading
import time
import zlib

# How long a main thread still busy with a call may go on once stdin has ended.
GRACE_SECONDS = 0.5

rpc_out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
if hasattr(sys.stderr, "reconfigure"):  # -E ignores PYTHONIOENCODING
    sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")
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


class Requests(object):
    """The lines of stdin, from fd 0 itself: a thread blocked in a buffered read would make
    Python abort as it exits. From the first iteration on, a daemon thread reads them.

    A hung call blocks the main thread, so only another thread can notice that the server
    has gone (stdin ends; also when it was killed). The iteration then ends, and a main
    thread that does not end by itself within GRACE_SECONDS is cut short."""

    def __init__(self):
        self.pending = bytearray()
        self.lines = None

    def readline(self):
        """The next line with its newline; at the end, what is left (b"" at last)."""
        searched = 0
        while True:
            end = self.pending.find(b"\n", searched)
            if end >= 0:
                line = bytes(self.pending[:end + 1])
                del self.pending[:end + 1]
                return line
            searched = len(self.pending)
            chunk = os.read(0, 65536)
            if not chunk:
                line = bytes(self.pending)
                del self.pending[:]
                return line
            self.pending += chunk

    def __iter__(self):
        if self.lines is None:
            self.lines = queue.Queue()
            thread = threading.Thread(target=self.read, name="stdin")
            thread.daemon = True
            thread.start()
        while True:
            line = self.lines.get()
            if line is None:
                return
            yield line

    def read(self):
        try:
            line = self.readline()
            while line:
                self.lines.put(line)
                line = self.readline()
        except OSError:
            pass
        self.lines.put(None)
        time.sleep(GRACE_SECONDS)
        os._exit(0)


class Stdin(object):
    """What the main module reads its requests from: sys.stdin.buffer."""

    def __init__(self, requests):
        self.buffer = requests


class ImpShim(object):
    """Older copies of Resolve's DaVinciResolveScript.py `import imp` to call
    imp.load_dynamic, and Python 3.12 removed imp. Last on sys.meta_path, this answers only
    when no real imp exists, with a module whose load_dynamic loads the library as imp did."""

    def find_spec(self, name, path=None, target=None):
        if name == "imp":
            return importlib.machinery.ModuleSpec(name, self, origin="shim:imp")
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.load_dynamic = load_dynamic


def load_dynamic(name, path, file=None):
    import importlib.util
    loader = importlib.machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


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
requests = Requests()
header = json.loads(requests.readline())
sys.stdin = Stdin(requests)
sys.path[:0] = header.get("path", [])
sys.meta_path.insert(0, EmbeddedModules(header["modules"]))
sys.meta_path.append(ImpShim())
importlib.import_module(header["main"]).run(rpc_out, header.get("config", {}))
