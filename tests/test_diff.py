"""akn diff: items aligned, words compared, noise ignored, the corpus score's own engine."""

from __future__ import annotations

import copy
import json

import pytest
from corpus import CORPUS, LANGUAGES, ROOT, compare, corpus_files, repair_un_structure, structure
from lxml import etree

import akn
from akn.cli import main
from akn.comparison import CHANGED, ONLY_A, SAME, word_diff
from akn.comparison_report import format_text, summary
from akn.reading import AKN, ReadError

UN_80_1 = CORPUS / "akn/eng/A-RES-80-1.xml"
UN_75_15 = CORPUS / "akn/fra/A-RES-75-15.xml"


def q(name: str) -> str:
    return f"{{{AKN}}}{name}"


def edited(path, change) -> etree._ElementTree:
    tree = etree.parse(str(path))
    change(tree)
    return tree


def paragraph(tree, number: str) -> etree._Element:
    return next(p for p in tree.iter(q("paragraph")) if p.findtext(q("num")) == number)


@pytest.mark.corpus
def test_a_file_against_itself_is_the_same():
    result = akn.diff(UN_80_1, UN_80_1)
    assert result.same and not result.metadata
    assert {k: c[SAME] for k, c in result.counts().items()}["paragraph"] == 3


@pytest.mark.corpus
def test_changed_words_inside_a_paragraph():
    def change(tree):
        p = paragraph(tree, "3.").find(f"{q('content')}/{q('p')}")
        span = p[0]
        span.tail = span.tail.replace("only during", "during")

    result = akn.diff(UN_80_1, edited(UN_80_1, change))
    [record] = result.differences()
    assert (record.kind, record.status, record.key, record.fields) == (
        "paragraph",
        CHANGED,
        "3.",
        ("text",),
    )
    assert ("-", "only") in record.words
    report = format_text(result)
    assert "paragraph 3.: changed (text)" in report
    assert "shall apply [-only-] during the eightieth session." in report


@pytest.mark.corpus
def test_a_paragraph_removed_costs_one_record_not_every_one_after_it():
    def change(tree):
        first = paragraph(tree, "2.")
        first.getparent().remove(first)
        paragraph(tree, "3.").find(q("num")).text = "2."

    result = akn.diff(UN_80_1, edited(UN_80_1, change))
    statuses = [(r.status, r.key) for r in result.differences()]
    assert (ONLY_A, "2.") in statuses and len(statuses) == 2  # 2 gone, 3 renumbered
    assert any(r.status == CHANGED and r.fields == ("number",) for r in result.differences())


@pytest.mark.corpus
def test_notes_are_aligned_by_marker():
    def change(tree):
        note = next(tree.iter(q("authorialNote")))
        note.getparent().remove(note)  # its tail goes with it: the text changes too

    result = akn.diff(UN_75_15, edited(UN_75_15, change))
    counts = result.counts()
    assert counts["note"][ONLY_A] == 1 and counts["note"][SAME] == 9
    assert counts["anchor"][ONLY_A] == 1


@pytest.mark.corpus
def test_eid_and_whitespace_differences_count_only_when_strict():
    def change(tree):
        p = paragraph(tree, "1.")
        p.set("eId", "para_1")
        content = p.find(f"{q('list')}/{q('intro')}/{q('p')}")
        content.text = "\n\t\t  "

    other = edited(UN_80_1, change)
    assert akn.diff(UN_80_1, other).same
    strict = akn.diff(UN_80_1, other, strict=True)
    [record] = strict.differences()
    assert record.fields == ("whitespace", "eId")


@pytest.mark.corpus
def test_metadata_is_listed_apart():
    def change(tree):
        date = tree.find(f".//{q('FRBRWork')}/{q('FRBRdate')}")
        date.set("date", "2025-09-20")

    result = akn.diff(UN_80_1, edited(UN_80_1, change))
    assert result.same
    assert [(m.field, m.a, m.b) for m in result.metadata] == [
        ("FRBRWork/FRBRdate[adoption]/@date", "2025-09-19", "2025-09-20")
    ]


def test_word_diff_in_chinese_compares_characters():
    assert word_diff("决定继续审议", "决定不再审议") == (
        ("=", "决定"),
        ("-", "继续"),
        ("+", "不再"),
        ("=", "审议"),
    )


@pytest.mark.corpus
def test_summary_line_counts_per_kind():
    line = summary(akn.diff(UN_80_1, UN_80_1))
    assert line.startswith("same structure and texts: masthead lines 10 same;")
    assert "paragraphs 3 same; points 3 same; notes 1 same" in line


