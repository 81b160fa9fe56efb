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
from dataclasses import dataclass
from functools import cached_property
from typing import Any


def phrase_pattern(phrases: tuple[str, ...] | list[str], bounded: bool = True) -> re.Pattern[str]:
    """One regex matching the longest listed phrase at the start of a text.

    ``bounded``: the phrase must end a word (not for scripts written without spaces).
    """
    alternatives = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        words = [re.escape(word).replace("’", "['’]") for word in phrase.split()]
        alternatives.append(r"\s+".join(words))
    boundary = r"(?![\w’'\-])" if bounded else ""
    return re.compile(r"(?:{}){}".format("|".join(alternatives), boundary))


# A word as the phrase regex bounds it: what may not follow a bounded phrase's last word.
_WORD_RUN = re.compile(r"[\w’'\-]+")


class PhraseMatcher:
    """The listed phrases as one regex (``phrase_pattern``), compiled when first needed.

    Compiling the alternation of a hundred phrases is most of the cost of a mapping, and
    language detection tries the phrases of every language on lines of one. A text can only
    match if it starts with the first word of a phrase: where the phrases are bounded, its
    first word is one of theirs (a set lookup), elsewhere it starts with one. A text that
    fails this is answered without the regex. Quacks like the compiled pattern (``match``,
    ``search``, ``pattern``...).
    """

    def __init__(self, phrases: tuple[str, ...] | list[str], bounded: bool = True) -> None:
        self._phrases = tuple(phrases)
        self._bounded = bounded
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

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return phrase_pattern(self._phrases, self._bounded)

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        if self._first_words is not None:
            head = _WORD_RUN.match(text, pos, endpos)
            return head is not None and head.group(0).replace("'", "’") in self._first_words
        if self._starts is not None:
            return text.replace("'", "’").startswith(self._starts, pos, endpos)
        return True

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._may_match(text, pos, endpos):
            return None
        return self.regex.match(text, pos, endpos)

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
    def of(cls, data: dict[str, Any]) -> Detection:
        """From a mapping's checked data, reading only the five keys and the word spacing."""
        spaced = bool(data["typography"]["line_joiner"])  # as Typography.spaced says
        return cls(
            formula=phrase_pattern([item["text"] for item in data["formula"]], spaced),
            decision_opening=re.compile(data["decision"]["opening"]),
            adopted=re.compile(data["masthead"]["adopted"]),
            phrases=PhraseMatcher(data["preamble"]["phrases"], spaced),
            verbs=PhraseMatcher(data["operative"]["verbs"], spaced),
        )
