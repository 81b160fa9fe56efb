"""Word frequencies of one language in a compact file, looked up without loading the list.

wordfreq's list for French holds 311,000 words; importing wordfreq and building the
word -> frequency dict took a third of a second and 60 MB in every ``akn convert``, for the
few thousand words one document has. So the list is written once, per language and per
installed wordfreq, to a file in akn's cache folder, and each later run reads that file and
looks up only the words it meets: a hash of the word picks a small group of entries, searched
in place. The values are wordfreq's own (the same floats, to the last bit), so repairs are
exactly what the full dict gave.

The cache folder is ``$AKN_CACHE_DIR``, else ``$XDG_CACHE_HOME/akn``, else ``~/.cache/akn``.
When it cannot be written, the dict is built in memory as before (slower, the same answers).
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

MAGIC = b"akn-words 1\n"


class Frequencies(Protocol):
    """What rejoining split words asks of a word list: a word's Zipf frequency, or ``default``.

    A ``WordTable`` is one, and so is the plain dict used when the cache cannot be written;
    a ``WordTable`` is no full ``Mapping`` (it cannot list its words without reading them all).
    """

    def get(self, word: str, default: float, /) -> float: ...


class WordTable:
    """word -> Zipf frequency, looked up in the bytes of a table file (see ``write_table``)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        header_end = data.find(b"\n", len(MAGIC))
        self._values = tuple(float(v) for v in bytes(data[len(MAGIC) : header_end]).split())
        groups_end = data.find(b"\n", header_end + 1)
        self._groups = int(data[header_end + 1 : groups_end])
        self._index_start = groups_end + 1
        self._blob_start = self._index_start + 4 * (self._groups + 1)
        if self._blob_start > len(data):
            raise ValueError("truncated word table")
        self._index = memoryview(data)[self._index_start : self._blob_start].cast("I")
        if self._blob_start + self._index[-1] != len(data):
            raise ValueError("truncated word table")

    def get(self, word: str, default: float = 0.0) -> float:
        key = word.encode("utf-8", "surrogatepass")
        group = zlib.crc32(key) & (self._groups - 1)
        start = self._blob_start + self._index[group]
        end = self._blob_start + self._index[group + 1]
        at = self._data.find(b"\n" + key + b"\t", start, end)
        if at < 0:
            return default
        value_start = at + len(key) + 2
        value_end = self._data.find(b"\n", value_start, end)
        return self._values[int(self._data[value_start : value_end if value_end >= 0 else end])]


def write_table(frequencies: Mapping[str, float], path: Path) -> None:
    """Write ``frequencies`` (word -> Zipf) as a table file, atomically (temporary + rename).

    Layout: MAGIC; the distinct values (``repr``, exact); the number of groups (a power of
    two); one little-endian uint32 offset per group and one for the end; then each group's
    entries, ``\\nword\\tvalue-number``, the group being the word's CRC-32 modulo the count.
    """
    values = sorted(set(frequencies.values()))
    number = {value: index for index, value in enumerate(values)}
    groups = 1 << max(4, (len(frequencies) // 4).bit_length())
    entries: list[list[bytes]] = [[] for _ in range(groups)]
    for word, value in frequencies.items():
        if "\n" in word or "\t" in word:
            continue  # never a token: text is split on whitespace before any lookup
        key = word.encode("utf-8", "surrogatepass")
        entries[zlib.crc32(key) & (groups - 1)].append(b"\n%s\t%d" % (key, number[value]))
    blobs = [b"".join(group) for group in entries]
    offsets = [0]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    header = MAGIC + " ".join(map(repr, values)).encode() + b"\n%d\n" % groups
    body = header + struct.pack(f"<{len(offsets)}I", *offsets) + b"".join(blobs)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(body)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def cache_dir() -> Path:
    """Where akn keeps what it derives from installed data (recomputed if deleted)."""
    explicit = os.environ.get("AKN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "akn"


def frequencies(language: str) -> Frequencies:
    """word -> Zipf frequency for ``language``: the cached table, built on first use; an
    empty mapping when wordfreq is not installed or has no list for the language."""
    source = _wordfreq_source(language)
    if source is None:
        return {}
    path = cache_dir() / f"words-{language}-{source}.bin"
    table = _open(path)
    if table is not None:
        return table
    built = _from_wordfreq(language)  # empty for a language wordfreq has no list of:
    try:  # written all the same, so that later runs do not import wordfreq to learn it again
        write_table(built, path)
    except OSError:  # a read-only home: keep the dict, as before the cache existed
        return built
    return _open(path) or built


def _open(path: Path) -> WordTable | None:
    # Read, not mapped: a mapped file that something truncates kills the process (SIGBUS),
    # and reading 4 MB (French) costs a few milliseconds.
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[: len(MAGIC)] != MAGIC:
        return None
    try:
        return WordTable(data)
    except (ValueError, TypeError, IndexError):  # a damaged file: built again
        return None


def _wordfreq_source(language: str) -> str | None:
    """A digest naming the installed wordfreq and its files for ``language`` (None: no
    wordfreq), found without importing it (that alone costs 90 ms)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("wordfreq")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    package = Path(spec.origin).parent
    marks = [str(package.resolve())]
    for path in [Path(spec.origin), *sorted((package / "data").glob(f"*_{language}.*"))]:
        try:
            status = path.stat()
        except OSError:
            continue
        marks.append(f"{path.name}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(marks).encode()).hexdigest()[:16]


def _from_wordfreq(language: str) -> dict[str, float]:
    try:
        import wordfreq
    except ImportError:
        return {}
    try:
        table = wordfreq.get_frequency_dict(language, wordlist="best")
    except (LookupError, ValueError):
        return {}
    return {word: math.log10(freq) + 9 for word, freq in table.items() if freq > 0}
