"""Reference attributes hold ``#eId``, not a bare name or free text.

The schema documents ``as``, ``by``, ``source``, ``outcome``, ``dictionary``, ``refersTo``
and the other reference attributes as "necessarily #XYZ" for an existing eId XYZ, but types
them as any URI, so ``as="author"`` or ``by="Viet Nam (on behalf of ...)"`` pass it. Such a
value cannot be followed. The UN's files write ``FRBRauthor as="author"``,
``keyword dictionary="EuroVoc"`` and sponsors' names in ``step by``. All such values of a
file are reported as one finding, with a count per attribute. Where a matching eId exists
the message gives the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule
from akn.validation.rules._references import LIST_ATTRIBUTES, REFERENCE_ATTRIBUTES, short

if TYPE_CHECKING:
    from lxml import etree


def check(document: Document) -> Iterator[Hit]:
    ids = document.ids
    for name in REFERENCE_ATTRIBUTES:
        for element, value in document.attribute(name):
            if _well_formed(name, value):
                continue  # the common case, without a generator call
            yield from _check_value(element, name, value, ids)


def _well_formed(name: str, value: str) -> bool:
    if name in LIST_ATTRIBUTES:
        return all(token[:1] == "#" for token in value.split()) and bool(value.strip())
    return value[:1] == "#" and " " not in value


def _check_value(
    element: etree._Element, name: str, value: str, ids: dict[str, list[etree._Element]]
) -> Iterator[Hit]:
    tokens = value.split() if name in LIST_ATTRIBUTES else [value.strip()]
    if not tokens or tokens == [""]:
        yield Hit(
            element,
            f"{name} is empty: it should name an element as '#eId'",
            attribute=name,
            group="bare",
        )
        return
    for token in tokens:
        if token.startswith("#"):
            continue
        advice = f"write '#{token}'" if token in ids else "it should name an element as '#eId'"
        yield Hit(
            element,
            f"{name}={short(token)!r} is not a reference: {advice}",
            attribute=name,
            group="bare",
        )


RULE = Rule("AKN104", "reference-syntax", Severity.WARNING, __doc__, check)
