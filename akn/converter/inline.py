"""Write a text with its inline markup into an element: italics, links, notes, superscripts.

The text passes hand over plain strings plus a list of marks (spans for italics and links,
points for footnotes); this module is the only place that turns them into mixed content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from akn.converter.source import SUP_CLOSE, SUP_OPEN

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def tag(name: str) -> str:
    return f"{{{AKN}}}{name}"


@dataclass(frozen=True)
class Span:
    """Wrap ``start:end`` in an element: ``span class="italic"`` or ``a href``."""

    start: int
    end: int
    element: str
    attributes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Point:
    """Insert an element made by ``make`` at ``offset`` (a footnote, a note reference)."""

    offset: int
    make: Callable[[], etree._Element]
    order: int = 0


def write_inline(parent: etree._Element, text: str, spans: list[Span], points: list[Point]) -> None:
    """Append ``text`` to ``parent`` with the spans and points applied.

    Spans must not overlap each other; a point that falls strictly inside a span is moved to the
    span's end (a note never splits a link).
    """
    spans = sorted(spans, key=lambda s: s.start)
    moved: list[Point] = []
    for point in points:
        offset = point.offset
        for span in spans:
            if span.start < offset < span.end:
                offset = span.end
        moved.append(Point(min(max(offset, 0), len(text)), point.make, point.order))
    moved.sort(key=lambda p: (p.offset, p.order))
    cursor = 0
    events: list[tuple[int, int, Span | Point]] = [(s.start, 1, s) for s in spans]
    events += [(p.offset, 0, p) for p in moved]
    events.sort(key=lambda e: (e[0], e[1]))
    for offset, _, event in events:
        if offset < cursor:
            continue
        _append_text(parent, text[cursor:offset])
        cursor = offset
        if isinstance(event, Point):
            parent.append(event.make())
            continue
        element = etree.SubElement(parent, tag(event.element), dict(event.attributes))
        inner_points = [p for p in moved if event.start < p.offset < event.end]
        _append_text(element, text[event.start : event.end])
        del inner_points
        cursor = event.end
    _append_text(parent, text[cursor:])


def _append_text(parent: etree._Element, text: str) -> None:
    """Append text, turning superscript markers into ``sup`` elements."""
    while text:
        start = text.find(SUP_OPEN)
        if start < 0:
            _append_plain(parent, text)
            return
        end = text.find(SUP_CLOSE, start)
        if end < 0:
            end = len(text)
        _append_plain(parent, text[:start])
        sup = etree.SubElement(parent, tag("sup"))
        sup.text = text[start + 1 : end]
        text = text[end + 1 :]


# Superscript digits the note placer did not take as a marker (the PDF reader writes raised
# digits so): the page printed them raised, as the UN's files write ``<sup>1</sup>``.
_RAISED = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_LOWERED = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _append_plain(parent: etree._Element, text: str) -> None:
    if text.isascii():  # no raised digit in it (most pieces of an English text)
        _append_flat(parent, text)
        return
    cursor = 0
    for raised in _RAISED.finditer(text):
        _append_flat(parent, text[cursor : raised.start()])
        etree.SubElement(parent, tag("sup")).text = raised.group(0).translate(_LOWERED)
        cursor = raised.end()
    _append_flat(parent, text[cursor:])


def _append_flat(parent: etree._Element, text: str) -> None:
    if not text:
        return
    # Not len(parent): lxml counts the children one by one, and a paragraph of 10,000
    # citations made this quadratic (a 1 MB line took minutes); the last child is found at once.
    try:
        last = parent[-1]
    except IndexError:
        parent.text = (parent.text or "") + text
        return
    last.tail = (last.tail or "") + text
