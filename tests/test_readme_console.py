"""The README's ``console`` examples of the commands, run as a user would type them.

Each ``$`` line of the convert, validate and render examples runs in a scratch folder that
holds the files the line names (made from the corpus and the bundled example), with akn as
installed for the tests. A line must exit as the command documents (0, or 1 where it reports
findings), and where the README shows what the command prints, it prints that.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import CORPUS, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
SEED = ROOT / "examples" / "A-75-L.25-fr.txt"
PDF = CORPUS / "pdf" / "A-RES-73-6.eng.pdf"

pytestmark = pytest.mark.corpus


def console_blocks() -> list[list[str]]:
    """Each console block as its lines."""
    found = re.findall(r"^```console\n(.*?)^```$", README, flags=re.M | re.S)
    return [block.splitlines() for block in found]


def block_starting(command: str) -> list[str]:
    return next(block for block in console_blocks() if block[0].startswith(f"$ {command}"))


def commands(block: list[str]) -> list[str]:
    """The block's commands, without their trailing comments."""
    return [re.sub(r"\s+#\s.*$", "", line[2:]).strip() for line in block if line.startswith("$ ")]


def run(command: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run(
        ["bash", "-c", command], cwd=folder, capture_output=True, text=True, env=env, timeout=300
    )


def test_the_convert_examples_run(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (poppler-utils)")
    shutil.copy(PDF, tmp_path / "A-RES-73-6.pdf")
    shutil.copy(CORPUS / "pdf-text" / "en" / "A-RES-73-6.txt", tmp_path / "resolution.txt")
    shutil.copy(SEED, tmp_path / "draft.txt")
    (tmp_path / "texts" / "fr").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "texts" / "fr" / "a.txt")
    shutil.copy(CORPUS / "pdf-text" / "en" / "A-RES-80-1.txt", tmp_path / "texts" / "b.txt")
    for command in commands(block_starting("akn convert")):
        done = run(command, tmp_path)
        assert done.returncode == 0, (command, done.stderr[-2000:])
    assert (tmp_path / "A-RES-73-6.xml").stat().st_size > 1000
    assert (tmp_path / "resolution.xml").exists()
    assert sorted(
        p.relative_to(tmp_path / "xml").as_posix() for p in (tmp_path / "xml").rglob("*.xml")
    ) == [
        "b.xml",
        "fr/a.xml",
    ]


def test_the_dump_example_runs(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "pdf-text" / "en" / "A-RES-80-1.txt", tmp_path / "resolution.txt")
    (command,) = commands(block_starting("akn convert --dump"))
    done = run(command.replace("| less", "| head -c 2000"), tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"stage": "tree"' in done.stdout


def test_the_validate_examples_run(tmp_path: Path) -> None:
    sample = CORPUS / "akn" / "fra" / "A-RES-75-15.xml"
    for folder in ("resolutions", "documents", "annexes/one"):
        (tmp_path / folder).mkdir(parents=True)
        shutil.copy(sample, tmp_path / folder / "A-RES-75-15.xml")
    shutil.copy(sample, tmp_path / "A-RES-75-15.xml")
    for command in commands(block_starting("akn validate resolutions/")):
        done = run(command, tmp_path)
        # the UN's file has findings (exit 1); the rule table has none (exit 0)
        assert done.returncode == (0 if "--rules" in command else 1), (command, done.stderr)


def test_the_validate_output_is_the_readmes() -> None:
    block = block_starting("akn validate ../shared/corpus/akn/fra/A-RES-75-15.xml")
    (command,) = commands(block)
    done = run(command.replace("../shared/corpus", str(CORPUS)), ROOT)
    assert done.returncode == 1
    printed = [
        re.sub(r"^\S*/A-RES-75-15\.xml", "…/A-RES-75-15.xml", line)
        for line in (done.stdout + done.stderr).splitlines()
        if line.strip()
    ]
    assert printed == block[1:]


def test_the_render_examples_run(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "akn" / "eng" / "A-RES-80-1.xml", tmp_path / "A-RES-80-1.xml")
    shutil.copy(CORPUS / "akn" / "eng" / "A-RES-80-1.xml", tmp_path / "theirs.xml")
    shutil.copy(CORPUS / "akn" / "eng" / "A-RES-80-1.xml", tmp_path / "ours.xml")
    for command in commands(block_starting("akn render")):
        done = run(command, tmp_path)
        assert done.returncode == 0, (command, done.stderr)
    assert (tmp_path / "A-RES-80-1.html").exists() and (tmp_path / "checked.html").exists()
