"""The notes' markers paired with places as a whole, for when the search in order fails.

Of all the ways to give notes 1..N places that run in their order through the text, the one
that places the most notes, at the least cost (glued on the note's page first, a last resort
last). One marker lost then costs its own note, not every note after the wrong place taken
for it ("nivel 3" taken for note 3 leaves notes 4 to 14 nowhere after it). Separate from
``ordered_search`` because it is another algorithm over the same candidates: every place of
every note at once, then a longest chain through them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from akn.converter.blocks import Kind
from akn.converter.footnotes import Note
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
from akn.converter.marks.ordered_search import note_candidates
from akn.converter.marks.search_units import (
    MASTHEAD_WITH_NOTES,
    Candidate,
    Placement,
    TextUnit,
    line_at,
)
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping

# How much text the whole-document pairing may read: every note's candidates are looked for
# in every block, so its cost is the notes times the text (a made-up text of thousands of
# notes and megabytes keeps the pairing in order only).
_PAIRING_BUDGET = 20_000_000


def worth_pairing(
    blocks: Sequence[TextUnit], searchable: list[int], notes: list[Note], placed: list[Placement]
) -> bool:
    """Did the search in order leave a numbered note without a place, among enough notes for
    their order to say something, in a text small enough to pair as a whole?"""
    numbered = [i for i, note in enumerate(notes) if note.marker.isdigit()]
    placed_notes = {p.note for p in placed}
    if len(numbered) < 3 or all(i in placed_notes for i in numbered):
        return False
    size = sum(len(blocks[i].text) for i in searchable)
    return size * len(numbered) <= _PAIRING_BUDGET


@dataclass
class _Option:
    """A place note ``note`` may stand: a candidate in block ``block``, at a cost (0 glued on
    the note's page, 1 apart from its word there, 2 on another page, 3 a last resort)."""

    note: int
    block: int
    candidate: Candidate
    cost: int
    start: int  # where its cut starts and its marker ends, in the text of all the blocks
    end: int


def _options(
    blocks: Sequence[TextUnit], searchable: list[int], notes: list[Note], mapping: Mapping
) -> list[list[_Option]]:
    """Every place each note's marker may stand, in any block, with its cost."""
    numbers = number_counts(blocks, searchable)
    series = numbers_after(blocks, searchable, mapping)
    base: dict[int, int] = {}
    total = 0
    for block_index in searchable:
        base[block_index] = total
        total += len(blocks[block_index].text) + 1
    options: list[list[_Option]] = []
    for index, note in enumerate(notes):
        found: list[tuple[int, int, Candidate]] = []
        later = {other.marker for other in notes[index + 1 :]}
        for block_index in searchable if note.marker != "?" else ():
            block = blocks[block_index]
            if block.kind is Kind.MASTHEAD and (
                note.marker.isdigit() or block.role not in MASTHEAD_WITH_NOTES
            ):
                continue
            for candidate in note_candidates(block, note.marker, mapping):
                if line_at(block, candidate.start).page == note.page:
                    glued = candidate.strong and not counts_in_series(block.text, candidate, series)
                    found.append((0 if glued else 1, block_index, candidate))
                elif note.marker.isdigit():
                    found.append((2, block_index, candidate))
            if not note.marker.isdigit() or block.kind is Kind.MASTHEAD:
                continue
            if not any(line.page == note.page for line in block.lines):
                continue
            for candidate in (
                *number_glued_markers(block.text, note.marker),
                *counted_markers(block.text, note.marker, mapping),
                *code_glued_markers(block.text, note.marker),
            ):
                if whole_run(block.text, candidate) in later:
                    continue
                if glued_evidence(block.text, candidate, numbers, mapping) >= 0:
                    found.append((3, block_index, candidate))
            for candidate in word_glued_markers(block.text, note.marker, mapping, numbers):
                found.append((3, block_index, candidate))
        options.append(
            [
                _Option(
                    index,
                    block_index,
                    candidate,
                    cost,
                    base[block_index] + min(candidate.insert, candidate.start),
                    base[block_index] + candidate.end,
                )
                for cost, block_index, candidate in found
            ]
        )
    return options


def paired_as_whole(
    blocks: Sequence[TextUnit], searchable: list[int], notes: list[Note], mapping: Mapping
) -> list[_Option]:
    """The places of the notes paired as a whole: of all the ways to give notes 1..N places
    that run in their order through the text, one that places the most notes, then at the
    least cost, then earliest. A longest chain over the options, found with a tree of
    maxima over where options end (n log n in the options)."""
    options = _options(blocks, searchable, notes, mapping)
    ends = sorted({option.end for group in options for option in group})
    if not ends:
        return []
    tree: list[tuple[int, int, int, int]] = [(0, 0, 0, -1)] * (len(ends) + 1)
    flat: list[_Option] = []
    back: list[int] = []
    scores: list[tuple[int, int, int, int]] = []

    def best_before(position: int) -> tuple[int, int, int, int]:
        at = bisect.bisect_right(ends, position)
        found = (0, 0, 0, -1)
        while at > 0:
            found = max(found, tree[at])
            at -= at & -at
        return found

    def record(end: int, score: tuple[int, int, int, int]) -> None:
        at = bisect.bisect_left(ends, end) + 1
        while at <= len(ends):
            tree[at] = max(tree[at], score)
            at += at & -at

    for group in options:
        scored = []
        for option in group:
            placed, cost, earliness, previous = best_before(option.start)
            score = (placed + 1, cost - option.cost, earliness - option.start, len(flat))
            flat.append(option)
            back.append(previous)
            scores.append(score)
            scored.append((option.end, score))
        for end, score in scored:  # after the group: no note stands twice in a chain
            record(end, score)
    at = max(range(len(flat)), key=lambda i: scores[i][:3])
    chain = []
    while at >= 0:
        chain.append(flat[at])
        at = back[at]
    return chain[::-1]


def apply_pairing(
    blocks: Sequence[TextUnit], notes: list[Note], chain: list[_Option]
) -> tuple[list[Placement], list[Diagnostic], bool]:
    """Cut the markers of the paired notes out of their blocks, last first in each block;
    the placements, the findings (a note placed by its order only, a note left out with the
    lines of the notes placed around it) and whether any marker stands apart from its word."""
    diagnostics: list[Diagnostic] = []
    offsets: dict[int, int] = {}  # by note: where it goes once its block lost its markers
    by_block: dict[int, list[_Option]] = {}
    for option in chain:
        by_block.setdefault(option.block, []).append(option)
    for block_index, group in by_block.items():
        block = blocks[block_index]
        removed = [0] * len(group)
        for position, option in sorted(enumerate(group), key=lambda x: -x[1].candidate.start):
            removed[position] = remove_marker(block, option.candidate)
        for option in group:
            cut_before = sum(
                removed[other]
                for other, earlier in enumerate(group)
                if earlier.candidate.end <= min(option.candidate.insert, option.candidate.start)
            )
            offsets[option.note] = option.candidate.insert - cut_before
    placed = {option.note: option for option in chain}
    placements = [Placement(o.block, offsets[o.note], o.note) for o in chain]
    for option in chain:
        if option.cost >= 2:
            diagnostics.append(
                by_order_finding(notes[option.note], blocks[option.block], option.candidate)
            )
    for index, note in enumerate(notes):
        if note.marker == "?" or index in placed:
            continue
        diagnostics.append(not_found_finding(note, notes_around(blocks, notes, placements, index)))
    spaced = any(o.candidate.insert < o.candidate.start for o in chain)
    return placements, diagnostics, spaced
