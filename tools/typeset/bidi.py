"""Left-to-right stretches of a right-to-left page kept in order, as Word keeps them.

In an Arabic paragraph, a stretch of Latin ("United Nations, Treaty Series, vol. 610") is one
left-to-right run by the Unicode bidirectional algorithm, whatever inline elements it spans.
WeasyPrint applies the algorithm within each text box and then orders the boxes of a line
right to left: a stretch that spans an italic title or a document symbol (kept on one line in
a span of its own) comes out with its pieces reversed (".vol. 610, No. 8843 ,Treaty Series
,United Nations"). The UN's PDFs, from Word, show it in order. So each such stretch, from its
first left-to-right letter to its last letter or digit, is isolated in a left-to-right span,
which WeasyPrint lays out as one box, in order: the layout the UN's page has.

WeasyPrint also runs the algorithm on each line by itself: a number that opens a line has no
Arabic letter before it there, so a range ("2021-2030") is European digits around a
European separator, one left-to-right run ("2021-2030" from the left), where Word, which
reads the paragraph, finds an Arabic letter before it and sets Arabic numbers, the range
read right to left ("2030-2021" from the left) as everywhere else in the line. So an Arabic
letter mark (U+061C, which draws nothing) goes before every such range that follows
right-to-left text: each line then reads it as Word does.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TOKEN = re.compile(r"(<[^>]*>)")
_ENTITY = re.compile(r"&[#\w]+;")
# Elements a stretch never crosses: blocks, line breaks, and footnotes (set apart).
_BARRIERS = {"p", "h1", "div", "td", "th", "tr", "table", "header", "br", "li"}
_VOID = {"br", "img", "meta"}
OPEN, CLOSE = '<span class="ltr">', "</span>"
CSS = ".ltr { direction: ltr; unicode-bidi: isolate; }"


@dataclass(frozen=True, slots=True)
class _Unit:
    """One character (or entity) of the page's text: where it is and what it is."""

    at: int  # offset in the HTML
    end: int
    kind: str  # "L", "R", "EN", "B" (a barrier), "N" (anything else)
    stack: tuple[int, ...]  # the offsets of the open tags of the elements it is in
    char: str = ""


def isolate_ltr(page: str) -> str:
    """``page`` (HTML) with each left-to-right stretch of its text in an isolating span."""
    units, closes = _units(page)
    insertions: list[tuple[int, str]] = []
    start: _Unit | None = None
    last: _Unit | None = None
    opened: list[str] = []  # brackets opened inside the stretch: their pair is its own
    for unit in units:
        if unit.kind == "L":
            start = start or unit
            last = unit
        elif unit.kind == "EN" and start is not None:
            last = unit
        elif unit.char in _PAIRS and start is not None:
            opened.append(_PAIRS[unit.char])
        elif opened and unit.char == opened[-1]:
            opened.pop()
            last = unit  # "A/75/23 (Part I)": the bracket closes inside the stretch
        elif unit.kind in ("R", "B") and start is not None and last is not None:
            insertions += _wrap(units, closes, start, last)
            start = last = None
            opened = []
    if start is not None and last is not None:
        insertions += _wrap(units, closes, start, last)
    insertions += _range_marks(units)
    for offset, text in sorted(insertions, reverse=True):
        page = page[:offset] + text + page[offset:]
    return page


# The bidi algorithm gives a pair of brackets opened after a left-to-right letter the
# direction of its contents and context (rule N0): "(Part I)" of "A/75/23 (Part I)" is
# left to right, its closing bracket part of the stretch.
_PAIRS = {"(": ")", "[": "]"}
ARABIC_LETTER_MARK = "\u061c"
_SEPARATORS = "+-"  # European separators (ES): what makes two numbers one run


def _range_marks(units: list[_Unit]) -> list[tuple[int, str]]:
    """Where an Arabic letter mark goes: before the first digit of each range of numbers
    ("2021-2030", digits, a European separator, digits) whose last strong letter before it,
    in its paragraph, is right to left."""
    marks: list[tuple[int, str]] = []
    strong = ""
    for at, unit in enumerate(units):
        if unit.kind == "B":
            strong = ""
        elif unit.kind in ("L", "R"):
            strong = unit.kind
        elif unit.kind == "EN" and strong == "R" and (at == 0 or units[at - 1].kind != "EN"):
            end = at
            while end < len(units) and units[end].kind == "EN":
                end += 1
            if (
                end + 1 < len(units)
                and units[end].char in _SEPARATORS
                and units[end + 1].kind == "EN"
            ):
                marks.append((unit.at, ARABIC_LETTER_MARK))
    return marks


def _units(page: str) -> tuple[list[_Unit], dict[int, int]]:
    """The characters of the page's text in order, with barriers where blocks and footnotes
    begin and end; and for each element's open tag, the end of its close tag."""
    units: list[_Unit] = []
    closes: dict[int, int] = {}
    stack: list[tuple[str, int, bool]] = []  # (name, offset of the open tag, a barrier?)
    offset = 0
    for token in _TOKEN.split(page):
        if token.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            tag = name.group(1).lower() if name else ""
            barrier = tag in _BARRIERS or 'class="fn' in token
            if token.startswith("</"):
                while stack:
                    open_name, opened, was_barrier = stack.pop()
                    closes[opened] = offset + len(token)
                    if open_name == tag:
                        barrier = barrier or was_barrier
                        break
            elif tag not in _VOID and not token.endswith("/>"):
                stack.append((tag, offset, barrier))
            if barrier or tag in _VOID:
                units.append(_Unit(offset, offset, "B", ()))
        else:
            frame = tuple(opened for _, opened, _ in stack)
            position = 0
            while position < len(token):
                entity = _ENTITY.match(token, position)
                end = entity.end() if entity else position + 1
                kind = "N" if entity else _kind(token[position])
                units.append(
                    _Unit(offset + position, offset + end, kind, frame, token[position:end])
                )
                position = end
        offset += len(token)
    return units, closes


def _kind(char: str) -> str:
    direction = unicodedata.bidirectional(char)
    if direction == "L":
        return "L"
    if direction in ("R", "AL", "AN"):
        return "R"
    return "EN" if direction == "EN" else "N"


def _wrap(
    units: list[_Unit], closes: dict[int, int], start: _Unit, last: _Unit
) -> list[tuple[int, str]]:
    """Where the span opens and closes around ``start``..``last``. Where the two lie in
    different elements, the span takes in the whole element each lies in (an italic title
    at the stretch's end), so that tags stay nested; not if that takes in a right-to-left
    letter (then the stretch is left as it is)."""
    common = 0
    while (
        common < min(len(start.stack), len(last.stack))
        and start.stack[common] == last.stack[common]
    ):
        common += 1
    begin = start.stack[common] if len(start.stack) > common else start.at
    end = closes.get(last.stack[common], last.end) if len(last.stack) > common else last.end
    if any(unit.kind in ("R", "B") for unit in units if begin <= unit.at < end):
        return []
    return [(begin, OPEN), (end, CLOSE)]
