"""Where the bundled data lives: the official schema and the language mappings.

An installed wheel carries them inside the package (``akn/schemas``, ``akn/mappings``); in a
source checkout (or an editable install of one) they sit beside the package, at the top of the
repository (``schemas/``, ``mappings/``), where they are easy to find and edit. Both are found
through ``importlib.resources``, which knows where the package was really imported from (a
wheel, an editable install, a zip), rather than through the path of this module's source.
"""

from __future__ import annotations

import functools
import os
from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    """Return the directory of bundled data called ``name`` ("schemas" or "mappings").

    A real directory, because libxml2 reads the schema (and the ``xml.xsd`` it imports) by
    path. Raises FileNotFoundError when the installation lacks it, or when akn was imported
    from a zip archive (its data cannot be read by path there).
    """
    package = files("akn")
    for candidate in (package / name, package / ".." / name):
        if isinstance(candidate, Path) and candidate.is_dir():
            return candidate.resolve()
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
    return sorted(
        {
            path.stem
            for folder in mapping_folders()
            if folder.is_dir()
            for path in folder.glob("*.yaml")
            if path.stem != "base"
        }
    )
