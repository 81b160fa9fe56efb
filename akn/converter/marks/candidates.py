"""Where a footnote's marker may stand in a text, and how sure that is.

The candidates for note k in a block: glued to a word ("activities3"), to a year ("19671" is
1967 and note 1), after punctuation ("session, 1"), in brackets, or alone between words when
the word before does not count things ("paragraph 2"); each classified strong or weak. The
first places looked at; ``last_resort_markers.py`` has the places looked at only where the
order of the notes leaves no other. ``ordered_search.py`` and ``pairing.py`` choose among
them with the order of the notes; ``repeats.py`` finds later references to a placed note.
"""

from __future__ import annotations

import re

from akn.converter.marks.marker_context import (
    THOUSANDS,
    WINDOW,
    after_year_range,
    all_caps_code,
    inside_code,
    visible_end,
    window_before,
)
from akn.converter.marks.search_units import Candidate
from akn.mapping import Mapping

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_DIGIT_RUN = re.compile(r"[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+")
SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")


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
                not inside_code(text, run.start(), mapping.script)
                or after_year_range(text, run.start())
            ):
                start = run.end() - len(marker)
                found.append(Candidate(start, run.end(), start, True))
            continue
        candidate = _classify(text, run.start(), run.end(), mapping, repeat)
        if candidate is not None:
            found.append(candidate)
    return found


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


def _is_year(digits: str) -> bool:
    """Four digits of a year a resolution cites (1900-2099)."""
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _year_before(text: str, end: int) -> bool:
    """Do the four characters before ``end`` write a year, and no digit before them?"""
    return _is_year(text[max(end - 4, 0) : end]) and not (end > 4 and text[end - 5].isdigit())


def _classify(text: str, start: int, end: int, mapping: Mapping, repeat: bool) -> Candidate | None:
    """The candidate the digits ``text[start:end]`` make, by what stands before them (a word,
    punctuation, a space), or None where they write a number or a quantity."""
    if _writes_a_quantity(text, start, end, mapping):
        return None
    at = visible_end(text, start)  # "pornografía\u200e2": an invisible mark before it
    before = text[at - 1] if at else ""
    if not before:
        return None
    if before.isalpha():
        if inside_code(text, at, mapping.script) or all_caps_code(text, at, mapping.script):
            return None
        return Candidate(start, end, start, True)
    if before in ",;:).，、》）；：。،؛" or before in mapping.typography.closing_marks:
        return _after_punctuation(text, start, end, at, mapping, repeat)
    if before.isspace() and at == start:
        return _between_words(text, start, end, mapping, repeat)
    return None


def _writes_a_quantity(text: str, start: int, end: int, mapping: Mapping) -> bool:
    """Do the digits go on as a number (a unit, a code, thousands, decimals) or count
    something, by what follows them (and, without spaces, by the counting word before)?"""
    following = text[end : end + 1]
    cjk_after = mapping.script.is_ideograph(following) and not mapping.typography.spaced
    if following and ((following.isalnum() and not cjk_after) or following in "/%°"):
        return True
    if not mapping.typography.spaced and (
        _counted_before(text, start, mapping)
        or any(text.startswith(word, end) for word in mapping.markers.quantity_words)
        or THOUSANDS.match(text, end)  # "6 500亿": thousands apart
    ):
        return True  # "目标4", "2020年4月2日": a number counted, or a quantity
    return following in (",", ".") and text[end + 1 : end + 2].isdigit()  # 1,000 or 1.5


def _after_punctuation(
    text: str, start: int, end: int, at: int, mapping: Mapping, repeat: bool
) -> Candidate | None:
    """Digits after punctuation that ends at ``at`` ("session,1"): a strong candidate, unless
    they are a number's decimals, part of a code or list, or a repeat after other digits."""
    before = text[at - 1]
    prior = text[at - 2] if at >= 2 else ""
    if before == mapping.typography.decimal_separator and _number_before(text, at - 1):
        return None
    if before == "." and (prior.isdigit() or inside_code(text, at - 1, mapping.script)):
        return None
    if repeat and prior.isdigit():
        # "of 12 August 1949,2 continue": after a year and its comma, a repeat only where
        # the words echo the note's place (weak); after other digits, "1,2" is a list
        return Candidate(start, end, start, False) if _year_before(text, at - 1) else None
    if before in "、和" and prior.isdigit():
        return None  # "第1、2和3段": a list of numbers
    return Candidate(start, end, start, True)


def _between_words(
    text: str, start: int, end: int, mapping: Mapping, repeat: bool
) -> Candidate | None:
    """Digits alone between words ("rights 1 and"): a weak candidate, unless the word before
    counts things or the words after make them a date, a quantity or a range."""
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
