"""Find where each footnote's marker stands in the text.

PDF text loses the superscript: "19671," is 1967 and note 1; "Sud-Est3," is note 3 after
"Sud-Est"; "activities, 1" is note 1 after a comma. Notes are numbered in order and each note
was printed at the bottom of the page that holds its marker, so note k is looked for on its
own page, after note k-1, as the first occurrence of k in a place a marker can stand: glued to
a word, glued to a year (five or six digits that read as a year then k), right after
punctuation, or alone between words when the word before does not count things ("paragraph 2",
"the 3 States") and the word after is not a month ("15 December").

A number that repeats an earlier note's marker later in the text becomes a reference to that
note. A note whose marker cannot be found is kept, attached to the preface, with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from akn.converter.blocks import Kind
from akn.converter.footnotes import Note
from akn.converter.marks.markers import (
    MASTHEAD_WITH_NOTES,
    SEARCHED,
    WINDOW,
    Candidate,
    Placement,
    TextUnit,
    code_glued_markers,
    counted_markers,
    line_at,
    marker_candidates,
    number_glued_markers,
    remove_marker,
    window_before,
)
from akn.converter.marks.repeats import find_repeats
from akn.converter.tree import Node, NoteMark, SourceLine, Tree
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


def place_notes(
    blocks: Sequence[TextUnit], notes: list[Note], mapping: Mapping
) -> tuple[list[Placement], list[Diagnostic]]:
    """Find each note's marker in the blocks, then the later markers that repeat a note."""
    diagnostics: list[Diagnostic] = []
    placements: list[Placement] = []
    cursor = (0, 0)
    searchable = [i for i, b in enumerate(blocks) if b.kind in SEARCHED]
    numbers: Counter[str] | None = None  # counted once, if a last resort needs them
    for index, note in enumerate(notes):
        if note.marker == "?":
            continue
        found = _search(blocks, searchable, note, mapping, cursor, same_page=True)
        if found is None and note.marker.isdigit():
            found = _search(blocks, searchable, note, mapping, cursor, same_page=False)
        if found is None and note.marker.isdigit():
            if numbers is None:
                numbers = number_counts(blocks, searchable)
            found = _search_glued_to_number(
                blocks, searchable, notes, index, mapping, cursor, numbers
            )
            if found is not None:
                block_index, candidate = found
                diagnostics.append(
                    Diagnostic(
                        "N403",
                        Severity.INFO,
                        f"marker of footnote {note.marker} read where only the order of the "
                        "notes puts it: glued to a number or code ('HIV/AIDS7'), or away from "
                        "the page that prints the note",
                        line=line_at(blocks[block_index], candidate.start).number,
                    )
                )
        if found is None:
            diagnostics.append(
                Diagnostic(
                    "N404",
                    Severity.WARNING,
                    f"marker of footnote {note.marker} not found in the text; the note is kept "
                    "and attached to the preface",
                    line=note.marker_line.number,
                )
            )
            continue
        block_index, candidate = found
        remove_marker(blocks[block_index], candidate)
        placements.append(Placement(block_index, candidate.insert, index))
        cursor = (block_index, candidate.insert)
    placements.extend(find_repeats(blocks, searchable, notes, placements, mapping, diagnostics))
    return placements, diagnostics


def _search(
    blocks: Sequence[TextUnit],
    searchable: list[int],
    note: Note,
    mapping: Mapping,
    cursor: tuple[int, int],
    same_page: bool,
) -> tuple[int, Candidate] | None:
    weak: tuple[int, Candidate] | None = None
    for block_index in searchable:
        if block_index < cursor[0]:
            continue
        block = blocks[block_index]
        if block.kind is Kind.MASTHEAD and (
            note.marker.isdigit() or block.role not in MASTHEAD_WITH_NOTES
        ):
            continue
        if same_page and block.lines and block.lines[0].page > note.page:
            break  # the blocks are in page order: none after this one is on the note's page
        if same_page and not any(line.page == note.page for line in block.lines):
            continue
        for candidate in marker_candidates(block.text, note.marker, mapping, repeat=False):
            if block_index == cursor[0] and candidate.start < cursor[1]:
                continue
            if same_page and line_at(block, candidate.start).page != note.page:
                continue
            if candidate.strong:
                return block_index, candidate
            if weak is None and same_page:
                weak = (block_index, candidate)
    # A marker alone between words is taken only when no glued one follows on the page.
    return weak
    return None


