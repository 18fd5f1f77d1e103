"""The server's end of the in-app bridge: the bridge process, reaching Resolve over loopback.

The header's "main" picks it, with config {"mode": "inapp" | "auto", "port"?} besides the
bridge's own. Until connected it answers requests itself (hello, realpath, stat). "connect"
reaches Resolve: in "auto" mode first by external scripting, exactly as resolve_bridge does,
and only when Resolve's modules are missing or Resolve does not answer, through the in-app
bridge (inapp_server.py, running inside Resolve), authenticated with this install's secret
from the settings file. Once linked, request lines go to the in-app bridge as they are and
its replies come back as they are. If the link breaks, the request in flight gets an error
and the relay ends, so the server starts a fresh one (the handles died with the session).
"""

import json
import sys

import inapp_server
from resolve_bridge import Bridge, BridgeError, answer, reply

FALLBACK = ("MODULE_NOT_FOUND", "RESOLVE_UNAVAILABLE")
CODES = {"AUTH_FAILED": "INAPP_AUTH_FAILED", "BUSY": "INAPP_BUSY"}


def read_settings():
    path = inapp_server.settings_path()
    try:
        with open(path, encoding="utf-8") as f:
            settings = json.load(f)
        return {"port": int(settings["port"]), "secret": str(settings["secret"]),
                "script": settings.get("script")}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise BridgeError("INAPP_NOT_INSTALLED",
                          "no in-app bridge is installed (%s: %s)" % (path, e))


class Relay(Bridge):
    def __init__(self, config):
        Bridge.__init__(self, config)
        self.mode = config.get("mode", "inapp")
        self.port = config.get("port")
        self.build = inapp_server.build_id(self.catalog)
        self.link = None

    def connect(self):
        if self.mode != "auto":
            return self.link_up()
        try:
            info = Bridge.connect(self)
        except BridgeError as external:
            if external.code not in FALLBACK:
                raise
            try:
                return self.link_up()
            except BridgeError as e:
                if e.code == "INAPP_NOT_INSTALLED":
                    raise BridgeError(external.code, "%s; and %s" % (external.message, e.message))
                raise BridgeError(e.code, "external scripting: %s; in-app bridge: %s"
                                  % (external.message, e.message))
        info["via"] = "external"
        return info

    def link_up(self):
        settings = read_settings()
        port = self.port or settings["port"]
        try:
            link, ok = inapp_server.open_link(port, settings["secret"], self.read_only)
        except inapp_server.HandshakeError as e:
            code = CODES.get(e.code, "INAPP_UNAVAILABLE")
            prefix = "the in-app bridge is not running: " if e.code == "UNREACHABLE" else ""
            raise BridgeError(code, prefix + e.message)
        try:
            if ok.get("build") != self.build:
                raise BridgeError(
                    "INAPP_OUTDATED",
                    "the script running in Resolve (build %s) was installed by another version "
                    "of this server (build %s)" % (ok.get("build"), self.build))
            link.send({"id": 0, "op": "connect"})
            response = link.read_json()
            if response is None:
                raise BridgeError("INAPP_UNAVAILABLE", "the in-app bridge closed the connection")
            if "err" in response:
                raise BridgeError(response["err"]["code"], response["err"]["message"])
        except BridgeError:
            link.close()
            raise
        self.link = link
        info = response["ok"]
        info.update(via="inapp", port=port, script=settings["script"])
        return info

    def forward(self, raw, out):
        """Sends one request line to the in-app bridge and its reply back; False if gone."""
        try:
            self.link.sock.sendall(raw if raw.endswith(b"\n") else raw + b"\n")
            line = self.link.read_line()
        except OSError:
            line = None
        if line is not None:
            out.write(line.decode("utf-8") + "\n")
            out.flush()
            return True
        try:
            request_id = json.loads(raw).get("id")
        except (ValueError, AttributeError):
            request_id = None
        reply(out, {"id": request_id, "err": {
            "code": "INAPP_UNAVAILABLE",
            "message": "the in-app bridge in Resolve stopped (the script was stopped, or "
                       "Resolve quit)"}})
        self.link.close()
        return False


def run(out, config):
    relay = Relay(config)
    reply(out, {"ready": True})
    for raw in sys.stdin.buffer:
        if relay.link is None:
            answer(relay, raw, out)
        elif not relay.forward(raw, out):
            sys.stderr.write("the in-app bridge closed the connection; the relay ends\n")
            return
    if relay.link is not None:
        relay.link.close()
