"""The findings of placing the notes' first markers: a note placed by its order only (N403),
a note whose marker is nowhere (N404), with the notes placed around it as the evidence.

Separate because both ways of placing the notes, the search in order (``ordered_search``) and
the pairing as a whole (``pairing``), report them, and must say the same in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from akn.converter.footnotes import Note
from akn.converter.marks.search_units import Candidate, Placement, TextUnit, line_at
from akn.diagnostics import Diagnostic, Severity


def by_order_finding(note: Note, block: TextUnit, candidate: Candidate) -> Diagnostic:
    return Diagnostic(
        "N403",
        Severity.INFO,
        f"marker of footnote {note.marker} read where only the order of the notes puts it: "
        "glued to a number or code ('HIV/AIDS7'), or away from the page that prints the note",
        line=line_at(block, candidate.start).number,
    )


def not_found_finding(note: Note, around: str = "") -> Diagnostic:
    return Diagnostic(
        "N404",
        Severity.WARNING,
        f"marker of footnote {note.marker} not found in the text; the note is kept and "
        f"attached to the preface{around}",
        line=note.marker_line.number,
    )


def notes_around(
    blocks: Sequence[TextUnit], notes: list[Note], placements: list[Placement], index: int
) -> str:
    """The evidence for a note not found: the notes placed before and after it, and their
    lines, between which the text has no place for its marker."""
    before = [p for p in placements if p.note < index and not p.repeat]
    after = [p for p in placements if p.note > index and not p.repeat]
    if not before or not after:
        return ""
    first, last = before[-1], after[0]
    return (
        f"; the notes around it, {notes[first.note].marker} and {notes[last.note].marker}, "
        f"stand in lines {line_at(blocks[first.block], first.offset).number} and "
        f"{line_at(blocks[last.block], last.offset).number}, with no place for it between them"
    )
