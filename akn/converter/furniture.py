"""Page furniture: which lines of a page are not the resolution's text.

Job numbers, bar codes, page numbers, print dates and the running symbol are told by the
mapping's patterns (a line, or every column of a line pdftotext -layout keeps in columns);
running heads by repetition: runs of lines beside furniture that repeat the title area. The
evidence is the whole document's: the masthead's symbol, the lines next to other furniture.
"""

from __future__ import annotations

import re
from enum import Enum, auto

from akn.converter.source import Line, split_columns
from akn.mapping import Mapping
from akn.mapping.programs import compile_pattern


class LineKind(Enum):
    """What a line of a page is to the page reader (the blocks have their own Kind)."""

    BLANK = auto()
    FORM_FEED = auto()
    RULE = auto()
    LINK = auto()
    JOB = auto()
    BARCODE = auto()
    PAGE_NUMBER = auto()
    PRINT_DATE = auto()
    SYMBOL = auto()
    TEXT = auto()


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


class LineClassifier:
    """What each line of a page is, by the mapping's furniture patterns."""

    def __init__(self, mapping: Mapping) -> None:
        self.patterns = [
            (LineKind.RULE, mapping.page.footnote_rule),
            (LineKind.LINK, mapping.page.link),
            (LineKind.JOB, mapping.page.job_number),
            (LineKind.BARCODE, mapping.page.barcode),
            (LineKind.PAGE_NUMBER, mapping.page.page_number),
            (LineKind.PRINT_DATE, mapping.page.print_date),
            (LineKind.SYMBOL, mapping.symbol),
        ]

        # One pass tells most lines (plain text) apart from every kind of furniture.
        self.any = compile_pattern(
            "|".join(f"(?:{pattern.pattern})" for _, pattern in self.patterns)
        )
        self.gap = mapping.page.column_gap
        self.columns = True  # may a line hold columns? (False: no line of the text does)

    def __call__(self, line: Line) -> LineKind:
        text = line.text.strip()
        if line.text == "\f":
            return LineKind.FORM_FEED
        if not text:
            return LineKind.BLANK
        if self.any.fullmatch(text):
            return self.kind_of(text)
        if self.columns and self.gap.search(text):
            # pdftotext -layout keeps a page's footer on one line, in columns: "2/5     25-15779"
            # or "18-17962 (E)     021118". Furniture when every column is.
            found = _footer([piece.text for piece in split_columns(line, self.gap)], self)
            if found is not None:
                return found
        if len(text) <= 40 and " " in text and self.any.search(text):
            # pdftotext -raw joins them with one space: "18-17962 (E) 021118".
            for space in re.finditer(" ", text):
                found = _footer([text[: space.start()], text[space.end() :]], self)
                if found is not None:
                    return found
        return LineKind.TEXT

    def kind_of(self, text: str) -> LineKind:
        for kind, pattern in self.patterns:
            if pattern.fullmatch(text):
                return kind
        return LineKind.TEXT


# Furniture that shares a line with other furniture, strongest sign first.
_FOOTER_ORDER = (
    LineKind.JOB,
    LineKind.BARCODE,
    LineKind.PAGE_NUMBER,
    LineKind.SYMBOL,
    LineKind.PRINT_DATE,
)


def _footer(pieces: list[str], classify: LineClassifier) -> LineKind | None:
    """The strongest kind of furniture among ``pieces`` if every piece is furniture."""
    kinds = {classify.kind_of(piece) for piece in pieces}
    if not kinds <= set(_FOOTER_ORDER):
        return None
    return next(kind for kind in _FOOTER_ORDER if kind in kinds)


def find_furniture(
    lines: list[Line], kinds: list[LineKind], front_end: int, classify: LineClassifier
) -> set[int]:
    """Indices of the lines that are page furniture: by pattern, and the running heads that
    repeat the title area (the lines before ``front_end``, the front matter)."""
    symbol = _document_symbol(lines, kinds, front_end, classify)
    furniture_at = _furniture(lines, kinds, front_end, symbol)
    front_text = _normalise(
        " ".join(
            line.text
            for line, kind in zip(lines[:front_end], kinds, strict=False)
            if kind is LineKind.TEXT
        )
    )
    if front_text:
        _running_heads(lines, kinds, furniture_at, front_end, front_text)
    return furniture_at


