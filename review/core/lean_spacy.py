"""spaCy imported without its command line (typer, requests, weasel, rich: about 360 modules and a
quarter of a second of every fresh review), which a review never runs.

``import spacy`` imports ``spacy.cli.info`` only to offer ``spacy.info``; here that module is a
stand-in while spaCy is imported, then taken away, so ``spacy.info`` and ``spacy.cli`` still work:
each imports the real command line on first use. The cyclic garbage collector is paused during the
import and what it made is then frozen (``gc.freeze``): it is what lives as long as the process
(modules, classes, spaCy's registries), and the collector's passes over it, 174 of them in the
import and more after, found nothing to free. Reference counting still frees all else.

catalogue, the registry library under spaCy, selects a group from its snapshot of the installed
entry points on every registry look-up, by a scan of them all; here each group's selection is kept
(:class:`EntryPointGroups`), as the snapshot never changes.
"""

from __future__ import annotations

import gc
import importlib
import sys
import types

_CLI_INFO = "spacy.cli.info"


def info(*args, **kwargs):
    """``spacy.info``: the real one, imported on first call."""
    from spacy.cli.info import info as real_info

    return real_info(*args, **kwargs)


def _cli_on_first_use(name: str):
    """The spacy module's attribute `name` when it is not set: ``spacy.cli`` is imported then."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


class EntryPointGroups:
    """catalogue's snapshot of the installed entry points, each selection made once and kept."""

    def __init__(self, entry_points):
        self._entry_points = entry_points
        self._selected: dict[tuple, object] = {}

    def select(self, **params):
        key = tuple(sorted(params.items()))
        if key not in self._selected:
            self._selected[key] = self._entry_points.select(**params)
        return self._selected[key]


def keep_entry_point_groups() -> None:
    """catalogue's look-ups, from here on, through :class:`EntryPointGroups` (once per process)."""
    import catalogue

    if hasattr(catalogue.AVAILABLE_ENTRY_POINTS, "select") and not isinstance(
            catalogue.AVAILABLE_ENTRY_POINTS, EntryPointGroups):
        catalogue.AVAILABLE_ENTRY_POINTS = EntryPointGroups(catalogue.AVAILABLE_ENTRY_POINTS)


def import_spacy() -> types.ModuleType:
    """spaCy, imported without ``spacy.cli`` unless it is imported already."""
    keep_entry_point_groups()
    if "spacy" in sys.modules or _CLI_INFO in sys.modules:
        return importlib.import_module("spacy")
    stand_in = types.ModuleType(_CLI_INFO)
    stand_in.info = info
    sys.modules[_CLI_INFO] = stand_in
    collecting = gc.isenabled()
    gc.disable()
    try:
        import spacy
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
        if sys.modules.get(_CLI_INFO) is stand_in:
            del sys.modules[_CLI_INFO]
    if "cli" not in vars(spacy) and "__getattr__" not in vars(spacy):
        spacy.__getattr__ = _cli_on_first_use
    return spacy
