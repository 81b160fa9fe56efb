"""The JSON report: one document shape for ``akn convert --diagnostics json`` and ``akn
validate --format json``, versioned, described by ``schemas/report.schema.json``.

A CI job that reads one command's report reads the other's with the same code: the files
(each checked or not, passed or not), every finding as ``Diagnostic.to_dict()``, and the
totals as numbers, not a sentence. ``version`` changes whenever a consumer would have to.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from akn.diagnostics import Diagnostic, Severity

REPORT_VERSION = 2
"""1: validate only, ``summary`` a sentence, ``extra.lines``. 2: both commands, ``tool``,
``summary`` as counts, ``files[].seconds``, ``extra.locations`` with columns."""


@dataclass(frozen=True)
class FileStatus:
    """One input of a run, as the report lists it."""

    path: str
    checked: bool
    passed: bool
    seconds: float = 0.0


def counts(files: Sequence[FileStatus], findings: Sequence[Diagnostic]) -> dict[str, int]:
    """The totals of a run: files (all, checked, failed) and findings (all, per severity)."""
    by_severity = {severity: 0 for severity in Severity}
    for finding in findings:
        by_severity[finding.severity] += 1
    return {
        "files": len(files),
        "checked": sum(1 for f in files if f.checked),
        "failed": sum(1 for f in files if not f.passed),
        "findings": len(findings),
        "errors": by_severity[Severity.ERROR],
        "warnings": by_severity[Severity.WARNING],
        "info": by_severity[Severity.INFO],
    }


def report(
    command: str,
    files: Sequence[FileStatus],
    findings: Sequence[Diagnostic],
    failing: Severity,
) -> dict[str, Any]:
    """The report as a JSON-ready dict; ``failing`` is the severity from which a finding fails
    its file (error, or warning with ``--strict``)."""
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "akn", "command": command, "version": akn_version()},
        "failing_severity": str(failing),
        "files": [
            {
                "path": f.path,
                "checked": f.checked,
                "passed": f.passed,
                "seconds": round(f.seconds, 6),
            }
            for f in files
        ],
        "findings": [finding.to_dict() for finding in findings],
        "summary": counts(files, findings),
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the report (``akn/schemas/report.schema.json`` in a wheel), for a
    consumer that wants to check what it reads against the version it was written for."""
    from akn.resources import data_dir

    text = (data_dir("schemas") / "report.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def akn_version() -> str:
    """The installed version, or "0" when akn runs from a checkout that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("akn")
    except PackageNotFoundError:
        return "0"
