"""Reading and writing files so that hostile paths and failing disks do no harm.

Both commands read files the user names and write the one given with ``-o``. Three things can
go wrong with plain ``open()``: a FIFO or a device blocks the read forever (or never ends);
``-o`` naming an input replaces the input before it is read again; and a write that fails
half-way (disk full) leaves a truncated file where a good one was. Here only regular files are
read, and a write goes to a temporary file beside the target, is flushed to disk, and is
renamed over the target only when complete.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class NotARegularFile(OSError):
    """The path names a FIFO, socket, device or directory: akn reads only regular files."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``path`` (one more than allowed shows it is too large).

    The file is opened without blocking, so a FIFO with no writer cannot hang the open, and
    checked with ``fstat`` on the open descriptor (no race with a rename in between): anything
    but a regular file raises NotARegularFile, whose message says what it is.
    """
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(f"is {_kind(mode)}, not a regular file; not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def same_file(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> str | None:
    """The input that ``output`` would overwrite (same real path, or the same inode through a
    hard link or symlink), or None. A missing output overwrites nothing."""
    try:
        target = os.stat(output)
    except OSError:
        target = None
    real_output = os.path.realpath(output)
    for name in inputs:
        if os.path.realpath(name) == real_output:
            return os.fspath(name)
        if target is not None:
            try:
                other = os.stat(name)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (target.st_dev, target.st_ino):
                return os.fspath(name)
    return None


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    The bytes go to a temporary file in the same directory (a rename across file systems is
    not atomic), are fsynced, and the file is renamed over ``path``. On any error the temporary
    file is removed and an existing ``path`` is left as it was; the OSError is raised. A
    symlink at ``path`` is written through (its target is replaced), as ``open()`` would.
    """
    target = Path(os.path.realpath(path))
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        special = False
    if special:  # -o /dev/stdout, a FIFO: nothing to replace, so nothing to keep whole
        with open(path, "wb") as stream:
            stream.write(data)
        return
    mode = _mode_for(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(target.parent)


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what ``open()`` would give a new file (umask)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; some systems cannot open a directory: that is fine."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
