"""The prolog of an untrusted XML file, read before libxml2 sees a byte of it.

A DOCTYPE is refused before parsing (no internal entities, so no "billion laughs"; no
external DTD or entity, so no XXE), and finding one needs the prolog as text whatever the
encoding: a byte-order mark, the four bytes by which libxml2 tells a wide or EBCDIC text
(XML 1.0 appendix F), or the encoding the declaration names. Apart from inputs.py, which
reads and parses, because this is the one part that decodes text by hand.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
PROLOG_WINDOW = 64 * 1024
"""How much of the input is read first for its prolog (and by inputs.py for a NUL byte)."""
_DECLARATION_ENCODING = re.compile(r"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


_FIRST_TAG = re.compile(rb"<[^?!]")


# What libxml2 reads as a wide or EBCDIC text when there is no byte-order mark (XML 1.0
# appendix F): the first four bytes, "<" or "<?" in that encoding.
_SIGNATURES = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"<\x00!\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"\x00<\x00!", "utf-16-be"),
    (b"\x4c\x6f\xa7\x94", "cp037"),
)


def _declared_codec(head: bytes) -> str | None:
    """A codec the XML declaration names in which markup is not plain ASCII (UTF-7, EBCDIC
    code pages): the prolog must be read in it to see a DOCTYPE written in it."""
    if not head.startswith(b"<?xml"):
        return None
    match = _DECLARATION_ENCODING.search(head[: head.find(b"?>") + 2 or 200].decode("latin-1"))
    if not match:
        return None
    try:
        if "<!DOCTYPE".encode(match.group(1)) != b"<!DOCTYPE":
            return match.group(1)
    except (LookupError, UnicodeError, ValueError):
        return None
    return None


def _prolog_text(data: bytes, whole_window: bool = False) -> str:
    """The prolog (what comes before the root element) as text, decoded well enough to read.

    The first 64 KiB are read first; when a comment or processing instruction runs past
    them, the whole input is (a long comment must not hide a DOCTYPE behind it)."""
    head = data if whole_window else data[:PROLOG_WINDOW]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, "replace")
    for signature, encoding in _SIGNATURES:
        if head.startswith(signature):
            return head.decode(encoding, "replace")
    codec = _declared_codec(head)
    if codec is not None:
        return head.decode(codec, "replace")
    # ASCII-compatible: markup characters are single bytes. Decoding stops at the first tag
    # that is not a declaration, comment or DOCTYPE (a '<' inside a comment only shortens the
    # text, and an unfinished prolog is then left to libxml2, DOCTYPE check included).
    first_tag = None if whole_window else _FIRST_TAG.search(head)
    return head[: first_tag.start() + 2 if first_tag else len(head)].decode("latin-1")


def _unfinished(data: bytes, whole_window: bool) -> bool:
    return not whole_window and len(data) > PROLOG_WINDOW


def without_bom(data: bytes) -> bytes:
    for bom, _encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data


def find_doctype(data: bytes, whole_window: bool = False) -> int | None:
    """The line of a ``<!DOCTYPE`` in the prolog (before the root element), or None."""
    text = _prolog_text(data, whole_window)
    position = 0
    length = len(text)
    while position < length:
        while position < length and text[position] in " \t\r\n\ufeff":
            position += 1
        if text.startswith("<?", position):
            end, closer = text.find("?>", position), 2
        elif text.startswith("<!--", position):
            end, closer = text.find("-->", position + 4), 3
        elif text.startswith("<!DOCTYPE", position) or text.startswith("<!doctype", position):
            return text.count("\n", 0, position) + 1
        else:
            return None  # the root element (or non-XML): the prolog is over
        if end < 0:  # cut short (a '<' in a comment, or past 64 KiB): read the whole input
            return None if whole_window else find_doctype(data, whole_window=True)
        position = end + closer
    # The whole window was prolog: the root element (or a DOCTYPE) may come after it.
    return find_doctype(data, whole_window=True) if _unfinished(data, whole_window) else None
