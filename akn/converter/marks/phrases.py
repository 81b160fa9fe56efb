"""The opening phrase of a recital or paragraph ("Recalling", "Decides") and the particle of
a verb that has one, in italics, as the UN prints them.

Only where the UN italicises them: the formula, recitals (also as cross-headings) and
operative paragraphs, not points, headings, titles or cells. The phrase wins over any other
mark that starts inside it; the particle is italicised only where no other mark covers it.

A PDF says itself what is italic (``Node.italics``, from ``akn.converter.emphasis``): then
its italic runs are the marks, at their exact extent, whatever the mapping lists (a phrase
missing from it, a verb with its particle, a title of a publication cited in the text),
in the units above and in points, wrap-ups and cells, where the UN italicises such titles
too, and in the footnotes (``italicise_notes``). The run that opens the unit wins as the
phrase does; any other gives way to a link, meeting or date it overlaps (it is cut around
it: spans do not nest).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from akn.converter.emphasis import nearest
from akn.converter.tree import (
    DateMark,
    LinkMark,
    Mark,
    MeetingMark,
    Node,
    NodeKind,
    PhraseMark,
    Tree,
)

ITALIC = {NodeKind.FORMULA, NodeKind.RECITAL, NodeKind.CROSS_HEADING, NodeKind.PARAGRAPH}
PRINTED = ITALIC | {NodeKind.POINT, NodeKind.WRAP_UP, NodeKind.CELL}
"""The units whose italics a PDF's page gives (not the cover, title, headings or the
conclusions, which the UN's layout sets in italic or bold as a whole)."""
_SPANS = (LinkMark, MeetingMark, DateMark)


def mark_phrases(tree: Tree) -> Tree:
    """The tree with PhraseMarks on the opening phrases and particles it prints in italics."""
    return tree.with_units(italicise)


def italicise(node: Node) -> Node:
    """The change of ``mark_phrases`` to one unit (it reads nothing below the unit)."""
    if node.italics is not None:
        return _printed(node) if node.kind in PRINTED else node
    phrase = node.phrase
    if node.kind not in ITALIC or not phrase or not node.text.startswith(phrase):
        return node
    marks = [m for m in node.marks if not (isinstance(m, _SPANS) and m.start < len(phrase))]
    marks.append(PhraseMark(0, len(phrase)))
    particle = node.particle
    if particle and not any(
        isinstance(m, (*_SPANS, PhraseMark)) and m.start < particle[1] and particle[0] < m.end
        for m in marks
    ):
        marks.append(PhraseMark(*particle))
    return node.changed(marks=tuple(marks))


def _printed(node: Node) -> Node:
    """The unit with a PhraseMark on each italic run its page printed."""
    marks = printed_marks(node.text, node.italics or (), node.marks)
    return node if marks is node.marks else node.changed(marks=marks)


def italicise_notes(tree: Tree) -> Tree:
    """The tree with its footnotes' italic runs marked, where a PDF gave them (after the
    links: a run gives way to a link it overlaps). A text's notes get none, as before."""
    if not any(note.italics for note in tree.notes):
        return tree
    notes = tuple(
        replace(note, marks=printed_marks(note.text, note.italics, note.marks))
        if note.italics
        else note
        for note in tree.notes
    )
    return replace(tree, notes=notes)


def printed_marks(
    text: str, italics: Sequence[tuple[int, str]], marks: tuple[Mark, ...]
) -> tuple[Mark, ...]:
    """``marks`` and a PhraseMark on each italic run of ``text`` (``marks`` itself when
    there is none): the run that opens the text wins over what starts inside it, as the
    opening phrase does; any other is cut around the spans it overlaps."""
    runs = []
    for start, piece in italics:
        where = nearest(text, piece, start)
        if where is not None:
            runs.append(where)
    if not runs:
        return marks
    result: list[Mark] = list(marks)
    for start, end in sorted(runs):
        if start == 0:
            result = [m for m in result if not (isinstance(m, _SPANS) and m.start < end)]
            result.append(PhraseMark(start, end))
            continue
        for cut_start, cut_end in _around(text, start, end, result):
            result.append(PhraseMark(cut_start, cut_end))
    return tuple(result)


def _around(text: str, start: int, end: int, marks: list[Mark]) -> list[tuple[int, int]]:
    """``start:end`` without the parts other spans (and italics already marked) cover,
    each part trimmed of spaces."""
    taken = sorted(
        (m.start, m.end)
        for m in marks
        if isinstance(m, (*_SPANS, PhraseMark)) and m.start < end and start < m.end
    )
    parts = []
    at = start
    for taken_start, taken_end in taken:
        if taken_start > at:
            parts.append((at, taken_start))
        at = max(at, taken_end)
    if at < end:
        parts.append((at, end))
    trimmed = []
    for part_start, part_end in parts:
        piece = text[part_start:part_end]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if part_end - trail > part_start + lead:
            trimmed.append((part_start + lead, part_end - trail))
    return trimmed
