"""Does a line end a sentence or a list item? The punctuation evidence every rule reads."""

from __future__ import annotations

import re
from functools import cache

# Punctuation that ends a paragraph or list item, in the six UN languages.
TERMINAL_CHARACTERS = frozenset(",;:.،؛，；：。")


@cache
def closed_by_marker(closing_marks: str) -> re.Pattern[str]:
    """A line that ends with punctuation (or a closing quotation mark) and a footnote number
    ("session,1", "activities, 1", "(1)") is closed too: the number is the marker of a note
    on the word before."""
    ends = re.escape("".join(sorted(TERMINAL_CHARACTERS)) + closing_marks)
    return re.compile(rf"[{ends}]\s?(?:\d{{1,3}}|\(\d{{1,3}}\))$")


def is_closed(text: str, closing_marks: str) -> bool:
    """Does this line end a sentence or a list item (so that a new block may follow)?
    ``closing_marks``: the language's closing quotation marks, which may follow the
    punctuation (``Mapping.closing_marks``)."""
    text = text.rstrip()
    bare = text.rstrip(closing_marks)
    return bare[-1:] in TERMINAL_CHARACTERS or bool(closed_by_marker(closing_marks).search(text))
