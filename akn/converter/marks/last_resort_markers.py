"""Where a marker may stand when the order of the notes leaves no other place for it.

Glued to a number that is not a year ("Agenda 216"), to a symbol or code ("HIV/AIDS7"), to
the word after it ("Agreement4and") or after a word that looked like it counted ("条约9缔约国").
Places ``candidates.py`` rules out, because most such digits are not markers; separate so
that they stay a last resort, looked for only by the searches that know the order leaves
nothing else (``ordered_search.py``, ``pairing.py``).
"""

from __future__ import annotations

import re
from collections import Counter

from akn.converter.marks.marker_context import THOUSANDS, all_caps_code, inside_code, visible_end
from akn.converter.marks.search_units import Candidate
from akn.mapping import Mapping


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
        at = visible_end(text, run.start())
        before = text[at - 1] if at else ""
        if before.isalpha():
            if inside_code(text, at, mapping.script) or all_caps_code(text, at, mapping.script):
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
        if THOUSANDS.match(text, run.end()) or inside_code(text, run.start(), mapping.script):
            continue
        before = text[run.start() - 1 : run.start()]
        if before.isalpha() and not mapping.typography.spaced:
            found.append(Candidate(run.start(), run.end(), run.start(), False))
    return found
