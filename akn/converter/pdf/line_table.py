"""Pages of visual lines made into the line table of the text path.

Lines are numbered through the whole document; pages are parted by form feeds, as pdftotext
parts them; page furniture is left out and reported (L201); the footnote area opens with a
rule line, and each note line with its marker written plain ("1 See …"; a note continued from
the page before opens with no marker, and the text path joins it to it); a paragraph opens
after a blank line or with an indent, so the text path need not guess. Each line keeps what
the page showed (``PdfLine``: italics, bold, links, its page). What the lines are is decided
by ``page_areas`` and ``paragraph_starts``; this module writes what they decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from akn.converter.pdf.page_areas import Furniture, note_start
from akn.converter.pdf.page_lines import Page, PageLine
from akn.converter.pdf.paragraph_starts import FirstLineIndent, line_pitch
from akn.converter.pdf.render import Written
from akn.converter.source import Line
from akn.diagnostics import Diagnostic, Severity

RULE_TEXT = "__________"
INDENT_TEXT = "    "  # a first line's indent, written


@dataclass(slots=True)
class PdfLine(Line):
    """A line of the text path that knows what its page showed: the italic spans of its text
    (offsets in ``text``), whether it is bold, and the page it was printed on."""

    italics: tuple[tuple[int, int], ...] = ()
    bold: bool = False
    pdf_page: int = 0
    links: tuple[tuple[str, str], ...] = ()  # (address, the text it covers) of its links
    bold_run: bool = False  # some of its words bold, not all: the page shows a style


class Writer:
    """Numbers the lines of the whole document and turns pages into the line table."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.lines: list[Line] = []
        self.diagnostics: list[Diagnostic] = []
        self.number = 0
        self.indent: FirstLineIndent | None = None  # the last page's first-line indents
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
        notes = note_start(kept, self.size)
        body = kept[:notes] if notes is not None else kept
        pitch = self.pitch = line_pitch(body, self.size, self.pitch)
        indent = self.indent = FirstLineIndent(body, self.size, self.indent)
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