SCORED = ("recital", "paragraph", "point", "note", "anchor")
# What akn diff finds beyond the score's kinds, the same in all six languages:
# A/RES/77/259: the converter joins the masthead's two agenda-item titles in one line (2),
# and the UN writes its section numbers "I", "II" as subheadings, not num (2);
# A/RES/78/248, S/RES/2521 (2020): the UN marks none of their headings as a heading.
BEYOND_THE_SCORE = {"A-RES-77-259.xml": 4, "A-RES-78-248.xml": 4, "S-RES-2521-2020.xml": 3}


@pytest.mark.corpus
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_un_file_against_its_rendered_text_converted_differs_as_the_score_says(language):
    """akn diff of a UN file (its markup slips repaired, as the score does) against the
    conversion of its rendered text reports exactly the score's differences in the kinds
    the score counts; on files without slips, so does the plain diff of the two files."""
    for path in corpus_files(language):
        comparison = compare(language, path)
        expected, repairs = repair_un_structure(structure(etree.parse(str(path))))
        result = akn.diff(expected, structure(comparison.result.tree))
        scored = result.differences(SCORED)
        assert len(scored) == len(comparison.differences), (path.name, scored)
        beyond = [r for r in result.differences() if r.kind not in SCORED]
        assert len(beyond) == BEYOND_THE_SCORE.get(path.name, 0), (path.name, beyond)
        if not repairs:
            direct = akn.diff(path, comparison.result.tree)
            assert direct.differences(SCORED) == scored, path.name


# --------------------------------------------------------------------------- command line


@pytest.mark.corpus
def test_cli_exit_codes_and_json(tmp_path, capsys):
    def change(tree):
        paragraph(tree, "3.").find(q("num")).text = "4."

    changed = tmp_path / "changed.xml"
    edited(UN_80_1, change).write(str(changed))
    assert main(["diff", str(UN_80_1), str(UN_80_1)]) == 0
    capsys.readouterr()
    assert main(["diff", str(UN_80_1), str(changed), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["same"] is False
    assert report["summary"]["paragraph"] == {"same": 2, "changed": 1, "only_a": 0, "only_b": 0}
    [record] = report["records"]
    assert record["a"]["key"] == "3." and record["b"]["key"] == "4."
    with pytest.raises(SystemExit) as usage:
        main(["diff", str(UN_80_1)])
    assert usage.value.code == 2


@pytest.mark.corpus
def test_cli_bad_input_is_one_line(tmp_path, capsys):
    (tmp_path / "not.xml").write_text("plain text")
    for argv in (
        ["diff", str(UN_80_1), str(tmp_path / "missing.xml")],
        ["diff", str(tmp_path / "not.xml"), str(UN_80_1)],
        ["render", str(tmp_path / "not.xml")],
        ["render", str(tmp_path / "missing.xml"), "--to", "text"],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err
        assert err.startswith(f"akn {argv[0]}: error: ")
    assert main(["render", str(UN_80_1), "--to", "text", "--check"]) == 2


@pytest.mark.corpus
def test_cli_render_to_file(tmp_path, capsys):
    target = tmp_path / "page.html"
    assert main(["render", str(UN_80_1), "-o", str(target), "--check"]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["render", str(UN_80_1), "--to", "text"]) == 0
    assert capsys.readouterr().out.startswith("United Nations\nA/RES/80/1\n")


@pytest.mark.corpus
def test_diff_refuses_what_is_no_akn(tmp_path):
    (tmp_path / "x.xml").write_text("<root/>")
    with pytest.raises(ReadError, match="IN008"):
        akn.diff(tmp_path / "x.xml", UN_80_1)


@pytest.mark.corpus
def test_copy_of_a_tree_is_the_same():
    tree = etree.parse(str(UN_75_15))
    assert akn.diff(tree, copy.deepcopy(tree)).same


@pytest.mark.corpus
def test_the_readme_example_is_what_akn_diff_prints(tmp_path, capsys, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ akn diff un-A-RES-77-259.xml A-RES-77-259.xml\n"
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    source = CORPUS / "akn/eng/A-RES-77-259.xml"
    (tmp_path / "un-A-RES-77-259.xml").write_bytes(source.read_bytes())
    converted = akn.convert(  # the markup date pinned, as the README shows it
        akn.render(source, to="text"), lang="en", metadata={"markup": "2023-01-05"}
    )
    (tmp_path / "A-RES-77-259.xml").write_bytes(converted.to_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "un-A-RES-77-259.xml", "A-RES-77-259.xml"]) == 1
    assert capsys.readouterr().out == shown


@pytest.mark.corpus
def test_every_corpus_file_against_itself_is_the_same_even_strictly():
    for language in LANGUAGES:
        for path in corpus_files(language):
            result = akn.diff(path, path, strict=True)
            assert result.same and not result.metadata, path
