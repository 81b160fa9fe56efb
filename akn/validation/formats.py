"""Output formats, all built from the same list of findings: text, json, junit, github, sarif.

Each formatter is a pure function from the results to a string; the command line prints it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from akn.diagnostics import Diagnostic, Severity
from akn.report import FileStatus, akn_version, dumps, report
from akn.validation.engine import FileResult

FORMATS = ("text", "json", "junit", "github", "sarif")


def _all(results: Sequence[FileResult]) -> list[Diagnostic]:
    return [finding for result in results for finding in result.findings]


def statuses(results: Sequence[FileResult], failing: Severity) -> list[FileStatus]:
    """Each file as the reports list it: checked or not, passed or not, time spent."""
    return [
        FileStatus(
            result.label,
            result.checked,
            not any(f.severity >= failing for f in result.findings),
            result.seconds,
        )
        for result in results
    ]


@dataclass
class Tally:
    """What the summary line says of a run, counted file by file: a streamed run keeps this
    and lets each file's findings go once they are written."""

    files: int = 0
    failed: int = 0
    skipped: int = 0
    with_findings: int = 0
    by_severity: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))

    def add(self, result: FileResult, failing: Severity) -> None:
        self.files += 1
        if any(f.severity >= failing for f in result.findings):
            self.failed += 1
        if not result.checked and not result.findings:
            self.skipped += 1
        if result.findings:
            self.with_findings += 1
        for finding in result.findings:
            self.by_severity[finding.severity] += 1

    def line(self) -> str:
        """One line: how many files, how many findings of each severity, how many failed."""
        noun = "file" if self.files == 1 else "files"
        skip = f" ({self.skipped} not Akoma Ntoso, skipped)" if self.skipped else ""
        total = sum(self.by_severity.values())
        if not total:
            return f"All {self.files} {noun} valid{skip}."
        parts = [
            f"{self.by_severity[severity]} {name if self.by_severity[severity] != 1 else one}"
            for severity, name, one in (
                (Severity.ERROR, "errors", "error"),
                (Severity.WARNING, "warnings", "warning"),
                (Severity.INFO, "info", "info"),
            )
            if self.by_severity[severity]
        ]
        verdict = f"no {noun} failed"
        if self.failed:
            verdict = f"{self.failed} of {self.files} {noun} failed"
        found = "finding" if total == 1 else "findings"
        return (
            f"Found {total} {found} ({', '.join(parts)}) in {self.with_findings} of "
            f"{self.files} {noun}{skip}; {verdict}."
        )


def summary(results: Sequence[FileResult], failing: Severity) -> str:
    """One line: how many files, how many findings of each severity, how many failed."""
    tally = Tally()
    for result in results:
        tally.add(result, failing)
    return tally.line()


def text_lines(result: FileResult) -> str:
    """One file's findings as ``text`` prints them."""
    return "".join(finding.format() + "\n" for finding in result.findings)


def text(results: Sequence[FileResult], failing: Severity) -> str:
    """``path:line:col: severity: CODE message``, one per line, then the summary."""
    return "".join(map(text_lines, results)) + summary(results, failing) + "\n"


def as_json(results: Sequence[FileResult], failing: Severity) -> str:
    """The report both commands write (``akn.report``, ``schemas/report.schema.json``)."""
    return dumps(report("validate", statuses(results, failing), _all(results), failing))


# --- GitHub Actions workflow commands ----------------------------------------------------------

_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    return _github_data(value).replace(":", "%3A").replace(",", "%2C")


