"""The registry of checks: every code akn validate can report, with its title and severity.

Three families, each with its own prefix so a reader knows where a finding comes from:

- ``IN0xx``: the input itself (unreadable, too large, not XML, a refused DOCTYPE...). Produced
  while reading; the fatal ones mean the file could not be checked at all and cannot be
  switched off.
- ``XSD``: a violation of the official OASIS schema, reported by libxml2.
- ``AKN1xx``: akn's own checks of what the schema cannot express. One module per rule in this
  package; the module docstring is the rule's documentation (its first line is the title).

Rules are listed here explicitly, in code order, rather than discovered: the list is the
documentation's table, and importing a fixed list is fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from akn.diagnostics import Severity

if TYPE_CHECKING:
    from akn.validation.document import Document, Hit

Check = Callable[["Document"], Iterable["Hit"]]


@dataclass(frozen=True)
class Rule:
    """A check with a stable code, a one-line title, a severity and its documentation."""

    code: str
    name: str
    severity: Severity
    doc: str
    check: Check | None = None
    fatal: bool = False

    @property
    def title(self) -> str:
        return self.doc.strip().splitlines()[0].rstrip(".").replace("``", "")

    @property
    def description(self) -> str:
        """The documentation after the title line (reStructuredText, as written)."""
        lines = self.doc.strip().splitlines()[1:]
        return _dedent("\n".join(lines)).strip()

    @property
    def plain_description(self) -> str:
        """The documentation as plain text, for terminals and SARIF viewers: no ``literal``
        markup, and paragraphs unwrapped (each viewer wraps to its own width)."""
        return plain_text(self.description)

    def to_dict(self) -> dict[str, object]:
        """The rule as ``--rules --format json`` gives it."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "always_on": self.fatal,
            "title": self.title,
            "description": self.plain_description,
        }


def plain_text(rst: str) -> str:
    """reStructuredText as a person reads it: ``x`` is x, wrapped lines of a paragraph joined;
    list items ("- ...") keep their own lines."""
    import re

    text = rst.replace("``", "")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        joined: list[str] = []
        for line in lines:
            if joined and not line.startswith("- "):
                joined[-1] += " " + line
            else:
                joined.append(line)
        paragraphs.append("\n".join(joined))
    return "\n\n".join(paragraphs)


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text)


_RULE_MODULES = (
    "duplicate_ids",
    "eid_convention",
    "dangling_references",
    "reference_syntax",
    "note_marker",
    "note_text",
    "frbr_consistency",
    "invalid_dates",
    "placeholder_dates",
    "numbering",
    "empty_elements",
    "attribute_whitespace",
)

_INPUT_RULES = (
    ("IN001", "unreadable", "The file cannot be read.", True),
    ("IN002", "too-large", "The file exceeds the size limit (--max-bytes, default 16 MiB).", True),
    ("IN003", "empty", "The file is empty.", True),
    ("IN004", "not-well-formed", "The file is not well-formed XML.", True),
    (
        "IN005",
        "doctype",
        "The file has a DOCTYPE, refused unread.\n\nAkoma Ntoso needs no DTD, and a DTD is how "
        "entity-expansion (billion laughs) and external-entity (XXE) attacks are carried.",
        True,
    ),
    ("IN006", "encoding", "The bytes do not match the declared (or default UTF-8) encoding.", True),
    ("IN007", "too-deep", "Elements are nested more than 256 levels deep.", True),
    (
        "IN008",
        "not-akoma-ntoso",
        "The root element is not akomaNtoso in the Akoma Ntoso 3.0 namespace.\n\n"
        "An error by default: a file given to akn validate is meant to be Akoma Ntoso. "
        "--ignore IN008 skips such files instead (they are listed as not checked), for a "
        "repository that holds other XML too (pom.xml, SVG): the pre-commit hook does.",
        False,
    ),
    (
        "IN009",
        "xinclude",
        "The document uses xi:include, which is never processed.\n\nThe document is checked "
        "as it is, without the included content.",
        False,
    ),
    (
        "IN010",
        "schema-location",
        "xsi:schemaLocation points to another schema; it is ignored.\n\nDocuments are always "
        "checked against the bundled official schema; no schema is ever fetched.",
        False,
    ),
)

XSD_RULE = Rule(
    "XSD",
    "schema",
    Severity.ERROR,
    "The document violates the official Akoma Ntoso 3.0 schema.\n\n"
    "Checked by libxml2 against the bundled OASIS schema (akomantoso30.xsd). "
    "--explain re-checks failing files with xmlschema to say which elements were expected.",
)


INTERNAL_RULE = Rule(
    "AKN100",
    "internal-error",
    Severity.ERROR,
    "A check failed with an internal error.\n\nA bug in akn, not in the document: the other "
    "checks still ran. Always on, so that a crash never passes as a clean file. Please report "
    "it with the file that caused it.",
    fatal=True,
)


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in the order of their codes."""
    rules = [
        Rule(code, name, Severity.INFO if code == "IN010" else Severity.ERROR, doc, fatal=fatal)
        for code, name, doc, fatal in _INPUT_RULES
    ]
    rules.append(XSD_RULE)
    rules.append(INTERNAL_RULE)
    for module_name in _RULE_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        rules.append(module.RULE)
    return tuple(rules)


def rules_by_code() -> dict[str, Rule]:
    return {rule.code: rule for rule in all_rules()}


class UnknownRuleError(ValueError):
    """A --select/--ignore entry that matches no rule code or name."""


def choose(select: Sequence[str] | None, ignore: Sequence[str] | None) -> frozenset[str]:
    """The codes that are on, given prefixes (``AKN1``, ``XSD``) or rule names to select/ignore.

    ``select`` defaults to everything; ``ALL`` selects everything. Fatal input codes are always
    on: a file that could not be read must never pass as clean.
    """
    rules = all_rules()
    on = set(match_rules(select, rules)) if select else {rule.code for rule in rules}
    on -= set(match_rules(ignore or (), rules))
    on |= {rule.code for rule in rules if rule.fatal}
    return frozenset(on)


def always_on(patterns: Iterable[str]) -> list[str]:
    """The always-on codes that ``patterns`` (an --ignore list) name: ignoring them does
    nothing, which the command line says rather than let it pass unnoticed."""
    rules = all_rules()
    named = match_rules(patterns, rules)
    return [rule.code for rule in rules if rule.fatal and rule.code in named]


def match_rules(patterns: Iterable[str], rules: Sequence[Rule]) -> set[str]:
    codes: set[str] = set()
    for raw in patterns:
        pattern = raw.strip()
        if not pattern:
            continue
        if pattern.upper() == "ALL":
            codes.update(rule.code for rule in rules)
            continue
        matched = {
            rule.code
            for rule in rules
            if rule.code.startswith(pattern.upper()) or rule.name == pattern.lower()
        }
        if not matched:
            raise UnknownRuleError(f"{raw!r} matches no rule code or name (see --rules)")
        codes |= matched
    return codes


def active_checks(codes: frozenset[str]) -> list[Rule]:
    """The project rules (with a check function) that are on."""
    return [rule for rule in all_rules() if rule.check is not None and rule.code in codes]
