"""Read dates ("23 novembre 2020") and number words ("Seventy-fifth") with a language's tables."""

from __future__ import annotations

import datetime
import re

from akn.mapping import Mapping

UNKNOWN_DATE = "0001-01-01"  # what the UN writes when a date is not known


def parse_date(text: str, mapping: Mapping) -> str | None:
    """The ISO date written in ``text`` (first one found), or None."""
    pattern = mapping.pattern("dates", "pattern")
    for match in pattern.finditer(" ".join(text.split())):
        month = mapping.months.get(match.group("month").casefold())
        if month is None:
            continue
        try:
            day = datetime.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
        return day.isoformat()
    return None


def parse_number_words(text: str, mapping: Mapping) -> int | None:
    """Add up number words: "Seventy-fifth" = 75, "soixante-dix-septième" = 77.

    Words are matched longest first against the mapping's ``ordinals`` table, so compounds
    the language writes as one unit ("quatre-vingt") can be listed whole.
    """
    words = [w for w in re.split(r"[\s\-]+", text.casefold()) if w]
    table = mapping.ordinals
    total, index, found = 0, 0, False
    while index < len(words):
        for size in range(min(4, len(words) - index), 0, -1):
            key = "-".join(words[index : index + size])
            alternative = " ".join(words[index : index + size])
            value = table.get(key, table.get(alternative))
            if value is not None:
                total += value
                index += size
                found = True
                break
        else:
            return None
    return total if found and total > 0 else None


def valid_iso_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
