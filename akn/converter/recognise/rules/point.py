"""numbering.point, numbering.subpoint, numbering.dash — a lettered point "(a)", a roman
sub-point "(i)", or an item labelled by a dash ("– achieve …").

A label opens a point only inside a paragraph, a recital that ends with a colon, or a list
already open, and after a line that closed an item, a layout break, or "…; and"/"…; or"; and
only where the numbering goes on: the next letter at level 1 ("(i)" after "(h)" is a letter,
not a roman one), "(a)" opening a list, the next roman numeral at level 2, "(i)" under a
point that introduces sub-points (its text ends with a colon or runs on without punctuation),
and "(i)" under a paragraph that ends with a colon: a list numbered in roman from the start.
A dash has no order to go on: it opens a list one level under the paragraph, recital or point
whose text ends with a colon, and the next item of a dash list already open; the Security
Council writes such lists under paragraphs and under roman sub-points (S/RES/2531 (2020)).
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Block, Kind
from akn.converter.recognise.numerals import letter_index, sub_point_value
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


def dash_point(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """A dash after a colon opens a list one level down; after a dash item, the next item."""
    match = line.starts_with_number(context.dash)  # first: few lines start with a dash
    current, progress = state.current, state.progress
    if match is None or current is None or not current.lines:
        return None
    if not (line.closed or line.separated or _ends_with_conjunction(line.prev_text, context)):
        return None
    points = progress.points
    if current.kind is Kind.POINT and points and points[-1][0] == "dash":
        level, count = len(points), points[-1][1] + 1  # the list goes on
    elif current.kind in (Kind.PARAGRAPH, Kind.POINT, Kind.RECITAL, Kind.TEXT) and introduces(
        current.lines[-1].text
    ):
        level, count = (current.level + 1 if current.kind is Kind.POINT else 1), 1
    else:
        return None
    return Match(
        "numbering.dash",
        Kind.POINT,
        replace(progress, points=(*points[: level - 1], ("dash", count))),
        num=match.group("num"),
        level=level,
        strip=match.end(),
    )


def _introduces(block: Block | None, kind: Kind = Kind.RECITAL) -> bool:
    """Does a recital (or a block of ``kind``) introduce a list ("… a major contribution
    to:" / "(a) International peace and security,")? Its text ends with a colon."""
    return (
        block is not None
        and block.kind is kind
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
    roman = sub_point_value(label, context.mapping)
    if letter is not None and level == 1:
        if len(points) >= 1 and points[0][1] + 1 == letter:
            return 1, (("letter", letter),)
        if not points and letter == 1:
            return 1, (("letter", 1),)
    if roman is not None:
        if len(points) == 1 and points[0] == ("roman", roman - 1):
            return 1, (("roman", roman),)  # a list numbered (i), (ii) … from the start
        if not points and roman == 1 and _introduces(state.current, Kind.PARAGRAPH):
            return 1, (("roman", 1),)
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
    return introduces(last) or not context.closed(last)
