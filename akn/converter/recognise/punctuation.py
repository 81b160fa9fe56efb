"""Does a line end a sentence or a list item? The punctuation evidence every rule reads.

Which marks end a clause, and which quotation marks may follow them, is the mapping's
(``typography.full_stops``, ``clause_ends``, ``commas``, ``closing_marks``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from akn.mapping.sections import Typography

# The digits the PDF reader writes a note marker in (akn/converter/pdf/render.py): the page
# drew them raised, so they are a marker for certain ("…深表关切，⁶").
_RAISED = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@cache
def _closed_by_marker(terminal: frozenset[str], closing_marks: str) -> re.Pattern[str]:
    ends = re.escape("".join(sorted(terminal)) + closing_marks)
    return re.compile(rf"[{ends}]\s?(?:\d{{1,3}}|\(\d{{1,3}}\)|[{_RAISED}]{{1,3}})$")


# The longest ending ``_closed_by_marker`` can match: a mark, a space, "(123)", and the line
# break ``$`` may stand before.
_MARKER_TAIL = 8


def ends_with_marker(text: str, typography: Typography) -> bool:
    """Does the line end with punctuation (or a closing quotation mark) and a footnote number
    ("session,1", "activities, 1", "(1)", a PDF's raised "，⁶")? Then it is closed too: the
    number is the marker of a note on the word before. Only the line's last characters are
    searched: the pattern is anchored at the end, and searching the whole line tried it at
    every punctuation mark (the one search every line of a text was put through several
    times)."""
    pattern = _closed_by_marker(typography.terminal_marks, typography.closing_marks)
    return pattern.search(text[-_MARKER_TAIL:]) is not None


def is_closed(text: str, typography: Typography) -> bool:
    """Does this line end a sentence or a list item (so that a new block may follow)? The
    closing quotation marks may follow the punctuation."""
    text = text.rstrip()
    while text and unicodedata.category(text[-1]) == "Cf":  # "Change,\u200e": invisible marks
        text = text[:-1].rstrip()
    bare = text.rstrip(typography.closing_marks)
    return bare[-1:] in typography.terminal_marks or ends_with_marker(text, typography)


# The colons that introduce what follows (a list, its items): the Latin one and the full-width.
_COLONS = ":："


def introduces(text: str) -> bool:
    """Does ``text`` end with a colon, introducing what follows ("… the following themes:")?"""
    return text.rstrip()[-1:] in _COLONS
