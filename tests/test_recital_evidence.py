"""Where a wrapped recital starts when its first words say nothing: the evidence at the end of
its first clause (``preamble.closing``: a verb-last recital's closing word), and a restated
opening phrase after a recital the UN left without its comma.

The German cases come from the UN's German files (A/RES/ES-11/6, 78/279); the made-up
language proves that the closing evidence is the mapping's, not German's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import AKN

from akn.converter.pipeline import convert
from akn.mapping import forget_mappings, load_mapping

NS = {"a": AKN}
FIXTURES = Path(__file__).parent / "fixtures"

GERMAN_HEAD = (
    "Vereinte Nationen\nA/RES/ES-11/6\nGeneralversammlung\nVerteilung: Allgemein\n"
    "2. März 2023\nElfte Notstandssondertagung\nTagesordnungspunkt 5\n"
    "Resolution der Generalversammlung, verabschiedet am 23. Februar 2023\n"
    "ES-11/6. Grundsätze der Charta der Vereinten Nationen\nDie Generalversammlung,\n"
)


def _wrapped(*lines: str) -> str:
    """Lines as PDF extraction leaves them: a blank line after each."""
    return "".join(line + "\n\n" for line in lines)


def _recitals(result) -> list[str]:
    return [
        " ".join("".join(c.itertext()).split())
        for c in result.tree.iterfind(".//a:preamble/a:container", NS)
    ]


# Wrapped operative paragraphs after the preamble: enough wrapped lines for the text to read
# as wrapped, not as one paragraph a line.
OPERATIVE = _wrapped(
    "1. unterstreicht die Notwendigkeit, so bald wie möglich einen umfassenden, gerechten und",
    "dauerhaften Frieden in der Ukraine im Einklang mit den Grundsätzen der Charta der",
    "Vereinten Nationen herbeizuführen;",
    "2. fordert die Mitgliedstaaten und internationalen Organisationen auf, die diplomatischen",
    "Bemühungen um die Herbeiführung eines umfassenden, gerechten und dauerhaften Friedens in",
    "der Ukraine im Einklang mit der Charta der Vereinten Nationen verstärkt zu unterstützen.",
)


def _german(body: str):
    result = convert(GERMAN_HEAD + body, lang="de")
    assert result.ok, [d.format() for d in result.diagnostics]
    return result


VERB_LAST = (
    _wrapped(
        "unter Hinweis auf die Entscheidung des Internationalen Gerichtshofs vom 16. März 2022,",
        "die katastrophalen menschenrechtlichen und humanitären Folgen der Aggression der",
        "Russischen Föderation gegen die Ukraine beklagend, einschließlich der anhaltenden",
        "Angriffe auf kritische Infrastrukturen in der gesamten Ukraine und deren verheerender",
        "Folgen für die Zivilbevölkerung,",
        "mit tiefer Sorge feststellend, welche nachteiligen Auswirkungen der Krieg auf die globale",
        "Ernährungssicherheit hat,",
    )
    + OPERATIVE
)


def test_a_verb_last_recital_opens_where_its_first_clause_ends_with_a_closing_word():
    result = _german(VERB_LAST)
    recitals = _recitals(result)
    assert len(recitals) == 3, recitals
    assert recitals[1].startswith("die katastrophalen")
    assert recitals[1].endswith("Zivilbevölkerung,")
    names = [c.get("name") for c in result.tree.iterfind(".//a:preamble/a:container", NS)]
    assert names[1] == "beklagend"  # named by its closing word, as the UN names it
    assert "S310" not in {d.code for d in result.diagnostics}


def test_without_a_closing_word_the_line_after_a_comma_goes_on():
    """A relative clause after a comma ("…, die …") is no recital: its clause ends with no
    closing word."""
    result = _german(
        _wrapped(
            "unter Hinweis auf die Entscheidung des Internationalen Gerichtshofs vom 1. März 2022,",
            "die die Zivilbevölkerung in der gesamten Ukraine und in den Nachbarstaaten betrifft,",
            "und auf deren Auswirkungen,",
        )
        + OPERATIVE
    )
    assert len(_recitals(result)) == 1


def test_a_restated_opening_phrase_opens_a_recital_after_a_missing_comma():
    """A/RES/78/279: "… mit dem Titel „The Status of Women in Agrifood Systems“" ends without
    its comma; "sowie unter Kenntnisnahme" restates the phrase that opened it."""
    result = _german(
        _wrapped(
            "unter Kenntnisnahme des Berichts der Ernährungs- und Landwirtschaftsorganisation der",
            "Vereinten Nationen von 2023 mit dem Titel „The Status of Women in Agrifood Systems“",
            "sowie unter Kenntnisnahme der Freiwilligen Leitlinien des Ausschusses für",
            "Welternährungssicherheit zur Gleichstellung der Geschlechter,",
        )
        + OPERATIVE
    )
    recitals = _recitals(result)
    assert len(recitals) == 2, recitals
    assert recitals[1].startswith("sowie unter Kenntnisnahme der Freiwilligen Leitlinien")


def test_after_a_conjunction_a_restated_phrase_goes_on():
    result = _german(
        _wrapped(
            "unter Hinweis auf ihre Resolution 68/262 vom 27. März 2014 und auf alle anderen und",
            "sowie unter Hinweis auf die einschlägigen Resolutionen des Sicherheitsrats,",
        )
        + OPERATIVE
    )
    assert len(_recitals(result)) == 1


@pytest.fixture
def verb_last_language(monkeypatch, tmp_path):
    """The made-up language of tests/fixtures/mappings/qx.yaml with closing words: a copy
    under another code, from a folder of the test's own."""
    source = (FIXTURES / "mappings" / "qx.yaml").read_text(encoding="utf-8")
    source = source.replace("code: qx", "code: qy").replace("akn: qaa", "akn: qab")
    source = source.replace(
        "  opening: '[a-z]+ing'\n", "  opening: '[a-z]+ing'\n  closing: [frumbled, glimmed]\n"
    )
    assert "closing:" in source
    (tmp_path / "qy.yaml").write_text(source, encoding="utf-8")
    monkeypatch.setenv("AKN_MAPPINGS", str(tmp_path))
    forget_mappings()
    yield load_mapping("qy")
    monkeypatch.delenv("AKN_MAPPINGS")
    forget_mappings()


