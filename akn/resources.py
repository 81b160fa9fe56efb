"""Where the bundled data lives: the official schema and the language mappings.

An installed wheel carries them inside the package (``akn/schemas``, ``akn/mappings``); in a
source checkout (or an editable install of one) they sit beside the package, at the top of the
repository (``schemas/``, ``mappings/``), where they are easy to find and edit. Both are looked
for beside the package's own folder first (a plain path: what every install on disk gives, and
what costs nothing to find); only when that fails is ``importlib.resources`` asked, which knows
where the package was really imported from (a zip, a custom loader) but costs 8-14 ms to import.
"""

from __future__ import annotations

import functools
import os
from functools import cache
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    """Return the directory of bundled data called ``name`` ("schemas" or "mappings").

    A real directory, because libxml2 reads the schema (and the ``xml.xsd`` it imports) by
    path. Raises FileNotFoundError when the installation lacks it, or when akn was imported
    from a zip archive (its data cannot be read by path there).
    """
    here = Path(__file__).parent
    for candidate in (here / name, here.parent / name):
        if candidate.is_dir():
            return candidate.resolve()
    from importlib.resources import files  # a loader that is no plain folder: ask it

    package = files("akn")
    for found in (package / name, package / ".." / name):
        if isinstance(found, Path) and found.is_dir():
            return found.resolve()
    raise FileNotFoundError(
        f"akn data directory {name!r} is missing from the installation at {package} "
        "(akn must be installed from a wheel or a checkout, not run from a zip archive)"
    )


def mapping_folders() -> tuple[Path, ...]:
    """The folders searched for language mappings, in order: those the ``AKN_MAPPINGS``
    environment variable names (separated as in PATH), then the bundled one. A language of
    one's own is a YAML file in a folder of one's own; it may extend the bundled ``base``."""
    return _mapping_folders(os.environ.get("AKN_MAPPINGS", ""))


@functools.lru_cache(maxsize=16)
def _mapping_folders(extra: str) -> tuple[Path, ...]:
    """``mapping_folders`` for one value of AKN_MAPPINGS (asked for by every conversion)."""
    return (*(Path(part) for part in extra.split(os.pathsep) if part), data_dir("mappings"))


def available_languages() -> list[str]:
    """The language codes that have a mapping file (every ``*.yaml`` but ``base``). Here, not
    in akn.mapping, so that the command line lists them without loading YAML."""
    codes = set()
    for folder in mapping_folders():
        try:
            names = os.listdir(folder)  # not Path.glob: its pattern compiles a regex each run
        except OSError:  # no such folder (or not one)
            continue
        for name in names:
            code, dot, suffix = name.rpartition(".")
            if dot and suffix == "yaml" and code and code != "base":
                codes.add(code)
    return sorted(codes)
