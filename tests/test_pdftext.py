"""Page furniture, footnote blocks and link lists, as PDF extractors leave them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PDF_TEXT

from akn.converter.footnotes import merge_superscripts, parse_footnotes
from akn.converter.inline import AKN
from akn.converter.pages import split_pages
from akn.converter.pipeline import convert
from akn.converter.source import Line, split_lines

NS = {"a": AKN}
JOB = {"akn4un": "http://un.org/akn4un"}


def _layout(text: str, mapping):
    lines, _ = split_lines(text)
    return split_pages(lines, mapping)


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_notes_with_markers_on_their_own_lines(fr):
    notes, diagnostics = parse_footnotes(
        _lines("1", " Résolution 70/1.", "2", " Ibid., vol. 2624,", "n° 46745."), 0, None, fr
    )
    assert [(n.marker, [ln.text.strip() for ln in n.lines]) for n in notes] == [
        ("1", ["Résolution 70/1."]),
        ("2", ["Ibid., vol. 2624,", "n° 46745."]),
    ]
    assert diagnostics == []


def test_markers_listed_after_their_texts_are_matched_in_order(en):
    """pdftotext may write "text, text, 4, text, 2, 3": texts keep reading order."""
    notes, _ = parse_footnotes(
        _lines("Resolution 70/1.", "Resolution 69/283, annex II.", "4", "See FCCC.", "2", "3"),
        1,
        None,
        en,
    )
    assert [(n.marker, n.lines[0].text) for n in notes] == [
        ("2", "Resolution 70/1."),
        ("3", "Resolution 69/283, annex II."),
        ("4", "See FCCC."),
    ]


def test_two_markers_then_three_lines_cut_at_the_sentence_end(en):
    notes, _ = parse_footnotes(
        _lines(
            "5", "6", "United Nations, Treaty Series, vol. 610.", "Related documents A/1,", "A/2,"
        ),
        2,
        None,
        en,
    )
    assert [(n.marker, len(n.lines)) for n in notes] == [("5", 1), ("6", 2)]


def test_text_without_marker_continues_the_previous_note(en):
    previous, _ = parse_footnotes(_lines("6", "Related documents include A/1,"), 2, None, en)
    notes, _ = parse_footnotes(_lines("A/2 and A/3."), 3, previous[0], en)
    assert notes == []
    assert [ln.text for ln in previous[0].lines] == [
        "Related documents include A/1,",
        "A/2 and A/3.",
    ]


def test_marker_and_text_on_one_line_and_a_number_that_is_text(en):
    (thirteen,), _ = parse_footnotes(_lines("13", "Resolution 69/313, annex."), 2, None, en)
    notes, _ = parse_footnotes(
        _lines("14 Report of the Conference, Monterrey, Mexico,", "18–22 March 2002.", "15 Ibid."),
        2,
        thirteen,
        en,
    )
    assert [(n.marker, len(n.lines)) for n in notes] == [("14", 2), ("15", 1)]


def test_a_lone_marker_moves_the_numbering_on_for_a_marker_with_its_text(en):
    """Notes in two styles on one page: "2" alone, its text, then "3 Resolution …"."""
    notes, _ = parse_footnotes(
        _lines("2", "Resolution 1514 (XV).", "3 Resolution 217 A (III)."), 2, None, en
    )
    assert [(n.marker, [ln.text for ln in n.lines]) for n in notes] == [
        ("2", ["Resolution 1514 (XV)."]),
        ("3", ["Resolution 217 A (III)."]),
    ]


def test_superscript_on_its_own_line_is_glued_back(fr):
    merged = merge_superscripts(_lines(" vol. 1331, n", "o", " 22341."), fr)
    assert [ln.text for ln in merged] == [" vol. 1331, n\ue000o\ue001", " 22341."]


def test_a_marker_without_text_is_kept_with_a_warning(en):
    notes, diagnostics = parse_footnotes(_lines("1", "2", "Only one text."), 0, None, en)
    assert [n.marker for n in notes] == ["1", "2"]
    assert [d.code for d in diagnostics] == ["N402"]


PYMUPDF_PAGE_BREAK = """United Nations
A/RES/80/2
General Assembly
Distr.: General
15 October 2025
25-15779 (E)
*2515779*
Eightieth session
80/2. Scale of assessments for the apportionment of the expenses of the
United Nations: requests under Article 19 of the Charter

The General Assembly,

Having considered chapter V of the report,1

4.
Urges all Member States to consider submitting such information that may be
_______________

1  Official Records of the General Assembly (A/80/11).

A/RES/80/2
Scale of assessments for the apportionment of the expenses of the
United Nations: requests under Article 19 of the Charter

25-15779
2/2

