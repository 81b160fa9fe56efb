"""Decisions: no formula, no preamble; the text opens with the meeting that took it.

tests/fixtures/decision-{en,fr}.txt were made for these tests in the shape of a General
Assembly decision (symbol A/DEC/75/998 is not a real document).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from akn.converter.inline import AKN
from akn.converter.pipeline import convert
from akn.mapping import load_mapping

FIXTURES = Path(__file__).parent / "fixtures"
NS = {"a": AKN}

# How a decision of 10 December 2020, 38th plenary meeting, opens in each language.
OPENINGS = {
    "en": "At its 38th plenary meeting, on 10 December 2020, the General Assembly decided",
    "fr": "À sa 38e séance plénière, le 10 décembre 2020, l’Assemblée générale a décidé",
    "es": "En su 38ª sesión plenaria, celebrada el 10 de diciembre de 2020, la Asamblea General",
    "ru": "На своем 38-м пленарном заседании 10 декабря 2020 года Генеральная Ассамблея",
    "ar": "في جلستها العامة 38، المعقودة في 10 كانون الأول/ديسمبر 2020، قررت الجمعية العامة",
    "zh": "大会在2020年12月10日第38次全体会议上，根据第五委员会的建议，决定：",
}


@pytest.mark.parametrize("language", sorted(OPENINGS))
def test_each_language_reads_a_decision(language):
    text = f"75/998. Title\n{OPENINGS[language]} to hold a meeting.\n"
    result = convert(text, lang=language)
    assert result.ok, [d.format() for d in result.diagnostics]
    tree = result.tree
    assert tree.find("a:statement", NS).get("name") == "decision"
    assert tree.find(".//a:preamble", NS) is None
    assert tree.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == "2020-12-10"
    (paragraph,) = tree.findall(".//a:mainBody/a:paragraph", NS)
    assert paragraph.find("a:num", NS) is None
    assert paragraph.find(".//a:docDate", NS).get("date") == "2020-12-10"
    meeting = paragraph.find(".//a:inline[@name='adoptionMeeting']", NS)
    assert meeting is not None and "38" in meeting.text
    assert not [d for d in result.diagnostics if d.code in ("S302", "S304")]


def test_the_language_is_detected_from_the_opening():
    result = convert(f"75/998. Title\n{OPENINGS['fr']} de tenir une séance.\n")
    assert result.language == "fr"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_decision_with_its_masthead_and_points(language):
    result = convert((FIXTURES / f"decision-{language}.txt").read_bytes(), lang=language)
    assert result.ok
    assert not [d for d in result.diagnostics if d.severity >= 30]
    tree = result.tree
    assert tree.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == (
        "/akn/un/statement/deliberation/unga/2020-12-10/75-998/!main/"
    )
    intro = tree.find(".//a:mainBody/a:paragraph/a:list/a:intro/a:p", NS)
    meeting = intro.find("a:inline[@name='adoptionMeeting']", NS)
    assert meeting.text == {"en": "38th plenary meeting", "fr": "38e séance plénière"}[language]
    assert intro.find("a:authorialNote", NS).get("marker") == "1"
    nums = [n.text for n in tree.findall(".//a:point/a:num", NS)]
    assert nums == (["(a)", "(b)", "(c)"] if language == "en" else ["a)", "b)", "c)"])


def test_an_opening_wrapped_over_two_lines_is_found():
    text = (
        "75/997. Appointment of members of the Committee on Contributions\n\n"
        "At its 40th plenary\n\n"
        "meeting, on 14 December 2020, the General Assembly, on the recommendation of the\n\n"
        "Fifth Committee, appointed Ms. Ana Pérez and Mr. John Smith as members of the\n\n"
        "Committee for a three-year term of office beginning on 1 January 2021.\n"
    )
    result = convert(text, lang="en")
    assert result.ok
    assert result.tree.find("a:statement", NS).get("name") == "decision"
    p = result.tree.find(".//a:mainBody/a:paragraph/a:content/a:p", NS)
    assert "".join(p.itertext()).endswith("beginning on 1 January 2021.")
    assert p.find("a:docDate", NS).get("date") == "2020-12-14"


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly,\nRecalling its decision 74/508,\n1. Decides to act;\n",
        # No formula, and a meeting in the annex: the paragraphs before it make a resolution.
        "1. Decides to convene the conference;\n2. Requests a report;\nAnnex\n"
        "Report of the Conference\n"
        "At its 5th plenary meeting, on 3 May 2019, the Conference adopted its report.\n",
        # An opening that names no body that decides.
        "75/998. Title\nAt its 5th plenary meeting, on 3 May 2019, the Conference adopted it.\n",
    ],
)
def test_a_resolution_is_not_a_decision(text):
    result = convert(text, lang="en")
    if result.tree is None:  # the third: neither a resolution nor a decision
        assert result.diagnostics[-1].code == "E105"
        return
    assert result.tree.find("a:statement", NS).get("name") == "resolution"
    assert not result.tree.findall(".//a:mainBody//a:inline[@name='adoptionMeeting']", NS)
    nums = [n.text for n in result.tree.findall("a:statement/a:mainBody/a:paragraph/a:num", NS)]
    assert nums and nums[0] == "1."


def test_a_date_away_from_the_meeting_is_not_the_decisions():
    text = (
        "75/998. Title\nAt its 38th plenary meeting, the General Assembly, recalling its "
        "resolution 74/270 of 2 April 2020, decided to hold a meeting.\n"
    )
    result = convert(text, lang="en")
    assert result.ok
    assert result.tree.find(".//a:mainBody//a:docDate", NS) is None
    assert [d for d in result.diagnostics if d.code == "M502"]


def test_further_paragraphs_of_a_decision_are_not_reported_as_unnumbered():
    text = f"75/998. Title\n{OPENINGS['en']} to hold a meeting.\nThe meeting shall be open.\n"
    result = convert(text, lang="en")
    assert len(result.tree.findall(".//a:mainBody/a:paragraph", NS)) == 2
    assert not [d for d in result.diagnostics if d.code == "S304"]


def test_an_opening_without_its_accent_is_found():
    text = (
        "75/998. Titre\nA sa 38e séance plénière, le 10 décembre 2020, l’Assemblée générale "
        "a décidé de se réunir.\n"
    )
    result = convert(text, lang="fr")
    assert result.tree.find("a:statement", NS).get("name") == "decision"


@pytest.mark.parametrize("language", sorted(OPENINGS))
def test_every_mapping_knows_how_a_decision_opens(language):
    mapping = load_mapping(language)
    assert mapping.decision.opening.match(OPENINGS[language])
    assert not mapping.decision.opening.match(mapping.formula[0].text + ",")
