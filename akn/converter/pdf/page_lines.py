"""A page's visual lines written as text, with where each stood and the links it holds.

Each line is written twice where it opens with a superscript: as body text (the superscript
a marker in the text) and as a footnote's line (the marker written plain, "1 See …"); its
baseline, edges, size, and whether it is a bar code or the footnote area's rule go with it.
Separate from deciding what the lines are (``page_areas``, ``paragraph_starts``) and from
writing the line table (``line_table``): this is what those read of a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from akn.converter.pdf.glyphs import Link
from akn.converter.pdf.lines import TextLine
from akn.converter.pdf.render import Written, write_line

_RULE = re.compile(r"_{5,}")


@dataclass(slots=True)
class PageLine:
    """A written line and where it stood: what furniture and note detection need."""

    written: Written  # as body text: a superscript at its start is a marker in the text
    note: Written | None  # as a footnote's line, if it opens with a superscript marker
    y: float
    x0: float
    size: float
    barcode: bool
    rule: bool
    x1: float = 0.0
    rtl: bool = False
    links: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Page:
    number: int
    height: float
    lines: list[PageLine]


def page_of(
    number: int, height: float, lines: list[TextLine], links: list[Link] | None = None
) -> Page:
    """A page's lines written as text, its footnote area's with their markers, each with the
    links whose area holds its baseline."""
    result = []
    for line in lines:
        written = write_line(line)
        note = write_line(line, note_area=True) if line.glyphs[0].sup else None
        rule = bool(_RULE.fullmatch(written.text))
        covered = tuple((link.url, text) for link in links or () if (text := _covered(line, link)))
        result.append(
            PageLine(
                written,
                note,
                line.y,
                line.x0,
                line.size,
                line.barcode,
                rule,
                line.x1,
                line.rtl,
                covered,
            )
        )
    return Page(number, height, result)


def _covered(line: TextLine, link: Link) -> str:
    """The text of ``line`` inside the area of ``link`` ("" if the link is elsewhere)."""
    if not link.bottom - 1 <= line.y <= link.top + 1:
        return ""
    inside = [g for g in line.glyphs if link.left - 0.5 <= g.x < link.right - 1]
    return "".join(g.char for g in inside).strip()
