"""The structure a PDF's page gives, read by akn's PDF reader (akn/converter/pdf): each test is
a class of the typeset corpus (tools/extraction_score.py, row "akn reads the PDF") made small.

The PDFs are made here with tests/pdfmaker.py: lines placed by hand, as the typeset PDFs and
the UN's place them.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2", reason="the pdf extra: pip install -e '.[pdf]'")

from pdfmaker import italic as _i
from pdfmaker import line as _line
from pdfmaker import make_pdf
from pdfmaker import raised as _sup
from pdfmaker import roman as _r

from akn.converter.pdf import read_pdf
from akn.converter.pdf.line_table import INDENT_TEXT
from akn.converter.pipeline import convert

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


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


QUOTED = """United Nations A/RES/99/2

General Assembly

Resolution adopted by the General Assembly on 1 January 2099

99/2. Test of a quoted provision

The General Assembly,

Recalling its resolution 70/1,

1. Decides to test the reader;

2. Requests the Secretary-General to report;

3. Invites Member States to take part;

4. Stresses the independence of the Tribunal;

5. Decides to amend the statute of the Tribunal as follows:

Article 9, new paragraph 4:

4. In hearing an application, the Tribunal shall pass judgment on the application;

6. Decides to remain seized of the matter.

100th plenary meeting
1 January 2099
"""


def test_a_lower_number_after_a_colon_is_a_quoted_provision_and_keeps_the_count() -> None:
    # A/RES/78/248 in every language: an amendment quoted after "…as follows:"
    result = convert(QUOTED, lang="en")
    assert result.tree is not None, [d.format() for d in result.diagnostics]
    numbers = [
        "".join(p.findtext("a:num", "", NS).split())
        for p in result.tree.findall(".//a:mainBody/a:paragraph", NS)
    ]
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "", "4.", "6."]
    assert not [d for d in result.diagnostics if d.code == "S306"]


def test_a_line_the_page_broke_short_goes_on_with_its_point() -> None:
    # A/RES/79/288 ara: "(c) … 20:00," stops short (its next words are bound by a no-break
    # space); the page, not the line's length, says where a paragraph ends
    long = "the Secretary-General to report to the General Assembly at its next session"
    page = [
        *MASTHEAD,
        _line(108, 640, _i("Recalling"), _r(" its resolution 70/1 of 25 September 2015, and")),
        _line(72, 628, _r(f"its resolution 71/1 of 1 October 2016, and requests {long[:20]}")),
        _line(72, 616, _r("also its resolution 72/1,")),
        _line(
            108, 598, _r("1. "), _i("Decides"), _r(" that the high-level meeting shall be held as")
        ),
        _line(72, 586, _r("follows, and requests " + long[:44])),
        _line(72, 574, _r("at its seventy-ninth session, on the matter:")),
        _line(
            108,
            556,
            _r("(a) That the opening segment shall consist of statements by " + long[4:18]),
        ),
        _line(72, 544, _r("and of statements by " + long[4:50])),
        _line(72, 532, _r("and the President of the Council;")),
        _line(108, 514, _r("(b) That the closing segment,")),
        _line(72, 502, _r("from 7.45 to 8 p.m., consist of closing remarks by " + long[4:30])),
        _line(72, 490, _r("of the Assembly;")),
        _line(
            108, 472, _r("2. "), _i("Decides"), _r(" to remain seized of the matter, and requests")
        ),
        _line(72, 460, _r(long[:70])),
        _line(72, 448, _r("on the matter.")),
    ]
    result = convert(make_pdf([page]), lang="en")
    points = _texts(result, ".//a:point")
    assert points[-1].endswith(
        "8 p.m., consist of closing remarks by Secretary-General to repor of the Assembly;"
    )
    assert points[-1].startswith("(b)That the closing segment, from 7.45 to")
    assert not result.tree.findall(".//a:wrapUp", NS)


def test_a_page_of_one_line_paragraphs_keeps_its_margin_and_its_pitch() -> None:
    # S/RES/2523 (2020) zho: most lines are first lines, indented, 18 pt apart; the margin is
    # where the fewer wrapped lines start (ending where the full first lines end: x = 340 to
    # 355), the pitch the 12 pt of the lines of one paragraph
    page = [
        _line(108, 700, _r("Reaffirming all its previous resolutions on the Sudan and")),
        _line(72, 688, _r("the statements of its President, and all its other decisions on")),
        _line(108, 670, _r("Reaffirming its commitment to the sovereignty of the Sudan,")),
        _line(108, 652, _r("Determining that the situation constitutes a threat,")),
        _line(108, 634, _r("Acting under Chapter VII of the Charter,")),
        _line(108, 616, _r("1. "), _i("Decides"), _r(" to extend the mandate of the operation")),
        _line(72, 604, _r("until 3 June 2020, and requests the Secretary-General to report;")),
        _line(108, 586, _r("2. "), _i("Decides"), _r(" to remain seized of the matter.")),
    ]
    lines, _ = read_pdf(make_pdf([page]))
    texts = [line.text for line in lines]
    assert texts == [
        INDENT_TEXT + "Reaffirming all its previous resolutions on the Sudan and",
        "the statements of its President, and all its other decisions on",
        "",
        INDENT_TEXT + "Reaffirming its commitment to the sovereignty of the Sudan,",
        "",
        INDENT_TEXT + "Determining that the situation constitutes a threat,",
        "",
        INDENT_TEXT + "Acting under Chapter VII of the Charter,",
        "",
        INDENT_TEXT + "1. Decides to extend the mandate of the operation",
        "until 3 June 2020, and requests the Secretary-General to report;",
        "",
        INDENT_TEXT + "2. Decides to remain seized of the matter.",
    ]
    # lines that start further out and end short (the masthead's session and agenda item,
    # in the outer margin) are no margin
    session = [_line(30, 740, _r("Eightieth session")), _line(30, 728, _r("Agenda item 13"))]
    lines, _ = read_pdf(make_pdf([session + page]))
    assert [line.text for line in lines][3:] == texts


def test_a_call_a_stretched_space_away_from_the_end_of_its_line_is_its_marker() -> None:
    # A/RES/75/235 zho: a justified line stretches the space before the call "¹⁹" to two
    # ems, and the call, drawn apart, still marks the line's last word
    page = [
        _line(72, 700, _r("Recalling the high-level meeting and its outcome,")),  # ends at 277
        _line(300, 703.5, _sup("19")),
    ]
    lines, _ = read_pdf(make_pdf([page]))
    assert [line.text for line in lines] == ["Recalling the high-level meeting and its outcome,¹⁹"]


def test_a_smaller_line_just_above_a_bigger_one_is_no_superscript_unless_it_is_a_call() -> None:
    # the masthead: "United Nations" and the symbol over a larger "General Assembly" are a
    # line of their own, however near; only a call ("19") reaches that far for its line
    page = [
        _line(72, 740, _r("United Nations")),
        _line(215, 740, _r("A/RES/99/1")),  # ends 3 ems after "General Assembly"
        _line(72, 732, ("B", 18, 0, "General Assembly")),
        _line(72, 700, _r("The General Assembly,")),
    ]
    lines, _ = read_pdf(make_pdf([page]))
    assert [line.text for line in lines if line.text][:3] == [
        "United Nations",
        "A/RES/99/1",
        "General Assembly",
    ]


def test_a_mark_the_pdf_draws_between_two_spaces_stays_alone() -> None:
    # S/RES/2543 (2020) ara: the UN's text has a tanween alone, "دعما ً لجهود"; the page
    # draws it between two spaces, and it joins neither word
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Naskh", False, False, False)
    drawn = [
        ("د", 457.6), ("ع", 452.6), ("م", 448.4), ("ا", 445.9), (" ", 443.2),
        ("\u064b", 442.7), (" ", 440.0), ("ل", 437.4), ("ج", 430.8), ("ه", 426.9),
        ("و", 422.3), ("د", 418.1),
    ]  # fmt: skip
    glyphs = [Glyph(char, x, 700, 13.3, font) for char, x in drawn]
    (line,) = page_lines([Run(glyphs, 700, 13.3, 0)])
    assert "".join(g.char for g in line.glyphs) == "دعما \u064b لجهود"


def test_an_accent_set_at_the_next_letters_origin_stays_on_its_own_letter() -> None:
    # A/RES/77/121 rus: "временно́го", the acute in a text object of its own where the "о"'s
    # advance ends, which is the origin of the "г" after it
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Serif", False, False, False)
    before = [Glyph(c, 440 + 5.3 * at, 700, 13.3, font) for at, c in enumerate("временн")]
    before.append(Glyph("о", 477.1, 700, 13.3, font))
    after = [Glyph(c, 482.1 + 4 * at, 700, 13.3, font) for at, c in enumerate("го")]
    runs = [
        Run(before, 700, 13.3, 0),
        Run([Glyph("\u0301", 482.1, 700, 13.3, font)], 700, 13.3, 1),
        Run(after, 700, 13.3, 2),
    ]
    (line,) = page_lines(runs)
    assert "".join(g.char for g in line.glyphs) == "временно\u0301го"


def test_a_pdf_that_sets_its_phrases_in_bold_has_no_italics() -> None:
    # the UN's Chinese (A/RES/76/48, S/RES/2523 (2020) zho): opening phrases and verbs in
    # bold, nothing in italics; the page says so, and the mapping's phrases are not guessed
    page = [
        *MASTHEAD[:4],
        _line(108, 660, ("B", 10, 0, "The General Assembly"), _r(",")),
        _line(
            108, 640, ("B", 10, 0, "Recalling"), _r(" its resolution 70/1 of 25 September 2015,")
        ),
        _line(108, 620, _r("1. "), ("B", 10, 0, "Decides"), _r(" to remain seized of the matter.")),
    ]
    result = convert(make_pdf([page]), lang="en", validate=False)
    assert result.tree is not None
    assert not result.tree.xpath("//a:span[@class='italic']", namespaces=NS)
