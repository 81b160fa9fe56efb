"""Repair words damaged by PDF extraction (the spacing is ``spacing.py``'s).

PDF text splits words where letters were spaced out ("internat ionales", "Préside n t"),
loses the line-end hyphen's word ("Sud -" / "Est"), puts spaces before punctuation
("Sud-Est ,") and around apostrophes ("l ’Asie"). Rejoining split words needs to know which
words exist: the word list of the `wordfreq` package (frequencies of real usage in 40 languages,
independent of our test corpus) and the document's own vocabulary. A join is made only when the
joined word is a word and at least one part is not, or when the parts are rare as a pair.

A join needs positive evidence, for correct text holds pairs that make a word too ("direct or",
"appel le", "de marcación"). A piece of three letters or more that is no word at all
("internat ionales", "Confere nce") is evidence by itself: a *clear* split. Any other join (both
pieces words, a lone letter, a rare word) is made only in a document that shows clear splits
somewhere (``Lexicon.shows_splits``): a text with none has no stray spaces to undo, and its
pairs are its author's. A spaced apostrophe ("l ’Asie") is closed up on the same evidence, or
where the document spaces its apostrophes often (``Lexicon.closes_apostrophes``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import attrgetter
from typing import cast

from akn.converter.compounds import WORD_OR_COMPOUND, compound_forms, present_forms
from akn.converter.source import SUP_OPEN
from akn.converter.spacing import glued_forms
from akn.converter.word_table import Frequencies
from akn.mapping import Mapping

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
# A piece this long that is rarer than any attested word is no word: the split is clear.
_CLEAR_PIECE_LENGTH = 3
# A document "spaces its apostrophes" when at least this many, and this share of its
# apostrophes between letters, have a space on one side ("l ’Asie", "l’ Association").
_SPACED_APOSTROPHES = 2
_SPACED_APOSTROPHE_SHARE = 0.25

_LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(r"\S+")


@cache
def _frequencies(language: str) -> Frequencies:
    """The wordfreq word list of ``language`` as word -> Zipf frequency (empty if unknown, or
    when wordfreq is not installed: it is the optional ``akn[convert]`` extra). Read from a
    compact table built once per language (``akn.converter.word_table``): loading the whole
    list cost a third of a second and 60 MB per run."""
    from akn.converter.word_table import frequencies

    return frequencies(language)


@dataclass(frozen=True, slots=True)
class _Token:
    lower_start: bool  # could continue a split word: lower case, no leading punctuation
    word: bool  # its letters (around any hyphen, after any elision) are words
    short: bool  # one or two letters
    end: str  # the letters a following piece would be glued to
    # The three flags as one letter ("a" to "h": lower_start 4, word 2, short 1), so that
    # ``_joins`` finds the places a join is possible by one search of a text's letters
    # instead of a loop over its tokens.
    kind: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        code = 4 * self.lower_start + 2 * self.word + self.short
        object.__setattr__(self, "kind", "abcdefgh"[code])


_KIND = attrgetter("kind")
# Where a join may start (``_joins``): the next token starts in lower case and one of the two
# is no word (a, b, e, f: no word; e, f, g, h: lower case start) — or, group 1, both are
# words and the next is short (h), which the pair decides (``Lexicon.short_pair``).
_SPOT = re.compile(r"(?=[abef][efgh]|[cdgh][ef]|([cdgh]h))")


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
    _tokens: dict[str, _Token] = field(default_factory=dict, repr=False)
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
                if len(word) >= _CLEAR_PIECE_LENGTH
                and word.isalpha()
                and not self.is_word(word)  # (remembered across documents: most words are)
                and self.zipf(word) < _CANDIDATE_THRESHOLD
            ]
            self._shows_splits = bool(pieces) and any(
                _joins(" ".join(line.split()), self, clear_only=True)
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
            core = _core(short)[1]
            hint = self._short_hints[key] = bool(end and core) and self.join_hint([end, core])
        if hint is False or (hint is not True and hint not in self.document):
            return False
        known = self._pairs.get(key)
        if known is None:
            known = self._pairs[key] = _should_join([end, _core(short)[1]], self)
        return known

    def join_hint(self, parts: list[str]) -> str | bool:
        """What the word list alone says of joining ``parts`` (``_join_hint``), remembered
        across the documents of the mapping: most joins tried ("nations" "to") are no word
        of it, and only the document could still make them one."""
        key = tuple(parts)
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = _join_hint(parts, self)
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

    def token(self, token: str) -> _Token:
        known = self._tokens.get(token)
        if known is None:
            known = self._tokens[token] = _token(token, self)
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


_APOSTROPHE_BETWEEN = re.compile(rf"{_LETTERS} ?[’'] ?{_LETTERS}")


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
_Caches = tuple[dict[str, bool], dict[str, "_Token"], _Hints, dict[tuple[str, str], str | bool]]


def _shared_caches(mapping: Mapping) -> _Caches:
    """Word, token and pair caches shared by the documents of one mapping (emptied when
    large)."""
    caches: _Caches = mapping.caches.setdefault("words", ({}, {}, {}, {}))
    if max(len(cache) for cache in caches) > 200_000:
        caches = mapping.caches["words"] = ({}, {}, {}, {})
    return caches


# --------------------------------------------------------------------------- split words


_CORE = re.compile(rf"(\W*?)({_LETTERS}[\w’'\-]*?{_LETTERS}|{_LETTERS})(\W*)")
_WORDS = re.compile(r"[^\W\d_][\w’']*")
_WORD_RUN = re.compile(r"[\w’']+")


@lru_cache(maxsize=100_000)
def _core(token: str) -> tuple[str, str, str]:
    """Split a token into leading punctuation, letters/hyphens core, trailing punctuation."""
    match = _CORE.fullmatch(token)
    if not match:
        return "", "", ""
    return match.group(1), match.group(2), match.group(3)


def _token(token: str, lexicon: Lexicon) -> _Token:
    lead, core, _ = _core(token)
    if not core:
        return _Token(False, True, False, "")
    parts = core.split("-")
    first, last = lexicon.strip_elision(parts[0]), parts[-1] if len(parts) > 1 else None
    elided = first != parts[0]
    return _Token(
        not lead and not elided and core[0].islower(),
        lexicon.is_word(first) and (last is None or lexicon.is_word(last)),
        len(first) <= 2,
        (last or first).casefold(),
    )


def rejoin_split_words(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[int, str, str]]]:
    """Join words that PDF extraction split with spaces.

    Returns the text and the joins made: (offset in ``text``, the split form, the word).
    Only places where a join is possible are examined: the next token starts in lower case and
    one of the two is no word, or the next is a short word that glued on would make one. A
    join that is not clear (see the module) is made only in a document that shows clear ones.
    """
    tokens = text.split(" ")
    found = _joins(text, lexicon, tokens=tokens)
    if not found:
        return text, []
    joins: list[tuple[int, str, str]] = []
    out: list[str] = []
    done = 0  # tokens before this index are already in ``out``
    for i, size, word in found:
        out.extend(tokens[done:i])
        before = " ".join(tokens[i : i + size])
        joins.append((len(" ".join(tokens[:i])) + (1 if i else 0), before, word))
        out.append(word)
        done = i + size
    out.extend(tokens[done:])
    return " ".join(out), joins


def _joins(
    text: str, lexicon: Lexicon, clear_only: bool = False, tokens: list[str] | None = None
) -> list[tuple[int, int, str]]:
    """The joins to make in ``text``: (first token, number of tokens, the word). With
    ``clear_only``, the clear ones only (and the first is enough: the caller asks whether
    there is one)."""
    if tokens is None:
        tokens = text.split(" ")
    known = lexicon._tokens
    seen = list(map(known.get, tokens))  # most tokens were seen before, in some document
    if all(seen):  # (a _Token is always true: no __bool__, no __len__)
        info = cast(list[_Token], seen)
    else:
        info = [found or lexicon.token(token) for found, token in zip(seen, tokens, strict=True)]
    kinds = "".join(map(_KIND, info))
    hints, document = lexicon._short_hints, lexicon.document
    spots = []
    for spot in _SPOT.finditer(kinds):
        i = spot.start()
        if spot.group(1) is not None:  # two words, the second short: the pair decides
            end, short = info[i].end, tokens[i + 1]
            # (what ``short_pair`` reads first, without the call: most pairs stop there)
            hint = hints.get((end, short))
            if hint is False or (hint is not None and hint is not True and hint not in document):
                continue
            if not lexicon.short_pair(end, short):
                continue
        spots.append(i)
    found: list[tuple[int, int, str]] = []
    done = 0  # tokens before this index are joined already
    for i in spots:
        if i < done:
            continue
        both_words = info[i].word and info[i + 1].word
        joined = _best_join(tokens, i, lexicon, (2,) if both_words else (4, 3, 2))
        if joined is None:
            continue
        size, word, clear = joined
        if not clear and (clear_only or not lexicon.shows_splits()):
            continue  # no evidence that this text has stray spaces: the pair is the author's
        found.append((i, size, word))
        if clear_only:
            break
        done = i + size
    return found


def _best_join(
    tokens: list[str], start: int, lexicon: Lexicon, sizes: tuple[int, ...] = (4, 3, 2)
) -> tuple[int, str, bool] | None:
    """The join that starts at ``tokens[start]``: how many tokens, the word, and whether the
    split is clear (a piece of it is no word)."""
    lead, head, trail = _core(tokens[start])
    if not head or trail or SUP_OPEN in tokens[start]:
        return None
    for size in sizes:
        if start + size > len(tokens):
            continue
        parts = [head]
        ok = True
        for k in range(1, size):
            part_lead, part, part_trail = _core(tokens[start + k])
            last = k == size - 1
            # Continuations are lower case, without leading punctuation, and only the last may
            # carry trailing punctuation ("réglementai re s," -> "réglementaires,").
            if (
                part_lead
                or not part
                or not part[0].islower()
                or (part_trail and not last)
                or part_trail[:1] in ("’", "'")  # "l’": an elided word, not a fragment
                # "et c)", "loi n°": a lone letter before a bracket or a sign is a label or
                # an abbreviation ("réglementai re s," ends a sentence).
                or (len(part) == 1 and part_trail[:1] not in ("", ",", ".", ";", ":", "!", "?"))
            ):
                ok = False
                break
            parts.append(part)
            end_trail = part_trail
        if not ok:
            continue
        if _should_join(parts, lexicon):
            # "in o rder", "de l a paix": the pieces after a word make a word of their own,
            # more common than the one the word would make with them.
            if lexicon.is_word(lexicon.strip_elision(head)):
                whole = lexicon.zipf("".join(parts))
                alternative = _best_join(tokens, start + 1, lexicon)
                if alternative is not None and lexicon.zipf(_core(alternative[1])[1]) > whole:
                    return None
                rest = "".join(parts[1:])  # "l a": letters of a word too short to rejoin
                if size > 2 and lexicon.is_word(rest) and lexicon.zipf(rest) > whole:
                    return None
            return size, lead + "".join(parts) + end_trail, _clear(parts, lexicon)
    return None


def _clear(parts: list[str], lexicon: Lexicon) -> bool:
    """Is the split clear: a piece of three letters or more (where it touches the split) that
    is rarer than any word the join may make ("ionales", "Confere", "rder")?"""
    found = _inner(parts, lexicon)
    return found is not None and any(
        len(piece) >= _CLEAR_PIECE_LENGTH and lexicon.zipf(piece) < _CANDIDATE_THRESHOLD
        for piece in found[0]
    )


def _join_hint(parts: list[str], lexicon: Lexicon) -> str | bool:
    """What ``_should_join`` says of ``parts`` before it reads the document: False (never
    joined), the case-folded whole when only the document can make it a candidate (it is no
    word of the word list), True when it is one and the rest decides."""
    found = _inner(parts, lexicon)
    if found is None:
        return False
    if lexicon.zipf(found[1]) >= _CANDIDATE_THRESHOLD:
        return True
    return found[1].casefold()


def _inner(parts: list[str], lexicon: Lexicon) -> tuple[list[str], str] | None:
    """The pieces that touch the split and the word they would make; None when they could
    make none."""
    # Only the pieces that touch the split matter in hyphenated words: "vi ce-versa".
    left = lexicon.strip_elision(parts[0].rsplit("-", 1)[-1])
    right = parts[-1].split("-", 1)[0]
    inner = [left, *parts[1:-1], right] if len(parts) > 1 else [left]
    if len(parts) > 1 and "-" in parts[-1] and len(right) == 1:
        return None  # "in e-commerce": a letter and a hyphen make a word ("x-ray", "e-mail")
    if len(left) > 1 and left.isupper():
        return None  # "AU to", "VI de": an acronym or a numeral, and no word goes on in lower case
    candidate = "".join(inner)
    if len(candidate) < 3 or all(len(part) == 1 for part in inner):
        return None  # "a d", "y l": letters, labels or initials, not a split word
    return inner, candidate


def _should_join(parts: list[str], lexicon: Lexicon) -> bool:
    hint = lexicon.join_hint(parts)
    if hint is False or (hint is not True and hint not in lexicon.document):
        return False  # the whole is no candidate: no word, and the document never writes it
    found = _inner(parts, lexicon)
    if found is None:
        return False  # (the hint said so already)
    inner, candidate = found
    fragments = [p for p in inner if not lexicon.is_word(p)]
    if fragments:
        if candidate.casefold() not in lexicon.document and all(
            len(p) > 1 and lexicon.zipf(p) > lexicon.zipf(candidate) for p in fragments
        ):
            return False  # "fe y" is not "fey": pieces more common than the whole are words
        # A lone letter before real words is an initial or a list letter ("54/237 C of").
        return not (len(inner[0]) == 1 and fragments == [inner[0]])
    if len(inner) != 2 or len(inner[1]) > 2 or not lexicon.join_pairs:
        return False
    # Both parts are words: join only when the pair is unlikely and the whole is common.
    if lexicon.pair_count(inner[0].casefold(), inner[1].casefold()) > 1:
        return False
    joined, first, second = (lexicon.zipf(w) for w in (candidate, inner[0], inner[1]))
    if joined <= 0:
        return candidate.casefold() in lexicon.document
    margin = (joined - 9) - ((first - 9) + (second - 9))
    return margin >= _BOTH_WORDS_MARGIN and joined >= first - _BOTH_WORDS_HEAD_SLACK
