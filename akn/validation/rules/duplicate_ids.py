"""Every eId (and wId) is unique within its document.

An eId is the address of a part of the text: ``#para_3`` in a link, a citation or an
amendment must lead to one place. The schema types eIds as plain strings, so it cannot see
duplicates. A file that holds several documents (a collection, or a resolution with annexes)
has one set of eIds per document: each attachment or component may reuse the main
document's eIds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule

if TYPE_CHECKING:
    from lxml import etree


def check(document: Document) -> Iterator[Hit]:
    repeated = [(v, e) for v, e in document.ids.items() if len(e) > 1]
    yield from _duplicates(document, "eId", repeated)
    wids: dict[str, list[etree._Element]] = {}
    for element, value in document.attribute("wId"):
        wids.setdefault(value, []).append(element)
    yield from _duplicates(document, "wId", [(v, e) for v, e in wids.items() if len(e) > 1])


def _duplicates(
    document: Document, attribute: str, repeated: list[tuple[str, list[etree._Element]]]
) -> Iterator[Hit]:
    # Only the few repeated values need their document part looked up; the message of a
    # value is made once per part (100,000 copies of one eId are 100,000 hits, one text).
    for value, elements in repeated:
        said: dict[object, str] = {}
        for element in elements:
            part = document.part_of(element)
            message = said.get(part)
            if message is None:
                line = element.sourceline or 0
                said[part] = f"{attribute} {value!r} is already used on line {line}"
                continue
            yield Hit(
                element,
                message,
                attribute=attribute,
                # Repeats of one value are one defect: one line, with the count (--show-all
                # lists each; 100,000 copies of one eId are not 100,000 lines to read).
                group=(attribute, value),
            )


RULE = Rule("AKN101", "duplicate-id", Severity.ERROR, __doc__, check)
