"""--iri-style: the UN's FRBR IRIs by default, the naming convention's on request; both valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED

import akn
from akn.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SYMBOL = {"symbol": "A/75/L.25", "markup": "2026-01-01"}


def _iris(result: akn.Conversion) -> list[str]:
    return [e.get("value") for e in result.tree.iter("{*}FRBRthis", "{*}FRBRuri")]


def test_default_is_the_uns_form() -> None:
    iris = _iris(akn.convert(SEED.read_bytes(), metadata=SYMBOL))
    work = "/akn/un/statement/deliberation/unga/0001-01-01/75-L.25"
    assert iris[:4] == [f"{work}/!main/", f"{work}/", f"{work}/fra@!main/", f"{work}/fra@/"]


def test_oasis_form_follows_the_naming_convention() -> None:
    result = akn.convert(SEED.read_bytes(), metadata=SYMBOL, iri_style="oasis")
    work = "/akn/un/statement/deliberation/unga/0001-01-01/75-L.25"
    assert _iris(result) == [
        f"{work}/!main",
        work,
        f"{work}/fra@/!main",
        f"{work}/fra@",
        f"{work}/fra@/!main.xml",
        f"{work}/fra@.xml",
    ]


@pytest.mark.parametrize("fixture", ["collection-en.txt", "draft-en.txt", "decision-en.txt"])
def test_both_styles_pass_akn_validate(fixture: str) -> None:
    for style in ("un", "oasis"):
        result = akn.convert((FIXTURES / fixture).read_bytes(), lang="en", iri_style=style)
        assert result.ok, [d.format() for d in result.diagnostics if d.severity >= 30]
        assert [f for f in akn.validate(result.tree) if f.code == "AKN107"] == []


def test_command_line_option_and_a_wrong_style(capsys) -> None:
    assert main(["convert", str(SEED), "--iri-style", "oasis"]) == 0
    assert 'fra@/!main"' in capsys.readouterr().out
    with pytest.raises(ValueError, match="iri_style must be one of un, oasis"):
        akn.convert(SEED.read_bytes(), iri_style="nc")
