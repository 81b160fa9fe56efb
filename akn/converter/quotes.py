"""Is a quotation still open? Asked by the page reader (a note quoting a text goes on) and by
recognition (a quoted paragraph is not a new block): here, before both stages, so that no
stage imports from a later one."""

from __future__ import annotations


def open_quote(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """Is a quotation opened in ``text`` and not closed? ``pairs``: the language's quotation
    marks (``mapping.typography.quotes``), where “ may close a quotation as well as open one."""
    return any(text.count(o) > text.count(c) for o, c in pairs)
