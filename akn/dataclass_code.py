"""The methods ``dataclasses`` writes for akn's classes, compiled once and kept on disk.

On the Python this runs on (3.11), ``@dataclass`` writes each generated method (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, a frozen class's ``__setattr__``...) as source text and
compiles it with ``exec``: 229 compilations when ``akn convert`` starts, ~45 ms of CPU, a
sixth of what the conversion itself costs over Python and the schema. The text is the same
from run to run, and so is what it compiles to, so the compiled code is kept like bytecode:
one file of ``marshal``-ed code objects by their source text, for this exact Python, in akn's
cache folder (``AKN_CACHE_DIR``, empty: no cache; else ``$XDG_CACHE_HOME/akn`` or
``~/.cache/akn``). A text not in the file is compiled as ``dataclasses`` would (the same
file name, no inherited ``__future__`` flags), so every method is exactly the one
``dataclasses`` makes; the file is rewritten at exit when something new was compiled.

The kept code is run, as a ``.pyc`` is: the file is read only when it and its folder belong
to this user and no one else may write them. Only classes of akn's own modules go through
the file; any other class is made by ``dataclasses`` untouched. Python 3.13 compiles one
class's methods at once, and there the hook is not installed.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import marshal
import os
import stat
import sys
from types import CodeType, FrameType
from typing import Any

_KEPT_MAX = 4096  # entries in the file, at most (old ones are dropped beyond it)

_codes: dict[str, CodeType] = {}
_new: dict[str, CodeType] = {}
_path: list[str] = []  # the file, once known


def cache_file() -> str | None:
    """Where the compiled methods are kept for this Python; None when the cache is off."""
    chosen = os.environ.get("AKN_CACHE_DIR")
    if chosen is not None:
        if not chosen:
            return None
        root = chosen
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "akn")
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}"
    return os.path.join(root, f"dataclass-code-{tag}.marshal")


def install() -> None:
    """Route the compilation of akn's dataclass methods through the kept code (once)."""
    if _path or sys.version_info >= (3, 13) or not hasattr(dataclasses, "_create_fn"):
        return
    path = cache_file()
    if path is None:
        return
    _path.append(path)
    _codes.update(_read(path))
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # dataclasses calls exec by name
    atexit.register(_write)


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """``exec`` as ``dataclasses._create_fn`` calls it, from the kept code for akn's classes."""
    if not isinstance(source, str) or not _for_akn():
        builtins.exec(source, globals, locals)
        return
    code = _codes.get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _codes[source] = _new[source] = code
    builtins.exec(code, globals, locals)


def _for_akn() -> bool:
    """Is the class being made one of akn's? (``_create_fn`` is called, directly or through a
    helper, by a function of ``dataclasses`` whose ``cls`` is the class.)"""
    frame: FrameType | None = sys._getframe(2)
    for _ in range(3):
        if frame is None:
            return False
        cls = frame.f_locals.get("cls")
        if isinstance(cls, type):
            module = cls.__module__ or ""
            return module == "akn" or module.startswith("akn.")
        frame = frame.f_back
    return False


def _private(status: os.stat_result) -> bool:
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: str) -> dict[str, CodeType]:
    """The kept code of ``path``; nothing when it is missing, damaged or not private."""
    try:
        if not hasattr(os, "getuid") or not _private(os.stat(os.path.dirname(path))):
            return {}
        with open(path, "rb") as kept:
            if not _private(os.fstat(kept.fileno())):
                return {}
            data = marshal.loads(kept.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        source: code
        for source, code in data.items()
        if isinstance(source, str) and isinstance(code, CodeType)
    }


def _write() -> None:
    """Keep what this run compiled beside what the file held, atomically; nothing on error."""
    if not _new or not _path:
        return
    path = _path[0]
    merged = {**_read(path), **_codes}
    if len(merged) > _KEPT_MAX:
        merged = dict(_codes)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(temporary, "wb") as out:
            out.write(marshal.dumps(merged))
        os.replace(temporary, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    _new.clear()
