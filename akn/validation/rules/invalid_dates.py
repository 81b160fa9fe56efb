"""Dates are real, plausible dates.

The schema checks the form of ``date`` attributes (and that February has no 30th), but not
the dates inside FRBR IRIs (``/akn/un/.../2020-11-31/75-15/``), nor plausibility: a year
typed as ``0202`` or ``2202`` is a valid ``xs:date``. Reported: an IRI date that is not a
calendar date, and any date before the year 1000 or more than 100 years ahead (the UN's
``0001-01-01`` placeholder for an unknown date is AKN109's, not this rule's).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule
from akn.validation.rules._dates import ISO_DATE, PLACEHOLDER, calendar_date

_IRI_DATE = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2})(?![\d-])")
_IRI_ELEMENTS = ("FRBRthis", "FRBRuri")


def check(document: Document) -> Iterator[Hit]:
    latest = datetime.date.today().year + 100
    for element, value in document.attribute("date"):
        if value.startswith(PLACEHOLDER) or not ISO_DATE.match(value.strip()):
            continue  # the placeholder is AKN109's; a malformed date is the schema's
        date = calendar_date(value)
        if date is not None and not 1000 <= date.year <= latest:
            yield Hit(
                element, f"date {value!r} is implausible (year {date.year})", attribute="date"
            )
    for element in document.elements(*_IRI_ELEMENTS):
        for match in _IRI_DATE.finditer(element.get("value", "")):
            if calendar_date(match.group(1)) is None:
                yield Hit(
                    element,
                    f"the IRI's date {match.group(1)!r} is not a calendar date",
                    attribute="value",
                )


RULE = Rule("AKN108", "invalid-date", Severity.ERROR, __doc__, check)
