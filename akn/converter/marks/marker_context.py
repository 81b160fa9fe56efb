"""The words around a candidate marker, read within a window.

Whether digits belong to a symbol or code ("A/RES/70/1", "COVID-19", "G77"), stand after
invisible format characters, end a year range or are followed by thousands: the questions
the candidate search (``candidates.py``) and the last resorts (``last_resort_markers.py``)
both ask of the text before and after a place. Separate so that both read the words the
same way, and within the same window: a block of any length costs the same per candidate.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from akn.mapping.programs import compile_pattern
from akn.mapping.sections import Script

# How far around a candidate marker the words that decide it are looked for: a window, so that
# a block of any length costs the same per candidate (no copy of all the text before it).
WINDOW = 240


def window_before(text: str, start: int) -> str:
    return text[max(0, start - WINDOW) : start]


THOUSANDS = re.compile(r" ?\d{3}(?!\d)")


def after_year_range(text: str, start: int) -> bool:
    """ "2022-203112": the second year of a range, then a marker."""
    return bool(_YEAR_RANGE_START.search(window_before(text, start)))


# The first year of a range and its dash: a hyphen, a non-breaking one (U+2011, the UN's
# "2015‑2030"), a hyphen proper (U+2010) or an en dash.
_YEAR_RANGE_START = re.compile(r"(?<![\w/.\-])\d{4}[-\u2010\u2011–]$")


def _token_before(text: str, start: int, script: Script) -> str:
    """The word that ends at ``start``: back to a space, or to a CJK character (a language
    written without spaces has no words to go back to). Within the window, read by one
    regular expression: a text with no space ("A/RES/19671" ten thousand times) would
    otherwise be walked back character by character, once per candidate."""
    window = window_before(text, start)[::-1]
    stop = _word_boundary(script.wide.pattern).search(window)
    return window[: stop.start() if stop else len(window)][::-1]


@functools.lru_cache(maxsize=8)
def _word_boundary(wide: str) -> re.Pattern[str]:
    """What ends a word: a space, or a character of the script's wide class (if any)."""
    return compile_pattern(rf"\s|{wide}" if wide else r"\s")


def inside_code(text: str, start: int, script: Script) -> bool:
    """Digits that are part of a symbol or code: A/RES/70/1, COVID-19, 1/CP.21, UNISPACE+50."""
    token = _token_before(text, start, script)
    return any(ch in token for ch in "/+=#") or token.endswith(("-", ".", "\u2011"))


def visible_end(text: str, start: int) -> int:
    """Where the visible text before ``start`` ends: before the format characters (a
    left-to-right mark, a zero-width space) that stand between a word and its marker."""
    while start and unicodedata.category(text[start - 1]) == "Cf":
        start -= 1
    return start


def all_caps_code(text: str, start: int, script: Script) -> bool:
    """Letters and digits of an acronym-like code: "G77", "CP21", "H5N1"."""
    token = _token_before(text, start, script).lstrip("([{«“‘\"'")  # "(U4)": a name in brackets
    letters = [ch for ch in token if ch.isalpha()]
    return (
        bool(letters)
        and len(letters) <= 3
        and all(ch.isupper() for ch in letters)
        and (token.isalnum())
    )
