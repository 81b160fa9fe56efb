"""Each note's marker looked for after the one before it, in order.

Note k is looked for on its own page, after note k-1, as the first occurrence of k in a place
a marker can stand (``markers``): glued first, else apart from its word; and where neither is
found, as a last resort, glued to a number, a code or the word after it, weighed by what the
rest of the document writes (``glued_evidence``). This is the first and usual way the notes
are placed; ``pairing`` is the second, for when this one leaves a note without a place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from akn.converter.blocks import Kind
from akn.converter.footnotes import Note
from akn.converter.marks.candidates import marker_candidates
from akn.converter.marks.glued_evidence import glued_evidence, number_counts, whole_run
from akn.converter.marks.last_resort_markers import (
    code_glued_markers,
    counted_markers,
    number_glued_markers,
    word_glued_markers,
)
from akn.converter.marks.marker_cuts import remove_marker
from akn.converter.marks.note_findings import by_order_finding, not_found_finding, notes_around
from akn.converter.marks.number_series import counts_in_series, numbers_after
from akn.converter.marks.search_units import (
    MASTHEAD_WITH_NOTES,
    Candidate,
    Placement,
    TextUnit,
    line_at,
)
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping


def place_in_order(
    blocks: Sequence[TextUnit], searchable: list[int], notes: list[Note], mapping: Mapping
) -> tuple[list[Placement], list[Diagnostic], bool]:
    """Each note's marker, looked for after the previous note's; and whether any marker is
    written apart from its word ("Rights, 1 the")."""
    diagnostics: list[Diagnostic] = []
    placements: list[Placement] = []
    cursor = (0, 0)
    numbers: Counter[str] | None = None  # counted once, if a last resort needs them
    spaced = False
    lost: list[tuple[int, int]] = []  # (where its finding stands, note) of each note not found
    series = numbers_after(blocks, searchable, mapping)
    for index, note in enumerate(notes):
        if note.marker == "?":
            continue
        found = _search(blocks, searchable, note, mapping, cursor, True, series)
        if found is None and note.marker.isdigit():
            found = _search(blocks, searchable, note, mapping, cursor, False, series)
        if found is None and note.marker.isdigit():
            if numbers is None:
                numbers = number_counts(blocks, searchable)
            found = _search_glued_to_number(
                blocks, searchable, notes, index, mapping, cursor, numbers
            )
            if found is not None:
                diagnostics.append(by_order_finding(note, blocks[found[0]], found[1]))
        if found is None:
            lost.append((len(diagnostics), index))
            diagnostics.append(not_found_finding(note))
            continue
        block_index, candidate = found
        spaced = spaced or candidate.insert < candidate.start
        remove_marker(blocks[block_index], candidate)
        placements.append(Placement(block_index, candidate.insert, index))
        cursor = (block_index, candidate.insert)
    for at, index in lost:
        diagnostics[at] = not_found_finding(
            notes[index], notes_around(blocks, notes, placements, index)
        )
    return placements, diagnostics, spaced


def _search(
    blocks: Sequence[TextUnit],
    searchable: list[int],
    note: Note,
    mapping: Mapping,
    cursor: tuple[int, int],
    same_page: bool,
    series: dict[str, set[str]] | None = None,
) -> tuple[int, Candidate] | None:
    """The first place note's marker may stand after ``cursor``: glued, or else apart from
    its word; ``series`` (``numbers_after``) makes a glued one that counts things a weak one."""
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
        for candidate in note_candidates(block, note.marker, mapping):
            if block_index == cursor[0] and candidate.start < cursor[1]:
                continue
            if same_page and line_at(block, candidate.start).page != note.page:
                continue
            if candidate.strong and not (
                series and counts_in_series(block.text, candidate, series)
            ):
                return block_index, candidate
            if weak is None and same_page:
                weak = (block_index, candidate)
    # A marker alone between words is taken only when no glued one follows on the page.
    return weak
    return None


def note_candidates(block: TextUnit, marker: str, mapping: Mapping) -> list[Candidate]:
    """Where ``marker`` may stand in ``block``. The letter of a resolution adopted in parts,
    alone on its line with digits after it ("B1"), carries a marker there for certain: what
    elsewhere looks like a code ("G77", "A1") is here the letter, then the note."""
    if block.role == "letter":
        text = block.text.rstrip()
        bare = text.rstrip("0123456789()")
        if text != bare and text[len(bare) :].strip("()") == marker:
            return [Candidate(len(bare), len(text), len(bare.rstrip()), True)]
    return marker_candidates(block.text, marker, mapping, repeat=False)


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
        after = _search(blocks, searchable, notes[index + 1], mapping, cursor, False)
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
        glued_after = word_glued_markers(block.text, note.marker, mapping, numbers)
        for candidate in [*found, *glued_after]:
            if block_index == cursor[0] and candidate.start < cursor[1]:
                continue
            if limit and block_index == limit[0] and candidate.start >= limit[1]:
                continue
            if whole_run(block.text, candidate) in later:
                continue  # "Principles14": the marker of note 14, not 1 and note 4
            if candidate in glued_after:
                evidence = 0  # the word after it, written alone elsewhere, is the evidence
            else:
                evidence = glued_evidence(block.text, candidate, numbers, mapping)
            if evidence < 0:
                continue
            key = (-evidence, block_index, candidate.start)
            if best is None or key < best[0]:
                best = (key, block_index, candidate)
    return (best[1], best[2]) if best else None
