"""tools/extraction_score.py scores every row against the UN's structure as corpus.compare
repairs it for the clean-text score: the same file converted from the same text gets the
same score in both tools."""

from __future__ import annotations

import sys

import pytest
from corpus import CORPUS, ROOT, clean_text, compare

sys.path.insert(0, str(ROOT / "tools"))

import extraction_score


@pytest.mark.corpus
def test_a_repeated_marker_the_un_writes_as_a_bare_sup_scores_as_in_the_corpus_score():
    # A/RES/75/235 fra: "la Déclaration de Rome sur la nutrition<sup>2</sup>" refers again
    # to note 2; akn writes the noteRef it is, and both tools read the UN's <sup> so
    path = CORPUS / "wide" / "fra" / "A-RES-75-235.xml"
    if not path.exists():
        pytest.skip(f"{path} is not in the corpus")
    matched, total, differences, _ = extraction_score.compare_structure(
        "fra", path, clean_text(path)
    )
    expected = compare("fra", path)
    assert (matched, total) == (expected.matched, expected.total), differences
    assert not [d for d in differences if "nutrition" in d]
