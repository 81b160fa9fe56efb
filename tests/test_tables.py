"""Tables: the three forms text extraction leaves them in, and what each becomes.

The fixtures tests/fixtures/table-*-en.txt are one test document (made for these tests, in the
shape of a scale-of-assessments resolution such as A/RES/76/238; the figures are
illustrative) written three ways: cells parted by tabs (pasted from a word processor),
columns aligned with spaces (pdftotext -layout), one cell per line (PyMuPDF, pdftotext).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from akn.converter.inline import AKN
from akn.converter.pipeline import convert

FIXTURES = Path(__file__).parent / "fixtures"
NS = {"a": AKN}
ROWS = [
    ["Member State", "Scale (percentage)"],
    ["Afghanistan", "0.006"],
    ["Albania", "0.008"],
    ["Algeria", "0.101"],
    ["Andorra", "0.005"],
    ["Angola", "0.009"],
    ["Bolivia (Plurinational State of)", "0.019"],
    ["United Kingdom of Great Britain and Northern Ireland", "4.375"],
    ["Venezuela (Bolivarian Republic of)", "0.123"],
    ["Total", "100.000"],
]
HEAD = (
    "79/998. Example of a resolution with a table\n"
    "The General Assembly,\n"
    "Recalling its resolution 76/238 of 24 December 2021,\n"
    "1. Decides that the scale of assessments shall be as follows:\n"
)
TAIL = "2. Also decides to review the scale at its next session;\n"


def _rows(table: etree._Element) -> list[list[str]]:
    return [["".join(cell.itertext()).strip() for cell in tr] for tr in table.findall("a:tr", NS)]


def _codes(result, code: str) -> list[str]:
    return [d.format() for d in result.diagnostics if d.code == code]


@pytest.mark.parametrize(
    ("form", "rule"), [("tabs", "cells"), ("layout", "cells"), ("cells", "period")]
)
def test_each_extraction_of_the_table_gives_the_same_table(form, rule):
    result = convert((FIXTURES / f"table-{form}-en.txt").read_bytes(), lang="en")
    assert result.ok
    paragraphs = result.tree.findall(".//a:mainBody/a:paragraph", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in paragraphs] == ["1.", "2.", "3."]
    table = paragraphs[0].find("a:content/a:table", NS)
    assert table is not None and table.get("eId") == "para_1__content__table_1"
    assert _rows(table) == ROWS
    header = table.find("a:tr", NS)
    assert [etree.QName(cell).localname for cell in header] == ["th", "th"]
    intro = paragraphs[0].find("a:content/a:p", NS)
    assert "".join(intro.itertext()).endswith("shall be as follows:")
    (found,) = _codes(result, "S320")
    assert "10 rows and 2 columns" in found and f"(rule tables.{rule})" in found
    assert not _codes(result, "S304")


def test_the_three_extractions_give_the_same_document():
    """tests/golden/table-tabs-en.xml is the tab form; the other two must give its bytes."""
    produced = {
        form: convert((FIXTURES / f"table-{form}-en.txt").read_bytes(), lang="en").to_bytes()
        for form in ("tabs", "layout", "cells")
    }
    assert produced["layout"] == produced["tabs"]
    assert produced["cells"] == produced["tabs"]


def test_cells_without_columns_are_kept_as_rows_of_text_in_order():
    # A cell wrapped over two lines breaks the period: nothing tells the columns apart.
    rows = ["Member State", "Scale (percentage)", "United Kingdom of Great Britain and"]
    rows += ["Northern Ireland", "4.375", "Albania", "0.008"]
    result = convert(HEAD + "\n".join(rows) + "\n" + TAIL, lang="en")
    assert result.ok
    content = result.tree.find(".//a:mainBody/a:paragraph/a:content", NS)
    texts = ["".join(p.itertext()) for p in content.findall("a:p", NS)]
    assert texts[1:] == rows
    (found,) = _codes(result, "S321")
    assert ":5:1: warning: S321 lines 5-11" in found and "rule tables.rows" in found


def test_a_table_right_after_a_heading_is_a_paragraph_of_its_own():
    text = (
        HEAD.replace(" as follows:", ";")
        + "I\nScale of assessments\n"
        + "".join(f"{a}\t{b}\n" for a, b in ROWS[:4])
        + TAIL
    )
    result = convert(text, lang="en")
    assert result.ok
    section = result.tree.find(".//a:mainBody/a:section", NS)
    first = section.find("a:paragraph", NS)
    assert first.find("a:num", NS) is None
    assert _rows(first.find("a:content/a:table", NS)) == ROWS[:4]
    assert first.find("a:content/a:p", NS) is None


def test_a_table_in_a_recital_closes_it_and_one_in_an_annex_opens_its_body():
    text = (
        "79/998. Title\nThe General Assembly,\nNoting the following figures:\n"
        "A\t1\nB\t2\nC\t3\n1. Decides to adopt the annex;\nAnnex\nScale of assessments\n"
        + "".join(f"{a}\t{b}\n" for a, b in ROWS[:4])
        + "1. The scale shall apply from 2025.\n"
    )
    result = convert(text, lang="en")
    assert result.ok
    assert not _codes(result, "S304")
    recital = result.tree.find(".//a:preamble/a:container", NS)
    assert _rows(recital.find("a:table", NS)) == [["A", "1"], ["B", "2"], ["C", "3"]]
    body = result.tree.find("a:statement/a:mainBody", NS)
    assert [n.text for n in body.iterfind("a:paragraph/a:num", NS)] == ["1."]
    annex = result.tree.find(".//a:attachment/a:doc/a:mainBody", NS)
    first, second = annex.findall("a:paragraph", NS)
    assert _rows(first.find("a:content/a:table", NS)) == ROWS[:4]
    assert second.findtext("a:num", namespaces=NS) == "1."


@pytest.mark.parametrize(
    "lines",
    [
        # Justified PDF text with a few double spaces is prose, not a table.
        ["the Plan  of action and", "the region  of the", "instruments  and mechanisms"],
        # Two rows are not enough to call it a table.
        ["Afghanistan\t0.006", "Albania\t0.008"],
    ],
)
def test_prose_and_short_runs_are_not_tables(lines):
    text = HEAD.replace(" as follows:", " as follows") + "\n".join(lines) + "\n" + TAIL
    result = convert(text, lang="en")
    assert result.ok
    assert result.tree.find(".//a:table", NS) is None
    assert not _codes(result, "S320") and not _codes(result, "S321")


def test_a_number_parted_from_its_text_by_a_tab_is_not_a_row():
    text = "The General Assembly,\n" + "".join(
        f"{n}.\tDecides to act on item {n};\n" for n in range(1, 6)
    )
    result = convert(text, lang="en")
    assert result.ok
    nums = [n.text for n in result.tree.findall(".//a:mainBody/a:paragraph/a:num", NS)]
    assert nums == ["1.", "2.", "3.", "4.", "5."]
    assert result.tree.find(".//a:table", NS) is None


def test_a_table_right_after_the_formula_stays_in_the_preamble():
    text = (
        "The General Assembly,\n"
        + "".join(f"{a}\t{b}\n" for a, b in ROWS[:4])
        + "Recalling its resolution 76/238,\n1. Decides to act;\n"
    )
    result = convert(text, lang="en")
    assert result.ok
    containers = result.tree.findall(".//a:preamble/a:container", NS)
    assert [c.get("name") for c in containers] == ["table", "Recalling"]
    assert _rows(containers[0].find("a:table", NS)) == ROWS[:4]
    assert containers[0].find("a:p", NS) is None
    nums = [n.text for n in result.tree.findall(".//a:mainBody/a:paragraph/a:num", NS)]
    assert nums == ["1."]


def test_bullets_parted_from_their_text_by_a_tab_are_not_a_table():
    text = HEAD + "".join(f"•\tRespect for rule {n};\n" for n in range(3)) + TAIL
    result = convert(text, lang="en")
    assert result.tree.find(".//a:table", NS) is None


def test_wrapped_chinese_prose_after_a_colon_is_not_rows():
    prose = "各会员国应当继续加强在可持续发展领域的国际合作，特别是在能力建设和技术转让方面提供支助"
    lines = ["大会，", "回顾其第70/1号决议，", "1. 决定如下："]
    lines += [prose[i : i + 40] for i in range(0, len(prose), 40)] * 3
    lines += ["2. 请秘书长提出报告。"]
    text = "\n\n".join(lines) + "\n"
    result = convert(text, lang="zh")
    assert result.ok
    assert result.tree.find(".//a:table", NS) is None
    assert not _codes(result, "S321")


def test_short_lines_after_a_colon_need_three_rows():
    text = HEAD + "Member State\nScale\n" + TAIL
    result = convert(text, lang="en")
    assert result.tree.find(".//a:table", NS) is None
    assert not _codes(result, "S321")


def test_notes_and_citations_inside_cells_are_found():
    text = (
        HEAD
        + "Member State\tScale\nAfghanistan1\t0.006\nAlbania\t0.008 (see A/RES/76/238)\n"
        + "Algeria\t0.101\n"
        + TAIL
        + "__________\n1 Including arrears.\n"
    )
    result = convert(text, lang="en")
    assert result.ok
    assert not _codes(result, "N404")
    cells = result.tree.findall(".//a:table/a:tr/a:td/a:p", NS)
    assert cells[0].text == "Afghanistan"
    assert cells[0].find("a:authorialNote", NS).get("marker") == "1"
    assert cells[3].find("a:a", NS).get("href") == "https://undocs.org/en/A/RES/76/238"