def _document_symbol(
    lines: list[Line], kinds: list[LineKind], front_end: int, classify: LineClassifier
) -> str | None:
    """The symbol printed in the masthead, on a line of its own or in a column of one
    ("United Nations      A/RES/76/48"); later lines equal to it are running heads."""
    for line, kind in zip(lines[: max(front_end, 1)], kinds, strict=False):
        if kind is LineKind.SYMBOL:
            return _normalise(line.text)
        if kind is LineKind.TEXT and classify.columns:
            for piece in split_columns(line, classify.gap):
                if classify.kind_of(piece.text) is LineKind.SYMBOL:
                    return _normalise(piece.text)
    counts: dict[str, int] = {}
    for line, kind in zip(lines, kinds, strict=False):
        if kind is LineKind.SYMBOL:
            key = _normalise(line.text)
            counts[key] = counts.get(key, 0) + 1
    repeated = [symbol for symbol, count in counts.items() if count > 1]
    return repeated[0] if len(repeated) == 1 else None


def _furniture(
    lines: list[Line], kinds: list[LineKind], front_end: int, symbol: str | None
) -> set[int]:
    """Indices of lines that are page furniture for certain: numbers, codes, running symbols."""
    found: set[int] = set()
    for index, kind in enumerate(kinds):
        if kind in (LineKind.JOB, LineKind.BARCODE, LineKind.PAGE_NUMBER) or (
            kind is LineKind.SYMBOL
            and index >= front_end
            and symbol is not None
            and _normalise(lines[index].text) == symbol
        ):
            found.add(index)
        elif kind is LineKind.SYMBOL and index >= front_end and symbol is not None:
            second = _split_symbol(lines, index, symbol)
            if second is not None:
                found.update((index, second))
    # A six-digit print date is furniture only next to other furniture (a bar code, usually).
    for index, kind in enumerate(kinds):
        if kind is LineKind.PRINT_DATE and any(j in found for j in _neighbours(kinds, index, 3)):
            found.add(index)
    return found


def _split_symbol(lines: list[Line], index: int, symbol: str) -> int | None:
    """A running head whose symbol the page printed on two lines ("S/RES/2521" / "(2020)"):
    the index of the second line, if the line at ``index`` and the next one that is not blank
    make the document's symbol."""
    head = _normalise(lines[index].text)
    if head == symbol or not symbol.startswith(head + " "):
        return None
    for after in range(index + 1, min(index + 3, len(lines))):
        text = _normalise(lines[after].text)
        if text:
            return after if f"{head} {text}" == symbol else None
    return None


def _neighbours(kinds: list[LineKind], index: int, reach: int) -> list[int]:
    """Indices of the ``reach`` nearest non-blank lines on either side of ``index``."""
    result: list[int] = []
    for step in (-1, 1):
        j, seen = index + step, 0
        while 0 <= j < len(kinds) and seen < reach:
            if kinds[j] is not LineKind.BLANK:
                result.append(j)
                seen += 1
            j += step
    return result


def _running_heads(
    lines: list[Line],
    kinds: list[LineKind],
    furniture_at: set[int],
    front_end: int,
    front_text: str,
) -> None:
    """Mark running heads: runs of text lines touching furniture that repeat the title area."""
    changed = True
    while changed:
        changed = False
        for index in sorted(furniture_at):
            for step in (-1, 1):
                run: list[int] = []
                j = index + step
                while (
                    front_end <= j < len(lines)
                    and kinds[j] is LineKind.TEXT
                    and j not in furniture_at
                    and len(run) < 3
                ):
                    run.append(j)
                    j += step
                # The longest run first: a two-line running title is one head, not two.
                for size in range(len(run), 0, -1):
                    part = sorted(run[:size])
                    text = _normalise(" ".join(lines[k].text for k in part))
                    if len(text) >= 10 and text in front_text:
                        furniture_at.update(part)
                        changed = True
                        break
