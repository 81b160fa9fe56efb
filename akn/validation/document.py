"""One parsed document as the rules see it: indexes built in a single walk, shared by all rules.

Walking the tree is the main cost of the project checks, so the walk happens once and the
rules read plain lists and dicts. Rules report ``Hit`` objects that point at elements; turning
them into findings with a line and a column (which needs the source text) is done only for
the few hits that are reported, by ``akn.validation.locator``.
"""

from __future__ import annotations

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
