"""The reading order of a line's glyphs, and the brackets and quotes of a right-to-left one.

A left-to-right line is read as it stands. A right-to-left line is read from its right end,
with its numbers and Latin words kept left to right (the bidi algorithm's runs: "A/75/73",
"2489 (2019)"), its brackets mirrored back and read as pairs, and its quotation marks
mirrored. This is the one part of the line reader that rewrites glyphs' text; which lines
read right to left is decided before, in direction.py.
"""

from __future__ import annotations

from akn.converter.pdf.direction import CLOSING, OPENING, char_direction
from akn.converter.pdf.glyphs import Glyph

_MIRRORED = str.maketrans(OPENING + CLOSING, CLOSING + OPENING)
_QUOTES = str.maketrans("“”", "”“")


def reading_order(
    clusters: list[list[Glyph]], rtl: bool, carried: int = 0
) -> tuple[list[Glyph], int]:
    """Left to right; for a right-to-left line, right to left with the left-to-right parts
    turned back, its brackets mirrored (a right-to-left part draws "(" with the glyph of
    ")"; the reader knows a parenthesis by its shape, see glyphs.py; other brackets, known
    by their text, are read as pairs, see ``_pair_brackets``) and its quotation marks
    mirrored: the UN's Arabic opens a quotation with ” and closes it with “, which the page
    draws as “ and ”."""
    if not rtl:
        return [glyph for cluster in clusters for glyph in cluster], 0
    clusters = sorted(clusters, key=lambda cluster: -cluster[0].x)  # ties: in the PDF's order
    firsts = [cluster[0] for cluster in clusters]
    result: list[list[Glyph]] = []
    brackets: list[Glyph] = []
    spans = _rtl_runs([char_direction(g.char) for g in firsts], firsts, carried)
    for start, end, turned in spans:
        part = clusters[start:end]
        if turned:
            result.extend(reversed(part))
            continue
        for cluster in part:
            glyph = cluster[0]
            glyph.char = glyph.char.translate(_QUOTES)
            if glyph.char in "()":
                glyph.char = glyph.char.translate(_MIRRORED)
            elif glyph.char in OPENING or glyph.char in CLOSING:
                brackets.append(glyph)
        result.extend(part)
    _pair_brackets(brackets)
    return [glyph for cluster in result for glyph in cluster], _left_open(firsts, spans)


def _left_open(glyphs: list[Glyph], spans: list[tuple[int, int, bool]]) -> int:
    """How many brackets the line's last run of Latin leaves open, when it ends the line
    (the Latin goes on on the next line: "(Vol." / "III))")."""
    while spans and not spans[-1][2] and not glyphs[spans[-1][0]].char.strip():
        spans = spans[:-1]
    if not spans or not spans[-1][2]:
        return 0
    depth = 0
    for glyph in reversed(glyphs[spans[-1][0] : spans[-1][1]]):  # left to right
        if glyph.char in OPENING:
            depth += 1
        elif glyph.char in CLOSING and depth:
            depth -= 1
    return depth


def _pair_brackets(brackets: list[Glyph]) -> None:
    """Read the brackets of a right-to-left line, in reading order, as pairs. A producer
    draws an Arabic text's "(" with the glyph of ")" (mirrored, as the bidi algorithm
    says), or not (some draw a note's marker "(1)" as it is written, or mirror only one of
    a pair): a closing bracket with no opening one before it is a mirrored opening one, and
    the bracket that closes it may be drawn either way; of two left open at the end of the
    line, the second closes the first ("(الوثيقة S/2019/198(", the producer giving the
    glyph of "(" the one text it has); one left open is mirrored (the usual case)."""
    stack: list[tuple[Glyph, bool]] = []  # (the opening bracket, was it mirrored?)
    for glyph in brackets:
        char = glyph.char
        if char in OPENING:
            if stack and stack[-1][1]:  # closes a mirrored opening one: mirrored too
                glyph.char = char.translate(_MIRRORED)
                stack.pop()
            else:
                stack.append((glyph, False))
        elif stack and OPENING.index(stack[-1][0].char) == CLOSING.index(char):
            stack.pop()  # closes the one open, as it is drawn
        else:
            glyph.char = char.translate(_MIRRORED)
            stack.append((glyph, True))
    while len(stack) >= 2 and not stack[-1][1] and not stack[-2][1]:
        stack[-1][0].char = stack[-1][0].char.translate(_MIRRORED)  # "(… (": it closes
        del stack[-2:]
    for glyph, mirrored in stack:
        if not mirrored:
            glyph.char = glyph.char.translate(_MIRRORED)


