"""The real-extraction test matrix of issue 9, on a small sample (tools/typeset).

One UN resolution is typeset into a PDF like the UN's in three languages, read back by the
extractors, and each text converted; every degradation class is checked to do what it says
on a small hand-made resolution. The converter's scores are not asserted here (others are
improving it): ``python tools/extraction_score.py`` prints the whole table. Tests that need
WeasyPrint, poppler or the fonts skip, saying which is missing, when run where they are not
installed; .ci/run installs them and sets AKN_REQUIRE_TYPESET=1, which turns the skips into
failures there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest
from corpus import BRACKETS, CORPUS, ROOT

sys.path.insert(0, str(ROOT / "tools"))

import extraction_score
from typeset.degrade import MARK_CLOSE, MARK_OPEN, RULE, Source, degrade
from typeset.extract import extract, missing
from typeset.html import render_html
from typeset.pdf import available, html_to_pdf, typeset

from akn.converter.pipeline import convert

SAMPLE = "A-RES-79-288.xml"  # small, with notes, a list of points and conclusions
FONTS = {"eng": "Liberation Serif", "ara": "Noto Naskh Arabic", "zho": "Noto Serif CJK SC"}
LANG = {"eng": "en", "ara": "ar", "zho": "zh"}


def _unavailable(language: str) -> str | None:
    """Why a PDF of ``language`` cannot be typeset here, or None."""
    why = available()
    if why is None and not shutil.which("fc-list"):
        why = "fontconfig missing (Debian fontconfig)"
    if why is None:
        fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
        if FONTS[language] not in fonts:
            why = f"font {FONTS[language]!r} missing (Debian fonts-liberation, fonts-noto-*)"
    return why


def _need(why: str | None) -> None:
    if why is None:
        return
    if os.environ.get("AKN_REQUIRE_TYPESET"):
        pytest.fail(f"AKN_REQUIRE_TYPESET is set but {why}")
    pytest.skip(why)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample typeset in each language that can be here (made once per run)."""
    cache = tmp_path_factory.mktemp("typeset")
    made = {}
    for language in FONTS:
        if _unavailable(language) is None:
            path = CORPUS / "akn" / language / SAMPLE
            made[language] = typeset(path, language, BRACKETS.get(language, ("", "")), cache)
    return made


def _pdf(pdfs: dict[str, Path], language: str) -> Path:
    _need(_unavailable(language))
    return pdfs[language]


# --------------------------------------------------------------------------- the HTML


@pytest.mark.corpus
def test_html_carries_masthead_notes_and_conclusions():
    page = render_html(CORPUS / "akn" / "eng" / SAMPLE, "eng")
    assert "A/RES/79/288" in page and "General Assembly" in page and "Distr.: General" in page
    assert "<i>Recognizing</i>" in page  # the UN's italic opening phrase
    assert page.count('class="fn"') == 5 and 'data-call="5"' in page  # notes as footnotes
    assert '<span class="num">3.</span>' in page and '<span class="num">(a)</span>' in page
    assert "69th plenary meeting" in page and 'class="conclusions"' in page
    assert 'dir="rtl"' not in page and "dir=rtl" not in page
    assert '<span class="symbol-nowrap">A/79/L.81</span>' in page  # never cut at a line end


@pytest.mark.corpus
def test_arabic_html_is_right_to_left_with_bracketed_calls():
    page = render_html(CORPUS / "akn" / "ara" / SAMPLE, "ara", BRACKETS["ara"])
    assert "dir=rtl" in page and 'lang="ar"' in page
    assert 'data-call="(1)"' in page


def test_arabic_html_keeps_each_latin_stretch_in_one_left_to_right_box():
    # WeasyPrint orders a right-to-left line's boxes right to left: a Latin stretch across an
    # italic title would come out reversed, as the UN's page (from Word) never shows it
    from typeset.bidi import isolate_ltr

    page = "<p>انظر United Nations, <i>Treaty Series</i>, vol. 610.</p>"
    assert isolate_ltr(page) == (
        '<p>انظر <span class="ltr">United Nations, <i>Treaty Series</i>, vol. 610</span>.</p>'
    )
    # a stretch ending inside an element takes the whole element, never Arabic with it; a
    # bracket opened in the stretch closes in it (the bidi algorithm's rule N0, as Word
    # reads it), one opened before it stands right to left
    page = "<p>انظر <i>A/77/278</i> (Part I) و <i>تقرير B</i> و (C/1 (Vol. I))</p>"
    assert isolate_ltr(page) == (
        '<p>انظر <span class="ltr"><i>A/77/278</i> (Part I)</span> و <i>تقرير '
        '<span class="ltr">B</span></i> و (<span class="ltr">C/1 (Vol. I)</span>)</p>'
    )


def test_a_range_of_numbers_after_arabic_reads_as_word_reads_it_on_every_line():
    # WeasyPrint runs the bidi algorithm line by line: a range opening a line would have no
    # Arabic letter before it; an Arabic letter mark (drawing nothing) gives it one
    from typeset.bidi import ARABIC_LETTER_MARK as ALM
    from typeset.bidi import isolate_ltr

    page = "<p>للفترة 2021-2030 و 15 و 9-20 تموز و A/75/1-2</p>"
    assert isolate_ltr(page) == (
        f'<p>للفترة {ALM}2021-2030 و 15 و {ALM}9-20 تموز و <span class="ltr">A/75/1-2</span></p>'
    )