def test_closing_words_are_the_mappings(verb_last_language):
    head = (FIXTURES / "invented-qx.txt").read_text(encoding="utf-8").split("zorbing", 1)[0]
    body = _wrapped(
        "zorbing its resolves 70/1 on day 25 of Harvest 2015 and 75/1 on the keeping of small",
        "lights in all the homes of the nations,",
        "the word of the Keeper on the keeping of all lights in all homes and all streets",
        "frumbled, and that the lights of the streets go out,",
        "1. plonks that every light be kept in every home and street of every nation.",
    )
    result = convert(head + body, lang="qy")
    assert result.ok, [d.format() for d in result.diagnostics]
    recitals = _recitals(result)
    assert len(recitals) == 2, recitals
    assert recitals[1].startswith("the word of the Keeper")
    assert verb_last_language.closing_pattern.search("the word of the Keeper frumbled")
    assert load_mapping("en").closing_pattern is None  # English verbs open their clauses


# A made-up Russian resolution, wrapped at 90 characters as pdftotext leaves it (a blank line
# after each line): the second recital's last line stops at 80, short of the width but not
# short enough to say so alone (SHORT_LINE), and the third opens with a phrase the mapping
# does not list. Only the text's own wrapping tells that "с" would have fitted on that line.
RUSSIAN_HEAD = (
    "Организация Объединенных Наций\nA/RES/99/1\nГенеральная Ассамблея\nDistr.: General\n"
    "1 December 2026\nДевяносто девятая сессия\nПункт 73 повестки дня\n"
    "Резолюция, принятая Генеральной Ассамблеей 1 декабря 2026 года\n"
    "99/1. Сотрудничество с малыми островными территориями\nГенеральная Ассамблея,\n"
)
RUSSIAN_RECITALS = [
    "руководствуясь целями и принципами Устава Организации Объединенных Наций и всеми "
    "соответствующими резолюциями Генеральной Ассамблеи,",
    "подчеркивая важность региональных связей и тесного сотрудничества для устойчивого "
    "развития малых островных территорий, их экономики, системы образования и здравоохранения,",
    "с беспокойством напоминая о разрушениях, которые были вызваны обрушившимися на "
    "территорию ураганами, и об их долгосрочных последствиях для экономики и населения,",
]
RUSSIAN_OPERATIVE = [
    "1. призывает все государства-члены и соответствующие организации системы Организации "
    "Объединенных Наций продолжать оказывать поддержку усилиям малых островных территорий по "
    "восстановлению их экономики и основной инфраструктуры после стихийных бедствий;",
    "2. просит Генерального секретаря продолжать внимательно следить за положением на местах "
    "и представить Генеральной Ассамблее на ее следующей сессии доклад об осуществлении "
    "настоящей резолюции, включая рекомендации в отношении дальнейших действий;",
    "3. рекомендует управляющим державам и правительствам территорий укреплять "
    "сотрудничество в области образования, здравоохранения и охраны окружающей среды в "
    "целях обеспечения устойчивого развития и повышения качества жизни всех жителей;",
    "4. предлагает специализированным учреждениям и другим организациям системы Организации "
    "Объединенных Наций рассмотреть возможность расширения своих программ помощи малым "
    "островным территориям с учетом их особых потребностей и уязвимости перед изменением "
    "климата;",
    "5. постановляет продолжить рассмотрение этого вопроса на своей следующей сессии в рамках "
    "пункта, озаглавленного «Сотрудничество с малыми островными территориями», и "
    "предложить всем заинтересованным сторонам представить свои соображения по данному "
    "вопросу.",
]


