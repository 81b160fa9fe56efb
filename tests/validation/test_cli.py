"""``akn validate`` as a user and a CI job see it: formats, exit status, options, config."""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from akn.validation.cli import expand_paths

from .conftest import CLEAN, clean_text, edited

# One error (a dangling reference) and one warning (stray whitespace), on known lines.
BROKEN = edited(
    [
        ['<docNumber refersTo="#symbol">', '<docNumber refersTo="#nowhere">'],
        ['<container name="Noting"', '<container name="Noting "'],
    ]
)
# Only a warning.
WARNED = edited([['<container name="Noting"', '<container name="Noting "']])


@pytest.fixture
def files(tmp_path):
    (tmp_path / "clean.xml").write_text(clean_text(), encoding="utf-8")
    (tmp_path / "broken.xml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "warned.xml").write_text(WARNED, encoding="utf-8")
    return tmp_path


def test_exit_status(cli, files):
    assert cli(str(files / "clean.xml"))[0] == 0
    assert cli(str(files / "warned.xml"))[0] == 0
    assert cli("--strict", str(files / "warned.xml"))[0] == 1
    assert cli(str(files / "broken.xml"))[0] == 1
    assert cli("--ignore", "AKN103", str(files / "broken.xml"))[0] == 0
    assert cli("--select", "XSD,AKN112", "--strict", str(files / "broken.xml"))[0] == 1
    assert cli("--select", "XSD", str(files / "broken.xml"))[0] == 0


def test_usage_errors_exit_2(cli, files, tmp_path):
    status, _, err = cli("--select", "NOPE", str(files / "clean.xml"))
    assert status == 2 and "matches no rule" in err
    assert cli()[0] == 2
    assert cli("--format", "yaml", str(files / "clean.xml"))[0] == 2
    assert cli(str(tmp_path / "*.none"))[0] == 2
    (tmp_path / "empty-dir").mkdir()
    assert cli(str(tmp_path / "empty-dir"))[0] == 2
    assert cli("--max-bytes", "-1", str(files / "clean.xml"))[0] == 2


def test_text_output(cli, files):
    _, out, _ = cli(str(files / "broken.xml"))
    lines = out.splitlines()
    assert lines[0].startswith(f"{files / 'broken.xml'}:") and " AKN103 " in lines[0]
    _, line, column, _ = lines[0].split(":", 3)
    assert int(line) > 0 and int(column) > 0
    assert lines[-1] == "Found 2 findings (1 error, 1 warning) in 1 of 1 file; 1 of 1 file failed."
    assert cli(str(files / "clean.xml"))[1] == "All 1 file valid.\n"


def test_directories_and_globs(cli, files):
    status, out, _ = cli(str(files))
    assert status == 1 and "in 2 of 3 files" in out
    status, out, _ = cli(str(files / "c*.xml"))
    assert status == 0 and "All 1 file valid." in out
    found = expand_paths([str(files), str(files / "clean.xml")])
    assert [item.label for item in found] == sorted(item.label for item in found)
    assert len(found) == 3  # clean.xml once


def test_stdin(cli, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.encode())))
    status, out, _ = cli("--stdin-filename", "piped.xml", "-")
    assert status == 1 and out.startswith("piped.xml:")


def _all_formats(cli, path):
    return {name: cli("--format", name, str(path)) for name in ("json", "junit", "github", "sarif")}


def test_formats_carry_the_same_findings(cli, files):
    outputs = _all_formats(cli, files)
    assert {status for status, _, _ in outputs.values()} == {1}

    report = json.loads(outputs["json"][1])
    findings = report["findings"]
    assert len(findings) == 3 and {f["code"] for f in findings} == {"AKN103", "AKN112"}
    assert {f["severity"] for f in findings} == {"error", "warning"}
    assert [f["passed"] for f in report["files"]] == [False, True, True]

    suite = ElementTree.fromstring(outputs["junit"][1]).find("testsuite")
    assert suite.get("tests") == "3" and suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and "AKN103" in failure.text

    annotations = [line for line in outputs["github"][1].splitlines() if line.startswith("::")]
    assert len(annotations) == 3
    assert annotations[0].startswith("::error file=") and ",line=" in annotations[0]
    assert any(line.startswith("::warning ") for line in annotations)

    sarif = json.loads(outputs["sarif"][1])
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "AKN103" in rule_ids and "XSD" in rule_ids
    assert len(run["results"]) == 3
    result = run["results"][0]
    assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] > 0


def test_strict_changes_what_fails_in_reports(cli, files):
    status, out, _ = cli("--strict", "--format", "junit", str(files / "warned.xml"))
    assert status == 1 and 'failures="1"' in out


