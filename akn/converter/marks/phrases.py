"""The opening phrase of a recital or paragraph ("Recalling", "Decides") and the particle of
a verb that has one, in italics, as the UN prints them.

Only where the UN italicises them: the formula, recitals (also as cross-headings) and
operative paragraphs, not points, headings, titles or cells. The phrase wins over any other
mark that starts inside it; the particle is italicised only where no other mark covers it.
"""

from __future__ import annotations

from akn.converter.tree import DateMark, LinkMark, MeetingMark, Node, NodeKind, PhraseMark, Tree

ITALIC = {NodeKind.FORMULA, NodeKind.RECITAL, NodeKind.CROSS_HEADING, NodeKind.PARAGRAPH}
_SPANS = (LinkMark, MeetingMark, DateMark)


def mark_phrases(tree: Tree) -> Tree:
    """The tree with PhraseMarks on the opening phrases and particles it prints in italics."""
    return tree.with_units(italicise)


def italicise(node: Node) -> Node:
    """The change of ``mark_phrases`` to one unit (it reads nothing below the unit)."""
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
