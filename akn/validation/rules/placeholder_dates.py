"""A date is the placeholder 0001-01-01: the real date is unknown.

The UN writes ``0001-01-01`` where a date is not known (a workflow step of additional
sponsors, a recommendation without a meeting date). It is valid, but it is not a date: a
reader or a search by date will be misled. Reported once per element name and file, for
information.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit, local
from akn.validation.rules import Rule
from akn.validation.rules._dates import PLACEHOLDER

if TYPE_CHECKING:
    from lxml import etree


def check(document: Document) -> Iterator[Hit]:
    for element, value in document.attribute("date"):
        if value.strip().startswith(PLACEHOLDER):
            where = local(element)
            label = _label(element, where)
            yield Hit(
                element,
                f"{label} has the placeholder date {PLACEHOLDER}: the real date is unknown",
                attribute="date",
                group=where,
            )


def _label(element: etree._Element, where: str) -> str:
    for attribute in ("outcome", "name"):
        detail = element.get(attribute)
        if detail:
            return f"<{where} {attribute}={detail!r}>"
    return f"<{where}>"


RULE = Rule("AKN109", "placeholder-date", Severity.INFO, __doc__, check)
