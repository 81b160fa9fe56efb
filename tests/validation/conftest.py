"""Shared helpers for the validator's tests: the clean fixture, the corpus, the command line."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
FIXTURES = HERE / "fixtures"
CLEAN = FIXTURES / "clean.xml"
CORPUS = REPO.parent / "shared" / "corpus" / "akn"


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
    if not CORPUS.is_dir():
        pytest.skip(f"the UN corpus is not at {CORPUS}")
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
    """akn.cli.main; while the converter's command module is not on this branch, a stub."""
    try:
        import akn.commands_convert
    except ImportError:
        stub = types.ModuleType("akn.commands_convert")
        stub.__doc__ = "Convert (not on this branch)."
        stub.add_arguments = lambda parser: None
        stub.run = lambda args: 2
        sys.modules["akn.commands_convert"] = stub
        import akn

        akn.commands_convert = stub  # type: ignore[attr-defined]
    from akn.cli import main

    return main
