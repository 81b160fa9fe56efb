"""A PDF's italic runs are the italic spans of the XML (issue 10): the page is the evidence.

The PDFs are made here (tests/pdfmaker.py) with Times Italic where the UN sets italics: an
opening phrase the mapping does not list, a phrase wrapped over two lines, the title of a
publication inside a paragraph, a verb the page sets upright. A text gives what the mapping
says, as before; so does a PDF whose pages show no italics at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from pdfmaker import italic as _i
from pdfmaker import line as _line
from pdfmaker import make_pdf
from pdfmaker import roman as _r

from akn.converter.emphasis import carry_italics, nearest
from akn.converter.marks.phrases import italicise
from akn.converter.pipeline import convert
from akn.converter.source import Line
from akn.converter.tree import LinkMark, Node, NodeKind, PhraseMark

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _page(italic=True):
    """A one-page resolution; ``italic`` False: every line set in the upright font."""
    i = _i if italic else _r
    return [
        _line(72, 740, _r("United Nations")),
        _line(450, 740, _r("A/RES/99/2")),
        _line(72, 722, ("B", 12, 0, "General Assembly")),
        _line(72, 690, ("B", 12, 0, "99/2. Test of italics")),
        _line(108, 660, i("The General Assembly"), _r(",")),
        _line(108, 640, i("Recalling with deep regret"), _r(" the lack of tests,")),
        _line(108, 620, i("Taking note"), _r("")),
        _line(72, 608, i("with deep appreciation"), _r(" of the report of the Secretary-General,")),
        _line(108, 580, _r("1. "), i("Decides"), _r(" to publish the "), i("Handbook"), _r(";")),
        _line(108, 560, _r("2. Requests the Secretary-General to report."), ("R", 6.5, 3.5, "1")),
        _line(72, 520, _r("100th plenary meeting")),
        _line(72, 508, _r("1 January 2099")),
        _line(72, 120, _r("__________")),
        _line(
            72,
            105,
            ("R", 5.5, 3, "1"),
            ("R", 8, 0, " See "),
            ("I" if italic else "R", 8, 0, "Records, Supplement N"),
            ("R", 5.5, 3, "o"),
            ("I" if italic else "R", 8, 0, " 23"),
            ("R", 8, 0, " (A/99/23)."),
        ),
    ]


def _spans(data: bytes | str) -> dict[str, list[str]]:
    """The italic texts of each container, paragraph and note, by the start of its text."""
    result = convert(data, lang="en", validate=False)
    assert result.tree is not None
    found = {}
    units = "//a:container | //a:paragraph | //a:formula | //a:authorialNote"
    for unit in result.tree.xpath(units, namespaces=NS):
        text = "".join(unit.itertext()).strip()
        found[text[:12]] = [
            "".join(span.itertext())
            for span in unit.xpath(".//a:span[@class='italic']", namespaces=NS)
            if not span.xpath("ancestor::a:authorialNote", namespaces=NS)
            or unit.tag.endswith("Note")
        ]
    return found


@pytest.fixture(scope="module")
def printed() -> dict[str, list[str]]:
    return _spans(make_pdf([_page()]))


def test_a_phrase_the_mapping_does_not_list_is_italic_as_printed(printed) -> None:
    assert printed["Recalling wi"] == ["Recalling with deep regret"]  # the mapping: "Recalling"


def test_the_printed_phrase_names_the_container() -> None:
    result = convert(make_pdf([_page()]), lang="en", validate=False)
    assert result.tree is not None
    names = [c.get("name") for c in result.tree.xpath("//a:container", namespaces=NS)]
    assert names == ["Recalling with deep regret", "Taking note with deep appreciation"]


def test_a_phrase_wrapped_over_two_lines_is_one_span(printed) -> None:
    assert printed["Taking note "] == ["Taking note with deep appreciation"]


def test_a_title_inside_a_paragraph_is_italic_too(printed) -> None:
    assert printed["1.Decides to"] == ["Decides", "Handbook"]
    assert printed["The General "] == ["The General Assembly"]


def test_a_notes_title_is_italic_with_the_superscript_inside_it(printed) -> None:
    assert printed["See Records,"] == ["Records, Supplement No 23"]


def test_a_verb_the_page_sets_upright_is_not_italicised(printed) -> None:
    assert printed["2.Requests t"] == []


def test_a_pdf_without_italics_falls_back_on_the_mapping() -> None:
    upright = _spans(make_pdf([_page(italic=False)]))
    assert upright["2.Requests t"] == ["Requests"]
    assert upright["Recalling wi"] == ["Recalling"]  # the mapping's phrase
    assert upright["Taking note "] == ["Taking note"]  # the mapping's phrase, not the page's
    assert upright["1.Decides to"] == ["Decides"]
    assert upright["See Records,"] == []  # a text's notes have no italics either


def test_a_text_keeps_the_mappings_italics() -> None:
    lines = [Line(1, "Recalling its resolution 70/1,")]
    from akn.converter.blocks import Block, Kind

    block = Block(Kind.RECITAL, lines, "test", text=lines[0].text, starts=[0])
    carry_italics([block], lines)
    assert block.italics is None  # no evidence: marks/phrases.py reads the mapping's phrase


def test_a_run_is_found_where_the_texts_typography_moved_its_spaces() -> None:
    text = "Se félicite du Recueil de droit\u00a0: collection, publié"
    assert nearest(text, "Recueil de droit : collection", 10) == (15, 44)
    assert nearest(text, "Recueil", 200) is None  # out of reach: not some other occurrence


def test_an_italic_title_gives_way_to_the_link_inside_it() -> None:
    text = "Decides to read the Report A/99/1 of tests;"
    link = LinkMark(27, 33, "A/99/1", "https://undocs.org/en/A/99/1")
    node = Node(
        NodeKind.PARAGRAPH,
        text=text,
        seq=1,
        marks=(link,),
        italics=((0, "Decides"), (20, "Report A/99/1 of tests")),
    )
    marks = italicise(node).marks
    italics = [text[m.start : m.end] for m in marks if isinstance(m, PhraseMark)]
    assert italics == ["Decides", "Report", "of tests"]
    assert link in marks


def test_the_score_reads_bold_italic_and_leaves_notes_aside() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from italic_score import italic_texts
    from lxml import etree

    p = etree.fromstring(
        '<p xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        '<span class="bold italic">Recalling </span><span class="italic">also</span> the'
        '<authorialNote><p><span class="italic">Treaty Series</span></p></authorialNote>'
        ' <span class="bold">Handbook</span>.</p>'
    )
    assert italic_texts(p) == ("Recalling also",)
