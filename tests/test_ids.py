"""The eId form of a number, after the OASIS naming convention: what each kind of num becomes."""

from __future__ import annotations

import pytest

from akn.converter.inline import AKN
from akn.converter.pipeline import convert
from akn.ids import clean_number
from akn.validation import validate

NS = {"a": AKN}


@pytest.mark.parametrize(
    ("num", "expected"),
    [
        ("21.", "21"),
        ("(a)", "a"),
        ("(iv)", "iv"),
        ("a)", "a"),
        ("1 -", "1"),  # Arabic paragraph numbers
        ("١٢ -", "12"),  # Arabic-Indic digits
        ("IV", "IV"),
        ("Article 5", "5"),
        ("Art. 11.2 bis", "11-2bis"),
        ("二", "2"),  # Chinese section numbers
        ("十二", "12"),
        ("二十一", "21"),
        ("一百零五", "105"),
        ("（三）", "3"),
    ],
)
def test_clean_number(num, expected):
    assert clean_number(num) == expected


def test_an_unnumbered_paragraph_leaves_the_numbered_ones_their_eids():
    text = "The General Assembly,\n1. Decides;\nSome text the reader cannot place.\n2. Requests;\n"
    result = convert(text, lang="en")
    eids = [p.get("eId") for p in result.tree.findall(".//a:mainBody/a:paragraph", NS)]
    assert eids == ["para_1", "para_2-2", "para_2"]
    assert not [f for f in validate(result.tree) if f.code == "AKN102"]
