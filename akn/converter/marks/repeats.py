"""A number that repeats an earlier note's marker later in the text: another reference to
that note (a ``noteRef``), where the words around it echo the words around the first one.

One pass over the blocks after each placed note, with a window of text around each candidate,
so that the time grows with the text, not with its notes times its blocks.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from akn.converter.blocks import Kind
from akn.converter.footnotes import Note
from akn.converter.marks.candidates import SUPERSCRIPT, SUPERSCRIPT_DIGITS, marker_candidates
from akn.converter.marks.marker_context import window_before
from akn.converter.marks.marker_cuts import cut_markers, remove_marker
from akn.converter.marks.number_series import DIGITS, counts_in_series, numbers_after
from akn.converter.marks.search_units import Candidate, Placement, TextUnit, line_at
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


def find_repeats(
    blocks: Sequence[TextUnit],
    searchable: list[int],
    notes: list[Note],
    placements: list[Placement],
    mapping: Mapping,
    diagnostics: list[Diagnostic],
    spaced_markers: bool = True,
) -> list[Placement]:
    """Later markers with the number of a note already placed: references back to it.

    ``spaced_markers``: does the text write any note's first marker apart from its word
    ("Rights, 1 the", as pdftotext leaves a superscript)? Where it glues them all, a number
    apart after a comma ("since 2011, 1 will graduate") is a repeat only where its words
    echo the note's place, as any number apart between words is.

    One pass over the blocks in order: in each, only the numbers of placed notes that end a
    number there are looked for, and a repeat belongs to the last note of that number placed
    before it. So the time grows with the text, not with its notes times its blocks."""
    origins, by_block = _placed_by_marker(notes, placements)
    if not origins:
        return []
    found: list[Placement] = []
    words_of: dict[int, set[str]] = {}  # by note: what it stood after
    # With a few notes, a substring test of each number rules most blocks out at C speed;
    # with many, the numbers of the block are read once instead (``_number_ends``).
    few = len(origins) <= _FEW_NOTES
    series = numbers_after(blocks, searchable, mapping)
    for block_index in searchable:
        block = blocks[block_index]
        if block.kind is Kind.MASTHEAD:
            continue
        text = block.text
        if few and not any(m in text for m in origins) and not SUPERSCRIPT.search(text):
            continue  # none of the few placed notes' numbers stands in the block
        taken = _repeats_in_block(
            blocks, block_index, origins, series, words_of, mapping, spaced_markers
        )
        if taken:
            kept = _without_overlaps(taken)
            found.extend(_cut_repeats(block, block_index, kept, notes, by_block, diagnostics))
    return found


def _placed_by_marker(
    notes: list[Note], placements: list[Placement]
) -> tuple[dict[str, list[Placement]], dict[int, list[Placement]]]:
    """The placements of the numbered notes by their marker, and all the placements by
    block, each in the order of the text."""
    origins: dict[str, list[Placement]] = {}  # marker -> its notes' placements, in order
    by_block: dict[int, list[Placement]] = {}
    for placement in sorted(placements, key=lambda p: (p.block, p.offset)):
        marker = notes[placement.note].marker
        if marker.isdigit():
            origins.setdefault(marker, []).append(placement)
        by_block.setdefault(placement.block, []).append(placement)
    return origins, by_block


def _repeats_in_block(
    blocks: Sequence[TextUnit],
    block_index: int,
    origins: dict[str, list[Placement]],
    series: dict[str, set[str]],
    words_of: dict[int, set[str]],
    mapping: Mapping,
    spaced_markers: bool,
) -> list[tuple[Candidate, Placement]]:
    """The candidates in one block that repeat a note placed before them, each with that
    note's placement (they may overlap: ``_without_overlaps`` chooses)."""
    text = blocks[block_index].text
    taken: list[tuple[Candidate, Placement]] = []
    for marker in _number_ends(text) & origins.keys():
        for candidate in marker_candidates(text, marker, mapping, repeat=True):
            origin = _origin_before(origins[marker], block_index, candidate.start)
            if origin is None or counts_in_series(text, candidate, series):
                continue  # "圆桌会议1：" where "圆桌会议2：" stands: round tables counted
            echo = _origin_words(blocks, origin, words_of, mapping.typography.spaced)
            if _reads_as_repeat(text, candidate, echo, mapping, spaced_markers):
                taken.append((candidate, origin))
    return taken


def _reads_as_repeat(
    text: str, candidate: Candidate, echo: set[str], mapping: Mapping, spaced_markers: bool
) -> bool:
    """Is a candidate with a placed note's number, ``echo`` the words its note stood after,
    that note again rather than a number of the text?"""
    spaced = mapping.typography.spaced
    weak = not candidate.strong and not (spaced_markers and _comma_before(text, candidate.start))
    if weak and not (
        text[candidate.end :].lstrip()[:1].islower()
        and _echoes(text, candidate.start, echo, spaced)
    ):
        return False  # "level 3 activation": a number between words counts things
    # "目标1和2加以": without spaces, a digit in a sentence counts things
    return (
        spaced or _ends_clause(text, candidate.end) or _echoes(text, candidate.start, echo, spaced)
    )


