"""A mapping's regular expressions as compiled programs kept on disk, so that a later run
reads what ``re.compile`` made of them instead of compiling them again.

Compiling a mapping's patterns (its sections' thirty, the opening phrases and verbs) is the
largest part of a conversion's start-up that the mapping itself causes: the compiler is pure
Python, about a millisecond for an alternation of phrases, and every process paid it again.
What the compiler makes is data: the pattern's program (a list of numbers), its flags and
its groups. It is kept as JSON beside the mapping cache (``akn.mapping.cache``), one file per
cached mapping and Python version, and handed back to the regex engine, which checks every
program it is given (a damaged one is refused with an error and compiled again, never run).

The programs are the private format of CPython's ``re`` module (``re._parser``,
``re._compiler``, ``_sre``, the same calls ``re.compile`` makes): they are keyed by the
exact Python version and the engine's format number, and anything unexpected falls back to
``re.compile``. Programs first compiled in a process are written when it exits.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import re
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

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

FORMAT = 1
ENGINE = hashlib.sha256(
    f"{FORMAT} {sys.implementation.name} {sys.version} {getattr(_sre, 'MAGIC', None)} "
    f"{getattr(_sre, 'CODESIZE', None)}".encode()
).hexdigest()[:16]
"""What a kept program is valid for: this Python (version and build) and its engine."""

Program = list[Any]  # [flags, code, number of groups, {group name: index}]


class Programs:
    """The compiled patterns of one mapping: read from ``path`` when first asked for, and
    written back there when the process exits if it compiled new ones (None: not kept)."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._known: dict[str, Program] | None = None
        self._added: dict[str, Program] = {}

    def compile(self, pattern: str) -> re.Pattern[str]:
        """``re.compile(pattern)``, from the kept program when there is one."""
        if self._known is None:
            self._known = _read(self._path)
        program = self._known.get(pattern)
        if program is not None:
            compiled = _from_program(pattern, program)
            if compiled is not None:
                return compiled
        compiled, program = compile_with_program(pattern)
        if program is not None and self._path is not None:
            if not self._added:
                atexit.register(self.save)
            self._added[pattern] = program
        return compiled

    def save(self) -> None:
        """Write the kept and the new programs, atomically; silently nothing on failure."""
        if not self._added or self._path is None:
            return
        programs = {**(self._known or {}), **self._added}
        self._added = {}
        try:
            text = json.dumps({"engine": ENGINE, "programs": programs})
            self._path.parent.mkdir(exist_ok=True, mode=0o700)  # not the cache: gone, no write
            temporary = self._path.with_name(f".{self._path.name}.{os.getpid()}.tmp")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self._path)
        except (OSError, TypeError, ValueError):
            return


def compile_with_program(pattern: str) -> tuple[re.Pattern[str], Program | None]:
    """The compiled pattern, as ``re.compile`` makes it, and its program (None when this
    Python's engine cannot be read so)."""
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


def _read(path: Path | None) -> dict[str, Program]:
    if path is None:
        return {}
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        programs = entry["programs"] if entry.get("engine") == ENGINE else {}
    except Exception:
        return {}
    return programs if isinstance(programs, dict) else {}
