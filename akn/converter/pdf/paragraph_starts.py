"""Where a page's paragraphs open, by its geometry: line pitch, margins and first-line indents.

The UN's paragraphs stand apart (a vertical gap wider than the page's line pitch) or open
indented; the page shows what a text path would have to guess. The pitch, the margins and
the indent are measured as clusters of the page's own values, and taken from the page
before where a page shows too few lines to say. Separate from ``line_table``, which writes
the blank lines and indents these measures decide.
"""

from __future__ import annotations

import itertools

from akn.converter.pdf.page_lines import PageLine


class FirstLineIndent:
    """First-line indents: where the page's body lines start (the left margin, or the right
    one for right-to-left lines), and which lines start further in. A line indented after
    one that is not opens a paragraph, and so does an indented line at the top of a page:
    the page says what a line ending in a comma does not ("…深表关切，" / a page break /
    "在这方面，…" is two paragraphs)."""

    def __init__(self, lines: list[PageLine], size: float, before: FirstLineIndent | None) -> None:
        """The margins and indent of ``lines``; what a page shows too few lines to say (a
        page of one paragraph's end) is taken from the page ``before``."""
        self.size = size
        body = [line for line in lines if abs(line.size - size) < 0.5 and not line.rtl]
        rtl = [line for line in lines if abs(line.size - size) < 0.5 and line.rtl]
        ltr = [line for line in body if not line.rule]
        self.left = _margin([(line.x0, line.x1) for line in ltr], size, -1)
        self.right = _margin([(line.x1, line.x0) for line in rtl], size, 1)
        if before is not None:
            self.left = before.left if self.left is None else self.left
            self.right = before.right if self.right is None else self.right
        depths = [depth for line in body + rtl if (depth := self._depth(line))]
        # the page's first-line indent: a depth several lines share (centred lines do not)
        # origins are exact; a right-to-left line's right end is its first letter's advance,
        # which the producer's italic or a mark may leave a little short of the margin
        self.reach = (_RTL_REACH if len(rtl) > len(body) else _LTR_REACH) * size
        self.indent = _densest(depths, self.reach, 2)
        if self.indent is None and before is not None:
            self.indent = before.indent

    def _depth(self, line: PageLine) -> float | None:
        """How far in from the margin a line starts, when that is 0.8 to 5 ems (the UN indents
        by half an inch: 3.6 ems of its 10-point text)."""
        margin = self.right if line.rtl else self.left
        if margin is None or abs(line.size - self.size) >= 0.5:
            return None
        depth = margin - line.x1 if line.rtl else line.x0 - margin
        return depth if 0.8 * self.size <= depth <= 5 * self.size else None

    def indented(self, line: PageLine) -> bool:
        """Does ``line`` start at the page's first-line indent? A little further in too: a
        space set after the indent (the UN's own text opens some paragraphs with a tab,
        "\tوإذ تشير", which the page draws as a space more)."""
        depth = self._depth(line)
        if depth is None or self.indent is None:
            return False
        return -self.reach <= depth - self.indent <= self.reach + _SPACE_AFTER * self.size

    def at_margin(self, line: PageLine) -> bool:
        margin = self.right if line.rtl else self.left
        edge = line.x1 if line.rtl else line.x0
        return margin is not None and abs(edge - margin) <= 0.3 * self.size

    def starts(self, line: PageLine, previous: PageLine | None) -> bool:
        """Does ``line`` open a paragraph: indented, at the top of the page or after a line
        that starts at the margin (not after a centred one)?"""
        return self.indented(line) and (previous is None or self.at_margin(previous))


# Ems: how far the first lines of one page may differ in indent.
_LTR_REACH, _RTL_REACH = 0.15, 0.25
# Ems: the widest space a first line may open with after its indent.
_SPACE_AFTER = 0.5


def _densest(values: list[float], reach: float, least: int, outward: int = 0) -> float | None:
    """The middle of the densest cluster of ``values`` (those within ``reach`` of one of
    them) if it holds ``least`` or more; of two as dense, the smaller (``outward`` -1: a
    left margin) or the larger (1: a right one). A cluster, not the most common rounded
    value: the ink of a line's last letter ends a little off the margin, differently on
    every line, and rounding splits one margin or indent into two or three values."""
    best: tuple[int, float] | None = None
    middle = None
    for value in values:
        near = sorted(other for other in values if abs(other - value) <= reach)
        key = (len(near), outward * value)
        if best is None or key > best:
            best, middle = key, near[len(near) // 2]
    return middle if best is not None and best[0] >= least else None


# A margin: the outermost place where at least this share of a page's lines start.
_MARGIN_SHARE = 0.2


def _margin(edges: list[tuple[float, float]], size: float, outward: int) -> float | None:
    """The margin lines start at, from each line's (start, end): the middle of the densest
    cluster of starts (within a point of one of them) if two lines or more share it, of two
    as dense the outer one (``outward`` -1: the left margin, 1: the right one); but a cluster
    further out that holds a fair share of the lines (``_MARGIN_SHARE``) and a line that
    ends where the densest cluster's lines end (within an em) is the margin: on a page of
    one-line paragraphs (a Council resolution) more lines start at the indent than at the
    margin. (Lines that only start further out, ending short, are no margin: the masthead's
    session and agenda item, in the outer margin.)"""
    densest = _densest([start for start, _ in edges], 1.0, 2, outward)
    if densest is None:
        return None
    ends = _densest([end for start, end in edges if abs(start - densest) <= 1.0], size, 2)
    if ends is None:
        return densest
    least = max(2, _MARGIN_SHARE * len(edges))
    for start, _ in sorted(edges, key=lambda edge: -outward * edge[0]):
        if outward * (start - densest) <= 1.0:
            break
        near = [(other, end) for other, end in edges if abs(other - start) <= 1.0]
        if len(near) >= least and any(abs(end - ends) <= size for _, end in near):
            return sorted(other for other, _ in near)[len(near) // 2]
    return densest


# Points: how far the baselines of two lines of one paragraph may differ from the pitch.
_PITCH_REACH = 0.5


def line_pitch(lines: list[PageLine], size: float, before: float | None = None) -> float:
    """The distance between the baselines of two lines of a paragraph: the smallest that two
    pairs of lines share (the gaps between paragraphs are wider, and on a page of one-line
    paragraphs they are the most common), else the page ``before``'s."""
    gaps = sorted(
        gap
        for above, below in itertools.pairwise(lines)
        if 0.8 * size <= (gap := above.y - below.y) <= 2.5 * size
    )
    for gap in gaps:
        near = [other for other in gaps if abs(other - gap) <= _PITCH_REACH]
        if len(near) >= 2:
            return near[len(near) // 2]
    return before if before is not None else (gaps[0] if gaps else 1.2 * size)
