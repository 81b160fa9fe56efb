"""What a PDF's page says is italic, carried from its lines into each block's clean text.

The PDF reader gives every line the italic runs of its text (``PdfLine.italics``: offsets in
the line as the page wrote it). Cleaning a block's lines into one text moves offsets (the
number cut off, superscripts glued, lines joined, split words rejoined), so each run is
found again in the clean text by what it says, at the occurrence nearest to where the
line's start in the text puts it. Runs that the joins made adjacent (a phrase wrapped over
two lines: "Taking note" / "with appreciation") become one.

A preambular paragraph's opening phrase (the name of its container) is the run that opens
it, as printed (without a comma the page set in italics too): the mapping's lists may know
only its first words ("Cognizant" of "Cognizant also").

A block's ``italics`` is None when the input says nothing about typography (a text), and a
tuple (maybe empty) of (offset, text) runs when it does: the page is then the evidence of
what is italic, and the mapping's phrase lists are not needed (``akn.converter.marks.phrases``).
A run is kept with its text, not only its offset, because the note pass cuts markers out of
the text later: the run is found again where it moved.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from akn.converter.blocks import Block, Kind
from akn.converter.source import SUP_CLOSE, SUP_OPEN, Line

Run = tuple[int, str]
"""An italic run of a block's text: where it starts, and its text."""

_CLOSING = " ,;:،؛"  # what a printed phrase may end with that its name leaves out
_REACH = 40  # how far (in characters) cleaning may move a run from where its line puts it


def shows_italics(lines: Sequence[Line]) -> bool:
    """Does the input say what is italic? A PDF whose pages print some italic text does,
    and so does one that sets some words of a line in bold and none in italics (the UN's
    Chinese opens its paragraphs with a bold phrase: nothing is italic there); a text, or a
    PDF set in fonts that never say italic, does not (the mapping decides)."""
    return any(getattr(line, "italics", None) or getattr(line, "bold_run", False) for line in lines)


def carry_italics(blocks: Sequence[Block], lines: Sequence[Line]) -> None:
    """Give every block with text its italic runs (``Block.italics``) from the PDF lines
    ``lines`` it was made of; nothing when the input shows no italics (a text)."""
    if not shows_italics(lines):
        return
    originals = originals_of(lines)
    for block in blocks:
        if block.kind is Kind.MASTHEAD or not block.text:
            block.italics = ()
            continue
        block.italics = runs_of(block.text, block.starts, block.lines, originals)
        if block.kind is Kind.RECITAL and block.italics and block.italics[0][0] == 0:
            block.phrase = block.italics[0][1].rstrip(_CLOSING) or block.phrase


def originals_of(lines: Sequence[Line]) -> dict[int, Line]:
    """The PDF's lines by their number: what the lines cut and glued later were made of."""
    return {line.number: line for line in lines if hasattr(line, "italics")}


def runs_of(
    text: str, starts: Sequence[int], lines: Sequence[Line], originals: dict[int, Line]
) -> tuple[Run, ...]:
    """The italic runs of ``text``, the clean text of ``lines`` (``starts``: where each of
    them starts in it), as the PDF lines ``originals`` printed them."""
    found: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        original = originals.get(line.number)
        runs = getattr(original, "italics", ())
        if original is None or not runs or index >= len(starts):
            continue
        shift = _shift(original, line)
        lead = len(line.text) - len(line.text.lstrip())
        for start, end in runs:
            start, end = max(0, start - shift), min(len(line.text), end - shift)
            piece = line.text[start:end].strip()
            if start >= end or not piece:
                continue
            where = nearest(text, piece, starts[index] + start - lead)
            if where is not None:
                found.append(where)
    return tuple(_merged(text, sorted(found)))


def _shift(original: Line, line: Line) -> int:
    """Where ``line``'s text starts in the PDF line it was cut from (a number cut off moves
    its column; the text path keeps columns)."""
    shift = line.column - original.column
    if original.text[shift : shift + len(line.text)] == line.text:
        return shift
    found = original.text.find(line.text.strip()[:20])
    return found if found >= 0 else shift


def nearest(text: str, piece: str, near: int) -> tuple[int, int] | None:
    """Where ``piece`` stands in ``text``, at the occurrence nearest to ``near`` (within
    reach), or None. Spaces may differ: the text's typography puts a no-break space before
    French punctuation ("2020 : la"), or none where the line had one."""
    best = None
    window = text[max(0, near - _REACH) : near + _REACH + len(piece) * 2]
    offset = max(0, near - _REACH)
    for match in _pattern(piece).finditer(window):
        at = offset + match.start()
        if at > near + _REACH:
            break
        if best is None or abs(at - near) < abs(best[0] - near):
            best = (at, offset + match.end())
    return best


@functools.lru_cache(maxsize=4096)
def _pattern(piece: str) -> re.Pattern[str]:
    """``piece`` as a pattern that lets any space come or go between its characters."""
    return re.compile(r"\s*".join(re.escape(char) for char in piece if not char.isspace()))


def _merged(text: str, spans: list[tuple[int, int]]) -> list[Run]:
    """Runs with only spaces between them are one ("Taking note" + "with appreciation"), and
    so are runs parted by a superscript that is no note marker ("Supplément n" ᵒ " 23": the
    page sets it upright, the UN's span holds it); runs that overlap (found twice) are one."""
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or _joins(text[merged[-1][1] : start])):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, text[start:end]) for start, end in merged]


_SUPERSCRIPT = re.compile(
    re.escape(SUP_OPEN) + "[^" + re.escape(SUP_CLOSE) + "]*" + re.escape(SUP_CLOSE)
)


def _joins(gap: str) -> bool:
    return not _SUPERSCRIPT.sub("", gap).strip()
