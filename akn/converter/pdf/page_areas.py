"""Where a line stands on its page: body, page furniture or footnote area.

- page furniture: a bar code (its font says so), and lines at the top or bottom of a page
  that repeat at the same height on other pages, digits aside (running heads, "2/5", the job
  number), which ``line_table`` removes and reports (L201). The first page keeps its
  masthead and job number: the page reader of the text path takes the job number into the
  metadata.
- the footnote area: the lines under the short rule, or, where the rule is drawn rather than
  written, the smaller lines at the bottom of the page from the first that opens with a
  superscript marker.
Separate from writing the line table: these are the measures of the pages (bands, repetition,
the body's font size) that decide what a line is before it is written.
"""

from __future__ import annotations

import re
from collections import Counter

from akn.converter.pdf.page_lines import Page, PageLine

# The bands where running heads and footers stand, as shares of the page height.
_TOP_BAND, _BOTTOM_BAND = 0.88, 0.12
_NOTE_SIZE = 0.92  # a footnote's lines are smaller than the body's


def _key(line: PageLine) -> tuple[str, int]:
    return re.sub(r"\d+", "#", " ".join(line.written.text.split())).casefold(), round(line.y / 3)


class Furniture:
    """Lines at the top or bottom of a page that recur at the same height on other pages."""

    def __init__(self) -> None:
        self.pages_of: dict[tuple[str, int], set[int]] = {}

    def count(self, page: Page) -> None:
        for line in page.lines:
            if _in_band(line, page):
                self.pages_of.setdefault(_key(line), set()).add(page.number)

    def __call__(self, line: PageLine, page: Page, size: float) -> bool:
        if line.barcode:
            return True
        if page.number == 1 or line.rule or not _in_band(line, page):
            return False
        if line.y < page.height / 2 and any(
            other.y < line.y and (other.rule or other.size < _NOTE_SIZE * size)
            for other in page.lines
        ):
            return False  # above a footnote's line: part of the footnote area, not a footer
        pages = self.pages_of.get(_key(line), set())
        return len(pages - {1}) >= 2


def _in_band(line: PageLine, page: Page) -> bool:
    return line.y >= _TOP_BAND * page.height or line.y <= _BOTTOM_BAND * page.height


def body_size(pages: list[Page]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.written.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def note_start(lines: list[PageLine], size: float) -> int | None:
    """Index of the first line of the page's footnote area, or None."""
    for index, line in enumerate(lines):
        if line.rule:
            return index
    start = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.size >= _NOTE_SIZE * size:
            break
        if line.note is not None and line.note.marker:
            start = index
    return start
