"""The tree pass that marks the footnotes: each note's marker cut out of the text of the
tree's units, and a ``NoteMark`` left where it stood.

Separate from ``placement``, which finds the places on any units of text (the tests give it
plain blocks), because this is where the tree is read and rebuilt: the units as the search
reads them, and the change to each unit for ``Tree.with_units``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from akn.converter.blocks import Kind
from akn.converter.footnotes import Note
from akn.converter.marks.placement import place_notes
from akn.converter.tree import Node, NoteMark, SourceLine, Tree
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping


@dataclass
class _Unit:
    """A unit of the tree as the search reads it; the text loses the markers found in it."""

    kind: Kind
    role: str | None
    lines: tuple[SourceLine, ...]
    text: str
    starts: list[int]


# A unit's kind by the name it keeps (``Kind(name)`` goes through the enum's call machinery).
_KIND_OF = {kind.value: kind for kind in Kind}


def mark_notes(
    tree: Tree, notes: Sequence[Note], mapping: Mapping
) -> tuple[Tree, list[Diagnostic]]:
    """The tree with each note's marker cut out of the text and a NoteMark where it stood;
    the notes whose marker is nowhere are the tree's ``unplaced``, kept on the preface."""
    marked, unplaced, diagnostics = note_marker(tree, notes, mapping)
    return replace(tree.with_units(marked), unplaced=unplaced), diagnostics


def note_marker(
    tree: Tree, notes: Sequence[Note], mapping: Mapping
) -> tuple[Callable[[Node], Node], tuple[int, ...], list[Diagnostic]]:
    """What ``mark_notes`` does, as the change to one unit (for a rebuild shared with other
    passes, ``Tree.with_units``; it reads nothing below the unit), the unplaced notes and
    the findings. The markers are searched for in ``tree``'s units here, once."""
    nodes = tree.units
    units = [
        _Unit(_KIND_OF[node.recognised], node.role, node.source, node.text, list(node.starts))
        for node in nodes
    ]
    placements, diagnostics = place_notes(units, list(notes), mapping)
    marks: dict[int | None, list[NoteMark]] = {}  # by the unit's seq (units all have one)
    for placement in placements:
        seq = nodes[placement.block].seq
        marks.setdefault(seq, []).append(
            NoteMark(placement.offset, placement.note, placement.repeat)
        )
    found = {node.seq: work for node, work in zip(nodes, units, strict=True)}

    def marked(node: Node) -> Node:
        work = found[node.seq]
        if node.seq not in marks and work.text == node.text:
            return node
        return node.changed(
            text=work.text,
            starts=tuple(work.starts),
            marks=(*node.marks, *marks.get(node.seq, ())),
        )

    placed = {p.note for p in placements if not p.repeat}
    unplaced = tuple(index for index in range(len(notes)) if index not in placed)
    return marked, unplaced, diagnostics
