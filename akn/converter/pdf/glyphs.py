"""The characters of a PDF page as PDFium reads them: text, position, size and font.

PDFium (through pypdfium2) is the only module of akn that touches the PDF itself; everything
after this works on plain ``Glyph`` records. PDFium gives each character its origin (the left
end of its baseline), its font size and the text object that drew it; the object names the
font, whose name, flags and weight say italic, bold, or a bar code. Two calls per character
and one per text object keep a five-page resolution to a few tens of milliseconds: the text
itself is fetched in one call for the whole page.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from unicodedata import combining

import pypdfium2 as pdfium
import pypdfium2.raw as raw

_ITALIC_FLAG = 0x40  # the PDF font descriptor's Italic flag (PDF 32000-1, table 123)


@dataclass(frozen=True, slots=True)
class Font:
    """What the page's typography says through a font: its name and its style."""

    name: str
    italic: bool
    bold: bool
    barcode: bool


@dataclass(slots=True, eq=False)  # each glyph is itself: maps key glyphs by the object
class Glyph:
    """One character drawn on the page (or a space PDFium inferred between words)."""

    char: str
    x: float  # origin: left end of the baseline, in PDF points from the page's left edge
    y: float  # baseline, in PDF points from the page's bottom edge
    size: float
    font: Font
    sup: bool = False  # raised and smaller than its line: a superscript
    right: float = 0.0  # where its advance ends, where read (the rightmost of its run)


@dataclass(slots=True)
class Run:
    """Glyphs one text object drew on one baseline: the unit lines are built from."""

    glyphs: list[Glyph]
    y: float
    size: float
    order: int = 0  # where the run's first glyph stands in the PDF's text: lines keep it

    @property
    def x0(self) -> float:
        return min(glyph.x for glyph in self.glyphs)

    @property
    def x1(self) -> float:
        return max(glyph.x for glyph in self.glyphs) + 0.6 * self.size


@dataclass(frozen=True, slots=True)
class Link:
    """A link annotation of the page: the address it opens and the area it covers."""

    url: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass(slots=True)
class PageGlyphs:
    """The runs of one page, its size in points and its links."""

    number: int  # 1-based
    width: float
    height: float
    runs: list[Run]
    links: list[Link] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(g.char.strip() for run in self.runs for g in run.glyphs)


_UNKNOWN_FONT = Font("", False, False, False)


class _FontTable:
    """Fonts by PDFium handle: read once per text object's font, not once per character."""

    def __init__(self) -> None:
        self.by_address: dict[int, Font] = {}
        self.buffer = ctypes.create_string_buffer(256)

    def of(self, text_object: object) -> Font:
        handle = raw.FPDFTextObj_GetFont(text_object)
        if not handle:
            return _UNKNOWN_FONT
        address = ctypes.cast(handle, ctypes.c_void_p).value or 0
        font = self.by_address.get(address)
        if font is None:
            font = self.by_address[address] = self._read(handle)
        return font

    def _read(self, handle: object) -> Font:
        length = raw.FPDFFont_GetBaseFontName(handle, self.buffer, len(self.buffer))
        name = self.buffer.value.decode("latin-1") if length else ""
        flags = raw.FPDFFont_GetFlags(handle)
        weight = raw.FPDFFont_GetWeight(handle)
        angle = ctypes.c_int(0)
        raw.FPDFFont_GetItalicAngle(handle, ctypes.byref(angle))
        lowered = name.casefold()
        italic = bool(flags & _ITALIC_FLAG) or angle.value != 0
        italic = italic or "italic" in lowered or "oblique" in lowered
        bold = weight >= 600 or "bold" in lowered or "black" in lowered
        barcode = "barcode" in lowered or "3of9" in lowered.replace(" ", "")
        return Font(name, italic, bold, barcode)


