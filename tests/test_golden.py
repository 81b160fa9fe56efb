"""Golden files: whole documents, text in, expected XML out, compared byte for byte.

Each expected file was read by eye once. After a deliberate change, regenerate them with
``pytest tests/test_golden.py --update-golden`` and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PDF_TEXT, SEED
from corpus import BRACKETS, CORPUS, clean_text, pdf_like_text

from akn.converter.pipeline import convert

GOLDEN = Path(__file__).parent / "golden"
# The markup date is the day of the conversion by default: fixed here, so the files compare.
MARKUP = "2026-01-01"
FIXTURES = Path(__file__).parent / "fixtures"

CASES = {
    # name: (language, how to get the input text)
    "seed-A-75-L.25-fr": ("fr", lambda: SEED.read_bytes()),
    "pdf-A-RES-80-1-en": ("en", lambda: (PDF_TEXT / "A-RES-80-1.txt").read_bytes()),
    "pdf-A-RES-80-3-en": ("en", lambda: (PDF_TEXT / "A-RES-80-3.txt").read_bytes()),
    "pdftotext-A-RES-73-7-en": ("en", lambda: (PDF_TEXT / "A-RES-73-7.txt").read_bytes()),
    "clean-A-RES-77-259-fr": ("fr", lambda: clean_text(CORPUS / "akn/fra/A-RES-77-259.xml")),
    "clean-S-RES-2543-2020-en": ("en", lambda: clean_text(CORPUS / "akn/eng/S-RES-2543-2020.xml")),
    "rewrapped-A-RES-80-3-es": ("es", lambda: pdf_like_text(CORPUS / "akn/spa/A-RES-80-3.xml")),
    "clean-S-RES-2521-2020-ru": ("ru", lambda: clean_text(CORPUS / "akn/rus/S-RES-2521-2020.xml")),
    "rewrapped-A-RES-79-288-ar": (
        "ar",
        lambda: pdf_like_text(CORPUS / "akn/ara/A-RES-79-288.xml", BRACKETS["ara"], indent=True),
    ),
    "clean-A-RES-77-259-zh": ("zh", lambda: clean_text(CORPUS / "akn/zho/A-RES-77-259.xml")),
    "draft-en": ("en", lambda: (FIXTURES / "draft-en.txt").read_bytes()),
    "collection-en": ("en", lambda: (FIXTURES / "collection-en.txt").read_bytes()),
    "deep-lists-fr": ("fr", lambda: (FIXTURES / "deep-lists-fr.txt").read_bytes()),
    "decision-en": ("en", lambda: (FIXTURES / "decision-en.txt").read_bytes()),
    # A table; its other two extractions give the same bytes (test_tables).
    "table-tabs-en": ("en", lambda: (FIXTURES / "table-tabs-en.txt").read_bytes()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    language, source = CASES[name]
    result = convert(source(), lang=language, metadata={"markup": MARKUP})
    assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
    produced = result.to_bytes()
    path = GOLDEN / f"{name}.xml"
    if request.config.getoption("--update-golden"):
        path.write_bytes(produced)
    assert path.exists(), f"no golden file {path.name}: run with --update-golden and review it"
    assert produced == path.read_bytes(), f"{name} differs from {path.name}"