def _cut_repeats(
    block: TextUnit,
    block_index: int,
    kept: list[tuple[Candidate, Placement]],
    notes: list[Note],
    by_block: dict[int, list[Placement]],
    diagnostics: list[Diagnostic],
) -> list[Placement]:
    """Cut the repeats ``kept`` (last first) out of the block: their placements, each with
    its finding; the block's placements move once for all the cuts."""
    found: list[Placement] = []
    cuts: list[tuple[int, int, int]] = []
    for candidate, origin in kept:
        removed = remove_marker(block, candidate, cut_text=False)  # cut below, at once
        cuts.append((candidate.start, candidate.end, removed))
        repeat = Placement(block_index, candidate.insert, origin.note, repeat=True)
        found.append(repeat)
        by_block.setdefault(block_index, []).append(repeat)
        marker = notes[origin.note].marker
        diagnostics.append(
            Diagnostic(
                "N405",
                Severity.INFO,
                f"number {marker} after the note of that number read as another "
                f"reference to footnote {marker}",
                line=line_at(block, candidate.insert).number,
            )
        )
    _shift(by_block[block_index], cuts)
    block.text = cut_markers(block.text, [candidate for candidate, _ in kept])
    return found


_FEW_NOTES = 6


def _origin_before(origins: list[Placement], block: int, offset: int) -> Placement | None:
    """The last of a marker's notes placed before ``offset`` of ``block``."""
    before = [p for p in origins if (p.block, p.offset) < (block, offset)]
    return before[-1] if before else None


def _origin_words(
    blocks: Sequence[TextUnit], origin: Placement, cache: dict[int, set[str]], spaced: bool
) -> set[str]:
    """What the note placed at ``origin`` stood after (by note, worked out once)."""
    if origin.note not in cache:
        text = blocks[origin.block].text
        cache[origin.note] = _words(window_before(text, origin.offset), spaced=spaced)
    return cache[origin.note]


def _ends_clause(text: str, end: int) -> bool:
    """Does punctuation (or the end of the text) follow a marker's digits?"""
    following = text[end : end + 1]
    return not following or following in ",;:.)，。；：、）》」』"


def _without_overlaps(
    taken: list[tuple[Candidate, Placement]],
) -> list[tuple[Candidate, Placement]]:
    """The repeats found in one block, last first (cutting one leaves the offsets before it
    as they are); of two that overlap ("2021": note 1 and note 21), the earlier note's."""
    kept: list[tuple[Candidate, Placement]] = []
    # The kept spans, by where they start: they do not overlap, so their ends are in order
    # too, and a span overlaps one of them only if it overlaps the last that starts before
    # its end (a look-up, not a comparison with every span kept: 16,000 repeats in one block).
    starts: list[int] = []
    ends: list[int] = []
    for candidate, origin in sorted(taken, key=lambda item: item[1].note):
        at = bisect.bisect_left(starts, candidate.end)
        if at and ends[at - 1] > candidate.start:
            continue
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
        kept.append((candidate, origin))
    return sorted(kept, key=lambda item: item[0].start, reverse=True)


def _shift(placements: Sequence[Placement], cuts: list[tuple[int, int, int]]) -> None:
    """Move the placements of a block as cutting ``cuts`` (each: where its marker starts,
    ends, and how many characters the cut takes, up to its end), last first, moves them: a
    placement after a cut's marker moves back by what the cut took.

    Where the cuts do not overlap and no placement stands inside a marker's digits (always,
    but for made-up input), a placement moves by the sum of what the cuts before it took:
    found with a look-up, not a pass over every placement for every cut. Else one by one."""
    cuts = sorted(cuts)
    starts = [start for start, _, _ in cuts]
    apart = all(  # each cut ends before the next one's cut (up to its end) begins
        end <= after_end - after_removed
        for (_, end, _), (_, after_end, after_removed) in itertools.pairwise(cuts)
    )
    if not apart or any(_inside(cuts, starts, p.offset) for p in placements):
        for start, _, removed in reversed(cuts):
            for placement in placements:
                if placement.offset > start:
                    placement.offset -= removed
        return
    before = [0, *itertools.accumulate(removed for _, _, removed in cuts)]
    for placement in placements:
        placement.offset -= before[bisect.bisect_left(starts, placement.offset)]


def _inside(cuts: list[tuple[int, int, int]], starts: list[int], offset: int) -> bool:
    """Does ``offset`` stand inside the digits of the last marker that starts before it?"""
    at = bisect.bisect_left(starts, offset)
    return at > 0 and offset < cuts[at - 1][1]


def _number_ends(text: str) -> set[str]:
    """The endings of up to four digits of the numbers in ``text`` ("2021": "1", "21", "021",
    "2021"): the note numbers a marker in it can have."""
    plain = text.translate(SUPERSCRIPT_DIGITS) if SUPERSCRIPT.search(text) else text
    return {run[-size:] for run in DIGITS.findall(plain) for size in range(1, 5)}


def _words(text: str, count: int = 4, spaced: bool = True) -> set[str]:
    """The last ``count`` words of ``text`` that are long enough to say what it is about; in
    a script written without spaces, every three characters in a row of its last ten."""
    if not spaced:
        tail = text.rstrip()[-10:]
        return {tail[i : i + 3] for i in range(len(tail) - 2)}
    words = (word.strip(",.;:()“”\"'’").casefold() for word in text.split()[-count:])
    return {word for word in words if len(word) >= 4}


def _echoes(text: str, start: int, origin_words: set[str], spaced: bool = True) -> bool:
    """Do the words before a spaced number name what the note of that number stood after
    ("…Sustainable Development, 2" … "Sustainable Development Goals 2 for")? Then it is the
    note again; otherwise ("the level 3 activation") it is a number of the text. Without
    spaces: do the three characters before it stand just before the note ("议程》2")?"""
    if not spaced:
        return window_before(text, start).rstrip()[-3:] in origin_words
    return bool(_words(window_before(text, start), 3) & origin_words)


def _comma_before(text: str, start: int) -> bool:
    return window_before(text, start).rstrip().endswith(",")
