"""Is a quotation still open? Asked by the page reader (a note quoting a text goes on) and by
recognition (a quoted paragraph is not a new block): here, before both stages, so that no
stage imports from a later one."""

from __future__ import annotations


def open_quote(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """Is a quotation opened in ``text`` and not closed? ``pairs``: the language's quotation
    marks (``mapping.typography.quotes``), where “ may close a quotation as well as open one."""
    return any(still_open(text.count(o), text.count(c)) for o, c in pairs)


def still_open(opened: int, closed: int) -> bool:
    """Is a quotation open after ``opened`` opening marks of a pair and ``closed`` closing
    ones? More openings than closings, except an even number of openings and no closing at
    all: the UN types “…“ for “…” (A/RES/77/242 in Chinese: 题为“我们希望的未来“的成果文件),
    and a quotation does not nest inside one of the same marks. (The order of the marks
    says nothing: Arabic writes ”…“.)"""
    return opened > closed and (closed > 0 or opened % 2 == 1)
