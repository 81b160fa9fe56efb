"""Find where each footnote's marker stands in the text.

PDF text loses the superscript: "19671," is 1967 and note 1; "Sud-Est3," is note 3 after
"Sud-Est"; "activities, 1" is note 1 after a comma. Notes are numbered in order and each note
was printed at the bottom of the page that holds its marker, so note k is looked for on its
own page, after note k-1, as the first occurrence of k in a place a marker can stand: glued to
a word, glued to a year (five or six digits that read as a year then k), right after
punctuation, or alone between words when the word before does not count things ("paragraph 2",
"the 3 States") and the word after is not a month ("15 December").

Where that search in order leaves a note without a place, the markers are paired as a whole:
of all the ways to give notes 1..N places that run in their order through the text, the one
that places the most notes, at the least cost (glued on the note's page first, a last resort
last). One marker lost then costs its own note, not every note after the wrong place taken
for it.

A number that repeats an earlier note's marker later in the text becomes a reference to that
note. A note whose marker cannot be found is kept, attached to the preface, with a warning
that names the notes placed around it.
"""

from __future__ import annotations

import bisect
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
    after_year_range,
    code_glued_markers,
    counted_markers,
    counts_in_series,
    line_at,
    marker_candidates,
    number_glued_markers,
    numbers_after,
    remove_marker,
    window_before,
    word_glued_markers,
)
from akn.converter.marks.repeats import find_repeats
from akn.converter.tree import Node, NoteMark, SourceLine, Tree
from akn.diagnostics import Diagnostic, Severity
from akn.mapping import Mapping


def place_notes(
    blocks: Sequence[TextUnit], notes: list[Note], mapping: Mapping
) -> tuple[list[Placement], list[Diagnostic]]:
    """Find each note's marker in the blocks, then the later markers that repeat a note.

    Each note is looked for after the one before it, in order. Where that leaves notes
    without a place, a wrong early choice may be the cause ("nivel 3" taken for note 3 leaves
    notes 4 to 14 nowhere after it): the markers are then paired as a whole (``_aligned``),
    and that pairing is kept if it places more notes."""
    searchable = [i for i, b in enumerate(blocks) if b.kind in SEARCHED]
    before = [(block.text, list(block.starts)) for block in blocks]
    placements, diagnostics, spaced = _place_in_order(blocks, searchable, notes, mapping)
    if _worth_aligning(blocks, searchable, notes, placements):
        in_order = [(block.text, list(block.starts)) for block in blocks]
        _restore(blocks, before)
        aligned = _aligned(blocks, searchable, notes, mapping)
        if len(aligned) > len(placements):
            placements, diagnostics, spaced = _apply(blocks, notes, aligned)
        else:
            _restore(blocks, in_order)
    placements.extend(
        find_repeats(blocks, searchable, notes, placements, mapping, diagnostics, spaced)
    )
    return placements, diagnostics


def _place_in_order(
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
                diagnostics.append(_by_order(note, blocks[found[0]], found[1]))
        if found is None:
            lost.append((len(diagnostics), index))
            diagnostics.append(_not_found(note))
            continue
        block_index, candidate = found
        spaced = spaced or candidate.insert < candidate.start
        remove_marker(blocks[block_index], candidate)
        placements.append(Placement(block_index, candidate.insert, index))
        cursor = (block_index, candidate.insert)
    for at, index in lost:
        diagnostics[at] = _not_found(notes[index], _around(blocks, notes, placements, index))
    return placements, diagnostics, spaced


def _by_order(note: Note, block: TextUnit, candidate: Candidate) -> Diagnostic:
    return Diagnostic(
        "N403",
        Severity.INFO,
        f"marker of footnote {note.marker} read where only the order of the notes puts it: "
        "glued to a number or code ('HIV/AIDS7'), or away from the page that prints the note",
        line=line_at(block, candidate.start).number,
    )


def _not_found(note: Note, around: str = "") -> Diagnostic:
    return Diagnostic(
        "N404",
        Severity.WARNING,
        f"marker of footnote {note.marker} not found in the text; the note is kept and "
        f"attached to the preface{around}",
        line=note.marker_line.number,
    )


def _around(
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


def _restore(blocks: Sequence[TextUnit], saved: list[tuple[str, list[int]]]) -> None:
    for block, (text, starts) in zip(blocks, saved, strict=True):
        block.text, block.starts = text, list(starts)


# How much text the whole-document pairing may read: every note's candidates are looked for
# in every block, so its cost is the notes times the text (a made-up text of thousands of
# notes and megabytes keeps the pairing in order only).
_ALIGNING_BUDGET = 20_000_000


def _worth_aligning(
    blocks: Sequence[TextUnit], searchable: list[int], notes: list[Note], placed: list[Placement]
) -> bool:
    """Did the search in order leave a numbered note without a place, among enough notes for
    their order to say something, in a text small enough to pair as a whole?"""
    numbered = [i for i, note in enumerate(notes) if note.marker.isdigit()]
    placed_notes = {p.note for p in placed}
    if len(numbered) < 3 or all(i in placed_notes for i in numbered):
        return False
    size = sum(len(blocks[i].text) for i in searchable)
    return size * len(numbered) <= _ALIGNING_BUDGET


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
            for candidate in _candidates(block, note.marker, mapping):
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
                if _whole_run(block.text, candidate) in later:
                    continue
                if _glued_evidence(block.text, candidate, numbers, mapping) >= 0:
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


def _aligned(
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


def _apply(
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
                _by_order(notes[option.note], blocks[option.block], option.candidate)
            )
    for index, note in enumerate(notes):
        if note.marker == "?" or index in placed:
            continue
        diagnostics.append(_not_found(note, _around(blocks, notes, placements, index)))
    spaced = any(o.candidate.insert < o.candidate.start for o in chain)
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
        for candidate in _candidates(block, note.marker, mapping):
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


def _candidates(block: TextUnit, marker: str, mapping: Mapping) -> list[Candidate]:
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
            if _whole_run(block.text, candidate) in later:
                continue  # "Principles14": the marker of note 14, not 1 and note 4
            if candidate in glued_after:
                evidence = 0  # the word after it, written alone elsewhere, is the evidence
            else:
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
    if whole.isdigit() and len(whole) == 4 and after_year_range(text, candidate.end - 4):
        return -1  # "(2008–2017)": the end of a range of years
    if _in_date(text, candidate.end - len(whole), candidate.end, mapping):
        return -1  # "24 December 2011,", "del 7 al 12 de marzo": a date's year or day, whole
    rest_seen, whole_seen = numbers[rest] > 0, numbers[whole] > 1  # > 1: besides this one
    if rest_seen and not whole_seen:
        return 1
    if whole_seen and not rest_seen:
        return -1
    return 0


def _in_date(text: str, start: int, end: int, mapping: Mapping) -> bool:
    """Is the number ``text[start:end]`` the day or the year of a date the language writes?"""
    pattern, months = mapping.dates.pattern, mapping.dates.months

    def named_month(date: re.Match[str]) -> bool:
        month = date.group("month")
        return month.isdigit() or month.casefold() in months

    day = pattern.match(text, start)
    if day is not None and day.start("day") == start and day.end("day") == end:
        return named_month(day)
    for date in pattern.finditer(text, max(0, start - 40), end):
        if date.start("year") == start and date.end("year") == end:
            return named_month(date)
    return False


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
