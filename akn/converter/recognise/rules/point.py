"""numbering.point, numbering.subpoint — a lettered point "(a)" or a roman sub-point "(i)".

A label opens a point only inside a paragraph, a recital that ends with a colon, or a list
already open, and after a line that closed an item, a layout break, or "…; and"/"…; or"; and
only where the numbering goes on: the next letter at level 1 ("(i)" after "(h)" is a letter,
not a roman one), "(a)" opening a list, the next roman numeral at level 2, "(i)" under a
point that introduces sub-points (its text ends with a colon or runs on without punctuation).
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Block, Kind
from akn.converter.recognise.numerals import letter_index, roman_to_int
from akn.converter.recognise.punctuation import introduces
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone


def point(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A letter or roman numeral that goes on opens a point or sub-point inside a paragraph."""
    progress, current = state.progress, state.current
    if progress.zone is Zone.PREAMBLE and not progress.points and not _introduces(current):
        return None
    inside = (
        (current is not None and current.kind in (Kind.PARAGRAPH, Kind.POINT, Kind.TEXT))
        or bool(progress.points)
        or _introduces(current)
    )
    if not inside:
        return None
    if not (line.closed or line.separated or _ends_with_conjunction(line.prev_text, context)):
        return None
    for level, pattern in ((1, context.point), (2, context.subpoint)):
        match = line.starts_with_number(pattern)
        if match is None:
            continue
        opened = _opens_level(match.group("num"), level, state, context)
        if opened is None:
            continue
        decided, points = opened
        return Match(
            f"numbering.{'point' if decided == 1 else 'subpoint'}",
            Kind.POINT,
            replace(progress, points=points),
            num=match.group(0),
            level=decided,
            strip=match.end(),
        )
    return None


def _introduces(block: Block | None) -> bool:
    """Does a recital introduce a list ("… a major contribution to:" / "(a) International
    peace and security,")? Its text ends with a colon."""
    return (
        block is not None
        and block.kind is Kind.RECITAL
        and bool(block.lines)
        and introduces(block.lines[-1].text)
    )


def _ends_with_conjunction(text: str, context: Context) -> bool:
    """ "…; or" / "…; and": the item before the last point of a list."""
    words = text.split()
    return (
        bool(words)
        and words[-1] in context.conjunctions
        and len(words) > 1
        and context.closed(" ".join(words[:-1]))
    )


def _opens_level(
    label: str, level: int, state: ReaderState, context: Context
) -> tuple[int, tuple[tuple[str, int], ...]] | None:
    """Is ``label`` the next point at some level? The level it opens and the open levels
    after it, if it is."""
    points = state.progress.points
    letter = letter_index(label, context.numbering)
    roman = roman_to_int(label) if not label.isdigit() else int(label)
    if letter is not None and level == 1:
        if len(points) >= 1 and points[0][1] + 1 == letter:
            return 1, (("letter", letter),)
        if not points and letter == 1:
            return 1, (("letter", 1),)
    if roman is not None:
        if len(points) >= 2 and points[1][1] + 1 == roman:
            return 2, (points[0], ("roman", roman))
        if len(points) == 1 and roman == 1 and _introduces_subpoints(state, context):
            return 2, (*points, ("roman", 1))
    return None


def _introduces_subpoints(state: ReaderState, context: Context) -> bool:
    """The current point introduces sub-points: its text so far ends with a colon, or with no
    punctuation at all (the sentence runs on into its sub-points, as a language that puts the
    preposition after its noun may write it: "…, with respect" / "(i) States…")."""
    block = state.current
    if block is None or block.kind is not Kind.POINT:
        return False
    last = block.lines[-1].text.rstrip()
    return last.endswith(":") or not context.closed(last)
