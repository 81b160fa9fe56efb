"""What a user installs: the wheel's licences and metadata, its data, the optional word lists.

The wheel is built offline (``--no-build-isolation``: hatchling comes with the test extra) and
installed into a scratch folder, so these tests see what ``pip install`` would give a user.
"""

from __future__ import annotations

import email
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SEED
from corpus import ROOT

_PIP = (sys.executable, "-m", "pip")
_OFFLINE = ("--quiet", "--no-index", "--no-deps")  # nothing is fetched: no network in tests


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*_PIP, "wheel", *_OFFLINE, "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("akn-*.whl")
    return path


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_wheel_carries_both_licences(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    licences = {n.split(".dist-info/licenses/", 1)[1] for n in names if "/licenses/" in n}
    assert {"LICENSE", "schemas/NOTICE.md"} <= licences
    assert "akn/schemas/NOTICE.md" in names  # beside the schema it is about
    assert "akn/schemas/report.schema.json" in names  # the JSON report's own schema
    notice = (ROOT / "schemas" / "NOTICE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice and "creativecommons.org/licenses/by/4.0" in notice


def test_wheel_metadata(wheel: Path) -> None:
    metadata = _metadata(wheel)
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Author"] or metadata["Author-email"]
    classifiers = metadata.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers and any("Python :: 3.11" in c for c in classifiers)
    assert metadata.get_all("Project-URL")
    requirements = metadata.get_all("Requires-Dist") or []
    wordfreq = [r for r in requirements if r.startswith("wordfreq")]
    assert "wordfreq>=3.0; extra == 'convert'" in wordfreq
    assert all("extra ==" in r for r in wordfreq), requirements  # never for a plain install


def test_long_description_has_no_links_outside_the_repository(wheel: Path) -> None:
    description = _metadata(wheel).get_payload()
    assert "# akn" in description
    assert not re.findall(r"\]\((?:\.\./|/)[^)]*\)", description)


def test_installed_wheel_finds_its_data_inside_the_package(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [*_PIP, "install", *_OFFLINE, "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import akn.resources as r;"
        "print(r.data_dir('schemas')); print(r.data_dir('mappings')); "
        "print(r.available_languages())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert out[0] == str((target / "akn" / "schemas").resolve())
    assert out[1] == str((target / "akn" / "mappings").resolve())
    assert "fr" in out[2]


def test_convert_works_without_the_word_lists() -> None:
    """A validate-only install lacks wordfreq: convert still works and says what it lacks."""
    code = (
        "import sys; sys.modules['wordfreq'] = None; import akn;"
        "r = akn.convert(open(sys.argv[1], 'rb').read());"
        "print(r.ok, sorted({d.code for d in r.diagnostics}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], check=True, capture_output=True, text=True
    ).stdout
    assert out.startswith("True") and "'L202'" in out


def test_word_lists_are_reported_only_when_missing() -> None:
    import akn

    result = akn.convert(SEED.read_bytes())
    assert "L202" not in {d.code for d in result.diagnostics}
