"""Golden files: whole documents, text in, expected XML out, compared byte for byte.

Every input is a committed file: ``tests/golden/<name>.txt`` beside ``<name>.xml`` (where
each came from: ``tests/golden/SOURCES.md``), or a fixture other tests share. None is made
on the fly or read from ../shared, so a change of the text renderer or of the corpus can
never pass as a change of the converter, and the goldens run without the corpus. The last
part of a name is the language of its text.

Each expected file was read by eye once. After a deliberate change, regenerate them with
``pytest tests/test_golden.py --update-golden`` and read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED
from corpus import ROOT

from akn.converter.pipeline import convert

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
# The markup date is the day of the conversion by default: fixed here, so the files compare.
MARKUP = "2026-01-01"

# Inputs that live elsewhere because other tests read them too.
SHARED_INPUTS = {
    "seed-A-75-L.25-fr": SEED,
    "draft-en": FIXTURES / "draft-en.txt",
    "collection-en": FIXTURES / "collection-en.txt",
    "deep-lists-fr": FIXTURES / "deep-lists-fr.txt",
    "decision-en": FIXTURES / "decision-en.txt",
    # A table; its other two extractions give the same bytes (test_tables).
    "table-tabs-en": FIXTURES / "table-tabs-en.txt",
}
CASES = {path.stem: path for path in sorted(GOLDEN.glob("*.txt"))} | SHARED_INPUTS


def language(name: str) -> str:
    return name.rsplit("-", 1)[1]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    result = convert(CASES[name].read_bytes(), lang=language(name), metadata={"markup": MARKUP})
    assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
    produced = result.to_bytes()
    path = GOLDEN / f"{name}.xml"
    if request.config.getoption("--update-golden"):
        path.write_bytes(produced)
    assert path.exists(), f"no golden file {path.name}: run with --update-golden and review it"
    assert produced == path.read_bytes(), f"{name} differs from {path.name}"


def test_every_golden_file_has_a_committed_input_in_the_repository() -> None:
    """No expected file without its input (a stale golden), and every input inside the
    checkout: none from ../shared."""
    assert {path.stem for path in GOLDEN.glob("*.xml")} == set(CASES)
    for name, path in CASES.items():
        assert path.resolve().is_relative_to(ROOT), f"{name}: {path} is outside the repository"
        assert path.is_file(), f"{name}: no input {path}"


def test_every_golden_input_is_named_in_sources() -> None:
    """Where each input came from is written down (the UN's texts must name their source)."""
    sources = (GOLDEN / "SOURCES.md").read_text(encoding="utf-8")
    missing = [name for name in CASES if f"`{name}`" not in sources]
    assert not missing, f"tests/golden/SOURCES.md does not name {missing}"
