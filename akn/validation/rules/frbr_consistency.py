"""FRBR work, expression and manifestation IRIs agree with each other and with the metadata.

The identification block names the document three times over (work, expression,
manifestation), each with ``FRBRthis`` and ``FRBRuri``, and states its date, country and
language separately. The schema checks none of this agreement. Checked here:

- every IRI is an ``/akn/`` IRI and all six share the work IRI
  (``/akn/{country}/{type}/.../{date}/{number}``);
- the country is ``FRBRcountry``, the type is the document's element name (``statement``),
  the date is the work's ``FRBRdate``;
- the expression and manifestation IRIs carry the language of ``FRBRlanguage`` (``/fra@``);
- the manifestation IRIs end with a file extension (``.xml``);
- the dates run in order: the expression is not dated before the work, nor the
  manifestation before the expression.

Both the naming convention's expression form (``.../fra@/!main``) and the UN's
(``.../fra@!main/``) are accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import AKN_PREFIX, DOCUMENT_TYPES, Document, Hit, local
from akn.validation.rules import Rule

if TYPE_CHECKING:
    from lxml import etree

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LANGUAGE_STEP = re.compile(r"^([^/@!.]+)(@[^/!]*)?")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]+$")


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    return element.find(AKN_PREFIX + name) if element is not None else None


def _value(element: etree._Element | None, attribute: str = "value") -> str | None:
    return element.get(attribute) if element is not None else None


def check(document: Document) -> Iterator[Hit]:
    main_type = local(document.parts[0]) if document.parts else None
    for part in document.parts:
        identification = _child(_child(part, "meta"), "identification")
        if identification is not None:
            yield from _check_identification(identification, local(part), main_type)


def _check_identification(
    identification: etree._Element, part_type: str, main_type: str | None
) -> Iterator[Hit]:
    work = _child(identification, "FRBRWork")
    if work is None:
        return
    work_uri_element = _child(work, "FRBRuri")
    work_uri = _value(work_uri_element)
    if not work_uri:
        return
    steps = work_uri.strip("/").split("/")
    if not work_uri.startswith("/akn/") or len(steps) < 4:
        yield Hit(
            work_uri_element,
            f"work FRBRuri {work_uri!r} is not an Akoma Ntoso IRI "
            "(/akn/{country}/{type}/.../{date}/{number})",
            attribute="value",
        )
        return
    base = "/" + "/".join(steps)
    yield from _check_work_uri(work, work_uri_element, steps, part_type, main_type)
    yield from _check_prefix(_child(work, "FRBRthis"), base, "work FRBRthis")
    expression = _child(identification, "FRBRExpression")
    manifestation = _child(identification, "FRBRManifestation")
    yield from _check_expression_and_manifestation(expression, manifestation, base)
    yield from _check_chronology(_child(work, "FRBRdate"), expression, manifestation)


def _check_work_uri(
    work: etree._Element,
    uri: etree._Element | None,
    steps: list[str],
    part_type: str,
    main_type: str | None,
) -> Iterator[Hit]:
    """The work IRI's country, document type and date against the work's own metadata."""
    country = _value(_child(work, "FRBRcountry"))
    if country and steps[1] != country:
        yield Hit(
            uri,
            f"work FRBRuri country {steps[1]!r} differs from FRBRcountry {country!r}",
            attribute="value",
        )
    if steps[2] not in {part_type, main_type} and steps[2] in DOCUMENT_TYPES | {"doc"}:
        yield Hit(
            uri,
            f"work FRBRuri type {steps[2]!r} differs from the document element <{part_type}>",
            attribute="value",
        )
    elif steps[2] not in DOCUMENT_TYPES:
        yield Hit(
            uri,
            f"work FRBRuri type {steps[2]!r} is not an Akoma Ntoso document type",
            attribute="value",
        )
    work_date = _value(_child(work, "FRBRdate"), "date")
    iri_date = next((step for step in steps[3:] if _DATE.match(step)), None)
    if work_date and iri_date and not work_date.startswith(iri_date):
        yield Hit(
            uri,
            f"work FRBRuri date {iri_date!r} differs from the work FRBRdate {work_date!r}",
            attribute="value",
        )


def _check_expression_and_manifestation(
    expression: etree._Element | None, manifestation: etree._Element | None, base: str
) -> Iterator[Hit]:
    """Each expression and manifestation IRI: below the work IRI, in the declared language,
    a manifestation's with a file extension."""
    declared = (
        {_value(e, "language") for e in expression.iterfind(AKN_PREFIX + "FRBRlanguage")}
        if expression is not None
        else set()
    )
    languages = {language for language in declared if language is not None}
    for level, block in (("expression", expression), ("manifestation", manifestation)):
        if block is None:
            continue
        for which in ("FRBRthis", "FRBRuri"):
            element = _child(block, which)
            iri = _value(element)
            if not iri:
                continue
            label = f"{level} {which}"
            if not iri.startswith(base + "/"):
                yield from _check_prefix(element, base, label)
                continue
            step = _LANGUAGE_STEP.match(iri[len(base) + 1 :])
            language = step.group(1) if step else None
            if step is None or not language:
                yield Hit(
                    element,
                    f"{label} {iri!r} has no language after the work IRI",
                    attribute="value",
                )
                continue
            if languages and language not in languages:
                yield Hit(
                    element,
                    f"{label} language {language!r} differs from FRBRlanguage "
                    f"{sorted(languages)[0]!r}",
                    attribute="value",
                )
            if level == "manifestation" and not _EXTENSION.search(iri):
                yield Hit(
                    element,
                    f"{label} {iri!r} does not end with a file extension such as '.xml'",
                    attribute="value",
                )


def _check_prefix(element: etree._Element | None, base: str, label: str) -> Iterator[Hit]:
    iri = _value(element)
    if iri and iri != base and not iri.startswith(base + "/"):
        yield Hit(
            element,
            f"{label} {iri!r} does not start with the work IRI {base!r}",
            attribute="value",
        )


def _check_chronology(
    work_date_element: etree._Element | None,
    expression: etree._Element | None,
    manifestation: etree._Element | None,
) -> Iterator[Hit]:
    dated = [("work", _value(work_date_element, "date"))]
    for level, block in (("expression", expression), ("manifestation", manifestation)):
        element = _child(block, "FRBRdate")
        dated.append((level, _value(element, "date")))
        earlier_level, earlier = dated[-2]
        later = dated[-1][1]
        if (
            element is not None
            and earlier
            and later
            and _DATE.match(earlier[:10])
            and _DATE.match(later[:10])
            and not later.startswith("0001")
            and not earlier.startswith("0001")
            and later[:10] < earlier[:10]
        ):
            yield Hit(
                element,
                f"{level} FRBRdate {later!r} is earlier than the {earlier_level} FRBRdate "
                f"{earlier!r}",
                attribute="date",
            )


RULE = Rule("AKN107", "frbr-consistency", Severity.ERROR, __doc__, check)
