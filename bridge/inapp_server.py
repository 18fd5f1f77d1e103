"""The in-app bridge: the bridge's RPC served on a loopback TCP port from inside Resolve.

The script `install-inapp` writes into Resolve's Scripts folder embeds this module and
resolve_bridge.py; run from Workspace > Scripts, it calls main(), which serves one client
at a time on 127.0.0.1 with the same allowlisted object RPC as the external bridge, until
it is stopped (a "stop" request, Ctrl-C in the Console, Resolve quitting, or no client for
the idle time). The server's relay (inapp_relay.py) and this module share the handshake.

Handshake, one JSON line each way, the secret never on the wire:
  server: {"service": SERVICE, "protocol": 1, "challenge": <random hex>}
  client: {"response": HMAC-SHA256(secret, "client " + challenge), "challenge": <random hex>,
           "readOnly": bool, "stop"?: true}
  server: {"ok": {"proof": HMAC-SHA256(secret, "server " + client challenge), "build": id}}
          or {"err": {"code": "AUTH_FAILED" | "BUSY", "message"}} and it closes.
A client that asks to stop (the script run a second time) is answered ok and the bridge
stops, even while another client is connected; anyone else is refused while one is.
Then request and reply lines exactly as over the external bridge's pipes.
Anyone on this machine can connect, so a handshake line is bounded in length and nesting
before it is parsed, the whole handshake has a deadline, and handshakes advance in the
serving loop beside the connected client, which a slow or hostile one never holds up.
Standard library only, and Python 3.6 compatible: Resolve's Console may run an old Python.
"""

import binascii
import hashlib
import hmac
import importlib
import json
import os
import select
import socket
import sys
import time

SERVICE = "davinci-resolve-mcp-inapp"
PROTOCOL = 1
DEFAULT_PORT = 51144
HANDSHAKE_SECONDS = 5.0
MAX_HANDSHAKE_LINE = 4096
MAX_HANDSHAKE_DEPTH = 4  # the handshake's objects are flat
MAX_HANDSHAKES = 8  # at once; a newer one closes the oldest
REFUSE_SECONDS = 0.5  # reading what a refused peer still sends, so it gets the error line


def settings_path():
    """Where install-inapp keeps the port and the secret (readable by this user only)."""
    base = os.environ.get("APPDATA") or os.environ.get("XDG_CONFIG_HOME") or \
        os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "davinci-resolve-mcp", "inapp.json")