def github_lines(result: FileResult) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` for each of one file's findings."""
    lines = []
    for finding in result.findings:
        properties = [f"file={_github_property(finding.path or '')}"]
        if finding.line is not None:
            properties.append(f"line={finding.line}")
            if finding.column is not None:
                properties.append(f"col={finding.column}")
        properties.append(f"title={_github_property(finding.code)}")
        level = _GITHUB_LEVEL[finding.severity]
        lines.append(f"::{level} {','.join(properties)}::{_github_data(finding.message)}\n")
    return "".join(lines)


def github(results: Sequence[FileResult], failing: Severity) -> str:
    """Annotations on the pull request (``github_lines``), then the summary."""
    return "".join(map(github_lines, results)) + summary(results, failing) + "\n"


STREAMED: dict[str, Callable[[FileResult], str]] = {"text": text_lines, "github": github_lines}
"""The formats written file by file as the results come (the others are one document)."""


# --- JUnit XML ------------------------------------------------------------------------------------


def junit(results: Sequence[FileResult], failing: Severity) -> str:
    """One test case per file; it fails when the file has a finding at the failing severity.

    ``time`` (seconds: reading, rules and schema) is on every case and on the suite, as CI
    servers expect; findings below the failing severity go to the case's ``system-out``.
    """
    from xml.sax.saxutils import escape, quoteattr

    failures = 0
    cases = []
    for result in results:
        failing_findings = [f for f in result.findings if f.severity >= failing]
        body = escape("\n".join(f.format() for f in result.findings))
        attributes = (
            f'classname="akn.validate" name={quoteattr(result.label)} time="{result.seconds:.6f}"'
        )
        if failing_findings:
            failures += 1
            first = failing_findings[0]
            message = quoteattr(f"{len(failing_findings)} finding(s); first: {first.code}")
            cases.append(
                f"    <testcase {attributes}>\n"
                f"      <failure message={message} type={quoteattr(first.code)}>{body}</failure>\n"
                "    </testcase>"
            )
        elif not result.checked and not result.findings:
            cases.append(
                f"    <testcase {attributes}>\n"
                '      <skipped message="not an Akoma Ntoso document (IN008 ignored)"/>\n'
                "    </testcase>"
            )
        elif result.findings:
            cases.append(
                f"    <testcase {attributes}>\n"
                f"      <system-out>{body}</system-out>\n"
                "    </testcase>"
            )
        else:
            cases.append(f"    <testcase {attributes}/>")
    tests = len(results)
    skipped = sum(1 for r in results if not r.checked and not r.findings)
    seconds = sum(r.seconds for r in results)
    header = (
        f'<testsuite name="akn validate" tests="{tests}" failures="{failures}" errors="0" '
        f'skipped="{skipped}" time="{seconds:.6f}">'
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="{tests}" '
        f'failures="{failures}" errors="0" skipped="{skipped}" time="{seconds:.6f}">\n  '
        + header
        + "\n"
        + "\n".join(cases)
        + ("\n" if cases else "")
        + "  </testsuite>\n</testsuites>\n"
    )


# --- SARIF 2.1.0 -------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
"""The base of relative paths: the directory akn validate ran in (``originalUriBaseIds``)."""

_SPEC = "https://docs.oasis-open.org/legaldocml/akn-core/v1.0/akn-core-v1.0-part1-vocabulary.html"
_NAMING = "https://docs.oasis-open.org/legaldocml/akn-nc/v1.0/akn-nc-v1.0.html"
# A rule's helpUri is the published standard it checks. akn's other rules have no page of
# their own on the web; their full documentation is in each rule's "help" instead.
_HELP_URIS = {
    "XSD": "https://docs.oasis-open.org/legaldocml/akn-core/v1.0/akn-core-v1.0-part2-specs.html",
    "IN008": _SPEC,
    "AKN101": _NAMING,
    "AKN102": _NAMING,
    "AKN107": _NAMING,
}


def sarif(results: Sequence[FileResult], failing: Severity) -> str:
    """A SARIF 2.1.0 log: the rule table as the tool's rules, one result per finding.

    Locations are URIs, as the format requires: relative paths percent-encoded against
    ``%SRCROOT%`` (the working directory, given in ``originalUriBaseIds``), absolute ones as
    ``file:`` URIs, standard input as its percent-encoded label.
    """
    from akn.validation.rules import all_rules

    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    sarif_rules = [_sarif_rule(rule) for rule in rules]
    sarif_results = [_sarif_result(finding, index) for finding in _all(results)]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "akn validate",
                        "informationUri": _SPEC,
                        "version": akn_version(),
                        "rules": sarif_rules,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(os.getcwd())}},
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_result(finding: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    """One finding as a SARIF result: where it is, and where its repeats are."""
    region: dict[str, int] = {}
    if finding.line is not None:
        region["startLine"] = finding.line
        if finding.column is not None:
            region["startColumn"] = finding.column
    location: dict[str, Any] = {"artifactLocation": artifact_location(finding.path)}
    if region:
        location["region"] = region
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    others = finding.extra.get("locations", [])[1:]
    if others:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": {
                        "startLine": place["line"],
                        **({"startColumn": place["column"]} if "column" in place else {}),
                    },
                },
            }
            for number, place in enumerate(others, start=1)
        ]
    return result


def _sarif_rule(rule: Any) -> dict[str, Any]:
    text = rule.plain_description or rule.title
    entry: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": rule.description.replace("``", "`") or rule.title},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
    }
    if rule.code in _HELP_URIS:
        entry["helpUri"] = _HELP_URIS[rule.code]
    return entry


def artifact_location(path: str | None) -> dict[str, str]:
    """A SARIF artifactLocation for a reported path: a valid URI reference whatever the path
    holds (spaces, ``#``, ``%``, non-ASCII letters, ``<stdin>``)."""
    from pathlib import PureWindowsPath
    from urllib.parse import quote

    label = path or "<input>"
    if os.path.isabs(label) or PureWindowsPath(label).is_absolute():
        from pathlib import Path

        return {"uri": Path(label).absolute().as_uri()}
    encoded = quote(label.replace("\\", "/"), safe="/")
    if label.startswith("<") and label.endswith(">"):  # standard input: no file to resolve
        return {"uri": encoded}
    return {"uri": encoded.removeprefix("./"), "uriBaseId": SRCROOT}


def _directory_uri(directory: str) -> str:
    from pathlib import Path

    return Path(directory).absolute().as_uri().rstrip("/") + "/"


FORMATTERS: dict[str, Callable[[Sequence[FileResult], Severity], str]] = {
    "text": text,
    "json": as_json,
    "junit": junit,
    "github": github,
    "sarif": sarif,
}
