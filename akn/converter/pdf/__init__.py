"""The PDF reader: a PDF's pages become the line table the text path reads.

One pipeline, two readers. For text, ``source.decode`` and ``source.split_lines`` make the
line table; for a PDF (bytes that open with ``%PDF-``), ``read_pdf`` makes the same table
from the characters on the page, with what the page knows and the text has lost: which digits
are superscript note markers, where the footnote area starts, which lines are page furniture
(by position and repetition), which words are italic, in what order Arabic is read. Page
breaks are form feeds, footnote areas open with a rule line, as in pdftotext's output, so the
page reader, recognition, notes and the tree downstream are shared.

PDFium (pypdfium2, Apache-2.0/BSD) is the optional extra ``pdf``: ``pip install 'akn[pdf]'``.
"""

from __future__ import annotations

import importlib.util

from akn.converter.source import InputError, Line
from akn.diagnostics import Diagnostic, Severity

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 2000
"""More pages than any resolution has (the longest, with annexes, run to a few hundred):
a bigger file is refused before it is read. Pages are read one at a time, so memory grows
with the text, not with the pages' glyphs."""


def is_pdf(data: str | bytes | bytearray) -> bool:
    """Is ``data`` a PDF? Bytes whose first non-blank bytes are ``%PDF-``: by content, not by
    the file's name (a text is never taken for one: ``str`` is text)."""
    if isinstance(data, str):
        return False
    return bytes(data[:1024]).lstrip(b"\x00\t\n\r\f ").startswith(PDF_MAGIC)


def _error(code: str, message: str) -> InputError:
    return InputError(Diagnostic(code, Severity.ERROR, message))


def pdf_support() -> str | None:
    """Why PDFs cannot be read here (pypdfium2 not installed), or None."""
    if importlib.util.find_spec("pypdfium2") is None:
        return (
            "input is a PDF, and reading PDFs needs the pdf extra: pip install 'akn[pdf]' "
            "(or give akn the text, e.g. from `pdftotext file.pdf`)"
        )
    return None


def read_pdf(data: bytes) -> tuple[list[Line], list[Diagnostic]]:
    """The line table of a PDF, and what reading it found (furniture removed, L201).

    Raises InputError (one line, exit 1) for a PDF that cannot be read: pypdfium2 missing
    (E110), encrypted (E111), damaged (E112), without a text layer (E113), too long (E114).
    """
    why = pdf_support()
    if why is not None:
        raise _error("E110", why)
    from akn.converter.pdf.document import read_document

    return read_document(data)
