"""Structural elements are not empty.

A paragraph, point, list, container, heading or ``p`` with no text (and no image) is almost
always a conversion accident: a block whose text went elsewhere, or a marker left behind.
The schema accepts ``<paragraph eId="para_3"><content><p/></content></paragraph>``. Only
the outermost empty element is reported (not also its empty ``content`` and ``p``);
metadata and notes (AKN106) are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import AKN, AKN_PREFIX, Document, Hit, local
from akn.validation.rules import Rule

if TYPE_CHECKING:
    from lxml import etree

BLOCKS = ("p", "num", "heading", "subheading", "docTitle", "docNumber")
"""The elements that hold a line of text; an empty structure has an empty one or none."""
STRUCTURAL = (
    *("alinea", "article", "blockList", "chapter", "citation", "clause", "container"),
    *("content", "conclusions", "division", "formula", "hcontainer", "intro", "item"),
    *("level", "list", "mainBody", "paragraph", "part", "point", "preamble", "preface"),
    *("recital", "section", "subparagraph", "subsection", "tblock", "title", "wrapUp"),
)
CONTENT_WITHOUT_TEXT = ("img", "object", "embeddedStructure", "subFlow", "componentRef")


@cache
def _query() -> etree.XPath:
    from lxml import etree

    # Leaves and p elements without text, below the main document's top-level parts other
    # than meta. libxml2 computes the text of small blocks only, which is what keeps this
    # cheap; the empty structures above them are found by climbing from the few results.
    return etree.XPath(
        "/a:akomaNtoso/*/*[not(self::a:meta)]"
        "/descendant-or-self::a:*[not(*) or self::a:p][not(normalize-space(.))]",
        namespaces={"a": AKN},
    )


_CLIMBABLE = frozenset(STRUCTURAL) | frozenset(BLOCKS)


def check(document: Document) -> Iterator[Hit]:
    reported: set[object] = set()
    media = [AKN_PREFIX + name for name in CONTENT_WITHOUT_TEXT]
    empty: list[etree._Element] = _query()(document.root)  # a node-set: elements only
    for element in empty:
        if local(element) not in _CLIMBABLE or _exempt(element):
            continue
        if next(element.iter(*media), None) is not None:
            continue
        outermost = element
        for ancestor in element.iterancestors():
            if local(ancestor) not in _CLIMBABLE or not _is_empty(ancestor):
                break
            outermost = ancestor
        if outermost in reported:
            continue
        reported.add(outermost)
        eid = outermost.get("eId")
        name = local(outermost)
        label = f"<{name} eId={eid!r}>" if eid else f"<{name}>"
        yield Hit(outermost, f"{label} is empty", group=name)


def _exempt(element: etree._Element) -> bool:
    return any(local(a) in ("meta", "authorialNote") for a in element.iterancestors())


def _is_empty(element: etree._Element) -> bool:
    if "".join(element.itertext()).strip():
        return False
    media = [AKN_PREFIX + name for name in CONTENT_WITHOUT_TEXT]
    return next(element.iter(*media), None) is None


RULE = Rule("AKN111", "empty-element", Severity.WARNING, __doc__, check)
