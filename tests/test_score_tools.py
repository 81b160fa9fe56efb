"""The score tools measure every language a mapping file adds: German's translations in
``corpus/wide`` are scored without naming German in the tools."""

from __future__ import annotations

import sys

import pytest
from corpus import LANGUAGES, ROOT, corpus_files

sys.path.insert(0, str(ROOT / "tools"))

import extraction_score


@pytest.mark.corpus
def test_the_extraction_score_takes_every_language_with_files_in_the_corpus():
    wide = extraction_score.languages_of("wide")
    assert wide[:6] == ["ara", "zho", "eng", "fra", "rus", "spa"]  # the README's columns
    assert set(wide) == {language for language in LANGUAGES if corpus_files(language, "wide")}
    assert "deu" in wide and "deu" not in extraction_score.languages_of("akn")


@pytest.mark.corpus
def test_the_extraction_score_scores_a_language_added_by_a_mapping(capsys):
    status = extraction_score.main(["--corpus", "wide", "--limit", "1", "--rows", "clean"])
    out = capsys.readouterr().out
    assert status == 0
    assert "| text | ara | zho | eng | fra | rus | spa | deu |" in out
