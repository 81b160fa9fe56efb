"""README.md says what the validator does: its rule table and its example output."""

from __future__ import annotations

import re

import pytest

from akn.diagnostics import Severity
from akn.validation import validate
from akn.validation.engine import FileResult
from akn.validation.formats import summary
from akn.validation.rules import all_rules

from .conftest import CORPUS, REPO

DOC = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_rules_table_lists_every_rule_with_its_severity():
    rows = dict(re.findall(r"^\| `([A-Z]+\d*)` \| `[\w-]+` \| (\w+) \|", DOC, flags=re.M))
    assert rows == {rule.code: str(rule.severity) for rule in all_rules()}


@pytest.mark.corpus
def test_the_example_output_is_what_akn_prints():
    path = CORPUS / "fra" / "A-RES-75-15.xml"
    findings = validate(path)
    shown = re.findall(r"^…/A-RES-75-15\.xml:(.*)$", DOC, flags=re.M)
    actual = [f.format().split("A-RES-75-15.xml:", 1)[1] for f in findings]
    assert shown and all(line in actual for line in shown), actual
    result = FileResult(str(path), findings)
    assert summary([result], Severity.ERROR) in DOC