def test_github_escapes_messages():
    from akn.diagnostics import Diagnostic, Severity
    from akn.validation.engine import FileResult
    from akn.validation.formats import github

    finding = Diagnostic("AKN112", Severity.WARNING, "50% done\nnext", "a,b:c.xml", 3, 4)
    out = github([FileResult("a,b:c.xml", [finding])], Severity.ERROR)
    assert (
        out.splitlines()[0]
        == "::warning file=a%2Cb%3Ac.xml,line=3,col=4,title=AKN112::50%25 done%0Anext"
    )


def test_output_file(cli, files, tmp_path):
    target = tmp_path / "report.xml"
    status, out, _ = cli("--format", "junit", "-o", str(target), str(files / "broken.xml"))
    assert status == 1 and out == ""
    assert ElementTree.parse(target).getroot().tag == "testsuites"


def test_show_all_lists_every_occurrence(cli, tmp_path):
    text = edited(
        [
            ['<container name="Noting"', '<container name="Noting "'],
            ['<container name="Recalling"', '<container name="Recalling "'],
        ]
    )
    path = tmp_path / "twice.xml"
    path.write_text(text, encoding="utf-8")
    grouped = cli(str(path))[1]
    assert grouped.count(" AKN112 ") == 1 and "(and 1 more like it in this file)" in grouped
    assert cli("--show-all", str(path))[1].count(" AKN112 ") == 2


def test_rules_listing(cli):
    status, out, _ = cli("--rules")
    assert status == 0
    codes = [line.split()[0] for line in out.splitlines()]
    assert codes[:2] == ["IN001", "IN002"] and "XSD" in codes and "AKN112" in codes
    status, out, _ = cli("--rules", "AKN102")
    assert status == 0 and "naming convention" in out and "para_20" in out
    assert cli("--rules", "NOPE")[0] == 2


def test_explain_says_what_was_expected(cli, tmp_path):
    path = tmp_path / "invalid.xml"
    path.write_text(edited([["<num>3.</num>", "<num>3.</num><bogus/>"]]), encoding="utf-8")
    plain = cli(str(path))[1]
    explained = cli("--explain", "--format", "json", str(path))[1]
    finding = next(f for f in json.loads(explained)["findings"] if f["code"] == "XSD")
    assert "bogus" in plain and "bogus" in finding["message"]
    assert finding["extra"]["path"].startswith("/akomaNtoso/statement/mainBody")
    assert finding["line"] and "content" in finding["extra"]["expected"]


def test_config_in_pyproject(cli, files, monkeypatch):
    monkeypatch.chdir(files)
    (files / "pyproject.toml").write_text(
        '[tool.akn.validate]\nstrict = true\nignore = ["AKN103"]\n'
    )
    assert cli("warned.xml")[0] == 1  # strict from the file
    assert cli("broken.xml")[1].count(" AKN103 ") == 0
    assert cli("--isolated", "warned.xml")[0] == 0
    (files / "pyproject.toml").write_text("[tool.akn.validate]\nstrictly = true\n")
    status, _, err = cli("warned.xml")
    assert status == 2 and "unknown key" in err
    (files / "pyproject.toml").write_text("[tool.akn.validate\n")
    assert cli("warned.xml")[0] == 2
    other = files / "other.toml"
    other.write_text('[tool.akn.validate]\nselect = ["XSD"]\n')
    assert cli("--config", str(other), "broken.xml")[0] == 0


def test_module_entry_point(capsys):
    from akn.validation.cli import main

    assert main([str(CLEAN)]) == 0
    assert capsys.readouterr().out == "All 1 file valid.\n"


def test_a_selection_without_the_schema_does_not_compile_it(cli, files, monkeypatch):
    from akn import schema
    from akn.validation.cli import option_values, wants_schema

    assert wants_schema(None, None)
    assert wants_schema(["AKN1,XSD"], None)
    assert wants_schema(["nonsense"], None)  # a usage error follows; nothing to save
    assert not wants_schema(["AKN1"], None)
    assert not wants_schema(None, ["XSD"])
    argv = ["validate", "--select", "AKN1", "--select=numbering", "--ignore", "AKN110", "f.xml"]
    assert option_values(argv, "--select") == ["AKN1", "numbering"]
    assert option_values(argv, "--ignore") == ["AKN110"]

    started = []
    monkeypatch.setattr(schema, "preload_official_schema", lambda: started.append(1) or True)
    status, out, _ = cli("--select", "AKN1", str(files / "broken.xml"))
    assert status == 1 and "AKN103" in out and not started  # the rules ran, no compilation
    cli(str(files / "broken.xml"))
    assert started  # the schema is on: compiled beside the reading