necessary;
"""


def test_running_heads_and_page_numbers_never_reach_the_text(en):
    layout = _layout(PYMUPDF_PAGE_BREAK, en)
    text = "\n".join(line.text for line in layout.lines)
    assert "2/2" not in text and "25-15779" not in text and "*2515779*" not in text
    assert text.count("A/RES/80/2") == 1  # the masthead keeps its symbol, the running head goes
    assert text.count("requests under Article 19") == 1
    assert layout.job_number == "25-15779 (E)"
    assert [(n.marker, n.page) for n in layout.notes] == [("1", 0)]
    continued = next(line for line in layout.lines if line.text == "necessary;")
    assert continued.after_break and continued.page == 1


SEED_LIKE = """Title

 L’Assemblée générale,

 Rappelant les buts de la Déclaration de Bangkok du 8 août 19671, en particulier

__________________

 * Au nom des États Membres.

1
 Nations Unies, Recueil des Traités, vol. 1331, n

o
 22341.

https://undocs.org/fr/A/RES/71/317
 le maintien d’une coopération,
"""


def test_footnote_block_ends_at_its_link_list_and_the_sentence_goes_on(fr):
    layout = _layout(SEED_LIKE, fr)
    assert [n.marker for n in layout.notes] == ["*", "1"]
    assert [link.url for link in layout.links] == ["https://undocs.org/fr/A/RES/71/317"]
    body = [line.text.strip() for line in layout.lines if line.text.strip()]
    assert body[-1] == "le maintien d’une coopération,"
    assert not any("undocs" in line or "____" in line for line in body)


def test_clean_text_keeps_its_notes_after_the_final_rule(en):
    layout = _layout("The General Assembly,\nRecalling X,1\n1. Decides;\n_____\n1 A/1.\n", en)
    assert [(n.marker, n.lines[0].text) for n in layout.notes] == [("1", "A/1.")]


def test_a_note_quoting_a_text_goes_on_until_the_quotation_closes(fr):
    """Pages without running heads: after a note's sentence, a capitalised line is the body
    going on, unless the note's quotation is still open (A/RES/79/18)."""
    text = (
        "L’Assemblée générale,\n\n"
        "Rappelant le Traité sur l’espace extra-atmosphérique1,\n\n"
        "Réaffirmant que le droit international est applicable à l’espace extra-atmosphérique,\n\n"
        "__________________\n\n"
        "1\n\n"
        "L’article premier prévoit ceci : «L’espace extra-atmosphérique peut être exploré par\n\n"
        "tous les États, toutes les régions célestes devant être librement accessibles.\n\n"
        "Les recherches scientifiques sont libres dans l’espace extra-atmosphérique.»\n\n\n\n"
        "Soulignant qu’il importe de respecter les accords,\n\n"
        "1. Demande à tous les États de respecter le Traité ;\n"
    )
    layout = _layout(text, fr)
    assert [n.marker for n in layout.notes] == ["1"]
    note = " ".join(line.text.strip() for line in layout.notes[0].lines)
    assert note.endswith(
        "Les recherches scientifiques sont libres dans l’espace extra-atmosphérique.»"
    )
    body = [line.text.strip() for line in layout.lines if line.text.strip()]
    assert "Les recherches" not in " ".join(body)
    assert body[-2].startswith("Soulignant")


# The first three pages of A/RES/73/6 as `pdftotext -layout` (poppler 22.12) gives them from
# ../shared/corpus/pdf/A-RES-73-6.eng.pdf: masthead in two columns, footer items on one line,
# left and right pages with different margins (17 and 19 spaces).
LAYOUT_PAGES = Path(__file__).parent / "fixtures" / "A-RES-73-6-p1-3.pdftotext-layout.txt"


@pytest.mark.corpus
def test_pdftotext_layout_columns_of_furniture_and_masthead(en):
    result = convert(LAYOUT_PAGES.read_bytes(), lang="en")
    assert result.ok
    removed = {d.line for d in result.diagnostics if d.code == "L201"}
    assert {50, 109, 165} <= removed  # "18-17962 (E)      021118", "2/5      18-17962"…
    assert not [d for d in result.diagnostics if d.code in ("S301", "S304", "S310")]
    cover = result.tree.find(".//a:coverPage", NS)
    assert cover.findtext(".//a:docNumber", namespaces=NS) == "A/RES/73/6"
    assert cover.findtext(".//a:docStatus", namespaces=NS) == "Distr.: General"
    preface = result.tree.find(".//a:preface/a:p", NS)
    assert preface.findtext("a:docNumber", namespaces=NS) == "73/6."
    assert result.tree.findtext(".//akn4un:jobNumber", namespaces=JOB) == "18-17962 (E)"
    assert not [d for d in result.diagnostics if d.code in ("S320", "S321")]  # no table
    (missing,) = [d for d in result.diagnostics if d.code == "S305"]
    assert missing.line == 157  # three pages: the text stops in the preamble

    # The same pages in pdftotext's default mode (the corpus text) give the same recitals
    # and notes, up to the last recital and note, which the excerpt cuts.
    full = convert((PDF_TEXT / "A-RES-73-6.txt").read_bytes(), lang="en")
    got, want = _recitals(result.tree), _recitals(full.tree)
    assert len(got) == 23 and got[:-1] == want[: len(got) - 1]
    notes, full_notes = _notes(result.tree), _notes(full.tree)
    assert len(notes) == 6 and notes[:5] == full_notes[:5]
    assert full_notes[5][1].startswith(notes[5][1])  # note 6 goes on on the fourth page


