"""Batch conversion: many inputs into a directory, worker processes, a summary, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEED

import akn
from akn.batch import BatchError, plan
from akn.cli import main

FIXTURES = ROOT / "tests" / "fixtures"
TEXTS = [SEED, FIXTURES / "draft-en.txt", FIXTURES / "decision-fr.txt"]


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """texts/ with three resolutions, one in a sub-folder, and a file that is no text."""
    folder = tmp_path / "texts"
    (folder / "fr").mkdir(parents=True)
    shutil.copy(TEXTS[0], folder / "seed.txt")
    shutil.copy(TEXTS[1], folder / "draft.txt")
    shutil.copy(TEXTS[2], folder / "fr" / "decision.txt")
    (folder / "notes.md").write_text("not converted: not a *.txt", encoding="utf-8")
    return folder


def convert(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["convert", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_directory_is_converted_into_a_directory(texts, tmp_path, capsys):
    out = tmp_path / "xml"
    code, stdout, err = convert(capsys, str(texts), "-o", str(out), "--jobs", "2")
    assert code == 0 and stdout == ""
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*.xml"))
    assert written == ["draft.xml", "fr/decision.xml", "seed.xml"]
    assert err.splitlines()[-1] == f"3 of 3 files converted into {out} (2 with warnings), 0 failed."
    assert f"{texts / 'seed.txt'}:48:1: warning: N404" in err  # each file's diagnostics
    assert akn.is_valid(str(out / "fr" / "decision.xml"))


def test_workers_write_the_bytes_one_process_writes(texts, tmp_path, capsys):
    for jobs in ("1", "2"):
        assert convert(capsys, str(texts), "-o", str(tmp_path / jobs), "--jobs", jobs)[0] == 0
    for path in (tmp_path / "1").rglob("*.xml"):
        assert path.read_bytes() == (tmp_path / "2" / path.relative_to(tmp_path / "1")).read_bytes()


def test_a_failing_input_is_one_line_and_exit_1(texts, tmp_path, capsys):
    (texts / "empty.txt").write_bytes(b"")
    (texts / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "xml"
    code, _, err = convert(capsys, str(texts), "-o", str(out), "-q")
    assert code == 1
    failures = [line for line in err.splitlines() if ": failed: " in line]
    assert failures == [
        f"{texts / 'binary.txt'}: failed: E101 input is binary data, not text (it contains NUL "
        "bytes); give akn the text of the resolution, e.g. from `pdftotext file.pdf`",
        f"{texts / 'empty.txt'}: failed: E104 input is empty",
    ]
    assert err.splitlines()[-1].startswith("3 of 5 files converted") and "2 failed" in err
    assert ": warning:" not in err  # -q: no warnings, only failures and the summary
    assert len(list(out.rglob("*.xml"))) == 3


def test_output_directory_is_created_only_when_it_must_be_a_directory(tmp_path, capsys):
    code, _, _ = convert(capsys, str(SEED), "-o", str(tmp_path / "new") + "/")
    assert code == 0 and (tmp_path / "new" / "A-75-L.25-fr.xml").is_file()
    code, _, _ = convert(capsys, str(SEED), str(TEXTS[1]), "-o", str(tmp_path / "two"))
    assert code == 0 and {p.name for p in (tmp_path / "two").iterdir()} == {
        "A-75-L.25-fr.xml",
        "draft-en.xml",
    }
    # One file and -o without a slash is one output file, as ever.
    code, _, _ = convert(capsys, str(SEED), "-o", str(tmp_path / "one.xml"))
    assert code == 0 and (tmp_path / "one.xml").is_file()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["{a}", "{b}"], "needs -o DIRECTORY"),
        (["{a}", "-", "-o", "{tmp}/out"], "standard input (-) cannot be converted"),
        (["{a}", "{b}", "-o", "{a}"], "is a file: with several inputs -o names a directory"),
        (["{a}", "{b}", "-o", "{tmp}/out", "--symbol", "A/RES/75/1"], "--symbol names one"),
        (["{tmp}/empty-dir", "-o", "{tmp}/out"], "no *.txt files in directory"),
    ],
)
def test_usage_errors(argv, message, tmp_path, capsys):
    (tmp_path / "empty-dir").mkdir()
    values = {"a": str(SEED), "b": str(TEXTS[1]), "tmp": str(tmp_path)}
    code, _, err = convert(capsys, *(part.format(**values) for part in argv))
    assert code == 2 and message in err, err
    assert not (tmp_path / "out").exists()


def test_an_input_is_never_overwritten(tmp_path, capsys):
    source = tmp_path / "resolution.xml"  # named .xml, as its output would be
    source.write_bytes(SEED.read_bytes())
    code, _, err = convert(capsys, str(source), str(TEXTS[1]), "-o", str(tmp_path))
    assert code == 2 and "would replace the input" in err
    assert source.read_bytes() == SEED.read_bytes()


def test_two_inputs_with_one_output_name_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(SEED, tmp_path / folder / "same.txt")
    with pytest.raises(BatchError, match="would both be written to"):
        plan([tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt"], str(tmp_path / "out"))


def test_library_yields_results_in_input_order_with_the_xml(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    results = list(akn.convert_many([*TEXTS, ROOT / "missing.txt"], jobs=2))
    assert [result.source for result in results] == [*map(str, TEXTS), str(ROOT / "missing.txt")]
    for path, result in zip(TEXTS, results, strict=False):
        assert result.ok and result.xml == akn.convert(path.read_bytes()).to_bytes()
    missing = results[-1]
    assert not missing.ok and missing.reason.startswith("cannot read it: No such file")


def test_json_diagnostics_are_one_report_for_the_batch(texts, tmp_path, capsys):
    import json

    (texts / "empty.txt").write_bytes(b"")
    code, _, err = convert(capsys, str(texts), "-o", str(tmp_path / "xml"), "--diagnostics", "json")
    report = json.loads(err)
    assert code == 1 and report["summary"]["files"] == 4 and report["summary"]["failed"] == 1
    assert {"N404", "E104"} <= {finding["code"] for finding in report["findings"]}


def test_spawned_workers_where_processes_cannot_fork(monkeypatch):
    import multiprocessing

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    forked = [result.xml for result in akn.convert_many(TEXTS[:2], jobs=2)]
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    spawned = [result.xml for result in akn.convert_many(TEXTS[:2], jobs=2)]
    assert spawned == forked and all(spawned)
