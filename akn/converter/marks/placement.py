"""Find where each footnote's marker stands in the text.

PDF text loses the superscript: "19671," is 1967 and note 1; "Sud-Est3," is note 3 after
"Sud-Est"; "activities, 1" is note 1 after a comma. Notes are numbered in order and each note
was printed at the bottom of the page that holds its marker, so note k is looked for on its
own page, after note k-1, as the first occurrence of k in a place a marker can stand: glued to
a word, glued to a year (five or six digits that read as a year then k), right after
punctuation, or alone between words when the word before does not count things ("paragraph 2",
"the 3 States") and the word after is not a month ("15 December") (``ordered_search``).

Where that search in order leaves a note without a place, the markers are paired as a whole
(``pairing``), and that pairing is kept if it places more notes. A number that repeats an
earlier note's marker later in the text becomes a reference to that note (``repeats``). A note
whose marker cannot be found is kept, attached to the preface, with a warning that names the
notes placed around it (``note_findings``).

This module holds only the order of those steps, on units of text; ``notes`` runs them on the
units of a tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from akn.converter.footnotes import Note
from akn.converter.marks.ordered_search import place_in_order
from akn.converter.marks.pairing import apply_pairing, paired_as_whole, worth_pairing
from akn.converter.marks.repeats import find_repeats
from akn.converter.marks.search_units import SEARCHED, Placement, TextUnit
from akn.diagnostics import Diagnostic
from akn.mapping import Mapping


def place_notes(
    blocks: Sequence[TextUnit], notes: list[Note], mapping: Mapping
) -> tuple[list[Placement], list[Diagnostic]]:
    """Find each note's marker in the blocks, then the later markers that repeat a note.

    Each note is looked for after the one before it, in order. Where that leaves notes
    without a place, a wrong early choice may be the cause ("nivel 3" taken for note 3 leaves
    notes 4 to 14 nowhere after it): the markers are then paired as a whole
    (``paired_as_whole``), and that pairing is kept if it places more notes."""
    searchable = [i for i, b in enumerate(blocks) if b.kind in SEARCHED]
    before = [(block.text, list(block.starts)) for block in blocks]
    placements, diagnostics, spaced = place_in_order(blocks, searchable, notes, mapping)
    if worth_pairing(blocks, searchable, notes, placements):
        in_order = [(block.text, list(block.starts)) for block in blocks]
        _restore(blocks, before)
        aligned = paired_as_whole(blocks, searchable, notes, mapping)
        if len(aligned) > len(placements):
            placements, diagnostics, spaced = apply_pairing(blocks, notes, aligned)
        else:
            _restore(blocks, in_order)
    placements.extend(
        find_repeats(blocks, searchable, notes, placements, mapping, diagnostics, spaced)
    )
    return placements, diagnostics


def _restore(blocks: Sequence[TextUnit], saved: list[tuple[str, list[int]]]) -> None:
    for block, (text, starts) in zip(blocks, saved, strict=True):
        block.text, block.starts = text, list(starts)