def _search_glued_to_number(
    blocks: Sequence[TextUnit],
    searchable: list[int],
    notes: list[Note],
    index: int,
    mapping: Mapping,
    cursor: tuple[int, int],
    numbers: Counter[str],
) -> tuple[int, Candidate] | None:
    """A marker glued to a number, or one whose number looked counted, or one glued to a code
    or symbol ("HIV/AIDS7"), looked for between the previous note and the next one.

    Which of several it is, the rest of the document says (``numbers``: how often each number
    or code stands in it): "59/300" cited elsewhere makes "59/3009" 59/300 and the note,
    while "61/29" cited elsewhere is a resolution, not 61/2 and a note; a number cut short
    into one the text never writes ("2011," into "201") is no marker at all. Between equals,
    the first after the previous note."""
    note = notes[index]
    limit: tuple[int, int] | None = None
    if index + 1 < len(notes):
        after = _search(blocks, searchable, notes[index + 1], mapping, cursor, same_page=False)
        if after is not None:
            limit = (after[0], after[1].start)
    best: tuple[tuple[int, int, int], int, Candidate] | None = None
    later = {other.marker for other in notes[index + 1 :]}
    for block_index in searchable:
        if block_index < cursor[0] or (limit and block_index > limit[0]):
            continue
        block = blocks[block_index]
        if block.kind is Kind.MASTHEAD or not any(ln.page == note.page for ln in block.lines):
            continue
        found = [
            *number_glued_markers(block.text, note.marker),
            *counted_markers(block.text, note.marker, mapping),
            *code_glued_markers(block.text, note.marker),
        ]
        for candidate in found:
            if block_index == cursor[0] and candidate.start < cursor[1]:
                continue
            if limit and block_index == limit[0] and candidate.start >= limit[1]:
                continue
            if _whole_run(block.text, candidate) in later:
                continue  # "Principles14": the marker of note 14, not 1 and note 4
            evidence = _glued_evidence(block.text, candidate, numbers, mapping)
            if evidence < 0:
                continue
            key = (-evidence, block_index, candidate.start)
            if best is None or key < best[0]:
                best = (key, block_index, candidate)
    return (best[1], best[2]) if best else None


def _whole_run(text: str, candidate: Candidate) -> str:
    """The digits the candidate's marker ends: "14" for the "4" of "Principles14"."""
    start = candidate.start
    while start and text[start - 1].isdigit():
        start -= 1
    return text[start : candidate.end]


def _glued_evidence(
    text: str, candidate: Candidate, numbers: Counter[str], mapping: Mapping
) -> int:
    """How much the document says a number-glued marker is one: +1 when what stays once it is
    cut ("59/300") stands elsewhere in the text, -1 when the whole ("61/29") does and what
    would stay does not, or when a month or a quantity follows ("14 November": a date)."""
    token = _TOKEN.search(window_before(text, candidate.start)[::-1])
    whole = (token.group(0)[::-1] if token else "") + text[candidate.start : candidate.end]
    rest = whole[: -(candidate.end - candidate.start)]
    following = text[candidate.end : candidate.end + WINDOW].split(None, 1)
    nxt = following[0].rstrip(",.;:") if following else ""
    if nxt.casefold() in mapping.dates.months or nxt in mapping.markers.quantity_words:
        return -1
    rest_seen, whole_seen = numbers[rest] > 0, numbers[whole] > 1  # > 1: besides this one
    if rest_seen and not whole_seen:
        return 1
    if whole_seen and not rest_seen:
        return -1
    return 0


_TOKEN = re.compile(r"^[\w./\-]+")  # the token before a candidate, read backwards


def number_counts(blocks: Sequence[TextUnit], searchable: list[int]) -> Counter[str]:
    """How often each word, number or code ("2030", "59/300", "HIV/AIDS") stands in the
    blocks, markers still in them."""
    counts: Counter[str] = Counter()
    for block_index in searchable:
        for token in _WORD_TOKEN.findall(blocks[block_index].text):
            counts[token.rstrip(".-/")] += 1
    return counts


_WORD_TOKEN = re.compile(r"[\w./\-]+")


# --------------------------------------------------------------------------- the tree pass


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
