"""Logical order for the left-to-right pieces pdftotext writes inside right-to-left lines.

poppler's ``pdftotext`` (default and ``-layout``) rebuilds an Arabic line from the glyphs as
they stand on the page, left to right: it wraps the line in RLE … PDF, writes the Arabic
letters reversed (so in reading order), and wraps each piece that starts at a left-to-right
character (a Latin letter or a digit) and runs leftwards up to the next Arabic letter in
LRE … PDF, *as it stands on the page* (poppler's ``reorderText``). Inside an Arabic line
that piece is not in reading order: the weak and neutral characters in it (spaces, hyphens,
brackets, commas, the dash of a paragraph label) stood where the bidi algorithm put them, on
the right-to-left side of the digits. The UN's paragraph label "6 -" comes out as " - 6",
"1514 (د-15)" as "( 1514" "د" " )15-", and "2019(3)،" as "،)3( 2019".

This module undoes that layout for one piece at a time with the bidi algorithm's own
rules, read backwards: within the piece, runs of Latin letters (with the spaces and
punctuation between two of them, and the digits that follow a Latin letter, "A/75/418",
"Rev.1") and runs of digits (with a single separator between two digits, "2018/18", "1.5",
and the signs that belong to a number, "%") keep their order; every other character is one
step of a right-to-left run, so the order of these runs and characters is reversed. Nothing
is changed but order inside the piece: the characters are the same ones, and no word is
touched. A line with no Arabic letter outside its pieces (a Latin masthead line such as
"21 December 2020", which pdftotext also wraps) is left as it is: nothing shows it was laid
out right to left.
"""

from __future__ import annotations

import re
import unicodedata

RLE = "\u202b"
LRE = "\u202a"
POP = "\u202c"

# One LRE … PDF piece (pdftotext never nests them inside a line's RLE … PDF).
_PIECE = re.compile(LRE + "([^" + LRE + RLE + POP + "]*)" + POP)


def _kind(char: str) -> str:
    """L (a left-to-right letter), D (a digit), R (a right-to-left letter) or N (the rest)."""
    bidi = unicodedata.bidirectional(char)
    if bidi == "L":
        return "L"
    if bidi in ("EN", "AN"):
        return "D"
    if bidi in ("R", "AL"):
        return "R"
    return "N"


def reading_order(piece: str) -> str:
    """The characters of one left-to-right piece of a right-to-left line, as they stood on
    the page, in reading order (see the module's comment). Only the order changes."""
    kinds = [_kind(char) for char in piece]
    if "R" in kinds:  # not a piece pdftotext writes: leave it
        return piece
    size = len(piece)
    # A single separator between two digits, and a number's own signs, are the number's.
    for i in range(1, size - 1):
        bidi = unicodedata.bidirectional(piece[i])
        if kinds[i] == "N" and bidi in ("CS", "ES") and kinds[i - 1] == kinds[i + 1] == "D":
            kinds[i] = "D"
    changed = True
    while changed:
        changed = False
        for i in range(size):
            beside = (i > 0 and kinds[i - 1] == "D") or (i + 1 < size and kinds[i + 1] == "D")
            if kinds[i] == "N" and unicodedata.bidirectional(piece[i]) == "ET" and beside:
                kinds[i] = "D"
                changed = True
    # Digits joined to a Latin letter before them ("A/75/418", "Rev.1": no space or bracket
    # between) are Latin.
    strong = ""
    for i in range(size):
        if kinds[i] == "L":
            strong = "L"
        elif kinds[i] == "D" and strong == "L":
            kinds[i] = "L"
        elif kinds[i] == "N" and unicodedata.bidirectional(piece[i]) not in ("CS", "ES"):
            strong = ""
    # Neutrals between two Latin characters are Latin.
    i = 0
    while i < size:
        if kinds[i] != "N":
            i += 1
            continue
        end = i
        while end < size and kinds[end] == "N":
            end += 1
        if i > 0 and end < size and kinds[i - 1] == "L" and kinds[end] == "L":
            for j in range(i, end):
                kinds[j] = "L"
        i = end
    runs: list[str] = []
    i = 0
    while i < size:
        end = i + 1
        if kinds[i] != "N":
            while end < size and kinds[end] == kinds[i]:
                end += 1
        runs.append(piece[i:end])
        i = end
    ordered = "".join(reversed(runs))
    assert sorted(ordered) == sorted(piece)  # order only, never a character
    return ordered


def repair_line(line: str) -> tuple[str, int]:
    """``line`` with each LRE … PDF piece of a right-to-left line (RLE … PDF, with an Arabic
    letter outside its pieces) in reading order, and how many pieces changed. The marks
    stay: removing them is the normalisation's work."""
    if RLE not in line or LRE not in line:
        return line, 0
    outside = _PIECE.sub("", line)
    if not any(_kind(char) == "R" for char in outside):
        return line, 0
    count = 0

    def reorder(match: re.Match[str]) -> str:
        nonlocal count
        ordered = reading_order(match.group(1))
        if ordered != match.group(1):
            count += 1
        return LRE + ordered + POP

    return _PIECE.sub(reorder, line), count
