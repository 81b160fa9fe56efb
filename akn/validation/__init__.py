"""Validate Akoma Ntoso documents: the official XSD, then akn's own rules.

>>> from akn.validation import validate, is_valid
>>> findings = validate("A-RES-75-15.xml")            # a path, bytes, or an lxml tree
>>> [f.format() for f in findings]                    # doctest: +SKIP
>>> is_valid(b"<akomaNtoso ...>")                     # no finding of severity error

Findings are ``akn.diagnostics.Diagnostic`` records (``Finding`` here), collected and
returned, never raised for a problem in the input. Imports are lazy: this package is
imported by the ``akn`` command line before it knows which command runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from akn.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from akn.validation.inputs import Limits

Finding = Diagnostic
"""The record every check produces: code, severity, message, path, line, column."""

__all__ = ["Finding", "Severity", "is_valid", "validate"]


def validate(
    source: Any,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    explain: bool = False,
    group: bool = True,
    limits: Limits | None = None,
    label: str | None = None,
) -> list[Diagnostic]:
    """Every finding for ``source``: a path (str or PathLike), bytes, or an lxml tree/element.

    ``select``/``ignore`` take rule codes, code prefixes (``AKN1``) or rule names, as on the
    command line; ``explain`` retells schema findings with xmlschema; ``group`` merges the
    repeats of one defect in a file into one finding (their lines are in ``extra``).
    Raises ``UnknownRuleError`` (a ValueError) for a code that matches no rule, and
    TypeError for a source of another type; problems in the document itself are findings.
    """
    from akn.validation.engine import Settings, check_loaded
    from akn.validation.inputs import Limits, load_source
    from akn.validation.rules import choose

    codes = choose(list(select) if select else None, list(ignore) if ignore else None)
    settings = Settings(codes, limits or Limits(), explain=explain, group=group)
    loaded = load_source(source, settings.limits, label)
    return check_loaded(loaded, settings).findings


def is_valid(source: Any, *, strict: bool = False, **options: Any) -> bool:
    """True when ``validate`` finds nothing of severity error (nor warning, with ``strict``)."""
    threshold = Severity.WARNING if strict else Severity.ERROR
    return not any(f.severity >= threshold for f in validate(source, **options))
