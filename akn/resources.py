"""Where the bundled data lives: the official schema and the language mappings.

In a source checkout they sit at the top of the repository (``schemas/``, ``mappings/``); an
installed wheel carries them inside the package (``akn/schemas``, ``akn/mappings``).
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the directory of bundled data called ``name`` ("schemas" or "mappings")."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"akn data directory {name!r} is missing from the installation")


def mapping_folders() -> tuple[Path, ...]:
    """The folders searched for language mappings, in order: those the ``AKN_MAPPINGS``
    environment variable names (separated as in PATH), then the bundled one. A language of
    one's own is a YAML file in a folder of one's own; it may extend the bundled ``base``."""
    extra = os.environ.get("AKN_MAPPINGS", "")
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
