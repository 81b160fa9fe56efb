"""Open a PDF with PDFium and read it page by page into the text path's line table.

Every way a PDF can fail to be read is one InputError with its own code and a line that
says what to do: a password (E111), damage (E112), no text layer (E113: a scan), too many
pages (E114). PDFium's own failures on a page are the file's damage too, never a traceback.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from akn.converter.pdf import MAX_PAGES, _error
from akn.converter.pdf.binding_dashes import glue_dashes
from akn.converter.pdf.glyphs import read_pages
from akn.converter.pdf.line_table import Writer
from akn.converter.pdf.lines import page_lines
from akn.converter.pdf.page_areas import Furniture, body_size
from akn.converter.pdf.page_lines import Page, page_of
from akn.converter.source import Line
from akn.diagnostics import Diagnostic

_PASSWORD = 4  # PDFium's FPDF_ERR_PASSWORD
_SECURITY = 5  # FPDF_ERR_SECURITY: an unsupported security handler


def read_document(data: bytes) -> tuple[list[Line], list[Diagnostic]]:
    """The line table of the PDF ``data`` (see akn.converter.pdf.read_pdf)."""
    document = _open(data)
    try:
        count = len(document)
        if count == 0:
            raise _error("E112", "the PDF has no pages: it is damaged or not a document")
        if count > MAX_PAGES:
            raise _error(
                "E114",
                f"the PDF has {count} pages, more than the {MAX_PAGES} akn reads; a resolution "
                "is a few pages: split the file (e.g. `qpdf --split-pages`) or give akn its text",
            )
        pages = _pages(document)
    finally:
        document.close()
    if not any(page.lines for page in pages):
        raise _error(
            "E113",
            "the PDF has no text layer; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, then "
            "convert the result (its pages are images: a scan)",
        )
    furniture = Furniture()
    for page in pages:
        furniture.count(page)
    writer = Writer(body_size(pages))
    for page in pages:
        writer.page(page, furniture)
    glue_dashes(writer.lines)
    return writer.lines, writer.diagnostics


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (_PASSWORD, _SECURITY):
            raise _error(
                "E111",
                "the PDF is encrypted (it needs a password to open); decrypt it first, "
                "e.g. `qpdf --password=… --decrypt in.pdf out.pdf`",
            ) from None
        raise _error(
            "E112",
            f"the PDF cannot be read: it is damaged or not a PDF ({_reason(error)}); "
            "get the file again, or repair it (e.g. `qpdf in.pdf out.pdf`)",
        ) from None


def _pages(document: pdfium.PdfDocument) -> list[Page]:
    """Each page's lines, written; a page PDFium cannot read is damage (E112)."""
    pages = []
    number = 0
    try:
        for glyphs in read_pages(document):
            number = glyphs.number
            lines = page_lines(glyphs.runs)
            pages.append(page_of(glyphs.number, glyphs.height, lines, glyphs.links))
    except pdfium.PdfiumError as error:
        raise _error(
            "E112",
            f"page {number + 1} of the PDF cannot be read ({_reason(error)}): the file is "
            "damaged; get it again, or repair it (e.g. `qpdf in.pdf out.pdf`)",
        ) from None
    return pages


def _reason(error: Exception) -> str:
    return str(error).rstrip(".") or type(error).__name__
