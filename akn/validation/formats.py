"""Output formats, all built from the same list of findings: text, json, junit, github, sarif.

Each formatter is a pure function from the results to a string; the command line prints it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from akn.diagnostics import Diagnostic, Severity
from akn.validation.engine import FileResult

FORMATS = ("text", "json", "junit", "github", "sarif")


def _all(results: Sequence[FileResult]) -> list[Diagnostic]:
    return [finding for result in results for finding in result.findings]


def summary(results: Sequence[FileResult], failing: Severity) -> str:
    """One line: how many files, how many findings of each severity, how many failed."""
    files = len(results)
    findings = _all(results)
    noun = "file" if files == 1 else "files"
    if not findings:
        return f"All {files} {noun} valid."
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    parts = [
        f"{counts[severity]} {name}"
        for severity, name in (
            (Severity.ERROR, "errors" if counts[Severity.ERROR] != 1 else "error"),
            (Severity.WARNING, "warnings" if counts[Severity.WARNING] != 1 else "warning"),
            (Severity.INFO, "info"),
        )
        if counts[severity]
    ]
    failed = sum(1 for r in results if any(f.severity >= failing for f in r.findings))
    with_findings = sum(1 for r in results if r.findings)
    verdict = f"{failed} of {files} {noun} failed" if failed else f"no {noun} failed"
    return (
        f"Found {len(findings)} findings ({', '.join(parts)}) in {with_findings} of "
        f"{files} {noun}; {verdict}."
    )


def text(results: Sequence[FileResult], failing: Severity) -> str:
    """``path:line:col: severity: CODE message``, one per line, then the summary."""
    lines = [finding.format() for finding in _all(results)]
    lines.append(summary(results, failing))
    return "\n".join(lines) + "\n"


def as_json(results: Sequence[FileResult], failing: Severity) -> str:
    """Every finding as ``Diagnostic.to_dict()``, with per-file status and the totals."""
    document = {
        "version": 1,
        "failing_severity": str(failing),
        "files": [
            {
                "path": result.label,
                "checked": result.checked,
                "passed": not any(f.severity >= failing for f in result.findings),
            }
            for result in results
        ],
        "findings": [finding.to_dict() for finding in _all(results)],
        "summary": summary(results, failing),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- GitHub Actions workflow commands ----------------------------------------------------------

_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(value: str) -> str:
    return _github_data(value).replace(":", "%3A").replace(",", "%2C")


def github(results: Sequence[FileResult], failing: Severity) -> str:
    """``::error file=…,line=…,col=…,title=…::message``: annotations on the pull request."""
    lines = []
    for finding in _all(results):
        properties = [f"file={_github_property(finding.path or '')}"]
        if finding.line is not None:
            properties.append(f"line={finding.line}")
            if finding.column is not None:
                properties.append(f"col={finding.column}")
        properties.append(f"title={_github_property(finding.code)}")
        level = _GITHUB_LEVEL[finding.severity]
        lines.append(f"::{level} {','.join(properties)}::{_github_data(finding.message)}")
    lines.append(summary(results, failing))
    return "\n".join(lines) + "\n"


# --- JUnit XML ------------------------------------------------------------------------------------


def junit(results: Sequence[FileResult], failing: Severity) -> str:
    """One test case per file; it fails when the file has a finding at the failing severity."""
    from xml.sax.saxutils import escape, quoteattr

    failures = 0
    cases = []
    for result in results:
        failing_findings = [f for f in result.findings if f.severity >= failing]
        body = escape("\n".join(f.format() for f in result.findings))
        name = quoteattr(result.label)
        if failing_findings:
            failures += 1
            first = failing_findings[0]
            message = quoteattr(f"{len(failing_findings)} finding(s); first: {first.code}")
            cases.append(
                f'    <testcase classname="akn.validate" name={name}>\n'
                f"      <failure message={message} type={quoteattr(first.code)}>{body}</failure>\n"
                "    </testcase>"
            )
        elif result.findings:
            cases.append(
                f'    <testcase classname="akn.validate" name={name}>\n'
                f"      <system-out>{body}</system-out>\n"
                "    </testcase>"
            )
        else:
            cases.append(f'    <testcase classname="akn.validate" name={name}/>')
    tests = len(results)
    header = f'<testsuite name="akn validate" tests="{tests}" failures="{failures}" errors="0">'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  '
        + header
        + "\n"
        + "\n".join(cases)
        + ("\n" if cases else "")
        + "  </testsuite>\n</testsuites>\n"
    )


# --- SARIF 2.1.0 -------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif(results: Sequence[FileResult], failing: Severity) -> str:
    """A SARIF 2.1.0 log: the rule table as the tool's rules, one result per finding."""
    from akn.validation.rules import all_rules

    rules = all_rules()
    index = {rule.code: position for position, rule in enumerate(rules)}
    sarif_rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.description or rule.title},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in rules
    ]
    sarif_results = []
    for finding in _all(results):
        region: dict[str, int] = {}
        if finding.line is not None:
            region["startLine"] = finding.line
            if finding.column is not None:
                region["startColumn"] = finding.column
        location: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.path)}}
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
        other_lines = finding.extra.get("lines", [])[1:]
        if other_lines:
            result["relatedLocations"] = [
                {
                    "id": number,
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "region": {"startLine": line},
                    },
                }
                for number, line in enumerate(other_lines, start=1)
            ]
        sarif_results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "akn validate",
                        "informationUri": "https://docs.oasis-open.org/legaldocml/akn-core/v1.0/",
                        "version": _version(),
                        "rules": sarif_rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str | None) -> str:
    return (path or "<input>").replace("\\", "/")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("akn")
    except PackageNotFoundError:
        return "0"


FORMATTERS: dict[str, Callable[[Sequence[FileResult], Severity], str]] = {
    "text": text,
    "json": as_json,
    "junit": junit,
    "github": github,
    "sarif": sarif,
}
