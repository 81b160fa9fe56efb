"""The document tree between recognition and XML, its mark passes, and ``--dump``.

The tree's JSON for the seed is a golden file: a change in recognition or in a mark pass
shows there first, node by node, with the lines it came from. Regenerate it with
``pytest tests/test_tree.py --update-golden`` and read the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PDF_TEXT, SEED
from lxml import etree

from akn.cli import main
from akn.converter.dump import dump
from akn.converter.inline import AKN
from akn.converter.metadata import Identity, Metadata
from akn.converter.pipeline import convert, parse, read_lines
from akn.converter.serialise import serialise
from akn.converter.tree import (
    Footnote,
    LinkMark,
    Node,
    NodeKind,
    NoteMark,
    PhraseMark,
    Tree,
)

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
NS = {"a": AKN}


def tree_of(path: Path, lang: str) -> Tree:
    lines, mapping, diagnostics = read_lines(path.read_bytes(), lang)
    return parse(lines, mapping, diagnostics).tree


def kinds(node: Node) -> list[str]:
    return [child.kind.value for child in node.children]


# --------------------------------------------------------------------------- the tree


def test_the_seed_tree_holds_the_resolution_in_its_parts():
    tree = tree_of(SEED, "fr")
    assert kinds(tree.root) == ["preface", "preamble", "body"]
    preamble = tree.root.first(NodeKind.PREAMBLE)
    formula, *recitals = preamble.children
    assert formula.kind is NodeKind.FORMULA and formula.text == "L’Assemblée générale,"
    assert recitals and {r.kind for r in recitals} == {NodeKind.RECITAL}
    body = tree.root.first(NodeKind.BODY)
    assert [p.number for p in body.children][:3] == ["1.", "2.", "3."]
    # Every unit keeps the lines it came from, in reading order.
    units = tree.units
    assert all(unit.source for unit in units)
    lines = [unit.line for unit in units]
    assert lines == sorted(lines)


def test_notes_are_marks_on_the_units_and_their_markers_leave_the_text():
    tree = tree_of(SEED, "fr")
    placed = [(unit, mark) for unit in tree.units for mark in unit.marks_of(NoteMark)]
    assert len(placed) >= 5
    for unit, mark in placed:
        marker = tree.notes[mark.note].marker
        # The marker's digits are cut out where the note stands.
        assert not unit.text[mark.offset :].startswith(marker)
    # The seed's "*" note has no marker in the text: it is kept, unplaced.
    assert [tree.notes[i].marker for i in tree.unplaced] == ["*"]


def test_italic_phrases_citations_and_meetings_are_marks():
    tree = tree_of(FIXTURES / "decision-en.txt", "en")
    (opening,) = [unit for unit in tree.units if unit.opens_decision]
    kinds_of_marks = {type(mark).__name__ for mark in opening.marks}
    assert {"MeetingMark", "DateMark", "LinkMark", "NoteMark"} <= kinds_of_marks
    seed = tree_of(SEED, "fr")
    recital = seed.root.first(NodeKind.PREAMBLE).children[1]
    (phrase, *_) = recital.marks_of(PhraseMark)
    assert recital.text[phrase.start : phrase.end] == recital.phrase


def test_a_collection_has_a_component_for_each_resolution_with_its_own_formula():
    tree = tree_of(FIXTURES / "collection-en.txt", "en")
    assert tree.root.kind is NodeKind.COLLECTION
    components = [c for c in tree.root.children if c.kind is NodeKind.COMPONENT]
    assert [c.number for c in components] == ["A", "B"]
    for component in components:
        document = component.first(NodeKind.DOCUMENT)
        assert document.first(NodeKind.PREAMBLE).first(NodeKind.FORMULA) is not None


def test_a_pass_returns_a_new_tree_and_leaves_the_old_one_as_it_was():
    tree = tree_of(FIXTURES / "decision-en.txt", "en")
    before = [unit.text for unit in tree.units]
    shouted = tree.with_units(lambda node: node.changed(text="X"))
    assert [unit.text for unit in tree.units] == before
    assert {unit.text for unit in shouted.units} == {"X"}
    with pytest.raises(AttributeError):
        tree.root.text = "changed"  # frozen


def test_serialisation_reads_only_the_tree():
    """A tree made by hand, with no text or blocks behind it, is written as it says."""
    paragraph = Node(
        NodeKind.PARAGRAPH,
        text="Decides to act on A/75/1 now",
        number="1.",
        seq=1,
        phrase="Decides",
        marks=(
            LinkMark(17, 23, "A/75/1", "https://example.org/A/75/1"),
            NoteMark(28, 0),
            PhraseMark(0, 7),
        ),
    )
    body = Node(NodeKind.BODY, (paragraph,))
    tree = Tree(Node(NodeKind.DOCUMENT, (body,)), (Footnote("1", "A note.", 9),))
    xml = serialise(tree, Identity(Metadata(language="eng", number="75-1")))
    (p,) = xml.findall(".//a:mainBody/a:paragraph/a:content/a:p", NS)
    assert etree.tostring(p, encoding="unicode", with_tail=False).count("<") > 1
    assert p.find("a:span", NS).text == "Decides"
    assert p.find("a:a", NS).get("href") == "https://example.org/A/75/1"
    assert p.find("a:authorialNote/a:p", NS).text == "A note."
    assert "".join(p.itertext()) == "Decides to act on A/75/1 nowA note."


# --------------------------------------------------------------------------- --dump


def test_dump_lines_numbers_every_line_as_diagnostics_do():
    text, _ = dump("lines", "United Nations\n\nThe General Assembly,\n", lang="en")
    data = json.loads(text)
    assert data["stage"] == "lines"
    assert [(line["line"], line["text"]) for line in data["lines"]] == [
        (1, "United Nations"),
        (2, ""),
        (3, "The General Assembly,"),
    ]


@pytest.mark.corpus
def test_dump_pages_shows_the_furniture_and_the_footnotes_taken_out():
    text, _ = dump("pages", (PDF_TEXT / "A-RES-73-6.txt").read_bytes(), lang="en")
    data = json.loads(text)
    assert data["jobNumber"] == "18-17962 (E)"
    assert len(data["furniture"]) == 15
    assert [note["marker"] for note in data["notes"]][:3] == ["1", "2", "3"]
    taken_out = {line["line"] for line in data["furniture"]}
    taken_out |= {line["line"] for note in data["notes"] for line in note["lines"]}
    assert not taken_out & {line["line"] for line in data["text"]}
    text, _ = dump("pages", SEED.read_bytes(), lang="fr")
    data = json.loads(text)
    assert [note["marker"] for note in data["notes"]][:2] == ["*", "1"]
    assert len(data["links"]) == 15
    assert data["formulaLine"] == 8  # "L’Assemblée générale,"


def test_the_seed_tree_json_is_stable(request: pytest.FixtureRequest):
    text, _ = dump("tree", SEED.read_bytes(), lang="fr")
    assert text == dump("tree", SEED.read_bytes(), lang="fr")[0]
    path = GOLDEN / "seed-A-75-L.25-fr.tree.json"
    if request.config.getoption("--update-golden"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), "the seed's tree changed: see the diff"


def test_dump_tree_on_the_command_line(capsys):
    code = main(["convert", "--dump", "tree", "--lang", "en", str(FIXTURES / "decision-en.txt")])
    captured = capsys.readouterr()
    assert code == 0
    data = json.loads(captured.out)
    assert data["document"]["kind"] == "document"
    assert data["notes"][0]["marker"] == "1"


def test_dump_of_what_is_no_resolution_says_why_and_exits_1(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("   \n")
    assert main(["convert", "--dump", "lines", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "E104 input is empty" in captured.err
    path.write_text("Nothing like a resolution here.\n")
    assert main(["convert", "--dump", "tree", "--lang", "en", str(path)]) == 1
    assert "E105" in capsys.readouterr().err


def test_dump_names_its_stages():
    with pytest.raises(ValueError, match="lines, pages, tree"):
        dump("blocks", "text")


def test_the_xml_is_what_the_tree_says():
    """convert() is the tree, serialised: the same tree, the same XML."""
    result = convert(SEED.read_bytes(), lang="fr", metadata={"markup": "2026-01-01"})
    assert result.ok
    texts = {"".join(p.itertext()).strip() for p in result.tree.iterfind(".//a:preamble//a:p", NS)}
    tree = tree_of(SEED, "fr")
    formula = tree.root.first(NodeKind.PREAMBLE).first(NodeKind.FORMULA)
    assert formula.text in texts


def test_the_opening_is_found_once_with_every_formula_of_a_set():
    from akn.converter.opening import find_opening
    from akn.converter.pages import split_pages

    def opening_of(name: str):
        lines, mapping, _ = read_lines((FIXTURES / name).read_bytes(), "en")
        layout = split_pages(lines, mapping)
        return layout, find_opening(layout.lines, layout.formula_index, layout.decision, mapping)

    layout, opening = opening_of("collection-en.txt")
    assert opening.formula and not opening.decision
    assert [layout.lines[i].text.strip() for i in opening.formulas] == ["The General Assembly,"] * 2
    layout, opening = opening_of("decision-en.txt")
    assert opening.decision and not opening.formula and opening.formulas == ()
    assert layout.lines[opening.index].text.startswith("At its 38th plenary meeting")