def _recitals(tree) -> list[str]:
    return [
        "".join(p.xpath("text()|*[not(self::a:authorialNote)]//text()", namespaces=NS))
        for p in tree.iterfind(".//a:preamble/a:container/a:p", NS)
    ]


def _notes(tree) -> list[tuple[str, str]]:
    return [
        (n.get("marker"), "".join(n.itertext())) for n in tree.iterfind(".//a:authorialNote", NS)
    ]


def test_a_text_that_stops_before_its_body_or_goes_on_to_an_annex_gets_s305(en):
    for text in (
        "The General Assembly,\nRecalling its resolution 70/1,\n",
        "The General Assembly,\nRecalling its resolution 70/1,\nAnnex\nTitle\n1. It says.\n",
    ):
        result = convert(text, lang="en")
        assert result.ok, [d.format() for d in result.diagnostics]
        (missing,) = [d for d in result.diagnostics if d.code == "S305"]
        assert missing.line == 2


# The first two pages of A/RES/73/7 as `pdftotext -raw` (poppler 22.12) gives them: masthead
# columns and footer items joined by one space, a line break after each superscript marker.
RAW_PAGES = Path(__file__).parent / "fixtures" / "A-RES-73-7-p1-2.pdftotext-raw.txt"


@pytest.mark.corpus
def test_pdftotext_raw_joined_columns_and_breaks_at_markers(en):
    result = convert(RAW_PAGES.read_bytes(), lang="en")
    assert result.ok
    assert not [d for d in result.diagnostics if d.code in ("S301", "S304", "S310")]
    assert result.tree.findtext(".//akn4un:jobNumber", namespaces=JOB) == "18-18142 (E)"
    cover = result.tree.find(".//a:coverPage", NS)
    assert cover.findtext(".//a:docNumber", namespaces=NS) == "A/RES/73/7"
    assert cover.findtext(".//a:docStatus", namespaces=NS) == "Distr.: General"
    full = convert((PDF_TEXT / "A-RES-73-7.txt").read_bytes(), lang="en")
    got, want = _paragraphs(result.tree), _paragraphs(full.tree)
    assert [num for num, _ in got] == [f"{n}." for n in range(1, 8)]
    assert got[:-1] == want[:6]  # the seventh goes on on the third page
    assert "and calls upon all States in all regions of the world" in got[1][1]


def _paragraphs(tree) -> list[tuple[str, str]]:
    return [
        (
            p.findtext("a:num", namespaces=NS),
            "".join(
                p.find("a:content/a:p", NS).xpath(
                    "text()|*[not(self::a:authorialNote)]//text()", namespaces=NS
                )
            ),
        )
        for p in tree.iterfind(".//a:mainBody/a:paragraph", NS)
    ]


def test_a_running_head_printed_on_two_lines_is_furniture(en):
    """A Security Council symbol cut in two at the top of a page ("S/RES/2521" / "(2020)"):
    both lines are the running head (they were glued into the paragraph the page breaks)."""
    text = (
        "S/RES/2521 (2020)\nUnited Nations\nSecurity Council\nDistr.: General\n29 May 2020\n"
        "Resolution 2521 (2020)\nAdopted by the Security Council on 29 May 2020\n"
        "The Security Council,\nExpressing deep concern at reports that undermine the rule of\n"
        "20-07257 (E) 290520\n*2007257*\n\f\nS/RES/2521\n(2020)\n\nlaw, and perpetuate "
        "conflicts,\n1. Decides to remain seized of the matter.\n"
    )
    lines, _ = split_lines(text)
    layout = split_pages(lines, en)
    assert not any(line.text.strip() in ("S/RES/2521", "(2020)") for line in layout.lines)
    assert [line.text for line in layout.furniture][-2:] == ["S/RES/2521", "(2020)"]
