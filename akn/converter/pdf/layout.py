"""Pages of visual lines made into the line table of the text path.

What the page shows decides what pdftotext's output leaves to heuristics:
- page furniture: a bar code (its font says so), and lines at the top or bottom of a page
  that repeat at the same height on other pages, digits aside (running heads, "2/5", the job
  number) are removed here and reported (L201). The first page keeps its masthead and job
  number: the page reader of the text path takes the job number into the metadata.
- the footnote area: the lines under the short rule, or, where the rule is drawn rather than
  written, the smaller lines at the bottom of the page from the first that opens with a
  superscript marker. Each note line opens with its marker written plain ("1 See …"); a note
  continued from the page before opens with no marker, and the text path joins it to it.
- paragraphs: a blank line where the vertical gap between two lines is wider than the page's
  line pitch (the UN's paragraphs stand apart), so the text path need not guess.
Pages are parted by form feeds, as pdftotext parts them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from akn.converter.pdf.glyphs import Link
from akn.converter.pdf.lines import TextLine
from akn.converter.pdf.render import Written, write_line
from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity

_RULE = re.compile(r"_{5,}")
RULE_TEXT = "__________"
INDENT_TEXT = "    "  # a first line's indent, written
# The bands where running heads and footers stand, as shares of the page height.
_TOP_BAND, _BOTTOM_BAND = 0.88, 0.12
_NOTE_SIZE = 0.92  # a footnote's lines are smaller than the body's


@dataclass(slots=True)
class PdfLine(Line):
    """A line of the text path that knows what its page showed: the italic spans of its text
    (offsets in ``text``), whether it is bold, and the page it was printed on."""

    italics: tuple[tuple[int, int], ...] = ()
    bold: bool = False
    pdf_page: int = 0
    links: tuple[tuple[str, str], ...] = ()  # (address, the text it covers) of its links
    bold_run: bool = False  # some of its words bold, not all: the page shows a style


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


def _note_start(lines: list[PageLine], size: float) -> int | None:
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


class Writer:
    """Numbers the lines of the whole document and turns pages into the line table."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.lines: list[Line] = []
        self.diagnostics: list[Diagnostic] = []
        self.number = 0
        self.indent: _Indent | None = None  # the last page's first-line indents
        self.pitch: float | None = None  # the last page's line pitch

    def page(self, page: Page, furniture: Furniture) -> None:
        if self.lines:
            self.number += 1
            self.lines.append(Line(self.number, "\f"))
        kept: list[PageLine] = []
        for line in page.lines:
            if furniture(line, page, self.size):
                self.number += 1
                self._removed(line)
            else:
                kept.append(line)
        notes = _note_start(kept, self.size)
        body = kept[:notes] if notes is not None else kept
        pitch = self.pitch = _pitch(body, self.size, self.pitch)
        indent = self.indent = _Indent(body, self.size, self.indent)
        previous: PageLine | None = None
        for index, line in enumerate(kept):
            if notes is not None and index == notes and not line.rule:
                self._append(RULE_TEXT, line, italic=False)
            elif (notes is None or index < notes) and (
                (previous is not None and previous.y - line.y > 1.45 * pitch)
                or (indent.starts(line, previous) and bool(self.lines))
            ):
                self.number += 1
                self.lines.append(Line(self.number, ""))
            in_notes = notes is not None and index >= notes
            written = line.note if in_notes and line.note else line.written
            indented = not in_notes and indent.indented(line)
            self._append_line(written, page.number, line.links, indented)
            previous = line

    def _append_line(
        self,
        written: Written,
        page: int,
        links: tuple[tuple[str, str], ...] = (),
        indented: bool = False,
    ) -> None:
        """Append a written line; a first line indented on the page starts with spaces, as
        pdftotext -layout writes it, so that the text path knows the paragraph opens there
        even where a page break makes the blank line before it no evidence."""
        self.number += 1
        prefix = INDENT_TEXT if indented else ""
        shift = len(prefix)
        self.lines.append(
            PdfLine(
                self.number,
                prefix + written.text,
                italics=tuple((s + shift, e + shift) for s, e in written.italics),
                bold=written.bold,
                pdf_page=page,
                links=links,
                bold_run=written.bold_run,
            )
        )

    def _append(self, text: str, line: PageLine, italic: bool) -> None:
        self.number += 1
        self.lines.append(Line(self.number, text))

    def _removed(self, line: PageLine) -> None:
        self.diagnostics.append(
            Diagnostic(
                "L201",
                Severity.INFO,
                f"page furniture removed: {line.written.text!r}",
                line=self.number,
            )
        )


class _Indent:
    """First-line indents: where the page's body lines start (the left margin, or the right
    one for right-to-left lines), and which lines start further in. A line indented after
    one that is not opens a paragraph, and so does an indented line at the top of a page:
    the page says what a line ending in a comma does not ("…深表关切，" / a page break /
    "在这方面，…" is two paragraphs)."""

    def __init__(self, lines: list[PageLine], size: float, before: _Indent | None) -> None:
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


def _pitch(lines: list[PageLine], size: float, before: float | None = None) -> float:
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


# A line that ends in a dash which binds to what follows: an opening dash ("dimensiones —"
# / "económica"), or the dash of a range of numbers ("2021–" / "2025"). The text path joins
# two lines with a space; the page set none there. (A line never ends inside a word with a
# slash: Word breaks "آب/أغسطس" or "and/or" nowhere, and "أيلول/" at a line's end is the
# UN's "أيلول/ سبتمبر".)
_BINDING_DASH = re.compile(r"(?:(?<=\s)[—–]|(?<=\s)\(?\d+[–—])$")
_OPENING_DASH = re.compile(r"\s[—–]\w|\w[—–](?=\s)")  # "—económica", or its "ambiental—"
_SPACED_DASH = re.compile(r"\s[—–]\s")


def glue_dashes(lines: list[Line]) -> None:
    """Move a binding dash (with its number) from the end of a line to the start of the
    next line of the same paragraph, so that the two are read without a space between. A
    lone dash binds only where the document's dashes open a phrase unspaced ("dimensiones
    —económica", Spanish), not where they stand between spaces ("трех — экономическом")."""
    texts = [line.text for line in lines if isinstance(line, PdfLine)]
    unspaced = sum(len(_OPENING_DASH.findall(text)) for text in texts)
    spaced = sum(len(_SPACED_DASH.findall(text)) for text in texts)
    for line, after in itertools.pairwise(lines):
        if not (isinstance(line, PdfLine) and isinstance(after, PdfLine)):
            continue
        match = _BINDING_DASH.search(line.text)
        if match is None or not after.text[:1].strip():
            continue
        word = match.group()
        if len(word) == 1 and spaced >= unspaced:
            continue
        if word[-1] in "–—" and len(word) > 1 and not after.text[0].isdigit():
            continue  # "2021– / 2025": a range of numbers only
        cut = match.start()
        moved = tuple(  # the moved word's italics go with it ("18–" / "22 марта")
            (max(s, cut) - cut, e - cut) for s, e in line.italics if e > cut
        )
        line.text = line.text[:cut].rstrip()
        after.text = word + after.text
        line.italics = tuple(
            (s, min(e, len(line.text))) for s, e in line.italics if s < len(line.text)
        )
        shifted = tuple((s + len(word), e + len(word)) for s, e in after.italics)
        if moved and shifted and moved[-1][1] == len(word) and shifted[0][0] == len(word):
            moved, shifted = moved[:-1], ((moved[-1][0], shifted[0][1]), *shifted[1:])
        after.italics = moved + shifted
