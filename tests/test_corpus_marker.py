"""Without the corpus, the tests that read it are skipped, saying why, and the others run.

Two checks: a run with ``AKN_SHARED`` pointing nowhere (a few files, in a subprocess), and a
reading of every test module with ``ast``: a test that names the corpus (``CORPUS``,
``PDF_TEXT``, ``corpus_files``...), itself or through the module's helpers and constants,
carries the ``corpus`` marker, so that the whole suite keeps running without it.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
# Names through which a test reaches ../shared.
CORPUS_NAMES = frozenset(
    {"CORPUS", "PDF_TEXT", "SHARED", "SHARED_CORPUS", "corpus_files", "UN_80_1", "UN_75_15"}
)
MARKERS = {"corpus", "whole_corpus"}


def test_without_the_corpus_its_tests_are_skipped_with_the_reason_and_the_rest_run():
    env = {**os.environ, "AKN_SHARED": "/nonexistent/shared"}
    files = ["tests/test_corpus.py", "tests/test_ids.py", "tests/test_golden.py"]
    options = ["-p", "no:cacheprovider", "-o", "addopts=", "-q", "-rs"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *options, *files],
        cwd=TESTS.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "needs the UN corpus, not found at /nonexistent/shared/corpus" in run.stdout
    summary = run.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed, \d+ skipped in .*", summary), summary


def _names(node: ast.AST) -> set[str]:
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
    return found


def _marks(decorators: list[ast.expr]) -> set[str]:
    """The pytest.mark.NAME markers among ``decorators`` (or a pytestmark value)."""
    return {
        node.attr
        for decorator in decorators
        for node in ast.walk(decorator)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "mark"
    }


def unmarked_corpus_tests(path: Path) -> list[str]:
    """The tests of ``path`` that reach the corpus without the corpus marker."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    uses: dict[str, set[str]] = {}
    module_marks: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            uses[node.name] = _names(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    uses[target.id] = _names(node.value) if node.value else set()
                    if target.id == "pytestmark" and node.value:
                        module_marks = _marks([node.value])

    def reaches(name: str, seen: set[str]) -> bool:
        if name in CORPUS_NAMES:
            return True
        if name in seen or name not in uses:
            return False
        seen.add(name)
        return any(reaches(used, seen) for used in uses[name])

    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            marked = (_marks(node.decorator_list) | module_marks) & MARKERS
            if not marked and reaches(node.name, set()):
                found.append(node.name)
    return found


@pytest.mark.parametrize(
    "path", sorted(TESTS.rglob("test_*.py")), ids=lambda p: str(p.relative_to(TESTS))
)
def test_every_test_that_reads_the_corpus_is_marked(path: Path) -> None:
    assert unmarked_corpus_tests(path) == []


def test_the_reading_finds_an_unmarked_corpus_test(tmp_path: Path) -> None:
    module = tmp_path / "test_example.py"
    module.write_text(
        "from corpus import CORPUS\nFILE = CORPUS / 'akn'\n"
        "def helper():\n    return FILE\n"
        "def test_reads():\n    helper()\n"
        "@pytest.mark.corpus\ndef test_marked():\n    helper()\n"
        "def test_other():\n    pass\n"
    )
    assert unmarked_corpus_tests(module) == ["test_reads"]
