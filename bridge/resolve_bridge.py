"""Allowlisted object RPC between the MCP server and DaVinci Resolve's scripting API.

One JSON request per line in, one JSON reply per line out. The server sends "call method M
on object handle H with these arguments" (in batches, so a listing is one round trip); the
bridge keeps live API objects in a handle table, answers data as JSON and API objects as
handles, and refuses anything that is not a documented method of the object's class.
No eval, no attribute access outside the allowlist.

Requests: {"id", "op": "hello" | "connect" | "call" | "release" | "stat", ...}
Replies:  {"id", "ok": value} or {"id", "err": {"code", "message", "index"?}}

With RESOLVE_SIM_TRACE_METHODS=1 in its environment (the test suite sets it) the bridge says
so in its ready line ({"ready": true, "trace": true}) and every reply to a "call" op also
carries "ran": the "Class.Method"s it invoked, in order, each once (map calls included), so
the tests can check them against the tool's declared apiMethods, and "calls": how many API
calls it made (the bench's calls per listed item). Without it nothing changes.

Listings: a call with "keep": key (the server's name for one listing's list, e.g. the items
of one track) is answered from the bridge's memory when the same key was called before and
nothing has changed since: any call of a method whose effect is not "read" forgets every
kept list, so the pages of one listing fetch each list once and a change is always seen.
"""

import json
import os
import re
import sys
import time

CONST_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
PLAIN = frozenset((bool, int, float, str))  # values a map row carries as they are
ROOT = 0


def _direct(spec):
    """An allowlist entry a map may call directly (a read), else None."""
    return spec if spec["effect"] == "read" else None


class BridgeError(Exception):
    def __init__(self, code, message):
        Exception.__init__(self, message)
        self.code = code
        self.message = message


class Result(object):
    """One call's raw value and the API class of the objects in it."""

    __slots__ = ("raw", "cls", "encoded", "quiet", "_value")

    def __init__(self, raw, cls, encoded=False):
        self.raw = raw
        self.cls = cls
        self.encoded = encoded
        self.quiet = False
        self._value = raw if encoded else None

    def value(self, bridge):
        if not self.encoded:
            self._value = bridge.encode(self.raw, self.cls)
            self.encoded = True
        return self._value


