"""Repair words and spacing damaged by PDF extraction, and apply the language's typography.

PDF text splits words where letters were spaced out ("internat ionales", "Préside n t"),
loses the line-end hyphen's word ("Sud -" / "Est"), puts spaces before punctuation
("Sud-Est ,") and around apostrophes ("l ’Asie"). Rejoining split words needs to know which
words exist: the word list of the `wordfreq` package (frequencies of real usage in 40 languages,
independent of our test corpus) and the document's own vocabulary. A join is made only when the
joined word is a word and at least one part is not, or when the parts are rare as a pair.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from akn.mapping import Mapping
from akn.source import SUP_CLOSE, SUP_OPEN

# Minimum Zipf frequency (log10 per billion words) for a token to count as a word, by length:
# short strings occur in any large word list as noise ("el", "ts", "ir"), so they need more.
_WORD_THRESHOLD = {1: 99.0, 2: 5.0, 3: 4.0}
_LONG_WORD_THRESHOLD = 3.0
# A joined word need only be attested: rare real words ("universality") are still words.
_CANDIDATE_THRESHOLD = 2.0
# How much more likely the joined word must be than the two words side by side, when both
# parts are words themselves ("universel le" -> "universelle", but never "may be" -> "maybe").
_BOTH_WORDS_MARGIN = 1.5
_BOTH_WORDS_HEAD_SLACK = 0.2

_LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(r"\S+")


@cache
def _frequencies(language: str) -> dict[str, float]:
    """The wordfreq word list of ``language`` as word -> Zipf frequency (empty if unknown)."""
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - declared dependency
        return {}
    try:
        table = wordfreq.get_frequency_dict(language, wordlist="best")
    except (LookupError, ValueError):
        return {}
    return {word: math.log10(freq) + 9 for word, freq in table.items() if freq > 0}


@dataclass
class Lexicon:
    """Knows which strings are words of one language, and which the document itself uses."""

    language: str
    one_letter_words: frozenset[str]
    elisions: tuple[str, ...] = ()
    document: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def zipf(self, word: str) -> float:
        return _frequencies(self.language).get(word.casefold().replace("’", "'"), 0.0)

    def is_candidate(self, word: str) -> bool:
        """Could ``word`` be a real word (the result of joining fragments)?"""
        return self.zipf(word) >= _CANDIDATE_THRESHOLD or self.document[word.casefold()] > 0

    def strip_elision(self, word: str) -> str:
        lowered = word.casefold()
        for elision in self.elisions:
            if lowered.startswith(elision) and len(word) > len(elision):
                return word[len(elision) :]
        return word

    def is_word(self, word: str) -> bool:
        if len(word) == 1:
            return word.casefold() in self.one_letter_words
        threshold = _WORD_THRESHOLD.get(len(word), _LONG_WORD_THRESHOLD)
        return self.zipf(word) >= threshold

    def learn(self, text: str) -> None:
        """Count the document's words and word pairs (its own vocabulary is the best evidence)."""
        words = [self.strip_elision(w).casefold() for w in re.findall(r"[^\W\d_][\w’']*", text)]
        self.document.update(words)
        self.pairs.update(itertools.pairwise(words))


def make_lexicon(mapping: Mapping, texts: list[str]) -> Lexicon:
    lexicon = Lexicon(
        mapping.code,
        frozenset(w.casefold() for w in mapping.rule("words", "one_letter_words")),
        tuple(
            sorted((e.casefold() for e in mapping.rule("words", "elisions")), key=len, reverse=True)
        ),
    )
    for text in texts:
        lexicon.learn(text)
    return lexicon


# --------------------------------------------------------------------------- split words


def _core(token: str) -> tuple[str, str, str]:
    """Split a token into leading punctuation, letters/hyphens core, trailing punctuation."""
    match = re.fullmatch(rf"(\W*?)({_LETTERS}[\w’'\-]*?{_LETTERS}|{_LETTERS})(\W*)", token)
    if not match:
        return "", "", ""
    return match.group(1), match.group(2), match.group(3)


