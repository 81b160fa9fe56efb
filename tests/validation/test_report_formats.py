"""The machine formats checked the way their readers check them: SARIF against the official
2.1.0 schema (with URI formats), JUnit through junitparser, JSON against akn's own schema —
for both commands, which write the same report."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import SEED

from akn.report import REPORT_VERSION, report_schema

from .conftest import edited

HERE = Path(__file__).resolve().parent
SARIF_SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
REPORT_SCHEMA = report_schema()

# Two defects on known lines, one repeated (stray whitespace in two containers' names).
BROKEN = edited(
    [
        ['<docNumber refersTo="#symbol">', '<docNumber refersTo="#nowhere">'],
        ['<container name="Noting"', '<container name="Noting "'],
        ['<container name="Recalling"', '<container name="Recalling "'],
    ]
)


def _errors(schema: dict, document: object) -> list[str]:
    validator = jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker()
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture
def awkward(tmp_path, monkeypatch) -> list[str]:
    """Files whose names need percent-encoding, given as relative paths from tmp_path."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "dossier été"
    folder.mkdir()
    names = ["dossier été/with space.xml", "dossier été/hash#1.xml", "dossier été/100%.xml"]
    for name in names:
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    return names


def test_sarif_is_valid_against_the_official_schema(cli, awkward, tmp_path) -> None:
    absolute = str(tmp_path / awkward[0])
    # The first file by its absolute path only: one file named twice is checked once.
    status, out, _ = cli("--format", "sarif", *awkward[1:], absolute)
    log = json.loads(out)
    assert status == 1 and _errors(SARIF_SCHEMA, log) == []
    run = log["runs"][0]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {"uri": "dossier%20%C3%A9t%C3%A9/hash%231.xml", "uriBaseId": "%SRCROOT%"} in locations
    assert any(loc["uri"].startswith("file:///") and "uriBaseId" not in loc for loc in locations)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    related = [r for r in run["results"] if "relatedLocations" in r]
    assert (
        related and "startColumn" in related[0]["relatedLocations"][0]["physicalLocation"]["region"]
    )


def test_sarif_rules_are_plain_text_with_help(cli, tmp_path) -> None:
    (tmp_path / "doc.xml").write_text(BROKEN, encoding="utf-8")
    rules = json.loads(cli("--format", "sarif", str(tmp_path / "doc.xml"))[1])["runs"][0]
    rules = rules["tool"]["driver"]["rules"]
    assert all("``" not in rule["fullDescription"]["text"] for rule in rules)
    assert all(rule["help"]["text"] and rule["help"]["markdown"] for rule in rules)
    by_code = {rule["id"]: rule for rule in rules}
    assert by_code["AKN102"]["helpUri"].startswith("https://docs.oasis-open.org/")


def test_sarif_of_standard_input_is_valid(cli, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.encode())))
    log = json.loads(cli("--format", "sarif", "-")[1])
    assert _errors(SARIF_SCHEMA, log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "%3Cstdin%3E"}


def test_junit_is_read_by_junitparser_with_times(cli, tmp_path) -> None:
    from junitparser import Failure, JUnitXml, Skipped

    (tmp_path / "broken.xml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "clean.xml").write_text(edited([]), encoding="utf-8")
    (tmp_path / "pom.xml").write_text("<project/>", encoding="utf-8")
    report = tmp_path / "report.junit"
    status, _, _ = cli("--ignore", "IN008", "--format", "junit", "-o", str(report), str(tmp_path))
    suites = JUnitXml.fromfile(str(report))
    (suite,) = list(suites)
    cases = {Path(case.name).name: case for case in suite}
    assert status == 1 and suite.tests == 3 and suite.failures == 1 and suite.skipped == 1
    assert suite.time > 0 and all(case.time > 0 for case in cases.values())
    assert isinstance(cases["broken.xml"].result[0], Failure)
    assert isinstance(cases["pom.xml"].result[0], Skipped)
    assert cases["clean.xml"].is_passed


def test_validate_json_matches_the_report_schema(cli, awkward) -> None:
    status, out, _ = cli("--format", "json", *awkward)
    document = json.loads(out)
    assert status == 1 and _errors(REPORT_SCHEMA, document) == []
    assert document["version"] == REPORT_VERSION == REPORT_SCHEMA["properties"]["version"]["const"]
    assert document["tool"]["command"] == "validate"
    assert document["summary"] == {
        "files": 3,
        "checked": 3,
        "failed": 3,
        "findings": 6,
        "errors": 3,
        "warnings": 3,
        "info": 0,
    }
    merged = next(f for f in document["findings"] if f["extra"].get("occurrences"))
    places = merged["extra"]["locations"]
    assert len(places) == merged["extra"]["occurrences"] == 2
    assert len({(p["line"], p["column"]) for p in places}) == 2  # no repeats, with columns


def test_convert_json_is_the_same_report(capsys) -> None:
    from akn.cli import main

    assert main(["convert", str(SEED), "--diagnostics", "json", "-v"]) == 0
    document = json.loads(capsys.readouterr().err)
    assert _errors(REPORT_SCHEMA, document) == []
    assert document["tool"]["command"] == "convert"
    assert document["files"] == [
        {"path": str(SEED), "checked": True, "passed": True, "seconds": pytest.approx(0, abs=60)}
    ]
    assert document["summary"]["findings"] == len(document["findings"]) > 0


def test_the_readme_documents_the_report_schema() -> None:
    readme = (HERE.parent.parent / "README.md").read_text(encoding="utf-8")
    assert "report.schema.json" in readme and "failing_severity" in readme
    assert "extra.locations" in readme
    (example,) = re.findall(r"^  ```json\n(.*?)^  ```$", readme, flags=re.M | re.S)
    assert _errors(REPORT_SCHEMA, json.loads(example)) == []
