"""akn's PDF reader: a PDF's pages become the text path's line table (akn/converter/pdf).

The PDFs are made here (tests/pdfmaker.py): a three-page resolution with a masthead, a bar
code, running heads, page numbers, superscript note markers, a note continued on the next
page and italic opening words; and the broken files a user may give: encrypted, damaged,
scanned (no text layer), too long.
"""

from __future__ import annotations

import io
import sys

import pytest
from lxml import etree

pytest.importorskip("pypdfium2", reason="the pdf extra: pip install -e '.[pdf]'")

from pdfmaker import encrypted_pdf, make_pdf, scanned_pdf
from pdfmaker import italic as _i
from pdfmaker import line as _line
from pdfmaker import raised as _sup
from pdfmaker import roman as _r

import akn.converter.pdf as pdf_reader
from akn.cli import main
from akn.converter.pdf import is_pdf, read_pdf
from akn.converter.pdf.line_table import INDENT_TEXT, PdfLine
from akn.converter.pipeline import convert

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _running(page: int) -> list:
    return [
        _line(72, 750, _r("A/RES/99/1")),
        _line(300, 40, _r(f"{page}/3")),
        _line(72, 40, _r("99-00001")),
    ]


RESOLUTION = [
    [
        _line(72, 740, _r("United Nations")),
        _line(450, 740, _r("A/RES/99/1")),
        _line(72, 722, ("B", 12, 0, "General Assembly")),
        _line(72, 690, ("B", 12, 0, "99/1. Test of the page reader")),
        _line(108, 660, _i("The General Assembly"), _r(",")),
        _line(
            108, 640, _i("Recalling"), _r(" its resolution 70/1 of 25 September 2015,"), _sup("1")
        ),
        _line(108, 620, _i("Noting"), _r(" the report of the Secretary-General,"), _sup("2")),
        _line(72, 120, _r("__________")),
        _line(72, 105, _sup("1", 5.5), _r(" Resolution 70/1.", 8)),
        _line(72, 95, _sup("2", 5.5), _r(" A/99/100, containing the report of the", 8)),
        _line(72, 50, _r("99-00001 (E)")),
        _line(72, 35, ("C", 12, 0, "*9900001*")),
    ],
    [
        *_running(2),
        _line(108, 700, _r("1. "), _i("Decides"), _r(" to test the reader;")),
        _line(108, 680, _r("2. "), _i("Requests"), _r(" the Secretary-General to report;")),
        _line(72, 120, _r("__________")),
        _line(72, 105, _r("Secretary-General on the matter.", 8)),
    ],
    [
        *_running(3),
        _line(108, 700, _r("3. "), _i("Decides"), _r(" to remain seized of the matter.")),
        _line(72, 660, _r("100th plenary meeting")),
        _line(72, 648, _r("1 January 2099")),
    ],
]


@pytest.fixture(scope="module")
def resolution() -> bytes:
    return make_pdf(RESOLUTION)


def test_a_pdf_is_known_by_its_content_not_its_name() -> None:
    assert is_pdf(b"%PDF-1.7\n...") and is_pdf(b"\n %PDF-1.4") and is_pdf(bytearray(b"%PDF-2.0"))
    assert not is_pdf("%PDF-1.7 as text") and not is_pdf(b"The General Assembly,")


def test_the_pdf_converts_with_its_notes_placed_at_their_markers(resolution) -> None:
    result = convert(resolution, lang="en")
    assert result.tree is not None, [d.format() for d in result.diagnostics]
    recitals = result.tree.findall(".//a:preamble/a:container", NS)
    assert [c.get("name") for c in recitals] == ["Recalling", "Noting"]
    note = recitals[0].find(".//a:authorialNote", NS)
    assert note.get("marker") == "1"
    before = note.getprevious()
    assert (before.tail if before is not None else note.getparent().text).endswith("2015,")
    assert [
        p.findtext("a:num", namespaces=NS) for p in result.tree.iterfind(".//a:paragraph", NS)
    ] == [
        "1.",
        "2.",
        "3.",
    ]


