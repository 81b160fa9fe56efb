"""The numbers of paragraphs, points and sections as the UN writes them: digits, letters,
roman numerals, number words."""

from __future__ import annotations

import unicodedata
from functools import cache

from akn.mapping import Mapping
from akn.mapping.sections import Numbering


def roman_to_int(text: str) -> int | None:
    """The value of a roman numeral written the canonical way ("iv", not "iiii"), or None."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    text = text.lower()
    if not text or any(ch not in values for ch in text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = values[ch]
        if index + 1 < len(text) and values[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total) == text else None


def sub_point_value(label: str, mapping: Mapping) -> int | None:
    """The value of a sub-point's label: a roman numeral ("iv"), digits (the Arabic "’1‘"),
    the language's number words (the Chinese "(十一)"), or one character Unicode gives a
    number, as the Chinese "㈠" (parenthesised ideograph one) that numbers sub-points where
    other languages write "(i)"."""
    if len(label) == 1 and not label.isascii():
        value = unicodedata.numeric(label, None)
        if value is not None and value == int(value) and value > 0:
            return int(value)
    return section_number(label, mapping)


def int_to_roman(number: int) -> str:
    """``number`` as a lower-case roman numeral."""
    table = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for value, letters in table:
        while number >= value:
            out += letters
            number -= value
    return out


def section_number(label: str, mapping: Mapping) -> int | None:
    """The number of a section label: "IV", "4", "أولا" (first), "一" (one)."""
    label = label.strip(" .-")
    if label.isdigit():
        return int(label)
    value = roman_to_int(label)
    if value is not None:
        return value
    from akn.converter.dates import parse_number_words

    return parse_number_words(label, mapping)


def letter_index(label: str, numbering: Numbering) -> int | None:
    """The position of a point's letter: a=1 … z=26, aa=27, bb=28 … (doubled after the last).

    The letters are the language's sequence (``numbering.letters``); a letter typed as its
    look-alike of another script is read as the letter it stands for (``homoglyphs``:
    Cyrillic "а)" for "a)"), and characters that only stretch a label (``label_fillers``: the
    Arabic tatweel) are ignored.
    """
    label = label.translate(_fillers(numbering.label_fillers)).translate(numbering.homoglyph_table)
    letters = _letters(numbering.letters, numbering.label_fillers)
    if label in letters:
        return letters.index(label) + 1
    first = next((letter for letter in letters if label.startswith(letter)), None)
    if first and label == first * (len(label) // len(first)) and len(label) > len(first):
        return len(letters) * (len(label) // len(first) - 1) + letters.index(first) + 1
    return None


@cache
def _fillers(fillers: str) -> dict[int, int | None]:
    return str.maketrans("", "", fillers + " ")


@cache
def _letters(letters: tuple[str, ...], fillers: str) -> tuple[str, ...]:
    return tuple(letter.translate(_fillers(fillers)) for letter in letters)


def is_number_label(text: str, numbering: Numbering) -> bool:
    """Is ``text`` only a paragraph or point number ("1.", "(a)", "(iv)")?"""
    text = text.strip()
    return any(
        pattern.fullmatch(text)
        for pattern in (numbering.operative, numbering.point, numbering.subpoint)
    )
