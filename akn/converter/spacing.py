"""Spacing and typography: what extraction does to the spaces of a line, undone, and the
language's own typography applied.

Spaces before punctuation ("Sud-Est ,"), around apostrophes ("l ’Asie"), the non-breaking
spaces French puts before ";:!?", the hyphen of compound numbers extraction glued
("twentyfirst", L211), and how wrapped lines join into one text (a line-end hyphen, Chinese
lines that join without a space). Rules only: no word list is needed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from akn.mapping import Mapping
from akn.mapping.programs import compile_pattern

_LETTERS = r"[^\W\d_]"
_APOSTROPHE = re.compile(rf"(?<={_LETTERS}) ’(?={_LETTERS})")


# A spacing rule: the substrings that must be present for it to apply, its pattern, its
# replacement. Checking the substrings first skips most rules on most lines.
Rule = tuple[tuple[str, ...], re.Pattern[str], "str | Callable[[re.Match[str]], str]"]


@cache
def _spacing_rules(
    elisions: tuple[str, ...],
    nbsp_before: tuple[str, ...],
    nbsp_after: tuple[str, ...],
    conjunctions: tuple[str, ...],
    apostrophes: bool = True,
    loose_hyphens: bool = True,
) -> list[Rule]:
    def hyphen(match: re.Match[str]) -> str:
        word = match.group(1)
        return match.group(0) if word.casefold() in conjunctions else word + "-"

    rules: list[Rule] = []
    if loose_hyphens:  # (only where the document shows extraction's stray spaces)
        # A hyphen cut loose from its word: "COVID -19", "4 -15 septembre"; but a suspended
        # hyphen stays apart: "country-owned and -driven". The UN's Arabic writes "4 -15"
        # and "م أ -27" itself: in a text without stray spaces the space is the author's.
        rules.append(((" -",), compile_pattern(r"(?<!\S)(\S*[\w)]) -(?=[\w(])"), hyphen))
    rules += [
        # No space before a comma, full stop or closing bracket; none after an opening one.
        ((" ,", " .", " )", " ]"), compile_pattern(r"(?<=\S) +(?=[,.)\]](?!\.\.))"), ""),
        (("( ", "[ "), compile_pattern(r"(?<=[(\[]) +"), ""),
        # Quotation marks hug what they quote: “ Declaration … Countries ”.
        ((" ”",), compile_pattern(r"(?<=\S) +(?=”(?:[\s,.;:)]|$))"), ""),
        (("“ ",), compile_pattern(r"(?:(?<=^)|(?<=[\s(]))“ +"), "“"),
    ]
    if apostrophes:  # (only where the document shows stray spaces: ``tidy_line``)
        # "l ’Asie": the apostrophe belongs to the word before it.
        rules.append(((" ’",), _APOSTROPHE, "’"))
        elision = _elision_rule(elisions)
        if elision is not None:
            rules.append((("’ ", "' "), elision, r"\1"))
    for char in nbsp_before:
        follow = "" if char == "»" else r"(?=\s|$|[)\]”»])"
        pattern = compile_pattern(rf"(?<=\S)[ \u00a0\u202f]*{re.escape(char)}{follow}")
        rules.append(((char,), pattern, "\u00a0" + char))
    for char in nbsp_after:
        pattern = compile_pattern(rf"{re.escape(char)}[ \u00a0\u202f]*(?=\S)")
        rules.append(((char,), pattern, char + "\u00a0"))
    if not nbsp_before:
        rules.append(
            ((" ;", " :", " !", " ?"), compile_pattern(r"(?<=\S) +(?=[;:!?](?:\s|$))"), "")
        )
    return rules


def tidy_line(
    text: str, mapping: Mapping, apostrophes: bool = True
) -> tuple[str, list[tuple[str, str]]]:
    """What split-word repair needs first: single spaces, and (with ``apostrophes``: the
    document shows extraction's stray spaces) apostrophes back on their words. Returns the
    text and the apostrophes closed up: (as written, as made), to be reported."""
    text = " ".join(text.split())
    if not apostrophes:
        return text, []
    fixes: list[tuple[str, str]] = []

    def close(match: re.Match[str]) -> str:
        fixes.append((match[0], match[1] + match[2]))
        return match[1] + match[2]

    if " ’" in text:
        text = _SPACED_BEFORE.sub(close, text)
    elision = _spaced_elision(mapping.words.elisions)
    if elision is not None and ("’ " in text or "' " in text):
        text = elision.sub(close, text)
    return text, fixes


# The same spaces as the rules of ``_spacing_rules``, with the words around them to quote.
_SPACED_BEFORE = compile_pattern(rf"(\w*{_LETTERS}) (’{_LETTERS}\w*)")


@cache
def _spaced_elision(elisions: tuple[str, ...]) -> re.Pattern[str] | None:
    if not elisions:
        return None
    return compile_pattern(rf"(?<!\w)((?i:{_longest_first(list(elisions))})) +({_LETTERS}\w*)")


def restore_number_hyphens(text: str, mapping: Mapping) -> tuple[str, list[tuple[str, str]]]:
    """Put back the hyphen of a compound number word that PDF extraction glued when it
    joined a line-end hyphen ("twenty-" / "first" gives "twentyfirst"): ``(text, fixes)``.
    Only where the language writes such compounds with a hyphen (typography.number_joiner)."""
    pattern = _glued_numbers(mapping)
    if pattern is None:
        return text, []
    joiner = mapping.typography.number_joiner
    fixes: list[tuple[str, str]] = []

    def fix(match: re.Match[str]) -> str:
        word = f"{match['tens']}{joiner}{match['unit']}"
        fixes.append((match[0], word))
        return word

    return pattern.sub(fix, text), fixes


def glued_forms(mapping: Mapping) -> frozenset[str]:
    """Every glued compound number of the language ("twentyfirst"), case-folded: a set to
    check a document's words against before scanning its lines."""
    if "glued_forms" not in mapping.caches:
        tens, units = _number_parts(mapping)
        mapping.caches["glued_forms"] = frozenset(
            f"{ten}{unit}".casefold() for ten in tens for unit in units
        )
    forms: frozenset[str] = mapping.caches["glued_forms"]
    return forms


def _number_parts(mapping: Mapping) -> tuple[list[str], list[str]]:
    """Tens and units of the ordinals table, where the language hyphenates compounds."""
    if not mapping.typography.number_joiner:
        return [], []
    ordinals = mapping.ordinals
    tens = [w for w, n in ordinals.items() if n >= 20 and n % 10 == 0 and n < 100]
    units = [w for w, n in ordinals.items() if 1 <= n <= 19]
    return tens, units


def _glued_numbers(mapping: Mapping) -> re.Pattern[str] | None:
    """Tens and unit words of the ordinals table written as one word ("seventyfourth")."""
    if "glued_numbers" not in mapping.caches:
        pattern = None
        tens, units = _number_parts(mapping)
        if tens and units:
            pattern = compile_pattern(
                rf"(?<!\w)(?i:(?P<tens>{_longest_first(tens)})"
                rf"(?P<unit>{_longest_first(units)}))(?!\w)"
            )
        mapping.caches["glued_numbers"] = pattern
    glued: re.Pattern[str] | None = mapping.caches["glued_numbers"]
    return glued


def _longest_first(words: list[str]) -> str:
    """Alternatives for a regular expression, the longest first (so "sixteenth" beats "six")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _elision_rule(elisions: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "l’ Association": an elided article belongs to the word after it."""
    if not elisions:
        return None
    return compile_pattern(rf"(?<!\w)((?i:{_longest_first(list(elisions))})) +(?={_LETTERS})")


def _spacing_plan(
    mapping: Mapping, apostrophes: bool = True, loose_hyphens: bool = True
) -> tuple[re.Pattern[str], list[_Planned]]:
    """The mapping's spacing rules, each with its substrings as one pattern, and one pattern
    of every rule's substrings: most lines hold none, and are asked once (made once per
    mapping, with and without the apostrophes' and the loose hyphens' rules)."""
    key = f"spacing_plan_{apostrophes:d}{loose_hyphens:d}"
    plan: tuple[re.Pattern[str], list[_Planned]] | None = mapping.caches.get(key)
    if plan is None:
        rules = _spacing_rules(
            mapping.words.elisions,
            mapping.typography.nbsp_before,
            mapping.typography.nbsp_after,
            tuple(w.casefold() for w in mapping.words.conjunctions),
            apostrophes,
            loose_hyphens,
        )
        planned = [
            (_any_of(triggers), pattern, replacement) for triggers, pattern, replacement in rules
        ]
        union = _any_of(tuple(t for triggers, _, _ in rules for t in triggers))
        plan = mapping.caches[key] = (union, planned)
    return plan


def _any_of(substrings: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``substrings``, grouped by their first character (" ,",
    " ." and " )" are one space and a class): a flat alternation of literals is tried one
    alternative at a time at every position of the line."""
    by_first: dict[str, set[str]] = {}
    for substring in substrings:
        if substring:
            by_first.setdefault(substring[0], set()).add(substring[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            branches.append(re.escape(first))  # the character alone is enough
        elif all(len(rest) == 1 for rest in rests):
            branches.append(re.escape(first) + "[" + "".join(map(re.escape, sorted(rests))) + "]")
        else:
            ordered = sorted(rests, key=lambda rest: (-len(rest), rest))
            branches.append(re.escape(first) + "(?:" + "|".join(map(re.escape, ordered)) + ")")
    return compile_pattern("|".join(branches) or "(?!)")


_Planned = tuple[re.Pattern[str], re.Pattern[str], "str | Callable[[re.Match[str]], str]"]


def fix_spacing(
    text: str, mapping: Mapping, apostrophes: bool = True, loose_hyphens: bool = True
) -> str:
    """Collapse runs of spaces and put spaces where the language's typography wants them
    (``apostrophes``: take out a space beside an apostrophe between letters, too;
    ``loose_hyphens``: and the space before a hyphen that starts a word, "COVID -19")."""
    text = " ".join(text.split())
    union, planned = _spacing_plan(mapping, apostrophes, loose_hyphens)
    if union.search(text):
        for triggers, pattern, replacement in planned:
            if triggers.search(text):
                text = pattern.sub(replacement, text)
    for rule in mapping.typography.replacements:
        text = rule.pattern.sub(rule.replacement, text)
    return text


def join_lines(
    texts: list[str],
    joiner: str = " ",
    conjunctions: frozenset[str] = frozenset(),
    spaced_hyphen_is_dash: bool = False,
) -> tuple[str, list[int]]:
    """Join wrapped lines into one text; return it and the offset where each line starts.

    A line ending with a hyphen ("Sud -" / "Est", "action-" / "oriented") is a compound cut at
    the line end: the parts are joined without a space and the hyphen kept. A superscript glued
    to a line end is followed by a space as any word would be. With an empty ``joiner``
    (Chinese), Latin letters and digits on both sides of a break still get their space.
    """
    out = ""
    starts: list[int] = []
    for text in texts:
        piece = text.strip()
        if not piece:
            starts.append(len(out))
            continue
        if not out:
            starts.append(0)
            out = piece
            continue
        stripped = out.rstrip()
        suspended = (
            piece.split(" ", 1)[0].casefold() in conjunctions
        )  # "science- and evidence-based"
        dash = spaced_hyphen_is_dash and stripped.endswith(" -")
        if stripped.endswith("://") or _prefix_hyphen(stripped, conjunctions):
            starts.append(len(stripped))  # "http://" / "www…"; "and -" / "based": one word
            out = stripped + piece
        elif (
            stripped.endswith("-")
            and not stripped.endswith("--")
            and piece[:1].isalnum()
            and not suspended
            and not dash
        ):
            out = stripped[:-1].rstrip() + "-"
            starts.append(len(out))
            out += piece
        elif piece[0] in ",.;:)" and not piece.startswith("..."):
            starts.append(len(stripped))
            out = stripped + piece
        else:
            # Chinese lines join without a space, but the typesetter never breaks inside a
            # Latin run: a break between Latin letters or digits stood for a space.
            glue = joiner or (" " if _latin_break(stripped[-1], piece[0]) else "")
            starts.append(len(stripped) + len(glue))
            out = stripped + glue + piece
    return out, starts


def _prefix_hyphen(text: str, conjunctions: frozenset[str]) -> bool:
    """Does ``text`` end with a hyphen that opens the next word, after a conjunction or a
    comma (a suspended compound written with its hyphen first: "pre-, -in and -post")?"""
    if not text.endswith(" -"):
        return False
    before = text[:-2].rstrip()
    last = before.rsplit(" ", 1)[-1].casefold()
    return before.endswith(",") or (bool(last) and last in conjunctions)


def _latin_break(before: str, after: str) -> bool:
    """ "A/78/6" | "(Sect. 4)", "4" | "500万", "Tomé" | "e Príncipe": letters or digits of a
    spaced script (Latin, Cyrillic, Greek… with their accents) on both sides of a break."""
    return (_spaced_letter(before) or before in ".)") and (_spaced_letter(after) or after == "(")


# Below this code point are the scripts that part words with spaces; from it on, CJK radicals,
# kana, ideographs, Hangul and full-width forms, which do not.
_FIRST_UNSPACED = 0x2E80


def _spaced_letter(character: str) -> bool:
    return character.isalnum() and ord(character) < _FIRST_UNSPACED
