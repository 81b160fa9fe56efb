"""The record recognition makes: a block, one unit of the resolution.

A block is a masthead line, the title, the enacting formula, a preambular paragraph, an
operative paragraph, a sub-paragraph, a heading, the closing meeting and date, an annex
heading. Each block keeps the input lines it came from and the id of the rule that recognised
it, so that every diagnostic can name both; what later stages need to know of the rule is a
typed fact of the block (``opens_decision``, ``numbered_heading``…), never the rule id.
The rules themselves are in ``akn.converter.recognise``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from akn.converter.source import Line

if TYPE_CHECKING:
    from akn.converter.recognise.tables import TableShape


class Kind(StrEnum):
    """What a block is."""

    MASTHEAD = "masthead"
    TITLE = "title"
    FORMULA = "formula"
    RECITAL = "recital"
    PARAGRAPH = "paragraph"
    POINT = "point"
    WRAP_UP = "wrapUp"
    HEADING = "heading"
    CONCLUSION = "conclusion"
    ANNEX = "annex"
    COMPONENT = "component"  # "A", "B": one of several resolutions issued as one document
    CELL = "cell"  # a cell of a table, after the block that holds the table
    DECORATION = "decoration"  # a row of ornaments between recitals: "* * *"
    TEXT = "text"


@dataclass
class Block:
    """One recognised unit of the text, with the lines it came from and the rule that fired."""

    kind: Kind
    lines: list[Line]
    rule: str
    num: str | None = None  # the number as written: "1.", "(a)", "a)", "II"
    level: int = 0  # points: 1 for (a), 2 for (i)
    role: str | None = None  # masthead: which line of the masthead this is ("unknown": none)
    strip: int = 0  # characters of the first line that are the number (until cut off)
    opens_decision: bool = False  # the first paragraph of a decision (meeting and date in it)
    in_decision: bool = False  # a paragraph of a decision, which numbers nothing
    text: str = ""  # filled in by the text pass: the block's text without its number
    starts: list[int] = field(default_factory=list)  # offset in ``text`` where each line starts
    phrase: str | None = None  # the opening phrase or verb at the start of ``text``
    particle: tuple[int, int] | None = None  # where the verb's particle stands in ``text``
    # A PDF's italic runs in ``text``, (offset, text) each; None: the input shows no typography
    italics: tuple[tuple[int, str], ...] | None = None
    data: dict[str, str] = field(default_factory=dict)  # what the rule's pattern captured
    # A table after the block's text: its rows, each a list of cells (a cell's text as a Line
    # placed where the cell starts in the input); ``table`` is the same as CELL blocks, which
    # follow this block in the block list (so notes and citations are found in them too).
    rows: list[list[Line]] = field(default_factory=list)
    table: list[list[Block]] = field(default_factory=list)
    table_rule: str = ""  # the rule that found the table: tables.cells, .period or .rows
    table_shape: TableShape | None = None

    @property
    def line(self) -> int:
        return self.lines[0].number if self.lines else 0

    @property
    def masthead_line(self) -> bool:
        """An unrecognised line of the masthead (cover page), not of the body."""
        return self.kind is Kind.TEXT and self.role == "unknown"

    @property
    def numbered_heading(self) -> bool:
        """A heading that opens a section (an unnumbered one is a title inside the body)."""
        return self.kind is Kind.HEADING and self.num is not None

    @property
    def table_of_rows(self) -> bool:
        """The table was read one cell per line (its cells are paragraphs of one row each)."""
        from akn.converter.recognise.tables import TableShape

        return self.table_shape is TableShape.ROWS


def with_cells(blocks: list[Block]) -> list[Block]:
    """The blocks with each table's cells as CELL blocks right after the block holding it:
    every later stage (text, notes, citations) then treats a cell as it treats a paragraph."""
    result: list[Block] = []
    for block in blocks:
        result.append(block)
        if block.rows:
            block.table = [
                [Block(Kind.CELL, [cell], block.table_rule) for cell in row] for row in block.rows
            ]
            result.extend(cell for row in block.table for cell in row)
    return result


def strip_number(block: Block) -> None:
    """Remove the number the block starts with from its first line (kept in ``block.num``)."""
    strip, block.strip = block.strip, 0
    if not strip:
        return
    first = block.lines[0]
    text = first.text
    leading = len(text) - len(text.lstrip())
    rest = text[leading + strip :]
    block.lines[0] = Line(
        first.number, rest, first.page, first.column + leading + strip, first.after_break
    )


def recital_points(blocks: list[Block]) -> set[int]:
    """The positions of the points that belong to a recital's list (points right after a
    recital, or after its other points): the preamble's, not an operative part."""
    found: set[int] = set()
    owner: Kind | None = None
    for position, block in enumerate(blocks):
        if block.kind is Kind.POINT:
            if owner is Kind.RECITAL:
                found.add(position)
            continue
        if block.kind is not Kind.CELL:
            owner = block.kind
    return found
