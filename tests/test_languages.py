"""A language is a mapping file: German through mappings/de.yaml, and a made-up language
that no code knows, from a folder named by AKN_MAPPINGS.

The German cases are the ones the engine could not express before the mapping keys that
say them (quotation pairs where “ closes, number words glued, case that does not mark a
sentence's start, the words before a cited resolution's date, a separable verb's particle).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import AKN, LANGUAGES, q

from akn.cli import main
from akn.converter.dates import parse_number_words
from akn.converter.pipeline import convert
from akn.mapping import forget_mappings, load_mapping
from akn.resources import available_languages

FIXTURES = Path(__file__).parent / "fixtures"
NS = {"a": AKN}

GERMAN_HEAD = (
    "Vereinte Nationen\nA/RES/76/250\nGeneralversammlung\nVerteilung: Allgemein\n"
    "25. Januar 2022\nSechsundsiebzigste Tagung\nTagesordnungspunkt 16\n"
    "Resolution der Generalversammlung, verabschiedet am 20. Januar 2022\n"
    "76/250. Leugnung des Holocaust\nDie Generalversammlung,\n"
)


def _german(body: str, **options):
    result = convert(GERMAN_HEAD + body, lang="de", **options)
    assert result.ok, [d.format() for d in result.diagnostics]
    return result


def _texts(result, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in result.tree.iterfind(path, NS)]


def test_the_languages_of_the_tests_are_the_mappings_present():
    assert sorted(LANGUAGES.values()) == available_languages()
    assert {"de", "en", "fr", "es", "ru", "ar", "zh"} <= set(available_languages())


def test_german_is_detected_and_reads_its_masthead():
    result = convert(GERMAN_HEAD + "unter Hinweis auf ihre Resolution 60/7,\n1. beschließt;\n")
    assert "language detected: de" in next(
        d.message for d in result.diagnostics if d.code == "L200"
    )
    session = result.tree.find(".//a:session", NS)
    assert session.get("value") == "76"  # "Sechsundsiebzigste": sechs + und + siebzigste
    assert result.tree.find(".//a:FRBRlanguage", NS).get("language") == "deu"
    adoption = result.tree.find(".//a:FRBRWork/a:FRBRdate", NS)
    assert adoption.get("date") == "2022-01-20"


@pytest.mark.parametrize(
    ("words", "value"),
    [("Sechsundsiebzigste", 76), ("Achtundsiebzigste", 78), ("Zehnte", 10), ("Elfte", 11)],
)
def test_german_session_ordinals_are_built_from_their_parts(words, value):
    assert parse_number_words(words, load_mapping("de")) == value


def test_a_german_quotation_closes_with_the_english_opening_mark():
    """„…“: the “ closes. Read as an opening mark, the quotation would stay open and swallow
    the next recital."""
    result = _german(
        "unter Hinweis auf „die Agenda 2030“,\nin Bekräftigung ihrer Resolution 70/1,\n"
        "1. beschließt, die Tagung zu vertagen.\n"
    )
    assert _texts(result, ".//a:preamble/a:container") == [
        "unter Hinweis auf „die Agenda 2030“,",
        "in Bekräftigung ihrer Resolution 70/1,",
    ]


def test_wrapped_german_recitals_part_where_a_listed_phrase_follows_a_comma():
    wrapped = (
        "unter Hinweis auf die Agenda 2030 für nachhaltige Entwicklung, die von allen Staaten\n\n"
        "angenommen wurde, und auf die Verpflichtungen der Staaten,\n\n"
        "in Bekräftigung ihrer Resolution 70/1 vom 25. September 2015 und aller späteren\n\n"
        "Resolutionen zu diesem Thema,\n\n"
        "1. beschließt, die Tagung vorläufig zu vertagen und sie auf Antrag der\n\n"
        "Mitgliedstaaten wieder aufzunehmen.\n"
    )
    result = _german(wrapped)
    recitals = _texts(result, ".//a:preamble/a:container")
    assert len(recitals) == 2 and recitals[1].startswith("in Bekräftigung")
    assert "Staaten angenommen wurde" in recitals[0]  # the noun after the break goes on


def test_every_item_of_a_german_citation_list_is_linked():
    result = _german(
        "unter Hinweis auf ihre Resolutionen 70/1 vom 25. September 2015 und 71/313,\n"
        "1. beschließt.\n"
    )
    links = [a.get("href") for a in result.tree.iterfind(".//a:preamble//a:a", NS)]
    assert links == ["https://undocs.org/de/A/RES/70/1", "https://undocs.org/de/A/RES/71/313"]


def test_a_separable_verbs_particle_is_italic_with_the_verb():
    result = _german(
        "unter Hinweis auf ihre Resolution 60/7,\n"
        "1. fordert alle Mitgliedstaaten nachdrücklich auf, die Resolution umzusetzen;\n"
        "2. weist jeden Versuch entschieden zurück;\n"
        "3. fordert einen sofortigen Waffenstillstand.\n"
    )
    italics = [
        [span.text for span in p.iterfind("a:span[@class='italic']", NS)]
        for p in result.tree.iterfind(".//a:mainBody//a:p", NS)
    ]
    assert italics == [
        ["fordert", "nachdrücklich auf"],
        ["weist", "entschieden zurück"],
        ["fordert"],
    ]


def test_notes_of_a_translation_may_start_at_two():
    """The German versions leave out the original's note on the title: their notes run 2, 3."""
    result = _german(
        "in Bekräftigung der Allgemeinen Erklärung der Menschenrechte2 und des Paktes3,\n"
        "1. beschließt.\n55. Plenarsitzung\n20. Januar 2022\n__________________\n"
        "2 Resolution 217 A (III).\n3 Siehe Resolution 2200 A (XXI), Anlage.\n"
    )
    notes = result.tree.findall(f".//{q('authorialNote')}")
    assert [n.get("marker") for n in notes] == ["2", "3"]
    conclusions = _texts(result, ".//a:conclusions/a:p")
    assert len(conclusions) == 1 and "Resolution" not in conclusions[0]  # the notes are notes


