"""The recognition stage as the pipeline calls it: front matter and body blocks, for one
resolution or for each resolution of a set, from where ``akn.converter.opening`` says the
text opens. What each line is, the rule chains decide (``reader``, ``masthead``); this module
only cuts the text where its parts begin and hands each part to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from akn.converter.blocks import Block, Kind
from akn.converter.opening import Opening
from akn.converter.recognise import read_body
from akn.converter.recognise.layout import Regime, detect_regime
from akn.converter.recognise.masthead import FrontMatter, parse_front_matter
from akn.converter.source import Line
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping


@dataclass
class Recognised:
    """The blocks in reading order (masthead, title, formula, body; for a set, each
    resolution's letter, title, formula and body), the front matter's facts, the regime the
    body is wrapped in, and what recognition found on the way."""

    front: FrontMatter
    blocks: list[Block]
    regime: Regime
    diagnostics: list[Diagnostic] = field(default_factory=list)


def recognise(body: list[Line], opening: Opening, mapping: Mapping) -> Recognised:
    """The blocks of the text ``body``, which opens at ``opening``."""
    diagnostics = list(opening.diagnostics)
    index = opening.index
    body_lines = body[index + 1 :] if opening.formula else body[index:]
    starts = _component_starts(body, opening.formulas, mapping)
    front = parse_front_matter(body[: starts[0] if starts else index], mapping)
    diagnostics += front.diagnostics
    regime = detect_regime(body_lines, mapping)
    blocks: list[Block] = [*front.masthead]
    if front.title is not None:
        blocks.append(front.title)
    if front.letter is not None:
        blocks.append(front.letter)
    if starts:
        ends = [*starts[1:], len(body)]
        for start, end, formula in zip(starts, ends, opening.formulas, strict=True):
            blocks += _component_blocks(body, start, end, formula, mapping, regime, diagnostics)
    else:
        if opening.formula:
            blocks.append(Block(Kind.FORMULA, [body[index]], "formula"))
        blocks += _body_blocks(body_lines, mapping, regime, diagnostics, opening.decision)
    return Recognised(front, blocks, regime, diagnostics)


def _body_blocks(
    lines: list[Line],
    mapping: Mapping,
    regime: Regime,
    diagnostics: list[Diagnostic],
    decision: bool = False,
) -> list[Block]:
    blocks, found = read_body(lines, mapping, regime, decision)
    diagnostics += found
    return blocks


def _component_starts(body: list[Line], formulas: tuple[int, ...], mapping: Mapping) -> list[int]:
    """Where each resolution of a set begins ("A", its title, its formula), if there are
    several formulas each with its letter a few lines before it; [] for one resolution."""
    if len(formulas) < 2:
        return []
    letter = mapping.numbering.component
    starts = []
    for formula in formulas:
        start = next(
            (
                j
                for j in range(formula - 1, max(formula - 8, -1), -1)
                if letter.fullmatch(body[j].text.strip())
            ),
            None,
        )
        if start is None:
            return []
        starts.append(start)
    return starts


def _component_blocks(
    body: list[Line],
    start: int,
    end: int,
    formula: int,
    mapping: Mapping,
    regime: Regime,
    diagnostics: list[Diagnostic],
) -> list[Block]:
    """One resolution of a set: its letter, its title, its formula (line ``formula`` of the
    body), its body."""
    title = [line for line in body[start + 1 : formula] if line.text.strip()]
    first = next(line for line in body[start:end] if line.text.strip())
    letter = mapping.numbering.component.fullmatch(first.text.strip())
    assert letter is not None  # ``first`` is the letter line _component_starts found
    heading = Block(Kind.COMPONENT, [first], "numbering.component", num=letter.group("num"))
    heading.text = first.text.strip()
    blocks = [heading]
    if title:
        blocks.append(Block(Kind.TITLE, title, "title"))
    blocks.append(Block(Kind.FORMULA, [body[formula]], "formula"))
    return blocks + _body_blocks(body[formula + 1 : end], mapping, regime, diagnostics)
