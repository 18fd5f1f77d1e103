"""Simulated stand-in for DaVinci Resolve's ``DaVinciResolveScript`` module.

``import DaVinciResolveScript as dvr; resolve = dvr.scriptapp("Resolve")`` returns
the root object of a simulated Resolve Studio 21.1.1 (see NOTES.md for switches).

One simulated Resolve instance (a "world") exists per process: every
``scriptapp("Resolve")`` returns a Resolve object bound to it.  ``_reset()``
drops it so the next ``scriptapp`` starts again from the environment (fresh
state, or the RESOLVE_SIM_STATE file when that is set).
"""

import sim_core
import sim_color  # noqa: F401  (registers Graph, ColorGroup, Gallery classes)
import sim_item  # noqa: F401
import sim_timeline  # noqa: F401
import sim_media  # noqa: F401
import sim_pool  # noqa: F401
import sim_render  # noqa: F401
import sim_project  # noqa: F401
import sim_app  # noqa: F401
import sim_v211_edit  # noqa: F401  (21.1 editing methods, hooked into the classes above)
import sim_v211_media  # noqa: F401  (21.1 media, audio, presets, DCTL, job status)
import sim_hosts

_WORLD = {}


def scriptapp(app_name="Resolve", host="127.0.0.1", *args):
    """Return the Resolve object, or None (unknown app, or Resolve has quit)."""
    if app_name != "Resolve":
        return None
    # RESOLVE_SIM_HOSTS: only the machines it lists answer, each with its own switches.
    if sim_hosts.select(host) is None:
        return None
    world = _WORLD.get("world")
    if world is None:
        world = sim_core.World()
        sim_hosts.attach(world)
        _WORLD["world"] = world
    if world.S.get("quit"):
        return None
    return world.proxy("Resolve", "resolve")


def _reset():
    """Forget the current simulated Resolve (the next scriptapp builds a new one)."""
    _WORLD.clear()
    sim_hosts.forget()
