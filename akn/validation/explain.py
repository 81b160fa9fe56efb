"""``--explain``: schema findings retold by xmlschema, which says what was expected where.

libxml2's messages are terse ("This element is not expected."); xmlschema knows the content
model it was matching and can list the elements that would have been accepted, and gives an
XPath to the offending element. Building the AKN schema with xmlschema costs about a second,
so it is done only when asked for, and only for files the fast path found invalid.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from akn.diagnostics import Diagnostic, Severity
from akn.resources import data_dir
from akn.schema import readable_schema_message

if TYPE_CHECKING:
    from lxml import etree

MAX_EXPECTED = 12


@cache
def _schema() -> Any:
    import xmlschema

    path = (data_dir("schemas") / "akomantoso30.xsd").resolve()
    # Local files only (the bundled schema and its xml.xsd); entities are defused.
    return xmlschema.XMLSchema(str(path), allow="local", defuse="always")


def explain_schema(tree: etree._ElementTree) -> list[Diagnostic]:
    """Schema findings for ``tree`` from xmlschema, with the path and the expected elements."""
    import xmlschema

    # An lxml tree is a documented input of XMLResource, but its stubs (elementpath's
    # ElementProtocol: tag is str) do not admit types-lxml's elements (tag may be bytes).
    resource = xmlschema.XMLResource(tree, allow="none", defuse="always")  # type: ignore[arg-type]
    findings = []
    for error in _schema().iter_errors(resource, use_location_hints=False):
        reason = readable_schema_message(error.reason or error.message or "invalid")
        expected = _expected_names(error)
        message = reason.rstrip(".")
        if expected and "expected" not in reason.lower():
            message += "; expected " + _one_of(expected)
        path = _readable_path(error.path)
        if path:
            message += f" (at {path})"
        extra: dict[str, Any] = {"path": path}
        if expected:
            extra["expected"] = expected
        findings.append(
            Diagnostic("XSD", Severity.ERROR, message, line=error.sourceline, extra=extra)
        )
    return findings


def _expected_names(error: Any) -> list[str]:
    particles = getattr(error, "expected", None)
    if not particles and getattr(error, "invalid_tag", None) is not None:
        validator = getattr(error, "validator", None)
        iter_elements = getattr(validator, "iter_elements", None)
        particles = list(iter_elements()) if iter_elements else []
    names = []
    for particle in particles or ():
        name = getattr(particle, "local_name", None) or getattr(particle, "name", None)
        if isinstance(name, str):
            name = readable_schema_message(name)
            if name not in names:
                names.append(name)
    return names


def _one_of(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_EXPECTED])
    if len(names) > MAX_EXPECTED:
        shown += f" (and {len(names) - MAX_EXPECTED} more)"
    return shown if len(names) == 1 else f"one of: {shown}"


def _readable_path(path: str | None) -> str | None:
    return readable_schema_message(path) if path else None
