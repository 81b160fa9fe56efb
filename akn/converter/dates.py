"""Read dates ("23 novembre 2020") and number words ("Seventy-fifth") with a language's tables."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from akn.mapping import Mapping

UNKNOWN_DATE = "0001-01-01"  # what the UN writes when a date is not known


def parse_date(text: str, mapping: Mapping) -> str | None:
    """The ISO date written in ``text`` (first one found), or None."""
    found = next(_dates(" ".join(text.split()), mapping), None)
    return found[2] if found else None


def _dates(text: str, mapping: Mapping) -> Iterator[tuple[int, int, str]]:
    """Every valid date in ``text``: (start, end, ISO form)."""
    pattern = mapping.dates.pattern
    for match in pattern.finditer(text):
        name = match.group("month")
        month = int(name) if name.isdigit() else mapping.dates.months.get(name.casefold())
        if month is None:
            continue
        try:
            day = datetime.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
        yield match.start(), match.end(), day.isoformat()


# How far from the meeting a decision's date may stand: ", on " (en), ", celebrada el " (es),
# right before it in Chinese ("2020年12月10日第38次全体会议").
_MEETING_REACH = 30


def decision_meeting(
    text: str, mapping: Mapping
) -> tuple[tuple[int, int] | None, tuple[int, int, str] | None]:
    """Where the opening of a decision names its meeting, and the date written next to it
    (start, end, ISO); a date further away is some cited document's, not the decision's."""
    meeting = mapping.decision.meeting.search(text, 0, 200)
    if meeting is None:
        return None, None
    date = None
    for begin, end, iso in _dates(text[: meeting.end() + 2 * _MEETING_REACH], mapping):
        after = 0 <= begin - meeting.end() <= _MEETING_REACH
        just_before = 0 <= meeting.start() - end <= 2
        if after or just_before:
            date = (begin, end, iso)
            break
    return (meeting.start(), meeting.end()), date


def parse_number_words(text: str, mapping: Mapping) -> int | None:
    """Add up number words: "Seventy-fifth" = 75, "soixante-dix-septième" = 77, 七十五 = 75.

    The text is read from the left, taking each time the longest word of the mapping's
    ``ordinals`` table it starts with (so compounds such as "quatre-vingt" can be listed
    whole); separators (spaces, hyphens) between words are skipped. Where the language glues
    the parts into one word (``typography.number_words_glued``: 七十五 = 7 × 10 + 5), a part
    may end inside a word. A power of ten after a smaller number multiplies
    it, as in Chinese (七十 = 7 × 10).
    """
    table = mapping.ordinals
    glued = mapping.typography.number_words_glued
    longest = max((len(key) for key in table), default=0)
    rest = text.casefold().strip()
    values: list[int] = []
    while rest:
        rest = rest.lstrip(" -‑\u00a0")
        if not rest:
            break
        for size in range(min(longest, len(rest)), 0, -1):
            value = table.get(rest[:size])
            if value is not None and (
                size == len(rest)
                or not rest[size - 1].isalpha()
                or not rest[size].isalpha()
                or glued
            ):
                values.append(value)
                rest = rest[size:]
                break
        else:
            return None
    total = 0
    for index, value in enumerate(values):
        if value in (10, 100, 1000) and index and 0 < values[index - 1] < value:
            total += values[index - 1] * (value - 1)
        else:
            total += value
    return total if values and total > 0 else None


def valid_iso_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def find_date(text: str, mapping: Mapping) -> tuple[int, int, str] | None:
    """The first valid date in ``text`` (spaces normalised): (start, end, ISO form), or None."""
    return next(_dates(" ".join(text.split()), mapping), None)
