"""A page's glyphs made into visual lines: clusters, word spaces, columns, reading order.

The runs of one baseline (baselines.py) become one line's glyphs: each combining mark with
its letter, each space between the words it parts, the line cut where a gap of several ems
parts two columns (the masthead's "United Nations" and "A/RES/75/104"). Each part is then
given its direction (direction.py) and its reading order (reading_order.py), and becomes a
``TextLine``. This module assembles those steps and owns what they hand on: the line.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field

from akn.converter.pdf.baselines import is_superscript, line_runs, main_size
from akn.converter.pdf.direction import char_direction, is_rtl, line_is_rtl, rtl_margin
from akn.converter.pdf.glyphs import Font, Glyph, Run
from akn.converter.pdf.reading_order import reading_order

# A gap wider than this many ems between two glyphs parts two columns.
_COLUMN_GAP = 3.0
# A combining mark's origin lies at or just right of its letter's, in points.
_MARK_SLACK = 0.25
# Two pieces of a line farther apart than this many ems part two words.
_WORD_GAP = 0.1
_SPACE_FONT = Font(" ", False, False, False)


@dataclass(slots=True)
class TextLine:
    """One line as read: its glyphs in reading order, where it stands, and its typography."""

    glyphs: list[Glyph]
    y: float  # the baseline of its main text
    size: float  # the font size of its main text
    rtl: bool = False
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    sups: list[tuple[int, int]] = field(default_factory=list)  # superscript spans of ``text``

    @property
    def bold(self) -> bool:
        letters = [g for g in self.glyphs if g.char.strip() and not g.sup]
        return bool(letters) and all(g.font.bold for g in letters)

    @property
    def bold_run(self) -> bool:
        """Does the line set some of its words in bold, not all: the style of a phrase (the
        UN's Chinese opens its paragraphs with a bold phrase, not an italic one)?"""
        letters = [g.font.bold for g in self.glyphs if g.char.strip() and not g.sup]
        return any(letters) and not all(letters)

    @property
    def barcode(self) -> bool:
        return any(g.font.barcode for g in self.glyphs)


def page_lines(runs: list[Run]) -> list[TextLine]:
    """The page's lines, top to bottom (and left to right on one baseline)."""
    clusters = line_runs(runs)
    parts: list[tuple[list[list[Glyph]], float, float, bool | None]] = []
    for cluster in clusters:
        ordered = sorted(cluster, key=lambda run: run.order)  # the PDF's order: marks need it
        glyphs = [glyph for run in ordered for glyph in run.glyphs]
        _place_spaces(glyphs)
        size, base = main_size(cluster)
        for glyph in glyphs:
            glyph.sup = is_superscript(glyph, size, base)
        for part in _columns(_clusters(glyphs), size):
            parts.append((part, size, base, is_rtl([c[0] for c in part])))
    right = rtl_margin(parts)
    lines: list[TextLine] = []
    carried = 0  # brackets the Latin that ends a right-to-left line left open
    for part, size, base, letters_rtl in parts:
        rtl = line_is_rtl(part, size, letters_rtl, right)
        if rtl:
            part = _gap_spaces(part, size)
        glyphs, carried = reading_order(part, rtl, carried)
        line = TextLine(glyphs, base, size, rtl)
        if _finish(line):
            lines.append(line)
    lines.sort(key=lambda line: (-round(line.y, 1), line.x0 if not line.rtl else -line.x1))
    return lines


def _place_spaces(glyphs: list[Glyph]) -> None:
    """Put each space between the glyphs it parts in the PDF's order: a producer may set a
    space's origin beyond the next word's first letter (WeasyPrint, the space that ends an
    italic run on a line justified wide: "Reafirma" / "el" read "Reafirma e l")."""
    for at in range(1, len(glyphs) - 1):
        space, before, after = glyphs[at], glyphs[at - 1], glyphs[at + 1]
        if space.char != " " or not (before.char.strip() and after.char.strip()):
            continue
        latin = char_direction(before.char) == char_direction(after.char) == "L"
        if latin and before.x < after.x < space.x:  # (Latin only: an Arabic line's pieces
            space.x = (before.x + after.x) / 2  # are drawn in any order, gaps part its words)


def _gap_spaces(clusters: list[list[Glyph]], size: float) -> list[list[Glyph]]:
    """A right-to-left line's clusters (left to right) with a space where two drawn pieces
    stand apart and no space is drawn between them: the words' ends the page shows (the
    reader takes no space PDFium infers beside an Arabic letter, see glyphs.py). A piece's
    right end is measured (``Glyph.right``, the rightmost glyph of each text object); inside
    a piece, the producer draws its spaces."""
    result: list[list[Glyph]] = []
    right = 0.0  # the right end measured at the last origin (a ligature's glyphs share one)
    for cluster in clusters:
        if result:
            left, glyph = result[-1][0], cluster[0]
            if (
                right > left.x
                and glyph.char.strip()
                and left.char.strip()
                and not (glyph.sup or left.sup)  # a marker's own spacing: render.py
                and glyph.x - right >= _WORD_GAP * size
            ):
                result.append([Glyph(" ", right, glyph.y, glyph.size, _SPACE_FONT)])
        same = bool(result) and abs(cluster[0].x - result[-1][0].x) < 0.01
        right = max(right, cluster[0].right) if same else cluster[0].right
        result.append(cluster)
    return result


def _clusters(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs as clusters, a letter with its combining marks (Arabic vowels), left to right.
    A mark belongs to the letter it is drawn over, whatever the PDF's order (producers write
    a mark before its letter, after it, or in a text object of its own): the letter whose
    origin is the nearest at or left of the mark's (a mark is set from its letter's origin).
    A Latin or Cyrillic accent ("о́") set where its letter's advance ends, the next letter's
    origin, belongs to the letter before it in the PDF's order, left of it."""
    clusters: list[list[Glyph]] = []
    marks: list[Glyph] = []
    for at, glyph in enumerate(glyphs):
        if (
            glyph.char >= "\u0300"  # marks: U+0300 on
            and unicodedata.combining(glyph.char)
            and not _between_spaces(glyphs, at)
        ):
            before = clusters[-1] if clusters and at and clusters[-1][0] is glyphs[at - 1] else []
            latin = glyph.char <= "\u036f"  # (Arabic marks are read by their place alone)
            if latin and before and before[0].char.strip() and before[0].x < glyph.x + _MARK_SLACK:
                before.append(glyph)
                continue
            marks.append(glyph)
        else:
            clusters.append([glyph])
    clusters.sort(key=lambda cluster: cluster[0].x)
    if not marks:
        return clusters
    letters = [cluster for cluster in clusters if cluster[0].char.strip()]
    origins = [cluster[0].x for cluster in letters]
    for mark in marks:
        at = bisect.bisect_right(origins, mark.x + _MARK_SLACK) - 1
        if at < 0:
            clusters.insert(0, [mark])  # a mark on nothing: kept where it stands
            continue
        letters[at].append(mark)
    return clusters


