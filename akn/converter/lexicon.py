"""Which strings are words of one language, and which the document itself writes.

The evidence the repair of split words (``split_words.py``) weighs: the word list of the
`wordfreq` package (frequencies of real usage in 40 languages, independent of our test corpus,
read through ``word_table.py``) and the document's own vocabulary, words, pairs and spellings.
What does not depend on the document is remembered across the documents of a mapping; the
answers the repair asks of the whole document (does it show clear splits? may it close up a
spaced apostrophe?) are remembered here too, once per document. Kept apart from the repair: the
lexicon says what is a word, the repair decides what to join.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from akn.converter.compounds import WORD_OR_COMPOUND, compound_forms, present_forms
from akn.converter.spacing import glued_forms
from akn.converter.split_words import (
    CANDIDATE_THRESHOLD,
    CLEAR_PIECE_LENGTH,
    LETTERS,
    TokenInfo,
    find_joins,
    should_join,
    split_core,
    token_info,
    word_list_join_hint,
)
from akn.converter.word_table import Frequencies
from akn.mapping import Mapping

# Minimum Zipf frequency (log10 per billion words) for a token to count as a word, by length:
# short strings occur in any large word list as noise ("el", "ts", "ir"), so they need more.
_WORD_THRESHOLD = {1: 99.0, 2: 5.0, 3: 4.0}
_LONG_WORD_THRESHOLD = 3.0
# A document "spaces its apostrophes" when at least this many, and this share of its
# apostrophes between letters, have a space on one side ("l ’Asie", "l’ Association").
_SPACED_APOSTROPHES = 2
_SPACED_APOSTROPHE_SHARE = 0.25


@cache
def _frequencies(language: str) -> Frequencies:
    """The wordfreq word list of ``language`` as word -> Zipf frequency (empty if unknown, or
    when wordfreq is not installed: it is the optional ``akn[convert]`` extra). Read from a
    compact table built once per language (``akn.converter.word_table``): loading the whole
    list cost a third of a second and 60 MB per run."""
    from akn.converter.word_table import frequencies

    return frequencies(language)


_WORD_RUN = re.compile(r"[\w’']+")


@dataclass
class Lexicon:
    """Knows which strings are words of one language, and which the document itself uses."""

    language: str
    one_letter_words: frozenset[str]
    elisions: tuple[str, ...] = ()
    join_pairs: bool = True  # may two real words be joined ("universel le")?
    document: set[str] = field(default_factory=set)
    glued_numbers: bool = False  # does the document hold a "twentyfirst" to repair?
    # Compounds the document writes with hyphens, by each form with one hyphen missing
    # ("SouthSouth" -> "South-South"): where extraction dropped a hyphen at a line end.
    compounds: dict[str, str] = field(default_factory=dict)
    written: str = ""  # the document as written, to count its words in when a repair needs it
    _counts: Counter[str] | None = field(default=None, repr=False)
    text: str = ""  # the document, case-folded, to count word pairs in when needed
    lines: list[str] = field(default_factory=list, repr=False)  # as written, to look for splits
    spaced_apostrophes: bool | None = None  # does it space its apostrophes often? (on need)
    _shows_splits: bool | None = field(default=None, repr=False)
    _words: dict[str, bool] = field(default_factory=dict, repr=False)
    _tokens: dict[str, TokenInfo] = field(default_factory=dict, repr=False)
    _pairs: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)
    _pair_counts: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _hints: dict[tuple[str, ...], str | bool] = field(default_factory=dict, repr=False)
    _short_hints: dict[tuple[str, str], str | bool] = field(default_factory=dict, repr=False)

    def count(self, token: str) -> int:
        """How often the document writes ``token`` (a word or a compound) as a whole word;
        counted once, on first need (few documents need it)."""
        if self._counts is None:
            self._counts = Counter(WORD_OR_COMPOUND.findall(self.written))
        return self._counts[token]

    def shows_splits(self) -> bool:
        """Does the document show a clear split word anywhere (a piece of three letters or
        more that is no word, which joined to its neighbour makes one)? Asked when a join
        without such a piece is first considered; the lines are read once, up to the first."""
        if self._shows_splits is None:
            self._shows_splits = False  # (the scan below makes clear joins only)
            # Only a line holding a piece that is no word can hold a clear split: most
            # documents have a few such pieces (names, rare words), on a few lines.
            pieces = [
                word
                for word in self.document
                if len(word) >= CLEAR_PIECE_LENGTH
                and word.isalpha()
                and not self.is_word(word)  # (remembered across documents: most words are)
                and self.zipf(word) < CANDIDATE_THRESHOLD
            ]
            self._shows_splits = bool(pieces) and any(
                find_joins(" ".join(line.split()), self, clear_only=True)
                for line, folded in zip(self.lines, map(str.casefold, self.lines), strict=True)
                if any(piece in folded for piece in pieces)
            )
        return self._shows_splits

    def closes_apostrophes(self) -> bool:
        """May a space beside an apostrophe between letters ("l ’Asie") be taken out? Only
        where the document shows extraction's stray spaces: clear split words, or spaced
        apostrophes often. Elsewhere the space is the author's ("Herzegovina ’s")."""
        if self.shows_splits():
            return True
        if self.spaced_apostrophes is None:
            self.spaced_apostrophes = _spaces_apostrophes(self.lines)
        return self.spaced_apostrophes

    def zipf(self, word: str) -> float:
        return _zipf(self.language, word)

    def strip_elision(self, word: str) -> str:
        if "’" not in word and "'" not in word:
            return word
        lowered = word.casefold()
        for elision in self.elisions:
            if lowered.startswith(elision) and len(word) > len(elision):
                return word[len(elision) :]
        return word

    def is_word(self, word: str) -> bool:
        known = self._words.get(word)
        if known is None:
            if len(word) == 1:
                known = word.casefold() in self.one_letter_words
            else:
                known = self.zipf(word) >= _WORD_THRESHOLD.get(len(word), _LONG_WORD_THRESHOLD)
            self._words[word] = known
        return known

    def short_pair(self, end: str, short: str) -> bool:
        """Should a short word be glued to the word ending in ``end`` ("universel" "le")?
        Asked of most pairs of a text: the word list's answer is remembered by the pair."""
        key = (end, short)
        hint = self._short_hints.get(key)
        if hint is None:
            core = split_core(short)[1]
            hint = self._short_hints[key] = bool(end and core) and self.join_hint([end, core])
        if hint is False or (hint is not True and hint not in self.document):
            return False
        known = self._pairs.get(key)
        if known is None:
            known = self._pairs[key] = should_join([end, split_core(short)[1]], self)
        return known

    def join_hint(self, parts: list[str]) -> str | bool:
        """What the word list alone says of joining ``parts`` (``word_list_join_hint``), remembered
        across the documents of the mapping: most joins tried ("nations" "to") are no word
        of it, and only the document could still make them one."""
        key = tuple(parts)
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = word_list_join_hint(parts, self)
        return hint

    def pair_count(self, first: str, second: str) -> int:
        """How often the document writes ``first second`` as two words (each pair counted
        once per document: a count reads the whole text, and the same pairs are asked about
        from every paragraph)."""
        key = (first, second)
        known = self._pair_counts.get(key)
        if known is None:
            known = self._pair_counts[key] = self.text.count(f" {first} {second} ")
        return known

    def token(self, token: str) -> TokenInfo:
        known = self._tokens.get(token)
        if known is None:
            known = self._tokens[token] = token_info(token, self)
        return known

    def learn(self, text: str) -> None:
        """Remember the document's words (its own vocabulary is the best evidence)."""
        words = _WORD_RUN.findall(text.casefold())  # the words, without what parts them
        self.text = f" {' '.join(words)} "  # one space between words: ``pair_count`` reads it
        self._pair_counts.clear()
        self.document.update(words)
        if self.elisions:
            self.document.update(
                self.strip_elision(w) for w in self.document.copy() if "’" in w or "'" in w
            )


