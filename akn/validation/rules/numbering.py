"""Numbering runs without gaps, repeats or disorder (1, 2, 3...; a, b, c...; i, ii, iii...).

Sibling elements of one kind with a ``num`` (operative paragraphs, the points of a list)
and the numeric markers of notes must count up by one. A gap usually means a paragraph was
lost in conversion or merged into its neighbour; a repeat, that one was split. Numbers are
read in the styles resolutions use: arabic numerals, latin letters, roman numerals, and the
Arabic (أ، ب، ج) and Cyrillic (а, б, в) letter sequences. A sequence may start at 1 or go on
from the previous group of the same kind (paragraphs numbered through sections); numbers in
different styles are separate sequences (an annex's "I." heading between "2." and "3.").
Numbers that are not a plain counter ("1 bis", "*") are not checked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from akn.diagnostics import Severity
from akn.validation.document import AKN_PREFIX, DOCUMENT_TYPES, Document, Hit, local
from akn.validation.rules import Rule

if TYPE_CHECKING:
    from lxml import etree

Reading = tuple[str, int]
"""(style, ordinal): one way of reading a number ("letter-lower", 3 for "c")."""
Candidate = tuple["etree._Element", str, list[Reading]]
"""(numbered element, its number as written, every reading of it)."""
Numbered = tuple["etree._Element", str, str, int]
"""(numbered element, its number as written, the style chosen, the ordinal in that style)."""

ARABIC_LETTERS = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = re.compile(r"^(m{0,3})(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_EDGES = "()[]{}.:;,·–—-_ \t\u00a0\u3001\u060c\u0640"


def _roman(token: str) -> int | None:
    lower = token.lower()
    if not lower or not _ROMAN.match(lower):
        return None
    total = 0
    for index, char in enumerate(lower):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[lower[index + 1]] if index + 1 < len(lower) else 0
        total += -value if value < following else value
    return total


def _letters(token: str) -> int | None:
    """a=1 ... z=26, aa=27 (the doubling some texts use after z)."""
    lower = token.lower()
    if lower.isascii() and lower.isalpha() and len(set(lower)) == 1 and len(lower) <= 3:
        return (ord(lower[0]) - 96) + 26 * (len(lower) - 1)
    return None


def readings(text: str) -> list[Reading]:
    """The (style, ordinal) pairs a ``num`` can be read as; several for "i", "c", "v"..."""
    token = " ".join(text.split()).strip(_EDGES).replace("\u0640", "")
    if not token:
        return []
    if token.isdecimal():
        return [("arabic", int(token))]
    found: list[Reading] = []
    case = "upper" if token.isupper() else "lower"
    letter = _letters(token)
    if letter is not None:
        found.append((f"letter-{case}", letter))
    roman = _roman(token)
    if roman is not None and (token.islower() or token.isupper()):
        found.append((f"roman-{case}", roman))
    if len(token) == 1 and token in ARABIC_LETTERS:
        found.append(("abjad", ARABIC_LETTERS.index(token) + 1))
    if len(token) == 1 and token.lower() in CYRILLIC_LETTERS:
        found.append(("cyrillic", CYRILLIC_LETTERS.index(token.lower()) + 1))
    return found


_readings = lru_cache(maxsize=4096)(readings)
"""readings, remembered for the process (the same few numbers recur in every file); the lists
it returns are shared, so they are only read, never changed."""


def _resolve(items: list[Candidate]) -> list[Numbered]:
    """Choose one reading per item: letters or roman numerals, whichever runs more smoothly."""
    chosen: list[str] = []
    for family in ("lower", "upper"):
        ambiguous = [
            item
            for item in items
            if {s for s, _ in item[2]} >= {f"letter-{family}", f"roman-{family}"}
        ]
        if not ambiguous:
            continue
        alphabetic = [item for item in items if any(s.endswith(family) for s, _ in item[2])]
        all_roman = all(any(s == f"roman-{family}" for s, _ in i[2]) for i in alphabetic)
        prefer = f"letter-{family}"
        if all_roman:
            as_roman = [dict(i[2])[f"roman-{family}"] for i in alphabetic]
            as_letters = [dict(i[2]).get(f"letter-{family}", 0) for i in alphabetic]
            if _roughness(as_roman) < _roughness(as_letters):
                prefer = f"roman-{family}"
        chosen.append(prefer)
    result: list[Numbered] = []
    for element, written, options in items:
        styles = dict(options)
        pick = next((s for s in chosen if s in styles), None) or options[0][0]
        if pick not in styles:
            pick = options[0][0]
        result.append((element, written, pick, styles[pick]))
    return result


def _roughness(values: list[int]) -> int:
    return sum(1 for a, b in itertools.pairwise(values) if b != a + 1) + (
        0 if values and values[0] == 1 else 1
    )


def check(document: Document) -> Iterator[Hit]:
    num_tag, note_tag = AKN_PREFIX + "num", AKN_PREFIX + "authorialNote"
    for part in document.parts:
        last: dict[tuple[str, str], int] = {}
        groups: dict[tuple[etree._Element | None, str], list[Candidate]] = {}
        order: list[tuple[etree._Element | None, str]] = []
        single = len(document.parts) == 1
        indexed = document.descendants(part, "num") if single else None
        nums: Iterable[etree._Element]
        if indexed is not None:
            nums = indexed
        else:
            nums = part.iter(num_tag) if single else _own_nums(part, num_tag)
        for num in nums:
            parent = num.getparent()
            assert parent is not None  # a num found below ``part`` is never the root
            grandparent = parent.getparent()
            written = "".join(num.itertext())
            options = _readings(written)
            if not options:
                continue
            key = (grandparent, local(parent))
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append((parent, written.strip(), options))
        for key in order:
            items = _resolve(groups[key])
            yield from _mixed_alphabets(items)
            yield from _check_group(items, last)
        notes = document.descendants(part, "authorialNote") if single else None
        yield from _check_markers(notes if notes is not None else part.iter(note_tag))


_ALPHABET = {"cyrillic": "Cyrillic", "letter-lower": "Latin", "letter-upper": "Latin"}


def _mixed_alphabets(items: list[Numbered]) -> Iterator[Hit]:
    """Latin letters among Cyrillic ones (or the reverse): a typing slip, reported as such.

    The stray item is then counted as the next letter of the majority alphabet, so that
    the slip is not reported a second time as a gap.
    """
    counts: dict[str, int] = {}
    for _, _, style, _ in items:
        if style in _ALPHABET:
            counts[_ALPHABET[style]] = counts.get(_ALPHABET[style], 0) + 1
    if len(counts) < 2:
        return
    first = next(_ALPHABET[style] for _, _, style, _ in items if style in _ALPHABET)
    major = max(counts, key=lambda alphabet: (counts[alphabet], alphabet == first))
    major_style = next(s for _, _, s, _ in items if _ALPHABET.get(s) == major)
    previous = 0
    for index, (element, written, style, ordinal) in enumerate(items):
        if style not in _ALPHABET:
            continue
        if _ALPHABET[style] == major:
            previous = ordinal
            continue
        yield Hit(
            element,
            f"<{local(element)}> number {written!r} is written in the "
            f"{_ALPHABET[style]} alphabet, the numbers around it in the {major} one",
            group=(local(element), "alphabet"),
        )
        previous += 1
        items[index] = (element, written, major_style, previous)


def _own_nums(part: etree._Element, num_tag: str) -> Iterator[etree._Element]:
    """The num elements of ``part``, not of documents nested in it."""
    for num in part.iter(num_tag):
        ancestor = num.getparent()
        nested = False
        while ancestor is not None and ancestor is not part:
            if local(ancestor) in DOCUMENT_TYPES:
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            yield num


def _check_group(items: list[Numbered], last: dict[tuple[str, str], int]) -> Iterator[Hit]:
    previous: dict[str, tuple[int, str]] = {}
    for element, written, style, ordinal in items:
        name = local(element)
        before = previous.get(style)
        if before is None:
            carried = last.get((name, style))
            if ordinal != 1 and (carried is None or ordinal != carried + 1):
                expected = "1" if carried is None else f"1 or {carried + 1}"
                yield Hit(
                    element,
                    f"<{name}> numbering starts at {written!r}: expected {expected}",
                    group=(name, "start"),
                )
        else:
            ordinal_before, written_before = before
            if ordinal == ordinal_before:
                yield Hit(
                    element,
                    f"<{name}> number {written!r} repeats the one before it",
                    group=(name, "repeat"),
                )
            elif ordinal > ordinal_before + 1:
                missing = ordinal - ordinal_before - 1
                yield Hit(
                    element,
                    f"<{name}> number {written!r} follows {written_before!r}: "
                    f"{missing} number{'s' if missing > 1 else ''} missing",
                    group=(name, "gap"),
                )
            elif ordinal < ordinal_before:
                yield Hit(
                    element,
                    f"<{name}> number {written!r} comes after {written_before!r}",
                    group=(name, "order"),
                )
        previous[style] = (ordinal, written)
        last[(name, style)] = ordinal


def _check_markers(notes: Iterable[etree._Element]) -> Iterator[Hit]:
    before: int | None = None
    for note in notes:
        marker = (note.get("marker") or "").strip()
        if not marker.isdecimal():
            continue
        value = int(marker)
        if before is not None and value != before + 1 and value != 1:
            problem = "repeats the one before it" if value == before else f"follows {before}"
            yield Hit(
                note,
                f"authorialNote marker {marker!r} {problem}",
                attribute="marker",
                group=("authorialNote", "marker"),
            )
        before = value


RULE = Rule("AKN110", "numbering", Severity.WARNING, __doc__, check)