def read_pages(document: pdfium.PdfDocument) -> Iterator[PageGlyphs]:
    """Each page's glyphs, one page at a time: PDFium's page and text page are closed before
    the next is opened, so a long document costs the memory of one page (and of its text)."""
    fonts = _FontTable()
    for index in range(len(document)):
        page = document[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                runs = _page_runs(textpage, fonts)
            finally:
                textpage.close()
            links = page_links(document, page)
        finally:
            page.close()
        yield PageGlyphs(index + 1, width, height, runs, links)
    fonts.by_address.clear()  # handles die with the document


def page_links(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> list[Link]:
    """The page's link annotations that open an address (URI actions: undocs.org for the
    documents a resolution cites), with the rectangle each covers."""
    links: list[Link] = []
    start = ctypes.c_int(0)
    link = raw.FPDF_LINK()
    buffer = ctypes.create_string_buffer(2048)
    rect = raw.FS_RECTF()
    while raw.FPDFLink_Enumerate(page.raw, ctypes.byref(start), ctypes.byref(link)):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        length = raw.FPDFAction_GetURIPath(document.raw, action, buffer, len(buffer))
        if not 0 < length <= len(buffer) or not raw.FPDFLink_GetAnnotRect(link, rect):
            continue
        url = buffer.value.decode("latin-1").strip()
        if url:
            bottom, top = sorted((rect.bottom, rect.top))
            links.append(
                Link(url, min(rect.left, rect.right), bottom, max(rect.left, rect.right), top)
            )
    return links


def _page_runs(textpage: pdfium.PdfTextPage, fonts: _FontTable) -> list[Run]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    handle = textpage.raw
    if len(text) != count:  # characters beyond the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 0xFFFD) for i in range(count))
    get_object = _object_address()
    get_origin = raw.FPDFText_GetCharOrigin
    get_size = raw.FPDFText_GetFontSize
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    runs: list[Run] = []
    rightmost: list[tuple[float, int, int]] = []  # each run's rightmost glyph: x, index, place
    # right ends matter to right-to-left lines only (their margin, their words' gaps)
    measure = _RIGHT_TO_LEFT.search(text) is not None
    current: Run | None = None
    current_object: int | None = None
    for index in range(count):
        char = text[index]
        text_object = get_object(handle, index)  # an address: compared as a number
        if not text_object:  # inferred by PDFium: a space between words, or a line break
            if char == " " and current is not None and _inferred_space(text, index):
                get_origin(handle, index, x_ref, y_ref)
                if abs(y.value - current.y) <= 0.1:  # else it stands with what follows
                    current.glyphs.append(Glyph(" ", x.value, current.y, current.size, _SPACE))
            continue
        if char in "\r\n\x00\uffff":
            continue
        if char in "\ufffe\x02":  # PDFium's mark for a hyphen that ends a line: the hyphen
            char = "-"
        get_origin(handle, index, x_ref, y_ref)
        if (
            current is not None
            and text_object == current_object
            and char >= "\u0300"
            and combining(char)
        ):
            # a vowel mark drawn above or below its letter: on the letter's baseline
            current.glyphs.append(
                Glyph(char, x.value, current.y, current.size, current.glyphs[-1].font)
            )
            continue
        if (
            current is not None
            and text_object == current_object
            and _carried_by_mark(current, char, x.value, y.value)
        ):
            continue
        if current is None or text_object != current_object or abs(y.value - current.y) > 0.1:
            size = get_size(handle, index)
            font = fonts.of(ctypes.cast(text_object, raw.FPDF_PAGEOBJECT))
            current = Run([], y.value, size, index)
            current_object = text_object
            runs.append(current)
            rightmost.append((x.value, index, len(current.glyphs)))
        else:
            font = current.glyphs[-1].font
            if measure and x.value > rightmost[-1][0]:
                rightmost[-1] = (x.value, index, len(current.glyphs))
        if measure and char in "()":
            char = _drawn_bracket(handle, index, char, x.value)
        current.glyphs.append(Glyph(char, x.value, y.value, current.size, font))
    for run, (_, index, at) in zip(runs, rightmost, strict=True) if measure else ():
        run.glyphs[at].right = _right_end(handle, index)
    return [run for run in runs if run.glyphs]


_SPACE = Font(" ", False, False, False)


def _carried_by_mark(run: Run, char: str, x: float, y: float) -> bool:
    """Is ``char`` more text of the mark just drawn, at its very origin? A producer may give
    a vowel mark's glyph its whole cluster's text ("ُأ" for the damma of "أُ") while the
    letter is drawn, with its own text, by a glyph of its own: a second "أ" to drop."""
    last = run.glyphs[-1] if run.glyphs else None
    return (
        last is not None
        and combining(last.char) != 0
        and combining(char) == 0
        and abs(last.x - x) < 0.01
        and abs(run.y - y) < 0.01
        and all(combining(glyph.char) for glyph in run.glyphs)
    )


def _inferred_space(text: str, index: int) -> bool:
    """Is the space PDFium inferred at ``index`` of the page's ``text`` a word's end? Between
    Latin letters, yes: PDFium infers one where a producer draws words apart without a
    space. Not before a mark (no word starts with one), and not beside a right-to-left
    letter: a producer may draw an Arabic line's text objects out of their order on the
    page, PDFium infers a space wherever the order jumps and sets it by the letter that
    follows, which can be the middle of a word ("خ لّفته"); the gaps between the drawn
    pieces say where its words part (lines.py)."""
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if after and combining(after):
        return False
    return not (_right_to_left(before) or _right_to_left(after))


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _right_to_left(char: str) -> bool:
    """A Hebrew or Arabic character (letters, marks, presentation forms)."""
    return (
        "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufefc"
    )


def _right_end(handle: object, index: int) -> float:
    """Where character ``index`` ends on the right: its origin and advance, PDFium's loose
    box (0.0 if PDFium cannot say). Origins are glyphs' left ends, so a line's right end is
    not its rightmost origin: that differs from line to line by the width of the last
    letter, which would blur the right margin of right-to-left lines, and so their
    first-line indent; and two pieces of a line touch where one's advance ends at the
    other's origin (the ink box would leave a letter's side bearing between them)."""
    box = raw.FS_RECTF()
    if not raw.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(box)):
        return 0.0
    return float(max(box.left, box.right))


def _drawn_bracket(handle: object, index: int, char: str, origin: float) -> str:
    """The bracket character ``index`` draws, by its shape: "(" leaves more room on its
    left than on its right (its round side; the fonts' rule: Times, Liberation, Noto, DejaVu),
    ")" the opposite. On a page with right-to-left text a bracket's text is no evidence: a
    right-to-left line draws "(" with the glyph of ")" (mirrored, as the bidi algorithm
    says), and a producer gives each glyph one text for all its uses, so the glyph of ")"
    may say "(" everywhere, or ")" here and "(" there. ``char`` stays where the shape does
    not say (no ink box, even sides)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = raw.FS_RECTF()
    if not raw.FPDFText_GetCharBox(
        handle,
        index,
        ctypes.byref(left),
        ctypes.byref(right),
        ctypes.byref(bottom),
        ctypes.byref(top),
    ) or not raw.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(box)):
        return char
    advance = max(box.left, box.right)
    lead, trail = left.value - origin, advance - right.value
    width = advance - origin
    if width <= 0 or abs(lead - trail) < _EVEN_SIDES * width:
        return char
    return "(" if lead > trail else ")"


_EVEN_SIDES = 0.01  # sides within this share of the advance: the shape does not say


@functools.cache
def _object_address() -> Callable[[object, int], int | None]:
    """FPDFText_GetTextObject answering the object's address as an int: pypdfium2's binding
    answers a ctypes pointer, and comparing two of those costs a cast each, per character."""
    library = getattr(raw, "_libs", None) or __import__("pypdfium2_raw.bindings").bindings._libs
    function = library["pdfium"]["FPDFText_GetTextObject"]  # a fresh function object
    function.argtypes = [raw.FPDF_TEXTPAGE, ctypes.c_int]
    function.restype = ctypes.c_void_p
    typed: Callable[[object, int], int | None] = function
    return typed
