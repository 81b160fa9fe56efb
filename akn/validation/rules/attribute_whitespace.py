"""Attribute values have no stray whitespace.

Leading or trailing spaces, tabs or line breaks in an attribute value are invisible in most
views and break every comparison: ``name="\\tPrenant note"`` and ``name="Rappelant "`` in
the UN's files do not match ``Prenant note`` or ``Rappelant``. The schema's string types
accept them. Reported once per attribute name and file, with the number of values.
"""

from __future__ import annotations

from collections.abc import Iterator

from akn.diagnostics import Severity
from akn.validation.document import Document, Hit
from akn.validation.rules import Rule
from akn.validation.rules._references import short

_CONTROL = frozenset("\t\n\r")


def describe(value: str) -> str:
    """What is wrong with the whitespace of ``value``, in words."""
    problems = []
    if value[:1].isspace():
        problems.append("leading " + _kind(value[0]))
    if value[-1:].isspace():
        problems.append("trailing " + _kind(value[-1]))
    inner = value.strip()
    if any(char in _CONTROL for char in inner):
        problems.append("a tab or line break inside")
    return " and ".join(problems)


def _kind(char: str) -> str:
    return {"\t": "tab", "\n": "line break", "\r": "line break", " ": "space"}.get(
        char, "whitespace"
    )


def check(document: Document) -> Iterator[Hit]:
    for element, name, value in document.spaced_attributes:
        problem = describe(value)
        if not problem:
            continue
        display = name.rpartition("}")[2]
        yield Hit(
            element,
            f"{display}={short(value)!r} has {problem}",
            attribute=display,
            group=name,
        )


RULE = Rule("AKN112", "attribute-whitespace", Severity.WARNING, __doc__, check)
