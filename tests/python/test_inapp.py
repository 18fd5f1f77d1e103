"""The in-app bridge: the installed script run by a stand-in for Resolve, and the relay.

The script is installed exactly as `install-inapp` does (the bootstrap running
inapp_install) into a temporary Scripts folder, with the settings in a temporary config
folder; inapp_standin.py runs it as Resolve would, with the simulator's `resolve` global.
"""

import ast
import json
import os
import select
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BRIDGE = os.path.join(ROOT, "bridge")
SIMULATOR = os.path.join(BRIDGE, "simulator")
STANDIN = os.path.join(ROOT, "tests", "python", "inapp_standin.py")
sys.path.insert(0, BRIDGE)

import inapp_server  # noqa: E402


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


CATALOG = json.loads(read(os.path.join(BRIDGE, "api_catalog.json")))
BOOTSTRAP = read(os.path.join(BRIDGE, "bootstrap.py"))


def modules(*names, simulator=False):
    found = {name: read(os.path.join(BRIDGE, name + ".py")) for name in names}
    if simulator:
        for name in os.listdir(SIMULATOR):
            if name.endswith(".py"):
                found[name[:-3]] = read(os.path.join(SIMULATOR, name))
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bootstrap(header, env):
    """python <switches> -c <bootstrap> with its header line, as the server starts it."""
    proc = subprocess.Popen([sys.executable, "-E", "-s", "-S", "-u", "-c", BOOTSTRAP],
                            stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdin.write((json.dumps(header) + "\n").encode())
    proc.stdin.flush()
    return proc


class Relay:
    """The server's bridge process in in-app or auto mode."""

    def __init__(self, env, mode="inapp", simulator=False, read_only=False):
        self.proc = bootstrap({
            "modules": modules("resolve_bridge", "inapp_server", "inapp_relay",
                               simulator=simulator),
            "main": "inapp_relay",
            "path": [],
            "config": {"catalog": CATALOG, "readOnly": read_only, "mode": mode},
        }, env)
        assert self.receive() == {"ready": True}
        self.next_id = 0

    def receive(self):
        return json.loads(self.proc.stdout.readline())

    def request(self, op, **payload):
        self.next_id += 1
        self.proc.stdin.write((json.dumps(dict(payload, id=self.next_id, op=op)) + "\n").encode())
        self.proc.stdin.flush()
        reply = self.receive()
        assert reply["id"] == self.next_id, reply
        return reply

    def close(self):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()


class InAppCase(unittest.TestCase):
    """A fresh install (temporary folders, free port) and the stand-in running it."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="inapp_test_")
        self.env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.tmp, "config"))
        self.env.pop("APPDATA", None)
        self.port = free_port()
        self.installed = self.install()
        self.secret = json.loads(read(self.installed["settings"]))["secret"]
        self.standins = []
        self.standin = self.start()

    def tearDown(self):
        for proc in self.standins:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=10)
            proc.stdout.close()
            proc.stderr.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def install(self, catalog=CATALOG, idle_seconds=None):
        proc = bootstrap({
            "modules": modules("resolve_bridge", "inapp_server", "inapp_install"),
            "main": "inapp_install",
            "config": {"catalog": catalog, "scriptsDir": os.path.join(self.tmp, "Scripts"),
                       "port": self.port, "idleSeconds": idle_seconds},
        }, self.env)
        out, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 0, err)
        return json.loads(out)["ok"]

    def start(self, wait_for="listening on"):
        """Runs the installed script in a new stand-in; returns it once it has said wait_for."""
        proc = subprocess.Popen([sys.executable, STANDIN, self.installed["script"]],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        self.standins.append(proc)
        proc.said = []
        while not any(wait_for in line for line in proc.said):
            line = proc.stdout.readline().decode()
            if not line:
                self.fail("the stand-in ended: %s %s" % (proc.said, proc.stderr.read()))
            proc.said.append(line)
        return proc

    def finished(self, proc):
        """Waits for a stand-in to end; its exit code and everything it printed."""
        code = proc.wait(timeout=15)
        return code, "".join(proc.said) + proc.stdout.read().decode()

    def kill_standin(self):
        self.standin.kill()
        self.standin.wait()

    def link(self, read_only=False):
        link, ok = inapp_server.open_link(self.port, self.secret, read_only)
        self.addCleanup(link.close)
        return link, ok

    @staticmethod
    def ask(link, request):
        link.send(request)
        return link.read_json()

    def project_names(self):
        link, _ = self.link()
        self.ask(link, {"id": 1, "op": "connect"})
        reply = self.ask(link, {"id": 2, "op": "call", "calls": [
            {"h": 0, "m": "GetProjectManager"},
            {"h": {"$r": 0}, "m": "GetProjectListInCurrentFolder"}]})
        link.close()
        return reply["ok"][1]


class InstallTest(InAppCase):
    def test_the_script_and_settings_are_private_and_the_script_is_python_3_6(self):
        script, settings = self.installed["script"], self.installed["settings"]
        self.assertEqual(script, os.path.join(self.tmp, "Scripts", "Utility",
                                              "Resolve MCP Bridge.py"))
        self.assertEqual(settings, os.path.join(self.tmp, "config", "davinci-resolve-mcp",
                                                "inapp.json"))
        if os.name == "posix":
            for path in (script, settings):
                self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600, path)
        saved = json.loads(read(settings))
        self.assertEqual(saved["port"], self.port)
        self.assertEqual(len(saved["secret"]), 64)
        source = read(script)
        self.assertIn(saved["secret"], source)
        self.assertIn(read(os.path.join(BRIDGE, "resolve_bridge.py")), source)
        if sys.version_info >= (3, 8):
            ast.parse(source, feature_version=(3, 6))

    def test_installing_again_makes_a_new_secret_and_keeps_the_port(self):
        self.port = None  # not given: the previous install's
        again = self.install()
        self.assertTrue(again["replaced"])
        saved = json.loads(read(again["settings"]))
        self.assertEqual(saved["port"], self.installed["port"])
        self.assertNotEqual(saved["secret"], self.secret)


class HandshakeTest(InAppCase):
    def test_the_right_secret_connects_and_calls_run_in_resolve(self):
        link, ok = self.link()
        self.assertEqual(ok["build"], self.installed["build"])
        connected = self.ask(link, {"id": 1, "op": "connect"})["ok"]
        self.assertEqual(connected["product"], "DaVinci Resolve Studio")
        reply = self.ask(link, {"id": 2, "op": "call", "calls": [
            {"h": 0, "m": "GetProjectManager"},
            {"h": {"$r": 0}, "m": "CreateProject", "a": ["Through the port"]},
            {"h": {"$r": 1}, "m": "GetName"}]})
        self.assertEqual(reply, {"id": 2, "ok": [
            reply["ok"][0], reply["ok"][1], "Through the port"]})
        # The same allowlist as the external bridge.
        err = self.ask(link, {"id": 3, "op": "call", "calls": [{"h": 0, "m": "__class__"}]})
        self.assertEqual(err["err"]["code"], "METHOD_NOT_ALLOWED")

    def test_a_wrong_secret_is_refused_with_an_error_line_and_nothing_runs(self):
        with self.assertRaises(inapp_server.HandshakeError) as caught:
            inapp_server.open_link(self.port, "0" * 64)
        self.assertEqual(caught.exception.code, "AUTH_FAILED")
        # By hand, with requests sent right after the wrong answer: none of them runs.
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        peer = inapp_server.Lines(sock)
        challenge = peer.read_json()["challenge"]
        lines = [{"response": inapp_server.proof("wrong", "client", challenge), "challenge": "x"},
                 {"id": 1, "op": "connect"},
                 {"id": 2, "op": "call", "calls": [
                     {"h": 0, "m": "GetProjectManager"},
                     {"h": {"$r": 0}, "m": "CreateProject", "a": ["Intruder"]}]},
                 {"id": 3, "op": "stop"}]
        peer.write("".join(json.dumps(line) + "\n" for line in lines))
        self.assertEqual(peer.read_json()["err"]["code"], "AUTH_FAILED")
        self.assertIsNone(peer.read_line())  # and it hung up
        peer.close()
        self.assertIsNone(self.standin.poll())
        self.assertNotIn("Intruder", self.project_names())

    def test_one_client_at_a_time(self):
        self.link()
        with self.assertRaises(inapp_server.HandshakeError) as caught:
            inapp_server.open_link(self.port, self.secret)
        self.assertEqual(caught.exception.code, "BUSY")

    def test_read_only_is_the_clients_choice(self):
        link, _ = self.link(read_only=True)
        self.ask(link, {"id": 1, "op": "connect"})
        err = self.ask(link, {"id": 2, "op": "call", "calls": [
            {"h": 0, "m": "OpenPage", "a": ["color"]}]})["err"]
        self.assertEqual(err["code"], "READ_ONLY")


class StoppingTest(InAppCase):
    def test_a_stop_request_ends_the_script_cleanly(self):
        link, _ = self.link()
        self.assertEqual(self.ask(link, {"id": 1, "op": "stop"}),
                         {"id": 1, "ok": {"stopping": True}})
        code, said = self.finished(self.standin)
        self.assertEqual(code, 0, said)
        self.assertIn("stopped on request", said)
        with self.assertRaises(inapp_server.HandshakeError) as caught:
            inapp_server.open_link(self.port, self.secret)
        self.assertEqual(caught.exception.code, "UNREACHABLE")

    def test_running_the_script_again_stops_the_running_one(self):
        second = self.start(wait_for="already running")
        self.assertEqual(self.finished(second)[0], 0)
        code, said = self.finished(self.standin)
        self.assertEqual(code, 0, said)

    def test_running_it_again_stops_it_even_while_a_server_is_connected(self):
        link, _ = self.link()
        second = self.start(wait_for="already running")
        self.assertEqual(self.finished(second)[0], 0)
        code, said = self.finished(self.standin)
        self.assertEqual(code, 0, said)
        self.assertIn("stopped on request", said)
        self.assertIsNone(link.read_line())  # the connected server's link is closed

    def test_a_stop_needs_the_secret(self):
        with self.assertRaises(inapp_server.HandshakeError) as caught:
            inapp_server.open_link(self.port, "0" * 64, stop=True)
        self.assertEqual(caught.exception.code, "AUTH_FAILED")
        self.assertIsNone(self.standin.poll())

    def test_without_a_client_it_stops_after_the_idle_time(self):
        self.kill_standin()
        self.installed = self.install(idle_seconds=1)
        code, said = self.finished(self.start())
        self.assertEqual(code, 0)
        self.assertIn("no client for 1 s: stopping", said)


class HostileClientTest(InAppCase):
    """Anyone on this machine can connect: what they send never stops the script, never
    holds up the connected server, and a legitimate server connects afterwards."""

    def raw(self):
        """A connection that has read the challenge."""
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        self.addCleanup(sock.close)
        peer = inapp_server.Lines(sock)
        return peer, peer.read_json()["challenge"]

    def refusal(self, data):
        """What the script answers to one handshake line, on a new connection."""
        peer, _ = self.raw()
        peer.sock.sendall(data)
        reply = peer.read_json()
        return reply and reply["err"]["code"]

    def assert_serves(self):
        self.assertIsNone(self.standin.poll(), "the script still runs")
        link, _ = self.link()
        connected = self.ask(link, {"id": 1, "op": "connect"})["ok"]
        self.assertEqual(connected["product"], "DaVinci Resolve Studio")

    def test_a_deeply_nested_line_is_refused(self):
        self.assertEqual(self.refusal(b"[" * 3000 + b"\n"), "BAD_HANDSHAKE")
        self.assertEqual(self.refusal(b'{"response": ' + b"{" * 3000 + b"\n"), "BAD_HANDSHAKE")
        self.assert_serves()

    def test_an_oversized_line_is_refused_even_with_the_right_secret(self):
        peer, challenge = self.raw()
        peer.send({"response": inapp_server.proof(self.secret, "client", challenge),
                   "challenge": "x", "padding": "x" * 10000})
        self.assertEqual(peer.read_json()["err"]["code"], "BAD_HANDSHAKE")
        self.assertEqual(self.refusal(b" " * 100000), "BAD_HANDSHAKE")  # and no newline
        self.assert_serves()

    def test_garbage_is_refused(self):
        for data in [b"\xff\xfe\x00\x80garbage\n", b"\x00" * 64 + b"\n", b'"a string"\n',
                     b"[1, 2]\n", b"1e999999\n", b'{"response": "\\ud800"}\n',
                     b'{"response": 5, "challenge": {"a": [1]}}\n', b"\n"]:
            self.assertIn(self.refusal(data), ("BAD_HANDSHAKE", "AUTH_FAILED"), data)
        self.assert_serves()

    def test_a_trickled_handshake_ends_at_the_deadline_and_holds_up_no_one(self):
        link, _ = self.link()
        self.ask(link, {"id": 1, "op": "connect"})
        trickler, _ = self.raw()
        sock = trickler.sock
        started = time.time()
        answered = closed = False
        # Bounds, not measurements: the deadline is HANDSHAKE_SECONDS.
        while not closed and time.time() - started < 3 * inapp_server.HANDSHAKE_SECONDS:
            try:
                sock.sendall(b" ")  # leading blanks: still a JSON line in the making
                if select.select([sock], [], [], 0.2)[0]:
                    closed = not sock.recv(1024)
            except OSError:
                closed = True
            if not answered and time.time() - started > 1:
                link.sock.settimeout(inapp_server.HANDSHAKE_SECONDS / 2)
                reply = self.ask(link, {"id": 2, "op": "call",
                                        "calls": [{"h": 0, "m": "GetProductName"}]})
                self.assertEqual(reply["ok"], ["DaVinci Resolve Studio"])
                answered = True
        self.assertTrue(answered)
        self.assertTrue(closed, "the script hung up on the trickling client")
        link.close()
        self.assert_serves()

    def test_the_relay_side_refuses_a_hostile_listener(self):
        self.kill_standin()
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(1)
        self.addCleanup(listener.close)

        def nested_hello():
            conn, _ = listener.accept()
            conn.sendall(b"[" * 3000 + b"\n")
            conn.recv(1024)
            conn.close()

        thread = threading.Thread(target=nested_hello)
        thread.start()
        with self.assertRaises(inapp_server.HandshakeError) as caught:
            inapp_server.open_link(self.port, self.secret)
        self.assertEqual(caught.exception.code, "NOT_INAPP")
        thread.join(10)


class RelayTest(InAppCase):
    def relay(self, **options):
        relay = Relay(self.env, **options)
        self.addCleanup(relay.close)
        return relay

    def test_inapp_mode_calls_through_the_script(self):
        relay = self.relay()
        self.assertEqual(relay.request("hello")["ok"]["pid"], relay.proc.pid)  # not linked yet
        connected = relay.request("connect")["ok"]
        self.assertEqual(connected["via"], "inapp")
        self.assertEqual(connected["port"], self.port)
        self.assertEqual(connected["script"], self.installed["script"])
        reply = relay.request("call", calls=[{"h": 0, "m": "GetProjectManager"},
                                             {"h": {"$r": 0}, "m": "GetCurrentProject"},
                                             {"h": {"$r": 1}, "m": "GetName"}])
        self.assertEqual(reply["ok"][2], "Untitled Project")
        self.assertEqual(relay.request("hello")["ok"]["pid"], self.standin.pid)  # linked

    def test_read_only_reaches_the_script(self):
        relay = self.relay(read_only=True)
        relay.request("connect")
        err = relay.request("call", calls=[{"h": 0, "m": "OpenPage", "a": ["color"]}])["err"]
        self.assertEqual(err["code"], "READ_ONLY")

    def test_auto_prefers_external_scripting_and_falls_back_without_it(self):
        self.assertEqual(self.relay(mode="auto", simulator=True).request("connect")["ok"]["via"],
                         "external")
        self.assertEqual(self.relay(mode="auto").request("connect")["ok"]["via"], "inapp")

    def test_when_the_script_stops_the_relay_says_so_and_ends(self):
        relay = self.relay()
        relay.request("connect")
        self.assertEqual(relay.request("stop")["ok"], {"stopping": True})
        self.assertEqual(self.finished(self.standin)[0], 0)
        err = relay.request("call", calls=[{"h": 0, "m": "GetVersion"}])["err"]
        self.assertEqual(err["code"], "INAPP_UNAVAILABLE")
        self.assertEqual(relay.proc.wait(timeout=10), 0)

    def test_failures_say_which_and_why(self):
        relay = self.relay()
        with open(self.installed["settings"], "w") as f:
            json.dump({"port": self.port, "secret": "1" * 64}, f)
        err = relay.request("connect")["err"]
        self.assertEqual(err["code"], "INAPP_AUTH_FAILED")
        self.kill_standin()
        err = relay.request("connect")["err"]
        self.assertEqual(err["code"], "INAPP_UNAVAILABLE")
        self.assertIn("not running", err["message"])
        os.remove(self.installed["settings"])
        self.assertEqual(relay.request("connect")["err"]["code"], "INAPP_NOT_INSTALLED")
        err = self.relay(mode="auto").request("connect")["err"]
        self.assertEqual(err["code"], "MODULE_NOT_FOUND")
        self.assertIn("no in-app bridge is installed", err["message"])

    def test_a_script_from_another_version_is_refused(self):
        self.kill_standin()
        self.installed = self.install(catalog=dict(CATALOG, Extra={}))
        self.start()
        err = self.relay().request("connect")["err"]
        self.assertEqual(err["code"], "INAPP_OUTDATED")


if __name__ == "__main__":
    unittest.main()