def test_no_line_is_cut_inside_a_word_with_a_slash_or_a_sales_number():
    from typeset.html import _text

    assert _text("في أيلول/سبتمبر 2016 و E.96.IV.13، 决议A/75/23号") == (
        'في <span class="symbol-nowrap">أيلول/سبتمبر</span> 2016 و '
        '<span class="symbol-nowrap">E.96.IV.13</span>، 决议'
        '<span class="symbol-nowrap">A/75/23</span>号'
    )


def test_a_paragraph_whose_note_weasyprint_lost_is_laid_out_again_without_widow_control():
    from typeset.pdf import _keep_notes

    page = '<p class="a">x</p><p class="para">y<span class="fn" id="fn2">n</span></p>'
    assert _keep_notes(page, ["fn2"]) == (
        '<p class="a">x</p><p style="orphans: 1; widows: 1" class="para">y'
        '<span class="fn" id="fn2">n</span></p>'
    )
    assert _keep_notes(_keep_notes(page, ["fn2"]), ["fn2"]) == _keep_notes(page, ["fn2"])


# --------------------------------------------------------------------------- the PDF


@pytest.mark.corpus
def test_pdf_text_has_the_masthead_paragraphs_and_page_furniture(pdfs):
    pdf = _pdf(pdfs, "eng")
    _need(missing("pdftotext"))
    text = extract("pdftotext", pdf)
    for expected in (
        "United Nations",
        "A/RES/79/288",
        "General Assembly",
        "Distr.: General",
        "8 May 2025",
        "Seventy-ninth session",
        "Agenda item 27",
        "The General Assembly,",
        "Recognizing the significance of the Fourth World Conference",
        "Further decides that:",
        "69th plenary meeting",
        RULE,  # the note rule is text, as in the UN's PDFs
        "Resolution 70/1.",  # a note
    ):
        assert expected in text, expected
    pages = text.split("\f")
    count = len([p for p in pages if p.strip()])
    assert count >= 2 and f"2/{count}" in text  # page numbers "2/5"
    assert re.search(r"\d\d-\d{5} \(E\)\s+\d{6}", pages[0])  # job number on page 1
    assert re.search(r"\*\d{7}\*", pages[0])  # and its bar-code line
    assert "A/RES/79/288" in pages[1]  # the running head


def test_same_page_same_bytes():
    _need(available())
    page = "<html><body><p>One<span style='float: footnote'>A note.</span></p></body></html>"
    assert html_to_pdf(page) == html_to_pdf(page)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("language", "extractor"),
    [
        ("eng", "pdftotext"),
        ("eng", "pdftotext -layout"),
        ("eng", "pdftotext -raw"),
        ("eng", "pymupdf"),
        ("eng", "pdfminer"),
        ("ara", "pdftotext"),
        ("zho", "pymupdf"),
    ],
)
def test_each_extractors_text_converts(pdfs, language, extractor):
    pdf = _pdf(pdfs, language)
    _need(missing(extractor))
    text = extract(extractor, pdf)
    assert len(text) > 2000
    result = convert(text, lang=LANG[language])  # converts; how well is measured, not tested
    assert result.tree is not None or result.diagnostics


# --------------------------------------------------------------------------- degradations


def _mark(marker: str) -> str:
    return f"{MARK_OPEN}{marker}{MARK_CLOSE}"


LONG = (
    "Recalling its resolutions on the effective implementation of international "
    "cooperation in the field of sustainable development, including those on financing "
    "for development and the efficient use of official development assistance, "
)
SOURCE = Source(
    paragraphs=[
        "United Nations",
        "A/RES/1/1",
        "General Assembly",
        "1/1. Title of the resolution",
        "The General Assembly,",
        f"Reaffirming the Declaration{_mark('1')} of the first conference, {LONG}",
        f"Noting the report{_mark('2')} of the Secretary-General on South-South cooperation "
        f"and the difficulties of landlocked developing countries, {LONG}{_mark('3')}",
        *[f"Recalling also {LONG}{LONG}{LONG}"] * 6,  # enough for a second page
        "1. Decides that:",
        "(a) The first segment will be held in the morning;",
        "(b) The second segment will be held in the afternoon;",
        "2. Requests the Secretary-General to report on the efficient follow-up;",
    ],
    notes=[("1", "Resolution 70/1."), ("2", "A/75/100."), ("3", "See resolution 79/1, annex.")],
    symbol="A/RES/1/1",
)


def test_nfd_differs_and_normalises_back():
    source = Source(["Réaffirmant la résolution", "1. Décide de poursuivre;"], [])
    degraded = degrade("nfd", source)
    assert degraded.text != source.clean() and degraded.changes
    assert unicodedata.normalize("NFC", degraded.text) == source.clean()