class Bridge:
    def __init__(self, config):
        self.catalog = config.get("catalog", {})
        self.read_only = bool(config.get("readOnly"))
        self.host = config.get("host")
        self.handles = {}
        self.next_handle = 1
        self.resolve = None
        self.dvr = None
        self.created = []
        self.checked = {}
        self.ran = None
        self.calls = 0
        self.kept = {}  # "keep" key -> (raw list, class), forgotten on any change
        if os.environ.get("RESOLVE_SIM_TRACE_METHODS") == "1":
            self.ran = []
            self.invoke = self.traced_invoke  # only then: no cost to untraced calls

    # -- connection -------------------------------------------------------------------

    def connect(self):
        """Import the scripting module and reach Resolve; says precisely what is missing."""
        if self.dvr is None:
            try:
                import DaVinciResolveScript
            except ImportError as e:
                raise BridgeError(
                    "MODULE_NOT_FOUND",
                    "Resolve's scripting module could not be imported (%s)" % e,
                )
            self.dvr = DaVinciResolveScript
        args = ("Resolve", self.host) if self.host else ("Resolve",)
        resolve = self.dvr.scriptapp(*args)
        if resolve is None:
            raise BridgeError(
                "RESOLVE_UNAVAILABLE",
                "DaVinci Resolve did not answer: it is not running, or external scripting "
                "is off, or this is the free edition, which refuses external scripting",
            )
        self.resolve = resolve
        self.kept.clear()  # lists of an earlier connection are not this Resolve's
        self.handles[ROOT] = (resolve, "Resolve")
        return {
            "product": resolve.GetProductName(),
            "version": resolve.GetVersionString(),
            "root": {"$h": ROOT, "c": "Resolve"},
        }

    # -- values -----------------------------------------------------------------------

    def encode(self, value, cls):
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, (list, tuple)):
            return [self.encode(v, cls) for v in value]
        if isinstance(value, dict):
            return {str(k): self.encode(v, cls) for k, v in value.items()}
        handle = self.next_handle
        self.next_handle += 1
        self.handles[handle] = (value, cls or "Opaque")
        self.created.append(handle)
        return {"$h": handle, "c": cls or "Opaque"}

    def decode(self, value, results):
        if isinstance(value, list):
            return [self.decode(v, results) for v in value]
        if not isinstance(value, dict):
            return value
        if "$h" in value:
            return self.lookup(value["$h"])[0]
        if "$r" in value:
            return self.result_ref(value["$r"], results).raw
        if "$const" in value:
            return self.constant(value["$const"])
        if "$dict" in value:
            return {
                self.decode(k, results): self.decode(v, results) for k, v in value["$dict"]
            }
        return {k: self.decode(v, results) for k, v in value.items()}

    def constant(self, name):
        if not isinstance(name, str) or not CONST_NAME.match(name):
            raise BridgeError("BAD_CONSTANT", "not a constant name: %r" % (name,))
        if self.resolve is None:
            raise BridgeError("NOT_CONNECTED", "not connected to Resolve")
        value = getattr(self.resolve, name, None)
        if value is None or callable(value):
            raise BridgeError("BAD_CONSTANT", "Resolve has no constant %s" % name)
        return value

    def lookup(self, handle):
        if not isinstance(handle, int) or isinstance(handle, bool) or handle not in self.handles:
            raise BridgeError("UNKNOWN_HANDLE", "unknown or released handle %r" % (handle,))
        return self.handles[handle]

    @staticmethod
    def result_ref(index, results):
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(results):
            raise BridgeError("BAD_REFERENCE", "no earlier result %r in this batch" % (index,))
        return results[index]

    # -- calls ------------------------------------------------------------------------

    @staticmethod
    def is_missing(ref, results):
        return isinstance(ref, dict) and "$r" in ref and isinstance(ref["$r"], int) \
            and 0 <= ref["$r"] < len(results) and results[ref["$r"]].raw is None

    def target(self, ref, results):
        """The API object a call is made on: a handle, or an earlier result of the batch."""
        if isinstance(ref, dict) and "$r" in ref:
            result = self.result_ref(ref["$r"], results)
            if result.cls is None or isinstance(result.raw, (list, tuple, dict, str, int, float)):
                raise BridgeError("NOT_AN_OBJECT", "the referenced result is not an API object")
            return result.raw, result.cls
        return self.lookup(ref)

    def allowed(self, cls, method):
        """The catalog entry of cls.method if this server may call it (remembered: the
        catalog and the read-only switch never change), else the error saying why not."""
        key = (cls, method) if isinstance(method, str) else None
        spec = self.checked.get(key)
        if spec is not None:
            return spec
        spec = self.catalog.get(cls, {}).get(method) if key else None
        if spec is None or method.startswith("_"):
            raise BridgeError(
                "METHOD_NOT_ALLOWED", "%s has no documented method %r" % (cls, method)
            )
        if self.read_only and spec["effect"] != "read":
            raise BridgeError(
                "READ_ONLY",
                "%s.%s changes Resolve and the server runs with --read-only" % (cls, method),
            )
        self.checked[key] = spec
        return spec

    KEEP_MAX = 64

    def kept_call(self, call, results):
        """A "keep" call: the list kept under its key, or the call made and its list kept."""
        key = call["keep"]
        if not isinstance(key, str):
            raise BridgeError("BAD_REQUEST", "keep must be a string")
        hit = self.kept.get(key)
        if hit is not None:
            return Result(hit[0], hit[1])
        obj, cls = self.target(call.get("h"), results)
        value, value_cls = self.invoke(obj, cls, call.get("m"), call.get("a", []), results)
        if isinstance(value, (list, tuple)) and self.allowed(cls, call.get("m"))["effect"] == "read":
            if len(self.kept) >= self.KEEP_MAX:
                self.kept.pop(next(iter(self.kept)))
            self.kept[key] = (value, value_cls)
        return Result(value, value_cls)

    def invoke(self, obj, cls, method, args, results):
        spec = self.allowed(cls, method)
        if self.kept and spec["effect"] != "read":
            self.kept.clear()  # Resolve is about to change: kept lists may be stale
        fn = getattr(obj, method, None)
        if not callable(fn):
            raise BridgeError(
                "METHOD_UNAVAILABLE",
                "%s.%s is not available in this Resolve version (since %s)"
                % (cls, method, spec["since"]),
            )
        if not isinstance(args, list):
            raise BridgeError("BAD_ARGUMENTS", "arguments must be a list")
        try:
            value = fn(*self.decode(args, results)) if args else fn()
        except BridgeError:
            raise
        except Exception as e:  # Resolve itself failed; report, never crash
            raise BridgeError("RESOLVE_EXCEPTION", "%s.%s raised %s: %s" % (
                cls, method, type(e).__name__, e))
        return value, spec.get("returnClass")

    def traced_invoke(self, obj, cls, method, args, results):
        name = "%s.%s" % (cls, method)
        if name not in self.ran:
            self.ran.append(name)
        self.calls += 1
        return Bridge.invoke(self, obj, cls, method, args, results)

    def run_calls(self, calls):
        """Runs a batch. Results stay raw (no handles) until the end, so objects that are
        only used by later calls of the batch never enter the handle table; calls marked
        "q" (quiet) are not returned at all."""
        if not isinstance(calls, list):
            raise BridgeError("BAD_REQUEST", "calls must be a list")
        results = []
        for index, call in enumerate(calls):
            try:
                if not isinstance(call, dict):
                    raise BridgeError("BAD_REQUEST", "each call must be an object")
                if "map" in call:
                    result = Result(self.run_map(call, results), None, encoded=True)
                elif "len" in call:
                    value = self.decode(call["len"], results)
                    result = Result(len(value) if isinstance(value, (list, dict)) else None, None)
                elif self.is_missing(call.get("h"), results):
                    result = Result(None, None)  # like `?.`: a getter earlier in the chain failed
                elif "keep" in call:
                    result = self.kept_call(call, results)
                else:
                    obj, cls = self.target(call.get("h"), results)
                    result = Result(*self.invoke(obj, cls, call.get("m"), call.get("a", []),
                                                 results))
                result.quiet = bool(call.get("q"))
                results.append(result)
            except BridgeError as e:
                e.index = index
                raise
        return [None if r.quiet else r.value(self) for r in results]

    def run_map(self, call, results):
        """Calls the same methods on many objects: [[m1(o1), m2(o1)], [m1(o2), m2(o2)], ...].
        A method entry [m, args, [m2, args2]] returns m2 called on m's result."""
        refs = call["map"]
        if isinstance(refs, dict) and "$r" in refs:
            source = self.result_ref(refs["$r"], results)
            if not isinstance(source.raw, (list, tuple)):
                raise BridgeError("BAD_REQUEST", "map needs a list of objects")
            raw = source.raw
            window = call.get("slice")
            if isinstance(window, list) and len(window) == 2:
                raw = raw[window[0]:window[1]]  # only the page's objects, not the whole list
                call = dict(call, slice=None)
            objects = [(o, source.cls) for o in raw]
        elif isinstance(refs, list):
            objects = [self.lookup(r["$h"] if isinstance(r, dict) and "$h" in r else r)
                       for r in refs]
        else:
            raise BridgeError("BAD_REQUEST", "map needs a list of objects")
        window = call.get("slice")
        if isinstance(window, list) and len(window) == 2:
            objects = objects[window[0]:window[1]]
        pick = call.get("pick")
        if isinstance(pick, list):
            objects = [objects[i] for i in pick
                       if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < len(objects)]
        methods = call.get("ms", [])
        if not isinstance(methods, list) or not all(
                isinstance(m, list) and m for m in methods):
            raise BridgeError("BAD_REQUEST", "ms must be a list of [method, args] entries")
        memo = {}
        rows = []
        # A reading method without arguments is checked once per class for the whole map (a
        # 500-item page makes 3500 such calls), then called directly; not when invoke is
        # replaced (trace mode, counting tests), so every call still goes through it then.
        fast = "invoke" not in self.__dict__ and type(self).invoke is Bridge.invoke
        plan = [(m[0], m[1] if len(m) > 1 else [], m[2] if len(m) > 2 else None,
                 fast and (len(m) == 1 or (type(m[1]) is list and not m[1])))
                for m in methods]
        reads_by_class = {}
        for obj, cls in objects:
            reads = reads_by_class.get(cls)
            if reads is None:  # per method: its allowlist entry if it may be called directly
                reads = reads_by_class[cls] = [
                    _direct(self.allowed(cls, name)) if direct else None
                    for name, _, _, direct in plan]
            row = []
            for (name, args, then, _), spec in zip(plan, reads):
                fn = getattr(obj, name, None) if spec is not None else None
                if fn is not None and callable(fn):
                    try:
                        value = fn()
                    except Exception as e:  # Resolve itself failed; report, never crash
                        raise BridgeError("RESOLVE_EXCEPTION", "%s.%s raised %s: %s" % (
                            cls, name, type(e).__name__, e))
                    value_cls = spec.get("returnClass")
                else:
                    value, value_cls = self.invoke(obj, cls, name, args, results)
                if then is None:
                    pass
                elif isinstance(then, dict):  # {"keys": [...]}: only these keys of a dict
                    keys = then.get("keys")
                    if isinstance(value, dict) and isinstance(keys, list):
                        value = [value.get(k) for k in keys]
                elif isinstance(then, list) and then and isinstance(then[0], list):
                    # [[m2, a2, keys?], ...]: several calls on the result, each read once per
                    # object however many rows share it (a clip under many items)
                    value = None if value is None else self.then_calls(
                        value, value_cls, then, memo, results)
                    value_cls = None
                elif isinstance(then, list) and then:
                    if value is not None:
                        value, value_cls = self.invoke(
                            value, value_cls, then[0], then[1] if len(then) > 1 else [],
                            results)
                row.append(value if value is None or type(value) in PLAIN
                           else self.encode(value, value_cls))
            rows.append(row)
        return rows

    def then_calls(self, obj, cls, calls, memo, results):
        try:
            key = (cls, obj)
            hit = memo.get(key)
        except TypeError:  # an object Python cannot hash: read it every time
            key, hit = None, None
        if hit is not None:
            return hit
        out = []
        for c in calls:
            value, value_cls = self.invoke(obj, cls, c[0], c[1] if len(c) > 1 else [], results)
            keys = c[2] if len(c) > 2 else None
            if isinstance(value, dict) and isinstance(keys, list):
                value = [value.get(k) for k in keys]
            out.append(self.encode(value, value_cls))
        if key is not None:
            memo[key] = out
        return out

    def release(self, handles):
        for handle in handles if isinstance(handles, list) else []:
            if handle != ROOT:
                self.handles.pop(handle, None)
        return len(self.handles)

    # -- requests ---------------------------------------------------------------------

    def handle(self, request):
        op = request.get("op")
        if op == "call":
            self.created = []
            if self.ran is not None:
                self.ran = []
                self.calls = 0
            try:
                return self.run_calls(request.get("calls"))
            except BridgeError:
                self.release(self.created)  # nobody will ever see these handles
                raise
            finally:
                self.release(request.get("release"))
        if op == "release":
            return self.release(request.get("handles"))
        if op == "connect":
            return self.connect()
        if op in ("scratch", "take", "scratch_dir", "scratch_find"):
            return scratch_op(op, request)
        if op == "checkpoints":
            return checkpoints_op(request)
        if op == "hello":
            return {
                "python": "%d.%d.%d" % sys.version_info[:3],
                "bits": 64 if sys.maxsize > 2 ** 32 else 32,
                "pid": os.getpid(),
            }
        if op == "stat":
            return {"handles": len(self.handles), "time": time.time()}
        if op == "realpath":
            write = bool(request.get("write"))
            return [real_path(p, write) for p in request.get("paths", [])]
        raise BridgeError("BAD_REQUEST", "unknown op %r" % (op,))


CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_CHILDREN = 100000


def real_path(path, write=False):
    """Where a path really leads. os.path.realpath follows every link of the chain, dangling
    ones included (it is not strict), so a link cannot point a check at one place and a
    write at another. For writes it also tells what could redirect the write: a dangling
    link, other hard links of the file, a folder others may change, and links inside a
    folder that is written into."""
    if not isinstance(path, str) or not path or CONTROL.search(path):
        return {"path": None, "exists": False, "isDir": False}
    full = os.path.expanduser(path)
    real = os.path.realpath(full)
    out = {"path": real, "exists": os.path.exists(real), "isDir": os.path.isdir(real)}
    if not write:
        return out
    out["dangling"] = os.path.lexists(full) and not os.path.exists(full)  # or a link loop
    out["folderExists"] = os.path.isdir(os.path.dirname(real))
    # Whether the folder written into (the path itself if a folder) takes new files.
    out["writable"] = os.access(real if out["isDir"] else os.path.dirname(real), os.W_OK)
    out["links"] = 1
    if out["exists"] and not out["isDir"]:
        try:
            out["links"] = os.stat(real).st_nlink
        except OSError:
            pass
    out["unsafeFolder"] = unsafe_folder(real if out["isDir"] else os.path.dirname(real))
    out["childLinks"] = child_links(real) if out["isDir"] else []
    return out


