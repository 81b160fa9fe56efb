"""Which way a line reads: left to right, or right to left (Arabic, Hebrew).

A line of more right-to-left letters than left-to-right ones reads right to left. A line
without any (numbers, or Latin) takes the page's direction when most of the page reads right
to left and the line stands as such a line does: ending at the right margin, or with its
brackets mirrored, or with a note's marker at its right end. This is a decision about a whole
line, made from its characters' bidirectional classes and its place on the page; it is kept
apart from the order in which a right-to-left line's glyphs are then read
(reading_order.py), which uses the same classes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from akn.converter.pdf.glyphs import Glyph

OPENING, CLOSING = "([{<«", ")]}>»"


def line_is_rtl(
    part: list[list[Glyph]], size: float, letters_rtl: bool | None, right: float | None
) -> bool:
    """Does the line (its clusters left to right) read right to left? ``letters_rtl`` is what
    its letters say (``is_rtl``), ``right`` the page's right-to-left margin (``rtl_margin``)."""
    if letters_rtl is False and right is not None:
        return True  # Arabic words among more Latin ("انظر E/FFDF/2020/3."): the page's
    if letters_rtl is None:  # no right-to-left letter: numbers, or a line of Latin
        return right is not None and (
            _right_aligned(part, size, right)
            or _mirrored([c[0] for c in part])
            or part[-1][0].sup  # a note's marker at the right margin: "(16) Global …"
        )
    return letters_rtl


def rtl_margin(parts: list[tuple[list[list[Glyph]], float, float, bool | None]]) -> float | None:
    """Where the right-to-left lines of a page mostly end (their right margin), if most of
    the page's lines are right to left."""
    ends = [part[-1][0].x for part, _, _, rtl in parts if rtl]
    if len(ends) * 2 <= len(parts):
        return None
    return Counter(round(end) for end in ends).most_common(1)[0][0]


def _right_aligned(part: list[list[Glyph]], size: float, right: float) -> bool:
    """A line of Latin on a right-to-left page is read right to left when it ends at the
    right margin and starts well inside the left one: a note's line ("(1) A/75/73."), the
    end of a paragraph ("23 (A/75/23)."), not the masthead's symbol or date."""
    left, end = part[0][0].x, part[-1][0].x
    return abs(end - right) <= 1.5 * size and end - left < 30 * size


def _mirrored(glyphs: list[Glyph]) -> bool:
    """Do the brackets of these glyphs, left to right, close before they open ("211220 )A(
    20-16939")? Then they were laid out right to left, mirrored."""
    depth = 0
    for glyph in glyphs:
        if glyph.char in OPENING:
            depth += 1
        elif glyph.char in CLOSING:
            depth -= 1
            if depth < 0:
                return True
    return False


def is_rtl(glyphs: list[Glyph]) -> bool | None:
    """True for a line of more right-to-left letters than left-to-right ones, False for one
    of fewer, None for a line without any (the page's direction decides)."""
    if all(glyph.char < "\u0590" or "\u0900" <= glyph.char < "\ufb1d" for glyph in glyphs):
        return None  # no Hebrew or Arabic letter: most lines, at once
    strong = Counter(char_direction(glyph.char) for glyph in glyphs)
    return strong["R"] > strong["L"] if strong["R"] else None


def char_direction(char: str) -> str:
    """ "R" for a right-to-left letter, "L" for a left-to-right letter, "D" for a digit, and
    for what may join the digits of one number "C" (a common separator: "/", ".", ",", ":")
    or "S" (a sign: "+", "-", "%"); else "N"."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "D"
    if kind == "CS":
        return "C"
    if kind in ("ES", "ET"):
        return "S"
    return "N"
