"""The numbers a document writes after the same characters: words that count, as it shows them.

In a script written without spaces a number glued to the characters before it may be a
marker or a count ("下午1时", "下午5时": hours). What the whole document writes settles it:
a pair of characters it writes before several numbers counts them. Separate from the
candidate search because it reads every searched block of the document, not one text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from akn.converter.marks.search_units import Candidate, TextUnit
from akn.mapping import Mapping

DIGITS = re.compile(r"\d+")  # any script's digits: a marker is written as its text writes numbers


def numbers_after(
    blocks: Sequence[TextUnit], searchable: Sequence[int], mapping: Mapping
) -> dict[str, set[str]]:
    """In a script written without spaces, the numbers the document writes after each pair
    of characters and glued to what follows them ("下午" 1, 3, 5 before "时": hours; "专题小组"
    1, 2 before "："): the words that count things, as the text itself shows them. A number
    with a space after it is left out: that is how such a text writes a marker ("报告33 第").
    Empty for other scripts."""
    series: dict[str, set[str]] = {}
    if mapping.typography.spaced:
        return series
    ideograph = mapping.script.is_ideograph
    for block_index in searchable:
        text = blocks[block_index].text
        for run in DIGITS.finditer(text):
            before = text[max(0, run.start() - 2) : run.start()]
            after = text[run.end() : run.end() + 1]
            if (
                after
                and not after.isspace()
                and len(before) == 2
                and ideograph(before[0])
                and ideograph(before[1])
            ):
                series.setdefault(before, set()).add(run.group(0))
    return series


def counts_in_series(text: str, candidate: Candidate, series: dict[str, set[str]]) -> bool:
    """Does the candidate glued to the characters before it follow a pair that the document
    writes before other numbers too ("下午5时" where "下午1时", "下午3时" stand)?"""
    if not series or candidate.start < 2:
        return False
    written = series.get(text[candidate.start - 2 : candidate.start])
    return written is not None and bool(written - {text[candidate.start : candidate.end]})