def _between_spaces(glyphs: list[Glyph], at: int) -> bool:
    """Is the glyph at ``at`` drawn between two spaces in the PDF's order? A mark there is
    on no letter: the text has it alone ("دعما ً لجهود"), and it stays where it stands."""
    return 0 < at < len(glyphs) - 1 and glyphs[at - 1].char == glyphs[at + 1].char == " "


def _columns(clusters: list[list[Glyph]], size: float) -> list[list[list[Glyph]]]:
    """Cut a line (its clusters left to right) where a wide gap parts two columns."""
    parts: list[list[list[Glyph]]] = [[]]
    previous: Glyph | None = None
    for cluster in clusters:
        glyph = cluster[0]
        if glyph.char == " ":
            parts[-1].append(cluster)
            continue
        if previous is not None and glyph.x - previous.x > (_COLUMN_GAP + 1) * size:
            parts.append([])
        parts[-1].append(cluster)
        previous = glyph
    return [part for part in parts if any(c[0].char.strip() for c in part)]


def _finish(line: TextLine) -> bool:
    """Set the line's text and extent; False when it holds no text."""
    glyphs = [g for g in line.glyphs]
    while glyphs and not glyphs[0].char.strip():
        glyphs.pop(0)
    while glyphs and not glyphs[-1].char.strip():
        glyphs.pop()
    if not glyphs:
        return False
    line.glyphs = glyphs
    line.x0 = min(g.x for g in glyphs)
    measured = [g.right for g in glyphs if g.right > g.x]  # each piece's right end
    line.x1 = max(measured) if measured else max(g.x for g in glyphs) + 0.6 * line.size
    return True