# --------------------------------------------------------------------------- an eighth language


@pytest.fixture
def invented(monkeypatch):
    """The made-up language of tests/fixtures/mappings/qx.yaml, found through AKN_MAPPINGS."""
    monkeypatch.setenv("AKN_MAPPINGS", str(FIXTURES / "mappings"))
    forget_mappings()
    yield
    monkeypatch.delenv("AKN_MAPPINGS")
    forget_mappings()


def test_a_made_up_language_converts_without_any_code(invented, tmp_path, capsys):
    assert "qx" in available_languages()
    target = tmp_path / "out.xml"
    code = main(["convert", str(FIXTURES / "invented-qx.txt"), "--lang", "qx", "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    from lxml import etree

    tree = etree.parse(str(target))
    recitals = [
        " ".join("".join(c.itertext()).split())
        for c in tree.iterfind(".//a:preamble/a:container", NS)
    ]
    assert len(recitals) == 3
    assert recitals[1].endswith("which says ⟪all lights are kept, and none is lost⟫,")
    assert [c.get("name") for c in tree.iterfind(".//a:container", NS)] == [
        "zorbing",
        "having glimmed",
        "with deep frumbling",
    ]
    assert [n.text for n in tree.iterfind(".//a:mainBody/a:paragraph/a:num", NS)] == [
        "1.",
        "2.",
        "3.",
        "4.",
    ]
    points = tree.findall(".//a:point", NS)
    assert [p.get("eId") for p in points] == ["para_2__list_1__point_a", "para_2__list_1__point_b"]
    assert [s.text for s in tree.iterfind(".//a:paragraph[a:num='3.']//a:span", NS)] == [
        "quibs",
        "outward",
    ]
    links = [a.get("href") for a in tree.iterfind(".//a:container//a:a", NS)]
    assert links[:2] == ["https://undocs.org/qx/A/RES/70/1", "https://undocs.org/qx/A/RES/75/1"]
    assert tree.find(".//a:session", NS).get("value") == "82"  # "Twoandeightyth"
    assert tree.find(".//a:FRBRlanguage", NS).get("language") == "qaa"
    assert tree.find(".//a:conclusions//a:docDate", NS).get("date") == "2027-12-01"
    note = tree.find(".//a:authorialNote", NS)
    assert note.get("marker") == "1" and note.getparent().getparent().get("name") == (
        "having glimmed"
    )


def test_without_its_folder_the_made_up_language_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["convert", str(FIXTURES / "invented-qx.txt"), "--lang", "qx"])
    assert stopped.value.code == 2
    assert "invalid choice: 'qx'" in capsys.readouterr().err


ENGLISH = (
    "The General Assembly,\n"
    "Recalling its resolution 60/7 of 1 November 2005,\n"
    "1. Decides to remain seized of the matter.\n"
)


def _codes(result) -> set[str]:
    return {d.code for d in result.diagnostics}


def test_a_lang_the_text_is_not_in_is_named_with_the_language_it_reads_as():
    """--lang fr on English text: no French formula, the English mapping reads it (L204)."""
    result = convert(ENGLISH, lang="fr")
    warning = next(d for d in result.diagnostics if d.code == "L204")
    assert "--lang fr given, but the text reads as en" in warning.message


def test_a_right_lang_is_not_questioned():
    assert not {"L203", "L204"} & _codes(convert(ENGLISH, lang="en"))
    assert not {"L203", "L204"} & _codes(convert(ENGLISH))


def test_a_text_no_mapping_recognises_is_not_said_to_be_in_a_language():
    """A shopping list matches no language: L203, and the E105 names no language."""
    result = convert("Hello world, this is a shopping list.\nMilk\nEggs\n")
    assert {"L203", "E105"} <= _codes(result) and "L200" not in _codes(result)
    error = next(d for d in result.diagnostics if d.code == "E105")
    assert "no mapping recognises its language" in error.message
    assert "language ar" not in error.message
