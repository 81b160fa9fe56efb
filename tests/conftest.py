"""Shared fixtures: the corpus beside the checkout, reproducible dates, loaded mappings.

Tests that read the UN corpus (``../shared`` beside the checkout, or ``AKN_SHARED``) carry the
``corpus`` marker; without the corpus they are skipped, saying where it was looked for, and
every other test still runs. ``whole_corpus`` tests (every file in every layout: minutes) run
only when asked for with ``--whole-corpus``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The mapping cache of a test run is its own: not the user's, and not left from a run before.
if "AKN_CACHE_DIR" not in os.environ:
    os.environ["AKN_CACHE_DIR"] = tempfile.mkdtemp(prefix="akn-test-cache-")
    atexit.register(shutil.rmtree, os.environ["AKN_CACHE_DIR"], True)

from corpus import CORPUS, ROOT

from akn.mapping import load_mapping

SEED = ROOT / "examples" / "A-75-L.25-fr.txt"
PDF_TEXT = CORPUS / "pdf-text" / "en"


def corpus_present() -> bool:
    """Is the UN corpus where the tests look for it?"""
    return (CORPUS / "akn").is_dir()


NO_CORPUS = (
    f"needs the UN corpus, not found at {CORPUS}: put the shared folder beside the checkout "
    "or give its path in AKN_SHARED"
)


@pytest.fixture(autouse=True)
def _no_source_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output must not depend on the environment of the test run."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="session")
def fr():
    return load_mapping("fr")


@pytest.fixture(scope="session")
def en():
    return load_mapping("en")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.xml from the current output (then read the diff!)",
    )
    parser.addoption(
        "--whole-corpus",
        action="store_true",
        help="also run the whole_corpus tests (every corpus file in every layout: minutes)",
    )


def pytest_report_header(config: pytest.Config) -> str:
    found = "found" if corpus_present() else "NOT FOUND: the corpus tests are skipped"
    return f"akn corpus: {CORPUS} ({found})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip, with the reason, what cannot or should not run: corpus tests without the
    corpus, and whole_corpus tests unless --whole-corpus was given."""
    whole = config.getoption("--whole-corpus")
    present = corpus_present()
    for item in items:
        if not present and (
            item.get_closest_marker("corpus") or item.get_closest_marker("whole_corpus")
        ):
            item.add_marker(pytest.mark.skip(reason=NO_CORPUS), append=False)  # before
            # pytest's own "got empty parameter set" of a parametrization over corpus files
        elif item.get_closest_marker("whole_corpus") and not whole:
            item.add_marker(pytest.mark.skip(reason="the whole corpus runs with --whole-corpus"))