def build_id(catalog):
    """Identifies the RPC an in-app script serves: its sources and its allowlist."""
    digest = hashlib.sha256()
    for name in ("resolve_bridge", "inapp_server"):
        module = importlib.import_module(name)
        digest.update(module.__loader__.get_source(name).encode("utf-8"))
    digest.update(json.dumps(catalog, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def nonce():
    return binascii.hexlify(os.urandom(32)).decode("ascii")


def proof(secret, role, challenge):
    message = ("%s %s" % (role, challenge)).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def matches(expected, given):
    try:
        return isinstance(given, str) and hmac.compare_digest(expected.encode(), given.encode())
    except ValueError:  # a lone surrogate does not encode
        return False


def parse_handshake(line):
    """The JSON object on a handshake line (bytes), or None if it is not one.

    The line comes from anyone before the secret is checked: it must be short, and its
    nesting is counted before json (which recurses) sees it."""
    if line is None or len(line) > MAX_HANDSHAKE_LINE:
        return None
    depth = 0
    in_string = escaped = False
    for byte in bytearray(line):
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > MAX_HANDSHAKE_DEPTH:
                return None
        elif byte in (0x5D, 0x7D):
            depth -= 1
    try:
        value = json.loads(line.decode("utf-8"))
    except Exception:
        return None
    return value if isinstance(value, dict) else None


class Lines:
    """Line-delimited JSON over a socket; also the `out` the bridge writes replies to."""

    def __init__(self, sock):
        self.sock = sock
        self.buffer = bytearray()

    def has_line(self):
        return b"\n" in self.buffer

    def read_line(self, limit=None, deadline=None):
        """The next line (bytes, without its newline), or None when the peer closed.

        With a limit, a longer line raises ValueError; past the deadline (a time.time()),
        socket.timeout."""
        while b"\n" not in self.buffer:
            if limit is not None and len(self.buffer) > limit:
                raise ValueError("line too long")
            if deadline is not None:
                left = deadline - time.time()
                if left <= 0:
                    raise socket.timeout("the handshake took too long")
                self.sock.settimeout(left)
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk
        return self.take_line(limit)

    def take_line(self, limit=None):
        """The next line if the buffer holds all of it, else None."""
        if b"\n" not in self.buffer:
            return None
        end = self.buffer.index(b"\n")
        if limit is not None and end > limit:
            raise ValueError("line too long")
        line = bytes(self.buffer[:end])
        del self.buffer[:end + 1]
        return line

    def read_json(self, limit=None):
        line = self.read_line(limit)
        return None if line is None else json.loads(line.decode("utf-8"))

    def send(self, message):
        self.write(json.dumps(message, separators=(",", ":")) + "\n")

    def write(self, text):
        self.sock.sendall(text.encode("utf-8"))

    def flush(self):
        pass

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


class HandshakeError(Exception):
    def __init__(self, code, message):
        Exception.__init__(self, message)
        self.code = code
        self.message = message


def open_link(port, secret, read_only=False, timeout=HANDSHAKE_SECONDS, stop=False):
    """Connects and authenticates to the in-app bridge; (Lines, the server's ok) or raises.

    With stop, the bridge stops once it has checked the secret (and closes the link)."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError as e:
        raise HandshakeError("UNREACHABLE", "nothing answers on 127.0.0.1:%d (%s)" % (port, e))
    link = Lines(sock)
    deadline = time.time() + timeout
    try:
        hello = parse_handshake(link.read_line(MAX_HANDSHAKE_LINE, deadline))
        if hello is None:
            raise HandshakeError("NOT_INAPP", "127.0.0.1:%d is not the in-app bridge" % port)
        if "err" in hello:
            raise HandshakeError(hello["err"].get("code", "REFUSED"),
                                 hello["err"].get("message", "refused"))
        if hello.get("service") != SERVICE or hello.get("protocol") != PROTOCOL:
            raise HandshakeError("NOT_INAPP", "127.0.0.1:%d is not the in-app bridge" % port)
        mine = nonce()
        request = {"response": proof(secret, "client", hello.get("challenge", "")),
                   "challenge": mine, "readOnly": bool(read_only)}
        if stop:
            request["stop"] = True
        link.send(request)
        answer = parse_handshake(link.read_line(MAX_HANDSHAKE_LINE, deadline)) or {
            "err": {"code": "AUTH_FAILED", "message": "the in-app bridge closed the connection"}}
        if "err" in answer:
            raise HandshakeError(answer["err"].get("code", "REFUSED"),
                                 answer["err"].get("message", "refused"))
        ok = answer.get("ok") or {}
        if not isinstance(ok, dict) or not matches(proof(secret, "server", mine),
                                                   ok.get("proof")):
            raise HandshakeError("AUTH_FAILED", "the program on 127.0.0.1:%d does not know "
                                 "the secret: it is not this install's in-app bridge" % port)
    except HandshakeError:
        link.close()
        raise
    except Exception as e:  # whatever answers on the port, the relay reports it
        link.close()
        raise HandshakeError("UNREACHABLE", "the handshake with 127.0.0.1:%d failed (%s)"
                             % (port, e))
    sock.settimeout(None)
    return link, ok


class Peer:
    """A connection in its handshake (or being refused), with its deadline."""

    def __init__(self, sock):
        self.lines = Lines(sock)
        self.challenge = nonce()
        self.deadline = time.time() + HANDSHAKE_SECONDS
        self.refused = False


class FixedApp:
    """Stands in for DaVinciResolveScript when the script runs inside Resolve."""

    def __init__(self, resolve):
        self.resolve = resolve

    def scriptapp(self, *args):
        return self.resolve


class Server:
    def __init__(self, bridge_module, resolve, config, catalog):
        self.bridge_module = bridge_module
        self.resolve = resolve
        self.port = int(config["port"])
        self.secret = config["secret"]
        self.idle_seconds = float(config.get("idleSeconds") or 0)
        self.build = config.get("build")
        self.catalog = catalog
        self.listener = None
        self.peers = []  # connections in their handshake, oldest first
        self.client = None
        self.bridge = None
        self.stopping = False
        self.last_active = time.time()

    def say(self, text):
        # This runs inside Resolve, whose Console shows a script's stdout: the user reads it
        # there. It never runs in the server's bridge process.
        print("[MCP bridge] " + text)
        sys.stdout.flush()

    def listen(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if hasattr(socket, "SO_EXCLUSIVEADDRUSE"):  # Windows: no other program may share it
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        else:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind(("127.0.0.1", self.port))
        except OSError:
            listener.close()
            raise
        listener.listen(4)
        self.listener = listener

    def make_bridge(self, read_only):
        server = self
        base = self.bridge_module.Bridge

        class InAppBridge(base):
            def handle(self, request):
                if request.get("op") == "stop":
                    server.stopping = True
                    return {"stopping": True}
                return base.handle(self, request)

        bridge = InAppBridge({"catalog": self.catalog, "readOnly": read_only})
        if self.resolve is not None:
            bridge.dvr = FixedApp(self.resolve)
        return bridge

    def accept(self):
        """Takes a connection and sends it the challenge; its answer is read as it comes."""
        try:
            sock, _ = self.listener.accept()
        except OSError:
            return
        if len(self.peers) >= MAX_HANDSHAKES:
            self.drop(self.peers[0])
        sock.settimeout(1.0)  # for the few hundred bytes sent; reads wait for select
        peer = Peer(sock)
        try:
            peer.lines.send({"service": SERVICE, "protocol": PROTOCOL,
                             "challenge": peer.challenge})
        except OSError:
            peer.lines.close()
            return
        self.peers.append(peer)

    def advance(self, peer):
        """Reads what a peer in its handshake sent; answers its line once it is whole."""
        try:
            chunk = peer.lines.sock.recv(65536)
        except OSError:
            chunk = b""
        if not chunk:
            return self.drop(peer)
        if peer.refused:
            return  # read and ignored, so that closing does not reset the connection
        buffer = peer.lines.buffer
        buffer += chunk
        end = buffer.find(b"\n")
        if end < 0:
            if len(buffer) > MAX_HANDSHAKE_LINE:
                self.refuse(peer, "BAD_HANDSHAKE", "the handshake line is too long")
            return
        line = bytes(buffer[:end])
        del buffer[:end + 1]
        self.answer(peer, parse_handshake(line))

    def answer(self, peer, answer):
        if answer is None:
            return self.refuse(peer, "BAD_HANDSHAKE", "that is not a handshake line")
        if not matches(proof(self.secret, "client", peer.challenge), answer.get("response")):
            self.say("refused a client: wrong secret")
            return self.refuse(peer, "AUTH_FAILED", "wrong secret: run install-inapp again "
                               "and restart this script in Resolve")
        stop = answer.get("stop") is True
        if self.client is not None and not stop:
            return self.refuse(peer, "BUSY", "another client is using the in-app bridge")
        self.peers.remove(peer)
        try:
            peer.lines.send({"ok": {"proof": proof(self.secret, "server",
                                                   str(answer.get("challenge"))),
                                    "build": self.build}})
        except OSError:
            return peer.lines.close()
        if stop:
            peer.lines.close()
            self.stopping = True
            return
        peer.lines.sock.settimeout(None)
        self.bridge = self.make_bridge(bool(answer.get("readOnly")))
        self.client = peer.lines
        self.say("the MCP server connected")

    def refuse(self, peer, code, message):
        """Says why and hangs up; until REFUSE_SECONDS have passed, what the peer still
        sends is read and ignored (unread input would make close() reset the connection,
        and the error line with it)."""
        try:
            peer.lines.send({"err": {"code": code, "message": message}})
            peer.lines.sock.shutdown(socket.SHUT_WR)
        except OSError:
            return self.drop(peer)
        del peer.lines.buffer[:]
        peer.refused = True
        peer.deadline = min(peer.deadline, time.time() + REFUSE_SECONDS)

    def drop(self, peer):
        if peer in self.peers:
            self.peers.remove(peer)
        peer.lines.close()

    def drop_client(self):
        self.client.close()
        self.client = None
        self.bridge = None
        self.last_active = time.time()
        self.say("the MCP server disconnected; waiting for the next one")

    def serve_client(self):
        """Answers every complete line the client has sent (drops it once it has gone)."""
        while True:
            try:
                line = self.client.read_line()
            except OSError:
                line = None
            if line is None:
                self.drop_client()
                return
            try:
                self.bridge_module.answer(self.bridge, line, self.client)
            except OSError:
                self.drop_client()
                return
            if self.stopping or not self.client.has_line():
                return

    def run(self):
        while not self.stopping:
            watch = [self.listener] + [peer.lines.sock for peer in self.peers]
            wait = min([1.0] + [peer.deadline - time.time() for peer in self.peers])
            client = self.client  # not one that a handshake below links
            if client is not None:
                watch.append(client.sock)
                if client.has_line():  # sent along with the handshake
                    wait = 0
            readable = select.select(watch, [], [], max(wait, 0))[0]
            if self.listener in readable:
                self.accept()
            for peer in [p for p in self.peers if p.lines.sock in readable]:
                try:
                    self.advance(peer)
                except Exception as e:  # a bad client never stops the bridge
                    self.say("dropped a client: %s: %s" % (type(e).__name__, e))
                    self.drop(peer)
            for peer in [p for p in self.peers if p.deadline <= time.time()]:
                self.drop(peer)  # its handshake took too long (or its refusal is over)
            if client is not None and client is self.client and \
                    (client.sock in readable or client.has_line()):
                self.serve_client()
            if self.client is not None:
                self.last_active = time.time()
            elif self.idle_seconds and time.time() - self.last_active > self.idle_seconds:
                self.say("no client for %d s: stopping" % self.idle_seconds)
                return
        self.say("stopped on request")

    def close(self):
        for peer in self.peers:
            peer.lines.close()
        if self.client is not None:
            self.client.close()
        if self.listener is not None:
            self.listener.close()


def stop_running(config):
    """Stops a bridge already serving this install's port; True if one was stopped."""
    try:
        link, _ = open_link(int(config["port"]), config["secret"], stop=True)
    except HandshakeError:
        return False
    link.close()
    return True


def main(bridge_module, resolve, config, catalog):
    """Serves until stopped; run again while it runs, it stops the running one."""
    server = Server(bridge_module, resolve, config, catalog)
    try:
        server.listen()
    except OSError as e:
        if stop_running(config):
            server.say("it was already running on port %d: stopped it (run the script again "
                       "to start it)" % server.port)
        else:
            server.say("port %d is taken by another program (%s): install again with "
                       "another --inapp-port" % (server.port, e))
        return
    where = "inside Resolve" if resolve is not None else "through DaVinciResolveScript"
    server.say("listening on 127.0.0.1:%d (%s); stop it by running this script again, with "
               "Ctrl-C in the Console, or by quitting Resolve" % (server.port, where))
    try:
        server.run()
    except KeyboardInterrupt:
        server.say("stopped (interrupted)")
    finally:
        server.close()
