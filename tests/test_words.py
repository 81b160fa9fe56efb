"""Split words, hyphenated line ends and spacing, on real artefacts of UN PDF text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akn.converter.lexicon import make_lexicon
from akn.converter.pipeline import convert
from akn.converter.spacing import fix_spacing, join_lines, restore_number_hyphens
from akn.converter.split_words import rejoin_split_words
from akn.mapping import load_mapping

SEED_SPLITS = [
    ("les organisations internat ionales et", "les organisations internationales et"),
    ("de la déclaration du Préside n t sur", "de la déclaration du Président sur"),
    ("à sa soixante-dix-sept i è me session", "à sa soixante-dix-septième session"),
    ("du Sommet de l’Associat ion des nations", "du Sommet de l’Association des nations"),
    ("la Déclaration universel le des droits", "la Déclaration universelle des droits"),
    ("des cadres réglementai re s, des chaînes", "des cadres réglementaires, des chaînes"),
    ("et vi ce-versa, et", "et vice-versa, et"),
    ("qui s’effo rcen t de tenir", "qui s’efforcent de tenir"),
    ("dans l’object i f de promouvoir", "dans l’objectif de promouvoir"),
    ("pertinents qu’el le dirige", "pertinents qu’elle dirige"),
]
ENGLISH_SPLITS = [
    ("the first United Nations Confere nce on", "the first United Nations Conference on"),
    ("for the benefit of all St ates,", "for the benefit of all States,"),
    ("in o rder to enhance", "in order to enhance"),
    ("for h umankind and the planet", "for humankind and the planet"),
    ("the universali ty thereof", "the universality thereof"),
]
KEPT_APART = [
    ("as may be appropriate", "en"),
    ("the Government of Viet Nam", "en"),
    ("resolution 54/237 C of 23 December 1999", "en"),
    ("a part of the programme", "en"),
    ("en fin de session", "fr"),
    ("y compris en matière de sécurité", "fr"),
    # A piece more common than the whole: "fe" is a word, "fey" a rare name (A/RES/76/48).
    ("de continuar de buena fe y concluir las negociaciones", "es"),
    # A letter and a hyphen are a word: not "ine-commerce", "thee-deleGATE" (corpus/wide/).
    ("including in e-commerce, including", "en"),
    ("access on their Committee Places of the e-deleGATE portal", "en"),
]


# A line of the same document with a clear split (a piece that is no word): the evidence that
# the text has stray spaces, without which a pair of words ("universel le") stays apart.
SEED_EVIDENCE = "les organisations internat ionales et"
ENGLISH_EVIDENCE = "the first United Nations Confere nce on"


@pytest.mark.parametrize(("split", "joined"), SEED_SPLITS)
def test_french_split_words_are_rejoined(fr, split, joined):
    lexicon = make_lexicon(fr, [split, SEED_EVIDENCE])
    assert rejoin_split_words(split, lexicon)[0] == joined


@pytest.mark.parametrize(("split", "joined"), ENGLISH_SPLITS)
def test_english_split_words_are_rejoined(en, split, joined):
    lexicon = make_lexicon(en, [split, ENGLISH_EVIDENCE])
    assert rejoin_split_words(split, lexicon)[0] == joined


@pytest.mark.parametrize(("text", "language"), KEPT_APART)
def test_real_word_pairs_are_kept_apart(fr, en, text, language):
    mapping = {"fr": fr, "en": en}.get(language) or load_mapping(language)
    assert rejoin_split_words(text, make_lexicon(mapping, [text])) == (text, [])


def test_hyphen_at_line_end_joins_the_compound():
    assert join_lines(["l’Asie du Sud -", "Est, consacrés"])[0] == "l’Asie du Sud-Est, consacrés"
    assert join_lines(["an action-", "oriented framework"])[0] == "an action-oriented framework"
    assert join_lines(["development –", "that is"])[0] == "development – that is"


def test_line_starts_are_recorded():
    text, starts = join_lines(["one", "two", ", three"])
    assert text == "one two, three" and starts == [0, 4, 7]


def test_french_spacing(fr):
    assert fix_spacing("la région  ; le thème «  Coopération  » , et l ’Asie", fr) == (
        "la région\u00a0; le thème «\u00a0Coopération\u00a0», et l’Asie"
    )
    assert fix_spacing("le Fonds COVID -19 de", fr) == "le Fonds COVID-19 de"
    assert fix_spacing("Beijing, 4 -15 septembre", fr) == "Beijing, 4-15 septembre"
    assert fix_spacing("de l’ Association", fr) == "de l’Association"
    assert (
        fix_spacing("voir https://undocs.org/fr/A/RES/1", fr)
        == "voir https://undocs.org/fr/A/RES/1"
    )


def test_english_spacing(en):
    assert fix_spacing("the Assembly ; and “ Space2030 ” agenda ,", en) == (
        "the Assembly; and “Space2030” agenda,"
    )
    assert fix_spacing("country-owned and -driven mechanisms", en) == (
        "country-owned and -driven mechanisms"
    )


ARABIC_RESOLUTION = (
    "75/999 - عنوان\nإن الجمعية العامة،\nإذ تشير إلى قرارها 70/1،\n"
    "1 - تحيط علما بتقرير المؤتمر العالمي الرابع المعني بالمرأة، بيجين، 4 -15 أيلول/سبتمبر 1995؛\n"
)


def test_a_hyphen_spaced_from_its_word_is_left_where_the_text_shows_no_stray_spaces():
    """The UN's Arabic writes "بيجين، 4 -15 أيلول/سبتمبر" (A/RES/76/181, 78/187) and "م أ -27"
    itself: closed up only where the document shows extraction's split words (the seed's
    "COVID -19", golden)."""
    result = convert(ARABIC_RESOLUTION, lang="ar")
    paragraph = result.tree.find(".//{*}mainBody//{*}paragraph")
    assert paragraph is not None
    assert "بيجين، 4 -15 أيلول/سبتمبر" in "".join(paragraph.itertext())
    assert fix_spacing("4 -15", load_mapping("ar"), loose_hyphens=False) == "4 -15"


def test_spaced_hyphen_at_line_end_is_a_dash_where_the_mapping_says_so():
    lines = ["بأبعادها الثلاثة -", "الاقتصادي والاجتماعي"]
    assert (
        join_lines(lines, spaced_hyphen_is_dash=True)[0]
        == "بأبعادها الثلاثة - الاقتصادي والاجتماعي"
    )
    assert join_lines(["l’Asie du Sud -", "Est"], spaced_hyphen_is_dash=True)[0] == (
        "l’Asie du Sud - Est"
    )


def test_chinese_lines_join_without_a_space_except_between_latin_runs():
    assert (
        join_lines(["见A/78/6", "(Sect. 4)和第三", "章"], joiner="")[0]
        == "见A/78/6 (Sect. 4)和第三章"
    )
    assert join_lines(["至少有4", "500万名儿童"], joiner="")[0] == "至少有4 500万名儿童"


@pytest.mark.parametrize(
    ("language", "glued", "restored"),
    [
        ("en", "for the twentyfirst century", "for the twenty-first century"),
        ("en", "at its Seventyfourth session", "at its Seventy-fourth session"),
        ("fr", "à sa soixantequinzième session", "à sa soixante-quinzième session"),
        ("en", "seventy-fourth and seventieth", "seventy-fourth and seventieth"),  # untouched
        ("es", "septuagésimocuarto", "septuagésimocuarto"),  # Spanish writes them apart
    ],
)
def test_a_compound_number_glued_by_extraction_gets_its_hyphen_back(language, glued, restored):
    text, fixes = restore_number_hyphens(glued, load_mapping(language))
    assert text == restored
    assert bool(fixes) == (glued != restored)


@given(st.text(alphabet=st.sampled_from(list("ab-éЖ1_ -²x\n’漢")), max_size=40))
def test_hyphenated_words_are_the_compound_patterns_matches(text):
    """The scan from the hyphens finds what the pattern finds (it is only faster)."""
    from akn.converter.compounds import _COMPOUND, hyphenated_words

    assert hyphenated_words(text) == _COMPOUND.findall(text)
