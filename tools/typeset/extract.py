"""The five ways people get text out of a UN PDF, each as ``name -> function(pdf) -> text``.

poppler's ``pdftotext`` in its three modes (default reading order, ``-layout`` columns kept
with spaces, ``-raw`` content-stream order), PyMuPDF's ``page.get_text("text")`` and
pdfminer.six's ``extract_text``: the extractors the README promises to read. Each is run as
its users run it, with its defaults: the point is to see what they really leave. PyMuPDF is
AGPL, so it is imported here, in a tool, and never by the ``akn`` package.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path


def _pdftotext(*options: str) -> Callable[[Path], str]:
    def extract(pdf: Path) -> str:
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"],
            capture_output=True,
            check=True,
        )
        return done.stdout.decode("utf-8")

    return extract


def _pymupdf(pdf: Path) -> str:
    import pymupdf

    with pymupdf.open(str(pdf)) as document:
        # A form feed between pages, as pdftotext writes them.
        return "\f".join(page.get_text("text") for page in document)


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext(),
    "pdftotext -layout": _pdftotext("-layout"),
    "pdftotext -raw": _pdftotext("-raw"),
    "pymupdf": _pymupdf,
    "pdfminer": _pdfminer,
}


def missing(name: str) -> str | None:
    """Why extractor ``name`` cannot run here (tool or package not installed), or None."""
    if name.startswith("pdftotext"):
        return None if shutil.which("pdftotext") else "pdftotext missing (Debian poppler-utils)"
    module = {"pymupdf": "pymupdf", "pdfminer": "pdfminer.high_level"}[name]
    try:
        __import__(module)
    except ImportError:
        return f"{module} missing (pip install -e '.[typeset]')"
    return None


def extract(name: str, pdf: Path) -> str:
    """The text extractor ``name`` reads from ``pdf``."""
    return EXTRACTORS[name](pdf)
