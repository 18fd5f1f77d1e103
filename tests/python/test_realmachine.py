"""The real-machine path without a real Resolve: an old DaVinciResolveScript.py that does
`import imp` on a Python without imp (3.12+), and install-inapp's choice of Scripts folder
for the Mac App Store build (a fake home with its sandbox container)."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BRIDGE = os.path.join(ROOT, "bridge")
SWITCHES = ["-E", "-s", "-S", "-u"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run_bootstrap(header, env=None):
    proc = subprocess.run(
        [sys.executable] + SWITCHES + ["-c", read(os.path.join(BRIDGE, "bootstrap.py"))],
        input=(json.dumps(header) + "\n").encode(), capture_output=True,
        env=dict(os.environ, **(env or {})), timeout=60)
    return proc.stdout.decode().strip().splitlines(), proc.stderr.decode()


# As Resolve's copies before 19 did it (imp.load_dynamic on the fusionscript library).
OLD_DVRS = '''import imp
import os
script_module = imp.load_dynamic("_csv", os.environ["FAKE_FUSIONSCRIPT"])
def scriptapp(name):
    return "loaded " + script_module.__name__
'''

# Python 3.12 as far as imp goes: the standard finders no longer know it.
WITHOUT_IMP = '''import importlib.machinery, sys

class NoImp(object):
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "imp":
            return None
        return importlib.machinery.PathFinder.find_spec(name, path, target)

def run(out, config):
    sys.modules.pop("imp", None)
    sys.meta_path[:] = [NoImp if f is importlib.machinery.PathFinder else f
                        for f in sys.meta_path]
    import DaVinciResolveScript
    out.write(DaVinciResolveScript.scriptapp("Resolve") + "\\n")
'''


class OldScriptingModule(unittest.TestCase):
    def test_an_old_module_importing_imp_loads_its_library_without_imp(self):
        import importlib.util
        origin = importlib.util.find_spec("_csv").origin
        if not origin or not origin.endswith((".so", ".pyd")):
            self.skipTest("_csv is built into this Python")
        with tempfile.TemporaryDirectory() as modules:
            with open(os.path.join(modules, "DaVinciResolveScript.py"), "w") as f:
                f.write(OLD_DVRS)
            lines, err = run_bootstrap(
                {"modules": {"without_imp": WITHOUT_IMP}, "main": "without_imp",
                 "path": [modules]}, {"FAKE_FUSIONSCRIPT": origin})
        self.assertEqual(lines, ["loaded _csv"], err)


class AppStoreScriptsFolder(unittest.TestCase):
    def install(self, home, platform="darwin"):
        code = ("import sys; sys.platform = %r; import inapp_install, json;"
                "print(json.dumps(inapp_install.scripts_dirs()))" % platform)
        env = dict(os.environ, HOME=home, PYTHONPATH=BRIDGE)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr.decode())
        return json.loads(out.stdout)

    def test_the_sandbox_container_is_used_when_that_is_the_edition_installed(self):
        with tempfile.TemporaryDirectory() as home:
            container = os.path.join(
                home, "Library", "Containers", "com.blackmagic-design.DaVinciResolveLite",
                "Data", "Library", "Application Support", "Blackmagic Design",
                "DaVinci Resolve")
            os.makedirs(container)
            found = self.install(home)
            self.assertEqual(found["edition"], "app-store")
            self.assertEqual(found["scripts"], os.path.join(container, "Fusion", "Scripts"))

    def test_the_usual_folder_without_a_container(self):
        with tempfile.TemporaryDirectory() as home:
            found = self.install(home)
            self.assertEqual(found["edition"], "download")
            self.assertTrue(found["scripts"].startswith(os.path.join(
                home, "Library", "Application Support", "Blackmagic Design")))


if __name__ == "__main__":
    unittest.main()
