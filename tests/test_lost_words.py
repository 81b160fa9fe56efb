"""The test of the test: the "no word is lost" property (kept_words) fails when a word goes.

A real conversion passes it; the same result with one preambular paragraph deleted, one word
deleted or one word changed must not, nor may a diagnostic that names a paragraph, or the
prose of any message, stand in for the paragraph. A repair or a removal counts only when the
diagnostic that reports it is there.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import SEED
from kept_words import lost_words, words
from lxml import etree

from akn.converter.pipeline import Conversion, convert
from akn.diagnostics import Diagnostic, Severity

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
GOLDEN = Path(__file__).parent / "golden"
PDF_80_3 = GOLDEN / "pdf-A-RES-80-3-en.txt"  # page furniture (L201) on every page


@pytest.fixture(scope="module")
def seed() -> tuple[str, Conversion]:
    text = SEED.read_text(encoding="utf-8")
    return text, convert(text, lang="fr")


def lost(text: str, tree: etree._Element, diagnostics: list[Diagnostic]) -> dict[str, int]:
    return dict(lost_words(text, tree, diagnostics))


def test_words_are_runs_of_letters_and_digits_and_each_chinese_character():
    assert words("Sud-Est, l’Asie (A/RES/75/15) 19671") == {
        "Sud": 1, "Est": 1, "l": 1, "Asie": 1, "A": 1, "RES": 1, "75": 1, "15": 1, "19671": 1,
    }  # fmt: skip
    assert words("大会第1514号") == {"大": 1, "会": 1, "第": 1, "1514": 1, "号": 1}
    assert words("enshri\u00adned") == {"enshrined": 1}  # a soft hyphen parts no word


def test_the_real_conversion_passes(seed):
    text, result = seed
    assert lost(text, result.tree, result.diagnostics) == {}


def test_deleting_one_preambular_paragraph_fails(seed):
    text, result = seed
    tree = copy.deepcopy(result.tree)
    paragraph = tree.find(".//a:preamble/a:container[5]", NS)
    assert "cinquantième anniversaire" in "".join(paragraph.itertext())
    paragraph.getparent().remove(paragraph)
    found = lost(text, tree, result.diagnostics)
    assert found, "a whole preambular paragraph went and the property did not see it"
    assert found["cinquantième"] == 2 and found["Philippines"] == 1  # counted, not a set


def test_deleting_one_word_fails(seed):
    text, result = seed
    tree = copy.deepcopy(result.tree)
    p = tree.find(".//a:mainBody//a:p", NS)
    span = p.find("a:span", NS)
    assert "des progrès accomplis" in span.tail
    span.tail = span.tail.replace("des progrès accomplis", "des accomplis", 1)
    assert lost(text, tree, result.diagnostics) == {"progrès": 1}


def test_changing_one_word_fails(seed):
    text, result = seed
    tree = copy.deepcopy(result.tree)
    formula = tree.find(".//a:formula//a:span", NS)
    assert formula.text == "L’Assemblée générale"
    formula.text = "L’Assemblée général"  # a letter short: another word, also in the text
    assert lost(text, tree, result.diagnostics) == {"générale": 1}


def test_moving_a_word_into_the_metadata_fails(seed):
    """The FRBR metadata is no document text: a word moved there is lost."""
    text, result = seed
    tree = copy.deepcopy(result.tree)
    title = tree.find(".//a:preface//a:docTitle", NS)
    title.text = title.text.replace("Coopération ", "", 1)
    tree.find(".//a:FRBRWork/a:FRBRthis", NS).set("value", "/akn/un/Coopération")
    assert lost(text, tree, result.diagnostics) == {"Coopération": 1}


def test_a_diagnostic_that_quotes_a_paragraph_does_not_keep_it(seed):
    """Only a diagnostic that says it took the text out accounts for its words."""
    text, result = seed
    tree = copy.deepcopy(result.tree)
    paragraph = tree.find(".//a:preamble/a:container[2]", NS)
    quoted = "".join(paragraph.itertext())
    paragraph.getparent().remove(paragraph)
    said = Diagnostic("S303", Severity.WARNING, f"text not recognised: {quoted!r}")
    assert lost(text, tree, [*result.diagnostics, said])


def test_a_removal_counts_only_when_it_is_reported():
    text = PDF_80_3.read_text(encoding="utf-8")
    result = convert(text, lang="en")
    assert lost(text, result.tree, result.diagnostics) == {}
    furniture = [d for d in result.diagnostics if d.code == "L201"]
    assert furniture
    running_head = next(d for d in furniture if "Awaza Political Declaration" in d.message)
    others = [d for d in result.diagnostics if d is not running_head]
    assert lost(text, result.tree, others) == {"Awaza": 1, "Political": 1, "Declaration": 1}


def test_a_repair_counts_only_when_it_is_reported(seed):
    text, result = seed
    rejoined = next(d for d in result.diagnostics if d.code == "L210")
    assert rejoined.message.endswith("'internat ionales' -> 'internationales'")
    others = [d for d in result.diagnostics if d is not rejoined]
    assert lost(text, result.tree, others) == {"internat": 1, "ionales": 1}


def test_a_footnote_marker_glued_to_a_year_is_no_lost_word(seed):
    """ "19671" is 1967 and note 1; it passes, and deleting the note's marker does not."""
    text, result = seed
    assert "19671," in text
    tree = copy.deepcopy(result.tree)
    note = tree.find(".//a:preamble//a:authorialNote[@marker='1']", NS)
    note.set("marker", "")
    assert lost(text, tree, result.diagnostics) == {"19671": 1, "1": 1}


def test_any_one_operative_paragraph_dropped_is_seen():
    """Removing any one operative paragraph of a conversion loses words, even where every
    paragraph says nearly the same."""
    head = "The General Assembly,\n\nRecalling its resolution 71/317,\n\n"
    for number in range(1, 11):
        body = "\n\n".join(f"{n}. Decides to act on item {n * number};" for n in range(1, 4))
        text = head + body + "\n"
        result = convert(text, lang="en")
        assert lost(text, result.tree, result.diagnostics) == {}
        for block in result.tree.iterfind(".//a:paragraph", NS):
            tree = copy.deepcopy(result.tree)
            twin = tree.find(f".//a:paragraph[@eId='{block.get('eId')}']", NS)
            twin.getparent().remove(twin)
            assert lost(text, tree, result.diagnostics), (text, block.get("eId"))


def test_two_control_characters_between_two_words_leave_a_space():
    text = "The General Assembly,\n\n1. Decides to act\x1f\x1fnow;\n"
    result = convert(text, lang="en")
    assert any(d.code == "E107" for d in result.diagnostics)
    assert lost(text, result.tree, result.diagnostics) == {}


def test_a_two_digit_marker_after_uncalled_notes_stays_one_marker():
    notes = "\n".join(f"{n} Note {n}." for n in range(1, 15))
    text = (
        "The General Assembly,\n\nRecalling its resolution 1/1 and the Charter1,\n\n"
        f"1. Decides that the Guiding Principles14 are important;\n\n{'_' * 18}\n{notes}\n"
    )
    result = convert(text, lang="en")
    assert lost(text, result.tree, result.diagnostics) == {}


def test_the_hypothesis_documents_exercise_the_repairs():
    """The generated documents' fragments carry the damage the repairs are for."""
    from test_properties import FRAGMENTS

    text = "\n".join(FRAGMENTS)
    result = convert(text, lang="fr")
    codes = {d.code for d in result.diagnostics}
    assert {"L201", "L210"} <= codes, codes
    assert lost(text, result.tree, result.diagnostics) == {}
