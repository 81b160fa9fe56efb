"""Where the bundled data lives: the official schema and the language mappings.

In a source checkout they sit at the top of the repository (``schemas/``, ``mappings/``); an
installed wheel carries them inside the package (``akn/schemas``, ``akn/mappings``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the directory of bundled data called ``name`` ("schemas" or "mappings")."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"akn data directory {name!r} is missing from the installation")


def available_languages() -> list[str]:
    """The language codes that have a mapping file (every ``*.yaml`` but ``base``). Here, not
    in akn.mapping, so that the command line lists them without loading YAML."""
    folder = data_dir("mappings")
    return sorted(p.stem for p in folder.glob("*.yaml") if p.stem != "base")
