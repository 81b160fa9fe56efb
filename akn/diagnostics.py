"""One record for every finding akn reports, from the converter and the validator alike.

Problems in the input are collected as diagnostics, never raised: a conversion returns its XML
and its findings, and the command line decides what to print and which exit status to use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """How serious a finding is; the integer order lets callers filter with ``>=``."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding with its rule code and where it was found (1-based line and column)."""

    code: str
    severity: Severity
    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_path(self, path: str | None) -> Diagnostic:
        return Diagnostic(
            self.code, self.severity, self.message, path, self.line, self.column, self.extra
        )

    def format(self) -> str:
        """``path:line:col: severity: CODE message``, the compilers' form that editors and CI
        logs parse (Vim's and Emacs's error formats, GitHub's problem matchers) and that says
        how serious each line is.

        Every line has a position, so that no parser skips it: a finding without a column is
        put at column 1 of its line, and one about the whole document (no line) at 1:1;
        ``to_dict()`` keeps ``None`` for them, so machines can still tell.
        """
        where = self.path or "<input>"
        line = self.line if self.line is not None else 1
        column = self.column if self.column is not None else 1
        return f"{where}:{line}:{column}: {self.severity}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
        }
        if self.extra:
            data["extra"] = self.extra
        return data
