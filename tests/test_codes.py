"""The registry of the converter's codes (akn/converter/codes.py) is complete and exact.

Every ``Diagnostic(...)`` built in ``akn/`` is found by reading the source with ``ast``: each
literal code must be registered, by the converter's registry or the validator's rules, at
the level it is built with; each registered converter code must be built somewhere; and the
README's table of converter codes must be the registry, row for row.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict

import pytest
from corpus import ROOT

from akn.cli import main
from akn.converter.codes import BY_CODE, CODES, explain
from akn.validation.rules import rules_by_code

PACKAGE = ROOT / "akn"
# Diagnostics built with a code that is not written where they are built: (module, code
# expression) -> why that is no code of its own.
PASSED_ON = {
    ("akn/diagnostics.py", "self.code"): "a copy of a diagnostic with another path",
    ("akn/converter/findings.py", "finding.code"): "the output's own check: akn validate's codes",
    ("akn/validation/engine.py", "rule.code"): "a rule of the validator's registry",
    ("akn/validation/engine.py", "finding.code"): "a finding of the validator, moved",
    ("akn/validation/engine.py", "INTERNAL_ERROR"): "AKN100, of the validator's registry",
    ("akn/validation/inputs.py", "code"): "an IN0xx code of the validator's registry",
    ("akn/converter/pdf/__init__.py", "code"): "the PDF reader's _error(code, message)",
}

# Functions that build a Diagnostic from the code they are given, and its level: their calls
# with a literal code are scanned as if they were Diagnostic(...) calls.
BUILDERS = {("akn/converter/pdf", "_error"): "ERROR"}


def built_diagnostics() -> dict[str, list[tuple[str, int, str | None]]]:
    """code (or code expression) -> [(module, line, severity name)] of every Diagnostic(...)
    call in the package."""
    found: dict[str, list[tuple[str, int, str | None]]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            builder = next(
                (
                    level
                    for (folder, name), level in BUILDERS.items()
                    if module.startswith(folder) and _name(node.func) == name
                ),
                None,
            )
            if builder is not None and node.args and isinstance(node.args[0], ast.Constant):
                found[node.args[0].value].append((module, node.lineno, builder))
                continue
            if _name(node.func) != "Diagnostic":
                continue
            arguments = {k.arg: k.value for k in node.keywords}
            code = node.args[0] if node.args else arguments["code"]
            severity = node.args[1] if len(node.args) > 1 else arguments["severity"]
            level = severity.attr if isinstance(severity, ast.Attribute) else None
            if isinstance(code, ast.Constant):
                found[code.value].append((module, node.lineno, level))
            else:
                found[f"{module}:{ast.unparse(code)}"].append((module, node.lineno, level))
    return found


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


BUILT = built_diagnostics()
LITERAL = {code: places for code, places in BUILT.items() if ":" not in code}
VALIDATOR = rules_by_code()


def test_the_scan_finds_the_diagnostics():
    """The scan itself works: it sees codes of every stage, where they are built."""
    assert {"E104", "L201", "L212", "S303", "N404", "K601", "M501", "M001", "E106"} <= set(LITERAL)
    assert [(module, level) for module, _, level in LITERAL["E104"]] == [
        ("akn/converter/pipeline.py", "ERROR")
    ]


def test_every_code_built_is_registered_at_its_level():
    unregistered = {
        code: places
        for code, places in LITERAL.items()
        if code not in BY_CODE and code not in VALIDATOR
    }
    assert not unregistered, f"codes built but in no registry: {unregistered}"
    for code, places in LITERAL.items():
        entry = BY_CODE.get(code) or VALIDATOR[code]
        for module, line, level in places:
            assert level == entry.severity.name, f"{module}:{line} builds {code} as {level}"


def test_every_code_not_written_where_it_is_built_is_accounted_for():
    passed_on = {key for key in BUILT if ":" in key}
    known = {f"{module}:{expression}" for module, expression in PASSED_ON}
    assert passed_on == known, "a Diagnostic built with a computed code: register its code"


def test_every_registered_code_is_built_somewhere():
    assert not [c.code for c in CODES if c.code not in LITERAL], "registered but never built"


def test_the_registry_is_in_code_order_and_the_families_do_not_overlap():
    codes = [entry.code for entry in CODES]
    assert codes == sorted(codes, key=lambda c: ("ELSNKM".index(c[0]), c))
    assert len(set(codes)) == len(codes)
    assert not set(codes) & set(VALIDATOR)
    assert all(re.fullmatch(r"[ELSNKM]\d{3}", code) for code in codes)
    assert all(entry.title and entry.doc[-1] in ".?" for entry in CODES)


def readme_table() -> list[tuple[str, str, str, str]]:
    """The rows of the README's table of converter codes: (code, level, meaning, why)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Diagnostics", 1)[1].split("\n### ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and cells[0].startswith("`"):
            rows.append((cells[0].strip("`"), *cells[1:]))
    return rows


def test_the_readme_table_is_the_registry():
    expected = [(c.code, str(c.severity), c.title, c.doc) for c in CODES]
    assert readme_table() == expected


def test_explain_prints_a_code_and_refuses_an_unknown_one(capsys):
    assert explain("l212") == BY_CODE["L212"].explain()
    assert explain("X999") is None
    with pytest.raises(SystemExit) as exit:
        main(["convert", "--explain", "S303"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("S303 (warning): text not recognised") and BY_CODE["S303"].doc in out
    with pytest.raises(SystemExit) as exit:
        main(["convert", "--explain", "S399"])
    assert exit.value.code == 2
    assert "S399 is no code of akn convert" in capsys.readouterr().err
