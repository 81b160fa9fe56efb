"""operative.unnumbered — a resolution whose one operative paragraph has no number.

An operative verb that introduces points ("Decides:" / "(a) To include …") or numbered
paragraphs ("Resolves that, for 2021:" / "1. Appropriations …"): the verb, the colon and the
first item on the next line are the evidence; a recital never opens with an operative verb.
"""

from __future__ import annotations

from dataclasses import replace

from akn.converter.blocks import Kind
from akn.converter.recognise.numerals import letter_index
from akn.converter.recognise.state import Context, LineView, Match, ReaderState, Zone


def unnumbered_operative(state: ReaderState, line: LineView, context: Context) -> Match | None:
    """An operative verb ending in a colon, before point (a), is the one unnumbered operative
    paragraph."""
    text, following, mapping = line.text, line.following, context.mapping
    if state.zone is not Zone.PREAMBLE or following is None:
        return None
    if text.rstrip()[-1:] not in context.typography.clause_ends:  # "Decides:", "决定："
        return None
    if not line.opened or line.quoting:
        return None
    if not mapping.verb_pattern.match(text) or mapping.phrase_pattern.match(text):
        return None
    if not _first_item(following.text.strip(), context):
        return None
    return Match(
        "operative.unnumbered",
        Kind.PARAGRAPH,
        replace(state.progress, zone=Zone.OPERATIVE, points=()),
    )


def _first_item(text: str, context: Context) -> bool:
    """Does ``text`` open the first item the verb introduces: point "(a)", or paragraph "1."
    ("Resolves that, for 2021:" / "1. Appropriations totalling …", a budget's form)?"""
    label = context.point.match(text)
    if label is not None:
        return letter_index(label.group("num"), context.numbering) == 1
    number = context.operative.match(text)
    return number is not None and number.group("num").strip(" .-") == "1"
