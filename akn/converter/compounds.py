"""Compounds whose hyphen PDF extraction dropped ("South-" / "South" read as "SouthSouth"):
the document's hyphenated compounds, the glued forms of them it holds, and the repair (L213).
The word list and the document's words it needs are the lexicon's (``akn.converter.lexicon``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from akn.converter.lexicon import Lexicon

# Tried at word starts only (the look-behind): inside a word it could only fail again.
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)+")


def compound_forms(texts: list[str]) -> dict[str, str]:
    """Each hyphenated compound of the document ("Non-Self-Governing") under the forms with
    one of its hyphens missing ("Non-SelfGoverning", "NonSelf-Governing")."""
    found: dict[str, str] = {}
    hyphenated = "\n".join(text for text in texts if "-" in text)
    for compound in dict.fromkeys(hyphenated_words(hyphenated)):  # each once, in order
        parts = compound.split("-")
        for cut in range(1, len(parts)):
            glued = "-".join([*parts[: cut - 1], parts[cut - 1] + parts[cut], *parts[cut + 1 :]])
            found.setdefault(glued, compound)
    return found


def _is_letter(character: str) -> bool:
    """A character of ``[^\\W\\d_]``: a word character that is no digit and no underscore."""
    return character.isalnum() and not character.isdecimal()


def hyphenated_words(text: str) -> list[str]:
    """The matches of ``_COMPOUND`` in ``text`` (letters joined by hyphens), found from the
    hyphens: a text has far fewer hyphens than word starts, where the pattern would be
    tried."""
    found: list[str] = []
    end = 0  # the end of the last compound: a hyphen before it is inside it
    position = text.find("-")
    while position != -1:
        if position > end and _joins_letters(text, position):
            start = position
            while start and _is_letter(text[start - 1]):
                start -= 1
            stop = position
            while stop < len(text) and text[stop] == "-" and _joins_letters(text, stop):
                stop += 1
                while stop < len(text) and _is_letter(text[stop]):
                    stop += 1
            found.append(text[start:stop])
            end = stop
        position = text.find("-", max(position + 1, end))
    return found


def _joins_letters(text: str, hyphen: int) -> bool:
    return (
        0 < hyphen < len(text) - 1 and _is_letter(text[hyphen - 1]) and _is_letter(text[hyphen + 1])
    )


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def present_forms(compounds: dict[str, str], document: set[str]) -> dict[str, str]:
    """The glued forms the document holds at all: every piece of the form (between its
    hyphens) is a run of letters of the document's words. Looked up in the word set already
    made, so that the lines of most documents are never scanned for a form that is not there."""
    if not compounds:
        return {}
    inner: set[str] | None = None  # the runs of letters inside the words that are not all letters

    def holds(piece: str) -> bool:
        nonlocal inner
        if piece.isalpha() and piece in document:
            return True  # a word of the document (most pieces): no need to read the rest
        if inner is None:
            inner = {
                run for word in document if not word.isalpha() for run in _LETTER_RUN.findall(word)
            }
        return piece in inner

    return {
        glued: compound
        for glued, compound in compounds.items()
        if all(holds(piece.casefold()) for piece in glued.split("-"))
    }


def restore_compound_hyphens(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, str]]]:
    """Put back a hyphen that PDF extraction dropped where it joined a line-end hyphen
    ("South-" / "South" gives "SouthSouth"): only for a form that is no word while the
    document writes the same letters with the hyphen at least three times as often (the
    evidence: "Sondertagung" stays, though the text once writes "Sonder-tagung", and so does
    "handwashing" beside two "hand-washing"). L213."""
    # Most lines hold none of the few glued forms the document has (``present_forms``): a
    # substring test of each says so at C speed; a form found is a word only if it is one
    # of the line's words or compounds, not a piece of a longer one.
    forms = lexicon.compounds
    if not forms or not any(form in text for form in forms):
        return text, []
    if forms.keys().isdisjoint(WORD_OR_COMPOUND.findall(text)):
        return text, []
    fixes: list[tuple[str, str]] = []

    def restore(match: re.Match[str]) -> str:
        token = match.group(0)
        compound = lexicon.compounds.get(token)
        if compound is None:
            return token
        parts = set(compound.split("-"))
        glued = [piece for piece in token.split("-") if piece not in parts]
        if any(lexicon.is_word(piece) for piece in glued):
            return token  # "cooperation" is a word though "co-operation" stands elsewhere
        if lexicon.count(compound) < 3 * lexicon.count(token):
            return token  # the document writes both about as often: a spelling of its own
        fixes.append((token, compound))
        return compound

    return WORD_OR_COMPOUND.sub(restore, text), fixes


WORD_OR_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
