"""Small text repairs the German PDFs needed, each general: a stray superscript glued to a word
before a note's marker ("Council1,2" where the comma is the decimal separator), a raised digit
that is no marker (written as ``<sup>``, as the UN's files write it), and a line end that cuts
one word (a URL after "http://", a suspended compound whose hyphen comes first: "and -" /
"based"), and notes without their rule whose numbers start at 2, as a translation's do. Cases
from A/RES/ES-10/22, ES-10/21, ES-11/5, 76/250 and 76/257 in German.
"""

from __future__ import annotations

import sys

import pytest
from corpus import AKN, CORPUS, ROOT, clean_text
from lxml import etree

from akn.converter.pipeline import convert
from akn.converter.spacing import join_lines

sys.path.insert(0, str(ROOT / "tools"))

import extraction_score
from typeset.degrade import degrade

NS = {"a": AKN}

GERMAN_HEAD = (
    "Vereinte Nationen\nA/RES/ES-10/22\nGeneralversammlung\nVerteilung: Allgemein\n"
    "19. Dezember 2023\nZehnte Notstandssondertagung\nTagesordnungspunkt 5\n"
    "Resolution der Generalversammlung, verabschiedet am 12. Dezember 2023\n"
    "ES-10/22. Schutz von Zivilpersonen\nDie Generalversammlung,\n"
)


def _german(body: str):
    result = convert(GERMAN_HEAD + body, lang="de")
    assert result.ok, [d.format() for d in result.diagnostics]
    return result


def _recitals(result) -> list[str]:
    return [
        " ".join("".join(c.itertext()).split())
        for c in result.tree.iterfind(".//a:preamble/a:container", NS)
    ]


def test_a_stray_superscript_before_a_marker_is_kept_and_the_marker_found():
    """A/RES/ES-10/22: "Sicherheitsrats<sup>1</sup>," then note 2: "1,2" glued to a word is
    no decimal number, where the comma is the decimal separator."""
    result = _german(
        "Kenntnis nehmend von dem Schreiben an die Präsidentschaft des Sicherheitsrats1,2\n"
        "1. beschließt, die Tagung zu vertagen.\n__________________\n2 S/2023/962.\n"
    )
    note = result.tree.find(".//a:preamble//a:authorialNote", NS)
    assert note is not None and note.get("marker") == "2"
    written = etree.tostring(note.getparent(), encoding="unicode")
    assert "Sicherheitsrats1,<authorialNote" in written


def test_a_decimal_number_is_still_no_marker():
    result = _german(
        "in Anbetracht dessen, dass die Temperatur um 1,5 Grad steigt,\n"
        "1. beschließt, die Tagung zu vertagen.\n"
    )
    assert result.tree.find(".//a:authorialNote", NS) is None
    assert "um 1,5 Grad" in _recitals(result)[0]


def test_a_raised_digit_that_is_no_marker_is_written_as_sup():
    result = _german(
        "Kenntnis nehmend von dem Schreiben an die Präsidentschaft des Sicherheitsrats¹,\n"
        "1. beschließt, die Tagung zu vertagen.\n"
    )
    sup = result.tree.find(".//a:preamble//a:sup", NS)
    assert sup is not None and sup.text == "1"
    assert "¹" not in _recitals(result)[0]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["verfügbar unter http://", "www.un.org/Depts/german/x.pdf."], "unter http://www.un.org"),
        (["-strategien und -", "plänen, insbesondere"], "-strategien und -plänen,"),
        (["Pandemieprävention, -", "vorsorge und"], "Pandemieprävention, -vorsorge und"),
        (["l’Asie du Sud -", "Est, consacrés"], "l’Asie du Sud-Est, consacrés"),  # still one word
    ],
)
def test_a_line_end_that_cuts_one_word_joins_without_a_space(lines, joined):
    assert joined in join_lines(lines, conjunctions=frozenset({"und", "and"}))[0]


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["A-RES-ES-10-21.xml", "A-RES-ES-11-5.xml"])
def test_notes_without_their_rule_are_found_when_they_start_at_two(name):
    """A translation's notes run 2, 3 … (the original's note on the title is left out): at a
    page's bottom without a rule, the first is still the document's first note."""
    path = CORPUS / "wide" / "deu" / name
    if not path.exists():
        pytest.skip("the German translations are not in the corpus")
    degraded = degrade("notes without rule", extraction_score.source_of("deu", path), 9)
    assert degraded.changes  # the rule was taken away
    matched, total, differences, _ = extraction_score.compare_structure("deu", path, degraded.text)
    assert matched == total, differences


@pytest.mark.corpus
def test_a_paragraph_that_lost_its_full_stop_is_no_first_note():
    """A/RES/76/294 in Spanish: "3. Promover …" / "4 Aplicar …" / "5. Adoptar …": the "4"
    goes on the paragraphs' numbering, and note 4 is called in the text, but it is no note."""
    path = CORPUS / "wide" / "spa" / "A-RES-76-294.xml"
    if not path.exists():
        pytest.skip("the file is not in the corpus")
    result = convert(clean_text(path), lang="es")
    notes = result.tree.findall(".//a:authorialNote", NS)
    assert [n.get("marker") for n in notes] == ["1", "2", "3", "4", "5", "6"]
    assert not any(n.findtext("a:p", namespaces=NS).startswith("Aplicar") for n in notes)
