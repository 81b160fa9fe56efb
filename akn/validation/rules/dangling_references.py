"""Every reference to ``#id`` resolves to an element of the document.

``href="#x"`` on any element, and the attributes the schema types as references to an
element of the same document (``refersTo``, ``source``, ``as``, ``by``, ``outcome``,
``dictionary``, ``placementBase``...), must name an eId that exists (``original`` names a
wId). A dangling reference is a broken link: the UN's files point ``source`` at ``#un`` and
``refersTo`` at ``#generalAssembly`` or ``#publicationJobNumber`` with no TLC element of
that eId in ``references``. Each missing target is reported once per file, with the number
of uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule
from akn.validation.rules._references import (
    LIST_ATTRIBUTES,
    REFERENCE_ATTRIBUTES,
    WID_ATTRIBUTES,
    short,
)

if TYPE_CHECKING:
    from lxml import etree


def check(document: Document) -> Iterator[Hit]:
    ids = document.ids
    for element, value in document.attribute("href"):
        if value.startswith("#") and value[1:] not in ids:
            yield _dangling(element, "href", value)
    for name in REFERENCE_ATTRIBUTES:
        targets = document.wids if name in WID_ATTRIBUTES else ids
        for element, value in document.attribute(name):
            tokens = value.split() if name in LIST_ATTRIBUTES else [value.strip()]
            for token in tokens:
                if token.startswith("#") and token[1:] not in targets:
                    yield _dangling(element, name, token)


def _dangling(element: etree._Element, name: str, target: str) -> Hit:
    return Hit(
        element,
        f"{name}={short(target)!r} points to no element: there is no eId {short(target[1:])!r}",
        attribute=name,
        group=(name, target),
    )


RULE = Rule("AKN103", "dangling-reference", Severity.ERROR, __doc__, check)
