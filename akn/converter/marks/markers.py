"""Where a footnote's marker may stand in a text, and how sure that is.

The candidates for note k in a block: glued to a word ("activities3"), to a year ("19671" is
1967 and note 1), after punctuation ("session, 1"), in brackets, or alone between words when
the word before does not count things ("paragraph 2") — each classified strong or weak; and,
as a last resort, glued to a number, a code, a counted word or the word after it
("Agreement4and"). What the whole document writes settles some: the words it writes alone,
the numbers it writes after the same characters ("下午1时", "下午5时": hours counted).
``ordered_search.py`` and ``pairing.py`` choose among them with the order of the notes;
``repeats.py`` finds later references to a placed note.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from akn.converter.blocks import Kind
from akn.mapping import Mapping
from akn.mapping.programs import compile_pattern
from akn.mapping.sections import Script

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_DIGIT_RUN = re.compile(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+")
SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")
# How far around a candidate marker the words that decide it are looked for: a window, so that
# a block of any length costs the same per candidate (no copy of all the text before it).
WINDOW = 240


def window_before(text: str, start: int) -> str:
    return text[max(0, start - WINDOW) : start]


DIGITS = re.compile(r"\d+")  # any script's digits: a marker is written as its text writes numbers
SEARCHED = {
    Kind.TITLE,  # (and the letter of a resolution adopted in parts: "B1")
    Kind.RECITAL,
    Kind.PARAGRAPH,
    Kind.POINT,
    Kind.WRAP_UP,
    Kind.HEADING,
    Kind.TEXT,
    Kind.MASTHEAD,
    Kind.FORMULA,
    Kind.CELL,
}
# Masthead lines written with their inline content (a sponsor's "*" marker can stand there).
MASTHEAD_WITH_NOTES = {"draft", "committee"}


class PlacedLine(Protocol):
    """Where a line of a unit's text stands: its line number and its page."""

    @property
    def number(self) -> int: ...

    @property
    def page(self) -> int: ...


class TextUnit(Protocol):
    """What the note search reads of a unit of text (a recognised block or a tree node), and
    changes: the text loses each marker found in it."""

    kind: Kind
    role: str | None
    text: str
    starts: list[int]

    @property
    def lines(self) -> Sequence[PlacedLine]: ...


def line_at(unit: TextUnit, offset: int) -> PlacedLine:
    """The input line that holds ``offset`` of ``unit.text`` (approximately, after cleaning)."""
    chosen = unit.lines[0]
    for start, line in zip(unit.starts, unit.lines, strict=False):
        if start <= offset:
            chosen = line
        else:
            break
    return chosen


@dataclass
class Placement:
    """Note ``note`` (index into the note list) stands at ``offset`` of block ``block``."""

    block: int
    offset: int
    note: int
    repeat: bool = False


@dataclass
class Candidate:
    start: int  # where the marker's characters start
    end: int  # where they end
    insert: int  # where the note goes once they are removed
    strong: bool  # glued to a word or punctuation, or a year-glued number


