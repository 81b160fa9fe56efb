"""Load a language mapping: YAML rules under ``mappings/``, merged with ``base.yaml``, checked,
and read through typed sections.

Everything language-specific (formula, opening phrases, operative verbs, numbering, masthead
lines, month names, number words, punctuation, script facts) is data. A mapping file names
the file it extends; the merged rules are checked against ``schemas/mapping.schema.json``,
every regular expression is compiled and must have the named groups the code reads from it,
so a broken file is reported with its path, line and key before any text is read.

The converter reads attributes, not key paths::

    mapping = load_mapping("fr")
    mapping.notes.brackets                      # ('', '')
    mapping.numbering.operative.match("5. ")    # a compiled pattern with a group "num"
    mapping.dates.months["janvier"]             # 1

A checked mapping is kept in memory by the digest of its files, and on disk (see
``akn.mapping.cache``), so that a later run reads neither YAML nor the schema again; what
its patterns compile to is kept there too (``akn.mapping.programs``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from akn.mapping import cache as disk
from akn.mapping.checking import check, rules_signature
from akn.mapping.loading import (
    KeyPath,
    Location,
    MappingError,
    SourceFile,
    fast_loader,
    find_file,
    load_merged,
    mapping_error,
)
from akn.mapping.model import Mapping
from akn.mapping.phrases import Detection, PhraseMatcher, phrase_pattern
from akn.resources import mapping_folders

__all__ = [
    "Detection",
    "KeyPath",
    "Location",
    "Mapping",
    "MappingError",
    "PhraseMatcher",
    "forget_mappings",
    "load_mapping",
    "phrase_pattern",
]

# Checked mappings by the digest that names their entry, with the files they came from.
_loaded: dict[str, tuple[Mapping, tuple[SourceFile, ...]]] = {}
_KEPT = 64
# The same, by where they were looked for, with each file's (name, path, mtime, size): reused
# while a stat of each file says nothing changed, so that a conversion reads and hashes no
# file. Files changed in the last seconds are not stamped (a coarse clock could give an edit
# the same time as the read before it): they are read and hashed each time.
# A stamp: the file's path, mtime and size, and the paths before it in the search order
# where a file of its name would shadow it (as text: pathlib's operators cost more than the
# stat calls themselves, and this is asked for every conversion).
Stamps = tuple[tuple[str, int, int, tuple[str, ...]], ...]
_stamped: dict[tuple[tuple[Path, ...], str], tuple[Mapping, Stamps]] = {}
_SETTLED_NS = 2_000_000_000


def load_mapping(language: str, folder: Path | None = None) -> Mapping:
    """Load and check the mapping of ``language`` ("fr", "en", ...) from ``folder``, or from
    the folders ``AKN_MAPPINGS`` names and then the bundled ones (``mapping_folders``).

    Raises MappingError naming the file, line and key of the first problem found. Loading
    the same files again gives the same Mapping (its compiled patterns included); a file
    changed since is read again.
    """
    folders = (folder,) if folder else mapping_folders()
    known = _stamped.get((folders, language))
    if known is not None and _unchanged(known[1]):
        return known[0]
    mapping, files = _load(folders, language)
    stamps = _stamps(files, folders)
    if stamps is not None:
        _stamped[(folders, language)] = (mapping, stamps)
    return mapping


def _stamps(files: tuple[SourceFile, ...], folders: tuple[Path, ...]) -> Stamps | None:
    """Each file's stamp; None if one changed too lately to trust."""
    now = time.time_ns()
    stamps = []
    for file in files:
        try:
            status = os.stat(file.path)
        except OSError:
            return None
        if now - status.st_mtime_ns < _SETTLED_NS:
            return None
        earlier = []
        for folder in folders:
            candidate = folder / f"{file.name}.yaml"
            if candidate == file.path:
                break
            earlier.append(str(candidate))
        stamps.append((str(file.path), status.st_mtime_ns, status.st_size, tuple(earlier)))
    return tuple(stamps)


def _unchanged(stamps: Stamps) -> bool:
    """Do the files still have the same mtime and size, none shadowed by a new file before
    it in the search order?"""
    try:
        for path, mtime, size, earlier in stamps:
            status = os.stat(path)
            if status.st_mtime_ns != mtime or status.st_size != size:
                return False
            if any(os.path.isfile(candidate) for candidate in earlier):
                return False
    except OSError:
        return False
    return True


def _load(
    folders: tuple[Path, ...], language: str, loader: type | None = None
) -> tuple[Mapping, tuple[SourceFile, ...]]:
    """``load_mapping`` in ``folders``: from memory, from the disk cache, or read and checked.
    ``loader``: the YAML loader, the fast one when None (another than the fast one skips the
    disk cache: the bench times the pure-Python one)."""
    own_path = find_file(language, folders)
    try:
        own = own_path.read_bytes()
    except OSError as error:
        raise mapping_error(
            f"cannot read mapping file: {error.strerror}", (str(own_path), 1, 1)
        ) from None
    key = disk.entry_key(language, folders, own, rules_signature())
    known = _loaded.get(key)
    if known is not None and disk.still_current(known[1], folders):
        return known
    fast = loader is None or loader is fast_loader()
    cached = disk.read_entry(key, folders) if fast else None
    if cached is not None:
        data, files = cached
    else:
        unchecked = load_merged(language, folders, loader)
        check(unchecked.data, unchecked.locations, (str(own_path), 1, 1))
        data, files = unchecked.data, unchecked.files
        disk.write_entry(key, data, files)
    mapping = Mapping(language, data)
    if len(_loaded) >= _KEPT:  # files edited again and again in a long-lived process
        _loaded.pop(next(iter(_loaded)))
    _loaded[key] = (mapping, files)
    return mapping, files


def __getattr__(name: str) -> Any:
    if name == "FastLoader":  # akn.mapping.loading.FastLoader, which imports PyYAML
        return fast_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def forget_mappings() -> None:
    """Forget the mappings loaded so far (not the disk cache, which checks its own files)."""
    _loaded.clear()
    _stamped.clear()