def _rtl_runs(
    directions: list[str], glyphs: list[Glyph], carried: int = 0
) -> list[tuple[int, int, bool]]:
    """(start, end, left-to-right?) spans of a line read right to left. A stretch without
    right-to-left letters that holds a Latin letter is left-to-right from its first to its
    last strong character ("A/75/73", "E/2020/52/Rev.1"); one of digits alone is cut into
    numbers (digits joined by single separators: "2019/27", "1,000"), the brackets and spaces
    between them staying right to left ("2489 (2019)"), as the bidi algorithm reads numbers."""
    spans: list[tuple[int, int, bool]] = []
    at = 0
    while at < len(directions):
        if directions[at] not in ("L", "D"):
            spans.append((at, at + 1, False))
            at += 1
            continue
        end = at
        last = at
        while end < len(directions) and directions[end] != "R":
            if directions[end] in ("L", "D"):
                last = end
            end += 1
        latin = "L" in directions[at : last + 1] or bool(
            carried and all(glyphs[span[0]].char in CLOSING for span in spans)
        )  # a number that goes on with the line before's Latin ("(Sect." / "13)") too
        number = _leading_number(directions, glyphs, at) if latin else None
        if number is not None:  # "(1) A/75/73.": a note's marker, then Latin
            spans += _numbers(directions, at, number)
            at = number
            continue
        if latin:
            # with the full stop that ends its last word on a line's end ("vol. 961, No." /
            # "13810"), and the brackets that close a pair opened in it
            begin = at
            if spans and spans[-1] == (at - 1, at, False) and glyphs[at - 1].char in _STOPS:
                spans.pop()
                begin -= 1
            while spans and spans[-1] == (begin - 1, begin, False) and _closes(glyphs, begin, last):
                spans.pop()
                begin -= 1
            # the line's first Latin closes the brackets the line before left open
            closed = begin
            while (
                carried
                and spans == [(begin - 1, begin, False)]
                and glyphs[begin - 1].char in CLOSING
            ):
                spans.pop()
                begin -= 1
                carried -= 1
            carried = 0
            spans += _matched(directions, glyphs, begin, last + 1, closed)
        else:
            spans += _numbers(directions, at, last + 1)
        at = last + 1
    return spans


# Punctuation that touches the right end of a Latin word read right to left is the word's
# own (on a right-to-left page, the punctuation after a Latin word stands at its left).
_STOPS = ".,;:"


def _closes(glyphs: list[Glyph], begin: int, last: int) -> bool:
    """Does the glyph read before ``begin`` close a bracket that the stretch from ``begin``
    to ``last`` (read right to left) leaves open? Then the two are a pair of its own, left
    to right as it is (the bidi algorithm's rule N0: "A/75/23 (Part I)")."""
    char = glyphs[begin - 1].char
    if char not in CLOSING:
        return False
    depth = 0
    for glyph in glyphs[begin : last + 1]:  # from the stretch's right end: its last letters
        if glyph.char in CLOSING:
            depth += 1
        elif glyph.char in OPENING:
            if depth == 0:
                return OPENING.index(glyph.char) == CLOSING.index(char)
            depth -= 1
    return False


def _matched(
    directions: list[str], glyphs: list[Glyph], start: int, end: int, closed: int = 0
) -> list[tuple[int, int, bool]]:
    """A stretch of Latin as left-to-right runs: one, unless a closing bracket in it, read
    left to right (a parenthesis known by its shape), closes nothing. That bracket stands
    right to left between two runs, and parts the stretch there: "23 (A/75/23)" drawn
    ")32/57/A( 32" from the right is a number, then the Latin between brackets, not
    "A/75/23) 23". (An opening bracket left open is the stretch's own: it closes on the
    next line, "(Vol." / "III)".)"""
    cuts: list[int] = []
    opened: list[str] = []
    for index in range(end - 1, start - 1, -1):  # left to right
        char = glyphs[index].char
        if char in OPENING:
            opened.append(CLOSING[OPENING.index(char)])
        elif char in CLOSING:
            if opened and opened[-1] == char:
                opened.pop()
            elif index >= closed:  # (those before ``closed`` close the line before's)
                cuts.append(index)
    if not cuts:
        return [(start, end, True)]
    spans: list[tuple[int, int, bool]] = []
    at = start
    for cut in [*sorted(cuts), end]:
        spans += _piece(directions, at, cut)
        if cut < end:
            spans.append((cut, cut + 1, False))
        at = cut + 1
    return spans


def _piece(directions: list[str], start: int, end: int) -> list[tuple[int, int, bool]]:
    """A part of a stretch of Latin beside a bracket that stands right to left: its spaces
    and signs at either end right to left, the rest one left-to-right run (or numbers)."""
    strong = [i for i in range(start, end) if directions[i] in ("L", "D")]
    if not strong:
        return [(i, i + 1, False) for i in range(start, end)]
    first, last = strong[0], strong[-1] + 1
    core = (
        [(first, last, True)]
        if "L" in directions[first:last]
        else _numbers(directions, first, last)
    )
    before = [(i, i + 1, False) for i in range(start, first)]
    return before + core + [(i, i + 1, False) for i in range(last, end)]


def _leading_number(directions: list[str], glyphs: list[Glyph], at: int) -> int | None:
    """Where the number that opens a stretch of Latin read right to left ends, when it is
    a superscript (a note's marker, "(1) A/75/73."): its own run, not part of the Latin
    one. A number after the Latin in the line's order ("No. 22341" read from the right) is
    the Latin's last word: the bidi algorithm keeps it in the Latin run."""
    end = at
    while end < len(directions) and directions[end] in ("D", "C"):
        end += 1
    if end == at or end >= len(glyphs) or directions[end - 1] != "D":
        return None
    return end if glyphs[at].sup else None


def _numbers(directions: list[str], start: int, end: int) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    at = start
    while at < end:
        if directions[at] != "D":
            spans.append((at, at + 1, False))
            at += 1
            continue
        stop = at + 1
        while stop < end and (
            directions[stop] == "D"
            or (directions[stop] == "C" and stop + 1 < end and directions[stop + 1] == "D")
        ):
            stop += 1
        spans.append((at, stop, True))
        at = stop
    return spans
