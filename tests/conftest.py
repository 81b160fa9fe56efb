"""Shared fixtures: the corpus beside the checkout, reproducible dates, loaded mappings."""

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


def pytest_sessionstart(session: pytest.Session) -> None:
    """The tests measure against the UN corpus: without it, say where it was looked for."""
    if not (CORPUS / "akn").is_dir():
        raise pytest.UsageError(
            f"the UN corpus is not at {CORPUS}: put the shared folder beside the checkout "
            "or give its path in AKN_SHARED"
        )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.xml from the current output (then read the diff!)",
    )
