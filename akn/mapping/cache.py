"""A checked mapping kept on disk, so that the next run needs neither YAML nor jsonschema.

What is kept is the merged data that passed the checks, as JSON (never pickle: reading a
cache must not run code). An entry is found by a digest of the language's own file, its
name, the folders searched and the rules it was checked against; it lists every file of the
``extends`` chain with the digest of its bytes, and is used only while each of them still
resolves to the same path with the same bytes. Entries are written atomically (a temporary
file renamed into place), so a reader never sees half of one; any problem reading or
writing the cache is a miss, never an error.

Where: ``AKN_CACHE_DIR`` when set (empty: no disk cache), else the user's cache directory
(``$XDG_CACHE_HOME/akn`` or ``~/.cache/akn``; ``%LOCALAPPDATA%\\akn`` on Windows).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from akn.mapping.loading import SourceFile, digest, find_file

FORMAT = 1


def cache_dir() -> Path | None:
    """The folder of the mapping cache, or None when the disk cache is off."""
    chosen = os.environ.get("AKN_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / "mappings" if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        root = Path(os.environ["LOCALAPPDATA"])
    elif os.environ.get("XDG_CACHE_HOME"):
        root = Path(os.environ["XDG_CACHE_HOME"])
    else:
        try:
            root = Path.home() / ".cache"
        except RuntimeError:  # no home directory to speak of
            return None
    return root / "akn" / "mappings"


def entry_key(name: str, folders: tuple[Path, ...], own: bytes, rules: str) -> str:
    """The name of the entry for language ``name`` whose own file holds ``own``."""
    parts = [str(FORMAT), name, rules, digest(own), *map(str, folders)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def read_entry(
    key: str, folders: tuple[Path, ...]
) -> tuple[dict[str, Any], tuple[SourceFile, ...]] | None:
    """The checked data of entry ``key`` and its files, if it is there and still current."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        if entry.get("format") != FORMAT:
            return None
        files = tuple(SourceFile(n, Path(p), d) for n, p, d in entry["files"])
        data = entry["data"]
    except Exception:
        return None
    if not isinstance(data, dict) or not still_current(files, folders):
        return None
    return data, files


def still_current(files: tuple[SourceFile, ...], folders: tuple[Path, ...]) -> bool:
    """Do ``files`` still resolve to the same paths in ``folders``, holding the same bytes?"""
    try:
        return all(
            find_file(f.name, folders) == f.path and digest(f.path.read_bytes()) == f.digest
            for f in files
        )
    except Exception:
        return False


def write_entry(key: str, data: dict[str, Any], files: tuple[SourceFile, ...]) -> None:
    """Keep ``data`` under ``key``, atomically; silently nothing if the cache cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        text = json.dumps(
            {
                "format": FORMAT,
                "files": [[f.name, str(f.path), f.digest] for f in files],
                "data": data,
            },
            ensure_ascii=False,
        )
    except (TypeError, ValueError):  # a value JSON cannot hold: do not cache it
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        import tempfile  # only when an entry is written (not on the path of a cached run)

        handle, temporary = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, folder / f"{key}.json")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
