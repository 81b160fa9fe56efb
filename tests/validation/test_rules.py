"""Each rule on the edits of rule_cases.yaml: it reports what it must and accepts the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from akn.validation import validate
from akn.validation.rules import all_rules

from .conftest import CLEAN, edited

CASES = yaml.safe_load((Path(__file__).parent / "rule_cases.yaml").read_text(encoding="utf-8"))


def _cases(kind: str):
    for code, entry in CASES.items():
        for index, case in enumerate(entry.get(kind) or []):
            yield pytest.param(code, case, id=f"{code}-{kind}-{index}")


def test_the_clean_fixture_has_no_finding():
    assert validate(CLEAN) == []


@pytest.mark.parametrize(("code", "case"), list(_cases("fail")))
def test_rule_reports(code, case):
    findings = validate(edited(case["edits"]).encode())
    messages = [f.message for f in findings if f.code == code]
    assert any(case["message"] in m for m in messages), [f.format() for f in findings]
    assert all(f.line for f in findings if f.code == code)


@pytest.mark.parametrize(("code", "case"), list(_cases("pass")))
def test_rule_accepts(code, case):
    findings = validate(edited(case["edits"]).encode())
    assert [f.format() for f in findings if f.code == code] == []


def test_every_project_rule_has_a_failing_case():
    checked = {rule.code for rule in all_rules() if rule.check is not None}
    assert checked <= {code for code, entry in CASES.items() if entry.get("fail")}


def test_every_rule_is_documented():
    for rule in all_rules():
        assert rule.title and not rule.title.endswith(".")
        assert rule.code and rule.name == rule.name.lower()
        if rule.check is not None:
            assert rule.description, rule.code
