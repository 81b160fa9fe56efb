"""The command line: output, diagnostics on stderr, exit codes, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from conftest import SEED

from akn.cli import main


def run(argv: list[str], capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_convert_writes_xml_and_warnings(capsys):
    code, out, err = run(["convert", str(SEED)], capsys)
    assert code == 0
    assert out.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso")
    lines = err.splitlines()
    assert f"{SEED}:48:1: warning: N404 marker of footnote * not found in the text; " in lines[-1]
    assert all(line.startswith(str(SEED)) for line in lines)


def test_output_file_and_stdin(tmp_path, capsys, monkeypatch):
    target = tmp_path / "out.xml"
    code, out, _ = run(
        ["convert", "-", "-o", str(target), "--lang", "fr"],
        capsys,
        stdin=SEED.read_bytes(),
        monkeypatch=monkeypatch,
    )
    assert code == 0 and out == ""
    assert target.read_bytes().startswith(b"<?xml")


def test_json_diagnostics(capsys):
    code, _, err = run(["convert", str(SEED), "--diagnostics", "json", "-v"], capsys)
    records = json.loads(err)["findings"]
    assert code == 0 and {"L200", "L210", "N404"} <= {r["code"] for r in records}


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["convert"], "the following arguments are required: INPUT"),
        (["convert", "x.txt", "--lang", "xx"], "invalid choice: 'xx'"),
        (["convert", str(SEED), "--adopted", "23/11/2020"], "must be a date written YYYY-MM-DD"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2(argv, fragment, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert fragment in err


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E104"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E101"),
        (b"caf\xe9 au lait\n", "E102"),
        (b"Shopping list:\n- eggs\n- milk\n", "E105"),
    ],
)
def test_bad_input_gives_one_clear_line_and_exit_1(tmp_path, capsys, content, code):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    status, out, err = run(["convert", str(path), "--lang", "en"], capsys)
    assert status == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and f": {code} " in err
    assert "Traceback" not in err


def test_missing_file(capsys):
    status, _, err = run(["convert", "/nonexistent/resolution.txt"], capsys)
    assert status == 1 and "cannot read" in err and "Traceback" not in err


def test_the_installed_command_runs():
    completed = subprocess.run(
        [sys.executable, "-m", "akn", "convert", str(SEED), "--lang", "fr"],
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith(b"<?xml")
