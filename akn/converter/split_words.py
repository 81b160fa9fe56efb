"""Repair words damaged by PDF extraction (the spacing is ``spacing.py``'s).

PDF text splits words where letters were spaced out ("internat ionales", "Préside n t"),
loses the line-end hyphen's word ("Sud -" / "Est"), puts spaces before punctuation
("Sud-Est ,") and around apostrophes ("l ’Asie"). Rejoining split words needs to know which
words exist: the lexicon's (``lexicon.py``: the word list and the document's own vocabulary).
A join is made only when the joined word is a word and at least one part is not, or when the
parts are rare as a pair.

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
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, cast

from akn.converter.source import SUP_OPEN

if TYPE_CHECKING:
    from akn.converter.lexicon import Lexicon

# A joined word need only be attested: rare real words ("universality") are still words.
CANDIDATE_THRESHOLD = 2.0
# How much more likely the joined word must be than the two words side by side, when both
# parts are words themselves ("universel le" -> "universelle", but never "may be" -> "maybe").
_BOTH_WORDS_MARGIN = 1.5
_BOTH_WORDS_HEAD_SLACK = 0.2
# A piece this long that is rarer than any attested word is no word: the split is clear.
CLEAR_PIECE_LENGTH = 3

LETTERS = r"[^\W\d_]"


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What the search for joins needs to know of one token (``Lexicon.token`` remembers it)."""

    lower_start: bool  # could continue a split word: lower case, no leading punctuation
    word: bool  # its letters (around any hyphen, after any elision) are words
    short: bool  # one or two letters
    end: str  # the letters a following piece would be glued to
    # The three flags as one letter ("a" to "h": lower_start 4, word 2, short 1), so that
    # ``find_joins`` finds the places a join is possible by one search of a text's letters
    # instead of a loop over its tokens.
    kind: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        code = 4 * self.lower_start + 2 * self.word + self.short
        object.__setattr__(self, "kind", "abcdefgh"[code])


_KIND = attrgetter("kind")
# Where a join may start (``find_joins``): the next token starts in lower case and one of the two
# is no word (a, b, e, f: no word; e, f, g, h: lower case start) — or, group 1, both are
# words and the next is short (h), which the pair decides (``Lexicon.short_pair``).
_SPOT = re.compile(r"(?=[abef][efgh]|[cdgh][ef]|([cdgh]h))")


_CORE = re.compile(rf"(\W*?)({LETTERS}[\w’'\-]*?{LETTERS}|{LETTERS})(\W*)")


@lru_cache(maxsize=100_000)
def split_core(token: str) -> tuple[str, str, str]:
    """Split a token into leading punctuation, letters/hyphens core, trailing punctuation."""
    match = _CORE.fullmatch(token)
    if not match:
        return "", "", ""
    return match.group(1), match.group(2), match.group(3)


def token_info(token: str, lexicon: Lexicon) -> TokenInfo:
    lead, core, _ = split_core(token)
    if not core:
        return TokenInfo(False, True, False, "")
    parts = core.split("-")
    first, last = lexicon.strip_elision(parts[0]), parts[-1] if len(parts) > 1 else None
    elided = first != parts[0]
    return TokenInfo(
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
    found = find_joins(text, lexicon, tokens=tokens)
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


def find_joins(
    text: str, lexicon: Lexicon, clear_only: bool = False, tokens: list[str] | None = None
) -> list[tuple[int, int, str]]:
    """The joins to make in ``text``: (first token, number of tokens, the word). With
    ``clear_only``, the clear ones only (and the first is enough: the caller asks whether
    there is one)."""
    if tokens is None:
        tokens = text.split(" ")
    known = lexicon._tokens
    seen = list(map(known.get, tokens))  # most tokens were seen before, in some document
    if all(seen):  # (a TokenInfo is always true: no __bool__, no __len__)
        info = cast(list[TokenInfo], seen)
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
    lead, head, trail = split_core(tokens[start])
    if not head or trail or SUP_OPEN in tokens[start]:
        return None
    for size in sizes:
        if start + size > len(tokens):
            continue
        parts = [head]
        ok = True
        for k in range(1, size):
            part_lead, part, part_trail = split_core(tokens[start + k])
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
        if should_join(parts, lexicon):
            # "in o rder", "de l a paix": the pieces after a word make a word of their own,
            # more common than the one the word would make with them.
            if lexicon.is_word(lexicon.strip_elision(head)):
                whole = lexicon.zipf("".join(parts))
                alternative = _best_join(tokens, start + 1, lexicon)
                if alternative is not None and lexicon.zipf(split_core(alternative[1])[1]) > whole:
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
        len(piece) >= CLEAR_PIECE_LENGTH and lexicon.zipf(piece) < CANDIDATE_THRESHOLD
        for piece in found[0]
    )


def word_list_join_hint(parts: list[str], lexicon: Lexicon) -> str | bool:
    """What ``should_join`` says of ``parts`` before it reads the document: False (never
    joined), the case-folded whole when only the document can make it a candidate (it is no
    word of the word list), True when it is one and the rest decides."""
    found = _inner(parts, lexicon)
    if found is None:
        return False
    if lexicon.zipf(found[1]) >= CANDIDATE_THRESHOLD:
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


def should_join(parts: list[str], lexicon: Lexicon) -> bool:
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
