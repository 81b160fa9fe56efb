"""Every French and English resolution of the corpus, rebuilt from a clean text of itself.

A clean text made from the UN's file (a paragraph per line, markers in place, notes after a
final rule) must convert back to the same preambular paragraphs, operative numbers and texts,
points, notes and note positions, and to a schema-valid document. Known differences are listed
with their reason; any other difference fails.
"""

from __future__ import annotations

import pytest
from corpus import (
    BRACKETS,
    LANGUAGES,
    clean_text,
    corpus_files,
    pdf_like_text,
    repair_un_structure,
    score,
    structure,
)
from lxml import etree

from akn.pipeline import convert

# File -> why the UN's own markup cannot be matched.
KNOWN = {
    "A-RES-78-248.xml": "the UN marks a quoted amendment ('4. In hearing…') as a paragraph",
}
# Rewrapped as a PDF extractor would, with nothing but the text to go by, a few texts are
# ambiguous; (language, file) -> what goes wrong, and how many items may differ.
KNOWN_PDF_LIKE = {
    ("eng", "A-RES-78-248.xml"): ("the quoted amendment, as above", 5),
    ("fra", "A-RES-78-248.xml"): ("the quoted amendment, as above", 5),
    ("fra", "A-RES-79-18.xml"): (
        "a two-sentence note breaks after its first sentence, and the next line, capitalised, "
        "is read as the text going on after the page break",
        2,
    ),
}

FILES = [(language, path) for language in ("eng", "fra") for path in corpus_files(language)]


def test_the_corpus_is_there():
    assert len(FILES) == 85, "expected 42 English and 43 French files in ../shared/corpus/akn"


@pytest.mark.parametrize(("language", "path"), FILES, ids=[f"{lang}/{p.name}" for lang, p in FILES])
def test_clean_text_converts_back_to_the_un_structure(language, path):
    result = convert(clean_text(path), lang=LANGUAGES[language])
    assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
    expected, _ = repair_un_structure(structure(etree.parse(str(path))))
    matched, total, differences = score(expected, structure(result.tree))
    if path.name in KNOWN:
        assert total - matched <= 1, differences
    else:
        assert differences == [], differences


@pytest.mark.parametrize(("language", "path"), FILES, ids=[f"{lang}/{p.name}" for lang, p in FILES])
def test_the_same_text_rewrapped_like_a_pdf_converts_back_too(language, path):
    """Lines of 90 characters, a blank line after each, notes at the foot of 45-line pages."""
    text = pdf_like_text(path, BRACKETS.get(language, ("", "")))
    result = convert(text, lang=LANGUAGES[language])
    assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
    expected, _ = repair_un_structure(structure(etree.parse(str(path))))
    matched, total, differences = score(expected, structure(result.tree))
    _, allowed = KNOWN_PDF_LIKE.get((language, path.name), ("", 0))
    assert total - matched <= allowed, differences
