"""Where a rule's hit is in the source text: its line and column, found on demand.

libxml2 gives each element the line where its start tag ends, and no column. A finding that
a person or an editor can jump to needs both, so the column is found by reading the source
lines around that line, for the few hits that are reported only: a file with no finding
never has its text split or decoded. Kept apart from the document's indexes (document.py),
which the rules read, because only the reporting step needs the source text.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

    from akn.validation.document import Hit


class Locator:
    """Line and column of an element or attribute, found in the source text on demand.

    libxml2 gives the line where a start tag ends and no column; the column is found by
    searching the source lines around it, which costs nothing unless there is a finding.
    """

    def __init__(self, data: bytes | None, encoding: str | None) -> None:
        self._data = data
        self._encoding = encoding or "utf-8"

    @cached_property
    def _raw_lines(self) -> list[bytes] | list[str]:
        if self._data is None:
            return []
        codec = _python_codec(self._encoding)
        if codec in _BYTE_SPLITTABLE:
            # Split the bytes and decode only the lines looked at: most files have a few
            # findings, and decoding whole files would cost more than the rules.
            return self._data.split(b"\n")
        try:
            text = self._data.decode(codec, "replace")
        except LookupError:
            text = self._data.decode("utf-8", "replace")
        return text.lstrip("\ufeff").split("\n")

    def _line(self, number: int) -> str:
        cached = self._decoded.get(number)
        if cached is not None:
            return cached
        line = self._raw_lines[number - 1]
        if isinstance(line, bytes):
            text = line.decode(_python_codec(self._encoding), "replace")
            line = text.lstrip("\ufeff") if number == 1 else text
        # Decoded once: a file whose findings sit on one long line asks for it thousands of times.
        self._decoded[number] = line
        return line

    @cached_property
    def _decoded(self) -> dict[int, str]:
        return {}

    @cached_property
    def _tag_attributes(self) -> dict[tuple[int, int], dict[str, tuple[int, int]]]:
        return {}

    def _attributes_of(self, line: int, start: int) -> dict[str, tuple[int, int]]:
        """Attribute name -> (line, column) for the start tag at ``start`` on ``line``, read
        once per tag: looking each attribute up from the tag's start again and again made
        16,000 attributes on one element take minutes."""
        key = (line, start)
        found = self._tag_attributes.get(key)
        if found is None:
            found = self._tag_attributes[key] = _scan_attributes(self, line, start)
        return found

    @property
    def _line_count(self) -> int:
        return len(self._raw_lines)

    def position(self, hit: Hit) -> tuple[int | None, int | None]:
        """Line and column of a rule's hit (the column of its attribute when it names one)."""
        element = hit.element
        line = hit.line or (element.sourceline if element is not None else None)
        if line is None or element is None:
            return line, None
        return self.find(line, _qualified_name(element), hit.attribute)

    def column_of_message(self, line: int, message: str) -> int | None:
        """The column of the element a libxml2 schema message names ("Element 'p', ...")."""
        match = _SCHEMA_SUBJECT.match(message)
        if not match or "{" in match.group(1):
            return None
        return self.find(line, match.group(1), match.group(2))[1]

    def find(self, line: int, name: str, attribute: str | None) -> tuple[int, int | None]:
        if not self._line_count:
            return line, None
        # The tag may start a few lines above the line libxml2 reports (where it ends).
        for start in range(min(line, self._line_count), max(line - 30, 0), -1):
            text = self._line(start)
            index = _find_tag(text, name)
            if index < 0:
                continue
            if attribute is None:
                return start, index + 1
            found = self._attributes_of(start, index).get(attribute)
            return found if found is not None else (start, index + 1)
        return line, None


_SCHEMA_SUBJECT = re.compile(r"^Element '([^']+)'(?:, attribute '([^']+)')?")


_BYTE_SPLITTABLE = frozenset({"utf-8", "utf8", "ascii", "us-ascii", "iso-8859-1", "latin-1"})


def _python_codec(encoding: str) -> str:
    name = encoding.lower()
    return "utf-16" if name in ("utf-16", "utf16") else name


def _qualified_name(element: etree._Element) -> str:
    tag = element.tag
    if isinstance(tag, str):  # "{namespace}name" or "name": the local name is after any "}"
        localname = tag.rpartition("}")[2]
    else:
        from lxml import etree

        localname = etree.QName(element).localname
    prefix = element.prefix
    return f"{prefix}:{localname}" if prefix else localname


_TAG_OPENINGS: dict[str, re.Pattern[str]] = {}


def _find_tag(text: str, name: str) -> int:
    pattern = _TAG_OPENINGS.get(name)
    if pattern is None:
        if len(_TAG_OPENINGS) > 1024:
            _TAG_OPENINGS.clear()
        pattern = _TAG_OPENINGS[name] = re.compile("<" + re.escape(name))
    for match in pattern.finditer(text):
        end = match.end()
        if end == len(text) or not (text[end].isalnum() or text[end] in "_-.:"):
            return match.start()
    return -1


_ATTRIBUTE_NAME = re.compile(r"[^\s=/>\"']+")


_TAG_TOKEN = re.compile(r""""[^"]*"|'[^']*'|(["'])|(>)|([^\s=/>"']+)|[\s=/]+""")
"""One step through a start tag: a quoted value, an unclosed quote (the value goes on to
another line), the tag's end, an attribute name, or the separators between them."""


def _scan_attributes(locator: Locator, line: int, start: int) -> dict[str, tuple[int, int]]:
    """One left-to-right read of a start tag (up to 30 lines): each attribute's first position.

    Quoted values are skipped whole, so a ``>`` or ``name=`` inside a value is not taken for
    the end of the tag or for an attribute. A regular expression takes each step, so a long
    tag costs a few calls rather than one per character.
    """
    positions: dict[str, tuple[int, int]] = {}
    last = min(line + 30, locator._line_count)
    number = line
    text = locator._line(number)
    name = _ATTRIBUTE_NAME.match(text, start + 1)  # the element's own name
    at = name.end() if name else start + 1
    quote = ""
    while True:
        if quote:
            end = text.find(quote, at)
            if end >= 0:
                at, quote = end + 1, ""
                continue
        else:
            for token in _TAG_TOKEN.finditer(text, at):
                opened, closed, attribute = token.groups()
                if attribute is not None:
                    positions.setdefault(attribute, (number, token.start() + 1))
                elif closed is not None:
                    return positions
                elif opened is not None:
                    quote, at = opened, token.end()
                    break
            if quote:
                continue  # find where the value closes
        if number >= last:  # the end of this line: the tag goes on on the next one
            return positions
        number += 1
        text = locator._line(number)
        at = 0
