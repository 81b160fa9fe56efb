"""Reading the dates of date attributes and IRIs, shared by AKN108 and AKN109."""

from __future__ import annotations

import datetime
import re

PLACEHOLDER = "0001-01-01"
"""What the UN writes for a date it does not know."""

ISO_DATE = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})")


def calendar_date(value: str) -> datetime.date | None:
    """The date at the start of ``value`` ("2020-11-23", "2020-11-23T10:00:00Z"), if real."""
    match = ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
