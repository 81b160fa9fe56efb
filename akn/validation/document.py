"""One parsed document as the rules see it: indexes built in a single walk, shared by all rules.

Walking the tree is the main cost of the project checks, so the walk happens once and the
rules read plain lists and dicts. Rules report ``Hit`` objects that point at elements; turning
them into findings with a line and a column (which needs the source text) is done only for
the few hits that are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN_PREFIX = "{" + AKN + "}"

# Elements that hold a whole document; each has its own meta and its own set of eIds.
DOCUMENT_TYPES = frozenset(
    {
        "act",
        "amendment",
        "amendmentList",
        "bill",
        "debate",
        "debateReport",
        "doc",
        "documentCollection",
        "judgment",
        "officialGazette",
        "portion",
        "statement",
    }
)


# Elements the rules look up by name, indexed in one walk (Document.elements).
INDEXED_TAGS = frozenset({"authorialNote", "num", "FRBRthis", "FRBRuri", *DOCUMENT_TYPES})
_INDEXED_QUALIFIED = tuple(AKN_PREFIX + name for name in sorted(INDEXED_TAGS))


def local(element: etree._Element) -> str:
    """The element's name without the AKN namespace (other namespaces keep Clark notation)."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith(AKN_PREFIX):
        return tag[len(AKN_PREFIX) :]
    return tag if isinstance(tag, str) else ""


@dataclass(slots=True)
class Hit:
    """A rule's raw finding: what is wrong and which element (and attribute) shows it.

    ``group`` collects repeats of one defect (every paragraph numbered by a running counter)
    into one reported line; hits with the same code and group in a file are merged.
    """

    element: etree._Element | None
    message: str
    attribute: str | None = None
    group: object = None
    line: int | None = None


# Attributes the rules look up by name; everything else is only looked at for whitespace.
TRACKED_ATTRIBUTES = frozenset(
    {
        "eId",
        "wId",
        "href",
        "date",
        "alternativeTo",
        "as",
        "by",
        "choice",
        "current",
        "dictionary",
        "empoweredBy",
        "end",
        "for",
        "from",
        "includedIn",
        "original",
        "outcome",
        "period",
        "placementBase",
        "refersTo",
        "source",
        "start",
        "to",
        "upTo",
    }
)
_SPACE = frozenset(" \t\n\r")

Attribute = tuple["etree._Element", str]
"""(element, value): one occurrence of a tracked attribute, in document order."""


_MANY_ATTRIBUTES = 64


def _attributes(element: etree._Element) -> list[tuple[str, str]]:
    """(name, value) of every attribute. lxml's ``items()`` looks each value up by name from
    the first attribute (quadratic: 200,000 attributes take minutes); for elements with many,
    XPath's ``@*`` reads them in one pass instead (names in the same Clark notation)."""
    if len(element.attrib) <= _MANY_ATTRIBUTES:
        return element.items()
    return [(str(value.attrname), str(value)) for value in element.xpath("@*")]


class Document:
    """A parsed Akoma Ntoso document and the indexes the rules share."""

    def __init__(self, tree: etree._ElementTree, label: str = "<input>") -> None:
        self.tree = tree
        self.root = tree.getroot()
        self.label = label

    @cached_property
    def _walk(self) -> tuple[dict[str, list[Attribute]], list[tuple[etree._Element, str, str]]]:
        # The one pass over every attribute of every AKN element. Plain tuples and local
        # names keep it at about a tenth of a millisecond per thousand attributes.
        tracked: dict[str, list[Attribute]] = {}
        spaced: list[tuple[etree._Element, str, str]] = []
        is_tracked = TRACKED_ATTRIBUTES.__contains__
        space = _SPACE
        for element in self.root.iter(AKN_PREFIX + "*"):
            for name, value in _attributes(element):
                if is_tracked(name):
                    bucket = tracked.get(name)
                    if bucket is None:
                        bucket = tracked[name] = []
                    bucket.append((element, value))
                if value and (
                    value[0] in space or value[-1] in space or "\t" in value or "\n" in value
                ):
                    spaced.append((element, name, value))
        return tracked, spaced

    def attribute(self, name: str) -> list[Attribute]:
        """(element, value) for every AKN element with attribute ``name`` (a tracked one)."""
        if name not in TRACKED_ATTRIBUTES:
            raise KeyError(f"{name!r} is not indexed; add it to TRACKED_ATTRIBUTES")
        return self._walk[0].get(name, [])

    @property
    def spaced_attributes(self) -> list[tuple[etree._Element, str, str]]:
        """(element, name, value) for every attribute value with whitespace at an end, a tab
        or a line break."""
        return self._walk[1]

    @cached_property
    def ids(self) -> dict[str, list[etree._Element]]:
        """eId value -> the elements that carry it (the whole file, all parts)."""
        index: dict[str, list[etree._Element]] = {}
        for element, value in self.attribute("eId"):
            index.setdefault(value, []).append(element)
        return index

    @cached_property
    def wids(self) -> frozenset[str]:
        """Every wId value in the file."""
        return frozenset(value for _, value in self.attribute("wId"))

    @cached_property
    def _tagged(self) -> list[tuple[str, etree._Element]]:
        # One filtered walk in C for every kind of element a rule looks for by name (each
        # separate ``iter(tag)`` costs as much as this whole index; most files have a few
        # dozen such elements among hundreds).
        strip = len(AKN_PREFIX)
        return [(str(e.tag)[strip:], e) for e in self.root.iter(*_INDEXED_QUALIFIED)]

    @cached_property
    def _by_tag(self) -> dict[str, list[etree._Element]]:
        index: dict[str, list[etree._Element]] = {name: [] for name in INDEXED_TAGS}
        for name, element in self._tagged:
            index[name].append(element)
        return index

    def elements(self, *names: str) -> list[etree._Element]:
        """The AKN elements named ``names`` (local names, from INDEXED_TAGS), in document
        order, the root included, as ``root.iter(*names)`` gives them."""
        if len(names) == 1:
            return self._by_tag[names[0]]
        wanted = frozenset(names)
        if not wanted <= INDEXED_TAGS:
            raise KeyError(f"{sorted(wanted - INDEXED_TAGS)} not indexed; add to INDEXED_TAGS")
        return [element for name, element in self._tagged if name in wanted]

    @cached_property
    def parts(self) -> list[etree._Element]:
        """The document elements: the main one, then those of attachments and components."""
        return self.elements(*DOCUMENT_TYPES)

    def descendants(self, part: etree._Element, name: str) -> list[etree._Element] | None:
        """The ``name`` elements below ``part`` from the index, when ``part`` is the root's only
        child (so that everything but the root is below it); None otherwise."""
        root = self.root
        if len(root) != 1 or root[0] is not part:
            return None
        return [element for element in self.elements(name) if element is not root]

    def part_of(self, element: etree._Element) -> etree._Element | None:
        """The nearest document element that contains ``element``."""
        only = self._only_part
        if only is not None:  # the common file: everything below the root is in its child
            return None if element is self.root else only
        for ancestor in element.iterancestors():
            if local(ancestor) in DOCUMENT_TYPES:
                return ancestor
        return None

    @cached_property
    def _only_part(self) -> etree._Element | None:
        """The root's only child, when it is the only document element of the file (no
        attachment, no component): the part of every element but the root, found without
        walking up from each (100,000 repeated eIds took a second)."""
        parts = self.parts
        root = self.root
        if len(parts) == 1 and len(root) == 1 and root[0] is parts[0]:
            return parts[0]
        return None


# --- locating a hit in the source text --------------------------------------------------------


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
