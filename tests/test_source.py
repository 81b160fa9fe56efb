"""Reading the input: encodings, newlines, form feeds, and clear errors for what is not text."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akn.converter.source import InputError, decode, looks_like_text, split_lines


def test_utf8_with_and_without_bom_read_the_same():
    assert decode("é".encode()) == decode(codecs.BOM_UTF8 + "é".encode()) == "é"


def test_utf16_with_bom_is_read():
    assert decode(codecs.BOM_UTF16_LE + "Rappelant".encode("utf-16-le")) == "Rappelant"


def test_invalid_utf8_names_line_and_column():
    with pytest.raises(InputError) as caught:
        decode(b"first line\nsecond \xff line\n")
    diagnostic = caught.value.diagnostic
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("E102", 2, 8)
    assert "0xff" in diagnostic.message and "UTF-8" in diagnostic.message


def test_binary_data_is_refused():
    with pytest.raises(InputError) as caught:
        decode(b"%PDF-1.7\n\x00\x01\x02")
    assert caught.value.diagnostic.code == "E101"


def test_control_characters_are_not_text():
    assert not looks_like_text("\x01\x02\x03" * 100)
    assert looks_like_text("The General Assembly,\n")


def test_crlf_cr_and_lf_give_the_same_lines():
    lines_lf, _ = split_lines("a\nb\nc\n")
    lines_crlf, _ = split_lines("a\r\nb\r\nc\r\n")
    lines_cr, _ = split_lines("a\rb\rc\r")
    assert (
        [ln.text for ln in lines_lf]
        == [ln.text for ln in lines_crlf]
        == [ln.text for ln in lines_cr]
        == ["a", "b", "c"]
    )


def test_form_feed_becomes_its_own_line_keeping_line_numbers():
    lines, _ = split_lines("end of page\n\fA/RES/73/6\n")
    assert [(ln.number, ln.text) for ln in lines] == [
        (1, "end of page"),
        (2, "\f"),
        (2, "A/RES/73/6"),
    ]


def test_reserved_characters_are_reported_and_removed():
    lines, diagnostics = split_lines("a\ue000b\n")
    assert lines[0].text == "ab"
    assert [d.code for d in diagnostics] == ["E103"]


def test_extraction_characters_are_normalised_and_counted():
    """NFD letters, ligatures (PyMuPDF) and invisible direction marks (pdftotext's Arabic
    embeddings, a mark after a paragraph number) become plain text; each kind is one L220
    naming how many and the first line, so nothing changes unreported."""
    text = (
        "The General Assembly,\n\u202bRea\ufb00irming\u202c the re\ufb01ned,\n"
        "e\u0301te\u0301\n6.\u200e Decides\n"
    )
    lines, diagnostics = split_lines(text)
    assert [line.text for line in lines] == [
        "The General Assembly,",
        "Reaffirming the refined,",
        "été",
        "6. Decides",
    ]
    found = {d.message.split(" ", 2)[1]: (d.message.split()[0], d.line) for d in diagnostics}
    assert found == {"ligatures": ("2", 2), "invisible": ("3", 2), "decomposed": ("2", 3)}
    assert all(d.code == "L220" for d in diagnostics)


def test_direction_marks_around_an_arabic_number_and_its_dash_are_removed():
    """The UN's Arabic writes "19 -" with a right-to-left mark on each side: the number is
    read only without them (A/RES/75/188: paragraphs 19-23 had been unnumbered)."""
    lines, diagnostics = split_lines("\u200f19 -\u200f تحيط علما\n")
    assert [line.text for line in lines] == ["19 - تحيط علما"]
    assert [d.message.split()[0] for d in diagnostics if d.code == "L220"] == ["2"]
    # and around a point's label: "\u200f(ب)\u200f التركيز" (A/RES/77/335)
    lines, _ = split_lines("\u200f(ب)\u200f التركيز على\n")
    assert [line.text for line in lines] == ["(ب) التركيز على"]


def test_marks_an_author_typed_are_kept():
    """Joiners choose letter forms; a direction mark inside a sentence is the author's."""
    lines, diagnostics = split_lines("می\u200cخواهم\nفي عام\u200f 2020\n")
    assert [line.text for line in lines] == ["می\u200cخواهم", "في عام\u200f 2020"]
    assert not diagnostics


@given(st.text(alphabet="ab\n\f\v\x01 é", max_size=60))
def test_lines_holding_finds_the_lines_a_search_of_each_finds(text):
    """The one scan of the text names the same lines as a search of every line would."""
    from akn.converter.source import _TO_REPAIR, _lines_holding

    expected = {
        number for number, line in enumerate(text.split("\n"), start=1) if _TO_REPAIR.search(line)
    }
    assert _lines_holding(_TO_REPAIR, text) == expected


@given(st.text(alphabet="ab. c\t-x\\|", max_size=12))
def test_a_gap_of_literal_alternatives_is_found_where_its_pattern_is(text):
    """has_columns looks for a gap written as plain alternatives ("\\t|   ") with substring
    tests: they find exactly what the pattern finds."""
    import re

    from akn.converter.source import literal_alternatives

    for written in ("\t|   ", r"\t|   ", r"a\.b|c", r"\-x|\ \ "):
        pattern = re.compile(written)
        literals = literal_alternatives(pattern)
        assert literals is not None
        assert any(literal in text for literal in literals) == bool(pattern.search(text))
    for written in (r"\s{3,}", r"a\|b", "(?i)x", "x+"):
        assert literal_alternatives(re.compile(written)) is None