def test_ligatures_replace_letters_and_read_back():
    degraded = degrade("ligatures", SOURCE)
    assert "\ufb01" in degraded.text or "\ufb03" in degraded.text
    back = degraded.text
    for letters, ligature in (("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00")):
        back = back.replace(ligature, letters)
    back = back.replace("\ufb01", "fi").replace("\ufb02", "fl")
    assert back == SOURCE.clean() and degraded.changes


def test_mixed_notes_mixes_both_styles():
    degraded = degrade("mixed notes", SOURCE)
    lines = degraded.text.splitlines()
    alone = [line for line in lines if line in ("1", "2", "3")]
    inline = [line for line in lines if re.match(r"^[123] \S", line)]
    assert alone and inline  # markers alone on their line and markers before their text
    styles = {change.rsplit(" ", 1)[1] for change in degraded.changes}
    assert styles == {"alone", "inline"} and len(degraded.changes) == 3


def test_notes_without_rule_keep_the_notes_but_no_rule():
    degraded = degrade("notes without rule", SOURCE)
    assert RULE not in degraded.text and "3 See resolution 79/1, annex." in degraded.text
    assert degraded.changes


def test_notes_between_paragraphs_stand_before_later_text():
    degraded = degrade("notes between paragraphs", SOURCE)
    text = degraded.text
    assert RULE not in text and "\f" not in text
    assert degraded.changes  # the sample fills more than one page
    first_note = text.index("1 Resolution 70/1.")
    assert text.index("Requests the Secretary-General to report") > first_note


def test_paragraph_cut_by_a_page_has_notes_in_between():
    degraded = degrade("paragraph cut by a page", SOURCE)
    (change,) = degraded.changes
    cut = int(re.search(r"line (\d+)", change).group(1)) - 1
    words = SOURCE.printed(SOURCE.paragraphs[cut]).split()
    pages = degraded.text.split("\f")
    (page,) = [p for p in pages if " ".join(words[:4]) in p]  # where the paragraph starts
    assert " ".join(words[-4:]) not in page  # it ends on the next page
    after = page[page.index(" ".join(words[:4])) :]
    foot = re.search(r"^(\d+/\d+|\d\d-\d{5} \(E\) .*)$", after, re.M)  # "2/5", or page 1's
    assert RULE in after and foot  # the notes and the page's foot come in between


def test_lost_list_labels_drop_a_lists_labels_only():
    degraded = degrade("lost list labels", SOURCE)
    assert "(a)" not in degraded.text and "(b)" not in degraded.text
    assert "The first segment will be held in the morning;" in degraded.text
    assert "1. Decides that:" in degraded.text
    assert [c.rsplit(" ", 2)[1] for c in degraded.changes] == ["(a)", "(b)"]


def test_hyphen_breaks_cut_words_that_rejoin():
    degraded = degrade("hyphen breaks", SOURCE)
    lines = degraded.text.splitlines()
    cut = [line for line in lines if line.endswith("-")]
    assert cut and len(cut) == len(degraded.changes)
    for change in degraded.changes:
        if change.startswith("compound"):
            continue
        word, pieces = change.split(" -> ")
        head, tail = pieces.split(" / ")
        assert head[:-1] + tail == word
    rejoined = re.sub(r"(\w)-\n(\w)", r"\1\2", degraded.text)
    assert "development" in rejoined


def test_stray_spaces_split_words_and_only_that():
    degraded = degrade("stray spaces", SOURCE, seed=3)
    assert degraded.changes
    text = degraded.text
    for change in degraded.changes:
        word, split = change.split(" -> ")
        assert split.replace(" ", "") == word and split in text
    assert degrade("stray spaces", SOURCE, seed=3).text == text  # seeded
    assert text.split() != SOURCE.clean().split()


def test_a_class_with_nothing_to_do_records_nothing():
    plain = Source(["The General Assembly,", "1. Decides to act;"], [])
    assert degrade("lost list labels", plain).changes == []
    assert degrade("nfd", plain).changes == []
    assert degrade("mixed notes", plain).changes == []


def test_every_degradation_is_seeded():
    for name in extraction_score.DEGRADATIONS:
        assert degrade(name, SOURCE, 5).text == degrade(name, SOURCE, 5).text, name


# --------------------------------------------------------------------------- the score tool


@pytest.mark.corpus
def test_score_tool_prints_a_table(capsys):
    status = extraction_score.main(
        ["eng", "--limit", "1", "--rows", "clean,stray spaces,mixed notes"]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "| text | eng |" in out and "| clean |" in out and "| mixed notes |" in out
    assert re.search(r"\| clean \| \d+% · \d+\.\d% \(1\) \|", out)


def test_chinese_lines_are_never_cut_inside_a_latin_run():
    text = "又建议各专门机构继续审查大会第1514(XV)号决议和第1541(XV)号决议的执行情况，" * 8
    source = Source(["联合国", "A/RES/1/1", "大会", "1/1. 标题", "大会，", text, text], [])
    degraded = degrade("paragraph cut by a page", source)
    assert degraded.changes
    lines = degraded.text.splitlines()
    for line, following in pairwise(lines):
        assert not (re.search(r"[0-9A-Za-z(]$", line) and re.match(r"[0-9A-Za-z)]", following))
