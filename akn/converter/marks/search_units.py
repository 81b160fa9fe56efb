"""What the note search reads, and what it finds: the shared vocabulary of ``marks``.

A unit of text (``TextUnit``: a recognised block or a tree node) with the input lines it
came from; the kinds of unit searched for markers; a place where a marker may stand
(``Candidate``) and a note placed (``Placement``). Separate from the searches so that every
module of the note search (candidates, last resorts, pairing, repeats) names the same things
without importing one another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from akn.converter.blocks import Kind

SEARCHED = {
    Kind.TITLE,  # (and the letter of a resolution adopted in parts: "B1")
    Kind.RECITAL,
    Kind.PARAGRAPH,
    Kind.POINT,
    Kind.WRAP_UP,
    Kind.HEADING,
    Kind.TEXT,
    Kind.MASTHEAD,
    Kind.FORMULA,
    Kind.CELL,
}
# Masthead lines written with their inline content (a sponsor's "*" marker can stand there).
MASTHEAD_WITH_NOTES = {"draft", "committee"}


class PlacedLine(Protocol):
    """Where a line of a unit's text stands: its line number and its page."""

    @property
    def number(self) -> int: ...

    @property
    def page(self) -> int: ...


class TextUnit(Protocol):
    """What the note search reads of a unit of text (a recognised block or a tree node), and
    changes: the text loses each marker found in it."""

    kind: Kind
    role: str | None
    text: str
    starts: list[int]

    @property
    def lines(self) -> Sequence[PlacedLine]: ...


def line_at(unit: TextUnit, offset: int) -> PlacedLine:
    """The input line that holds ``offset`` of ``unit.text`` (approximately, after cleaning)."""
    chosen = unit.lines[0]
    for start, line in zip(unit.starts, unit.lines, strict=False):
        if start <= offset:
            chosen = line
        else:
            break
    return chosen


@dataclass
class Placement:
    """Note ``note`` (index into the note list) stands at ``offset`` of block ``block``."""

    block: int
    offset: int
    note: int
    repeat: bool = False


@dataclass
class Candidate:
    start: int  # where the marker's characters start
    end: int  # where they end
    insert: int  # where the note goes once they are removed
    strong: bool  # glued to a word or punctuation, or a year-glued number
