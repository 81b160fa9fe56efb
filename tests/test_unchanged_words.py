"""Issue 9, item 6: a repair changes no correct word. Clean text made from the UN's own AKN of
``corpus/wide/`` (files nobody tuned on) keeps every word (``unchanged_words``); and the split
word repair needs evidence that the text has stray spaces before it joins two words.

The default run takes a sample: the files where repairs once changed words, and every 60th
file of each language; ``--whole-corpus`` (or ``tools/unchanged_words.py``) takes all.
"""

from __future__ import annotations

import pytest
from corpus import CORPUS, LANGUAGES, corpus_files
from unchanged_words import check_file

from akn.converter.lexicon import make_lexicon
from akn.converter.pipeline import convert
from akn.converter.split_words import rejoin_split_words
from akn.mapping import load_mapping

# Where the repairs changed words of clean text: "israélien ne" made "israélienne", "VI de"
# "VIde", "loi n°" "loin°", "appel le" "appelle", "et c)" "etc)", "de marcación"
# "demarcación", "AU to" "AUto", "Herzegovina ’s" "Herzegovina’s".
ONCE_CHANGED = [
    ("fra", "A-RES-75-209"),
    ("fra", "A-RES-76-117"),
    ("fra", "A-RES-77-230"),
    ("fra", "A-RES-77-278"),
    ("fra", "A-RES-77-100"),
    ("fra", "S-RES-2620-2022"),
    ("spa", "A-RES-76-187"),
    ("eng", "S-RES-2520-2020"),
    ("eng", "S-RES-2549-2020"),
    ("ara", "A-RES-78-318"),
]
SAMPLE_STEP = 60


def _sample() -> list[tuple[str, str]]:
    sample = list(ONCE_CHANGED)
    for language in sorted(LANGUAGES):
        sample += [(language, p.stem) for p in corpus_files(language, "wide")[::SAMPLE_STEP]]
    return list(dict.fromkeys(sample))


def _all() -> list[tuple[str, str]]:
    return [(lang, p.stem) for lang in sorted(LANGUAGES) for p in corpus_files(lang, "wide")]


@pytest.mark.corpus
@pytest.mark.parametrize(("language", "name"), _sample())
def test_clean_text_keeps_every_word(language, name):
    _, changes = check_file(language, CORPUS / "wide" / language / f"{name}.xml")
    assert changes == []


@pytest.mark.whole_corpus
@pytest.mark.parametrize(("language", "name"), _all())
def test_clean_text_of_the_whole_wide_corpus_keeps_every_word(language, name):
    _, changes = check_file(language, CORPUS / "wide" / language / f"{name}.xml")
    assert changes == []


# Pairs of real words and pieces that look like fragments, in texts that show no clear split.
KEPT_WITHOUT_EVIDENCE = [
    ("1. Calls upon all States to prevent the supply of arms, direct or indirect, to them;", "en"),
    ("que le Gouvernement israélien ne reconnaisse pas", "fr"),
    ("de faire appel le moins possible", "fr"),
    ("en vertu du Chapitre VI de la Charte", "fr"),
    ("la loi n° 10 relative", "fr"),
    ("los trabajos de marcación y registro", "es"),
    ("la Déclaration universel le des droits", "fr"),
]


@pytest.mark.parametrize(("text", "language"), KEPT_WITHOUT_EVIDENCE)
def test_a_text_without_clear_splits_keeps_its_pairs(text, language):
    assert rejoin_split_words(text, make_lexicon(load_mapping(language), [text])) == (text, [])


def test_the_same_pair_is_joined_where_the_document_shows_clear_splits(fr):
    split = "la Déclaration universel le des droits"
    lexicon = make_lexicon(fr, [split, "les organisations internat ionales et"])
    assert rejoin_split_words(split, lexicon)[0] == "la Déclaration universelle des droits"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("to enable the AU to maintain its presence", "en"),  # an acronym, then a word
        ("en vertu du Chapitre VI de la Charte", "fr"),  # a numeral
        ("aux alinéas a), b) et c) du paragraphe", "fr"),  # a list letter
        ("la loi n° 10 relative", "fr"),  # an abbreviation
        ("de l a paix", "fr"),  # "l a" is "la": "dela" is no fix
    ],
)
def test_no_evidence_makes_these_joins(text, language):
    evidence = {"en": "the first United Nations Confere nce on", "fr": "les internat ionales"}
    lexicon = make_lexicon(load_mapping(language), [text, evidence[language]])
    assert rejoin_split_words(text, lexicon) == (text, [])


PREAMBLE = "Le Conseil de sécurité,\n\nRappelant {},\n\n1. Décide de rester saisi de la question.\n"


def test_a_spaced_apostrophe_is_the_authors_in_clean_text():
    recital = "l’examen de l’ Association et d’autres qu’elle a menés à l’égard de l’Asie"
    result = convert(PREAMBLE.format(recital), lang="fr")
    written = " ".join(result.tree.itertext())
    assert "l’ Association" in written
    assert not [d for d in result.diagnostics if d.code == "L210"]


def test_a_spaced_apostrophe_is_closed_up_and_reported_where_splits_show():
    text = PREAMBLE.format("les organisations internat ionales et l’ Association")
    result = convert(text, lang="fr")
    assert "l’Association" in " ".join(result.tree.itertext())
    reported = [d.message for d in result.diagnostics if d.code == "L210"]
    assert any("'l’ Association' -> 'l’Association'" in m for m in reported), reported
