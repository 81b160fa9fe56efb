"""Any text converts without an exception, and no word of it is lost.

"Not lost" is the multiset property of ``kept_words``: every word of the input, as often as
it occurs, after the repairs the converter reports (rejoined split words, line-end
hyphenation joined, hyphens put back, characters normalised), is a word of the output's
document text (not of its FRBR metadata, which the converter makes up), or is quoted by a
diagnostic that says it was taken out (page furniture, an unmatched listed link).

It is checked on generated documents (hypothesis, derandomised), on every golden input
(the seed, PDF texts, the UN's texts in six languages: no corpus needed), on a sample of
the corpus in each layout the corpus tests build (clean, pdf-like, indented, columns), and,
with ``--whole-corpus``, on every corpus file in every layout (about two minutes).
``tests/test_lost_words.py`` checks that the property fails when a word goes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PDF_TEXT
from corpus import BRACKETS, LANGUAGES, clean_text, columns_text, corpus_files, pdf_like_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kept_words import lost_words
from lxml import etree
from test_golden import CASES as GOLDEN_CASES
from test_golden import language as golden_language

from akn.converter.pipeline import convert

FRAGMENTS = [
    "United Nations",
    "A/RES/75/15",
    "General Assembly",
    "Distr.: General",
    "15 October 2025",
    "25-15779 (E)",
    "*2515779*",
    "2/5",
    "Seventy-fifth session",
    "Agenda item 130 (q)",
    "Resolution adopted by the General Assembly on 23 November 2020",
    "[without reference to a Main Committee (A/75/L.25)]",
    "75/15. Cooperation",
    "The General Assembly,",
    "L’Assemblée générale,",
    "Recalling its resolution 71/317,",
    "Rappelant la Déclaration de 19671, en particulier",
    "Noting with concern the",
    "report,",
    "1.",
    "2.",
    "1. Decides",
    "2. Requests",
    "(a)",
    "(b) To act;",
    "(i) Annually;",
    "a) agir ;",
    "I",
    "II. Other matters",
    "Annex",
    "30th plenary meeting",
    "23 November 2020",
    "__________",
    "1",
    "1 Resolution 70/1.",
    "* Au nom des États Membres.",
    "https://undocs.org/fr/A/RES/70/1",
    "n",
    "o",
    " 22341.",
    "internat ionales",
    "Sud -",
    "Est,",
    "\f",
    "",
    " ",
    "Préside n t",
    "the Sustainable Development Goals2 for",
    "the 2030 Agenda, 7 and",
    "« Coopération »",
    "shall be as follows:",
    "Member State\tScale (percentage)",
    "Afghanistan\t0.006",
    "Albania    0.008    0.009",
    "0.101",
    "Total",
    "1.\tDecides",
]
LINE = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)),
        max_size=60,
    ),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join),
)
DOCUMENT = st.lists(LINE, max_size=40).map("\n".join)
LAYOUTS = ("clean", "pdf-like", "indented", "columns")


def check(text: str, language: str) -> None:
    result = convert(text, lang=language)
    if result.tree is None:
        assert result.diagnostics and result.diagnostics[-1].code.startswith("E1")
        return
    etree.tostring(result.tree)  # serialisable
    lost = lost_words(text, result.tree, result.diagnostics)
    assert not lost, f"words lost: {dict(lost)}"


@settings(
    max_examples=250, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
# Not Chinese: its lines join without a space, and a break after a non-ASCII letter or
# sign ("¹", "é") glues two words (a known failure: test_fuzz.py, Chinese mode).
@given(DOCUMENT, st.sampled_from(["en", "fr", "es", "ru", "ar", "de"]))
def test_any_text_converts_and_no_word_is_lost(text, language):
    check(text, language)


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_no_word_is_lost_from_the_committed_texts(name: str) -> None:
    """The golden inputs: the seed, PDF text of three kinds, clean and rewrapped texts of the
    UN's files in six languages, and the document shapes of the fixtures."""
    check(GOLDEN_CASES[name].read_text(encoding="utf-8"), golden_language(name))


def layout_text(path: Path, language: str, layout: str) -> str:
    """The text of a corpus file in one of the layouts the corpus tests build."""
    brackets = BRACKETS.get(language, ("", ""))
    if layout == "clean":
        return clean_text(path)
    if layout == "columns":
        return columns_text(path, brackets)
    return pdf_like_text(path, brackets, indent=layout == "indented")


def files_of(language: str) -> list[Path]:
    return corpus_files(language) or corpus_files(language, "wide")


# Every 15th file of each language (three of 43; one of German's 14), in every layout.
SAMPLE = [
    (language, path, layout)
    for language in LANGUAGES
    for path in files_of(language)[::15]
    for layout in LAYOUTS
]


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("language", "path", "layout"),
    SAMPLE,
    ids=[f"{language}/{path.stem}/{layout}" for language, path, layout in SAMPLE],
)
def test_no_word_is_lost_from_a_sample_of_the_corpus(language, path, layout):
    check(layout_text(path, language, layout), LANGUAGES[language])


@pytest.mark.corpus
@pytest.mark.parametrize("path", sorted(PDF_TEXT.glob("*.txt")), ids=lambda path: path.stem)
def test_no_word_is_lost_from_the_pdf_texts(path: Path) -> None:
    check(path.read_text(encoding="utf-8"), "en")


@pytest.mark.whole_corpus
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_no_word_is_lost_from_the_whole_corpus(language, layout):
    """Every file of the language in the layout (``--whole-corpus``); all losses at once."""
    losses = {}
    for path in files_of(language):
        text = layout_text(path, language, layout)
        result = convert(text, lang=LANGUAGES[language])
        if result.tree is None:
            losses[path.name] = "not converted"
        elif lost := lost_words(text, result.tree, result.diagnostics):
            losses[path.name] = dict(lost)
    assert not losses
