"""Bridge bootstrap, run as `python3 -c <this file>`.

It first moves fd 1 out of the way, so nothing Resolve's native libraries print can reach
the RPC stream, then reads one JSON line from stdin, {"modules": {name: source}, "main":
name, "path": [dirs]}, makes those modules importable from memory (the program ships as one
executable, with no Python files beside it) and runs main.run(rpc_out, config).
"""

import importlib.abc
import importlib.util
import json
import os
import sys

rpc_out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr


class EmbeddedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, sources):
        self.sources = sources

    def find_spec(self, name, path=None, target=None):
        if name in self.sources:
            return importlib.util.spec_from_loader(name, self, origin="embedded:" + name)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = compile(self.sources[module.__name__], module.__spec__.origin, "exec")
        exec(code, module.__dict__)  # our own embedded source, never input from a client


header = json.loads(sys.stdin.buffer.readline())
sys.path[:0] = header.get("path", [])
sys.meta_path.insert(0, EmbeddedModules(header["modules"]))
importlib.import_module(header["main"]).run(rpc_out, header.get("config", {}))
