"""Phrase lists as regexes, and the compact facts language detection reads of a mapping.

A mapping's opening phrases and verbs become one alternation each, longest first. Compiling
one of a hundred phrases is most of what a mapping costs, and detection tries the phrases of
every language on the lines of one: ``PhraseMatcher`` compiles only when a line could match,
and ``Detection`` builds the five patterns detection scores with from the checked data, so
that the languages not chosen build none of their sections.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any


def phrase_source(phrases: tuple[str, ...] | list[str], bounded: bool = True) -> str:
    """The regex (as text) matching the longest listed phrase at the start of a text.

    ``bounded``: the phrase must end a word (not for scripts written without spaces).
    """
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word).replace("’", "['’]") for word in phrase.split()]
        alternatives.append(r"\s+".join(words))
    boundary = r"(?![\w’'\-])" if bounded else ""
    return r"(?:{}){}".format("|".join(alternatives), boundary)


def phrase_pattern(
    phrases: tuple[str, ...] | list[str],
    bounded: bool = True,
    compile: Callable[[str], re.Pattern[str]] = re.compile,
) -> re.Pattern[str]:
    """``phrase_source`` compiled, by ``compile`` (``re.compile``, or a mapping's kept
    programs: ``akn.mapping.programs``)."""
    return compile(phrase_source(phrases, bounded))


# A word as the phrase regex bounds it: what may not follow a bounded phrase's last word.
_WORD_RUN = re.compile(r"[\w’'\-]+")


def first_word(text: str, pos: int = 0, endpos: int = sys.maxsize) -> str | None:
    """The word ``text`` starts with (at ``pos``) as bounded phrases read it: ' as ’."""
    head = _WORD_RUN.match(text, pos, endpos)
    return head.group(0).replace("'", "’") if head is not None else None


class PhraseMatcher:
    """The listed phrases as one regex (``phrase_pattern``), compiled when first needed.

    Compiling the alternation of a hundred phrases is most of the cost of a mapping, and
    language detection tries the phrases of every language on lines of one. A text can only
    match if it starts with the first word of a phrase: where the phrases are bounded, its
    first word is one of theirs (a set lookup), elsewhere it starts with one. ``match`` tries
    only the phrases a text's start allows, as a regex of those alone (made once for each
    start it meets, in the same longest-first order): a text no phrase allows is answered
    without any regex, and the whole alternation is compiled only for ``search`` and the
    other methods of a pattern. Quacks like the compiled pattern (``match``, ``search``,
    ``pattern``...).
    """

    def __init__(
        self,
        phrases: tuple[str, ...] | list[str],
        bounded: bool = True,
        compile: Callable[[str], re.Pattern[str]] = re.compile,
    ) -> None:
        self._phrases = tuple(phrases)
        self._bounded = bounded
        self._compile = compile
        # The regex reads ' and ’ alike in a phrase's words: so does the prefilter.
        firsts = [phrase.split()[:1] for phrase in self._phrases]
        words = {first[0].replace("'", "’") for first in firsts if first}
        # No prefilter when a phrase has no word (the regex then matches anything).
        self._starts: tuple[str, ...] | None = tuple(words) if firsts and all(firsts) else None
        # The set lookup holds where every first word is a word as the boundary sees it.
        self._first_words: frozenset[str] | None = (
            frozenset(words)
            if bounded and self._starts and all(_WORD_RUN.fullmatch(w) for w in words)
            else None
        )
        # The regex of the phrases a text's start allows, by that start (its first word, or
        # the first words it starts with): made when a text first needs it.
        self._allowed: dict[str | tuple[str, ...], re.Pattern[str]] = {}

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return phrase_pattern(self._phrases, self._bounded, self._compile)

    def _start(self, text: str, pos: int, endpos: int) -> str | tuple[str, ...] | None:
        """What a text's start allows: its first word (bounded phrases) or the tuple of the
        first words it starts with; None when no phrase can match there."""
        if self._first_words is not None:  # first_word, inline: asked for most lines
            head = _WORD_RUN.match(text, pos, endpos)
            word = head.group(0).replace("'", "’") if head is not None else None
            return word if word in self._first_words else None
        assert self._starts is not None
        text = text.replace("'", "’")
        if not text.startswith(self._starts, pos, endpos):
            return None
        return tuple(start for start in self._starts if text.startswith(start, pos, endpos))

    def _allowed_regex(self, start: str | tuple[str, ...]) -> re.Pattern[str]:
        """The alternation of the phrases whose first word ``start`` names (or is one of)."""
        firsts = {start} if isinstance(start, str) else set(start)
        chosen = [p for p in self._phrases if p.split()[0].replace("'", "’") in firsts]
        pattern = self._allowed[start] = phrase_pattern(chosen, self._bounded, self._compile)
        return pattern

    def match_word(self, text: str, word: str | None) -> re.Match[str] | None:
        """``match(text)`` for a text whose ``first_word`` is ``word``: language detection
        reads the first word of each line once for the matchers of every language."""
        if self._first_words is None:
            return self.match(text)
        if word not in self._first_words:
            return None
        assert word is not None
        regex = self._allowed.get(word) or self._allowed_regex(word)
        return regex.match(text)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self._starts is None:  # a phrase without a word: only the whole regex can say
            return self.regex.match(text, pos, endpos)
        start = self._start(text, pos, endpos)
        if start is None:
            return None
        regex = self._allowed.get(start) or self._allowed_regex(start)
        return regex.match(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos)  # anywhere: the prefilter does not apply

    def __getattr__(self, name: str) -> Any:  # fullmatch, finditer, pattern, ...
        if name.startswith("_") or name == "regex":
            raise AttributeError(name)
        return getattr(self.regex, name)


@dataclass(frozen=True)
class Detection:
    """What language detection reads of a mapping (``convert`` without ``--lang``)."""

    formula: re.Pattern[str]  # the enacting formulas, longest first
    decision_opening: re.Pattern[str]  # decision.opening
    adopted: re.Pattern[str]  # masthead.adopted
    phrases: PhraseMatcher  # preamble.phrases
    verbs: PhraseMatcher  # operative.verbs

    @classmethod
    def of(
        cls, data: dict[str, Any], compile: Callable[[str], re.Pattern[str]] = re.compile
    ) -> Detection:
        """From a mapping's checked data, reading only the five keys and the word spacing."""
        spaced = bool(data["typography"]["line_joiner"])  # as Typography.spaced says
        return cls(
            formula=phrase_pattern([item["text"] for item in data["formula"]], spaced, compile),
            decision_opening=compile(data["decision"]["opening"]),
            adopted=compile(data["masthead"]["adopted"]),
            phrases=PhraseMatcher(data["preamble"]["phrases"], spaced, compile),
            verbs=PhraseMatcher(data["operative"]["verbs"], spaced, compile),
        )
