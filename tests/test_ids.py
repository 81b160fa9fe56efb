"""The eId form of a number, after the OASIS naming convention: what each kind of num becomes."""

from __future__ import annotations

import pytest

from akn.ids import clean_number


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