def test_a_note_continued_on_the_next_page_is_one_note(resolution) -> None:
    result = convert(resolution, lang="en")
    notes = result.tree.findall(".//a:authorialNote", NS)
    texts = [" ".join("".join(n.itertext()).split()) for n in notes]
    assert texts == [
        "Resolution 70/1.",
        "A/99/100, containing the report of the Secretary-General on the matter.",
    ]


def test_page_furniture_never_reaches_the_text(resolution) -> None:
    result = convert(resolution, lang="en")
    body = "".join(result.tree.find(".//a:mainBody", NS).itertext())
    assert "2/3" not in body and "99-00001" not in body and "A/RES/99/1" not in body
    assert "*9900001*" not in etree.tostring(result.tree, encoding="unicode")
    job = result.tree.find(".//a:FRBRManifestation", NS)
    assert job is not None
    removed = [d.message for d in result.diagnostics if d.code == "L201"]
    assert any("2/3" in m for m in removed) and any("*9900001*" in m for m in removed)


def test_superscripts_are_markers_and_italics_are_recorded(resolution) -> None:
    lines, _ = read_pdf(resolution)
    texts = [line.text for line in lines]
    assert "Recalling its resolution 70/1 of 25 September 2015,¹" in texts
    recalling = next(line for line in lines if line.text.startswith("Recalling"))
    assert isinstance(recalling, PdfLine) and recalling.italics == ((0, 9),)
    decides = next(line for line in lines if line.text.startswith("1. Decides"))
    assert decides.italics == ((3, 10),)
    assert "1 Resolution 70/1." in texts  # a note's marker written plain, as the text path reads
    assert texts.count("\f") == 2  # pages parted by form feeds, as pdftotext parts them


def _rtl_page(*lines: tuple[float, str, float]) -> list[str]:
    """The text page_lines reads from lines given as the page shows them, from the right
    edge (x, the glyphs right to left, the baseline), one text object each."""
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Naskh", False, False, False)
    runs = []
    for right, from_right, y in lines:
        glyphs = [Glyph(char, right - 6 * at, y, 10, font) for at, char in enumerate(from_right)]
        runs.append(Run(glyphs, y, 10, len(runs) * 100))
    return ["".join(g.char for g in line.glyphs) for line in page_lines(runs)]


def test_an_arabic_line_is_read_in_logical_order() -> None:
    # the glyphs as the page shows them, read from the right edge: Arabic letters in logical
    # order, each number and symbol drawn left to right, the brackets' glyphs mirrored
    read = _rtl_page((500, "قراره 9842 )9102( و 37/57/A", 700))
    assert read == ["قراره 2489 (2019) و A/75/73"]


def test_arabic_numbers_quotes_and_brackets_as_the_un_writes_them() -> None:
    read = _rtl_page(
        # "2011-2020" after Arabic: two numbers, shown right to left ("2020-2011")
        (500, "الفترة 1102-0202 عقدا", 700),
        # the UN's Arabic opens a quotation with ”, which the page draws as “
        (500, "المعنون “تنفيذ”،", 680),
        # a number of the text, then Latin between mirrored brackets
        (500, "رقم 32 )32/57/A(.", 660),
    )
    assert read == ["الفترة 2011-2020 عقدا", "المعنون ”تنفيذ“،", "رقم 23 (A/75/23)."]


def test_a_latin_note_line_on_an_arabic_page_is_read_right_to_left() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Naskh", False, False, False)
    runs = []
    for y, from_right in (
        (700, "وقد نظرت أيضا في تقرير الأمين العام"),
        (680, "وإذ تشير إلى قراريها"),
    ):
        glyphs = [Glyph(char, 500 - 6 * at, y, 10, font) for at, char in enumerate(from_right)]
        runs.append(Run(glyphs, y, 10, len(runs) * 100))
    # a note's line without an Arabic letter, at the right margin: "(1) A/75/73.", its
    # marker raised, its brackets drawn mirrored (the reader knows a parenthesis by its
    # shape): ")1(" from the right
    marker = [Glyph(c, 500 - 4 * at, 102.5, 6, font) for at, c in enumerate(")1(")]
    text = [Glyph(c, 484 - 6 * at, 100, 10, font) for at, c in enumerate(" 37/57/A.")]
    runs += [Run(marker, 102.5, 6, 200), Run(text, 100, 10, 300)]
    read = ["".join(g.char for g in line.glyphs) for line in page_lines(runs)]
    assert read[-1] == "(1) A/75/73."