def unsafe_folder(folder):
    """The first folder from `folder` up to the root that another user could change (and so
    swap what a name in it leads to): writable by others without the sticky bit, or
    group-writable, without the sticky bit, and owned by someone else. None if there is none
    (and always on Windows, whose permissions the mode bits do not describe)."""
    if os.name == "nt" or not hasattr(os, "geteuid"):
        return None
    me = os.geteuid()
    while True:
        try:
            st = os.stat(folder)
        except OSError:
            return None  # a missing folder is reported by the caller
        sticky = st.st_mode & 0o1000
        if not sticky and (st.st_mode & 0o002 or (st.st_mode & 0o020 and st.st_uid != me)):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def child_links(folder):
    """Where the links directly inside a folder lead (a write into the folder, such as an
    FCPXML bundle or stills, would follow them)."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for index, entry in enumerate(entries):
                if index >= MAX_CHILDREN:
                    break
                if entry.is_symlink():
                    found.append(os.path.realpath(entry.path))
    except OSError:
        pass
    return found


def reply(out, message):
    try:
        line = json.dumps(message, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as e:
        line = json.dumps({"id": message.get("id"), "err": {
            "code": "UNSERIALISABLE", "message": "result is not JSON: %s" % e}})
    out.write(line + "\n")
    out.flush()


def answer(bridge, raw, out):
    """Handles one request line and writes its reply line."""
    request_id = None
    try:
        request = json.loads(raw)
        if not isinstance(request, dict):
            raise BridgeError("BAD_REQUEST", "a request must be a JSON object")
        request_id = request.get("id")
        message = {"id": request_id, "ok": bridge.handle(request)}
        if bridge.ran is not None and request.get("op") == "call":
            message["ran"] = bridge.ran
            message["calls"] = bridge.calls
        reply(out, message)
    except BridgeError as e:
        err = {"code": e.code, "message": e.message}
        if getattr(e, "index", None) is not None:
            err["index"] = e.index
        message = {"id": request_id, "err": err}
        if bridge.ran is not None and request.get("op") == "call":
            message["ran"] = bridge.ran
            message["calls"] = bridge.calls
        reply(out, message)
    except ValueError as e:
        reply(out, {"id": request_id, "err": {"code": "BAD_JSON", "message": str(e)}})
    except Exception as e:  # the bridge must outlive any bad request
        reply(out, {"id": request_id, "err": {
            "code": "BRIDGE_ERROR", "message": "%s: %s" % (type(e).__name__, e)}})


def run(out, config):
    bridge = Bridge(config)
    reply(out, {"ready": True, "trace": True} if bridge.ran is not None else {"ready": True})
    for raw in sys.stdin.buffer:
        answer(bridge, raw, out)


# -- scratch stills: frames Resolve writes for the server to look at ------------------------

SCRATCH = {}
SCRATCH_NAME = re.compile(r"^still-[0-9a-f]{16}\.(ppm|png|jpg|tif|bmp|comp)$")
# Grades Resolve exports as <prefix><still name>.drx (the still's name is not in the API).
GRADE_NAME = re.compile(r"^grade-[0-9a-f]{16}[A-Za-z0-9._ -]{0,64}\.drx$")
MAX_SCRATCH_BYTES = 512 * 1024 * 1024


def scratch_op(op, request):
    """scratch {ext}: a fresh file path in a private folder of this process (made 0700 on
    first use, removed at exit) for Resolve to write a still to. take {path, fit?}: that
    file's content, deleted once read; a binary PPM comes back as raw RGB reduced to fit
    [width, height] (so no full-size frame crosses the pipe), anything else as its bytes.
    No other file can be read or deleted."""
    import base64
    if op in ("scratch", "scratch_dir") and "dir" not in SCRATCH:
        import atexit
        import shutil
        import tempfile
        SCRATCH["dir"] = os.path.realpath(tempfile.mkdtemp(prefix="resolve-mcp-"))
        atexit.register(shutil.rmtree, SCRATCH["dir"], True)
    if op == "scratch":
        name = "still-%s.%s" % (os.urandom(8).hex(), request.get("ext"))
        if not SCRATCH_NAME.match(name):
            raise BridgeError("BAD_REQUEST", "scratch needs ext ppm, png, jpg, tif, bmp or comp")
        return os.path.join(SCRATCH["dir"], name)
    if op == "scratch_dir":
        # scratch_dir: the private folder and a fresh prefix for a grade (.drx) export there;
        # scratch_find {prefix}: the .drx files Resolve wrote with that prefix.
        return {"dir": SCRATCH["dir"], "prefix": "grade-%s" % os.urandom(8).hex()}
    if op == "scratch_find":
        prefix = request.get("prefix")
        if "dir" not in SCRATCH or not isinstance(prefix, str) or \
                not re.match(r"^grade-[0-9a-f]{16}$", prefix):
            raise BridgeError("BAD_REQUEST", "scratch_find needs a prefix scratch_dir gave")
        return sorted(os.path.join(SCRATCH["dir"], n) for n in os.listdir(SCRATCH["dir"])
                      if n.startswith(prefix) and GRADE_NAME.match(n))
    path = request.get("path")
    if "dir" not in SCRATCH or not isinstance(path, str) or \
            os.path.dirname(path) != SCRATCH["dir"] or not (
                SCRATCH_NAME.match(os.path.basename(path))
                or GRADE_NAME.match(os.path.basename(path))):
        raise BridgeError("PATH_NOT_ALLOWED", "take reads only the files scratch named")
    if not os.path.lexists(path):
        return None  # Resolve wrote nothing
    try:
        if os.path.islink(path) or os.path.getsize(path) > MAX_SCRATCH_BYTES:
            raise BridgeError("STILL_TOO_LARGE", "the still is not a plain file under 512 MB")
        with open(path, "rb") as fh:
            data = fh.read()
    finally:
        os.remove(path)
    box = request.get("fit")
    if data[:2] == b"P6" and isinstance(box, list) and len(box) == 2:
        width, height, rgb = ppm_fit(data, int(box[0]), int(box[1]))
        return {"width": width, "height": height,
                "rgb": base64.b64encode(rgb).decode("ascii")}
    return {"bytes": base64.b64encode(data).decode("ascii")}


def _average(a, b, mask):
    """Byte-wise floor((a + b) / 2) of two byte strings, as one big-integer operation."""
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return ((x & y) + (((x ^ y) & mask) >> 1)).to_bytes(len(a), "big")


def ppm_fit(data, max_w, max_h):
    """A binary PPM's pixels as 8-bit RGB reduced to fit max_w x max_h: four samples an
    output pixel, averaged, with slicing and big-integer byte arithmetic (pure Python per
    pixel would take seconds for a UHD frame)."""
    fields, pos = [], 2
    while len(fields) < 3:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        start = pos
        while data[pos:pos + 1].isdigit():
            pos += 1
        if start == pos:
            raise BridgeError("BAD_STILL", "not a binary PPM header")
        fields.append(int(data[start:pos]))
    width, height, maxval = fields
    pixels = data[pos + 1:]
    if maxval > 255:
        pixels = pixels[0::2]  # the high bytes of 16-bit samples
    stride = 3 * width
    if width < 1 or height < 1 or len(pixels) < stride * height:
        raise BridgeError("BAD_STILL", "the PPM is shorter than its header says")
    scale = min(1.0, float(max_w) / width, float(max_h) / height)
    out_w, out_h = max(1, int(width * scale)), max(1, int(height * scale))
    if (out_w, out_h) == (width, height):
        return width, height, pixels[:stride * height]
    from operator import itemgetter
    taps = [itemgetter(*[3 * int((x + t) * width / out_w) + c for x in range(out_w)
                         for c in range(3)]) for t in (0.25, 0.75)]
    wide, narrow = (int.from_bytes(b"\xfe" * n, "big") for n in (stride, 3 * out_w))
    rows = []
    for y in range(out_h):
        a, b = (int((y + t) * height / out_h) * stride for t in (0.25, 0.75))
        row = _average(pixels[a:a + stride], pixels[b:b + stride], wide)
        rows.append(_average(bytes(taps[0](row)), bytes(taps[1](row)), narrow))
    return out_w, out_h, b"".join(rows)


# -- checkpoints: the server's own data folder (outside every folder the user allows) -------

CHECKPOINT_ID = re.compile(r"^ck-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$")
MAX_CHECKPOINT_JSON = 1024 * 1024


def data_folder():
    """The server's data folder: RESOLVE_MCP_DATA_DIR, else the platform's per-user data
    place (%LOCALAPPDATA%, ~/Library/Application Support, $XDG_DATA_HOME or ~/.local/share),
    each with a davinci-resolve-mcp folder."""
    named = os.environ.get("RESOLVE_MCP_DATA_DIR")
    if named:
        return os.path.realpath(os.path.expanduser(named))
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return os.path.realpath(os.path.join(base, "davinci-resolve-mcp"))


def checkpoint_folder(create):
    folder = os.path.join(data_folder(), "checkpoints")
    if create and not os.path.isdir(folder):
        os.makedirs(folder, 0o700)
    return folder


def checkpoints_op(request):
    """checkpoints {action}: the checkpoint store. dir: the folder (made 0700 on first use);
    path {checkpoint}: where that checkpoint's project export goes; put {entry}: writes <id>.json;
    list: every entry; drop {ids}: deletes those entries and their exports. Only files named
    by a checkpoint id are read or written, only in that folder."""
    action = request.get("action")
    if action == "dir":
        return {"dir": checkpoint_folder(False), "exists": os.path.isdir(checkpoint_folder(False))}
    folder = checkpoint_folder(action in ("path", "put"))

    def named(cid, ext):
        if not isinstance(cid, str) or not CHECKPOINT_ID.match(cid):
            raise BridgeError("BAD_REQUEST", "not a checkpoint id: %r" % (cid,))
        return os.path.join(folder, cid + ext)

    if action == "path":
        return named(request.get("checkpoint"), ".drp")
    if action == "put":
        entry = request.get("entry")
        if not isinstance(entry, dict):
            raise BridgeError("BAD_REQUEST", "put needs an entry object")
        path = named(entry.get("checkpoint_id"), ".json")
        text = json.dumps(entry, separators=(",", ":"))
        if len(text) > MAX_CHECKPOINT_JSON:
            raise BridgeError("BAD_REQUEST", "a checkpoint entry is limited to 1 MB")
        temp = path + ".tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(text)
        os.replace(temp, path)
        return path
    if action == "list":
        entries = []
        if not os.path.isdir(folder):
            return entries
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json") or not CHECKPOINT_ID.match(name[:-5]):
                continue
            path = os.path.join(folder, name)
            try:
                if os.path.islink(path) or os.path.getsize(path) > MAX_CHECKPOINT_JSON:
                    continue
                with open(path) as fh:
                    entry = json.load(fh)
            except (OSError, ValueError):
                continue
            if isinstance(entry, dict):
                drp = os.path.join(folder, name[:-5] + ".drp")
                entry["file_exists"] = os.path.exists(drp)
                entries.append(entry)
        return entries
    if action == "drop":
        dropped = 0
        for cid in request.get("ids") or []:
            for ext in (".json", ".drp"):
                path = named(cid, ext)
                if os.path.lexists(path):
                    os.remove(path)
                    dropped += ext == ".json"
        return dropped
    raise BridgeError("BAD_REQUEST", "checkpoints action must be dir, path, put, list or drop")
