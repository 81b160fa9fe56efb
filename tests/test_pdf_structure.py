"""The structure a PDF's page gives, read by akn's PDF reader (akn/converter/pdf): each test is
a class of the typeset corpus (tools/extraction_score.py, row "akn reads the PDF") made small.

The PDFs are made here with tests/pdfmaker.py: lines placed by hand, as the typeset PDFs and
the UN's place them.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2", reason="the pdf extra: pip install -e '.[pdf]'")

from pdfmaker import make_pdf

from akn.converter.pdf import read_pdf
from akn.converter.pdf.layout import INDENT_TEXT
from akn.converter.pipeline import convert

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _line(x, y, *segments):
    return (x, y, [(font, size, rise, text) for font, size, rise, text in segments])


def _r(text, size=10):
    return ("R", size, 0, text)


def _i(text, size=10):
    return ("I", size, 0, text)


def _sup(text, size=6.5):
    return ("R", size, 3.5, text)


MASTHEAD = [
    _line(72, 740, _r("United Nations")),
    _line(450, 740, _r("A/RES/99/1")),
    _line(72, 722, ("B", 12, 0, "General Assembly")),
    _line(72, 690, ("B", 12, 0, "99/1. Test of the page reader")),
    _line(108, 660, _i("The General Assembly"), _r(",")),
]


def _texts(result, path: str) -> list[str]:
    assert result.tree is not None, [d.format() for d in result.diagnostics]
    return [" ".join("".join(e.itertext()).split()) for e in result.tree.findall(path, NS)]


def test_a_raised_marker_after_a_comma_closes_the_line_before_a_page_break() -> None:
    # "…concern,⁶" ends page 1; page 2 opens, indented, with words no mapping lists: the
    # raised digit is a note's marker, so the line closed and a new recital opens
    pages = [
        [
            *MASTHEAD,
            _line(108, 640, _i("Recalling"), _r(" its resolution 70/1 of 25 September 2015 and")),
            _line(72, 628, _r("its resolution 71/1 of 1 October 2016,")),
            _line(108, 610, _i("Noting"), _r(" the report of the Secretary-General with")),
            _line(72, 598, _r("concern,"), _sup("1")),
            _line(72, 120, _r("__________")),
            _line(72, 105, _sup("1", 5.5), _r(" A/99/100.", 8)),
        ],
        [
            _line(108, 700, _r("In this regard, bearing in mind the agenda for")),
            _line(72, 688, _r("disarmament,")),
            _line(108, 670, _r("1. "), _i("Decides"), _r(" to remain seized of the matter and")),
            _line(72, 658, _r("to consider it at its next session.")),
        ],
    ]
    result = convert(make_pdf(pages), lang="en")
    recitals = _texts(result, ".//a:preamble/a:container")
    assert recitals[-1] == "In this regard, bearing in mind the agenda for disarmament,"
    assert len(recitals) == 3


def test_a_first_line_a_space_further_in_than_the_indent_still_opens_a_paragraph() -> None:
    # The UN's text opens some paragraphs with a tab after the indent ("\tAlso recalling"):
    # the page draws it a space further in. At the top of a page, after a comma, only the
    # indent says that the line opens a recital.
    first = [
        _line(108, 700, _r("Recalling its resolution 70/1 of 25 September 2015, and its")),
        _line(72, 688, _r("resolution 71/1 of 1 October 2016,")),
        _line(108, 670, _r("Noting the report of the Secretary-General on the matter, and")),
        _line(72, 658, _r("the reports of the Committee,")),
    ]
    second = [
        _line(111, 700, _r("Recalling also its resolution 72/1 of 1 October 2017, and")),
        _line(72, 688, _r("its resolution 73/1 of 1 October 2018,")),
        _line(108, 670, _r("Welcoming the work done by the Committee, and the work of")),
        _line(72, 658, _r("the Secretariat,")),
        _line(108, 640, _r("1. "), _i("Decides"), _r(" to remain seized of the matter and")),
        _line(72, 628, _r("to consider it at its next session.")),
    ]
    lines, _ = read_pdf(make_pdf([first, second]))
    texts = [line.text for line in lines]
    page = texts[texts.index("\f") + 1 :]
    assert page[:2] == [
        "",
        INDENT_TEXT + "Recalling also its resolution 72/1 of 1 October 2017, and",
    ]
    # an em further in is no indent of this page's: the line goes on
    deeper = [_line(118, 700, _r("Recalling also its resolution 72/1 of 1 October 2017, and"))]
    lines, _ = read_pdf(make_pdf([first, deeper + second[1:]]))
    texts = [line.text for line in lines]
    assert (
        texts[texts.index("\f") + 1] == "Recalling also its resolution 72/1 of 1 October 2017, and"
    )