def test_a_vowel_mark_stays_on_its_letter_wherever_the_pdf_wrote_it() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Naskh", False, False, False)
    # "تُكلل": the damma is written before its letter, in a text object of its own, raised
    letters = [Glyph(c, x, 700, 10, font) for c, x in (("ت", 489.4), ("ك", 484.8), ("ل", 482.4))]
    mark = Glyph("\u064f", 490.0, 702.5, 10, font)
    runs = [Run([mark], 702.5, 10, 0), Run(letters, 700, 10, 1)]
    (line,) = page_lines(runs)
    assert "".join(g.char for g in line.glyphs) == "ت\u064fكل"


def test_chinese_has_no_spaces_between_its_characters() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph
    from akn.converter.pdf.lines import TextLine
    from akn.converter.pdf.render import write_line

    font = Font("Song", False, False, False)
    glyphs = [Glyph(char, 10 * at, 100, 10, font) for at, char in enumerate("大会 回顾 其决议 A 1")]
    assert write_line(TextLine(glyphs, 100, 10)).text == "大会回顾其决议 A 1"


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (encrypted_pdf(), "E111", "encrypted"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "E112", "damaged"),
        (scanned_pdf(), "E113", "no text layer; run OCR first, e.g. `ocrmypdf"),
    ],
)
def test_a_bad_pdf_is_one_clear_line_and_exit_1(tmp_path, capsys, data, code, words) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    assert main(["convert", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"error: {code}" in err[0] and words in err[0]
    assert "Traceback" not in err[0]


def test_a_pdf_of_more_pages_than_any_resolution_is_refused() -> None:
    pages = [[_line(72, 700, _r("x"))]] * (pdf_reader.MAX_PAGES + 1)
    result = convert(make_pdf(pages))
    assert result.tree is None and [d.code for d in result.diagnostics] == ["E114"]


def test_without_the_pdf_extra_a_pdf_gets_one_line_saying_what_to_install(
    resolution, monkeypatch, tmp_path, capsys
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pypdfium2" else real(name, *a),
    )
    path = tmp_path / "resolution.pdf"
    path.write_bytes(resolution)
    assert main(["convert", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "E110" in err[0] and "pip install 'akn[pdf]'" in err[0]


def test_a_pdf_on_standard_input_converts(resolution, monkeypatch, capsys) -> None:
    class Stdin:
        buffer = io.BytesIO(resolution)

    monkeypatch.setattr(sys, "stdin", Stdin())
    code = main(["convert", "-", "--lang", "en"])
    out = capsys.readouterr().out
    assert code in (0, 1) and "<authorialNote" in out and "Decides" in out


def test_the_reader_removes_furniture_by_position_and_repetition(resolution) -> None:
    lines, found = read_pdf(resolution)
    removed = {d.message.split(": ", 1)[1] for d in found if d.code == "L201"}
    # repeated at the same height on pages 2 and 3, digits aside; the bar code by its font
    assert removed == {"'*9900001*'", "'A/RES/99/1'", "'2/3'", "'3/3'", "'99-00001'"}
    texts = [line.text for line in lines]
    assert "A/RES/99/1" in texts[:3] and "99-00001 (E)" in texts  # page 1 keeps its own


def test_an_indented_line_at_the_top_of_a_page_opens_a_paragraph() -> None:
    # the page before ends with a comma, as every recital does: only the indent says that
    # the next page's first line is a new paragraph, and a line at the margin is not one
    first = [
        _line(108, 700, _r("Recalling its resolution 70/1 of 25 September 2015, and its")),
        _line(72, 688, _r("resolution 71/1 of 1 October 2016,")),
        _line(108, 670, _r("Noting the report of the Secretary-General on the matter, and")),
        _line(72, 658, _r("the reports of the Committee,")),
    ]
    pages = [first, [_line(108, 700, _r("Welcoming the work done,"))]]
    pages_continued = [first, [_line(72, 700, _r("as well as its other resolutions,"))]]
    lines, _ = read_pdf(make_pdf(pages))
    texts = [line.text for line in lines]
    # the first lines written indented, as pdftotext -layout writes them: evidence that a
    # page break does not take away, as it does the blank line's
    assert texts[texts.index("\f") + 1 :] == ["", INDENT_TEXT + "Welcoming the work done,"]
    assert texts[: texts.index("\f")].count("") == 1  # between page 1's two paragraphs
    assert [text for text in texts if text.startswith(" ")] == [
        INDENT_TEXT + "Recalling its resolution 70/1 of 25 September 2015, and its",
        INDENT_TEXT + "Noting the report of the Secretary-General on the matter, and",
        INDENT_TEXT + "Welcoming the work done,",
    ]
    lines, _ = read_pdf(make_pdf(pages_continued))
    texts = [line.text for line in lines]
    assert texts[texts.index("\f") + 1 :] == ["as well as its other resolutions,"]


def test_the_pdfs_links_give_the_citations_they_cover_their_address() -> None:
    # "70/1" on the first page's line at 640: Times 10 pt, from x 203 to 221; the UN's link
    # has no language in it, the address akn makes otherwise does ("undocs.org/en/…")
    address = "https://undocs.org/A/RES/70/1"
    linked_pdf = make_pdf(RESOLUTION, links={0: [(202, 637, 222, 650, address)]})
    lines, _ = read_pdf(linked_pdf)
    (linked,) = [line for line in lines if isinstance(line, PdfLine) and line.links]
    assert linked.links == ((address, "70/1"),)

    def hrefs(data: bytes) -> list[str]:
        tree = convert(data, lang="en").tree
        return [a.get("href") for a in tree.iter(f"{{{NS['a']}}}a")]

    assert address in hrefs(linked_pdf)
    assert address not in hrefs(make_pdf(RESOLUTION))


def test_a_dash_that_binds_across_a_line_end_gains_no_space() -> None:
    from akn.converter.pdf.binding_dashes import glue_dashes

    def glued(*texts: str) -> list[str]:
        lines = [PdfLine(number, text) for number, text in enumerate(texts, start=1)]
        glue_dashes(lines)
        return [line.text for line in lines]

    # a range of numbers, and an opening dash where the document's dashes open unspaced
    assert glued("Action on Disaster Management 2021–", "2025, and", "dimensiones —", "x —y") == [
        "Action on Disaster Management",
        "2021–2025, and",
        "dimensiones",
        "—x —y",
    ]
    # where dashes stand between spaces, a dash at a line end is one of them
    assert glued("трех — экономическом", "и экологическом —", "компонентах") == [
        "трех — экономическом",
        "и экологическом —",
        "компонентах",
    ]
    assert glued("North–", "South") == ["North–", "South"]  # a range of numbers only
    # Word breaks no word with a slash: a line ends after one only where a space followed
    assert glued("8 أيلول/", "سبتمبر 1967") == ["8 أيلول/", "سبتمبر 1967"]


def test_a_note_marker_set_apart_from_its_text_is_still_the_notes_marker() -> None:
    # the typesetter tabs "Ibid." away from its marker (3.5 ems of the note's 8 points)
    page = [
        _line(108, 640, _r("Recalling its resolution 70/1,"), _sup("1")),
        _line(72, 120, _r("__________")),
        _line(72, 105, _sup("1", 5.5)),
        _line(100, 105, _r("Ibid.", 8)),
    ]
    lines, _ = read_pdf(make_pdf([page]))
    assert "1 Ibid." in [line.text for line in lines]


def test_a_note_marker_drawn_twice_is_one_marker() -> None:
    page = [
        _line(108, 640, _r("Recalling its resolution 70/1,"), _sup("1")),
        _line(72, 120, _r("__________")),
        _line(72, 105, _sup("1", 5.5), _sup(" 1", 6.5), _r("   See resolution 70/1.", 8)),
    ]
    lines, _ = read_pdf(make_pdf([page]))
    assert "1 See resolution 70/1." in [line.text for line in lines]


def test_a_latin_note_with_its_marker_on_an_arabic_page_reads_in_order() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Serif", False, False, False)
    # "(1) () United Nations, vol. 610." as the page shows it: the marker raised at the right
    # margin, Word's empty brackets, then the Latin left to right, its full stop at its left;
    # the brackets drawn mirrored (right to left), known by their shapes
    marker = [Glyph(c, x, 62.5, 6, font) for c, x in ((")", 496), ("1", 493), ("(", 490.5))]
    text = "United Nations, vol. 610"
    latin = [Glyph(c, 355 + 5 * at, 60, 10, font) for at, c in enumerate(text)]
    rest = [Glyph(c, x, 60, 10, font) for c, x in ((" ", 485), (")", 481), ("(", 478), (" ", 476))]
    stop = Glyph(".", 350, 60, 10, font)
    runs = [Run(marker, 62.5, 6, 0), Run(rest, 60, 10, 3), Run([*latin, stop], 60, 10, 6)]
    for y in (200, 180):  # two lines of Arabic: the page is right to left
        arabic = [Glyph(c, 496 - 6 * at, y, 10, font) for at, c in enumerate("وإذ تشير")]
        runs.append(Run(arabic, y, 10, int(y)))
    lines = page_lines(runs)
    assert "".join(g.char for g in lines[-1].glyphs) == "(1) () United Nations, vol. 610."


def test_the_gaps_between_the_pieces_of_an_arabic_line_say_where_its_words_part() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    font = Font("Naskh", False, False, False)

    def piece(text: str, right: float, order: int) -> Run:
        """Letters of 5 points each, drawn from ``right`` leftwards, the advance measured."""
        glyphs = [Glyph(c, right - 5 * (at + 1), 700, 10, font) for at, c in enumerate(text)]
        glyphs[0].right = right
        return Run(glyphs, 700, 10, order)

    # "5 -" then, 10 points to its left, "تسلم" in two pieces that touch (the PDF draws
    # its last letter first), then a drawn space and "بقيمة": no space PDFium inferred
    runs = [
        piece("م", 440, 0),
        piece("5 -", 475, 1),
        piece("تسل", 455, 2),
        piece(" بقيمة", 435, 3),
    ]
    (line,) = page_lines(runs)
    assert "".join(g.char for g in line.glyphs) == "5 - تسلم بقيمة"


def test_a_vowel_mark_joins_the_nearest_line_and_its_glyphs_text_is_not_doubled() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph, Run, _carried_by_mark
    from akn.converter.pdf.lines import page_lines

    font = Font("Naskh", False, False, False)

    def line(text: str, y: float, order: int) -> Run:
        return Run([Glyph(c, 496 - 6 * at, y, 10, font) for at, c in enumerate(text)], y, 10, order)

    # the damma of "بُعد" (the second line) stands 4.5 points over its letter and 5.5 under
    # the line above, which is read first: it is the second line's
    damma = Run([Glyph("\u064f", 496.5, 692.5, 10, font)], 692.5, 10, 5)
    runs = [line("وإذ تحيط", 698, 0), line("بعد", 688, 10), damma]
    assert ["".join(g.char for g in ln.glyphs) for ln in page_lines(runs)] == [
        "وإذ تحيط",
        "ب\u064fعد",
    ]
    # a PDF may give the mark's glyph its cluster's text ("ُب") at its one origin, while the
    # letter is drawn, with its text, by a glyph of its own: the second "ب" is the mark's
    assert _carried_by_mark(damma, "ب", 496.5, 692.5)
    assert not _carried_by_mark(damma, "ب", 490.5, 692.5)


def test_a_bracket_pair_opened_in_latin_on_an_arabic_line_reads_as_the_page_draws_it() -> None:
    # from the right edge, shapes as drawn: the outer brackets stand right to left (drawn
    # mirrored), "(Part I)" is the Latin's own (drawn as it is); a number before Latin in
    # brackets is a run of its own ("23 (A/75/23)"); a Latin word's full stop at a line's
    # end is the word's ("No." / "13810")
    read = _rtl_page(
        (500, "وإذ تشير إلى قراريها", 720),
        (500, "الأول ))I traP( 23/5991.FNOC/TPN( و", 700),
        (500, "رقم 32 )32/57/A(.", 680),
        (500, "وفي .oN ,169 .lov", 660),
        (500, "وإذ تشير إلى قراريها", 640),
        (500, "وإذ تشير إلى قراريها", 620),
    )
    assert read[1:4] == [
        "الأول (NPT/CONF.1995/32 (Part I)) و",
        "رقم 23 (A/75/23).",
        "وفي vol. 961, No.",
    ]


def test_latin_brackets_left_open_at_an_arabic_lines_end_close_on_the_next_line() -> None:
    # "(Vol." ends one line, "III))." opens the next: its first ")" is the Latin's (drawn
    # as it is), the second stands right to left (drawn mirrored)
    read = _rtl_page(
        (500, "وإذ تشير إلى قراريها", 720),
        (500, "و .loV( 05/0102.FNOC/TPN", 700),
        (500, ")III(.", 680),
        (500, "وإذ تشير إلى .tceS( 6/87/A", 660),
        (500, ")31 و", 640),
        (500, "وإذ تشير إلى قراريها", 620),
    )
    assert read[1:5] == [
        "و NPT/CONF.2010/50 (Vol.",
        "III)).",
        "وإذ تشير إلى A/78/6 (Sect.",
        "13) و",
    ]


def test_a_moved_dash_keeps_its_italics_and_a_closing_dash_says_the_style() -> None:
    from akn.converter.pdf.binding_dashes import glue_dashes

    first = PdfLine(1, "в период 18–", italics=((9, 12),))
    second = PdfLine(2, "22 марта 2024 года", italics=((0, 8),))
    glue_dashes([first, second])
    assert (first.text, second.text) == ("в период", "18–22 марта 2024 года")
    assert first.italics == () and second.italics == ((0, 11),)
    # Spanish: "ambiental—" closes the phrase "—económica" opens, unspaced
    lines = [PdfLine(1, "sus tres dimensiones —"), PdfLine(2, "económica, social y ambiental— y")]
    glue_dashes(lines)
    assert [line.text for line in lines] == [
        "sus tres dimensiones",
        "—económica, social y ambiental— y",
    ]


def test_a_space_drawn_past_the_next_word_stands_between_the_words() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph, Run
    from akn.converter.pdf.lines import page_lines

    italic, upright = Font("I", True, False, False), Font("R", False, False, False)
    # a line justified wide: "Reafirma " (italic, its space drawn at the line's far end), "el"
    first = [Glyph(c, 170 + 5 * at, 300, 10, italic) for at, c in enumerate("Reafirma")]
    first.append(Glyph(" ", 488.0, 300, 10, italic))
    second = [Glyph("e", 484.0, 300, 10, upright), Glyph("l", 488.4, 300, 10, upright)]
    lines = page_lines([Run(first, 300, 10, 0), Run(second, 300, 10, 9)])
    assert [" ".join("".join(g.char for g in line.glyphs).split()) for line in lines] == [
        "Reafirma",
        "el",
    ]  # (the gap is a column's: the text path joins the two)


def test_a_gap_after_a_ligature_parts_two_arabic_words() -> None:
    from akn.converter.pdf.glyphs import Font, Glyph
    from akn.converter.pdf.lines import _gap_spaces

    font = Font("Naskh", False, False, False)
    # "10 -" then "لا يزال": the lam-alef ligature's two glyphs share one origin, the first
    # carries the piece's right end
    dash = Glyph("-", 450.2, 100, 10, font)
    lam, alef = Glyph("ل", 438.2, 100, 10, font, right=443.7), Glyph("ا", 438.2, 100, 10, font)
    spaced = _gap_spaces([[lam], [alef], [dash]], 10)
    assert [cluster[0].char for cluster in spaced] == ["ل", "ا", " ", "-"]