# The same paragraphs again under later numbers: a text long enough for its wrapping to be
# measured (``layout.MIN_WRAPS`` lines that wrap mid-sentence).
RUSSIAN_OPERATIVE += [
    f"{n + 6 + 5 * copy}.{text[2:]}"
    for copy in range(2)
    for n, text in enumerate(RUSSIAN_OPERATIVE)
]


def _russian(paragraphs: list[str]) -> str:
    import textwrap

    lines = [line for text in paragraphs for line in textwrap.wrap(text, 90)]
    return RUSSIAN_HEAD + _wrapped(*lines)


def test_a_line_shorter_than_every_wrapped_line_ends_its_recital(monkeypatch):
    from akn.converter.recognise import layout

    text = _russian(RUSSIAN_RECITALS + RUSSIAN_OPERATIVE)
    last = "малых островных территорий, их экономики, системы образования и здравоохранения,"
    assert f"\n{last}\n" in text and 0.8 * 90 < len(last) + 2 <= 90  # too long for SHORT_LINE
    result = convert(text, lang="ru")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert _recitals(result) == RUSSIAN_RECITALS
    # Without the measure of the text's wrapping, the unlisted opening goes on the recital.
    monkeypatch.setattr(layout, "MIN_WRAPS", 10**6)
    merged = _recitals(convert(text, lang="ru"))
    assert merged == [RUSSIAN_RECITALS[0], " ".join(RUSSIAN_RECITALS[1:])]


def test_the_first_line_of_the_body_opens_a_recital_whatever_its_words():
    # "в целях" is no opening phrase of mappings/ru.yaml, nor a participle; first after the
    # formula, in wrapped text that parts nothing, it still opens the preamble (it had been
    # an unnumbered paragraph, and every recital after it a paragraph of the body, as in
    # the Chinese A/RES/75/314 opening "秉承").
    first = "в целях укрепления сотрудничества между малыми островными территориями,"
    text = _russian([first, *RUSSIAN_RECITALS[1:], *RUSSIAN_OPERATIVE])
    result = convert(text, lang="ru")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert _recitals(result) == [first, *RUSSIAN_RECITALS[1:]]
    assert not [d for d in result.diagnostics if d.code == "S303"]


def test_a_body_that_opens_with_an_operative_verb_has_no_recital_there():
    # A budget resolution has no preamble: "постановляет, что …:" first, above its table, is
    # no recital.
    first = "постановляет, что в отношении двухгодичного периода 2026–2027 годов:"
    table = "Раздел Сумма (в долларах США)"
    result = convert(_russian([first, table, *RUSSIAN_OPERATIVE]), lang="ru")
    assert _recitals(result) == []
