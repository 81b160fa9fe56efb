"""What the rest of the document says about a marker glued to a number or a code.

"59/3009" is 59/300 and note 9 where "59/300" stands elsewhere, while "61/29" cited elsewhere
is a resolution, not 61/2 and a note; a date's day or year, whole, is no marker. Separate
because both ways of placing the notes (``ordered_search``, ``pairing``) weigh these last
resorts with the same counts of the document's words and numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from akn.converter.marks.marker_context import WINDOW, after_year_range, window_before
from akn.converter.marks.search_units import Candidate, TextUnit
from akn.mapping import Mapping


def whole_run(text: str, candidate: Candidate) -> str:
    """The digits the candidate's marker ends: "14" for the "4" of "Principles14"."""
    start = candidate.start
    while start and text[start - 1].isdigit():
        start -= 1
    return text[start : candidate.end]


def glued_evidence(text: str, candidate: Candidate, numbers: Counter[str], mapping: Mapping) -> int:
    """How much the document says a number-glued marker is one: +1 when what stays once it is
    cut ("59/300") stands elsewhere in the text, -1 when the whole ("61/29") does and what
    would stay does not, or when a month or a quantity follows ("14 November": a date)."""
    token = _TOKEN.search(window_before(text, candidate.start)[::-1])
    whole = (token.group(0)[::-1] if token else "") + text[candidate.start : candidate.end]
    rest = whole[: -(candidate.end - candidate.start)]
    following = text[candidate.end : candidate.end + WINDOW].split(None, 1)
    nxt = following[0].rstrip(",.;:") if following else ""
    if nxt.casefold() in mapping.dates.months or nxt in mapping.markers.quantity_words:
        return -1
    if whole.isdigit() and len(whole) == 4 and after_year_range(text, candidate.end - 4):
        return -1  # "(2008–2017)": the end of a range of years
    if _in_date(text, candidate.end - len(whole), candidate.end, mapping):
        return -1  # "24 December 2011,", "del 7 al 12 de marzo": a date's year or day, whole
    rest_seen, whole_seen = numbers[rest] > 0, numbers[whole] > 1  # > 1: besides this one
    if rest_seen and not whole_seen:
        return 1
    if whole_seen and not rest_seen:
        return -1
    return 0


def _in_date(text: str, start: int, end: int, mapping: Mapping) -> bool:
    """Is the number ``text[start:end]`` the day or the year of a date the language writes?"""
    pattern, months = mapping.dates.pattern, mapping.dates.months

    def named_month(date: re.Match[str]) -> bool:
        month = date.group("month")
        return month.isdigit() or month.casefold() in months

    day = pattern.match(text, start)
    if day is not None and day.start("day") == start and day.end("day") == end:
        return named_month(day)
    for date in pattern.finditer(text, max(0, start - 40), end):
        if date.start("year") == start and date.end("year") == end:
            return named_month(date)
    return False


_TOKEN = re.compile(r"^[\w./\-]+")  # the token before a candidate, read backwards


def number_counts(blocks: Sequence[TextUnit], searchable: list[int]) -> Counter[str]:
    """How often each word, number or code ("2030", "59/300", "HIV/AIDS") stands in the
    blocks, markers still in them."""
    counts: Counter[str] = Counter()
    for block_index in searchable:
        for token in _WORD_TOKEN.findall(blocks[block_index].text):
            counts[token.rstrip(".-/")] += 1
    return counts


_WORD_TOKEN = re.compile(r"[\w./\-]+")
