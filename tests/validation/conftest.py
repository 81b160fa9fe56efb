"""Shared helpers for the validator's tests: the clean fixture, the corpus, the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import CORPUS as SHARED_CORPUS

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"
CLEAN = FIXTURES / "clean.xml"
CORPUS = SHARED_CORPUS / "akn"


def clean_text() -> str:
    return CLEAN.read_text(encoding="utf-8")


def edited(edits: list[list[str]]) -> str:
    """The clean fixture with each [old, new] edit applied once; an edit must apply."""
    text = clean_text()
    for old, new in edits:
        assert old in text, f"edit does not apply to clean.xml: {old!r}"
        text = text.replace(old, new, 1)
    return text


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.xml"))


@pytest.fixture
def cli(capsys):
    """Run ``akn validate ARGS`` in-process: (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        main = _akn_main()
        try:
            status = main(["validate", *args])
        except SystemExit as exit:  # argparse's usage errors
            status = exit.code
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def _akn_main():
    from akn.cli import main

    return main