def rejoin_split_words(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """Join words that PDF extraction split with spaces; return the text and the joins made."""
    tokens = text.split(" ")
    joins: list[tuple[str, str]] = []
    out: list[str] = []
    i = 0
    while i < len(tokens):
        joined = _best_join(tokens, i, lexicon)
        if joined is None:
            out.append(tokens[i])
            i += 1
            continue
        size, word = joined
        joins.append((" ".join(tokens[i : i + size]), word))
        out.append(word)
        i += size
    return " ".join(out), joins


def _best_join(tokens: list[str], start: int, lexicon: Lexicon) -> tuple[int, str] | None:
    lead, head, trail = _core(tokens[start])
    if not head or trail or SUP_OPEN in tokens[start]:
        return None
    for size in (4, 3, 2):
        if start + size > len(tokens):
            continue
        parts = [head]
        ok = True
        for k in range(1, size):
            part_lead, part, part_trail = _core(tokens[start + k])
            last = k == size - 1
            # Continuations are lower case, without leading punctuation, and only the last may
            # carry trailing punctuation ("réglementai re s," -> "réglementaires,").
            if part_lead or not part or not part[0].islower() or (part_trail and not last):
                ok = False
                break
            parts.append(part)
            end_trail = part_trail
        if not ok:
            continue
        if _should_join(parts, lexicon):
            # "in o rder": the lone letter belongs to the word after it, not to "in".
            if size == 2 and lexicon.is_word(lexicon.strip_elision(head)):
                alternative = _best_join(tokens, start + 1, lexicon)
                if alternative is not None and lexicon.zipf(
                    _core(alternative[1])[1]
                ) > lexicon.zipf("".join(parts)):
                    return None
            return size, lead + "".join(parts) + end_trail
    return None


def _should_join(parts: list[str], lexicon: Lexicon) -> bool:
    # Only the pieces that touch the split matter in hyphenated words: "vi ce-versa".
    left = lexicon.strip_elision(parts[0].rsplit("-", 1)[-1])
    right = parts[-1].split("-", 1)[0]
    inner = [left, *parts[1:-1], right] if len(parts) > 1 else [left]
    candidate = "".join(inner)
    if not lexicon.is_candidate(candidate):
        return False
    fragments = [p for p in inner if not lexicon.is_word(p)]
    if fragments:
        # A lone letter before real words is an initial or a list letter ("54/237 C of").
        return not (len(inner[0]) == 1 and fragments == [inner[0]])
    if len(inner) != 2 or len(inner[1]) > 2:
        return False
    # Both parts are words: join only when the pair is unlikely and the whole is common.
    if lexicon.pairs[(inner[0].casefold(), inner[1].casefold())] > 1:
        return False
    joined, first, second = (lexicon.zipf(w) for w in (candidate, inner[0], inner[1]))
    if joined <= 0:
        return lexicon.document[candidate.casefold()] > 0
    margin = (joined - 9) - ((first - 9) + (second - 9))
    return margin >= _BOTH_WORDS_MARGIN and joined >= first - _BOTH_WORDS_HEAD_SLACK


# --------------------------------------------------------------------------- spacing


@cache
def _spacing_rules(
    elisions: tuple[str, ...],
    nbsp_before: tuple[str, ...],
    nbsp_after: tuple[str, ...],
    conjunctions: tuple[str, ...],
) -> list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]]:
    def hyphen(match: re.Match[str]) -> str:
        word = match.group(1)
        return match.group(0) if word.casefold() in conjunctions else word + "-"

    rules: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
        # A hyphen cut loose from its word: "COVID -19", "4 -15 septembre"; but a suspended
        # hyphen stays apart: "country-owned and -driven".
        (re.compile(r"(?<!\S)(\S*[\w)]) -(?=[\w(])"), hyphen),
        # No space before a comma, full stop or closing bracket; none after an opening one.
        (re.compile(r"(?<=\S) +(?=[,.)\]](?!\.\.))"), ""),
        (re.compile(r"(?<=[(\[]) +"), ""),
        # Quotation marks hug what they quote: “ Declaration … Countries ”.
        (re.compile(r"(?<=\S) +(?=”(?:[\s,.;:)]|$))"), ""),
        (re.compile(r"(?:(?<=^)|(?<=[\s(]))“ +"), "“"),
        # "l ’Asie": the apostrophe belongs to the word before it.
        (re.compile(rf"(?<={_LETTERS}) ’(?={_LETTERS})"), "’"),
    ]
    if elisions:
        alternatives = "|".join(re.escape(e) for e in sorted(elisions, key=len, reverse=True))
        rules.append((re.compile(rf"(?<!\w)((?i:{alternatives})) +(?={_LETTERS})"), r"\1"))
    for char in nbsp_before:
        follow = "" if char == "»" else r"(?=\s|$|[)\]”»])"
        rules.append(
            (re.compile(rf"(?<=\S)[ \u00a0\u202f]*{re.escape(char)}{follow}"), "\u00a0" + char)
        )
    for char in nbsp_after:
        rules.append((re.compile(rf"{re.escape(char)}[ \u00a0\u202f]*(?=\S)"), char + "\u00a0"))
    if not nbsp_before:
        rules.append((re.compile(r"(?<=\S) +(?=[;:!?](?:\s|$))"), ""))
    return rules


def fix_spacing(text: str, mapping: Mapping) -> str:
    """Collapse runs of spaces and put spaces where the language's typography wants them."""
    text = " ".join(text.split())
    rules = _spacing_rules(
        tuple(mapping.rule("words", "elisions")),
        tuple(mapping.rule("typography", "nbsp_before")),
        tuple(mapping.rule("typography", "nbsp_after")),
        tuple(w.casefold() for w in mapping.rule("words", "conjunctions")),
    )
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def join_lines(texts: list[str]) -> tuple[str, list[int]]:
    """Join wrapped lines into one text; return it and the offset where each line starts.

    A line ending with a hyphen ("Sud -" / "Est", "action-" / "oriented") is a compound cut at
    the line end: the parts are joined without a space and the hyphen kept. A superscript glued
    to a line end is followed by a space as any word would be.
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
        if stripped.endswith("-") and not stripped.endswith("--") and piece[:1].isalnum():
            out = stripped[:-1].rstrip() + "-"
            starts.append(len(out))
            out += piece
        elif piece[0] in ",.;:)" and not piece.startswith("..."):
            starts.append(len(stripped))
            out = stripped + piece
        else:
            starts.append(len(stripped) + 1)
            out = stripped + " " + piece
    return out, starts


def strip_superscripts(text: str) -> str:
    """The text with superscript markers removed (for matching and measuring)."""
    return text.replace(SUP_OPEN, "").replace(SUP_CLOSE, "")