def marker_candidates(text: str, marker: str, mapping: Mapping, repeat: bool) -> list[Candidate]:
    opening, closing = mapping.notes.brackets
    if opening or closing:
        return _bracketed(text, f"{opening}{marker}{closing}")
    if marker not in text and not (
        SUPERSCRIPT.search(text) and marker in text.translate(SUPERSCRIPT_DIGITS)
    ):
        return []
    if not marker.isdigit():
        return [
            Candidate(m.start(), m.end(), m.start(), True)
            for m in re.finditer(
                rf"(?<=[\w.,;){re.escape(mapping.typography.closing_marks)}]){re.escape(marker)}(?!\*)",
                text,
            )
        ]
    found: list[Candidate] = []
    for run in _DIGIT_RUN.finditer(text):
        digits = run.group(0)
        plain = digits.translate(SUPERSCRIPT_DIGITS)
        if not plain.endswith(marker):
            continue
        if digits != plain:  # superscript digits are markers for certain, even after a year
            raised = len(digits) - len(digits.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹"))
            if raised and digits[-raised:].translate(SUPERSCRIPT_DIGITS) == marker:
                start = run.end() - raised
                found.append(Candidate(start, run.end(), start, True))
            continue
        if len(plain) > len(marker):
            year = plain[: -len(marker)]
            if _is_year(year) and (
                not _inside_code(text, run.start(), mapping.script)
                or after_year_range(text, run.start())
            ):
                start = run.end() - len(marker)
                found.append(Candidate(start, run.end(), start, True))
            continue
        candidate = _classify(text, run.start(), run.end(), mapping, repeat)
        if candidate is not None:
            found.append(candidate)
    return found


_THOUSANDS = re.compile(r" ?\d{3}(?!\d)")


def after_year_range(text: str, start: int) -> bool:
    """ "2022-203112": the second year of a range, then a marker."""
    return bool(_YEAR_RANGE_START.search(window_before(text, start)))


# The first year of a range and its dash: a hyphen, a non-breaking one (U+2011, the UN's
# "2015‑2030"), a hyphen proper (U+2010) or an en dash.
_YEAR_RANGE_START = re.compile(r"(?<![\w/.\-])\d{4}[-\u2010\u2011–]$")


def _bracketed(text: str, written: str) -> list[Candidate]:
    """Markers written between brackets ("(1)" in Arabic): glued to what precedes them."""
    found = []
    start = text.find(written)
    while start >= 0:
        end = start + len(written)
        before = text[start - 1] if start else ""
        window = window_before(text, start)
        token = window.rsplit(None, 1)[-1] if window.strip() else ""
        if (
            token.isascii()
            and token[-1:].isalnum()
            and any(c.isdigit() for c in token)
            and any(c.isalpha() for c in token)
        ):
            pass  # "SSA2(5)": a code with its own brackets, not a marker ("(youth4Disarmament((4)"
            # is a name in brackets, then the marker)
        elif before and not before.isspace():
            found.append(Candidate(start, end, start, True))
        elif before and text[start - 2 : start - 1].strip():
            found.append(Candidate(start, end, start - 1, False))
        start = text.find(written, end)
    return found


def _token_before(text: str, start: int, script: Script) -> str:
    """The word that ends at ``start``: back to a space, or to a CJK character (a language
    written without spaces has no words to go back to). Within the window, read by one
    regular expression: a text with no space ("A/RES/19671" ten thousand times) would
    otherwise be walked back character by character, once per candidate."""
    window = window_before(text, start)[::-1]
    stop = _word_boundary(script.wide.pattern).search(window)
    return window[: stop.start() if stop else len(window)][::-1]


@functools.lru_cache(maxsize=8)
def _word_boundary(wide: str) -> re.Pattern[str]:
    """What ends a word: a space, or a character of the script's wide class (if any)."""
    return compile_pattern(rf"\s|{wide}" if wide else r"\s")


def _inside_code(text: str, start: int, script: Script) -> bool:
    """Digits that are part of a symbol or code: A/RES/70/1, COVID-19, 1/CP.21, UNISPACE+50."""
    token = _token_before(text, start, script)
    return any(ch in token for ch in "/+=#") or token.endswith(("-", ".", "\u2011"))


def _is_year(digits: str) -> bool:
    """Four digits of a year a resolution cites (1900-2099)."""
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _year_before(text: str, end: int) -> bool:
    """Do the four characters before ``end`` write a year, and no digit before them?"""
    return _is_year(text[max(end - 4, 0) : end]) and not (end > 4 and text[end - 5].isdigit())


def _classify(text: str, start: int, end: int, mapping: Mapping, repeat: bool) -> Candidate | None:
    following = text[end : end + 1]
    cjk_after = mapping.script.is_ideograph(following) and not mapping.typography.spaced
    if following and ((following.isalnum() and not cjk_after) or following in "/%°"):
        return None
    if not mapping.typography.spaced and (
        _counted_before(text, start, mapping)
        or any(text.startswith(word, end) for word in mapping.markers.quantity_words)
        or _THOUSANDS.match(text, end)  # "6 500亿": thousands apart
    ):
        return None  # "目标4", "2020年4月2日": a number counted, or a quantity
    if following in (",", ".") and text[end + 1 : end + 2].isdigit():
        return None  # 1,000 or 1.5
    at = _visible_end(text, start)  # "pornografía\u200e2": an invisible mark before it
    before = text[at - 1] if at else ""
    if not before:
        return None
    if before.isalpha():
        if _inside_code(text, at, mapping.script) or _all_caps_code(text, at, mapping.script):
            return None
        return Candidate(start, end, start, True)
    if before in ",;:).，、》）；：。،؛" or before in mapping.typography.closing_marks:
        prior = text[at - 2] if at >= 2 else ""
        if before == mapping.typography.decimal_separator and _number_before(text, at - 1):
            return None
        if before == "." and (prior.isdigit() or _inside_code(text, at - 1, mapping.script)):
            return None
        if repeat and prior.isdigit():
            # "of 12 August 1949,2 continue": after a year and its comma, a repeat only where
            # the words echo the note's place (weak); after other digits, "1,2" is a list
            return Candidate(start, end, start, False) if _year_before(text, at - 1) else None
        if before in "、和" and prior.isdigit():
            return None  # "第1、2和3段": a list of numbers
        return Candidate(start, end, start, True)
    if before.isspace() and at == start:
        words_before = window_before(text, start).rsplit(None, 1)
        if not words_before:
            return None
        previous = words_before[-1]
        if _counts(previous, mapping) or (repeat and previous[-1:].isdigit()):
            return None
        following_words = text[end : end + WINDOW].split(None, 3)
        nxt = following_words[0] if following_words else ""
        bare = nxt.rstrip(",.;:").casefold()
        if bare in mapping.dates.months or nxt.rstrip(",.;:") in mapping.markers.quantity_words:
            return None
        if (
            bare in mapping.citations.date_words
            and len(following_words) > 1
            and following_words[1].rstrip(",.;:").casefold() in mapping.dates.months
        ):
            return None  # "el viernes 3 de junio": the day of a date without its year
        if mapping.dates.pattern.match(text, start):
            return None  # "4 de febrero de 2021": the day of a date the language writes
        if any(any(ch.isdigit() for ch in word) for word in following_words[:3]):
            return None  # "1 out of 11", "3 and 4 December": a quantity or a range
        if nxt[:1].isupper() and not previous.endswith((",", ";")):
            return None
        if repeat and not (previous.endswith(",") or nxt[:1].islower() or not nxt):
            return None
        return Candidate(start, end, start - 1, False)
    return None


def _visible_end(text: str, start: int) -> int:
    """Where the visible text before ``start`` ends: before the format characters (a
    left-to-right mark, a zero-width space) that stand between a word and its marker."""
    while start and unicodedata.category(text[start - 1]) == "Cf":
        start -= 1
    return start


def _number_before(text: str, end: int) -> bool:
    """Do digits that start a word end at ``end`` ("1,5": a decimal number)? Digits glued to
    a word ("Council1,2": a stray superscript, then the marker) are not a number's."""
    begin = end
    while begin > 0 and text[begin - 1].isdigit():
        begin -= 1
    return begin < end and not (begin and text[begin - 1].isalpha())


def _counted_before(text: str, start: int, mapping: Mapping) -> bool:
    """In a language written without spaces: does a counting word end just before ``start``?"""
    before = text[max(0, start - 8) : start]
    return any(before.endswith(word) for word in mapping.markers.counting_words)


def _counts(word: str, mapping: Mapping) -> bool:
    """Is ``word`` one after which a number counts something ("paragraph 2", "l’article 4")?"""
    counting = mapping.markers.counting_words
    if word in counting:
        return True
    lowered = word.casefold()
    for elision in mapping.words.elisions:
        if lowered.startswith(elision) and word[len(elision) :] in counting:
            return True
    return False


def number_glued_markers(text: str, marker: str) -> list[Candidate]:
    """Last resort: a marker glued to a number that is not a year ("Agenda 216" is 21 + 6),
    nor the end of a range ("(2008–2017)" is not 20 and note 17)."""
    found = []
    for run in re.finditer(r"(?<![\d/.,\-\u2010\u2011–])\d+(?![\d/])", text):
        digits = run.group(0)
        if len(digits) > len(marker) and digits.endswith(marker) and digits[0] != "0":
            following = text[run.end() : run.end() + 1]
            if not following or following in " ,;:.)":
                start = run.end() - len(marker)
                found.append(Candidate(start, run.end(), start, False))
    return found


def code_glued_markers(text: str, marker: str) -> list[Candidate]:
    """Last resort: the marker glued to a symbol, a code or a number that ends like one
    ("HIV/AIDS7", "resolution 59/3009", "1/CP.2731", "Protocol I4"). Only looked for where
    the order of the notes leaves no other place for it."""
    found = []
    for run in re.finditer(rf"(?<=[\w.)]){re.escape(marker)}(?!\d)", text):
        following = text[run.end() : run.end() + 1]
        if following.isalpha() or following in "/%°":
            continue
        found.append(Candidate(run.start(), run.end(), run.start(), False))
    return found


def word_glued_markers(
    text: str, marker: str, mapping: Mapping, words: Counter[str]
) -> list[Candidate]:
    """Last resort: the marker glued to the word after it ("Agreement4and", "2011 4and",
    ", 8including": the text had its space before the note, not after). Only in a language
    written with spaces, before a lower-case word that the document writes on its own
    elsewhere (``words``: "and" is one, the "th" of "4th" is not)."""
    if not mapping.typography.spaced:
        return []
    found = []
    for run in re.finditer(rf"(?<![\d/.\-]){re.escape(marker)}(?=[^\W\d_])", text):
        word = _LETTERS.match(text, run.end())
        if word is None or not word.group(0)[:1].islower() or words[word.group(0)] == 0:
            continue
        at = _visible_end(text, run.start())
        before = text[at - 1] if at else ""
        if before.isalpha():
            if _inside_code(text, at, mapping.script) or _all_caps_code(text, at, mapping.script):
                continue
        elif not (before.isspace() or before in ",;:)" + mapping.typography.closing_marks):
            continue
        elif before == "," and text[at - 2 : at - 1].isdigit():
            continue  # "1,5ha": a number's decimals
        found.append(Candidate(run.start(), run.end(), run.start(), False))
    return found


_LETTERS = re.compile(r"[^\W\d_]+")


def counted_markers(text: str, marker: str, mapping: Mapping) -> list[Candidate]:
    """Last resort: the marker's number where a word before it made it look counted ("条约9
    缔约国": "约" counts in "约6亿", here it ends "treaty"). Units after it still rule it out."""
    found = []
    for run in re.finditer(rf"(?<![\d/.,\-]){re.escape(marker)}(?![\d/%°])", text):
        following = text[run.end() : run.end() + 1]
        if following.isalpha() and not mapping.script.is_wide(following):
            continue
        if any(text.startswith(word, run.end()) for word in mapping.markers.quantity_words):
            continue
        if _THOUSANDS.match(text, run.end()) or _inside_code(text, run.start(), mapping.script):
            continue
        before = text[run.start() - 1 : run.start()]
        if before.isalpha() and not mapping.typography.spaced:
            found.append(Candidate(run.start(), run.end(), run.start(), False))
    return found


def _all_caps_code(text: str, start: int, script: Script) -> bool:
    """Letters and digits of an acronym-like code: "G77", "CP21", "H5N1"."""
    token = _token_before(text, start, script).lstrip("([{«“‘\"'")  # "(U4)": a name in brackets
    letters = [ch for ch in token if ch.isalpha()]
    return (
        bool(letters)
        and len(letters) <= 3
        and all(ch.isupper() for ch in letters)
        and (token.isalnum())
    )


def numbers_after(
    blocks: Sequence[TextUnit], searchable: Sequence[int], mapping: Mapping
) -> dict[str, set[str]]:
    """In a script written without spaces, the numbers the document writes after each pair
    of characters and glued to what follows them ("下午" 1, 3, 5 before "时": hours; "专题小组"
    1, 2 before "："): the words that count things, as the text itself shows them. A number
    with a space after it is left out: that is how such a text writes a marker ("报告33 第").
    Empty for other scripts."""
    series: dict[str, set[str]] = {}
    if mapping.typography.spaced:
        return series
    ideograph = mapping.script.is_ideograph
    for block_index in searchable:
        text = blocks[block_index].text
        for run in DIGITS.finditer(text):
            before = text[max(0, run.start() - 2) : run.start()]
            after = text[run.end() : run.end() + 1]
            if (
                after
                and not after.isspace()
                and len(before) == 2
                and ideograph(before[0])
                and ideograph(before[1])
            ):
                series.setdefault(before, set()).add(run.group(0))
    return series


def counts_in_series(text: str, candidate: Candidate, series: dict[str, set[str]]) -> bool:
    """Does the candidate glued to the characters before it follow a pair that the document
    writes before other numbers too ("下午5时" where "下午1时", "下午3时" stand)?"""
    if not series or candidate.start < 2:
        return False
    written = series.get(text[candidate.start - 2 : candidate.start])
    return written is not None and bool(written - {text[candidate.start : candidate.end]})


def remove_marker(block: TextUnit, candidate: Candidate, cut_text: bool = True) -> int:
    """Cut the marker's characters out of the block text; return how many were cut. With
    ``cut_text`` false only the line starts move: the caller cuts many markers of one block
    at once with ``cut_markers`` (one copy of the text, not one per marker)."""
    cut_from = _cut_from(block.text, candidate)
    removed = candidate.end - cut_from
    if cut_text:
        block.text = block.text[:cut_from] + block.text[candidate.end :]
    block.starts = [s - removed if s > cut_from else s for s in block.starts]
    return removed


def _cut_from(text: str, candidate: Candidate) -> int:
    """Where cutting a marker starts: at the space before it when it stands apart from the
    word it belongs to ("Rights, 1 the") — unless a word follows the marker directly: the UN's
    Arabic puts a note between two words ("لعام (14)2030", A/RES/78/136), and the space
    before the marker is the one between the words."""
    if candidate.insert < candidate.start and text[candidate.end : candidate.end + 1].isalnum():
        return candidate.start
    return min(candidate.insert, candidate.start)


def cut_markers(text: str, candidates: Sequence[Candidate]) -> str:
    """``text`` without the characters of ``candidates`` (offsets into ``text`` as it is, in
    the order they are cut, last first): what ``remove_marker`` on each leaves, in one pass
    when their cut regions lie apart (3,000 repeats in one 3 MB paragraph took 11 s)."""
    regions = sorted((_cut_from(text, c), c.end) for c in candidates)
    if any(a_end > b_from for (_, a_end), (b_from, _) in itertools.pairwise(regions)):
        for candidate in candidates:  # regions that touch: one at a time, as given
            cut_from = _cut_from(text, candidate)
            text = text[:cut_from] + text[candidate.end :]
        return text
    pieces = []
    kept_from = 0
    for cut_from, end in regions:
        pieces.append(text[kept_from:cut_from])
        kept_from = end
    pieces.append(text[kept_from:])
    return "".join(pieces)
