"""All of the UN's files in shared/corpus: the real defects are found, and they do not flood."""

from __future__ import annotations

from collections import Counter

import pytest

from akn.diagnostics import Severity
from akn.validation.engine import Input, Settings, check_inputs
from akn.validation.rules import choose

from .conftest import corpus_files

pytestmark = pytest.mark.corpus

SCREEN = 24
"""Lines in one terminal screen: an ordinary UN file's report must fit in it."""


@pytest.fixture(scope="module")
def results():
    files = corpus_files()
    inputs = [Input(str(path), path) for path in files]
    return list(check_inputs(inputs, Settings(choose(None, None))))


def _messages(results, code: str) -> list[str]:
    return [f.message for r in results for f in r.findings if f.code == code]


def test_every_file_is_checked_and_nothing_crashes(results):
    assert len(results) == len(corpus_files()) >= 250
    assert all(result.checked for result in results)
    codes = Counter(f.code for r in results for f in r.findings)
    assert codes["AKN100"] == 0
    assert not [c for c in codes if c.startswith("IN") and c != "IN010"]


def test_the_schema_accepts_the_uns_files(results):
    assert _messages(results, "XSD") == []


def test_dangling_references_are_found(results):
    dangling = _messages(results, "AKN103")
    assert any("#generalAssembly" in m for m in dangling)
    assert any("#un'" in m for m in dangling)
    # every file of the corpus has at least one
    assert all(any(f.code == "AKN103" for f in r.findings) for r in results)


def test_running_counter_eids_are_found(results):
    eids = _messages(results, "AKN102")
    assert any("'para_20' does not follow its number <num>1.</num>" in m for m in eids)
    assert any("joins its levels with '_'" in m for m in eids)


def test_stray_tabs_are_found(results):
    spaced = _messages(results, "AKN112")
    assert any("name='\\tPrenant note' has leading tab" in m for m in spaced)


def test_other_real_defects(results):
    numbering = _messages(results, "AKN110")
    # A/RES/78/248 marks an amendment's quoted "paragraph 4" as operative paragraph 4.
    assert any("number '4.' comes after '14.'" in m for m in numbering)
    # The Russian A/RES/79/288 letters its points а), b), c): a Cyrillic а, then Latin letters.
    assert any("'а)' is written in the Cyrillic alphabet" in m for m in numbering)
    # The French annex of A/RES/80/3 lost the text of its paragraphs.
    assert any("is empty" in m for m in _messages(results, "AKN111"))


def test_reports_fit_on_one_screen(results):
    sizes = sorted(len(r.findings) for r in results)
    assert sizes[len(sizes) // 2] <= SCREEN / 2, sizes  # the median file: half a screen
    assert sizes[-1] <= SCREEN, sizes
    for result in results:
        errors = [f for f in result.findings if f.severity is Severity.ERROR]
        assert len(errors) <= 10, [f.format() for f in errors]
