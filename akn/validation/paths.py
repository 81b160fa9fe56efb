"""Which files ``akn validate`` checks: paths, directories, glob patterns and ``-``.

Globs are matched by one walk that follows no symlinked directory, and a file reached by
several paths is checked once (by its real path).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from akn.validation.engine import Input


class NoFilesError(ValueError):
    """A directory or pattern that names no file (a usage error for the command line)."""


def expand(paths: list[str], stdin_name: str | None = None) -> list[Input]:
    """Files, directories (recursively, *.xml), globs and ``-``, in order, without repeats."""
    import glob
    import os
    from pathlib import Path

    from akn.validation.engine import Input

    found: list[Input] = []
    seen: set[str] = set()

    def add(label: str, path: Path | None) -> None:
        # By real path: a file reached through a symlink, or named twice, is checked once.
        key = os.path.realpath(label) if path is not None else "-"
        if key not in seen:
            seen.add(key)
            found.append(Input(label, path))

    for raw in paths:
        if raw == "-":
            add(stdin_name or "<stdin>", None)
        elif os.path.isdir(raw):
            files = list(_xml_files(raw))
            if not files:
                raise NoFilesError(f"no *.xml files in directory {raw}")
            for file in files:
                add(file, Path(file))
        elif os.path.lexists(raw) or not glob.has_magic(raw):
            add(raw, Path(raw))  # a missing file is reported as IN001, not skipped
        else:
            matches = _glob(raw)
            files = []
            for match in matches:
                files.extend(_xml_files(match) if os.path.isdir(match) else [match])
            if not files:
                raise NoFilesError(f"no files match {raw}")
            for file in files:
                add(file, Path(file))
    return found


def _glob(pattern: str) -> list[str]:
    """The paths ``pattern`` matches, sorted, as ``glob.glob(pattern, recursive=True)`` would
    give them, but found by one walk that follows no symlinked directory: Python's own glob
    descends into symlinks, and two symlink loops under ``**`` make it run for hours.
    ``*``, ``?`` and ``[...]`` stay within one name and skip names starting with a dot."""
    import os
    import re

    parts = pattern.split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not _has_magic(parts[fixed]):
        fixed += 1
    root = "/".join(parts[:fixed])
    if pattern.startswith("/") and not root:
        root = "/"
    regex = re.compile(_translate(parts[fixed:]), re.DOTALL)
    found = []
    top = root or "."
    if not os.path.isdir(top):
        return []
    for directory, directories, names in os.walk(top):
        directories.sort()
        relative = os.path.relpath(directory, top)
        prefix = "" if relative == "." else relative + "/"
        for name in [*directories, *names]:
            if regex.fullmatch(prefix + name):
                found.append(os.path.join(root, prefix + name) if root else prefix + name)
    return sorted(found)


def _has_magic(part: str) -> bool:
    return any(character in part for character in "*?[")


def _translate(parts: list[str]) -> str:
    """A regular expression for the components of a glob pattern (``**``: any directories)."""
    import re

    pieces = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            pieces.append(r"(?:(?!\.)[^/]+/)*(?:(?!\.)[^/]*)?" if last else r"(?:(?!\.)[^/]+/)*")
            continue
        regex = "" if part.startswith(".") else r"(?!\.)"
        at = 0
        while at < len(part):
            character = part[at]
            if character == "*":
                regex += "[^/]*"
            elif character == "?":
                regex += "[^/]"
            elif character == "[" and part.find("]", at + 2) > 0:
                end = part.find("]", at + 2)
                body = part[at + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                regex += "[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]"
                at = end
            else:
                regex += re.escape(character)
            at += 1
        pieces.append(regex if last else regex + "/")
    return "".join(pieces)


def _xml_files(directory: str) -> list[str]:
    """*.xml below ``directory``, sorted; hidden directories (.git, .venv) are skipped."""
    import os

    files: list[str] = []
    for root, directories, names in os.walk(directory):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        files.extend(
            os.path.join(root, name) for name in sorted(names) if name.lower().endswith(".xml")
        )
    return files
