"""A mapping's regular expressions as compiled programs kept on disk, so that a later run
reads what ``re.compile`` made of them instead of compiling them again.

Compiling a mapping's patterns (its sections' thirty, the opening phrases and verbs) is the
largest part of a conversion's start-up that the mapping itself causes: the compiler is pure
Python, about a millisecond for an alternation of phrases, and every process paid it again.
What the compiler makes is data: the pattern's program (a list of numbers), its flags and
its groups. Each is kept as a small JSON file named by a digest of the pattern, in a folder
of the mapping cache for this Python (``akn.mapping.cache``), written when the pattern is
first compiled; a run reads only the programs of the patterns it compiles (detection's few
of each language, the chosen language's sections). The regex engine checks every program
it is given: a damaged one is refused and the pattern compiled again, never run.

The programs are the private format of CPython's ``re`` module (``re._parser``,
``re._compiler`` and ``_sre``, the calls ``re.compile`` makes): the folder is named by the
exact Python version and the engine's format number, and anything unexpected falls back to
``re.compile``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from array import array
from base64 import b64decode, b64encode
from importlib import import_module
from pathlib import Path
from typing import Any

from akn.mapping.cache import cache_dir

# CPython's regex engine and compiler (private: typed as Any); elsewhere every pattern is
# compiled as usual.
_sre: Any
_parser: Any
_compiler: Any
try:
    _sre = import_module("_sre")
    _parser = import_module("re._parser")
    _compiler = import_module("re._compiler")
except ImportError:  # pragma: no cover
    _sre = None

FORMAT = 2
ENGINE = hashlib.sha256(
    f"{FORMAT} {sys.implementation.name} {sys.version} {getattr(_sre, 'MAGIC', None)} "
    f"{getattr(_sre, 'CODESIZE', None)}".encode()
).hexdigest()[:16]
"""What a kept program is valid for: this Python (version and build) and its engine."""

Program = list[Any]  # [flags, code, number of groups, {group name: index}]
# On disk the code is its 32-bit words, little-endian, in base 64: reading a JSON list of
# thousands of numbers cost more than the program saved for a short pattern.

_compiled: dict[str, re.Pattern[str]] = {}  # this process's, by pattern
_KEPT = 2048


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, from the kept program when there is one (else compiled and
    kept for the next run)."""
    known = _compiled.get(pattern)
    if known is not None:
        return known
    folder = _folder()
    path = os.path.join(folder, f"{_digest(pattern)}.json") if folder else None
    compiled = _read(path, pattern) if path else None
    if compiled is None:
        compiled, program = compile_with_program(pattern)
        if path is not None and program is not None:
            _write(path, pattern, program)
    if len(_compiled) >= _KEPT:
        _compiled.clear()
    _compiled[pattern] = compiled
    return compiled


def _digest(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()[:40]


# programs_dir() as text, by the variables it depends on: asked for every pattern compiled.
_FOLDER_VARIABLES = ("AKN_CACHE_DIR", "XDG_CACHE_HOME", "HOME", "LOCALAPPDATA")
_folders: dict[tuple[str | None, ...], str | None] = {}


def _folder() -> str | None:
    key = tuple(map(os.environ.get, _FOLDER_VARIABLES))
    if key not in _folders:
        folder = programs_dir()
        _folders[key] = str(folder) if folder else None
    return _folders[key]


def programs_dir() -> Path | None:
    """The folder of the kept programs for this Python; None when the disk cache is off
    (or this platform's arrays have no 32-bit word to write the code in)."""
    folder = cache_dir()
    return folder / f"programs-{ENGINE}" if folder and array("I").itemsize == 4 else None


def compile_with_program(pattern: str) -> tuple[re.Pattern[str], Program | None]:
    """The compiled pattern, as ``re.compile`` makes it, and its program (None when this
    Python's engine cannot be read so). A bad pattern raises ``re.error`` as usual."""
    if _sre is None:  # pragma: no cover
        return re.compile(pattern), None
    try:
        parsed = _parser.parse(pattern, 0)
        code = _compiler._code(parsed, 0)
        state = parsed.state
        program: Program = [state.flags, list(code), state.groups - 1, dict(state.groupdict)]
        compiled = _from_program(pattern, program)
    except re.error:
        raise
    except Exception:  # another engine than the one this was written for
        return re.compile(pattern), None
    if compiled is None:
        return re.compile(pattern), None
    return compiled, program


def _from_program(pattern: str, program: Program) -> re.Pattern[str] | None:
    """The pattern made from its program; None if the engine refuses it (the engine
    validates every program it is given)."""
    try:
        flags, code, groups, groupindex = program
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        compiled: re.Pattern[str] = _sre.compile(
            pattern, flags, code, groups, groupindex, tuple(indexgroup)
        )
    except Exception:
        return None
    return compiled


def _read(path: str, pattern: str) -> re.Pattern[str] | None:
    """The kept program of ``pattern`` at ``path`` made into the pattern, or None."""
    try:
        with open(path, encoding="utf-8") as kept:
            entry = json.loads(kept.read())
        if entry["pattern"] != pattern:  # a digest shared by two patterns: compile this one
            return None
        flags, words, groups, groupindex = entry["program"]
        code = array("I", b64decode(words, validate=True))
        if sys.byteorder != "little":  # pragma: no cover
            code.byteswap()
        return _from_program(pattern, [flags, code.tolist(), groups, groupindex])
    except Exception:
        return None


def _write(path: str | Path, pattern: str, program: Program) -> None:
    """Keep ``program`` at ``path``, atomically; silently nothing if it cannot be written."""
    flags, code, groups, groupindex = program
    try:
        words = array("I", code)
        if sys.byteorder != "little":  # pragma: no cover
            words.byteswap()
        kept = [flags, b64encode(words.tobytes()).decode("ascii"), groups, groupindex]
        text = json.dumps({"pattern": pattern, "program": kept})
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_text(text, "utf-8")
        os.replace(temporary, target)
    except (OSError, TypeError, ValueError, OverflowError):
        return