@lru_cache(maxsize=200_000)
def _zipf(language: str, word: str) -> float:
    return _frequencies(language).get(word.casefold().replace("’", "'"), 0.0)


def make_lexicon(mapping: Mapping, texts: list[str], wrapped: bool = True) -> Lexicon:
    """A lexicon for one document. What does not depend on the document (is this a word?) is
    remembered across documents of the same mapping, so a long run gets faster. ``wrapped``:
    the text comes wrapped in lines as a page has them, so an extractor may have dropped the
    hyphen of a compound cut at a line end (a text written a paragraph per line has none to
    drop: its spellings are its author's)."""
    words, tokens, hints, short_hints = _shared_caches(mapping)
    lexicon = Lexicon(
        mapping.language.code,
        frozenset(w.casefold() for w in mapping.words.one_letter_words),
        tuple(sorted((e.casefold() for e in mapping.words.elisions), key=len, reverse=True)),
        join_pairs=mapping.words.rejoin_pairs,
        _words=words,
        _tokens=tokens,
        _hints=hints,
        _short_hints=short_hints,
    )
    lexicon.learn("\n".join(texts))
    lexicon.lines = texts
    lexicon.glued_numbers = not glued_forms(mapping).isdisjoint(lexicon.document)
    if mapping.typography.spaced and wrapped:
        lexicon.compounds = present_forms(compound_forms(texts), lexicon.document)
        if lexicon.compounds:
            lexicon.written = "\n".join(texts)
    return lexicon


_APOSTROPHE_BETWEEN = re.compile(rf"{LETTERS} ?[’'] ?{LETTERS}")


def _spaces_apostrophes(texts: list[str]) -> bool:
    """Does the document write a space beside many of its apostrophes between letters?"""
    spaced = total = 0
    for text in texts:
        if "’" in text or "'" in text:
            for found in _APOSTROPHE_BETWEEN.findall(text):
                total += 1
                spaced += " " in found
    return spaced >= _SPACED_APOSTROPHES and spaced >= _SPACED_APOSTROPHE_SHARE * total


_Hints = dict[tuple[str, ...], str | bool]
_Caches = tuple[dict[str, bool], dict[str, TokenInfo], _Hints, dict[tuple[str, str], str | bool]]


def _shared_caches(mapping: Mapping) -> _Caches:
    """Word, token and pair caches shared by the documents of one mapping (emptied when
    large)."""
    caches: _Caches = mapping.caches.setdefault("words", ({}, {}, {}, {}))
    if max(len(cache) for cache in caches) > 200_000:
        caches = mapping.caches["words"] = ({}, {}, {}, {})
    return caches
