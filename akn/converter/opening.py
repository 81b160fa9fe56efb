"""Where the resolution proper opens: its enacting formula, or a decision's opening.

Found once, here, for every later stage: the recognition reads where the body starts and
where each resolution of a set has its formula from the ``Opening``. The page reader finds
the formula first (``enacting_formula.find_formula``: the front matter ends there); it is looked for
again only when that line did not come through to the text proper (a formula on the first
line, or beyond the page reader's reach).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from akn.converter.enacting_formula import find_decision, find_formula, formula_alone
from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


@dataclass(frozen=True)
class Opening:
    """Line ``index`` of the body opens the resolution proper. ``formula``: it is the enacting
    formula; ``decision``: it is a decision's opening (no formula); neither: the first
    numbered paragraph, the formula missing (S302). ``formulas``: every line that is a formula
    (the first, then one for each further resolution of a set)."""

    index: int
    formula: bool
    decision: bool
    formulas: tuple[int, ...] = ()
    diagnostics: list[Diagnostic] = field(default_factory=list)


def find_opening(
    body: list[Line], found_by_pages: int | None, decision: bool, mapping: Mapping
) -> Opening | None:
    """Where the body opens, starting from what the page reader found (``found_by_pages``,
    ``decision``); None when there is neither formula nor numbered paragraph."""
    index = found_by_pages
    if index is None:
        index = find_formula(body, mapping)
    if index is None:
        index = find_decision(body, mapping)
        decision = index is not None
    if index is not None:
        formulas = () if decision else (index, *_later_formulas(body, index, mapping))
        return Opening(index, not decision, decision, formulas)
    index = _first_paragraph(body, mapping)
    if index is None:
        return None
    warning = Diagnostic(
        "S302",
        Severity.WARNING,
        f"no enacting formula (such as {mapping.formula[0].text!r}) found",
        line=body[index].number if index < len(body) else None,
    )
    return Opening(index, False, False, (), [warning])


def _later_formulas(body: list[Line], first: int, mapping: Mapping) -> list[int]:
    """The lines after the first formula that are a formula read alone (with its comma or
    without): the formulas of the further resolutions of a set."""
    alone = formula_alone([line.text for line in body[first + 1 :]], mapping)
    return [first + 1 + i for i, formula in enumerate(alone) if formula]


def _first_paragraph(lines: list[Line], mapping: Mapping) -> int | None:
    operative = mapping.numbering.operative
    for index, line in enumerate(lines):
        text = line.text.strip()
        match = operative.match(text)
        if match and match.group("num") == "1":
            return index
        if mapping.phrase_pattern.match(text):
            return index
    return None
