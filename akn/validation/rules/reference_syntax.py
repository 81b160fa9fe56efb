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
    # One message per distinct bare value: the UN's files repeat the same few hundreds of
    # times (every keyword's dictionary="EuroVoc"), and formatting each is most of the cost.
    messages: dict[tuple[str, str], str] = {}
    for name in REFERENCE_ATTRIBUTES:
        occurrences = document.attribute(name)
        if not occurrences:
            continue
        is_list = name in LIST_ATTRIBUTES
        for element, value in occurrences:
            if is_list:
                tokens = value.split()
                if tokens and all(token[:1] == "#" for token in tokens):
                    continue  # the common case, without a generator call
            elif value[:1] == "#" and " " not in value:
                continue
            else:
                tokens = [value.strip()]
            if not tokens or tokens == [""]:
                yield Hit(
                    element,
                    f"{name} is empty: it should name an element as '#eId'",
                    attribute=name,
                    group="bare",
                )
                continue
            for token in tokens:
                if token[:1] == "#":
                    continue
                message = messages.get((name, token))
                if message is None:
                    message = messages[(name, token)] = _bare(name, token, ids)
                yield Hit(element, message, attribute=name, group="bare")


def _bare(name: str, token: str, ids: dict[str, list[etree._Element]]) -> str:
    advice = f"write '#{token}'" if token in ids else "it should name an element as '#eId'"
    return f"{name}={short(token)!r} is not a reference: {advice}"


RULE = Rule("AKN104", "reference-syntax", Severity.WARNING, __doc__, check)
