"""What a new user of ``akn validate`` meets: messages that name the real problem, options
that do what they say (or say that they cannot), help that reads as plain text."""

from __future__ import annotations

import json

import pytest

from akn.cli import main

from .conftest import CLEAN


def test_a_binary_file_is_called_binary_not_empty(cli, tmp_path) -> None:
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    status, out, _ = cli(str(png))
    assert status == 1
    assert "error: IN004 is binary data, not XML (a NUL byte at offset 8" in out
    assert "empty" not in out


def test_utf16_text_is_not_taken_for_binary(cli, tmp_path) -> None:
    path = tmp_path / "utf16.xml"
    text = CLEAN.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path.write_bytes(text.encode("utf-16"))
    assert cli(str(path))[0] == 0


def test_ignore_in008_skips_xml_that_is_not_akoma_ntoso(cli, tmp_path) -> None:
    pom = tmp_path / "pom.xml"
    pom.write_text("<project><modelVersion>4.0.0</modelVersion></project>\n")
    assert cli(str(pom))[0] == 1  # on by default: a file given is meant to be AKN
    status, out, err = cli("--ignore", "IN008", str(pom), str(CLEAN))
    assert status == 0 and "IN008" not in out and err == ""


@pytest.mark.parametrize("ignored", ["IN001", "IN00", "AKN100"])
def test_ignoring_an_always_on_rule_says_it_has_no_effect(cli, ignored, tmp_path) -> None:
    status, _, err = cli("--ignore", ignored, str(tmp_path / "missing.xml"))
    assert status == 1  # the missing file still fails
    assert "akn validate: warning:" in err and "cannot be ignored" in err
    assert ignored[:5] in err or "IN001" in err


def test_rules_as_json(cli) -> None:
    status, out, _ = cli("--rules", "--format", "json")
    rules = json.loads(out)["rules"]
    assert status == 0 and {"AKN102", "IN008", "XSD"} <= {r["code"] for r in rules}
    one = json.loads(cli("--rules", "AKN107", "--format", "json")[1])["rules"]
    assert [r["code"] for r in one] == ["AKN107"] and "``" not in one[0]["description"]
    assert cli("--rules", "--format", "sarif")[0] == 2


@pytest.mark.parametrize("command", [[], ["convert"], ["validate"]])
def test_help_is_plain_text_with_examples(command, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert stopped.value.code == 0 and "``" not in out
    assert "examples:\n  akn " + (command[0] if command else "convert") in out


def test_rule_documentation_is_plain_text(cli) -> None:
    out = cli("--rules", "AKN107")[1]
    assert "``" not in out and "FRBRthis" in out
    assert all(len(line) <= 88 for line in out.splitlines()[2:])  # after code and title
